//! Send test call: fires the previewed request with `fetch` and shows the reply, or says in
//! plain words why there is none. Every decision and sentence about webhooks (preflight,
//! dropped headers, guard rails, what a failure means) comes from core
//! (`hookcheck_core::browser::send`); this component presents it.
//!
//! The panel holds the state ([`state`]) and lays out its parts, one file each: what will
//! happen ([`prediction`]), the controls, the question before secrets leave ([`confirm`]),
//! the latest reply ([`result`]), the calls so far ([`history`]), and the paired
//! `hookcheck relay` ([`relay`]). A pairing link (`#relay=PORT:TOKEN`) pairs the panel when
//! it first renders, or when the link is opened in the same tab later. The parts are view
//! functions, not components: they hold no state of their own, and each Yew component
//! brings its own copy of Yew's lifecycle code into the wasm (a few KB each).

mod confirm;
mod controls;
mod history;
mod prediction;
mod relay;
mod result;
mod state;

use std::rc::Rc;

use hookcheck_core::browser::relay::PAIRED;
use hookcheck_core::browser::send::notes::{INTRO, OFFLINE};
use hookcheck_core::browser::send::{needs_confirmation, parse_timeout_seconds, send_guard};
use hookcheck_core::{Outcome, Request};
use yew::prelude::*;

use self::confirm::confirm_view;
use self::controls::{controls_view, SendControls};
use self::history::history_view;
use self::prediction::{prediction_view, Sender};
use self::relay::Paired;
use self::result::result_view;
use self::state::{start, PanelAction, PanelState, Phase};

#[derive(Properties, PartialEq)]
pub struct SendPanelProps {
    /// The exact request of the selected outcome; `None` when the input is invalid.
    pub request: Option<Rc<Request>>,
    /// The selected outcome, recorded in the history of calls.
    #[prop_or_default]
    pub outcome: Option<Outcome>,
}

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_else(|| "null".into())
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

#[component]
pub fn SendPanel(props: &SendPanelProps) -> Html {
    let state = use_reducer(PanelState::default);
    let paired = use_state(Paired::now);
    // Follow the network as it comes and goes, not only as it was at the last render.
    let online = use_state(is_online);
    use_effect_with((), {
        let online = online.clone();
        move |_| {
            let listener = crate::web::WindowListener::new(&["online", "offline"], move || {
                online.set(is_online())
            });
            move || drop(listener)
        }
    });
    // A pairing link opened in this tab later changes only the fragment.
    use_effect_with((), {
        let paired = paired.setter();
        move |_| {
            let listener = crate::web::WindowListener::new(&["hashchange"], move || {
                if let Some(taken) = crate::services::relay::take_from_address() {
                    paired.set(Paired::after(Some(taken)));
                }
            });
            move || drop(listener)
        }
    });
    let onunpair = {
        let paired = paired.clone();
        Callback::from(move |_: MouseEvent| {
            crate::services::relay::unpair();
            paired.set(Paired::default());
        })
    };
    let relay = paired.pairing.clone();

    let guard = send_guard(props.request.as_deref(), props.request.is_none());
    let timeout = parse_timeout_seconds(&state.timeout_text);
    let in_flight = match &state.phase {
        Phase::InFlight { id, .. } => Some(*id),
        _ => None,
    };

    let onsend = {
        let state = state.clone();
        let (request, outcome, relay) = (props.request.clone(), props.outcome, relay.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(request) = request.clone() else {
                return;
            };
            match needs_confirmation(&request) {
                Some(question) => state.dispatch(PanelAction::Ask(question)),
                None => start(&state, request, outcome, relay.clone()),
            }
        })
    };
    let onconfirm = {
        let state = state.clone();
        let (request, outcome, relay) = (props.request.clone(), props.outcome, relay.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(PanelAction::Dismiss);
            if let Some(request) = request.clone() {
                start(&state, request, outcome, relay.clone());
            }
        })
    };
    let ondismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(PanelAction::Dismiss))
    };
    let oncancel = {
        let phase = state.phase.clone();
        Callback::from(move |_: MouseEvent| {
            if let Phase::InFlight { controller, .. } = &phase {
                controller.abort();
            }
        })
    };
    let ontimeout = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(PanelAction::SetTimeout(text)))
    };
    let oncopy = {
        let state = state.clone();
        let id = state.history.first().map(|call| call.id);
        Callback::from(move |text: String| {
            if let (Some(window), Some(id)) = (web_sys::window(), id) {
                let _ = window.navigator().clipboard().write_text(&text);
                state.dispatch(PanelAction::Copied(id));
            }
        })
    };

    let latest = state.history.first().cloned();
    let copied = latest
        .as_ref()
        .is_some_and(|call| state.copied == Some(call.id));
    let origin = page_origin();
    let page = crate::web::page_address();
    html! {
        <section class="send-panel" aria-labelledby="send-panel-title">
            <h2 id="send-panel-title">{ "Send test call" }</h2>
            // While paired, calls go through the relay: the browser's rules do not apply.
            <p class="send-note">{ if relay.is_some() { PAIRED } else { INTRO } }</p>
            { prediction_view(guard.as_ref().err(), props.request.as_ref(), Sender {
                origin: &origin,
                page: &page,
                paired: &paired,
                onunpair,
            }) }
            if !*online {
                <p class="send-warning" data-testid="send-offline">{ OFFLINE }</p>
            }
            { controls_view(SendControls {
                disabled: guard.is_err() || timeout.is_err() || in_flight.is_some()
                    || matches!(state.phase, Phase::Confirming(_)),
                in_flight: in_flight.is_some(),
                timeout_text: state.timeout_text.clone(),
                timeout_error: timeout.err(),
                onsend,
                oncancel,
                ontimeout,
            }) }
            if let Phase::Confirming(question) = &state.phase {
                { confirm_view(question, onconfirm, ondismiss) }
            }
            { result_view(in_flight, &state.timeout_text, latest.as_ref(), copied, &oncopy) }
            { history_view(&state.history) }
        </section>
    }
}
