//! The message as the destination shows it, as plain data: who it is from, its title, its
//! formatted text, its fields and links. The app renders it with text nodes only (never
//! HTML from the input); this module only reads the request.

use super::recognise::{recognise, DestinationId, Endpoint};
use super::rules::{get, judge, Received};
use crate::render::request::Request;
use crate::syntax::json::Json;

/// How a run of text is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Bold,
    Italic,
    Code,
    /// A link to this address.
    Link(String),
    /// A line break (its text is empty).
    Break,
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub style: Style,
}

/// What kind of thing the destination makes of the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewKind {
    /// A chat message.
    Message,
    /// A card (Teams).
    Card,
    /// An incident (PagerDuty).
    Incident,
    /// An alert (Opsgenie).
    Alert,
    /// An event (Datadog).
    Event,
}

impl PreviewKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            PreviewKind::Message => "message",
            PreviewKind::Card => "card",
            PreviewKind::Incident => "incident",
            PreviewKind::Alert => "alert",
            PreviewKind::Event => "event",
        }
    }
}

/// A Discord embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub title: String,
    pub description: Vec<Inline>,
}

/// The message as the destination shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DestinationPreview {
    pub destination: DestinationId,
    pub kind: PreviewKind,
    /// Who the message shows as from.
    pub sender: String,
    /// Why the sender is not what the request says (Slack ignores `username`).
    pub sender_note: Option<String>,
    pub title: Option<String>,
    pub text: Vec<Inline>,
    pub embeds: Vec<Embed>,
    /// Labelled values: severity, source, priority.
    pub fields: Vec<(String, String)>,
    /// Buttons and links: (label, address).
    pub links: Vec<(String, String)>,
    /// When the destination refuses the request: what it answers instead of showing it.
    pub refused: Option<String>,
}

impl DestinationPreview {
    fn new(destination: DestinationId, kind: PreviewKind, sender: &str) -> Self {
        DestinationPreview {
            destination,
            kind,
            sender: sender.to_string(),
            sender_note: None,
            title: None,
            text: Vec::new(),
            embeds: Vec::new(),
            fields: Vec::new(),
            links: Vec::new(),
            refused: None,
        }
    }

    /// The text runs as plain text (for tests and screen readers).
    pub fn plain_text(&self) -> String {
        self.text
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
}

/// The message format a destination reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Slack and Google Chat: `*bold*`, `_italic_`, `` `code` ``, `<url|label>`, with
    /// `&amp; &lt; &gt;` escapes.
    Mrkdwn,
    /// Discord and Mattermost: `**bold**`, `*italic*`/`_italic_`, `` `code` ``.
    Markdown,
    /// No formatting.
    Plain,
}

/// The preview of `request` at its destination; `None` when the URL names no destination
/// with a message of its own (request bins, catch hooks).
pub fn preview(request: &Request) -> Option<DestinationPreview> {
    use DestinationId as D;
    let found = recognise(&request.url)?;
    let body = crate::syntax::json::read(&request.body);
    let headers = request.header_pairs();
    let received = Received {
        headers: &headers,
        body: body.as_ref(),
        body_bytes: request.body.len(),
        described_as: "the body",
    };
    let refused = judge(found, &received)
        .into_iter()
        .find(|f| f.rejection.is_some())
        .map(|f| f.message);
    let body = body.unwrap_or(Json::Null);
    let text = |key: &str| match get(&body, key) {
        Some(Json::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let mut out = match (found.id, found.endpoint) {
        (D::Slack | D::SlackWorkflow, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Message, "Your Slack app");
            if let Some(name) = text("username") {
                p.sender_note = Some(format!(
                    "Slack shows the app's name: app webhooks ignore \"username\": \"{name}\"."
                ));
            }
            p.text = format_text(text("text").unwrap_or_default(), Markup::Mrkdwn);
            p
        }
        (D::Discord, endpoint) => {
            let mut p = DestinationPreview::new(
                found.id,
                PreviewKind::Message,
                text("username").unwrap_or("The webhook's name (set in Discord)"),
            );
            let content = if endpoint == Endpoint::DiscordSlack {
                text("text")
            } else {
                text("content")
            };
            p.text = format_text(content.unwrap_or_default(), Markup::Markdown);
            if let Some(Json::Array(embeds)) = get(&body, "embeds") {
                for embed in embeds.iter().take(10) {
                    let field = |key: &str| match get(embed, key) {
                        Some(Json::String(s)) => s.clone(),
                        _ => String::new(),
                    };
                    p.embeds.push(Embed {
                        title: field("title"),
                        description: format_text(&field("description"), Markup::Markdown),
                    });
                }
            }
            p
        }
        (D::GoogleChat, _) => {
            let mut p = DestinationPreview::new(
                found.id,
                PreviewKind::Message,
                "The webhook's name (set in Google Chat)",
            );
            p.text = format_text(text("text").unwrap_or_default(), Markup::Mrkdwn);
            p
        }
        (D::Mattermost | D::RocketChat, _) => {
            let mut p = DestinationPreview::new(
                found.id,
                PreviewKind::Message,
                text("username").unwrap_or("The webhook's name"),
            );
            if text("username").is_some() && found.id == D::Mattermost {
                p.sender_note = Some(
                    "Mattermost shows this name only if the server lets integrations override usernames.".to_string(),
                );
            }
            p.text = format_text(text("text").unwrap_or_default(), Markup::Markdown);
            p
        }
        (D::TeamsConnector, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Message, "Incoming Webhook");
            p.title = text("title").map(str::to_string);
            p.text = format_text(text("text").unwrap_or_default(), Markup::Markdown);
            p
        }
        (D::TeamsWorkflow, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Card, "Workflows");
            let card = get(&body, "attachments")
                .and_then(|a| match a {
                    Json::Array(items) => items.first(),
                    _ => None,
                })
                .and_then(|first| get(first, "content"));
            if let Some(card) = card {
                teams_card(card, &mut p);
            }
            p
        }
        (D::PagerDuty, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Incident, "PagerDuty");
            let payload = get(&body, "payload").cloned().unwrap_or(Json::Null);
            let field = |key: &str| match get(&payload, key) {
                Some(Json::String(s)) => Some(s.clone()),
                _ => None,
            };
            p.title = field("summary");
            for key in ["severity", "source", "component", "group", "class"] {
                if let Some(value) = field(key) {
                    p.fields.push((key.to_string(), value));
                }
            }
            if let Some(dedup) = text("dedup_key") {
                p.fields.push(("dedup_key".to_string(), dedup.to_string()));
            }
            if let Some(Json::Array(links)) = get(&body, "links") {
                for link in links {
                    if let Some(Json::String(href)) = get(link, "href") {
                        let label = match get(link, "text") {
                            Some(Json::String(t)) => t.clone(),
                            _ => href.clone(),
                        };
                        p.links.push((label, href.clone()));
                    }
                }
            }
            p
        }
        (D::Opsgenie, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Alert, "Opsgenie");
            p.title = text("message").map(str::to_string);
            p.text = format_text(text("description").unwrap_or_default(), Markup::Plain);
            for key in ["priority", "alias", "source", "entity"] {
                if let Some(value) = text(key) {
                    p.fields.push((key.to_string(), value.to_string()));
                }
            }
            p
        }
        (D::Datadog, _) => {
            let mut p = DestinationPreview::new(found.id, PreviewKind::Event, "Datadog");
            p.title = text("title").map(str::to_string);
            p.text = format_text(text("text").unwrap_or_default(), Markup::Markdown);
            if let Some(alert) = text("alert_type") {
                p.fields.push(("alert_type".to_string(), alert.to_string()));
            }
            p
        }
        (D::Zapier | D::Make | D::WebhookSite | D::Pipedream | D::Beeceptor, _) => return None,
    };
    out.refused = refused;
    Some(out)
}

/// An Adaptive Card's text blocks (the first bold one as the title) and its URL actions.
fn teams_card(card: &Json, p: &mut DestinationPreview) {
    if let Some(Json::Array(blocks)) = get(card, "body") {
        for block in blocks {
            let Some(Json::String(text)) = get(block, "text") else {
                continue;
            };
            let bold = matches!(get(block, "weight"), Some(Json::String(w)) if w.eq_ignore_ascii_case("bolder"));
            if bold && p.title.is_none() {
                p.title = Some(text.clone());
            } else {
                if !p.text.is_empty() {
                    p.text.push(Inline {
                        text: String::new(),
                        style: Style::Break,
                    });
                }
                p.text.extend(format_text(text, Markup::Markdown));
            }
        }
    }
    if let Some(Json::Array(actions)) = get(card, "actions") {
        for action in actions {
            if let (Some(Json::String(title)), Some(Json::String(url))) =
                (get(action, "title"), get(action, "url"))
            {
                p.links.push((title.clone(), url.clone()));
            }
        }
    }
}

/// `text` read as `markup` into styled runs. Linear: each marker is looked for on its
/// line once; a marker with no partner on the rest of its line is plain text, and so is
/// every later one of the same kind on that line.
pub fn format_text(text: &str, markup: Markup) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline {
                text: unescape(&std::mem::take(plain), markup),
                style: Style::Plain,
            });
        }
    };
    for (line_no, line) in text.split('\n').enumerate() {
        if line_no > 0 {
            flush(&mut plain, &mut out);
            out.push(Inline {
                text: String::new(),
                style: Style::Break,
            });
        }
        // Markers known to have no partner on the rest of this line.
        let mut dead: Vec<&str> = Vec::new();
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            let markers: &[(&str, &str, Style)] = match markup {
                Markup::Mrkdwn => &[
                    ("*", "*", Style::Bold),
                    ("_", "_", Style::Italic),
                    ("`", "`", Style::Code),
                    ("<", ">", Style::Link(String::new())),
                ],
                Markup::Markdown => &[
                    ("**", "**", Style::Bold),
                    ("*", "*", Style::Italic),
                    ("_", "_", Style::Italic),
                    ("`", "`", Style::Code),
                ],
                Markup::Plain => &[],
            };
            let mut matched = false;
            for (open, close, style) in markers {
                if !rest.starts_with(open) || dead.contains(open) {
                    continue;
                }
                let after = &rest[open.len()..];
                match after.find(close) {
                    // `**` in Slack's mrkdwn: two plain stars, not an empty bold.
                    Some(0) => {}
                    Some(end) => {
                        flush(&mut plain, &mut out);
                        let inner = &after[..end];
                        out.push(styled(inner, style, markup));
                        rest = &after[end + close.len()..];
                        matched = true;
                        break;
                    }
                    _ => dead.push(open),
                }
            }
            if !matched {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    flush(&mut plain, &mut out);
    out
}

fn styled(inner: &str, style: &Style, markup: Markup) -> Inline {
    match style {
        Style::Link(_) => {
            // `<url|label>` or `<url>`.
            let (url, label) = inner.split_once('|').unwrap_or((inner, inner));
            Inline {
                text: unescape(label, markup),
                style: Style::Link(unescape(url, markup)),
            }
        }
        other => Inline {
            text: unescape(inner, markup),
            style: other.clone(),
        },
    }
}

/// Slack's three escapes, undone for display.
fn unescape(text: &str, markup: Markup) -> String {
    if markup != Markup::Mrkdwn || !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What a line of the preview is, for its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Refused,
    Sender,
    Note,
    Title,
    Text,
    Embed,
    Field,
    Links,
}

impl BlockKind {
    /// The CSS class of the line.
    pub const fn class(self) -> &'static str {
        match self {
            BlockKind::Refused => "dp-refused",
            BlockKind::Sender => "dp-sender",
            BlockKind::Note => "dp-note",
            BlockKind::Title => "dp-title",
            BlockKind::Text => "dp-text",
            BlockKind::Embed => "dp-embed",
            BlockKind::Field => "dp-field",
            BlockKind::Links => "dp-links",
        }
    }

    /// The test id of the line, where tests look at it.
    pub const fn test_id(self) -> Option<&'static str> {
        match self {
            BlockKind::Refused => Some("destination-refused"),
            BlockKind::Sender => Some("destination-preview-sender"),
            BlockKind::Title => Some("destination-preview-title"),
            BlockKind::Text => Some("destination-preview-text"),
            _ => None,
        }
    }
}

/// One line of the preview: its kind and its styled runs. The app renders the preview as
/// these lines, one paragraph each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub runs: Vec<Inline>,
}

fn run(text: &str, style: Style) -> Inline {
    Inline {
        text: text.to_string(),
        style,
    }
}

impl DestinationPreview {
    /// The preview as lines, top to bottom: why it is refused, the sender, a note on the
    /// sender, the title, the text, the embeds, the fields, the links. Empty parts are left out.
    pub fn blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let mut push = |kind, runs: Vec<Inline>| {
            if !runs.is_empty() {
                out.push(Block { kind, runs });
            }
        };
        if let Some(refused) = &self.refused {
            push(
                BlockKind::Refused,
                vec![run("Not shown: ", Style::Bold), run(refused, Style::Plain)],
            );
        }
        push(BlockKind::Sender, vec![run(&self.sender, Style::Bold)]);
        if let Some(note) = &self.sender_note {
            push(BlockKind::Note, vec![run(note, Style::Plain)]);
        }
        if let Some(title) = &self.title {
            push(BlockKind::Title, vec![run(title, Style::Bold)]);
        }
        push(BlockKind::Text, self.text.clone());
        for embed in &self.embeds {
            let mut runs = Vec::new();
            if !embed.title.is_empty() {
                runs.push(run(&embed.title, Style::Bold));
                runs.push(run("", Style::Break));
            }
            runs.extend(embed.description.iter().cloned());
            push(BlockKind::Embed, runs);
        }
        for (name, value) in &self.fields {
            push(
                BlockKind::Field,
                vec![
                    run(&format!("{name}: "), Style::Plain),
                    run(value, Style::Bold),
                ],
            );
        }
        let mut links = Vec::new();
        for (label, url) in &self.links {
            if !links.is_empty() {
                links.push(run(" · ", Style::Plain));
            }
            links.push(run(label, Style::Link(url.clone())));
        }
        push(BlockKind::Links, links);
        out
    }
}
