//! The app's side of `hookcheck relay`, without a browser: the documents both sides exchange,
//! the pairing link's fragment, the relay's address, the command the send panel offers, and
//! the words for each way a relayed call fails.

mod common;

use hookcheck_core::browser::relay::{
    kind, offers_relay, relay_command, Pairing, PairingError, RelayError, RelayFailure, RelayReply,
    RelayRequest, MAX_TIMEOUT_MS,
};
use hookcheck_core::browser::send::SendFailure;
use hookcheck_core::Outcome;
use serde_json::json;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

fn pairing() -> Pairing {
    Pairing {
        port: 8788,
        token: TOKEN.into(),
    }
}

// Pairing ----------------------------------------------------------------------------

#[test]
fn a_pairing_fragment_gives_the_port_and_the_token() {
    assert_eq!(
        Pairing::from_fragment(&format!("#relay=8788:{TOKEN}")),
        Some(Ok(pairing()))
    );
}

#[test]
fn a_fragment_that_is_not_a_pairing_is_none() {
    for fragment in ["", "#", "#s=abc", "#relay", "relay=8788:x", "#Relay=8788:x"] {
        assert_eq!(Pairing::from_fragment(fragment), None, "{fragment}");
    }
}

#[test]
fn a_malformed_pairing_fragment_is_refused_with_the_reason() {
    let cases = [
        ("#relay=", PairingError::Shape),
        (&format!("#relay={TOKEN}") as &str, PairingError::Shape),
        (&format!("#relay=:{TOKEN}"), PairingError::Port),
        (&format!("#relay=0:{TOKEN}"), PairingError::Port),
        (&format!("#relay=65536:{TOKEN}"), PairingError::Port),
        (&format!("#relay=+8788:{TOKEN}"), PairingError::Port),
        (&format!("#relay=08788x:{TOKEN}"), PairingError::Port),
        (&format!("#relay=99999999999:{TOKEN}"), PairingError::Port),
        ("#relay=8788:", PairingError::Token),
        ("#relay=8788:short", PairingError::Token),
        (&format!("#relay=8788:{TOKEN}%20"), PairingError::Token),
        (&format!("#relay=8788:{TOKEN}:1"), PairingError::Token),
        (
            &format!("#relay=8788:{}", "a".repeat(257)),
            PairingError::Token,
        ),
    ];
    for (fragment, why) in cases {
        assert_eq!(
            Pairing::from_fragment(fragment),
            Some(Err(why)),
            "{fragment}"
        );
    }
}

#[test]
fn a_damaged_pairing_is_explained_without_repeating_the_token() {
    for why in [PairingError::Shape, PairingError::Port, PairingError::Token] {
        let message = why.message();
        assert!(
            message.starts_with("The relay's pairing link is damaged"),
            "{message}"
        );
        assert!(!message.contains(TOKEN));
    }
}

#[test]
fn the_ports_edges_pair() {
    for port in [1, 65535] {
        let pairing = Pairing::parse(&format!("{port}:{TOKEN}")).unwrap();
        assert_eq!(pairing.port, port);
    }
}

#[test]
fn a_pairing_is_stored_as_it_came_and_read_back() {
    let pairing = pairing();
    assert_eq!(pairing.stored(), format!("8788:{TOKEN}"));
    assert_eq!(Pairing::parse(&pairing.stored()), Ok(pairing));
}

#[test]
fn the_relay_is_always_on_127_0_0_1_with_the_token_as_a_bearer() {
    let pairing = pairing();
    assert_eq!(pairing.url(), "http://127.0.0.1:8788/_relay");
    assert_eq!(pairing.authorization(), format!("Bearer {TOKEN}"));
    assert_eq!(pairing.via(), "via relay on 127.0.0.1:8788");
}

// The command the panel offers -------------------------------------------------------

#[test]
fn the_command_names_this_page_as_the_app_without_query_or_fragment() {
    assert_eq!(
        relay_command("http://127.0.0.1:8080/"),
        "hookcheck relay --app 'http://127.0.0.1:8080/'"
    );
    assert_eq!(
        relay_command("https://tools.example.com/hookcheck/?embed=0#s=abc"),
        "hookcheck relay --app 'https://tools.example.com/hookcheck/'"
    );
}

#[test]
fn the_command_quotes_the_page_for_a_posix_shell() {
    assert_eq!(
        relay_command("https://example.com/it's/"),
        r"hookcheck relay --app 'https://example.com/it'\''s/'"
    );
}

#[test]
fn a_page_not_served_over_http_gets_the_command_without_app() {
    for page in ["file:///home/me/dist/index.html", "about:blank", ""] {
        assert_eq!(relay_command(page), "hookcheck relay", "{page}");
    }
}

#[test]
fn the_relay_is_offered_where_the_browser_cannot_or_may_not_reach() {
    for url in [
        "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
        "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t",
        "https://example.com/hook",
    ] {
        assert!(
            offers_relay(&common::request(url, Outcome::Success)),
            "{url}"
        );
    }
}

#[test]
fn the_relay_is_not_offered_where_the_browser_reaches() {
    for url in [
        "https://discord.com/api/webhooks/123456/token-abc",
        "http://127.0.0.1:8787/hook",
        "http://localhost:8787/hook",
    ] {
        assert!(
            !offers_relay(&common::request(url, Outcome::Success)),
            "{url}"
        );
    }
    let sns = common::request(
        r#"{"provider": "aws-sns", "region": "us-east-1", "topicArn": "arn:aws:sns:us-east-1:123456789012:topic"}"#,
        Outcome::Success,
    );
    assert!(!offers_relay(&sns));
}

// Documents --------------------------------------------------------------------------

#[test]
fn the_request_document_carries_the_exact_request_in_order() {
    let request = common::request(
        r#"{"url": "https://example.com/hook", "headers": {"B": "2", "A": "1"}}"#,
        Outcome::Success,
    );
    let document = RelayRequest::of(&request, 5_000);
    assert_eq!(document.method, "POST");
    assert_eq!(document.url, "https://example.com/hook");
    assert_eq!(document.headers, request.header_pairs());
    assert_eq!(document.body, request.body);
    assert_eq!(
        serde_json::to_value(&document).unwrap()["headers"],
        serde_json::to_value(request.header_pairs()).unwrap()
    );
    assert_eq!(document.timeout_ms, Some(5_000));
}

#[test]
fn the_request_documents_timeout_is_at_most_the_relays() {
    let request = common::request("https://example.com/hook", Outcome::Success);
    assert_eq!(
        RelayRequest::of(&request, 300_000).timeout_ms,
        Some(MAX_TIMEOUT_MS)
    );
}

#[test]
fn a_request_document_is_read_with_defaults_and_extra_members_ignored() {
    let document: RelayRequest = serde_json::from_value(json!({
        "method": "POST", "url": "https://example.com/", "destination": null
    }))
    .unwrap();
    assert_eq!(document.headers, []);
    assert_eq!(document.body, "");
    assert_eq!(document.check(), Ok(10_000));
}

#[test]
fn a_request_document_without_a_timeout_writes_none() {
    let document = RelayRequest {
        timeout_ms: None,
        ..RelayRequest::of(
            &common::request("https://example.com/hook", Outcome::Success),
            1,
        )
    };
    assert!(serde_json::to_value(&document)
        .unwrap()
        .get("timeout_ms")
        .is_none());
}

#[test]
fn the_relay_sends_post_only() {
    for method in ["GET", "PUT", "post"] {
        let document = RelayRequest {
            method: method.into(),
            ..RelayRequest::of(
                &common::request("https://example.com/hook", Outcome::Success),
                1_000,
            )
        };
        assert_eq!(document.check().unwrap_err().kind, kind::METHOD, "{method}");
    }
}

#[test]
fn a_timeout_outside_one_ms_to_sixty_seconds_is_refused() {
    let document = RelayRequest::of(
        &common::request("https://example.com/hook", Outcome::Success),
        1_000,
    );
    for ms in [0, 60_001, u64::MAX] {
        let refused = RelayRequest {
            timeout_ms: Some(ms),
            ..document.clone()
        };
        assert_eq!(refused.check().unwrap_err().kind, kind::DOCUMENT, "{ms}");
    }
    for ms in [1, 60_000] {
        let taken = RelayRequest {
            timeout_ms: Some(ms),
            ..document.clone()
        };
        assert_eq!(taken.check(), Ok(ms));
    }
}

#[test]
fn the_reply_document_round_trips_and_reads_without_its_optional_members() {
    let reply = RelayReply {
        status: 400,
        status_text: "Bad Request".into(),
        headers: vec![("content-type".into(), "text/html".into())],
        body: "no_text".into(),
        ms: 12,
        truncated: false,
    };
    let text = serde_json::to_string(&reply).unwrap();
    assert_eq!(
        text,
        r#"{"status":400,"status_text":"Bad Request","headers":[["content-type","text/html"]],"body":"no_text","ms":12,"truncated":false}"#
    );
    assert_eq!(serde_json::from_str::<RelayReply>(&text).unwrap(), reply);
    let older: RelayReply = serde_json::from_value(json!({
        "status": 204, "headers": [], "body": "", "ms": 3
    }))
    .unwrap();
    assert_eq!((older.status_text.as_str(), older.truncated), ("", false));
}

#[test]
fn the_error_document_is_one_sentence_and_a_kind() {
    let error = RelayError::new(kind::BUSY, "Try again.");
    assert_eq!(
        serde_json::to_value(&error).unwrap(),
        json!({"error": "Try again.", "kind": "busy"})
    );
}

// Failures ---------------------------------------------------------------------------

fn refused(status: u16, kind: &str, why: &str) -> RelayFailure {
    RelayFailure::refused(&pairing(), status, Some(RelayError::new(kind, why)))
}

#[test]
fn no_answer_at_the_relays_port_is_a_relay_not_running() {
    let failure = RelayFailure::no_answer(&pairing(), false, "http://127.0.0.1:8080/");
    let e = failure.explain();
    assert_eq!(e.title, "The relay is not running");
    assert!(e.message.contains("127.0.0.1:8788"), "{e:?}");
    assert!(
        e.what_to_do
            .contains("`hookcheck relay --app 'http://127.0.0.1:8080/'`"),
        "{e:?}"
    );
    assert!(e.message.contains("Nothing was sent"), "{e:?}");
}

#[test]
fn a_relay_that_answers_a_probe_but_not_the_page_refuses_its_origin() {
    let failure = RelayFailure::no_answer(&pairing(), true, "https://tools.example.com/app/?x=1");
    let e = failure.explain();
    assert_eq!(e.title, "The relay does not serve this page");
    assert!(
        e.message.contains("pages from https://tools.example.com:"),
        "{e:?}"
    );
    assert!(
        e.what_to_do
            .contains("--app 'https://tools.example.com/app/'"),
        "{e:?}"
    );
}

#[test]
fn a_401_is_a_wrong_token_and_says_to_pair_again() {
    let failure = refused(401, kind::TOKEN, "The relay's token is missing or wrong.");
    assert_eq!(failure.kind(), "relay-token");
    let e = failure.explain();
    assert_eq!(e.title, "The relay refused the token");
    assert!(e.message.contains("answered 401"), "{e:?}");
    assert!(e.what_to_do.contains("pairing link"), "{e:?}");
    assert!(!format!("{e:?}").contains(TOKEN));
}

#[test]
fn a_refused_target_says_why_and_names_allow_private() {
    let why = "`127.0.0.1` is a loopback address (this machine): hookcheck sends only to public addresses unless --allow-private is given.";
    let e = refused(403, kind::PRIVATE_TARGET, why).explain();
    assert_eq!(e.title, "The relay refused the target");
    assert!(e.message.starts_with(why), "{e:?}");
    assert!(e.what_to_do.contains("--allow-private"), "{e:?}");
}

#[test]
fn a_429_is_a_busy_relay() {
    let e = refused(429, kind::BUSY, "busy").explain();
    assert_eq!(e.title, "The relay is busy");
    assert!(e.message.contains("4 calls"), "{e:?}");
}

#[test]
fn a_413_is_a_request_too_large_for_the_relay() {
    let e = refused(413, kind::TOO_LARGE, "too large").explain();
    assert_eq!(e.title, "The request is too large for the relay");
    assert!(e.message.contains("1 MiB"), "{e:?}");
}

#[test]
fn a_504_is_a_timeout_that_may_have_arrived() {
    let why = "No whole reply within 10 s: the server may still have received the call.";
    let failure = refused(504, kind::TIMEOUT, why);
    assert!(
        matches!(failure, RelayFailure::Timeout { .. }),
        "{failure:?}"
    );
    let e = failure.explain();
    assert_eq!(e.message, why);
    assert!(e.what_to_do.contains("at most 60 s"), "{e:?}");
}

#[test]
fn a_502_is_a_destination_the_relay_could_not_reach_not_cors() {
    for kind in [kind::DNS, kind::CONNECT, kind::TLS, kind::REPLY] {
        let why = "Nothing answered at 127.0.0.1:9: the connection was refused.";
        let e = refused(502, kind, why).explain();
        assert_eq!(
            e.title, "The relay could not reach the destination",
            "{kind}"
        );
        assert!(e.message.starts_with(why), "{e:?}");
        assert!(e.message.contains("not CORS"), "{e:?}");
    }
}

#[test]
fn an_answer_that_is_not_the_relays_says_something_else_has_the_port() {
    let failure = RelayFailure::refused(&pairing(), 404, None);
    assert_eq!(failure.kind(), "not-a-relay");
    assert!(failure.explain().message.contains("127.0.0.1:8788"));
}

#[test]
fn another_refusal_quotes_the_relays_sentence_and_status() {
    let e = refused(
        400,
        kind::URL,
        "The URL cannot be sent: it has a user name.",
    )
    .explain();
    assert_eq!(e.title, "The relay refused the call (400)");
    assert!(e.message.starts_with("The URL cannot be sent"), "{e:?}");
}

#[test]
fn a_relay_failure_is_a_send_failure_with_its_own_kind_and_words() {
    let failure = SendFailure::Relay(refused(429, kind::BUSY, "busy"));
    assert_eq!(failure.kind(), "relay-busy");
    assert_eq!(failure.short(), "relay busy");
    assert_eq!(failure.explain().title, "The relay is busy");
}

// The app's reading of the relay's answers -------------------------------------------

#[test]
fn the_apps_reading_of_reply_documents_is_serdes() {
    for text in [
        r#"{"status":400,"status_text":"Bad Request","headers":[["content-type","text/html"],["x-hookcheck-as","slack"]],"body":"no_text","ms":12,"truncated":false}"#,
        r#"{"status":204,"headers":[],"body":"","ms":0,"extra":{"a":[1]}}"#,
        r#"{"status":200,"status_text":"OK","headers":[],"body":"é ✓ \"q\"\n","ms":9007199254740991,"truncated":true}"#,
        r#"{"status":70000,"headers":[],"body":"","ms":1}"#,
        r#"{"status":-1,"headers":[],"body":"","ms":1}"#,
        r#"{"status":200,"headers":[["a"]],"body":"","ms":1}"#,
        r#"{"status":200,"headers":[["a", 1]],"body":"","ms":1}"#,
        r#"{"status":200,"headers":{},"body":"","ms":1}"#,
        r#"{"status":200,"headers":[],"ms":1}"#,
        r#"{"status":200,"headers":[],"body":"","ms":1,"truncated":"no"}"#,
        r#"{"status":200,"headers":[],"body":"","ms":1,"status_text":null}"#,
        r#"{"status":"200","headers":[],"body":"","ms":1}"#,
        r#"[]"#,
        r#"not json"#,
        "",
    ] {
        assert_eq!(
            RelayReply::from_json(text),
            serde_json::from_str::<RelayReply>(text).ok(),
            "{text}"
        );
    }
}

#[test]
fn the_apps_reading_of_error_documents_is_serdes() {
    for text in [
        r#"{"error":"The relay is busy.","kind":"busy"}"#,
        r#"{"kind":"token","error":"No token.","extra":1}"#,
        r#"{"error":"x"}"#,
        r#"{"error":1,"kind":"busy"}"#,
        r#"not found"#,
    ] {
        assert_eq!(
            RelayError::from_json(text),
            serde_json::from_str::<RelayError>(text).ok(),
            "{text}"
        );
    }
}
