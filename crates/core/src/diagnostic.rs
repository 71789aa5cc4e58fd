//! What a check finds: [`Diagnostic`]s, each raised by one [`Rule`] with a stable code.
//!
//! The codes are public API: the CLI's `--json`, the app, the embedding protocol and the
//! rule catalog (`docs/rules.md`) all use them. Never rename one; add a new rule instead.

use serde::Serialize;

use crate::span::{LineIndex, Span};

/// How bad a finding is. Only errors make the input invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Severity {
    /// testRTC would reject it, or the webhook cannot work.
    Error,
    /// Works, but is likely a mistake or a risk.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident; )*) => {
        /// Every rule hookcheck checks. Each has one stable kebab-case code and one severity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// All rules, in catalog order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable kebab-case code.
            pub const fn code(self) -> &'static str {
                match self { $( Rule::$variant => $code, )* }
            }

            pub const fn severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$severity, )* }
            }

            /// Whether it judges the destination behind the URL (its verdict is apart from
            /// testRTC's: it never makes a config invalid).
            pub fn judges_destination(self) -> bool {
                self.code().starts_with("destination-")
            }

            /// The rule with this code, if any.
            pub fn from_code(code: &str) -> Option<Rule> {
                match code { $( $code => Some(Rule::$variant), )* _ => None }
            }
        }
    };
}

rules! {
    // Input as a whole
    /// Nothing but white space.
    EmptyInput = "empty-input", Error;
    /// More than 1 MiB.
    InputTooLarge = "input-too-large", Error;

    // Run options (SPEC §1.1)
    /// `#webhook` without a value.
    RunOptionWebhookMissingValue = "run-option-webhook-missing-value", Error;
    /// `#webhook` given more than once.
    RunOptionWebhookDuplicate = "run-option-webhook-duplicate", Error;
    /// A `#webhook:{...}` value whose braces never balance.
    RunOptionUnbalancedJson = "run-option-unbalanced-json", Error;
    /// Run options that set no `#webhook` at all.
    RunOptionWebhookAbsent = "run-option-webhook-absent", Warning;
    /// Text between options that is not an option.
    RunOptionStrayText = "run-option-stray-text", Warning;
    /// A known option with a value of the wrong shape (`#timeout:soon`).
    RunOptionInvalidValue = "run-option-invalid-value", Warning;
    /// An option the tool does not know; passed on unchecked.
    RunOptionUnknown = "run-option-unknown", Info;

    // URL (SPEC §2.1)
    /// Not an absolute URL.
    UrlInvalid = "url-invalid", Error;
    /// A scheme other than http or https.
    UrlScheme = "url-scheme", Error;
    /// White space inside the URL.
    UrlWhitespace = "url-whitespace", Error;
    /// Plain `http:`.
    UrlInsecureHttp = "url-insecure-http", Warning;
    /// A host testRTC's cloud cannot reach (loopback, private, link-local, `.local`).
    UrlUnreachableHost = "url-unreachable-host", Warning;
    /// A user name or password in the URL.
    UrlCredentials = "url-credentials", Warning;
    /// The `?foo=bar&foo=baz` query of Mockbin's code samples.
    UrlMockbinSampleQuery = "url-mockbin-sample-query", Warning;

    // JSON syntax (SPEC §2.2)
    /// A JSON syntax error without a more specific rule.
    JsonSyntax = "json-syntax", Error;
    /// A `//` or `/* */` comment.
    JsonComment = "json-comment", Error;
    /// A comma before `}` or `]`.
    JsonTrailingComma = "json-trailing-comma", Error;
    /// A string in single quotes.
    JsonSingleQuotes = "json-single-quotes", Error;
    /// A JavaScript backtick template string.
    JsonBacktickString = "json-backtick-string", Error;
    /// An object key without quotes.
    JsonUnquotedKey = "json-unquoted-key", Error;
    /// A `...` placeholder copied from documentation.
    JsonPlaceholder = "json-placeholder", Error;
    /// The same key twice in one object.
    JsonDuplicateKey = "json-duplicate-key", Warning;
    /// The top level is not an object.
    JsonNotObject = "json-not-object", Error;
    /// Nesting deeper than 128.
    JsonTooDeep = "json-too-deep", Error;
    /// A `\uD800`-style escape without its other half: the preview cannot show it exactly.
    JsonLoneSurrogate = "json-lone-surrogate", Warning;

    // Keys of the advanced form (SPEC §2.3)
    /// Neither `url` nor `provider`.
    UrlRequired = "url-required", Error;
    /// A key whose value has the wrong JSON type.
    KeyWrongType = "key-wrong-type", Error;
    /// A key testRTC does not document.
    KeyUnknown = "key-unknown", Warning;
    /// `format` outside `json/object`, `json/text`, `cloudevent`.
    FormatUnknown = "format-unknown", Error;
    /// A header value that is not a string.
    HeaderValueNotString = "header-value-not-string", Error;
    /// A header name that is not an RFC 9110 token.
    HeaderNameInvalid = "header-name-invalid", Error;
    /// CR, LF or NUL in a header value.
    HeaderValueInjection = "header-value-injection", Error;
    /// A control character, or a character beyond U+00FF, in a header value.
    HeaderValueInvalidCharacter = "header-value-invalid-character", Error;
    /// An empty header value.
    HeaderValueEmpty = "header-value-empty", Warning;
    /// The same header twice, ignoring case.
    HeaderDuplicate = "header-duplicate", Warning;
    /// A header a browser page may not set; the test call goes without it.
    HeaderForbiddenInBrowser = "header-forbidden-in-browser", Info;
    /// A non-JSON `Content-Type` on a JSON body.
    HeaderContentTypeNotJson = "header-content-type-not-json", Warning;
    /// A hand-written `ce-*` header while `format` is `cloudevent`.
    HeaderCloudeventManual = "header-cloudevent-manual", Warning;
    /// A header that carries a credential.
    HeaderCredential = "header-credential", Info;
    /// `fieldname` is empty.
    FieldnameEmpty = "fieldname-empty", Error;
    /// `provider` other than `aws-sns`.
    ProviderUnknown = "provider-unknown", Warning;

    // Body templates (SPEC §2.4)
    /// `<%` without its `%>`.
    TemplateUnclosed = "template-unclosed", Error;
    /// A placeholder that is not `this.NAME`.
    TemplateInvalidExpression = "template-invalid-expression", Error;
    /// A variable testRTC does not document.
    TemplateUnknownVariable = "template-unknown-variable", Warning;
    /// A dotted path of the old docs (`this.testRun.usage_report.resultUrl`).
    TemplateLegacyPath = "template-legacy-path", Warning;
    /// `error`, `failureReasons`, `failureScreenshot`: empty when the run succeeds.
    TemplateFailureOnlyVariable = "template-failure-only-variable", Info;
    /// A body template for a product other than testingRTC and upRTC: testRTC's docs
    /// disagree on whether it applies.
    TemplateProductUndocumented = "template-product-undocumented", Warning;

    // Amazon SNS (SPEC §2.5)
    /// `topicArn` absent.
    SnsTopicArnMissing = "sns-topic-arn-missing", Error;
    /// `topicArn` not shaped `arn:aws:sns:<region>:<12 digits>:<name>`.
    SnsTopicArnInvalid = "sns-topic-arn-invalid", Error;
    /// `region` not shaped like `us-east-1`.
    SnsRegionInvalid = "sns-region-invalid", Error;
    /// `region` absent.
    SnsRegionMissing = "sns-region-missing", Warning;
    /// `region` differs from the region in `topicArn`.
    SnsRegionMismatch = "sns-region-mismatch", Warning;
    /// `accessKeyId` without `secretAccessKey`, or the reverse.
    SnsCredentialsIncomplete = "sns-credentials-incomplete", Error;
    /// `roleArn` not shaped `arn:aws:iam::<12 digits>:role/<name>`.
    SnsRoleArnInvalid = "sns-role-arn-invalid", Error;
    /// `url` or `format` beside `provider`: ignored.
    SnsIgnoredKey = "sns-ignored-key", Warning;
    /// A secret key in the configuration.
    SnsSecretPresent = "sns-secret-present", Info;

    // Destinations (docs/destinations.md): the service behind the URL.
    /// The destination documents that it rejects a request without this field.
    DestinationMissingField = "destination-missing-field", Error;
    /// The destination likely rejects a request without this field (unconfirmed, or a
    /// self-hosted tool recognised only as probable).
    DestinationMissingFieldLikely = "destination-missing-field-likely", Warning;
    /// A field the destination refuses.
    DestinationUnknownField = "destination-unknown-field", Error;
    /// A field with a type or value the destination refuses.
    DestinationInvalidValue = "destination-invalid-value", Error;
    /// Longer than the destination accepts.
    DestinationTooLong = "destination-too-long", Error;
    /// Longer than the destination shows: cut, or likely refused.
    DestinationTruncated = "destination-truncated", Warning;
    /// A header the destination needs (its credential).
    DestinationMissingHeader = "destination-missing-header", Error;
    /// A field the destination accepts and ignores.
    DestinationFieldIgnored = "destination-field-ignored", Warning;
    /// A catch-all hook gets the run's data as one string.
    DestinationDataAsString = "destination-data-as-string", Warning;
    /// Values that must be flat strings, and are not.
    DestinationValuesNotStrings = "destination-values-not-strings", Warning;
    /// The destination answers `202`: queued, not delivered.
    DestinationReplyQueued = "destination-reply-queued", Warning;
    /// A retired or retiring service or URL.
    DestinationRetiring = "destination-retiring", Warning;
    /// The URL holds a credential (masked and kept out of share links).
    DestinationUrlSecret = "destination-url-secret", Info;
}

/// A mechanical repair: replace the bytes `start..end` of the text with `replacement`.
/// Serialized flat, as `{title, start, end, replacement}`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Fix {
    /// What the fix does, as a button label: "Remove the trailing comma".
    pub title: String,
    #[cfg_attr(test, ts(flatten))]
    pub span: Span,
    pub replacement: String,
}

impl Serialize for Fix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fix = serializer.serialize_struct("Fix", 4)?;
        fix.serialize_field("title", &self.title)?;
        fix.serialize_field("start", &self.span.start)?;
        fix.serialize_field("end", &self.span.end)?;
        fix.serialize_field("replacement", &self.replacement)?;
        fix.end()
    }
}

impl Fix {
    pub fn new(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        }
    }

    /// `text` with this fix applied. `None` when the span does not fit `text`.
    pub fn apply(&self, text: &str) -> Option<String> {
        let before = text.get(..self.span.start)?;
        let after = text.get(self.span.end..)?;
        Some(format!("{before}{}{after}", self.replacement))
    }
}

/// One finding about the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    /// One sentence saying what is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Where, in bytes of the checked text.
    pub span: Span,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            message: message.into(),
            help: None,
            span,
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    /// This diagnostic (and its fix) moved `by` bytes to the right.
    pub fn shifted(mut self, by: usize) -> Self {
        self.span = self.span.shifted(by);
        if let Some(fix) = &mut self.fix {
            fix.span = fix.span.shifted(by);
        }
        self
    }
}

/// One finding, its span given both as bytes and as lines and columns: the shape of the
/// CLI's `--json`, the app's list and the JS API. Offsets are bytes of the UTF-8 text; lines
/// and columns are 1-based, columns counted in Unicode characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename = "Diagnostic"))]
pub struct LocatedDiagnostic {
    pub severity: Severity,
    /// A stable kebab-case rule code, documented in the rule catalog (docs/rules.md).
    pub code: &'static str,
    /// One sentence saying what is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Absent from the JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<Fix>,
}

impl LocatedDiagnostic {
    pub fn new(diagnostic: &Diagnostic, index: &LineIndex<'_>) -> Self {
        let start = index.position(diagnostic.span.start);
        let end = index.position(diagnostic.span.end);
        LocatedDiagnostic {
            severity: diagnostic.severity(),
            code: diagnostic.code(),
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
            start: diagnostic.span.start,
            end: diagnostic.span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            fix: diagnostic.fix.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            let code = rule.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{code} is not kebab-case"
            );
            assert_eq!(Rule::from_code(code), Some(*rule));
        }
    }

    #[test]
    fn fix_apply_replaces_exactly_its_span() {
        let fix = Fix::new("Remove the comma", Span::new(7, 8), "");
        assert_eq!(fix.apply(r#"{"a": 1,}"#).as_deref(), Some(r#"{"a": 1}"#));
        assert_eq!(Fix::new("x", Span::new(5, 99), "").apply("abc"), None);
    }
}
