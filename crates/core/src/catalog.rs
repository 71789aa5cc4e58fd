//! Stage 2, the destination catalog: everything hookcheck knows about the services a webhook
//! goes to (Slack, Discord, Teams, Google Chat, PagerDuty, Opsgenie, …), as data.
//!
//! One declaration per service ([`Destination`], in a file of its own under `catalog/`)
//! holds its names, the URL shapes that recognise each of its endpoints and which parts of
//! them are secret, the body fields it reads, what it needs (and the reply it gives
//! otherwise), its size limits, its replies, its one-click cure, how it shows a message,
//! what is known about its CORS, and its dated facts. Code never branches on a destination:
//! the interpreters read the declarations.
//!
//! - [`recognise`] reads a URL against the shapes (and finds its secret parts);
//! - `destination::judge` applies an endpoint's needs, fields and limits to a request;
//! - `destination::{diagnose, fixes, preview, reply}` turn that into diagnostics, fixes, the
//!   message as the service shows it, and the meaning of its replies;
//! - `docs/destinations.md` carries tables generated from it (a test holds them to it).
//!
//! Facts and sources: `docs/destinations.md`. Adding a destination is one declaration in a
//! file under `catalog/`, its line in [`CATALOG`] and [`DestinationId`], and its tests.

mod catch_hooks;
mod chat_servers;
mod datadog;
mod discord;
mod google_chat;
mod opsgenie;
mod pagerduty;
pub mod recognise;
mod slack;
mod teams;

use crate::diagnostic::Rule;
use crate::syntax::json::Json;

pub use recognise::{recognise, Recognised};

/// Every destination, in the order URLs are matched against them: the services of known
/// hosts first, the self-hosted tools recognised from a path alone last.
pub static CATALOG: &[&Destination] = &[
    &slack::INCOMING,
    &slack::WORKFLOW,
    &discord::DISCORD,
    &teams::CONNECTOR,
    &teams::WORKFLOWS,
    &google_chat::GOOGLE_CHAT,
    &pagerduty::PAGERDUTY,
    &opsgenie::OPSGENIE,
    &catch_hooks::ZAPIER,
    &catch_hooks::MAKE,
    &catch_hooks::WEBHOOK_SITE,
    &catch_hooks::PIPEDREAM,
    &catch_hooks::BEECEPTOR,
    &datadog::DATADOG,
    &chat_servers::MATTERMOST,
    &chat_servers::ROCKET_CHAT,
];

/// Hosts of services that are gone, with what to say about them. Not destinations: nothing
/// answers there.
pub static RETIRED_HOSTS: &[RetiredHost] = &[RetiredHost {
    host: "mockbin.org",
    message: "Mockbin, the request bin of testRTC's old docs, has been retired: nothing receives this webhook.",
    help: "Use a live request bin such as https://webhook.site, or `hookcheck receive`.",
}];

/// A retired service's host (and its subdomains).
#[derive(Debug)]
pub struct RetiredHost {
    pub host: &'static str,
    pub message: &'static str,
    pub help: &'static str,
}

/// The stable ids of the destinations: the CLI's `--json`, `receive --as ID`, the app's
/// `data-destination`. In [`CATALOG`]'s order: each is its declaration's index there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DestinationId {
    Slack,
    SlackWorkflow,
    Discord,
    TeamsConnector,
    TeamsWorkflow,
    GoogleChat,
    PagerDuty,
    Opsgenie,
    Zapier,
    Make,
    WebhookSite,
    Pipedream,
    Beeceptor,
    Datadog,
    Mattermost,
    RocketChat,
}

impl DestinationId {
    /// Every id, in catalog order.
    pub fn all() -> impl Iterator<Item = DestinationId> {
        CATALOG.iter().map(|d| d.id)
    }

    /// The catalog's declaration of this destination.
    pub fn destination(self) -> &'static Destination {
        // Every id is its declaration's index: `every_id_has_one_declaration` holds it.
        CATALOG[self as usize]
    }

    /// The stable id: `slack`, `teams-workflow`, …
    pub fn id(self) -> &'static str {
        self.destination().key
    }

    /// The name people know it by: "Slack incoming webhook".
    pub fn name(self) -> &'static str {
        self.destination().name
    }

    /// The short name for messages: "Slack".
    pub fn short_name(self) -> &'static str {
        self.destination().short_name
    }

    /// The destination with this stable id.
    pub fn parse(key: &str) -> Option<DestinationId> {
        CATALOG.iter().find(|d| d.key == key).map(|d| d.id)
    }
}

/// A service a webhook goes to.
#[derive(Debug)]
pub struct Destination {
    pub id: DestinationId,
    /// The stable id, as [`DestinationId::id`] gives it.
    pub key: &'static str,
    /// "Slack incoming webhook".
    pub name: &'static str,
    /// "Slack": how messages name it.
    pub short_name: &'static str,
    /// Its endpoints, matched in order: the specific ones first, the main (most general)
    /// one last.
    pub endpoints: &'static [Endpoint],
    /// What anyone holding the URL's secret part can do ("post"); `None` for throwaway
    /// request bins, whose ids are masked without a note.
    pub credential: Option<&'static str>,
    /// How it answers: the replies its rules quote, `receive --as` sends, and the send
    /// panel explains. The first delivered one is its answer to an accepted request.
    pub replies: &'static [Reply],
    /// The reply to a body that is not JSON (a key of `replies`); `None`: it takes it.
    pub not_json: Option<&'static str>,
    /// What any other refusal (not 2xx, no reply above matches) means; `{status}`,
    /// `{body}` and `{json:…}` are filled in from the reply.
    pub refused_otherwise: Option<&'static str>,
    /// Whether a page can send it the byte-exact request and read the reply.
    pub cors: Cors,
    /// Said on every check: its `202` means queued, not delivered.
    pub queued: Option<&'static str>,
}

impl Destination {
    /// The reply with this key.
    pub fn reply(&self, key: &str) -> Option<&'static Reply> {
        self.replies.iter().find(|r| r.key == key)
    }

    /// What it answers to a request it accepts.
    pub fn accepted(&self) -> &'static Reply {
        self.replies
            .iter()
            .find(|r| r.delivered)
            .unwrap_or(&ACCEPTED)
    }
}

/// The answer of a destination that says nothing of its own.
static ACCEPTED: Reply = Reply {
    key: "accepted",
    status: 200,
    content_type: Some("text/plain; charset=utf-8"),
    body: "",
    matches: BodyMatch::Any,
    quote: "`200`",
    meaning: "",
    delivered: true,
};

/// One URL endpoint of a destination: how it is recognised and what it takes.
#[derive(Debug)]
pub struct Endpoint {
    /// What sets this endpoint apart from the destination's main one ("the Slack-compatible
    /// `/slack` endpoint"); empty for the main one.
    pub name: &'static str,
    /// How messages name this endpoint: "Slack", "Discord's Slack-compatible endpoint",
    /// "If this is Mattermost (the `/hooks/<key>` path suggests it), it".
    pub subject: &'static str,
    /// The hosts it answers on.
    pub hosts: &'static [Host],
    /// The path, segment by segment; its secret parts are marked.
    pub path: &'static [Segment],
    /// The body fields it reads, required ones first (the docs' table lists them in order).
    pub fields: &'static [Field],
    /// Only the listed fields are accepted (Google Chat's `Message` resource).
    pub closed: Option<&'static Closed>,
    /// The reply to a field of the wrong type or value (a key of the destination's replies).
    pub invalid: Option<&'static str>,
    /// What a request must have.
    pub needs: &'static [Need],
    /// The headers it must carry.
    pub headers: &'static [HeaderNeed],
    /// Size limits.
    pub limits: &'static [Limit],
    /// A rule data cannot say, hung on its endpoint (a Teams Adaptive Card, flat string
    /// values).
    pub special: Option<&'static SpecialRule>,
    /// The one-click edit that gives a config this endpoint accepts.
    pub cure: Option<&'static Cure>,
    /// How it shows a message; `None` when it shows none (catch hooks, request bins).
    pub preview: Option<&'static Preview>,
    /// A fact with a date: a retirement, an end of support.
    pub dated: Option<&'static Dated>,
    /// Whether the body it takes is its own business (a vendor's payload through
    /// PagerDuty's integration URL, GitHub's events through Discord's `/github`): nothing is
    /// checked.
    pub unchecked: bool,
}

impl Endpoint {
    /// An endpoint with nothing but its subject, hosts and path: the base of declarations.
    pub const fn new(
        subject: &'static str,
        hosts: &'static [Host],
        path: &'static [Segment],
    ) -> Self {
        Endpoint {
            name: "",
            subject,
            hosts,
            path,
            fields: &[],
            closed: None,
            invalid: None,
            needs: &[],
            headers: &[],
            limits: &[],
            special: None,
            cure: None,
            preview: None,
            dated: None,
            unchecked: false,
        }
    }

    /// Whether any host may serve it (self-hosted tools): recognised only as probable.
    pub fn is_self_hosted(&self) -> bool {
        self.hosts.iter().any(|h| matches!(h, Host::Any))
    }

    /// The field at `path` (`payload.summary`).
    pub fn field(&self, path: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.path == path)
    }

    /// The rules that check `field`: the need it meets, the values it may take, its limit,
    /// its being ignored.
    pub fn rules_of(&self, field: &Field) -> Vec<Rule> {
        let needed = (self.needs.iter())
            .find(|need| need.any_of.contains(&field.path))
            .map(|need| need.rule);
        let valued = (field.kind != Kind::Any).then_some(Rule::DestinationInvalidValue);
        let limited = (self.limits.iter())
            .find(|limit| limit.field == Some(field.path))
            .map(|limit| limit.rule);
        let ignored = field.ignored.map(|_| Rule::DestinationFieldIgnored);
        [needed, valued, limited, ignored]
            .into_iter()
            .flatten()
            .collect()
    }

    /// What `field` is, with what the catalog says of it: "The message, in Slack's mrkdwn.
    /// Required (or `blocks`, `attachments`). At most 40,000 characters: the rest is cut."
    pub fn field_doc(&self, field: &Field) -> String {
        let mut doc = field.doc.to_string();
        if let Some(need) = self.needs.iter().find(|n| n.any_of.contains(&field.path)) {
            let others: Vec<&str> = (need.any_of.iter().copied())
                .filter(|p| *p != field.path)
                .collect();
            doc.push_str(match need.when {
                Some(_) => " Required for a trigger",
                None => " Required",
            });
            if !others.is_empty() {
                doc.push_str(&format!(
                    " unless there is {}",
                    crate::words::code_list(&others, "or")
                ));
            }
            doc.push('.');
        }
        if let Kind::OneOf(words) = field.kind {
            doc.push_str(&format!(
                " One of {}.",
                crate::words::code_list(words, "or")
            ));
        }
        if let Some(limit) = self.limits.iter().find(|l| l.field == Some(field.path)) {
            doc.push_str(&format!(
                " At most {} characters{}.",
                crate::words::thousands(limit.max),
                if limit.effect.is_empty() {
                    String::new()
                } else {
                    format!(": over, {}", limit.effect)
                }
            ));
        }
        if field.ignored.is_some() {
            doc.push_str(" Ignored here.");
        }
        doc
    }
}

/// A host pattern.
#[derive(Clone, Copy, Debug)]
pub enum Host {
    /// Exactly this name.
    Is(&'static str),
    /// A name under this one (`*.webhook.office.com`, not the name itself).
    Under(&'static str),
    /// A name under this one, whose first label is the account's secret id
    /// (`<id>.m.pipedream.net`).
    SecretLabelUnder(&'static str),
    /// `<prefix>…<suffix>`, as `hook.<region>.make.com`.
    Around(&'static str, &'static str),
    /// Anyone's host (self-hosted tools).
    Any,
}

/// A path segment pattern. Words compare without ASCII case.
#[derive(Clone, Copy, Debug)]
pub enum Segment {
    /// This word.
    Is(&'static str),
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// An API version such as `v10`.
    Version,
    /// Digits only.
    Digits,
    /// Exactly this many ASCII letters and digits.
    Alphanumeric(usize),
    /// Any one segment.
    Any,
    /// A segment of this pattern, which is a secret.
    Secret(&'static Segment),
    /// A segment of this pattern, or none.
    Optional(&'static Segment),
    /// Any number of segments before the rest of the pattern (at most one per path).
    Skip,
    /// Whatever follows (nothing included).
    Rest,
    /// Whatever follows, which is a secret.
    SecretRest,
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Anything: not checked.
    Any,
    /// A string: anything else is refused with the endpoint's `invalid` need reply.
    Text,
    /// One of these strings, after rendering.
    OneOf(&'static [&'static str]),
}

/// A body field a destination reads.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Its path from the body: `text`, `payload.summary`.
    pub path: &'static str,
    /// What it is, in one sentence.
    pub doc: &'static str,
    pub kind: Kind,
    /// When the destination accepts and ignores it: the message that says so, and the
    /// help.
    pub ignored: Option<&'static (&'static str, &'static str)>,
}

impl Field {
    pub const fn new(path: &'static str, doc: &'static str) -> Field {
        Field {
            path,
            doc,
            kind: Kind::Any,
            ignored: None,
        }
    }
}

/// Something a request must have: at least one of some fields, each present, not `null`
/// and not a blank string.
#[derive(Clone, Copy, Debug)]
pub struct Need {
    pub any_of: &'static [&'static str],
    /// Only while this field is this value or absent (PagerDuty's `payload` is needed for
    /// `"event_action": "trigger"`).
    pub when: Option<(&'static str, &'static str)>,
    /// `DestinationMissingField` where the refusal is documented,
    /// `DestinationMissingFieldLikely` where it is not.
    pub rule: Rule,
    /// The reply the destination gives otherwise (a key of its replies).
    pub reply: Option<&'static str>,
    /// Without a reply: what the destination does instead ("likely refuses it").
    pub effect: &'static str,
    pub help: &'static str,
}

/// A body that may hold only its endpoint's fields, and a few names more.
#[derive(Debug)]
pub struct Closed {
    /// The reply to any other field (a key of the destination's replies).
    pub reply: &'static str,
    pub help: &'static str,
    /// Names it accepts too, which people do not send (set by the service): not among its
    /// fields, but no reason to refuse the body.
    pub also: &'static [&'static str],
}

/// A header a request must have.
#[derive(Clone, Copy, Debug)]
pub struct HeaderNeed {
    pub name: &'static str,
    /// What its value starts with (`GenieKey `), compared without case.
    pub prefix: &'static str,
    /// The value the cure writes: a placeholder the person replaces.
    pub placeholder: &'static str,
    pub reply: &'static str,
    pub help: &'static str,
}

impl HeaderNeed {
    /// Whether a value of this header meets the need: its prefix and something after it.
    pub fn is_met_by(&self, value: &str) -> bool {
        value.len() > self.prefix.len()
            && value.as_bytes()[..self.prefix.len()].eq_ignore_ascii_case(self.prefix.as_bytes())
    }
}

/// A size limit.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// The field, counted in characters; `None`: the whole body, in bytes.
    pub field: Option<&'static str>,
    pub max: usize,
    /// `DestinationTooLong` where it is refused, `DestinationTruncated` where it is cut.
    pub rule: Rule,
    /// The reply to a request over the limit.
    pub reply: Option<&'static str>,
    /// Without a reply: what happens over the limit ("cuts", "likely cuts or refuses").
    pub effect: &'static str,
}

/// How a reply's body is recognised when reading a real reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyMatch {
    Any,
    /// The whole body, white space around it ignored.
    Is(&'static str),
    Contains(&'static str),
}

/// A reply of a destination: what it answers, how messages quote it, and what it means
/// when it comes back from a real call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reply {
    /// Its name in the catalog: `no_text`.
    pub key: &'static str,
    pub status: u16,
    /// `None` for an empty body.
    pub content_type: Option<&'static str>,
    /// Its body as `receive --as` sends it: `{field}` is the field it names, `{errors}` a
    /// JSON array of every error the request has.
    pub body: &'static str,
    /// How its body is recognised in a real reply.
    pub matches: BodyMatch,
    /// How messages quote it: "`400 no_text`".
    pub quote: &'static str,
    /// What it means, in one sentence: `{status}`, `{body}` (shortened) and `{json:a.b}` (a
    /// member of a JSON body) are filled in.
    pub meaning: &'static str,
    /// The destination took the message (queued counts).
    pub delivered: bool,
}

impl Reply {
    /// A reply to read, not to send: only a real destination gives it.
    pub const fn seen(status: u16, matches: BodyMatch, meaning: &'static str) -> Reply {
        Reply {
            key: "",
            status,
            content_type: None,
            body: "",
            matches,
            quote: "",
            meaning,
            delivered: false,
        }
    }
}

/// What is known about a browser page calling the destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cors {
    /// The preflight of a JSON request is refused (Slack): no page can send it.
    RefusesJson,
    /// A page can send it and read the reply.
    Allows,
    /// Not known.
    Unknown,
}

/// A rule data cannot say, hung on its endpoint.
#[derive(Clone, Copy, Debug)]
pub struct SpecialRule {
    /// What it checks, for the docs: "an Adaptive Card in `attachments[0].content`".
    pub doc: &'static str,
    pub rule: Rule,
    /// Reads the body: a finding when the rule is broken.
    pub check: fn(&Json) -> Option<Special>,
}

/// A finding of a rule hung on an endpoint.
#[derive(Clone, Debug)]
pub struct Special {
    /// What the finding is about, to tell findings apart across outcomes.
    pub key: &'static str,
    /// `{body}` is how the body is named ("the body template").
    pub message: String,
    pub help: &'static str,
    pub reply: Option<&'static str>,
    /// Whether the endpoint's cure fixes it.
    pub cured: bool,
}

/// The one-click edit that gives a config the endpoint accepts.
#[derive(Clone, Copy, Debug)]
pub enum Cure {
    /// `"format": "json/text"`, or, when the config has a body template, a `text` member
    /// added to it.
    JsonText,
    /// A body template (JSON text), replacing the config's body (and the `format` or
    /// `fieldname` that would wrap it) unless the body already has every needed field;
    /// the endpoint's missing headers are added with their placeholders.
    Body {
        title: &'static str,
        body: &'static str,
        /// Where a json/text config without a body template is sent instead (Discord's
        /// Slack-compatible `/slack`).
        json_text_route: Option<JsonTextRoute>,
    },
}

/// A path suffix of the webhook's URL that takes a json/text body, and the fix's title.
#[derive(Clone, Copy, Debug)]
pub struct JsonTextRoute {
    pub suffix: &'static str,
    pub title: &'static str,
}

/// The message line every cure writes: the test, its result and a link to the run. A macro,
/// so that the body templates of the declarations can hold it with `concat!`.
macro_rules! message_line {
    () => {
        "testRTC: <% this.testName %> finished with status <% this.status %>. <% this.resultUrl %>"
    };
}
use message_line;

/// [`message_line!`] as a constant.
pub const MESSAGE_TEMPLATE: &str = message_line!();

/// How a destination shows a message.
#[derive(Clone, Copy, Debug)]
pub struct Preview {
    pub kind: PreviewKind,
    /// Who the message shows as from, unless `sender_field` sets it.
    pub sender: &'static str,
    /// The field that names the sender, and whether the destination honours it.
    pub sender_field: Option<(&'static str, bool)>,
    /// Said when the body has the sender field: `{name}` is its value.
    pub sender_note: Option<&'static str>,
    pub title: Option<&'static str>,
    pub text: Option<&'static str>,
    pub markup: Markup,
    /// Fields shown as labelled values, by path (labelled with their name).
    pub labelled: &'static [&'static str],
    /// What data cannot say (Discord's embeds, a Teams card, PagerDuty's links): read from
    /// the body, in the order shown.
    pub extra: Option<fn(&Json) -> Vec<Shown>>,
}

impl Preview {
    pub const fn new(kind: PreviewKind, sender: &'static str, markup: Markup) -> Preview {
        Preview {
            kind,
            sender,
            sender_field: None,
            sender_note: None,
            title: None,
            text: None,
            markup,
            labelled: &[],
            extra: None,
        }
    }
}

/// A part of a message that a preview's `extra` reads from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The title, unless one is set already.
    Title(String),
    /// A paragraph of text, in the preview's markup.
    Text(String),
    /// A Discord embed.
    Embed { title: String, description: String },
    /// A button or link.
    Link { label: String, url: String },
}

/// What kind of thing the destination makes of the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewKind {
    Message,
    Card,
    Incident,
    Alert,
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

/// The message format a destination reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Slack and Google Chat: `*bold*`, `_italic_`, `` `code` ``, `<url|label>`, with
    /// `&amp; &lt; &gt;` escapes.
    Mrkdwn,
    /// Discord, Mattermost, Teams: `**bold**`, `*italic*`/`_italic_`, `` `code` ``.
    Markdown,
    /// No formatting.
    Plain,
}

/// A fact with a date, worded against today's.
#[derive(Clone, Copy, Debug)]
pub struct Dated {
    pub date: Date,
    /// Said before the date (or when today is not known).
    pub before: &'static str,
    /// Said after it.
    pub after: &'static str,
}

impl Dated {
    /// The words for `today` (`None`: not known, worded as before the date).
    pub fn words(&self, today: Option<Date>) -> &'static str {
        match today {
            Some(today) if today > self.date => self.after,
            _ => self.before,
        }
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// The UTC date of a moment given in milliseconds since 1970-01-01T00:00:00Z (what
    /// JavaScript's `Date.now()` gives; the CLI reads the system clock the same way).
    pub fn from_unix_ms(ms: f64) -> Date {
        let days = (ms / 86_400_000.0).floor() as i64;
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_one_declaration() {
        for (i, a) in CATALOG.iter().enumerate() {
            assert_eq!(a.id as usize, i, "{} stands elsewhere in CATALOG", a.key);
            assert_eq!(DestinationId::parse(a.key), Some(a.id));
            for b in &CATALOG[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.key, b.key);
            }
            assert!(!a.endpoints.is_empty(), "{}", a.key);
        }
        assert_eq!(CATALOG.len(), 16);
    }

    #[test]
    fn dates_come_from_unix_milliseconds() {
        assert_eq!(Date::from_unix_ms(0.0), Date::new(1970, 1, 1));
        assert_eq!(
            Date::from_unix_ms(1_764_460_800_000.0),
            Date::new(2025, 11, 30)
        );
        assert_eq!(
            Date::from_unix_ms(951_782_400_000.0),
            Date::new(2000, 2, 29)
        );
        assert_eq!(Date::from_unix_ms(-86_400_000.0), Date::new(1969, 12, 31));
    }

    #[test]
    fn a_dated_fact_is_worded_against_today() {
        let fact = Dated {
            date: Date::new(2025, 11, 30),
            before: "stops after",
            after: "stopped on",
        };
        assert_eq!(fact.words(None), "stops after");
        assert_eq!(fact.words(Some(Date::new(2025, 11, 29))), "stops after");
        assert_eq!(fact.words(Some(Date::new(2025, 11, 30))), "stops after");
        assert_eq!(fact.words(Some(Date::new(2025, 12, 1))), "stopped on");
        assert_eq!(fact.words(Some(Date::new(2026, 1, 1))), "stopped on");
    }
}
