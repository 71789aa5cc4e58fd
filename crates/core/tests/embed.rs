//! The embedding protocol (SPEC §4.2): URL options, the origin allow-list, host messages
//! and the messages the widget posts.

use hookcheck_core::api::WidgetMessage;
use hookcheck_core::browser::embed::{
    normalize_origin, open_in_app_url, parse_host_message, EmbedOptions, HeightReporter,
    HostMessage, MessageError, ModeChoice, SetRequest,
};
use hookcheck_core::browser::share::{strip_secrets, ShareState};
use hookcheck_core::{check, Mode};
use hookcheck_core::{Outcome, Product};

// ---- URL options ----

#[test]
fn a_plain_app_url_is_not_embedded() {
    assert_eq!(EmbedOptions::from_query(""), EmbedOptions::default());
    assert!(!EmbedOptions::from_query("?foo=bar").embed);
}

#[test]
fn embed_readonly_outcome_and_mode_are_read_from_the_query() {
    let options = EmbedOptions::from_query("?embed=1&readonly=1&outcome=failure&mode=run-options");
    assert!(options.embed);
    assert!(options.readonly);
    assert_eq!(options.outcome, Some(Outcome::Failure));
    assert_eq!(options.mode, Some(ModeChoice::Fixed(Mode::RunOptions)));
}

#[test]
fn the_product_is_read_from_the_query_and_another_product_s_outcome_is_dropped() {
    let options = EmbedOptions::from_query("?embed=1&product=watchrtc&outcome=alert");
    assert_eq!(
        (options.product, options.outcome),
        (Some(Product::WatchRtc), Some(Outcome::Alert))
    );
    let options = EmbedOptions::from_query("?embed=1&product=watchrtc&outcome=failure");
    assert_eq!(
        (options.product, options.outcome),
        (Some(Product::WatchRtc), None)
    );
    assert_eq!(EmbedOptions::from_query("?product=probertc").product, None);
}

#[test]
fn a_set_message_with_another_product_is_read_and_a_bad_one_refused() {
    assert_eq!(
        parse_host_message(r#"{"type":"hookcheck:set","version":1,"product":"qualityrtc"}"#),
        HostMessage::Set(SetRequest {
            product: Some(Product::QualityRtc),
            ..SetRequest::default()
        })
    );
    assert_eq!(
        parse_host_message(r#"{"type":"hookcheck:set","version":1,"product":"nope"}"#),
        HostMessage::Invalid(MessageError::InvalidField("product"))
    );
}

#[test]
fn flags_accept_one_true_yes_and_a_bare_name_and_nothing_else() {
    for query in ["embed=1", "embed=true", "embed=yes", "embed", "embed="] {
        assert!(EmbedOptions::from_query(query).embed, "{query}");
    }
    for query in ["embed=0", "embed=false", "embed=no", "embed=2"] {
        assert!(!EmbedOptions::from_query(query).embed, "{query}");
    }
}

#[test]
fn unknown_outcomes_and_modes_leave_the_default() {
    let options = EmbedOptions::from_query("embed=1&outcome=crashed&mode=yaml");
    assert_eq!(options.outcome, None);
    assert_eq!(options.mode, None);
    assert_eq!(
        EmbedOptions::from_query("mode=auto").mode,
        Some(ModeChoice::Auto)
    );
}

#[test]
fn origins_are_repeatable_percent_decoded_and_deduplicated() {
    let options = EmbedOptions::from_query(
        "embed=1&origin=https%3A%2F%2Fa.example&origin=https://b.example:8443&origin=https://a.example/",
    );
    assert_eq!(
        options.origins,
        ["https://a.example", "https://b.example:8443"]
    );
    assert!(options.rejected_origins.is_empty());
}

#[test]
fn a_wildcard_or_a_url_with_a_path_is_rejected_not_allowed() {
    let options =
        EmbedOptions::from_query("origin=*&origin=https://a.example/docs&origin=a.example");
    assert!(options.origins.is_empty());
    assert_eq!(
        options.rejected_origins,
        ["*", "https://a.example/docs", "a.example"]
    );
    assert!(!options.allows("*"));
    assert!(!options.allows("https://a.example"));
}

#[test]
fn broken_percent_escapes_skip_the_parameter_only() {
    let options =
        EmbedOptions::from_query("origin=%zz&embed=1&origin=http%3A%2F%2F127.0.0.1%3A9000");
    assert!(options.embed);
    assert_eq!(options.origins, ["http://127.0.0.1:9000"]);
}

// ---- Origins ----

#[test]
fn origins_are_serialized_as_browsers_serialize_event_origin() {
    let cases = [
        ("https://A.Example", Some("https://a.example")),
        ("HTTPS://a.example:443", Some("https://a.example")),
        ("http://a.example:80/", Some("http://a.example")),
        ("http://a.example:8080", Some("http://a.example:8080")),
        ("http://127.0.0.1:05173", Some("http://127.0.0.1:5173")),
        ("https://[::1]:8443", Some("https://[::1]:8443")),
        (
            "https://xn--bcher-kva.example",
            Some("https://xn--bcher-kva.example"),
        ),
        ("  https://a.example  ", Some("https://a.example")),
    ];
    for (text, expected) in cases {
        assert_eq!(normalize_origin(text).as_deref(), expected, "{text}");
    }
}

#[test]
fn only_bare_http_and_https_origins_are_accepted() {
    for text in [
        "*",
        "null",
        "",
        "https://",
        "file:///tmp/page.html",
        "ftp://a.example",
        "javascript://a.example",
        "https://*.a.example",
        "https://a.example/path",
        "https://a.example?x=1",
        "https://a.example#top",
        "https://user@a.example",
        "https://a.example:99999",
        "https://a.example:+80",
        "https://a.example:",
        "https://a ex.example",
        "https://bücher.example",
    ] {
        assert_eq!(normalize_origin(text), None, "{text:?}");
    }
}

#[test]
fn allows_is_an_exact_match_on_the_serialized_origin() {
    let options = EmbedOptions::from_query("origin=https://docs.example");
    assert!(options.allows("https://docs.example"));
    for other in [
        "https://docs.example:8443",
        "http://docs.example",
        "https://evil-docs.example",
        "https://docs.example.evil",
        "https://sub.docs.example",
        "null",
    ] {
        assert!(!options.allows(other), "{other}");
    }
}

#[test]
fn nothing_is_allowed_without_an_origin_parameter() {
    let options = EmbedOptions::from_query("embed=1");
    assert!(!options.allows("https://docs.example"));
    assert!(!options.allows("null"));
}

// ---- Host messages ----

#[test]
fn a_set_message_with_every_field_is_read() {
    let message = parse_host_message(
        r#"{"type":"hookcheck:set","version":1,"text":"https://e.com/h","mode":"webhook","product":"test","outcome":"warnings"}"#,
    );
    assert_eq!(
        message,
        HostMessage::Set(SetRequest {
            text: Some("https://e.com/h".into()),
            mode: Some(ModeChoice::Fixed(Mode::Webhook)),
            product: Some(Product::Test),
            outcome: Some(Outcome::Warnings),
        })
    );
}

#[test]
fn absent_or_null_fields_leave_the_widget_as_it_is() {
    assert_eq!(
        parse_host_message(r#"{"type":"hookcheck:set","version":1}"#),
        HostMessage::Set(SetRequest::default())
    );
    assert_eq!(
        parse_host_message(r#"{"type":"hookcheck:set","version":1,"text":null,"mode":"auto"}"#),
        HostMessage::Set(SetRequest {
            mode: Some(ModeChoice::Auto),
            ..SetRequest::default()
        })
    );
}

#[test]
fn messages_that_are_not_ours_are_ignored_without_an_answer() {
    for text in [
        "\"hello\"",
        "42",
        "[]",
        "{}",
        r#"{"type":"other-widget:resize","version":1}"#,
        r#"{"type":7}"#,
        "not json at all",
    ] {
        assert_eq!(parse_host_message(text), HostMessage::NotOurs, "{text}");
    }
}

#[test]
fn hookcheck_messages_that_cannot_be_acted_on_say_why() {
    let cases = [
        (
            r#"{"type":"hookcheck:set","text":"x"}"#,
            MessageError::UnsupportedVersion,
        ),
        (
            r#"{"type":"hookcheck:set","version":2,"text":"x"}"#,
            MessageError::UnsupportedVersion,
        ),
        (
            r#"{"type":"hookcheck:set","version":"1","text":"x"}"#,
            MessageError::UnsupportedVersion,
        ),
        (
            r#"{"type":"hookcheck:get","version":1}"#,
            MessageError::UnknownType("hookcheck:get".into()),
        ),
        (
            r#"{"type":"hookcheck:set","version":1,"text":42}"#,
            MessageError::InvalidField("text"),
        ),
        (
            r#"{"type":"hookcheck:set","version":1,"mode":"yaml"}"#,
            MessageError::InvalidField("mode"),
        ),
        (
            r#"{"type":"hookcheck:set","version":1,"outcome":"Success"}"#,
            MessageError::InvalidField("outcome"),
        ),
    ];
    for (text, error) in cases {
        assert_eq!(
            parse_host_message(text),
            HostMessage::Invalid(error),
            "{text}"
        );
    }
}

#[test]
fn a_set_text_keeps_every_character() {
    let text = "{\"url\": \"https://e.com/é\",\n\t\"headers\": {\"X\": \"a\\\"b\"}}";
    let json = format!(
        r#"{{"type":"hookcheck:set","version":1,"text":{}}}"#,
        hookcheck_core::syntax::json::Json::string(text).to_compact()
    );
    assert_eq!(
        parse_host_message(&json),
        HostMessage::Set(SetRequest {
            text: Some(text.into()),
            ..SetRequest::default()
        })
    );
}

// ---- Widget messages ----

/// The message as the widget posts it, and the JSON text it is documented as, side by side
/// as JSON values (the order of an object's members carries no meaning).
fn posted(message: WidgetMessage, documented: &str) -> (serde_json::Value, serde_json::Value) {
    (
        serde_json::to_value(message).unwrap(),
        serde_json::from_str(documented).unwrap(),
    )
}

#[test]
fn ready_names_the_type_and_version_only() {
    let (posted, documented) = posted(
        WidgetMessage::ready(),
        r#"{"type":"hookcheck:ready","version":1}"#,
    );
    assert_eq!(posted, documented);
}

#[test]
fn result_carries_validity_and_counts() {
    let text = r#"{"url": "http://example.com/hook",}"#;
    let (posted_, documented) = posted(
        WidgetMessage::result(&check(text, None)),
        r#"{"type":"hookcheck:result","version":1,"valid":false,"errors":1,"warnings":1,"mode":"webhook","arrives":null}"#,
    );
    assert_eq!(posted_, documented);
    let (posted, documented) = posted(
        WidgetMessage::result(&check("#webhook:https://example.com/hook", None)),
        r#"{"type":"hookcheck:result","version":1,"valid":true,"errors":0,"warnings":0,"mode":"run-options","arrives":null}"#,
    );
    assert_eq!(posted, documented);
}

#[test]
fn result_carries_the_destinations_verdict_apart_from_validity() {
    let slack = "https://hooks.slack.com/services/T000/B000/XXXX";
    let (posted, documented) = posted(
        WidgetMessage::result(&check(slack, None)),
        r#"{"type":"hookcheck:result","version":1,"valid":true,"errors":1,"warnings":0,"mode":"webhook","arrives":false}"#,
    );
    assert_eq!(posted, documented);
}

#[test]
fn result_never_holds_the_text_or_its_secrets() {
    let text = r#"{"url": "https://example.com/hook", "headers": {"Authorization": "Bearer s3cr3t-t0ken"}, "fieldname": 1}"#;
    let message = serde_json::to_string(&WidgetMessage::result(&check(text, None))).unwrap();
    for leak in ["s3cr3t", "example.com", "Authorization", "fieldname"] {
        assert!(!message.contains(leak), "{message} leaks {leak}");
    }
}

#[test]
fn height_and_error_messages_have_their_documented_shapes() {
    let (posted_, documented) = posted(
        WidgetMessage::height(312),
        r#"{"type":"hookcheck:height","version":1,"height":312}"#,
    );
    assert_eq!(posted_, documented);
    let (posted, documented) = posted(
        WidgetMessage::error(&MessageError::UnsupportedVersion),
        r#"{"type":"hookcheck:error","version":1,"error":"unsupported-version","message":"hookcheck speaks protocol version 1; send \"version\": 1."}"#,
    );
    assert_eq!(posted, documented);
}

#[test]
fn heights_are_rounded_up_and_posted_only_when_they_change() {
    let mut reporter = HeightReporter::default();
    assert_eq!(reporter.observe(300.2), Some(301));
    assert_eq!(reporter.observe(300.9), None);
    assert_eq!(reporter.observe(301.0), None);
    assert_eq!(reporter.observe(420.0), Some(420));
    assert_eq!(reporter.observe(f64::NAN), None);
    assert_eq!(reporter.observe(-1.0), None);
    assert_eq!(reporter.observe(301.0), Some(301));
}

// ---- Open in the full app ----

#[test]
fn open_in_app_carries_the_state_with_the_secrets_its_check_found_left_out() {
    let text =
        r#"{"url": "https://example.com/hook", "headers": {"Authorization": "Bearer s3cr3t"}}"#;
    let mut state = ShareState::new(strip_secrets(text, &check(text, None).secrets));
    state.outcome = Outcome::Failure;
    let url = open_in_app_url("https://hookcheck.example/?embed=1#s=old", "#s=", &state);
    let (base, code) = url.split_once("#s=").unwrap();
    assert_eq!(base, "https://hookcheck.example/");
    let restored = ShareState::decode(code).unwrap();
    assert_eq!(restored.outcome, Outcome::Failure);
    assert_eq!(
        restored.text,
        r#"{"url": "https://example.com/hook", "headers": {"Authorization": ""}}"#
    );
}

#[test]
fn open_in_app_from_the_widgets_page_opens_the_app_beside_it() {
    let state = ShareState::new("https://example.com/hook");
    let url = open_in_app_url(
        "https://hookcheck.example/app/embed.html?origin=https%3A%2F%2Fa.example&lang=en",
        "#s=",
        &state,
    );
    assert_eq!(
        url,
        format!(
            "https://hookcheck.example/app/?lang=en#s={}",
            state.encode()
        )
    );
}

#[test]
fn open_in_app_drops_only_the_widget_parameters() {
    let state = ShareState::new("https://example.com/hook");
    let url = open_in_app_url(
        "https://hookcheck.example/app/?embed=1&origin=https%3A%2F%2Fa.example&lang=en&readonly=1&product=test&outcome=failure&mode=webhook",
        "#s=",
        &state,
    );
    assert_eq!(
        url,
        format!(
            "https://hookcheck.example/app/?lang=en#s={}",
            state.encode()
        )
    );
}

#[test]
fn the_widget_never_acts_on_its_own_message_types() {
    for kind in ["ready", "result", "height", "error"] {
        let text = format!(r#"{{"type":"hookcheck:{kind}","version":1}}"#);
        assert_eq!(parse_host_message(&text), HostMessage::NotOurs, "{kind}");
    }
}
