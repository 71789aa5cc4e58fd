//! The body template, and its rendering as compact JSON text.
//!
//! The request needs the rendered body only as text, for each of the three outcomes.
//! Building a rendered [`Json`] tree (every key and string copied) and printing it, per
//! outcome, cost more than anything else in the pipeline. Instead the template's compact
//! text is written once, with a hole at each string that holds a placeholder; each render
//! copies that text and fills the holes. The result is the text that
//! `render_template(template, sample).to_compact()` gives (a property test holds them
//! together).

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::OnceLock;

use crate::json::stringify::{compact_len_estimate, needs_escape, write_compact, write_escaped};
use crate::json::Json;
use crate::sample::SampleData;
use crate::template::{Part, Template};
use crate::variables::DOCUMENTED;

/// The `body` of a webhook: the template as JavaScript holds it after `JSON.parse` (what
/// it dereferences to), and, made on its first render and kept, its compact text split at
/// its placeholder strings. Immutable, so that the two cannot disagree.
#[derive(Clone, Debug)]
pub struct BodyTemplate {
    json: Json,
    compiled: OnceLock<Compiled>,
}

/// A template's compact text with a hole at each `<% this.NAME %>` placeholder. JSON
/// escapes one character at a time, so a string's escaped text is the escaped text of its
/// literal parts and of the values put between them: only the values are left to write.
#[derive(Clone, Debug, Default)]
struct Compiled {
    /// Everything else, escaped and quoted: keys, punctuation, numbers, text.
    literal: String,
    /// Where each value goes in `literal`, in order, and the variable it is (its index
    /// in [`DOCUMENTED`]). Placeholders of names that are not documented variables render
    /// as "" whatever the sample holds (it holds only documented ones): they leave no hole.
    holes: Vec<(usize, u8)>,
    /// How many holes each variable has.
    uses: [usize; DOCUMENTED.len()],
}

impl BodyTemplate {
    pub fn new(json: Json) -> Self {
        BodyTemplate {
            json,
            compiled: OnceLock::new(),
        }
    }

    pub fn json(&self) -> &Json {
        &self.json
    }

    pub fn into_json(self) -> Json {
        self.json
    }

    /// Appends the compact JSON text of the template with every placeholder string
    /// rendered from `sample`: keys, order and the other values unchanged.
    pub(crate) fn write_rendered(&self, out: &mut String, sample: &SampleData) {
        let compiled = self.compiled.get_or_init(|| Compiled::new(&self.json));
        // Each variable's value as a template inserts it, escaped as the string around it
        // is, once per render rather than once per placeholder; borrowed when it needs no
        // escape (the sample's strings are plain text).
        let values: [Cow<str>; DOCUMENTED.len()] = std::array::from_fn(|variable| {
            if compiled.uses[variable] == 0 {
                return Cow::Borrowed("");
            }
            match sample.get(DOCUMENTED[variable]) {
                Some(Json::String(value)) if !needs_escape(value) => Cow::Borrowed(value),
                Some(Json::String(value)) => {
                    let mut escaped = String::with_capacity(value.len() + 8);
                    write_escaped(&mut escaped, value);
                    Cow::Owned(escaped)
                }
                Some(other) => {
                    let mut text = String::new();
                    write_compact(&mut text, other);
                    let mut escaped = String::with_capacity(text.len());
                    write_escaped(&mut escaped, &text);
                    Cow::Owned(escaped)
                }
                None => Cow::Borrowed(""),
            }
        });
        // Sized exactly: the literal text and every value at each of its holes.
        let length = compiled.literal.len()
            + (compiled.uses.iter().zip(&values))
                .map(|(&uses, value)| uses * value.len())
                .sum::<usize>();
        out.reserve(length);
        let mut copied = 0;
        for &(at, variable) in &compiled.holes {
            out.push_str(&compiled.literal[copied..at]);
            out.push_str(&values[usize::from(variable)]);
            copied = at;
        }
        out.push_str(&compiled.literal[copied..]);
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
        &self.json
    }
}

/// Two bodies are equal when their templates are (the compiled text follows from them).
impl PartialEq for BodyTemplate {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl Compiled {
    fn new(template: &Json) -> Self {
        let mut compiled = Compiled {
            literal: String::with_capacity(compact_len_estimate(template)),
            holes: Vec::new(),
            uses: [0; DOCUMENTED.len()],
        };
        compiled.write(template);
        compiled
    }

    /// [`write_compact`], with the placeholders left as holes.
    fn write(&mut self, template: &Json) {
        match template {
            Json::String(text) if Template::has_placeholders(text) => {
                self.literal.push('"');
                Template::visit_names(text, |part| match part {
                    Part::Text(text) => write_escaped(&mut self.literal, text),
                    Part::Name(name) => {
                        if let Some(variable) = DOCUMENTED.iter().position(|&d| d == name) {
                            self.holes.push((self.literal.len(), variable as u8));
                            self.uses[variable] += 1;
                        }
                    }
                });
                self.literal.push('"');
            }
            Json::Array(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    self.literal.push_str(if i > 0 { "," } else { "[" });
                    self.write(item);
                }
                self.literal.push(']');
            }
            Json::Object(members) if !members.is_empty() => {
                for (i, (key, item)) in members.iter().enumerate() {
                    self.literal.push_str(if i > 0 { ",\"" } else { "{\"" });
                    write_escaped(&mut self.literal, key);
                    self.literal.push_str("\":");
                    self.write(item);
                }
                self.literal.push('}');
            }
            other => write_compact(&mut self.literal, other),
        }
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
            Just("<%this.resultUrl %>".to_string()),
            Just("<% this.failureReasons%>".to_string()),
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
            let body = BodyTemplate::new(template.clone());
            // Twice: the first render compiles, the second reuses what it compiled.
            for _ in 0..2 {
                let mut ours = String::new();
                body.write_rendered(&mut ours, &sample);
                prop_assert_eq!(ours, render_template(&template, &sample).to_compact());
            }
        }
    }
}
