//! What the importer's test files share.

use lectern::model::Speech;

/// Title, greeting, opening, (heading, paragraphs) per section, closing.
pub type Structure = (
    String,
    String,
    Vec<String>,
    Vec<(String, Vec<String>)>,
    Vec<String>,
);

/// Title, greeting, opening, headings, paragraphs and closing: what a round trip keeps.
pub fn structure(speech: &Speech) -> Structure {
    (
        speech.title.clone(),
        speech.greeting.clone(),
        speech.opening.clone(),
        speech
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.paragraphs.clone()))
            .collect(),
        speech.closing.clone(),
    )
}
