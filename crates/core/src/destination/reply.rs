//! How destinations answer (docs/destinations.md §2, §3.4): the reply to an accepted
//! request and to each documented rejection, for `hookcheck receive --as`, and the
//! meaning of a reply in the destination's terms, for the app's send panel.

use super::recognise::{DestinationId, Endpoint, Recognised};
use super::rules::{judge, Received};
use crate::syntax::json::Json;

/// An HTTP answer: status, content type and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// `None` for an empty body.
    pub content_type: Option<&'static str>,
    pub body: String,
}

impl Reply {
    /// A plain-text answer, as Slack sends it (`Content-Type: text/html`, body `ok`).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: Some("text/html"),
            body: body.to_string(),
        }
    }

    pub fn plain(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: Some("text/plain; charset=utf-8"),
            body: body.to_string(),
        }
    }

    pub fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: Some("application/json"),
            body: body.to_string(),
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            content_type: None,
            body: String::new(),
        }
    }
}

/// How a destination rejects a request: what [`Rejection::reply`] answers. Kept apart from
/// the reply's bytes, which only `hookcheck receive --as` needs (the app never builds them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    SlackNoText,
    SlackInvalidPayload,
    DiscordEmpty,
    DiscordTooLong,
    TeamsConnectorNoText,
    /// Teams Workflows takes the request (`202`), then the flow run fails.
    TeamsWorkflowFails,
    /// The first unknown field.
    GoogleChatUnknownField(String),
    GoogleChatTooLarge,
    MattermostNoText,
    /// PagerDuty's list of errors.
    PagerDutyInvalid(Vec<String>),
    OpsgenieUnauthenticated,
    OpsgenieNoMessage,
    DatadogForbidden,
    DatadogBadRequest,
}

impl Rejection {
    /// The destination's answer: status, content type and body.
    pub fn reply(&self) -> Reply {
        match self {
            Rejection::SlackNoText => Reply::text(400, "no_text"),
            Rejection::SlackInvalidPayload => Reply::text(400, "invalid_payload"),
            Rejection::DiscordEmpty => Reply::json(
                400,
                r#"{"message": "Cannot send an empty message", "code": 50006}"#,
            ),
            Rejection::DiscordTooLong => Reply::json(
                400,
                r#"{"message": "Invalid Form Body", "code": 50035, "errors": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}}"#,
            ),
            Rejection::TeamsConnectorNoText => Reply::plain(200, "Summary or Text is required."),
            Rejection::TeamsWorkflowFails => Reply::empty(202),
            Rejection::GoogleChatUnknownField(name) => Reply::json(
                400,
                &Json::object([(
                    "error",
                    Json::object([
                        ("code", Json::Number(400.0)),
                        (
                            "message",
                            Json::String(format!(
                                "Invalid JSON payload received. Unknown name \"{name}\" at 'message': Cannot find field."
                            )),
                        ),
                        ("status", Json::string("INVALID_ARGUMENT")),
                    ]),
                )])
                .to_compact(),
            ),
            Rejection::GoogleChatTooLarge => Reply::json(
                400,
                r#"{"error": {"code": 400, "message": "Message too large.", "status": "INVALID_ARGUMENT"}}"#,
            ),
            Rejection::MattermostNoText => Reply::json(
                400,
                r#"{"id": "web.incoming_webhook.text.app_error", "message": "No text specified", "detailed_error": "", "request_id": "hookcheck", "status_code": 400}"#,
            ),
            Rejection::PagerDutyInvalid(errors) => Reply::json(
                400,
                &Json::object([
                    ("status", Json::string("invalid event")),
                    ("message", Json::string("Event object is invalid")),
                    (
                        "errors",
                        Json::Array(errors.iter().map(|e| Json::string(e.as_str())).collect()),
                    ),
                ])
                .to_compact(),
            ),
            Rejection::OpsgenieUnauthenticated => Reply::json(
                401,
                r#"{"message": "Could not authenticate", "took": 0.0, "requestId": "hookcheck"}"#,
            ),
            Rejection::OpsgenieNoMessage => Reply::json(
                422,
                r#"{"message": "Request body is not processable. Please check the errors.", "errors": {"message": "Message can not be empty."}, "took": 0.0, "requestId": "hookcheck"}"#,
            ),
            Rejection::DatadogForbidden => Reply::json(403, r#"{"errors": ["Forbidden"]}"#),
            Rejection::DatadogBadRequest => Reply::json(400, r#"{"errors": ["Bad Request"]}"#),
        }
    }
}

/// What the destination answers to an accepted request.
pub fn accepted(id: DestinationId) -> Reply {
    use DestinationId as D;
    match id {
        D::Slack => Reply::text(200, "ok"),
        D::SlackWorkflow => Reply::json(200, r#"{"ok":true}"#),
        D::Discord => Reply::empty(204),
        D::TeamsConnector => Reply::plain(200, "1"),
        D::TeamsWorkflow => Reply::empty(202),
        D::GoogleChat => Reply::json(
            200,
            r#"{"name":"spaces/AAAA/messages/hookcheck.hookcheck","sender":{"type":"BOT"},"text":""}"#,
        ),
        D::Mattermost => Reply::plain(200, "ok"),
        D::RocketChat => Reply::json(200, r#"{"success":true}"#),
        D::PagerDuty => Reply::json(
            202,
            r#"{"status":"success","message":"Event processed","dedup_key":"hookcheck"}"#,
        ),
        D::Opsgenie => Reply::json(
            202,
            r#"{"result":"Request will be processed","took":0.0,"requestId":"hookcheck"}"#,
        ),
        D::Zapier => Reply::json(
            200,
            r#"{"attempt":"hookcheck","id":"hookcheck","request_id":"hookcheck","status":"success"}"#,
        ),
        D::Make => Reply::plain(200, "Accepted"),
        D::WebhookSite | D::Pipedream | D::Beeceptor => Reply::plain(200, ""),
        D::Datadog => Reply::json(202, r#"{"status":"ok"}"#),
    }
}

/// How `id` answers a request with these headers and body: the reply of the first rule
/// it breaks that the destination rejects, or its accepted reply.
pub fn answer(id: DestinationId, headers: &[(String, String)], body: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(body);
    let json = crate::syntax::json::read_strict(&text);
    if json.is_none() {
        return not_json(id);
    }
    let found = Recognised {
        id,
        probable: false,
        endpoint: Endpoint::Main,
    };
    let received = Received {
        headers,
        body: json.as_ref(),
        body_bytes: body.len(),
        described_as: "the body",
    };
    judge(found, &received)
        .into_iter()
        .find_map(|f| f.rejection)
        .map_or_else(|| accepted(id), |r| r.reply())
}

/// The answer to a body that is not JSON.
fn not_json(id: DestinationId) -> Reply {
    use DestinationId as D;
    match id {
        D::Slack => Reply::text(400, "invalid_payload"),
        D::Discord => Reply::json(
            400,
            r#"{"message": "The request body contains invalid JSON.", "code": 50109}"#,
        ),
        D::GoogleChat => Reply::json(
            400,
            r#"{"error": {"code": 400, "message": "Invalid JSON payload received.", "status": "INVALID_ARGUMENT"}}"#,
        ),
        D::Mattermost => Reply::json(
            400,
            r#"{"id": "web.incoming_webhook.parse.app_error", "message": "Unable to parse incoming data", "status_code": 400}"#,
        ),
        D::PagerDuty => Reply::json(
            400,
            r#"{"status": "invalid event", "message": "Event object is invalid", "errors": ["Check that the JSON is valid"]}"#,
        ),
        D::Opsgenie => Reply::json(
            422,
            r#"{"message": "Request body is not processable. Please check the errors.", "took": 0.0, "requestId": "hookcheck"}"#,
        ),
        _ => accepted(id),
    }
}

/// A reply explained in the destination's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Whether the destination took the message (queued counts as taken).
    pub delivered: bool,
    /// One sentence: "Slack found no text: …".
    pub summary: String,
}

impl Explanation {
    fn ok(summary: impl Into<String>) -> Explanation {
        Explanation {
            delivered: true,
            summary: summary.into(),
        }
    }

    fn failed(summary: impl Into<String>) -> Explanation {
        Explanation {
            delivered: false,
            summary: summary.into(),
        }
    }
}

/// What a reply from `id` means, in the destination's terms; `None` when hookcheck has
/// nothing to add to the status line.
pub fn explain(id: DestinationId, status: u16, body: &str) -> Option<Explanation> {
    use DestinationId as D;
    let body = body.trim();
    let json = crate::syntax::json::read_strict(body);
    let field = |key: &str| -> Option<String> {
        match json.as_ref().and_then(|j| super::rules::get(j, key)) {
            Some(Json::String(s)) => Some(s.clone()),
            // Through core's JSON number writer: `f64`'s `Display` would add std's float
            // formatting to the wasm.
            Some(number @ Json::Number(_)) => Some(number.to_compact()),
            _ => None,
        }
    };
    let explained = match (id, status) {
        (D::Slack, 200) if body == "ok" => Explanation::ok("Slack posted the message."),
        (D::Slack, 200) => Explanation::failed(format!(
            "Slack answered 200 but not `ok` (`{}`): it likely did not post.",
            short(body)
        )),
        (D::Slack, _) => Explanation::failed(match body {
            "no_text" | "missing_text_or_fallback_or_attachments" => {
                "Slack found no text: the body needs `text` (use format json/text).".to_string()
            }
            "invalid_payload" => "Slack could not read the body as a message.".to_string(),
            "no_service" => "Slack knows no such webhook: it was deleted or disabled.".to_string(),
            "invalid_token" => "Slack refused the webhook's token: it was revoked.".to_string(),
            "channel_not_found" => "Slack cannot find the webhook's channel.".to_string(),
            "channel_is_archived" => "The webhook's Slack channel is archived.".to_string(),
            "action_prohibited" => "A Slack admin has restricted posting to this channel.".to_string(),
            other => format!("Slack refused the message (`{}`).", short(other)),
        }),
        (D::Discord, 200 | 204) => Explanation::ok("Discord posted the message."),
        (D::Discord, _) => {
            let code = field("code").unwrap_or_default();
            Explanation::failed(match code.as_str() {
                "50006" => "Discord found nothing to post: the body needs `content` or `embeds` (`text` is not a Discord field).".to_string(),
                "50035" => format!("Discord refused the body's form: {}.", field("message").unwrap_or_else(|| "invalid form body".into())),
                "50109" => "Discord could not read the body as JSON.".to_string(),
                "10015" => "Discord knows no such webhook: it was deleted.".to_string(),
                _ => format!("Discord refused the message ({status}{}).", field("message").map(|m| format!(": {m}")).unwrap_or_default()),
            })
        }
        (D::TeamsConnector, 200) if body == "1" => Explanation::ok("Teams posted the message."),
        (D::TeamsConnector, 200) => Explanation::failed(format!(
            "Teams answered 200 with an error and posted nothing: {}",
            short(body)
        )),
        (D::TeamsWorkflow, 202) => Explanation::ok("Teams Workflows queued the request: whether the card posts shows only in the flow's run history."),
        (D::GoogleChat, 200) => Explanation::ok("Google Chat posted the message."),
        (D::GoogleChat, 400) => Explanation::failed(format!(
            "Google Chat refused the body: {}",
            json.as_ref()
                .and_then(|j| super::rules::get(j, "error"))
                .and_then(|e| super::rules::get(e, "message"))
                .and_then(|m| match m {
                    Json::String(s) => Some(s.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| short(body))
        )),
        (D::Mattermost, 200) if body == "ok" => Explanation::ok("Mattermost posted the message."),
        (D::Mattermost, 400) => Explanation::failed(match field("message").as_deref() {
            Some("No text specified") => "Mattermost found no text: the body needs `text` (use format json/text).".to_string(),
            Some(other) => format!("Mattermost refused the message: {other}."),
            None => "Mattermost refused the message.".to_string(),
        }),
        (D::PagerDuty, 202) => Explanation::ok("PagerDuty queued the event: 202 does not yet mean an incident."),
        (D::PagerDuty, 400) => Explanation::failed(format!(
            "PagerDuty found the event invalid{}.",
            match json.as_ref().and_then(|j| super::rules::get(j, "errors")) {
                Some(Json::Array(errors)) if !errors.is_empty() => format!(
                    ": {}",
                    errors
                        .iter()
                        .map(|e| match e {
                            Json::String(s) => s.clone(),
                            other => other.to_compact(),
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                _ => String::new(),
            }
        )),
        (D::PagerDuty, 429) => Explanation::failed("PagerDuty is rate-limiting this integration key (about 120 events a minute): try again later."),
        (D::Opsgenie, 202) => Explanation::ok("Opsgenie queued the alert: 202 does not yet mean the alert exists."),
        (D::Opsgenie, 401 | 403) => Explanation::failed("Opsgenie refused the key: send `Authorization: GenieKey <key>` with the key of an API integration."),
        (D::Opsgenie, 422) => Explanation::failed("Opsgenie could not process the alert: it needs a `message`."),
        (D::Zapier, 200) => Explanation::ok("Zapier took the request (it answers success even when no Zap is on)."),
        (_, 200..=299) => return None,
        _ => return None,
    };
    Some(explained)
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(200).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Whether a browser page can send the byte-exact request to `id` and read the answer,
/// and if not, what the send panel says before sending.
pub fn browser_send_warning(found: Recognised) -> Option<&'static str> {
    match found.id {
        DestinationId::Slack | DestinationId::SlackWorkflow => Some(
            "Slack's CORS preflight refuses `Content-Type: application/json`, so a browser cannot send this request: the browser blocks it, not Slack. Copy the curl command and run it in a terminal instead.",
        ),
        DestinationId::Discord => None,
        DestinationId::PagerDuty | DestinationId::Beeceptor => None,
        _ => Some(
            "Whether this destination lets a browser page read its reply is not known: if the test call fails without a status, use the curl command.",
        ),
    }
}

/// The response header with which `hookcheck receive --as ID` says whom it answers as, so
/// that the app explains its replies in that destination's terms.
pub const AS_HEADER: &str = "x-hookcheck-as";

/// The destination a test call reached: the one its URL names, or the one a local
/// `hookcheck receive --as ID` answered as.
pub fn replying_destination(url: &str, headers: &[(String, String)]) -> Option<DestinationId> {
    super::recognise(url).map(|f| f.id).or_else(|| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(AS_HEADER))
            .and_then(|(_, id)| DestinationId::parse(id.trim()))
    })
}

/// A test call's reply explained in the destination's terms: the destination and what
/// its answer means; `None` when there is no destination or nothing to add.
pub fn explain_response(
    url: &str,
    headers: &[(String, String)],
    status: u16,
    body: &str,
) -> Option<(DestinationId, Explanation)> {
    let id = replying_destination(url, headers)?;
    explain(id, status, body).map(|e| (id, e))
}

/// What the send panel says before a test call to `url`: why a browser cannot send it
/// (Slack), or that reading the reply may not work; `None` for a URL of no destination.
pub fn send_warning(url: &str) -> Option<&'static str> {
    super::recognise(url).and_then(browser_send_warning)
}
