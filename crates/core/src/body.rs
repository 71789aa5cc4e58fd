//! The rendered body template as compact JSON text, written in one pass.
//!
//! The request needs the body only as text. Building the rendered [`Json`] tree first (every
//! key and string copied, for each of the three outcomes) and then printing it cost more
//! than the printing itself; this walks the template once and writes the text that
//! `render_template(template, sample).to_compact()` would give, with no tree in between.

use crate::json::stringify::{write_compact, write_escaped, write_string};
use crate::json::Json;
use crate::sample::SampleData;
use crate::template::Template;

/// Appends the compact JSON text of `template` with every placeholder string rendered
/// from `sample`: keys, order and the other values unchanged.
pub(crate) fn write_rendered(out: &mut String, template: &Json, sample: &SampleData) {
    let mut scratch = String::new();
    write_value(out, template, sample, &mut scratch);
}

/// `scratch` holds one rendered string at a time, so a body allocates it once.
fn write_value(out: &mut String, template: &Json, sample: &SampleData, scratch: &mut String) {
    match template {
        Json::String(text) if Template::has_placeholders(text) => {
            scratch.clear();
            Template::render_names_into(
                text,
                |name, buffer| sample.write_template_text(name, buffer),
                scratch,
            );
            write_string(out, scratch);
        }
        Json::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i > 0 { "," } else { "[" });
                write_value(out, item, sample, scratch);
            }
            out.push(']');
        }
        Json::Object(members) if !members.is_empty() => {
            for (i, (key, item)) in members.iter().enumerate() {
                out.push_str(if i > 0 { ",\"" } else { "{\"" });
                write_escaped(out, key);
                out.push_str("\":");
                write_value(out, item, sample, scratch);
            }
            out.push('}');
        }
        other => write_compact(out, other),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::request::render_template;
    use crate::sample::Outcome;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let fragment = prop_oneof![
            Just("<% this.testName %>".to_string()),
            Just("<%this.score%>".to_string()),
            Just("<% this.error %>".to_string()),
            Just("<% this.a.b %>".to_string()),
            Just("<% this.nope %>".to_string()),
            Just("<%".to_string()),
            Just("%>".to_string()),
            Just("\"\\\n\u{1}é✓".to_string()),
            "\\PC{0,5}",
        ];
        prop::collection::vec(fragment, 0..5).prop_map(|parts| parts.concat())
    }

    /// Body templates: nesting, placeholders (valid, unknown, dotted, unclosed), escapes.
    pub(crate) fn template() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<f64>().prop_map(Json::Number),
            (-1e6f64..1e6).prop_map(Json::Number),
            text().prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec((text(), inner), 0..6).prop_map(Json::Object),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn rendered_body_text_is_the_compact_text_of_the_rendered_tree(
            template in template(),
            outcome in prop::sample::select(Outcome::ALL.to_vec()),
        ) {
            let sample = SampleData::for_outcome(outcome);
            let mut ours = String::new();
            write_rendered(&mut ours, &template, &sample);
            prop_assert_eq!(ours, render_template(&template, &sample).to_compact());
        }
    }
}
