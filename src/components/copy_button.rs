//! A button that copies text to the clipboard and says whether it worked.

use std::time::Duration;

use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

use crate::web;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The button's text: "Copy body", "Copy as curl".
    pub label: AttrValue,
    /// Gives the text to copy, when the button is pressed.
    pub content: Callback<(), String>,
    /// The button's `data-testid`, if it has one.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// What the last press did.
#[derive(Clone, Copy, PartialEq)]
enum Feedback {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let feedback = use_state(|| Feedback::Idle);
    let onclick = {
        let feedback = feedback.clone();
        let content = props.content.clone();
        Callback::from(move |_: MouseEvent| {
            let text = content.emit(());
            let feedback = feedback.clone();
            spawn_local(async move {
                let copied = web::copy_to_clipboard(&text).await.is_ok();
                feedback.set(if copied {
                    Feedback::Copied
                } else {
                    Feedback::Failed
                });
                sleep(Duration::from_secs(2)).await;
                feedback.set(Feedback::Idle);
            });
        })
    };
    let status = match *feedback {
        Feedback::Idle => "",
        Feedback::Copied => "Copied",
        Feedback::Failed => "Copy failed: select the text and copy it by hand",
    };
    html! {
        <span class="copy">
            <button type="button" class="secondary" data-testid={props.testid.clone()} {onclick}>
                { &props.label }
            </button>
            <span class={classes!("copy-status", (*feedback == Feedback::Failed).then_some("failed"))}
                role="status" aria-live="polite">{ status }</span>
        </span>
    }
}
