//! The code the first screen can do without: the test call, the sample editor, sharing and
//! memory panels, the widget's frame and the JS API. The release build moves the code that
//! the first screen never runs into a second wasm module (`tools/split-wasm.mjs`), which the
//! page fetches once the first screen is up, so the first load carries only the input, its
//! diagnostics and the preview (docs/performance.md, section 2).
//!
//! [`load`] waits for that module: the split build's JS sets
//! `globalThis[Symbol.for("hookcheck.deferred")]` to a function that fetches it and returns
//! a promise. Every other build (debug, tests, plain `trunk build`) has one module and no
//! such function, so [`load`] resolves at once. Until it resolves, the page renders none of
//! these panels (and the widget renders nothing), which is what keeps their code out of the
//! first module.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Waits until the deferred code is loaded. `Err` carries the reason when it could
/// not be (offline with nothing cached, a failed download), for the page to show.
pub async fn load() -> Result<(), String> {
    let Some(window) = web_sys::window() else {
        return Ok(());
    };
    let key = js_sys::Symbol::for_("hookcheck.deferred");
    let Ok(loader) = js_sys::Reflect::get(&window, &key) else {
        return Ok(());
    };
    let Some(loader) = loader.dyn_ref::<js_sys::Function>() else {
        return Ok(()); // one module: everything is here already
    };
    let promise = loader
        .call0(&window)
        .map_err(|error| crate::boot::describe(&error))?;
    JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map(drop)
        .map_err(|error| crate::boot::describe(&error))
}
