//! The request testRTC sends (SPEC §3): data → body template → fieldname → format → request.
//!
//! One pipeline serves the preview, the curl command, the test call and the JS API, so they
//! can never differ. Each part says whether testRTC documents it or hookcheck assumes it.

use std::borrow::Cow;

pub use super::label::{Label, Provenance};

use super::body::render_data;
use super::sample::SampleData;
use super::sns::SnsPublish;
use crate::catalog::recognise::UrlReading;
use crate::catalog::Recognised;
use crate::secrets::{self, replace_spans, MASK, SECRET_BODY_KEYS};
use crate::span::Span;
use crate::syntax::json::Json;
use crate::syntax::url::UrlParts;
use crate::webhook::{Format, Target, WebhookConfig};

/// One request header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: String,
    pub label: Label,
    /// Looks like a credential: mask it on screen and in shares.
    pub secret: bool,
}

/// How the request is delivered.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// An HTTP webhook: what the test call sends, to the URL as the pipeline checked it.
    Webhook {
        parts: UrlParts,
        /// The destination it names and the URL's secret parts.
        reading: UrlReading,
    },
    /// An SNS Publish: previewed, never sent (it needs AWS request signing).
    Sns(SnsPublish),
}

/// The exact request for one outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// Always `POST` today.
    pub method: String,
    pub method_label: Label,
    pub url: String,
    pub url_label: Label,
    pub headers: Vec<Header>,
    /// The exact body bytes.
    pub body: String,
    pub body_label: Label,
    /// What the body carries as a JSON tree: the body itself (its bytes are this tree's
    /// compact text), or for SNS the Publish's message. Later stages read this, never the
    /// bytes.
    pub json: Json,
    pub delivery: Delivery,
}

impl Request {
    /// The headers as `[name, value]` pairs, secrets included (for sending and `--json`).
    pub fn header_pairs(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|h| (h.name.to_string(), h.value.to_string()))
            .collect()
    }

    /// The body pretty-printed as `JSON.stringify(body, null, 2)` would (for SNS, the
    /// message).
    pub fn pretty_body(&self) -> String {
        self.json.to_pretty()
    }

    /// Whether the browser test call, `hookcheck send` and the relay may send it.
    pub fn is_sendable(&self) -> bool {
        matches!(self.delivery, Delivery::Webhook { .. })
    }

    /// The URL as the pipeline checked it (`None` for SNS).
    pub fn url_parts(&self) -> Option<&UrlParts> {
        match &self.delivery {
            Delivery::Webhook { parts, .. } => Some(parts),
            Delivery::Sns(_) => None,
        }
    }

    /// The destination the URL names.
    pub fn destination(&self) -> Option<Recognised> {
        match &self.delivery {
            Delivery::Webhook { reading, .. } => reading.destination,
            Delivery::Sns(_) => None,
        }
    }

    /// The spans of the URL that are credentials.
    pub fn url_secrets(&self) -> &[Span] {
        match &self.delivery {
            Delivery::Webhook { reading, .. } => &reading.secrets,
            Delivery::Sns(_) => &[],
        }
    }

    /// The URL with its credentials masked.
    pub fn masked_url(&self) -> Cow<'_, str> {
        replace_spans(&self.url, self.url_secrets(), MASK)
    }

    /// The body tree with the string values of its top-level credential keys (PagerDuty's
    /// `routing_key`) masked; `None` when it has none.
    fn masked_json(&self) -> Option<Json> {
        let Json::Object(members) = &self.json else {
            return None;
        };
        self.body_has_secrets().then(|| {
            Json::Object(
                members
                    .iter()
                    .map(|member| match is_secret_member(member) {
                        true => (member.0.clone(), Json::string(MASK)),
                        false => member.clone(),
                    })
                    .collect(),
            )
        })
    }

    /// Whether the body has a top-level credential key with a value to mask.
    fn body_has_secrets(&self) -> bool {
        matches!(&self.json, Json::Object(members) if members.iter().any(is_secret_member))
    }

    /// The exact body with its credentials masked (SNS bodies hold none).
    pub fn masked_body(&self) -> Cow<'_, str> {
        match (&self.delivery, self.masked_json()) {
            (Delivery::Webhook { .. }, Some(masked)) => Cow::Owned(masked.to_compact()),
            _ => Cow::Borrowed(&self.body),
        }
    }

    /// The pretty-printed body with its credentials masked.
    pub fn masked_pretty_body(&self) -> String {
        self.masked_json()
            .map_or_else(|| self.pretty_body(), |masked| masked.to_pretty())
    }

    /// Whether the URL, a header or the body holds a credential that the preview masks.
    pub fn has_secrets(&self) -> bool {
        !self.url_secrets().is_empty()
            || self.headers.iter().any(|h| h.secret)
            || self.body_has_secrets()
    }
}

/// A top-level body member whose value is a credential: a key of [`SECRET_BODY_KEYS`] with
/// a non-empty string.
fn is_secret_member((key, value): &(String, Json)) -> bool {
    SECRET_BODY_KEYS.contains(&key.as_str()) && matches!(value, Json::String(s) if !s.is_empty())
}

/// The whole pipeline: the exact request for the sample's outcome.
pub fn render_request(config: &WebhookConfig, sample: &SampleData) -> Request {
    let (data, data_label) = render_data(config, sample);
    match &config.target {
        Target::Http {
            url,
            parts,
            reading,
        } => {
            let delivery = Delivery::Webhook {
                parts: parts.clone(),
                reading: reading.clone(),
            };
            render_http(config, url, data, data_label, sample, delivery)
        }
        Target::Sns(sns) => {
            let publish = SnsPublish::new(sns, data.to_compact());
            Request {
                method: "POST".into(),
                method_label: Label::assumed(
                    "The SNS Publish API call, as AWS SDKs send it (assumed).",
                ),
                url: publish.endpoint.clone(),
                url_label: Label::assumed("The SNS endpoint of the configured region (assumed)."),
                headers: vec![
                    Header {
                        name: "Content-Type".into(),
                        value: "application/x-www-form-urlencoded; charset=utf-8".into(),
                        label: Label::assumed("The AWS query API's form encoding (assumed)."),
                        secret: false,
                    },
                    Header {
                        name: "Authorization".into(),
                        value: publish.authorization.clone(),
                        label: Label::assumed(
                            "AWS Signature Version 4, computed from the secret key (assumed).",
                        ),
                        secret: true,
                    },
                ],
                body: publish.form_body.clone(),
                body_label: Label {
                    provenance: data_label.provenance.and(Provenance::Assumed),
                    why: format!(
                        "Publish to the topic with the rendered body as the Message. {}",
                        data_label.why
                    )
                    .into(),
                },
                json: data,
                delivery: Delivery::Sns(publish),
            }
        }
    }
}

fn render_http(
    config: &WebhookConfig,
    url: &str,
    data: Json,
    data_label: Label,
    sample: &SampleData,
    delivery: Delivery,
) -> Request {
    // Step 4: the format.
    let (json, body_label) = match config.format {
        Format::JsonObject => (data, data_label),
        Format::JsonText => (
            Json::object([
                ("username", Json::string("testRTC_bot")),
                ("text", Json::String(data.to_compact())),
            ]),
            Label {
                provenance: data_label.provenance,
                why: format!(
                    "json/text: {{\"username\":\"testRTC_bot\",\"text\":<the data as compact JSON>}} (documented). {}",
                    data_label.why
                )
                .into(),
            },
        ),
        Format::CloudEvent => (
            data,
            Label {
                provenance: data_label.provenance,
                why: format!("cloudevent: the data is the body, attributes go in ce-* headers (documented). {}", data_label.why).into(),
            },
        ),
    };

    // Step 5: the headers, defaults first; a user header of the same name replaces a
    // default in place.
    // Sized for the default, the CloudEvents ones and the user's: no regrowing.
    let cloudevent = if config.format == Format::CloudEvent {
        4
    } else {
        0
    };
    let mut headers = Vec::with_capacity(1 + cloudevent + config.headers.len());
    headers.push(Header {
        name: "Content-Type".into(),
        value: "application/json".into(),
        label: Label::assumed(
            "testRTC sends JSON; the exact Content-Type is not documented (assumed).",
        ),
        secret: false,
    });
    if config.format == Format::CloudEvent {
        let declaration = sample.product().declaration();
        let fact_label = |fact: &crate::product::Fact| Label::of(fact.documented, fact.source);
        let id = sample
            .as_template_text(declaration.ce_id.value)
            .unwrap_or_default();
        let mut ce = |name: &str, value: String, label: Label| {
            headers.push(Header {
                name: name.into(),
                value,
                label,
                secret: false,
            })
        };
        ce(
            "ce-specversion",
            "1.0".into(),
            Label::assumed(
                "Required by the CloudEvents 1.0 spec; testRTC's docs do not list it (assumed).",
            ),
        );
        ce("ce-id", id, fact_label(&declaration.ce_id));
        ce(
            "ce-source",
            "testrtc".into(),
            Label::documented("testRTC's docs: ce-source is testrtc."),
        );
        ce(
            "ce-type",
            declaration.ce_type.value.into(),
            fact_label(&declaration.ce_type),
        );
    }
    let mut names = crate::syntax::json::keys::KeyIndex::ignoring_ascii_case();
    for (name, value) in &config.headers {
        let header = Header {
            name: name.clone(),
            value: value.clone(),
            label: Label::documented(
                "Your header: testRTC sends the headers you list (documented).",
            ),
            secret: secrets::is_secret_header(name),
        };
        match names.find_or_insert_among(name, headers.len(), |i| &headers[i].name) {
            Some(earlier) => headers[earlier] = header,
            None => headers.push(header),
        }
    }

    Request {
        method: "POST".into(),
        method_label: Label::assumed("The docs say the data goes in the message body; no testRTC doc names the method (assumed)."),
        url: url.to_string(),
        url_label: Label::documented("Your webhook URL."),
        headers,
        body: json.to_compact(),
        body_label,
        json,
        delivery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample::Outcome;
    use proptest::prelude::*;

    fn config(body: Option<Json>, fieldname: Option<String>, format: Format) -> WebhookConfig {
        let mut config = crate::check(r#"{"url": "https://example.com/hook"}"#, None)
            .config
            .expect("a valid webhook");
        config.body = body.map(crate::webhook::BodyTemplate::new);
        config.fieldname = fieldname;
        config.format = format;
        config
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// The bytes are the compact text of the tree the request carries, and the tree is
        /// the data of steps 1–3 in the shape the format gives it.
        #[test]
        fn the_body_bytes_are_the_compact_text_of_the_carried_tree(
            body in prop::option::of(crate::rules::body::tests::template()),
            fieldname in prop::option::of("[a-z\"0-9]{0,4}"),
            format in prop::sample::select(Format::ALL.to_vec()),
            every in any::<bool>(),
            outcome in prop::sample::select(Outcome::EVERY.to_vec()),
        ) {
            let config = config(body, fieldname, format);
            let mut sample = SampleData::for_outcome(outcome);
            sample.include_every_variable = every;
            let (data, _) = render_data(&config, &sample);
            let request = render_request(&config, &sample);
            prop_assert_eq!(&request.body, &request.json.to_compact());
            let expected = match format {
                Format::JsonText => Json::object([
                    ("username", Json::string("testRTC_bot")),
                    ("text", Json::String(data.to_compact())),
                ]),
                Format::JsonObject | Format::CloudEvent => data,
            };
            prop_assert_eq!(request.json, expected);
        }
    }
}
