//! Destinations: recognition from the URL, the destination's rules over every outcome,
//! one-click fixes that make the config acceptable, URL and body secrets, replies and the
//! preview as the destination shows it. Facts and sources: docs/destinations.md.

mod common;

use common::*;
use hookcheck_core::browser::share::{strip_secrets, ShareState};
use hookcheck_core::catalog::recognise::{masked_url, url_secret_spans};
use hookcheck_core::destination::preview::{preview, Style};
use hookcheck_core::destination::reply::{answer, explain};
use hookcheck_core::destination::{recognise, Arrival, DestinationId};
use hookcheck_core::render::curl;
use hookcheck_core::{check, render_request, Outcome, SampleData, Severity};

const SLACK: &str = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx";
const DISCORD: &str = "https://discord.com/api/webhooks/123456789012345678/tok-en_ABC";
const GOOGLE_CHAT: &str =
    "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=AIzaKEY&token=chat-token-123";
const TEAMS_WORKFLOW: &str = "https://default0a1b.02.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SIGNATURE123";
const PAGERDUTY: &str = "https://events.pagerduty.com/v2/enqueue";
const OPSGENIE: &str = "https://api.opsgenie.com/v2/alerts";
const MATTERMOST: &str = "https://chat.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx";

fn with(url: &str, members: &str) -> String {
    if members.is_empty() {
        format!(r#"{{"url": "{url}"}}"#)
    } else {
        format!(r#"{{"url": "{url}", {members}}}"#)
    }
}

/// `text` without the secrets its check found, as share links and the remembered input hold it.
fn without_secrets(text: &str) -> String {
    strip_secrets(text, &check(text, None).secrets)
}

fn errors(text: &str) -> Vec<&'static str> {
    located(text)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect()
}

// Recognition ------------------------------------------------------------------------

#[test]
fn destinations_are_recognised_by_host_and_path_shape() {
    let table: &[(&str, Option<&str>, bool)] = &[
        (SLACK, Some("slack"), false),
        ("https://hooks.slack.com/triggers/T0/123/abc", Some("slack-workflow"), false),
        (DISCORD, Some("discord"), false),
        ("https://discordapp.com/api/v10/webhooks/1/t/slack", Some("discord"), false),
        ("https://ptb.discord.com/api/webhooks/1/t", Some("discord"), false),
        ("https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d", Some("teams-connector"), false),
        ("https://outlook.office.com/webhook/a@b/IncomingWebhook/c/d", Some("teams-connector"), false),
        ("https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x", Some("teams-workflow"), false),
        (TEAMS_WORKFLOW, Some("teams-workflow"), false),
        (GOOGLE_CHAT, Some("google-chat"), false),
        (MATTERMOST, Some("mattermost"), true),
        ("https://rocket.example.org/hooks/abc123/tokenXYZ", Some("rocket-chat"), true),
        (PAGERDUTY, Some("pagerduty"), false),
        ("https://events.pagerduty.com/integration/abc/enqueue", Some("pagerduty"), false),
        (OPSGENIE, Some("opsgenie"), false),
        ("https://api.eu.opsgenie.com/v2/alerts", Some("opsgenie"), false),
        ("https://api.atlassian.com/jsm/ops/integration/v2/alerts", Some("opsgenie"), false),
        ("https://hooks.zapier.com/hooks/catch/123/abc/", Some("zapier"), false),
        ("https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456", Some("make"), false),
        ("https://webhook.site/80e9df96-8f69-4297-927a-00a28d723191", Some("webhook-site"), false),
        ("https://eo1234.m.pipedream.net", Some("pipedream"), false),
        ("https://myhook.free.beeceptor.com/x", Some("beeceptor"), false),
        ("https://api.datadoghq.eu/api/v1/events", Some("datadog"), false),
        // An unknown host is no destination, whatever its path.
        ("https://example.com/services/T0/B0/xyz", None, false),
        ("https://hooks.slack.com.evil.example/services/T0/B0/x", None, false),
        ("https://example.com/api/webhooks/1/t", None, false),
        ("https://example.com/hook", None, false),
        // A known host with a path of another shape.
        ("https://discord.com/channels/1/2", None, false),
    ];
    for (url, id, probable) in table {
        let found = recognise(url);
        assert_eq!(found.map(|f| f.id.id()), *id, "{url}");
        if let Some(found) = found {
            assert_eq!(found.probable, *probable, "{url}");
        }
    }
}

#[test]
fn every_id_reads_back_and_has_a_name() {
    for id in DestinationId::all() {
        assert_eq!(DestinationId::parse(id.id()), Some(id));
        assert!(!id.name().is_empty());
    }
}

#[test]
fn the_report_names_the_destination_even_when_it_wont_arrive() {
    let report = check(SLACK, None);
    assert_eq!(report.arrives(), Some(false));
    assert_eq!(report.destination.map(|d| d.id), Some(DestinationId::Slack));
    assert_eq!(check("https://example.com/hook", None).destination, None);
}

#[test]
fn hostile_urls_never_panic() {
    for url in [
        "https://",
        "https://@",
        "https://hooks.slack.com",
        "https://[::1]:99/hooks/a/b",
        "https://discord.com/api/v/webhooks/x/y",
        "https://é.example/hooks/é/é?token=é&sig",
        "http://a:b@c:d@hooks.slack.com/services/x",
    ] {
        let _ = recognise(url);
        let _ = url_secret_spans(url);
        let _ = masked_url(url);
        let _ = check(url, None);
    }
}

// Rules ------------------------------------------------------------------------------

/// (input, the code it raises, a phrase of the message)
fn rule_table() -> Vec<(String, &'static str, &'static str)> {
    vec![
        (SLACK.to_string(), "destination-missing-field", "Slack answers `400 no_text`: a json/object body has no `text`"),
        (with(SLACK, r#""format": "cloudevent""#), "destination-missing-field", "a cloudevent body has no `text`"),
        (with(SLACK, r#""body": {"msg": "<% this.status %>"}"#), "destination-missing-field", "the body template has no `text`"),
        (with(SLACK, r#""format": "json/text""#), "destination-field-ignored", "ignore `username`"),
        (with(SLACK, r#""body": {"text": 5}"#), "destination-invalid-value", "400 invalid_payload"),
        (with("https://hooks.slack.com/triggers/T0/1/a", ""), "destination-values-not-strings", "likely"),
        (with(DISCORD, r#""format": "json/text""#), "destination-missing-field", "`text`, which is not a Discord field"),
        (DISCORD.to_string(), "destination-missing-field", "50006"),
        (with(DISCORD, r#""body": {"content": "<% this.failureReasons %>"}"#), "destination-missing-field", "(Seen on success and warnings.)"),
        (with(&format!("{DISCORD}/slack"), ""), "destination-missing-field", "Slack-compatible"),
        (with(GOOGLE_CHAT, r#""format": "json/text""#), "destination-unknown-field", "Unknown name \"username\""),
        (with(GOOGLE_CHAT, r#""body": {}"#), "destination-missing-field-likely", "likely refuses"),
        (TEAMS_WORKFLOW.to_string(), "destination-missing-field", "202 Accepted`, then the flow run fails"),
        (TEAMS_WORKFLOW.to_string(), "destination-reply-queued", "queued"),
        ("https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x".to_string(), "destination-retiring", "30 Nov 2025"),
        ("https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d".to_string(), "destination-retiring", "retiring Office 365 connectors"),
        ("https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d".to_string(), "destination-missing-field", "Summary or Text is required."),
        (MATTERMOST.to_string(), "destination-missing-field-likely", "If this is Mattermost"),
        ("https://rocket.example.org/hooks/abc123/tokenXYZ".to_string(), "destination-missing-field-likely", "If this is Rocket.Chat"),
        (PAGERDUTY.to_string(), "destination-missing-field", "`routing_key`"),
        (with(PAGERDUTY, r#""body": {"routing_key": "k", "event_action": "fire", "payload": {"summary": "s", "source": "x", "severity": "error"}}"#), "destination-invalid-value", "`event_action` is `fire`"),
        (with(PAGERDUTY, r#""body": {"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "source": "x", "severity": "<% this.status %>"}}"#), "destination-invalid-value", "`payload.severity` is `completed`"),
        (PAGERDUTY.to_string(), "destination-reply-queued", "202"),
        (OPSGENIE.to_string(), "destination-missing-header", "GenieKey"),
        (OPSGENIE.to_string(), "destination-missing-field", "`message`"),
        (OPSGENIE.to_string(), "destination-retiring", "5 Apr 2027"),
        (with(OPSGENIE, r#""headers": {"Authorization": "GenieKey k"}, "body": {"message": "<% this.resultUrl %> <% this.resultUrl %> <% this.resultUrl %>"}"#), "destination-truncated", "130 characters"),
        (with("https://hooks.zapier.com/hooks/catch/1/a/", r#""format": "json/text""#), "destination-data-as-string", "one `text` string"),
        ("https://api.datadoghq.com/api/v1/events".to_string(), "destination-missing-header", "DD-API-KEY"),
        ("https://mockbin.org/bin/1234".to_string(), "destination-retiring", "Mockbin"),
        (SLACK.to_string(), "destination-url-secret", "credential"),
    ]
}

#[test]
fn each_destination_rule_is_raised_with_its_message() {
    for (text, code, phrase) in rule_table() {
        let found = diags(&text, code);
        assert!(
            found.iter().any(|d| d.message.contains(phrase)),
            "{text}: no `{code}` saying {phrase:?}; found {:#?}",
            located(&text)
                .iter()
                .map(|d| (d.code, d.message.clone()))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_slack_url_alone_wont_arrive_and_quotes_slacks_reply() {
    let d = diag(SLACK, "destination-missing-field");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.starts_with("Slack answers `400 no_text`"));
    let report = check(SLACK, None);
    assert_eq!(report.arrives(), Some(false));
    assert_eq!(
        report
            .arrival
            .and_then(|a| a.reply().map(str::to_string))
            .as_deref(),
        Some("400 no_text")
    );
}

#[test]
fn discord_content_over_2000_characters_is_an_error_after_rendering() {
    let long = "<% this.resultUrl %>".repeat(60);
    let text = with(DISCORD, &format!(r#""body": {{"content": "{long}"}}"#));
    let d = diag(&text, "destination-too-long");
    assert!(d.message.contains("at most 2,000"), "{}", d.message);
}

#[test]
fn slack_text_over_40000_characters_is_a_warning() {
    let long = "<% this.resultUrl %>".repeat(900);
    let text = with(SLACK, &format!(r#""body": {{"text": "{long}"}}"#));
    assert_eq!(
        diag(&text, "destination-truncated").severity,
        Severity::Warning
    );
}

#[test]
fn pagerduty_summary_over_1024_characters_is_a_likely_warning() {
    let long = "<% this.resultUrl %>".repeat(30);
    let body = format!(
        r#""body": {{"routing_key": "k", "event_action": "trigger", "payload": {{"summary": "{long}", "source": "testRTC", "severity": "info"}}}}"#
    );
    let d = diag(&with(PAGERDUTY, &body), "destination-truncated");
    assert!(d.message.contains("likely"));
}

#[test]
fn google_chat_over_32000_bytes_is_an_error() {
    let long = "<% this.resultUrl %>".repeat(700);
    let text = with(GOOGLE_CHAT, &format!(r#""body": {{"text": "{long}"}}"#));
    assert_eq!(
        diag(&text, "destination-too-long").severity,
        Severity::Error
    );
}

#[test]
fn a_rule_seen_only_with_every_variable_says_so() {
    // A number in the payload: only with every variable (score) for a Slack workflow.
    let text = "https://hooks.slack.com/triggers/T0/1/a";
    let d = diag(text, "destination-values-not-strings");
    assert!(d.message.contains("with every variable"), "{}", d.message);
}

#[test]
fn probable_destinations_only_warn() {
    for text in [
        MATTERMOST,
        "https://rocket.example.org/hooks/abc123/tokenXYZ",
    ] {
        assert!(check(text, None).is_valid(), "{text}: {:?}", codes(text));
    }
}

#[test]
fn unknown_hosts_get_no_destination_diagnostic() {
    for text in [
        "https://example.com/hook",
        &with("https://example.com/services/T/B/x", ""),
    ] {
        assert!(
            !codes(text).iter().any(|c| c.starts_with("destination-")),
            "{text}: {:?}",
            codes(text)
        );
    }
}

#[test]
fn destination_diagnostics_inside_run_options_point_into_the_option() {
    let text = format!("#timeout:5 #webhook:{SLACK}");
    let d = diag(&text, "destination-missing-field");
    assert_eq!(spanned(&text, &d), SLACK);
}

// Fixes ------------------------------------------------------------------------------

/// Applies the fix of the first destination error until none is left (at most 3 times).
fn fix_until_accepted(text: &str) -> String {
    let mut text = text.to_string();
    for _ in 0..3 {
        let Some(d) = located(&text)
            .into_iter()
            .find(|d| d.severity == Severity::Error && d.code.starts_with("destination-"))
        else {
            return text;
        };
        text = apply_fix(&text, &d);
    }
    text
}

#[test]
fn each_fix_gives_a_config_the_destination_accepts() {
    let table: Vec<(String, &str)> = vec![
        (SLACK.to_string(), "\"format\": \"json/text\""),
        (
            with(SLACK, r#""body": {"msg": "<% this.status %>"}"#),
            "\"text\":",
        ),
        (with(DISCORD, ""), "\"content\":"),
        (with(DISCORD, r#""format": "json/text""#), "/slack\""),
        (
            format!("{{\n  \"url\": \"{GOOGLE_CHAT}\",\n  \"format\": \"json/text\"\n}}"),
            "\"text\":",
        ),
        (TEAMS_WORKFLOW.to_string(), "AdaptiveCard"),
        (PAGERDUTY.to_string(), "YOUR_PAGERDUTY_ROUTING_KEY"),
        (
            with(PAGERDUTY, r#""fieldname": "data""#),
            "\"event_action\":\"trigger\"",
        ),
        (OPSGENIE.to_string(), "GenieKey YOUR_OPSGENIE_API_KEY"),
        (
            with(OPSGENIE, r#""headers": {"authorization": "Bearer x"}"#),
            "\"message\":",
        ),
        (
            "https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d".to_string(),
            "json/text",
        ),
        (
            "https://api.datadoghq.com/api/v1/events".to_string(),
            "DD-API-KEY",
        ),
        (format!("#timeout:5 #webhook:{SLACK} #vnc"), "json/text"),
    ];
    for (text, expected) in table {
        let fixed = fix_until_accepted(&text);
        assert!(fixed.contains(expected), "{text} fixed to {fixed}");
        let errors = errors(&fixed);
        assert!(
            errors.is_empty(),
            "{text} fixed to {fixed}: still {errors:?}"
        );
        assert!(check(&fixed, None).is_valid());
    }
}

#[test]
fn the_slack_fix_is_one_click() {
    let fixed = assert_fix_clears(SLACK, "destination-missing-field");
    assert_eq!(
        fixed,
        format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#)
    );
}

#[test]
fn fixes_keep_the_layout_of_a_multi_line_form() {
    let text = format!("{{\n  \"url\": \"{SLACK}\",\n  \"format\": \"json/object\"\n}}");
    let fixed = assert_fix_clears(&text, "destination-missing-field");
    assert_eq!(
        fixed,
        format!("{{\n  \"url\": \"{SLACK}\",\n  \"format\": \"json/text\"\n}}")
    );
    let text = format!("{{\n  \"url\": \"{DISCORD}\"\n}}");
    let fixed = assert_fix_clears(&text, "destination-missing-field");
    assert!(
        fixed.contains("\n  \"body\": {\n    \"content\": "),
        "{fixed}"
    );
}

#[test]
fn the_opsgenie_fix_renames_no_header_and_adds_no_duplicate() {
    let text = with(OPSGENIE, r#""headers": {"authorization": "Bearer x"}"#);
    let fixed = fix_until_accepted(&text);
    assert!(
        fixed.contains(r#""authorization": "GenieKey YOUR_OPSGENIE_API_KEY""#),
        "{fixed}"
    );
    assert!(!raises(&fixed, "header-duplicate"));
}

// Secrets ----------------------------------------------------------------------------

#[test]
fn url_credentials_are_masked_in_preview_and_curl_until_revealed() {
    let table: &[(&str, &str, &str)] = &[
        (
            SLACK,
            "https://hooks.slack.com/services/••••••••",
            "abcdefghijklmnopqrstuvwx",
        ),
        (
            DISCORD,
            "https://discord.com/api/webhooks/123456789012345678/••••••••",
            "tok-en_ABC",
        ),
        (GOOGLE_CHAT, "key=••••••••&token=••••••••", "chat-token-123"),
        (TEAMS_WORKFLOW, "sig=••••••••", "SIGNATURE123"),
        (
            "https://me:pw@example.com/h?access_token=abc&x=1",
            "https://••••••••@example.com/h?access_token=••••••••&x=1",
            "pw",
        ),
        (
            "https://example.com/h?api_key=k1&code=c2&secret=s3&apikey=a4",
            "api_key=••••••••&code=••••••••&secret=••••••••&apikey=••••••••",
            "k1",
        ),
        (
            MATTERMOST,
            "https://chat.example.org/hooks/••••••••",
            "xxxxxxxxxx",
        ),
    ];
    for (url, masked, secret) in table {
        assert!(
            masked_url(url).contains(masked),
            "{url}: {}",
            masked_url(url)
        );
        assert!(!masked_url(url).contains(secret), "{url}");
        let text = with(url, r#""format": "json/text""#);
        let report = check(&text, None);
        if let Some(config) = &report.config {
            let request = render_request(config, &SampleData::for_outcome(Outcome::Success));
            assert!(!curl::to_curl(&request, false).contains(secret), "{url}");
            assert!(curl::to_curl(&request, true).contains(secret), "{url}");
        }
    }
}

#[test]
fn a_url_written_with_backslashes_is_read_as_node_reads_it_its_destination_and_its_token() {
    // WHATWG URLs and Node read `\` as `/` in an http(s) URL: testRTC calls Slack.
    let text = SLACK
        .replace("/services/", "\\services\\")
        .replace("/B0", "\\B0")
        .replace("/abc", "\\abc");
    assert!(!text.contains("/services"), "{text}");
    let report = check(&text, None);
    assert_eq!(report.destination.map(|d| d.id), Some(DestinationId::Slack));
    assert_eq!(report.arrives(), Some(false));
    assert_eq!(
        masked_url(&text),
        "https://hooks.slack.com\\services\\••••••••"
    );
}

#[test]
fn an_ordinary_url_is_not_masked() {
    assert_eq!(
        masked_url("https://example.com/hook?x=1"),
        "https://example.com/hook?x=1"
    );
}

#[test]
fn pagerduty_routing_key_is_masked_in_the_body() {
    let text = with(
        PAGERDUTY,
        r#""body": {"routing_key": "R0UT1NG", "event_action": "trigger"}"#,
    );
    let request = request(&text, Outcome::Success);
    assert_eq!(
        request.masked_body(),
        r#"{"routing_key":"••••••••","event_action":"trigger"}"#
    );
}

#[test]
fn share_links_and_remembered_input_leave_url_tokens_out() {
    let table: Vec<(String, &str, String)> = vec![
        (
            SLACK.to_string(),
            "abcdefghijklmnopqrstuvwx",
            "https://hooks.slack.com/services/SECRET".to_string(),
        ),
        (
            with(SLACK, r#""format": "json/text""#),
            "abcdefghijklmnopqrstuvwx",
            r#"{"url": "https://hooks.slack.com/services/SECRET", "format": "json/text"}"#
                .to_string(),
        ),
        (
            with(
                PAGERDUTY,
                r#""body": {"routing_key": "R0UT1NG", "event_action": "trigger"}"#,
            ),
            "R0UT1NG",
            with(
                PAGERDUTY,
                r#""body": {"routing_key": "SECRET", "event_action": "trigger"}"#,
            ),
        ),
        (
            format!("#webhook:{DISCORD}"),
            "tok-en_ABC",
            "#webhook:https://discord.com/api/webhooks/123456789012345678/SECRET".to_string(),
        ),
    ];
    for (text, secret, stripped) in table {
        assert!(!check(&text, None).secrets.is_empty(), "{text}");
        assert_eq!(without_secrets(&text), stripped);
        let mut state = ShareState::new(without_secrets(&text));
        state.outcome = Outcome::Failure;
        let code = state.encode();
        let decoded =
            String::from_utf8(hookcheck_core::browser::share::base64url_decode(&code).unwrap())
                .unwrap();
        assert!(!decoded.contains(secret), "{decoded}");
    }
}

#[test]
fn a_stripped_slack_url_is_still_a_slack_url() {
    let stripped = without_secrets(SLACK);
    assert_eq!(
        recognise(&stripped).map(|d| d.id),
        Some(DestinationId::Slack)
    );
}

// Replies ----------------------------------------------------------------------------

fn json_headers() -> Vec<(String, String)> {
    vec![("Content-Type".into(), "application/json".into())]
}

/// (destination id, body, headers, expected status, a phrase of the expected body)
type AnswerCase = (
    &'static str,
    &'static [u8],
    Vec<(String, String)>,
    u16,
    &'static str,
);

#[test]
fn destinations_answer_as_documented() {
    let object = br#"{"testRunId":"1","testName":"AppRTC","runType":"test","status":"completed"}"#;
    let text = br#"{"username":"testRTC_bot","text":"{\"status\":\"completed\"}"}"#;
    let table: &[AnswerCase] = &[
        ("slack", object, json_headers(), 400, "no_text"),
        ("slack", text, json_headers(), 200, "ok"),
        ("slack", b"not json", json_headers(), 400, "invalid_payload"),
        ("discord", text, json_headers(), 400, "50006"),
        ("discord", br#"{"content":"hi"}"#, json_headers(), 204, ""),
        ("google-chat", text, json_headers(), 400, "Unknown name \\\"username\\\""),
        ("google-chat", br#"{"text":"hi"}"#, json_headers(), 200, "spaces/"),
        ("teams-workflow", object, json_headers(), 202, ""),
        ("pagerduty", object, json_headers(), 400, "Event object is invalid"),
        (
            "pagerduty",
            br#"{"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"info"}}"#,
            json_headers(),
            202,
            "Event processed",
        ),
        ("opsgenie", br#"{"message":"m"}"#, json_headers(), 401, "Could not authenticate"),
        (
            "opsgenie",
            br#"{"message":"m"}"#,
            vec![("authorization".into(), "GenieKey k".into())],
            202,
            "requestId",
        ),
        (
            "opsgenie",
            b"{}",
            vec![("Authorization".into(), "GenieKey k".into())],
            422,
            "processable",
        ),
        ("mattermost", object, json_headers(), 400, "No text specified"),
        ("mattermost", text, json_headers(), 200, "ok"),
    ];
    for (id, body, headers, status, phrase) in table {
        let id = DestinationId::parse(id).unwrap();
        let reply = answer(id, headers, body);
        assert_eq!(
            reply.status,
            *status,
            "{id:?} {}",
            String::from_utf8_lossy(body)
        );
        assert!(reply.body.contains(phrase), "{id:?}: {}", reply.body);
    }
}

#[test]
fn replies_are_explained_in_the_destinations_terms() {
    let table: &[(DestinationId, u16, &str, bool, &str)] = &[
        (
            DestinationId::Slack,
            400,
            "no_text",
            false,
            "Slack found no text",
        ),
        (DestinationId::Slack, 200, "ok", true, "Slack posted"),
        (
            DestinationId::Slack,
            404,
            "no_service",
            false,
            "deleted or disabled",
        ),
        (
            DestinationId::Discord,
            400,
            r#"{"message":"Cannot send an empty message","code":50006}"#,
            false,
            "`text` is not a Discord field",
        ),
        (
            DestinationId::TeamsConnector,
            200,
            "Summary or Text is required.",
            false,
            "posted nothing",
        ),
        (
            DestinationId::PagerDuty,
            202,
            "{}",
            true,
            "does not yet mean an incident",
        ),
        (
            DestinationId::Mattermost,
            400,
            r#"{"message":"No text specified"}"#,
            false,
            "Mattermost found no text",
        ),
    ];
    for (id, status, body, delivered, phrase) in table {
        let explained = explain(*id, *status, body).expect("an explanation");
        assert_eq!(explained.delivered, *delivered, "{id:?} {status}");
        assert!(explained.summary.contains(phrase), "{}", explained.summary);
    }
    assert_eq!(explain(DestinationId::WebhookSite, 200, ""), None);
}

// Preview ----------------------------------------------------------------------------

/// The text runs as plain text.
fn plain_text(p: &hookcheck_core::destination::preview::DestinationPreview) -> String {
    p.text
        .iter()
        .map(|i| {
            if i.style == Style::Break {
                "\n"
            } else {
                &i.text
            }
        })
        .collect()
}

fn preview_of(
    text: &str,
    outcome: Outcome,
) -> hookcheck_core::destination::preview::DestinationPreview {
    let report = check(text, None);
    let config = report
        .config
        .clone()
        .unwrap_or_else(|| panic!("{:?}", codes(text)));
    let request = render_request(&config, &SampleData::for_outcome(outcome));
    preview(&request, Arrival::of(&request).as_ref()).expect("a preview")
}

#[test]
fn the_discord_preview_shows_the_rendered_content() {
    let text = with(
        DISCORD,
        r#""body": {"username": "testRTC", "content": "**<% this.testName %>**: <% this.status %>"}"#,
    );
    let p = preview_of(&text, Outcome::Failure);
    assert_eq!(p.sender, "testRTC");
    assert_eq!(plain_text(&p), "AppRTC: failure");
    assert_eq!(p.text[0].style, Style::Bold);
    assert_eq!(p.refused, None);
}

#[test]
fn the_slack_preview_shows_the_apps_name_when_username_is_ignored() {
    let p = preview_of(
        &with(
            SLACK,
            r#""body": {"username": "bot", "text": "*<% this.testName %>* &lt;ok&gt; <https://x.example|run>"}"#,
        ),
        Outcome::Success,
    );
    assert_eq!(p.sender, "Your Slack app");
    assert!(p.sender_note.as_deref().unwrap().contains("ignore"));
    assert_eq!(plain_text(&p), "AppRTC <ok> run");
    assert!(p
        .text
        .iter()
        .any(|i| i.style == Style::Link("https://x.example".into())));
}

#[test]
fn incident_previews_show_summary_severity_and_source() {
    let fixed = fix_until_accepted(PAGERDUTY);
    let p = preview_of(&fixed, Outcome::Failure);
    assert_eq!(
        p.title.as_deref(),
        Some("testRTC: AppRTC finished with status failure")
    );
    assert!(p
        .fields
        .contains(&("severity".to_string(), "error".to_string())));
    assert!(p
        .fields
        .contains(&("source".to_string(), "testRTC".to_string())));
}

#[test]
fn the_teams_card_preview_reads_the_adaptive_card() {
    let fixed = fix_until_accepted(TEAMS_WORKFLOW);
    let p = preview_of(&fixed, Outcome::Success);
    assert_eq!(p.title.as_deref(), Some("testRTC: AppRTC"));
    assert_eq!(p.links.len(), 1);
}

#[test]
fn unmatched_markers_are_plain_text() {
    use hookcheck_core::destination::preview::{format_text, Markup};
    let runs = format_text("a * b _ c ` d <e", Markup::Mrkdwn);
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].text, "a * b _ c ` d <e");
    // Many unmatched markers stay cheap and plain.
    let many = "*".repeat(100_000);
    assert_eq!(format_text(&many, Markup::Markdown).len(), 1);
}

// Examples ---------------------------------------------------------------------------

#[test]
fn destination_examples_are_valid_for_their_destination() {
    use hookcheck_core::browser::examples::EXAMPLES;
    let mut seen = Vec::new();
    for example in EXAMPLES
        .iter()
        .filter(|e| recognise_example(e.text).is_some())
    {
        let report = check(example.text, None);
        assert!(
            report.is_valid(),
            "{}: {:?}",
            example.name,
            codes(example.text)
        );
        seen.push(report.destination.unwrap().id.id());
    }
    for id in [
        "slack",
        "discord",
        "google-chat",
        "teams-workflow",
        "pagerduty",
        "opsgenie",
        "mattermost",
    ] {
        assert!(seen.contains(&id), "no example for {id}");
    }
}

fn recognise_example(text: &str) -> Option<DestinationId> {
    check(text, None).destination.map(|d| d.id)
}

#[test]
fn preview_lines_come_in_order_and_leave_out_empty_parts() {
    use hookcheck_core::destination::preview::BlockKind as K;
    let kinds = |text: &str| -> Vec<K> {
        preview_of(text, Outcome::Failure)
            .blocks()
            .iter()
            .map(|b| b.kind)
            .collect()
    };
    let discord = with(DISCORD, r#""body": {"content": "<% this.status %>"}"#);
    assert_eq!(kinds(&discord), [K::Sender, K::Text]);
    let pagerduty = fix_until_accepted(PAGERDUTY);
    assert_eq!(
        kinds(&pagerduty),
        [K::Sender, K::Title, K::Field, K::Field, K::Field, K::Links]
    );
    // A Slack json/text body with `username`: the note says it is ignored.
    let slack = with(SLACK, r#""format": "json/text""#);
    assert_eq!(kinds(&slack), [K::Sender, K::Note, K::Text]);
}

#[test]
fn a_refused_request_says_so_above_its_preview() {
    let text = with(MATTERMOST, r#""body": {"msg": "x"}"#);
    let p = preview_of(&text, Outcome::Success);
    let first = &p.blocks()[0];
    assert_eq!(
        first.kind,
        hookcheck_core::destination::preview::BlockKind::Refused
    );
    assert!(p.refused.unwrap().contains("No text specified"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Destination URLs with anything after them, bare or in the advanced form, in every
    /// step: checking, masking, stripping, previewing and answering never panic.
    #[test]
    fn hostile_destination_input_never_panics(
        base in proptest::sample::select(vec![SLACK, DISCORD, GOOGLE_CHAT, TEAMS_WORKFLOW, PAGERDUTY, OPSGENIE, MATTERMOST, "https://x.m.pipedream.net"]),
        tail in "[/?&=#@:a-zé€\"\\\\ ]{0,12}",
        members in proptest::option::of(r#"\{"(format|body|headers|fieldname)": ("json/text"|\{"(text|content|Authorization|routing_key)": "[a-zé€<%> ]{0,6}"\})\}"#),
    ) {
        let url = format!("{base}{tail}");
        let _ = masked_url(&url);
        let _ = without_secrets(&url);
        let _ = check(&url, None);
        let text = match &members {
            Some(m) => format!("{{\"url\": {}, {}}}", serde_json::to_string(&url).unwrap(), &m[1..m.len() - 1]),
            None => url.clone(),
        };
        let report = check(&text, None);
        let _ = without_secrets(&text);
        for d in report.located(&text) {
            if let Some(fix) = &d.fix {
                let fixed = fix.apply(&text).expect("a fix fits its text");
                let _ = check(&fixed, None);
            }
        }
        if let Some(config) = &report.config {
            let request = render_request(config, &SampleData::for_outcome(Outcome::Failure));
            let _ = preview(&request, Arrival::of(&request).as_ref());
            let _ = curl::to_curl(&request, false);
            for id in DestinationId::all() {
                let _ = answer(id, &request.header_pairs(), request.body.as_bytes());
            }
        }
    }
}

// Verdicts ----------------------------------------------------------------------------

#[test]
fn testrtcs_verdict_and_the_destinations_are_apart() {
    // Valid and refused: the request is still rendered.
    let report = check(SLACK, None);
    assert!(report.is_valid());
    assert!(report.config.is_some());
    assert_eq!(report.arrives(), Some(false));
    // Valid and accepted.
    let report = check(&with(SLACK, r#""format": "json/text""#), None);
    assert_eq!((report.is_valid(), report.arrives()), (true, Some(true)));
    // Valid, no destination: no verdict.
    assert_eq!(check("https://example.com/hook", None).arrives(), None);
    // Invalid: no request, so no verdict either.
    let report = check(&format!("{{\"url\": \"{SLACK}\",}}"), None);
    assert_eq!((report.is_valid(), report.arrives()), (false, None));
}

#[test]
fn a_refusal_names_the_reply_and_the_outcomes_it_is_seen_on() {
    let text = with(
        DISCORD,
        r#""body": {"content": "<% this.failureReasons %>"}"#,
    );
    let Some(hookcheck_core::Arrival::Refused(refusal)) = check(&text, None).arrival else {
        panic!("refused");
    };
    assert_eq!(
        refusal.reply,
        "400 code 50006 \"Cannot send an empty message\""
    );
    assert_eq!(refusal.outcomes, [Outcome::Success, Outcome::Warnings]);
    assert_eq!(
        refusal.summary(),
        "Discord answers 400 code 50006 \"Cannot send an empty message\""
    );
}

#[test]
fn each_outcomes_request_has_its_own_verdict() {
    let text = with(
        DISCORD,
        r#""body": {"content": "<% this.failureReasons %>"}"#,
    );
    let arrival = |outcome| hookcheck_core::Arrival::of(&request(&text, outcome)).unwrap();
    assert!(!arrival(Outcome::Success).arrives());
    assert!(arrival(Outcome::Failure).arrives());
    assert_eq!(
        hookcheck_core::Arrival::of(&request("https://example.com/hook", Outcome::Success)),
        None
    );
}

#[test]
fn a_probable_destination_likely_refuses() {
    let Some(hookcheck_core::Arrival::Refused(refusal)) = check(MATTERMOST, None).arrival else {
        panic!("refused");
    };
    assert!(refusal.likely);
    assert_eq!(
        refusal.summary(),
        "Mattermost likely answers 400 No text specified"
    );
}

#[test]
fn a_reply_that_is_queued_still_arrives() {
    // PagerDuty and Teams Workflows answer 202: the verdict is "arrives", with a warning.
    let text = with(
        PAGERDUTY,
        r#""body": {"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "source": "x", "severity": "info"}}"#,
    );
    assert_eq!(check(&text, None).arrives(), Some(true));
    assert!(raises(&text, "destination-reply-queued"));
}

#[test]
fn dated_facts_are_worded_against_today() {
    let url = "https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x";
    let message = |today| {
        let report = hookcheck_core::check_with(
            url,
            &hookcheck_core::Options {
                today,
                ..Default::default()
            },
        );
        report
            .diagnostics
            .into_iter()
            .find(|d| d.rule.code() == "destination-retiring")
            .unwrap()
            .message
    };
    let before = message(Some(hookcheck_core::Date::new(2025, 11, 1)));
    assert!(
        before.contains("stop working after 30 Nov 2025"),
        "{before}"
    );
    let after = message(Some(hookcheck_core::Date::new(2026, 12, 6)));
    assert!(after.contains("stopped working on 30 Nov 2025"), "{after}");
    let opsgenie_before = |today| {
        let report = hookcheck_core::check_with(
            OPSGENIE,
            &hookcheck_core::Options {
                today: Some(today),
                ..Default::default()
            },
        );
        (report.diagnostics.into_iter())
            .find(|d| d.rule.code() == "destination-retiring")
            .unwrap()
            .message
    };
    assert!(opsgenie_before(hookcheck_core::Date::new(2026, 12, 6)).contains("ends on 5 Apr 2027"));
    assert!(opsgenie_before(hookcheck_core::Date::new(2027, 5, 1)).contains("ended on 5 Apr 2027"));
}
