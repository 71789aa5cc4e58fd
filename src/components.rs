//! One file per component; each takes plain props and renders what core computed.

pub mod copy_button;
pub mod destination_preview;
pub mod destination_reply;
pub mod diagnostics;
pub mod editor;
pub mod format_button;
pub mod label_badge;
pub mod memory_panel;
pub mod preview;
pub mod sample_editor;
pub mod send_panel;
pub mod share_panel;
pub mod toolbar;
pub mod validity;
