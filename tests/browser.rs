//! Browser tests: components rendered into a real DOM in headless Chromium
//! (`cargo test -p hookcheck-web --target wasm32-unknown-unknown`).
//! Each test mounts into its own element and waits with `yew::scheduler::flush()`.
#![cfg(target_arch = "wasm32")]

use hookcheck_core::browser::examples::EXAMPLES;
use hookcheck_core::browser::share::ShareState;
use hookcheck_core::{check, Outcome};
use hookcheck_web::components::validity::{Validity, ValidityProps};
use hookcheck_web::{App, Widget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// The whole app in a fresh element, with no remembered input, no share link and no relay.
async fn mount_app() -> Element {
    mount_app_at("").await
}

/// The whole app in a fresh element, opened with the fragment `hash`, remembering nothing
/// and paired with no relay.
async fn mount_app_at(hash: &str) -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    host
}

/// The embed widget in a fresh element, opened with the fragment `hash` (then cleared), with
/// nothing remembered.
async fn mount_widget_at(hash: &str) -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash(hash).unwrap();
    let host = mount();
    yew::Renderer::<Widget>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    window.location().set_hash("").unwrap();
    host
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn testid(host: &Element, id: &str) -> Element {
    find(host, &format!("[data-testid='{id}']"))
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

async fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

/// Sets an input's or textarea's value and fires `input`, as typing does.
async fn type_into(element: &Element, value: &str) {
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        element
            .dyn_ref::<HtmlInputElement>()
            .unwrap()
            .set_value(value);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn codes(host: &Element) -> Vec<String> {
    let items = host
        .query_selector_all("[data-testid='diagnostics'] [data-code]")
        .unwrap();
    (0..items.length())
        .map(|i| {
            items
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-code")
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn validity_counts_errors_and_warnings() {
    let host = mount();
    let report = check(r#"{"url": "http://example.com/hook",}"#, None);
    yew::Renderer::<Validity>::with_root_and_props(host.clone(), ValidityProps::of(&report))
        .render();
    yew::scheduler::flush().await;
    let text = host.text_content().unwrap();
    assert_eq!(text, "Invalid · 1 error · 1 warning");
}

#[wasm_bindgen_test]
async fn a_new_user_sees_a_valid_example_and_its_body() {
    let host = mount_app().await;
    assert!(text(&testid(&host, "validity")).starts_with("Valid"));
    assert_eq!(
        text(&testid(&host, "preview-body")),
        r#"{"testRunId":"56fd35107c458d1400baee63","testName":"AppRTC","runType":"test","status":"completed"}"#
    );
    assert!(testid(&host, "examples")
        .text_content()
        .unwrap()
        .contains("Amazon SNS"));
}

/// The overlay's texts with `selector`, in order.
fn texts(host: &Element, selector: &str) -> Vec<String> {
    let found = host.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn inside_a_placeholder_the_products_variables_are_listed_and_hidden_elsewhere() {
    let host = mount_app().await;
    let input = testid(&host, "input");
    let list = testid(&host, "completions");
    // Setting the value puts the caret at its end, after `this.te`.
    type_into(
        &input,
        r#"{"url": "https://e.com/h", "body": {"t": "<% this.te"#,
    )
    .await;
    assert_eq!(
        texts(&host, "[data-testid=completion]"),
        ["testRunId", "testName"]
    );
    assert!(!list.has_attribute("hidden"));
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    type_into(
        &input,
        r#"{"url": "https://e.com/h", "body": {"t": "<% this.testName %>"}}"#,
    )
    .await;
    assert!(list.has_attribute("hidden"));
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn the_overlay_colours_each_token_and_keeps_a_mark_around_its_tokens() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        "{\"url\": \"https://example.com/hook\", \"headers\": {\"X\": 1},\n  \"body\": {\"t\": \"a <% this.status %>\"}}",
    )
    .await;
    assert_eq!(
        texts(&host, ".overlay .t-key"),
        ["\"url\"", "\"headers\"", "\"X\"", "\"body\"", "\"t\""]
    );
    assert_eq!(texts(&host, ".overlay .t-num"), ["1"]);
    assert_eq!(texts(&host, ".overlay .t-tpl"), ["<% this.status %>"]);
    // The header value that is not a string is marked, and coloured inside its mark.
    assert_eq!(texts(&host, ".overlay mark.error .t-num"), ["1"]);
}

#[wasm_bindgen_test]
async fn bad_input_shows_its_diagnostics_in_the_list_and_in_place() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        "{\n  // the hook\n  \"url\": \"https://example.com/hook\",\n}",
    )
    .await;
    assert_eq!(codes(&host), ["json-comment", "json-trailing-comma"]);
    assert_eq!(
        text(&testid(&host, "validity")),
        "Invalid · 2 errors · 0 warnings"
    );
    let list = text(&testid(&host, "diagnostics"));
    assert!(list.contains("2:3"), "{list}");
    assert!(list.contains("json-trailing-comma"), "{list}");
    // Marked in place: the overlay wraps exactly the comment and the comma.
    let marks = host.query_selector_all(".overlay mark.error").unwrap();
    let marked: Vec<String> = (0..marks.length())
        .map(|i| marks.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, ["// the hook", ","]);
    // And the gutter marks lines 2 and 3: one run of error lines.
    let runs = host.query_selector_all(".gutter .error").unwrap();
    let marked: Vec<String> = (0..runs.length())
        .map(|i| runs.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, ["2\n3"]);
    assert!(text(&find(&host, ".preview .empty")).contains("Fix the errors"));
}

#[wasm_bindgen_test]
async fn a_fix_applies_with_one_click_and_revalidates() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        r#"{"url": "https://example.com/hook",}"#,
    )
    .await;
    assert_eq!(codes(&host), ["json-trailing-comma"]);
    click(&find(&host, "[data-code='json-trailing-comma'] .fix")).await;
    let area: HtmlTextAreaElement = testid(&host, "input").dyn_into().unwrap();
    assert_eq!(area.value(), r#"{"url": "https://example.com/hook"}"#);
    assert!(text(&testid(&host, "validity")).starts_with("Valid"));
    assert!(codes(&host).is_empty());
}

#[wasm_bindgen_test]
async fn choosing_a_diagnostic_puts_the_caret_on_its_span() {
    let host = mount_app().await;
    // "é" is one UTF-16 unit but two bytes: the caret must count in UTF-16.
    let input = r#"{"url": "https://example.com/é",}"#;
    type_into(&testid(&host, "input"), input).await;
    click(&find(&host, "[data-code='json-trailing-comma'] .locate")).await;
    let area: HtmlTextAreaElement = testid(&host, "input").dyn_into().unwrap();
    let comma = input
        .encode_utf16()
        .position(|u| u == u16::from(b','))
        .unwrap() as u32;
    assert_eq!(area.selection_start().unwrap(), Some(comma));
    assert_eq!(area.selection_end().unwrap(), Some(comma + 1));
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active, Element::from(area));
}

#[wasm_bindgen_test]
async fn a_diagnostic_s_code_links_to_its_rule_in_the_catalog() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        r#"{"url": "https://example.com/h",}"#,
    )
    .await;
    let link = find(&host, "[data-code='json-trailing-comma'] a.code");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("rules.html#json-trailing-comma")
    );
    assert_eq!(link.text_content().as_deref(), Some("json-trailing-comma"));
}

#[wasm_bindgen_test]
async fn outcome_tabs_switch_the_body() {
    let host = mount_app().await;
    click(&testid(&host, "outcome-failure")).await;
    assert_eq!(
        text(&testid(&host, "preview-body")),
        r#"{"testRunId":"56fd3d617c458d1400baee6f","testName":"AppRTC","runType":"test","status":"failure"}"#
    );
    assert_eq!(
        testid(&host, "outcome-failure")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        testid(&host, "outcome-success")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    click(&testid(&host, "outcome-warnings")).await;
    assert!(text(&testid(&host, "preview-body")).contains(r#""status":"warnings""#));
}

#[wasm_bindgen_test]
async fn sample_data_edits_change_the_body() {
    let host = mount_app().await;
    type_into(
        &find(&host, "input[data-variable='testName']"),
        "Checkout flow",
    )
    .await;
    assert!(text(&testid(&host, "preview-body")).contains(r#""testName":"Checkout flow""#));
    // Only the selected outcome's data changed.
    click(&testid(&host, "outcome-warnings")).await;
    assert!(text(&testid(&host, "preview-body")).contains(r#""testName":"AppRTC""#));
    // runType applies to every outcome.
    click(&find(
        &host,
        "input[name='hookcheck-run-type']:not(:checked)",
    ))
    .await;
    assert!(text(&testid(&host, "preview-body")).contains(r#""runType":"monitor""#));
    click(&testid(&host, "include-every-variable")).await;
    let body = text(&testid(&host, "preview-body"));
    assert!(body.contains(r#""projectName":"#), "{body}");
    assert!(!body.contains(r#""failureReasons""#), "{body}");
}

#[wasm_bindgen_test]
async fn secret_headers_are_masked_until_revealed() {
    let host = mount_app().await;
    let example = EXAMPLES
        .iter()
        .find(|e| e.name.contains("Authorization"))
        .unwrap();
    type_into(&testid(&host, "input"), example.text).await;
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.example";
    let headers = text(&testid(&host, "preview-headers"));
    assert!(
        headers.contains("Authorization: Bearer ••••••••"),
        "{headers}"
    );
    assert!(headers.contains("web-testrtc-webhook"), "{headers}");
    // Nowhere in the preview: not in the headers, not in the curl on screen.
    assert!(!text(&find(&host, ".preview")).contains(token));
    click(&find(&host, "button[aria-pressed='false']")).await;
    assert!(text(&testid(&host, "preview-headers")).contains(token));
    assert!(text(&find(&host, "pre.curl")).contains(token));
}

#[wasm_bindgen_test]
async fn a_long_header_list_is_cut_in_the_list_and_in_the_curl_on_screen() {
    let host = mount_app().await;
    let headers: Vec<String> = (0..150).map(|i| format!(r#""X-H{i}": "v""#)).collect();
    let webhook = format!(
        r#"{{"url": "https://example.com/hook", "headers": {{{}}}}}"#,
        headers.join(", ")
    );
    type_into(&testid(&host, "input"), &webhook).await;
    // Content-Type first, then the 150: the first 100 are Content-Type and X-H0 to X-H98.
    let list = text(&testid(&host, "preview-headers"));
    assert!(list.contains("X-H98: v"), "{list}");
    assert!(!list.contains("X-H99:"), "{list}");
    assert!(list.contains("and 51 more headers"), "{list}");
    let curl = text(&find(&host, "pre.curl"));
    assert!(curl.contains("X-H98: v"), "{curl}");
    assert!(!curl.contains("X-H99:"), "{curl}");
    assert!(text(&find(&host, ".preview")).contains("Copy as curl gives all 151"));
}

#[wasm_bindgen_test]
async fn a_share_link_restores_text_outcome_and_samples() {
    let mut shared = ShareState::new(EXAMPLES[4].text);
    shared.outcome = Outcome::Failure;
    shared.samples[2].set("testName", "Shared run").unwrap();
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window
        .location()
        .set_hash(&format!("s={}", shared.encode()))
        .unwrap();
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    window.location().set_hash("").unwrap();

    let area: HtmlTextAreaElement = testid(&host, "input").dyn_into().unwrap();
    assert_eq!(area.value(), EXAMPLES[4].text);
    assert_eq!(
        testid(&host, "outcome-failure")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    let body = text(&testid(&host, "preview-body"));
    assert!(body.contains("Shared run finished: failure"), "{body}");
}

#[wasm_bindgen_test]
async fn a_damaged_share_link_says_so_and_keeps_the_app_usable() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("s=%%%").unwrap();
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    window.location().set_hash("").unwrap();
    assert!(text(&find(&host, "[role='alert']")).contains("damaged"));
    assert!(text(&testid(&host, "validity")).starts_with("Valid"));
}

#[wasm_bindgen_test]
async fn remembered_input_has_its_secrets_stripped() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        r#"{"url": "https://e.com/h", "headers": {"Authorization": "Bearer s3cr3t"}}"#,
    )
    .await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage.get_item("hookcheck.input").unwrap().unwrap();
    assert_eq!(
        stored,
        r#"{"url": "https://e.com/h", "headers": {"Authorization": ""}}"#
    );
    click(&testid(&host, "remember")).await;
    assert_eq!(storage.get_item("hookcheck.input").unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_destination_that_refuses_is_a_second_verdict_with_the_request_still_shown() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        "https://hooks.slack.com/services/T000/B000/XXXX",
    )
    .await;
    assert_eq!(
        text(&testid(&host, "validity")),
        "Won't arrive · Slack answers 400 no_text"
    );
    assert!(
        text(&testid(&host, "arrival")).starts_with("Won't arrive: Slack answers 400 no_text"),
        "{}",
        text(&testid(&host, "arrival"))
    );
    assert!(text(&testid(&host, "preview-body")).contains(r#""status":"completed""#));
}

// The paired relay ---------------------------------------------------------------------

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

fn session_item(key: &str) -> Option<String> {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.get_item(key).unwrap()
}

/// Every value `localStorage` holds.
fn local_values() -> Vec<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter_map(|key| storage.get_item(&key).unwrap())
        .collect()
}

fn disabled(element: &Element) -> bool {
    element.has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn a_bare_slack_url_keeps_send_enabled_and_offers_the_relay_command() {
    let host = mount_app().await;
    type_into(
        &testid(&host, "input"),
        "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
    )
    .await;
    assert!(!disabled(&testid(&host, "send")));
    let command = text(&testid(&host, "send-relay-command"));
    assert!(
        command.starts_with("hookcheck relay --app 'http://"),
        "{command}"
    );
    assert!(host
        .query_selector("[data-testid='send-via']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_pairing_link_pairs_the_panel_keeps_the_token_for_the_tab_only_and_leaves_the_address() {
    let host = mount_app_at(&format!("relay=8788:{TOKEN}")).await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.hash().unwrap(), "");
    assert_eq!(
        session_item("hookcheck.relay"),
        Some(format!("8788:{TOKEN}"))
    );
    assert!(!local_values().iter().any(|v| v.contains(TOKEN)));
    let via = text(&testid(&host, "send-via"));
    assert!(via.starts_with("via relay on 127.0.0.1:8788"), "{via}");
    assert!(!via.contains(TOKEN));
    // While paired, the browser's rules are not the ones that apply: no relay offer.
    type_into(
        &testid(&host, "input"),
        "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
    )
    .await;
    assert!(host
        .query_selector("[data-testid='send-relay-offer']")
        .unwrap()
        .is_none());
    assert!(!disabled(&testid(&host, "send")));
    click(&testid(&host, "send-unpair")).await;
}

#[wasm_bindgen_test]
async fn unpair_forgets_the_pairing_and_the_panel_sends_from_the_browser_again() {
    let host = mount_app_at(&format!("relay=8788:{TOKEN}")).await;
    click(&testid(&host, "send-unpair")).await;
    assert!(host
        .query_selector("[data-testid='send-via']")
        .unwrap()
        .is_none());
    assert_eq!(session_item("hookcheck.relay"), None);
}

#[wasm_bindgen_test]
async fn a_damaged_pairing_link_says_so_pairs_nothing_and_leaves_the_address() {
    let host = mount_app_at("relay=8788:short").await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
    let error = text(&testid(&host, "send-pairing-error"));
    assert!(error.contains("pairing link is damaged"), "{error}");
    assert!(host
        .query_selector("[data-testid='send-via']")
        .unwrap()
        .is_none());
    assert_eq!(session_item("hookcheck.relay"), None);
}

#[wasm_bindgen_test]
async fn a_call_through_a_relay_that_does_not_answer_says_it_is_not_running() {
    // Port 1: nothing of ours listens there (and Chromium refuses the port outright), so
    // neither the call nor the probe gets an answer.
    let host = mount_app_at(&format!("relay=1:{TOKEN}")).await;
    type_into(&testid(&host, "input"), "https://example.com/hook").await;
    click(&testid(&host, "send")).await;
    let mut waited = 0;
    while testid(&host, "send-result")
        .get_attribute("data-state")
        .as_deref()
        != Some("failed")
    {
        assert!(waited < 100, "no result after 10 s");
        yew::platform::time::sleep(std::time::Duration::from_millis(100)).await;
        yew::scheduler::flush().await;
        waited += 1;
    }
    let result = testid(&host, "send-result");
    assert_eq!(
        result.get_attribute("data-kind").as_deref(),
        Some("relay-not-running")
    );
    let explained = text(&testid(&host, "send-explanation"));
    assert!(
        explained.contains("The relay is not running"),
        "{explained}"
    );
    assert!(explained.contains("hookcheck relay --app"), "{explained}");
    click(&testid(&host, "send-unpair")).await;
}

#[wasm_bindgen_test]
async fn the_widget_shows_the_input_its_check_and_the_request_and_nothing_of_the_page_around_them()
{
    let mut shared = ShareState::new("https://example.com/widget");
    shared.outcome = Outcome::Failure;
    let host = mount_widget_at(&format!("s={}", shared.encode())).await;

    let area: HtmlTextAreaElement = testid(&host, "input").dyn_into().unwrap();
    assert_eq!(area.value(), "https://example.com/widget");
    assert!(text(&testid(&host, "validity")).starts_with("Valid"));
    assert_eq!(
        testid(&host, "outcome-failure")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    assert!(text(&testid(&host, "preview-body")).contains(r#""status":"failure""#));
    let open = testid(&host, "open-in-app").get_attribute("href").unwrap();
    assert!(open.contains("#s="), "{open}");
    // The full page's header, toolbar, send and sample panels, share and memory are not here.
    let page_only = "header, footer, [data-testid='examples'], [data-testid='send'], [data-testid='include-every-variable']";
    assert!(host.query_selector(page_only).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_widget_remembers_nothing_typed_into_it() {
    let host = mount_widget_at("").await;
    type_into(
        &testid(&host, "input"),
        "https://example.com/typed-in-a-widget",
    )
    .await;
    assert!(text(&testid(&host, "validity")).starts_with("Valid"));
    assert!(
        !local_values()
            .iter()
            .any(|v| v.contains("typed-in-a-widget")),
        "{:?}",
        local_values()
    );
}
