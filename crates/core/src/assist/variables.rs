//! Template variables offered at the caret: inside a `<% this.` placeholder, the names the
//! product's templates can read ([`Vocabulary`]) that start with what is typed so far.

use crate::span::{LineIndex, Position, Span};
use crate::syntax::variables::Vocabulary;

/// How far back from the caret a placeholder's `<%` is looked for: longer than any
/// `<% this.path` worth completing, so a keystroke never scans the whole text.
const LOOK_BACK: usize = 256;

/// The variables offered at the caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The name typed so far (possibly empty), which the chosen name replaces.
    pub typed: Span,
    /// Where the typed name starts (1-based line, column in characters): where the editor
    /// draws the list.
    pub at: Position,
    /// The names that start with what is typed, in the vocabulary's order; never empty.
    pub names: Vec<String>,
}

impl Offer {
    /// What choosing `names[index]` writes into `text`: the span of the typed name and the
    /// chosen name, closed with ` %>` unless a `%>` already follows; `None` for no such name.
    pub fn insertion(&self, text: &str, index: usize) -> Option<(Span, String)> {
        let name = self.names.get(index)?;
        let rest = text.get(self.typed.end..).unwrap_or("");
        let close = if rest.trim_start().starts_with("%>") {
            ""
        } else {
            " %>"
        };
        Some((self.typed, format!("{name}{close}")))
    }
}

/// The variables to offer with the caret at byte `caret` of `text`: `None` unless the caret
/// ends a `<% this.NAME` (the name possibly empty or dotted) with no `%>` between, and some
/// name of `vocabulary` other than the typed one starts with it (ASCII case ignored).
pub fn variables_at(text: &str, caret: usize, vocabulary: Vocabulary) -> Option<Offer> {
    if !text.is_char_boundary(caret) {
        return None;
    }
    let mut from = caret.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..caret];
    // The run of name characters before the caret is `this.` and the name typed so far,
    // and only spaces stand between it and `<%` (so no `%>` either).
    let run_start = (before.char_indices().rev())
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let typed = before[run_start..].strip_prefix("this.")?;
    (before[..run_start].trim_end_matches([' ', '\t'])).strip_suffix("<%")?;
    let starting: Vec<&str> = (vocabulary.names())
        .filter(|name| {
            name.len() > typed.len()
                && name.as_bytes()[..typed.len()].eq_ignore_ascii_case(typed.as_bytes())
        })
        .collect();
    // An object's own path is left out where its members are offered (its value would
    // render as `[object Object]`): the vocabulary lists each object just before them.
    let names: Vec<String> = (starting.iter().enumerate())
        .filter(|&(i, name)| {
            !(starting.get(i + 1))
                .is_some_and(|next| next.strip_prefix(name).is_some_and(|r| r.starts_with('.')))
        })
        .map(|(_, name)| (*name).to_owned())
        .collect();
    if names.is_empty() {
        return None;
    }
    let start = caret - typed.len();
    Some(Offer {
        typed: Span::new(start, caret),
        at: LineIndex::new(text).position(start),
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::product::Product;

    fn offered(text_with_caret: &str, product: Product) -> Option<(String, Vec<String>)> {
        let caret = text_with_caret.find('|').unwrap();
        let text = text_with_caret.replace('|', "");
        variables_at(&text, caret, product.vocabulary()).map(|offer| {
            (
                text[offer.typed.start..offer.typed.end].to_owned(),
                offer.names,
            )
        })
    }

    #[test]
    fn after_this_dot_every_documented_variable_is_offered_in_the_docs_order() {
        let (typed, names) = offered(r#"{"body": {"t": "<% this.|"#, Product::Test).unwrap();
        assert_eq!(typed, "");
        assert_eq!(names.first().map(String::as_str), Some("testRunId"));
        assert_eq!(names.len(), 13);
    }

    #[test]
    fn the_typed_start_narrows_the_names_ignoring_case() {
        let (typed, names) = offered(r#""<%this.TEST|"#, Product::Test).unwrap();
        assert_eq!(typed, "TEST");
        assert_eq!(names, ["testRunId", "testName"]);
    }

    #[test]
    fn the_variables_follow_the_product() {
        let (_, names) = offered(r#""<% this.pro|"#, Product::WatchRtc).unwrap();
        assert_eq!(names, ["project.id", "project.name"]);
        assert_eq!(offered(r#""<% this.room|"#, Product::Test), None);
        assert!(offered(r#""<% this.room|"#, Product::WatchRtc).is_some());
    }

    #[test]
    fn an_objects_own_path_is_not_offered_beside_its_members() {
        let (_, names) = offered(r#""<% this.project|"#, Product::WatchRtc).unwrap();
        assert_eq!(names, ["project.id", "project.name"]);
        let (_, names) = offered(r#""<% this.|"#, Product::WatchRtc).unwrap();
        assert!(!names.iter().any(|n| n == "project"), "{names:?}");
        assert!(names.iter().any(|n| n == "room_id"), "{names:?}");
    }

    #[test]
    fn nothing_is_offered_outside_a_placeholder_or_after_a_whole_name() {
        assert_eq!(offered(r#"{"this.|"#, Product::Test), None);
        assert_eq!(offered(r#""<% that.|"#, Product::Test), None);
        assert_eq!(
            offered(r#""<% this.testName %> and |"#, Product::Test),
            None
        );
        assert_eq!(offered(r#""<% this.testName|"#, Product::Test), None);
        assert_eq!(offered(r#""<% this.nope|"#, Product::Test), None);
        assert_eq!(offered("|", Product::Test), None);
    }

    #[test]
    fn the_list_stands_where_the_typed_name_starts() {
        let text = "{\n  \"body\": \"é <% this.st";
        let offer = variables_at(text, text.len(), Product::Test.vocabulary()).unwrap();
        assert_eq!(
            offer.at,
            Position {
                line: 2,
                column: 22
            }
        );
        assert_eq!(offer.names, ["status"]);
    }

    #[test]
    fn a_caret_past_the_end_or_inside_a_character_offers_nothing_and_does_not_panic() {
        let text = "\"<% this.é";
        for caret in 0..=text.len() + 2 {
            let _ = variables_at(text, caret, Product::Test.vocabulary());
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_caret_offer_names_that_start_with_the_typed_span(
            text in "(<% this\\.|[a-zé._ \"%<>]){0,40}",
            caret in 0usize..80,
        ) {
            for product in Product::ALL {
                if let Some(offer) = variables_at(&text, caret, product.vocabulary()) {
                    let typed = &text[offer.typed.start..offer.typed.end];
                    proptest::prop_assert_eq!(offer.typed.end, caret);
                    for name in &offer.names {
                        proptest::prop_assert!(name.to_ascii_lowercase().starts_with(&typed.to_ascii_lowercase()));
                    }
                }
            }
        }
    }

    #[test]
    fn a_chosen_name_replaces_the_typed_one_and_closes_the_placeholder_once() {
        let open = r#""<% this.te"#;
        let offer = variables_at(open, open.len(), Product::Test.vocabulary()).unwrap();
        assert_eq!(
            offer.insertion(open, 1),
            Some((Span::new(9, 11), "testName %>".into()))
        );
        let closed = r#""<% this.te %>""#;
        let offer = variables_at(closed, 11, Product::Test.vocabulary()).unwrap();
        assert_eq!(
            offer.insertion(closed, 0),
            Some((Span::new(9, 11), "testRunId".into()))
        );
        assert_eq!(offer.insertion(closed, 2), None);
    }

    #[test]
    fn a_long_text_is_read_back_only_a_little_way_from_the_caret() {
        let text = format!("\"<% this.{}", "a".repeat(10 * LOOK_BACK));
        assert_eq!(
            variables_at(&text, text.len(), Product::Test.vocabulary()),
            None
        );
    }
}
