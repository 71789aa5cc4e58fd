//! Body templates (SPEC §2.4): `<% this.NAME %>` placeholders in the strings of `body`.

mod common;

use common::*;
use hookcheck_core::{check, Severity};

/// An advanced form whose body holds one string: `{"url": …, "body": {"m": "<template>"}}`.
/// `template` is written as JSON string content (escapes allowed).
fn with_template(template: &str) -> String {
    form(&format!(r#""body": {{"m": "{template}"}}"#))
}

/// testRTC's "Variables" table, written out here rather than taken from core's
/// `syntax::variables`, so that the test holds core to the documentation, not to itself.
const DOCUMENTED: [&str; 13] = [
    "testRunId",
    "testName",
    "projectName",
    "runName",
    "runType",
    "status",
    "error",
    "additionalInfo",
    "failureReasons",
    "failureScreenshot",
    "score",
    "resultUrl",
    "concurrentUsers",
];
const FAILURE_ONLY: [&str; 3] = ["error", "failureReasons", "failureScreenshot"];

// ---- what is accepted ---------------------------------------------------------------------

#[test]
fn documented_variables_raise_nothing() {
    for name in DOCUMENTED.iter().filter(|n| !FAILURE_ONLY.contains(n)) {
        assert_clean(&with_template(&format!("<% this.{name} %>")));
    }
}

#[test]
fn white_space_inside_the_delimiters_is_allowed() {
    for template in [
        "<%this.testName%>",
        "<% this.testName %>",
        "<%   this.testName   %>",
        r"<%\tthis.testName\n%>",
    ] {
        assert_clean(&with_template(template));
    }
}

#[test]
fn strings_without_placeholders_raise_nothing() {
    for template in ["plain text", "100% done", "a %> b", "<b>bold</b>"] {
        assert_clean(&with_template(template));
    }
}

#[test]
fn documented_sns_message_only_notes_the_failure_only_variables() {
    let text = with_template(
        r"testRTC Alert for <%this.testName%> <%this.runName%>\nerror:<%this.error%>\nurl:<%this.resultUrl%>\nfailure:<% this.failureScreenshot %>",
    );
    assert_eq!(
        codes(&text),
        [
            "template-failure-only-variable",
            "template-failure-only-variable"
        ]
    );
    assert!(check(&text, None).is_valid());
}

#[test]
fn placeholders_outside_body_are_not_templates() {
    assert!(!codes(&form(r#""fieldname": "<% this.nope %>""#))
        .iter()
        .any(|c| c.starts_with("template-")));
}

// ---- unclosed -----------------------------------------------------------------------------

#[test]
fn unclosed_placeholder_is_an_error_to_the_end_of_the_string() {
    let text = with_template("Run <% this.testName");
    let d = diag(&text, "template-unclosed");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(&text, &d), "<% this.testName");
    assert!(!check(&text, None).is_valid());
}

#[test]
fn unclosed_placeholder_fix_closes_it() {
    let text = with_template("Run <% this.testName");
    let d = diag(&text, "template-unclosed");
    assert_eq!(fix_of(&text, &d), ("", " %>"));
    let fixed = assert_fix_clears(&text, "template-unclosed");
    assert_eq!(fixed, with_template("Run <% this.testName %>"));
    assert_clean(&fixed);
}

#[test]
fn only_the_last_placeholder_can_be_unclosed() {
    let text = with_template("<% this.testName %> and <% this.status");
    let d = diag(&text, "template-unclosed");
    assert_eq!(spanned(&text, &d), "<% this.status");
}

// ---- invalid expressions ------------------------------------------------------------------

#[test]
fn expression_that_is_not_this_dot_name_is_an_error_over_the_placeholder() {
    for template in [
        "<% testName %>",
        "<%= this.testName %>",
        "<% %>",
        "<% this. %>",
        "<% this.testName() %>",
        "<% 1 + 1 %>",
        "<% this[0] %>",
        "<% this.test-name %>",
        "<% that.testName %>",
    ] {
        let text = with_template(template);
        let d = diag(&text, "template-invalid-expression");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), template);
    }
}

#[test]
fn missing_this_gets_a_fix() {
    let text = with_template("<% testName %>");
    let d = diag(&text, "template-invalid-expression");
    assert_eq!(fix_of(&text, &d), ("testName", "this.testName"));
    let fixed = assert_fix_clears(&text, "template-invalid-expression");
    assert_clean(&fixed);
}

#[test]
fn ejs_output_tag_gets_a_fix() {
    let text = with_template("<%= this.status %>");
    let d = diag(&text, "template-invalid-expression");
    assert_eq!(fix_of(&text, &d), ("= this.status", "this.status"));
    assert_clean(&assert_fix_clears(&text, "template-invalid-expression"));
}

#[test]
fn expression_with_no_documented_guess_has_no_fix() {
    for template in ["<% 1 + 1 %>", "<% banana %>", "<% this.testName() %>"] {
        let text = with_template(template);
        assert_eq!(
            diag(&text, "template-invalid-expression").fix,
            None,
            "{template}"
        );
    }
}

// ---- unknown variables --------------------------------------------------------------------

#[test]
fn unknown_variable_is_a_warning_at_its_name() {
    let text = with_template("<% this.banana %>");
    let d = diag(&text, "template-unknown-variable");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), "banana");
    assert_eq!(d.fix, None);
    assert!(d.help.unwrap().contains("testRunId"));
    assert!(check(&text, None).is_valid());
}

#[test]
fn unknown_variable_near_miss_gets_did_you_mean_and_a_fix() {
    for (written, meant) in [
        ("testname", "testName"),
        ("tesRunId", "testRunId"),
        ("resultURL", "resultUrl"),
        ("Status", "status"),
        ("concurentUsers", "concurrentUsers"),
    ] {
        let text = with_template(&format!("<%this.{written}%>"));
        let d = diag(&text, "template-unknown-variable");
        assert_eq!(spanned(&text, &d), written);
        assert_eq!(fix_of(&text, &d), (written, meant));
        assert!(d.help.unwrap().contains(meant));
        assert_fix_clears(&text, "template-unknown-variable");
    }
}

// ---- legacy paths -------------------------------------------------------------------------

#[test]
fn dotted_legacy_path_is_a_warning_over_the_expression() {
    let text = with_template("url:<%this.testRun.usage_report.resultUrl%>");
    let d = diag(&text, "template-legacy-path");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), "this.testRun.usage_report.resultUrl");
    assert!(!raises(&text, "template-unknown-variable"));
}

#[test]
fn legacy_path_ending_in_a_documented_variable_gets_a_fix() {
    let text = with_template("url:<%this.testRun.usage_report.resultUrl%>");
    let d = diag(&text, "template-legacy-path");
    assert_eq!(
        fix_of(&text, &d),
        ("testRun.usage_report.resultUrl", "resultUrl")
    );
    let fixed = assert_fix_clears(&text, "template-legacy-path");
    assert_eq!(fixed, with_template("url:<%this.resultUrl%>"));
}

#[test]
fn legacy_path_ending_elsewhere_has_no_fix() {
    let text = with_template("<% this.results.foo %>");
    assert_eq!(diag(&text, "template-legacy-path").fix, None);
}

// ---- failure-only variables ---------------------------------------------------------------

#[test]
fn failure_only_variable_is_info_at_its_name() {
    for name in FAILURE_ONLY {
        let text = with_template(&format!("<% this.{name} %>"));
        let d = diag(&text, "template-failure-only-variable");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(spanned(&text, &d), name);
        assert_eq!(d.fix, None);
    }
}

// ---- where placeholders are found ---------------------------------------------------------

#[test]
fn every_placeholder_in_a_string_is_checked() {
    let text = with_template("<% this.aaaaaaa %> and <% this.bbbbbbb %>");
    let found: Vec<_> = diags(&text, "template-unknown-variable")
        .iter()
        .map(|d| spanned(&text, d).to_string())
        .collect();
    assert_eq!(found, ["aaaaaaa", "bbbbbbb"]);
}

#[test]
fn placeholders_in_nested_objects_and_arrays_are_checked() {
    let text = form(r#""body": {"a": {"b": ["x", {"c": "<% this.banana %>"}]}, "n": 1}"#);
    let d = diag(&text, "template-unknown-variable");
    assert_eq!(spanned(&text, &d), "banana");
}

#[test]
fn several_strings_are_reported_in_text_order() {
    let text = form(r#""body": {"a": "<% this.zzzzzzz %>", "b": "<% this.yyyyyyy %>"}"#);
    let found: Vec<_> = diags(&text, "template-unknown-variable")
        .iter()
        .map(|d| spanned(&text, d).to_string())
        .collect();
    assert_eq!(found, ["zzzzzzz", "yyyyyyy"]);
}

#[test]
fn placeholder_in_an_escaped_string_points_at_the_whole_string_without_a_fix() {
    let text = form(r#""body": {"m": "\"<% this.testname %>\""}"#);
    let d = diag(&text, "template-unknown-variable");
    assert_eq!(spanned(&text, &d), r#""\"<% this.testname %>\"""#);
    assert_eq!(d.fix, None);
}

#[test]
fn placeholder_after_non_ascii_text_points_at_the_right_bytes() {
    let text = with_template("Résultat ✓ <% this.testname %>");
    let d = diag(&text, "template-unknown-variable");
    assert_eq!(spanned(&text, &d), "testname");
    assert_fix_clears(&text, "template-unknown-variable");
}
