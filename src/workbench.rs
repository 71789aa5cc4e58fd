//! What the full page ([`crate::App`]) and the embed widget ([`crate::Widget`]) share: the
//! state, the check of its text and the request of the selected outcome, the handlers of the
//! input and the preview, and those two views.
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
    diagnostics::{diagnostic_list, DiagnosticList},
    editor::{insert_undoable, select_span, Editor},
    format_button::FormatButton,
    preview::Preview,
    validity::{Validity, ValidityProps},
};
use crate::state::{Action, State, Theme};
use crate::web::{self, keys};

/// How many diagnostics of one code a page lists: a screenful or two of each. (The CLI
/// prints the [`hookcheck_core::repeats::KEPT_PER_CODE`] a check keeps; a page of thousands
/// of list items is slow to draw.)
const SHOWN_PER_CODE: usize = 20;

/// The check of the text, with the diagnostics a person is shown located for display.
#[derive(PartialEq)]
pub(crate) struct Checked {
    pub report: Rc<Report>,
    /// At most [`SHOWN_PER_CODE`] of each code, in source order, with lines and columns.
    located: Rc<Vec<LocatedDiagnostic>>,
    /// The codes with more, and how many more.
    more: Rc<Vec<(&'static str, usize)>>,
}

/// A callback that dispatches the action `action` makes of its value.
pub(crate) fn send<T: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |value| dispatcher.dispatch(action(value)))
}

/// The callbacks of the input and preview views, made once: components that get the same
/// props skip rendering.
struct Handlers {
    oninput: Callback<String>,
    onchoose: Callback<(usize, usize)>,
    onfix: Callback<hookcheck_core::Fix>,
    onselect: Callback<hookcheck_core::Outcome>,
    onreveal: Callback<bool>,
}

impl Handlers {
    fn new(dispatcher: &UseReducerDispatcher<State>, input_ref: &NodeRef) -> Handlers {
        let choose_ref = input_ref.clone();
        Handlers {
            oninput: send(dispatcher, Action::SetText),
            // The caret is the textarea's own state, not the app's: set it directly.
            onchoose: Callback::from(move |(start, end): (usize, usize)| {
                if let Some(area) = choose_ref.cast::<HtmlTextAreaElement>() {
                    select_span(&area, &area.value(), start, end);
                }
            }),
            // A fix is an edit of the textarea, so Ctrl+Z undoes it like typing (without the
            // textarea, as in tests, the state takes the fixed text).
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
        }
    }
}

/// One page's state and what is derived from it ([`use_workbench`]).
pub(crate) struct Workbench {
    pub state: UseReducerHandle<State>,
    /// The input's textarea.
    pub input_ref: NodeRef,
    pub checked: Rc<Checked>,
    /// The selected outcome's request, when the text is valid.
    pub request: Rc<Option<Rc<Request>>>,
    handlers: Rc<Handlers>,
}

/// The state, opened with `initial`, and what both pages derive from it. Also follows a
/// share link opened in the same tab (only the fragment changes) and applies the theme.
#[hook]
pub(crate) fn use_workbench(initial: fn() -> State) -> Workbench {
    let state = use_reducer(initial);
    let input_ref = use_node_ref();
    let handlers = {
        let dispatcher = state.dispatcher();
        let input_ref = input_ref.clone();
        use_memo((), move |_| Handlers::new(&dispatcher, &input_ref))
    };

    let checked = use_memo(
        (state.text.clone(), state.mode, state.product()),
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

    Workbench {
        state,
        input_ref,
        checked,
        request,
        handlers,
    }
}

impl Workbench {
    /// The input with its check: the editor, Format, the validity and the diagnostics.
    pub fn input_views(&self) -> Html {
        let (state, checked, handlers) = (&self.state, &self.checked, &self.handlers);
        html! {
            <>
                <Editor text={AttrValue::from(state.text.clone())}
                    diagnostics={checked.located.clone()} node_ref={self.input_ref.clone()}
                    oninput={handlers.oninput.clone()} product={state.product()} />
                <FormatButton text={AttrValue::from(state.text.clone())} node_ref={self.input_ref.clone()} />
                <Validity ..ValidityProps::of(&checked.report) />
                { diagnostic_list(DiagnosticList {
                    diagnostics: checked.located.clone(),
                    more: checked.more.clone(),
                    onchoose: handlers.onchoose.clone(),
                    onfix: handlers.onfix.clone(),
                }) }
            </>
        }
    }

    /// The request of the selected outcome, with its outcome tabs.
    pub fn preview_view(&self) -> Html {
        let (state, handlers) = (&self.state, &self.handlers);
        html! {
            <Preview request={(*self.request).clone()} outcome={state.outcome}
                onselect={handlers.onselect.clone()} reveal={state.reveal_secrets}
                onreveal={handlers.onreveal.clone()} />
        }
    }
}
