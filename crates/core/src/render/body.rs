//! Steps 1–3 of the request (SPEC §3): the run's data, or the body template with every
//! placeholder replaced by the run's value, wrapped by `fieldname`.

use super::request::{Label, Provenance};
use super::sample::SampleData;
use crate::syntax::json::Json;
use crate::syntax::template::Template;
use crate::webhook::WebhookConfig;

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
