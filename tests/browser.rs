//! Browser tests: components rendered into a real DOM in headless Chromium
//! (`cargo test -p hookcheck-web --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use hookcheck_core::check;
use hookcheck_web::components::validity::{Validity, ValidityProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn validity_counts_errors_and_warnings() {
    let host = mount();
    let report = check(r#"{"url": "http://example.com/hook",}"#, None);
    yew::Renderer::<Validity>::with_root_and_props(host.clone(), ValidityProps { report }).render();
    yew::scheduler::flush().await;
    let text = host.text_content().unwrap();
    assert_eq!(text, "1 error · 1 warning");
}
