//! The testRTC products (SPEC §6): each product's outcomes and sample, its rules (the
//! `ce-type`, the template warning that quotes both sources, the template variables), the
//! destination's verdict for each, share links that carry the product, and the table of
//! `docs/testrtc.md`, which is the declarations' own (`HOOKCHECK_BLESS=1` writes it).

mod common;

use hookcheck_core::browser::share::{base64url_encode, ShareError, ShareState};
use hookcheck_core::destination::preview::preview as destination_preview;
use hookcheck_core::destination::Arrival;
use hookcheck_core::product::{Sample, PRODUCTS, TEMPLATES_CONFLICT};
use hookcheck_core::render::sample::read_payload;
use hookcheck_core::syntax::json::{self, Json};
use hookcheck_core::{
    check_with, render_request, Options, Outcome, Product, Provenance, Report, Request, SampleData,
    Severity,
};

const SLACK: &str = "https://hooks.slack.com/services/T000/B000/XXXX";

fn check_as(text: &str, product: Product) -> Report {
    check_with(
        text,
        &Options {
            product,
            ..Options::default()
        },
    )
}

/// The request of `outcome` for a valid `text` (checked as the outcome's product).
fn request(text: &str, outcome: Outcome) -> Request {
    let report = check_as(text, outcome.product());
    let config = report
        .config
        .unwrap_or_else(|| panic!("{text:?} is not valid: {:?}", report.diagnostics));
    render_request(&config, &SampleData::for_outcome(outcome))
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code()).collect()
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r hookcheck_core::Header> {
    request.headers.iter().find(|h| h.name == name)
}

// ---- Outcomes and samples ------------------------------------------------------------

#[test]
fn test_keeps_its_three_outcomes_and_each_other_product_has_one() {
    let tabs =
        |product: Product| -> Vec<&str> { product.outcomes().iter().map(|o| o.tab()).collect() };
    assert_eq!(tabs(Product::Test), ["Success", "Warnings", "Failure"]);
    assert_eq!(tabs(Product::WatchRtc), ["Alert"]);
    assert_eq!(tabs(Product::QualityRtc), ["Result"]);
    assert_eq!(Product::default(), Product::Test);
}

#[test]
fn a_watchrtc_alert_is_the_documented_newer_alert_shape_sent_whole() {
    let request = request("https://example.com/hook", Outcome::Alert);
    let body = json::read(&request.body).unwrap();
    let keys: Vec<&str> = match &body {
        Json::Object(members) => members.iter().map(|(k, _)| k.as_str()).collect(),
        _ => panic!("not an object"),
    };
    assert_eq!(keys, ["time", "project", "room_id", "peers"]);
    assert_eq!(body.text("time"), Some("2022-03-11T21:03:24.000Z"));
    assert!(body.text("project.id").is_some() && body.text("project.name").is_some());
    let Some(Json::Array(peers)) = body.get("peers") else {
        panic!("peers is a list")
    };
    let notification = match peers[0].get("notifications") {
        Some(Json::Array(notifications)) => &notifications[0],
        _ => panic!("a peer lists its notifications"),
    };
    assert_eq!(notification.text("calculation"), Some("Score 7.70 > 7"));
    assert_eq!(notification.text("status"), Some("error"));
    assert_eq!(request.body_label.provenance, Provenance::Documented);
}

#[test]
fn a_qualityrtc_result_is_the_documented_test_result_shape() {
    let request = request("https://example.com/hook", Outcome::Result);
    let body = json::read(&request.body).unwrap();
    for group in [
        "testPageUrl",
        "fingerprint",
        "checkBrowser",
        "networkInformation",
        "throughput",
        "testCall",
        "turnTest",
        "videoBandwidthTest",
    ] {
        assert!(body.at(&format!("testResult.{group}")).is_some(), "{group}");
    }
    // The docs show the names, not the values: the sample's values are hookcheck's.
    assert_eq!(request.body_label.provenance, Provenance::Assumed);
}

#[test]
fn a_product_s_sample_edits_by_dotted_path_and_keeps_the_value_s_type() {
    let mut sample = SampleData::for_outcome(Outcome::Result);
    sample.set_path("testResult.testCall.avgRtt", "99").unwrap();
    sample
        .set_path("testResult.checkBrowser.canRun", "false")
        .unwrap();
    sample.set_path("testResult.testCall.codec", "vp8").unwrap();
    assert_eq!(
        sample.get("testResult.testCall.avgRtt"),
        Some(&Json::Number(99.0))
    );
    assert_eq!(
        sample.get("testResult.checkBrowser.canRun"),
        Some(&Json::Bool(false))
    );
    assert_eq!(
        sample.get("testResult.testCall.codec"),
        Some(&Json::string("vp8"))
    );
    let error = sample.set_path("testName", "x").unwrap_err();
    assert!(
        error.starts_with("`testName` is not a value of the qualityRTC result (expected one of: testResult.testPageUrl, "),
        "{error}"
    );
    assert!(
        sample.set_path("testResult.testCall", "x").is_err(),
        "an object"
    );
    let unchanged = sample.clone();
    assert!(sample.set("testName", "x").is_err());
    assert_eq!(sample, unchanged);
}

#[test]
fn a_payload_typed_in_the_sample_editor_must_be_a_json_object() {
    assert_eq!(
        read_payload(r#"{"room_id": "r1"}"#),
        Ok(Json::object([("room_id", Json::string("r1"))]))
    );
    let error = read_payload("{\n  \"room_id\": \"r1\",\n}").unwrap_err();
    assert!(error.starts_with("Line 2, column 18: "), "{error}");
    assert_eq!(
        read_payload("[1]"),
        Err("The sample is a JSON object, not an array.".to_string())
    );
}

#[test]
fn an_edited_payload_is_what_is_sent() {
    let config = check_as("https://example.com/hook", Product::WatchRtc)
        .config
        .unwrap();
    let mut sample = SampleData::for_outcome(Outcome::Alert);
    assert!(sample.set_payload(read_payload(r#"{"room_id": "r1"}"#).unwrap()));
    assert_eq!(render_request(&config, &sample).body, r#"{"room_id":"r1"}"#);
    assert!(!SampleData::for_outcome(Outcome::Success).set_payload(Json::Null));
}

// ---- CloudEvents ---------------------------------------------------------------------

#[test]
fn each_product_s_ce_type_says_where_it_comes_from() {
    let text = r#"{"url": "https://example.com/hook", "format": "cloudevent"}"#;
    let expected = [
        (Outcome::Success, "testingrtc", Provenance::Documented),
        (Outcome::Alert, "watchrtc", Provenance::Assumed),
        (Outcome::Result, "qualityrtc", Provenance::Documented),
    ];
    for (outcome, value, provenance) in expected {
        let request = request(text, outcome);
        let ce_type = header(&request, "ce-type").unwrap();
        assert_eq!(
            (ce_type.value.as_str(), ce_type.label.provenance),
            (value, provenance),
            "{outcome:?}"
        );
    }
    let watchrtc = request(text, Outcome::Alert);
    let why = &header(&watchrtc, "ce-type").unwrap().label.why;
    assert!(why.contains("documents no ce-type for watchRTC"), "{why}");
}

#[test]
fn a_product_s_ce_id_is_its_payload_s_id() {
    let text = r#"{"url": "https://example.com/hook", "format": "cloudevent"}"#;
    let id = |outcome| {
        header(&request(text, outcome), "ce-id")
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(id(Outcome::Success), "56fd35107c458d1400baee63");
    assert_eq!(id(Outcome::Alert), "testrtclongmachineroom1");
    assert_eq!(id(Outcome::Result), "c2f1e3a9b7d5");
}

// ---- Body templates ------------------------------------------------------------------

#[test]
fn a_body_template_outside_testingrtc_is_a_warning_that_quotes_both_sources() {
    let text = r#"{"url": "https://example.com/hook", "body": {"text": "<% this.room_id %>"}}"#;
    for product in [Product::WatchRtc, Product::QualityRtc] {
        let report = check_as(text, product);
        assert!(report.is_valid(), "{product:?}: never an error");
        let warning = (report.diagnostics.iter())
            .find(|d| d.code() == "template-product-undocumented")
            .unwrap_or_else(|| panic!("{product:?}: {:?}", codes(&report)));
        assert_eq!(warning.severity(), Severity::Warning);
        assert!(
            warning.message.contains(product.name()),
            "{}",
            warning.message
        );
        for source in TEMPLATES_CONFLICT {
            assert!(warning.message.contains(source), "{}", warning.message);
        }
        assert!(warning.message.contains("\"Webhook formats\""));
        assert!(warning.message.contains("\"Webhooks in testRTC\""));
        assert_eq!(&text[warning.span.start..warning.span.end], "\"body\"");
    }
    let report = check_as(text, Product::Test);
    assert!(!codes(&report).contains(&"template-product-undocumented"));
}

#[test]
fn a_template_reads_the_product_s_payload_by_dotted_paths() {
    let text = r#"{"url": "https://example.com/hook", "body": {"text": "<% this.project.name %>: room <% this.room_id %>, <% this.peers %>"}}"#;
    let report = check_as(text, Product::WatchRtc);
    assert_eq!(codes(&report), ["template-product-undocumented"]);
    assert_eq!(
        request(text, Outcome::Alert).body,
        r#"{"text":"My project: room testrtclongmachineroom1, [object Object]"}"#
    );
    // The same paths are no variables of testingRTC's.
    let test = check_as(text, Product::Test);
    assert!(codes(&test).contains(&"template-legacy-path"), "{test:?}");
    assert!(codes(&test).contains(&"template-unknown-variable"));
}

#[test]
fn an_unknown_path_of_a_product_is_an_unknown_variable_with_a_fix() {
    let text = r#"{"url": "https://example.com/hook", "body": {"t": "<% this.testResult.testCall.avgRt %> <% this.testName %>"}}"#;
    let report = check_as(text, Product::QualityRtc);
    let unknown: Vec<_> = (report.diagnostics.iter())
        .filter(|d| d.code() == "template-unknown-variable")
        .collect();
    assert_eq!(unknown.len(), 2, "{:?}", codes(&report));
    assert_eq!(
        unknown[0].message,
        "`testResult.testCall.avgRt` is not in the qualityRTC result; it will render as an empty string."
    );
    let fix = unknown[0].fix.as_ref().expect("a near miss gets a fix");
    assert_eq!(fix.replacement, "testResult.testCall.avgRtt");
    assert!(unknown[1]
        .message
        .starts_with("`testName` is not in the qualityRTC result"));
    assert!(!codes(&report).contains(&"template-failure-only-variable"));
}

// ---- Destinations --------------------------------------------------------------------

#[test]
fn a_watchrtc_alert_to_a_bare_slack_url_won_t_arrive_and_json_text_fixes_it() {
    let report = check_as(SLACK, Product::WatchRtc);
    assert!(report.is_valid());
    assert_eq!(report.arrives(), Some(false));
    let missing = (report.diagnostics.iter())
        .find(|d| d.code() == "destination-missing-field")
        .unwrap();
    assert!(
        missing.message.contains("400 no_text"),
        "{}",
        missing.message
    );
    let fixed = missing.fix.as_ref().unwrap().apply(SLACK).unwrap();
    assert!(fixed.contains(r#""format": "json/text""#), "{fixed}");
    let fixed_report = check_as(&fixed, Product::WatchRtc);
    assert_eq!(fixed_report.arrives(), Some(true));
}

#[test]
fn slack_shows_a_watchrtc_alert_as_its_text() {
    let text = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    let request = request(&text, Outcome::Alert);
    let shown =
        destination_preview(&request, Arrival::of(&request).as_ref()).expect("Slack's preview");
    assert_eq!(shown.refused, None);
    // As Slack shows it: the alert's JSON as the message, `_…_` read as italics.
    let words: String = shown
        .text
        .iter()
        .map(|inline| inline.text.as_str())
        .collect();
    assert!(
        words.starts_with(r#"{"time":"2022-03-11T21:03:24.000Z""#),
        "{words}"
    );
    assert!(words.contains("testrtclongmachineroom1"), "{words}");
    assert!(words.contains("Score 7.70 > 7"), "{words}");
}

#[test]
fn a_qualityrtc_result_to_a_bare_slack_url_won_t_arrive_and_json_text_fixes_it() {
    assert_eq!(check_as(SLACK, Product::QualityRtc).arrives(), Some(false));
    let text = format!(r#"{{"url": "{SLACK}", "format": "json/text"}}"#);
    assert_eq!(check_as(&text, Product::QualityRtc).arrives(), Some(true));
}

#[test]
fn the_refusal_names_the_product_s_outcome() {
    let report = check_as(SLACK, Product::WatchRtc);
    let Some(hookcheck_core::Arrival::Refused(refusal)) = report.arrival else {
        panic!("refused")
    };
    assert_eq!(refusal.outcomes, [Outcome::Alert]);
}

#[test]
fn a_destination_fix_that_writes_a_template_is_offered_for_testingrtc_only() {
    let pagerduty = "https://events.pagerduty.com/v2/enqueue";
    let fixes = |product| {
        let report = check_as(pagerduty, product);
        assert_eq!(report.arrives(), Some(false), "{product:?}");
        (report.diagnostics.iter()).any(|d| d.rule.judges_destination() && d.fix.is_some())
    };
    assert!(fixes(Product::Test));
    assert!(!fixes(Product::WatchRtc));
}

// ---- Share links ---------------------------------------------------------------------

#[test]
fn a_share_link_carries_the_product_its_outcome_and_an_edited_payload() {
    let mut state = ShareState::new("https://example.com/hook");
    state.product = Product::WatchRtc;
    state.outcome = Outcome::Alert;
    state.samples[Outcome::Alert.index()]
        .set_path("project.name", "Shop")
        .unwrap();
    assert_eq!(ShareState::decode(&state.encode()), Ok(state));
}

#[test]
fn a_share_link_made_before_products_opens_as_test() {
    let code = base64url_encode(br#"{"v":1,"text":"https://e.com/h","outcome":"failure"}"#);
    let state = ShareState::decode(&code).unwrap();
    assert_eq!(
        (state.product, state.outcome),
        (Product::Test, Outcome::Failure)
    );
    let code = base64url_encode(br#"{"v":1,"text":"https://e.com/h","product":"qualityrtc"}"#);
    assert_eq!(ShareState::decode(&code).unwrap().outcome, Outcome::Result);
}

#[test]
fn a_share_link_with_another_product_s_outcome_is_refused() {
    let code = base64url_encode(
        br#"{"v":1,"text":"https://e.com/h","product":"watchrtc","outcome":"failure"}"#,
    );
    assert_eq!(ShareState::decode(&code), Err(ShareError::Malformed));
    let code = base64url_encode(br#"{"v":1,"text":"","product":"probertc"}"#);
    assert_eq!(ShareState::decode(&code), Err(ShareError::Malformed));
}

// ---- Examples and docs ---------------------------------------------------------------

/// A file of `docs/examples/`.
fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_watchrtc_example_reaches_slack() {
    let report = check_as(&example("watchrtc-slack.json"), Product::WatchRtc);
    assert!(report.is_valid(), "{:?}", codes(&report));
    assert_eq!(report.arrives(), Some(true));
}

#[test]
fn the_qualityrtc_example_is_a_cloudevent_of_type_qualityrtc() {
    let text = example("qualityrtc-cloudevent.json");
    let report = check_as(&text, Product::QualityRtc);
    assert!(report.diagnostics.is_empty(), "{:?}", codes(&report));
    let ce_type = header(&request(&text, Outcome::Result), "ce-type").map(|h| h.value.clone());
    assert_eq!(ce_type.as_deref(), Some("qualityrtc"));
}

/// The products table of docs/testrtc.md, from the declarations.
fn products_table() -> String {
    let mut out = String::from(
        "| product | `--product` | outcomes (tabs) | sample | `ce-type` | body templates |\n|---|---|---|---|---|---|\n",
    );
    let label = |documented: bool| if documented { "documented" } else { "assumed" };
    for product in PRODUCTS {
        let outcomes: Vec<String> = (product.outcomes.iter())
            .map(|o| format!("`{}` ({})", o.as_str(), o.tab()))
            .collect();
        let sample = match &product.outcomes[0].declaration().sample {
            Sample::Variables { .. } => "the run's variables".to_string(),
            Sample::Payload { documented, .. } => format!("a payload ({})", label(*documented)),
        };
        let templates = if product.templates_documented {
            "documented"
        } else {
            "the docs disagree: a warning"
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | `{}` ({}) | {} |\n",
            product.name,
            product.id,
            outcomes.join(", "),
            sample,
            product.ce_type.value,
            label(product.ce_type.documented),
            templates
        ));
    }
    out
}

#[test]
fn the_testrtc_doc_carries_the_products_table() {
    common::hold_doc_blocks(
        "docs/testrtc.md",
        &[("products:table", products_table())],
        "the products (crates/core/src/product/)",
        "products",
    );
}

#[test]
fn the_testrtc_doc_quotes_the_two_sources_on_templates() {
    let doc = include_str!("../../../docs/testrtc.md");
    let flat = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    for source in TEMPLATES_CONFLICT {
        let words = source.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&words), "docs/testrtc.md lacks: {source}");
    }
}
