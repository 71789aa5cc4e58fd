//! What to offer at the caret: the advanced form's keys where a key goes, `format` and
//! `provider` values, common header names in `headers`, the recognised destination's fields
//! among the body's keys, and `<% this.NAME %>` in the body's strings (the product's
//! variables). Each candidate carries its one sentence, its source and the text to insert
//! over `from..to`.

use super::context::{context_at, Context, Place};
use super::docs::{self, DocSource, Entry};
use crate::product::Product;

/// One candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows: `format`, `json/text`, `this.testName`.
    pub label: String,
    /// One sentence on what it is.
    pub detail: String,
    pub source: DocSource,
    /// The catalog rule that checks it (`docs/rules.md#<rule>`).
    pub rule: &'static str,
    /// The text that replaces `from..to`.
    pub insert: String,
}

/// The candidates at a caret, and the byte range an accepted one replaces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completions {
    pub from: usize,
    pub to: usize,
    /// What is typed of the word so far (the filter).
    pub typed: String,
    /// Best first. Empty when nothing fits.
    pub items: Vec<Completion>,
}

/// The completions at byte offset `at` of `text`, the webhook of `product`. One pass over
/// the text before the caret, and a look at the rest of its line.
pub fn complete(text: &str, at: usize, product: Product) -> Completions {
    let at = crate::span::floor_char_boundary(text, at.min(text.len()));
    let context = context_at(text, at);
    let line_rest = &text[at..text[at..].find('\n').map_or(text.len(), |i| at + i)];
    match context.string_start {
        Some(open) if context.place == Place::Body && !context.at_key => {
            variable_completions(text, open, at, product)
        }
        Some(open) => {
            let typed = &text[open + 1..at];
            // Replace the whole string, its closing quote included when it has one.
            let to = line_rest.find('"').map_or(at, |i| at + i + 1);
            if context.at_key {
                let has_colon = text[to..].trim_start().starts_with(':');
                let entries = key_entries(&context, text);
                let quote = |name: &str| key_insert(name, !has_colon);
                filtered(entries, typed, open, to, &quote)
            } else {
                let entries = value_entries(&context.place, context.key.as_deref());
                filtered(entries, typed, open, to, &|name| format!("\"{name}\""))
            }
        }
        None => {
            let word = line_rest.len() - line_rest.trim_start_matches(is_word).len();
            if context.at_key {
                let entries = key_entries(&context, text);
                filtered(entries, "", at, at + word, &|name| key_insert(name, true))
            } else {
                let entries = value_entries(&context.place, context.key.as_deref());
                filtered(entries, "", at, at + word, &|name| format!("\"{name}\""))
            }
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn key_insert(name: &str, with_colon: bool) -> String {
    if with_colon {
        format!("\"{name}\": ")
    } else {
        format!("\"{name}\"")
    }
}

fn key_entries(context: &Context, text: &str) -> Vec<Entry> {
    match context.place {
        Place::TopLevel => {
            // SNS keys only once a provider is written (they are ignored without one).
            let sns = text.contains("\"provider\"");
            (docs::KEYS.iter())
                .filter(|e| sns || !docs::SNS_ONLY.contains(&e.0))
                .copied()
                .collect()
        }
        Place::Headers => docs::HEADERS.to_vec(),
        Place::Body => docs::body_field_entries(context, text),
        Place::Other => Vec::new(),
    }
}

fn value_entries(place: &Place, key: Option<&str>) -> Vec<Entry> {
    match (place, key) {
        (Place::TopLevel, Some("format")) => docs::FORMATS.to_vec(),
        (Place::TopLevel, Some("provider")) => docs::PROVIDERS.to_vec(),
        _ => Vec::new(),
    }
}

/// The entries whose name starts with `typed` (any case), then those that contain it.
fn filtered(
    entries: Vec<Entry>,
    typed: &str,
    from: usize,
    to: usize,
    insert: &dyn Fn(&str) -> String,
) -> Completions {
    let lower = typed.to_ascii_lowercase();
    let starts = |e: &Entry| e.0.to_ascii_lowercase().starts_with(&lower);
    let contains = |e: &Entry| !starts(e) && e.0.to_ascii_lowercase().contains(&lower);
    // Two passes keep the catalog's order within each kind of match (and need no sort).
    let ranked =
        (entries.iter().filter(|e| starts(e))).chain(entries.iter().filter(|e| contains(e)));
    Completions {
        from,
        to,
        typed: typed.to_string(),
        items: ranked
            .map(|e| Completion {
                label: e.0.to_string(),
                detail: e.1.to_string(),
                source: e.2,
                rule: e.3,
                insert: insert(e.0),
            })
            .collect(),
    }
}

/// `<% this.NAME %>` for the placeholder being typed in a body string (after `<%`): the
/// product's variables, dotted paths included.
fn variable_completions(text: &str, open: usize, at: usize, product: Product) -> Completions {
    let is_path = |c: char| is_word(c) || c == '.';
    let string = &text[open + 1..at];
    let Some(start) = string.rfind("<%") else {
        return Completions::default();
    };
    let expression = &string[start + 2..];
    if expression.contains("%>") {
        return Completions::default();
    }
    let expression = expression.trim_start();
    let typed = match expression.strip_prefix("this.") {
        Some(name) => name,
        None if "this.".starts_with(expression) => "",
        None => return Completions::default(),
    };
    if !typed.chars().all(is_path) {
        return Completions::default();
    }
    // Replace what is typed of the name and a closing `%>` already there.
    let rest = &text[at..];
    let name_rest = rest.len() - rest.trim_start_matches(is_path).len();
    let after = &rest[name_rest..];
    let close = match after.trim_start().strip_prefix("%>") {
        Some(left) => after.len() - left.len(),
        None => 0,
    };
    let from = open + 1 + start;
    let mut completions = filtered(
        docs::variables(product),
        typed,
        from,
        at + name_rest + close,
        &|name| format!("<% this.{name} %>"),
    );
    for item in &mut completions.items {
        item.label = format!("this.{}", item.label);
    }
    completions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The completions where `|` stands in `marked`, and the text after accepting the first.
    fn complete_at(marked: &str) -> (Completions, String) {
        let at = marked.find('|').unwrap();
        let text = marked.replacen('|', "", 1);
        let completions = complete(&text, at, Product::Test);
        let mut accepted = text.clone();
        if let Some(first) = completions.items.first() {
            accepted.replace_range(completions.from..completions.to, &first.insert);
        }
        (completions, accepted)
    }

    fn labels(c: &Completions) -> Vec<&str> {
        c.items.iter().map(|i| i.label.as_str()).collect()
    }

    #[test]
    fn an_empty_object_offers_the_http_keys() {
        let (c, accepted) = complete_at("{|}");
        assert_eq!(
            labels(&c),
            ["url", "format", "headers", "fieldname", "body", "provider"]
        );
        assert_eq!(accepted, "{\"url\": }");
    }

    #[test]
    fn a_half_typed_key_is_completed_with_its_colon() {
        let (c, accepted) = complete_at("{\n  \"fo|");
        assert_eq!(labels(&c), ["format"]);
        assert_eq!(c.items[0].source, DocSource::Documented);
        assert_eq!(accepted, "{\n  \"format\": ");
    }

    #[test]
    fn a_key_that_has_its_colon_keeps_it() {
        let (_, accepted) = complete_at(r#"{"head|ers": {}}"#);
        assert_eq!(accepted, r#"{"headers": {}}"#);
    }

    #[test]
    fn sns_keys_come_once_a_provider_is_written() {
        let (c, _) = complete_at("{\"provider\": \"aws-sns\", \"|");
        assert!(labels(&c).contains(&"topicArn"), "{:?}", labels(&c));
        let (c, _) = complete_at("{\"url\": \"https://e.com\", \"|");
        assert!(!labels(&c).contains(&"topicArn"));
    }

    #[test]
    fn format_values_replace_the_whole_string() {
        let (c, accepted) = complete_at(r#"{"format": "json/t|xx"}"#);
        assert_eq!(labels(&c), ["json/text"]);
        assert_eq!(accepted, r#"{"format": "json/text"}"#);
    }

    #[test]
    fn a_format_value_before_any_quote_gets_its_quotes() {
        let (c, accepted) = complete_at(r#"{"format": |}"#);
        assert_eq!(c.items.len(), 3);
        assert_eq!(accepted, r#"{"format": "json/object"}"#);
    }

    #[test]
    fn provider_offers_aws_sns() {
        let (c, _) = complete_at(r#"{"provider": "|"#);
        assert_eq!(labels(&c), ["aws-sns"]);
    }

    #[test]
    fn headers_offer_common_header_names() {
        let (c, accepted) = complete_at(r#"{"headers": {"auth|"#);
        assert_eq!(labels(&c), ["Authorization"]);
        assert_eq!(c.items[0].source, DocSource::Assumed);
        assert_eq!(accepted, r#"{"headers": {"Authorization": "#);
    }

    #[test]
    fn a_placeholder_offers_every_variable() {
        let (c, accepted) = complete_at(r#"{"body": {"text": "Run <%|"}}"#);
        assert_eq!(c.items.len(), 13);
        assert_eq!(c.items[0].label, "this.testRunId");
        assert_eq!(
            accepted,
            r#"{"body": {"text": "Run <% this.testRunId %>"}}"#
        );
    }

    #[test]
    fn a_half_typed_variable_is_completed_and_its_closing_kept_single() {
        let (c, accepted) = complete_at(r#"{"body": {"t": "<% this.res| %>"}}"#);
        // Names that start with what is typed come first; those that contain it follow.
        assert_eq!(labels(&c), ["this.resultUrl", "this.failureScreenshot"]);
        assert_eq!(accepted, r#"{"body": {"t": "<% this.resultUrl %>"}}"#);
    }

    #[test]
    fn a_placeholder_offers_the_product_s_paths_not_testrtc_s_variables() {
        let text = r#"{"body": {"t": "<% this.project.n"}}"#;
        let at = text.find(".n").unwrap() + 2;
        let c = complete(text, at, Product::WatchRtc);
        assert_eq!(labels(&c), ["this.project.name"]);
        let mut accepted = text.to_string();
        accepted.replace_range(c.from..c.to, &c.items[0].insert);
        assert_eq!(accepted, r#"{"body": {"t": "<% this.project.name %>"}}"#);
        let open = r#"{"body": {"t": "<%"#;
        let all = complete(open, open.len(), Product::WatchRtc);
        assert!(labels(&all).contains(&"this.room_id"), "{:?}", labels(&all));
        assert!(!labels(&all).contains(&"this.testName"));
        assert!(
            !labels(&all).contains(&"this.project"),
            "objects are not offered"
        );
    }

    #[test]
    fn the_assumed_variable_says_so() {
        let (c, _) = complete_at(r#"{"body": {"t": "<%this.conc|"#);
        assert_eq!(c.items[0].source, DocSource::Assumed);
    }

    #[test]
    fn nothing_is_offered_in_a_url_or_a_closed_placeholder() {
        assert!(complete_at(r#"{"url": "https://|"#).0.items.is_empty());
        assert!(complete_at(r#"{"body": {"t": "<% this.score %> |"#)
            .0
            .items
            .is_empty());
        assert!(complete_at("https://exa|").0.items.is_empty());
    }

    #[test]
    fn a_body_key_offers_the_recognised_destinations_fields() {
        let (c, accepted) =
            complete_at(r#"{"url": "https://discord.com/api/webhooks/1/t", "body": {"con|"#);
        assert_eq!(labels(&c), ["content"]);
        assert!(accepted.ends_with(r#""body": {"content": "#), "{accepted}");
        let (c, _) =
            complete_at(r#"{"url": "https://hooks.slack.com/services/T/B/X", "body": {|}}"#);
        assert_eq!(labels(&c)[..2], ["text", "blocks"]);
    }

    #[test]
    fn pagerduty_payload_offers_summary_source_and_severity() {
        let (c, _) = complete_at(
            r#"{"url": "https://events.pagerduty.com/v2/enqueue", "body": {"payload": {"|"#,
        );
        let labels = labels(&c);
        assert!(
            ["summary", "source", "severity"]
                .iter()
                .all(|f| labels.contains(f)),
            "{labels:?}"
        );
        assert!(!labels.contains(&"routing_key"));
    }

    #[test]
    fn an_unrecognised_url_offers_no_body_fields() {
        let (c, _) = complete_at(r#"{"url": "https://example.com/h", "body": {"|"#);
        assert!(c.items.is_empty());
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "",
            "{\"",
            "{\"body\":{\"t\":\"<%",
            "{\"é",
            "<%",
            "{\"format\":\"\\\"",
            "[\"<% this.",
        ] {
            for at in 0..=text.len() + 1 {
                complete(text, at, Product::Test);
                complete(text, at, Product::QualityRtc);
            }
        }
    }
}
