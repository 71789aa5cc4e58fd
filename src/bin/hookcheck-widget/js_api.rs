//! The JS API (SPEC §4.2): `validate` and `preview`, exported from the widget's wasm module
//! for host pages that want hookcheck's checks without its UI (to gate their own Save button).
//! Only this module exports them: the app's module has no exports for host pages.
//!
//! Hosts load it through `hookcheck-api.js` (see `docs/embedding.md`), which initialises the
//! module once per page; every call after that is synchronous. Results are core's
//! documents ([`hookcheck_core::api`]), the ones the CLI's `--json` prints, turned into plain
//! JS objects; `static/hookcheck-api.d.ts` declares them. All decisions are core's; this
//! module only converts.

use hookcheck_core::api::{CheckDocument, RequestDocument};
use hookcheck_core::browser::embed::ModeChoice;
use hookcheck_core::{check_with, render_request, Options, Outcome, Product, SampleData};
use hookcheck_web::web::{to_js, today};
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

/// `validate(text, mode?, product?)` → `{valid, mode, diagnostics: [{severity, code,
/// message, help, start, end, line, column, end_line, end_column, fix?}]}`.
///
/// `mode` is `"auto"` (the default), `"webhook"` or `"run-options"`; `product` is `"test"`
/// (the default), `"watchrtc"` or `"qualityrtc"`; anything else throws a `TypeError`.
/// `start`/`end` are byte offsets in the UTF-8 text, as in the CLI; `line` and `column` are
/// 1-based, columns counted in Unicode characters. `help` is `null` when there is none;
/// `fix`, when present, is `{title, start, end, replacement}`.
#[wasm_bindgen]
pub fn validate(
    text: &str,
    mode: Option<String>,
    product: Option<String>,
) -> Result<JsValue, JsValue> {
    let options = Options {
        mode: parse_mode(mode.as_deref())?,
        product: parse_product("validate", product.as_deref())?.unwrap_or_default(),
        // Dated facts worded against today, as the CLI and the widget word them.
        today: Some(today()),
    };
    to_js(&CheckDocument::new(&check_with(text, &options), text))
}

/// `preview(text, outcome?, sample?, product?)` → `{method, url, headers: [[name, value],
/// ...], body}`, or `null` when the text is invalid (call `validate` for the reasons).
///
/// `outcome` is one of the product's: `"success"` (the default), `"warnings"` or
/// `"failure"` for `"test"` (the default product), `"alert"` for `"watchrtc"`, `"result"`
/// for `"qualityrtc"`; an outcome without a product picks its own. `sample` is an object of
/// documented variables of `"test"` to override, such as `{testName: "Checkout", runType:
/// "monitor"}` (the CLI's `--set`); the other products preview their documented sample.
/// Header values are given as they are sent, secrets included: the text came from the host
/// page itself. `body` is the exact body bytes.
#[wasm_bindgen]
pub fn preview(
    text: &str,
    outcome: Option<String>,
    sample: Option<Object>,
    product: Option<String>,
) -> Result<JsValue, JsValue> {
    let product = parse_product("preview", product.as_deref())?;
    let outcome = match outcome.as_deref() {
        None => product.unwrap_or_default().first_outcome(),
        Some(name) => Outcome::parse(name)
            .filter(|o| product.is_none_or(|p| o.product() == p))
            .ok_or_else(|| {
                type_error(&format!(
                    "hookcheck.preview: outcome must be the product's: \"success\", \"warnings\" or \"failure\" for \"test\", \"alert\" for \"watchrtc\", \"result\" for \"qualityrtc\"; not \"{name}\""
                ))
            })?,
    };
    let mut data = SampleData::for_outcome(outcome);
    if let Some(sample) = sample {
        for entry in Object::entries(&sample).iter() {
            let pair = Array::from(&entry);
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            let value = value
                .as_string()
                // JavaScript's String(n): an f64 formatted in Rust links its float code (~8 KB gzip).
                .or_else(|| {
                    let number = value.dyn_ref::<js_sys::Number>()?;
                    number.to_string_with_radix(10).ok().map(String::from)
                })
                .ok_or_else(|| {
                    type_error(&format!(
                        "hookcheck.preview: sample.{name} must be a string or a number"
                    ))
                })?;
            data.set(&name, &value)
                .map_err(|message| type_error(&format!("hookcheck.preview: {message}")))?;
        }
    }
    let options = Options {
        product: outcome.product(),
        today: Some(today()),
        ..Options::default()
    };
    let report = check_with(text, &options);
    let Some(config) = report.config.as_ref() else {
        return Ok(JsValue::NULL);
    };
    to_js(&RequestDocument::new(&render_request(config, &data)))
}

fn parse_product(function: &str, product: Option<&str>) -> Result<Option<Product>, JsValue> {
    match product {
        None => Ok(None),
        Some(name) => Product::parse(name).map(Some).ok_or_else(|| {
            type_error(&format!(
                "hookcheck.{function}: product must be \"test\", \"watchrtc\" or \"qualityrtc\", not \"{name}\""
            ))
        }),
    }
}

fn parse_mode(mode: Option<&str>) -> Result<Option<hookcheck_core::Mode>, JsValue> {
    match mode {
        None => Ok(None),
        Some(name) => ModeChoice::parse(name).map(ModeChoice::mode).ok_or_else(|| {
            type_error(&format!(
                "hookcheck.validate: mode must be \"auto\", \"webhook\" or \"run-options\", not \"{name}\""
            ))
        }),
    }
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
