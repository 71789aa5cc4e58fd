//! The question asked before secrets go to another host: send anyway, or not.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SendConfirmProps {
    pub question: AttrValue,
    pub onconfirm: Callback<MouseEvent>,
    pub ondismiss: Callback<MouseEvent>,
}

#[component]
pub fn SendConfirm(props: &SendConfirmProps) -> Html {
    html! {
        <div class="send-confirm" data-testid="send-confirm" role="alertdialog" aria-label="Confirm sending secrets">
            <p>{ &props.question }</p>
            <button data-testid="send-confirm-yes" onclick={props.onconfirm.clone()}>{ "Send anyway" }</button>
            <button data-testid="send-confirm-no" onclick={props.ondismiss.clone()}>{ "Don't send" }</button>
        </div>
    }
}
