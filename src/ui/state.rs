//! The editor's document and the small value types the panes and commands talk about.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{SectionId, Speech};
use crate::project::{Draft, Project, Settings};

use super::i18n::UiLanguage;

/// What undo and redo work on: the working copy (with its per-section time budgets), the drafts
/// and the settings.
///
/// Drafts sit behind an [`Arc`], so a snapshot taken for undo shares them with the document until
/// they change (typing does not copy the drafts).
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The working copy.
    pub speech: Speech,
    /// The drafts, oldest first.
    pub drafts: Arc<Vec<Draft>>,
    /// The project's settings (speaking rates, numbering).
    pub settings: Settings,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        self.speech == other.speech
            && (Arc::ptr_eq(&self.drafts, &other.drafts) || self.drafts == other.drafts)
            && self.settings == other.settings
    }
}

impl Doc {
    /// The document of a project.
    pub fn from_project(project: Project) -> Self {
        Self {
            speech: project.speech,
            drafts: Arc::new(project.drafts),
            settings: project.settings,
        }
    }

    /// The project to save.
    pub fn to_project(&self) -> Project {
        Project {
            speech: self.speech.clone(),
            drafts: self.drafts.as_ref().clone(),
            settings: self.settings.clone(),
        }
    }

    /// Whether the parts that are saved to the file are the same.
    pub fn same_content(&self, other: &Doc) -> bool {
        self == other
    }

    /// Runs `f` on the document as a [`Project`] (to use the core's draft operations) without
    /// copying the speech.
    pub fn with_project<R>(&mut self, f: impl FnOnce(&mut Project) -> R) -> R {
        let mut project = Project {
            speech: std::mem::take(&mut self.speech),
            drafts: std::mem::take(Arc::make_mut(&mut self.drafts)),
            settings: self.settings.clone(),
        };
        let result = f(&mut project);
        self.speech = project.speech;
        self.drafts = Arc::new(project.drafts);
        result
    }

    /// The time budget of the section at `index`, in minutes: the writer's, or an even share of
    /// the target. `None` when neither is set.
    pub fn budget_minutes(&self, index: usize) -> Option<f64> {
        let section = self.speech.sections.get(index)?;
        if let Some(minutes) = section.budget_minutes {
            return Some(minutes);
        }
        let target = self.speech.meta.target_minutes?;
        let count = self.speech.sections.len();
        (count > 0 && target > 0.0).then(|| target / count as f64)
    }
}

/// One editable text of the speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title line.
    Title,
    /// The salutation.
    Greeting,
    /// The opening paragraphs, one per line.
    Opening,
    /// A section's heading.
    Heading(SectionId),
    /// A section's paragraphs, one per line.
    Body(SectionId),
    /// The closing paragraphs, one per line.
    Closing,
}

impl Field {
    /// The pane the field is in.
    pub fn pane(self) -> Pane {
        match self {
            Field::Title => Pane::Title,
            Field::Greeting => Pane::Greeting,
            Field::Opening => Pane::Opening,
            Field::Heading(id) | Field::Body(id) => Pane::Section(id),
            Field::Closing => Pane::Closing,
        }
    }

    /// Whether the field holds several paragraphs (one per line).
    pub fn is_multiline(self) -> bool {
        matches!(self, Field::Opening | Field::Body(_) | Field::Closing)
    }
}

/// One pane of the centre column (and one row of the outline).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pane {
    /// The title.
    Title,
    /// The greeting.
    Greeting,
    /// The opening.
    Opening,
    /// A section.
    Section(SectionId),
    /// The closing.
    Closing,
}

/// Every field of `speech`, in reading order.
pub fn fields(speech: &Speech) -> Vec<Field> {
    let mut out = vec![Field::Title, Field::Greeting, Field::Opening];
    for section in &speech.sections {
        out.push(Field::Heading(section.id));
        out.push(Field::Body(section.id));
    }
    out.push(Field::Closing);
    out
}

/// Every pane of `speech`, in reading order.
pub fn panes(speech: &Speech) -> Vec<Pane> {
    let mut out = vec![Pane::Title, Pane::Greeting, Pane::Opening];
    out.extend(speech.sections.iter().map(|s| Pane::Section(s.id)));
    out.push(Pane::Closing);
    out
}

/// A field's text; paragraphs are joined with `\n`. `None` for a section that is not there.
pub fn field_text(speech: &Speech, field: Field) -> Option<String> {
    Some(match field {
        Field::Title => speech.title.clone(),
        Field::Greeting => speech.greeting.clone(),
        Field::Opening => speech.opening.join("\n"),
        Field::Closing => speech.closing.join("\n"),
        Field::Heading(id) => speech.sections.iter().find(|s| s.id == id)?.heading.clone(),
        Field::Body(id) => speech
            .sections
            .iter()
            .find(|s| s.id == id)?
            .paragraphs
            .join("\n"),
    })
}

/// Splits a multi-line field's text into paragraphs (one per line). An empty text is no
/// paragraph at all.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
            .collect()
    }
}

/// Sets a field's text. Line breaks in a single-line field become spaces. Returns whether the
/// field was found.
pub fn set_field_text(speech: &mut Speech, field: Field, text: &str) -> bool {
    let single = || text.replace(['\r', '\n'], " ");
    match field {
        Field::Title => speech.title = single(),
        Field::Greeting => speech.greeting = single(),
        Field::Opening => speech.opening = split_paragraphs(text),
        Field::Closing => speech.closing = split_paragraphs(text),
        Field::Heading(id) => match speech.sections.iter_mut().find(|s| s.id == id) {
            Some(section) => section.heading = single(),
            None => return false,
        },
        Field::Body(id) => match speech.sections.iter_mut().find(|s| s.id == id) {
            Some(section) => section.paragraphs = split_paragraphs(text),
            None => return false,
        },
    }
    true
}

/// Light, dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// What the window remembers between runs (never the document itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    /// The interface language; `None` follows the system locale.
    pub language: Option<UiLanguage>,
    /// Light, dark or system.
    pub theme: ThemeChoice,
    /// Recently opened or saved `.lectern` files, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the drafts panel is shown.
    pub show_drafts: bool,
    /// Whether the outline panel is shown.
    pub show_outline: bool,
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            language: None,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            show_drafts: false,
            show_outline: true,
        }
    }
}

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

impl UiPrefs {
    /// The key under which eframe stores the preferences.
    pub const STORAGE_KEY: &'static str = "lectern-ui-prefs";

    /// Puts `path` first in the recent files.
    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn multi_line_fields_round_trip() {
        let mut speech = Speech {
            sections: vec![Section::new(
                "h",
                vec!["a".into(), String::new(), "b".into()],
            )],
            ..Speech::default()
        };
        let id = speech.sections[0].id;
        let text = field_text(&speech, Field::Body(id)).unwrap_or_default();
        assert_eq!(text, "a\n\nb");
        assert!(set_field_text(&mut speech, Field::Body(id), "x\ny\n"));
        assert_eq!(speech.sections[0].paragraphs, ["x", "y", ""]);
        assert!(set_field_text(&mut speech, Field::Opening, ""));
        assert!(speech.opening.is_empty());
        assert!(set_field_text(&mut speech, Field::Title, "a\nb"));
        assert_eq!(speech.title, "a b");
        assert!(!set_field_text(
            &mut speech,
            Field::Heading(SectionId(7)),
            "x"
        ));
    }

    #[test]
    fn budgets_default_to_an_even_share() {
        let mut doc = Doc::default();
        doc.speech.meta.target_minutes = Some(30.0);
        doc.speech.sections = vec![Section::new("a", vec![]), Section::new("b", vec![])];
        assert_eq!(doc.budget_minutes(0), Some(15.0));
        doc.speech.sections[1].budget_minutes = Some(5.0);
        assert_eq!(doc.budget_minutes(1), Some(5.0));
        assert_eq!(doc.budget_minutes(2), None);
    }

    #[test]
    fn recent_files_are_unique_newest_first() {
        let mut prefs = UiPrefs::default();
        prefs.add_recent("a".into());
        prefs.add_recent("b".into());
        prefs.add_recent("a".into());
        assert_eq!(prefs.recent, [PathBuf::from("a"), PathBuf::from("b")]);
    }
}
