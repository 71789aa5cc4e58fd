//! Before sending: why hookcheck will not send, or what will happen when it does (the
//! preflight, and core's notes on dropped headers and mixed content).

use std::rc::Rc;

use hookcheck_core::browser::send::notes::notes_before_sending;
use hookcheck_core::browser::send::{predict_preflight, Refusal};
use hookcheck_core::Request;
use yew::prelude::*;

use crate::components::destination_reply::destination_send_warning;

#[derive(Properties, PartialEq)]
pub struct SendPredictionProps {
    /// Why the request cannot be sent, when it cannot.
    pub refusal: Option<Refusal>,
    pub request: Option<Rc<Request>>,
    /// The page's origin, `https://…` or `null`.
    pub origin: AttrValue,
}

#[component]
pub fn SendPrediction(props: &SendPredictionProps) -> Html {
    if let Some(refusal) = &props.refusal {
        let e = refusal.explain();
        return html! {
            <div class="send-refusal" data-testid="send-refusal">
                <p><b>{ &e.title }</b>{ ". " }{ &e.message }</p>
                <p class="send-what-to-do">{ &e.what_to_do }</p>
            </div>
        };
    }
    let Some(request) = &props.request else {
        return Html::default();
    };
    let preflight = predict_preflight(request, &props.origin);
    html! {
        <div class="send-before">
            <p class="send-prediction" data-testid="send-prediction"
                data-preflight={preflight.needed.to_string()}>{ preflight.summary() }</p>
            { for notes_before_sending(request, &props.origin).into_iter().map(|note| html! {
                <p class="send-warning" data-testid={format!("send-{}", note.id)}>{ note.text }</p>
            }) }
            // Destination (Slack, …): what the browser cannot do there, curl instead.
            { destination_send_warning(request) }
        </div>
    }
}
