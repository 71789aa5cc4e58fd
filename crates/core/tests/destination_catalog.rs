//! The destination catalog against its interpreter and its docs: every field's rule checks
//! that field, every reply a rule names exists, and the tables of `docs/destinations.md` are
//! the catalog's own (regenerated here; `HOOKCHECK_BLESS=1` writes them).

mod common;

use hookcheck_core::catalog::{
    recognise, Cors, Destination, Endpoint, Host, Kind, Recognised, Segment, CATALOG,
};
use hookcheck_core::destination::judge::{judge, Finding, Received};
use hookcheck_core::syntax::json::Json;
use hookcheck_core::words::thousands;
use hookcheck_core::Rule;

/// A URL of `endpoint`'s shape: every pattern segment made concrete.
fn url_of(endpoint: &Endpoint) -> String {
    let host = match endpoint.hosts[0] {
        Host::Is(name) => name.to_string(),
        Host::Under(name) | Host::SecretLabelUnder(name) => format!("acme.{name}"),
        Host::Around(prefix, suffix) => format!("{prefix}eu1{suffix}"),
        Host::Any => "chat.example.org".to_string(),
    };
    fn concrete(segment: &Segment) -> Option<String> {
        Some(match segment {
            Segment::Is(word) => word.to_string(),
            Segment::OneOf(words) => words[0].to_string(),
            Segment::Version | Segment::Optional(_) | Segment::Skip | Segment::Rest => return None,
            Segment::Digits => "123".to_string(),
            Segment::Alphanumeric(n) => "a".repeat(*n),
            Segment::Secret(inner) => return concrete(inner),
            Segment::Any | Segment::SecretRest => "tok3n".to_string(),
        })
    }
    let path: String = (endpoint.path.iter())
        .filter_map(concrete)
        .map(|word| format!("/{word}"))
        .collect();
    format!("https://{host}{path}")
}

/// Every endpoint with the destination it belongs to, recognised from a URL of its shape.
fn endpoints() -> Vec<(&'static Destination, &'static Endpoint, Recognised)> {
    let mut out = Vec::new();
    for destination in CATALOG {
        for endpoint in destination.endpoints {
            let url = url_of(endpoint);
            let found = recognise(&url).unwrap_or_else(|| panic!("{url} is not recognised"));
            assert_eq!(found.id, destination.id, "{url}");
            assert!(
                std::ptr::eq(found.endpoint(), endpoint),
                "{url}: another endpoint"
            );
            out.push((*destination, endpoint, found));
        }
    }
    out
}

/// Sets `value` at the dotted `path` of `body`, creating objects on the way.
fn set(body: &mut Json, path: &str, value: Json) {
    let Json::Object(members) = body else {
        return;
    };
    match path.split_once('.') {
        Some((key, rest)) => {
            if !members.iter().any(|(k, _)| k == key) {
                members.push((key.to_string(), Json::Object(Vec::new())));
            }
            let slot = members.iter_mut().find(|(k, _)| k == key).unwrap();
            set(&mut slot.1, rest, value);
        }
        None => {
            members.retain(|(k, _)| k != path);
            members.push((path.to_string(), value));
        }
    }
}

/// A value the field accepts.
fn good(endpoint: &Endpoint, path: &str) -> Json {
    match endpoint.field(path).map(|f| f.kind) {
        Some(Kind::OneOf(words)) => Json::string(words[0]),
        _ => Json::string("x"),
    }
}

/// A body that meets every need of the endpoint but those that name `except`, and headers
/// that meet its header needs.
fn accepted_but(endpoint: &Endpoint, except: &str) -> (Json, Vec<(String, String)>) {
    let mut body = Json::Object(Vec::new());
    for need in endpoint.needs {
        if !need.any_of.contains(&except) {
            set(&mut body, need.any_of[0], good(endpoint, need.any_of[0]));
        }
    }
    let headers = (endpoint.headers.iter())
        .map(|h| (h.name.to_string(), format!("{}key", h.prefix)))
        .collect();
    (body, headers)
}

fn findings(found: Recognised, body: &Json, headers: &[(String, String)]) -> Vec<Finding> {
    let text = body.to_compact();
    judge(
        found,
        &Received {
            headers: headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect(),
            body,
            body_bytes: text.len(),
            described_as: "the body",
        },
    )
}

#[test]
fn every_endpoint_is_recognised_from_a_url_of_its_shape() {
    assert_eq!(
        endpoints().len(),
        CATALOG.iter().map(|d| d.endpoints.len()).sum()
    );
}

#[test]
fn a_body_that_meets_every_need_breaks_no_rule_that_refuses() {
    for (destination, endpoint, found) in endpoints() {
        let (body, headers) = accepted_but(endpoint, "");
        let refusing: Vec<_> = findings(found, &body, &headers)
            .into_iter()
            .filter(|f| f.reply.is_some() || f.rule == Rule::DestinationMissingFieldLikely)
            .filter(|f| f.rule != Rule::DestinationMissingField || endpoint.special.is_none())
            .collect();
        assert!(refusing.is_empty(), "{}: {refusing:#?}", destination.key);
    }
}

/// The drift test: each rule a field names (in the docs' table) is raised,
/// about that field, by a request that breaks it.
#[test]
fn every_fields_rule_checks_that_field() {
    for (destination, endpoint, found) in endpoints() {
        for (field, rule) in (endpoint.fields.iter()).flat_map(|field| {
            endpoint
                .rules_of(field)
                .into_iter()
                .map(move |rule| (field, rule))
        }) {
            let (mut body, headers) = accepted_but(endpoint, field.path);
            match rule {
                Rule::DestinationMissingField | Rule::DestinationMissingFieldLikely => {}
                Rule::DestinationInvalidValue => set(&mut body, field.path, Json::Number(12345.0)),
                Rule::DestinationTooLong | Rule::DestinationTruncated => {
                    let limit = endpoint.limits.iter().find(|l| l.field == Some(field.path));
                    let long = "x".repeat(limit.unwrap().max + 1);
                    set(&mut body, field.path, Json::String(long));
                }
                Rule::DestinationFieldIgnored => set(&mut body, field.path, Json::string("x")),
                other => panic!("{}: `{}` names {other:?}", destination.key, field.path),
            }
            let raised = findings(found, &body, &headers);
            assert!(
                raised
                    .iter()
                    .any(|f| f.rule == rule && f.message.contains(&format!("`{}`", field.path))),
                "{} `{}`: no {rule:?} about it in {raised:#?}",
                destination.key,
                field.path
            );
        }
    }
}

#[test]
fn a_closed_body_refuses_a_field_it_does_not_list() {
    for (destination, endpoint, found) in endpoints() {
        if endpoint.closed.is_none() {
            continue;
        }
        let (mut body, headers) = accepted_but(endpoint, "");
        set(&mut body, "testRunId", Json::string("x"));
        let raised = findings(found, &body, &headers);
        assert!(
            raised
                .iter()
                .any(|f| f.rule == Rule::DestinationUnknownField
                    && f.message.contains("`testRunId`")),
            "{}: {raised:#?}",
            destination.key
        );
    }
}

#[test]
fn every_reply_the_catalog_names_is_declared() {
    for (destination, endpoint, _) in endpoints() {
        let named = (endpoint.needs.iter().filter_map(|n| n.reply))
            .chain(endpoint.headers.iter().map(|h| h.reply))
            .chain(endpoint.limits.iter().filter_map(|l| l.reply))
            .chain(endpoint.closed.map(|closed| closed.reply))
            .chain(endpoint.invalid)
            .chain(destination.not_json);
        for key in named {
            assert!(
                destination.reply(key).is_some(),
                "{}: no reply `{key}`",
                destination.key
            );
        }
        assert!(destination.accepted().delivered, "{}", destination.key);
    }
}

#[test]
fn every_field_is_one_sentence_and_every_need_names_a_field() {
    let rules = include_str!("../../../docs/rules.md");
    for (destination, endpoint, _) in endpoints() {
        for field in endpoint.fields {
            assert!(
                field.doc.ends_with('.'),
                "{} `{}`",
                destination.key,
                field.path
            );
            for rule in endpoint.rules_of(field) {
                assert!(
                    rules.contains(&format!("### `{}`", rule.code())),
                    "{rule:?}"
                );
            }
        }
        for need in endpoint.needs {
            for path in need.any_of {
                assert!(
                    endpoint.field(path).is_some(),
                    "{}: `{path}`",
                    destination.key
                );
            }
        }
    }
}

// The docs' tables -------------------------------------------------------------------

const DOC: &str = "docs/destinations.md";

fn host(host: &Host) -> String {
    match host {
        Host::Is(name) => name.to_string(),
        Host::Under(name) => format!("*.{name}"),
        Host::SecretLabelUnder(name) => format!("‹id›.{name}"),
        Host::Around(prefix, suffix) => format!("{prefix}*{suffix}"),
        Host::Any => "any host".to_string(),
    }
}

fn segment(segment: &Segment) -> String {
    match segment {
        Segment::Is(word) => word.to_string(),
        Segment::OneOf(words) => words.join(" or "),
        Segment::Version => "v‹N›".to_string(),
        Segment::Digits => "‹digits›".to_string(),
        Segment::Alphanumeric(n) => format!("‹{n} letters and digits›"),
        Segment::Any => "*".to_string(),
        Segment::Secret(inner) => match segment_text(inner).as_str() {
            "*" => "‹secret›".to_string(),
            other => format!("‹secret: {}›", other.trim_matches(['‹', '›'])),
        },
        Segment::Optional(inner) => format!("[{}]", segment_text(inner)),
        Segment::Skip => "…".to_string(),
        Segment::Rest => "…".to_string(),
        Segment::SecretRest => "‹secret…›".to_string(),
    }
}

fn segment_text(inner: &Segment) -> String {
    segment(inner)
}

fn hosts(endpoint: &Endpoint) -> String {
    let hosts: Vec<String> = endpoint.hosts.iter().map(host).collect();
    format!("`{}`", hosts.join("`, `"))
}

fn path(endpoint: &Endpoint) -> String {
    let path: Vec<String> = endpoint.path.iter().map(segment).collect();
    format!("`/{}`{}", path.join("/"), endpoint_name(endpoint))
}

/// " (the Slack-compatible `/slack` endpoint)" for all but the main endpoint.
fn endpoint_name(endpoint: &Endpoint) -> String {
    if endpoint.name.is_empty() {
        String::new()
    } else {
        format!(" ({})", endpoint.name)
    }
}

fn severity(rule: Rule) -> String {
    format!("`{}` ({})", rule.code(), rule.severity().as_str())
}

fn reply_or(destination: &Destination, reply: Option<&str>, effect: &str) -> String {
    match reply.and_then(|key| destination.reply(key)) {
        Some(reply) => format!(
            "answers {}",
            reply
                .quote
                .replace('|', "\\|")
                .replace("{field}", "‹field›")
        ),
        None => effect.to_string(),
    }
}

fn recognition() -> String {
    let mut out = String::from(
        "| id | name | hosts | paths (‹secret› parts are masked) |\n|---|---|---|---|\n",
    );
    for destination in CATALOG {
        let endpoints = destination.endpoints;
        let shared = endpoints.iter().all(|e| hosts(e) == hosts(&endpoints[0]));
        let (hosts, paths): (String, Vec<String>) = if shared {
            (hosts(&endpoints[0]), endpoints.iter().map(path).collect())
        } else {
            (
                "per path".to_string(),
                (endpoints.iter())
                    .map(|e| format!("{} {}", hosts(e), path(e)))
                    .collect(),
            )
        };
        out.push_str(&format!(
            "| `{}` | {} | {hosts} | {} |\n",
            destination.key,
            destination.name,
            paths.join("<br>")
        ));
    }
    out
}

fn rules() -> String {
    let mut out = String::from(
        "| id | rule | what it checks | what the destination does otherwise |\n|---|---|---|---|\n",
    );
    for destination in CATALOG {
        for endpoint in destination.endpoints {
            let at = endpoint_name(endpoint);
            let mut row = |rule: String, what: String, otherwise: String| {
                out.push_str(&format!(
                    "| `{}`{at} | {rule} | {what} | {otherwise} |\n",
                    destination.key
                ))
            };
            if endpoint.unchecked {
                row(
                    "—".into(),
                    "nothing: it takes the vendor's own body".into(),
                    "—".into(),
                );
            }
            for need in endpoint.headers {
                row(
                    severity(Rule::DestinationMissingHeader),
                    format!("the header `{}: {}…`", need.name, need.prefix),
                    reply_or(destination, Some(need.reply), ""),
                );
            }
            if let Some(closed) = endpoint.closed {
                row(
                    severity(Rule::DestinationUnknownField),
                    format!(
                        "only its own fields (below) and `{}`",
                        closed.also.join("`, `")
                    ),
                    reply_or(destination, Some(closed.reply), ""),
                );
            }
            for need in endpoint.needs {
                let names: Vec<String> = need.any_of.iter().map(|p| format!("`{p}`")).collect();
                let when = need
                    .when
                    .map(|(field, value)| format!(", when `{field}` is `{value}` or absent"))
                    .unwrap_or_default();
                row(
                    severity(need.rule),
                    format!("{}{when}", names.join(" or ")),
                    reply_or(destination, need.reply, need.effect),
                );
            }
            for field in endpoint.fields {
                let what = match field.kind {
                    Kind::Any => continue,
                    Kind::Text => format!("`{}` is a string", field.path),
                    Kind::OneOf(words) => format!("`{}` is `{}`", field.path, words.join("`, `")),
                };
                row(
                    severity(Rule::DestinationInvalidValue),
                    format!("{what} (after rendering)"),
                    reply_or(destination, endpoint.invalid, ""),
                );
            }
            for limit in endpoint.limits {
                let what = match limit.field {
                    Some(path) => format!("`{path}` at most {} characters", thousands(limit.max)),
                    None => format!("the body at most {} bytes", thousands(limit.max)),
                };
                row(
                    severity(limit.rule),
                    what,
                    reply_or(destination, limit.reply, limit.effect),
                );
            }
            for field in endpoint.fields {
                if field.ignored.is_some() {
                    row(
                        severity(Rule::DestinationFieldIgnored),
                        format!("`{}`", field.path),
                        "accepts it and ignores it".into(),
                    );
                }
            }
            if let Some(special) = endpoint.special {
                row(severity(special.rule), special.doc.into(), "—".into());
            }
            if let Some(dated) = endpoint.dated {
                row(
                    severity(Rule::DestinationRetiring),
                    format!(
                        "the date {}-{:02}-{:02}",
                        dated.date.year, dated.date.month, dated.date.day
                    ),
                    format!("before: \"{}\" After: \"{}\"", dated.before, dated.after),
                );
            }
        }
        if let Some(queued) = destination.queued {
            out.push_str(&format!(
                "| `{}` | {} | its replies | {queued} |\n",
                destination.key,
                severity(Rule::DestinationReplyQueued)
            ));
        }
    }
    out
}

fn fields() -> String {
    let mut out = String::from("| id | field | what it is | rule |\n|---|---|---|---|\n");
    for destination in CATALOG {
        for endpoint in destination.endpoints {
            for field in endpoint.fields {
                out.push_str(&format!(
                    "| `{}`{} | `{}` | {} | {} |\n",
                    destination.key,
                    endpoint_name(endpoint),
                    field.path,
                    endpoint.field_doc(field),
                    match endpoint.rules_of(field).as_slice() {
                        [] => "—".to_string(),
                        rules => rules
                            .iter()
                            .map(|r| format!("`{}`", r.code()))
                            .collect::<Vec<_>>()
                            .join(", "),
                    }
                ));
            }
        }
    }
    out
}

fn replies() -> String {
    let mut out = String::from(
        "| id | status | body (`receive --as` sends it) | what it means |\n|---|---|---|---|\n",
    );
    for destination in CATALOG {
        for reply in destination.replies {
            let body = if reply.key.is_empty() {
                "(only a real destination)".to_string()
            } else if reply.body.is_empty() {
                "(empty)".to_string()
            } else {
                format!("`{}`", reply.body.replace('|', "\\|"))
            };
            out.push_str(&format!(
                "| `{}` | {} | {body} | {} |\n",
                destination.key,
                reply.status,
                if reply.meaning.is_empty() {
                    "—"
                } else {
                    reply.meaning
                }
            ));
        }
    }
    out
}

fn browser() -> String {
    let mut out = String::from(
        "| id | a page can send the byte-exact request and read the reply |\n|---|---|\n",
    );
    for destination in CATALOG {
        let cors = match destination.cors {
            Cors::RefusesJson => "no: the CORS preflight refuses `Content-Type: application/json`",
            Cors::Allows => "yes",
            Cors::Unknown => "not known (UNCONFIRMED)",
        };
        out.push_str(&format!("| `{}` | {cors} |\n", destination.key));
    }
    out
}

/// Each generated block, by the name of its markers in the doc.
fn blocks() -> [(&'static str, String); 5] {
    [
        ("recognition", recognition()),
        ("rules", rules()),
        ("fields", fields()),
        ("replies", replies()),
        ("browser", browser()),
    ]
}

#[test]
fn the_destinations_doc_carries_the_catalogs_tables() {
    let blocks = blocks().map(|(name, table)| (format!("catalog:{name}"), table));
    let blocks: Vec<(&str, String)> = (blocks.iter())
        .map(|(marker, table)| (marker.as_str(), table.clone()))
        .collect();
    common::hold_doc_blocks(
        DOC,
        &blocks,
        "the catalog (crates/core/src/catalog/)",
        "destination_catalog",
    );
}
