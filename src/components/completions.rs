//! Completions in the editor, as an ARIA combobox/listbox: the textarea keeps the focus and
//! points at the active option with `aria-activedescendant`; arrows move, Enter and Tab
//! accept, Esc closes, Ctrl+Space opens. Without a list, a tooltip explains the key, value or
//! `<% this.NAME %>` at the caret (focus documentation). Core decides what to offer, what it
//! means and when the list opens or closes ([`CompletionSession`]); this file only feeds it
//! the textarea's events, draws its [`AssistView`] and inserts the choice.
//!
//! Every edit made for the person (an accepted completion, a one-click fix, Format) goes
//! through [`insert_undoable`], so Ctrl+Z undoes it like typing.

use std::cell::RefCell;
use std::rc::Rc;

use hookcheck_core::assist::{Anchor, AssistView, CompletionSession, DocKind, Edit, KeyDown};
use hookcheck_core::span::{byte_offset, utf16_offset};
use hookcheck_core::Product;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The listbox's id, for the textarea's `aria-controls`.
pub const LIST_ID: &str = "hookcheck-completions";

/// Replaces `from..to` (byte offsets into the textarea's value) with `text` as if typed:
/// `execCommand("insertText")` keeps the browser's undo stack, where setting `value` would
/// clear it. It fires `input`, so the app sees the new text as it sees a keystroke. Falls
/// back to `setRangeText` and a synthetic `input` event (not undoable) where `insertText` is
/// refused.
pub fn insert_undoable(area: &HtmlTextAreaElement, from: usize, to: usize, text: &str) {
    let value = area.value();
    let (start, end) = (
        utf16_offset(&value, from) as u32,
        utf16_offset(&value, to) as u32,
    );
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
    let inserted = gloo_document()
        .and_then(|document| {
            document
                .exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        let _ = area.set_range_text_with_start_and_end_and_mode(text, start, end, "end");
        // Bubbling, as a typed one: Yew listens at the root.
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::InputEvent::new_with_event_init_dict("input", &init) {
            let _ = area.dispatch_event(&event);
        }
    }
}

fn gloo_document() -> Option<HtmlDocument> {
    web_sys::window()?
        .document()?
        .dyn_into::<HtmlDocument>()
        .ok()
}

/// The textarea's value and its caret as a byte offset into it.
fn caret(node_ref: &NodeRef) -> Option<(String, usize)> {
    let area = node_ref.cast::<HtmlTextAreaElement>()?;
    let value = area.value();
    let units = area.selection_end().ok().flatten().unwrap_or(0) as usize;
    let at = byte_offset(&value, units);
    Some((value, at))
}

/// What the editor wires into its textarea.
pub struct Assist {
    /// On `keydown`: Ctrl+Space, and the list's keys while it is open.
    pub onkeydown: Callback<KeyboardEvent>,
    /// On `keyup`: a caret moved by the keyboard updates the doc shown for it.
    pub onkeyup: Callback<KeyboardEvent>,
    /// After every input: opens, filters or closes the list.
    pub onupdate: Callback<()>,
    /// After a click moved the caret: closes the list, shows the caret's doc.
    pub onmove: Callback<()>,
    /// Closes the list (on blur).
    pub onclose: Callback<()>,
    /// On `mousemove` over the editor: the doc of what the pointer is over.
    pub onhover: Callback<MouseEvent>,
    /// On `mouseleave` of the editor: hides the pointer's doc.
    pub onleave: Callback<MouseEvent>,
    pub expanded: bool,
    /// The active option's id, for `aria-activedescendant`.
    pub active_id: Option<String>,
    /// The list itself, to render inside the editor's stack.
    pub view: Html,
}

/// Core's session, shared by the event handlers: each event changes it, then what it shows
/// is copied into state, which redraws the editor only when that changed.
#[derive(Clone)]
struct Session {
    core: Rc<RefCell<CompletionSession>>,
    shown: UseStateHandle<AssistView>,
}

impl Session {
    fn update<R>(&self, event: impl FnOnce(&mut CompletionSession) -> R) -> R {
        let result = event(&mut self.core.borrow_mut());
        self.shown.set(self.core.borrow().view().clone());
        result
    }
}

/// The completion list of the textarea behind `node_ref`. `probe` is a box 100 characters
/// wide and 100 lines high at the text's origin, to find the character under the pointer;
/// `product` is whose variables it offers.
#[hook]
pub fn use_assist(node_ref: NodeRef, probe: NodeRef, product: Product) -> Assist {
    let session = Session {
        core: use_mut_ref(CompletionSession::default),
        shown: use_state_eq(AssistView::default),
    };
    session.core.borrow_mut().set_product(product);
    let shown = (*session.shown).clone();

    let apply = {
        let node_ref = node_ref.clone();
        move |edit: Option<Edit>| {
            if let (Some(edit), Some(area)) = (edit, node_ref.cast::<HtmlTextAreaElement>()) {
                insert_undoable(&area, edit.from, edit.to, &edit.insert);
            }
        }
    };
    let onkeydown = {
        let (session, node_ref, apply) = (session.clone(), node_ref.clone(), apply.clone());
        Callback::from(move |event: KeyboardEvent| {
            let (key, code) = (event.key(), event.code());
            let read = || caret(&node_ref);
            match session.update(|s| s.key_down(&key, &code, event.ctrl_key(), read)) {
                KeyDown::Ignored => {}
                KeyDown::Handled => event.prevent_default(),
                KeyDown::Accepted(edit) => {
                    event.prevent_default();
                    apply(Some(edit));
                }
            }
        })
    };
    let onkeyup = {
        let (session, node_ref) = (session.clone(), node_ref.clone());
        Callback::from(move |event: KeyboardEvent| {
            session.update(|s| s.key_up(&event.key(), || caret(&node_ref)));
        })
    };
    let onupdate = {
        let (session, node_ref) = (session.clone(), node_ref.clone());
        Callback::from(move |()| {
            if let Some((text, at)) = caret(&node_ref) {
                session.update(|s| s.typed(&text, at));
            }
        })
    };
    let onmove = {
        let (session, node_ref) = (session.clone(), node_ref.clone());
        Callback::from(move |()| {
            if let Some((text, at)) = caret(&node_ref) {
                session.update(|s| s.moved(&text, at));
            }
        })
    };
    let onclose = {
        let session = session.clone();
        Callback::from(move |()| session.update(CompletionSession::blurred))
    };

    // The textarea lies on top, so the pointer's character comes from its place: the text
    // is monospace and never wraps (`wrap="off"`), tabs stop every 4 columns (`tab-size`).
    let popup_ref = use_node_ref();
    let onhover = {
        let (session, node_ref, popup_ref) = (session.clone(), node_ref.clone(), popup_ref.clone());
        Callback::from(move |event: MouseEvent| {
            // Over the doc itself (to follow its link), the doc stays.
            let on_text = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
                .is_some();
            let (true, Some(area), Some(probe)) = (
                on_text,
                node_ref.cast::<HtmlTextAreaElement>(),
                probe.cast::<HtmlElement>(),
            ) else {
                return;
            };
            // The probe is 100 characters wide and 100 lines high, for sub-pixel sizes.
            let column_width = f64::from(probe.offset_width()).max(1.0) / 100.0;
            let line_height = f64::from(probe.offset_height()).max(1.0) / 100.0;
            let x = f64::from(event.offset_x() - probe.offset_left()) / column_width;
            let y = f64::from(event.offset_y() - probe.offset_top()) / line_height;
            let place = (x >= 0.0 && y >= 0.0).then_some(Anchor {
                line: y as usize,
                column: x as usize,
            });
            // On its way to the doc's link the pointer crosses the doc.
            let (x, y) = (event.offset_x(), event.offset_y());
            let over_doc = || {
                popup_ref.cast::<HtmlElement>().is_some_and(|doc| {
                    (doc.offset_left()..doc.offset_left() + doc.offset_width()).contains(&x)
                        && (doc.offset_top()..doc.offset_top() + doc.offset_height()).contains(&y)
                })
            };
            session.update(|s| s.pointer_moved(place, || area.value(), over_doc));
        })
    };
    let onleave = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| session.update(CompletionSession::pointer_left))
    };

    let active_id = shown.list.as_ref().map(|list| option_id(list.active));
    // Where the popup goes: under the word (the list) or the caret (the doc). Set through
    // the CSSOM, which the page's CSP (`style-src 'self'`) allows where a style attribute
    // is refused.
    let bracket_refs = [use_node_ref(), use_node_ref()];
    let kind = shown.doc().map(|(_, kind, _)| kind);
    {
        let popup_ref = popup_ref.clone();
        let place = shown.popup_anchor();
        use_effect_with((shown.list.is_some(), kind, place), move |(_, _, place)| {
            if let (Some(place), Some(popup)) = (place, popup_ref.cast::<HtmlElement>()) {
                let style = popup.style();
                let _ = style.set_property("--completion-line", &(place.line + 1).to_string());
                let _ = style.set_property("--completion-column", &place.column.to_string());
            }
        });
    }
    {
        let refs = bracket_refs.clone();
        use_effect_with(shown.brackets, move |brackets| {
            for (node, place) in refs.iter().zip(brackets.iter().flatten()) {
                if let Some(mark) = node.cast::<HtmlElement>() {
                    let style = mark.style();
                    let _ = style.set_property("--bracket-line", &place.line.to_string());
                    let _ = style.set_property("--bracket-column", &place.column.to_string());
                }
            }
        });
    }
    let bracket_marks = shown.brackets.map(|_| {
        html! {
            <>
                <span class="bracket-match" aria-hidden="true" data-testid="bracket-match" ref={bracket_refs[0].clone()}></span>
                <span class="bracket-match" aria-hidden="true" data-testid="bracket-match" ref={bracket_refs[1].clone()}></span>
            </>
        }
    });
    let popup = match &shown.list {
        None => match shown.doc() {
            None => html! {},
            Some((doc, kind, _)) => {
                let kind = match kind {
                    DocKind::Pointer => "hover-doc",
                    DocKind::Caret => "caret-doc",
                };
                html! {
                    <div class={classes!("caret-doc", kind)} ref={popup_ref.clone()}>
                        <p role="tooltip" data-testid={kind}>
                            <code>{ &doc.name }</code>{ " " }
                            <span class={classes!("label-badge", doc.source.as_str())}>{ doc.source.as_str() }</span>
                            { " " }{ &doc.sentence }{ " " }
                            { rule_link(doc.rule) }
                        </p>
                    </div>
                }
            }
        },
        Some(list) => {
            let options = list.completions.items.iter().enumerate().map(|(i, item)| {
                // mousedown, not click: the textarea must not lose the focus first.
                let onmousedown = {
                    let (session, apply) = (session.clone(), apply.clone());
                    Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        apply(session.update(|s| s.choose(i)));
                    })
                };
                let selected = i == list.active;
                html! {
                    <li id={option_id(i)} role="option" aria-selected={selected.to_string()}
                        class={classes!("completion", selected.then_some("active"))} {onmousedown}>
                        <span class="completion-label">{ &item.label }</span>
                        <span class={classes!("label-badge", item.source.as_str())}>{ item.source.as_str() }</span>
                    </li>
                }
            });
            let active = list.completions.items.get(list.active);
            html! {
                <div class="completions" ref={popup_ref.clone()}>
                    <ul id={LIST_ID} data-testid="completions" role="listbox" aria-label="Completions">
                        { for options }
                    </ul>
                    if let Some(item) = active {
                        <p class="completion-doc" data-testid="completion-doc">
                            { &item.detail }{ " " }
                            { rule_link(item.rule) }
                        </p>
                    }
                </div>
            }
        }
    };
    let view = html! { <>{ for bracket_marks }{ popup }</> };
    Assist {
        onkeydown,
        onkeyup,
        onupdate,
        onmove,
        onclose,
        onhover,
        onleave,
        expanded: shown.list.is_some(),
        active_id,
        view,
    }
}

/// The rule catalog (`docs/rules.md`), which the build renders next to the app
/// (`tools/render-docs.mjs`); each rule's heading has the rule's code as its id.
pub const RULES_URL: &str = "rules.html";

/// The link to `rule` in the catalog, from a doc or a completion.
fn rule_link(rule: &str) -> Html {
    html! {
        <a href={format!("{RULES_URL}#{rule}")} target="_blank" rel="noopener" tabindex="-1">{ format!("Rule {rule}") }</a>
    }
}

fn option_id(index: usize) -> String {
    format!("{LIST_ID}-{index}")
}
