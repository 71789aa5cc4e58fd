//! The request testRTC sends (SPEC §3, §3.1): data → body template → fieldname → format →
//! request, with every expected body written out byte for byte.

mod common;

use common::*;
use hookcheck_core::render::curl::to_curl;
use hookcheck_core::{render_request, Outcome, Provenance, Request, SampleData};

const SUCCESS_BODY: &str = r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#;
const WARNINGS_BODY: &str = r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"warnings"}"#;
const FAILURE_BODY: &str = r#"{"testRunId":"56fd3d617c458d1400baee6f","testName":"AppRTC","runType":"test","status":"failure"}"#;

/// The request for `text` with sample data edited by `edit`.
fn request_with(text: &str, outcome: Outcome, edit: impl FnOnce(&mut SampleData)) -> Request {
    let mut sample = SampleData::for_outcome(outcome);
    edit(&mut sample);
    render_request(&config(text), &sample)
}

/// The success body of a bare URL whose `testName` is `name`.
fn body_with_test_name(name: &str) -> String {
    request_with(URL, Outcome::Success, |s| s.set("testName", name).unwrap()).body
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

// ---- step 1: data (SPEC §3.1) -------------------------------------------------------------

#[test]
fn bare_url_success_body_is_the_documented_one_byte_for_byte() {
    assert_eq!(body(URL), SUCCESS_BODY);
}

#[test]
fn warnings_outcome_body_has_status_warnings() {
    assert_eq!(request(URL, Outcome::Warnings).body, WARNINGS_BODY);
}

#[test]
fn failure_outcome_body_has_the_failure_run_id_and_status() {
    assert_eq!(request(URL, Outcome::Failure).body, FAILURE_BODY);
}

#[test]
fn bare_url_request_is_a_post_of_json_to_the_url_as_written() {
    let request = request("https://example.com/hook?x=1", Outcome::Success);
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://example.com/hook?x=1");
    assert_eq!(
        headers(&request),
        pairs(&[("Content-Type", "application/json")])
    );
}

#[test]
fn url_surrounded_by_white_space_is_sent_trimmed() {
    assert_eq!(
        request("  https://example.com/hook\n", Outcome::Success).url,
        URL
    );
}

#[test]
fn advanced_form_without_extras_sends_what_the_bare_url_sends() {
    assert_eq!(
        request(&form(""), Outcome::Success),
        request(URL, Outcome::Success)
    );
}

#[test]
fn run_type_switches_to_monitor() {
    let request = request_with(URL, Outcome::Success, |s| {
        s.set("runType", "monitor").unwrap()
    });
    assert_eq!(
        request.body,
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"monitor","status":"completed"}"#
    );
}

#[test]
fn every_sample_value_is_editable() {
    let request = request_with(URL, Outcome::Failure, |s| {
        s.set("testRunId", "abc").unwrap();
        s.set("testName", "Login flow").unwrap();
        s.set("status", "timeout").unwrap();
    });
    assert_eq!(
        request.body,
        r#"{"testRunId":"abc","testName":"Login flow","runType":"test","status":"timeout"}"#
    );
}

#[test]
fn setting_an_undocumented_variable_is_refused() {
    let mut sample = SampleData::for_outcome(Outcome::Success);
    let error = sample.set("testname", "x").unwrap_err();
    assert!(error.contains("testName"), "{error}");
}

#[test]
fn include_every_variable_adds_the_rest_after_the_documented_four_on_success() {
    let request = request_with(URL, Outcome::Success, |s| s.include_every_variable = true);
    assert_eq!(
        request.body,
        concat!(
            r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed","#,
            r#""projectName":"My project","runName":"decorous-insurance","additionalInfo":"","score":8.7,"#,
            r#""resultUrl":"https://app.testrtc.com/app/testRun/56fd35107c458d1400baee63","concurrentUsers":2}"#
        )
    );
}

#[test]
fn include_every_variable_on_failure_adds_the_failure_only_ones_too() {
    let request = request_with(URL, Outcome::Failure, |s| s.include_every_variable = true);
    assert_eq!(
        request.body,
        concat!(
            r#"{"testRunId":"56fd3d617c458d1400baee6f","testName":"AppRTC","runType":"test","status":"failure","#,
            r#""projectName":"My project","runName":"decorous-insurance","#,
            r#""error":"Test expectation failed: video bitrate below 500 kbps","additionalInfo":"","#,
            r#""failureReasons":"Expectation failed: video.out.bitrate > 500","#,
            r#""failureScreenshot":"https://app.testrtc.com/screenshots/56fd3d617c458d1400baee6f/failure.png","#,
            r#""score":3.2,"resultUrl":"https://app.testrtc.com/app/testRun/56fd3d617c458d1400baee6f","concurrentUsers":2}"#
        )
    );
}

#[test]
fn numeric_variable_set_to_a_number_stays_a_number() {
    let request = request_with(URL, Outcome::Success, |s| {
        s.include_every_variable = true;
        s.set("score", "9.5").unwrap();
        s.set("concurrentUsers", "n/a").unwrap();
    });
    assert!(request.body.contains(r#""score":9.5,"#), "{}", request.body);
    assert!(
        request.body.ends_with(r#""concurrentUsers":"n/a"}"#),
        "{}",
        request.body
    );
}

#[test]
fn text_variable_set_to_digits_stays_a_string() {
    let request = request_with(URL, Outcome::Success, |s| s.set("testName", "42").unwrap());
    assert!(
        request.body.contains(r#""testName":"42""#),
        "{}",
        request.body
    );
}

// ---- step 2: body template ----------------------------------------------------------------

#[test]
fn body_template_replaces_placeholders_with_the_run_values() {
    let text = form(
        r#""body": {"text": "Run <%this.testName%> (<% this.testRunId %>) is <%this.status%>."}"#,
    );
    assert_eq!(
        body(&text),
        r#"{"text":"Run AppRTC (56fd35107c458d1400baee63) is completed."}"#
    );
}

#[test]
fn body_template_non_string_values_are_copied_unchanged() {
    let text = form(
        r#""body": {"n": 1.5, "i": -3, "t": true, "f": false, "z": null, "a": [1, "<%this.status%>", {"k": "<%this.runType%>"}], "o": {}, "e": []}"#,
    );
    assert_eq!(
        body(&text),
        r#"{"n":1.5,"i":-3,"t":true,"f":false,"z":null,"a":[1,"completed",{"k":"test"}],"o":{},"e":[]}"#
    );
}

#[test]
fn body_template_keeps_key_order() {
    let text =
        form(r#""body": {"zeta": "<%this.testName%>", "alpha": 1, "mid": {"y": 2, "b": 3}}"#);
    assert_eq!(
        body(&text),
        r#"{"zeta":"AppRTC","alpha":1,"mid":{"y":2,"b":3}}"#
    );
}

#[test]
fn body_template_keys_are_not_templates() {
    let text = form(r#""body": {"<%this.testName%>": "x"}"#);
    assert_eq!(body(&text), r#"{"<%this.testName%>":"x"}"#);
}

#[test]
fn unknown_variable_renders_as_an_empty_string() {
    let text = form(r#""body": {"a": "[<% this.banana %>]"}"#);
    assert_eq!(body(&text), r#"{"a":"[]"}"#);
}

#[test]
fn legacy_path_renders_as_an_empty_string() {
    let text = form(r#""body": {"a": "url:<%this.testRun.usage_report.resultUrl%>"}"#);
    assert_eq!(body(&text), r#"{"a":"url:"}"#);
}

#[test]
fn failure_only_variables_are_empty_on_success_and_filled_on_failure() {
    let text = form(
        r#""body": {"e": "<%this.error%>", "r": "<%this.failureReasons%>", "s": "<%this.failureScreenshot%>"}"#,
    );
    assert_eq!(body(&text), r#"{"e":"","r":"","s":""}"#);
    assert_eq!(
        request(&text, Outcome::Failure).body,
        concat!(
            r#"{"e":"Test expectation failed: video bitrate below 500 kbps","#,
            r#""r":"Expectation failed: video.out.bitrate > 500","#,
            r#""s":"https://app.testrtc.com/screenshots/56fd3d617c458d1400baee6f/failure.png"}"#
        )
    );
}

#[test]
fn templates_see_every_variable_without_include_every_variable() {
    let text = form(
        r#""body": {"p": "<%this.projectName%>", "n": "<%this.runName%>", "u": "<%this.resultUrl%>", "i": "<%this.additionalInfo%>"}"#,
    );
    assert_eq!(
        body(&text),
        r#"{"p":"My project","n":"decorous-insurance","u":"https://app.testrtc.com/app/testRun/56fd35107c458d1400baee63","i":""}"#
    );
}

#[test]
fn numeric_variables_are_inserted_as_strings() {
    let text = form(r#""body": {"score": "<%this.score%>", "users": "<%this.concurrentUsers%>"}"#);
    assert_eq!(body(&text), r#"{"score":"8.7","users":"2"}"#);
    assert_eq!(
        request(&text, Outcome::Failure).body,
        r#"{"score":"3.2","users":"2"}"#
    );
}

#[test]
fn edited_sample_values_reach_the_template() {
    let text = form(r#""body": {"type": "<%this.runType%>"}"#);
    let request = request_with(&text, Outcome::Success, |s| {
        s.set("runType", "monitor").unwrap()
    });
    assert_eq!(request.body, r#"{"type":"monitor"}"#);
}

#[test]
fn body_replaces_the_default_data_entirely() {
    let text = form(r#""body": {"only": "this"}"#);
    assert_eq!(body(&text), r#"{"only":"this"}"#);
}

// ---- step 3: fieldname --------------------------------------------------------------------

#[test]
fn fieldname_wraps_the_data() {
    let text = form(r#""fieldname": "anything-you-want""#);
    assert_eq!(
        body(&text),
        format!(r#"{{"anything-you-want":{SUCCESS_BODY}}}"#)
    );
}

#[test]
fn fieldname_wraps_the_rendered_body() {
    let text = form(r#""fieldname": "data", "body": {"name": "<%this.testName%>"}"#);
    assert_eq!(body(&text), r#"{"data":{"name":"AppRTC"}}"#);
}

#[test]
fn fieldname_is_labelled_assumed() {
    let request = request(&form(r#""fieldname": "data""#), Outcome::Success);
    assert_eq!(request.body_label.provenance, Provenance::Assumed);
}

// ---- step 4: format -----------------------------------------------------------------------

#[test]
fn json_object_format_sends_the_data_as_the_body() {
    assert_eq!(body(&form(r#""format": "json/object""#)), SUCCESS_BODY);
}

#[test]
fn json_text_wraps_the_data_as_compact_json_text() {
    let text = form(r#""format": "json/text""#);
    assert_eq!(
        body(&text),
        r#"{"username":"testRTC_bot","text":"{\"testRunId\":\"56fd35107c458d1400baee63\",\"testName\":\"AppRTC\",\"runType\":\"test\",\"status\":\"completed\"}"}"#
    );
}

#[test]
fn json_text_stringifies_the_wrapped_template() {
    let text = form(
        r#""format": "json/text", "fieldname": "d", "body": {"n": 1, "s": "<%this.status%>"}"#,
    );
    assert_eq!(
        body(&text),
        r#"{"username":"testRTC_bot","text":"{\"d\":{\"n\":1,\"s\":\"completed\"}}"}"#
    );
}

#[test]
fn json_text_sends_only_the_content_type_header() {
    let request = request(&form(r#""format": "json/text""#), Outcome::Success);
    assert_eq!(
        headers(&request),
        pairs(&[("Content-Type", "application/json")])
    );
}

#[test]
fn cloudevent_body_is_the_data() {
    assert_eq!(body(&form(r#""format": "cloudevent""#)), SUCCESS_BODY);
}

#[test]
fn cloudevent_adds_ce_headers_after_content_type_in_order() {
    let request = request(&form(r#""format": "cloudevent""#), Outcome::Success);
    assert_eq!(
        headers(&request),
        pairs(&[
            ("Content-Type", "application/json"),
            ("ce-specversion", "1.0"),
            ("ce-id", "56fd35107c458d1400baee63"),
            ("ce-source", "testrtc"),
            ("ce-type", "testingrtc"),
        ])
    );
}

#[test]
fn cloudevent_id_is_the_run_id_of_the_outcome() {
    let text = form(r#""format": "cloudevent""#);
    let id = |request: Request| {
        request
            .headers
            .into_iter()
            .find(|h| h.name == "ce-id")
            .unwrap()
            .value
    };
    assert_eq!(
        id(request(&text, Outcome::Failure)),
        "56fd3d617c458d1400baee6f"
    );
    assert_eq!(
        id(request_with(&text, Outcome::Success, |s| s
            .set("testRunId", "run-7")
            .unwrap())),
        "run-7"
    );
}

#[test]
fn cloudevent_headers_are_labelled_documented_or_assumed() {
    let request = request(&form(r#""format": "cloudevent""#), Outcome::Success);
    let labels: Vec<_> = request
        .headers
        .iter()
        .map(|h| (&*h.name, h.label.provenance))
        .collect();
    assert_eq!(
        labels,
        [
            ("Content-Type", Provenance::Assumed),
            ("ce-specversion", Provenance::Assumed),
            ("ce-id", Provenance::Assumed),
            ("ce-source", Provenance::Documented),
            ("ce-type", Provenance::Documented),
        ]
    );
}

// ---- step 5: request headers --------------------------------------------------------------

#[test]
fn user_headers_follow_the_defaults_in_their_order() {
    let text = form(r#""headers": {"X-B": "2", "Authorization": "Bearer t", "X-A": "1"}"#);
    assert_eq!(
        headers(&request(&text, Outcome::Success)),
        pairs(&[
            ("Content-Type", "application/json"),
            ("X-B", "2"),
            ("Authorization", "Bearer t"),
            ("X-A", "1"),
        ])
    );
}

#[test]
fn user_headers_follow_the_cloudevent_headers() {
    let text = form(r#""format": "cloudevent", "headers": {"X-A": "1"}"#);
    let names: Vec<_> = request(&text, Outcome::Success)
        .headers
        .into_iter()
        .map(|h| h.name)
        .collect();
    assert_eq!(
        names,
        [
            "Content-Type",
            "ce-specversion",
            "ce-id",
            "ce-source",
            "ce-type",
            "X-A"
        ]
    );
}

#[test]
fn user_header_replaces_default_content_type_in_place() {
    let text =
        form(r#""headers": {"X-A": "1", "content-type": "application/json; charset=utf-8"}"#);
    assert_eq!(
        headers(&request(&text, Outcome::Success)),
        pairs(&[
            ("content-type", "application/json; charset=utf-8"),
            ("X-A", "1"),
        ])
    );
}

#[test]
fn user_header_replaces_a_cloudevent_header_in_place() {
    let text = form(r#""format": "cloudevent", "headers": {"CE-TYPE": "custom", "X-A": "1"}"#);
    assert_eq!(
        headers(&request(&text, Outcome::Success)),
        pairs(&[
            ("Content-Type", "application/json"),
            ("ce-specversion", "1.0"),
            ("ce-id", "56fd35107c458d1400baee63"),
            ("ce-source", "testrtc"),
            ("CE-TYPE", "custom"),
            ("X-A", "1"),
        ])
    );
}

#[test]
fn credential_headers_are_marked_secret() {
    let text = form(r#""headers": {"Authorization": "Bearer t", "X-A": "1"}"#);
    let secret: Vec<_> = request(&text, Outcome::Success)
        .headers
        .into_iter()
        .map(|h| (h.name, h.secret))
        .collect();
    assert_eq!(
        secret,
        [
            ("Content-Type".to_string(), false),
            ("Authorization".to_string(), true),
            ("X-A".to_string(), false),
        ]
    );
}

#[test]
fn method_is_post_and_labelled_assumed() {
    let request = request(URL, Outcome::Success);
    assert_eq!(request.method, "POST");
    assert_eq!(request.method_label.provenance, Provenance::Assumed);
    assert_eq!(request.body_label.provenance, Provenance::Documented);
}

// ---- JSON.stringify exactness through the pipeline ----------------------------------------

#[test]
fn non_ascii_is_sent_as_raw_utf8() {
    assert_eq!(
        body_with_test_name("Café ☕ 日本 😀"),
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"Café ☕ 日本 😀","runType":"test","status":"completed"}"#
    );
}

#[test]
fn line_and_paragraph_separators_are_sent_raw() {
    assert_eq!(
        body_with_test_name("a\u{2028}b\u{2029}c"),
        "{\"testRunId\":\"56fd35107c458d1400baee63\",\"testName\":\"a\u{2028}b\u{2029}c\",\"runType\":\"test\",\"status\":\"completed\"}"
    );
}

#[test]
fn control_characters_are_escaped_as_javascript_does() {
    assert_eq!(
        body_with_test_name("\u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f}"),
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"\u0000\u0001\b\t\n\u000b\f\r\u001f"#
            .to_string()
            + "\u{7f}"
            + r#"","runType":"test","status":"completed"}"#
    );
}

#[test]
fn quotes_and_backslashes_are_escaped_and_nothing_else() {
    assert_eq!(
        body_with_test_name(r#"say "hi" \ </script> & 'x'"#),
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"say \"hi\" \\ </script> & 'x'","runType":"test","status":"completed"}"#
    );
}

#[test]
fn json_escapes_in_the_template_are_decoded_then_written_as_javascript_does() {
    let text = form(r#""body": {"s": "\u00e9\u2028\/\ud83d\ude00\u0001\u001F\t\""}"#);
    assert_eq!(body(&text), "{\"s\":\"é\u{2028}/😀\\u0001\\u001f\\t\\\"\"}");
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    let text = form(
        r#""body": {"a": 1.0, "b": 1e21, "c": 1E-7, "d": -0, "e": 0.1, "f": 100, "g": 1e20, "h": 0.000001, "i": 1.5e300, "j": 123456789012345678901234567890, "k": 2.50}"#,
    );
    assert_eq!(
        body(&text),
        r#"{"a":1,"b":1e+21,"c":1e-7,"d":0,"e":0.1,"f":100,"g":100000000000000000000,"h":0.000001,"i":1.5e+300,"j":1.2345678901234568e+29,"k":2.5}"#
    );
}

#[test]
fn integer_like_keys_come_first_as_in_javascript_objects() {
    let text = form(r#""body": {"b": 1, "2": 2, "a": 3, "1": 4, "01": 5}"#);
    assert_eq!(body(&text), r#"{"1":4,"2":2,"b":1,"a":3,"01":5}"#);
}

#[test]
fn duplicate_body_key_keeps_its_first_position_and_last_value() {
    let text = form(r#""body": {"a": 1, "b": 2, "a": 3}"#);
    assert_eq!(body(&text), r#"{"a":3,"b":2}"#);
}

#[test]
fn nested_values_are_written_compactly_with_their_key_order() {
    let text = form(
        r#""body": { "outer" : { "z" : [ 1 , [ ] , { } , [ { "y" : null } ] ] , "a" : "<%this.testName%>" } }"#,
    );
    assert_eq!(
        body(&text),
        r#"{"outer":{"z":[1,[],{},[{"y":null}]],"a":"AppRTC"}}"#
    );
}

#[test]
fn json_text_escapes_the_data_twice() {
    let request = request_with(&form(r#""format": "json/text""#), Outcome::Success, |s| {
        s.set("testName", "a\"b\\c\né").unwrap()
    });
    assert_eq!(
        request.body,
        r#"{"username":"testRTC_bot","text":"{\"testRunId\":\"56fd35107c458d1400baee63\",\"testName\":\"a\\\"b\\\\c\\né\",\"runType\":\"test\",\"status\":\"completed\"}"}"#
    );
}

#[test]
fn control_characters_from_a_template_variable_are_escaped() {
    let text = form(r#""body": {"m": "<%this.testName%>"}"#);
    let request = request_with(&text, Outcome::Success, |s| {
        s.set("testName", "a\nb\u{1}").unwrap()
    });
    assert_eq!(request.body, r#"{"m":"a\nb\u0001"}"#);
}

// ---- the views of the same request --------------------------------------------------------

#[test]
fn pretty_body_is_json_stringify_with_two_spaces() {
    assert_eq!(
        request(URL, Outcome::Success).pretty_body(),
        "{\n  \"testRunId\": \"56fd35107c458d1400baee63\",\n  \"testName\": \"AppRTC\",\n  \"runType\": \"test\",\n  \"status\": \"completed\"\n}"
    );
}

#[test]
fn curl_sends_the_exact_method_headers_and_body() {
    assert_eq!(
        to_curl(&request(URL, Outcome::Success), true),
        format!(
            "curl -X POST 'https://example.com/hook' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{SUCCESS_BODY}'"
        )
    );
}

#[test]
fn curl_quotes_single_quotes_in_the_body() {
    let request = request_with(URL, Outcome::Success, |s| {
        s.set("testName", "O'Brien").unwrap()
    });
    assert!(
        to_curl(&request, true).ends_with(r#"--data-raw '{"testRunId":"56fd35107c458d1400baee63","testName":"O'\''Brien","runType":"test","status":"completed"}'"#),
        "{}",
        to_curl(&request, true)
    );
}

#[test]
fn curl_masks_credentials_unless_revealed() {
    let request = request(
        &form(r#""headers": {"Authorization": "Bearer s3cr3t"}"#),
        Outcome::Success,
    );
    assert!(to_curl(&request, false).contains("-H 'Authorization: Bearer ••••••••'"));
    assert!(!to_curl(&request, false).contains("s3cr3t"));
    assert!(to_curl(&request, true).contains("-H 'Authorization: Bearer s3cr3t'"));
}
