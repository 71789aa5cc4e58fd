//! [`Json`]: a JSON value as JavaScript holds it, with objects in JavaScript's own key order.
//! What the request pipeline builds and what [`super::stringify`] writes out.

/// A JSON value. Objects are ordered lists of members; keys are unique.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from members as `JSON.parse` meets them: a repeated key keeps its first
    /// position and takes its last value; then integer-like keys move to the front in
    /// ascending numeric order (ECMAScript's OrdinaryOwnPropertyKeys).
    pub fn object_from_parsed(members: impl IntoIterator<Item = (String, Json)>) -> Json {
        let members = members.into_iter();
        let mut out: Vec<(String, Json)> = Vec::with_capacity(members.size_hint().0);
        let mut index = super::keys::KeyIndex::default();
        for (key, value) in members {
            // Most objects are small: scanning them beats hashing every key (see
            // `KeyIndex::find_or_insert_among`).
            let seen = index.find_or_insert_among(&key, out.len(), |i| out[i].0.as_str());
            match seen {
                Some(at) => {
                    let slot: &mut (String, Json) = &mut out[at];
                    slot.1 = value;
                }
                None => out.push((key, value)),
            }
        }
        Json::object_from_unique(out)
    }

    /// [`Json::object_from_parsed`] for members whose keys are known to be distinct: only
    /// the integer-like keys move.
    fn object_from_unique(mut out: Vec<(String, Json)>) -> Json {
        if out.iter().any(|(k, _)| array_index(k).is_some()) {
            // A stable sort keeps the other keys in insertion order.
            crate::sort::sort_by_key(&mut out, |(k, _)| {
                array_index(k).map_or([1, 0, 0], |i| [0, i, 0])
            });
        }
        Json::Object(out)
    }

    /// An object with members in exactly this order (for objects the pipeline builds).
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn string(s: impl Into<String>) -> Json {
        Json::String(s.into())
    }

    /// The member `key` of an object (`None` for other values).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member at a dotted path: `payload.summary`.
    pub fn at(&self, path: &str) -> Option<&Json> {
        path.split('.').try_fold(self, |value, key| value.get(key))
    }

    /// The member at a dotted path, to change it.
    pub fn at_mut(&mut self, path: &str) -> Option<&mut Json> {
        path.split('.').try_fold(self, |value, key| match value {
            Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        })
    }

    /// The string member at a dotted path.
    pub fn text(&self, path: &str) -> Option<&str> {
        match self.at(path) {
            Some(Json::String(s)) => Some(s),
            _ => None,
        }
    }

    /// Compact text exactly as JavaScript's `JSON.stringify(value)` writes it.
    pub fn to_compact(&self) -> String {
        super::stringify::compact(self)
    }

    /// Indented text as `JSON.stringify(value, null, 2)` writes it.
    pub fn to_pretty(&self) -> String {
        super::stringify::pretty(self)
    }
}

/// The numeric value of a key that JavaScript treats as an array index: the canonical
/// decimal form of an integer below 2^32 - 1.
pub(crate) fn array_index(key: &str) -> Option<u64> {
    if key.is_empty() || key.len() > 10 || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    if !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = key.parse().ok()?;
    (n < u32::MAX as u64).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_key_keeps_first_position_and_last_value() {
        let obj = Json::object_from_parsed([
            ("a".to_string(), Json::Number(1.0)),
            ("b".to_string(), Json::Number(2.0)),
            ("a".to_string(), Json::Number(3.0)),
        ]);
        assert_eq!(
            obj,
            Json::object([("a", Json::Number(3.0)), ("b", Json::Number(2.0))])
        );
    }

    #[test]
    fn integer_like_keys_come_first_in_numeric_order() {
        let obj = Json::object_from_parsed(
            ["b", "10", "2", "01", "4294967295", "a"].map(|k| (k.to_string(), Json::Null)),
        );
        let Json::Object(members) = obj else {
            unreachable!()
        };
        let keys: Vec<_> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["2", "10", "b", "01", "4294967295", "a"]);
    }
}
