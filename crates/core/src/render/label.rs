//! Where each part of a request comes from: documented by testRTC, or assumed by hookcheck.

use std::borrow::Cow;

/// Whether testRTC documents a part of the request, or hookcheck assumes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    Documented,
    Assumed,
}

impl Provenance {
    pub const fn as_str(self) -> &'static str {
        match self {
            Provenance::Documented => "documented",
            Provenance::Assumed => "assumed",
        }
    }

    /// Assumed if either is.
    pub fn and(self, other: Provenance) -> Provenance {
        if self == Provenance::Assumed || other == Provenance::Assumed {
            Provenance::Assumed
        } else {
            Provenance::Documented
        }
    }
}

/// A part of the request with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub provenance: Provenance,
    /// Why: the source, or the assumption, in one sentence. Most are fixed sentences,
    /// borrowed rather than copied into every request.
    pub why: Cow<'static, str>,
}

impl Label {
    pub fn documented(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Documented,
            why: why.into(),
        }
    }

    pub fn assumed(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Assumed,
            why: why.into(),
        }
    }

    /// Documented or assumed as a fact's source says.
    pub fn of(documented: bool, why: impl Into<Cow<'static, str>>) -> Label {
        match documented {
            true => Label::documented(why),
            false => Label::assumed(why),
        }
    }
}
