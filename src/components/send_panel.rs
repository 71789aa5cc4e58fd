//! Send test call (stub; being written): fires the previewed request with fetch.

use hookcheck_core::Request;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SendPanelProps {
    /// The exact request of the selected outcome; `None` when the input is invalid.
    pub request: Option<Request>,
}

#[component]
pub fn SendPanel(props: &SendPanelProps) -> Html {
    html! {
        <section class="send-panel">
            <button data-testid="send" disabled={props.request.is_none()}>{ "Send test call" }</button>
            <div data-testid="send-result"></div>
        </section>
    }
}
