//! The full page: the input (examples, mode, editor, validity, diagnostics) beside the request
//! testRTC sends (outcome tabs, preview, sample data, test call), then share and memory.
//!
//! The state, the check, the request and the input and preview views are the workbench's
//! ([`crate::workbench`]), which the embed widget shares; this module adds what only the full
//! page has: its header and toolbar, the send and sample panels, sharing and memory.

use hookcheck_core::{Mode, Product};
use yew::prelude::*;

use crate::components::{
    memory_panel::{memory_panel, MemoryPanel},
    sample_editor::{sample_editor, SampleEditor},
    send_panel::SendPanel,
    share_panel::SharePanel,
    toolbar::{toolbar, Toolbar},
};
use crate::state::{Action, State};
use crate::web::{self, keys};
use crate::workbench::{send, use_workbench};

/// The full page's own callbacks, made once: components that get the same props skip
/// rendering.
struct PageHandlers {
    ontheme: Callback<MouseEvent>,
    ondismiss: Callback<MouseEvent>,
    onexample: Callback<usize>,
    onmode: Callback<Option<Mode>>,
    onproduct: Callback<Product>,
    onset: Callback<(&'static str, String)>,
    onruntype: Callback<String>,
    oninclude: Callback<bool>,
    onreset: Callback<()>,
    onpayload: Callback<String>,
    onsharesecrets: Callback<bool>,
    onremember: Callback<bool>,
    onstoresecrets: Callback<bool>,
}

impl PageHandlers {
    fn new(dispatcher: &UseReducerDispatcher<State>) -> PageHandlers {
        PageHandlers {
            ontheme: send(dispatcher, |_| Action::CycleTheme),
            ondismiss: send(dispatcher, |_| Action::DismissNotice),
            onexample: send(dispatcher, Action::LoadExample),
            onmode: send(dispatcher, Action::SetMode),
            onproduct: send(dispatcher, Action::SelectProduct),
            onset: send(dispatcher, |(name, value)| Action::SetVariable(name, value)),
            onruntype: send(dispatcher, Action::SetRunType),
            oninclude: send(dispatcher, Action::SetIncludeEveryVariable),
            onreset: send(dispatcher, |()| Action::ResetSamples),
            onpayload: send(dispatcher, Action::SetPayloadText),
            onsharesecrets: send(dispatcher, Action::SetShareSecrets),
            onremember: send(dispatcher, Action::SetRemember),
            onstoresecrets: send(dispatcher, Action::SetStoreSecrets),
        }
    }
}

#[component]
pub fn App() -> Html {
    let bench = use_workbench(State::initial);
    let state = &bench.state;
    let handlers = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| PageHandlers::new(&dispatcher))
    };

    // Memory: the last input (secrets stripped unless asked), its product and the settings.
    use_effect_with(
        (
            state.text.clone(),
            state.mode,
            state.product(),
            state.remember,
            state.store_secrets,
        ),
        {
            // The check of this text, made by the workbench: where its secrets are.
            let (state, checked) = (state.clone(), bench.checked.clone());
            move |_| {
                web::save(keys::REMEMBER, if state.remember { "on" } else { "off" });
                web::save(
                    keys::STORE_SECRETS,
                    if state.store_secrets { "on" } else { "off" },
                );
                if state.remember {
                    web::save(keys::INPUT, &state.remembered_text(&checked.report.secrets));
                    match state.mode {
                        Some(mode) => web::save(keys::MODE, mode.as_str()),
                        None => web::remove(keys::MODE),
                    }
                    web::save(keys::PRODUCT, state.product().as_str());
                } else {
                    web::remove(keys::INPUT);
                    web::remove(keys::MODE);
                    web::remove(keys::PRODUCT);
                }
            }
        },
    );

    let make_link = {
        let (state, checked) = (state.clone(), bench.checked.clone());
        Callback::from(move |()| {
            format!(
                "{}{}{}",
                web::page_address(),
                web::SHARE_PREFIX,
                state.share_state(&checked.report.secrets).encode()
            )
        })
    };
    let output_panels = html! {
        <>
            <SendPanel request={(*bench.request).clone()} outcome={Some(state.outcome)} />
            { sample_editor(SampleEditor {
                sample: state.sample().clone(),
                onset: handlers.onset.clone(),
                onruntype: handlers.onruntype.clone(),
                oninclude: handlers.oninclude.clone(),
                onreset: handlers.onreset.clone(),
                draft: state.payload_draft.clone(),
                onpayload: handlers.onpayload.clone(),
            }) }
        </>
    };
    let footer_panels = html! {
        <>
            <SharePanel {make_link} include_secrets={state.share_secrets}
                oninclude={handlers.onsharesecrets.clone()} />
            { memory_panel(MemoryPanel {
                remember: state.remember,
                store_secrets: state.store_secrets,
                onremember: handlers.onremember.clone(),
                onstoresecrets: handlers.onstoresecrets.clone(),
            }) }
        </>
    };

    html! {
        <div class="app">
            <header class="app-header">
                <div class="brand">
                    <h1>{ "hookcheck" }</h1>
                    <p class="tagline">
                        { "Checks your testRTC end-of-run webhook as you type, and shows the exact request testRTC will send." }
                    </p>
                </div>
                <button type="button" class="secondary theme-toggle" onclick={handlers.ontheme.clone()}
                    aria-label={format!("Colour theme: {}. Change it", state.theme.as_str())}>
                    { format!("Theme: {}", state.theme.as_str()) }
                </button>
            </header>
            if let Some(notice) = &state.notice {
                <div class="notice" role="alert">
                    <span>{ notice }</span>
                    <button type="button" class="secondary" onclick={handlers.ondismiss.clone()}>{ "Dismiss" }</button>
                </div>
            }
            <main class="workbench">
                <section class="pane input-pane" aria-label="Your webhook">
                    { toolbar(Toolbar {
                        mode: state.mode,
                        detected: bench.checked.report.mode,
                        onexample: handlers.onexample.clone(),
                        product: state.product(),
                        onproduct: handlers.onproduct.clone(),
                        onmode: handlers.onmode.clone(),
                    }) }
                    { bench.input_views() }
                </section>
                <section class="pane output-pane" aria-label="The request">
                    { bench.preview_view() }
                    { output_panels }
                </section>
            </main>
            <footer class="app-footer">
                { footer_panels }
            </footer>
        </div>
    }
}
