//! The published JSON Schema (`static/webhook.schema.json`) and core agree: every advanced-form
//! example validates against the schema and is valid for core, and each wrong key or value
//! below fails both (the schema rejects it, core reports an error or a warning).

use hookcheck_core::browser::examples::EXAMPLES;
use hookcheck_core::{check, Severity};

const SCHEMA: &str = include_str!("../../../static/webhook.schema.json");

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

fn schema_accepts(validator: &jsonschema::Validator, text: &str) -> bool {
    let instance: serde_json::Value = serde_json::from_str(text).expect("the case is JSON");
    validator.is_valid(&instance)
}

/// Core's verdict: no error and no warning.
fn core_accepts(text: &str) -> bool {
    let report = check(text, None);
    report.is_valid()
        && report
            .diagnostics
            .iter()
            .all(|d| d.severity() > Severity::Warning)
}

#[test]
fn the_schema_is_a_2020_12_schema() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    validator();
}

#[test]
fn every_advanced_form_example_validates_in_both() {
    let validator = validator();
    let mut checked = 0;
    for example in EXAMPLES {
        // The bare URL and run options are not the advanced form; the broken example is
        // not JSON.
        if !example.text.starts_with('{')
            || serde_json::from_str::<serde_json::Value>(example.text).is_err()
        {
            continue;
        }
        assert!(
            schema_accepts(&validator, example.text),
            "schema rejects {}",
            example.name
        );
        assert!(
            check(example.text, None).is_valid(),
            "core rejects {}",
            example.name
        );
        checked += 1;
    }
    assert!(
        checked >= 5,
        "only {checked} examples are in the advanced form"
    );
}

#[test]
fn wrong_keys_and_values_fail_both() {
    let validator = validator();
    let cases = [
        // keys
        r#"{"url": "https://example.com/h", "header": {"a": "b"}}"#,
        r#"{"url": "https://example.com/h", "fieldName": "x"}"#,
        r#"{"url": "https://example.com/h", "method": "PUT"}"#,
        r#"{"format": "json/object"}"#,
        r#"{"url": "https://example.com/h", "topicArn": "arn:aws:sns:us-east-1:123456789012:t"}"#,
        r#"{"provider": "aws-sns", "region": "us-east-1"}"#,
        r#"{"provider": "aws-sns", "url": "https://example.com/h", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "region": "us-east-1"}"#,
        // values
        r#"{"url": "https://example.com/h", "format": "json"}"#,
        r#"{"url": "https://example.com/h", "format": "JSON/object"}"#,
        r#"{"url": "https://example.com/h", "format": 1}"#,
        r#"{"url": 42}"#,
        r#"{"url": "ftp://example.com/h"}"#,
        r#"{"url": "https://example.com/h", "headers": ["a"]}"#,
        r#"{"url": "https://example.com/h", "headers": {"bad name": "x"}}"#,
        r#"{"url": "https://example.com/h", "fieldname": ""}"#,
        r#"{"url": "https://example.com/h", "fieldname": 3}"#,
        r#"{"url": "https://example.com/h", "body": "text"}"#,
        r#"{"provider": "sns", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "region": "us-east-1"}"#,
        r#"{"provider": "aws-sns", "topicArn": "not-an-arn", "region": "us-east-1"}"#,
        r#"{"provider": "aws-sns", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "region": "Mars"}"#,
        r#"{"provider": "aws-sns", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "region": "us-east-1", "accessKeyId": "AKIAIOSFODNN7EXAMPLE"}"#,
        r#"{"provider": "aws-sns", "topicArn": "arn:aws:sns:us-east-1:123456789012:t", "region": "us-east-1", "roleArn": "role"}"#,
    ];
    for text in cases {
        assert!(!schema_accepts(&validator, text), "schema accepts {text}");
        assert!(!core_accepts(text), "core accepts {text}");
    }
}
