//! `JSON.stringify`-exact output: the bytes testRTC sends are the bytes JavaScript's
//! `JSON.stringify` writes, so strings, numbers and layout here follow ECMAScript to the
//! letter (SPEC §3 step 5).

use super::Json;

/// Compact text exactly as JavaScript's `JSON.stringify(value)` writes it: no white space,
/// object members in the order of the [`Json::Object`] list.
pub fn compact(value: &Json) -> String {
    // Sized up front: one allocation rather than a string regrown (and copied) as it fills.
    let mut out = String::with_capacity(compact_len_estimate(value));
    write_compact(&mut out, value);
    out
}

/// About the length of `value`'s compact text: exact for strings without escapes,
/// generous for numbers.
fn compact_len_estimate(value: &Json) -> usize {
    match value {
        Json::Null | Json::Bool(_) => 5,
        Json::Number(_) => 24,
        Json::String(s) => s.len() + 2,
        Json::Array(items) => {
            items
                .iter()
                .map(|v| compact_len_estimate(v) + 1)
                .sum::<usize>()
                + 2
        }
        Json::Object(members) => {
            members
                .iter()
                .map(|(k, v)| k.len() + 4 + compact_len_estimate(v))
                .sum::<usize>()
                + 2
        }
    }
}

/// Indented text exactly as `JSON.stringify(value, null, 2)` writes it.
pub fn pretty(value: &Json) -> String {
    let mut out = String::new();
    write_pretty(&mut out, value, 0);
    out
}

/// Appends `s` as a quoted JSON string, escaped as `JSON.stringify` escapes it: `"` and `\`,
/// `\b \f \n \r \t` by name, other control characters as lowercase `\u00xx`, and everything
/// else (non-ASCII, U+2028, U+2029, DEL) raw.
pub fn write_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    write_escaped(out, s);
    out.push('"');
}

/// [`write_string`] without the quotes.
pub(crate) fn write_escaped(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    loop {
        // Skip to the next byte that needs an escape.
        i += plain_run(&bytes[i..]);
        let Some(&byte) = bytes.get(i) else {
            break;
        };
        let named = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => "",
        };
        // Every byte matched above is ASCII, so `i` is a character boundary.
        out.push_str(&s[run_start..i]);
        if named.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 0xf)] as char);
        } else {
            out.push_str(named);
        }
        i += 1;
        run_start = i;
    }
    out.push_str(&s[run_start..]);
}

/// The length of the run at the start of `bytes` without `"`, `\\` or a control
/// character (what [`write_string`] escapes, and what ends the lexer's plain strings).
pub(crate) fn plain_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len())
}

/// `s` as a quoted JSON string (see [`write_string`]).
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_string(&mut out, s);
    out
}

/// Appends `n` as ECMAScript's `Number::toString(10)` writes it, or `null` for NaN and the
/// infinities (as `JSON.stringify` does).
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n == 0.0 {
        // Both +0 and -0 print as "0".
        out.push('0');
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    // The shortest digits that round-trip, as ECMAScript requires (and as Rust's `{:e}`
    // gives them, without its formatting machinery in the wasm build); only the layout
    // differs. Whole numbers below 2^53 (so below 10^21) print as their own digits, the
    // layout padding the trailing zeros.
    super::number::with_shortest_digits(n.abs(), |digits, exponent| {
        write_layout(out, digits, exponent)
    });
}

/// ECMAScript's layout of a number's shortest `digits`, the first at 10^`exponent`.
fn write_layout(out: &mut String, digits: &str, exponent: i32) {
    // The value is 0.<digits> × 10^point, in ECMAScript's terms (k digits, n = point).
    let k = digits.len() as i32;
    let point = exponent + 1;
    if k <= point && point <= 21 {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - k) as usize));
    } else if 0 < point && point <= 21 {
        let (int, frac) = digits.split_at(point as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < point && point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = point - 1;
        out.push('e');
        out.push(if e >= 0 { '+' } else { '-' });
        out.push_str(&e.unsigned_abs().to_string());
    }
}

pub(crate) fn write_compact(out: &mut String, value: &Json) {
    // Punctuation goes in with the pieces around it (`{"`, `":`, `,"`): fewer calls.
    match value {
        Json::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i > 0 { "," } else { "[" });
                write_compact(out, item);
            }
            out.push(']');
        }
        Json::Object(members) if !members.is_empty() => {
            for (i, (key, item)) in members.iter().enumerate() {
                out.push_str(if i > 0 { ",\"" } else { "{\"" });
                write_escaped(out, key);
                out.push_str("\":");
                write_compact(out, item);
            }
            out.push('}');
        }
        Json::Array(_) => out.push_str("[]"),
        Json::Object(_) => out.push_str("{}"),
        scalar => write_scalar(out, scalar),
    }
}

fn write_pretty(out: &mut String, value: &Json, indent: usize) {
    match value {
        Json::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                push_indent(out, indent + 2);
                write_pretty(out, item, indent + 2);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push(']');
        }
        Json::Object(members) if !members.is_empty() => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                push_indent(out, indent + 2);
                write_string(out, key);
                out.push_str(": ");
                write_pretty(out, item, indent + 2);
            }
            out.push('\n');
            push_indent(out, indent);
            out.push('}');
        }
        other => write_compact(out, other),
    }
}

fn write_scalar(out: &mut String, value: &Json) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(n) => write_number(out, *n),
        Json::String(s) => write_string(out, s),
        Json::Array(_) | Json::Object(_) => write_compact(out, value),
    }
}

fn push_indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}
