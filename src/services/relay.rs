//! The paired `hookcheck relay`: the pairing kept in `sessionStorage` only (never
//! `localStorage`, a share link or the embed), the pairing link's fragment taken out of the
//! address bar, and the test call posted to the relay. Every document, address and word is
//! core's ([`hookcheck_core::browser::relay`]); this layer only reads the browser.
//!
//! The request document is written through its serde type ([`crate::web::to_js`], as the JS
//! API's documents) and `JSON.stringify`; the relay's answers are read by core
//! (`RelayReply::from_json`: no serde deserializer in the wasm, core's module doc says why).

use hookcheck_core::browser::relay::{
    Pairing, PairingError, RelayError, RelayFailure, RelayReply, RelayRequest,
};
use hookcheck_core::browser::send::{Probe, SendFailure};
use hookcheck_core::Request;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::send::{error_parts, fetch, now_ms, probe, Deadline, Response, SendError};

/// The `sessionStorage` key of the pairing (`PORT:TOKEN`).
const KEY: &str = "hookcheck.relay";

/// How much longer than the relay's own timeout the page waits, so that the relay's `504`
/// (which says more) comes first.
const GRACE_MS: u32 = 5_000;

#[wasm_bindgen]
extern "C" {
    /// `history.replaceState(null, "", url)`: the address bar shows `url`, with no reload,
    /// no history entry and no `hashchange`.
    #[wasm_bindgen(js_namespace = history, js_name = replaceState, catch)]
    fn replace_state(state: &JsValue, unused: &str, url: &str) -> Result<(), JsValue>;
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Takes a pairing link's fragment out of the address bar: a good pairing is kept for this
/// tab, and the fragment removed either way. `None` when the fragment is no pairing link.
pub fn take_from_address() -> Option<Result<Pairing, PairingError>> {
    let location = web_sys::window()?.location();
    let taken = Pairing::from_fragment(&location.hash().ok()?)?;
    let rest = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let _ = replace_state(&JsValue::NULL, "", &rest);
    if let (Ok(pairing), Some(session)) = (&taken, session()) {
        let _ = session.set_item(KEY, &pairing.stored());
    }
    Some(taken)
}

/// The pairing this tab keeps, if any.
pub fn stored() -> Option<Pairing> {
    Pairing::parse(&session()?.get_item(KEY).ok()??).ok()
}

/// Forgets this tab's pairing.
pub fn unpair() {
    if let Some(session) = session() {
        let _ = session.remove_item(KEY);
    }
}

/// The request document as JSON text.
fn document_json(document: &RelayRequest) -> Result<String, JsValue> {
    js_sys::JSON::stringify(&crate::web::to_js(document)?).map(String::from)
}

/// Sends `request` through the relay of `pairing`: the destination's reply, whatever its
/// status, is `Ok`; the relay's refusals and a relay that does not answer are
/// [`SendFailure::Relay`].
pub async fn send(
    pairing: &Pairing,
    request: &Request,
    timeout_ms: u32,
    cancel: &AbortSignal,
) -> Result<Response, SendError> {
    let start = now_ms();
    let document = RelayRequest::of(request, timeout_ms);
    // What the relay waits for, as the document says (clamped to the relay's limit).
    let waited =
        (document.timeout_ms).map_or(timeout_ms, |ms| u32::try_from(ms).unwrap_or(u32::MAX));
    let deadline = Deadline::start(waited.saturating_add(GRACE_MS), cancel)?;
    let result = post(pairing, &document, &deadline.signal()).await;
    let ended = deadline.end();
    let elapsed_ms = now_ms() - start;
    let fail = |failure| SendError {
        failure,
        elapsed_ms,
    };
    let (status, text) = match result {
        Ok(answer) => answer,
        Err(Rejected(rejected)) => {
            if let Some(failure) = SendFailure::ended_early(
                ended.cancelled,
                ended.timed_out,
                elapsed_ms.round() as u32,
                timeout_ms,
                rejected.as_deref(),
            ) {
                return Err(fail(failure));
            }
            let answers = probe(&pairing.url()).await == Probe::Reachable;
            let page = crate::web::page_address();
            return Err(fail(SendFailure::Relay(RelayFailure::no_answer(
                pairing, answers, &page,
            ))));
        }
    };
    match (status, RelayReply::from_json(&text)) {
        (200, Some(reply)) => Ok(Response {
            status: reply.status,
            status_text: reply.status_text,
            headers: reply.headers,
            body: reply.body,
            elapsed_ms: reply.ms as f64,
        }),
        _ => Err(fail(SendFailure::Relay(RelayFailure::refused(
            pairing,
            status,
            RelayError::from_json(&text),
        )))),
    }
}

/// A call that brought no answer: `Some` with the browser's words when it refused to build
/// it, `None` when nothing (readable) answered.
struct Rejected(Option<String>);

/// Posts the document to the relay: its status and body text.
async fn post(
    pairing: &Pairing,
    document: &RelayRequest,
    signal: &AbortSignal,
) -> Result<(u16, String), Rejected> {
    let json = document_json(document).map_err(|e| Rejected(Some(error_parts(&e).1)))?;
    let authorization = pairing.authorization();
    let headers = [
        ("Authorization", authorization.as_str()),
        ("Content-Type", "application/json"),
    ];
    match fetch("POST", &pairing.url(), &headers, &json, signal).await {
        Ok(answer) => Ok((answer.status, answer.body)),
        Err(failed) => Err(Rejected(failed.rejected.then_some(failed.message))),
    }
}
