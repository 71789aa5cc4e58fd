//! The send panel's words about the destination before a call: why a browser cannot send to
//! it (Slack's preflight refuses `application/json`), with the curl command instead. (After
//! a call, the result says what the reply means in the destination's terms.) The judgement
//! is core's (`destination::reply`). A plain function, not a component: it has no state, and
//! each component costs the download its own Yew glue.

use std::rc::Rc;

use hookcheck_core::destination::reply::browser_send_warning;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::Request;
use yew::prelude::*;

use crate::components::copy_button::CopyButton;

/// Before sending: the destination's browser limits, with curl to use instead.
pub fn destination_send_warning(request: &Rc<Request>) -> Html {
    let Some(warning) = request
        .destination()
        .and_then(|found| browser_send_warning(found.id.destination()))
    else {
        return Html::default();
    };
    let curl = {
        let request = request.clone();
        Callback::from(move |()| to_curl(&request, true))
    };
    html! {
        <div class="send-warning" data-testid="send-destination-warning">
            <p>{ warning }</p>
            <CopyButton label="Copy curl command" content={curl} testid="send-destination-curl" />
        </div>
    }
}
