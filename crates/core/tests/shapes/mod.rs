//! Input shapes that grow with a count `n`, for the scaling guards: each is what a person
//! (or a fuzzer looking for slowness) might paste, with `n` repeats of one thing. Shared by
//! `tests/scaling.rs` (core) and `crates/cli/tests/scaling.rs` (the binary).

#![allow(dead_code)]

/// A generator: the shape with `n` items.
pub type Make = fn(usize) -> String;

/// Every shape: its name and its generator.
pub const SHAPES: &[(&str, Make)] = &[
    ("distinct-headers", distinct_headers),
    ("repeated-headers", repeated_headers),
    ("invalid-header-names", invalid_header_names),
    ("unknown-keys", unknown_keys),
    ("duplicate-keys", duplicate_keys),
    ("template-holes", template_holes),
    ("unknown-variables", unknown_variables),
    ("repeated-unknown-variable", repeated_unknown_variable),
    ("invalid-expressions", invalid_expressions),
    ("unclosed-templates", unclosed_templates),
    ("double-commas", double_commas),
    ("trailing-commas", trailing_commas),
    ("comments", comments),
    ("single-quotes", single_quotes),
    ("backticks", backticks),
    ("unquoted-keys", unquoted_keys),
    ("placeholders", placeholders),
    ("lone-surrogates", lone_surrogates),
    ("stray-tokens", stray_tokens),
    ("unclosed-string", unclosed_string),
    ("long-line", long_line),
    ("long-url", long_url),
    ("url-whitespace", url_whitespace),
    ("deep-arrays", deep_arrays),
    ("deep-objects", deep_objects),
    ("unclosed-nesting", unclosed_nesting),
    ("many-lines", many_lines),
    ("many-lines-errors", many_lines_errors),
    ("run-options-tags", run_options_tags),
    ("run-options-distinct", run_options_distinct),
    ("run-options-webhooks", run_options_webhooks),
    ("run-options-invalid", run_options_invalid),
    ("run-options-stray", run_options_stray),
    ("run-options-unbalanced", run_options_unbalanced),
];

const URL: &str = "https://e.com/h";

fn object_with(members: impl Iterator<Item = String>) -> String {
    let mut text = format!(r#"{{"url":"{URL}""#);
    for member in members {
        text.push(',');
        text.push_str(&member);
    }
    text.push('}');
    text
}

fn headers_with(headers: impl Iterator<Item = String>) -> String {
    let list: Vec<String> = headers.collect();
    format!(r#"{{"url":"{URL}","headers":{{{}}}}}"#, list.join(","))
}

/// A webhook whose body is one string, `body`.
pub fn body_with(body: &str) -> String {
    format!(r#"{{"url":"{URL}","body":{{"text":"{body}"}}}}"#)
}

pub fn distinct_headers(n: usize) -> String {
    headers_with((0..n).map(|i| format!(r#""X-H{i}":"v""#)))
}

pub fn repeated_headers(n: usize) -> String {
    headers_with((0..n).map(|_| r#""X-A":"v""#.to_string()))
}

pub fn invalid_header_names(n: usize) -> String {
    headers_with((0..n).map(|i| format!(r#""bad name {i}":"v\n""#)))
}

pub fn unknown_keys(n: usize) -> String {
    object_with((0..n).map(|i| format!(r#""key{i}":1"#)))
}

pub fn duplicate_keys(n: usize) -> String {
    object_with((0..n).map(|_| r#""a":1"#.to_string()))
}

pub fn template_holes(n: usize) -> String {
    body_with(&"<% this.testName %> ".repeat(n))
}

pub fn unknown_variables(n: usize) -> String {
    let body: String = (0..n).map(|i| format!("<%this.v{i}%>")).collect();
    body_with(&body)
}

pub fn repeated_unknown_variable(n: usize) -> String {
    body_with(&"<%this.testname%>".repeat(n))
}

pub fn invalid_expressions(n: usize) -> String {
    body_with(&"<% 1+2 %>".repeat(n))
}

pub fn unclosed_templates(n: usize) -> String {
    body_with(&"<% a ".repeat(n))
}

/// The issue's first shape: `"a":1,,` again and again on one line.
pub fn double_commas(n: usize) -> String {
    let mut text = format!(r#"{{"url":"{URL}""#);
    for _ in 0..n {
        text.push_str(r#", "a":1,"#);
    }
    text.push('}');
    text
}

pub fn trailing_commas(n: usize) -> String {
    object_with((0..n).map(|i| format!(r#""k{i}":[1,]"#)))
}

pub fn comments(n: usize) -> String {
    object_with((0..n).map(|i| format!(r#"/* c */ "k{i}":1"#)))
}

pub fn single_quotes(n: usize) -> String {
    object_with((0..n).map(|i| format!("'k{i}':'v'")))
}

pub fn backticks(n: usize) -> String {
    object_with((0..n).map(|i| format!("\"k{i}\":`v`")))
}

pub fn unquoted_keys(n: usize) -> String {
    object_with((0..n).map(|i| format!("k{i}:1")))
}

pub fn placeholders(n: usize) -> String {
    object_with((0..n).map(|_| "...".to_string()))
}

pub fn lone_surrogates(n: usize) -> String {
    body_with(&"\\ud800".repeat(n))
}

pub fn stray_tokens(n: usize) -> String {
    object_with((0..n).map(|_| "@ # !".to_string()))
}

pub fn unclosed_string(n: usize) -> String {
    format!(r#"{{"url":"{URL}","body":"{}"#, "a \\\" ".repeat(n))
}

pub fn long_line(n: usize) -> String {
    body_with(&"abcdefghij".repeat(n))
}

pub fn long_url(n: usize) -> String {
    format!("{URL}?{}", "a=b&".repeat(n))
}

pub fn url_whitespace(n: usize) -> String {
    format!("{URL}/{}", "a b ".repeat(n))
}

pub fn deep_arrays(n: usize) -> String {
    format!(
        r#"{{"url":"{URL}","body":{}{}}}"#,
        "[".repeat(n),
        "]".repeat(n)
    )
}

pub fn deep_objects(n: usize) -> String {
    format!(
        r#"{{"url":"{URL}","body":{}1{}}}"#,
        r#"{"a":"#.repeat(n),
        "}".repeat(n)
    )
}

pub fn unclosed_nesting(n: usize) -> String {
    format!(r#"{{"url":"{URL}","body":{}"#, "[{\"a\":".repeat(n))
}

pub fn many_lines(n: usize) -> String {
    let mut text = format!("{{\n  \"url\": \"{URL}\",\n  \"body\": {{\n");
    for i in 0..n {
        text.push_str(&format!("    \"k{i}\": \"<% this.testName %>\",\n"));
    }
    text.push_str("    \"end\": true\n  }\n}\n");
    text
}

pub fn many_lines_errors(n: usize) -> String {
    let mut text = format!("{{\n  \"url\": \"{URL}\",\n");
    for i in 0..n {
        text.push_str(&format!("  k{i}: 'v', // note\n"));
    }
    text.push_str("}\n");
    text
}

/// The issue's run-options shape: one webhook, then the same tag again and again.
pub fn run_options_tags(n: usize) -> String {
    format!("#webhook:{URL} {}", "#x ".repeat(n))
}

pub fn run_options_distinct(n: usize) -> String {
    let tags: String = (0..n).map(|i| format!("#opt{i} ")).collect();
    format!("#webhook:{URL} {tags}")
}

pub fn run_options_webhooks(n: usize) -> String {
    format!("#webhook:{URL} ").repeat(n)
}

pub fn run_options_invalid(n: usize) -> String {
    format!("#webhook:{URL} {}", "#timeout:soon ".repeat(n))
}

pub fn run_options_stray(n: usize) -> String {
    format!("#webhook:{URL} {}", "stray words ".repeat(n))
}

pub fn run_options_unbalanced(n: usize) -> String {
    format!("#webhook:{{\"url\":\"{URL}\" {}", "{#x ".repeat(n))
}
