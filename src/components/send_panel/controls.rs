//! The Send button, the timeout field and, while a call is out, Cancel.

use yew::prelude::*;

/// What the controls show and do.
pub struct SendControls {
    pub disabled: bool,
    pub in_flight: bool,
    /// The timeout field's text, in seconds.
    pub timeout_text: String,
    /// Why the timeout text is not a timeout, when it is not.
    pub timeout_error: Option<String>,
    pub onsend: Callback<MouseEvent>,
    pub oncancel: Callback<MouseEvent>,
    /// The timeout field's new text.
    pub ontimeout: Callback<String>,
}

pub fn controls_view(props: SendControls) -> Html {
    let ontimeout = props.ontimeout.reform(|event: InputEvent| {
        event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    html! {
        <div class="send-controls">
            <button class="send-button" data-testid="send" disabled={props.disabled} onclick={props.onsend}>
                { "Send test call" }
            </button>
            <label class="send-timeout">
                { "Timeout (s) " }
                <input data-testid="send-timeout" type="number" min="0.1" max="300" step="0.1"
                    value={props.timeout_text} oninput={ontimeout} />
            </label>
            if props.in_flight {
                <button class="send-cancel" data-testid="send-cancel" onclick={props.oncancel}>{ "Cancel" }</button>
            }
            if let Some(message) = &props.timeout_error {
                <p class="send-warning" data-testid="send-timeout-error">{ message }</p>
            }
        </div>
    }
}
