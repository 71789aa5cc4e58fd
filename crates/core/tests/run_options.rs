//! The run-options grammar and rules of SPEC §1.1, one behaviour per test.

use hookcheck_core::syntax::run_options::{parse, RunOption};
use hookcheck_core::{Fix, Rule, Span};

/// Every diagnostic as (rule, span).
fn found(text: &str) -> Vec<(Rule, Span)> {
    parse(text)
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span))
        .collect()
}

/// The span of the first occurrence of `part` in `text`.
fn at(text: &str, part: &str) -> Span {
    let start = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} not in {text:?}"));
    Span::new(start, start + part.len())
}

/// The span of the value `part` of the first option (the text after its first `:`).
fn value_span(text: &str, part: &str) -> Span {
    let start = text.find(':').unwrap() + 1;
    assert_eq!(&text[start..start + part.len()], part);
    Span::new(start, start + part.len())
}

/// The span of the last occurrence of `part` in `text`.
fn last(text: &str, part: &str) -> Span {
    let start = text.rfind(part).unwrap();
    Span::new(start, start + part.len())
}

fn option(text: &str, name: &str, written: &str, value: Option<&str>) -> RunOption {
    let span = at(text, written);
    RunOption {
        name: Span::new(span.start + 1, span.start + 1 + name.len()),
        span,
        value: value.map(|v| {
            let start = span.start + written.find(v).unwrap();
            Span::new(start, start + v.len())
        }),
    }
}

// ---- the grammar ----------------------------------------------------------------------

#[test]
fn spec_example_gives_three_options_and_the_webhook_value() {
    let text = "#timeout:80, #webhook:https://example.com/hook #vnc";
    let parsed = parse(text);
    assert_eq!(
        parsed.options,
        vec![
            option(text, "timeout", "#timeout:80", Some("80")),
            option(
                text,
                "webhook",
                "#webhook:https://example.com/hook",
                Some("https://example.com/hook")
            ),
            option(text, "vnc", "#vnc", None),
        ]
    );
    assert_eq!(parsed.webhook, Some(at(text, "https://example.com/hook")));
    assert_eq!(parsed.diagnostics, []);
}

#[test]
fn options_may_be_separated_by_spaces_commas_or_any_white_space() {
    for text in [
        "#vnc #session:10 #webhook:https://x.io",
        "#vnc,#session:10,#webhook:https://x.io",
        "#vnc ,\n\t#session:10\u{3000}#webhook:https://x.io",
    ] {
        let parsed = parse(text);
        let names: Vec<&str> = parsed.options.iter().map(|o| o.name.slice(text)).collect();
        assert_eq!(names, ["vnc", "session", "webhook"], "{text:?}");
        assert_eq!(parsed.diagnostics, [], "{text:?}");
    }
}

#[test]
fn json_webhook_value_may_hold_commas_and_hashes() {
    let json = r##"{"url": "https://x.io/#a", "headers": {"h": "b, #c"}}"##;
    let text = format!("#timeout:5, #webhook:{json}, #vnc");
    let parsed = parse(&text);
    assert_eq!(parsed.webhook, Some(at(&text, json)));
    assert_eq!(parsed.options[1].value, Some(at(&text, json)));
    assert_eq!(
        parsed.options[1].span,
        at(&text, &format!("#webhook:{json}"))
    );
    assert_eq!(parsed.options.len(), 3);
    assert_eq!(parsed.diagnostics, []);
}

#[test]
fn braces_inside_json_strings_and_escaped_quotes_do_not_count() {
    let json = r#"{"body": {"t": "} \" {"}, "u": "\\"}"#;
    let text = format!("#webhook:{json} #vnc");
    let parsed = parse(&text);
    assert_eq!(parsed.webhook, Some(at(&text, json)));
    assert_eq!(parsed.diagnostics, []);
}

#[test]
fn spaces_after_the_webhook_colon_are_accepted_and_not_part_of_the_value() {
    for (text, value) in [
        ("#webhook: https://x.io/h", "https://x.io/h"),
        ("#webhook:\t https://x.io/h #vnc", "https://x.io/h"),
        (
            r#"#webhook:  {"url": "https://x.io"}"#,
            r#"{"url": "https://x.io"}"#,
        ),
    ] {
        let parsed = parse(text);
        assert_eq!(parsed.webhook, Some(at(text, value)), "{text}");
        assert_eq!(parsed.options[0].span, Span::new(0, at(text, value).end));
        assert_eq!(parsed.diagnostics, [], "{text}");
    }
}

#[test]
fn a_hash_inside_a_value_is_part_of_the_value() {
    let text = "#webhook:https://x.io/a#frag #vnc";
    let parsed = parse(text);
    assert_eq!(parsed.webhook, Some(at(text, "https://x.io/a#frag")));
    assert_eq!(parsed.options.len(), 2);
    assert_eq!(parsed.diagnostics, []);
}

#[test]
fn empty_input_or_only_separators_gives_just_the_absent_warning() {
    for (text, span) in [
        ("", Span::point(0)),
        ("   ", Span::point(0)),
        (" , ,", Span::new(1, 4)),
    ] {
        let parsed = parse(text);
        assert_eq!(parsed.options, vec![], "{text:?}");
        assert_eq!(
            found(text),
            vec![(Rule::RunOptionWebhookAbsent, span)],
            "{text:?}"
        );
    }
}

#[test]
fn options_without_webhook_get_the_absent_warning_over_the_trimmed_text() {
    let text = "  #vnc #session:10 \n";
    assert_eq!(
        found(text),
        vec![(Rule::RunOptionWebhookAbsent, at(text, "#vnc #session:10"))]
    );
    assert_eq!(parse(text).webhook, None);
}

// ---- #webhook errors ------------------------------------------------------------------

#[test]
fn webhook_without_a_value_is_an_error() {
    for (text, written) in [
        ("#webhook", "#webhook"),
        ("#webhook:", "#webhook:"),
        ("#webhook: ", "#webhook:"),
        ("#webhook:, #vnc", "#webhook:"),
        ("#vnc #webhook #timeout:5", "#webhook"),
    ] {
        assert_eq!(
            found(text),
            vec![(Rule::RunOptionWebhookMissingValue, at(text, written))],
            "{text:?}"
        );
        assert_eq!(parse(text).webhook, None);
    }
}

#[test]
fn second_webhook_is_an_error() {
    let text = "#webhook:https://a.io #webhook:https://b.io";
    assert_eq!(
        found(text),
        vec![(
            Rule::RunOptionWebhookDuplicate,
            at(text, "#webhook:https://b.io")
        )]
    );
    assert_eq!(parse(text).webhook, Some(at(text, "https://a.io")));
}

#[test]
fn the_first_webhook_with_a_value_is_the_one_to_check() {
    let text = "#webhook #webhook:https://b.io";
    assert_eq!(
        found(text),
        vec![
            (Rule::RunOptionWebhookMissingValue, Span::new(0, 8)),
            (
                Rule::RunOptionWebhookDuplicate,
                at(text, "#webhook:https://b.io")
            ),
        ]
    );
    assert_eq!(parse(text).webhook, Some(at(text, "https://b.io")));
}

#[test]
fn unclosed_json_value_is_an_error_and_runs_to_the_end_of_the_text() {
    let text = "#vnc #webhook:{\"url\": \"https://x.io\", \"h\": {\"a\": \"}\"} #timeout:5  \n";
    let value = "{\"url\": \"https://x.io\", \"h\": {\"a\": \"}\"} #timeout:5";
    let parsed = parse(text);
    assert_eq!(
        found(text),
        vec![(Rule::RunOptionUnbalancedJson, at(text, value))]
    );
    assert_eq!(parsed.webhook, Some(at(text, value)));
    assert_eq!(
        parsed.options.len(),
        2,
        "the rest of the text belongs to the value"
    );
}

#[test]
fn unclosed_json_string_leaves_the_value_unbalanced() {
    let text = "#webhook:{\"url\": \"https://x.io}";
    assert_eq!(
        found(text),
        vec![(Rule::RunOptionUnbalancedJson, Span::new(9, text.len()))]
    );
}

// ---- values of known options ----------------------------------------------------------

#[test]
fn valid_values_of_known_options_are_accepted() {
    let text =
        "#timeout:80 #session:10 #getstats-frequency:2.5 #getstats #vnc #webhook:https://x.io";
    assert_eq!(found(text), vec![]);
    assert_eq!(found("#getstats-frequency:5 #webhook:https://x.io"), vec![]);
}

#[test]
fn invalid_values_point_at_the_value() {
    for (text, part) in [
        ("#timeout:soon", "soon"),
        ("#timeout:0", "0"),
        ("#timeout:000", "000"),
        ("#timeout:1.5", "1.5"),
        ("#timeout:-5", "-5"),
        ("#session:-1", "-1"),
        ("#session:0", "0"),
        ("#getstats-frequency:0", "0"),
        ("#getstats-frequency:0.0", "0.0"),
        ("#getstats-frequency:abc", "abc"),
        ("#getstats-frequency:.", "."),
        ("#getstats-frequency:1.2.3", "1.2.3"),
    ] {
        let text = format!("{text} #webhook:https://x.io");
        assert_eq!(
            found(&text),
            vec![(Rule::RunOptionInvalidValue, value_span(&text, part))],
            "{text}"
        );
    }
}

#[test]
fn options_that_need_a_value_but_have_none_point_at_the_option() {
    for (text, written) in [
        ("#timeout", "#timeout"),
        ("#timeout:", "#timeout:"),
        ("#timeout: 5", "#timeout:"),
        ("#session", "#session"),
        ("#getstats-frequency", "#getstats-frequency"),
    ] {
        let text = format!("{text} #webhook:https://x.io");
        let diagnostics = parse(&text).diagnostics;
        assert_eq!(diagnostics[0].rule, Rule::RunOptionInvalidValue, "{text}");
        assert_eq!(diagnostics[0].span, at(&text, written), "{text}");
    }
}

#[test]
fn a_value_given_to_an_option_that_takes_none_is_flagged_with_a_fix() {
    for (text, value) in [("#vnc:1", ":1"), ("#getstats:yes", ":yes"), ("#vnc:", ":")] {
        let text = format!("{text} #webhook:https://x.io");
        let span = at(&text, value);
        let d = &parse(&text).diagnostics[0];
        assert_eq!(
            (d.rule, d.span),
            (Rule::RunOptionInvalidValue, span),
            "{text}"
        );
        assert_eq!(d.fix, Some(Fix::new("Remove the value", span, "")));
    }
}

// ---- unknown options and stray text ---------------------------------------------------

#[test]
fn unknown_options_are_info_and_not_checked() {
    let text = "#chrome-cli:--foo #probe-type:x #webhook:https://x.io";
    assert_eq!(
        found(text),
        vec![
            (Rule::RunOptionUnknown, at(text, "chrome-cli")),
            (Rule::RunOptionUnknown, at(text, "probe-type")),
        ]
    );
    let d = &parse(text).diagnostics[0];
    assert!(
        d.message.contains("not checked by hookcheck"),
        "{}",
        d.message
    );
    assert_eq!(d.fix, None);
    assert_eq!(parse(text).options.len(), 3);
}

#[test]
fn near_miss_option_names_get_did_you_mean_and_a_fix() {
    for (name, known) in [
        ("Webhook", "webhook"),
        ("WEBHOOK", "webhook"),
        ("web-hook", "webhook"),
        ("web_hook", "webhook"),
        ("webhok", "webhook"),
        ("timout", "timeout"),
        ("Timeout", "timeout"),
        ("getstat", "getstats"),
        ("getstats_frequency", "getstats-frequency"),
        ("getstatsfrequency", "getstats-frequency"),
        ("VNC", "vnc"),
        ("sesion", "session"),
    ] {
        let text = format!("#{name}:1 #webhook:https://x.io");
        let d = &parse(&text).diagnostics[0];
        let span = Span::new(1, 1 + name.len());
        assert_eq!((d.rule, d.span), (Rule::RunOptionUnknown, span), "{text}");
        assert!(
            d.message.contains(&format!("did you mean `#{known}`")),
            "{}",
            d.message
        );
        assert_eq!(
            d.fix,
            Some(Fix::new(format!("Change to #{known}"), span, known)),
            "{text}"
        );
    }
}

#[test]
fn a_near_miss_of_webhook_still_reads_its_json_value_whole() {
    let text = r#"#Webhook:{"url": "https://x.io", "a": "b c"}"#;
    assert_eq!(
        found(text),
        vec![
            (Rule::RunOptionUnknown, Span::new(1, 8)),
            (Rule::RunOptionWebhookAbsent, Span::new(0, text.len())),
        ]
    );
}

#[test]
fn text_that_is_an_option_missing_its_hash_gets_one_inserted() {
    for (text, stray) in [
        ("timeout:5 #webhook:https://x.io", "timeout:5"),
        ("#webhook:https://x.io vnc", "vnc"),
        (
            r#"webhook:{"url": "https://x.io", "a": 1} #vnc"#,
            r#"webhook:{"url": "https://x.io", "a": 1}"#,
        ),
    ] {
        let parsed = parse(text);
        let d = parsed
            .diagnostics
            .iter()
            .find(|d| d.rule == Rule::RunOptionStrayText)
            .unwrap();
        assert_eq!(d.span, at(text, stray), "{text}");
        assert_eq!(
            d.fix,
            Some(Fix::new("Insert `#`", Span::point(d.span.start), "#"))
        );
    }
}

#[test]
fn other_stray_text_is_a_warning_per_token_without_a_fix() {
    let text = "hello, world #webhook:https://x.io #";
    let parsed = parse(text);
    assert_eq!(
        found(text),
        vec![
            (Rule::RunOptionStrayText, at(text, "hello")),
            (Rule::RunOptionStrayText, at(text, "world")),
            (Rule::RunOptionStrayText, last(text, "#")),
        ]
    );
    assert!(parsed.diagnostics.iter().all(|d| d.fix.is_none()));
}

#[test]
fn text_glued_to_an_option_is_stray() {
    for (text, stray, fix) in [
        (
            "#vnc#session:1",
            "#session:1",
            Fix::new("Insert a space", Span::point(4), " "),
        ),
        (
            "#timeout=5",
            "=5",
            Fix::new("Write `:` instead of `=`", Span::new(8, 9), ":"),
        ),
    ] {
        let text = format!("{text} #webhook:https://x.io");
        // `#timeout=5` also lacks its value; the stray `=5` carries the fix for both.
        let diagnostics = parse(&text).diagnostics;
        let d = diagnostics
            .iter()
            .find(|d| d.rule == Rule::RunOptionStrayText)
            .unwrap();
        assert_eq!(d.span, at(&text, stray), "{text}");
        assert_eq!(d.fix.as_ref(), Some(&fix), "{text}");
    }
    let text = r#"#webhook:{"url": "https://x.io"}} #vnc"#;
    assert_eq!(
        found(text),
        vec![(Rule::RunOptionStrayText, Span::new(32, 33))]
    );
}

#[test]
fn a_hash_not_after_a_separator_does_not_start_an_option() {
    let text = "x#webhook:https://x.io";
    assert_eq!(
        found(text),
        vec![
            (Rule::RunOptionStrayText, Span::new(0, text.len())),
            (Rule::RunOptionWebhookAbsent, Span::new(0, text.len())),
        ]
    );
    assert_eq!(parse(text).options, vec![]);
}

// ---- fixes ----------------------------------------------------------------------------

#[test]
fn applying_each_fix_removes_its_diagnostic() {
    let texts = [
        "#vnc:1 #webhook:https://x.io",
        "#getstats: #webhook:https://x.io",
        "#Webhook:https://x.io",
        "#web-hook:https://x.io",
        "#timout:5 #webhook:https://x.io",
        "timeout:5 #webhook:https://x.io",
        r#"webhook:{"url": "https://x.io", "a": 1} #vnc"#,
        "#vnc#session:1 #webhook:https://x.io",
        "#timeout=5 #webhook:https://x.io",
    ];
    let mut applied = 0;
    for text in texts {
        for diagnostic in parse(text).diagnostics.iter() {
            let Some(fix) = &diagnostic.fix else { continue };
            let fixed = fix.apply(text).expect("fix span fits the text");
            let count = |t: &str| {
                parse(t)
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule == diagnostic.rule)
                    .count()
            };
            assert!(
                count(&fixed) < count(text),
                "fix {:?} on {text:?} gave {fixed:?}: {:#?}",
                fix.title,
                parse(&fixed).diagnostics
            );
            applied += 1;
        }
    }
    assert_eq!(applied, texts.len());
}
