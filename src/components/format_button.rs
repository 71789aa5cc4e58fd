//! "Format": pretty-prints the advanced form (after its JSON fixes) through the same undoable
//! edit as typing, so Ctrl+Z brings the text back. Core decides whether and how
//! ([`hookcheck_core::assist::formatted`]).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::completions::insert_undoable;

#[derive(Properties, PartialEq)]
pub struct FormatButtonProps {
    /// The current text.
    pub text: AttrValue,
    /// The editor's textarea, where the formatted text is inserted.
    pub node_ref: NodeRef,
}

#[component]
pub fn FormatButton(props: &FormatButtonProps) -> Html {
    let formatted = hookcheck_core::assist::formatted(&props.text);
    let disabled = formatted.as_deref().is_none_or(|f| f == props.text.as_str());
    let onclick = {
        let node_ref = props.node_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let (Some(area), Some(formatted)) =
                (node_ref.cast::<HtmlTextAreaElement>(), formatted.as_ref())
            else {
                return;
            };
            let end = area.value().len();
            insert_undoable(&area, 0, end, formatted);
        })
    };
    html! {
        <button class="format" data-testid="format" {disabled} {onclick}
            title="Pretty-print the JSON, after its one-click fixes (Ctrl+Z undoes it)">
            { "Format" }
        </button>
    }
}
