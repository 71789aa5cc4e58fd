//! The input field, with line numbers, syntax colouring and each diagnostic marked in place.
//!
//! A textarea with transparent text lies over a `<pre>` that repeats the text coloured by
//! token ([`hookcheck_core::assist::highlight`]) with the diagnostics' spans wrapped in
//! `<mark>`s (built as Yew nodes, never as HTML). The textarea is sized to its content with
//! `rows`/`cols`, so it never scrolls by itself: the frame around both scrolls, and the
//! overlay and the gutter move with it. The overlay draws only the lines in view (and a
//! margin), so a long paste costs the DOM of a screenful; when those lines hold more than
//! [`COLOURED`] tokens (a minified paste on one line), the textarea shows its own text and
//! the overlay only the marks. The bracket at the caret and its partner are framed
//! ([`hookcheck_core::assist::bracket_pair`]). Inside a `<% this.` placeholder, the
//! product's template variables that start with what is typed are listed under it
//! ([`hookcheck_core::assist::variables_at`]): arrows choose, Enter or Tab inserts, Escape
//! closes.
//!
//! Every edit made for the person (a one-click fix, Format, a chosen variable) goes through
//! [`insert_undoable`], so Ctrl+Z undoes it like typing.

use std::rc::Rc;

use hookcheck_core::assist::{bracket_pair, highlight, variables_at, Offer, TokenClass};
use hookcheck_core::span::{byte_offset, utf16_offset, Position, Span};
use hookcheck_core::{LocatedDiagnostic, Product, Severity};
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The current text.
    pub text: AttrValue,
    /// The diagnostics of `text`, to mark in place.
    pub diagnostics: Rc<Vec<LocatedDiagnostic>>,
    /// The textarea, so that choosing a diagnostic can move the caret.
    pub node_ref: NodeRef,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
    /// Whose template variables are offered.
    pub product: Product,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    // A hidden box 100 characters wide and 100 lines high at the text's origin: the scale
    // for the lines in view.
    let probe = use_node_ref();
    let frame = use_node_ref();
    let overlay_ref = use_node_ref();
    // What follows the caret (on input, a click and the keys that move it; gone while the
    // field has no focus): the bracket at the caret and its partner, framed, and the
    // variables offered there with the one chosen.
    let marks = [use_node_ref(), use_node_ref()];
    let offer = use_state_eq(|| None::<(Offer, usize)>);
    let list = use_node_ref();
    let follow_caret = {
        let (area, marks, offer, product) = (
            props.node_ref.clone(),
            marks.clone(),
            offer.clone(),
            props.product,
        );
        Callback::from(move |shown: bool| {
            // The text and the caret, read once from the textarea.
            let at_caret = shown.then(|| caret(&area)).flatten();
            frame_brackets(
                &marks,
                (at_caret.as_ref()).and_then(|(text, at)| bracket_pair(text, *at)),
            );
            let found =
                at_caret.and_then(|(text, at)| variables_at(&text, at, product.vocabulary()));
            // The same list keeps its choice; another starts at its first name.
            let chosen = match (&found, &*offer) {
                (Some(new), Some((old, chosen))) if new == old => *chosen,
                _ => 0,
            };
            offer.set(found.map(|found| (found, chosen)));
        })
    };
    let choose = {
        let (area, offer) = (props.node_ref.clone(), offer.clone());
        Callback::from(move |index: usize| {
            let (Some((found, _)), Some(area)) = (&*offer, area.cast::<HtmlTextAreaElement>())
            else {
                return;
            };
            if let Some((typed, name)) = found.insertion(&area.value(), index) {
                insert_undoable(&area, typed.start, typed.end, &name);
            }
        })
    };
    let onkeydown = {
        let (offer, choose) = (offer.clone(), choose.clone());
        Callback::from(move |event: KeyboardEvent| {
            let Some((found, chosen)) = &*offer else {
                return;
            };
            let last = found.names.len() - 1;
            let chosen = match event.key().as_str() {
                "ArrowDown" => Some(if *chosen == last { 0 } else { chosen + 1 }),
                "ArrowUp" => Some(if *chosen == 0 { last } else { chosen - 1 }),
                "Enter" | "Tab" => {
                    choose.emit(*chosen);
                    None
                }
                "Escape" => {
                    offer.set(None);
                    None
                }
                _ => return,
            };
            event.prevent_default();
            if let Some(chosen) = chosen {
                offer.set(Some((found.clone(), chosen)));
            }
        })
    };
    let oninput = {
        let (oninput, follow_caret) = (props.oninput.clone(), follow_caret.clone());
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            oninput.emit(area.value());
            follow_caret.emit(true);
        })
    };
    let onkeyup = {
        let (follow_caret, offer) = (follow_caret.clone(), offer.clone());
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            // Up and down choose in an open list rather than move the caret.
            let choosing = offer.is_some() && (key == "ArrowUp" || key == "ArrowDown");
            if CARET_KEYS.contains(&key.as_str()) && !choosing {
                follow_caret.emit(true);
            }
        })
    };
    let onclick = follow_caret.reform(|_: MouseEvent| true);
    let onblur = follow_caret.reform(|_: FocusEvent| false);
    // The first line in view and how many lines the frame shows.
    let view = use_state_eq(|| (0usize, 60usize));
    let onscroll = {
        let (view, frame, probe) = (view.clone(), frame.clone(), probe.clone());
        Callback::from(move |_: Event| {
            let (Some(frame), Some(probe)) =
                (frame.cast::<HtmlElement>(), probe.cast::<HtmlElement>())
            else {
                return;
            };
            let line = f64::from(probe.offset_height()).max(1.0) / 100.0;
            // In steps of half the margin: a scroll redraws the overlay every few lines,
            // not on every line, and the margin still covers what comes into view.
            let first =
                (f64::from(frame.scroll_top()) / line) as usize / (MARGIN / 2) * (MARGIN / 2);
            let shown = (f64::from(frame.client_height()) / line) as usize + 1;
            view.set((first, shown));
        })
    };
    let text = props.text.as_str();
    // Only the first `MARKED` diagnostics are marked in place: enough for any text a person
    // reads, and a paste with thousands of findings stays as quick to draw as its text.
    let marked = &props.diagnostics[..props.diagnostics.len().min(MARKED)];
    let lines: Vec<&str> = text.split('\n').collect();
    let rows = lines.len().max(8);
    let cols = lines
        .iter()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let gutter = gutter(lines.len(), marked);
    // The lines drawn: those in view and `MARGIN` more on each side.
    let (first, shown) = *view;
    let first = first.saturating_sub(MARGIN).min(lines.len() - 1);
    let last = (first + shown + 2 * MARGIN).min(lines.len());
    let start: usize = lines[..first].iter().map(|l| l.len() + 1).sum();
    let end = (start
        + lines[first..last]
            .iter()
            .map(|l| l.len() + 1)
            .sum::<usize>())
    .min(text.len());
    // Colours are read once per text (in one pass, linear in the text).
    let tokens = use_memo(props.text.clone(), |text| highlight(text));
    let in_window = tokens
        .partition_point(|(span, _)| span.start < end)
        .saturating_sub(tokens.partition_point(|(span, _)| span.end <= start));
    let coloured = in_window <= COLOURED;
    {
        let overlay_ref = overlay_ref.clone();
        use_effect_with(first, move |first| {
            if let Some(overlay) = overlay_ref.cast::<HtmlElement>() {
                // Through the CSSOM: the page's CSP refuses style attributes.
                let _ = overlay.style().set_property("--first", &first.to_string());
            }
        });
    }
    {
        let list = list.clone();
        let shown = offer
            .as_ref()
            .map(|(found, chosen)| (found.at, *chosen, found.names.len()));
        use_effect_with(shown, move |shown| {
            let (Some((at, chosen, count)), Some(list)) = (shown, list.cast::<HtmlElement>())
            else {
                return;
            };
            let style = list.style();
            let _ = style.set_property("--offer-line", &at.line.to_string());
            let _ = style.set_property("--offer-column", &(at.column - 1).to_string());
            // The chosen name stays in view of a list taller than its box.
            let item = list.scroll_height() / (*count as i32).max(1);
            let top = item * *chosen as i32;
            if top < list.scroll_top() {
                list.set_scroll_top(top);
            } else if top + item > list.scroll_top() + list.client_height() {
                list.set_scroll_top(top + item - list.client_height());
            }
        });
    }
    let tokens = coloured.then_some(tokens.as_slice());
    let chosen_id = |i: usize| format!("hookcheck-variable-{i}");
    let active = offer.as_ref().map(|(_, chosen)| chosen_id(*chosen));
    let items = offer.iter().flat_map(|(found, chosen)| {
        found.names.iter().enumerate().map(|(i, name)| {
            let choose = choose.clone();
            // On mousedown, so that the field keeps its focus (and its caret).
            let onmousedown = Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                choose.emit(i);
            });
            html! {
                <li role="option" id={chosen_id(i)} aria-selected={(i == *chosen).to_string()}
                    data-testid="completion" {onmousedown}>{ name }</li>
            }
        })
    });
    html! {
        <div class="editor">
            <label class="editor-label" for="hookcheck-input">{ "Webhook field or run options" }</label>
            <div class="editor-frame" ref={frame} {onscroll}>
                <div class="gutter" aria-hidden="true">{ gutter }</div>
                <div class={classes!("editor-stack", (!coloured).then_some("plain"))}>
                    <span class="ch-probe" ref={probe} aria-hidden="true"></span>
                    // Before the text, so that the frames lie behind the brackets they frame.
                    { for marks.map(|mark| html! {
                        <span class="bracket-match" aria-hidden="true" data-testid="bracket-match" ref={mark}></span>
                    }) }
                    <pre class="overlay" aria-hidden="true" ref={overlay_ref}>{ overlay(text, start..end, marked, tokens) }</pre>
                    <textarea id="hookcheck-input" data-testid="input" class="input"
                        ref={props.node_ref.clone()}
                        spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                        rows={rows.to_string()} cols={cols.to_string()}
                        aria-describedby="hookcheck-validity"
                        role="combobox" aria-autocomplete="list" aria-expanded={offer.is_some().to_string()}
                        aria-controls={offer.is_some().then_some("hookcheck-completions")}
                        aria-activedescendant={active}
                        {onkeydown} {onkeyup} {onclick} {onblur} value={props.text.clone()} {oninput} />
                    // Always there, hidden when empty: the textarea before it is never redrawn.
                    <ul class="completions" id="hookcheck-completions" role="listbox"
                        aria-label="Template variables" data-testid="completions" ref={list}
                        hidden={offer.is_none()}>
                        { for items }
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// The keys that move the caret without typing.
const CARET_KEYS: [&str; 8] = [
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "Home",
    "End",
    "PageUp",
    "PageDown",
];

/// Frames the bracket at the caret and its partner (`pair`, from [`bracket_pair`]) with
/// `marks`, or hides them (no pair). Placed and shown through the CSSOM, which the page's
/// CSP (`style-src 'self'`) allows where a style attribute is refused; a moving caret
/// redraws nothing else.
fn frame_brackets(marks: &[NodeRef; 2], pair: Option<[Position; 2]>) {
    for (i, node) in marks.iter().enumerate() {
        let Some(mark) = node.cast::<HtmlElement>() else {
            continue;
        };
        let style = mark.style();
        match pair {
            Some(pair) => {
                let _ = style.set_property("--bracket-line", &(pair[i].line - 1).to_string());
                let _ = style.set_property("--bracket-column", &(pair[i].column - 1).to_string());
                let _ = style.set_property("display", "block");
            }
            None => {
                let _ = style.remove_property("display");
            }
        }
    }
}

/// The textarea's value and its caret as a byte offset into it.
fn caret(node_ref: &NodeRef) -> Option<(String, usize)> {
    let area = node_ref.cast::<HtmlTextAreaElement>()?;
    let value = area.value();
    let units = area.selection_end().ok().flatten().unwrap_or(0) as usize;
    let at = byte_offset(&value, units);
    Some((value, at))
}

/// Lines drawn above and below those in view, so that a scroll shows drawn text at once.
const MARGIN: usize = 40;

/// The most tokens the overlay colours, each an element to draw: when the lines drawn hold
/// more (a minified paste, thousands of tokens on one line), the textarea shows its own text,
/// with only the marks behind.
const COLOURED: usize = 1_500;

/// How many diagnostics the editor marks in place (the list shows the rest).
const MARKED: usize = 500;

/// How many lines the gutter numbers; longer texts get the count of the rest.
const NUMBERED: usize = 2_000;

/// The line numbers, each marked with the worst severity on its line. Each run of lines
/// with the same mark is one element, so a text of many lines is a handful of elements.
fn gutter(line_count: usize, diagnostics: &[LocatedDiagnostic]) -> Html {
    // Numbers for the first `NUMBERED` lines, then how many more: a paste of tens of
    // thousands of lines would otherwise lay out a second text as long as the textarea's.
    let (line_count, unnumbered) = (
        line_count.min(NUMBERED),
        line_count.saturating_sub(NUMBERED),
    );
    // Per severity, how many diagnostics start minus how many end before each line: the
    // running sum says which cover it, in one pass however long the spans.
    let mut starts = vec![[0i32; 3]; line_count + 1];
    for d in diagnostics {
        let last = d.end_line.max(d.line).min(line_count);
        let first = d.line.clamp(1, last.max(1));
        starts[first - 1][d.severity as usize] += 1;
        starts[last][d.severity as usize] -= 1;
    }
    let mut covering = [0i32; 3];
    let mut runs: Vec<(Option<Severity>, String)> = Vec::new();
    for (i, delta) in starts.iter().take(line_count).enumerate() {
        for (count, change) in covering.iter_mut().zip(delta) {
            *count += change;
        }
        let worst = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|&s| covering[s as usize] > 0);
        match runs.last_mut() {
            Some((mark, numbers)) if *mark == worst => {
                numbers.push('\n');
                numbers.push_str(&(i + 1).to_string());
            }
            _ => runs.push((worst, (i + 1).to_string())),
        }
    }
    let more = (unnumbered > 0).then(|| {
        html! { <span class="line-numbers">{ format!("\n+{unnumbered}") }</span> }
    });
    runs.into_iter()
        .map(|(mark, numbers)| {
            html! { <span class={classes!("line-numbers", mark.map(Severity::as_str))}>{ numbers }</span> }
        })
        .chain(more)
        .collect()
}

/// The text of `window` (whole lines), cut at every diagnostic boundary; each piece covered
/// by a diagnostic is a `<mark>` with the worst severity covering it, and within it every
/// token is a `<span>` of its class (`tokens`, when coloured). Empty spans get an empty
/// marker.
fn overlay(
    text: &str,
    window: std::ops::Range<usize>,
    diagnostics: &[LocatedDiagnostic],
    tokens: Option<&[(Span, TokenClass)]>,
) -> Html {
    let (from, to) = (window.start, window.end);
    let clamp = |at: usize| hookcheck_core::span::floor_char_boundary(text, at);
    // Every boundary in the window, sorted: where each diagnostic starts covering (`+1`),
    // stops (`-1`), or marks an empty span (`0`); one sweep then knows what covers each piece.
    let mut events: Vec<(usize, Severity, i32)> = Vec::with_capacity(diagnostics.len() * 2);
    for d in diagnostics {
        let (start, end) = (clamp(d.start), clamp(d.end));
        if start == end {
            if (from..=to).contains(&start) {
                events.push((start, d.severity, 0));
            }
        } else if start < to && end > from {
            events.push((start.max(from), d.severity, 1));
            events.push((end.min(to), d.severity, -1));
        }
    }
    // Core's one sort, so the wasm carries no second sort for `usize`.
    hookcheck_core::sort::sort_by_key(&mut events, |&(at, _, _)| [at as u64, 0, 0]);
    let mut covering = [0i32; 3];
    let worst = |covering: &[i32; 3]| {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|&s| covering[s as usize] > 0)
    };
    // Tokens are sorted and apart, so their ends are sorted too.
    let coloured = tokens.is_some();
    let tokens = tokens.unwrap_or_default();
    let mut token = tokens.partition_point(|(span, _)| span.end <= from);
    let mut pieces = Vec::with_capacity(events.len() * 2 + 2);
    let mut at = from;
    let mut next = events.iter().peekable();
    loop {
        // Apply every event at `at`, noting the worst empty span there.
        let mut point: Option<Severity> = None;
        while let Some(&&(_, severity, change)) = next.peek().filter(|e| e.0 == at) {
            if change == 0 {
                point = Some(point.map_or(severity, |p| p.min(severity)));
            }
            covering[severity as usize] += change;
            next.next();
        }
        if let Some(severity) = point {
            pieces.push(html! { <mark class={classes!("point", severity.as_str())}></mark> });
        }
        // Without colours the overlay's text is transparent: past the last mark there is
        // nothing to draw, and a long line is laid out once, not twice.
        if at >= to || (!coloured && next.peek().is_none()) {
            break;
        }
        let end = next.peek().map_or(to, |e| e.0.min(to));
        if end > at {
            let piece = tokens_in(text, at..end, tokens, &mut token);
            pieces.push(match worst(&covering) {
                Some(severity) => html! { <mark class={severity.as_str()}>{ piece }</mark> },
                None => piece,
            });
        }
        at = end;
    }
    // A final newline needs a character after it to take up its line.
    pieces.push(html! { { " " } });
    pieces.into_iter().collect()
}

/// `range` of `text` with each token in it (from `tokens[*next..]` on) a `<span>` of its
/// class; `next` moves past the tokens that end inside `range`.
fn tokens_in(
    text: &str,
    range: std::ops::Range<usize>,
    tokens: &[(Span, TokenClass)],
    next: &mut usize,
) -> Html {
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or("").to_string();
    let mut parts = Vec::new();
    let mut at = range.start;
    while let Some(&(span, class)) = tokens.get(*next).filter(|(span, _)| span.start < range.end) {
        let (start, end) = (span.start.max(at), span.end.min(range.end));
        if start > at {
            parts.push(html! { { slice(at, start) } });
        }
        parts.push(html! { <span class={class.as_str()}>{ slice(start, end) }</span> });
        at = end;
        if span.end > range.end {
            break;
        }
        *next += 1;
    }
    if at < range.end {
        parts.push(html! { { slice(at, range.end) } });
    }
    parts.into_iter().collect()
}

/// Puts the caret on `start..end` (byte offsets into `text`) and focuses the field.
/// The textarea counts in UTF-16 code units.
pub fn select_span(area: &HtmlTextAreaElement, text: &str, start: usize, end: usize) {
    let utf16 = |at: usize| utf16_offset(text, at) as u32;
    let _ = area.focus();
    let _ = area.set_selection_range(utf16(start), utf16(end));
}

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
    let inserted = html_document()
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

fn html_document() -> Option<HtmlDocument> {
    web_sys::window()?
        .document()?
        .dyn_into::<HtmlDocument>()
        .ok()
}
