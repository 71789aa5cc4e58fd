//! The webhook URL checker (SPEC §2.1): one absolute `http(s)` URL, read by a small
//! hand-written RFC 3986 reader (no `url` crate: it would weigh on the wasm build).
//!
//! It owns every URL rule: white space, parsability (scheme, `//`, host, port, IPv6
//! literals), the scheme, plain `http:`, hosts testRTC's cloud cannot reach, credentials in
//! the URL and Mockbin's sample query. Hosts are read the way browsers read them (WHATWG
//! URL): a host ending in a number is an IPv4 address in any of its decimal, hex or octal
//! forms (`2130706433`, `0x7f.1`), so those cannot hide a loopback address.
//!
//! Path, query and fragment characters other than white space and control characters are
//! not checked: browsers and Node percent-encode them before sending, so they never stop
//! the webhook.

use crate::repeats::Diagnostics;
use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Fix, Rule, Severity};
use crate::span::Span;

/// What kind of host a URL names, as far as reachability from testRTC's cloud goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind {
    /// A DNS name on the public internet (as far as can be told).
    Public,
    /// A public IP literal.
    PublicIp,
    /// `localhost` or a name under `.localhost`.
    Localhost,
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// RFC 1918 (10/8, 172.16/12, 192.168/16) or fc00::/7.
    Private,
    /// 169.254/16, fe80::/10.
    LinkLocal,
    /// A name under `.local` (mDNS).
    LocalDomain,
    /// 0.0.0.0 or :: (hookcheck counts all of 0.0.0.0/8, "this network", here).
    Unspecified,
}

impl HostKind {
    /// Whether testRTC's cloud can reach a host of this kind.
    pub fn is_reachable_from_testrtc(self) -> bool {
        matches!(self, HostKind::Public | HostKind::PublicIp)
    }
}

/// The parts of a checked URL. Spans are relative to the URL text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlParts {
    /// The scheme, lower-cased: `http` or `https` (a usable URL has no other).
    pub scheme: &'static str,
    /// The host as written (brackets of an IPv6 literal removed, percent-escapes
    /// decoded as browsers do), lower-cased.
    pub host: String,
    /// Where the host points, for reachability.
    pub host_kind: HostKind,
    /// The port written in the URL; `None` when absent, empty, or the scheme's default
    /// (browsers drop a default port, so [`UrlParts::origin`] matches theirs).
    pub port: Option<u16>,
    /// Whether a user name (and maybe a password) precedes the host.
    pub has_credentials: bool,
    /// Span of the `?query` part, `?` included.
    pub query: Option<Span>,
    /// Where the user info, host, path and query sit in the URL text: what recognising
    /// the destination and masking its secrets read.
    pub pieces: UrlPieces,
}

impl UrlParts {
    /// `scheme://host[:port]`, as a browser writes the URL's origin.
    pub fn origin(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.to_string()
        };
        match self.port {
            Some(port) => format!("{}://{}:{}", self.scheme, host, port),
            None => format!("{}://{}", self.scheme, host),
        }
    }

    /// Whether the host is this machine (localhost, loopback).
    pub fn is_this_machine(&self) -> bool {
        matches!(self.host_kind, HostKind::Localhost | HostKind::Loopback)
    }
}

/// The result of [`check_url`]: the parts when the URL is usable, and every finding.
#[derive(Clone, Debug, Default)]
pub struct UrlCheck {
    /// `Some` exactly when no diagnostic is an error (warnings keep a URL usable).
    pub parts: Option<UrlParts>,
    /// Spans relative to the URL text given to [`check_url`], in text order.
    pub diagnostics: Diagnostics,
}

/// Checks one webhook URL (SPEC §2.1). `url` is expected trimmed by the caller; any
/// white space left in it is reported.
pub fn check_url(url: &str) -> UrlCheck {
    let mut checker = Checker {
        text: url,
        diagnostics: Diagnostics::new(),
    };
    let parts = checker.check();
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort();
    let usable = diagnostics.count(Severity::Error) == 0;
    UrlCheck {
        parts: parts.filter(|_| usable),
        diagnostics,
    }
}

/// The query Mockbin's code samples append, which testRTC's docs say to remove.
const MOCKBIN_SAMPLE_QUERY: &str = "?foo=bar&foo=baz";

const UNREACHABLE_HELP: &str = "Use a public endpoint, such as a request bin from \
     https://webhook.site, or expose your local server through a tunnel (ngrok, \
     cloudflared) and use the tunnel's public https URL.";

/// Schemes that are real and not HTTP: never "corrected" to https as typos.
const OTHER_SCHEMES: &[&str] = &[
    "ftp",
    "ftps",
    "sftp",
    "file",
    "data",
    "javascript",
    "mailto",
    "ws",
    "wss",
    "tel",
    "sms",
    "ssh",
    "git",
    "blob",
    "about",
    "chrome",
    "view-source",
    "urn",
    "news",
    "irc",
    "ldap",
];

struct Checker<'a> {
    text: &'a str,
    diagnostics: Diagnostics,
}

impl<'a> Checker<'a> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn invalid(&mut self, span: Span, message: impl Into<String>) {
        self.push(Diagnostic::new(Rule::UrlInvalid, span, message));
    }

    fn check(&mut self) -> Option<UrlParts> {
        let text = self.text;
        if text.is_empty() {
            self.push(
                Diagnostic::new(Rule::UrlInvalid, Span::point(0), "The URL is empty.")
                    .with_help("Write the full address of your endpoint, starting with https://."),
            );
            return None;
        }

        // Printable ASCII (nearly every URL) holds neither white space nor control
        // characters: one byte scan stands for both searches.
        let printable = is_printable_ascii(text);

        // White space. The "head" is the scheme and authority: a space there leaves the
        // URL's structure in doubt, so only the white space is reported until it is gone.
        if !printable {
            let head_end = head_end(text);
            let mut space_in_head = false;
            for run in whitespace_runs(text) {
                let in_head = run.start < head_end;
                space_in_head |= in_head;
                self.push(whitespace_diagnostic(text, run, in_head));
            }
            if space_in_head {
                return None;
            }
        }

        let scheme = self.scheme()?;
        let scheme_span = scheme.span;
        let mut scheme_name = scheme.name;

        if scheme_name != "http" && scheme_name != "https" {
            let written = scheme_span.slice(text);
            if is_near_https(&scheme_name) {
                self.push(
                    Diagnostic::new(
                        Rule::UrlScheme,
                        scheme_span,
                        format!(
                            "`{written}` is not a URL scheme; it looks like a typo of `https`."
                        ),
                    )
                    .with_fix(Fix::new(
                        "Change the scheme to https",
                        scheme_span,
                        "https",
                    )),
                );
                // Read the rest as the https URL it was meant to be.
                scheme_name = Cow::Borrowed("https");
            } else {
                let diagnostic = Diagnostic::new(
                    Rule::UrlScheme,
                    scheme_span,
                    scheme_message(written, &scheme_name),
                )
                .with_help("Use the https:// URL of an endpoint that accepts POST requests.");
                self.push(diagnostic);
                return None;
            }
        } else if scheme_name == "http" {
            self.push(
                Diagnostic::new(
                    Rule::UrlInsecureHttp,
                    scheme_span,
                    "Plain `http:` sends the webhook unencrypted, and testRTC has required TLS 1.2 or newer for webhooks since March 2022.",
                )
                .with_help("Switch to https: over plain HTTP the headers (an Authorization header too) and the body can be read and changed on the way.")
                .with_fix(Fix::new("Change the scheme to https", scheme_span, "https")),
            );
        }

        let authority_start = self.slashes(scheme.after_colon, scheme_span);
        let authority_end = text[authority_start..]
            .find(['/', '?', '#', '\\'])
            .map_or(text.len(), |i| authority_start + i);

        // User info: browsers take the last '@' of the authority.
        let authority = &text[authority_start..authority_end];
        let mut has_credentials = false;
        let last_at = authority.rfind('@');
        let host_start = match last_at {
            Some(at) => {
                let span = Span::new(authority_start, authority_start + at + 1);
                has_credentials = at > 0;
                let message = if at == 0 {
                    "The URL has an empty user name before `@`."
                } else if authority[..at].contains(':') {
                    "The URL holds a user name and password."
                } else {
                    "The URL holds a user name."
                };
                self.push(
                    Diagnostic::new(Rule::UrlCredentials, span, message)
                        .with_help("Credentials in a URL end up in logs and in plain sight in the test configuration; send them in an Authorization header under \"headers\" (the advanced JSON form) instead.")
                        .with_fix(Fix::new("Remove the credentials from the URL", span, "")),
                );
                span.end
            }
            None => authority_start,
        };

        let host = self.host_and_port(host_start, authority_end, &scheme_name)?;
        if !printable {
            self.control_characters(authority_end);
        }

        if let Some(description) = unreachable_description(&host) {
            self.push(
                Diagnostic::new(
                    Rule::UrlUnreachableHost,
                    host.span,
                    format!("{description}: testRTC's cloud cannot reach it."),
                )
                .with_help(UNREACHABLE_HELP),
            );
        }

        let query = self.query(authority_end);
        Some(UrlParts {
            scheme: if scheme_name == "http" {
                "http"
            } else {
                "https"
            },
            host: host.name.into_owned(),
            host_kind: host.kind,
            port: host.port,
            has_credentials,
            query,
            pieces: UrlPieces::of(text).unwrap_or_default(),
        })
    }

    /// Finds the scheme, or reports why there is none.
    fn scheme(&mut self) -> Option<Scheme> {
        let text = self.text;
        let delimiter = text.find(['/', '?', '#']).unwrap_or(text.len());
        if let Some(colon) = text[..delimiter].find(':') {
            let candidate = &text[..colon];
            if is_scheme_syntax(candidate) && !looks_like_host_and_port(text, colon) {
                return Some(Scheme {
                    name: lower_scheme(candidate),
                    span: Span::new(0, colon),
                    after_colon: colon + 1,
                });
            }
        }

        // `https//example.com`: the colon is missing.
        for name in ["https", "http"] {
            let prefix = text.as_bytes().get(..name.len());
            if prefix.is_some_and(|p| p.eq_ignore_ascii_case(name.as_bytes()))
                && text[name.len()..].starts_with("//")
            {
                let span = Span::new(0, name.len());
                self.push(
                    Diagnostic::new(
                        Rule::UrlInvalid,
                        span,
                        format!(
                            "`{}` must be followed by `:` before `//`.",
                            span.slice(text)
                        ),
                    )
                    .with_fix(Fix::new(
                        "Insert the missing `:`",
                        Span::point(name.len()),
                        ":",
                    )),
                );
                return Some(Scheme {
                    name: Cow::Borrowed(name),
                    span,
                    after_colon: name.len(),
                });
            }
        }

        let whole = Span::new(0, text.len());
        let diagnostic = if text.starts_with("//") {
            Diagnostic::new(
                Rule::UrlInvalid,
                Span::new(0, 2),
                "A URL starting with `//` has no scheme; testRTC needs an absolute URL.",
            )
            .with_help("Add https: in front.")
            .with_fix(Fix::new("Add https:", Span::point(0), "https:"))
        } else if text.starts_with('/') {
            Diagnostic::new(
                Rule::UrlInvalid,
                whole,
                "This is a path, not an absolute URL: testRTC needs the scheme and the host too.",
            )
            .with_help("Write the full URL, such as https://example.com/hook.")
        } else if text.starts_with(|c: char| c.is_alphanumeric() || c == '[') {
            Diagnostic::new(
                Rule::UrlInvalid,
                whole,
                "Not an absolute URL: it has no scheme.",
            )
            .with_help("Add https:// in front.")
            .with_fix(Fix::new("Add https://", Span::point(0), "https://"))
        } else {
            Diagnostic::new(Rule::UrlInvalid, whole, "Not an absolute URL.")
                .with_help("Write the full URL, such as https://example.com/hook.")
        };
        self.push(diagnostic);
        None
    }

    /// Checks the `//` after `scheme:` and returns where the authority starts.
    fn slashes(&mut self, after_colon: usize, scheme_span: Span) -> usize {
        let text = self.text;
        // Colons right after `scheme:` join the run so that `https:://host` gets one fix.
        let rest = &text.as_bytes()[after_colon..];
        let colons = rest.iter().take_while(|&&b| b == b':').count();
        let run_len = colons
            + rest[colons..]
                .iter()
                .take_while(|&&b| b == b'/' || b == b'\\')
                .count();
        let run = Span::new(after_colon, after_colon + run_len);
        let written = run.slice(text);
        if written == "//" {
            return run.end;
        }
        let scheme = Span::new(scheme_span.start, after_colon).slice(text);
        let message = if written.contains('\\') {
            format!("`{scheme}` is followed by backslashes; a URL needs `//`.")
        } else if written.contains(':') {
            format!("`{scheme}` is followed by `{written}`; a URL needs `//`.")
        } else {
            match run_len {
                0 => format!("`{scheme}` must be followed by `//` and the host."),
                1 => format!("`{scheme}/` has one slash; a URL needs two."),
                _ => format!("`{scheme}` is followed by {run_len} slashes; a URL needs two."),
            }
        };
        self.push(
            Diagnostic::new(
                Rule::UrlInvalid,
                Span::new(scheme_span.start, run.end),
                message,
            )
            .with_fix(Fix::new("Write `//`", run, "//")),
        );
        run.end
    }

    /// Reads `host[:port]` in `start..end`, reporting what makes it unusable.
    fn host_and_port(&mut self, start: usize, end: usize, scheme: &str) -> Option<Host<'a>> {
        let text = self.text;
        let hostport = &text[start..end];
        let (host, port_start) = if hostport.starts_with('[') {
            let Some(close) = hostport.find(']') else {
                self.invalid(
                    Span::new(start, end),
                    "The IPv6 address has no closing `]`.",
                );
                return None;
            };
            let span = Span::new(start, start + close + 1);
            let inner = &hostport[1..close];
            let Some(address) = parse_ipv6(inner) else {
                self.invalid(span, format!("`{inner}` is not a valid IPv6 address."));
                return None;
            };
            let rest = &hostport[close + 1..];
            let port_start = if rest.is_empty() {
                None
            } else if rest.starts_with(':') {
                Some(span.end + 1)
            } else {
                self.invalid(
                    Span::new(span.end, end),
                    "Only `:` and a port may follow an IPv6 address.",
                );
                return None;
            };
            let (kind, _) = classify_ipv6(address);
            let host = Host {
                name: lower_ascii(Cow::Borrowed(inner)),
                span,
                kind,
                port: None,
                canonical: None,
            };
            (host, port_start)
        } else {
            let colon = hostport.find(':');
            let name_span = Span::new(start, colon.map_or(end, |c| start + c));
            if hostport[name_span.len()..].matches(':').count() > 1
                && parse_ipv6(hostport).is_some()
            {
                let span = Span::new(start, end);
                self.push(
                    Diagnostic::new(
                        Rule::UrlInvalid,
                        span,
                        "An IPv6 address in a URL must be written in brackets.",
                    )
                    .with_fix(Fix::new(
                        "Put the address in brackets",
                        span,
                        format!("[{hostport}]"),
                    )),
                );
                return None;
            }
            let host = self.reg_name_or_ipv4(name_span)?;
            (host, colon.map(|c| start + c + 1))
        };

        let mut host = host;
        if let Some(port_start) = port_start {
            host.port = self.port(Span::new(port_start, end), scheme)?;
        }
        Some(host)
    }

    /// A port after `:`: digits up to 65535, or nothing.
    fn port(&mut self, span: Span, scheme: &str) -> Option<Option<u16>> {
        let written = span.slice(self.text);
        if written.is_empty() {
            return Some(None);
        }
        if !written.bytes().all(|b| b.is_ascii_digit()) {
            self.invalid(span, format!("The port `{written}` is not a number."));
            return None;
        }
        let significant = written.trim_start_matches('0');
        let port = if significant.len() > 5 {
            None
        } else {
            significant
                .parse::<u32>()
                .ok()
                .or(Some(0))
                .and_then(|p| u16::try_from(p).ok())
        };
        let Some(port) = port else {
            self.invalid(
                span,
                format!("The port {written} is out of range: ports go up to 65535."),
            );
            return None;
        };
        let default = if scheme == "http" { 80 } else { 443 };
        Some((port != default).then_some(port))
    }

    /// A host that is not an IPv6 literal: a domain name or an IPv4 address.
    fn reg_name_or_ipv4(&mut self, span: Span) -> Option<Host<'a>> {
        let written = span.slice(self.text);
        if written.is_empty() {
            self.invalid(Span::new(0, span.end), "The URL has no host.");
            return None;
        }
        if let Some((offset, bad)) = first_invalid_host_char(written) {
            let at = Span::new(span.start + offset, span.start + offset + bad.len());
            let message = if bad.starts_with('%') {
                format!("`{bad}` is not a valid percent-escape in the host.")
            } else {
                format!("`{bad}` cannot appear in a host name.")
            };
            self.invalid(at, message);
            return None;
        }
        let decoded = if written.contains('%') {
            match percent_decode(written) {
                Some(decoded)
                    if first_invalid_host_char(&decoded).is_none() && !decoded.contains('%') =>
                {
                    Cow::Owned(decoded)
                }
                _ => {
                    self.invalid(
                        span,
                        "The percent-escapes in the host do not decode to a valid host name.",
                    );
                    return None;
                }
            }
        } else {
            Cow::Borrowed(written)
        };
        // An ASCII host (nearly every one) is named lower-cased, as browsers show it. Any
        // other is named as written: browsers turn it into punycode (UTS #46), which
        // hookcheck does not, and Unicode case mapping (`str::to_lowercase`) would bring
        // std's case tables into the wasm only for the case of letters in messages.
        let name = if decoded.is_ascii() {
            lower_ascii(decoded)
        } else {
            decoded
        };

        // Browsers map full-width forms (NFKC) before reading the host, so `１２７．０．０．１`
        // is 127.0.0.1, and compare it case-insensitively. Only ASCII names (localhost, the
        // `.local` and `.localhost` suffixes, IP addresses) decide the kind, so the fold and
        // ASCII lower-casing are all it needs. A single trailing dot is allowed
        // (`localhost.`). No full-width form is ASCII.
        let normalized: Cow<str> = if name.is_ascii() {
            Cow::Borrowed(&name)
        } else {
            Cow::Owned(
                name.chars()
                    .map(|c| fold_full_width(c).to_ascii_lowercase())
                    .collect(),
            )
        };
        let bare = normalized.strip_suffix('.').unwrap_or(&normalized);

        let (kind, canonical) = if ends_in_number(bare) {
            let Some(address) = parse_ipv4(bare) else {
                self.invalid(span, format!("`{written}` is not a valid IPv4 address."));
                return None;
            };
            let dotted = format_ipv4(address);
            let canonical = (dotted != bare).then_some(dotted);
            (classify_ipv4(address), canonical)
        } else if bare == "localhost" || bare.ends_with(".localhost") {
            (HostKind::Localhost, None)
        } else if bare.ends_with(".local") {
            (HostKind::LocalDomain, None)
        } else {
            (HostKind::Public, None)
        };
        Some(Host {
            name,
            span,
            kind,
            port: None,
            canonical,
        })
    }

    /// Control characters (other than the white space reported already) after the host.
    fn control_characters(&mut self, from: usize) {
        let text = self.text;
        if let Some((offset, c)) = text[from..]
            .char_indices()
            .find(|&(_, c)| c.is_control() && !c.is_whitespace())
        {
            let at = from + offset;
            self.invalid(
                Span::new(at, at + c.len_utf8()),
                format!(
                    "The URL holds a control character (U+{:04X}).",
                    u32::from(c)
                ),
            );
        }
    }

    /// The `?query` span, and the Mockbin sample-query warning.
    fn query(&mut self, authority_end: usize) -> Option<Span> {
        let text = self.text;
        let rest = &text[authority_end..];
        let question = rest
            .find(['?', '#'])
            .filter(|&i| rest.as_bytes()[i] == b'?')?;
        let start = authority_end + question;
        let end = text[start..].find('#').map_or(text.len(), |i| start + i);
        let span = Span::new(start, end);
        if span.slice(text) == MOCKBIN_SAMPLE_QUERY {
            self.push(
                Diagnostic::new(
                    Rule::UrlMockbinSampleQuery,
                    span,
                    "`?foo=bar&foo=baz` is the sample query of Mockbin's code snippets; testRTC's docs say to remove it.",
                )
                .with_help("Remove the query: the bin receives the webhook without it.")
                .with_fix(Fix::new("Remove the sample query", span, "")),
            );
        }
        Some(span)
    }
}

struct Scheme {
    /// Lower-cased; `http` and `https` are not copied.
    name: Cow<'static, str>,
    /// The scheme, without `:`.
    span: Span,
    /// Where the text after `scheme:` starts.
    after_colon: usize,
}

struct Host<'a> {
    /// Lower-cased, without IPv6 brackets.
    name: Cow<'a, str>,
    /// As written, with IPv6 brackets.
    span: Span,
    kind: HostKind,
    port: Option<u16>,
    /// The dotted form of an IPv4 address written another way (`2130706433`).
    canonical: Option<String>,
}

/// `text` lower-cased, ASCII letters only; not copied when it has no upper-case letter
/// (nearly every host is written in lower case).
fn lower_ascii(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        text
    }
}

/// End of the scheme and authority, found loosely (before the URL is parsed): the first
/// `/`, `?` or `#` after `://`, or after the start when there is no `://`.
fn head_end(text: &str) -> usize {
    let from = text.find("://").map_or(0, |i| i + 3);
    text[from..]
        .find(['/', '?', '#'])
        .map_or(text.len(), |i| from + i)
}

/// Every maximal run of white space characters.
fn whitespace_runs(text: &str) -> Vec<Span> {
    let mut runs: Vec<Span> = Vec::new();
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_whitespace()) {
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == i => run.end = end,
            _ => runs.push(Span::new(i, end)),
        }
    }
    runs
}

/// A fix is offered for runs of plain spaces only: in the path, query or fragment a space
/// is most likely meant (a file or parameter name) so it is encoded as `%20`; in the scheme
/// or host it can never be meant (a paste artefact), so it is removed. Tabs, line breaks and
/// other white space more often mean two things pasted together, which needs a person.
fn whitespace_diagnostic(text: &str, run: Span, in_head: bool) -> Diagnostic {
    let written = run.slice(text);
    let what = if written.chars().all(|c| c == ' ') {
        if written.len() == 1 {
            "a space"
        } else {
            "spaces"
        }
    } else if written.contains(['\n', '\r']) {
        "a line break"
    } else if written.contains('\t') {
        "a tab"
    } else {
        "white space"
    };
    // White space before or after the URL (a JSON `url` value is not trimmed) is always
    // a paste artefact: removing it is the fix, whatever kind it is.
    if run.start == 0 || run.end == text.len() {
        return Diagnostic::new(
            Rule::UrlWhitespace,
            run,
            format!(
                "The URL {} with {what}.",
                if run.start == 0 { "starts" } else { "ends" }
            ),
        )
        .with_help("Remove the white space around the URL.")
        .with_fix(Fix::new("Remove the white space", run, ""));
    }
    let diagnostic = Diagnostic::new(
        Rule::UrlWhitespace,
        run,
        format!("The URL contains {what}."),
    )
    .with_help(if in_head {
        "Remove the white space: a host name cannot contain any."
    } else {
        "Remove the white space, or write a space as %20."
    });
    if !written.bytes().all(|b| b == b' ') {
        diagnostic
    } else if in_head {
        diagnostic.with_fix(Fix::new("Remove the white space", run, ""))
    } else {
        diagnostic.with_fix(Fix::new("Encode as %20", run, "%20".repeat(run.len())))
    }
}

/// `scheme` lower-cased, without a copy for `http` and `https`.
fn lower_scheme(scheme: &str) -> Cow<'static, str> {
    ["https", "http"]
        .into_iter()
        .find(|known| scheme.eq_ignore_ascii_case(known))
        .map_or_else(|| Cow::Owned(scheme.to_ascii_lowercase()), Cow::Borrowed)
}

/// Whether every byte is printable ASCII, `!` to `~`: no white space, no control
/// character, nothing beyond ASCII.
fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (b'!'..=b'~').contains(&b))
}

/// RFC 3986 `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme_syntax(candidate: &str) -> bool {
    let mut bytes = candidate.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// `localhost:8080/hook`, `example.com:443`: the "scheme" is really a host followed by a port.
fn looks_like_host_and_port(text: &str, colon: usize) -> bool {
    let name = &text.as_bytes()[..colon];
    let is = |scheme: &str| name.eq_ignore_ascii_case(scheme.as_bytes());
    if is("http") || is("https") || OTHER_SCHEMES.iter().any(|&scheme| is(scheme)) {
        return false;
    }
    let rest = &text[colon + 1..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(rest.as_bytes().get(digits), None | Some(b'/' | b'?' | b'#'))
}

/// A scheme one or two edits from `https` (or one from `http`) that is no real scheme.
fn is_near_https(name: &str) -> bool {
    if OTHER_SCHEMES.contains(&name) {
        return false;
    }
    let to_https = crate::suggest::edit_distance(name, "https", 4);
    to_https <= 1
        || crate::suggest::edit_distance(name, "http", 4) <= 1
        || (to_https == 2 && name.starts_with('h'))
}

fn scheme_message(written: &str, lower: &str) -> String {
    let why = match lower {
        "javascript" => "it runs script in a page and addresses no server",
        "data" => "it holds inline data and addresses no server",
        "file" => "it names a file on a computer, not a server",
        "mailto" => "it is an e-mail address",
        "ws" | "wss" => "testRTC posts webhooks over HTTP, not WebSocket",
        _ => "testRTC sends webhooks over HTTP(S) only",
    };
    format!("The scheme `{written}:` cannot receive a webhook: {why}.")
}

/// The first character (or malformed `%` escape) that RFC 3986's `reg-name` does not allow,
/// with its byte offset. Non-ASCII characters are allowed: browsers punycode them (IDN).
fn first_invalid_host_char(host: &str) -> Option<(usize, &str)> {
    let bytes = host.as_bytes();
    // Most hosts are all letters, digits, `-` and `.`: one table lookup per byte finds
    // where anything else (`%`, beyond ASCII, invalid) starts.
    let mut i = (bytes.iter())
        .position(|&b| !HOST_ASCII.get(usize::from(b)).is_some_and(|&ok| ok))
        .unwrap_or(bytes.len());
    while let Some(&b) = bytes.get(i) {
        // ASCII is read byte by byte: only the rest is decoded.
        let len = if b.is_ascii() {
            if b == b'%' {
                let escape = bytes.get(i + 1..i + 3);
                if !escape.is_some_and(|e| e.iter().all(u8::is_ascii_hexdigit)) {
                    let end = (i + 3).min(host.len());
                    let end = (i + 1..=end)
                        .rev()
                        .find(|&e| host.is_char_boundary(e))
                        .unwrap_or(i + 1);
                    return Some((i, &host[i..end]));
                }
            } else if !HOST_ASCII[usize::from(b)] {
                return Some((i, &host[i..i + 1]));
            }
            1
        } else {
            let c = host[i..].chars().next().unwrap_or_default();
            if c.is_control() || c.is_whitespace() {
                return Some((i, &host[i..i + c.len_utf8()]));
            }
            c.len_utf8()
        };
        i += len;
    }
    None
}

/// The ASCII bytes RFC 3986's `reg-name` allows besides `%`: letters, digits and
/// `-._~!$&'()*+,;=`.
const HOST_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
            );
        b += 1;
    }
    table
};

/// Decodes `%XX` escapes; `None` when the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Full-width ASCII forms and ideographic full stops, as IDNA maps them.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{3002}' | '\u{FF61}' => '.',
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(u32::from(c) - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        _ => c,
    }
}

/// WHATWG "ends in a number": the last label is all digits, or `0x` and hex digits.
fn ends_in_number(host: &str) -> bool {
    let last = host
        .bytes()
        .rposition(|b| b == b'.')
        .map_or(host, |dot| &host[dot + 1..]);
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    last.strip_prefix("0x")
        .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// WHATWG IPv4 parsing: 1 to 4 parts, each decimal, `0x` hex or `0` octal; the last part
/// fills the remaining bytes (`127.1`, `2130706433`, `0x7f.1`).
fn parse_ipv4(host: &str) -> Option<u32> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        numbers.push(parse_ipv4_number(part)?);
    }
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) {
        return None;
    }
    let room = 8 * (5 - numbers.len() as u32);
    if room < 64 && *last >= 1u64 << room {
        return None;
    }
    let mut address = *last;
    for (i, &n) in init.iter().enumerate() {
        address += n << (8 * (3 - i as u32));
    }
    u32::try_from(address).ok()
}

fn parse_ipv4_number(part: &str) -> Option<u64> {
    let (digits, radix) = if let Some(hex) = part.strip_prefix("0x") {
        (hex, 16)
    } else if part.len() > 1 && part.starts_with('0') {
        (&part[1..], 8)
    } else {
        (part, 10)
    };
    if part.is_empty() {
        return None;
    }
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 12 {
        return None; // far beyond 32 bits in any radix
    }
    u64::from_str_radix(digits, radix).ok()
}

fn format_ipv4(address: u32) -> String {
    let [a, b, c, d] = address.to_be_bytes();
    format!("{a}.{b}.{c}.{d}")
}

fn classify_ipv4(address: u32) -> HostKind {
    match address.to_be_bytes() {
        [0, ..] => HostKind::Unspecified,
        [127, ..] => HostKind::Loopback,
        [10, ..] => HostKind::Private,
        [172, b, ..] if (16..32).contains(&b) => HostKind::Private,
        [192, 168, ..] => HostKind::Private,
        [169, 254, ..] => HostKind::LinkLocal,
        _ => HostKind::PublicIp,
    }
}

/// An RFC 4291 text IPv6 address (without brackets or zone), as eight groups.
fn parse_ipv6(text: &str) -> Option<[u16; 8]> {
    let (head, tail) = match text.find("::") {
        Some(i) => (&text[..i], Some(&text[i + 2..])),
        None => (text, None),
    };
    if tail.is_some_and(|t| t.contains("::")) {
        return None;
    }
    let head_groups = ipv6_groups(head, tail.is_none())?;
    let mut groups = [0u16; 8];
    match tail {
        None => {
            if head_groups.len() != 8 {
                return None;
            }
            groups.copy_from_slice(&head_groups);
        }
        Some(tail) => {
            let tail_groups = ipv6_groups(tail, true)?;
            if head_groups.len() + tail_groups.len() > 7 {
                return None;
            }
            groups[..head_groups.len()].copy_from_slice(&head_groups);
            groups[8 - tail_groups.len()..].copy_from_slice(&tail_groups);
        }
    }
    Some(groups)
}

/// Colon-separated hex groups; the last may be a dotted IPv4 address when `v4_allowed`.
fn ipv6_groups(text: &str, v4_allowed: bool) -> Option<Vec<u16>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let pieces: Vec<&str> = text.split(':').collect();
    let mut groups = Vec::with_capacity(8);
    for (i, piece) in pieces.iter().enumerate() {
        if groups.len() >= 8 {
            return None;
        }
        if v4_allowed && i + 1 == pieces.len() && piece.contains('.') {
            let octets: Vec<&str> = piece.split('.').collect();
            if octets.len() != 4 {
                return None;
            }
            let mut bytes = [0u8; 4];
            for (byte, octet) in bytes.iter_mut().zip(&octets) {
                let valid = !octet.is_empty()
                    && octet.len() <= 3
                    && octet.bytes().all(|b| b.is_ascii_digit())
                    && !(octet.len() > 1 && octet.starts_with('0'));
                *byte = octet.parse().ok().filter(|_| valid)?;
            }
            groups.push(u16::from_be_bytes([bytes[0], bytes[1]]));
            groups.push(u16::from_be_bytes([bytes[2], bytes[3]]));
        } else {
            if piece.is_empty() || piece.len() > 4 || !piece.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return None;
            }
            groups.push(u16::from_str_radix(piece, 16).ok()?);
        }
    }
    Some(groups)
}

/// The kind of an IPv6 address, and the IPv4 address it maps when it is IPv4-mapped.
fn classify_ipv6(groups: [u16; 8]) -> (HostKind, Option<u32>) {
    match groups {
        [0, 0, 0, 0, 0, 0, 0, 0] => (HostKind::Unspecified, None),
        [0, 0, 0, 0, 0, 0, 0, 1] => (HostKind::Loopback, None),
        [0, 0, 0, 0, 0, 0xffff, high, low] => {
            let v4 = (u32::from(high) << 16) | u32::from(low);
            (classify_ipv4(v4), Some(v4))
        }
        [first, ..] if first & 0xfe00 == 0xfc00 => (HostKind::Private, None),
        [first, ..] if first & 0xffc0 == 0xfe80 => (HostKind::LinkLocal, None),
        _ => (HostKind::PublicIp, None),
    }
}

/// "`127.1` (127.0.0.1) is a loopback address", or `None` for reachable hosts.
fn unreachable_description(host: &Host) -> Option<String> {
    if host.kind.is_reachable_from_testrtc() {
        return None;
    }
    let mapped_v4 = if host.name.contains(':') {
        parse_ipv6(&host.name).and_then(|groups| classify_ipv6(groups).1)
    } else {
        None
    };
    let unique_local = host.name.contains(':') && mapped_v4.is_none();
    let what = match host.kind {
        HostKind::Public | HostKind::PublicIp => return None,
        HostKind::Localhost => "is this machine (localhost)",
        HostKind::Loopback => "is a loopback address (this machine)",
        HostKind::Private if unique_local => "is a private (unique local, fc00::/7) IPv6 address",
        HostKind::Private => "is a private network address (RFC 1918)",
        HostKind::LinkLocal => "is a link-local address",
        HostKind::LocalDomain => "is a local-network (mDNS `.local`) name",
        HostKind::Unspecified => "is the unspecified address (\"any\"), not a destination",
    };
    let mapped = match mapped_v4 {
        Some(v4) => Some(format!(" (IPv4-mapped {})", format_ipv4(v4))),
        None => host.canonical.as_ref().map(|dotted| format!(" ({dotted})")),
    };
    Some(format!(
        "The host `{}`{} {what}",
        host.name,
        mapped.unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The host fast path's premise: on ASCII, Unicode lower-casing is ASCII
        /// lower-casing and the full-width fold changes nothing.
        #[test]
        fn ascii_hosts_need_neither_unicode_lowercasing_nor_folding(host in "[ -~]{0,24}") {
            proptest::prop_assert_eq!(host.to_ascii_lowercase(), host.to_lowercase());
            let folded: String = host.chars().map(fold_full_width).collect();
            proptest::prop_assert_eq!(folded, host);
        }

        /// The host characters are read byte by byte over ASCII: the same verdict as
        /// reading every character, with the allowed ASCII set spelled as RFC 3986 does.
        #[test]
        fn host_characters_are_judged_as_a_character_by_character_reading_judges_them(
            host in "([a-z0-9.%_~!$&'()*+,;=/@:\\[\\] \t-]|%[0-9a-fA-FgG]{0,2}|[é✓\u{85}\u{a0}\u{2028}\u{0}])*",
        ) {
            let by_character = host.char_indices().find_map(|(i, c)| {
                if c == '%' {
                    let escape = host.as_bytes().get(i + 1..i + 3);
                    if escape.is_some_and(|e| e.iter().all(u8::is_ascii_hexdigit)) {
                        return None;
                    }
                    let end = (i + 1..=(i + 3).min(host.len()))
                        .rev()
                        .find(|&e| host.is_char_boundary(e))
                        .unwrap_or(i + 1);
                    return Some((i, &host[i..end]));
                }
                let allowed = if c.is_ascii() {
                    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=".contains(c)
                } else {
                    !c.is_control() && !c.is_whitespace()
                };
                (!allowed).then(|| (i, &host[i..i + c.len_utf8()]))
            });
            proptest::prop_assert_eq!(first_invalid_host_char(&host), by_character);
        }

        /// Printable ASCII is what lets the checker skip its white space and control
        /// character searches: such text has neither.
        #[test]
        fn printable_ascii_holds_no_white_space_and_no_control_character(
            text in "[ -~\t\n\u{7f}\u{85}\u{a0}é]{0,24}",
        ) {
            let neither = !text.chars().any(|c| c.is_whitespace() || c.is_control());
            proptest::prop_assert_eq!(is_printable_ascii(&text), neither && text.is_ascii());
        }
    }

    #[test]
    fn whatwg_ipv4_forms_read_as_browsers_read_them() {
        assert_eq!(parse_ipv4("2130706433"), Some(0x7f00_0001));
        assert_eq!(parse_ipv4("0x7f.1"), Some(0x7f00_0001));
        assert_eq!(parse_ipv4("0177.0.0.1"), Some(0x7f00_0001));
        assert_eq!(parse_ipv4("127.1"), Some(0x7f00_0001));
        assert_eq!(parse_ipv4("1.2.3.256"), None);
        assert_eq!(parse_ipv4("4294967296"), None);
        assert_eq!(parse_ipv4("08.1.1.1"), None);
        assert_eq!(parse_ipv4("1.2.3.4.5"), None);
    }

    #[test]
    fn ipv6_text_forms() {
        assert_eq!(parse_ipv6("::1"), Some([0, 0, 0, 0, 0, 0, 0, 1]));
        assert_eq!(parse_ipv6("::"), Some([0; 8]));
        assert_eq!(
            parse_ipv6("::ffff:127.0.0.1"),
            Some([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1])
        );
        assert_eq!(
            parse_ipv6("1:2:3:4:5:6:7::"),
            Some([1, 2, 3, 4, 5, 6, 7, 0])
        );
        assert!(parse_ipv6("1:2:3:4:5:6:7:8:9").is_none());
        assert!(parse_ipv6("1::2::3").is_none());
        assert!(parse_ipv6(":1::").is_none());
        assert!(parse_ipv6("12345::").is_none());
        assert!(parse_ipv6("::1.2.3").is_none());
    }
}

/// The parts of a URL text, as spans into it. Lenient: any text with `scheme://` gives
/// pieces, so that the secrets of a URL with errors are still found (and masked).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlPieces {
    /// `user:pass@`, the `@` included.
    pub userinfo: Option<Span>,
    pub host: Span,
    /// From the first `/` (or `\`) after the authority up to `?` or `#`.
    pub path: Span,
    /// After the `?`, up to `#`.
    pub query: Option<Span>,
}

impl UrlPieces {
    /// The pieces of `url`; `None` without `scheme://`.
    pub fn of(url: &str) -> Option<UrlPieces> {
        let authority_start = url.find("://")? + 3;
        let rest = &url[authority_start..];
        // `\` ends the authority and separates segments as `/` does, as the check reads it
        // and as WHATWG URLs and Node read `http(s)` URLs.
        let authority_len = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
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
        for segment in self.path.slice(url).split(['/', '\\']) {
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
