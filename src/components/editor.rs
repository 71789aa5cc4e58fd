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
    let lines: Vec<&str> = text.split('\n').collect();
    let rows = lines.len().max(8);
    let cols = lines
        .iter()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let gutter = lines.iter().enumerate().map(|(i, _)| {
        let line = i + 1;
        let worst = props
            .diagnostics
            .iter()
            .filter(|d| d.line <= line && line <= d.end_line.max(d.line))
            .map(|d| d.severity)
            .min();
        html! { <span class={classes!("line-number", worst.map(Severity::as_str))}>{ line }</span> }
    });
    html! {
        <div class="editor">
            <label class="editor-label" for="hookcheck-input">{ "Webhook field or run options" }</label>
            <div class="editor-frame">
                <div class="gutter" aria-hidden="true">{ for gutter }</div>
                <div class="editor-stack">
                    <pre class="overlay" aria-hidden="true">{ overlay(text, &props.diagnostics) }</pre>
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

/// The text cut at every diagnostic boundary; each piece covered by a diagnostic is a
/// `<mark>` with the worst severity covering it. Empty spans get an empty marker.
fn overlay(text: &str, diagnostics: &[LocatedDiagnostic]) -> Html {
    let clamp = |at: usize| hookcheck_core::span::floor_char_boundary(text, at);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for d in diagnostics {
        cuts.push(clamp(d.start));
        cuts.push(clamp(d.end));
    }
    // Core's one sort, so the wasm carries no second sort for `usize`.
    hookcheck_core::sort::sort_by_key(&mut cuts, |&at| [at as u64, 0, 0]);
    cuts.dedup();
    let mut pieces = Vec::with_capacity(cuts.len() * 2);
    for (i, &at) in cuts.iter().enumerate() {
        // Diagnostics with an empty span at this point.
        let point = diagnostics
            .iter()
            .filter(|d| clamp(d.start) == at && clamp(d.end) == at)
            .map(|d| d.severity)
            .min();
        if let Some(severity) = point {
            pieces.push(html! { <mark class={classes!("point", severity.as_str())}></mark> });
        }
        let Some(&end) = cuts.get(i + 1) else { break };
        let piece = &text[at..end];
        let worst = diagnostics
            .iter()
            .filter(|d| clamp(d.start) <= at && end <= clamp(d.end))
            .map(|d| d.severity)
            .min();
        pieces.push(match worst {
            Some(severity) => html! { <mark class={severity.as_str()}>{ piece }</mark> },
            None => html! { { piece } },
        });
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
