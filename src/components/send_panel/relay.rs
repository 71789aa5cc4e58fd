//! The panel's relay parts: whether this tab is paired with a `hookcheck relay` (and why a
//! pairing link just opened did not pair it), what the panel says while paired, and the
//! relay command it offers before pairing. The words are core's
//! (`hookcheck_core::browser::relay`).

use hookcheck_core::browser::relay::{relay_command, Pairing, PairingError, OFFER};
use yew::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::services::relay::{stored, take_from_address};

/// The relay this tab is paired with, and why the pairing link opened last did not pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paired {
    pub pairing: Option<Pairing>,
    pub damaged: Option<PairingError>,
}

impl Paired {
    /// A pairing link in the address bar (taken out of it), else the pairing this tab kept.
    pub fn now() -> Paired {
        Paired::after(take_from_address())
    }

    /// The pairing after a pairing link was opened (`taken`), or none was (`None`).
    pub fn after(taken: Option<Result<Pairing, PairingError>>) -> Paired {
        match taken {
            Some(Ok(pairing)) => Paired {
                pairing: Some(pairing),
                damaged: None,
            },
            Some(Err(why)) => Paired {
                pairing: stored(),
                damaged: Some(why),
            },
            None => Paired {
                pairing: stored(),
                damaged: None,
            },
        }
    }
}

/// While paired: where calls go, and the button that ends the pairing.
pub fn paired_view(pairing: &Pairing, onunpair: Callback<MouseEvent>) -> Html {
    html! {
        <p class="send-prediction" data-testid="send-via">
            { pairing.via() }{ " " }
            <button type="button" class="secondary" data-testid="send-unpair" onclick={onunpair}>
                { "Unpair" }
            </button>
        </p>
    }
}

/// Before pairing, where a browser cannot or may not reach the destination: the exact
/// command that starts a relay for this page (`page` is its address).
pub fn offer_view(page: &str) -> Html {
    let command = relay_command(page);
    let copy = {
        let command = command.clone();
        Callback::from(move |()| command.clone())
    };
    html! {
        <div class="send-warning" data-testid="send-relay-offer">
            <p>{ OFFER }</p>
            <pre class="send-curl" data-testid="send-relay-command">{ command }</pre>
            <CopyButton label="Copy relay command" content={copy} testid="send-copy-relay-command" />
        </div>
    }
}
