//! Built-in templates (`templates/*.ron`, compiled into the binary).

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Speech;

/// A starting point for a new speech: greeting, three section slots with guidance, and hints.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Template {
    /// Stable id used on the command line, e.g. `zh-work-conference`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One line on what it is for.
    #[serde(default)]
    pub description: String,
    /// The speech a new document starts from.
    pub speech: Speech,
}

const SOURCES: [&str; 4] = [
    include_str!("../templates/zh-work-conference.ron"),
    include_str!("../templates/zh-ceremony-address.ron"),
    include_str!("../templates/en-keynote.ron"),
    include_str!("../templates/en-toast.ron"),
];

/// The id of the template a new document starts from when none is chosen.
pub const DEFAULT_TEMPLATE_ID: &str = "zh-work-conference";

/// All built-in templates, in menu order. (A test checks every one parses.)
pub fn templates() -> Vec<Template> {
    SOURCES
        .iter()
        .filter_map(|source| ron::from_str::<Template>(source).ok())
        .collect()
}

/// The template with this id.
pub fn template(id: &str) -> Result<Template> {
    let all = templates();
    all.iter()
        .find(|t| t.id == id)
        .cloned()
        .ok_or_else(|| Error::NoSuchTemplate {
            id: id.to_string(),
            available: all
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// A new speech from a template, with fresh section ids.
pub fn new_speech(id: &str) -> Result<Speech> {
    Ok(template(id)?.speech.with_fresh_ids())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses_and_has_the_shape() {
        for source in SOURCES {
            let template: Template = ron::from_str(source).unwrap();
            let s = &template.speech;
            assert!(!s.greeting.is_empty(), "{}", template.id);
            assert_eq!(s.sections.len(), 3, "{}", template.id);
            assert!(s.sections.iter().all(|sec| !sec.guidance.is_empty()));
            assert!(!s.guidance.opening.is_empty() && !s.guidance.closing.is_empty());
        }
        assert_eq!(templates().len(), SOURCES.len());
    }

    #[test]
    fn new_speeches_get_fresh_ids() {
        let a = new_speech(DEFAULT_TEMPLATE_ID).unwrap();
        let b = new_speech(DEFAULT_TEMPLATE_ID).unwrap();
        assert_ne!(a.sections[0].id, b.sections[0].id);
        assert!(matches!(
            template("nope"),
            Err(Error::NoSuchTemplate { .. })
        ));
    }
}
