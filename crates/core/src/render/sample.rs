//! The run data testRTC sends: outcomes and editable sample values (SPEC §3.1).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::syntax::json::Json;
use crate::syntax::variables::{DOCUMENTED, FAILURE_ONLY};

/// How the run ended. Each outcome has its own sample data and preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Outcome {
    #[default]
    Success,
    Warnings,
    Failure,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Success, Outcome::Warnings, Outcome::Failure];

    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Warnings => "warnings",
            Outcome::Failure => "failure",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// testRTC's documented samples for the four default keys; plausible values for the rest
/// (assumed). Failure-only variables are empty unless the run failed.
fn default_values(outcome: Outcome) -> Vec<(&'static str, Json)> {
    let failed = outcome == Outcome::Failure;
    let run_id = if failed {
        "56fd3d617c458d1400baee6f"
    } else {
        "56fd35107c458d1400baee63"
    };
    let value = |name: &str| -> Json {
        let text = match name {
            "testRunId" => run_id,
            "testName" => "AppRTC",
            "projectName" => "My project",
            "runName" => "decorous-insurance",
            "runType" => "test",
            "status" => match outcome {
                Outcome::Success => "completed",
                Outcome::Warnings => "warnings",
                Outcome::Failure => "failure",
            },
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

/// The value of every documented variable for one outcome, editable.
#[derive(Clone, Debug, PartialEq)]
pub struct SampleData {
    pub outcome: Outcome,
    /// Every documented variable, in [`DOCUMENTED`] order: the outcome's shared defaults
    /// until [`SampleData::set`] edits one (the pipeline asks for them on every keystroke).
    values: Cow<'static, [(&'static str, Json)]>,
    /// Put every variable in the default payload, not only the four documented keys (assumed).
    pub include_every_variable: bool,
}

impl SampleData {
    /// testRTC's documented samples for the four default keys; plausible values for the
    /// rest (assumed). Failure-only variables are empty unless the run failed. Built once
    /// per outcome and shared: the three outcomes are asked for on every keystroke.
    pub fn for_outcome(outcome: Outcome) -> SampleData {
        static DEFAULTS: OnceLock<[Vec<(&'static str, Json)>; 3]> = OnceLock::new();
        let defaults = DEFAULTS.get_or_init(|| Outcome::ALL.map(default_values));
        let index = Outcome::ALL
            .iter()
            .position(|&o| o == outcome)
            .unwrap_or_default();
        SampleData {
            outcome,
            values: Cow::Borrowed(&defaults[index]),
            include_every_variable: false,
        }
    }

    /// The value of one variable; `None` for names testRTC does not document.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Sets one variable. Numeric variables take a number when `value` is one.
    /// Fails, naming the documented variables, when `name` is not one of them.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let Some(at) = self.values.iter().position(|(n, _)| *n == name) else {
            return Err(format!(
                "`{name}` is not a documented variable (expected one of: {})",
                DOCUMENTED.join(", ")
            ));
        };
        let slot = &mut self.values.to_mut()[at];
        slot.1 = match crate::syntax::json::number::parse_f64(value) {
            Some(n) if NUMERIC.contains(&name) && n.is_finite() => Json::Number(n),
            _ => Json::string(value),
        };
        Ok(())
    }

    /// Every variable with its value, in documented order.
    pub fn variables(&self) -> impl Iterator<Item = (&'static str, &Json)> {
        self.values.iter().map(|(n, v)| (*n, v))
    }

    /// The variable as a template inserts it: its value as a string (`""` when absent).
    pub fn as_template_text(&self, name: &str) -> Option<String> {
        self.get(name).map(|value| match value {
            Json::String(s) => s.clone(),
            other => other.to_compact(),
        })
    }

    /// The data object testRTC sends without a body template: the four documented keys
    /// in documented order, or every variable when asked (failure-only ones only on failure).
    pub fn payload(&self) -> Json {
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
