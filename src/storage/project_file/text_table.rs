//! The shared table of a version-2 `.lectern` file: each text of the drafts once, by key.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text_key;

/// Keys and texts in the order the file lists them: a RON map `{ "key": "text", … }`.
#[derive(Default)]
pub(super) struct TextTable(Vec<(String, String)>);

impl TextTable {
    /// The texts by key; a key listed twice is the error.
    pub(super) fn by_key(&self) -> Result<super::Texts<'_>, String> {
        let mut map = HashMap::with_capacity(self.0.len());
        for (key, text) in &self.0 {
            if map.insert(key.as_str(), text.as_str()).is_some() {
                return Err(key.clone());
            }
        }
        Ok(super::Texts(map))
    }
}

impl Serialize for TextTable {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, text) in &self.0 {
            map.serialize_entry(key, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TextTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TableVisitor;
        impl<'de> Visitor<'de> for TableVisitor {
            type Value = TextTable;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from text keys to texts")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<TextTable, A::Error> {
                let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0));
                while let Some(entry) = access.next_entry::<String, String>()? {
                    entries.push(entry);
                }
                Ok(TextTable(entries))
            }
        }
        deserializer.deserialize_map(TableVisitor)
    }
}

/// Builds the table while the drafts are converted: hands out one key per distinct text. The
/// finished table is sorted by key, so that adding or deleting a draft only adds or removes
/// lines of the file.
#[derive(Default)]
pub(super) struct TextTableBuilder<'a> {
    /// The key given to each text.
    keys: HashMap<&'a str, String>,
    /// Which text holds each key (to resolve the rare hash collision).
    holders: HashMap<String, &'a str>,
    /// Keys and texts, in order of first use.
    order: Vec<(String, &'a str)>,
}

impl<'a> TextTableBuilder<'a> {
    /// The key of `text`, entering it in the table if new; `""` for the empty text.
    pub(super) fn key(&mut self, text: &'a str) -> String {
        if text.is_empty() {
            return String::new();
        }
        if let Some(key) = self.keys.get(text) {
            return key.clone();
        }
        let mut salt = 0;
        let key = loop {
            let candidate = text_key(text, salt);
            match self.holders.entry(candidate) {
                Entry::Vacant(slot) => {
                    let key = slot.key().clone();
                    slot.insert(text);
                    break key;
                }
                // Another text has this key: try the next candidate.
                Entry::Occupied(_) => salt += 1,
            }
        };
        self.keys.insert(text, key.clone());
        self.order.push((key.clone(), text));
        key
    }

    /// The keys of `texts`, separated by spaces.
    pub(super) fn keys(&mut self, texts: &'a [String]) -> String {
        let mut out = String::with_capacity(texts.len() * 9);
        for text in texts {
            if !out.is_empty() {
                out.push(' ');
            }
            let key = self.key(text);
            if key.is_empty() {
                // An empty paragraph still needs a place in the list.
                out.push_str(EMPTY_IN_LIST);
            } else {
                out.push_str(&key);
            }
        }
        out
    }

    /// The finished table.
    pub(super) fn finish(mut self) -> TextTable {
        self.order.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        TextTable(
            self.order
                .into_iter()
                .map(|(key, text)| (key, text.to_string()))
                .collect(),
        )
    }
}

/// Stands for an empty text in a list of keys (a list cannot hold an empty key).
pub(super) const EMPTY_IN_LIST: &str = "-";
