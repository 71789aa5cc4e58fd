//! Start-up: what the wasm module does when it loads.
//!
//! One module serves three kinds of page: the app, the embed widget (the app with
//! `?embed=1`), and host pages that only call the JS API ([`crate::js_api`]) through
//! `hookcheck-api.js`. wasm-bindgen runs `main` whenever the module is
//! initialised, so the app renders only on a page that asks for it with
//! `<meta name="hookcheck" content="app">` (in `index.html`); a host page never gets the app
//! rendered into its `<body>`.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker.register(url)`; throws where service workers are missing
    /// (an insecure context, or a browser without them).
    #[wasm_bindgen(js_namespace = ["navigator", "serviceWorker"], js_name = register, catch)]
    fn register_service_worker(url: &str) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    pub(crate) fn console_warn(message: &str);
}

/// Renders the app when the page asks for it, and makes it work offline next time.
pub fn start() {
    if !page_wants_app() {
        return;
    }
    register_offline_support();
    yew::Renderer::<crate::App>::new().render();
}

/// Whether this page is the app (`<meta name="hookcheck" content="app">`).
pub fn page_wants_app() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(r#"meta[name="hookcheck"][content="app"]"#)
                .ok()
                .flatten()
        })
        .is_some()
}

/// Registers `/sw.js` (copied to the root of `dist/` so that its scope is the whole app),
/// which caches the app shell, the wasm and the assets of this build. Without service
/// workers the app still works; it only needs the network on the next visit.
fn register_offline_support() {
    match register_service_worker("/sw.js") {
        Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = JsFuture::from(promise).await {
                console_warn(&format!(
                    "hookcheck: the service worker was not registered, so the app will not work offline: {}",
                    describe(&error)
                ));
            }
        }),
        Err(_) => console_warn(
            "hookcheck: this browser or context has no service workers; the app will not work offline",
        ),
    }
}

/// The message of a thrown error. Not `{error:?}`: release builds print no Debug output
/// (scripts/release-env).
pub(crate) fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an error without a message".to_owned())
}
