//! What the person reads about a failure or refusal of a test call, sent from the browser or
//! through the relay: a title, what happened, and what to do.

/// What the person reads about a failure or refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub message: String,
    pub what_to_do: String,
}

impl Explanation {
    pub(crate) fn new(
        title: impl Into<String>,
        message: impl Into<String>,
        what_to_do: impl Into<String>,
    ) -> Self {
        Explanation {
            title: title.into(),
            message: message.into(),
            what_to_do: what_to_do.into(),
        }
    }
}
