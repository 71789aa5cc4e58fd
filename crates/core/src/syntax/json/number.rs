//! Decimal text ↔ IEEE double, exactly as `str::parse::<f64>` and ECMAScript's
//! `Number::toString` do it, without the standard library's float machinery.
//!
//! Why: in the wasm build, `f64::from_str` (with its table of powers of five) and `{:e}`
//! formatting (Grisu with its Dragon fallback) are a large share of the download, larger
//! than all of core's messages. Webhook
//! numbers are nearly always short, so the common cases take a fast path (Clinger's for
//! parsing, plain integers for printing), and the rest is done exactly with a small
//! big-integer: correct rounding, half to even, when parsing; the shortest digits that
//! read back to the same double, the closest such when several do, when printing.
//! Native property tests hold both to the standard library's results bit for bit.

use std::cmp::Ordering;

/// Parses `text` as `str::parse::<f64>` does: an optional sign, then `inf`, `infinity`
/// or `nan` (any case), or digits with an optional `.` and fraction and an optional
/// exponent. `None` where the standard library would return an error.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if let Some(value) = fast_path(rest) {
        value
    } else if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        Decimal::read(rest)?.to_f64()
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `digits [. digits]` of at most 15 digits in all, without an exponent: the digits as an
/// integer are exact in a double, and so is the power of ten, so one division gives the
/// correctly rounded value (Clinger's fast path) without building a [`Decimal`].
fn fast_path(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut int_digits = 0;
    let mut i = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        mantissa = mantissa * 10 + u64::from(bytes[i] - b'0');
        int_digits += 1;
        i += 1;
    }
    if int_digits == 0 {
        return None;
    }
    let mut fraction_digits = 0;
    if i < bytes.len() {
        if bytes[i] != b'.' {
            return None;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            mantissa = mantissa * 10 + u64::from(bytes[i] - b'0');
            fraction_digits += 1;
            i += 1;
        }
        if fraction_digits == 0 || i < bytes.len() {
            return None;
        }
    }
    if int_digits + fraction_digits > 15 {
        return None;
    }
    Some(mantissa as f64 / POW10[fraction_digits])
}

/// The shortest decimal digits that read back as `v` (finite and > 0), and the decimal
/// exponent of the first digit: `v ≈ d.ddd × 10^exponent`. Where several digit strings
/// of that length read back as `v`, the closest to `v` (a tie rounds up, as Rust's `{:e}`).
pub fn shortest_digits(v: f64) -> (String, i32) {
    with_shortest_digits(v, |digits, exponent| (digits.to_string(), exponent))
}

/// The digits of `n` (not 0) without trailing zeros, as ASCII in `buffer`.
fn digits_of(mut n: u64, buffer: &mut [u8; 20]) -> &str {
    let mut at = buffer.len();
    while n > 0 {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let digits = &buffer[at..];
    let keep = digits.len() - digits.iter().rev().take_while(|&&b| b == b'0').count();
    // ASCII digits only.
    std::str::from_utf8(&digits[..keep]).unwrap_or_default()
}

/// The common case, without big integers: `v` is the double nearest to a decimal of at most
/// 15 significant digits. At each length, the candidates nearest `v` are checked by reading
/// them back exactly (Clinger's fast path). Decimals of at most 15 digits lie further apart
/// than any double's rounding interval, so the first that reads back is the only one of its
/// length: the shortest and the closest. Gives the digits as an integer (trailing zeros
/// included) and the decimal exponent of its first digit; `None` when the digits need more
/// than 15.
fn short_decimal(v: f64) -> Option<(u64, i32)> {
    let (f, e) = decompose(v);
    let bits = 64 - f.leading_zeros() as i32;
    // ⌊log10 v⌋, or one less: a wrong guess only shifts which lengths are tried.
    let exponent = ((bits - 1 + e) as f64 * 0.301_029_995_663_981_1).floor() as i32;
    for length in 1..=15 {
        let scale = length - 1 - exponent;
        if scale.unsigned_abs() > 22 {
            return None;
        }
        let power = POW10[scale.unsigned_abs() as usize];
        let scaled = if scale >= 0 { v * power } else { v / power };
        let nearest = scaled.round() as u64;
        for n in [nearest, nearest.saturating_sub(1), nearest + 1] {
            if n == 0 || n >= 1_000_000_000_000_000 {
                continue;
            }
            let back = if scale >= 0 {
                n as f64 / power
            } else {
                n as f64 * power
            };
            if back == v {
                let length = n.ilog10() as i32 + 1;
                return Some((n, length - 1 - scale));
            }
        }
    }
    None
}

/// Calls `write` with [`shortest_digits`]' digits and exponent for `v` (finite and > 0),
/// without allocating in the common cases: the compact writer prints numbers on every
/// render. Whole numbers below 2^53 give their own digits, other decimals of at most 15
/// digits come from [`short_decimal`], and the rest from [`free_format`].
pub(crate) fn with_shortest_digits<R>(v: f64, write: impl FnOnce(&str, i32) -> R) -> R {
    debug_assert!(v.is_finite() && v > 0.0);
    let mut buffer = [0u8; 20];
    if v < 9_007_199_254_740_992.0 && v.fract() == 0.0 {
        // Whole numbers below 2^53 are exact and 1 apart, while any shorter digit string
        // is at least 1 away from them: their own digits are the shortest.
        let whole = v as u64;
        return write(digits_of(whole, &mut buffer), whole.ilog10() as i32);
    }
    if let Some((n, first)) = short_decimal(v) {
        return write(digits_of(n, &mut buffer), first);
    }
    let (digits, exponent) = free_format(v);
    write(&digits, exponent)
}

// ---- parsing -------------------------------------------------------------------------------

/// At most this many significant digits decide a double's rounding; beyond them, a sticky
/// non-zero digit stands for the rest.
const MAX_DIGITS: usize = 768;

/// Exact powers of ten as doubles (10^22 is the largest that is exact).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A decimal `0.d₁d₂…dₙ × 10^point` with no leading or trailing zero digit.
struct Decimal {
    /// Significant digits as values 0–9 (empty for zero).
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    /// Reads `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
    fn read(text: &str) -> Option<Decimal> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut digits = Vec::new();
        let mut point: i64 = 0;
        let mut seen_digit = false;
        let mut truncated = false;
        let mut push = |d: u8, digits: &mut Vec<u8>| {
            if digits.len() < MAX_DIGITS {
                digits.push(d);
            } else if d != 0 {
                truncated = true;
            }
        };
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            let d = bytes[i] - b'0';
            seen_digit = true;
            if !(digits.is_empty() && d == 0) {
                push(d, &mut digits);
                point += 1;
            }
            i += 1;
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                let d = bytes[i] - b'0';
                seen_digit = true;
                if digits.is_empty() && d == 0 {
                    point -= 1;
                } else {
                    push(d, &mut digits);
                }
                i += 1;
            }
        }
        if !seen_digit {
            return None;
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            let negative = match bytes.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            let mut exponent: i64 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                // Saturate far beyond any exponent that still changes the result.
                exponent = (exponent * 10 + i64::from(bytes[i] - b'0')).min(1 << 40);
                i += 1;
            }
            if i == start {
                return None;
            }
            point += if negative { -exponent } else { exponent };
        }
        if i != bytes.len() {
            return None;
        }
        if truncated {
            // Something non-zero follows the kept digits: a final 1 keeps the value
            // strictly above them, which is all that rounding needs to know.
            digits.push(1);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(Decimal { digits, point })
    }

    fn to_f64(&self) -> f64 {
        let n = self.digits.len() as i64;
        if n == 0 {
            return 0.0;
        }
        if self.point > 310 {
            return f64::INFINITY;
        }
        if self.point < -330 {
            return 0.0;
        }
        // The value is N × 10^e with N the digits as an integer.
        let e = self.point - n;
        if n <= 15 {
            let mantissa = self.digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
            // Clinger's fast path: both factors exact, one rounding.
            if (0..=22).contains(&e) {
                return mantissa * POW10[e as usize];
            }
            if (-22..0).contains(&e) {
                return mantissa / POW10[(-e) as usize];
            }
            // N × 10^(e-22) is still an exact integer below 10^15.
            if e > 22 && e - 22 <= 15 - n {
                return (mantissa * POW10[(e - 22) as usize]) * 1e22;
            }
        }
        self.correctly_rounded()
    }

    /// Starts from an estimate within a few units in the last place and moves one unit at
    /// a time until the exact comparison with the neighbouring halfway points agrees.
    fn correctly_rounded(&self) -> f64 {
        let n = self.digits.len() as i64;
        let exponent = self.point - n;
        let big = Big::from_digits(&self.digits);
        // The estimate: the leading 19 digits, scaled in two steps so that nothing
        // underflows or overflows on the way.
        let lead = self.digits.len().min(19);
        let leading = self.digits[..lead]
            .iter()
            .fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let scale = (exponent + (n - lead as i64)) as i32;
        let mut z = if scale < -300 {
            leading * 1e-300 * 10f64.powi(scale + 300)
        } else if scale > 300 {
            leading * 1e300 * 10f64.powi(scale - 300)
        } else {
            leading * 10f64.powi(scale)
        };
        if !z.is_finite() {
            z = f64::MAX;
        }
        loop {
            if z.is_infinite() {
                return z;
            }
            match compare_with_halfway_above(&big, exponent, z) {
                Ordering::Greater => {
                    z = next_up(z);
                    continue;
                }
                Ordering::Equal if z.to_bits() & 1 == 1 => {
                    z = next_up(z);
                    continue;
                }
                _ => {}
            }
            if z == 0.0 {
                return z;
            }
            let below = next_down(z);
            match compare_with_halfway_above(&big, exponent, below) {
                Ordering::Less => z = below,
                Ordering::Equal if below.to_bits() & 1 == 0 => z = below,
                _ => return z,
            }
        }
    }
}

/// `z` (finite, ≥ 0) as `m × 2^k` with `m` an integer.
fn decompose(z: f64) -> (u64, i32) {
    let bits = z.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// Compares `digits × 10^exponent` with the point halfway between `z` and the next double up.
fn compare_with_halfway_above(digits: &Big, exponent: i64, z: f64) -> Ordering {
    let (m, k) = decompose(z);
    // halfway = (2m + 1) × 2^(k-1); value = digits × 5^exponent × 2^exponent.
    let mut value = digits.clone();
    let mut halfway = Big::from_u64(2 * m + 1);
    if exponent >= 0 {
        value.mul_pow5(exponent as u32);
    } else {
        halfway.mul_pow5((-exponent) as u32);
    }
    let twos = exponent - i64::from(k - 1);
    if twos >= 0 {
        value.shl(twos as u32);
    } else {
        halfway.shl((-twos) as u32);
    }
    value.cmp(&halfway)
}

fn next_up(z: f64) -> f64 {
    f64::from_bits(z.to_bits() + 1)
}

fn next_down(z: f64) -> f64 {
    f64::from_bits(z.to_bits() - 1)
}

// ---- printing ------------------------------------------------------------------------------

/// Steele & White's free-format algorithm (as refined by Burger & Dybvig) on exact integers:
/// `v = r / s`, with the rounding interval `[v - m⁻/s, v + m⁺/s]` (inclusive when the
/// mantissa is even, as round-half-to-even reading makes it).
fn free_format(v: f64) -> (String, i32) {
    let (f, e) = decompose(v);
    let inclusive = f % 2 == 0;
    // At a power of two the gap below is half the gap above.
    let lower_closer = f == 1 << 52 && e > -1074;
    let (mut r, mut s, mut plus, mut minus);
    if e >= 0 {
        let shift = if lower_closer { 2 } else { 1 };
        r = Big::from_u64(f);
        r.shl(e as u32 + shift);
        s = Big::from_u64(1 << shift);
        plus = Big::from_u64(1);
        plus.shl(e as u32 + shift - 1);
        minus = Big::from_u64(1);
        minus.shl(e as u32);
    } else {
        let shift = if lower_closer { 2 } else { 1 };
        r = Big::from_u64(f << shift);
        s = Big::from_u64(1);
        s.shl((-e) as u32 + shift);
        plus = Big::from_u64(1 << (shift - 1));
        minus = Big::from_u64(1);
    }
    // k: the decimal exponent such that the upper end of the interval is just below 10^k,
    // estimated from the binary exponent (log10 2 ≈ 0.30103) and corrected below.
    let bits = 64 - f.leading_zeros() as i32;
    let mut k = ((bits - 1 + e) as f64 * 0.301_029_995_663_981_1).ceil() as i32;
    if k >= 0 {
        s.mul_pow5(k as u32);
        s.shl(k as u32);
    } else {
        for big in [&mut r, &mut plus, &mut minus] {
            big.mul_pow5((-k) as u32);
            big.shl((-k) as u32);
        }
    }
    let reaches = |r: &Big, plus: &Big, s: &Big| {
        let mut high = r.clone();
        high.add(plus);
        match high.cmp(s) {
            Ordering::Greater => true,
            Ordering::Equal => inclusive,
            Ordering::Less => false,
        }
    };
    // Correct the estimate of k in either direction.
    loop {
        if reaches(&r, &plus, &s) {
            s.mul_small(10);
            k += 1;
            continue;
        }
        let mut scaled = r.clone();
        scaled.add(&plus);
        scaled.mul_small(10);
        let below = match scaled.cmp(&s) {
            Ordering::Less => true,
            Ordering::Equal => !inclusive,
            Ordering::Greater => false,
        };
        if below {
            r.mul_small(10);
            plus.mul_small(10);
            minus.mul_small(10);
            k -= 1;
            continue;
        }
        break;
    }
    let mut digits = Vec::new();
    loop {
        r.mul_small(10);
        plus.mul_small(10);
        minus.mul_small(10);
        let mut d = 0u8;
        while r.cmp(&s) != Ordering::Less {
            r.sub(&s);
            d += 1;
        }
        let low = match r.cmp(&minus) {
            Ordering::Less => true,
            Ordering::Equal => inclusive,
            Ordering::Greater => false,
        };
        let high = reaches(&r, &plus, &s);
        if !low && !high {
            digits.push(d);
            continue;
        }
        let up = if low && high {
            let mut twice = r.clone();
            twice.shl(1);
            twice.cmp(&s) != Ordering::Less
        } else {
            high
        };
        digits.push(d + u8::from(up));
        break;
    }
    // A rounded-up 9 carries into the digits before it.
    while let Some(&last) = digits.last() {
        if last < 10 {
            break;
        }
        digits.pop();
        match digits.last_mut() {
            Some(previous) => *previous += 1,
            None => {
                digits.push(1);
                k += 1;
            }
        }
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    let text = digits.iter().map(|&d| char::from(b'0' + d)).collect();
    (text, k - 1)
}

// ---- a minimal unsigned big integer ----------------------------------------------------------

/// Little-endian base-2^32 limbs, without leading zero limbs.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut big = Big(vec![n as u32, (n >> 32) as u32]);
        big.trim();
        big
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |m, &d| m * 10 + u32::from(d));
            big.mul_small(10u32.pow(chunk.len() as u32));
            big.add_small(value);
        }
        big
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn add_small(&mut self, value: u32) {
        let mut carry = u64::from(value);
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let sum = u64::from(*limb) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u32) {
        // 5^13 is the largest power of five below 2^32.
        while n >= 13 {
            self.mul_small(1_220_703_125);
            n -= 13;
        }
        self.mul_small(5u32.pow(n));
    }

    fn shl(&mut self, bits: u32) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let sum = u64::from(*limb) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// `self -= other`, for `self >= other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let difference =
                i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = difference.rem_euclid(1 << 32) as u32;
            borrow = i64::from(difference < 0);
        }
        self.trim();
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn std_shortest(v: f64) -> (String, i32) {
        let text = format!("{v:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap();
        (mantissa.replace('.', ""), exponent.parse().unwrap())
    }

    #[test]
    fn parses_like_the_standard_library() {
        for text in [
            "0",
            "-0",
            "1",
            "8.7",
            "3.2",
            "1e400",
            "-1e400",
            "1e-400",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "0.1",
            "123456789012345678901234567890",
            "1.",
            ".5",
            "+1",
            "1e+5",
            "1E-5",
            "00012.5000",
            "inf",
            "-Infinity",
            "NaN",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "--1",
            "0x10",
            " 1",
            "1 ",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "4.4501477170144023e-308",
        ] {
            let ours = parse_f64(text);
            let theirs = text.parse::<f64>().ok();
            assert_eq!(
                ours.map(f64::to_bits),
                theirs.map(f64::to_bits),
                "{text:?}: {ours:?} vs {theirs:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        /// `with_shortest_digits` is now the one path (`shortest_digits` wraps it), so it is
        /// held to the standard library's shortest digits, not to itself.
        fn digits_given_without_allocating_are_the_shortest_digits(
            v in proptest::num::f64::POSITIVE | proptest::num::f64::NORMAL,
            short in 1u32..100_000,
            scale in 0i32..12,
        ) {
            for v in [v.abs(), f64::from(short) / 10f64.powi(scale)] {
                if v.is_finite() && v > 0.0 {
                    let given = with_shortest_digits(v, |d, e| (d.to_string(), e));
                    proptest::prop_assert_eq!(given, std_shortest(v));
                }
            }
        }
    }

    #[test]
    fn prints_the_shortest_digits_like_the_standard_library() {
        for v in [
            1.0,
            8.7,
            3.2,
            0.1,
            0.3,
            1e21,
            1e22,
            1e23,
            123.456,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            2f64.powi(60),
            9007199254740993.0,
            1.5e300,
            4.35,
            0.000001,
            1e-7,
            299792458.0,
        ] {
            assert_eq!(shortest_digits(v), std_shortest(v), "{v:e}");
        }
    }
}
