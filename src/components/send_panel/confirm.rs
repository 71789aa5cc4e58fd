//! The question asked before secrets go to another host: send anyway, or not.

use yew::prelude::*;

/// `question`, with the buttons that answer it.
pub fn confirm_view(
    question: &str,
    onconfirm: Callback<MouseEvent>,
    ondismiss: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="send-confirm" data-testid="send-confirm" role="alertdialog" aria-label="Confirm sending secrets">
            <p>{ question }</p>
            <button data-testid="send-confirm-yes" onclick={onconfirm}>{ "Send anyway" }</button>
            <button data-testid="send-confirm-no" onclick={ondismiss}>{ "Don't send" }</button>
        </div>
    }
}
