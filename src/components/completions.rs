//! Completions in the editor, as an ARIA combobox/listbox: the textarea keeps the focus and
//! points at the active option with `aria-activedescendant`; arrows move, Enter and Tab
//! accept, Esc closes, Ctrl+Space opens. Without a list, a tooltip explains the key, value or
//! `<% this.NAME %>` at the caret (focus documentation). Core decides what to offer and what
//! it means ([`hookcheck_core::assist`]); this file only shows it and inserts the choice.
//!
//! Every edit made for the person (an accepted completion, a one-click fix, Format) goes
//! through [`insert_undoable`], so Ctrl+Z undoes it like typing.

use std::rc::Rc;

use hookcheck_core::assist::{complete, hover, matching_bracket, offset_at, Completions, Doc};
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
    let utf16 = |at: usize| {
        let at = hookcheck_core::span::floor_char_boundary(&value, at.min(value.len()));
        value[..at].encode_utf16().count() as u32
    };
    let (start, end) = (utf16(from), utf16(to));
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

/// The caret of the textarea as a byte offset into its value.
fn caret(area: &HtmlTextAreaElement) -> (String, usize) {
    let value = area.value();
    let units = area.selection_end().ok().flatten().unwrap_or(0) as usize;
    let mut seen = 0;
    let at = value
        .char_indices()
        .find(|(_, c)| {
            let before = seen;
            seen += c.len_utf16();
            before >= units
        })
        .map_or(value.len(), |(i, _)| i);
    (value, at)
}

/// What asks for the list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// A keystroke: the list opens by itself only while a string is being typed.
    Typed,
    /// Ctrl+Space: the list opens wherever there is something to offer.
    Asked,
    /// The caret moved: only its doc follows.
    Moved,
}

/// An open list: what core offered, where the caret was, and the active option.
#[derive(Clone, PartialEq)]
struct Open {
    completions: Rc<Completions>,
    active: usize,
    /// Line and column (in characters) of the replaced range's start, to place the list.
    line: usize,
    column: usize,
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

/// The completion list of the textarea behind `node_ref`. `probe` is a box 100 characters
/// wide and 100 lines high at the text's origin, to find the character under the pointer.
#[hook]
pub fn use_assist(node_ref: NodeRef, probe: NodeRef) -> Assist {
    let open = use_state_eq(|| None::<Open>);
    // What the key, value or variable at the caret means, with where the caret is.
    let doc = use_state_eq(|| None::<(Doc, usize, usize)>);
    // The same for the pointer: the doc, and the line and column under the pointer.
    let pointed = use_state_eq(|| None::<(Doc, usize, usize)>);
    // The bracket at the caret and its partner, as (line, column) each.
    let brackets = use_state_eq(|| None::<[(usize, usize); 2]>);

    // Reads the caret and asks core. Opens by itself only while a string is being typed
    // (a key, a value, `<% this.`), so Enter still makes a new line elsewhere.
    let refresh = {
        let open = open.clone();
        let doc = doc.clone();
        let brackets = brackets.clone();
        let node_ref = node_ref.clone();
        Rc::new(move |trigger: Trigger| {
            let Some(area) = node_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (text, at) = caret(&area);
            let (line, column) = line_column(&text, at);
            doc.set(hover(&text, at).map(|d| (d, line, column)));
            brackets.set(
                matching_bracket(&text, at)
                    .map(|(a, b)| [line_column(&text, a), line_column(&text, b)]),
            );
            if trigger == Trigger::Moved {
                open.set(None);
                return;
            }
            let completions = complete(&text, at);
            let typing_a_string = completions.from < at;
            if completions.items.is_empty() || (trigger == Trigger::Typed && !typing_a_string) {
                open.set(None);
                return;
            }
            let (line, column) = line_column(&text, completions.from);
            open.set(Some(Open {
                completions: Rc::new(completions),
                active: 0,
                line,
                column,
            }));
        })
    };
    let accept = {
        let open = open.clone();
        let node_ref = node_ref.clone();
        Rc::new(move |index: usize| {
            let Some(current) = (*open).clone() else {
                return;
            };
            let Some(item) = current.completions.items.get(index) else {
                return;
            };
            open.set(None);
            if let Some(area) = node_ref.cast::<HtmlTextAreaElement>() {
                let c = &current.completions;
                insert_undoable(&area, c.from, c.to, &item.insert);
            }
        })
    };

    let onkeydown = {
        let open = open.clone();
        let refresh = refresh.clone();
        let accept = accept.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() && (event.key() == " " || event.code() == "Space") {
                event.prevent_default();
                refresh(Trigger::Asked);
                return;
            }
            let Some(current) = (*open).clone() else {
                // The caret may have moved: its doc follows on key up.
                return;
            };
            let count = current.completions.items.len();
            let moved = |active: usize| {
                open.set(Some(Open {
                    active,
                    ..current.clone()
                }))
            };
            match event.key().as_str() {
                "ArrowDown" => moved((current.active + 1) % count),
                "ArrowUp" => moved((current.active + count - 1) % count),
                "Enter" | "Tab" => accept(current.active),
                "Escape" => open.set(None),
                _ => return,
            }
            event.prevent_default();
        })
    };
    let onupdate = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh(Trigger::Typed))
    };
    let onmove = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh(Trigger::Moved))
    };
    // A caret moved by the keyboard (not while the list is open: its arrows are its own).
    let onkeyup = {
        let refresh = refresh.clone();
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            let moves = matches!(
                event.key().as_str(),
                "ArrowLeft"
                    | "ArrowRight"
                    | "ArrowUp"
                    | "ArrowDown"
                    | "Home"
                    | "End"
                    | "PageUp"
                    | "PageDown"
            );
            if moves && open.is_none() {
                refresh(Trigger::Moved);
            }
        })
    };
    let onclose = {
        let open = open.clone();
        let doc = doc.clone();
        Callback::from(move |()| {
            open.set(None);
            doc.set(None);
        })
    };

    // The textarea lies on top, so the pointer's character comes from its place: the text
    // is monospace and never wraps (`wrap="off"`), tabs stop every 4 columns (`tab-size`).
    let last_pointed = use_mut_ref(|| None::<(usize, usize)>);
    let popup_ref = use_node_ref();
    let onhover = {
        let (pointed, node_ref) = (pointed.clone(), node_ref.clone());
        let (last_pointed, popup_ref) = (last_pointed.clone(), popup_ref.clone());
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
            let place = (x >= 0.0 && y >= 0.0).then_some((y as usize, x as usize));
            if last_pointed.replace(place) == place {
                return;
            }
            let text = area.value();
            let found = place.and_then(|(line, column)| {
                let doc = hover(&text, offset_at(&text, line, column)?)?;
                Some((doc, line, column))
            });
            // On its way to the doc's link the pointer crosses the doc: it stays.
            let (x, y) = (event.offset_x(), event.offset_y());
            let on_doc = pointed.is_some()
                && popup_ref.cast::<HtmlElement>().is_some_and(|doc| {
                    (doc.offset_left()..doc.offset_left() + doc.offset_width()).contains(&x)
                        && (doc.offset_top()..doc.offset_top() + doc.offset_height()).contains(&y)
                });
            if found.is_some() || !on_doc {
                pointed.set(found);
            }
        })
    };
    let onleave = {
        let pointed = pointed.clone();
        let last_pointed = last_pointed.clone();
        Callback::from(move |_: MouseEvent| {
            last_pointed.replace(None);
            pointed.set(None);
        })
    };

    let active_id = open.as_ref().map(|o| option_id(o.active));
    // Where the popup goes: under the word (the list) or the caret (the doc). Set through
    // the CSSOM, which the page's CSP (`style-src 'self'`) allows where a style attribute
    // is refused.
    let bracket_refs = [use_node_ref(), use_node_ref()];
    // The doc shown without a list: the pointer's, else the caret's.
    let shown_doc = pointed
        .as_ref()
        .map(|d| (d, "hover-doc"))
        .or(doc.as_ref().map(|d| (d, "caret-doc")));
    let place = match (&*open, shown_doc) {
        (Some(current), _) => Some((current.line, current.column)),
        (None, Some(((_, line, column), _))) => Some((*line, *column)),
        (None, None) => None,
    };
    {
        let popup_ref = popup_ref.clone();
        let kind = shown_doc.map(|(_, kind)| kind);
        use_effect_with((open.is_some(), kind, place), move |(_, _, place)| {
            if let (Some((line, column)), Some(popup)) = (place, popup_ref.cast::<HtmlElement>()) {
                let style = popup.style();
                let _ = style.set_property("--completion-line", &(line + 1).to_string());
                let _ = style.set_property("--completion-column", &column.to_string());
            }
        });
    }
    {
        let refs = bracket_refs.clone();
        use_effect_with(*brackets, move |brackets| {
            for (node, (line, column)) in refs.iter().zip(brackets.iter().flatten()) {
                if let Some(mark) = node.cast::<HtmlElement>() {
                    let style = mark.style();
                    let _ = style.set_property("--bracket-line", &line.to_string());
                    let _ = style.set_property("--bracket-column", &column.to_string());
                }
            }
        });
    }
    let bracket_marks = brackets.map(|_| {
        html! {
            <>
                <span class="bracket-match" aria-hidden="true" data-testid="bracket-match" ref={bracket_refs[0].clone()}></span>
                <span class="bracket-match" aria-hidden="true" data-testid="bracket-match" ref={bracket_refs[1].clone()}></span>
            </>
        }
    });
    let popup = match &*open {
        None => match shown_doc {
            None => html! {},
            Some(((doc, _, _), kind)) => html! {
                <div class={classes!("caret-doc", kind)} ref={popup_ref.clone()}>
                    <p role="tooltip" data-testid={kind}>
                        <code>{ &doc.name }</code>{ " " }
                        <span class={classes!("label-badge", doc.source.as_str())}>{ doc.source.as_str() }</span>
                        { " " }{ &doc.sentence }{ " " }
                        { rule_link(doc.rule) }
                    </p>
                </div>
            },
        },
        Some(current) => {
            let options = current.completions.items.iter().enumerate().map(|(i, item)| {
                // mousedown, not click: the textarea must not lose the focus first.
                let onmousedown = {
                    let accept = accept.clone();
                    Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        accept(i);
                    })
                };
                let selected = i == current.active;
                html! {
                    <li id={option_id(i)} role="option" aria-selected={selected.to_string()}
                        class={classes!("completion", selected.then_some("active"))} {onmousedown}>
                        <span class="completion-label">{ &item.label }</span>
                        <span class={classes!("label-badge", item.source.as_str())}>{ item.source.as_str() }</span>
                    </li>
                }
            });
            let active = current.completions.items.get(current.active);
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
        expanded: open.is_some(),
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

/// The 0-based line and column (in characters) of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count();
    (line, column)
}

fn option_id(index: usize) -> String {
    format!("{LIST_ID}-{index}")
}
