//! Steps 1–3 of the request (SPEC §3): the run's data, or the body template with every
//! placeholder replaced by the run's value, wrapped by `fieldname`.

use super::request::{Label, Provenance};
use super::sample::SampleData;
use crate::syntax::json::stringify::{write_compact, write_escaped, write_string};
use crate::syntax::json::Json;
use crate::syntax::template::{Part, Template};
use crate::webhook::WebhookConfig;

/// Steps 1–3: the run's data, through the body template and the fieldname wrapper, as
/// compact JSON text (`JSON.stringify` of the value testRTC builds).
pub fn render_data(config: &WebhookConfig, sample: &SampleData) -> (String, Label) {
    let mut out = String::new();
    if let Some(name) = &config.fieldname {
        out.push('{');
        write_string(&mut out, name);
        out.push(':');
    }
    match &config.body {
        Some(template) => write_rendered(&mut out, template, sample),
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

/// Step 2: the compact text of `template` with every string's placeholders replaced by
/// the sample's values; other values and key order unchanged.
fn write_rendered(out: &mut String, template: &Json, sample: &SampleData) {
    match template {
        // Written piece by piece: JSON escapes one character at a time, so the escaped
        // text of a string is the escaped text of its pieces.
        Json::String(text) => {
            out.push('"');
            Template::visit_names(text, |part| match part {
                Part::Text(text) => write_escaped(out, text),
                Part::Name(name) => match sample.get(name) {
                    Some(Json::String(value)) => write_escaped(out, value),
                    Some(other) => write_escaped(out, &other.to_compact()),
                    None => {}
                },
            });
            out.push('"');
        }
        Json::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                out.push(if i > 0 { ',' } else { '[' });
                write_rendered(out, item, sample);
            }
            out.push(']');
        }
        Json::Object(members) if !members.is_empty() => {
            for (i, (key, item)) in members.iter().enumerate() {
                out.push(if i > 0 { ',' } else { '{' });
                write_string(out, key);
                out.push(':');
                write_rendered(out, item, sample);
            }
            out.push('}');
        }
        other => write_compact(out, other),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::render::sample::Outcome;
    use crate::rules::body::tests::template;
    use proptest::prelude::*;

    /// Step 2 as a tree: every string of the template with its placeholders replaced.
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn rendered_body_text_is_the_compact_text_of_the_rendered_tree(
            template in template(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
            name in prop::option::of("[a-z\"\\\\\n\u{1}é]{0,5}"),
            score in prop::option::of("-?[0-9]{1,3}(\\.[0-9]{1,2})?(e[0-9]{1,2})?|x\"y"),
        ) {
            let mut sample = SampleData::for_outcome(outcome);
            if let Some(name) = name {
                sample.set("testName", &name).unwrap();
            }
            if let Some(score) = score {
                sample.set("score", &score).unwrap();
            }
            let mut text = String::new();
            write_rendered(&mut text, &template, &sample);
            prop_assert_eq!(text, render_template(&template, &sample).to_compact());
        }
    }
}
