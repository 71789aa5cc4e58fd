//! The input field, with line numbers and each diagnostic marked in place.
//!
//! A transparent-background textarea lies over a `<pre>` that repeats the text with the
//! diagnostics' spans wrapped in `<mark>`s (built as Yew nodes, never as HTML). The
//! textarea is sized to its content with `rows`/`cols`, so it never scrolls by itself:
//! the frame around both scrolls, and the overlay and the gutter move with it.

use std::rc::Rc;

use hookcheck_core::{LocatedDiagnostic, Severity};
use web_sys::HtmlTextAreaElement;
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
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    // issue-20 hook point: completions (components/completions.rs).
    let assist = super::completions::use_assist(props.node_ref.clone());
    let oninput = {
        let oninput = props.oninput.clone();
        let onupdate = assist.onupdate.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            oninput.emit(area.value());
            onupdate.emit(());
        })
    };
    let onclick = assist.onmove.reform(|_: MouseEvent| ());
    let onblur = assist.onclose.reform(|_: FocusEvent| ());
    // end issue-20 hook point
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
    html! {
        <div class="editor">
            <label class="editor-label" for="hookcheck-input">{ "Webhook field or run options" }</label>
            <div class="editor-frame">
                <div class="gutter" aria-hidden="true">{ gutter }</div>
                <div class="editor-stack">
                    <pre class="overlay" aria-hidden="true">{ overlay(text, marked) }</pre>
                    <textarea id="hookcheck-input" data-testid="input" class="input"
                        ref={props.node_ref.clone()}
                        spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                        rows={rows.to_string()} cols={cols.to_string()}
                        aria-describedby="hookcheck-validity"
                        aria-autocomplete="list" aria-controls={super::completions::LIST_ID}
                        aria-expanded={assist.expanded.to_string()}
                        aria-activedescendant={assist.active_id.clone()}
                        onkeydown={assist.onkeydown.clone()} onkeyup={assist.onkeyup.clone()} {onclick} {onblur}
                        value={props.text.clone()} {oninput} />
                    { assist.view }
                </div>
            </div>
        </div>
    }
}

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

/// The text up to its last marked byte, cut at every diagnostic boundary; each piece covered
/// by a diagnostic is a `<mark>` with the worst severity covering it. Empty spans get an
/// empty marker.
fn overlay(text: &str, diagnostics: &[LocatedDiagnostic]) -> Html {
    let clamp = |at: usize| hookcheck_core::span::floor_char_boundary(text, at);
    // Every boundary, sorted: where each diagnostic starts covering (`+1`), stops (`-1`),
    // or marks an empty span (`0`); one sweep then knows what covers each piece.
    let mut events: Vec<(usize, Severity, i32)> = Vec::with_capacity(diagnostics.len() * 2);
    for d in diagnostics {
        let (start, end) = (clamp(d.start), clamp(d.end));
        if start == end {
            events.push((start, d.severity, 0));
        } else {
            events.push((start, d.severity, 1));
            events.push((end, d.severity, -1));
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
    let mut pieces = Vec::with_capacity(events.len() * 2 + 2);
    let mut at = 0;
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
        // Past the last mark there is nothing to draw (the overlay's text is transparent),
        // so the overlay stops there: the browser lays out a long text once, not twice.
        let Some(end) = next.peek().map(|e| e.0) else {
            break;
        };
        if end > at {
            let piece = &text[at..end];
            pieces.push(match worst(&covering) {
                Some(severity) => html! { <mark class={severity.as_str()}>{ piece }</mark> },
                None => html! { { piece } },
            });
        }
        at = end;
    }
    // A final newline needs a character after it to take up its line.
    pieces.push(html! { { " " } });
    pieces.into_iter().collect()
}

/// Puts the caret on `start..end` (byte offsets into `text`) and focuses the field.
/// The textarea counts in UTF-16 code units.
pub fn select_span(area: &HtmlTextAreaElement, text: &str, start: usize, end: usize) {
    let utf16 = |at: usize| {
        let at = hookcheck_core::span::floor_char_boundary(text, at);
        text[..at].encode_utf16().count() as u32
    };
    let _ = area.focus();
    let _ = area.set_selection_range(utf16(start), utf16(end));
}
