//! Valid or not, with the counts, announced to screen readers.

use hookcheck_core::{Report, Severity};
use yew::prelude::*;

/// The counts only, so a keystroke compares two numbers here, not two reports.
#[derive(Properties, PartialEq)]
pub struct ValidityProps {
    pub errors: usize,
    pub warnings: usize,
}

impl ValidityProps {
    /// The counts of a check.
    pub fn of(report: &Report) -> ValidityProps {
        ValidityProps {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
        }
    }
}

#[component]
pub fn Validity(props: &ValidityProps) -> Html {
    let ValidityProps { errors, warnings } = *props;
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
