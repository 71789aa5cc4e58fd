//! The input field.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The current text.
    pub text: AttrValue,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let oninput = {
        let oninput = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            oninput.emit(area.value());
        })
    };
    html! {
        <label class="editor">
            <span class="label">{ "Webhook field or run options" }</span>
            <textarea data-testid="input" spellcheck="false" autocomplete="off"
                rows="10" value={props.text.clone()} {oninput} />
        </label>
    }
}
