//! The request for the selected outcome: method, URL, headers and the exact body.

use hookcheck_core::{Outcome, Request};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub request: Option<Request>,
    pub outcome: Outcome,
    pub onselect: Callback<Outcome>,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let tabs = Outcome::ALL.iter().map(|&outcome| {
        let onselect = props.onselect.clone();
        let onclick = Callback::from(move |_| onselect.emit(outcome));
        let selected = outcome == props.outcome;
        html! {
            <button role="tab" aria-selected={selected.to_string()}
                data-testid={format!("outcome-{}", outcome.as_str())} {onclick}>
                { outcome.as_str() }
            </button>
        }
    });
    html! {
        <div class="preview">
            <div role="tablist" class="tabs">{ for tabs }</div>
            if let Some(request) = &props.request {
                <p class="request-line"><b>{ &request.method }</b>{ " " }{ &request.url }</p>
                <ul data-testid="preview-headers" class="headers">
                    { for request.headers.iter().map(|h| html! { <li><b>{ &h.name }</b>{ ": " }{ &h.value }</li> }) }
                </ul>
                <pre data-testid="preview-body" class="body">{ &request.body }</pre>
            } else {
                <p class="empty">{ "Fix the errors to see the request." }</p>
            }
        </div>
    }
}
