//! Text or Markdown → speech. (Interface; the structure detection is being written.)

use crate::model::Speech;

/// How to read the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text.
    #[default]
    Plain,
    /// Markdown (`#` headings).
    Markdown,
}

/// The result of an import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The speech found in the text.
    pub speech: Speech,
    /// Structure markers removed from the text, in input order (heading numbers like `一、`,
    /// Markdown `##`): with the speech's fields, they account for every non-whitespace character
    /// of the input.
    pub removed_markers: Vec<String>,
    /// What the importer could not find or had to guess, for people.
    pub warnings: Vec<String>,
}

/// Finds title, greeting, opening, sections, closing and notes in `text`.
pub fn import_text(text: &str, _format: TextFormat) -> Imported {
    let speech = Speech {
        opening: text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        ..Speech::default()
    };
    Imported {
        speech,
        ..Imported::default()
    }
}
