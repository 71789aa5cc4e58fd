//! Steps 1–3 of the request (SPEC §3): the data (a run's, or another product's payload),
//! or the body template with every placeholder replaced by the data's value, wrapped by
//! `fieldname`.

use super::label::{Label, Provenance};
use super::sample::{template_text, SampleData};
use crate::product::Sample;
use crate::syntax::json::Json;
use crate::syntax::template::Template;
use crate::webhook::WebhookConfig;

/// Steps 1–3: the run's data, through the body template and the fieldname wrapper: the
/// value testRTC builds and `JSON.stringify`s.
pub fn render_data(config: &WebhookConfig, sample: &SampleData) -> (Json, Label) {
    let data = match &config.body {
        Some(template) => render_template(template, sample),
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
    let product = sample.product();
    let mut label = match (&config.body, &sample.outcome.declaration().sample) {
        (Some(_), _) if product.templates_documented() => Label::documented("Your body template, with each <% this.NAME %> replaced by the run's value (documented)."),
        (Some(_), _) => Label::assumed(format!("Your body template, with each <% this.PATH %> replaced by the value in {} (assumed: testRTC's docs disagree on templates outside testingRTC and upRTC).", product.data())),
        (None, Sample::Payload { documented, source, .. }) => Label::of(*documented, *source),
        (None, _) if sample.include_every_variable => Label::assumed("Every variable in the payload: testRTC documents only testRunId, testName, runType and status."),
        (None, _) => Label::documented("testRTC's documented payload: testRunId, testName, runType, status."),
    };
    if let Some(name) = &config.fieldname {
        label.provenance = label.provenance.and(Provenance::Assumed);
        label.why.to_mut().push_str(&format!(
            " Wrapped in {{\"{name}\": …}} by fieldname (assumed: the docs say only that it wraps the data)."
        ));
    }
    label
}

/// Step 2: `template` with every string's placeholders replaced by the sample's values as
/// strings (unknown names by nothing); other values and key order unchanged.
pub(crate) fn render_template(template: &Json, sample: &SampleData) -> Json {
    match template {
        Json::String(text) => Json::String(Template::render_names(text, |name, out| match sample
            .get(name)
        {
            Some(Json::String(value)) => out.push_str(value),
            Some(other) => out.push_str(&template_text(other)),
            None => {}
        })),
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
    use crate::product::Product;
    use crate::rules::body::tests::template;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Each string renders as `Template::render_names` renders it: one definition of a
        /// placeholder's value.
        #[test]
        fn every_string_of_the_template_renders_its_placeholders(
            template in template(),
            outcome in prop::sample::select(Product::Test.outcomes()),
            name in prop::option::of("[a-z\"\\\\\n\u{1}é]{0,5}"),
        ) {
            let mut sample = SampleData::for_outcome(outcome);
            if let Some(name) = name {
                sample.set("testName", &name).unwrap();
            }
            fn strings(value: &Json, out: &mut Vec<String>) {
                match value {
                    Json::String(s) => out.push(s.clone()),
                    Json::Array(items) => items.iter().for_each(|v| strings(v, out)),
                    Json::Object(members) => members.iter().for_each(|(_, v)| strings(v, out)),
                    _ => {}
                }
            }
            let (mut before, mut after) = (Vec::new(), Vec::new());
            strings(&template, &mut before);
            strings(&render_template(&template, &sample), &mut after);
            let expected: Vec<String> = before
                .iter()
                .map(|s| {
                    Template::render_names(s, |name, out| {
                        out.push_str(&sample.as_template_text(name).unwrap_or_default())
                    })
                })
                .collect();
            prop_assert_eq!(after, expected);
        }
    }
}
