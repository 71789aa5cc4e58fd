//! Stage 2, products: the testRTC products whose webhooks share the field and its formats
//! (SPEC §6), as data. One declaration per product (`product/*.rs`) says what it sends (its
//! outcomes, each a preview tab), its documented sample payload, its CloudEvents `ce-type`
//! and where that comes from, and whether testRTC documents body templates for it; this
//! file reads the declarations, and `docs/testrtc.md`'s table is held to them by a test
//! (`crates/core/tests/products.rs`).

mod qualityrtc;
mod testingrtc;
mod watchrtc;

use std::sync::OnceLock;

use crate::syntax::json::{self, Json};
use crate::syntax::variables::Vocabulary;

/// A testRTC product whose webhook hookcheck checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Product {
    /// testingRTC tests and upRTC monitors: the end-of-run webhook.
    #[default]
    Test,
    /// watchRTC custom alerts: one call per closed room with alerts.
    WatchRtc,
    /// qualityRTC network-test results.
    QualityRtc,
}

/// What a webhook call is about: one tab of the preview, with its own sample data. Each
/// outcome belongs to one product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// A test or monitor run that completed.
    #[default]
    Success,
    /// A run that ended with warnings.
    Warnings,
    /// A run that failed.
    Failure,
    /// A watchRTC room with custom alerts.
    Alert,
    /// A qualityRTC network test's result.
    Result,
}

/// One product's webhook, as testRTC documents it.
#[derive(Debug)]
pub struct Declaration {
    pub product: Product,
    /// The stable id: `--product`, share links, the embed's `product=` and the JS API.
    pub id: &'static str,
    /// Its name in testRTC's words.
    pub name: &'static str,
    /// What its data is called in messages: `the watchRTC alert`.
    pub data: &'static str,
    /// What it sends, one preview tab each, in tab order (each declared in [`OUTCOMES`]).
    pub outcomes: &'static [Outcome],
    /// The `ce-type` header of `"format": "cloudevent"`.
    pub ce_type: Fact,
    /// The payload's path whose value is the `ce-id` header (assumed for every product).
    pub ce_id: Fact,
    /// Whether testRTC documents body templates for it; when not, a `body` is a warning
    /// that quotes both sources ([`TEMPLATES_CONFLICT`]).
    pub templates_documented: bool,
}

/// One outcome of a product: its declaration sits beside the product's.
#[derive(Debug)]
pub struct OutcomeDeclaration {
    pub outcome: Outcome,
    /// The preview tab's title: what the product sends.
    pub tab: &'static str,
    pub sample: Sample,
}

/// The data of one outcome.
#[derive(Debug)]
pub enum Sample {
    /// testingRTC's template variables, each editable (`render::sample` builds them), with
    /// this `status`.
    Variables { status: &'static str },
    /// A payload testRTC shows as an example, as compact JSON text, edited as JSON.
    Payload {
        json: &'static str,
        documented: bool,
        /// Where it comes from, in one sentence.
        source: &'static str,
    },
}

/// A value testRTC sends and where hookcheck has it from.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub value: &'static str,
    pub documented: bool,
    /// The source, or the assumption, in one sentence.
    pub source: &'static str,
}

/// What testRTC's two articles say about body templates outside testingRTC and upRTC: the
/// `template-product-undocumented` warning quotes both.
pub const TEMPLATES_CONFLICT: [&str; 2] = [
    "the \"Webhook formats\" article says custom body templating is not available for all products and works only with testingRTC and upRTC",
    "\"Webhooks in testRTC\" says its content, Data Mapping custom templates included, applies to all testRTC products",
];

/// Every product's declaration, in `Product` order.
pub const PRODUCTS: [&Declaration; 3] = [
    &testingrtc::TEST,
    &watchrtc::WATCHRTC,
    &qualityrtc::QUALITYRTC,
];

/// Every outcome's declaration, in [`Outcome::EVERY`] order.
pub const OUTCOMES: [&OutcomeDeclaration; 5] = [
    &testingrtc::SUCCESS,
    &testingrtc::WARNINGS,
    &testingrtc::FAILURE,
    &watchrtc::ALERT,
    &qualityrtc::RESULT,
];

impl Product {
    pub const ALL: [Product; 3] = [Product::Test, Product::WatchRtc, Product::QualityRtc];

    pub fn declaration(self) -> &'static Declaration {
        PRODUCTS[self as usize]
    }

    /// `test`, `watchrtc` or `qualityrtc`.
    pub fn as_str(self) -> &'static str {
        self.declaration().id
    }

    pub fn parse(s: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Its name: `testingRTC and upRTC`, `watchRTC`, `qualityRTC`.
    pub fn name(self) -> &'static str {
        self.declaration().name
    }

    /// What its data is called in messages: `the watchRTC alert`.
    pub fn data(self) -> &'static str {
        self.declaration().data
    }

    /// What a body template of this product reads: testRTC's variables, or the payload's
    /// paths.
    pub fn vocabulary(self) -> Vocabulary<'static> {
        match self {
            Product::Test => Vocabulary::Testrtc,
            _ => Vocabulary::Payload {
                paths: self.path_names(),
                what: self.data(),
            },
        }
    }

    /// Its outcomes, in tab order.
    pub fn outcomes(self) -> &'static [Outcome] {
        self.declaration().outcomes
    }

    /// The outcome shown first.
    pub fn first_outcome(self) -> Outcome {
        self.outcomes()[0]
    }

    pub fn templates_documented(self) -> bool {
        self.declaration().templates_documented
    }

    /// The paths a body template may read from the product's payload (`room_id`,
    /// `project.name`): every member reached through objects, in payload order, with its
    /// sample value. Empty for `test`, whose variables are testRTC's documented names.
    pub fn paths(self) -> &'static [Path] {
        static PATHS: [OnceLock<Vec<Path>>; 3] = [const { OnceLock::new() }; 3];
        PATHS[self as usize].get_or_init(|| {
            let mut paths = Vec::new();
            for outcome in self.outcomes() {
                if let Some(payload) = outcome.payload() {
                    collect_paths(payload, "", &mut paths);
                }
            }
            paths
        })
    }

    /// The names of [`Product::paths`].
    pub fn path_names(self) -> &'static [String] {
        static NAMES: [OnceLock<Vec<String>>; 3] = [const { OnceLock::new() }; 3];
        NAMES[self as usize].get_or_init(|| self.paths().iter().map(|p| p.name.clone()).collect())
    }
}

/// A path into a product's payload, for templates and the sample's `--set`.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// Dotted: `project.name`.
    pub name: String,
    /// Its value in the documented sample.
    pub sample: &'static Json,
}

/// Every member of `value` reached through objects, below `prefix`.
fn collect_paths(value: &'static Json, prefix: &str, out: &mut Vec<Path>) {
    let Json::Object(members) = value else {
        return;
    };
    for (key, value) in members {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        out.push(Path {
            name: name.clone(),
            sample: value,
        });
        collect_paths(value, &name, out);
    }
}

impl Outcome {
    /// Every product's outcomes, in product then tab order: where state kept for each
    /// outcome is stored. Iterate a product's own with [`Product::outcomes`].
    pub const EVERY: [Outcome; 5] = [
        Outcome::Success,
        Outcome::Warnings,
        Outcome::Failure,
        Outcome::Alert,
        Outcome::Result,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Warnings => "warnings",
            Outcome::Failure => "failure",
            Outcome::Alert => "alert",
            Outcome::Result => "result",
        }
    }

    /// Any product's outcome by its id.
    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::EVERY.into_iter().find(|o| o.as_str() == s)
    }

    /// Its position in [`Outcome::EVERY`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The product that sends it.
    pub fn product(self) -> Product {
        match self {
            Outcome::Success | Outcome::Warnings | Outcome::Failure => Product::Test,
            Outcome::Alert => Product::WatchRtc,
            Outcome::Result => Product::QualityRtc,
        }
    }

    pub fn declaration(self) -> &'static OutcomeDeclaration {
        OUTCOMES[self.index()]
    }

    /// The preview tab's title: `Success`, `Alert`.
    pub fn tab(self) -> &'static str {
        self.declaration().tab
    }

    /// The documented example payload, parsed once; `None` for testingRTC's outcomes, whose
    /// data is its variables.
    pub fn payload(self) -> Option<&'static Json> {
        static PAYLOADS: [OnceLock<Option<Json>>; 5] = [const { OnceLock::new() }; 5];
        PAYLOADS[self.index()]
            .get_or_init(|| match self.declaration().sample {
                Sample::Payload { json, .. } => json::read_strict(json),
                Sample::Variables { .. } => None,
            })
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_declaration_is_at_its_product_s_place() {
        for product in Product::ALL {
            assert_eq!(product.declaration().product, product);
            assert_eq!(Product::parse(product.as_str()), Some(product));
        }
    }

    #[test]
    fn every_outcome_belongs_to_the_one_product_that_declares_it() {
        for (index, outcome) in Outcome::EVERY.into_iter().enumerate() {
            assert_eq!(outcome.index(), index);
            assert_eq!(outcome.declaration().outcome, outcome);
            assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
            let declaring: Vec<Product> = Product::ALL
                .into_iter()
                .filter(|p| p.outcomes().contains(&outcome))
                .collect();
            assert_eq!(declaring, [outcome.product()], "{outcome:?}");
        }
    }

    #[test]
    fn every_payload_sample_is_a_json_object() {
        for outcome in Outcome::EVERY {
            match outcome.declaration().sample {
                Sample::Payload { .. } => {
                    assert!(
                        matches!(outcome.payload(), Some(Json::Object(_))),
                        "{outcome:?}"
                    )
                }
                Sample::Variables { .. } => assert_eq!(outcome.payload(), None),
            }
        }
    }

    #[test]
    fn a_product_s_paths_reach_through_objects_not_arrays() {
        let names = Product::WatchRtc.path_names();
        assert!(names.iter().any(|n| n == "project.name"), "{names:?}");
        assert!(names.iter().any(|n| n == "peers"));
        assert!(!names.iter().any(|n| n.starts_with("peers.")));
        assert!(Product::Test.paths().is_empty());
    }
}
