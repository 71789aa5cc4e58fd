//! Thin wrappers over the browser APIs the app uses besides the DOM it renders: the
//! clipboard, `localStorage`, the URL fragment and the theme attribute on `<html>`; and
//! core's documents as plain JS objects.
//! Each failure (no storage in a private window, no clipboard permission) is a value,
//! never a panic: the app works without them.

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// `localStorage` keys, all under one prefix.
pub mod keys {
    pub const INPUT: &str = "hookcheck.input";
    pub const MODE: &str = "hookcheck.mode";
    pub const PRODUCT: &str = "hookcheck.product";
    pub const REMEMBER: &str = "hookcheck.remember";
    pub const STORE_SECRETS: &str = "hookcheck.store-secrets";
    pub const THEME: &str = "hookcheck.theme";
}

/// The fragment prefix of a share link: `#s=<code>`.
pub const SHARE_PREFIX: &str = "#s=";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The share code in the page's fragment, if it holds one.
pub fn share_code() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix(SHARE_PREFIX).map(str::to_string)
}

/// The page's address without its fragment: where a share link points.
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_string(),
        None => href,
    }
}

/// Writes `text` to the clipboard. Fails when the page may not (no permission, no focus).
pub async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// Sets `data-theme` on `<html>` (`None` follows `prefers-color-scheme`).
pub fn set_theme_attribute(theme: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// Calls a function whenever one of `events` fires on the window (`hashchange`: a share
/// link opened in the same tab does not reload the page; `online`/`offline`). Listens until
/// dropped.
pub struct WindowListener {
    events: &'static [&'static str],
    callback: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl WindowListener {
    pub fn new(events: &'static [&'static str], on_event: impl Fn() + 'static) -> WindowListener {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_event);
        if let Some(window) = web_sys::window() {
            for event in events {
                let _ = window
                    .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
            }
        }
        WindowListener { events, callback }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(window) = web_sys::window() {
            for event in self.events {
                let _ = window.remove_event_listener_with_callback(
                    event,
                    self.callback.as_ref().unchecked_ref(),
                );
            }
        }
    }
}

/// Today, by the browser's clock: dated facts (retirements, end of support) are worded
/// against it.
pub fn today() -> hookcheck_core::Date {
    hookcheck_core::Date::from_unix_ms(js_sys::Date::now())
}

/// `value` as a plain JS object (structs as objects, `None` as `null`, tuples as arrays): how
/// the JS API returns core's documents and the widget posts its messages.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}
