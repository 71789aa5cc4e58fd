//! The list of diagnostics: severity, code, message, help, line:column; choosing one moves
//! the caret to it, a fix applies with one click, and the code links to its rule in the
//! catalog (`rules.html`, which the build renders from docs/rules.md). A view function, not a component: it
//! has no state, and a component brings its own copy of Yew's lifecycle code into the wasm.

use std::rc::Rc;

use hookcheck_core::{Fix, LocatedDiagnostic};
use yew::prelude::*;

/// The rule catalog beside the page; each rule's heading has its code as its id.
const RULES_URL: &str = "rules.html";

pub struct DiagnosticList {
    /// What the check found, in source order: the first few of each code.
    pub diagnostics: Rc<Vec<LocatedDiagnostic>>,
    /// The codes with more findings than `diagnostics` holds, and how many more.
    pub more: Rc<Vec<(&'static str, usize)>>,
    /// Called with the byte span `(start, end)` of the diagnostic the person chose.
    pub onchoose: Callback<(usize, usize)>,
    /// Called with the fix the person applied.
    pub onfix: Callback<Fix>,
}

pub fn diagnostic_list(props: DiagnosticList) -> Html {
    let items = props.diagnostics.iter().map(|d| {
        let onclick = {
            let onchoose = props.onchoose.clone();
            let span = (d.start, d.end);
            Callback::from(move |_: MouseEvent| onchoose.emit(span))
        };
        let fix = d.fix.as_ref().map(|fix| {
            let onfix = props.onfix.clone();
            let apply = fix.clone();
            let onclick = Callback::from(move |_: MouseEvent| onfix.emit(apply.clone()));
            html! {
                <button class="fix" {onclick} title={format!("Fix: {}", fix.title)}>
                    { "Fix: " }{ &fix.title }
                </button>
            }
        });
        html! {
            <li class={classes!("diagnostic", d.severity.as_str())} data-code={d.code}>
                <button class="locate" {onclick}
                    title={format!("Put the caret at line {}, column {}", d.line, d.column)}>
                    <span class="severity">{ d.severity.as_str() }</span>
                    <span class="where">{ format!("{}:{}", d.line, d.column) }</span>
                    <span class="message">{ &d.message }</span>
                </button>
                <div class="details">
                    if let Some(help) = &d.help { <span class="help">{ help }</span> }
                    <a class="code" href={format!("{RULES_URL}#{}", d.code)} target="_blank"
                        rel="noopener" title="This rule in the catalog"><code>{ d.code }</code></a>
                    { for fix }
                </div>
            </li>
        }
    });
    html! {
        <section class="diagnostics-panel" aria-label="Diagnostics">
            <ul class="diagnostics" data-testid="diagnostics">
                { for items }
                { for props.more.iter().map(|&(code, count)| html! {
                    <li class="diagnostic more" data-code={code}>
                        { format!("and {count} more ") }<code class="code">{ code }</code>
                    </li>
                }) }
            </ul>
            if props.diagnostics.is_empty() {
                <p class="all-clear">{ "No problems found." }</p>
            }
        </section>
    }
}
