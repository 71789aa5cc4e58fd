//! "documented" or "assumed": where a part of the request comes from, with the reason
//! shown on hover (title) and on keyboard focus (a CSS tooltip).

use hookcheck_core::render::request::Label;
use yew::prelude::*;

/// The badge of `label`: its provenance, and why. A view function, not a component: it has no
/// state, and a component brings its own copy of Yew's lifecycle code into the wasm.
pub fn label_badge(label: &Label) -> Html {
    let provenance = label.provenance.as_str();
    html! {
        <span class={classes!("badge", provenance)} tabindex="0" title={label.why.to_string()}>
            { provenance }
            <span class="tip" role="tooltip">{ label.why.to_string() }</span>
        </span>
    }
}
