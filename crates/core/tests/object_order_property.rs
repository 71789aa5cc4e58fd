//! `Json::object_from_parsed` (which scans small objects and hashes large ones) keeps
//! `JSON.parse`'s semantics at every size: a repeated key keeps its first position and takes
//! its last value, and integer-like keys come first in ascending order.

use hookcheck_core::syntax::json::Json;
use proptest::prelude::*;

/// The semantics, written the slow and obvious way.
fn reference(members: &[(String, f64)]) -> Vec<(String, Json)> {
    let mut out: Vec<(String, Json)> = Vec::new();
    for (key, value) in members {
        match out.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = Json::Number(*value),
            None => out.push((key.clone(), Json::Number(*value))),
        }
    }
    let index = |k: &str| -> Option<u64> {
        let n: u64 = k.parse().ok()?;
        (n.to_string() == k && n < u64::from(u32::MAX)).then_some(n)
    };
    out.sort_by_key(|(k, _)| index(k).map_or((1, 0), |i| (0, i)));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn objects_of_any_size_keep_json_parse_order(
        members in prop::collection::vec(("[a-e]{1,2}|[0-9]{1,2}", 0.0f64..100.0), 0..60)
    ) {
        let Json::Object(ours) = Json::object_from_parsed(members.iter().map(|(k, v)| (k.clone(), Json::Number(*v)))) else {
            unreachable!()
        };
        prop_assert_eq!(ours, reference(&members));
    }
}
