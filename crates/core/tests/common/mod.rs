//! Helpers shared by the integration tests: check a text through the public entry point and
//! look at what it found by code, by span (as the text it covers) and by fix; and hold a doc's
//! generated blocks to what they are generated from.

#![allow(dead_code)]

use hookcheck_core::{
    check, render_request, LocatedDiagnostic, Outcome, Request, SampleData, Severity, WebhookConfig,
};

/// A documented https endpoint, for inputs whose URL is not the point of the test.
pub const URL: &str = "https://example.com/hook";

/// Every diagnostic of `text` (auto-detected mode), with lines and columns.
pub fn located(text: &str) -> Vec<LocatedDiagnostic> {
    check(text, None).located(text)
}

/// The codes `text` raises, in report order.
pub fn codes(text: &str) -> Vec<&'static str> {
    located(text).iter().map(|d| d.code).collect()
}

/// Whether `text` raises `code` at least once.
pub fn raises(text: &str, code: &str) -> bool {
    located(text).iter().any(|d| d.code == code)
}

/// Every diagnostic of `text` with this code.
pub fn diags(text: &str, code: &str) -> Vec<LocatedDiagnostic> {
    located(text)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// The one diagnostic of `text` with this code; panics, listing what was found, unless
/// there is exactly one.
pub fn diag(text: &str, code: &str) -> LocatedDiagnostic {
    let all = located(text);
    let mut matching: Vec<_> = all.iter().filter(|d| d.code == code).cloned().collect();
    assert_eq!(
        matching.len(),
        1,
        "{text:?}: expected exactly one `{code}`, found: {:#?}",
        all.iter()
            .map(|d| (d.code, spanned(text, d)))
            .collect::<Vec<_>>()
    );
    matching.remove(0)
}

/// The text a diagnostic's span covers.
pub fn spanned<'t>(text: &'t str, d: &LocatedDiagnostic) -> &'t str {
    text.get(d.start..d.end)
        .unwrap_or_else(|| panic!("span {}..{} does not fit {text:?}", d.start, d.end))
}

/// The text a diagnostic's fix replaces, and what it puts there.
pub fn fix_of<'t, 'd>(text: &'t str, d: &'d LocatedDiagnostic) -> (&'t str, &'d str) {
    let fix = d
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("`{}` in {text:?} has no fix", d.code));
    (fix.span.slice(text), fix.replacement.as_str())
}

/// `text` with the diagnostic's fix applied; panics when it has none or it does not fit.
pub fn apply_fix(text: &str, d: &LocatedDiagnostic) -> String {
    let fix = d
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("`{}` in {text:?} has no fix", d.code));
    fix.apply(text)
        .unwrap_or_else(|| panic!("the fix of `{}` does not fit {text:?}", d.code))
}

/// Asserts the fix of the one `code` diagnostic of `text` makes that diagnostic go away,
/// without bringing an error that was not there before.
pub fn assert_fix_clears(text: &str, code: &str) -> String {
    let fixed = apply_fix(text, &diag(text, code));
    assert!(
        !raises(&fixed, code),
        "{text:?} fixed to {fixed:?} still raises `{code}`: {:?}",
        codes(&fixed)
    );
    let errors = |t: &str| {
        located(t)
            .into_iter()
            .filter(|d| d.severity == Severity::Error && d.code != code)
            .count()
    };
    assert!(
        errors(&fixed) <= errors(text),
        "fixing `{code}` in {text:?} brought new errors: {:?}",
        codes(&fixed)
    );
    fixed
}

/// Asserts `text` raises nothing at all.
pub fn assert_clean(text: &str) {
    let found = located(text);
    assert!(
        found.is_empty(),
        "{text:?} should be clean, found: {:#?}",
        found
            .iter()
            .map(|d| (d.code, spanned(text, d)))
            .collect::<Vec<_>>()
    );
}

/// The config of a valid `text`; panics with the diagnostics when it is not valid.
pub fn config(text: &str) -> WebhookConfig {
    let report = check(text, None);
    report.config.clone().unwrap_or_else(|| {
        panic!(
            "{text:?} gives no config: {:#?}",
            report
                .located(text)
                .iter()
                .map(|d| (d.code, spanned(text, d)))
                .collect::<Vec<_>>()
        )
    })
}

/// The request testRTC sends for `text` and one outcome, with the default sample data.
pub fn request(text: &str, outcome: Outcome) -> Request {
    render_request(&config(text), &SampleData::for_outcome(outcome))
}

/// The exact body bytes for `text` on success.
pub fn body(text: &str) -> String {
    request(text, Outcome::Success).body
}

/// The request headers as (name, value) pairs.
pub fn headers(request: &Request) -> Vec<(String, String)> {
    request.header_pairs()
}

/// An advanced-form object: `{"url": "https://example.com/hook", <members>}`.
pub fn form(members: &str) -> String {
    if members.is_empty() {
        format!(r#"{{"url": "{URL}"}}"#)
    } else {
        format!(r#"{{"url": "{URL}", {members}}}"#)
    }
}

/// Holds the doc at `doc` (a path in the repository) to `blocks`: each `(marker, text)`
/// stands between `<!-- MARKER -->` (and its line break) and `<!-- /MARKER -->`. With
/// `HOOKCHECK_BLESS` set, writes them into the doc instead. A failure names `source`, what
/// the blocks are generated from, and `test`, the test target that writes them.
pub fn hold_doc_blocks(doc: &str, blocks: &[(&str, String)], source: &str, test: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(doc);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut fresh = text.clone();
    for (marker, block) in blocks {
        let start = format!("<!-- {marker} -->\n");
        let end = format!("<!-- /{marker} -->");
        let from = fresh
            .find(&start)
            .unwrap_or_else(|| panic!("{doc}: no `{start}`"))
            + start.len();
        let to = from
            + fresh[from..]
                .find(&end)
                .unwrap_or_else(|| panic!("{doc}: no `{end}`"));
        fresh.replace_range(from..to, block);
    }
    if std::env::var_os("HOOKCHECK_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    assert!(
        text == fresh,
        "{doc} differs from {source}: run `HOOKCHECK_BLESS=1 cargo test -p hookcheck-core --test {test}` and commit the doc"
    );
}
