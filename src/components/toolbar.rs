//! Above the editor: the examples menu, the product whose webhook it is, and the input
//! mode switch. A view function, not a component: it has no state, and a component brings
//! its own copy of Yew's lifecycle code into the wasm.

use hookcheck_core::browser::examples::EXAMPLES;
use hookcheck_core::browser::wording;
use hookcheck_core::{Mode, Product};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct Toolbar {
    /// The forced mode; `None` auto-detects.
    pub mode: Option<Mode>,
    /// The mode the check used (what auto-detection found).
    pub detected: Mode,
    /// Called with the index of the chosen example.
    pub onexample: Callback<usize>,
    /// The product whose webhook the text is.
    pub product: Product,
    /// Called with the chosen product.
    pub onproduct: Callback<Product>,
    /// Called with the chosen mode.
    pub onmode: Callback<Option<Mode>>,
}

pub fn toolbar(props: Toolbar) -> Html {
    let onchange = {
        let onexample = props.onexample.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(index) = select.value().parse::<usize>() {
                onexample.emit(index);
            }
            // Back to the prompt, so the same example can be chosen again.
            select.set_value("");
        })
    };
    let onproduct = {
        let onproduct = props.onproduct.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(product) = Product::parse(&select.value()) {
                onproduct.emit(product);
            }
        })
    };
    let choices = [
        (None, "Auto"),
        (Some(Mode::Webhook), "Webhook field"),
        (Some(Mode::RunOptions), "Run options"),
    ];
    let radios = choices.into_iter().map(|(mode, label)| {
        let onmode = props.onmode.clone();
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if input.checked() {
                onmode.emit(mode);
            }
        });
        html! {
            <label class="radio">
                <input type="radio" name="hookcheck-mode" checked={props.mode == mode} {onchange} />
                { label }
            </label>
        }
    });
    let detected = match props.detected {
        Mode::Webhook => "webhook field",
        Mode::RunOptions => "run options",
    };
    html! {
        <div class="toolbar">
            <label class="examples">
                <span class="label">{ "Start from an example" }</span>
                <select data-testid="examples" {onchange}>
                    <option value="" selected=true>{ "Choose an example…" }</option>
                    { for EXAMPLES.iter().enumerate().map(|(i, example)| html! {
                        <option value={i.to_string()} title={example.description}>{ example.name }</option>
                    }) }
                </select>
            </label>
            <label class="examples">
                <span class="label">{ wording::PRODUCT_LABEL }</span>
                <select data-testid="product" onchange={onproduct}>
                    { for Product::ALL.into_iter().map(|product| html! {
                        <option value={product.as_str()} selected={product == props.product}>
                            { product.name() }
                        </option>
                    }) }
                </select>
            </label>
            <fieldset class="mode">
                <legend>{ "Read as" }</legend>
                { for radios }
                if props.mode.is_none() {
                    <span class="detected">{ format!("(detected: {detected})") }</span>
                }
            </fieldset>
        </div>
    }
}
