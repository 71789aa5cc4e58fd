//! The latest call: sending, its reply (status, headers, body), or what went wrong and the
//! curl command that goes around the browser's rules.

use hookcheck_core::browser::send::{Explanation, SendFailure};
use hookcheck_core::destination::reply::verdict_of_reply;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::Request;
use yew::prelude::*;

use super::state::Call;
use crate::services::Response;

/// The latest call: `sending` is the call in flight, when one is; `timeout_text` the timeout
/// field's text; `copied` whether the latest call's curl command was copied; `oncopy` copies
/// it (secrets included).
pub fn result_view(
    sending: Option<u32>,
    timeout_text: &str,
    latest: Option<&Call>,
    copied: bool,
    oncopy: &Callback<String>,
) -> Html {
    if let Some(id) = sending {
        return html! {
            <div data-testid="send-result" class="send-result" data-state="sending" data-call={id.to_string()} aria-live="polite" aria-busy="true">
                <p class="send-status">{ format!("Sending… (gives up after {} s)", timeout_text.trim()) }</p>
            </div>
        };
    }
    let Some(call) = latest else {
        return html! {
            <div data-testid="send-result" class="send-result" data-state="idle" aria-live="polite"></div>
        };
    };
    let failure = call.failure();
    let state_name = if failure.is_some() { "failed" } else { "ok" };
    let kind = failure.as_ref().map_or("", SendFailure::kind);
    let oncopy = {
        let text = to_curl(&call.request, true);
        oncopy.reform(move |_: MouseEvent| text.clone())
    };
    html! {
        <div data-testid="send-result" class="send-result" data-state={state_name}
            data-kind={kind} data-call={call.id.to_string()} aria-live="polite">
            if let Ok(response) = &call.result {
                <p class={classes!("send-status", if failure.is_some() { "is-error" } else { "is-ok" })} data-testid="send-status">
                    <b>{ format!("{} {}", response.status, response.status_text) }</b>
                    { format!(" · {} ms", response.elapsed_ms.round() as i64) }
                </p>
                { verdict_view(&call.request, response) }
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

/// What the reply means: in the destination's terms when one answered, by the URL or
/// `x-hookcheck-as` (`400 no_text` → "Slack found no text"), else by its status; the
/// sentence `hookcheck send` prints for the same reply.
fn verdict_view(request: &Request, response: &Response) -> Html {
    let verdict = verdict_of_reply(
        request.destination().map(|found| found.id),
        &response.headers,
        response.status,
        &response.status_text,
        &response.body,
    );
    html! {
        <p class={if verdict.arrived { "send-destination is-ok" } else { "send-destination is-error" }}
            data-testid="send-verdict" data-destination={verdict.destination.map(|id| id.id())}
            data-arrived={verdict.arrived.to_string()}>
            { verdict.sentence }
        </p>
    }
}

/// The body pretty-printed when it is strict JSON (core's parser; no serde in the app).
fn pretty_json(text: &str) -> Option<String> {
    hookcheck_core::syntax::json::read_strict(text).map(|json| json.to_pretty())
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
