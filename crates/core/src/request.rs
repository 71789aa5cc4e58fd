//! The request testRTC sends (SPEC §3): data → body template → fieldname → format → request.
//!
//! One pipeline serves the preview, the curl command, the test call and the JS API, so they
//! can never differ. Each part says whether testRTC documents it or hookcheck assumes it.

use std::borrow::Cow;

use crate::config::{Format, Target, WebhookConfig};
use crate::json::stringify::{write_compact, write_string};
use crate::json::Json;
use crate::sample::SampleData;
use crate::secrets;
use crate::sns::SnsPublish;
use crate::template::Template;

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

    fn and(self, other: Provenance) -> Provenance {
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
    fn documented(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Documented,
            why: why.into(),
        }
    }

    fn assumed(why: impl Into<Cow<'static, str>>) -> Label {
        Label {
            provenance: Provenance::Assumed,
            why: why.into(),
        }
    }
}

/// One request header. Its name and value are borrowed: the fixed ones from the program,
/// the user's from the config (`'c`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header<'c> {
    pub name: Cow<'c, str>,
    pub value: Cow<'c, str>,
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

/// The exact request for one outcome. It borrows the URL and the user's headers from the
/// config it was rendered from (`'c`): a render copies only what the outcome changes.
/// [`Request::into_owned`] makes one that outlives the config.
#[derive(Clone, Debug, PartialEq)]
pub struct Request<'c> {
    /// Always `POST` today.
    pub method: Cow<'static, str>,
    pub method_label: Label,
    pub url: Cow<'c, str>,
    pub url_label: Label,
    pub headers: Vec<Header<'c>>,
    /// The exact body bytes.
    pub body: String,
    pub body_label: Label,
    pub destination: Destination,
    /// The payload before the format step wrapped it, as compact JSON text, when that is
    /// not already the body (json/object, cloudevent) or the SNS message: see [`Request::data`].
    data_text: Option<String>,
}

impl Header<'_> {
    /// The header with its own copies of what it borrowed.
    pub fn into_owned(self) -> Header<'static> {
        Header {
            name: Cow::Owned(self.name.into_owned()),
            value: Cow::Owned(self.value.into_owned()),
            label: self.label,
            secret: self.secret,
        }
    }
}

impl Request<'_> {
    /// The request with its own copies of what it borrowed from the config, to keep
    /// after the config is gone (the web app holds one per outcome shown).
    pub fn into_owned(self) -> Request<'static> {
        Request {
            method: self.method,
            method_label: self.method_label,
            url: Cow::Owned(self.url.into_owned()),
            url_label: self.url_label,
            headers: self.headers.into_iter().map(Header::into_owned).collect(),
            body: self.body,
            body_label: self.body_label,
            destination: self.destination,
            data_text: self.data_text,
        }
    }

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
            Destination::Webhook => crate::json::read(&self.body)
                .map_or_else(|| self.body.clone(), |json| json.to_pretty()),
            Destination::Sns(_) => self.data().to_pretty(),
        }
    }

    /// The payload before the format step wrapped or stringified it (for SNS, the message),
    /// as `JSON.parse` reads back its compact text: [`render_data`]'s value, except that a
    /// number JSON cannot hold (NaN, ±Infinity) reads back as `null`, as it prints.
    ///
    /// Rebuilt on demand: the request keeps only the text, so rendering does not build
    /// (and free) a copy of the whole body tree for every outcome.
    pub fn data(&self) -> Json {
        let text = match (&self.data_text, &self.destination) {
            (Some(text), _) => text,
            (None, Destination::Sns(publish)) => &publish.message,
            (None, Destination::Webhook) => &self.body,
        };
        crate::json::read(text).unwrap_or(Json::Null)
    }

    /// Whether the browser test call may send it.
    pub fn is_sendable(&self) -> bool {
        matches!(self.destination, Destination::Webhook)
    }
}

/// Steps 1–3: the run's data, through the body template and the fieldname wrapper.
pub fn render_data(config: &WebhookConfig, sample: &SampleData) -> (Json, Label) {
    let data = match &config.body {
        Some(template) => render_template(template.json(), sample),
        None => sample.payload(),
    };
    let data = match &config.fieldname {
        Some(name) => Json::object([(name.clone(), data)]),
        None => data,
    };
    (data, data_label(config, sample))
}

/// [`render_data`] as its compact JSON text, written without building the tree: what the
/// request pipeline uses (a property test holds the two together).
pub(crate) fn render_data_text(config: &WebhookConfig, sample: &SampleData) -> (String, Label) {
    let mut out = String::new();
    if let Some(name) = &config.fieldname {
        out.push('{');
        write_string(&mut out, name);
        out.push(':');
    }
    match &config.body {
        Some(template) => template.write_rendered(&mut out, sample),
        None => write_compact(&mut out, &sample.payload()),
    }
    if config.fieldname.is_some() {
        out.push('}');
    }
    (out, data_label(config, sample))
}

/// Where the data of steps 1–3 comes from.
fn data_label(config: &WebhookConfig, sample: &SampleData) -> Label {
    let mut label = match &config.body {
        Some(_) => Label::documented("Your body template, with each <% this.NAME %> replaced by the run's value (documented)."),
        None if sample.include_every_variable => Label::assumed("Every variable in the payload: testRTC documents only testRunId, testName, runType and status."),
        None => Label::documented("testRTC's documented payload: testRunId, testName, runType, status."),
    };
    if let Some(name) = &config.fieldname {
        label.provenance = label.provenance.and(Provenance::Assumed);
        label.why.to_mut().push_str(&format!(
            " Wrapped in {{\"{name}\": …}} by fieldname (assumed: the docs say only that it wraps the data)."
        ));
    }
    label
}

/// The whole pipeline: the exact request for the sample's outcome.
pub fn render_request<'c>(config: &'c WebhookConfig, sample: &SampleData) -> Request<'c> {
    let (data, data_label) = render_data_text(config, sample);
    match &config.target {
        Target::Http { url, .. } => render_http(config, url, data, data_label, sample),
        Target::Sns(sns) => {
            let publish = SnsPublish::new(sns, data);
            Request {
                method: "POST".into(),
                method_label: Label::assumed(
                    "The SNS Publish API call, as AWS SDKs send it (assumed).",
                ),
                url: publish.endpoint.clone().into(),
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
                        value: publish.authorization.clone().into(),
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
                destination: crate::request::Destination::Sns(publish),
                data_text: None,
            }
        }
    }
}

fn render_http<'c>(
    config: &'c WebhookConfig,
    url: &'c str,
    data: String,
    data_label: Label,
    sample: &SampleData,
) -> Request<'c> {
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
        let mut ce = |name: &'static str, value: Cow<'c, str>, label: Label| {
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
            run_id.into(),
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
    let mut names = crate::json::keys::KeyIndex::ignoring_ascii_case();
    for (name, value) in &config.headers {
        let header = Header {
            name: Cow::Borrowed(name),
            value: Cow::Borrowed(value),
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
        url: Cow::Borrowed(url),
        url_label: Label::documented("Your webhook URL."),
        headers,
        body,
        body_label,
        destination: Destination::Webhook,
        data_text,
    }
}

/// Step 2: every string of the template with its placeholders replaced; other values
/// and key order unchanged.
pub(crate) fn render_template(template: &Json, sample: &SampleData) -> Json {
    match template {
        Json::String(text) if Template::has_placeholders(text) => {
            Json::String(Template::render_names(text, |name| {
                sample.as_template_text(name)
            }))
        }
        Json::Array(items) => {
            Json::Array(items.iter().map(|v| render_template(v, sample)).collect())
        }
        Json::Object(members) => Json::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), render_template(v, sample)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::Outcome;
    use proptest::prelude::*;

    fn config(
        body: Option<Json>,
        fieldname: Option<String>,
        format: Format,
        every: bool,
    ) -> (WebhookConfig<'static>, bool) {
        let mut config = crate::check(r#"{"url": "https://example.com/hook"}"#, None)
            .config
            .expect("a valid webhook");
        config.body = body.map(crate::body::BodyTemplate::new);
        config.fieldname = fieldname.map(Cow::Owned);
        config.format = format;
        (config, every)
    }

    #[test]
    fn an_owned_request_is_the_request_it_was_made_from() {
        let text = r#"{"url": "https://example.com/hook", "format": "cloudevent",
            "headers": {"Authorization": "Bearer x", "X-Team": "a"}, "body": {"s": "<% this.status %>"}}"#;
        let config = crate::check(text, None).config.expect("a valid webhook");
        for outcome in Outcome::ALL {
            let request = render_request(&config, &SampleData::for_outcome(outcome));
            let owned: Request<'static> = request.clone().into_owned();
            assert!(matches!(owned.url, Cow::Owned(_)));
            assert!(owned
                .headers
                .iter()
                .all(|h| matches!(h.name, Cow::Owned(_))));
            assert_eq!(owned, request);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn requests_carry_the_data_that_render_data_builds(
            body in prop::option::of(crate::body::tests::template()),
            fieldname in prop::option::of("[a-z\"0-9]{0,4}"),
            format in prop::sample::select(Format::ALL.to_vec()),
            every in any::<bool>(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
        ) {
            let (config, every) = config(body, fieldname, format, every);
            let mut sample = SampleData::for_outcome(outcome);
            sample.include_every_variable = every;
            let (tree, label) = render_data(&config, &sample);
            let (text, text_label) = render_data_text(&config, &sample);
            prop_assert_eq!(&text, &tree.to_compact());
            prop_assert_eq!(&text_label, &label);

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
            let read_back = crate::json::parse(&tree.to_compact()).root.map(|n| n.into_json());
            prop_assert_eq!(Some(request.data()), read_back);
        }
    }
}
