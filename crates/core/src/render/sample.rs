//! The data testRTC sends, per outcome, as the person may edit it (SPEC §3.1, §6):
//! testingRTC's variables, each editable, or another product's documented payload, edited
//! as JSON.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::product::Outcome;
use crate::product::{Product, Sample};
use crate::span::LineIndex;
use crate::syntax::json::{self, Json};
use crate::syntax::variables::{DOCUMENTED, FAILURE_ONLY};

/// testRTC's documented samples for the four default keys; plausible values for the rest
/// (assumed). Failure-only variables are empty unless the run failed.
fn default_values(outcome: Outcome) -> Vec<(&'static str, Json)> {
    let failed = outcome == Outcome::Failure;
    let run_id = if failed {
        "56fd3d617c458d1400baee6f"
    } else {
        "56fd35107c458d1400baee63"
    };
    let status = match outcome.declaration().sample {
        Sample::Variables { status } => status,
        Sample::Payload { .. } => "",
    };
    let value = |name: &str| -> Json {
        let text = match name {
            "testRunId" => run_id,
            "testName" => "AppRTC",
            "projectName" => "My project",
            "runName" => "decorous-insurance",
            "runType" => "test",
            "status" => status,
            "error" if failed => "Test expectation failed: video bitrate below 500 kbps",
            "failureReasons" if failed => "Expectation failed: video.out.bitrate > 500",
            "failureScreenshot" if failed => {
                "https://app.testrtc.com/screenshots/56fd3d617c458d1400baee6f/failure.png"
            }
            "additionalInfo" => "",
            "score" => return Json::Number(if failed { 3.2 } else { 8.7 }),
            "concurrentUsers" => return Json::Number(2.0),
            "resultUrl" => {
                return Json::String(format!("https://app.testrtc.com/app/testRun/{run_id}"))
            }
            _ => "",
        };
        Json::string(text)
    };
    DOCUMENTED.iter().map(|&name| (name, value(name))).collect()
}

/// The four keys testRTC documents for the default payload, in its order.
pub const DEFAULT_KEYS: [&str; 4] = ["testRunId", "testName", "runType", "status"];

/// Variables whose sample value is a number (the API types them as numbers).
const NUMERIC: [&str; 2] = ["score", "concurrentUsers"];

/// What an outcome's data is made of.
#[derive(Clone, Debug, PartialEq)]
enum Values {
    /// testingRTC's documented variables, in [`DOCUMENTED`] order: the outcome's shared
    /// defaults until one is edited (the pipeline asks for them on every keystroke).
    Variables(Cow<'static, [(&'static str, Json)]>),
    /// A product's payload: its documented sample until edited.
    Payload(Cow<'static, Json>),
}

/// The data of one outcome, editable.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleData {
    pub outcome: Outcome,
    values: Values,
    /// Put every variable in testingRTC's default payload, not only the four documented
    /// keys (assumed). Other products send their payload whole.
    pub include_every_variable: bool,
}

impl SampleData {
    /// The outcome's sample: testRTC's documented values for testingRTC's four default
    /// keys and plausible values for the rest (assumed; failure-only variables empty unless
    /// the run failed), or the product's documented payload. Built once per outcome and
    /// shared: the outcomes are asked for on every keystroke.
    pub fn for_outcome(outcome: Outcome) -> SampleData {
        static VARIABLES: OnceLock<[Vec<(&'static str, Json)>; 5]> = OnceLock::new();
        static EMPTY: Json = Json::Object(Vec::new());
        let values = match outcome.declaration().sample {
            Sample::Variables { .. } => {
                let defaults = VARIABLES.get_or_init(|| Outcome::EVERY.map(default_values));
                Values::Variables(Cow::Borrowed(&defaults[outcome.index()]))
            }
            Sample::Payload { .. } => {
                Values::Payload(Cow::Borrowed(outcome.payload().unwrap_or(&EMPTY)))
            }
        };
        SampleData {
            outcome,
            values,
            include_every_variable: false,
        }
    }

    /// The product whose data this is.
    pub fn product(&self) -> Product {
        self.outcome.product()
    }

    /// The value a template's `this.<name>` reads: a testingRTC variable, or a dotted path
    /// into a product's payload (`project.name`); `None` when there is none.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match &self.values {
            Values::Variables(values) => values.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            Values::Payload(payload) => payload.at(name),
        }
    }

    /// Sets one of testingRTC's variables. Numeric variables take a number when `value`
    /// is one. Fails, naming the documented variables, when `name` is not one of them (a
    /// product's payload is set whole, or by [`SampleData::set_path`]).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let Values::Variables(values) = &mut self.values else {
            return Err(format!(
                "`{name}`: {} is set whole, as JSON",
                self.outcome.product().data()
            ));
        };
        let Some(at) = values.iter().position(|(n, _)| *n == name) else {
            return Err(format!(
                "`{name}` is not a documented variable (expected one of: {})",
                DOCUMENTED.join(", ")
            ));
        };
        let slot = &mut values.to_mut()[at];
        slot.1 = match json::number::parse_f64(value) {
            Some(n) if NUMERIC.contains(&name) && n.is_finite() => Json::Number(n),
            _ => Json::string(value),
        };
        Ok(())
    }

    /// Sets the value at a dotted path of a product's payload (the CLI's `--set`), or
    /// testingRTC's variable `path`. A value that was a number takes a number when `value`
    /// is one, a boolean `true` or `false`; anything else becomes a string. Fails, naming
    /// the paths that may be set, when `path` is none of them.
    pub fn set_path(&mut self, path: &str, value: &str) -> Result<(), String> {
        let outcome = self.outcome;
        let Values::Payload(payload) = &mut self.values else {
            return self.set(path, value);
        };
        let settable = |v: &Json| !matches!(v, Json::Object(_) | Json::Array(_));
        let Some(slot) = payload.to_mut().at_mut(path).filter(|v| settable(v)) else {
            let product = outcome.product();
            let names: Vec<&str> = (product.paths().iter())
                .filter(|p| settable(p.sample))
                .map(|p| p.name.as_str())
                .collect();
            return Err(format!(
                "`{path}` is not a value of {} (expected one of: {})",
                product.data(),
                names.join(", ")
            ));
        };
        *slot = match (&*slot, value) {
            (Json::Number(_), _) => json::number::parse_f64(value)
                .filter(|n| n.is_finite())
                .map_or_else(|| Json::string(value), Json::Number),
            (Json::Bool(_), "true" | "false") => Json::Bool(value == "true"),
            _ => Json::string(value),
        };
        Ok(())
    }

    /// testingRTC's variables with their values, in documented order (none for a product
    /// whose data is a payload).
    pub fn variables(&self) -> impl Iterator<Item = (&'static str, &Json)> {
        let values: &[(&'static str, Json)] = match &self.values {
            Values::Variables(values) => values,
            Values::Payload(_) => &[],
        };
        values.iter().map(|(n, v)| (*n, v))
    }

    /// The payload of a product whose data is one (`None` for testingRTC's variables).
    pub fn payload_json(&self) -> Option<&Json> {
        match &self.values {
            Values::Payload(payload) => Some(payload),
            Values::Variables(_) => None,
        }
    }

    /// Replaces the payload of a product whose data is one; `false` (and nothing changed)
    /// for testingRTC's variables.
    pub fn set_payload(&mut self, payload: Json) -> bool {
        match &mut self.values {
            Values::Payload(slot) => {
                *slot = Cow::Owned(payload);
                true
            }
            Values::Variables(_) => false,
        }
    }

    /// The value as a template inserts it (`None` when absent): see [`template_text`].
    pub fn as_template_text(&self, name: &str) -> Option<String> {
        self.get(name).map(template_text)
    }

    /// The data object testRTC sends without a body template: testingRTC's four
    /// documented keys in documented order, or every variable when asked (failure-only
    /// ones only on failure); a product's payload whole.
    pub fn payload(&self) -> Json {
        if let Values::Payload(payload) = &self.values {
            return Json::clone(payload);
        }
        let keep = |name: &str| {
            if self.include_every_variable {
                self.outcome == Outcome::Failure || !FAILURE_ONLY.contains(&name)
            } else {
                DEFAULT_KEYS.contains(&name)
            }
        };
        let order: Vec<&'static str> = if self.include_every_variable {
            // The documented four first, as testRTC's samples show them, then the rest.
            DEFAULT_KEYS
                .into_iter()
                .chain(DOCUMENTED.into_iter().filter(|n| !DEFAULT_KEYS.contains(n)))
                .collect()
        } else {
            DEFAULT_KEYS.to_vec()
        };
        Json::object(
            order
                .into_iter()
                .filter(|n| keep(n))
                .filter_map(|n| self.get(n).map(|v| (n, v.clone()))),
        )
    }
}

/// A value as a template inserts it, as JavaScript's `String(value)` writes it and a
/// lodash-style template prints it: a string as it is, `null` as nothing, numbers and
/// booleans as JSON writes them, an array's items joined by `,`, an object as
/// `[object Object]` (assumed, like the template syntax itself).
pub fn template_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        Json::Array(items) => items
            .iter()
            .map(template_text)
            .collect::<Vec<_>>()
            .join(","),
        Json::Object(_) => "[object Object]".to_string(),
        Json::Number(_) | Json::Bool(_) => value.to_compact(),
    }
}

/// A product's payload as the person typed it in the sample editor: strict JSON (core's
/// parser, its first diagnostic as the reason, with its line and column) holding an
/// object.
pub fn read_payload(text: &str) -> Result<Json, String> {
    let parsed = json::parse(text);
    if let Some(first) = parsed.diagnostics.first() {
        let at = LineIndex::new(text).position(first.span.start);
        return Err(format!(
            "Line {}, column {}: {}",
            at.line, at.column, first.message
        ));
    }
    match parsed.root {
        Some(root) if root.as_object().is_some() => Ok(root.into_json()),
        Some(root) => Err(format!(
            "The sample is a JSON object, not {}.",
            root.type_name()
        )),
        None => Err("The sample is a JSON object; this is empty.".to_string()),
    }
}
