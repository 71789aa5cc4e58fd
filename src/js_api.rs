//! The JS API (SPEC §4.2): `validate` and `preview`, exported from the app's wasm module for
//! host pages that want hookcheck's checks without its UI (to gate their own Save button).
//!
//! Hosts load it through `hookcheck-api.js` (see `docs/embedding.md`), which initialises the
//! module once per page; every call after that is synchronous. Results are plain JS objects
//! shaped like the CLI's `--json` output, built with `Reflect` rather than a serializer to
//! keep the wasm small. All decisions are core's; this module only converts.

use hookcheck_core::browser::embed::ModeChoice;
use hookcheck_core::{check, render_request, Fix, LocatedDiagnostic, Outcome, SampleData};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// `validate(text, mode?)` → `{valid, mode, diagnostics: [{severity, code, message, help,
/// start, end, line, column, end_line, end_column, fix?}]}`.
///
/// `mode` is `"auto"` (the default), `"webhook"` or `"run-options"`; anything else throws a
/// `TypeError`. `start`/`end` are byte offsets in the UTF-8 text, as in the CLI; `line` and
/// `column` are 1-based, columns counted in Unicode characters. `help` is `null` when there
/// is none; `fix`, when present, is `{title, start, end, replacement}`.
#[wasm_bindgen]
pub fn validate(text: &str, mode: Option<String>) -> Result<JsValue, JsValue> {
    let mode = parse_mode(mode.as_deref())?;
    let report = check(text, mode);
    let diagnostics: Array = report.located(text).iter().map(diagnostic_object).collect();
    let result = Object::new();
    set(&result, "valid", report.is_valid());
    set(&result, "mode", report.mode.as_str());
    set(&result, "diagnostics", diagnostics);
    Ok(result.into())
}

/// `preview(text, outcome?, sample?)` → `{method, url, headers: [[name, value], ...], body}`,
/// or `null` when the text is invalid (call `validate` for the reasons).
///
/// `outcome` is `"success"` (the default), `"warnings"` or `"failure"`. `sample` is an
/// object of documented variables to override, such as `{testName: "Checkout", runType:
/// "monitor"}` (the CLI's `--set`). Header values are given as they are sent, secrets
/// included: the text came from the host page itself. `body` is the exact body bytes.
#[wasm_bindgen]
pub fn preview(
    text: &str,
    outcome: Option<String>,
    sample: Option<Object>,
) -> Result<JsValue, JsValue> {
    let outcome = match outcome.as_deref() {
        None => Outcome::Success,
        Some(name) => Outcome::parse(name).ok_or_else(|| {
            type_error(&format!(
                "hookcheck.preview: outcome must be \"success\", \"warnings\" or \"failure\", not \"{name}\""
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
    let report = check(text, None);
    let Some(config) = report.config.as_ref() else {
        return Ok(JsValue::NULL);
    };
    let request = render_request(config, &data);
    let headers: Array = request
        .header_pairs()
        .into_iter()
        .map(|(name, value)| Array::of2(&name.into(), &value.into()))
        .collect();
    let result = Object::new();
    set(&result, "method", &*request.method);
    set(&result, "url", &*request.url);
    set(&result, "headers", headers);
    set(&result, "body", request.body.as_str());
    Ok(result.into())
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

fn diagnostic_object(diagnostic: &LocatedDiagnostic) -> Object {
    let object = Object::new();
    set(&object, "severity", diagnostic.severity.as_str());
    set(&object, "code", diagnostic.code);
    set(&object, "message", diagnostic.message.as_str());
    set(
        &object,
        "help",
        diagnostic
            .help
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    for (key, value) in [
        ("start", diagnostic.start),
        ("end", diagnostic.end),
        ("line", diagnostic.line),
        ("column", diagnostic.column),
        ("end_line", diagnostic.end_line),
        ("end_column", diagnostic.end_column),
    ] {
        set(&object, key, value as f64);
    }
    if let Some(fix) = &diagnostic.fix {
        set(&object, "fix", fix_object(fix));
    }
    object
}

fn fix_object(fix: &Fix) -> Object {
    let object = Object::new();
    set(&object, "title", fix.title.as_str());
    set(&object, "start", fix.span.start as f64);
    set(&object, "end", fix.span.end as f64);
    set(&object, "replacement", fix.replacement.as_str());
    object
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
