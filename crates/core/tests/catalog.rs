//! The rule catalog (`docs/rules.md`) against the rules themselves, so that it cannot rot:
//! one section per code in `Rule::ALL` order, the right severity, a `failing` example that
//! raises its rule, a `fixed` example that does not, and every offered fix that works. A
//! section's examples are checked as the webhook of the product its `**Product:**` line
//! names (`test` when it has none).

use hookcheck_core::{check_with, LocatedDiagnostic, Options, Product, Rule, Severity};

const CATALOG: &str = include_str!("../../../docs/rules.md");

/// Codes whose example cannot be written on a page.
const WITHOUT_EXAMPLE: [&str; 1] = ["input-too-large"];

/// One `### \`code\`` section of the catalog.
#[derive(Debug)]
struct Section {
    code: String,
    severity: Option<String>,
    failing: Vec<String>,
    fixed: Vec<String>,
    product: Product,
}

/// Every diagnostic of `text` as `product`'s webhook.
fn located(text: &str, product: Product) -> Vec<LocatedDiagnostic> {
    let options = Options {
        product,
        ..Options::default()
    };
    check_with(text, &options).located(text)
}

fn codes(text: &str, product: Product) -> Vec<&'static str> {
    located(text, product).iter().map(|d| d.code).collect()
}

fn count(text: &str, code: &str, product: Product) -> usize {
    located(text, product)
        .iter()
        .filter(|d| d.code == code)
        .count()
}

/// Every section, in document order. Fenced blocks are read line by line; a block's text is
/// its lines joined by `\n` (so the newline before the closing fence is not part of it).
fn sections() -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut lines = CATALOG.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix("### ") {
            let code = heading
                .strip_prefix('`')
                .and_then(|h| h.strip_suffix('`'))
                .unwrap_or_else(|| panic!("a rule heading is `### \\`code\\``: {line:?}"));
            sections.push(Section {
                code: code.to_string(),
                severity: None,
                failing: Vec::new(),
                fixed: Vec::new(),
                product: Product::Test,
            });
        } else if line.starts_with("## ") || line.starts_with("# ") {
            continue;
        } else if let Some(info) = line.strip_prefix("```") {
            let mut block = Vec::new();
            for inner in lines.by_ref() {
                if inner == "```" {
                    break;
                }
                block.push(inner);
            }
            let Some(section) = sections.last_mut() else {
                continue;
            };
            let text = block.join("\n");
            match info {
                "failing" => section.failing.push(text),
                "fixed" => section.fixed.push(text),
                other => panic!("`{}`: unknown block kind {other:?}", section.code),
            }
        } else if let Some(severity) = line.strip_prefix("**Severity:** ") {
            if let Some(section) = sections.last_mut() {
                section.severity = Some(severity.trim().to_string());
            }
        } else if let Some(product) = line.strip_prefix("**Product:** ") {
            if let Some(section) = sections.last_mut() {
                let id = product.trim().trim_matches('`');
                section.product =
                    Product::parse(id).unwrap_or_else(|| panic!("unknown product {id:?}"));
            }
        }
    }
    sections
}

fn section(code: &str) -> Option<Section> {
    sections().into_iter().find(|s| s.code == code)
}

#[test]
fn every_rule_has_a_section() {
    let missing: Vec<_> = Rule::ALL
        .iter()
        .map(|r| r.code())
        .filter(|code| section(code).is_none())
        .collect();
    assert!(missing.is_empty(), "no catalog section for {missing:?}");
}

#[test]
fn no_section_for_an_unknown_code() {
    let unknown: Vec<_> = sections()
        .into_iter()
        .map(|s| s.code)
        .filter(|code| Rule::from_code(code).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "catalog sections for unknown codes {unknown:?}"
    );
}

#[test]
fn sections_follow_the_order_of_rule_all_once_each() {
    let documented: Vec<_> = sections().into_iter().map(|s| s.code).collect();
    let all: Vec<_> = Rule::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(documented, all);
}

#[test]
fn every_section_states_the_rule_severity() {
    for section in sections() {
        let rule = Rule::from_code(&section.code).expect("a known code");
        assert_eq!(
            section.severity.as_deref(),
            Some(rule.severity().as_str()),
            "`{}`",
            section.code
        );
    }
}

#[test]
fn every_section_but_the_unwritable_ones_has_one_failing_example() {
    for section in sections() {
        let expected = usize::from(!WITHOUT_EXAMPLE.contains(&section.code.as_str()));
        assert_eq!(section.failing.len(), expected, "`{}`", section.code);
        assert!(section.fixed.len() <= 1, "`{}`", section.code);
    }
}

/// The examples (failing or fixed, as `examples` picks) whose raising of their section's
/// rule is not `should_raise`, each with the codes it does raise.
fn examples_that_miss(examples: fn(&Section) -> &Vec<String>, should_raise: bool) -> Vec<String> {
    let mut wrong = Vec::new();
    for section in sections() {
        for example in examples(&section) {
            if (count(example, &section.code, section.product) > 0) != should_raise {
                wrong.push(format!(
                    "`{}`: {example:?} raises {:?}",
                    section.code,
                    codes(example, section.product)
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_failing_example_raises_its_rule() {
    let wrong = examples_that_miss(|section| &section.failing, true);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_fixed_example_does_not_raise_its_rule() {
    let wrong = examples_that_miss(|section| &section.fixed, false);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn fixed_examples_of_errors_are_valid() {
    let mut wrong = Vec::new();
    for section in sections() {
        for example in &section.fixed {
            let errors: Vec<_> = located(example, section.product)
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.code)
                .collect();
            if !errors.is_empty() {
                wrong.push(format!(
                    "`{}`: {example:?} has errors {errors:?}",
                    section.code
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_offered_fix_clears_its_diagnostic() {
    let mut wrong = Vec::new();
    let mut tried = 0;
    for section in sections() {
        for example in &section.failing {
            let before = located(example, section.product);
            for d in before.iter().filter(|d| d.fix.is_some()) {
                tried += 1;
                let count = |text: &str| count(text, d.code, section.product);
                match d.fix.as_ref().and_then(|f| f.apply(example)) {
                    None => wrong.push(format!("`{}` in {example:?}: fix does not fit", d.code)),
                    Some(fixed) if count(&fixed) >= count(example) => wrong.push(format!(
                        "`{}` in {example:?}: fixed to {fixed:?}, still {:?}",
                        d.code,
                        codes(&fixed, section.product)
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    assert!(tried > 20, "only {tried} fixes tried");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
