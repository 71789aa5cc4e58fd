//! The app's one state and its actions (a `use_reducer`), and what is derived from it.

use std::rc::Rc;

use hookcheck_core::check::Mode;
use hookcheck_core::{check, render_request, Outcome, Report, Request, SampleData};
use yew::Reducible;

/// Everything the person has chosen. Everything else is derived from it.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub text: String,
    /// `None` auto-detects.
    pub mode: Option<Mode>,
    pub outcome: Outcome,
}

impl Default for State {
    fn default() -> Self {
        State {
            text: "https://webhook.site/80e9df96-8f69-4297-927a-00a28d723191".into(),
            mode: None,
            outcome: Outcome::Success,
        }
    }
}

/// What the person can do.
pub enum Action {
    SetText(String),
    SetMode(Option<Mode>),
    SelectOutcome(Outcome),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetText(text) => next.text = text,
            Action::SetMode(mode) => next.mode = mode,
            Action::SelectOutcome(outcome) => next.outcome = outcome,
        }
        Rc::new(next)
    }
}

/// The check of the current text and the request for the selected outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    pub report: Report,
    pub request: Option<Request>,
}

impl Derived {
    pub fn of(state: &State) -> Derived {
        let report = check(&state.text, state.mode);
        let request = report
            .config
            .as_ref()
            .map(|config| render_request(config, &SampleData::for_outcome(state.outcome)));
        Derived { report, request }
    }
}
