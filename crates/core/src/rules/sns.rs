//! Amazon SNS as a webhook target: `"provider": "aws-sns"` and its keys (SPEC §2.5).

use crate::diagnostic::{Diagnostic, Fix, Rule};
use crate::repeats::Diagnostics;
use crate::syntax::json::Member;
use crate::webhook::SnsConfig;

/// The only provider testRTC documents.
pub const PROVIDER: &str = "aws-sns";

/// Keys that belong to the SNS provider.
pub const SNS_KEYS: [&str; 5] = [
    "accessKeyId",
    "secretAccessKey",
    "region",
    "roleArn",
    "topicArn",
];

/// Checks the SNS keys; returns the target when the provider is `aws-sns` and the
/// topic is usable.
pub fn check_sns(
    provider: &Member,
    members: &[Member],
    diagnostics: &mut Diagnostics,
) -> Option<SnsConfig> {
    let get = |key: &str| members.iter().rev().find(|m| m.key == key);
    let string_of = |key: &str, diagnostics: &mut Diagnostics| -> Option<(String, &Member)> {
        let member = get(key)?;
        match member.value.as_str() {
            Some(s) => Some((s.to_string(), member)),
            None => {
                diagnostics.push(Diagnostic::new(
                    Rule::KeyWrongType,
                    member.value.span,
                    format!(
                        "`{key}` must be a string, not {}.",
                        member.value.type_name()
                    ),
                ));
                None
            }
        }
    };

    let provider_ok = match provider.value.as_str() {
        Some(PROVIDER) => true,
        Some(other) => {
            let mut diagnostic = Diagnostic::new(
                Rule::ProviderUnknown,
                provider.value.span,
                format!("`{other}` is not a provider testRTC documents; only \"aws-sns\" is."),
            )
            .with_help("hookcheck can only check and preview \"aws-sns\".");
            let squashed: String = other
                .to_ascii_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            if squashed == "awssns" || squashed == "sns" {
                diagnostic = diagnostic.with_fix(Fix::new(
                    "Use \"aws-sns\"",
                    provider.value.span,
                    "\"aws-sns\"",
                ));
            }
            diagnostics.push(diagnostic);
            false
        }
        None => {
            diagnostics.push(Diagnostic::new(
                Rule::KeyWrongType,
                provider.value.span,
                format!(
                    "`provider` must be the string \"aws-sns\", not {}.",
                    provider.value.type_name()
                ),
            ));
            false
        }
    };

    for key in ["url", "format"] {
        if let Some(member) = get(key) {
            diagnostics.push(
                Diagnostic::new(
                    Rule::SnsIgnoredKey,
                    member.key_span,
                    format!("`{key}` is ignored when `provider` is set: the message goes to SNS."),
                )
                .with_help(format!(
                    "Remove `{key}`, or remove `provider` to send an HTTP webhook."
                )),
            );
        }
    }

    let topic = string_of("topicArn", diagnostics);
    let topic_region = match &topic {
        None if get("topicArn").is_none() => {
            diagnostics.push(
                Diagnostic::new(
                    Rule::SnsTopicArnMissing,
                    provider.key_span,
                    "SNS needs a `topicArn`: the topic to publish to.",
                )
                .with_help(r#"Add `"topicArn": "arn:aws:sns:us-east-1:123456789012:my-topic"`."#),
            );
            None
        }
        None => None,
        Some((arn, member)) => match topic_arn_region(arn) {
            Some(region) => Some(region.to_string()),
            None => {
                diagnostics.push(
                    Diagnostic::new(
                        Rule::SnsTopicArnInvalid,
                        member.value.span,
                        format!("`{arn}` is not an SNS topic ARN."),
                    )
                    .with_help(
                        "A topic ARN looks like `arn:aws:sns:us-east-1:123456789012:my-topic`.",
                    ),
                );
                None
            }
        },
    };

    let region = match string_of("region", diagnostics) {
        Some((region, member)) => {
            if !is_region(&region) {
                diagnostics.push(
                    Diagnostic::new(
                        Rule::SnsRegionInvalid,
                        member.value.span,
                        format!("`{region}` is not an AWS region."),
                    )
                    .with_help("A region looks like `us-east-1` or `eu-west-2`."),
                );
            } else if let Some(topic_region) = topic_region.as_deref().filter(|t| *t != region) {
                diagnostics.push(
                    Diagnostic::new(
                        Rule::SnsRegionMismatch,
                        member.value.span,
                        format!("`region` is `{region}`, but the topic lives in `{topic_region}`."),
                    )
                    .with_help("SNS publishes in the topic's region; make them agree.")
                    .with_fix(Fix::new(
                        format!("Use \"{topic_region}\""),
                        member.value.span,
                        format!("\"{topic_region}\""),
                    )),
                );
            }
            Some(region)
        }
        None => {
            if get("region").is_none() {
                diagnostics.push(
                    Diagnostic::new(
                        Rule::SnsRegionMissing,
                        provider.key_span,
                        "No `region` is given; testRTC's example always sets one.",
                    )
                    .with_help(match &topic_region {
                        Some(r) => format!("Add `\"region\": \"{r}\"`, the topic's region."),
                        None => {
                            "Add the topic's region, as in `\"region\": \"us-east-1\"`.".to_string()
                        }
                    }),
                );
            }
            None
        }
    };

    let access_key = string_of("accessKeyId", diagnostics);
    let secret = string_of("secretAccessKey", diagnostics);
    match (get("accessKeyId"), get("secretAccessKey")) {
        (Some(alone), None) | (None, Some(alone)) => {
            let missing = if alone.key == "accessKeyId" {
                "secretAccessKey"
            } else {
                "accessKeyId"
            };
            diagnostics.push(
                Diagnostic::new(
                    Rule::SnsCredentialsIncomplete,
                    alone.key_span,
                    format!(
                        "`{}` is given without `{missing}`; AWS credentials come as a pair.",
                        alone.key
                    ),
                )
                .with_help(format!("Add `{missing}`, or remove `{}`.", alone.key)),
            );
        }
        _ => {}
    }
    if let Some(member) = get("secretAccessKey") {
        diagnostics.push(
            Diagnostic::new(
                Rule::SnsSecretPresent,
                member.key_span,
                "The secret access key is stored in the test configuration, where anyone who can read it can read the key.",
            )
            .with_help("Prefer a key that may only publish to this topic, or `roleArn` with a narrowly scoped role."),
        );
    }

    let role = string_of("roleArn", diagnostics);
    if let Some((arn, member)) = &role {
        if !is_role_arn(arn) {
            diagnostics.push(
                Diagnostic::new(
                    Rule::SnsRoleArnInvalid,
                    member.value.span,
                    format!("`{arn}` is not an IAM role ARN."),
                )
                .with_help("A role ARN looks like `arn:aws:iam::123456789012:role/Example`."),
            );
        }
    }

    let (topic_arn, _) = topic?;
    let region = region.or(topic_region)?;
    provider_ok.then(|| SnsConfig {
        topic_arn,
        region,
        access_key_id: access_key.map(|(k, _)| k),
        has_secret_access_key: secret.is_some(),
        role_arn: role.map(|(r, _)| r),
    })
}

/// The region of `arn:aws:sns:<region>:<12 digits>:<name>`, when the ARN has that shape.
/// The China and GovCloud partitions (`aws-cn`, `aws-us-gov`) are accepted too.
pub fn topic_arn_region(arn: &str) -> Option<&str> {
    let Some(["arn", partition, "sns", region, account, name]) = arn_fields(arn) else {
        return None;
    };
    let name_ok = !name.is_empty()
        && name.len() <= 256
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    (is_partition(partition) && is_region(region) && is_account(account) && name_ok)
        .then_some(region)
}

/// `arn:aws:iam::<12 digits>:role/<name>` (a role path such as `role/service/x` is allowed).
pub fn is_role_arn(arn: &str) -> bool {
    let Some(["arn", partition, "iam", "", account, resource]) = arn_fields(arn) else {
        return false;
    };
    let name_ok = resource.strip_prefix("role/").is_some_and(|name| {
        !name.is_empty()
            && !name.ends_with('/')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-/".contains(&b))
    });
    is_partition(partition) && is_account(account) && name_ok
}

/// The six `:`-separated fields of an ARN (`arn:partition:service:region:account:resource`);
/// the resource keeps any further `:`.
fn arn_fields(arn: &str) -> Option<[&str; 6]> {
    let mut fields = arn.splitn(6, ':');
    let mut out = [""; 6];
    for slot in &mut out {
        *slot = fields.next()?;
    }
    Some(out)
}

/// Shaped like `us-east-1`, `ap-southeast-2`, `us-gov-west-1`.
pub fn is_region(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .last()
            .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_partition(partition: &str) -> bool {
    matches!(partition, "aws" | "aws-cn" | "aws-us-gov")
}

fn is_account(account: &str) -> bool {
    account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_arn_shapes() {
        assert_eq!(
            topic_arn_region("arn:aws:sns:us-east-1:123456789012:my-topic"),
            Some("us-east-1")
        );
        for bad in [
            "arn:aws:sns:us-east-1:12345:my-topic",
            "arn:aws:sqs:us-east-1:123456789012:q",
            "arn:aws:sns:useast1:123456789012:t",
            "arn:aws:sns:us-east-1:123456789012:",
            "xxx",
        ] {
            assert_eq!(topic_arn_region(bad), None, "{bad}");
        }
    }

    #[test]
    fn role_arn_shapes() {
        assert!(is_role_arn("arn:aws:iam::999999999999:role/Example"));
        assert!(is_role_arn(
            "arn:aws:iam::999999999999:role/service/Example"
        ));
        assert!(!is_role_arn("arn:aws:iam::99999:role/Example"));
        assert!(!is_role_arn("arn:aws:iam::999999999999:user/Example"));
    }

    #[test]
    fn region_shapes() {
        for good in [
            "us-east-1",
            "eu-west-2",
            "ap-southeast-2",
            "us-gov-west-1",
            "cn-north-1",
        ] {
            assert!(is_region(good), "{good}");
        }
        for bad in ["xxx", "us-east", "US-EAST-1", "us-east-1a", ""] {
            assert!(!is_region(bad), "{bad}");
        }
    }
}
