//! Embedding (SPEC §4.2): the widget's URL options, the allow-list of host origins, and the
//! versioned messages a host page sends the widget through `postMessage` (the messages the
//! widget posts back are [`crate::api::WidgetMessage`]).
//!
//! Pure and DOM-free so that every rule of the protocol is tested natively; the app only
//! wires window events to these functions. The protocol is documented for hosts in
//! `docs/embedding.md`. Messages are JSON-shaped; the widget never puts the checked text,
//! or anything taken from it, into a message it posts (it may hold secrets).

use crate::browser::share::ShareState;
use crate::pipeline::Mode;
use crate::product::{Outcome, Product};
use crate::syntax::json::{self, Json};

/// The protocol version this build speaks. Every message carries it; a host message with
/// another version is answered with a `hookcheck:error` and otherwise ignored.
pub const PROTOCOL_VERSION: u32 = 1;

/// Every message type starts with this prefix; other messages are not ours and are ignored.
pub const TYPE_PREFIX: &str = "hookcheck:";

/// The types the widget posts (and so never acts on).
pub const WIDGET_TYPES: [&str; 4] = [
    "hookcheck:ready",
    "hookcheck:result",
    "hookcheck:height",
    "hookcheck:error",
];

/// The options the widget reads from its own URL's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `embed=1`: the compact, chrome-less layout.
    pub embed: bool,
    /// `readonly=1`: the person cannot edit the text (the host still can).
    pub readonly: bool,
    /// `product=test|watchrtc|qualityrtc`: the product whose webhook the text is.
    pub product: Option<Product>,
    /// `outcome=success|warnings|failure|alert|result`: the preview tab shown first (an
    /// outcome of another product than `product` is ignored).
    pub outcome: Option<Outcome>,
    /// `mode=auto|webhook|run-options`: the input mode (`None`: not given).
    pub mode: Option<ModeChoice>,
    /// `origin=https://host.example` (repeatable): the host origins the widget talks to,
    /// serialized as browsers serialize `event.origin`.
    pub origins: Vec<String>,
    /// `origin=` values that are not a serialized `http(s)` origin (`*` among them): never
    /// allowed; the app warns about them in the console so a host author sees the typo.
    pub rejected_origins: Vec<String>,
}

impl EmbedOptions {
    /// Reads the options from a query string (`location.search`, with or without `?`).
    /// Unknown parameters are ignored; so are malformed values, which leave the default.
    pub fn from_query(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(name), Some(value)) = (form_decode(name), form_decode(value)) else {
                continue;
            };
            match name.as_str() {
                "embed" => options.embed = is_truthy(&value),
                "readonly" => options.readonly = is_truthy(&value),
                "product" => options.product = Product::parse(&value).or(options.product),
                "outcome" => options.outcome = Outcome::parse(&value).or(options.outcome),
                "mode" => options.mode = ModeChoice::parse(&value).or(options.mode),
                "origin" => match normalize_origin(&value) {
                    Some(origin) if !options.origins.contains(&origin) => {
                        options.origins.push(origin)
                    }
                    Some(_) => {}
                    None => options.rejected_origins.push(value),
                },
                _ => {}
            }
        }
        if let (Some(product), Some(outcome)) = (options.product, options.outcome) {
            if outcome.product() != product {
                options.outcome = None;
            }
        }
        options
    }

    /// Whether a message whose `event.origin` is `origin` may be acted on (and whether the
    /// widget may post to it). Exact match against the allow-list; the opaque origin
    /// `"null"` (sandboxed frames, `file:` pages) is never allowed.
    pub fn allows(&self, origin: &str) -> bool {
        origin != "null" && self.origins.iter().any(|allowed| allowed == origin)
    }
}

/// `1`, `true`, `yes` or an empty value (`?embed`) turn a flag on; anything else leaves it off.
fn is_truthy(value: &str) -> bool {
    matches!(value, "" | "1" | "true" | "yes")
}

/// The input mode a host or URL asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeChoice {
    /// Auto-detect (SPEC §1).
    Auto,
    Fixed(Mode),
}

impl ModeChoice {
    /// `auto`, `webhook` or `run-options`.
    pub fn parse(s: &str) -> Option<ModeChoice> {
        match s {
            "auto" => Some(ModeChoice::Auto),
            _ => Mode::parse(s).map(ModeChoice::Fixed),
        }
    }

    /// The mode for [`crate::check`]: `None` auto-detects.
    pub fn mode(self) -> Option<Mode> {
        match self {
            ModeChoice::Auto => None,
            ModeChoice::Fixed(mode) => Some(mode),
        }
    }
}

/// Serializes an origin the way browsers write `event.origin` / `location.origin`:
/// `scheme://host[:port]`, scheme and host lower-cased, the scheme's default port dropped.
/// Only `http` and `https` origins are accepted; a path other than `/`, user info, a query,
/// a fragment or a wildcard make it `None`. Hosts are taken as ASCII (IDNs in punycode).
pub fn normalize_origin(text: &str) -> Option<String> {
    let text = text.trim();
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    if authority.is_empty() || authority.contains(['/', '?', '#', '@', '*', '\\']) {
        return None;
    }
    let (host, port) = split_host_port(authority)?;
    let host = host.to_ascii_lowercase();
    let valid_host = if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty()
            && !host.starts_with('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    };
    if !valid_host {
        return None;
    }
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(port) => {
            if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let number = port.parse::<u16>().ok()?.to_string();
            if number == default_port {
                Some(format!("{scheme}://{host}"))
            } else {
                Some(format!("{scheme}://{host}:{number}"))
            }
        }
    }
}

/// Splits `host[:port]` (`[v6]:port` for IPv6); `None` for a port on a bare IPv6 host.
fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let close = authority.find(']')?;
        let (host, rest) = authority.split_at(close + 1);
        return match rest {
            "" => Some((host, None)),
            _ => Some((host, Some(rest.strip_prefix(':')?))),
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => Some((host, Some(port))),
        None => Some((authority, None)),
    }
}

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space);
/// `None` on a broken `%` escape or bytes that are not UTF-8.
fn form_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

// ---- Host → widget -------------------------------------------------------------------

/// What a host asks with `{type: "hookcheck:set", version: 1, text?, mode?, product?,
/// outcome?}`. Absent fields leave the widget's current value; an outcome selects its own
/// product.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetRequest {
    pub text: Option<String>,
    pub mode: Option<ModeChoice>,
    pub product: Option<Product>,
    pub outcome: Option<Outcome>,
}

/// What a message from an allowed origin turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// `hookcheck:set`.
    Set(SetRequest),
    /// Not a hookcheck message (another script on the host uses `postMessage` too): ignored
    /// without an answer.
    NotOurs,
    /// A `hookcheck:` message the widget cannot act on: ignored, and answered with a
    /// `hookcheck:error` so the host author learns why.
    Invalid(MessageError),
}

/// Why a `hookcheck:` message was refused. The codes are part of the protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// `version` missing or not [`PROTOCOL_VERSION`].
    UnsupportedVersion,
    /// A `type` the widget does not accept from a host.
    UnknownType(String),
    /// A field of the wrong type or value; names the field.
    InvalidField(&'static str),
}

impl MessageError {
    /// The stable code a host can switch on.
    pub fn code(&self) -> &'static str {
        match self {
            MessageError::UnsupportedVersion => "unsupported-version",
            MessageError::UnknownType(_) => "unknown-type",
            MessageError::InvalidField(_) => "invalid-field",
        }
    }

    /// One sentence for the host author's console.
    pub fn message(&self) -> String {
        match self {
            MessageError::UnsupportedVersion => format!(
                "hookcheck speaks protocol version {PROTOCOL_VERSION}; send \"version\": {PROTOCOL_VERSION}."
            ),
            MessageError::UnknownType(kind) => {
                format!("hookcheck does not accept \"{kind}\" from a host; send \"hookcheck:set\".")
            }
            MessageError::InvalidField(field) => match *field {
                "text" => "\"text\" must be a string.".to_string(),
                "mode" => "\"mode\" must be \"auto\", \"webhook\" or \"run-options\".".to_string(),
                "product" => {
                    "\"product\" must be \"test\", \"watchrtc\" or \"qualityrtc\".".to_string()
                }
                "outcome" => {
                    "\"outcome\" must be \"success\", \"warnings\", \"failure\", \"alert\" or \"result\".".to_string()
                }
                other => format!("\"{other}\" has the wrong type."),
            },
        }
    }
}

/// Reads a host message given as JSON text (the app passes `JSON.stringify(event.data)`).
/// Call it only for messages whose origin [`EmbedOptions::allows`].
pub fn parse_host_message(json_text: &str) -> HostMessage {
    let Some(Json::Object(members)) = json::read_strict(json_text) else {
        return HostMessage::NotOurs;
    };
    let get = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let Some(Json::String(kind)) = get("type") else {
        return HostMessage::NotOurs;
    };
    // The widget's own message types are never taken from a host: answering them could
    // start an endless exchange with a host that echoes what it receives.
    if !kind.starts_with(TYPE_PREFIX) || WIDGET_TYPES.contains(&kind.as_str()) {
        return HostMessage::NotOurs;
    }
    if get("version") != Some(&Json::Number(f64::from(PROTOCOL_VERSION))) {
        return HostMessage::Invalid(MessageError::UnsupportedVersion);
    }
    if kind != "hookcheck:set" {
        return HostMessage::Invalid(MessageError::UnknownType(kind.clone()));
    }
    match read_set_request(get) {
        Ok(request) => HostMessage::Set(request),
        Err(error) => HostMessage::Invalid(error),
    }
}

/// The fields of a `hookcheck:set` message, each optional.
fn read_set_request<'a>(
    get: impl Fn(&str) -> Option<&'a Json>,
) -> Result<SetRequest, MessageError> {
    /// A field that may be missing or null, else a string that `parse` accepts.
    fn optional<T>(
        value: Option<&Json>,
        field: &'static str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, MessageError> {
        match value {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(text)) => parse(text)
                .map(Some)
                .ok_or(MessageError::InvalidField(field)),
            Some(_) => Err(MessageError::InvalidField(field)),
        }
    }
    Ok(SetRequest {
        text: optional(get("text"), "text", |text| Some(text.to_owned()))?,
        mode: optional(get("mode"), "mode", ModeChoice::parse)?,
        product: optional(get("product"), "product", Product::parse)?,
        outcome: optional(get("outcome"), "outcome", Outcome::parse)?,
    })
}

// ---- Widget → host -------------------------------------------------------------------

// The messages the widget posts are [`crate::api::WidgetMessage`]: the output documents'
// serde types, so that their TypeScript declarations are generated with the JS API's.

/// Turns content heights measured by a `ResizeObserver` into the heights worth posting:
/// whole pixels, rounded up so the iframe never clips, and only when they change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeightReporter {
    last: Option<u32>,
}

impl HeightReporter {
    /// The height to post for a measured `height`, or `None` when the host already has it.
    pub fn observe(&mut self, height: f64) -> Option<u32> {
        if !height.is_finite() || height < 0.0 {
            return None;
        }
        let whole = height.ceil().min(f64::from(u32::MAX)) as u32;
        if self.last == Some(whole) {
            return None;
        }
        self.last = Some(whole);
        Some(whole)
    }
}

// ---- Open in the full app --------------------------------------------------------------

/// Query parameters that only make sense inside an iframe; the full app drops them.
const WIDGET_PARAMETERS: [&str; 6] = ["embed", "readonly", "origin", "product", "outcome", "mode"];

/// The widget's page, beside the app's (`index.html`, served as the folder's own address).
const WIDGET_PAGE: &str = "embed.html";

/// The full app's URL holding the widget's state: the widget's own address (its page's
/// folder, where the app is served) without its widget-only parameters and fragment, then
/// `fragment_prefix` (the app's share-link
/// prefix, `#s=`) and the share code (see [`crate::browser::share`]). The widget offers no
/// "include secrets" choice and the link may be copied anywhere, so `state`'s text is the
/// text with its secrets left out ([`strip_secrets`](crate::browser::share::strip_secrets)).
pub fn open_in_app_url(widget_href: &str, fragment_prefix: &str, state: &ShareState) -> String {
    let address = widget_href.split('#').next().unwrap_or(widget_href);
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let path = path.strip_suffix(WIDGET_PAGE).unwrap_or(path);
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or(pair);
            !pair.is_empty() && !WIDGET_PARAMETERS.contains(&name)
        })
        .collect();
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    format!("{path}{query}{fragment_prefix}{}", state.encode())
}
