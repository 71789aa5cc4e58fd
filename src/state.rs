//! The app's one state and its actions (a `use_reducer`). What is computed from it (the
//! report, the request) is derived in the app with `use_memo`, never stored.

use std::rc::Rc;

use hookcheck_core::browser::examples::EXAMPLES;
use hookcheck_core::browser::share::{self, ShareState};
use hookcheck_core::render::sample::read_payload;
use hookcheck_core::span::Span;
use hookcheck_core::Mode;
use hookcheck_core::{Fix, Outcome, Product, SampleData};
use yew::Reducible;

use crate::web::{self, keys};

/// The colour theme the person chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The next theme of the toggle: auto → light → dark → auto.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }
}

/// Everything the person has chosen. Everything else is derived from it.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub text: String,
    /// `None` auto-detects.
    pub mode: Option<Mode>,
    /// The selected outcome; its product ([`State::product`]) is the one whose webhook the
    /// text is.
    pub outcome: Outcome,
    /// The sample data of every product's outcomes, in [`Outcome::EVERY`] order.
    pub samples: [SampleData; 5],
    /// The selected outcome's payload as the person is typing it in the sample editor (a
    /// product whose data is a payload); the preview follows each version that reads as a
    /// JSON object. `None` shows the sample's own JSON.
    pub payload_draft: Option<String>,
    /// Show secret header values in the preview and the curl command.
    pub reveal_secrets: bool,
    /// Keep the last input in `localStorage`.
    pub remember: bool,
    /// Keep secrets in the remembered input too (off unless asked).
    pub store_secrets: bool,
    /// Put secrets in share links too (off unless asked).
    pub share_secrets: bool,
    pub theme: Theme,
    /// A message about the session itself, such as a damaged share link.
    pub notice: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            text: EXAMPLES[0].text.into(),
            mode: None,
            outcome: Outcome::Success,
            samples: Outcome::EVERY.map(SampleData::for_outcome),
            payload_draft: None,
            reveal_secrets: false,
            remember: true,
            store_secrets: false,
            share_secrets: false,
            theme: Theme::Auto,
            notice: None,
        }
    }
}

impl State {
    /// The state a page opens with: a share link in the fragment wins; otherwise the
    /// remembered input; otherwise the first example.
    pub fn initial() -> State {
        let mut state = State {
            remember: web::load(keys::REMEMBER).as_deref() != Some("off"),
            store_secrets: web::load(keys::STORE_SECRETS).as_deref() == Some("on"),
            theme: web::load(keys::THEME).map_or(Theme::Auto, |t| Theme::parse(&t)),
            ..State::default()
        };
        match web::share_code().map(|code| ShareState::decode(&code)) {
            Some(Ok(shared)) => state.restore(shared),
            Some(Err(error)) => state.notice = Some(error.to_string()),
            None => {
                if let Some(text) = web::load(keys::INPUT).filter(|_| state.remember) {
                    state.text = text;
                    state.mode = web::load(keys::MODE).and_then(|m| Mode::parse(&m));
                    let product = web::load(keys::PRODUCT).and_then(|p| Product::parse(&p));
                    state.select_product(product.unwrap_or_default());
                }
            }
        }
        state
    }

    /// The state a share link (or an embed's preset) holds.
    pub fn restore(&mut self, shared: ShareState) {
        self.text = shared.text;
        self.mode = shared.mode;
        self.outcome = shared.outcome;
        self.samples = shared.samples;
        self.payload_draft = None;
    }

    /// The product whose webhook the text is: the selected outcome's.
    pub fn product(&self) -> Product {
        self.outcome.product()
    }

    /// `product`, with its first outcome selected.
    fn select_product(&mut self, product: Product) {
        self.outcome = product.first_outcome();
        self.payload_draft = None;
    }

    /// The sample data of the selected outcome.
    pub fn sample(&self) -> &SampleData {
        &self.samples[self.outcome.index()]
    }

    /// What a share link holds: the `secrets` of the text (its check's) left out unless
    /// the person opted in.
    pub fn share_state(&self, secrets: &[Span]) -> ShareState {
        let text = if self.share_secrets {
            self.text.clone()
        } else {
            share::strip_secrets(&self.text, secrets)
        };
        ShareState {
            text,
            mode: self.mode,
            product: self.product(),
            outcome: self.outcome,
            samples: self.samples.clone(),
        }
    }

    /// The text to remember locally: its `secrets` (its check's) left out unless the person
    /// asked to store them.
    pub fn remembered_text(&self, secrets: &[Span]) -> String {
        if self.store_secrets {
            self.text.clone()
        } else {
            share::strip_secrets(&self.text, secrets)
        }
    }
}

/// What the person can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetText(String),
    SetMode(Option<Mode>),
    /// The product, with its first outcome.
    SelectProduct(Product),
    /// An outcome, with its product.
    SelectOutcome(Outcome),
    /// Apply a diagnostic's fix to the text.
    ApplyFix(Fix),
    /// Replace the text with the example at this index of [`EXAMPLES`].
    LoadExample(usize),
    /// Set one variable of the selected outcome's sample data.
    SetVariable(&'static str, String),
    /// The selected outcome's payload, as typed (JSON).
    SetPayloadText(String),
    /// `test` or `monitor`, for every outcome.
    SetRunType(String),
    /// "Include every variable", for every outcome.
    SetIncludeEveryVariable(bool),
    /// Back to testRTC's sample values.
    ResetSamples,
    SetRevealSecrets(bool),
    SetRemember(bool),
    SetStoreSecrets(bool),
    SetShareSecrets(bool),
    CycleTheme,
    DismissNotice,
    /// Open a share code (the fragment changed while the page was open).
    OpenShare(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetText(text) => next.text = text,
            Action::SetMode(mode) => next.mode = mode,
            Action::SelectProduct(product) => next.select_product(product),
            Action::SelectOutcome(outcome) => {
                next.outcome = outcome;
                next.payload_draft = None;
            }
            Action::ApplyFix(fix) => match fix.apply(&next.text) {
                Some(text) => next.text = text,
                None => return self,
            },
            Action::LoadExample(index) => {
                let Some(example) = EXAMPLES.get(index) else {
                    return self;
                };
                next.text = example.text.into();
                next.mode = None;
            }
            Action::SetVariable(name, value) => {
                let sample = &mut next.samples[next.outcome.index()];
                if sample.set(name, &value).is_err() {
                    return self;
                }
            }
            Action::SetPayloadText(text) => {
                if let Ok(payload) = read_payload(&text) {
                    next.samples[next.outcome.index()].set_payload(payload);
                }
                next.payload_draft = Some(text);
            }
            Action::SetRunType(run_type) => {
                for sample in &mut next.samples {
                    let _ = sample.set("runType", &run_type);
                }
            }
            Action::SetIncludeEveryVariable(every) => {
                for sample in &mut next.samples {
                    sample.include_every_variable = every;
                }
            }
            Action::ResetSamples => {
                let every = next.samples[0].include_every_variable;
                next.samples = Outcome::EVERY.map(SampleData::for_outcome);
                next.payload_draft = None;
                for sample in &mut next.samples {
                    sample.include_every_variable = every;
                }
            }
            Action::SetRevealSecrets(reveal) => next.reveal_secrets = reveal,
            Action::SetRemember(remember) => next.remember = remember,
            Action::SetStoreSecrets(store) => next.store_secrets = store,
            Action::SetShareSecrets(share) => next.share_secrets = share,
            Action::CycleTheme => next.theme = next.theme.next(),
            Action::DismissNotice => next.notice = None,
            Action::OpenShare(code) => match ShareState::decode(&code) {
                Ok(shared) => {
                    next.restore(shared);
                    next.notice = None;
                }
                Err(error) => next.notice = Some(error.to_string()),
            },
        }
        Rc::new(next)
    }
}
