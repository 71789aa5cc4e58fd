//! The request testRTC sends (SPEC §3): data → body template → fieldname → format → request.
//!
//! One pipeline serves the preview, the curl command, the test call and the JS API, so they
//! can never differ. Each part says whether testRTC documents it or hookcheck assumes it.

use std::borrow::Cow;

use super::body::render_data;
use super::sample::SampleData;
use super::sns::SnsPublish;
use crate::secrets;
use crate::syntax::json::stringify::write_string;
use crate::syntax::json::Json;
use crate::webhook::{Format, Target, WebhookConfig};

/// Whether testRTC documents a part of the request, or hookcheck assumes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    Documented,
    Assumed,
}

impl Provenance {
    pub const fn as_str(self) -> &'static str {
        match self {
            Provenance::Documented => "documented",
            Provenance::Assumed => "assumed",
        }
    }

    pub(super) fn and(self, other: Provenance) -> Provenance {
        if self == Provenance::Assumed || other == Provenance::Assumed {
            Provenance::Assumed
        } else {
            Provenance::Documented
        }
    }
}

/// A part of the request with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub provenance: Provenance,
    /// Why: the source, or the assumption, in one sentence. Most are fixed sentences,
    /// borrowed rather than copied into every request.
    pub why: Cow<'static, str>,
}

impl Label {
    pub(super) fn documented(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Documented,
            why: why.into(),
        }
    }

    pub(super) fn assumed(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Assumed,
            why: why.into(),
        }
    }
}

/// One request header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: String,
    pub label: Label,
    /// Looks like a credential: mask it on screen and in shares.
    pub secret: bool,
}

/// Where the request goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// An HTTP webhook: what the test call sends.
    Webhook,
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
    pub destination: Destination,
    /// The payload before the format step wrapped it, as compact JSON text, when that is
    /// not already the body (json/object, cloudevent) or the SNS message: see [`Request::data`].
    data_text: Option<String>,
}

impl Request {
    /// The headers as `[name, value]` pairs, secrets included (for sending and `--json`).
    pub fn header_pairs(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|h| (h.name.to_string(), h.value.to_string()))
            .collect()
    }

    /// The body pretty-printed as `JSON.stringify(body, null, 2)` would, when it is JSON.
    pub fn pretty_body(&self) -> String {
        match &self.destination {
            Destination::Webhook => crate::syntax::json::read(&self.body)
                .map_or_else(|| self.body.clone(), |json| json.to_pretty()),
            Destination::Sns(_) => self.data().to_pretty(),
        }
    }

    /// The payload before the format step wrapped or stringified it (for SNS, the message),
    /// as `JSON.parse` reads back the compact text of [`render_data`]: a number JSON cannot
    /// hold (NaN, ±Infinity) reads back as `null`, as it prints.
    pub fn data(&self) -> Json {
        let text = match (&self.data_text, &self.destination) {
            (Some(text), _) => text,
            (None, Destination::Sns(publish)) => &publish.message,
            (None, Destination::Webhook) => &self.body,
        };
        crate::syntax::json::read(text).unwrap_or(Json::Null)
    }

    /// Whether the browser test call may send it.
    pub fn is_sendable(&self) -> bool {
        matches!(self.destination, Destination::Webhook)
    }
}

/// The whole pipeline: the exact request for the sample's outcome.
pub fn render_request(config: &WebhookConfig, sample: &SampleData) -> Request {
    let (data, data_label) = render_data(config, sample);
    match &config.target {
        Target::Http { url, .. } => render_http(config, url, data, data_label, sample),
        Target::Sns(sns) => {
            let publish = SnsPublish::new(sns, data);
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
                destination: crate::render::request::Destination::Sns(publish),
                data_text: None,
            }
        }
    }
}

fn render_http(
    config: &WebhookConfig,
    url: &str,
    data: String,
    data_label: Label,
    sample: &SampleData,
) -> Request {
    // Step 4: the format. `data` is the data's compact text already.
    let (body, data_text, body_label) = match config.format {
        Format::JsonObject => (data, None, data_label),
        Format::JsonText => (
            {
                // {"username":"testRTC_bot","text":<the data's text as a JSON string>}
                let mut body = String::with_capacity(data.len() + data.len() / 8 + 40);
                body.push_str(r#"{"username":"testRTC_bot","text":"#);
                write_string(&mut body, &data);
                body.push('}');
                body
            },
            Some(data),
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
            None,
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
        let run_id = sample.as_template_text("testRunId").unwrap_or_default();
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
        ce(
            "ce-id",
            run_id,
            Label::assumed(
                "Required by the CloudEvents spec; the run id is the natural unique id (assumed).",
            ),
        );
        ce(
            "ce-source",
            "testrtc".into(),
            Label::documented("testRTC's docs: ce-source is testrtc."),
        );
        ce(
            "ce-type",
            "testingrtc".into(),
            Label::documented("testRTC's docs: ce-type is testingrtc for testingRTC runs."),
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
        body,
        body_label,
        destination: Destination::Webhook,
        data_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::body::tests::render_template;
    use crate::render::sample::Outcome;
    use proptest::prelude::*;

    fn config(
        body: Option<Json>,
        fieldname: Option<String>,
        format: Format,
        every: bool,
    ) -> (WebhookConfig, bool) {
        let mut config = crate::check(r#"{"url": "https://example.com/hook"}"#, None)
            .config
            .expect("a valid webhook");
        config.body = body.map(crate::webhook::BodyTemplate::new);
        config.fieldname = fieldname;
        config.format = format;
        (config, every)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn requests_carry_the_data_that_render_data_builds(
            body in prop::option::of(crate::rules::body::tests::template()),
            fieldname in prop::option::of("[a-z\"0-9]{0,4}"),
            format in prop::sample::select(Format::ALL.to_vec()),
            every in any::<bool>(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
        ) {
            let (config, every) = config(body, fieldname, format, every);
            let mut sample = SampleData::for_outcome(outcome);
            sample.include_every_variable = every;
            let (text, _) = render_data(&config, &sample);
            let tree = match &config.body {
                Some(body) => render_template(body, &sample),
                None => sample.payload(),
            };
            let tree = match &config.fieldname {
                Some(name) => Json::object([(name.clone(), tree)]),
                None => tree,
            };
            prop_assert_eq!(&text, &tree.to_compact());

            let request = render_request(&config, &sample);
            let expected_body = match format {
                Format::JsonText => Json::object([
                    ("username", Json::string("testRTC_bot")),
                    ("text", Json::String(tree.to_compact())),
                ])
                .to_compact(),
                Format::JsonObject | Format::CloudEvent => tree.to_compact(),
            };
            prop_assert_eq!(&request.body, &expected_body);
            // JSON holds no NaN or infinity: the data reads back as its text prints.
            let read_back = crate::syntax::json::parse(&tree.to_compact()).root.map(|n| n.into_json());
            prop_assert_eq!(Some(request.data()), read_back);
        }
    }
}
