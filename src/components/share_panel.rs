//! The share link: the state in the URL fragment, secrets left out unless asked.

use hookcheck_core::browser::wording;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web;
use web_sys::HtmlInputElement;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// Makes the link for the current state (with or without secrets, as chosen).
    pub make_link: Callback<(), String>,
    /// Whether the link includes secrets.
    pub include_secrets: bool,
    /// Called with the new "include secrets" choice.
    pub oninclude: Callback<bool>,
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    // The link shown, and whether it reached the clipboard (`None`: still copying).
    let link = use_state(|| None::<(String, Option<bool>)>);
    // Any change to the state makes a new `make_link`: the shown link is stale then.
    {
        let link = link.clone();
        use_effect_with(props.make_link.clone(), move |_| link.set(None));
    }
    let onclick = {
        let link = link.clone();
        let make_link = props.make_link.clone();
        Callback::from(move |_: MouseEvent| {
            let url = make_link.emit(());
            link.set(Some((url.clone(), None)));
            let link = link.clone();
            spawn_local(async move {
                let copied = web::copy_to_clipboard(&url).await.is_ok();
                link.set(Some((url, Some(copied))));
            });
        })
    };
    let onchange = {
        let oninclude = props.oninclude.clone();
        let link = link.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            oninclude.emit(input.checked());
            link.set(None);
        })
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share" }</h2>
            <p class="hint">{ wording::SHARE_HINT }</p>
            <div class="row">
                <button type="button" data-testid="share" {onclick}>{ "Copy share link" }</button>
                <label class="checkbox">
                    <input type="checkbox" data-testid="share-secrets" checked={props.include_secrets} {onchange} />
                    { "Include secrets" }
                </label>
            </div>
            if let Some((url, copied)) = &*link {
                <label class="share-link">
                    <span class="label" role="status">{ wording::share_link_status(*copied) }</span>
                    <input type="text" readonly=true data-testid="share-link" value={url.clone()} />
                </label>
            }
        </section>
    }
}
