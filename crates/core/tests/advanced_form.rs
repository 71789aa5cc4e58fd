//! The keys of the advanced form (SPEC §2.3), one behaviour per test, through `check`.

mod common;

use common::*;
use hookcheck_core::{check, Format, Severity, Target};

// ---- url ----------------------------------------------------------------------------------

#[test]
fn documented_minimal_form_is_clean() {
    assert_clean(&form(""));
}

#[test]
fn documented_headers_example_only_warns_about_plain_http_and_retired_mockbin() {
    let text = r#"{"url": "http://mockbin.org/bin/4cb03fa6-d1aa-4533-a857-11d90293a4e8", "headers": {"custom-webhook-header": "web-testrtc-webhook"}}"#;
    assert_eq!(codes(text), ["destination-retiring", "url-insecure-http"]);
    assert!(check(text, None).is_valid());
}

#[test]
fn missing_url_is_url_required_at_the_opening_brace() {
    let text = r#"{"format": "json/object"}"#;
    let d = diag(text, "url-required");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(text, &d), "{");
    assert!(!check(text, None).is_valid());
}

#[test]
fn empty_object_is_url_required() {
    assert_eq!(codes("{}"), ["url-required"]);
}

#[test]
fn provider_makes_url_optional() {
    let text = r#"{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}"#;
    assert!(!raises(text, "url-required"));
}

#[test]
fn url_that_is_not_a_string_is_wrong_type() {
    for (text, value) in [
        (r#"{"url": 42}"#, "42"),
        (r#"{"url": null}"#, "null"),
        (
            r#"{"url": ["https://example.com"]}"#,
            r#"["https://example.com"]"#,
        ),
        (
            r#"{"url": {"href": "https://example.com"}}"#,
            r#"{"href": "https://example.com"}"#,
        ),
    ] {
        let d = diag(text, "key-wrong-type");
        assert_eq!(spanned(text, &d), value, "{text}");
        assert_eq!(d.severity, Severity::Error);
    }
}

#[test]
fn url_value_gets_the_url_rules_with_spans_inside_the_string() {
    for (text, code, part) in [
        (r#"{"url": "ftp://example.com/x"}"#, "url-scheme", "ftp"),
        (
            r#"{"url": "http://example.com/x"}"#,
            "url-insecure-http",
            "http",
        ),
        (
            r#"{"url": "https://localhost/x"}"#,
            "url-unreachable-host",
            "localhost",
        ),
        (
            r#"{"url": "https://user:pw@example.com/x"}"#,
            "url-credentials",
            "user:pw@",
        ),
        (
            r#"{"url": "https://mockbin.org/bin/abc?foo=bar&foo=baz"}"#,
            "url-mockbin-sample-query",
            "?foo=bar&foo=baz",
        ),
        (
            r#"{"url": "https://exa mple.com/x"}"#,
            "url-whitespace",
            " ",
        ),
        (
            r#"{"url": "example.com/x"}"#,
            "url-invalid",
            "example.com/x",
        ),
    ] {
        let d = diag(text, code);
        assert_eq!(spanned(text, &d), part, "{text}");
    }
}

#[test]
fn url_fix_applies_to_the_whole_text() {
    let text = r#"{"url": "http://example.com/x"}"#;
    let fixed = assert_fix_clears(text, "url-insecure-http");
    assert_eq!(fixed, r#"{"url": "https://example.com/x"}"#);
}

#[test]
fn url_diagnostic_in_an_escaped_string_points_at_the_whole_string_without_a_fix() {
    let text = r#"{"url": "http:\/\/example.com\/x"}"#;
    let d = diag(text, "url-insecure-http");
    assert_eq!(spanned(text, &d), r#""http:\/\/example.com\/x""#);
    assert_eq!(d.fix, None);
}

// ---- key types ----------------------------------------------------------------------------

#[test]
fn keys_with_the_wrong_json_type_are_errors_at_the_value() {
    for (members, value) in [
        (r#""format": 1"#, "1"),
        (r#""format": ["json/text"]"#, r#"["json/text"]"#),
        (r#""headers": []"#, "[]"),
        (r#""headers": "Authorization: x""#, r#""Authorization: x""#),
        (r#""fieldname": true"#, "true"),
        (r#""fieldname": {"name": "x"}"#, r#"{"name": "x"}"#),
        (r#""body": "text""#, r#""text""#),
        (r#""body": [1, 2]"#, "[1, 2]"),
        (r#""body": null"#, "null"),
    ] {
        let text = form(members);
        let d = diag(&text, "key-wrong-type");
        assert_eq!(spanned(&text, &d), value, "{text}");
        assert_eq!(d.severity, Severity::Error, "{text}");
    }
}

#[test]
fn wrong_type_message_names_the_key_and_the_type_found() {
    let d = diag(&form(r#""fieldname": 7"#), "key-wrong-type");
    assert!(d.message.contains("`fieldname`"), "{}", d.message);
    assert!(d.message.contains("a number"), "{}", d.message);
}

// ---- format -------------------------------------------------------------------------------

#[test]
fn the_three_documented_formats_are_accepted() {
    for (name, format) in [
        ("json/object", Format::JsonObject),
        ("json/text", Format::JsonText),
        ("cloudevent", Format::CloudEvent),
    ] {
        let text = form(&format!(r#""format": "{name}""#));
        assert_clean(&text);
        assert_eq!(config(&text).format, format, "{name}");
    }
}

#[test]
fn absent_format_is_json_object() {
    assert_eq!(config(&form("")).format, Format::JsonObject);
}

#[test]
fn format_near_miss_gets_a_fix() {
    for (written, meant) in [
        ("JSON/Object", "json/object"),
        ("json", "json/object"),
        ("Json/Text", "json/text"),
        ("json/txt", "json/text"),
        ("text", "json/text"),
        ("cloudevents", "cloudevent"),
        ("CloudEvent", "cloudevent"),
        ("cloud-event", "cloudevent"),
    ] {
        let text = form(&format!(r#""format": "{written}""#));
        let d = diag(&text, "format-unknown");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), format!("\"{written}\""));
        assert_eq!(
            fix_of(&text, &d),
            (
                format!("\"{written}\"").as_str(),
                format!("\"{meant}\"").as_str()
            ),
            "{written}"
        );
        assert_fix_clears(&text, "format-unknown");
    }
}

#[test]
fn format_far_from_any_known_one_has_no_fix() {
    let text = form(r#""format": "xml""#);
    let d = diag(&text, "format-unknown");
    assert_eq!(spanned(&text, &d), r#""xml""#);
    assert_eq!(d.fix, None);
    assert!(d.help.unwrap().contains("json/object"));
}

#[test]
fn format_is_case_sensitive() {
    assert!(raises(
        &form(r#""format": "JSON/OBJECT""#),
        "format-unknown"
    ));
}

// ---- headers ------------------------------------------------------------------------------

#[test]
fn headers_are_kept_in_their_order() {
    let text = form(
        r#""headers": {"X-B": "2", "X-A": "1", "custom-webhook-header": "web-testrtc-webhook"}"#,
    );
    assert_clean(&text);
    let config = config(&text);
    let headers: Vec<(&str, &str)> = (config.headers.iter())
        .map(|(name, value)| (&**name, &**value))
        .collect();
    assert_eq!(
        headers,
        [
            ("X-B", "2"),
            ("X-A", "1"),
            ("custom-webhook-header", "web-testrtc-webhook"),
        ]
    );
}

#[test]
fn header_value_that_is_not_a_string_is_an_error_at_the_value() {
    for (value, fix) in [
        ("42", Some("\"42\"")),
        ("true", Some("\"true\"")),
        ("null", None),
        ("[\"a\"]", None),
        ("{\"a\": 1}", None),
    ] {
        let text = form(&format!(r#""headers": {{"X-Count": {value}}}"#));
        let d = diag(&text, "header-value-not-string");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), value);
        assert_eq!(
            d.fix.as_ref().map(|f| f.replacement.as_str()),
            fix,
            "{value}"
        );
    }
}

#[test]
fn quoting_a_numeric_header_value_clears_it() {
    let text = form(r#""headers": {"X-Count": 42}"#);
    assert_fix_clears(&text, "header-value-not-string");
}

#[test]
fn header_name_that_is_not_a_token_is_an_error_at_the_name() {
    for name in [
        "X Custom",
        "X-Custom:",
        "",
        "Authorization: Bearer",
        "é-header",
        "X(1)",
    ] {
        let quoted = format!("\"{name}\"");
        let text = form(&format!(r#""headers": {{{quoted}: "v"}}"#));
        let d = diag(&text, "header-name-invalid");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), quoted);
    }
}

#[test]
fn header_name_with_surrounding_spaces_gets_a_fix() {
    let text = form(r#""headers": {" X-Custom ": "v"}"#);
    let d = diag(&text, "header-name-invalid");
    assert_eq!(fix_of(&text, &d), (r#"" X-Custom ""#, r#""X-Custom""#));
    assert_fix_clears(&text, "header-name-invalid");
}

#[test]
fn header_value_with_newline_is_injection() {
    for value in [
        r#""a\r\nX-Evil: 1""#,
        r#""line\n""#,
        r#""cr\r""#,
        r#""nul\u0000""#,
    ] {
        let text = form(&format!(r#""headers": {{"X-Note": {value}}}"#));
        let d = diag(&text, "header-value-injection");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), value);
    }
}

#[test]
fn header_value_empty_is_a_warning() {
    for value in [r#""""#, r#""   ""#] {
        let text = form(&format!(r#""headers": {{"X-Note": {value}}}"#));
        let d = diag(&text, "header-value-empty");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(spanned(&text, &d), value);
        assert!(check(&text, None).is_valid());
    }
}

#[test]
fn same_header_twice_ignoring_case_points_at_the_second() {
    let text = form(r#""headers": {"X-Trace": "1", "x-trace": "2"}"#);
    let d = diag(&text, "header-duplicate");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), r#""x-trace""#);
    assert_eq!(d.start, text.rfind(r#""x-trace""#).unwrap());
}

#[test]
fn header_a_browser_will_not_set_is_info() {
    for name in [
        "Host",
        "Content-Length",
        "Cookie",
        "Origin",
        "Referer",
        "Connection",
        "Sec-Fetch-Mode",
        "Proxy-Foo",
        "transfer-encoding",
    ] {
        let text = form(&format!(r#""headers": {{"{name}": "x"}}"#));
        let d = diag(&text, "header-forbidden-in-browser");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(spanned(&text, &d), format!("\"{name}\""));
    }
}

#[test]
fn ordinary_headers_are_not_forbidden_in_browser() {
    for name in ["Accept", "X-Host", "custom-webhook-header", "Content-Type"] {
        let text = form(&format!(r#""headers": {{"{name}": "application/json"}}"#));
        assert!(!raises(&text, "header-forbidden-in-browser"), "{name}");
    }
}

#[test]
fn non_json_content_type_is_a_warning_with_a_fix() {
    let text = form(r#""headers": {"Content-Type": "text/plain"}"#);
    let d = diag(&text, "header-content-type-not-json");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), r#""text/plain""#);
    assert_eq!(
        fix_of(&text, &d),
        (r#""text/plain""#, r#""application/json""#)
    );
    assert_fix_clears(&text, "header-content-type-not-json");
}

#[test]
fn json_content_types_are_accepted_whatever_the_case_of_the_name() {
    for (name, value) in [
        ("Content-Type", "application/json"),
        ("content-type", "application/json; charset=utf-8"),
        ("CONTENT-TYPE", "Application/JSON"),
        ("Content-Type", "application/cloudevents+json"),
    ] {
        let text = form(&format!(r#""headers": {{"{name}": "{value}"}}"#));
        assert!(
            !raises(&text, "header-content-type-not-json"),
            "{name}: {value}"
        );
    }
}

#[test]
fn manual_ce_header_with_cloudevent_format_is_a_warning() {
    for members in [
        r#""format": "cloudevent", "headers": {"ce-type": "custom"}"#,
        // The order of the keys does not matter.
        r#""headers": {"CE-Source": "me"}, "format": "cloudevent""#,
    ] {
        let text = form(members);
        let d = diag(&text, "header-cloudevent-manual");
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            spanned(&text, &d).to_ascii_lowercase().starts_with("\"ce-"),
            "{text}"
        );
    }
}

#[test]
fn ce_header_without_cloudevent_format_is_just_a_header() {
    for format in ["json/object", "json/text"] {
        let text = form(&format!(
            r#""format": "{format}", "headers": {{"ce-type": "x"}}"#
        ));
        assert!(!raises(&text, "header-cloudevent-manual"), "{format}");
    }
    assert!(!raises(
        &form(r#""headers": {"ce-type": "x"}"#),
        "header-cloudevent-manual"
    ));
}

#[test]
fn credential_header_is_info_at_the_name() {
    for name in [
        "Authorization",
        "X-Api-Key",
        "X-Auth-Token",
        "x-webhook-secret",
    ] {
        let text = form(&format!(r#""headers": {{"{name}": "Bearer eyJ0eXAi"}}"#));
        let d = diag(&text, "header-credential");
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(spanned(&text, &d), format!("\"{name}\""));
        assert!(check(&text, None).is_valid());
    }
}

#[test]
fn ordinary_header_is_not_a_credential() {
    assert!(!raises(
        &form(r#""headers": {"custom-webhook-header": "web-testrtc-webhook"}"#),
        "header-credential"
    ));
}

#[test]
fn each_header_is_checked_independently() {
    let text = form(r#""headers": {"Bad Name": "x", "X-Empty": "", "X-Ok": "fine", "X-Num": 1}"#);
    assert_eq!(
        codes(&text),
        [
            "header-name-invalid",
            "header-value-empty",
            "header-value-not-string"
        ]
    );
}

// ---- fieldname and body -------------------------------------------------------------------

#[test]
fn fieldname_documented_example_is_accepted() {
    let text = form(r#""fieldname": "anything-you-want""#);
    assert_clean(&text);
    assert_eq!(
        config(&text).fieldname.as_deref(),
        Some("anything-you-want")
    );
}

#[test]
fn empty_fieldname_is_an_error_at_the_value() {
    let text = form(r#""fieldname": """#);
    let d = diag(&text, "fieldname-empty");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(&text, &d), r#""""#);
}

#[test]
fn body_object_is_accepted_and_kept() {
    let text = form(r#""body": {"a": 1, "b": "<% this.testName %>"}"#);
    assert_clean(&text);
    assert!(config(&text).body.is_some());
}

#[test]
fn empty_body_object_is_accepted() {
    assert_clean(&form(r#""body": {}"#));
}

// ---- unknown keys -------------------------------------------------------------------------

#[test]
fn unknown_key_near_miss_gets_did_you_mean_and_a_fix() {
    for (written, meant) in [
        ("header", "headers"),
        ("URL", "url"),
        ("Url", "url"),
        ("fieldName", "fieldname"),
        ("field_name", "fieldname"),
        ("Format", "format"),
        ("formt", "format"),
        ("Body", "body"),
        ("Headers", "headers"),
    ] {
        let text = format!(r#"{{"url": "{URL}", "{written}": "x"}}"#);
        let text = if written.eq_ignore_ascii_case("url") {
            format!(r#"{{"{written}": "{URL}"}}"#)
        } else {
            text
        };
        let found = diags(&text, "key-unknown");
        assert_eq!(found.len(), 1, "{text}: {:?}", codes(&text));
        let d = &found[0];
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(spanned(&text, d), format!("\"{written}\""));
        assert_eq!(fix_of(&text, d).1, format!("\"{meant}\""), "{written}");
        assert!(d.help.as_deref().unwrap().contains(meant), "{written}");
        let fixed = apply_fix(&text, d);
        assert!(!raises(&fixed, "key-unknown"), "{fixed}");
    }
}

#[test]
fn capitalised_url_key_leaves_url_required_until_fixed() {
    let text = format!(r#"{{"URL": "{URL}"}}"#);
    assert_eq!(codes(&text), ["url-required", "key-unknown"]);
    let fixed = assert_fix_clears(&text, "key-unknown");
    assert_clean(&fixed);
}

#[test]
fn unknown_key_without_a_near_miss_lists_the_documented_keys() {
    let text = form(r#""banana": 1"#);
    let d = diag(&text, "key-unknown");
    assert_eq!(spanned(&text, &d), r#""banana""#);
    assert_eq!(d.fix, None);
    assert!(d.help.unwrap().contains("fieldname"));
}

#[test]
fn request_library_option_is_an_unknown_key_without_a_fix() {
    for key in ["method", "qs", "auth", "timeout", "json", "followRedirect"] {
        let text = form(&format!(r#""{key}": 1"#));
        let d = diag(&text, "key-unknown");
        assert_eq!(spanned(&text, &d), format!("\"{key}\""));
        assert_eq!(d.fix, None, "{key}");
        assert!(d.message.contains("not documented"), "{key}: {}", d.message);
    }
}

#[test]
fn unknown_keys_keep_the_input_valid() {
    let text = form(r#""Format": "json/text", "banana": true"#);
    let report = check(&text, None);
    assert!(report.is_valid());
    assert!(report.config.is_some());
}

// ---- provider -----------------------------------------------------------------------------

#[test]
fn aws_sns_is_the_documented_provider() {
    let text = r#"{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}"#;
    assert_clean(text);
    assert!(matches!(config(text).target, Target::Sns(_)));
}

#[test]
fn other_provider_is_a_warning_at_the_value() {
    let text = r#"{"provider": "gcp-pubsub", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}"#;
    let d = diag(text, "provider-unknown");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(text, &d), r#""gcp-pubsub""#);
    assert_eq!(d.fix, None);
}

#[test]
fn provider_near_miss_gets_a_fix() {
    for written in ["AWS-SNS", "aws_sns", "sns", "AWS SNS"] {
        let text = format!(
            r#"{{"provider": "{written}", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}}"#
        );
        let d = diag(&text, "provider-unknown");
        assert_eq!(
            fix_of(&text, &d),
            (format!("\"{written}\"").as_str(), "\"aws-sns\"")
        );
        let fixed = assert_fix_clears(&text, "provider-unknown");
        assert_clean(&fixed);
    }
}

#[test]
fn provider_that_is_not_a_string_is_wrong_type() {
    let text = r#"{"provider": true, "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:alerts"}"#;
    let d = diag(text, "key-wrong-type");
    assert_eq!(spanned(text, &d), "true");
}

// ---- JSON.parse semantics and positions ---------------------------------------------------

#[test]
fn the_later_of_duplicate_keys_is_the_one_checked() {
    let text = form(r#""format": "xml", "format": "json/text""#);
    assert!(!raises(&text, "format-unknown"));
    assert_eq!(config(&text).format, Format::JsonText);
}

#[test]
fn diagnostic_lines_and_columns_count_characters() {
    let text = "{\n  \"url\": \"https://example.com/hook\",\n  \"body\": {\"ü\": \"€\"}, \"fieldname\": \"\"\n}";
    let d = diag(text, "fieldname-empty");
    assert_eq!(spanned(text, &d), r#""""#);
    assert_eq!((d.line, d.column, d.end_line, d.end_column), (3, 36, 3, 38));
}

#[test]
fn a_valid_form_yields_its_config_and_an_invalid_one_none() {
    assert!(check(&form(r#""fieldname": "x""#), None).config.is_some());
    assert!(check(&form(r#""fieldname": """#), None).config.is_none());
}

#[test]
fn white_space_around_a_url_value_is_removed_by_its_fix() {
    let text = r#"{"url": " https://example.com/hook "}"#;
    let report = hookcheck_core::check(text, None);
    let fixes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == hookcheck_core::Rule::UrlWhitespace)
        .map(|d| d.fix.clone().expect("a fix").replacement)
        .collect();
    assert_eq!(fixes, ["", ""]);
}

#[test]
fn header_value_beyond_latin1_or_with_control_characters_is_invalid() {
    for value in [r"QA ✓", r"a\u0001b", r"tab\tis fine but DEL \u007f is not"] {
        let text =
            format!(r#"{{"url": "https://example.com/hook", "headers": {{"X-A": "{value}"}}}}"#);
        let report = hookcheck_core::check(&text, None);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule == hookcheck_core::Rule::HeaderValueInvalidCharacter),
            "{value}"
        );
    }
    let ok = r#"{"url": "https://example.com/hook", "headers": {"X-A": "café\tnaïve"}}"#;
    assert!(hookcheck_core::check(ok, None).diagnostics.is_empty());
}

// ---- the config and the text it was checked from -------------------------------------------

#[test]
fn a_config_holds_the_strings_of_the_text_with_escapes_decoded() {
    let text = r#"{"url": "https://example.com/hook", "fieldname": "d",
        "headers": {"X-Plain": "a", "X-Escaped": "caf\u00e9"}, "body": {"s": "<% this.status %>"}}"#;
    let config = config(text);
    let Target::Http { url, .. } = &config.target else {
        panic!("an HTTP target")
    };
    assert_eq!(url, "https://example.com/hook");
    assert_eq!(config.fieldname.as_deref(), Some("d"));
    assert_eq!(
        config.headers,
        [
            ("X-Plain".to_string(), "a".to_string()),
            ("X-Escaped".to_string(), "café".to_string())
        ]
    );
}

#[test]
fn a_report_outlives_the_text_it_was_checked_from() {
    let report: hookcheck_core::Report = {
        let text = form(
            r#""fieldname": "d", "headers": {"Authorization": "Bearer x"}, "body": {"s": "<% this.status %>"}"#,
        );
        check(&text, None)
    };
    let config = report.config.expect("a valid webhook");
    assert_eq!(config.headers[0].1, "Bearer x");
    assert_eq!(
        config.body.expect("a body").to_compact(),
        r#"{"s":"<% this.status %>"}"#
    );
}
