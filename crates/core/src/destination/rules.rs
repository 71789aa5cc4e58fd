//! The destination's rules, applied to the request testRTC sends (docs/destinations.md §2).
//!
//! [`judge`] looks at one request as the destination receives it (headers and JSON body)
//! and says what the destination does with it: each [`Finding`] is a rule broken, with the
//! destination's reply where it rejects the request. [`diagnose`] runs it over every
//! outcome, with the default sample data and with every variable in the payload, and turns
//! the findings into ordinary diagnostics with one-click fixes. `hookcheck receive --as`
//! uses [`judge`] to answer as the destination would.
//!
//! Severity follows the evidence: an **error** where the vendor documents (or real traffic
//! shows) the rejection, and the message quotes the reply; a **warning** where the
//! rejection is likely but unconfirmed (the message says "likely"), or where the message
//! is accepted but not what one expects.

use super::fixes::{self, Cure};
use super::recognise::{is_mockbin, recognise, DestinationId, Endpoint, Recognised, UrlPieces};
use super::reply::Rejection;
use super::secrets::url_secret_spans;
use crate::diagnostic::{Diagnostic, Rule};
use crate::render::sample::{Outcome, SampleData};
use crate::repeats::Diagnostics;
use crate::syntax::json::Json;
use crate::webhook::{Format, Target, WebhookConfig};

/// What part of the config a finding is about (where its diagnostic points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Url,
    Body,
    Headers,
}

/// One destination rule broken by a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    /// What the finding is about, to tell one finding from another across outcomes
    /// (`"text"`, `"content"`, `"username"`).
    pub key: &'static str,
    pub part: Part,
    pub message: String,
    pub help: Option<String>,
    /// The edit that cures it, if one does.
    pub cure: Option<Cure>,
    /// How the destination rejects the request, if it does.
    pub rejection: Option<Rejection>,
}

impl Finding {
    fn new(rule: Rule, key: &'static str, part: Part, message: impl Into<String>) -> Self {
        Finding {
            rule,
            key,
            part,
            message: message.into(),
            help: None,
            cure: None,
            rejection: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn cure(mut self, cure: Cure) -> Self {
        self.cure = Some(cure);
        self
    }

    fn rejects(mut self, rejection: Rejection) -> Self {
        self.rejection = Some(rejection);
        self
    }
}

/// A request as a destination receives it.
#[derive(Clone, Copy, Debug)]
pub struct Received<'a> {
    pub headers: &'a [(String, String)],
    /// The body as JSON; `None` when it is not JSON.
    pub body: Option<&'a Json>,
    /// The body's length in bytes.
    pub body_bytes: usize,
    /// How to name the body in messages: "a json/object body", "your body template".
    pub described_as: &'a str,
}

impl Received<'_> {
    fn field(&self, key: &str) -> Option<&Json> {
        get(self.body?, key)
    }

    fn has(&self, key: &str) -> bool {
        self.field(key).is_some_and(|v| !matches!(v, Json::Null))
    }

    fn text(&self, key: &str) -> Option<&str> {
        match self.field(key) {
            Some(Json::String(s)) => Some(s),
            _ => None,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// testRTC's json/text shape: `{"username":"testRTC_bot","text":"<data>"}`.
    fn is_json_text(&self) -> bool {
        match self.body {
            Some(Json::Object(members)) => {
                members.len() == 2
                    && self.text("username") == Some("testRTC_bot")
                    && self.text("text").is_some()
            }
            _ => false,
        }
    }
}

/// A member of a JSON object.
pub fn get<'j>(value: &'j Json, key: &str) -> Option<&'j Json> {
    match value {
        Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// `12345` as `12,345`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the destination does with one request: every rule it breaks, in a fixed order.
/// The first finding with a rejection is how the destination answers.
pub fn judge(found: Recognised, request: &Received) -> Vec<Finding> {
    use DestinationId as D;
    let mut out = Vec::new();
    match (found.id, found.endpoint) {
        (D::Slack, _) => slack(request, &mut out),
        (D::SlackWorkflow, _) => slack_workflow(request, &mut out),
        (D::Discord, Endpoint::DiscordSlack) => discord_slack(request, &mut out),
        (D::Discord, Endpoint::DiscordGithub) => {}
        (D::Discord, _) => discord(request, &mut out),
        (D::TeamsConnector, _) => teams_connector(request, &mut out),
        (D::TeamsWorkflow, _) => teams_workflow(request, &mut out),
        (D::GoogleChat, _) => google_chat(request, &mut out),
        (D::Mattermost | D::RocketChat, _) => self_hosted_chat(found.id, request, &mut out),
        (D::PagerDuty, Endpoint::PagerDutyIntegration) => {}
        (D::PagerDuty, endpoint) => pagerduty(endpoint, request, &mut out),
        (D::Opsgenie, _) => opsgenie(request, &mut out),
        (D::Zapier | D::Make, _) => catch_all(found.id, request, &mut out),
        (D::Datadog, _) => datadog(request, &mut out),
        (D::WebhookSite | D::Pipedream | D::Beeceptor, _) => {}
    }
    out
}

fn slack(request: &Received, out: &mut Vec<Finding>) {
    let has_content = ["text", "blocks", "attachments"]
        .iter()
        .any(|k| request.has(k));
    if !has_content {
        out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "text",
                Part::Body,
                format!(
                    "Slack answers `400 no_text`: {} has no `text` (nor `blocks` or `attachments`).",
                    request.described_as
                ),
            )
            .help("Slack needs a `text` message: use \"format\": \"json/text\" (as testRTC's docs say for Slack), or a body with `text`.")
            .cure(Cure::Text)
            .rejects(Rejection::SlackNoText),
        );
    } else if request.has("text") && request.text("text").is_none() {
        out.push(
            Finding::new(
                Rule::DestinationInvalidValue,
                "text",
                Part::Body,
                "Slack answers `400 invalid_payload`: `text` is not a string.",
            )
            .help("Make `text` a string.")
            .rejects(Rejection::SlackInvalidPayload),
        );
    }
    if let Some(text) = request.text("text") {
        let n = chars(text);
        if n > 40_000 {
            out.push(Finding::new(
                Rule::DestinationTruncated,
                "text",
                Part::Body,
                format!(
                    "Slack cuts `text` after 40,000 characters; this one has {}.",
                    thousands(n)
                ),
            ));
        }
    }
    if request.has("username") {
        out.push(
            Finding::new(
                Rule::DestinationFieldIgnored,
                "username",
                Part::Body,
                "Slack app webhooks ignore `username`: the message shows the app's name, not the one sent (only legacy custom integrations honour it).",
            )
            .help("Set the name and icon in the Slack app's settings instead."),
        );
    }
}

fn slack_workflow(request: &Received, out: &mut Vec<Finding>) {
    let Some(Json::Object(members)) = request.body else {
        return;
    };
    let not_strings: Vec<&str> = members
        .iter()
        .filter(|(_, v)| !matches!(v, Json::String(_)))
        .map(|(k, _)| k.as_str())
        .collect();
    if !not_strings.is_empty() {
        out.push(
            Finding::new(
                Rule::DestinationValuesNotStrings,
                "values",
                Part::Body,
                format!(
                    "A Slack workflow takes only top-level string values; {} likely gets `400`.",
                    quoted_list(&not_strings)
                ),
            )
            .help("Use a body of flat string values whose keys match the workflow's variables."),
        );
    }
}

fn empty_message(why: &str) -> Finding {
    Finding::new(
        Rule::DestinationMissingField,
        "content",
        Part::Body,
        format!("Discord answers `400` code 50006 \"Cannot send an empty message\": {why}"),
    )
    .help("Discord posts `content` (up to 2,000 characters) or `embeds`: use a body template with `content`, or send json/text to the webhook's `/slack` endpoint.")
    .cure(Cure::DiscordContent)
    .rejects(Rejection::DiscordEmpty)
}

fn discord(request: &Received, out: &mut Vec<Finding>) {
    let content = request.text("content").filter(|c| !c.trim().is_empty());
    let has_other = ["embeds", "components", "file", "poll"]
        .iter()
        .any(|k| request.has(k));
    if content.is_none() && !has_other {
        let why = if request.has("text") {
            format!(
                "{} has `text`, which is not a Discord field.",
                request.described_as
            )
        } else {
            format!("{} has no `content` or `embeds`.", request.described_as)
        };
        out.push(empty_message(&why));
    }
    if let Some(content) = content {
        too_long_for_discord("content", content, out);
    }
}

fn too_long_for_discord(field: &str, content: &str, out: &mut Vec<Finding>) {
    let n = chars(content);
    if n > 2000 {
        out.push(
            Finding::new(
                Rule::DestinationTooLong,
                "content",
                Part::Body,
                format!(
                    "Discord answers `400` code 50035 (Invalid Form Body): `{field}` has {} characters; Discord takes at most 2,000.",
                    thousands(n)
                ),
            )
            .help("Send a shorter message: name the run and link to it rather than sending all its data.")
            .rejects(Rejection::DiscordTooLong),
        );
    }
}

fn discord_slack(request: &Received, out: &mut Vec<Finding>) {
    let text = request.text("text").filter(|t| !t.trim().is_empty());
    if text.is_none() && !request.has("attachments") {
        let why = format!(
            "{} has no `text` for Discord's Slack-compatible endpoint.",
            request.described_as
        );
        out.push(empty_message(&why).cure(Cure::Text));
    }
    if let Some(text) = text {
        too_long_for_discord("text", text, out);
    }
}

fn teams_connector(request: &Received, out: &mut Vec<Finding>) {
    let has = ["text", "summary", "attachments", "sections"]
        .iter()
        .any(|k| request.has(k));
    if !has {
        out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "text",
                Part::Body,
                format!(
                    "Teams answers `200` with \"Summary or Text is required.\" and posts nothing: {} has no `text`.",
                    request.described_as
                ),
            )
            .help("Use \"format\": \"json/text\", or a body with `text`.")
            .cure(Cure::Text)
            .rejects(Rejection::TeamsConnectorNoText),
        );
    }
}

fn teams_workflow(request: &Received, out: &mut Vec<Finding>) {
    let card = request
        .field("attachments")
        .and_then(|a| match a {
            Json::Array(items) => items.first(),
            _ => None,
        })
        .and_then(|first| get(first, "content"));
    let is_card = card
        .is_some_and(|c| matches!(get(c, "type"), Some(Json::String(t)) if t == "AdaptiveCard"));
    if !is_card {
        out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "attachments",
                Part::Body,
                format!(
                    "Teams Workflows answers `202 Accepted`, then the flow run fails where nobody sees it: {} has no Adaptive Card in `attachments` (Workflows post Adaptive Cards only).",
                    request.described_as
                ),
            )
            .help("Use a body of the form {\"type\": \"message\", \"attachments\": [{\"contentType\": \"application/vnd.microsoft.card.adaptive\", \"content\": {…AdaptiveCard…}}]}.")
            .cure(Cure::TeamsCard)
            .rejects(Rejection::TeamsWorkflowFails),
        );
    }
    if request.body_bytes > 28_672 {
        out.push(
            Finding::new(
                Rule::DestinationTooLong,
                "size",
                Part::Body,
                format!(
                    "Teams Workflows fails the run with `MessageSizeExceeded`: the body is {} bytes; at most 28,672 are allowed.",
                    thousands(request.body_bytes)
                ),
            )
            .rejects(Rejection::TeamsWorkflowFails),
        );
    }
}

/// Fields of Google Chat's `Message` resource: anything else is refused.
const GOOGLE_CHAT_FIELDS: [&str; 20] = [
    "name",
    "sender",
    "text",
    "formattedText",
    "cards",
    "cardsV2",
    "annotations",
    "thread",
    "space",
    "fallbackText",
    "actionResponse",
    "argumentText",
    "slashCommand",
    "attachment",
    "matchedUrl",
    "threadReply",
    "clientAssignedMessageId",
    "privateMessageViewer",
    "accessoryWidgets",
    "quotedMessageMetadata",
];

fn google_chat(request: &Received, out: &mut Vec<Finding>) {
    let Some(Json::Object(members)) = request.body else {
        return;
    };
    let unknown: Vec<&str> = members
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !GOOGLE_CHAT_FIELDS.contains(k))
        .collect();
    if let Some(first) = unknown.first() {
        let reply = format!(
            "Invalid JSON payload received. Unknown name \"{first}\" at 'message': Cannot find field."
        );
        out.push(
            Finding::new(
                Rule::DestinationUnknownField,
                "unknown",
                Part::Body,
                format!(
                    "Google Chat answers `400 INVALID_ARGUMENT` (\"{reply}\"): {} has {}, which Google Chat does not know.",
                    request.described_as,
                    joined(&unknown, "and")
                ),
            )
            .help("Google Chat takes only its own message fields: use a body with just `text` (or `cardsV2`).")
            .cure(Cure::GoogleChatText)
            .rejects(Rejection::GoogleChatUnknownField(first.to_string())),
        );
    } else if !request.has("text") && !request.has("cardsV2") && !request.has("cards") {
        out.push(
            Finding::new(
                Rule::DestinationMissingFieldLikely,
                "text",
                Part::Body,
                format!(
                    "Google Chat likely refuses {}: it has neither `text` nor `cardsV2`.",
                    request.described_as
                ),
            )
            .cure(Cure::GoogleChatText),
        );
    }
    if request.body_bytes > 32_000 {
        out.push(
            Finding::new(
                Rule::DestinationTooLong,
                "size",
                Part::Body,
                format!(
                    "Google Chat refuses messages over 32,000 bytes; this one is {} bytes.",
                    thousands(request.body_bytes)
                ),
            )
            .rejects(Rejection::GoogleChatTooLarge),
        );
    }
}

fn self_hosted_chat(id: DestinationId, request: &Received, out: &mut Vec<Finding>) {
    if !request.has("text") && !request.has("attachments") {
        let message = match id {
            DestinationId::Mattermost => format!(
                "If this is Mattermost (the `/hooks/<key>` path suggests it), it likely answers `400 No text specified`: {} has no `text`.",
                request.described_as
            ),
            _ => format!(
                "If this is Rocket.Chat (the `/hooks/<id>/<token>` path suggests it), {} has no `text`: likely an empty or failed post, unless an incoming script reshapes it.",
                request.described_as
            ),
        };
        let mut finding = Finding::new(
            Rule::DestinationMissingFieldLikely,
            "text",
            Part::Body,
            message,
        )
        .help("Use \"format\": \"json/text\", or a body with `text`.")
        .cure(Cure::Text);
        if id == DestinationId::Mattermost {
            finding = finding.rejects(Rejection::MattermostNoText);
        }
        out.push(finding);
    }
    if id == DestinationId::Mattermost {
        if let Some(text) = request.text("text") {
            let n = chars(text);
            if n > 16_383 {
                out.push(Finding::new(
                    Rule::DestinationTruncated,
                    "text",
                    Part::Body,
                    format!("Mattermost splits `text` over 16,383 characters into several posts; this one has {}.", thousands(n)),
                ));
            }
        }
    }
}

const PAGERDUTY_ACTIONS: [&str; 3] = ["trigger", "acknowledge", "resolve"];
const PAGERDUTY_SEVERITIES: [&str; 4] = ["critical", "error", "warning", "info"];

fn pagerduty(endpoint: Endpoint, request: &Received, out: &mut Vec<Finding>) {
    let change = endpoint == Endpoint::PagerDutyChange;
    let mut missing: Vec<&str> = Vec::new();
    let mut invalid: Vec<String> = Vec::new();
    if !matches!(request.field("routing_key"), Some(Json::String(_))) {
        missing.push("routing_key");
    }
    let payload = request.field("payload");
    let in_payload = |key: &str| payload.and_then(|p| get(p, key));
    let payload_text = |key: &str| match in_payload(key) {
        Some(Json::String(s)) if !s.trim().is_empty() => Some(s.as_str()),
        _ => None,
    };
    let action = request.text("event_action");
    if !change {
        match request.field("event_action") {
            None => missing.push("event_action"),
            Some(_) if action.is_some_and(|a| PAGERDUTY_ACTIONS.contains(&a)) => {}
            Some(other) => invalid.push(format!(
                "`event_action` is {}, not one of `trigger`, `acknowledge`, `resolve`",
                shown(other)
            )),
        }
    }
    if change || action == Some("trigger") || action.is_none() {
        if payload_text("summary").is_none() {
            missing.push("payload.summary");
        }
        if !change {
            if payload_text("source").is_none() {
                missing.push("payload.source");
            }
            match in_payload("severity") {
                None => missing.push("payload.severity"),
                Some(Json::String(s)) if PAGERDUTY_SEVERITIES.contains(&s.as_str()) => {}
                Some(other) => invalid.push(format!(
                    "`payload.severity` is {}, not one of `critical`, `error`, `warning`, `info`",
                    shown(other)
                )),
            }
        }
    }
    let errors: Vec<String> = (missing.iter())
        .map(|m| format!("'{m}' is missing or blank"))
        .chain(invalid.iter().cloned())
        .collect();
    if !missing.is_empty() {
        out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "fields",
                Part::Body,
                format!(
                    "PagerDuty answers `400 Event object is invalid`: {} has no {}.",
                    request.described_as,
                    quoted_list(&missing)
                ),
            )
            .help("PagerDuty Events v2 needs {\"routing_key\", \"event_action\": \"trigger\", \"payload\": {\"summary\", \"source\", \"severity\"}}: use a body template.")
            .cure(Cure::PagerDuty)
            .rejects(Rejection::PagerDutyInvalid(errors.clone())),
        );
    }
    if !invalid.is_empty() {
        out.push(
            Finding::new(
                Rule::DestinationInvalidValue,
                "values",
                Part::Body,
                format!(
                    "PagerDuty answers `400 Event object is invalid`: {}.",
                    invalid.join("; ")
                ),
            )
            .help("A template placeholder such as <% this.status %> gives testRTC's words (`completed`, `failure`), not PagerDuty's: write the value itself.")
            .cure(Cure::PagerDuty)
            .rejects(Rejection::PagerDutyInvalid(errors.clone())),
        );
    }
    if let Some(summary) = payload_text("summary") {
        let n = chars(summary);
        if n > 1024 {
            out.push(Finding::new(
                Rule::DestinationTruncated,
                "summary",
                Part::Body,
                format!("PagerDuty takes at most 1,024 characters in `payload.summary`; this one has {}: likely cut or refused.", thousands(n)),
            ));
        }
    }
}

fn opsgenie(request: &Received, out: &mut Vec<Finding>) {
    let key = request.header("Authorization").is_some_and(|v| {
        v.len() > 9
            && v.get(..9)
                .is_some_and(|p| p.eq_ignore_ascii_case("GenieKey "))
    });
    if !key {
        out.push(
            Finding::new(
                Rule::DestinationMissingHeader,
                "authorization",
                Part::Headers,
                "Opsgenie answers `401 Could not authenticate`: there is no `Authorization: GenieKey …` header.",
            )
            .help("Add the header `Authorization: GenieKey <key>`, with the key of an Opsgenie API integration.")
            .cure(Cure::Opsgenie)
            .rejects(Rejection::OpsgenieUnauthenticated),
        );
    }
    match request.field("message") {
        Some(Json::String(m)) if !m.trim().is_empty() => {
            let n = chars(m);
            if n > 130 {
                out.push(Finding::new(
                    Rule::DestinationTruncated,
                    "message",
                    Part::Body,
                    format!("Opsgenie takes at most 130 characters in `message`; this one has {}: likely cut.", thousands(n)),
                ));
            }
        }
        _ => out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "message",
                Part::Body,
                format!(
                    "Opsgenie answers `422`: {} has no `message`, which every alert needs.",
                    request.described_as
                ),
            )
            .help("Use a body template with `message` (at most 130 characters).")
            .cure(Cure::Opsgenie)
            .rejects(Rejection::OpsgenieNoMessage),
        ),
    }
}

fn catch_all(id: DestinationId, request: &Received, out: &mut Vec<Finding>) {
    if request.is_json_text() {
        out.push(
            Finding::new(
                Rule::DestinationDataAsString,
                "text",
                Part::Body,
                format!(
                    "{} gets the run as one `text` string (json/text stringifies the data), which {} must parse again.",
                    id.short_name(),
                    if id == DestinationId::Zapier { "the Zap" } else { "the scenario" }
                ),
            )
            .help("With \"format\": \"json/object\" each field arrives on its own. (testRTC's docs suggest json/text for Zapier; either works.)"),
        );
    }
}

fn datadog(request: &Received, out: &mut Vec<Finding>) {
    if request.header("DD-API-KEY").is_none() {
        out.push(
            Finding::new(
                Rule::DestinationMissingHeader,
                "dd-api-key",
                Part::Headers,
                "Datadog answers `403 Forbidden`: there is no `DD-API-KEY` header.",
            )
            .help("Add the header `DD-API-KEY` with a Datadog API key.")
            .cure(Cure::Datadog)
            .rejects(Rejection::DatadogForbidden),
        );
    }
    let missing: Vec<&str> = ["title", "text"]
        .into_iter()
        .filter(|k| request.text(k).is_none())
        .collect();
    if !missing.is_empty() {
        out.push(
            Finding::new(
                Rule::DestinationMissingField,
                "fields",
                Part::Body,
                format!(
                    "Datadog answers `400 Bad Request`: {} has no {}.",
                    request.described_as,
                    quoted_list(&missing)
                ),
            )
            .help("A Datadog event needs `title` and `text`.")
            .cure(Cure::Datadog)
            .rejects(Rejection::DatadogBadRequest),
        );
    }
    if let Some(text) = request.text("text") {
        let n = chars(text);
        if n > 4000 {
            out.push(Finding::new(
                Rule::DestinationTruncated,
                "text",
                Part::Body,
                format!(
                    "Datadog cuts event `text` after 4,000 characters; this one has {}.",
                    thousands(n)
                ),
            ));
        }
    }
}

/// Findings about the URL alone: retiring services, asynchronous replies, the URL as a
/// credential.
pub fn url_findings(url: &str, found: Option<Recognised>) -> Vec<Finding> {
    use DestinationId as D;
    let mut out = Vec::new();
    if is_mockbin(url) {
        out.push(Finding::new(
            Rule::DestinationRetiring,
            "retired",
            Part::Url,
            "Mockbin, the request bin of testRTC's old docs, has been retired: nothing receives this webhook.",
        ).help("Use a live request bin such as https://webhook.site, or `hookcheck receive`."));
    }
    let Some(found) = found else {
        return out;
    };
    let retiring = match (found.id, found.endpoint) {
        (D::TeamsConnector, _) => Some("Microsoft is retiring Office 365 connectors (connector URLs had to be updated by 31 Dec 2024; full retirement is reported for 31 Mar 2026): move to a Teams Workflows webhook."),
        (D::TeamsWorkflow, Endpoint::TeamsWorkflowLogicApps) => Some("Teams Workflows URLs on `logic.azure.com` stop working after 30 Nov 2025: copy the flow's new `environment.api.powerplatform.com` URL."),
        (D::Opsgenie, Endpoint::Main) => Some("Opsgenie is end of sale, and support (with its REST API) ends on 5 Apr 2027: plan the move to Jira Service Management Operations (`api.atlassian.com/jsm/ops/integration/v2/alerts`)."),
        _ => None,
    };
    if let Some(message) = retiring {
        out.push(Finding::new(
            Rule::DestinationRetiring,
            "retiring",
            Part::Url,
            message,
        ));
    }
    let queued = match found.id {
        D::TeamsWorkflow => Some("Teams Workflows answers `202 Accepted` when the request is queued: the card is posted (or fails) later, in the flow run."),
        D::PagerDuty => Some("PagerDuty answers `202` when the event is queued: `202` does not mean an incident was created."),
        D::Opsgenie => Some("Opsgenie answers `202` with a `requestId` when the alert is queued: `202` does not mean the alert was created."),
        _ => None,
    };
    if let Some(message) = queued {
        out.push(Finding::new(
            Rule::DestinationReplyQueued,
            "queued",
            Part::Url,
            message,
        ));
    }
    // User info alone is the `url-credentials` rule's.
    let userinfo = UrlPieces::of(url).and_then(|p| p.userinfo);
    let tokens = url_secret_spans(url)
        .into_iter()
        .filter(|s| userinfo.is_none_or(|u| s.start != u.start))
        .count();
    // Request bins are throwaway: their ids are masked, without a note.
    let receiver = matches!(found.id, D::WebhookSite | D::Pipedream | D::Beeceptor);
    if tokens > 0 && !receiver {
        let extra = if found.id == D::Discord {
            " (and rename or delete the webhook)"
        } else {
            ""
        };
        out.push(Finding::new(
            Rule::DestinationUrlSecret,
            "secret",
            Part::Url,
            format!(
                "This {} URL is a credential: anyone who has it can post{extra}. hookcheck masks its token in the preview and leaves it out of share links.",
                found.id.short_name()
            ),
        ).help("Don't paste it in tickets or chats; if it leaked, create a new webhook."));
    }
    out
}

/// "`a`, `b` or `c`".
fn quoted_list(items: &[&str]) -> String {
    joined(items, "or")
}

/// "`a`, `b` and `c`", or with another last word.
fn joined(items: &[&str], last_word: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {last_word} {last}", init.join(", ")),
    }
}

fn shown(value: &Json) -> String {
    match value {
        Json::String(s) => format!("`{s}`"),
        other => format!("`{}`", other.to_compact()),
    }
}

/// The sample data each rule is checked against: every outcome, with the default
/// payload and with every variable in it.
pub fn samples() -> Vec<SampleData> {
    let mut out = Vec::new();
    for every in [false, true] {
        for outcome in Outcome::ALL {
            let mut sample = SampleData::for_outcome(outcome);
            sample.include_every_variable = every;
            out.push(sample);
        }
    }
    out
}

/// How a config's body is named in messages.
fn described(config: &WebhookConfig) -> &'static str {
    match (&config.body, config.format) {
        (_, Format::JsonText) => "the json/text body",
        (Some(_), _) => "the body template",
        (None, Format::CloudEvent) => "a cloudevent body",
        (None, Format::JsonObject) => "a json/object body",
    }
}

/// The destination diagnostics of a checked config, for the webhook field's `text` (the
/// text the config was read from): the URL's findings, then the request's findings over
/// every outcome, each once, with a fix where one cures it.
pub fn diagnose(text: &str, config: &WebhookConfig, diagnostics: &mut Diagnostics) {
    let Target::Http { url, .. } = &config.target else {
        return;
    };
    let found = recognise(url);
    let mut findings: Vec<(Finding, Vec<(Outcome, bool)>)> = url_findings(url, found)
        .into_iter()
        .map(|f| (f, Vec::new()))
        .collect();
    if found.is_none() && findings.is_empty() {
        return;
    }
    let url_count = findings.len();
    if let Some(found) = found {
        for sample in samples() {
            let request = crate::render::request::render_request(config, &sample);
            let body = crate::syntax::json::read(&request.body);
            let headers = request.header_pairs();
            let received = Received {
                headers: &headers,
                body: body.as_ref(),
                body_bytes: request.body.len(),
                described_as: described(config),
            };
            for finding in judge(found, &received) {
                let variant = (sample.outcome, sample.include_every_variable);
                match findings[url_count..]
                    .iter_mut()
                    .find(|(f, _)| f.rule == finding.rule && f.key == finding.key)
                {
                    Some((_, seen)) => seen.push(variant),
                    None => findings.push((finding, vec![variant])),
                }
            }
        }
    }
    let all = samples().len();
    let places = fixes::Places::of(text);
    for (finding, seen) in findings {
        let mut message = finding.message.clone();
        if !seen.is_empty() && seen.len() < all {
            message.push_str(&when(&seen));
        }
        let span = places.span(finding.part);
        let mut diagnostic = Diagnostic::new(finding.rule, span, message);
        if let Some(help) = &finding.help {
            diagnostic = diagnostic.with_help(help.clone());
        }
        if let Some(fix) = finding.cure.and_then(|cure| fixes::fix(text, config, cure)) {
            diagnostic = diagnostic.with_fix(fix);
        }
        diagnostics.push(diagnostic);
    }
}

/// " (on failure)", " (with every variable in the payload)", …: the variants a finding
/// was seen in, when not all.
fn when(seen: &[(Outcome, bool)]) -> String {
    let outcomes: Vec<&str> = Outcome::ALL
        .iter()
        .filter(|o| seen.iter().any(|(s, _)| s == *o))
        .map(|o| o.as_str())
        .collect();
    let default = seen.iter().any(|(_, every)| !every);
    let every = seen.iter().any(|(_, every)| *every);
    let mut parts = Vec::new();
    if outcomes.len() < Outcome::ALL.len() {
        parts.push(format!("on {}", outcomes.join(" and ")));
    }
    if every && !default {
        parts.push("with every variable in the payload".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (Seen {}.)", parts.join(", "))
    }
}
