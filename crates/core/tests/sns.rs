//! Amazon SNS (SPEC §2.5) and the SNS Publish preview (SPEC §3.2).

mod common;

use common::*;
use hookcheck_core::render::request::Delivery;
use hookcheck_core::{check, Outcome, Severity, Target};

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:alerts";
const ACCESS_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// `{"provider": "aws-sns", <members>}`.
fn sns(members: &str) -> String {
    format!(r#"{{"provider": "aws-sns", {members}}}"#)
}

/// A valid SNS form with `extra` members added.
fn sns_with(extra: &str) -> String {
    let base = format!(r#""region": "us-east-1", "topicArn": "{TOPIC}""#);
    if extra.is_empty() {
        sns(&base)
    } else {
        sns(&format!("{base}, {extra}"))
    }
}

// ---- a valid configuration ----------------------------------------------------------------

#[test]
fn topic_and_region_are_a_clean_configuration() {
    let text = sns_with("");
    assert_clean(&text);
    let Target::Sns(target) = config(&text).target else {
        panic!("not an SNS target");
    };
    assert_eq!(target.topic_arn, TOPIC);
    assert_eq!(target.region, "us-east-1");
    assert_eq!(target.access_key_id, None);
    assert!(!target.has_secret_access_key);
}

#[test]
fn documented_cross_account_example_only_notes_the_secret() {
    let text = sns_with(&format!(
        r#""accessKeyId": "{ACCESS_KEY}", "secretAccessKey": "{SECRET_KEY}", "roleArn": "arn:aws:iam::999999999999:role/Example""#
    ));
    assert_eq!(codes(&text), ["sns-secret-present"]);
    assert!(check(&text, None).is_valid());
}

#[test]
fn sns_body_templates_are_checked_like_http_ones() {
    let text = sns_with(r#""body": {"Server": "TestRTC", "Instance": "<%this.runNam%>"}"#);
    assert_eq!(
        spanned(&text, &diag(&text, "template-unknown-variable")),
        "runNam"
    );
}

// ---- topicArn -----------------------------------------------------------------------------

#[test]
fn missing_topic_arn_is_an_error_at_the_provider_key() {
    let text = sns(r#""region": "us-east-1""#);
    let d = diag(&text, "sns-topic-arn-missing");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(&text, &d), r#""provider""#);
    assert!(check(&text, None).config.is_none());
}

#[test]
fn malformed_topic_arn_is_an_error_at_the_value() {
    for arn in [
        "xxx",
        "arn:aws:sns:us-east-1:12345:alerts",
        "arn:aws:sqs:us-east-1:123456789012:alerts",
        "arn:aws:sns:useast1:123456789012:alerts",
        "arn:aws:sns:us-east-1:123456789012:",
        "arn:aws:sns:us-east-1:123456789012:bad name",
        "arn:azure:sns:us-east-1:123456789012:alerts",
    ] {
        let text = sns(&format!(r#""region": "us-east-1", "topicArn": "{arn}""#));
        let d = diag(&text, "sns-topic-arn-invalid");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), format!("\"{arn}\""));
    }
}

#[test]
fn topic_arns_of_other_partitions_are_accepted() {
    for (region, arn) in [
        (
            "cn-north-1",
            "arn:aws-cn:sns:cn-north-1:123456789012:alerts",
        ),
        (
            "us-gov-west-1",
            "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts",
        ),
    ] {
        assert_clean(&sns(&format!(
            r#""region": "{region}", "topicArn": "{arn}""#
        )));
    }
}

#[test]
fn topic_arn_that_is_not_a_string_is_wrong_type() {
    let text = sns(r#""region": "us-east-1", "topicArn": 123456789012"#);
    assert_eq!(
        spanned(&text, &diag(&text, "key-wrong-type")),
        "123456789012"
    );
    assert!(!raises(&text, "sns-topic-arn-missing"));
}

// ---- region -------------------------------------------------------------------------------

#[test]
fn malformed_region_is_an_error_at_the_value() {
    for region in ["US-EAST-1", "us-east", "useast1", "us-east-1a", ""] {
        let text = sns(&format!(r#""region": "{region}", "topicArn": "{TOPIC}""#));
        let d = diag(&text, "sns-region-invalid");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), format!("\"{region}\""));
    }
}

#[test]
fn missing_region_is_a_warning_naming_the_topic_region() {
    let text = sns(&format!(r#""topicArn": "{TOPIC}""#));
    let d = diag(&text, "sns-region-missing");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), r#""provider""#);
    assert!(d.help.unwrap().contains("us-east-1"));
}

#[test]
fn missing_region_falls_back_to_the_topic_region() {
    let text = sns(&format!(r#""topicArn": "{TOPIC}""#));
    let Target::Sns(target) = config(&text).target else {
        panic!("not an SNS target");
    };
    assert_eq!(target.region, "us-east-1");
}

#[test]
fn region_differing_from_the_topic_is_a_warning_with_a_fix() {
    let text = sns(&format!(r#""region": "eu-west-1", "topicArn": "{TOPIC}""#));
    let d = diag(&text, "sns-region-mismatch");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(spanned(&text, &d), r#""eu-west-1""#);
    assert_eq!(fix_of(&text, &d), (r#""eu-west-1""#, r#""us-east-1""#));
    assert_clean(&assert_fix_clears(&text, "sns-region-mismatch"));
}

// ---- credentials --------------------------------------------------------------------------

#[test]
fn access_key_without_secret_is_incomplete_at_the_key() {
    let text = sns_with(&format!(r#""accessKeyId": "{ACCESS_KEY}""#));
    let d = diag(&text, "sns-credentials-incomplete");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(spanned(&text, &d), r#""accessKeyId""#);
    assert!(d.message.contains("secretAccessKey"));
}

#[test]
fn secret_without_access_key_is_incomplete_at_the_secret() {
    let text = sns_with(&format!(r#""secretAccessKey": "{SECRET_KEY}""#));
    let d = diag(&text, "sns-credentials-incomplete");
    assert_eq!(spanned(&text, &d), r#""secretAccessKey""#);
    assert!(d.message.contains("accessKeyId"));
}

#[test]
fn secret_key_present_is_info_at_the_key() {
    let text = sns_with(&format!(
        r#""accessKeyId": "{ACCESS_KEY}", "secretAccessKey": "{SECRET_KEY}""#
    ));
    let d = diag(&text, "sns-secret-present");
    assert_eq!(d.severity, Severity::Info);
    assert_eq!(spanned(&text, &d), r#""secretAccessKey""#);
    assert!(!raises(&text, "sns-credentials-incomplete"));
}

// ---- roleArn ------------------------------------------------------------------------------

#[test]
fn valid_role_arns_are_accepted() {
    for arn in [
        "arn:aws:iam::999999999999:role/Example",
        "arn:aws:iam::999999999999:role/service/Example",
    ] {
        assert_clean(&sns_with(&format!(r#""roleArn": "{arn}""#)));
    }
}

#[test]
fn malformed_role_arn_is_an_error_at_the_value() {
    for arn in [
        "xxx",
        "arn:aws:iam::99999:role/Example",
        "arn:aws:iam::999999999999:user/Example",
        "arn:aws:iam:us-east-1:999999999999:role/Example",
        "arn:aws:iam::999999999999:role/",
    ] {
        let text = sns_with(&format!(r#""roleArn": "{arn}""#));
        let d = diag(&text, "sns-role-arn-invalid");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(spanned(&text, &d), format!("\"{arn}\""));
    }
}

// ---- keys beside provider -----------------------------------------------------------------

#[test]
fn url_or_format_beside_provider_is_ignored_with_a_warning_at_the_key() {
    for (member, key) in [
        (format!(r#""url": "{URL}""#), r#""url""#),
        (r#""format": "json/text""#.to_string(), r#""format""#),
    ] {
        let text = sns_with(&member);
        let d = diag(&text, "sns-ignored-key");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(spanned(&text, &d), key);
    }
}

#[test]
fn sns_key_without_provider_is_an_unknown_key() {
    let text = form(&format!(r#""topicArn": "{TOPIC}""#));
    let d = diag(&text, "key-unknown");
    assert_eq!(spanned(&text, &d), r#""topicArn""#);
    assert!(d.message.contains("aws-sns"));
}

#[test]
fn sns_key_near_miss_with_provider_gets_a_fix() {
    let text = sns(&format!(r#""region": "us-east-1", "topicARN": "{TOPIC}""#));
    let d = diag(&text, "key-unknown");
    assert_eq!(fix_of(&text, &d), (r#""topicARN""#, r#""topicArn""#));
    assert_clean(&apply_fix(&text, &d));
}

// ---- the Publish preview (SPEC §3.2) ------------------------------------------------------

#[test]
fn preview_publishes_to_the_region_endpoint() {
    let request = request(&sns_with(""), Outcome::Success);
    assert_eq!(request.method, "POST");
    assert_eq!(request.url, "https://sns.us-east-1.amazonaws.com/");
    let Delivery::Sns(publish) = &request.delivery else {
        panic!("not an SNS publish");
    };
    assert_eq!(publish.endpoint, "https://sns.us-east-1.amazonaws.com/");
    assert_eq!(publish.topic_arn, TOPIC);
}

#[test]
fn china_regions_use_the_amazonaws_com_cn_endpoint() {
    let text = sns(
        r#""region": "cn-north-1", "topicArn": "arn:aws-cn:sns:cn-north-1:123456789012:alerts""#,
    );
    assert_eq!(
        request(&text, Outcome::Success).url,
        "https://sns.cn-north-1.amazonaws.com.cn/"
    );
}

#[test]
fn preview_message_is_the_default_data_as_compact_json() {
    let request = request(&sns_with(""), Outcome::Failure);
    let Delivery::Sns(publish) = &request.delivery else {
        panic!("not an SNS publish");
    };
    assert_eq!(
        publish.message,
        r#"{"testRunId":"56fd3d617c458d1400baee6f","testName":"AppRTC","runType":"test","status":"failure"}"#
    );
}

#[test]
fn preview_message_is_the_rendered_body() {
    let text = sns_with(
        r#""body": {"Server": "TestRTC", "Instance": "<%this.runName%>", "Message": "testRTC Alert for <%this.testName%> error:<%this.error%>"}"#,
    );
    let request = request(&text, Outcome::Success);
    let Delivery::Sns(publish) = &request.delivery else {
        panic!("not an SNS publish");
    };
    assert_eq!(
        publish.message,
        r#"{"Server":"TestRTC","Instance":"decorous-insurance","Message":"testRTC Alert for AppRTC error:"}"#
    );
}

#[test]
fn preview_body_is_the_form_encoded_publish_call() {
    let request = request(&sns_with(""), Outcome::Success);
    assert_eq!(
        request.body,
        "Action=Publish\
         &TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts\
         &Message=%7B%22testRunId%22%3A%2256fd35107c458d1400baee63%22%2C%22testName%22%3A%22AppRTC%22%2C%22runType%22%3A%22test%22%2C%22status%22%3A%22completed%22%7D\
         &Version=2010-03-31"
    );
    assert_eq!(
        headers(&request)[0],
        (
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded; charset=utf-8".to_string()
        )
    );
}

#[test]
fn preview_masks_the_access_key_and_never_holds_the_secret() {
    let text = sns_with(&format!(
        r#""accessKeyId": "{ACCESS_KEY}", "secretAccessKey": "{SECRET_KEY}""#
    ));
    let request = request(&text, Outcome::Success);
    let everything = format!("{request:?}");
    assert!(!everything.contains(SECRET_KEY), "{everything}");
    assert!(!everything.contains(ACCESS_KEY), "{everything}");
    let authorization = request
        .headers
        .iter()
        .find(|h| h.name == "Authorization")
        .expect("an Authorization header");
    assert!(authorization.secret);
    assert!(authorization
        .value
        .starts_with("AWS4-HMAC-SHA256 Credential=••••••••/<date>/us-east-1/sns/aws4_request"));
}

#[test]
fn sns_is_never_sendable_from_the_browser() {
    assert!(!request(&sns_with(""), Outcome::Success).is_sendable());
    assert!(request(URL, Outcome::Success).is_sendable());
}
