//! The SNS Publish call a configuration stands for (SPEC §3.2).

use crate::secrets;
use crate::webhook::SnsConfig;

/// The SNS Publish call a configuration stands for (SPEC §3.2), as the AWS query API
/// writes it. Never sent by hookcheck: it needs AWS SigV4 signing with the secret key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnsPublish {
    /// `https://sns.<region>.amazonaws.com/`
    pub endpoint: String,
    pub topic_arn: String,
    /// The rendered body as compact JSON.
    pub message: String,
    /// `Action=Publish&TopicArn=…&Message=…&Version=2010-03-31`, form-encoded.
    pub form_body: String,
    /// `AWS4-HMAC-SHA256 Credential=<key id>/…`, with the key id masked.
    pub authorization: String,
}

impl SnsPublish {
    pub fn new(config: &SnsConfig, message: String) -> Self {
        let endpoint = if config.region.starts_with("cn-") {
            format!("https://sns.{}.amazonaws.com.cn/", config.region)
        } else {
            format!("https://sns.{}.amazonaws.com/", config.region)
        };
        let form_body = format!(
            "Action=Publish&TopicArn={}&Message={}&Version=2010-03-31",
            form_encode(&config.topic_arn),
            form_encode(&message)
        );
        let key = config
            .access_key_id
            .as_deref()
            .map_or_else(|| "<role credentials>".to_string(), secrets::mask);
        SnsPublish {
            endpoint,
            topic_arn: config.topic_arn.clone(),
            message,
            form_body,
            authorization: format!(
                "AWS4-HMAC-SHA256 Credential={key}/<date>/{}/sns/aws4_request, SignedHeaders=…, Signature=…",
                config.region
            ),
        }
    }
}

/// `application/x-www-form-urlencoded` encoding, as AWS SDKs write query-API bodies.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding_escapes_everything_but_unreserved() {
        assert_eq!(form_encode("a b:{\"x\"}é"), "a%20b%3A%7B%22x%22%7D%C3%A9");
    }
}
