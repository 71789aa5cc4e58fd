//! The page: the input (examples, mode, editor, validity, diagnostics) beside the request
//! testRTC sends (outcome tabs, preview, sample data, test call), then share and memory.
//!
//! State lives in one reducer ([`State`]); the check and the request are derived with
//! `use_memo`, so a keystroke re-checks once and re-renders only what changed.

use std::rc::Rc;

use hookcheck_core::{
    check_with, render_request, LineIndex, LocatedDiagnostic, Options, Report, Request,
};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{
    completions::insert_undoable,
    diagnostics::{diagnostic_list, DiagnosticList},
    editor::{select_span, Editor},
    format_button::FormatButton,
    memory_panel::{memory_panel, MemoryPanel},
    preview::Preview,
    sample_editor::{sample_editor, SampleEditor},
    send_panel::SendPanel,
    share_panel::SharePanel,
    toolbar::{toolbar, Toolbar},
    validity::{Validity, ValidityProps},
};
use crate::embed::EmbedFrame;
use crate::state::{Action, State, Theme};
use crate::web::{self, keys};

/// How many diagnostics of one code the page lists: a screenful or two of each. (The CLI
/// prints the [`hookcheck_core::repeats::KEPT_PER_CODE`] a check keeps; a page of thousands
/// of list items is slow to draw.)
const SHOWN_PER_CODE: usize = 20;

/// The check of the text, with the diagnostics a person is shown located for display.
#[derive(PartialEq)]
struct Checked {
    report: Rc<Report>,
    /// At most [`SHOWN_PER_CODE`] of each code, in source order, with lines and columns.
    located: Rc<Vec<LocatedDiagnostic>>,
    /// The codes with more, and how many more.
    more: Rc<Vec<(&'static str, usize)>>,
}

/// The page's callbacks, made once: components that get the same props skip rendering.
struct Handlers {
    ontheme: Callback<MouseEvent>,
    ondismiss: Callback<MouseEvent>,
    onexample: Callback<usize>,
    onmode: Callback<Option<hookcheck_core::Mode>>,
    onproduct: Callback<hookcheck_core::Product>,
    oninput: Callback<String>,
    onchoose: Callback<(usize, usize)>,
    onfix: Callback<hookcheck_core::Fix>,
    onselect: Callback<hookcheck_core::Outcome>,
    onreveal: Callback<bool>,
    onset: Callback<(&'static str, String)>,
    onruntype: Callback<String>,
    oninclude: Callback<bool>,
    onreset: Callback<()>,
    onpayload: Callback<String>,
    onsharesecrets: Callback<bool>,
    onremember: Callback<bool>,
    onstoresecrets: Callback<bool>,
}

impl Handlers {
    fn new(dispatcher: &UseReducerDispatcher<State>, input_ref: &NodeRef) -> Handlers {
        fn send<T: 'static>(
            dispatcher: &UseReducerDispatcher<State>,
            action: impl Fn(T) -> Action + 'static,
        ) -> Callback<T> {
            let dispatcher = dispatcher.clone();
            Callback::from(move |value| dispatcher.dispatch(action(value)))
        }
        let choose_ref = input_ref.clone();
        Handlers {
            ontheme: send(dispatcher, |_| Action::CycleTheme),
            ondismiss: send(dispatcher, |_| Action::DismissNotice),
            onexample: send(dispatcher, Action::LoadExample),
            onmode: send(dispatcher, Action::SetMode),
            onproduct: send(dispatcher, Action::SelectProduct),
            oninput: send(dispatcher, Action::SetText),
            // The caret is the textarea's own state, not the app's: set it directly.
            onchoose: Callback::from(move |(start, end): (usize, usize)| {
                if let Some(area) = choose_ref.cast::<HtmlTextAreaElement>() {
                    select_span(&area, &area.value(), start, end);
                }
            }),
            // issue-20: a fix is an edit of the textarea, so Ctrl+Z undoes it like typing.
            onfix: {
                let input_ref = input_ref.clone();
                let dispatcher = dispatcher.clone();
                Callback::from(move |fix: hookcheck_core::Fix| {
                    match input_ref.cast::<HtmlTextAreaElement>() {
                        Some(area) => {
                            insert_undoable(&area, fix.span.start, fix.span.end, &fix.replacement)
                        }
                        None => dispatcher.dispatch(Action::ApplyFix(fix)),
                    }
                })
            },
            onselect: send(dispatcher, Action::SelectOutcome),
            onreveal: send(dispatcher, Action::SetRevealSecrets),
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
    let embed = use_memo((), |_| crate::embed::options_from_location());
    let initial: fn() -> State = if embed.embed {
        crate::embed::initial_state
    } else {
        State::initial
    };
    let state = use_reducer(initial);
    let input_ref = use_node_ref();
    let handlers = {
        let dispatcher = state.dispatcher();
        let input_ref = input_ref.clone();
        use_memo((), move |_| Handlers::new(&dispatcher, &input_ref))
    };

    let checked = use_memo(
        (state.text.clone(), state.mode, state.product),
        |(text, mode, product)| {
            let report = check_with(
                text,
                &Options {
                    mode: *mode,
                    product: *product,
                    today: Some(web::today()),
                },
            );
            // Only what is shown gets lines, columns and copies of its messages: a paste with
            // thousands of findings costs no more to show than a hundred of each.
            let shown = report.shown(SHOWN_PER_CODE);
            let index = LineIndex::new(text);
            let located = (shown.indices.iter())
                .map(|&i| LocatedDiagnostic::new(&report.diagnostics[i], &index))
                .collect();
            Checked {
                report: Rc::new(report),
                located: Rc::new(located),
                more: Rc::new(shown.more),
            }
        },
    );
    let request: Rc<Option<Rc<Request>>> = use_memo(
        (checked.clone(), state.sample().clone()),
        |(checked, sample)| {
            let config = checked.report.config.as_ref()?;
            Some(Rc::new(render_request(config, sample)))
        },
    );

    // Memory: the last input (secrets stripped unless asked), its product and the settings.
    use_effect_with(
        (
            state.text.clone(),
            state.mode,
            state.product,
            state.remember,
            state.store_secrets,
        ),
        {
            let state = state.clone();
            let embedded = embed.embed;
            move |_| {
                if embedded {
                    return; // a widget remembers nothing (and keeps the app's memory as it is)
                }
                web::save(keys::REMEMBER, if state.remember { "on" } else { "off" });
                web::save(
                    keys::STORE_SECRETS,
                    if state.store_secrets { "on" } else { "off" },
                );
                if state.remember {
                    web::save(keys::INPUT, &state.remembered_text());
                    match state.mode {
                        Some(mode) => web::save(keys::MODE, mode.as_str()),
                        None => web::remove(keys::MODE),
                    }
                    web::save(keys::PRODUCT, state.product.as_str());
                } else {
                    web::remove(keys::INPUT);
                    web::remove(keys::MODE);
                    web::remove(keys::PRODUCT);
                }
            }
        },
    );
    // A share link opened in the same tab changes only the fragment: restore it too.
    use_effect_with((), {
        let dispatcher = state.dispatcher();
        move |_| {
            let listener = web::WindowListener::new(&["hashchange"], move || {
                if let Some(code) = web::share_code() {
                    dispatcher.dispatch(Action::OpenShare(code));
                }
            });
            move || drop(listener)
        }
    });
    use_effect_with(state.theme, |&theme| {
        web::set_theme_attribute((theme != Theme::Auto).then_some(theme.as_str()));
        web::save(keys::THEME, theme.as_str());
    });

    let make_link = {
        let state = state.clone();
        Callback::from(move |()| {
            format!(
                "{}{}{}",
                web::page_address(),
                web::SHARE_PREFIX,
                state.share_state().encode()
            )
        })
    };
    // What the full page and the embed widget both show: the input with its check, and the
    // request of the selected outcome.
    let input_views = html! {
        <>
            <Editor text={AttrValue::from(state.text.clone())}
                diagnostics={checked.located.clone()} node_ref={input_ref.clone()}
                oninput={handlers.oninput.clone()} product={state.product} />
            <FormatButton text={AttrValue::from(state.text.clone())} node_ref={input_ref.clone()} />
            <Validity ..ValidityProps::of(&checked.report) />
            { diagnostic_list(DiagnosticList {
                diagnostics: checked.located.clone(),
                more: checked.more.clone(),
                onchoose: handlers.onchoose.clone(),
                onfix: handlers.onfix.clone(),
            }) }
        </>
    };
    let preview_view = html! {
        <Preview request={(*request).clone()} outcome={state.outcome}
            onselect={handlers.onselect.clone()} reveal={state.reveal_secrets}
            onreveal={handlers.onreveal.clone()} />
    };

    if embed.embed {
        // The compact widget for iframes (docs/embedding.md): no header, footer or send.
        return html! {
            <EmbedFrame options={embed.clone()} text={AttrValue::from(state.text.clone())}
                result={hookcheck_core::api::WidgetMessage::result(&checked.report)} share={state.share_state()}
                share_prefix={web::SHARE_PREFIX} onset={crate::embed::onset(state.dispatcher())}
                input_ref={input_ref.clone()}>
                { input_views }
                { preview_view }
            </EmbedFrame>
        };
    }

    let output_panels = html! {
        <>
            <SendPanel request={(*request).clone()} outcome={Some(state.outcome)} />
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
                        detected: checked.report.mode,
                        onexample: handlers.onexample.clone(),
                        product: state.product,
                        onproduct: handlers.onproduct.clone(),
                        onmode: handlers.onmode.clone(),
                    }) }
                    { input_views }
                </section>
                <section class="pane output-pane" aria-label="The request">
                    { preview_view }
                    { output_panels }
                </section>
            </main>
            <footer class="app-footer">
                { footer_panels }
            </footer>
        </div>
    }
}
