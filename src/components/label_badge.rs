//! "documented" or "assumed": where a part of the request comes from, with the reason
//! shown on hover (title) and on keyboard focus (a CSS tooltip).

use hookcheck_core::render::request::Label;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelBadgeProps {
    /// The provenance of the part and why.
    pub label: Label,
}

#[component]
pub fn LabelBadge(props: &LabelBadgeProps) -> Html {
    let provenance = props.label.provenance.as_str();
    html! {
        <span class={classes!("badge", provenance)} tabindex="0" title={props.label.why.clone()}>
            { provenance }
            <span class="tip" role="tooltip">{ props.label.why.as_ref() }</span>
        </span>
    }
}
