//! Send test call: fires the previewed request with `fetch` and shows the reply, or says
//! in plain words why there is none. Every decision (preflight, dropped headers, guard
//! rails, what a failure means) comes from `hookcheck_core::cors`; this component presents.

use std::rc::Rc;

use hookcheck_core::cors::{
    dropped_headers, http_failure, mixed_content, needs_confirmation, parse_timeout_seconds,
    predict_preflight, send_guard, Explanation, SendFailure, DEFAULT_TIMEOUT_MS,
};
use hookcheck_core::curl::to_curl;
use hookcheck_core::url::check_url;
use hookcheck_core::{Outcome, Request};
use web_sys::{AbortController, HtmlInputElement};
use yew::prelude::*;

use crate::components::destination_reply::{destination_reply, destination_send_warning};
use crate::services::{self, Response, SendError};

/// How many calls the history keeps.
const HISTORY_LEN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct SendPanelProps {
    /// The exact request of the selected outcome; `None` when the input is invalid.
    pub request: Option<Rc<Request<'static>>>,
    /// The selected outcome, recorded in the history of calls.
    #[prop_or_default]
    pub outcome: Option<Outcome>,
}

/// One call and what came of it.
#[derive(Clone, Debug, PartialEq)]
struct Call {
    id: u32,
    outcome: Option<Outcome>,
    /// Shared with the page's preview: the history keeps requests without copying them.
    request: Rc<Request<'static>>,
    /// Local time of day it was sent, `HH:MM:SS`.
    at: String,
    result: Result<Response, SendError>,
}

impl Call {
    /// The failure to explain: a network-level one, or an HTTP status outside 2xx.
    fn failure(&self) -> Option<SendFailure> {
        match &self.result {
            Ok(response) => http_failure(response.status, &response.status_text),
            Err(error) => Some(error.failure.clone()),
        }
    }

    fn elapsed_ms(&self) -> f64 {
        match &self.result {
            Ok(response) => response.elapsed_ms,
            Err(error) => error.elapsed_ms,
        }
    }

    fn summary(&self) -> String {
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
enum Phase {
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
struct PanelState {
    timeout_text: String,
    phase: Phase,
    history: Vec<Call>,
    next_id: u32,
    copied: Option<u32>,
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

enum PanelAction {
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

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_else(|| "null".into())
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The body pretty-printed when it is strict JSON (core's parser; no serde in the app).
fn pretty_json(text: &str) -> Option<String> {
    hookcheck_core::json::read_strict(text).map(|json| json.to_pretty())
}

/// Starts the call: a fresh controller for Cancel, the fetch in a task, the result back
/// into the reducer.
fn start(
    state: &UseReducerHandle<PanelState>,
    request: Rc<Request<'static>>,
    outcome: Option<Outcome>,
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
        let result = services::send(&request, timeout_ms, &signal).await;
        dispatcher.dispatch(PanelAction::Finished(Box::new(Call {
            id,
            outcome,
            request,
            at,
            result,
        })));
    });
}

fn explanation_view(explanation: &Explanation, kind: &str) -> Html {
    html! {
        <div class="send-explanation" data-testid="send-explanation" data-kind={kind.to_string()} role="alert">
            <h3>{ &explanation.title }</h3>
            <p>{ &explanation.message }</p>
            <p class="send-what-to-do"><b>{ "What to do: " }</b>{ &explanation.what_to_do }</p>
        </div>
    }
}

fn headers_view(headers: &[(String, String)]) -> Html {
    if headers.is_empty() {
        return html! { <p class="send-note">{ "No response headers are readable by this page." }</p> };
    }
    html! {
        <ul class="send-response-headers" data-testid="send-response-headers">
            { for headers.iter().map(|(name, value)| html! { <li><b>{ name }</b>{ ": " }{ value }</li> }) }
        </ul>
    }
}

#[component]
pub fn SendPanel(props: &SendPanelProps) -> Html {
    let state = use_reducer(PanelState::default);

    let guard = send_guard(props.request.as_deref(), props.request.is_none());
    let timeout = parse_timeout_seconds(&state.timeout_text);
    let in_flight = matches!(state.phase, Phase::InFlight { .. });
    let origin = page_origin();
    // Follow the network as it comes and goes, not only as it was at the last render.
    let online_state = use_state(is_online);
    use_effect_with((), {
        let online_state = online_state.clone();
        move |_| {
            let listener = crate::web::WindowListener::new(&["online", "offline"], move || {
                online_state.set(is_online())
            });
            move || drop(listener)
        }
    });
    let online = *online_state;

    let onsend = {
        let state = state.clone();
        let request = props.request.clone();
        let outcome = props.outcome;
        Callback::from(move |_: MouseEvent| {
            let Some(request) = request.clone() else {
                return;
            };
            match needs_confirmation(&request) {
                Some(question) => state.dispatch(PanelAction::Ask(question)),
                None => start(&state, request, outcome),
            }
        })
    };
    let onconfirm = {
        let state = state.clone();
        let request = props.request.clone();
        let outcome = props.outcome;
        Callback::from(move |_: MouseEvent| {
            state.dispatch(PanelAction::Dismiss);
            if let Some(request) = request.clone() {
                start(&state, request, outcome);
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
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(PanelAction::SetTimeout(input.value()));
        })
    };

    // ---- before sending: what will happen --------------------------------------------------
    let prediction = match (&guard, &props.request) {
        (Err(refusal), _) => {
            let e = refusal.explain();
            html! {
                <div class="send-refusal" data-testid="send-refusal">
                    <p><b>{ &e.title }</b>{ ". " }{ &e.message }</p>
                    <p class="send-what-to-do">{ &e.what_to_do }</p>
                </div>
            }
        }
        (Ok(()), Some(request)) => {
            let preflight = predict_preflight(request, &origin);
            let dropped = dropped_headers(request);
            let page_scheme = origin.split("://").next().unwrap_or("");
            let mixed = check_url(&request.url)
                .parts
                .is_some_and(|parts| mixed_content(page_scheme, &parts));
            html! {
                <div class="send-before">
                    <p class="send-prediction" data-testid="send-prediction"
                        data-preflight={preflight.needed.to_string()}>{ preflight.summary() }</p>
                    if !dropped.is_empty() {
                        <p class="send-warning" data-testid="send-dropped">
                            { format!("The browser will not send {}: testRTC sends them, the test call goes without them.", dropped.join(", ")) }
                        </p>
                    }
                    // Destination (Slack, …): what the browser cannot do there, curl instead.
                    { destination_send_warning(request) }
                    if mixed {
                        <p class="send-warning" data-testid="send-mixed">
                            { "This page is https and the URL is plain http: the browser will block the call (mixed content). Use the curl command or an https URL." }
                        </p>
                    }
                </div>
            }
        }
        (Ok(()), None) => Html::default(),
    };
    let offline_note = (!online).then(|| html! {
        <p class="send-warning" data-testid="send-offline">
            { "Your browser is offline: only a receiver on this machine (hookcheck receive) can be reached." }
        </p>
    });

    // ---- controls ---------------------------------------------------------------------------
    let send_disabled = guard.is_err()
        || timeout.is_err()
        || in_flight
        || matches!(state.phase, Phase::Confirming(_));
    let controls = html! {
        <div class="send-controls">
            <button class="send-button" data-testid="send" disabled={send_disabled} onclick={onsend}>
                { "Send test call" }
            </button>
            <label class="send-timeout">
                { "Timeout (s) " }
                <input data-testid="send-timeout" type="number" min="0.1" max="300" step="0.1"
                    value={state.timeout_text.clone()} oninput={ontimeout} />
            </label>
            if in_flight {
                <button class="send-cancel" data-testid="send-cancel" onclick={oncancel}>{ "Cancel" }</button>
            }
            if let Err(message) = &timeout {
                <p class="send-warning" data-testid="send-timeout-error">{ message }</p>
            }
        </div>
    };
    let confirm = match &state.phase {
        Phase::Confirming(question) => html! {
            <div class="send-confirm" data-testid="send-confirm" role="alertdialog" aria-label="Confirm sending secrets">
                <p>{ question }</p>
                <button data-testid="send-confirm-yes" onclick={onconfirm}>{ "Send anyway" }</button>
                <button data-testid="send-confirm-no" onclick={ondismiss}>{ "Don't send" }</button>
            </div>
        },
        _ => Html::default(),
    };

    // ---- the result of the latest call --------------------------------------------------------
    let result = match (&state.phase, state.history.first()) {
        (Phase::InFlight { id, .. }, _) => html! {
            <div data-testid="send-result" class="send-result" data-state="sending" data-call={id.to_string()} aria-live="polite" aria-busy="true">
                <p class="send-status">{ format!("Sending… (gives up after {} s)", state.timeout_text.trim()) }</p>
            </div>
        },
        (_, Some(call)) => {
            let failure = call.failure();
            let state_name = if failure.is_some() { "failed" } else { "ok" };
            let kind = failure.as_ref().map_or("", SendFailure::kind);
            let copied = state.copied == Some(call.id);
            let oncopy = {
                let text = to_curl(&call.request, true);
                let state = state.clone();
                let id = call.id;
                Callback::from(move |_: MouseEvent| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.navigator().clipboard().write_text(&text);
                        state.dispatch(PanelAction::Copied(id));
                    }
                })
            };
            html! {
                <div data-testid="send-result" class="send-result" data-state={state_name}
                    data-kind={kind} data-call={call.id.to_string()} aria-live="polite">
                    if let Ok(response) = &call.result {
                        <p class={classes!("send-status", if failure.is_some() { "is-error" } else { "is-ok" })} data-testid="send-status">
                            <b>{ format!("{} {}", response.status, response.status_text) }</b>
                            { format!(" · {} ms", response.elapsed_ms.round() as i64) }
                        </p>
                        // The reply in the destination's terms (`400 no_text` → "Slack found no text").
                        { destination_reply(&call.request.url, &response.headers, response.status, &response.body) }
                    } else {
                        <p class="send-status is-error" data-testid="send-status">
                            <b>{ failure.as_ref().map(SendFailure::short).unwrap_or_default() }</b>
                            { format!(" · {} ms", call.elapsed_ms().round() as i64) }
                        </p>
                    }
                    if let Some(failure) = &failure {
                        { explanation_view(&failure.explain(), failure.kind()) }
                    }
                    if let Ok(response) = &call.result {
                        <h3 class="send-subhead">{ "Response headers" }</h3>
                        { headers_view(&response.headers) }
                        <h3 class="send-subhead">{ "Response body" }</h3>
                        <pre class="send-response-body" data-testid="send-response-body">
                            { pretty_json(&response.body).unwrap_or_else(|| response.body.clone()) }
                        </pre>
                    }
                    if failure.is_some() {
                        <h3 class="send-subhead">{ "The same request with curl (no browser rules)" }</h3>
                        <pre class="send-curl" data-testid="send-curl">{ to_curl(&call.request, false) }</pre>
                        <button data-testid="send-copy-curl" onclick={oncopy}>
                            { if copied { "Copied (secrets included)" } else { "Copy curl command" } }
                        </button>
                    }
                </div>
            }
        }
        (_, None) => html! {
            <div data-testid="send-result" class="send-result" data-state="idle" aria-live="polite"></div>
        },
    };

    // ---- history ----------------------------------------------------------------------------
    let history = (!state.history.is_empty()).then(|| html! {
        <table class="send-history" data-testid="send-history">
            <caption>{ "Calls from this page" }</caption>
            <thead><tr><th>{ "#" }</th><th>{ "Outcome" }</th><th>{ "URL" }</th><th>{ "Result" }</th><th>{ "Time" }</th><th>{ "Sent at" }</th></tr></thead>
            <tbody>
                { for state.history.iter().map(|call| html! {
                    <tr data-kind={call.failure().map_or("ok", |f| f.kind())}>
                        <td>{ call.id }</td>
                        <td>{ call.outcome.map_or("—", Outcome::as_str) }</td>
                        <td class="send-history-url">{ &*call.request.url }</td>
                        <td>{ call.summary() }</td>
                        <td>{ format!("{} ms", call.elapsed_ms().round() as i64) }</td>
                        <td>{ &call.at }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    });

    html! {
        <section class="send-panel" aria-labelledby="send-panel-title">
            <h2 id="send-panel-title">{ "Send test call" }</h2>
            <p class="send-note">{ "Sends the previewed request from this browser. testRTC sends it server to server, so browser rules (CORS, forbidden headers) apply here only." }</p>
            { prediction }
            { for offline_note }
            { controls }
            { confirm }
            { result }
            { for history }
        </section>
    }
}
