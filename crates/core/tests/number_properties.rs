//! core's own decimal ↔ double conversions (`json::number`, written to keep the standard
//! library's float machinery out of the wasm build) agree bit for bit with the standard
//! library on any input.

use hookcheck_core::syntax::json::number::{parse_f64, shortest_digits};
use proptest::prelude::*;

fn std_shortest(v: f64) -> (String, i32) {
    let text = format!("{v:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap();
    (mantissa.replace('.', ""), exponent.parse().unwrap())
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (None, None) => true,
        _ => false,
    }
}

fn finite_positive() -> impl Strategy<Value = f64> {
    (1u64..0x7ff0_0000_0000_0000).prop_map(f64::from_bits)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn shortest_digits_are_those_of_std_lower_exp(v in finite_positive()) {
        prop_assert_eq!(shortest_digits(v), std_shortest(v));
    }

    #[test]
    fn whole_and_short_numbers_print_like_std(n in 1u64..(1 << 60), shift in -30i32..30) {
        let v = n as f64 * 10f64.powi(shift);
        if v.is_finite() && v > 0.0 {
            prop_assert_eq!(shortest_digits(v), std_shortest(v));
        }
    }

    #[test]
    fn short_decimals_print_like_std(n in 1u64..1_000_000_000_000_000, exponent in -340i32..310) {
        let v: f64 = format!("{n}e{exponent}").parse().unwrap();
        if v.is_finite() && v > 0.0 {
            prop_assert_eq!(shortest_digits(v), std_shortest(v));
        }
    }

    #[test]
    fn decimal_text_parses_like_std(text in "[+-]?[0-9]{0,24}(\\.[0-9]{0,24})?([eE][+-]?[0-9]{1,4})?") {
        prop_assert!(same(parse_f64(&text), text.parse().ok()), "{:?}", text);
    }

    #[test]
    fn any_text_parses_like_std(text in "[-+0-9.eEinfatyINFATY ]{0,12}") {
        prop_assert!(same(parse_f64(&text), text.parse().ok()), "{:?}", text);
    }

    #[test]
    fn every_double_reads_back_from_its_long_and_short_forms(v in finite_positive(), precision in 0usize..40) {
        for text in [format!("{v:e}"), format!("{v}"), format!("{v:.precision$e}"), format!("-{v:.precision$e}")] {
            prop_assert!(same(parse_f64(&text), text.parse().ok()), "{:?}", text);
        }
    }

    #[test]
    fn numbers_with_hundreds_of_digits_parse_like_std(
        digits in "[0-9]{700,900}",
        exponent in -1200i32..400,
    ) {
        for text in [format!("{digits}e{exponent}"), format!("0.{digits}e{exponent}")] {
            prop_assert!(same(parse_f64(&text), text.parse().ok()), "{}", text.len());
        }
    }
}

#[test]
fn halfway_cases_round_to_even_like_std() {
    // 2^53 + 1 lies halfway between two doubles; so do these neighbours of it.
    for text in [
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000000000000000000001",
        "9007199254740992.9999999999999999999999",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000001e-324",
        "1.7976931348623158079372897140530341507993413271003782693617377898044396e308",
        "1.7976931348623158079372897140530341507993413271003782693617377898044397e308",
    ] {
        assert!(same(parse_f64(text), text.parse().ok()), "{text}");
    }
}
