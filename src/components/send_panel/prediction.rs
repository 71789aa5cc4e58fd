//! Before sending: why hookcheck will not send, or what will happen when it does (the
//! preflight, and core's notes on dropped headers and mixed content).

use std::rc::Rc;

use hookcheck_core::browser::send::notes::notes_before_sending;
use hookcheck_core::browser::send::{predict_preflight, Refusal};
use hookcheck_core::Request;
use yew::prelude::*;

use crate::components::destination_reply::destination_send_warning;

/// Why `request` cannot be sent (`refusal`), or what will happen when it is, from a page of
/// origin `origin` (`https://…` or `null`).
pub fn prediction_view(
    refusal: Option<&Refusal>,
    request: Option<&Rc<Request>>,
    origin: &str,
) -> Html {
    if let Some(refusal) = refusal {
        let e = refusal.explain();
        return html! {
            <div class="send-refusal" data-testid="send-refusal">
                <p><b>{ &e.title }</b>{ ". " }{ &e.message }</p>
                <p class="send-what-to-do">{ &e.what_to_do }</p>
            </div>
        };
    }
    let Some(request) = request else {
        return Html::default();
    };
    let preflight = predict_preflight(request, origin);
    html! {
        <div class="send-before">
            <p class="send-prediction" data-testid="send-prediction"
                data-preflight={preflight.needed.to_string()}>{ preflight.summary() }</p>
            { for notes_before_sending(request, origin).into_iter().map(|note| html! {
                <p class="send-warning" data-testid={format!("send-{}", note.id)}>{ note.text }</p>
            }) }
            // Destination (Slack, …): what the browser cannot do there, curl instead.
            { destination_send_warning(request) }
        </div>
    }
}
