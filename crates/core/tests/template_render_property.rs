//! The render path's placeholder substitution (`Template::render_names`, which checks
//! nothing) gives exactly what parsing the template and rendering its pieces gives.

use hookcheck_core::syntax::template::Template;
use proptest::prelude::*;

fn lookup(name: &str) -> Option<String> {
    match name {
        "testName" => Some("AppRTC".into()),
        "status" => Some("<% this.status %>".into()),
        "score" => Some("8.7".into()),
        _ => None,
    }
}

fn templateish() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("<%".to_string()),
        Just("%>".to_string()),
        Just("<% this.testName %>".to_string()),
        Just("<%this.status%>".to_string()),
        Just("<%= this.score %>".to_string()),
        Just("this.".to_string()),
        Just("testRun.usage_report.resultUrl".to_string()),
        Just(" ".to_string()),
        Just(".".to_string()),
        Just("$_x9".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(fragment, 0..16).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn render_names_matches_parse_then_render(text in templateish()) {
        let parsed = Template::parse(&text).render(&text, |path| match path {
            [name] => lookup(name),
            _ => None,
        });
        prop_assert_eq!(Template::render_names(&text, lookup), parsed);
    }
}
