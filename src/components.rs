//! One file per component; each takes plain props and renders what core computed.

pub mod diagnostics;
pub mod editor;
pub mod preview;
pub mod send_panel;
pub mod validity;
