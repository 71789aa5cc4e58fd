//! Where the caret stands in a JSON object that may be unfinished: in which object (top
//! level, `headers`, `body`), at a key or at a value, and inside which string. One pass over
//! the text before the caret, tolerant of anything a person is in the middle of typing.

/// The object the caret is in, as the advanced form names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The advanced form's own object.
    TopLevel,
    /// The `headers` object.
    Headers,
    /// Anywhere inside `body` (its object or deeper).
    Body,
    /// Anywhere else (inside another value, or not in an object).
    Other,
}

/// What the caret is at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub place: Place,
    /// At a key (a key string, or where a key would start), not at a value.
    pub at_key: bool,
    /// The key whose value the caret is in, when at a value.
    pub key: Option<String>,
    /// The string the caret is in: the byte offset of its opening quote.
    pub string_start: Option<usize>,
    /// In `body`, the key of the object the caret is in, as a path below `body`: `""` for
    /// the body's own object, `"payload"` for `{"body": {"payload": {…}}}`; `None` deeper,
    /// in arrays, or outside `body`.
    pub body_object: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Key,
    /// After a key, before its `:`.
    Colon,
    Value,
    /// After a value, before `,` or the closing bracket.
    Next,
}

struct Frame {
    is_object: bool,
    /// The key this container is the value of.
    key: Option<String>,
    expect: Expect,
    last_key: Option<String>,
}

/// The context at byte offset `at` of `text` (clamped to the text). Reads from the first
/// `{` (so run options' `#webhook:{…}` work too) up to `at`, once.
pub fn context_at(text: &str, at: usize) -> Context {
    let at = crate::span::floor_char_boundary(text, at.min(text.len()));
    let bytes = text.as_bytes();
    let start = text[..at].find('{').unwrap_or(at);
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = start;
    let mut string_start: Option<usize> = None;
    while i < at {
        let b = bytes[i];
        if let Some(open) = string_start {
            match b {
                b'\\' => i += 1,
                b'"' => {
                    let content = &text[open + 1..i];
                    if let Some(frame) = stack.last_mut() {
                        if frame.is_object && frame.expect == Expect::Key {
                            frame.last_key = Some(content.to_string());
                            frame.expect = Expect::Colon;
                        } else {
                            frame.expect = Expect::Next;
                        }
                    }
                    string_start = None;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => string_start = Some(i),
            b'{' | b'[' => {
                let key = stack
                    .last()
                    .filter(|f| f.is_object)
                    .and_then(|f| f.last_key.clone());
                if let Some(frame) = stack.last_mut() {
                    frame.expect = Expect::Next;
                }
                let is_object = b == b'{';
                stack.push(Frame {
                    is_object,
                    key,
                    expect: if is_object {
                        Expect::Key
                    } else {
                        Expect::Value
                    },
                    last_key: None,
                });
            }
            b'}' | b']' => {
                stack.pop();
                if stack.is_empty() {
                    // The object closed: the caret is after it, in nothing we complete.
                    return Context {
                        place: Place::Other,
                        at_key: false,
                        key: None,
                        string_start: None,
                        body_object: None,
                    };
                }
            }
            b':' => {
                if let Some(frame) = stack.last_mut() {
                    frame.expect = Expect::Value;
                }
            }
            b',' => {
                if let Some(frame) = stack.last_mut() {
                    frame.expect = if frame.is_object {
                        Expect::Key
                    } else {
                        Expect::Value
                    };
                }
            }
            _ => {}
        }
        i += 1;
    }
    let place = place_of(&stack);
    let frame = stack.last();
    let at_key = frame.is_some_and(|f| f.is_object && f.expect == Expect::Key);
    let key = frame
        .filter(|f| f.is_object && f.expect == Expect::Value)
        .and_then(|f| f.last_key.clone());
    let body_object = match (&place, stack.len(), frame) {
        (Place::Body, 2, Some(f)) if f.is_object => Some(String::new()),
        (Place::Body, 3, Some(f)) if f.is_object => f.key.clone(),
        _ => None,
    };
    Context {
        place,
        at_key,
        key,
        string_start,
        body_object,
    }
}

fn place_of(stack: &[Frame]) -> Place {
    let Some(root) = stack.first() else {
        return Place::Other;
    };
    if !root.is_object {
        return Place::Other;
    }
    match stack.get(1).map(|f| (f.key.as_deref(), f.is_object)) {
        None => Place::TopLevel,
        Some((Some("body"), _)) => Place::Body,
        Some((Some("headers"), true)) if stack.len() == 2 => Place::Headers,
        Some(_) => Place::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context where `|` stands in `marked`.
    fn at(marked: &str) -> Context {
        let at = marked.find('|').unwrap();
        let text = marked.replacen('|', "", 1);
        context_at(&text, at)
    }

    #[test]
    fn an_empty_object_is_at_a_top_level_key() {
        let c = at("{|}");
        assert_eq!((c.place, c.at_key), (Place::TopLevel, true));
    }

    #[test]
    fn a_half_typed_key_is_a_key_string() {
        let c = at("{\"url\": \"https://e.com\", \"fo|");
        assert_eq!(
            (c.place, c.at_key, c.string_start),
            (Place::TopLevel, true, Some(25))
        );
    }

    #[test]
    fn after_a_closed_key_is_neither_key_nor_value() {
        let c = at("{\"url\"|");
        assert_eq!((c.at_key, c.key), (false, None));
    }

    #[test]
    fn after_a_colon_is_the_value_of_that_key() {
        let c = at("{\"format\": \"json|\"}");
        assert_eq!((c.at_key, c.key.as_deref()), (false, Some("format")));
    }

    #[test]
    fn inside_headers_is_headers() {
        let c = at("{\"headers\": {\"Auth|");
        assert_eq!((c.place, c.at_key), (Place::Headers, true));
    }

    #[test]
    fn inside_a_nested_body_object_is_body() {
        let c = at("{\"body\": {\"a\": {\"b\": \"<% th|");
        assert_eq!(c.place, Place::Body);
        assert!(c.string_start.is_some());
    }

    #[test]
    fn a_closed_headers_object_returns_to_the_top_level() {
        let c = at("{\"headers\": {\"a\": \"b\"}, |");
        assert_eq!((c.place, c.at_key), (Place::TopLevel, true));
    }

    #[test]
    fn the_body_object_is_named_by_its_path_below_body() {
        let object = |marked| at(marked).body_object;
        assert_eq!(object("{\"body\": {\"te|").as_deref(), Some(""));
        assert_eq!(
            object("{\"body\": {\"payload\": {\"su|").as_deref(),
            Some("payload")
        );
        assert_eq!(object("{\"body\": {\"a\": [{\"|").as_deref(), None);
        assert_eq!(object("{\"headers\": {\"|").as_deref(), None);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let c = at(r#"{"body": {"t": "say \"hi|"#);
        assert_eq!(c.place, Place::Body);
        assert!(c.string_start.is_some());
    }

    #[test]
    fn run_options_start_at_the_json() {
        let c = at("#timeout:80 #webhook:{\"|");
        assert_eq!((c.place, c.at_key), (Place::TopLevel, true));
    }

    #[test]
    fn after_the_closed_object_is_nothing() {
        assert_eq!(at("{}|").place, Place::Other);
        assert_eq!(at("https://exa|").place, Place::Other);
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in ["", "}", "]]]{", "\"", "{\"\\", "{\"é\":\"ü", "[{"] {
            for at in 0..=text.len() + 2 {
                context_at(text, at);
            }
        }
    }
}
