//! One sentence on each thing the advanced form holds: its keys, its `format` and `provider`
//! values, common headers and the template variables (testingRTC's, or the paths of the
//! product's payload); where the sentence comes from (testRTC's docs, or hookcheck's
//! assumption), and the rule in the catalog (`docs/rules.md`) that checks it. Completions
//! and hover read the same entries.

use super::context::{context_at, Context, Place};
use crate::catalog::{recognise, Field};
use crate::diagnostic::Rule;
use crate::product::Product;
use crate::syntax::json::lexer::{Lexer, TokenKind};
use crate::syntax::json::Json;
use crate::syntax::{run_options, variables};

/// Where what a [`Doc`] says comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocSource {
    /// testRTC's documentation says so.
    Documented,
    /// hookcheck's reading: testRTC documents nothing here (see the README's decisions).
    Assumed,
}

impl DocSource {
    pub const fn as_str(self) -> &'static str {
        match self {
            DocSource::Documented => "documented",
            DocSource::Assumed => "assumed",
        }
    }
}

/// What one key, value or variable means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// The thing as written: `format`, `json/text`, `this.testName`.
    pub name: String,
    /// One sentence.
    pub sentence: String,
    pub source: DocSource,
    /// The catalog rule that checks it: `docs/rules.md#<rule>`.
    pub rule: &'static str,
}

pub(crate) type Entry = (&'static str, &'static str, DocSource, &'static str);

use DocSource::{Assumed, Documented};

/// The advanced form's keys, in the order a config is usually written.
pub(crate) const KEYS: &[Entry] = &[
    (
        "url",
        "Where testRTC posts the run's result: an http or https address.",
        Documented,
        "url-required",
    ),
    (
        "format",
        "The payload format: json/object (default), json/text for Slack and Zapier, or cloudevent.",
        Documented,
        "format-unknown",
    ),
    (
        "headers",
        "Extra request headers, each a header name to a string value.",
        Documented,
        "header-value-not-string",
    ),
    (
        "fieldname",
        "The name of a parent field that wraps the data.",
        Documented,
        "fieldname-empty",
    ),
    (
        "body",
        "A body template: a JSON object whose strings may hold <% this.NAME %> placeholders.",
        Documented,
        "template-unknown-variable",
    ),
    (
        "provider",
        "Publish to Amazon SNS instead of an HTTP URL: \"aws-sns\".",
        Documented,
        "provider-unknown",
    ),
    (
        "topicArn",
        "The ARN of the SNS topic to publish to.",
        Documented,
        "sns-topic-arn-missing",
    ),
    (
        "region",
        "The AWS region of the topic, such as us-east-1.",
        Documented,
        "sns-region-missing",
    ),
    (
        "accessKeyId",
        "The access key ID of the AWS credentials; goes with secretAccessKey.",
        Documented,
        "sns-credentials-incomplete",
    ),
    (
        "secretAccessKey",
        "The secret of the AWS credentials; it is a secret, keep it out of shared text.",
        Documented,
        "sns-secret-present",
    ),
    (
        "roleArn",
        "An IAM role for testRTC to assume when publishing to SNS.",
        Assumed,
        "sns-role-arn-invalid",
    ),
];

/// The SNS keys among [`KEYS`]: offered only once `provider` is written.
pub(crate) const SNS_ONLY: [&str; 5] = crate::rules::sns::SNS_KEYS;

/// `format` values.
pub(crate) const FORMATS: &[Entry] = &[
    (
        "json/object",
        "The run's data as a JSON object (the default).",
        Documented,
        "format-unknown",
    ),
    (
        "json/text",
        "The data stringified into a {\"username\", \"text\"} message, as Slack and Zapier accept.",
        Documented,
        "format-unknown",
    ),
    (
        "cloudevent",
        "The data as the body, with CloudEvents ce-* headers (HTTP binary mode).",
        Documented,
        "format-unknown",
    ),
];

/// `provider` values.
pub(crate) const PROVIDERS: &[Entry] = &[(
    "aws-sns",
    "Amazon SNS: testRTC publishes the body to topicArn instead of posting to a URL.",
    Documented,
    "provider-unknown",
)];

/// Headers people commonly add; testRTC documents none of them by name.
pub(crate) const HEADERS: &[Entry] = &[
    ("Authorization", "Credentials for the receiver, such as Bearer <token>; hookcheck hides its value when sharing.", Assumed, "header-credential"),
    ("Content-Type", "The body's media type; testRTC sends JSON, so keep it application/json.", Assumed, "header-content-type-not-json"),
    ("X-Api-Key", "An API key the receiver checks; a credential.", Assumed, "header-credential"),
    ("User-Agent", "Names the sender to the receiver.", Assumed, "header-value-invalid-character"),
    ("Accept", "The media types the sender accepts in the reply.", Assumed, "header-value-invalid-character"),
    ("custom-webhook-header", "A header of your own, as in testRTC's example.", Documented, "header-name-invalid"),
];

/// What testRTC's Variables table says of each variable, in its order.
const VARIABLES: [(&str, DocSource); 13] = [
    ("ID of this particular test execution.", Documented),
    ("Name of the test script.", Documented),
    ("Name of the testRTC project that ran the test.", Documented),
    (
        "Random name given to this particular execution.",
        Documented,
    ),
    ("Kind of execution: test or monitor.", Documented),
    (
        "Execution status: whether it succeeded or failed.",
        Documented,
    ),
    (
        "Error message when the test failed (failures only).",
        Documented,
    ),
    (
        "Whatever the script supplied through rtcSetAdditionalInfo().",
        Documented,
    ),
    ("Failure reason as text (failures only).", Documented),
    (
        "URL of the screenshot taken on failure, if one exists (failures only).",
        Documented,
    ),
    ("Media score of the execution.", Documented),
    ("URL of the test result, for quick access.", Documented),
    (
        "Probably the total number of probes (the docs' sentence is cut off).",
        Assumed,
    ),
];

/// What a template of `product` may read, with its sentence and source: testingRTC's
/// documented variables, or every path of the product's payload but its objects (which a
/// template inserts as `[object Object]`).
pub(crate) fn variables(product: Product) -> Vec<Entry> {
    const RULE: &str = "template-unknown-variable";
    if product == Product::Test {
        return (variables::DOCUMENTED.iter().zip(VARIABLES))
            .map(|(&name, (sentence, source))| (name, sentence, source, RULE))
            .collect();
    }
    let source = if product.payload_documented() {
        Documented
    } else {
        Assumed
    };
    (product.paths().iter())
        .filter(|path| !matches!(path.sample, Json::Object(_)))
        .map(|path| (path.name.as_str(), path.doc.as_str(), source, RULE))
        .collect()
}

pub(crate) fn doc((name, sentence, source, rule): Entry) -> Doc {
    Doc {
        name: name.to_string(),
        sentence: sentence.to_string(),
        source,
        rule,
    }
}

fn find(entries: &[Entry], name: &str) -> Option<Doc> {
    entries.iter().find(|e| e.0 == name).copied().map(doc)
}

/// What the key, value or `<% this.NAME %>` variable at byte offset `at` means, if hookcheck
/// knows it; the variables are `product`'s.
pub fn hover(text: &str, at: usize, product: Product) -> Option<Doc> {
    let at = crate::span::floor_char_boundary(text, at.min(text.len()));
    let context = context_at(text, at);
    let open = context.string_start?;
    // The whole string around the caret, up to its closing quote on the same line.
    let tail = &text[at..];
    let close = tail.find(['"', '\n']).map_or(text.len(), |i| at + i);
    let string = text.get(open + 1..close)?;
    let offset = at - (open + 1);
    if context.place == Place::Body {
        if context.at_key {
            return body_field_doc(&context, text, string);
        }
        return variable_at(string, offset, product);
    }
    match (&context.place, context.at_key, context.key.as_deref()) {
        (Place::TopLevel, true, _) => find(KEYS, string),
        (Place::TopLevel, false, Some("format")) => find(FORMATS, string),
        (Place::TopLevel, false, Some("provider")) => find(PROVIDERS, string),
        (Place::Headers, true, _) => HEADERS
            .iter()
            .find(|e| e.0.eq_ignore_ascii_case(string))
            .copied()
            .map(doc),
        _ => None,
    }
}

/// The body fields of the destination the text's URL names, for the body object the
/// caret is in (none outside `body`'s own objects, or for an unrecognised URL).
pub(crate) fn body_field_entries(context: &Context, text: &str) -> Vec<Entry> {
    let (Some(parent), Some(url)) = (context.body_object.as_deref(), url_in(text)) else {
        return Vec::new();
    };
    destination_fields(&url, parent)
        .into_iter()
        .map(|(field, _, rule)| (field.name(), field.doc, Documented, rule))
        .collect()
}

/// The hover doc of the body field `name`: its sentence with what the catalog says of it
/// (required, its values, its limit).
fn body_field_doc(context: &Context, text: &str, name: &str) -> Option<Doc> {
    let parent = context.body_object.as_deref()?;
    let (_, sentence, rule) = destination_fields(&url_in(text)?, parent)
        .into_iter()
        .find(|(field, _, _)| field.name() == name)?;
    Some(Doc {
        name: name.to_string(),
        sentence,
        source: Documented,
        rule,
    })
}

/// The fields of the body object `parent` (`""` for the body, `payload`) of the endpoint
/// `url` names, each with its hover sentence and the code of the rule that checks it (`""`
/// for none). The one place assist reads the destination catalog.
fn destination_fields(url: &str, parent: &str) -> Vec<(&'static Field, String, &'static str)> {
    let Some(endpoint) = recognise(url).map(|found| found.endpoint()) else {
        return Vec::new();
    };
    endpoint
        .fields_under(parent)
        .map(|field| {
            let rule = endpoint.rule_of(field).map_or("", Rule::code);
            (field, endpoint.field_doc(field), rule)
        })
        .collect()
}

/// The config's URL: the top-level `"url"` of the JSON (of the `#webhook:` value in run
/// options), or a run option's plain URL. One pass of the lexer.
fn url_in(text: &str) -> Option<String> {
    let (json, mut url) = if text.trim_start().starts_with('#') {
        let span = run_options::parse(text).webhook?;
        let value = text.get(span.start..span.end)?;
        if value.starts_with('{') {
            (value, None)
        } else {
            ("", Some(value.to_string()))
        }
    } else {
        (text, None)
    };
    let mut lexer = Lexer::new(json);
    lexer.quiet = true;
    let mut depth = 0usize;
    // How far the `"url"` `:` `"…"` sequence at depth 1 has got.
    let mut step = 0;
    while url.is_none() {
        lexer.advance();
        let kind = lexer.tok.kind;
        step = match (kind, step) {
            (TokenKind::Eof, _) => break,
            (TokenKind::String, 0) if depth == 1 && lexer.value == "url" => 1,
            (TokenKind::Colon, 1) => 2,
            (TokenKind::String, 2) => {
                url = Some(lexer.value.to_string());
                0
            }
            _ => 0,
        };
        match kind {
            TokenKind::LBrace | TokenKind::LBracket => depth += 1,
            TokenKind::RBrace | TokenKind::RBracket => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    url
}

/// The variable of `product` in the `<% this.NAME %>` placeholder covering `offset`.
fn variable_at(string: &str, offset: usize, product: Product) -> Option<Doc> {
    let open = string[..offset.min(string.len())].rfind("<%")?;
    let close = string[open..].find("%>").map(|i| open + i)?;
    if close + 2 < offset {
        return None;
    }
    let expression = string[open + 2..close].trim();
    let name = expression.strip_prefix("this.")?.trim();
    let entry = variables(product).into_iter().find(|e| e.0 == name)?;
    Some(Doc {
        name: format!("this.{name}"),
        ..doc(entry)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hover_at(marked: &str) -> Option<Doc> {
        hover_as(marked, Product::Test)
    }

    fn hover_as(marked: &str, product: Product) -> Option<Doc> {
        let at = marked.find('|').unwrap();
        hover(&marked.replacen('|', "", 1), at, product)
    }

    #[test]
    fn every_variable_has_a_sentence() {
        assert_eq!(variables(Product::Test).len(), variables::DOCUMENTED.len());
    }

    #[test]
    fn hovering_a_path_of_a_product_s_payload_shows_its_sample_value() {
        let doc = hover_as(
            r#"{"body": {"t": "<% this.project.na|me %>"}}"#,
            Product::WatchRtc,
        )
        .unwrap();
        assert_eq!(doc.name, "this.project.name");
        assert_eq!(
            doc.sentence,
            "In the watchRTC alert; the sample has \"My project\"."
        );
        assert_eq!(doc.source, Documented);
        assert_eq!(
            hover_as(
                r#"{"body": {"t": "<% this.test|Name %>"}}"#,
                Product::WatchRtc
            ),
            None
        );
    }

    #[test]
    fn hovering_a_key_explains_it_with_its_rule() {
        let doc = hover_at(r#"{"for|mat": "json/text"}"#).unwrap();
        assert_eq!(
            (doc.name.as_str(), doc.source, doc.rule),
            ("format", Documented, "format-unknown")
        );
    }

    #[test]
    fn hovering_a_format_value_explains_it() {
        let doc = hover_at(r#"{"format": "json/t|ext"}"#).unwrap();
        assert!(doc.sentence.contains("Slack"), "{doc:?}");
    }

    #[test]
    fn hovering_a_variable_explains_it_and_says_where_that_comes_from() {
        let doc = hover_at(r#"{"body": {"t": "<% this.sco|re %> and more"}}"#).unwrap();
        assert_eq!((doc.name.as_str(), doc.source), ("this.score", Documented));
        let doc = hover_at(r#"{"body": {"t": "<%this.concurrentUsers|%>"}}"#).unwrap();
        assert_eq!(doc.source, Assumed);
    }

    #[test]
    fn hovering_a_header_name_ignores_case() {
        let doc = hover_at(r#"{"headers": {"authori|zation": "x"}}"#).unwrap();
        assert_eq!(doc.name, "Authorization");
    }

    #[test]
    fn hovering_a_body_field_of_the_recognised_destination_explains_it() {
        let doc = hover_at(
            r#"{"url": "https://hooks.slack.com/services/T/B/X", "body": {"te|xt": "hi"}}"#,
        )
        .unwrap();
        assert_eq!(
            (doc.name.as_str(), doc.rule),
            ("text", "destination-missing-field")
        );
        assert_eq!(
            hover_at(r#"{"url": "https://example.com/h", "body": {"te|xt": "hi"}}"#),
            None
        );
    }

    #[test]
    fn the_destination_is_read_from_the_top_level_url_only() {
        let slack = "https://hooks.slack.com/services/T/B/X";
        let found = Some(slack.to_string());
        assert_eq!(
            url_in(&format!(r#"{{"body": {{"x": 1}}, "url": "{slack}"}}"#)),
            found
        );
        assert_eq!(
            url_in(&format!(r#"{{"body": {{"url": "{slack}"}}}}"#)),
            None
        );
        assert_eq!(url_in(&format!("#timeout:80 #webhook:{slack}")), found);
        assert_eq!(url_in(&format!(r#"#webhook:{{"url": "{slack}"}}"#)), found);
    }

    #[test]
    fn unknown_things_have_no_doc() {
        assert_eq!(hover_at(r#"{"nope|": 1}"#), None);
        assert_eq!(hover_at(r#"{"body": {"t": "<% this.nope| %>"}}"#), None);
        assert_eq!(hover_at(r#"{"url": "https://e|.com"}"#), None);
    }
}
