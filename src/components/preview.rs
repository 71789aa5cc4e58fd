//! The request of each outcome of the product, one tab per outcome (named for what the
//! product sends): method and URL, headers (secrets masked until revealed), the exact body
//! and a pretty view, each part labelled documented or assumed; copy buttons for the body
//! and for the whole request as curl.

use std::rc::Rc;

use hookcheck_core::browser::wording;
use hookcheck_core::destination::Arrival;
use hookcheck_core::render::curl;
use hookcheck_core::render::request::Delivery;
use hookcheck_core::{secrets, Outcome, Request};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::destination_preview::destination_preview;
use crate::components::label_badge::label_badge;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The request of the selected outcome; `None` while the input has errors.
    pub request: Option<Rc<Request>>,
    /// The selected outcome: its product's outcomes are the tabs.
    pub outcome: Outcome,
    /// Called with the outcome whose tab the person chose.
    pub onselect: Callback<Outcome>,
    /// Show secret header values.
    pub reveal: bool,
    /// Called with the new "reveal secrets" choice.
    pub onreveal: Callback<bool>,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    // As many as the product with the most outcomes has.
    let tab_refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let outcomes = props.outcome.product().outcomes();
    let count = outcomes.len();
    let selected = outcomes
        .iter()
        .position(|&o| o == props.outcome)
        .unwrap_or(0);
    // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
    let onkeydown = {
        let onselect = props.onselect.clone();
        let tab_refs = tab_refs.clone();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowRight" => (selected + 1) % count,
                "ArrowLeft" => (selected + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            onselect.emit(outcomes[next]);
            if let Some(tab) = tab_refs.get(next).and_then(NodeRef::cast::<HtmlElement>) {
                let _ = tab.focus();
            }
        })
    };
    let tabs = outcomes.iter().zip(&tab_refs).map(|(&outcome, tab_ref)| {
        let onselect = props.onselect.clone();
        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(outcome));
        let is_selected = outcome == props.outcome;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", outcome.as_str())}
                ref={tab_ref.clone()}
                class={classes!("tab", outcome.as_str())}
                aria-selected={is_selected.to_string()} aria-controls="outcome-panel"
                tabindex={if is_selected { "0" } else { "-1" }}
                data-testid={format!("outcome-{}", outcome.as_str())} {onclick}>
                { outcome.tab() }
            </button>
        }
    });
    html! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{ "The request testRTC sends" }</h2>
            <div role="tablist" aria-label="Run outcome" class="tabs" onkeydown={onkeydown}>
                { for tabs }
            </div>
            <div role="tabpanel" id="outcome-panel" class="tab-panel"
                aria-labelledby={format!("tab-{}", props.outcome.as_str())}>
                if let Some(request) = &props.request {
                    { request_view(request, props.reveal, &props.onreveal) }
                } else {
                    <p class="empty">{ "Fix the errors above to see the request." }</p>
                }
            </div>
        </section>
    }
}

/// How many headers the preview lists.
const SHOWN_HEADERS: usize = 100;

fn request_view(request: &Rc<Request>, reveal: bool, onreveal: &Callback<bool>) -> Html {
    let sns = match &request.delivery {
        Delivery::Sns(publish) => Some(publish),
        Delivery::Webhook { .. } => None,
    };
    // Secret headers, and the credentials of a destination URL or body (a Slack token,
    // PagerDuty's routing_key): masked until revealed.
    let has_secret = request.has_secrets();
    let (url, body, pretty) = if reveal {
        (
            request.url.to_string(),
            request.body.clone(),
            request.pretty_body(),
        )
    } else {
        (
            request.masked_url().into_owned(),
            request.masked_body().into_owned(),
            request.masked_pretty_body(),
        )
    };
    let onclick = {
        let onreveal = onreveal.clone();
        Callback::from(move |_: MouseEvent| onreveal.emit(!reveal))
    };
    // A long list is cut: the copy buttons and the CLI give every header.
    let hidden_headers = request.headers.len().saturating_sub(SHOWN_HEADERS);
    let headers = request.headers.iter().take(SHOWN_HEADERS).map(|header| {
        let value = if header.secret && !reveal {
            secrets::mask(&header.value)
        } else {
            header.value.to_string()
        };
        html! {
            <li>
                <span class="header-name">{ &*header.name }</span>{ ": " }
                <span class={classes!("header-value", header.secret.then_some("secret"))}>{ value }</span>
                { " " }{ label_badge(&header.label) }
            </li>
        }
    });
    let body_copy = {
        let request = request.clone();
        Callback::from(move |()| request.body.clone())
    };
    let curl_copy = {
        let request = request.clone();
        Callback::from(move |()| curl::to_curl(&request, true))
    };
    // The command on screen has the headers the list shows; the copied one has them all.
    let curl_shown = if hidden_headers > 0 {
        let mut shown = Request::clone(request);
        shown.headers.truncate(SHOWN_HEADERS);
        curl::to_curl(&shown, reveal)
    } else {
        curl::to_curl(request, reveal)
    };
    // The destination's verdict, judged once for the line above the request and the
    // destination's preview.
    let arrival = Arrival::of(request);
    html! {
        <>
            if let Some(publish) = sns {
                <p class="note sns-note" role="note">
                    <strong>{ wording::SNS_NOTE[0] }</strong>
                    { wording::SNS_NOTE[1] }
                    <code>{ &publish.topic_arn }</code>
                    { wording::SNS_NOTE[2] }
                </p>
            }
            // The destination's verdict on this request, then the message as it shows it.
            if let Some((arrives, words)) = wording::arrival(request, arrival.as_ref()) {
                <p class={classes!("arrival", if arrives { "is-ok" } else { "is-error" })}
                    data-testid="arrival" data-arrives={arrives.to_string()}>{ words }</p>
            }
            { destination_preview(request, arrival.as_ref()) }
            <div class="part">
                <h3>{ "Request line" }</h3>
                <p class="request-line">
                    <span class="method">{ &*request.method }</span>{ " " }
                    { label_badge(&request.method_label) }{ " " }
                    <span class="url" data-testid="preview-url">{ url }</span>{ " " }
                    { label_badge(&request.url_label) }
                </p>
            </div>
            <div class="part">
                <div class="part-head">
                    <h3>{ "Headers" }</h3>
                    if has_secret {
                        <button type="button" class="secondary" aria-pressed={reveal.to_string()} {onclick}>
                            { if reveal { "Hide secrets" } else { "Reveal secrets" } }
                        </button>
                    }
                </div>
                <ul class="headers" data-testid="preview-headers">
                    { for headers }
                    if hidden_headers > 0 {
                        <li class="more">{ format!("and {hidden_headers} more headers (Copy as curl gives them all)") }</li>
                    }
                </ul>
            </div>
            <div class="part">
                <div class="part-head">
                    <h3>
                        { wording::body_heading(sns.is_some()) }
                        <span class="byte-count">{ format!(" · {} bytes, exact", request.body.len()) }</span>
                    </h3>
                    { label_badge(&request.body_label) }
                    <CopyButton label="Copy body" content={body_copy} />
                </div>
                <pre class="body exact" data-testid="preview-body" tabindex="0"
                    aria-label="The exact body bytes">{ body }</pre>
                <h4>{ wording::pretty_heading(sns.is_some()) }</h4>
                <pre class="body pretty" tabindex="0" aria-label="The body, pretty-printed">{ pretty }</pre>
            </div>
            if sns.is_none() {
                <div class="part">
                    <div class="part-head">
                        <h3>{ "As curl" }</h3>
                        <CopyButton label="Copy as curl" content={curl_copy} testid="copy-curl" />
                    </div>
                    <pre class="curl" tabindex="0" aria-label="The request as a curl command">
                        { curl_shown }
                    </pre>
                    if hidden_headers > 0 {
                        <p class="hint">{ format!("The command shows the first {SHOWN_HEADERS} headers; Copy as curl gives all {}.", request.headers.len()) }</p>
                    }
                    if has_secret && !reveal {
                        <p class="hint">{ "Secrets are masked on screen; the copied command has them." }</p>
                    }
                </div>
            }
        </>
    }
}
