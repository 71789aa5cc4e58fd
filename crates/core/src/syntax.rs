//! Stage 1, syntax: reading what people type into the webhook field, each reader
//! reporting every problem with its exact span.
//!
//! - [`json`]: the lenient JSON parser (every JavaScript habit has its rule), the value
//!   model `JSON.parse` makes, and `JSON.stringify`-exact output;
//! - [`url`]: the webhook URL as browsers and Node read it;
//! - [`run_options`]: the Run Options field and its `#webhook` option;
//! - [`template`]: `<% this.NAME %>` placeholders, and [`variables`], the names testRTC
//!   documents for them.

pub mod json;
pub mod run_options;
pub mod template;
pub mod url;
pub mod variables;
