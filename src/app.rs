//! The page: input, validity, diagnostics and the preview of the selected outcome.

use yew::prelude::*;

use crate::components::{
    diagnostics::DiagnosticList, editor::Editor, preview::Preview, send_panel::SendPanel,
    validity::Validity,
};
use crate::state::{Action, Derived, State};

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let derived = {
        let state = state.clone();
        use_memo((*state).clone(), |state| Derived::of(state))
    };
    let oninput = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetText(text)))
    };
    let onselect = {
        let state = state.clone();
        Callback::from(move |outcome| state.dispatch(Action::SelectOutcome(outcome)))
    };
    let located = derived.report.located(&state.text);
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "hookcheck" }</h1>
                <p class="tagline">{ "Check your testRTC webhook before a single test runs." }</p>
            </header>
            <section class="panel input-panel">
                <Editor text={state.text.clone()} {oninput} />
                <Validity report={derived.report.clone()} />
                <DiagnosticList diagnostics={located} />
            </section>
            <section class="panel preview-panel">
                <Preview request={derived.request.clone()} outcome={state.outcome} {onselect} />
                <SendPanel request={derived.request.clone()} />
            </section>
        </main>
    }
}
