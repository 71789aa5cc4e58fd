//! The test call: `fetch` with the request's exact method, headers and body bytes, a
//! timeout and a cancel signal. A thin layer: it gathers facts (who aborted, is the browser
//! online, does a `no-cors` probe reach the host) and lets core's
//! [`classify`] name the failure.
//!
//! gloo-net sends the request and reads the reply. The request itself is a `web_sys::Request`
//! made here, not by gloo-net's `RequestBuilder`: that builder re-parses the URL and, when it
//! has a query, writes it back with a `&` appended (`?a=1` becomes `?a=1&`), and the test call
//! must go to exactly the URL testRTC would call. gloo-net turns a rejected `fetch` into its
//! error type only when the rejection is an `Error`; the call is only ever aborted with a plain
//! `abort()`, whose reason is a `DOMException` (an `Error`), never a value of our own.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use hookcheck_core::browser::send::{
    classify, predict_preflight, probe_helps, sent_headers, FetchFacts, Probe, SendFailure,
    PROBE_TIMEOUT_MS,
};
use hookcheck_core::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, RequestCache, RequestCredentials, RequestInit, RequestMode,
};

/// A reply the page could read (any status; core's `http_failure` judges it).
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub status_text: String,
    /// The headers the server let the page read, as the browser lists them (lower-cased).
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// From the call to the last body byte, by `performance.now()`.
    pub elapsed_ms: f64,
}

/// A call that produced no readable reply.
#[derive(Clone, Debug, PartialEq)]
pub struct SendError {
    pub failure: SendFailure,
    pub elapsed_ms: f64,
}

/// What a JS exception says: `(name, message)`.
pub(crate) fn error_parts(error: &JsValue) -> (String, String) {
    let field = |key: &str| {
        js_sys::Reflect::get(error, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name.is_empty() && message.is_empty() {
        (String::new(), error.as_string().unwrap_or_default())
    } else {
        (name, message)
    }
}

pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Aborts `controller` after `ms` unless `done` is set first; records that it did.
fn arm_timer(controller: &AbortController, ms: u32, done: &Rc<Cell<bool>>) -> Rc<Cell<bool>> {
    let fired = Rc::new(Cell::new(false));
    let (controller, done, flag) = (controller.clone(), done.clone(), fired.clone());
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(Duration::from_millis(u64::from(ms))).await;
        if !done.get() {
            flag.set(true);
            controller.abort();
        }
    });
    fired
}

/// One call's abort signal, raised by the Cancel button's signal or by a timer, whichever
/// comes first; [`Deadline::end`] says which did.
pub(crate) struct Deadline {
    controller: AbortController,
    cancel: AbortSignal,
    forward: Closure<dyn FnMut()>,
    done: Rc<Cell<bool>>,
    timed_out: Rc<Cell<bool>>,
}

/// How a call guarded by a [`Deadline`] ended.
pub(crate) struct Ended {
    pub cancelled: bool,
    pub timed_out: bool,
}

impl Deadline {
    /// Follows `cancel`, and gives up after `timeout_ms`.
    pub(crate) fn start(timeout_ms: u32, cancel: &AbortSignal) -> Result<Deadline, SendError> {
        let controller = AbortController::new().map_err(|e| SendError {
            failure: SendFailure::Rejected {
                message: error_parts(&e).1,
            },
            elapsed_ms: 0.0,
        })?;
        let forward = {
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || controller.abort())
        };
        cancel.set_onabort(Some(forward.as_ref().unchecked_ref()));
        if cancel.aborted() {
            controller.abort();
        }
        let done = Rc::new(Cell::new(false));
        let timed_out = arm_timer(&controller, timeout_ms, &done);
        Ok(Deadline {
            controller,
            cancel: cancel.clone(),
            forward,
            done,
            timed_out,
        })
    }

    /// The signal to give `fetch`.
    pub(crate) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Stops the timer and the following of Cancel.
    pub(crate) fn end(self) -> Ended {
        self.done.set(true);
        self.cancel.set_onabort(None);
        drop(self.forward);
        Ended {
            cancelled: self.cancel.aborted(),
            timed_out: self.timed_out.get(),
        }
    }
}

/// What a failed call says: `(name, message)`, and whether the browser refused to build
/// the request (then nothing was sent).
pub(crate) struct FetchError {
    pub rejected: bool,
    pub name: String,
    pub message: String,
}

impl FetchError {
    fn rejected(error: &JsValue) -> FetchError {
        let (name, message) = error_parts(error);
        FetchError {
            rejected: true,
            name,
            message,
        }
    }

    fn failed(error: gloo_net::Error) -> FetchError {
        // Not `to_string()` of the others: that would link serde_json's error wording into
        // the wasm for a variant this call never produces (it reads text, not JSON).
        let (name, message) = match error {
            gloo_net::Error::JsError(error) => (error.name, error.message),
            gloo_net::Error::GlooError(message) => (String::new(), message),
            gloo_net::Error::SerdeError(_) => {
                (String::new(), "the reply could not be read".to_owned())
            }
        };
        FetchError {
            rejected: false,
            name,
            message,
        }
    }
}

/// The `fetch` of a call in `cors` mode, with no credentials and no cache, then its whole
/// body: the headers in order, the body unless the method takes none.
pub(crate) async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &str,
    signal: &AbortSignal,
) -> Result<Response, FetchError> {
    let list = web_sys::Headers::new().map_err(|e| FetchError::rejected(&e))?;
    for (name, value) in headers {
        list.append(name, value)
            .map_err(|e| FetchError::rejected(&e))?;
    }
    let init = RequestInit::new();
    init.set_method(method);
    init.set_headers(&list);
    if !matches!(method.to_ascii_uppercase().as_str(), "GET" | "HEAD") {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_mode(RequestMode::Cors);
    init.set_cache(RequestCache::NoStore);
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(signal));
    let fetch_request = web_sys::Request::new_with_str_and_init(url, &init)
        .map_err(|e| FetchError::rejected(&e))?;

    let start = now_ms();
    let reply = gloo_net::http::Request::from(fetch_request)
        .send()
        .await
        .map_err(FetchError::failed)?;
    let body = reply.text().await.map_err(FetchError::failed)?;
    let elapsed_ms = now_ms() - start;
    Ok(Response {
        status: reply.status(),
        status_text: reply.status_text(),
        headers: reply.headers().entries().collect(),
        body,
        elapsed_ms,
    })
}

/// A `HEAD` in `no-cors` mode without custom headers: no preflight, and any answer at all
/// (even an opaque one) shows that something listens at the URL's origin.
pub(crate) async fn probe(url: &str) -> Probe {
    let Some(window) = web_sys::window() else {
        return Probe::Inconclusive;
    };
    let Ok(controller) = AbortController::new() else {
        return Probe::Inconclusive;
    };
    let init = RequestInit::new();
    init.set_method("HEAD");
    init.set_mode(RequestMode::NoCors);
    init.set_cache(RequestCache::NoStore);
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(&controller.signal()));
    let done = Rc::new(Cell::new(false));
    let timed_out = arm_timer(&controller, PROBE_TIMEOUT_MS, &done);
    let result = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    done.set(true);
    match result {
        Ok(_) => Probe::Reachable,
        Err(_) if timed_out.get() => Probe::Inconclusive,
        Err(_) => Probe::Unreachable,
    }
}

/// Sends `request` as the test call. Gives up after `timeout_ms`; `cancel` is the Cancel
/// button's signal. A reply with any status is `Ok`; everything else is a classified
/// [`SendFailure`].
pub async fn send(
    request: &Request,
    timeout_ms: u32,
    cancel: &AbortSignal,
) -> Result<Response, SendError> {
    let start = now_ms();
    let elapsed = move || now_ms() - start;
    let window = web_sys::window();
    let page_origin = window
        .as_ref()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_else(|| "null".into());
    let online = window.as_ref().is_none_or(|w| w.navigator().on_line());

    let deadline = Deadline::start(timeout_ms, cancel)?;
    let headers: Vec<(&str, &str)> = sent_headers(request)
        .map(|h| (&*h.name, &*h.value))
        .collect();
    let result = fetch(
        &request.method,
        &request.url,
        &headers,
        &request.body,
        &deadline.signal(),
    )
    .await;
    let ended = deadline.end();

    let FetchError {
        rejected,
        name,
        message,
    } = match result {
        Ok(response) => return Ok(response),
        Err(failed) => failed,
    };
    let elapsed_ms = elapsed();
    let target = request.url_parts().cloned();
    let mut facts = FetchFacts {
        aborted_by_user: ended.cancelled,
        timed_out: ended.timed_out,
        elapsed_ms: elapsed_ms.round() as u32,
        timeout_ms,
        online,
        preflight: predict_preflight(request, &page_origin),
        rejected: rejected.then(|| message.clone()),
        error: if name.is_empty() {
            message.clone()
        } else {
            format!("{name}: {message}")
        },
        page_origin,
        target,
        probe: Probe::NotRun,
    };
    let network_error = !rejected && !facts.aborted_by_user && !facts.timed_out;
    if network_error
        && facts
            .target
            .as_ref()
            .is_some_and(|t| probe_helps(&facts.page_origin, t, online))
    {
        facts.probe = probe(&request.url).await;
    }
    Err(SendError {
        failure: classify(&facts),
        elapsed_ms,
    })
}
