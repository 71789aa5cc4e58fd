//! "Format": pretty-prints the advanced form (after its JSON fixes) through the same undoable
//! edit as typing, so Ctrl+Z brings the text back. Core decides whether and how
//! ([`hookcheck_core::assist::formatted`]).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::editor::insert_undoable;

#[derive(Properties, PartialEq)]
pub struct FormatButtonProps {
    /// The current text.
    pub text: AttrValue,
    /// The editor's textarea, where the formatted text is inserted.
    pub node_ref: NodeRef,
}

#[component]
pub fn FormatButton(props: &FormatButtonProps) -> Html {
    // Formatting parses the whole text: done on click, not on every keystroke's render.
    let disabled = !props.text.trim_start().starts_with('{');
    let onclick = {
        let node_ref = props.node_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = node_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            match hookcheck_core::assist::formatted(&text) {
                Some(formatted) if formatted != text => {
                    insert_undoable(&area, 0, text.len(), &formatted)
                }
                _ => {}
            }
        })
    };
    html! {
        <button class="format" data-testid="format" {disabled} {onclick}
            title="Pretty-print the JSON, after its one-click fixes (Ctrl+Z undoes it)">
            { "Format" }
        </button>
    }
}
