//! The names a body template may read: testRTC's documented variables, or the paths of
//! another product's payload ([`Vocabulary`]).

/// The documented template variables, in the order of testRTC's "Variables" table.
pub const DOCUMENTED: [&str; 13] = [
    "testRunId",
    "testName",
    "projectName",
    "runName",
    "runType",
    "status",
    "error",
    "additionalInfo",
    "failureReasons",
    "failureScreenshot",
    "score",
    "resultUrl",
    "concurrentUsers",
];

/// Variables that only carry something when a run fails.
pub const FAILURE_ONLY: [&str; 3] = ["error", "failureReasons", "failureScreenshot"];

pub fn is_documented(name: &str) -> bool {
    DOCUMENTED.contains(&name)
}

/// Where `name` stands in [`DOCUMENTED`], if it is documented.
pub(crate) fn index(name: &str) -> Option<usize> {
    DOCUMENTED.iter().position(|&documented| documented == name)
}

/// What a template's `this.<path>` is checked against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Vocabulary<'a> {
    /// testingRTC's flat [`DOCUMENTED`] variables: a dotted path is a legacy one.
    #[default]
    Testrtc,
    /// A product's payload, read by dotted paths into its objects.
    Payload {
        /// Every path, dotted (`project.name`).
        paths: &'a [String],
        /// The payload in messages: `the watchRTC alert`.
        what: &'a str,
    },
}

impl Vocabulary<'_> {
    /// Every name the template can read, in the docs' order or the payload's (an object
    /// just before its members).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let (documented, paths): (&[&str], &[String]) = match self {
            Vocabulary::Testrtc => (&DOCUMENTED, &[]),
            Vocabulary::Payload { paths, .. } => (&[], paths),
        };
        (documented.iter().copied()).chain(paths.iter().map(String::as_str))
    }

    /// Whether `path` (dotted, without `this.`) names something the template can read.
    pub fn knows(&self, path: &str) -> bool {
        match self {
            Vocabulary::Testrtc => is_documented(path),
            Vocabulary::Payload { paths, .. } => paths.iter().any(|p| p == path),
        }
    }
}
