//! Ready-made configurations that show what the webhook field can hold, in the shapes
//! testRTC's docs use. The app offers them in its Examples menu; each is checked by a test
//! below, so an example can never drift from the rules.

/// One example configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// A short name for a menu.
    pub name: &'static str,
    /// One sentence: what it shows.
    pub description: &'static str,
    /// The text to put in the field.
    pub text: &'static str,
}

/// Every example, simplest first. All are valid except the last, which is broken on purpose.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "Bare URL",
        description: "The simple form: just the URL; testRTC posts the run's result as JSON.",
        text: "https://webhook.site/80e9df96-8f69-4297-927a-00a28d723191",
    },
    Example {
        name: "Headers with Authorization",
        description: "The advanced form with extra headers, one of them a credential.",
        text: r#"{
  "url": "https://example.com/testrtc-hook",
  "headers": {
    "custom-webhook-header": "web-testrtc-webhook",
    "Authorization": "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.example"
  }
}"#,
    },
    Example {
        name: "Slack (json/text)",
        description: "A Slack incoming webhook: format json/text gives Slack the `text` it needs. Replace the token with yours.",
        text: r#"{
  "url": "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
  "format": "json/text"
}"#,
    },
    Example {
        name: "CloudEvent",
        description: "format cloudevent: the data as the body, event attributes in ce-* headers.",
        text: r#"{
  "url": "https://events.example.com/testrtc",
  "format": "cloudevent"
}"#,
    },
    Example {
        name: "Body template",
        description: "A custom body with <% this.NAME %> placeholders filled from the run.",
        text: r#"{
  "url": "https://example.com/testrtc-hook",
  "body": {
    "text": "<% this.testName %> finished: <% this.status %>",
    "run": "<% this.runName %>",
    "score": "<% this.score %>",
    "link": "<% this.resultUrl %>"
  }
}"#,
    },
    Example {
        name: "fieldname",
        description: "The data wrapped in a parent field of your choice.",
        text: r#"{
  "url": "https://example.com/testrtc-hook",
  "fieldname": "testrtc"
}"#,
    },
    Example {
        name: "Amazon SNS",
        description: "Publish to an SNS topic instead of an HTTP URL (previewed, never sent).",
        text: r#"{
  "provider": "aws-sns",
  "region": "us-east-1",
  "topicArn": "arn:aws:sns:us-east-1:123456789012:testrtc-alerts",
  "accessKeyId": "AKIAIOSFODNN7EXAMPLE",
  "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "body": {
    "Server": "TestRTC",
    "Instance": "<%this.runName%>",
    "Message": "testRTC Alert for <%this.testName%> <%this.runName%> url:<%this.resultUrl%>"
  }
}"#,
    },
    Example {
        name: "Discord",
        description: "A Discord webhook: a body template with `content` (at most 2,000 characters). Replace the id and token.",
        text: r#"{
  "url": "https://discord.com/api/webhooks/000000000000000000/YOUR_WEBHOOK_TOKEN",
  "body": {
    "username": "testRTC",
    "content": "**testRTC: <% this.testName %>** finished with status **<% this.status %>**\n<% this.resultUrl %>"
  }
}"#,
    },
    Example {
        name: "Google Chat",
        description: "A Google Chat webhook: a body with only `text` (Google Chat refuses other fields). Replace the space, key and token.",
        text: r#"{
  "url": "https://chat.googleapis.com/v1/spaces/YOUR_SPACE/messages?key=YOUR_KEY&token=YOUR_TOKEN",
  "body": {
    "text": "*testRTC: <% this.testName %>* finished with status *<% this.status %>*\n<% this.resultUrl %>"
  }
}"#,
    },
    Example {
        name: "Teams Workflows",
        description: "A Teams Workflows webhook: an Adaptive Card body (Workflows post cards only). Replace the URL with your flow's.",
        text: r#"{
  "url": "https://default00000000000000000000000000000.00.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/YOUR_FLOW/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=YOUR_SIGNATURE",
  "body": {
    "type": "message",
    "attachments": [
      {
        "contentType": "application/vnd.microsoft.card.adaptive",
        "contentUrl": null,
        "content": {
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "type": "AdaptiveCard",
          "version": "1.4",
          "body": [
            {"type": "TextBlock", "size": "Medium", "weight": "Bolder", "text": "testRTC: <% this.testName %>"},
            {"type": "TextBlock", "text": "Finished with status <% this.status %>.", "wrap": true}
          ],
          "actions": [
            {"type": "Action.OpenUrl", "title": "Open the run", "url": "<% this.resultUrl %>"}
          ]
        }
      }
    ]
  }
}"#,
    },
    Example {
        name: "PagerDuty",
        description: "PagerDuty Events API v2: routing_key, event_action and payload. Replace the routing key with your integration key.",
        text: r#"{
  "url": "https://events.pagerduty.com/v2/enqueue",
  "body": {
    "routing_key": "YOUR_PAGERDUTY_ROUTING_KEY",
    "event_action": "trigger",
    "dedup_key": "<% this.testRunId %>",
    "payload": {
      "summary": "testRTC: <% this.testName %> finished with status <% this.status %>",
      "source": "testRTC",
      "severity": "error",
      "custom_details": {"run": "<% this.resultUrl %>"}
    },
    "links": [{"href": "<% this.resultUrl %>", "text": "testRTC run"}]
  }
}"#,
    },
    Example {
        name: "Opsgenie",
        description: "Opsgenie alerts: the GenieKey header and a body with `message`. Replace the key with an API integration's key.",
        text: r#"{
  "url": "https://api.opsgenie.com/v2/alerts",
  "headers": {
    "Authorization": "GenieKey YOUR_OPSGENIE_API_KEY"
  },
  "body": {
    "message": "testRTC: <% this.testName %> finished with status <% this.status %>",
    "alias": "<% this.testRunId %>",
    "description": "<% this.resultUrl %>",
    "source": "testRTC",
    "priority": "P3"
  }
}"#,
    },
    Example {
        name: "Mattermost",
        description: "A Mattermost incoming webhook: json/text gives it the `text` it needs. Replace the host and key.",
        text: r#"{
  "url": "https://mattermost.example.com/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx",
  "format": "json/text"
}"#,
    },
    Example {
        name: "Run options with #webhook",
        description: "The older place: a #webhook option holding JSON among other run options.",
        text: r#"#timeout:80, #webhook:{"url": "https://example.com/testrtc-hook", "format": "json/object"} #vnc"#,
    },
    Example {
        name: "Copied from the docs (broken)",
        description: "Comments and trailing commas as in testRTC's doc examples: not JSON; each has a one-click fix.",
        text: r#"{
  // where testRTC sends the result
  "url": "https://example.com/testrtc-hook",
  "headers": {
    "custom-webhook-header": "web-testrtc-webhook", // any header you need
  },
}"#,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Severity};

    #[test]
    fn every_example_but_the_broken_one_is_valid() {
        let (broken, valid) = EXAMPLES.split_last().unwrap();
        for example in valid {
            let report = check(example.text, None);
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity() == Severity::Error)
                .map(|d| d.code())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", example.name);
            assert!(report.config.is_some(), "{}", example.name);
        }
        assert!(!check(broken.text, None).is_valid());
    }

    #[test]
    fn the_broken_example_reports_comments_and_trailing_commas() {
        let report = check(EXAMPLES.last().unwrap().text, None);
        let codes: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(
            codes,
            [
                "json-comment",
                "json-trailing-comma",
                "json-comment",
                "json-trailing-comma"
            ]
        );
    }

    #[test]
    fn the_broken_example_becomes_valid_by_its_fixes_alone() {
        let mut text = EXAMPLES.last().unwrap().text.to_string();
        for _ in 0..10 {
            let report = check(&text, None);
            let Some(fix) = report.diagnostics.iter().find_map(|d| d.fix.clone()) else {
                break;
            };
            text = fix.apply(&text).unwrap();
        }
        assert!(check(&text, None).is_valid(), "{text}");
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = EXAMPLES.iter().map(|e| e.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), EXAMPLES.len());
    }
}
