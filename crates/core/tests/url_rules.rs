//! The URL rules of SPEC §2.1, one behaviour per test.

use hookcheck_core::syntax::url::{check_url, HostKind, UrlCheck, UrlParts, UrlPieces};
use hookcheck_core::{Fix, Rule, Span};

/// Every diagnostic as (rule, span).
fn found(url: &str) -> Vec<(Rule, Span)> {
    check_url(url)
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.span))
        .collect()
}

/// The span of the first occurrence of `part` in `url`.
fn at(url: &str, part: &str) -> Span {
    let start = url
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} not in {url:?}"));
    Span::new(start, start + part.len())
}

fn only(url: &str, rule: Rule) -> hookcheck_core::Diagnostic {
    let check = check_url(url);
    assert_eq!(
        check.diagnostics.len(),
        1,
        "{url:?}: expected one diagnostic, got {:#?}",
        check.diagnostics
    );
    let diagnostic = check.diagnostics[0].clone();
    assert_eq!(diagnostic.rule, rule, "{url:?}");
    diagnostic
}

fn parts(url: &str) -> UrlParts {
    let check: UrlCheck = check_url(url);
    check
        .parts
        .unwrap_or_else(|| panic!("{url:?} is unusable: {:#?}", check.diagnostics))
}

// ---- valid URLs -------------------------------------------------------------------------

#[test]
fn documented_https_examples_are_clean() {
    for url in [
        "https://webhook.site/80e9df96-8f69-4297-927a-00a28d723191",
        "https://dummy.url",
        "https://example.com/hook?x=1#frag",
        "https://bücher.example/hook",
        "https://例え.jp/",
        "https://[2001:db8::1]:8443/x",
        "https://8.8.8.8/",
        "https://exa_mple.com/",
    ] {
        assert_eq!(found(url), vec![], "{url}");
        assert!(check_url(url).parts.is_some(), "{url}");
    }
}

#[test]
fn parts_hold_lowercased_scheme_and_host_and_the_query_span() {
    let url = "HTTPS://Example.COM:8443/Path?A=1#F";
    assert_eq!(
        parts(url),
        UrlParts {
            scheme: "https",
            host: "example.com".into(),
            host_kind: HostKind::Public,
            port: Some(8443),
            has_credentials: false,
            query: Some(at(url, "?A=1")),
            pieces: UrlPieces::of(url).unwrap(),
        }
    );
}

#[test]
fn ipv6_host_is_stored_without_brackets() {
    let p = parts("https://[2001:DB8::1]/");
    assert_eq!(p.host, "2001:db8::1");
    assert_eq!(p.host_kind, HostKind::PublicIp);
    assert_eq!(p.origin(), "https://[2001:db8::1]");
}

#[test]
fn default_port_is_dropped_like_browsers_do_and_others_kept() {
    assert_eq!(parts("https://example.com:443/").port, None);
    assert_eq!(parts("https://example.com:/").port, None);
    assert_eq!(
        parts("https://example.com:8080/").origin(),
        "https://example.com:8080"
    );
    assert_eq!(parts("https://example.com:0443/").port, None);
}

#[test]
fn warnings_keep_the_url_usable_and_errors_do_not() {
    assert!(check_url("http://localhost/x").parts.is_some());
    assert!(check_url("https://exa mple.com").parts.is_none());
    assert!(check_url("ftp://example.com").parts.is_none());
    assert!(check_url("htps://example.com").parts.is_none());
}

// ---- UrlInvalid ---------------------------------------------------------------------------

#[test]
fn empty_url_is_invalid() {
    assert_eq!(found(""), vec![(Rule::UrlInvalid, Span::point(0))]);
}

#[test]
fn url_without_scheme_gets_https_prefix() {
    for url in [
        "example.com/hook",
        "localhost:3000/hook",
        "example.com:8443",
        "webhook.site",
    ] {
        let d = only(url, Rule::UrlInvalid);
        assert_eq!(d.span, Span::new(0, url.len()), "{url}");
        assert_eq!(d.help.as_deref(), Some("Add https:// in front."));
        assert_eq!(
            d.fix,
            Some(Fix::new("Add https://", Span::point(0), "https://"))
        );
    }
}

#[test]
fn protocol_relative_url_gets_https_colon() {
    let d = only("//example.com/hook", Rule::UrlInvalid);
    assert_eq!(d.span, Span::new(0, 2));
    assert_eq!(
        d.fix,
        Some(Fix::new("Add https:", Span::point(0), "https:"))
    );
}

#[test]
fn path_alone_is_not_an_absolute_url_and_has_no_fix() {
    let d = only("/hook", Rule::UrlInvalid);
    assert_eq!(d.span, Span::new(0, 5));
    assert_eq!(d.fix, None);
}

#[test]
fn missing_colon_after_scheme_is_inserted() {
    let d = only("https//example.com", Rule::UrlInvalid);
    assert_eq!(d.span, Span::new(0, 5));
    assert_eq!(
        d.fix,
        Some(Fix::new("Insert the missing `:`", Span::point(5), ":"))
    );
}

#[test]
fn wrong_slashes_after_the_scheme_are_rewritten_to_two() {
    for (url, run) in [
        ("https:/example.com", "/"),
        ("https:example.com", ""),
        ("https:///example.com", "///"),
        ("https:\\\\example.com", "\\\\"),
        ("https:://example.com", "://"),
    ] {
        let d = only(url, Rule::UrlInvalid);
        let run = Span::new(6, 6 + run.len());
        assert_eq!(d.span, Span::new(0, run.end), "{url}");
        assert_eq!(
            d.fix.as_ref().map(|f| (f.span, f.replacement.as_str())),
            Some((run, "//")),
            "{url}"
        );
    }
}

#[test]
fn empty_host_is_invalid() {
    assert_eq!(found("https://"), vec![(Rule::UrlInvalid, Span::new(0, 8))]);
    assert_eq!(
        found("https://:8080/x"),
        vec![(Rule::UrlInvalid, Span::new(0, 8))]
    );
    assert_eq!(
        found("https://?x"),
        vec![(Rule::UrlInvalid, Span::new(0, 8))]
    );
}

#[test]
fn bad_port_points_at_the_port() {
    for (url, port) in [
        ("https://example.com:abc/", "abc"),
        ("https://example.com:80a", "80a"),
        ("https://example.com:70000/", "70000"),
        ("https://example.com:65536", "65536"),
        (
            "https://example.com:99999999999999999999999/",
            "99999999999999999999999",
        ),
        ("https://example.com:80:90/", "80:90"),
    ] {
        assert_eq!(found(url), vec![(Rule::UrlInvalid, at(url, port))], "{url}");
    }
    assert_eq!(parts("https://example.com:65535/").port, Some(65535));
}

#[test]
fn bad_port_messages_say_which_problem() {
    assert!(only("https://x.com:abc", Rule::UrlInvalid)
        .message
        .contains("not a number"));
    assert!(only("https://x.com:70000", Rule::UrlInvalid)
        .message
        .contains("out of range"));
}

#[test]
fn invalid_ipv6_literals_are_errors() {
    for (url, part) in [
        ("https://[::1/hook", "[::1"),
        ("https://[1::2::3]/", "[1::2::3]"),
        ("https://[12345::]/", "[12345::]"),
        ("https://[fe80::1%25eth0]/", "[fe80::1%25eth0]"),
        ("https://[::1]x/", "x"),
        ("https://[example.com]/", "[example.com]"),
    ] {
        assert_eq!(found(url), vec![(Rule::UrlInvalid, at(url, part))], "{url}");
    }
}

#[test]
fn unbracketed_ipv6_gets_brackets() {
    let url = "https://2001:db8::1/hook";
    let d = only(url, Rule::UrlInvalid);
    let host = at(url, "2001:db8::1");
    assert_eq!(d.span, host);
    assert_eq!(
        d.fix,
        Some(Fix::new(
            "Put the address in brackets",
            host,
            "[2001:db8::1]"
        ))
    );
}

#[test]
fn invalid_host_characters_point_at_the_character() {
    for (url, bad) in [
        ("https://exa<mple.com/", "<"),
        ("https://a^b.com", "^"),
        ("https://a|b.com", "|"),
        ("https://ex%zzample.com", "%zz"),
        ("https://example.com%", "%"),
        ("https://exa\"mple.com", "\""),
        ("https://a[b.com", "["),
    ] {
        assert_eq!(found(url), vec![(Rule::UrlInvalid, at(url, bad))], "{url}");
    }
}

#[test]
fn percent_escapes_that_decode_to_a_bad_host_are_invalid() {
    let url = "https://ex%2Fample.com/";
    assert_eq!(
        found(url),
        vec![(Rule::UrlInvalid, at(url, "ex%2Fample.com"))]
    );
    let url = "https://%ff.com/";
    assert_eq!(found(url), vec![(Rule::UrlInvalid, at(url, "%ff.com"))]);
}

#[test]
fn host_ending_in_a_number_must_be_a_valid_ipv4_address() {
    for (url, host) in [
        ("https://1.2.3.256/", "1.2.3.256"),
        ("https://1.2.3.4.5/", "1.2.3.4.5"),
        ("https://4294967296/", "4294967296"),
        ("https://example.123/", "example.123"),
    ] {
        assert_eq!(found(url), vec![(Rule::UrlInvalid, at(url, host))], "{url}");
    }
}

#[test]
fn control_characters_after_the_host_are_invalid() {
    let url = "https://example.com/a\u{0}b";
    assert_eq!(found(url), vec![(Rule::UrlInvalid, Span::new(21, 22))]);
}

// ---- UrlWhitespace ----------------------------------------------------------------------

#[test]
fn spaces_in_the_path_or_query_are_encoded_as_percent_20() {
    for (url, run, replacement) in [
        ("https://example.com/my hook", " ", "%20"),
        ("https://example.com/a?q=x  y", "  ", "%20%20"),
        ("https://example.com/a#x y", " ", "%20"),
    ] {
        let d = only(url, Rule::UrlWhitespace);
        assert_eq!(d.span, at(url, run), "{url}");
        assert_eq!(
            d.fix.map(|f| (f.span, f.replacement)),
            Some((at(url, run), replacement.to_owned()))
        );
    }
}

#[test]
fn spaces_in_the_scheme_or_host_are_removed_and_nothing_else_is_reported() {
    for url in [
        "https://exa mple.com/x",
        "ht tps://example.com",
        "https://example.com /x",
    ] {
        let d = only(url, Rule::UrlWhitespace);
        assert_eq!(d.span, at(url, " "), "{url}");
        assert_eq!(
            d.fix.map(|f| (f.span, f.replacement)),
            Some((at(url, " "), String::new()))
        );
    }
}

#[test]
fn other_white_space_is_reported_without_a_fix() {
    for (url, run) in [
        ("https://example.com/a\tb", "\t"),
        ("https://example.com/a\nhttps://b.com", "\n"),
        ("https://example.com/a\u{a0}b", "\u{a0}"),
        ("https://example.com/a \t b", " \t "),
    ] {
        let d = only(url, Rule::UrlWhitespace);
        assert_eq!(d.span, at(url, run), "{url:?}");
        assert_eq!(d.fix, None, "{url:?}");
    }
}

#[test]
fn every_white_space_run_is_reported() {
    let url = "https://example.com/a b c";
    assert_eq!(
        found(url),
        vec![
            (Rule::UrlWhitespace, Span::new(21, 22)),
            (Rule::UrlWhitespace, Span::new(23, 24)),
        ]
    );
}

// ---- UrlScheme ----------------------------------------------------------------------------

#[test]
fn schemes_other_than_http_are_errors_without_a_fix() {
    for (url, scheme) in [
        ("javascript:alert(1)", "javascript"),
        ("ftp://example.com/x", "ftp"),
        ("FTP://example.com/x", "FTP"),
        ("file:///etc/passwd", "file"),
        ("data:text/plain,hi", "data"),
        ("mailto:someone@example.com", "mailto"),
        ("wss://example.com/socket", "wss"),
        ("gopher://example.com", "gopher"),
    ] {
        let d = only(url, Rule::UrlScheme);
        assert_eq!(d.span, Span::new(0, scheme.len()), "{url}");
        assert!(d.message.contains(&format!("`{scheme}:`")), "{}", d.message);
        assert_eq!(d.fix, None, "{url}");
    }
}

#[test]
fn scheme_typos_get_a_fix_to_https() {
    for (url, scheme) in [
        ("htps://example.com", "htps"),
        ("htp://example.com", "htp"),
        ("htttps://example.com", "htttps"),
        ("hhtps://example.com", "hhtps"),
        ("Htps://example.com", "Htps"),
        ("htpts://example.com", "htpts"),
        ("ttps://example.com", "ttps"),
    ] {
        let d = only(url, Rule::UrlScheme);
        let span = Span::new(0, scheme.len());
        assert_eq!(d.span, span, "{url}");
        assert_eq!(
            d.fix,
            Some(Fix::new("Change the scheme to https", span, "https")),
            "{url}"
        );
    }
}

#[test]
fn a_scheme_typo_still_gets_its_host_checked() {
    let url = "htps://localhost/x";
    assert_eq!(
        found(url),
        vec![
            (Rule::UrlScheme, Span::new(0, 4)),
            (Rule::UrlUnreachableHost, at(url, "localhost")),
        ]
    );
}

// ---- UrlInsecureHttp ----------------------------------------------------------------------

#[test]
fn plain_http_is_a_warning_with_a_fix_to_https() {
    for url in [
        "http://mockbin.org/bin/5b76146c-37da-40ef-bf01-89043b0d6a75",
        "HTTP://example.com",
    ] {
        let d = only(url, Rule::UrlInsecureHttp);
        assert_eq!(d.span, Span::new(0, 4));
        assert_eq!(
            d.fix,
            Some(Fix::new(
                "Change the scheme to https",
                Span::new(0, 4),
                "https"
            ))
        );
        assert!(d.message.contains("TLS 1.2"));
        assert_eq!(parts(url).scheme, "http");
    }
}

// ---- UrlUnreachableHost -------------------------------------------------------------------

#[test]
fn private_ipv4_is_unreachable_from_testrtc() {
    for host in ["10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.20"] {
        let url = format!("https://{host}/hook");
        let d = only(&url, Rule::UrlUnreachableHost);
        assert_eq!(d.span, at(&url, host));
        assert!(d.message.contains("RFC 1918"), "{}", d.message);
        assert!(d.message.contains("testRTC's cloud cannot reach it"));
        assert_eq!(parts(&url).host_kind, HostKind::Private);
    }
}

#[test]
fn unreachable_hosts_name_their_kind() {
    for (host, kind) in [
        ("localhost", HostKind::Localhost),
        ("LOCALHOST", HostKind::Localhost),
        ("localhost.", HostKind::Localhost),
        ("app.localhost", HostKind::Localhost),
        ("%6cocalhost", HostKind::Localhost),
        ("127.0.0.1", HostKind::Loopback),
        ("127.1.2.3", HostKind::Loopback),
        ("127.1", HostKind::Loopback),
        ("2130706433", HostKind::Loopback),
        ("0x7f.1", HostKind::Loopback),
        ("0x7F000001", HostKind::Loopback),
        ("0177.0.0.1", HostKind::Loopback),
        ("１２７．０．０．１", HostKind::Loopback),
        ("ＬＯＣＡＬＨＯＳＴ", HostKind::Localhost),
        ("LOCALHOST\u{3002}", HostKind::Localhost),
        ("Drucker\u{3002}LOCAL", HostKind::LocalDomain),
        ("[::1]", HostKind::Loopback),
        ("[0:0:0:0:0:0:0:1]", HostKind::Loopback),
        ("[::ffff:127.0.0.1]", HostKind::Loopback),
        ("[::ffff:7f00:1]", HostKind::Loopback),
        ("[::ffff:192.168.0.1]", HostKind::Private),
        ("[fc00::1]", HostKind::Private),
        ("[fd12:3456::1]", HostKind::Private),
        ("169.254.169.254", HostKind::LinkLocal),
        ("[fe80::1]", HostKind::LinkLocal),
        ("[FEBF::1]", HostKind::LinkLocal),
        ("printer.local", HostKind::LocalDomain),
        ("printer.local.", HostKind::LocalDomain),
        ("0.0.0.0", HostKind::Unspecified),
        ("0", HostKind::Unspecified),
        ("[::]", HostKind::Unspecified),
    ] {
        let url = format!("https://{host}:8443/hook");
        let d = only(&url, Rule::UrlUnreachableHost);
        assert_eq!(d.span, at(&url, host), "{url}");
        assert!(
            d.help.as_deref().unwrap_or("").contains("webhook.site"),
            "{url}"
        );
        assert_eq!(parts(&url).host_kind, kind, "{url}");
    }
}

#[test]
fn unreachable_message_says_which_kind_and_the_real_address() {
    let message = |url: &str| only(url, Rule::UrlUnreachableHost).message;
    assert!(message("https://localhost/").contains("localhost"));
    assert!(message("https://127.0.0.1/").contains("loopback"));
    assert!(message("https://2130706433/").contains("(127.0.0.1)"));
    assert!(message("https://[::ffff:7f00:1]/").contains("IPv4-mapped 127.0.0.1"));
    assert!(message("https://[fd00::1]/").contains("unique local"));
    assert!(message("https://169.254.0.1/").contains("link-local"));
    assert!(message("https://nas.local/").contains(".local"));
    assert!(message("https://0.0.0.0/").contains("unspecified"));
}

#[test]
fn public_hosts_near_private_ranges_are_not_flagged() {
    for (host, kind) in [
        ("172.32.0.1", HostKind::PublicIp),
        ("172.15.0.1", HostKind::PublicIp),
        ("11.0.0.1", HostKind::PublicIp),
        ("192.169.0.1", HostKind::PublicIp),
        ("[2001:db8::1]", HostKind::PublicIp),
        ("[::ffff:8.8.8.8]", HostKind::PublicIp),
        ("localhost.example.com", HostKind::Public),
        ("example.local.com", HostKind::Public),
        ("mylocalhost", HostKind::Public),
    ] {
        let url = format!("https://{host}/");
        assert_eq!(found(&url), vec![], "{url}");
        assert_eq!(parts(&url).host_kind, kind, "{url}");
    }
}

#[test]
fn this_machine_means_localhost_or_loopback() {
    assert!(parts("http://localhost:8080/").is_this_machine());
    assert!(parts("http://127.0.0.1:8080/").is_this_machine());
    assert!(!parts("http://10.0.0.1/").is_this_machine());
}

// ---- UrlCredentials -----------------------------------------------------------------------

#[test]
fn credentials_in_the_url_are_a_warning_with_a_fix_to_remove_them() {
    for (url, userinfo) in [
        ("https://user:secret@example.com/hook", "user:secret@"),
        ("https://user@example.com", "user@"),
        ("https://a@b@example.com/", "a@b@"),
        ("https://user:p%40ss@example.com:8443/", "user:p%40ss@"),
    ] {
        let d = only(url, Rule::UrlCredentials);
        let span = at(url, userinfo);
        assert_eq!(d.span, span, "{url}");
        assert_eq!(
            d.fix,
            Some(Fix::new("Remove the credentials from the URL", span, ""))
        );
        assert!(d.help.as_deref().unwrap_or("").contains("Authorization"));
        assert!(
            !d.message.contains("secret"),
            "the message must not echo the password"
        );
        let p = parts(url);
        assert!(p.has_credentials);
        assert_eq!(p.host, "example.com");
    }
}

#[test]
fn an_empty_user_before_at_is_flagged_but_holds_no_credentials() {
    let url = "https://@example.com/";
    assert_eq!(only(url, Rule::UrlCredentials).span, Span::new(8, 9));
    assert!(!parts(url).has_credentials);
}

#[test]
fn at_sign_in_the_path_is_not_a_credential() {
    assert_eq!(found("https://example.com/@user"), vec![]);
}

// ---- UrlMockbinSampleQuery ----------------------------------------------------------------

#[test]
fn mockbin_sample_query_is_flagged_with_a_fix_removing_it() {
    for url in [
        "https://mockbin.org/bin/5b76146c?foo=bar&foo=baz",
        "https://mockbin.org/bin/5b76146c?foo=bar&foo=baz#top",
    ] {
        let d = only(url, Rule::UrlMockbinSampleQuery);
        let query = at(url, "?foo=bar&foo=baz");
        assert_eq!(d.span, query);
        assert_eq!(d.fix, Some(Fix::new("Remove the sample query", query, "")));
    }
}

#[test]
fn other_queries_are_not_the_mockbin_sample() {
    for url in [
        "https://example.com/?foo=bar",
        "https://example.com/?foo=bar&foo=baz&x=1",
        "https://example.com/?FOO=bar&foo=baz",
        "https://example.com/#?foo=bar&foo=baz",
    ] {
        assert_eq!(found(url), vec![], "{url}");
    }
}

// ---- several findings, and fixes ----------------------------------------------------------

#[test]
fn independent_warnings_are_all_reported_in_text_order() {
    let url = "http://user:pw@localhost:3000/bin?foo=bar&foo=baz";
    assert_eq!(
        found(url),
        vec![
            (Rule::UrlInsecureHttp, Span::new(0, 4)),
            (Rule::UrlCredentials, at(url, "user:pw@")),
            (Rule::UrlUnreachableHost, at(url, "localhost")),
            (Rule::UrlMockbinSampleQuery, at(url, "?foo=bar&foo=baz")),
        ]
    );
}

#[test]
fn applying_each_fix_removes_its_diagnostic() {
    let urls = [
        "example.com/hook",
        "localhost:3000/hook",
        "//example.com/hook",
        "https//example.com",
        "http//example.com",
        "https:/example.com",
        "https:example.com",
        "https:///example.com",
        "https:\\\\example.com",
        "https:://example.com",
        "https://2001:db8::1/hook",
        "https://example.com/my hook",
        "https://exa mple.com/",
        "htps://example.com",
        "htp://example.com",
        "http://example.com",
        "https://user:secret@example.com/hook",
        "https://@example.com/",
        "https://mockbin.org/bin/x?foo=bar&foo=baz#top",
        "http://user:pw@localhost:3000/bin?foo=bar&foo=baz",
    ];
    let mut applied = 0;
    for url in urls {
        for diagnostic in check_url(url).diagnostics.iter() {
            let Some(fix) = &diagnostic.fix else { continue };
            let fixed = fix.apply(url).expect("fix span fits the url");
            let count = |text: &str| {
                check_url(text)
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule == diagnostic.rule)
                    .count()
            };
            assert!(
                count(&fixed) < count(url),
                "fix {:?} of {:?} on {url:?} gave {fixed:?}: {:#?}",
                fix.title,
                diagnostic.rule,
                check_url(&fixed).diagnostics
            );
            applied += 1;
        }
    }
    assert!(applied >= urls.len());
}

#[test]
fn a_non_ascii_host_is_named_as_written_and_still_classified_case_insensitively() {
    let url = "https://BÜCHER.Local/hook";
    let d = only(url, Rule::UrlUnreachableHost);
    assert!(d.message.contains("`BÜCHER.Local`"), "{}", d.message);
    assert_eq!(parts(url).host, "BÜCHER.Local");
    assert_eq!(parts(url).host_kind, HostKind::LocalDomain);
    // An ASCII host is named lower-cased, as browsers show it.
    assert_eq!(
        parts("https://Hooks.Example.COM/x").host,
        "hooks.example.com"
    );
}

#[test]
fn the_host_is_named_lower_cased_decoded_and_without_brackets() {
    assert_eq!(
        parts("https://hooks.example.com/x").host,
        "hooks.example.com"
    );
    assert_eq!(parts("https://[::1]:8080/x").host, "::1");
    assert_eq!(
        parts("https://Hooks.example.com/x").host,
        "hooks.example.com"
    );
    assert_eq!(
        parts("https://hooks%2eexample.com/x").host,
        "hooks.example.com"
    );
}
