//! The browser's test call, decided natively: preflight prediction (Fetch standard),
//! dropped headers, mixed content, guard rails, and the failure classification with the
//! words the person reads.

use hookcheck_core::browser::send::*;
use hookcheck_core::syntax::url::check_url;
use hookcheck_core::{check, render_request, Outcome, Request, SampleData};

const PAGE: &str = "http://127.0.0.1:8080";

/// The success request for a valid webhook field `text`.
fn request(text: &str) -> Request {
    let report = check(text, None);
    let config = report
        .config
        .unwrap_or_else(|| panic!("invalid input {text}: {:?}", report.diagnostics));
    render_request(&config, &SampleData::for_outcome(Outcome::Success))
}

/// A webhook with the given headers (as JSON members) at `url`.
fn with_headers(url: &str, headers: &str) -> Request {
    request(&format!(r#"{{"url": "{url}", "headers": {{{headers}}}}}"#))
}

fn parts(url: &str) -> hookcheck_core::syntax::url::UrlParts {
    check_url(url).parts.expect("usable URL")
}

// ---- preflight prediction -------------------------------------------------------------------

#[test]
fn json_content_type_alone_causes_a_preflight() {
    let preflight = predict_preflight(&request("https://example.com/hook"), PAGE);
    assert!(preflight.needed);
    assert_eq!(preflight.reasons, ["Content-Type application/json"]);
    assert_eq!(preflight.request_headers, ["content-type"]);
}

#[test]
fn each_unsafelisted_header_is_named_as_written_and_listed_lowercased_and_sorted() {
    let preflight = predict_preflight(
        &with_headers(
            "https://example.com/hook",
            r#""X-Custom": "1", "Authorization": "Bearer t""#,
        ),
        PAGE,
    );
    assert_eq!(
        preflight.reasons,
        ["Content-Type application/json", "X-Custom", "Authorization"]
    );
    assert_eq!(
        preflight.request_headers,
        ["authorization", "content-type", "x-custom"]
    );
}

#[test]
fn cloudevent_headers_cause_a_preflight_each() {
    let preflight = predict_preflight(
        &request(r#"{"url": "https://example.com/hook", "format": "cloudevent"}"#),
        PAGE,
    );
    for name in ["ce-specversion", "ce-id", "ce-source", "ce-type"] {
        assert!(preflight.reasons.iter().any(|r| r == name), "{name}");
        assert!(
            preflight.request_headers.iter().any(|r| r == name),
            "{name}"
        );
    }
}

#[test]
fn the_three_safelisted_content_types_need_no_preflight() {
    for content_type in [
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "Multipart/Form-Data",
    ] {
        let preflight = predict_preflight(
            &with_headers(
                "https://example.com/hook",
                &format!(r#""Content-Type": "{content_type}""#),
            ),
            PAGE,
        );
        assert!(!preflight.needed, "{content_type}: {:?}", preflight.reasons);
        assert!(preflight.summary().starts_with("No preflight"));
    }
}

#[test]
fn safelisted_header_names_with_unsafe_values_cause_a_preflight() {
    let preflight = predict_preflight(
        &with_headers(
            "https://example.com/hook",
            r#""Content-Type": "text/plain", "Accept": "a{b}", "Accept-Language": "en_US", "Range": "bytes=5-1""#,
        ),
        PAGE,
    );
    assert_eq!(
        preflight.request_headers,
        ["accept", "accept-language", "range"]
    );
}

#[test]
fn safelisted_values_are_simple_within_their_rules() {
    let preflight = predict_preflight(
        &with_headers(
            "https://example.com/hook",
            r#""Content-Type": "text/plain", "Accept": "application/json", "Content-Language": "en-US", "Range": "bytes=0-99""#,
        ),
        PAGE,
    );
    assert!(!preflight.needed, "{:?}", preflight.reasons);
}

#[test]
fn a_safelisted_header_longer_than_128_bytes_causes_a_preflight() {
    let long = "a".repeat(129);
    let preflight = predict_preflight(
        &with_headers(
            "https://example.com/hook",
            &format!(r#""Content-Type": "text/plain", "Accept": "{long}""#),
        ),
        PAGE,
    );
    assert_eq!(preflight.request_headers, ["accept"]);
    assert!(preflight.reasons[0].contains("128"));
}

#[test]
fn same_origin_needs_no_preflight() {
    let preflight = predict_preflight(
        &with_headers(
            "http://127.0.0.1:8080/hook",
            r#""Authorization": "Bearer t""#,
        ),
        PAGE,
    );
    assert!(preflight.same_origin);
    assert!(!preflight.needed);
    assert!(preflight.summary().contains("CORS does not apply"));
}

#[test]
fn another_port_is_another_origin() {
    let preflight = predict_preflight(&request("http://127.0.0.1:9090/hook"), PAGE);
    assert!(!preflight.same_origin);
    assert!(preflight.needed);
}

#[test]
fn summary_names_every_reason() {
    let preflight = predict_preflight(
        &with_headers("https://example.com/hook", r#""Authorization": "Bearer t""#),
        PAGE,
    );
    assert_eq!(
        preflight.summary(),
        "This call will be preflighted because of: Content-Type application/json, Authorization. The browser first sends OPTIONS and sends the call only if the server allows it."
    );
}

#[test]
fn dropped_headers_do_not_count_towards_the_preflight() {
    let preflight = predict_preflight(
        &with_headers(
            "https://example.com/hook",
            r#""Content-Type": "text/plain", "Cookie": "a=b", "Sec-Fetch-Mode": "x""#,
        ),
        PAGE,
    );
    assert!(!preflight.needed, "{:?}", preflight.reasons);
}

// ---- dropped headers ------------------------------------------------------------------------

#[test]
fn forbidden_headers_are_dropped_and_named_as_written() {
    let request = with_headers(
        "https://example.com/hook",
        r#""Host": "a", "X-Ok": "1", "Content-Length": "3", "Proxy-Foo": "x", "Sec-Bar": "y""#,
    );
    assert_eq!(
        dropped_headers(&request),
        ["Host", "Content-Length", "Proxy-Foo", "Sec-Bar"]
    );
    let sent: Vec<&str> = sent_headers(&request).map(|h| &*h.name).collect();
    assert_eq!(sent, ["Content-Type", "X-Ok"]);
}

#[test]
fn method_override_naming_a_forbidden_method_is_dropped() {
    let request = with_headers(
        "https://example.com/hook",
        r#""X-HTTP-Method-Override": "TRACE", "X-Method-Override": "PUT""#,
    );
    assert_eq!(dropped_headers(&request), ["X-HTTP-Method-Override"]);
}

#[test]
fn ordinary_requests_drop_nothing() {
    assert!(dropped_headers(&request("https://example.com/hook")).is_empty());
}

// ---- mixed content --------------------------------------------------------------------------

#[test]
fn http_target_from_https_page_is_mixed_content() {
    assert!(mixed_content("https:", &parts("http://example.com/hook")));
    assert!(mixed_content("https", &parts("http://10.0.0.5/hook")));
}

#[test]
fn loopback_and_localhost_are_never_mixed_content() {
    for url in [
        "http://127.0.0.1:9000/",
        "http://localhost:9000/",
        "http://[::1]:9000/",
        "http://app.localhost/",
    ] {
        assert!(!mixed_content("https", &parts(url)), "{url}");
    }
}

#[test]
fn https_targets_and_http_pages_are_never_mixed_content() {
    assert!(!mixed_content("https", &parts("https://example.com/")));
    assert!(!mixed_content("http", &parts("http://example.com/")));
}

// ---- guard rails ----------------------------------------------------------------------------

#[test]
fn an_invalid_input_is_never_sent() {
    assert_eq!(send_guard(None, true), Err(Refusal::InvalidInput));
    let request = request("https://example.com/hook");
    assert_eq!(send_guard(Some(&request), true), Err(Refusal::InvalidInput));
    assert_eq!(send_guard(Some(&request), false), Ok(()));
}

#[test]
fn sns_is_never_sent_and_the_reason_names_the_signing_key() {
    let sns = request(
        r#"{"provider": "aws-sns", "topicArn": "arn:aws:sns:us-east-1:123456789012:hooks", "region": "us-east-1", "accessKeyId": "AKIAEXAMPLE", "secretAccessKey": "s3cr3t"}"#,
    );
    let refusal = send_guard(Some(&sns), false).unwrap_err();
    assert_eq!(refusal, Refusal::Sns);
    let explanation = refusal.explain();
    assert!(explanation.message.contains("Signature Version 4"));
    assert!(explanation.message.contains("secret access key"));
}

#[test]
fn a_url_with_credentials_is_refused_because_fetch_would_throw() {
    let request = request("https://user:pw@example.com/hook");
    assert_eq!(
        send_guard(Some(&request), false),
        Err(Refusal::CredentialsInUrl)
    );
}

#[test]
fn secrets_to_a_remote_host_need_confirmation_naming_headers_not_values() {
    let request = with_headers(
        "https://hooks.example.com/x",
        r#""Authorization": "Bearer SECRETVALUE", "X-Api-Key": "k", "X-Ok": "1""#,
    );
    let question = needs_confirmation(&request).expect("asks");
    assert_eq!(
        question,
        "This call sends the real value of Authorization and X-Api-Key to hooks.example.com. Send it?"
    );
    assert!(!question.contains("SECRETVALUE"));
}

#[test]
fn secrets_to_this_machine_need_no_confirmation() {
    for url in ["http://127.0.0.1:9000/x", "http://localhost:9000/x"] {
        let request = with_headers(url, r#""Authorization": "Bearer t""#);
        assert_eq!(needs_confirmation(&request), None, "{url}");
    }
}

#[test]
fn no_secret_headers_need_no_confirmation() {
    let request = with_headers("https://hooks.example.com/x", r#""X-Custom": "1""#);
    assert_eq!(needs_confirmation(&request), None);
}

#[test]
fn timeout_is_read_in_seconds_with_decimals_and_bounded() {
    assert_eq!(parse_timeout_seconds("10"), Ok(10_000));
    assert_eq!(parse_timeout_seconds(" 1.5 "), Ok(1_500));
    assert!(parse_timeout_seconds("0").is_err());
    assert!(parse_timeout_seconds("abc").is_err());
    assert!(parse_timeout_seconds("301").is_err());
    assert!(parse_timeout_seconds("NaN").is_err());
}

// ---- classification -------------------------------------------------------------------------

/// The facts of a failed call to `url` from `page`, before any probe.
fn facts(page: &str, url: &str) -> FetchFacts {
    let request = request(url);
    FetchFacts {
        online: true,
        page_origin: page.into(),
        target: check_url(url).parts,
        preflight: predict_preflight(&request, page),
        timeout_ms: DEFAULT_TIMEOUT_MS,
        elapsed_ms: 12,
        error: "TypeError: Failed to fetch".into(),
        ..FetchFacts::default()
    }
}

#[test]
fn a_reachable_host_means_cors_and_the_explanation_names_the_preflight_causes() {
    let mut f = facts(PAGE, "http://127.0.0.1:9000/hook");
    f.probe = Probe::Reachable;
    let failure = classify(&f);
    assert_eq!(failure.kind(), "cors");
    let explanation = failure.explain();
    assert!(explanation.title.contains("preflight"));
    assert!(explanation
        .message
        .contains("Content-Type application/json"));
    assert!(explanation.message.contains("http://127.0.0.1:9000"));
    assert!(explanation.what_to_do.contains("curl"));
    assert!(explanation.what_to_do.contains("server to server"));
}

#[test]
fn cors_without_preflight_says_the_call_probably_arrived() {
    let request = with_headers(
        "https://example.com/hook",
        r#""Content-Type": "text/plain""#,
    );
    let mut f = facts(PAGE, "https://example.com/hook");
    f.preflight = predict_preflight(&request, PAGE);
    f.probe = Probe::Reachable;
    let failure = classify(&f);
    // A simple request goes out without asking first: only its reply was hidden.
    assert!(matches!(&failure, SendFailure::Cors { preflight, .. } if !preflight.needed));
    assert!(failure.explain().message.contains("most likely received"));
}

#[test]
fn an_unreachable_host_is_not_called_cors() {
    let mut f = facts(PAGE, "https://nowhere.example.com/hook");
    f.probe = Probe::Unreachable;
    let failure = classify(&f);
    assert_eq!(
        failure,
        SendFailure::Unreachable {
            target_origin: "https://nowhere.example.com".into(),
            this_machine: false
        }
    );
    assert!(failure.explain().message.contains("not CORS"));
}

#[test]
fn a_closed_local_port_suggests_starting_the_receiver() {
    let mut f = facts(PAGE, "http://127.0.0.1:9/hook");
    f.probe = Probe::Unreachable;
    let explanation = classify(&f).explain();
    assert!(explanation.title.contains("this machine"));
    assert!(explanation.what_to_do.contains("hookcheck receive"));
}

#[test]
fn an_inconclusive_probe_is_a_plain_network_failure_with_the_browser_words() {
    let mut f = facts(PAGE, "https://example.com/hook");
    f.probe = Probe::Inconclusive;
    let failure = classify(&f);
    assert_eq!(failure.kind(), "network");
    assert!(failure.explain().message.contains("Failed to fetch"));
}

#[test]
fn mixed_content_is_decided_before_any_probe() {
    let mut f = facts("https://hookcheck.example", "http://example.com/hook");
    f.probe = Probe::Unreachable;
    assert_eq!(classify(&f).kind(), "mixed-content");
    assert!(!probe_helps(
        "https://hookcheck.example",
        f.target.as_ref().unwrap(),
        true
    ));
}

#[test]
fn offline_is_said_for_remote_hosts_but_not_for_this_machine() {
    let mut remote = facts(PAGE, "https://example.com/hook");
    remote.online = false;
    assert_eq!(classify(&remote), SendFailure::Offline);
    assert!(!probe_helps(PAGE, remote.target.as_ref().unwrap(), false));

    let mut local = facts(PAGE, "http://127.0.0.1:9/hook");
    local.online = false;
    local.probe = Probe::Unreachable;
    assert_eq!(classify(&local).kind(), "unreachable");
    assert!(probe_helps(PAGE, local.target.as_ref().unwrap(), false));
}

#[test]
fn cancel_wins_over_every_other_fact() {
    let mut f = facts(PAGE, "https://example.com/hook");
    f.aborted_by_user = true;
    f.timed_out = true;
    f.online = false;
    f.elapsed_ms = 1_234;
    let failure = classify(&f);
    assert_eq!(failure, SendFailure::Cancelled { after_ms: 1_234 });
    assert!(failure.explain().message.contains("1.2 s"));
}

#[test]
fn durations_under_a_second_are_said_in_milliseconds() {
    let failure = SendFailure::Cancelled { after_ms: 62 };
    assert!(failure.explain().message.contains("after 62 ms"));
}

#[test]
fn timeout_names_the_timeout_in_force() {
    let mut f = facts(PAGE, "https://example.com/hook");
    f.timed_out = true;
    f.timeout_ms = 1_000;
    let failure = classify(&f);
    assert_eq!(failure, SendFailure::Timeout { after_ms: 1_000 });
    assert_eq!(failure.explain().title, "No reply within 1 s");
    assert_eq!(failure.short(), "timed out after 1 s");
}

#[test]
fn a_request_the_browser_refused_to_build_keeps_its_message() {
    let mut f = facts(PAGE, "https://example.com/hook");
    f.rejected = Some("Invalid name".into());
    let failure = classify(&f);
    assert_eq!(failure.kind(), "rejected");
    assert!(failure.explain().message.contains("Invalid name"));
}

#[test]
fn success_statuses_are_not_failures_and_others_are() {
    assert_eq!(http_failure(200, "OK"), None);
    assert_eq!(http_failure(204, "No Content"), None);
    let failure = http_failure(404, "Not Found").unwrap();
    assert_eq!(failure.short(), "HTTP 404 Not Found");
    assert_eq!(failure.explain().title, "The server answered 404 Not Found");
    assert!(failure.explain().what_to_do.contains("path"));
    assert!(http_failure(500, "")
        .unwrap()
        .explain()
        .title
        .ends_with("500"));
}

#[test]
fn every_failure_has_a_distinct_kind_and_a_full_explanation() {
    let failures = [
        SendFailure::Cors {
            page_origin: PAGE.into(),
            target_origin: "https://a".into(),
            preflight: Preflight::default(),
        },
        SendFailure::MixedContent {
            url: "http://a".into(),
        },
        SendFailure::Unreachable {
            target_origin: "https://a".into(),
            this_machine: false,
        },
        SendFailure::Network {
            detail: String::new(),
        },
        SendFailure::Offline,
        SendFailure::Timeout { after_ms: 10_000 },
        SendFailure::Cancelled { after_ms: 10 },
        SendFailure::Http {
            status: 500,
            status_text: "Internal Server Error".into(),
        },
        SendFailure::Rejected {
            message: "x".into(),
        },
    ];
    let mut kinds: Vec<&str> = failures.iter().map(SendFailure::kind).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds.len(), failures.len());
    for failure in &failures {
        let e = failure.explain();
        assert!(!e.title.is_empty() && !e.message.is_empty() && !e.what_to_do.is_empty());
        assert!(!e.message.contains("Failed to fetch") || failure.kind() == "network");
    }
}
