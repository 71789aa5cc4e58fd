//! Whether the last input is kept in this browser, and whether with its secrets. A view
//! function, not a component: it has no state, and a component brings its own copy of Yew's
//! lifecycle code into the wasm.

use hookcheck_core::browser::wording;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct MemoryPanel {
    /// Keep the last input in `localStorage`.
    pub remember: bool,
    /// Keep its secrets too.
    pub store_secrets: bool,
    /// Called with the new "remember" choice.
    pub onremember: Callback<bool>,
    /// Called with the new "store secrets" choice.
    pub onstoresecrets: Callback<bool>,
}

fn on_checked(callback: &Callback<bool>) -> Callback<Event> {
    let callback = callback.clone();
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        callback.emit(input.checked());
    })
}

pub fn memory_panel(props: MemoryPanel) -> Html {
    html! {
        <section class="memory" aria-labelledby="memory-title">
            <h2 id="memory-title">{ "Memory" }</h2>
            <label class="checkbox switch">
                <input type="checkbox" role="switch" data-testid="remember"
                    checked={props.remember} onchange={on_checked(&props.onremember)} />
                { "Remember my last input in this browser" }
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="store-secrets" disabled={!props.remember}
                    checked={props.store_secrets} onchange={on_checked(&props.onstoresecrets)} />
                { wording::STORE_SECRETS }
            </label>
        </section>
    }
}
