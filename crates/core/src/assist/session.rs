//! The editor's help as one state machine: whether the completion list is open and which
//! option is active, the doc shown for the caret or the mouse pointer, and the bracket pair
//! at the caret. The app feeds it what happens in the textarea (a keystroke, a moved caret,
//! a key, the pointer's place, a click on an option, the focus leaving) and draws
//! [`AssistView`]; every decision about what to show is taken here.
//!
//! Places are 0-based lines and columns counted in characters: where the editor puts a
//! popup in its monospace, never-wrapping text.

use super::brackets::matching_bracket;
use super::completion::{complete, Completions};
use super::docs::{hover, Doc};
use super::position::offset_at;
use crate::product::Product;
use crate::span::LineIndex;

/// A 0-based line and column (in characters) of the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    pub line: usize,
    pub column: usize,
}

impl Anchor {
    /// The place of byte offset `at` in the text `index` was made from.
    fn of(index: &LineIndex<'_>, at: usize) -> Anchor {
        let position = index.position(at);
        Anchor {
            line: position.line - 1,
            column: position.column - 1,
        }
    }
}

/// An open completion list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenList {
    /// What core offers at the caret (never empty while the list is open).
    pub completions: Completions,
    /// The index of the active option.
    pub active: usize,
    /// Where the replaced range starts: the list goes under it.
    pub anchor: Anchor,
}

/// Whose doc is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// What the caret is on.
    Caret,
    /// What the mouse pointer is over (shown before the caret's).
    Pointer,
}

/// What the editor draws: the list, the docs and the bracket pair.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssistView {
    /// The completion list, when open.
    pub list: Option<OpenList>,
    /// What the key, value or variable at the caret means, and the caret's place.
    pub caret_doc: Option<(Doc, Anchor)>,
    /// The same for the mouse pointer.
    pub pointer_doc: Option<(Doc, Anchor)>,
    /// The bracket at the caret and its partner.
    pub brackets: Option<[Anchor; 2]>,
}

impl AssistView {
    /// The doc shown while no list is: the pointer's, else the caret's.
    pub fn doc(&self) -> Option<(&Doc, DocKind, Anchor)> {
        let pointer = self.pointer_doc.as_ref().map(|d| (d, DocKind::Pointer));
        let caret = self.caret_doc.as_ref().map(|d| (d, DocKind::Caret));
        pointer
            .or(caret)
            .map(|((doc, anchor), kind)| (doc, kind, *anchor))
    }

    /// Where the popup goes: under the list's word, else at the doc's place.
    pub fn popup_anchor(&self) -> Option<Anchor> {
        match &self.list {
            Some(list) => Some(list.anchor),
            None => self.doc().map(|(_, _, anchor)| anchor),
        }
    }
}

/// An accepted completion: replace the bytes `from..to` of the text with `insert`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub from: usize,
    pub to: usize,
    pub insert: String,
}

/// What a key pressed in the textarea did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyDown {
    /// Not the list's: the textarea does what it does with it.
    Ignored,
    /// Taken by the list (or Ctrl+Space): the textarea must not act on it too.
    Handled,
    /// Enter or Tab accepted the active option: apply the edit, and the textarea must not
    /// act on the key.
    Accepted(Edit),
}

/// Why the list is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// A keystroke: the list opens by itself only while a string is being typed.
    Typed,
    /// Ctrl+Space: the list opens wherever there is something to offer.
    Asked,
    /// The caret moved: the list closes, and only the caret's doc follows.
    Moved,
}

/// The keys that move the caret without typing: on their release the caret's doc follows.
const CARET_KEYS: [&str; 8] = [
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "Home",
    "End",
    "PageUp",
    "PageDown",
];

/// The editor's help while the person writes. Events take the text and the caret as byte
/// offsets; the key and pointer events, which usually change nothing, read them only when
/// they need them.
#[derive(Clone, Debug, Default)]
pub struct CompletionSession {
    view: AssistView,
    /// The product whose webhook is written: whose variables are offered and explained.
    product: Product,
    /// The place the pointer was last seen over (`Some(None)`: off the text), so that a move
    /// within one character costs nothing.
    pointed: Option<Option<Anchor>>,
}

impl CompletionSession {
    /// What to draw.
    pub fn view(&self) -> &AssistView {
        &self.view
    }

    /// The product whose webhook is written, from the next event on.
    pub fn set_product(&mut self, product: Product) {
        self.product = product;
    }

    /// The text changed by a keystroke, a paste or an edit made for the person; the caret is
    /// at byte `caret`. The list opens, filters or closes: it opens by itself only while a
    /// string (a key, a value, `<% this.`) is being typed, so Enter still makes a new line
    /// elsewhere.
    pub fn typed(&mut self, text: &str, caret: usize) {
        self.refresh(Trigger::Typed, text, caret);
    }

    /// The caret moved without typing (a click, an arrow key): the list closes and the
    /// caret's doc and bracket pair follow.
    pub fn moved(&mut self, text: &str, caret: usize) {
        self.refresh(Trigger::Moved, text, caret);
    }

    /// A key went down in the textarea, `key` and `code` as the DOM names them. Ctrl+Space
    /// opens the list wherever there is something to offer (reading the text and caret from
    /// `read`); while the list is open, the arrows move the active option (wrapping), Enter
    /// and Tab accept it and Escape closes the list.
    pub fn key_down(
        &mut self,
        key: &str,
        code: &str,
        ctrl: bool,
        read: impl FnOnce() -> Option<(String, usize)>,
    ) -> KeyDown {
        if ctrl && (key == " " || code == "Space") {
            if let Some((text, caret)) = read() {
                self.refresh(Trigger::Asked, &text, caret);
            }
            return KeyDown::Handled;
        }
        let Some(list) = &mut self.view.list else {
            return KeyDown::Ignored;
        };
        let count = list.completions.items.len().max(1);
        match key {
            "ArrowDown" => list.active = (list.active + 1) % count,
            "ArrowUp" => list.active = (list.active + count - 1) % count,
            "Enter" | "Tab" => {
                let active = list.active;
                return self
                    .choose(active)
                    .map_or(KeyDown::Handled, KeyDown::Accepted);
            }
            "Escape" => self.view.list = None,
            _ => return KeyDown::Ignored,
        }
        KeyDown::Handled
    }

    /// A key came up: one that moves the caret updates the caret's doc, unless the list is
    /// open (its arrows are its own).
    pub fn key_up(&mut self, key: &str, read: impl FnOnce() -> Option<(String, usize)>) {
        if self.view.list.is_none() && CARET_KEYS.contains(&key) {
            if let Some((text, caret)) = read() {
                self.moved(&text, caret);
            }
        }
    }

    /// Option `index` of the open list was chosen (clicked, or the active one accepted): the
    /// list closes and the edit to make is returned. `None` without a list or such option.
    pub fn choose(&mut self, index: usize) -> Option<Edit> {
        let list = self.view.list.as_ref()?;
        let item = list.completions.items.get(index)?;
        let edit = Edit {
            from: list.completions.from,
            to: list.completions.to,
            insert: item.insert.clone(),
        };
        self.view.list = None;
        Some(edit)
    }

    /// The textarea lost the focus: the list and the caret's doc close.
    pub fn blurred(&mut self) {
        self.view.list = None;
        self.view.caret_doc = None;
    }

    /// The pointer moved over the text, to the character drawn at `place` (`None`: above or
    /// left of the text). The doc of what is there is shown, read from `text` only when the
    /// place changed; over nothing known, the shown doc stays while the pointer is over the
    /// doc itself (`over_doc`, on its way to the doc's link), else it goes.
    pub fn pointer_moved(
        &mut self,
        place: Option<Anchor>,
        text: impl FnOnce() -> String,
        over_doc: impl FnOnce() -> bool,
    ) {
        if self.pointed.replace(place) == Some(place) {
            return;
        }
        let text = text();
        let found = place.and_then(|anchor| {
            let at = offset_at(&text, anchor.line, anchor.column)?;
            Some((hover(&text, at, self.product)?, anchor))
        });
        if found.is_some() || !(self.view.pointer_doc.is_some() && over_doc()) {
            self.view.pointer_doc = found;
        }
    }

    /// The pointer left the editor: its doc goes.
    pub fn pointer_left(&mut self) {
        self.pointed = None;
        self.view.pointer_doc = None;
    }

    /// Reads the caret's doc, its bracket pair and, unless the caret only moved, what to
    /// offer there.
    fn refresh(&mut self, trigger: Trigger, text: &str, caret: usize) {
        let caret = crate::span::floor_char_boundary(text, caret);
        let index = LineIndex::new(text);
        let place = Anchor::of(&index, caret);
        self.view.caret_doc = hover(text, caret, self.product).map(|doc| (doc, place));
        self.view.brackets = matching_bracket(text, caret)
            .map(|(a, b)| [Anchor::of(&index, a), Anchor::of(&index, b)]);
        if trigger == Trigger::Moved {
            self.view.list = None;
            return;
        }
        let completions = complete(text, caret, self.product);
        let typing_a_string = completions.from < caret;
        if completions.items.is_empty() || (trigger == Trigger::Typed && !typing_a_string) {
            self.view.list = None;
            return;
        }
        self.view.list = Some(OpenList {
            anchor: Anchor::of(&index, completions.from),
            completions,
            active: 0,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with the caret where `|` is.
    fn at(marked: &str) -> (String, usize) {
        let caret = marked.find('|').expect("a caret");
        (marked.replacen('|', "", 1), caret)
    }

    fn typed(marked: &str) -> (CompletionSession, String) {
        let (text, caret) = at(marked);
        let mut session = CompletionSession::default();
        session.typed(&text, caret);
        (session, text)
    }

    fn labels(session: &CompletionSession) -> Vec<String> {
        let list = session.view().list.as_ref().expect("an open list");
        list.completions
            .items
            .iter()
            .map(|i| i.label.clone())
            .collect()
    }

    fn never() -> Option<(String, usize)> {
        panic!("the text was read")
    }

    #[test]
    fn typing_a_key_opens_the_list_of_keys() {
        let (session, _) = typed(r#"{"fo|"#);
        assert_eq!(labels(&session), ["format"]);
        let list = session.view().list.as_ref().unwrap();
        assert_eq!(list.active, 0);
        assert_eq!(list.anchor, Anchor { line: 0, column: 1 });
    }

    #[test]
    fn typing_outside_a_string_does_not_open_the_list() {
        let (session, _) = typed("{\n  |");
        assert_eq!(session.view().list, None);
    }

    #[test]
    fn ctrl_space_opens_the_list_where_typing_would_not() {
        let (mut session, _) = typed("{\n  |");
        let (text, caret) = at("{\n  |");
        let key = session.key_down(" ", "Space", true, || Some((text, caret)));
        assert_eq!(key, KeyDown::Handled);
        assert!(labels(&session).contains(&"url".to_string()));
        assert_eq!(
            session.view().list.as_ref().unwrap().anchor,
            Anchor { line: 1, column: 2 }
        );
    }

    #[test]
    fn arrows_move_the_active_option_and_wrap() {
        let (mut session, _) = typed(r#"{"|"#);
        let count = labels(&session).len();
        assert!(count > 1);
        let active = |s: &CompletionSession| s.view().list.as_ref().unwrap().active;
        assert_eq!(
            session.key_down("ArrowUp", "ArrowUp", false, never),
            KeyDown::Handled
        );
        assert_eq!(active(&session), count - 1);
        session.key_down("ArrowDown", "ArrowDown", false, never);
        session.key_down("ArrowDown", "ArrowDown", false, never);
        assert_eq!(active(&session), 1);
    }

    #[test]
    fn enter_accepts_the_active_option_and_closes_the_list() {
        let (mut session, text) = typed(r#"{"fo|"#);
        let KeyDown::Accepted(edit) = session.key_down("Enter", "Enter", false, never) else {
            panic!("not accepted");
        };
        assert_eq!(session.view().list, None);
        let mut edited = text.clone();
        edited.replace_range(edit.from..edit.to, &edit.insert);
        assert_eq!(edited, r#"{"format": "#);
    }

    #[test]
    fn tab_accepts_like_enter() {
        let (mut session, _) = typed(r#"{"fo|"#);
        assert!(matches!(
            session.key_down("Tab", "Tab", false, never),
            KeyDown::Accepted(_)
        ));
    }

    #[test]
    fn escape_closes_the_list() {
        let (mut session, _) = typed(r#"{"fo|"#);
        assert_eq!(
            session.key_down("Escape", "Escape", false, never),
            KeyDown::Handled
        );
        assert_eq!(session.view().list, None);
    }

    #[test]
    fn keys_are_the_textarea_s_while_no_list_is_open() {
        let (mut session, _) = typed("{\n  |");
        for key in ["Enter", "Tab", "ArrowDown", "Escape", "a"] {
            assert_eq!(session.key_down(key, key, false, never), KeyDown::Ignored);
        }
    }

    #[test]
    fn other_keys_leave_an_open_list_to_the_textarea() {
        let (mut session, _) = typed(r#"{"fo|"#);
        assert_eq!(
            session.key_down("r", "KeyR", false, never),
            KeyDown::Ignored
        );
        assert!(session.view().list.is_some());
    }

    #[test]
    fn clicking_an_option_accepts_it() {
        let (mut session, _) = typed(r#"{"|"#);
        let second = session.view().list.as_ref().unwrap().completions.items[1].clone();
        let edit = session.choose(1).expect("an edit");
        assert_eq!(edit.insert, second.insert);
        assert_eq!(session.view().list, None);
        assert_eq!(session.choose(0), None);
    }

    #[test]
    fn a_moved_caret_closes_the_list_and_shows_its_doc() {
        let (mut session, _) = typed(r#"{"fo|"#);
        let (text, caret) = at(r#"{"for|mat": 1}"#);
        session.moved(&text, caret);
        let view = session.view();
        assert_eq!(view.list, None);
        let (doc, kind, anchor) = view.doc().expect("the caret's doc");
        assert_eq!(doc.name, "format");
        assert_eq!(kind, DocKind::Caret);
        assert_eq!(anchor, Anchor { line: 0, column: 5 });
    }

    #[test]
    fn a_caret_key_released_updates_the_doc_only_without_a_list() {
        let (text, caret) = at(r#"{"for|mat": 1}"#);
        let mut session = CompletionSession::default();
        session.key_up("ArrowRight", || Some((text.clone(), caret)));
        assert!(session.view().caret_doc.is_some());

        let (mut session, _) = typed(r#"{"fo|"#);
        session.key_up("ArrowDown", never);
        session.key_up("a", never);
        assert!(session.view().list.is_some());
    }

    #[test]
    fn the_bracket_pair_at_the_caret_is_placed_by_line_and_column() {
        let (text, caret) = at("{\n  \"a\": [1]|\n}");
        let mut session = CompletionSession::default();
        session.moved(&text, caret);
        assert_eq!(
            session.view().brackets,
            Some([Anchor { line: 1, column: 9 }, Anchor { line: 1, column: 7 }])
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let (session, _) = typed("{\"é\": 1, \"fo|");
        assert_eq!(
            session.view().list.as_ref().unwrap().anchor,
            Anchor { line: 0, column: 9 }
        );
    }

    #[test]
    fn blur_closes_the_list_and_the_caret_doc() {
        let (mut session, _) = typed(r#"{"format": 1, "fo|"#);
        assert!(session.view().caret_doc.is_some() || session.view().list.is_some());
        session.blurred();
        assert_eq!(session.view().list, None);
        assert_eq!(session.view().caret_doc, None);
    }

    #[test]
    fn the_pointer_s_doc_is_shown_before_the_caret_s() {
        let text = r#"{"format": "json/text"}"#;
        let mut session = CompletionSession::default();
        session.moved(text, 3);
        session.pointer_moved(
            Some(Anchor {
                line: 0,
                column: 14,
            }),
            || text.to_string(),
            || false,
        );
        let (doc, kind, anchor) = session.view().doc().unwrap();
        assert_eq!((doc.name.as_str(), kind), ("json/text", DocKind::Pointer));
        assert_eq!(
            anchor,
            Anchor {
                line: 0,
                column: 14
            }
        );
        session.pointer_left();
        let (doc, kind, _) = session.view().doc().unwrap();
        assert_eq!((doc.name.as_str(), kind), ("format", DocKind::Caret));
    }

    #[test]
    fn the_pointer_within_one_character_reads_nothing_again() {
        let text = r#"{"format": 1}"#;
        let mut session = CompletionSession::default();
        let place = Some(Anchor { line: 0, column: 3 });
        session.pointer_moved(place, || text.to_string(), || false);
        session.pointer_moved(place, || panic!("read again"), || panic!("read again"));
        assert!(session.view().pointer_doc.is_some());
    }

    #[test]
    fn the_pointer_s_doc_stays_while_the_pointer_crosses_it() {
        let text = "{\"format\": 1}\n\n";
        let mut session = CompletionSession::default();
        session.pointer_moved(
            Some(Anchor { line: 0, column: 3 }),
            || text.to_string(),
            || false,
        );
        session.pointer_moved(
            Some(Anchor { line: 1, column: 0 }),
            || text.to_string(),
            || true,
        );
        assert!(session.view().pointer_doc.is_some());
        session.pointer_moved(
            Some(Anchor { line: 2, column: 0 }),
            || text.to_string(),
            || false,
        );
        assert_eq!(session.view().pointer_doc, None);
    }

    #[test]
    fn the_popup_goes_under_the_list_else_at_the_doc() {
        let (session, _) = typed(r#"{"format": 1, "fo|"#);
        assert_eq!(
            session.view().popup_anchor(),
            Some(Anchor {
                line: 0,
                column: 14
            })
        );
        assert_eq!(CompletionSession::default().view().popup_anchor(), None);
    }
}
