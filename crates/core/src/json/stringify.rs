//! `JSON.stringify`-exact output (stub; being written).
use super::Json;

pub fn compact(_value: &Json) -> String {
    String::new()
}

pub fn pretty(_value: &Json) -> String {
    String::new()
}
