//! Stage 4, render: the exact request testRTC sends for a checked webhook and one run's
//! data (SPEC §3), and what is made of it.
//!
//! - [`sample`]: the run's variables for each outcome, as the person may edit them;
//! - [`label`]: where each part comes from, documented or assumed;
//! - [`body`]: steps 1–3, the data through the body template and the `fieldname` wrapper;
//! - [`request`]: steps 4–5, the format and the headers, and the [`Request`](request::Request)
//!   with where each part comes from;
//! - [`sns`]: the SNS Publish call an SNS target stands for;
//! - [`curl`]: the request as a curl command.

pub mod body;
pub mod curl;
pub mod label;
pub mod request;
pub mod sample;
pub mod sns;
