//! Share links and local memory: the state of a session as a short URL-safe code, and the
//! text with the secrets its check found ([`crate::Report::secrets`]) left out.
//!
//! The code is base64url (no padding) of a small versioned JSON object:
//! `{"v":1,"text":…,"mode":"auto"|"webhook"|"run-options","product":…,"outcome":…,"samples":{…}}`,
//! where `product` is left out for `test` (so links made before products read as `test`),
//! and `samples` holds, per outcome, only what differs from the defaults: the variables
//! (`vars`, `every`), or a product's whole payload (`json`). It lives in the URL fragment,
//! which browsers never send to a server.

use crate::pipeline::Mode;
use crate::product::Product;
use crate::render::sample::{Outcome, SampleData};
use crate::span::Span;
use crate::syntax::json::{self, Json};

/// The version written into every code; a code of another version is refused.
pub const VERSION: f64 = 1.0;

/// What a share link restores.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareState {
    pub text: String,
    /// `None` auto-detects.
    pub mode: Option<Mode>,
    /// The product whose webhook the text is.
    pub product: Product,
    /// The selected outcome, one of the product's.
    pub outcome: Outcome,
    /// The sample data of every outcome, in [`Outcome::EVERY`] order.
    pub samples: [SampleData; 5],
}

/// Why a share code could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not base64url, or not UTF-8.
    Encoding,
    /// Not the JSON object a share code holds.
    Malformed,
    /// Written by another version of hookcheck.
    Version,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ShareError::Encoding => "The share link is damaged (it is not valid base64url).",
            ShareError::Malformed => "The share link is damaged (its content is not readable).",
            ShareError::Version => "The share link was made by another version of hookcheck.",
        })
    }
}

impl ShareState {
    /// `text` as testingRTC's webhook, with the default sample data, auto-detected mode
    /// and the success outcome.
    pub fn new(text: impl Into<String>) -> ShareState {
        ShareState {
            text: text.into(),
            mode: None,
            product: Product::Test,
            outcome: Outcome::Success,
            samples: Outcome::EVERY.map(SampleData::for_outcome),
        }
    }

    /// The URL-safe code of this state.
    pub fn encode(&self) -> String {
        let mode = self.mode.map_or("auto", Mode::as_str);
        let samples = Outcome::EVERY
            .iter()
            .zip(&self.samples)
            .filter_map(|(&outcome, sample)| {
                let default = SampleData::for_outcome(outcome);
                let vars: Vec<(String, Json)> = sample
                    .variables()
                    .filter(|(name, value)| default.get(name) != Some(value))
                    .map(|(name, value)| (name.to_string(), value.clone()))
                    .collect();
                let mut entry = Vec::new();
                if !vars.is_empty() {
                    entry.push(("vars".to_string(), Json::Object(vars)));
                }
                if let Some(payload) = sample
                    .payload_json()
                    .filter(|&payload| default.payload_json() != Some(payload))
                {
                    entry.push(("json".to_string(), payload.clone()));
                }
                if sample.include_every_variable {
                    entry.push(("every".to_string(), Json::Bool(true)));
                }
                (!entry.is_empty()).then(|| (outcome.as_str().to_string(), Json::Object(entry)))
            })
            .collect::<Vec<_>>();
        let mut members = vec![
            ("v", Json::Number(VERSION)),
            ("text", Json::string(self.text.as_str())),
            ("mode", Json::string(mode)),
        ];
        if self.product != Product::Test {
            members.push(("product", Json::string(self.product.as_str())));
        }
        members.push(("outcome", Json::string(self.outcome.as_str())));
        if !samples.is_empty() {
            members.push(("samples", Json::Object(samples)));
        }
        base64url_encode(Json::object(members).to_compact().as_bytes())
    }

    /// The state a code holds.
    pub fn decode(code: &str) -> Result<ShareState, ShareError> {
        let bytes = base64url_decode(code.trim()).ok_or(ShareError::Encoding)?;
        let text = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
        let Some(Json::Object(members)) = json::read_strict(&text) else {
            return Err(ShareError::Malformed);
        };
        let get = |key: &str| members.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        if get("v") != Some(&Json::Number(VERSION)) {
            return Err(ShareError::Version);
        }
        let Some(Json::String(text)) = get("text") else {
            return Err(ShareError::Malformed);
        };
        let mode = match get("mode") {
            None => None,
            Some(Json::String(mode)) if mode == "auto" => None,
            Some(Json::String(mode)) => Some(Mode::parse(mode).ok_or(ShareError::Malformed)?),
            Some(_) => return Err(ShareError::Malformed),
        };
        let product = match get("product") {
            None => Product::Test,
            Some(Json::String(s)) => Product::parse(s).ok_or(ShareError::Malformed)?,
            Some(_) => return Err(ShareError::Malformed),
        };
        let outcome = match get("outcome") {
            None => product.first_outcome(),
            Some(Json::String(s)) => Outcome::parse(s)
                .filter(|o| o.product() == product)
                .ok_or(ShareError::Malformed)?,
            Some(_) => return Err(ShareError::Malformed),
        };
        let mut state = ShareState::new(text.clone());
        state.mode = mode;
        state.product = product;
        state.outcome = outcome;
        if let Some(samples) = get("samples") {
            let Json::Object(samples) = samples else {
                return Err(ShareError::Malformed);
            };
            for (name, entry) in samples {
                let outcome = Outcome::parse(name).ok_or(ShareError::Malformed)?;
                let sample = &mut state.samples[outcome.index()];
                let Json::Object(entry) = entry else {
                    return Err(ShareError::Malformed);
                };
                for (key, value) in entry {
                    match (key.as_str(), value) {
                        ("every", Json::Bool(every)) => sample.include_every_variable = *every,
                        ("json", payload @ Json::Object(_)) => {
                            if !sample.set_payload(payload.clone()) {
                                return Err(ShareError::Malformed);
                            }
                        }
                        ("vars", Json::Object(vars)) => {
                            for (var, value) in vars {
                                let value = match value {
                                    Json::String(s) => s.clone(),
                                    other => other.to_compact(),
                                };
                                sample.set(var, &value).map_err(|_| ShareError::Malformed)?;
                            }
                        }
                        _ => return Err(ShareError::Malformed),
                    }
                }
            }
        }
        Ok(state)
    }
}

/// `text` with its `secrets` left out (the check's [`Report::secrets`](crate::Report) of
/// this text): a secret JSON string becomes `""`, user info in a URL is removed, and the
/// token parts of a destination URL (and a body's `routing_key`) become the placeholder
/// `SECRET`, which keeps the URL's shape. Everything else is kept byte for byte.
pub fn strip_secrets(text: &str, secrets: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &span in secrets {
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        at = span.end;
        if span.slice(text).starts_with(['"', '\'', '`']) {
            out.push_str("\"\"");
        } else if text[span.end..].starts_with('@') {
            // `user:pass` of a URL: the `@` goes too.
            at += 1;
        } else {
            out.push_str(crate::secrets::PLACEHOLDER);
        }
    }
    out.push_str(&text[at..]);
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url, with or without padding; `None` on any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::examples::EXAMPLES;

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for len in 0..40 {
            let encoded = base64url_encode(&data[..len]);
            assert!(!encoded.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&encoded).as_deref(), Some(&data[..len]));
        }
        assert_eq!(base64url_encode(b"hook?"), "aG9vaz8");
        assert_eq!(base64url_decode("a*b"), None);
    }

    #[test]
    fn a_default_state_round_trips() {
        let state = ShareState::new("https://example.com/hook");
        assert_eq!(ShareState::decode(&state.encode()), Ok(state));
    }

    #[test]
    fn edited_samples_mode_and_outcome_round_trip_exactly() {
        let mut state = ShareState::new("#webhook:https://example.com/é?x=1");
        state.mode = Some(Mode::RunOptions);
        state.outcome = Outcome::Failure;
        state.samples[2].set("testName", "Checkout flow").unwrap();
        state.samples[2].set("score", "4.5").unwrap();
        state.samples[0].set("runType", "monitor").unwrap();
        state.samples[1].include_every_variable = true;
        let decoded = ShareState::decode(&state.encode()).unwrap();
        assert_eq!(decoded, state);
    }

    #[test]
    fn damaged_codes_are_refused_not_panicked_on() {
        assert_eq!(ShareState::decode("%%%"), Err(ShareError::Encoding));
        assert_eq!(
            ShareState::decode(&base64url_encode(b"[1]")),
            Err(ShareError::Malformed)
        );
        assert_eq!(
            ShareState::decode(&base64url_encode(br#"{"v":2,"text":""}"#)),
            Err(ShareError::Version)
        );
        assert_eq!(
            ShareState::decode(&base64url_encode(
                br#"{"v":1,"text":"","samples":{"success":{"vars":{"nope":"x"}}}}"#
            )),
            Err(ShareError::Malformed)
        );
    }

    /// The text without the secrets its check found.
    fn stripped(text: &str) -> String {
        strip_secrets(text, &crate::check(text, None).secrets)
    }

    #[test]
    fn strip_secrets_blanks_credential_headers_only() {
        let text = r#"{"url": "https://example.com", "headers": {"Authorization": "Bearer abc", "X-Team": "blue", "x-api-key": 'k1'}}"#;
        assert_eq!(
            stripped(text),
            r#"{"url": "https://example.com", "headers": {"Authorization": "", "X-Team": "blue", "x-api-key": ""}}"#
        );
        assert!(!crate::check(text, None).secrets.is_empty());
    }

    #[test]
    fn strip_secrets_blanks_the_sns_secret_key() {
        let sns = EXAMPLES.iter().find(|e| e.name == "Amazon SNS").unwrap();
        let stripped = stripped(sns.text);
        assert!(!stripped.contains("EXAMPLEKEY"), "{stripped}");
        assert!(stripped.contains(r#""secretAccessKey": """#));
        assert!(stripped.contains("AKIAIOSFODNN7EXAMPLE"));
    }

    #[test]
    fn strip_secrets_works_inside_run_options_and_on_broken_json() {
        let text = r#"#timeout:5 #webhook:{"url":"https://e.com","headers":{"Authorization":"Basic dXNlcg=="}} #vnc"#;
        assert_eq!(
            stripped(text),
            r#"#timeout:5 #webhook:{"url":"https://e.com","headers":{"Authorization":""}} #vnc"#
        );
        let broken = "{\"url\": \"https://e.com\", // note\n \"headers\": {\"Authorization\": \"Bearer t0k\",},}";
        assert!(!stripped(broken).contains("t0k"));
        let unfinished = r#"{"url": "https://e.com", "headers": {"Authorization": "Bearer t0k"#;
        assert!(!stripped(unfinished).contains("t0k"));
    }

    #[test]
    fn a_text_too_large_to_check_is_left_out_whole() {
        let text = format!(
            "https://me:pw@example.com/{}",
            "a".repeat(crate::pipeline::MAX_INPUT_BYTES)
        );
        assert_eq!(stripped(&text), crate::secrets::PLACEHOLDER);
    }

    #[test]
    fn strip_secrets_removes_user_info_from_a_bare_url() {
        assert_eq!(
            stripped("https://me:pw@example.com/hook?a=b@c"),
            "https://example.com/hook?a=b@c"
        );
        assert_eq!(stripped("https://example.com/h"), "https://example.com/h");
    }

    #[test]
    fn text_without_secrets_is_unchanged() {
        for example in EXAMPLES {
            if crate::check(example.text, None).secrets.is_empty() {
                assert_eq!(stripped(example.text), example.text, "{}", example.name);
            }
        }
    }
}
