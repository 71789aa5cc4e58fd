//! The data of the selected outcome: for testingRTC, every documented variable editable,
//! `runType` test/monitor, and "include every variable"; for another product, its payload
//! as JSON text, with core's reason when the text is not a JSON object. The preview follows
//! at once. A view function, not a component: it has no state, and a component brings its
//! own copy of Yew's lifecycle code into the wasm.

use hookcheck_core::browser::wording;
use hookcheck_core::render::sample::read_payload;
use hookcheck_core::syntax::json::Json;
use hookcheck_core::SampleData;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

pub struct SampleEditor {
    /// The selected outcome's sample data.
    pub sample: SampleData,
    /// Called with a variable's name and new value.
    pub onset: Callback<(&'static str, String)>,
    /// Called with `test` or `monitor`.
    pub onruntype: Callback<String>,
    /// Called with the new "include every variable" choice.
    pub oninclude: Callback<bool>,
    /// Called to go back to testRTC's sample values.
    pub onreset: Callback<()>,
    /// The payload as being typed, when it is (a product whose data is a payload).
    pub draft: Option<String>,
    /// Called with the payload's text on every edit.
    pub onpayload: Callback<String>,
}

/// The heading, its reset button and the hint, above either editor.
fn head(props: &SampleEditor, hint: String) -> Html {
    let onreset = {
        let onreset = props.onreset.clone();
        Callback::from(move |_: MouseEvent| onreset.emit(()))
    };
    html! {
        <>
            <div class="part-head">
                <h2 id="sample-title">{ wording::sample_heading(props.sample.outcome) }</h2>
                <button type="button" class="secondary" onclick={onreset}>{ "Reset samples" }</button>
            </div>
            <p class="hint">{ hint }</p>
        </>
    }
}

/// A product's payload as JSON text: what was typed, else the sample's own JSON.
fn payload_editor(props: &SampleEditor, payload: &Json) -> Html {
    let text = props.draft.clone().unwrap_or_else(|| payload.to_pretty());
    let error = props.draft.as_deref().and_then(|d| read_payload(d).err());
    let oninput = {
        let onpayload = props.onpayload.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            onpayload.emit(area.value());
        })
    };
    html! {
        <section class="sample-editor" aria-labelledby="sample-title">
            { head(props, wording::payload_hint(props.sample.product())) }
            <textarea class="payload" data-testid="sample-json" aria-labelledby="sample-title"
                value={text} {oninput} spellcheck="false" autocomplete="off" rows="14"
                aria-invalid={error.is_some().then_some("true")} />
            if let Some(error) = error {
                <p class="payload-error" role="alert" data-testid="sample-json-error">{ error }</p>
            }
        </section>
    }
}

pub fn sample_editor(props: SampleEditor) -> Html {
    if let Some(payload) = props.sample.payload_json() {
        return payload_editor(&props, payload);
    }
    let run_type = props.sample.as_template_text("runType").unwrap_or_default();
    let run_types = wording::RUN_TYPES.map(|value| {
        let onruntype = props.onruntype.clone();
        let onchange = Callback::from(move |_: Event| onruntype.emit(value.to_string()));
        html! {
            <label class="radio">
                <input type="radio" name="hookcheck-run-type" checked={run_type == value} {onchange} />
                { value }
            </label>
        }
    });
    let fields = props
        .sample
        .variables()
        .filter(|(name, _)| *name != "runType")
        .map(|(name, value)| {
            let onset = props.onset.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                onset.emit((name, input.value()));
            });
            let text = match value {
                Json::String(s) => s.clone(),
                other => other.to_compact(),
            };
            html! {
                <label class="variable">
                    <code>{ name }</code>
                    <input type="text" data-variable={name} value={text} {oninput}
                        spellcheck="false" autocomplete="off" />
                </label>
            }
        });
    let oninclude = {
        let oninclude = props.oninclude.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            oninclude.emit(input.checked());
        })
    };
    html! {
        <section class="sample-editor" aria-labelledby="sample-title">
            { head(&props, wording::SAMPLE_HINT.to_string()) }
            <div class="sample-options">
                <fieldset class="run-type">
                    <legend>{ "runType" }</legend>
                    { for run_types }
                </fieldset>
                <label class="checkbox">
                    <input type="checkbox" data-testid="include-every-variable"
                        checked={props.sample.include_every_variable} onchange={oninclude} />
                    { wording::EVERY_VARIABLE }
                </label>
            </div>
            <div class="variables">{ for fields }</div>
        </section>
    }
}
