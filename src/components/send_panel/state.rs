//! The send panel's state: the timeout field, what the panel is doing, and the calls made
//! from this page. One reducer; the components only read it and dispatch actions.

use std::rc::Rc;

use hookcheck_core::browser::relay::Pairing;
use hookcheck_core::browser::send::{
    http_failure, parse_timeout_seconds, SendFailure, DEFAULT_TIMEOUT_MS,
};
use hookcheck_core::{Outcome, Request};
use web_sys::AbortController;
use yew::prelude::*;

use crate::services::{self, Response, SendError};

/// How many calls the history keeps.
const HISTORY_LEN: usize = 10;

/// One call and what came of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub id: u32,
    pub outcome: Option<Outcome>,
    /// Shared with the page's preview: the history keeps requests without copying them.
    pub request: Rc<Request>,
    /// Local time of day it was sent, `HH:MM:SS`.
    pub at: String,
    pub result: Result<Response, SendError>,
}

impl Call {
    /// The failure to explain: a network-level one, or an HTTP status outside 2xx.
    pub fn failure(&self) -> Option<SendFailure> {
        match &self.result {
            Ok(response) => http_failure(response.status, &response.status_text),
            Err(error) => Some(error.failure.clone()),
        }
    }

    pub fn elapsed_ms(&self) -> f64 {
        match &self.result {
            Ok(response) => response.elapsed_ms,
            Err(error) => error.elapsed_ms,
        }
    }

    /// One line for the history: the status, or what went wrong.
    pub fn summary(&self) -> String {
        match (&self.result, self.failure()) {
            (Ok(response), None) => format!("{} {}", response.status, response.status_text)
                .trim_end()
                .to_string(),
            (_, Some(failure)) => failure.short(),
            (Err(_), None) => String::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    /// Waiting for the person to confirm sending secrets: the question.
    Confirming(String),
    /// A call is out; the controller is the Cancel button's.
    InFlight {
        id: u32,
        controller: AbortController,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct PanelState {
    pub timeout_text: String,
    pub phase: Phase,
    /// Newest first.
    pub history: Vec<Call>,
    pub next_id: u32,
    /// The call whose curl command was copied last.
    pub copied: Option<u32>,
}

impl Default for PanelState {
    fn default() -> Self {
        PanelState {
            timeout_text: (DEFAULT_TIMEOUT_MS / 1000).to_string(),
            phase: Phase::Idle,
            history: Vec::new(),
            next_id: 1,
            copied: None,
        }
    }
}

pub enum PanelAction {
    SetTimeout(String),
    Ask(String),
    Dismiss,
    Started(AbortController),
    Finished(Box<Call>),
    Copied(u32),
}

impl Reducible for PanelState {
    type Action = PanelAction;

    fn reduce(self: Rc<Self>, action: PanelAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PanelAction::SetTimeout(text) => next.timeout_text = text,
            PanelAction::Ask(question) => next.phase = Phase::Confirming(question),
            PanelAction::Dismiss => next.phase = Phase::Idle,
            PanelAction::Started(controller) => {
                next.phase = Phase::InFlight {
                    id: next.next_id,
                    controller,
                };
                next.next_id += 1;
            }
            PanelAction::Finished(call) => {
                if matches!(&next.phase, Phase::InFlight { id, .. } if *id == call.id) {
                    next.phase = Phase::Idle;
                }
                next.history.insert(0, *call);
                next.history.truncate(HISTORY_LEN);
            }
            PanelAction::Copied(id) => next.copied = Some(id),
        }
        Rc::new(next)
    }
}

/// `HH:MM:SS` of the local clock.
fn time_of_day() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// Starts the call, through the relay when `relay` pairs one: a fresh controller for Cancel,
/// the fetch in a task, the result back into the reducer.
pub fn start(
    state: &UseReducerHandle<PanelState>,
    request: Rc<Request>,
    outcome: Option<Outcome>,
    relay: Option<Pairing>,
) {
    let Ok(timeout_ms) = parse_timeout_seconds(&state.timeout_text) else {
        return;
    };
    let Ok(controller) = AbortController::new() else {
        return;
    };
    let id = state.next_id;
    let signal = controller.signal();
    state.dispatch(PanelAction::Started(controller));
    let dispatcher = state.dispatcher();
    let at = time_of_day();
    yew::platform::spawn_local(async move {
        let result = match &relay {
            Some(pairing) => services::relay::send(pairing, &request, timeout_ms, &signal).await,
            None => services::send(&request, timeout_ms, &signal).await,
        };
        dispatcher.dispatch(PanelAction::Finished(Box::new(Call {
            id,
            outcome,
            request,
            at,
            result,
        })));
    });
}
