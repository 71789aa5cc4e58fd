//! The interpreter of the catalog's rules: what a destination does with one request.
//!
//! [`judge`] reads a request as the endpoint receives it (headers and the body's tree) and
//! applies the endpoint's declarations in the order the services check them: the headers
//! they authenticate with, the fields a closed body may hold, the fields it needs, the
//! values fields must take, the size limits, the fields it ignores, and the endpoint's own
//! special rule. Each [`Finding`] is a rule broken, with the reply where the destination
//! refuses the request; the first such reply is how it answers.

use crate::catalog::{Destination, Endpoint, Kind, Limit, Need, Recognised, Reply};
use crate::diagnostic::Rule;
use crate::syntax::json::Json;
use crate::words::{code_list, thousands};

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
    /// (`needs:no_text`, `text`, `size`).
    pub key: String,
    pub part: Part,
    pub message: String,
    pub help: Option<String>,
    /// Whether the endpoint's cure fixes it.
    pub cured: bool,
    /// How the destination refuses the request, if it does.
    pub reply: Option<&'static Reply>,
    /// The error as a destination that lists errors words it (PagerDuty's `errors`).
    pub errors: Vec<String>,
    /// The field a reply names (Google Chat's first unknown field).
    pub field: Option<String>,
}

impl Finding {
    pub(super) fn new(rule: Rule, key: impl Into<String>, part: Part, message: String) -> Finding {
        Finding {
            rule,
            key: key.into(),
            part,
            message,
            help: None,
            cured: false,
            reply: None,
            errors: Vec::new(),
            field: None,
        }
    }
}

/// A request as a destination receives it.
#[derive(Clone, Debug)]
pub struct Received<'a> {
    pub headers: Vec<(&'a str, &'a str)>,
    /// The body as JSON (a body that is not JSON is answered before it is judged).
    pub body: &'a Json,
    /// The body's length in bytes.
    pub body_bytes: usize,
    /// How messages name the body: "a json/object body", "the body template".
    pub described_as: &'a str,
}

impl<'r> Received<'r> {
    /// A rendered request as its destination receives it; `described_as` names its body in
    /// messages.
    pub fn of(request: &'r crate::render::request::Request, described_as: &'r str) -> Self {
        Received {
            headers: (request.headers.iter())
                .map(|h| (h.name.as_str(), h.value.as_str()))
                .collect(),
            body: &request.json,
            body_bytes: request.body.len(),
            described_as,
        }
    }

    /// The member at a dotted `path` of the body.
    pub fn field(&self, path: &str) -> Option<&Json> {
        self.body.at(path)
    }

    /// The string at `path`.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.body.text(path)
    }

    /// Present, not `null`, and not a blank string.
    pub fn has(&self, path: &str) -> bool {
        match self.field(path) {
            None | Some(Json::Null) => false,
            Some(Json::String(s)) => !s.trim().is_empty(),
            Some(_) => true,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// What the destination does with one request: every rule it breaks, in the order it
/// checks them. The first finding with a reply is how the destination answers.
pub fn judge(found: Recognised, request: &Received) -> Vec<Finding> {
    let endpoint = found.endpoint();
    let destination = found.id.destination();
    let mut out = Vec::new();
    if endpoint.unchecked {
        return out;
    }
    let judge = Judge {
        destination,
        endpoint,
        request,
    };
    judge.headers(&mut out);
    judge.closed(&mut out);
    judge.needs(&mut out);
    judge.values(&mut out);
    for limit in endpoint.limits {
        out.extend(judge.limit(limit));
    }
    judge.ignored(&mut out);
    if let Some((rule, special)) = endpoint
        .special
        .and_then(|rule| (rule.check)(request.body).map(|found| (rule.rule, found)))
    {
        let message = special.message.replace("{body}", request.described_as);
        let mut finding = Finding::new(rule, special.key, Part::Body, message);
        finding.help = Some(special.help.to_string());
        finding.cured = special.cured;
        finding.reply = special.reply.and_then(|key| destination.reply(key));
        out.push(finding);
    }
    out
}

struct Judge<'a> {
    destination: &'static Destination,
    endpoint: &'static Endpoint,
    request: &'a Received<'a>,
}

impl Judge<'_> {
    /// "Slack answers `400 no_text`", "Mattermost likely answers …", "Google Chat likely
    /// refuses it".
    fn answers(&self, reply: Option<&Reply>, likely: bool, effect: &str) -> String {
        match reply {
            Some(reply) => format!(
                "{} {}answers {}",
                self.endpoint.subject,
                if likely { "likely " } else { "" },
                reply.quote
            ),
            None => format!("{} {effect}", self.endpoint.subject),
        }
    }

    fn reply(&self, key: Option<&str>) -> Option<&'static Reply> {
        key.and_then(|key| self.destination.reply(key))
    }

    fn headers(&self, out: &mut Vec<Finding>) {
        for need in self.endpoint.headers {
            let present = (self.request.header(need.name)).is_some_and(|v| need.is_met_by(v));
            if present {
                continue;
            }
            let reply = self.reply(Some(need.reply));
            let shown = if need.prefix.is_empty() {
                need.name.to_string()
            } else {
                format!("{}: {}…", need.name, need.prefix)
            };
            let mut finding = Finding::new(
                Rule::DestinationMissingHeader,
                need.name,
                Part::Headers,
                format!(
                    "{}: there is no `{shown}` header.",
                    self.answers(reply, false, "")
                ),
            );
            finding.help = Some(need.help.to_string());
            finding.cured = self.endpoint.cure.is_some();
            finding.reply = reply;
            finding
                .errors
                .push(format!("'{}' header is missing", need.name));
            out.push(finding);
        }
    }

    /// A closed body (Google Chat): every top-level member must be one of its fields.
    fn closed(&self, out: &mut Vec<Finding>) {
        let Some(closed) = self.endpoint.closed else {
            return;
        };
        let Json::Object(members) = self.request.body else {
            return;
        };
        let unknown: Vec<&str> = members
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| self.endpoint.field(k).is_none() && !closed.also.contains(k))
            .collect();
        let Some(first) = unknown.first() else {
            return;
        };
        let reply = self.reply(Some(closed.reply));
        let mut finding = Finding::new(
            Rule::DestinationUnknownField,
            "unknown",
            Part::Body,
            format!(
                "{}: {} has {}, which {} does not know.",
                self.answers(reply, false, "").replace("{field}", first),
                self.request.described_as,
                code_list(&unknown, "and"),
                self.destination.short_name,
            ),
        );
        finding.help = Some(closed.help.to_string());
        finding.cured = self.endpoint.cure.is_some();
        finding.reply = reply;
        finding.field = Some(first.to_string());
        out.push(finding);
    }

    /// Whether `need` applies to this request (its `when` holds, or it has none).
    fn applies(&self, need: &Need) -> bool {
        need.when
            .is_none_or(|(path, value)| match self.request.field(path) {
                None => true,
                Some(Json::String(s)) => s == value,
                Some(_) => false,
            })
    }

    /// The needs the request does not meet, one finding for those that share a rule and a
    /// reply.
    fn needs(&self, out: &mut Vec<Finding>) {
        let refused = out.iter().any(|f| f.reply.is_some());
        let unmet: Vec<&Need> = self
            .endpoint
            .needs
            .iter()
            .filter(|need| self.applies(need))
            .filter(|need| !need.any_of.iter().any(|path| self.request.has(path)))
            // A body refused already needs no "likely" on top.
            .filter(|need| !(refused && need.reply.is_none()))
            .collect();
        let mut grouped: Vec<Vec<&Need>> = Vec::new();
        for need in unmet {
            match grouped
                .iter_mut()
                .find(|g| g[0].rule == need.rule && g[0].reply == need.reply)
            {
                Some(group) => group.push(need),
                None => grouped.push(vec![need]),
            }
        }
        for group in grouped {
            let first = group[0];
            let names: Vec<&str> = group
                .iter()
                .flat_map(|n| n.any_of.iter().copied())
                .collect();
            let reply = self.reply(first.reply);
            let likely = first.rule == Rule::DestinationMissingFieldLikely;
            let mut finding = Finding::new(
                first.rule,
                format!("needs:{}", first.any_of[0]),
                Part::Body,
                format!(
                    "{}: {} has no {}{}.",
                    self.answers(reply, likely, first.effect),
                    self.request.described_as,
                    code_list(&names, "or"),
                    self.foreign_text(),
                ),
            );
            finding.help = Some(first.help.to_string());
            finding.cured = self.endpoint.cure.is_some();
            finding.reply = reply;
            finding.errors = group
                .iter()
                .map(|need| format!("'{}' is missing or blank", need.any_of[0]))
                .collect();
            out.push(finding);
        }
    }

    /// " (`text`, which is not a Discord field, does not count)" when the body has the
    /// `text` that json/text sends and the endpoint reads no `text`.
    fn foreign_text(&self) -> String {
        if self.endpoint.field("text").is_none() && self.request.field("text").is_some() {
            format!(
                " (`text`, which is not a {} field, does not count)",
                self.destination.short_name
            )
        } else {
            String::new()
        }
    }

    /// Fields whose value must be a string, or one of some words, after rendering.
    fn values(&self, out: &mut Vec<Finding>) {
        let mut problems = Vec::new();
        let mut help = "";
        for field in self.endpoint.fields {
            let Some(value) = self.request.field(field.path) else {
                continue;
            };
            match (field.kind, value) {
                (Kind::Any, _) | (Kind::Text, Json::String(_)) => {}
                (Kind::Text, _) => {
                    problems.push(format!("`{}` is not a string", field.path));
                    help = "Make it a string.";
                }
                (Kind::OneOf(words), Json::String(s)) if words.contains(&s.as_str()) => {}
                (Kind::OneOf(words), value) => {
                    let shown = match value {
                        Json::String(s) => s.clone(),
                        other => other.to_compact(),
                    };
                    problems.push(format!(
                        "`{}` is `{shown}`, not one of {}",
                        field.path,
                        code_list(words, "or")
                    ));
                    help = "Write the value itself: a template placeholder such as <% this.status %> gives testRTC's words (`completed`, `failure`), not the destination's.";
                }
            }
        }
        if problems.is_empty() {
            return;
        }
        let reply = self.reply(self.endpoint.invalid);
        let mut finding = Finding::new(
            Rule::DestinationInvalidValue,
            "values",
            Part::Body,
            format!(
                "{}: {}.",
                self.answers(reply, false, ""),
                problems.join("; ")
            ),
        );
        finding.help = Some(help.to_string());
        finding.cured = self.endpoint.cure.is_some();
        finding.reply = reply;
        finding.errors = problems;
        out.push(finding);
    }

    fn limit(&self, limit: &Limit) -> Option<Finding> {
        let n = match limit.field {
            Some(path) => self.request.text(path)?.chars().count(),
            None => self.request.body_bytes,
        };
        if n <= limit.max {
            return None;
        }
        let reply = self.reply(limit.reply);
        let message = match (limit.field, reply) {
            (Some(path), Some(_)) => format!(
                "{}: `{path}` has {} characters; it takes at most {}.",
                self.answers(reply, false, ""),
                thousands(n),
                thousands(limit.max)
            ),
            (Some(path), None) => format!(
                "{} takes at most {} characters in `{path}`; this one has {}: {}.",
                self.endpoint.subject,
                thousands(limit.max),
                thousands(n),
                limit.effect
            ),
            (None, _) => format!(
                "{}: the body is {} bytes; it takes at most {}.",
                self.answers(reply, false, limit.effect),
                thousands(n),
                thousands(limit.max)
            ),
        };
        let mut finding = Finding::new(
            limit.rule,
            limit.field.unwrap_or("size"),
            Part::Body,
            message,
        );
        finding.reply = reply;
        finding.errors.push(format!(
            "'{}' is longer than {}",
            limit.field.unwrap_or("body"),
            limit.max
        ));
        Some(finding)
    }

    fn ignored(&self, out: &mut Vec<Finding>) {
        for field in self.endpoint.fields {
            let Some((message, help)) = field.ignored else {
                continue;
            };
            if self.request.field(field.path).is_some() {
                let mut finding = Finding::new(
                    Rule::DestinationFieldIgnored,
                    field.path,
                    Part::Body,
                    message.to_string(),
                );
                finding.help = Some(help.to_string());
                out.push(finding);
            }
        }
    }
}
