//! The checked webhook: what the rules extract from the text ([`crate::rules`]) and the
//! renderer turns into a request ([`crate::render`]).

use std::ops::Deref;

use crate::catalog::recognise::{read_pieces, UrlReading};
use crate::syntax::json::Json;
use crate::syntax::url::UrlParts;

/// The payload format (SPEC §3 step 4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The data as a JSON object (also the bare URL's format and the default).
    #[default]
    JsonObject,
    /// `{"username":"testRTC_bot","text":"<data as JSON>"}` for Slack and Zapier.
    JsonText,
    /// The data as the body, with CloudEvents `ce-*` headers (HTTP binary mode).
    CloudEvent,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::JsonObject, Format::JsonText, Format::CloudEvent];

    pub const fn as_str(self) -> &'static str {
        match self {
            Format::JsonObject => "json/object",
            Format::JsonText => "json/text",
            Format::CloudEvent => "cloudevent",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Where the webhook goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Http {
        url: String,
        /// The URL as [`check_url`](crate::syntax::url::check_url) read it.
        parts: UrlParts,
        /// The destination it names and its secret parts, as the catalog reads them.
        reading: UrlReading,
    },
    Sns(SnsConfig),
}

impl Target {
    /// The HTTP target of a checked URL, read against the catalog once.
    pub fn http(url: impl Into<String>, parts: UrlParts) -> Target {
        let url = url.into();
        let reading = read_pieces(&url, parts.pieces);
        Target::Http {
            url,
            parts,
            reading,
        }
    }
}

/// A checked webhook, ready for the request pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct WebhookConfig {
    pub target: Target,
    pub format: Format,
    /// The user's headers, in their order.
    pub headers: Vec<(String, String)>,
    pub fieldname: Option<String>,
    /// The body template as JavaScript holds it after `JSON.parse`.
    pub body: Option<BodyTemplate>,
}

impl WebhookConfig {
    /// The destination the URL names (none for Amazon SNS).
    pub fn destination(&self) -> Option<crate::catalog::Recognised> {
        match &self.target {
            Target::Http { reading, .. } => reading.destination,
            Target::Sns(_) => None,
        }
    }

    /// The bare-URL form: json/object, no headers.
    pub fn from_url(url: impl Into<String>, parts: UrlParts) -> Self {
        WebhookConfig {
            target: Target::http(url, parts),
            format: Format::JsonObject,
            headers: Vec::new(),
            fieldname: None,
            body: None,
        }
    }
}

/// A checked SNS target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnsConfig {
    pub topic_arn: String,
    /// The configured region, or the topic's when none is configured.
    pub region: String,
    pub access_key_id: Option<String>,
    pub has_secret_access_key: bool,
    pub role_arn: Option<String>,
}

/// The `body` of a webhook: the template as JavaScript holds it after `JSON.parse` (what
/// it dereferences to).
#[derive(Clone, Debug, PartialEq)]
pub struct BodyTemplate(Json);

impl BodyTemplate {
    pub fn new(json: Json) -> Self {
        BodyTemplate(json)
    }

    pub fn json(&self) -> &Json {
        &self.0
    }

    pub fn into_json(self) -> Json {
        self.0
    }
}

impl From<Json> for BodyTemplate {
    fn from(json: Json) -> Self {
        BodyTemplate::new(json)
    }
}

impl Deref for BodyTemplate {
    type Target = Json;

    fn deref(&self) -> &Json {
        &self.0
    }
}
