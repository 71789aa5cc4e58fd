//! What hookcheck gives to programs, as one set of serde types: the documents that
//! `hookcheck check --json` and `hookcheck preview --json` print and the JS API's `validate`
//! and `preview` return (as plain JS objects), and the messages the embed widget posts to its
//! host page ([`WidgetMessage`]). The CLI, the JS API and the widget all serialize these, so
//! they cannot drift apart.
//!
//! `static/hookcheck-api.d.ts`, the TypeScript declarations hosts compile against, is
//! generated from these types (their doc comments become its JSDoc) by this module's test
//! `the_typescript_declarations_are_generated_from_the_rust_types`; ts-rs derives them under
//! `cfg(test)` only, so nothing of it reaches the app.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
#[cfg(test)]
use ts_rs::TS;

use crate::browser::embed::{MessageError, PROTOCOL_VERSION};
use crate::destination::{Arrival, Recognised};
use crate::diagnostic::{LocatedDiagnostic, Severity};
use crate::pipeline::Report;
use crate::render::request::Request;
use crate::repeats::Omitted;

/// Declares [`Verdict`] from one line per field: its doc, its type and how it is read from
/// the [`Report`]. The struct, its constructor and the writing of its fields into the
/// documents that carry it all come from that line, so a field added to the verdict is one
/// line here and appears in `validate()`, `check --json` and `hookcheck:result` alike.
macro_rules! verdict {
    ($( $(#[$attr:meta])* $field:ident: $ty:ty = $read:expr; )*) => {
        /// The verdict on a text: what `validate()` and the widget's `hookcheck:result`
        /// message both say about it.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(test, derive(TS))]
        pub struct Verdict {
            $( $(#[$attr])* pub $field: $ty, )*
        }

        impl Verdict {
            /// How many fields [`Verdict::serialize_fields`] writes.
            const FIELDS: usize = [$(stringify!($field)),*].len();

            /// The verdict of `report`.
            pub fn new(report: &Report) -> Self {
                Verdict {
                    $( $field: ($read)(report), )*
                }
            }

            /// Writes the verdict's fields into the document or message being serialized,
            /// among its own. By hand, not `#[serde(flatten)]`: flattening serializes the
            /// whole document as a map, which costs the app's wasm about 0.9 KB gzip.
            fn serialize_fields<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
                $( out.serialize_field(stringify!($field), &self.$field)?; )*
                Ok(())
            }
        }
    };
}

verdict! {
    /// testRTC's verdict: no error of testRTC's rules (warnings never make a text invalid,
    /// and neither does the destination).
    valid: bool = |report: &Report| report.is_valid();
    /// The mode the text was checked in.
    #[cfg_attr(test, ts(type = "Mode"))]
    mode: &'static str = |report: &Report| report.mode.as_str();
    /// The destination's verdict, apart from `valid`: whether the service the URL names
    /// accepts every outcome's request; `null` when no service is recognised (or the text
    /// is invalid).
    arrives: Option<bool> = |report: &Report| report.arrives();
}

/// What `check --json` prints and `validate()` returns.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(test, derive(TS), ts(rename = "CheckResult"))]
pub struct CheckDocument {
    #[cfg_attr(test, ts(flatten))]
    pub verdict: Verdict,
    /// Sorted by position, then severity: every distinct problem, but at most 100 of one
    /// code.
    // 100 is `repeats::KEPT_PER_CODE`.
    pub diagnostics: Vec<LocatedDiagnostic>,
    /// For each code with more findings than `diagnostics` lists, how many more.
    pub omitted: Vec<OmittedDocument>,
    /// The service the URL names, when hookcheck recognises it.
    pub destination: Option<DestinationDocument>,
}

impl CheckDocument {
    /// The document of `report`, made from `text`, the text it checked.
    pub fn new(report: &Report, text: &str) -> Self {
        CheckDocument {
            verdict: Verdict::new(report),
            diagnostics: report.located(text),
            omitted: report.omitted.iter().map(OmittedDocument::new).collect(),
            destination: report.destination.as_ref().map(DestinationDocument::new),
        }
    }
}

impl Serialize for CheckDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("CheckDocument", Verdict::FIELDS + 3)?;
        self.verdict.serialize_fields(&mut out)?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.serialize_field("omitted", &self.omitted)?;
        out.serialize_field("destination", &self.destination)?;
        out.end()
    }
}

/// Findings of one code past the first 100, which a check counts but does not list:
/// `{"code": "json-trailing-comma", "severity": "error", "count": 4}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(rename = "Omitted"))]
pub struct OmittedDocument {
    /// The rule code, as in `diagnostics`.
    pub code: &'static str,
    pub severity: Severity,
    /// How many findings of the code are not listed.
    pub count: usize,
}

impl OmittedDocument {
    pub fn new(omitted: &Omitted) -> Self {
        OmittedDocument {
            code: omitted.rule.code(),
            severity: omitted.rule.severity(),
            count: omitted.count,
        }
    }
}

/// What `preview --json` prints and `preview()` returns: the request testRTC sends, header
/// values as sent (the text came from whoever asks), and the exact body bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(rename = "RequestPreview"))]
pub struct RequestDocument {
    pub method: String,
    pub url: String,
    /// `[name, value]` pairs in the order they are sent.
    #[cfg_attr(test, ts(type = "[name: string, value: string][]"))]
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The service the URL names, when hookcheck recognises it.
    pub destination: Option<DestinationDocument>,
    /// Whether that service accepts this request; `null` when none is recognised.
    pub arrival: Option<ArrivalDocument>,
}

impl RequestDocument {
    pub fn new(request: &Request) -> Self {
        RequestDocument {
            method: request.method.to_string(),
            url: request.url.to_string(),
            headers: request.header_pairs(),
            body: request.body.clone(),
            destination: request.destination().as_ref().map(DestinationDocument::new),
            arrival: Arrival::of(request).as_ref().map(ArrivalDocument::new),
        }
    }
}

/// The destination's verdict on one request: `{"arrives": false, "reply": "400 no_text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(rename = "Arrival"))]
pub struct ArrivalDocument {
    pub arrives: bool,
    /// The reply the service refuses it with; `null` when it arrives.
    pub reply: Option<String>,
}

impl ArrivalDocument {
    pub fn new(arrival: &Arrival) -> Self {
        ArrivalDocument {
            arrives: arrival.arrives(),
            reply: arrival.reply().map(str::to_string),
        }
    }
}

/// A service hookcheck recognises from the URL (docs/destinations.md lists them):
/// `{"id": "slack", "name": "Slack incoming webhook"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(rename = "Destination"))]
pub struct DestinationDocument {
    /// A stable id: "slack", "discord", "google-chat", "teams-workflow", "pagerduty", …
    pub id: &'static str,
    /// Its name, "probably …" for self-hosted tools recognised by their path alone.
    pub name: String,
}

impl DestinationDocument {
    pub fn new(found: &Recognised) -> Self {
        DestinationDocument {
            id: found.id.id(),
            name: found.label(),
        }
    }
}

/// A message the embed widget posts to its host page with `postMessage` (docs/embedding.md).
/// Each names its `type` and the protocol `version`; none holds the checked text, or anything
/// taken from it (it may hold secrets).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
#[cfg_attr(test, derive(TS))]
pub enum WidgetMessage {
    /// Posted once, when the widget listens: send `hookcheck:set` from then on.
    #[serde(rename = "hookcheck:ready")]
    Ready {
        #[cfg_attr(test, ts(type = "typeof PROTOCOL_VERSION"))]
        version: u32,
    },
    /// Posted after every change of the text or mode, and in answer to every `hookcheck:set`.
    #[serde(rename = "hookcheck:result")]
    Result(ResultMessage),
    /// Posted when the widget's content height changes: whole CSS pixels, rounded up, for the
    /// iframe's height.
    #[serde(rename = "hookcheck:height")]
    Height {
        #[cfg_attr(test, ts(type = "typeof PROTOCOL_VERSION"))]
        version: u32,
        height: u32,
    },
    /// Posted in answer to a `hookcheck:` message the widget cannot act on.
    #[serde(rename = "hookcheck:error")]
    Error {
        #[cfg_attr(test, ts(type = "typeof PROTOCOL_VERSION"))]
        version: u32,
        /// `unsupported-version`, `unknown-type` or `invalid-field`.
        error: &'static str,
        /// What to send instead, for the host author's console.
        message: String,
    },
}

impl WidgetMessage {
    /// `{"type": "hookcheck:ready", "version": 1}`.
    pub fn ready() -> Self {
        WidgetMessage::Ready {
            version: PROTOCOL_VERSION,
        }
    }

    /// The `hookcheck:result` of `report`: counts only, nothing from the text itself.
    pub fn result(report: &Report) -> Self {
        WidgetMessage::Result(ResultMessage {
            version: PROTOCOL_VERSION,
            verdict: Verdict::new(report),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
        })
    }

    /// `{"type": "hookcheck:height", "version": 1, "height": …}`.
    pub fn height(height: u32) -> Self {
        WidgetMessage::Height {
            version: PROTOCOL_VERSION,
            height,
        }
    }

    /// Why a host message was ignored.
    pub fn error(error: &MessageError) -> Self {
        WidgetMessage::Error {
            version: PROTOCOL_VERSION,
            error: error.code(),
            message: error.message(),
        }
    }
}

/// The fields of `hookcheck:result` besides its `type`: the verdict, and how many errors and
/// warnings (those a check counts but does not list included).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(TS))]
pub struct ResultMessage {
    #[cfg_attr(test, ts(type = "typeof PROTOCOL_VERSION"))]
    pub version: u32,
    #[cfg_attr(test, ts(flatten))]
    pub verdict: Verdict,
    pub errors: usize,
    pub warnings: usize,
}

impl Serialize for ResultMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ResultMessage", Verdict::FIELDS + 3)?;
        out.serialize_field("version", &self.version)?;
        self.verdict.serialize_fields(&mut out)?;
        out.serialize_field("errors", &self.errors)?;
        out.serialize_field("warnings", &self.warnings)?;
        out.end()
    }
}

#[cfg(test)]
mod typescript {
    //! Renders `static/hookcheck-api.d.ts` from the types above, and holds the committed
    //! file to it.

    use super::*;
    use crate::browser::embed::WIDGET_TYPES;
    use crate::diagnostic::Fix;
    use crate::pipeline::Mode;
    use crate::product::{Outcome, Product};

    /// The declarations, from the repository's root.
    const PATH: &str = "static/hookcheck-api.d.ts";

    /// The environment variable that rewrites the file instead of comparing.
    const BLESS: &str = "HOOKCHECK_BLESS";

    const HEADER: &str = "\
// TypeScript declarations of hookcheck's JS API (hookcheck-api.js) and of the messages its
// embed widget posts (docs/embedding.md). GENERATED from crates/core/src/api.rs by
// `cargo test -p hookcheck-core`: do not edit; refresh with
// `HOOKCHECK_BLESS=1 cargo test -p hookcheck-core --lib api::`.
// tests/e2e/api-types.test.mjs compiles what the API really returns against them.
";

    /// The module's exports: hookcheck-api.js is JavaScript, so its signatures are written
    /// here, over the generated types.
    const FUNCTIONS: &str = "\
/** Documented variables to override in the sample data of `\"test\"`, such as
 * `{testName: \"Checkout\", runType: \"monitor\"}` (the CLI's `--set`); the other
 * products preview their documented sample. */
export type Sample = Record<string, string | number>;

export interface HookcheckApi {
  /** Checks `text` as `product`'s webhook; `mode` defaults to `\"auto\"`, `product` to
   * `\"test\"`. Throws a TypeError for an unknown mode or product. */
  validate(text: string, mode?: Mode | \"auto\", product?: Product): CheckResult;
  /** The request of `outcome`, or `null` when the text is invalid. `outcome` defaults to
   * the product's first (`\"success\"` for `\"test\"`); without `product`, the product is
   * the outcome's. Throws a TypeError for an outcome of another product. */
  preview(text: string, outcome?: Outcome, sample?: Sample, product?: Product): RequestPreview | null;
}

/** Loads the wasm module once per page and resolves to the API, whose calls are synchronous. */
export function load(): Promise<HookcheckApi>;

/** `validate` after awaiting `load()`. */
export function validate(text: string, mode?: Mode | \"auto\", product?: Product): Promise<CheckResult>;

/** `preview` after awaiting `load()`. */
export function preview(text: string, outcome?: Outcome, sample?: Sample, product?: Product): Promise<RequestPreview | null>;
";

    /// Every input mode: a new one fails to compile here until it is listed.
    fn every_mode() -> [Mode; 2] {
        match Mode::Webhook {
            Mode::Webhook | Mode::RunOptions => {}
        }
        [Mode::Webhook, Mode::RunOptions]
    }

    /// `export type NAME = "a" | "b";` under its doc.
    fn union<'a>(doc: &str, name: &str, values: impl IntoIterator<Item = &'a str>) -> String {
        let values: Vec<String> = values.into_iter().map(|v| format!("\"{v}\"")).collect();
        format!(
            "/** {doc} */\nexport type {name} = {};\n",
            values.join(" | ")
        )
    }

    /// `T`'s declaration under its doc, one member a line.
    fn declaration<T: TS>() -> String {
        pretty(&format!(
            "{}export {}",
            T::docs().unwrap_or_default(),
            T::decl()
        )) + "\n"
    }

    /// ts-rs's one-line declarations laid out for reading: each member of an object type
    /// on a line of its own, indented, under its doc comment (one line when the doc is).
    fn pretty(declaration: &str) -> String {
        let mut out = String::new();
        let mut open: Vec<char> = Vec::new();
        let indent = |open: &[char]| "  ".repeat(open.iter().filter(|&&c| c == '{').count());
        let mut rest = declaration;
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            match c {
                '"' => {
                    let end = rest.find('"').map_or(rest.len(), |i| i + 1);
                    out.push('"');
                    out.push_str(&rest[..end]);
                    rest = &rest[end..];
                }
                '/' if rest.starts_with("**") => {
                    let end = rest.find("*/").map_or(rest.len(), |i| i + 2);
                    let lines: Vec<&str> = rest[2..end - 2]
                        .lines()
                        .map(|line| line.trim().trim_start_matches('*'))
                        .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end())
                        .skip_while(|line| line.is_empty())
                        .collect();
                    let lines = &lines[..lines
                        .iter()
                        .rposition(|l| !l.is_empty())
                        .map_or(0, |i| i + 1)];
                    let pad = indent(&open);
                    match lines {
                        [line] => out.push_str(&format!("/** {line} */")),
                        _ => {
                            out.push_str("/**");
                            for line in lines {
                                out.push_str(&format!(
                                    "\n{pad} *{}{line}",
                                    if line.is_empty() { "" } else { " " }
                                ));
                            }
                            out.push_str(&format!("\n{pad} */"));
                        }
                    }
                    out.push_str(&format!("\n{pad}"));
                    rest = &rest[end..];
                }
                '\n' => {}
                '{' => {
                    open.push(c);
                    out.push_str(&format!("{{\n{}", indent(&open)));
                    rest = rest.trim_start_matches(' ');
                }
                '}' => {
                    open.pop();
                    out.truncate(out.trim_end().len());
                    out.push_str(&format!("\n{}}}", indent(&open)));
                }
                ',' if open.last() == Some(&'{') => {
                    out.push_str(&format!(",\n{}", indent(&open)));
                    rest = rest.trim_start_matches(' ');
                }
                '[' | '(' | '<' => {
                    open.push(c);
                    out.push(c);
                }
                ']' | ')' | '>' => {
                    open.pop();
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn render() -> String {
        [
            HEADER.to_string(),
            format!(
                "/** The postMessage protocol version of the widget built with this API. */\nexport const PROTOCOL_VERSION: {PROTOCOL_VERSION};\n"
            ),
            union(
                "The input mode: the Webhook field, or a Run Options string holding `#webhook`.",
                "Mode",
                every_mode().map(Mode::as_str),
            ),
            union(
                "The testRTC product whose webhook the text is: testingRTC tests and upRTC monitors, watchRTC alerts or qualityRTC results.",
                "Product",
                Product::ALL.map(Product::as_str),
            ),
            union(
                "What the webhook call is about, whose request to preview: a run's success, warnings or failure (test), an alert (watchrtc) or a result (qualityrtc).",
                "Outcome",
                Outcome::EVERY.map(Outcome::as_str),
            ),
            declaration::<Severity>(),
            declaration::<Fix>(),
            declaration::<LocatedDiagnostic>(),
            declaration::<DestinationDocument>(),
            declaration::<ArrivalDocument>(),
            declaration::<OmittedDocument>(),
            declaration::<Verdict>(),
            declaration::<CheckDocument>(),
            declaration::<RequestDocument>(),
            declaration::<ResultMessage>(),
            declaration::<WidgetMessage>(),
            FUNCTIONS.to_string(),
        ]
        .join("\n")
    }

    #[test]
    fn the_typescript_declarations_are_generated_from_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(PATH);
        let rendered = render();
        if std::env::var_os(BLESS).is_some() {
            std::fs::write(&path, &rendered).expect("the declarations written");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == rendered,
            "{PATH} is not what crates/core/src/api.rs declares; refresh it with \
             `{BLESS}=1 cargo test -p hookcheck-core --lib api::` and commit it"
        );
    }

    #[test]
    fn the_widget_s_message_types_are_the_ones_it_never_takes_from_a_host() {
        let report = crate::check("https://example.com/hook", None);
        let messages = [
            WidgetMessage::ready(),
            WidgetMessage::result(&report),
            WidgetMessage::height(1),
            WidgetMessage::error(&MessageError::UnsupportedVersion),
        ];
        let types: Vec<String> = messages
            .iter()
            .map(|m| {
                serde_json::to_value(m).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(types, WIDGET_TYPES);
    }
}
