//! The destination of a webhook URL, from its host and path shape (docs/destinations.md §1).
//!
//! The host decides: an unknown host is no destination, whatever its path. The two
//! self-hosted chat tools (Mattermost, Rocket.Chat) run on anyone's host, so they are
//! recognised from the path alone and only as probable. Unexpected tails after a known
//! shape are accepted: vendors change their URLs.

use serde::Serialize;

use crate::span::Span;

/// Every destination hookcheck knows, by its stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum DestinationId {
    Slack,
    SlackWorkflow,
    Discord,
    TeamsConnector,
    TeamsWorkflow,
    GoogleChat,
    Mattermost,
    RocketChat,
    PagerDuty,
    Opsgenie,
    Zapier,
    Make,
    WebhookSite,
    Pipedream,
    Beeceptor,
    Datadog,
}

impl DestinationId {
    pub const ALL: [DestinationId; 16] = [
        DestinationId::Slack,
        DestinationId::SlackWorkflow,
        DestinationId::Discord,
        DestinationId::TeamsConnector,
        DestinationId::TeamsWorkflow,
        DestinationId::GoogleChat,
        DestinationId::Mattermost,
        DestinationId::RocketChat,
        DestinationId::PagerDuty,
        DestinationId::Opsgenie,
        DestinationId::Zapier,
        DestinationId::Make,
        DestinationId::WebhookSite,
        DestinationId::Pipedream,
        DestinationId::Beeceptor,
        DestinationId::Datadog,
    ];

    /// The stable id of the CLI's `--json` and `receive --as`.
    pub const fn id(self) -> &'static str {
        match self {
            DestinationId::Slack => "slack",
            DestinationId::SlackWorkflow => "slack-workflow",
            DestinationId::Discord => "discord",
            DestinationId::TeamsConnector => "teams-connector",
            DestinationId::TeamsWorkflow => "teams-workflow",
            DestinationId::GoogleChat => "google-chat",
            DestinationId::Mattermost => "mattermost",
            DestinationId::RocketChat => "rocket-chat",
            DestinationId::PagerDuty => "pagerduty",
            DestinationId::Opsgenie => "opsgenie",
            DestinationId::Zapier => "zapier",
            DestinationId::Make => "make",
            DestinationId::WebhookSite => "webhook-site",
            DestinationId::Pipedream => "pipedream",
            DestinationId::Beeceptor => "beeceptor",
            DestinationId::Datadog => "datadog",
        }
    }

    /// The name people know it by.
    pub const fn name(self) -> &'static str {
        match self {
            DestinationId::Slack => "Slack incoming webhook",
            DestinationId::SlackWorkflow => "Slack Workflow Builder trigger",
            DestinationId::Discord => "Discord webhook",
            DestinationId::TeamsConnector => "Microsoft Teams connector (Office 365)",
            DestinationId::TeamsWorkflow => "Microsoft Teams Workflows (Power Automate)",
            DestinationId::GoogleChat => "Google Chat webhook",
            DestinationId::Mattermost => "Mattermost incoming webhook",
            DestinationId::RocketChat => "Rocket.Chat incoming webhook",
            DestinationId::PagerDuty => "PagerDuty Events API v2",
            DestinationId::Opsgenie => "Opsgenie alerts API",
            DestinationId::Zapier => "Zapier catch hook",
            DestinationId::Make => "Make custom webhook",
            DestinationId::WebhookSite => "webhook.site",
            DestinationId::Pipedream => "Pipedream",
            DestinationId::Beeceptor => "Beeceptor",
            DestinationId::Datadog => "Datadog events API",
        }
    }

    /// The short name for messages ("Slack answers …").
    pub const fn short_name(self) -> &'static str {
        match self {
            DestinationId::Slack => "Slack",
            DestinationId::SlackWorkflow => "The Slack workflow",
            DestinationId::Discord => "Discord",
            DestinationId::TeamsConnector => "Teams",
            DestinationId::TeamsWorkflow => "Teams Workflows",
            DestinationId::GoogleChat => "Google Chat",
            DestinationId::Mattermost => "Mattermost",
            DestinationId::RocketChat => "Rocket.Chat",
            DestinationId::PagerDuty => "PagerDuty",
            DestinationId::Opsgenie => "Opsgenie",
            DestinationId::Zapier => "Zapier",
            DestinationId::Make => "Make",
            DestinationId::WebhookSite => "webhook.site",
            DestinationId::Pipedream => "Pipedream",
            DestinationId::Beeceptor => "Beeceptor",
            DestinationId::Datadog => "Datadog",
        }
    }

    pub fn parse(id: &str) -> Option<DestinationId> {
        DestinationId::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// Which endpoint of a destination a URL names, where the destination has several that
/// take different bodies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Endpoint {
    /// The destination's usual webhook endpoint.
    #[default]
    Main,
    /// Discord's `/slack` suffix: Slack's format, `text` becomes the message.
    DiscordSlack,
    /// Discord's `/github` suffix: GitHub's event format.
    DiscordGithub,
    /// Teams Workflows on the retired `logic.azure.com` host.
    TeamsWorkflowLogicApps,
    /// PagerDuty `/v2/change/enqueue`: change events.
    PagerDutyChange,
    /// PagerDuty `/integration/<key>/enqueue`: takes a vendor's own body.
    PagerDutyIntegration,
    /// Jira Service Management Operations, Opsgenie's successor.
    JsmOps,
}

/// A recognised destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recognised {
    pub id: DestinationId,
    /// Recognised from the path alone on a host that could be anyone's (self-hosted tools):
    /// "probably Mattermost".
    pub probable: bool,
    pub endpoint: Endpoint,
}

impl Recognised {
    fn certain(id: DestinationId) -> Recognised {
        Recognised {
            id,
            probable: false,
            endpoint: Endpoint::Main,
        }
    }

    fn at(id: DestinationId, endpoint: Endpoint) -> Recognised {
        Recognised {
            endpoint,
            ..Recognised::certain(id)
        }
    }

    /// "Slack", or "probably Mattermost".
    pub fn label(&self) -> String {
        if self.probable {
            format!("probably {}", self.id.name())
        } else {
            self.id.name().to_string()
        }
    }
}

/// The parts of a URL text, as spans into it. Lenient: any text gives pieces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlPieces {
    /// `user:pass@`, the `@` included.
    pub userinfo: Option<Span>,
    pub host: Span,
    /// From the first `/` after the authority up to `?` or `#`.
    pub path: Span,
    /// After the `?`, up to `#`.
    pub query: Option<Span>,
}

impl UrlPieces {
    /// The pieces of `url`; `None` without `scheme://`.
    pub fn of(url: &str) -> Option<UrlPieces> {
        let authority_start = url.find("://")? + 3;
        let rest = &url[authority_start..];
        let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_len];
        let (userinfo, host_start) = match authority.rfind('@') {
            Some(at) => (
                Some(Span::new(authority_start, authority_start + at + 1)),
                authority_start + at + 1,
            ),
            None => (None, authority_start),
        };
        let host_and_port = &url[host_start..authority_start + authority_len];
        // A port follows the last `:` unless it is inside an IPv6 literal.
        let host_len = match host_and_port.rfind(':') {
            Some(at) if !host_and_port[at..].contains(']') => at,
            _ => host_and_port.len(),
        };
        let path_start = authority_start + authority_len;
        let after = &url[path_start..];
        let path_len = after.find(['?', '#']).unwrap_or(after.len());
        let query = after[path_len..].strip_prefix('?').map(|q| {
            let start = path_start + path_len + 1;
            Span::new(start, start + q.find('#').unwrap_or(q.len()))
        });
        Some(UrlPieces {
            userinfo,
            host: Span::new(host_start, host_start + host_len),
            path: Span::new(path_start, path_start + path_len),
            query,
        })
    }

    /// The path's segments with their spans, empty ones skipped.
    pub fn segments(self, url: &str) -> Vec<(&str, Span)> {
        let mut out = Vec::new();
        let mut at = self.path.start;
        for segment in self.path.slice(url).split('/') {
            if !segment.is_empty() {
                out.push((segment, Span::new(at, at + segment.len())));
            }
            at += segment.len() + 1;
        }
        out
    }

    /// The query's `name=value` pairs: the name and the value's span.
    pub fn query_pairs(self, url: &str) -> Vec<(&str, Span)> {
        let Some(query) = self.query else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at = query.start;
        for pair in query.slice(url).split('&') {
            if let Some((name, value)) = pair.split_once('=') {
                let start = at + name.len() + 1;
                out.push((name, Span::new(start, start + value.len())));
            }
            at += pair.len() + 1;
        }
        out
    }
}

/// The destination `url` names, if hookcheck knows it.
pub fn recognise(url: &str) -> Option<Recognised> {
    use DestinationId as D;
    let url = url.trim();
    let pieces = UrlPieces::of(url)?;
    let host = pieces.host.slice(url).trim_end_matches('.');
    // Most URLs name no destination: tell them apart before any copy is made.
    let maybe_known = HOST_WORDS
        .iter()
        .any(|word| contains_ignoring_case(host, word));
    if !maybe_known && !pieces.path.slice(url).starts_with("/hooks/") {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let host = host.as_str();
    let segments: Vec<&str> = pieces.segments(url).into_iter().map(|(s, _)| s).collect();
    let path = segments.as_slice();
    let under = |suffix: &str| host.ends_with(suffix) && host.len() > suffix.len();
    let starts = |prefix: &[&str]| {
        path.len() >= prefix.len()
            && path
                .iter()
                .zip(prefix)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    let found = match host {
        "hooks.slack.com" | "hooks.slack-gov.com" => match path.first().copied() {
            Some("services") => Recognised::certain(D::Slack),
            Some("triggers" | "workflows") => Recognised::certain(D::SlackWorkflow),
            _ => return None,
        },
        "discord.com"
        | "discordapp.com"
        | "www.discord.com"
        | "ptb.discord.com"
        | "canary.discord.com"
        | "www.discordapp.com"
        | "ptb.discordapp.com"
        | "canary.discordapp.com" => {
            // /api[/v<N>]/webhooks/<id>/<token>[/slack|/github]
            let rest = match path {
                ["api", version, rest @ ..] if is_api_version(version) => rest,
                ["api", rest @ ..] => rest,
                _ => return None,
            };
            match rest {
                ["webhooks", id, _token, tail @ ..] if id.bytes().all(|b| b.is_ascii_digit()) => {
                    let endpoint = match tail.first().copied() {
                        Some("slack") => Endpoint::DiscordSlack,
                        Some("github") => Endpoint::DiscordGithub,
                        _ => Endpoint::Main,
                    };
                    Recognised::at(D::Discord, endpoint)
                }
                _ => return None,
            }
        }
        "outlook.office.com" | "outlook.office365.com" => {
            teams_connector_path(path).then(|| Recognised::certain(D::TeamsConnector))?
        }
        _ if under(".webhook.office.com") => {
            teams_connector_path(path).then(|| Recognised::certain(D::TeamsConnector))?
        }
        _ if under(".logic.azure.com") => path
            .contains(&"workflows")
            .then(|| Recognised::at(D::TeamsWorkflow, Endpoint::TeamsWorkflowLogicApps))?,
        "api.powerplatform.com" | "api.powerautomate.com" | "flow.microsoft.com" => path
            .contains(&"workflows")
            .then(|| Recognised::certain(D::TeamsWorkflow))?,
        _ if under(".api.powerplatform.com") => path
            .contains(&"workflows")
            .then(|| Recognised::certain(D::TeamsWorkflow))?,
        "chat.googleapis.com" => {
            starts(&["v1", "spaces"]).then(|| Recognised::certain(D::GoogleChat))?
        }
        "events.pagerduty.com" | "events.eu.pagerduty.com" => match path {
            ["v2", "enqueue"] => Recognised::certain(D::PagerDuty),
            ["v2", "change", "enqueue"] => Recognised::at(D::PagerDuty, Endpoint::PagerDutyChange),
            ["integration", _, "enqueue"] => {
                Recognised::at(D::PagerDuty, Endpoint::PagerDutyIntegration)
            }
            _ => return None,
        },
        "api.opsgenie.com" | "api.eu.opsgenie.com" => {
            starts(&["v2", "alerts"]).then(|| Recognised::certain(D::Opsgenie))?
        }
        "api.atlassian.com" => starts(&["jsm", "ops", "integration", "v2", "alerts"])
            .then(|| Recognised::at(D::Opsgenie, Endpoint::JsmOps))?,
        "hooks.zapier.com" => {
            starts(&["hooks", "catch"]).then(|| Recognised::certain(D::Zapier))?
        }
        "hook.integromat.com" => Recognised::certain(D::Make),
        _ if host.starts_with("hook.") && under(".make.com") => Recognised::certain(D::Make),
        "webhook.site" | "www.webhook.site" => Recognised::certain(D::WebhookSite),
        _ if under(".m.pipedream.net") => Recognised::certain(D::Pipedream),
        _ if under(".free.beeceptor.com") || under(".proxy.beeceptor.com") => {
            Recognised::certain(D::Beeceptor)
        }
        "api.datadoghq.com"
        | "api.datadoghq.eu"
        | "api.us3.datadoghq.com"
        | "api.us5.datadoghq.com"
        | "api.ap1.datadoghq.com"
        | "api.ap2.datadoghq.com"
        | "api.ddog-gov.com" => {
            starts(&["api", "v1", "events"]).then(|| Recognised::certain(D::Datadog))?
        }
        _ => match path {
            // Self-hosted: anyone's host, so only probable.
            ["hooks", key] if key.len() == 26 && key.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                Recognised {
                    probable: true,
                    ..Recognised::certain(D::Mattermost)
                }
            }
            ["hooks", _, _] | ["hooks", _, _, _] => Recognised {
                probable: true,
                ..Recognised::certain(D::RocketChat)
            },
            _ => return None,
        },
    };
    Some(found)
}

/// A word in every known destination host.
const HOST_WORDS: [&str; 19] = [
    "slack",
    "discord",
    "office",
    "azure",
    "powerplatform",
    "powerautomate",
    "microsoft",
    "googleapis",
    "pagerduty",
    "opsgenie",
    "atlassian",
    "zapier",
    "make.com",
    "integromat",
    "webhook.site",
    "pipedream",
    "beeceptor",
    "datadoghq",
    "ddog-gov",
];

fn contains_ignoring_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

fn is_api_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `/webhook/…` or `/webhookb2/…` of an Office 365 connector.
fn teams_connector_path(path: &[&str]) -> bool {
    matches!(path.first(), Some(first) if first.eq_ignore_ascii_case("webhook") || first.eq_ignore_ascii_case("webhookb2"))
}

/// Whether `url` is on Mockbin, the retired request bin of testRTC's old docs.
pub fn is_mockbin(url: &str) -> bool {
    let url = url.trim();
    UrlPieces::of(url).is_some_and(|p| {
        let host = p.host.slice(url).as_bytes();
        let tail = b".mockbin.org";
        host.eq_ignore_ascii_case(&tail[1..])
            || (host.len() > tail.len()
                && host[host.len() - tail.len()..].eq_ignore_ascii_case(tail))
    })
}
