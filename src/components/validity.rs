//! The two verdicts at a glance, announced to screen readers: `Invalid · 2 errors · …` when
//! testRTC cannot use the config, `Won't arrive · Slack answers 400 no_text` when it sends
//! but the destination refuses, `Valid · 1 warning` otherwise. The words are core's.

use hookcheck_core::browser::wording::{badge, BadgeKind};
use hookcheck_core::Report;
use yew::prelude::*;

/// The badge's kind and words only, so a keystroke compares two short values here, not two
/// reports.
#[derive(Properties, PartialEq)]
pub struct ValidityProps {
    pub kind: BadgeKind,
    pub text: AttrValue,
}

impl ValidityProps {
    /// The badge of a check.
    pub fn of(report: &Report) -> ValidityProps {
        let (kind, text) = badge(report);
        ValidityProps {
            kind,
            text: text.into(),
        }
    }
}

#[component]
pub fn Validity(props: &ValidityProps) -> Html {
    html! {
        <p id="hookcheck-validity" class={classes!("validity", props.kind.class())}
            data-testid="validity" role="status" aria-live="polite">{ props.text.clone() }</p>
    }
}
