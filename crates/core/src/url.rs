//! The webhook URL checker (stub; being written).
use crate::diagnostic::Diagnostic;
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
    /// 0.0.0.0 or ::.
    Unspecified,
}

/// The parts of a checked URL. Spans are relative to the URL text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlParts {
    /// Lower-cased scheme: `http` or `https` for a usable URL.
    pub scheme: String,
    /// The host as written (brackets of an IPv6 literal removed), lower-cased.
    pub host: String,
    pub host_kind: HostKind,
    pub port: Option<u16>,
    pub has_credentials: bool,
    /// Span of the `?query` part, `?` included.
    pub query: Option<Span>,
}

impl UrlParts {
    /// `scheme://host[:port]`, as a browser writes the URL's origin.
    pub fn origin(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
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
    pub parts: Option<UrlParts>,
    /// Spans relative to the URL text given to [`check_url`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks one webhook URL (SPEC §2.1).
pub fn check_url(_url: &str) -> UrlCheck {
    UrlCheck::default()
}
