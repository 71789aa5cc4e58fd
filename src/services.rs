//! The app's doors to the network: the test call's `fetch` ([`send`]), with every failure
//! mapped to core's [`SendFailure`](hookcheck_core::browser::send::SendFailure), and the
//! same call through a paired `hookcheck relay` ([`relay`]).

pub mod relay;
pub mod send;

pub use send::{send, Response, SendError};
