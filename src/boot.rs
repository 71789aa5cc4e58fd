//! Start-up: what a wasm module does when it loads.
//!
//! This crate builds two modules: the app's (`src/main.rs`, loaded by `index.html`) and the
//! widget's (`src/bin/hookcheck-widget`, loaded by `embed.html`, and by host pages that only
//! call its JS API through `hookcheck-api.js`). wasm-bindgen runs `main` whenever a module is
//! initialised, so each renders only on the page that asks for it by name,
//! `<meta name="hookcheck" content="app">` or `content="widget"`: a host page has neither and
//! never gets anything rendered into its `<body>`.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::BaseComponent;

#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker.register(url)`; throws where service workers are missing
    /// (an insecure context, or a browser without them).
    #[wasm_bindgen(js_namespace = ["navigator", "serviceWorker"], js_name = register, catch)]
    fn register_service_worker(url: &str) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    pub(crate) fn console_warn(message: &str);
}

/// Renders `C` into the body when the page is `page` (`<meta name="hookcheck"
/// content="PAGE">`), and makes it work offline next time. Does nothing on any other page.
pub fn start<C>(page: &str)
where
    C: BaseComponent,
    C::Properties: Default,
{
    if !page_is(page) {
        return;
    }
    register_offline_support(page);
    yew::Renderer::<C>::new().render();
}

/// Whether this page is `page` (`<meta name="hookcheck" content="PAGE">`).
fn page_is(page: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!(r#"meta[name="hookcheck"][content="{page}"]"#))
                .ok()
                .flatten()
        })
        .is_some()
}

/// Registers `/sw.js?page=PAGE` (copied to the root of `dist/` so that its scope is the whole
/// app), which caches this page's files of this build, and those of the other page once it
/// was visited too, but not the other page's module (`static/sw.js` says how). Without service
/// workers the page still works; it only needs the network on the next visit.
fn register_offline_support(page: &str) {
    match register_service_worker(&format!("/sw.js?page={page}")) {
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
