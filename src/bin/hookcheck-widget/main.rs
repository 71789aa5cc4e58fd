//! The widget's wasm module: the embed widget on `embed.html`, and the JS API ([`js_api`])
//! that host pages load through `hookcheck-api.js`. `index.html` names it beside the app's
//! module, so one Trunk build makes both, and the app's page carries neither.

mod js_api;

fn main() {
    hookcheck_web::boot::start::<hookcheck_web::Widget>("widget");
}
