//! Before sending: why hookcheck will not send, or what will happen when it does (the
//! preflight, and core's notes on dropped headers and mixed content; while paired, the
//! relay instead).

use std::rc::Rc;

use hookcheck_core::browser::relay::offers_relay;
use hookcheck_core::browser::send::notes::notes_before_sending;
use hookcheck_core::browser::send::{predict_preflight, Refusal};
use hookcheck_core::Request;
use yew::prelude::*;

use super::relay::{offer_view, paired_view, Paired};
use crate::components::destination_reply::destination_send_warning;

/// What the page is and how it sends: its origin (`https://…` or `null`), its address, and
/// the relay it is paired with.
pub struct Sender<'a> {
    pub origin: &'a str,
    pub page: &'a str,
    pub paired: &'a Paired,
    pub onunpair: Callback<MouseEvent>,
}

/// Why `request` cannot be sent (`refusal`), or what will happen when it is: through the
/// relay while paired; else from the browser, with the relay offered where the browser
/// cannot or may not reach.
pub fn prediction_view(
    refusal: Option<&Refusal>,
    request: Option<&Rc<Request>>,
    sender: Sender<'_>,
) -> Html {
    let via = match &sender.paired.pairing {
        Some(pairing) => paired_view(pairing, sender.onunpair.clone()),
        None => Html::default(),
    };
    let damaged = sender.paired.damaged.map(|why| {
        html! { <p class="send-warning" data-testid="send-pairing-error">{ why.message() }</p> }
    });
    html! {
        <>
            { for damaged }
            { via }
            { browser_view(refusal, request, &sender) }
        </>
    }
}

/// The refusal, else (when not paired) what the browser will do.
fn browser_view(refusal: Option<&Refusal>, request: Option<&Rc<Request>>, sender: &Sender) -> Html {
    let origin = sender.origin;
    if let Some(refusal) = refusal {
        let e = refusal.explain();
        return html! {
            <div class="send-refusal" data-testid="send-refusal">
                <p><b>{ &e.title }</b>{ ". " }{ &e.message }</p>
                <p class="send-what-to-do">{ &e.what_to_do }</p>
            </div>
        };
    }
    let Some(request) = request.filter(|_| sender.paired.pairing.is_none()) else {
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
            if offers_relay(request) {
                { offer_view(sender.page) }
            }
        </div>
    }
}
