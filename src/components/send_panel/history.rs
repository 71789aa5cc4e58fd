//! The calls made from this page, newest first, to compare outcomes side by side.

use hookcheck_core::Outcome;
use yew::prelude::*;

use super::state::Call;

/// The calls, newest first.
pub fn history_view(calls: &[Call]) -> Html {
    if calls.is_empty() {
        return Html::default();
    }
    html! {
        <table class="send-history" data-testid="send-history">
            <caption>{ "Calls from this page" }</caption>
            <thead><tr><th>{ "#" }</th><th>{ "Outcome" }</th><th>{ "URL" }</th><th>{ "Result" }</th><th>{ "Time" }</th><th>{ "Sent at" }</th></tr></thead>
            <tbody>
                { for calls.iter().map(|call| html! {
                    <tr data-kind={call.failure().map_or("ok", |f| f.kind())}>
                        <td>{ call.id }</td>
                        <td>{ call.outcome.map_or("—", Outcome::as_str) }</td>
                        <td class="send-history-url">{ &*call.request.url }</td>
                        <td>{ call.summary() }</td>
                        <td>{ format!("{} ms", call.elapsed_ms().round() as i64) }</td>
                        <td>{ &call.at }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
