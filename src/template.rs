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

const SOURCES: [&str; 6] = [
    include_str!("../templates/zh-work-conference.ron"),
    include_str!("../templates/zh-ceremony-address.ron"),
    include_str!("../templates/zh-hant-work-conference.ron"),
    include_str!("../templates/zh-hant-ceremony-address.ron"),
    include_str!("../templates/en-keynote.ron"),
    include_str!("../templates/en-toast.ron"),
];

/// The id of the template a new document starts from when none is chosen.
pub const DEFAULT_TEMPLATE_ID: &str = "zh-work-conference";

/// The id of the Traditional-script twin of a Chinese template id (`zh-work-conference` →
/// `zh-hant-work-conference`); other ids are returned as they are.
pub fn traditional_id(id: &str) -> String {
    match id.strip_prefix("zh-") {
        Some(rest) if !rest.starts_with("hant-") => format!("zh-hant-{rest}"),
        _ => id.to_string(),
    }
}

/// The template a new speech starts from for a writer who reads Traditional Chinese
/// (`traditional`) or not: the default template in that script.
pub fn default_template_id(traditional: bool) -> String {
    if traditional {
        traditional_id(DEFAULT_TEMPLATE_ID)
    } else {
        DEFAULT_TEMPLATE_ID.to_string()
    }
}

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

    /// Every text of a speech's template, in a fixed order.
    fn texts(speech: &Speech) -> Vec<String> {
        let mut all = vec![speech.title.clone(), speech.greeting.clone()];
        for section in &speech.sections {
            all.push(section.heading.clone());
            all.push(section.guidance.clone());
        }
        let g = &speech.guidance;
        all.extend([&g.title, &g.greeting, &g.opening, &g.closing].map(|t| t.to_string()));
        all.extend(speech.opening.iter().chain(&speech.closing).cloned());
        all
    }

    #[test]
    fn every_chinese_template_has_a_traditional_twin_with_the_converted_text() {
        use ferrous_opencc::OpenCC;
        use ferrous_opencc::config::BuiltinConfig;
        // Taiwan's character forms (為, 裡), no phrase changes; the Traditional texts quote
        // with 「」 where the Simplified ones use “”.
        let s2tw = OpenCC::from_config(BuiltinConfig::S2tw).unwrap();
        let all = templates();
        let simplified: Vec<&Template> = all
            .iter()
            .filter(|t| t.speech.meta.language == crate::model::Language::ZhHans)
            .collect();
        assert_eq!(simplified.len(), 2);
        for hans in simplified {
            let id = traditional_id(&hans.id);
            assert!(id.starts_with("zh-hant-"), "{id}");
            let hant = template(&id).unwrap();
            assert_eq!(hant.speech.meta.language, crate::model::Language::ZhHant);
            assert_eq!(
                hant.speech.meta.target_minutes,
                hans.speech.meta.target_minutes
            );
            assert_eq!(hant.name, s2tw.convert(&hans.name), "{id}");
            for (s, t) in texts(&hans.speech).iter().zip(texts(&hant.speech)) {
                let expected = s2tw.convert(s).replace('“', "「").replace('”', "」");
                assert_eq!(t, expected, "{id}");
            }
            // No Simplified character is left (a positive first: the Simplified text has some).
            assert_ne!(s2tw.convert(&hans.speech.greeting), hans.speech.greeting);
            for t in texts(&hant.speech) {
                assert_eq!(s2tw.convert(&t), t, "{id}: {t}");
            }
        }
        assert_eq!(default_template_id(true), "zh-hant-work-conference");
        assert_eq!(default_template_id(false), DEFAULT_TEMPLATE_ID);
        assert_eq!(traditional_id("en-toast"), "en-toast");
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
