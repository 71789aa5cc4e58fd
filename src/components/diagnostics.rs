//! The list of diagnostics: severity, code, message, help, line:column.

use hookcheck_core::LocatedDiagnostic;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagnosticListProps {
    pub diagnostics: Vec<LocatedDiagnostic>,
}

#[component]
pub fn DiagnosticList(props: &DiagnosticListProps) -> Html {
    html! {
        <ul class="diagnostics" data-testid="diagnostics">
            { for props.diagnostics.iter().map(|d| html! {
                <li class={classes!("diagnostic", d.severity.as_str())} data-code={d.code}>
                    <span class="severity">{ d.severity.as_str() }</span>
                    <code class="code">{ d.code }</code>
                    <span class="where">{ format!("{}:{}", d.line, d.column) }</span>
                    <span class="message">{ &d.message }</span>
                    if let Some(help) = &d.help { <span class="help">{ help }</span> }
                </li>
            }) }
        </ul>
    }
}
