//! Valid or not, with the counts, announced to screen readers.

use hookcheck_core::{Report, Severity};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ValidityProps {
    /// The check of the current text.
    pub report: Report,
}

#[component]
pub fn Validity(props: &ValidityProps) -> Html {
    let errors = props.report.count(Severity::Error);
    let warnings = props.report.count(Severity::Warning);
    let (class, text) = if errors == 0 {
        (
            "validity valid",
            format!("Valid · {warnings} warning{}", plural(warnings)),
        )
    } else {
        (
            "validity invalid",
            format!(
                "{errors} error{} · {warnings} warning{}",
                plural(errors),
                plural(warnings)
            ),
        )
    };
    html! {
        <p id="hookcheck-validity" class={class} data-testid="validity" role="status" aria-live="polite">{ text }</p>
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
