//! The app's one door to the network: the test call's `fetch`, with every failure mapped
//! to core's [`SendFailure`](hookcheck_core::browser::send::SendFailure).

pub mod send;

pub use send::{send, Response, SendError};
