//! The message as the destination shows it, as plain data: who it is from, its title, its
//! formatted text, its fields and links. The app renders it with text nodes only (never
//! HTML from the input); this module only reads the request.

use super::verdict::Arrival;
use crate::catalog::{DestinationId, Shown};
pub use crate::catalog::{Markup, PreviewKind};
use crate::render::request::Request;

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

/// The preview of `request` at its destination, as the endpoint's declaration says it
/// shows a message, refused when `arrival` ([`Arrival::of`] the same request) says so;
/// `None` when the URL names no destination with a message of its own (request bins, catch
/// hooks).
pub fn preview(request: &Request, arrival: Option<&Arrival>) -> Option<DestinationPreview> {
    let found = request.destination()?;
    let spec = found.endpoint().preview?;
    let body = &request.json;
    let refused = match arrival {
        Some(Arrival::Refused(refusal)) => Some(refusal.message.clone()),
        _ => None,
    };
    let mut p = DestinationPreview {
        destination: found.id,
        kind: spec.kind,
        sender: spec.sender.to_string(),
        sender_note: None,
        title: spec
            .title
            .and_then(|path| body.text(path))
            .map(str::to_string),
        text: format_text(
            spec.text
                .and_then(|path| body.text(path))
                .unwrap_or_default(),
            spec.markup,
        ),
        embeds: Vec::new(),
        fields: Vec::new(),
        links: Vec::new(),
        refused,
    };
    if let Some((path, honoured)) = spec.sender_field {
        if let Some(name) = body.text(path) {
            if honoured {
                p.sender = name.to_string();
            }
            p.sender_note = spec.sender_note.map(|note| note.replace("{name}", name));
        }
    }
    for path in spec.labelled {
        if let Some(value) = body.text(path) {
            let label = path.rsplit('.').next().unwrap_or(path);
            p.fields.push((label.to_string(), value.to_string()));
        }
    }
    for shown in spec.extra.map(|extra| extra(body)).unwrap_or_default() {
        match shown {
            Shown::Title(title) if p.title.is_none() => p.title = Some(title),
            Shown::Title(text) | Shown::Text(text) => {
                if !p.text.is_empty() {
                    p.text.push(Inline {
                        text: String::new(),
                        style: Style::Break,
                    });
                }
                p.text.extend(format_text(&text, spec.markup));
            }
            Shown::Embed { title, description } => p.embeds.push(Embed {
                title,
                description: format_text(&description, Markup::Markdown),
            }),
            Shown::Link { label, url } => p.links.push((label, url)),
        }
    }
    Some(p)
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
