//! The send panel's words about the destination: before a call, why a browser cannot send
//! to it (Slack's preflight refuses `application/json`) with the curl command instead;
//! after a call, what the reply means in the destination's terms (`400 no_text` → "Slack
//! found no text"). Every judgement is core's (`destination::reply`).

use std::rc::Rc;

use hookcheck_core::curl::to_curl;
use hookcheck_core::destination::reply::{explain_response, send_warning};
use hookcheck_core::Request;
use yew::prelude::*;

use crate::components::copy_button::CopyButton;

#[derive(Properties, PartialEq)]
pub struct SendWarningProps {
    pub request: Rc<Request<'static>>,
}

/// Before sending: the destination's browser limits, with curl to use instead.
#[component]
pub fn DestinationSendWarning(props: &SendWarningProps) -> Html {
    let Some(warning) = send_warning(&props.request.url) else {
        return Html::default();
    };
    let curl = {
        let request = props.request.clone();
        Callback::from(move |()| to_curl(&request, true))
    };
    html! {
        <div class="send-warning" data-testid="send-destination-warning">
            <p>{ warning }</p>
            <CopyButton label="Copy curl command" content={curl} testid="send-destination-curl" />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReplyProps {
    pub url: AttrValue,
    /// The response headers the page could read (lower-cased names).
    pub headers: Vec<(String, String)>,
    pub status: u16,
    pub body: AttrValue,
}

/// After a call: the reply in the destination's terms.
#[component]
pub fn DestinationReply(props: &ReplyProps) -> Html {
    let Some((id, explained)) =
        explain_response(&props.url, &props.headers, props.status, &props.body)
    else {
        return Html::default();
    };
    html! {
        <p class={classes!("send-destination", if explained.delivered { "is-ok" } else { "is-error" })}
            data-testid="send-destination" data-destination={id.id()}
            data-delivered={explained.delivered.to_string()}>
            { explained.summary }
        </p>
    }
}
