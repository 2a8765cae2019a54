//! A project: the working copy of a speech, its named drafts and its settings — one `.lectern`
//! file.

use std::sync::Arc;

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Numbering, Speech};

/// One `.lectern` file's content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// The speech being edited.
    pub speech: Speech,
    /// Saved versions of the speech, oldest first.
    pub drafts: Vec<Draft>,
    /// Per-project settings.
    pub settings: Settings,
    /// Conflicts left by `lectern merge` in the working copy, to be resolved (none normally).
    pub conflicts: Vec<crate::merge::MergeConflict>,
    /// Changes of reviewers' copies the writer kept their own text for ("Keep mine"), so they
    /// are not offered again.
    pub kept: Vec<KeptChange>,
}

/// A change of a reviewer's copy the writer decided against ("Keep mine"): the part on each
/// side of the comparison and the change's deleted and inserted text (both empty for a part's
/// move). Content, not positions, so the mark survives edits elsewhere in the part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct KeptChange {
    /// The part in the working copy (`None`: a section only the reviewer's copy has).
    pub old: Option<crate::part::Part>,
    /// The part in the reviewer's copy (`None`: a section the reviewer removed).
    pub new: Option<crate::part::Part>,
    /// The change's text on the working copy's side.
    pub deleted: String,
    /// The change's text on the reviewer's side.
    pub inserted: String,
}

/// A unique id for a draft within its project.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct DraftId(pub u64);

/// How a draft came to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftKind {
    /// Saved by the writer, with a name.
    #[default]
    Named,
    /// Kept automatically (on save, or before a restore).
    Automatic,
}

/// Why an automatic draft was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftOrigin {
    /// The file was saved.
    Saved,
    /// The working copy before a draft was restored over it.
    BeforeRestoring {
        /// The restored draft's name.
        restored: String,
    },
}

/// A named copy of the speech at one moment.
///
/// Its speech is shared ([`Arc`]): a draft never changes, so copying a project's drafts (an
/// undo step, a save's snapshot) copies no text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Draft {
    /// Unique within the project.
    pub id: DraftId,
    /// The name the writer gave it, e.g. `Draft 3 — 2026-11-27 16:40`.
    pub name: String,
    /// When it was saved.
    pub created: DateTime<Utc>,
    /// An optional remark ("after the director's comments").
    #[serde(default)]
    pub note: Option<String>,
    /// Named by the writer or kept automatically.
    #[serde(default)]
    pub kind: DraftKind,
    /// Why an automatic draft was kept; its name is then empty and the window names it in the
    /// interface language (older files have English names and no origin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<DraftOrigin>,
    /// The full speech as it was.
    #[serde(with = "shared_speech")]
    pub speech: Arc<Speech>,
}

/// A draft's shared speech is written and read as the speech itself.
mod shared_speech {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::model::Speech;

    pub fn serialize<S: Serializer>(speech: &Arc<Speech>, to: S) -> Result<S::Ok, S::Error> {
        Speech::serialize(speech, to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Arc<Speech>, D::Error> {
        Speech::deserialize(from).map(Arc::new)
    }
}

impl PartialEq for Draft {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.created == other.created
            && self.note == other.note
            && self.kind == other.kind
            && self.origin == other.origin
            && (Arc::ptr_eq(&self.speech, &other.speech) || self.speech == other.speech)
    }
}

impl Draft {
    /// The draft's name as the command line shows it: the name the writer gave it, or for an
    /// automatic draft its origin and local time in English (`Saved 2026-11-27 16:40`). The
    /// window names automatic drafts in the interface language instead.
    pub fn display_name(&self) -> String {
        if !self.name.is_empty() || self.origin.is_none() {
            return self.name.clone();
        }
        let local: DateTime<Local> = self.created.with_timezone(&Local);
        let time = local.format("%Y-%m-%d %H:%M");
        match &self.origin {
            Some(DraftOrigin::BeforeRestoring { restored }) => {
                format!("Before restoring “{restored}” {time}")
            }
            Some(DraftOrigin::Saved) | None => format!("Saved {time}"),
        }
    }
}

/// Per-project settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Speaking rate for Chinese, Japanese and Korean text, in characters per minute.
    pub cjk_chars_per_minute: f64,
    /// Speaking rate for English, in words per minute.
    pub words_per_minute: f64,
    /// Whether English-style export numbers headings (I. II. III.).
    pub number_english_headings: bool,
    /// How the window last compared versions of this speech (absent in older files).
    pub compare: CompareSettings,
}

/// How the window compares versions of a project's speech, remembered with the project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareSettings {
    /// Whether the right side is a reviewer's copy whose changes are taken or left.
    pub review: bool,
    /// How finely to compare.
    pub granularity: crate::diff::Granularity,
    /// One column rather than two side by side.
    pub inline: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            cjk_chars_per_minute: 180.0,
            words_per_minute: 130.0,
            number_english_headings: true,
            compare: CompareSettings::default(),
        }
    }
}

impl Settings {
    /// The numbering to use for an English-style export.
    pub fn english_numbering(&self) -> Numbering {
        if self.number_english_headings {
            Numbering::Roman
        } else {
            Numbering::None
        }
    }
}

impl Project {
    /// A project whose working copy is `speech`, with no drafts.
    pub fn new(speech: Speech) -> Self {
        Self {
            speech,
            ..Self::default()
        }
    }

    /// The draft with this id.
    pub fn draft(&self, id: DraftId) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    /// The draft with this exact name (the newest, if several share it).
    pub fn draft_by_name(&self, name: &str) -> Option<&Draft> {
        self.drafts
            .iter()
            .rev()
            .find(|d| d.name == name || (d.name.is_empty() && d.display_name() == name))
    }

    /// The names of all drafts, comma-separated (for messages).
    pub fn draft_names(&self) -> String {
        if self.drafts.is_empty() {
            return "none".to_string();
        }
        self.drafts
            .iter()
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn next_draft_id(&self) -> DraftId {
        DraftId(
            self.drafts
                .iter()
                .map(|d| d.id.0)
                .max()
                .map_or(1, |max| max + 1),
        )
    }

    /// The number of the next named draft (1 for the first): the window names a draft that the
    /// writer did not name `Draft 3 — 2026-11-27 16:40` in the interface language.
    pub fn next_draft_number(&self) -> usize {
        self.drafts
            .iter()
            .filter(|d| d.kind == DraftKind::Named)
            .count()
            + 1
    }

    /// Saves the working copy as a new draft and returns its id.
    pub fn save_draft(
        &mut self,
        name: impl Into<String>,
        note: Option<String>,
        kind: DraftKind,
        now: DateTime<Utc>,
    ) -> DraftId {
        let id = self.next_draft_id();
        self.drafts.push(Draft {
            id,
            name: name.into(),
            created: now,
            note: note.filter(|n| !n.trim().is_empty()),
            kind,
            origin: None,
            speech: Arc::new(self.speech.clone()),
        });
        id
    }

    /// Renames a draft. Returns whether it was found.
    pub fn rename_draft(&mut self, id: DraftId, name: impl Into<String>) -> bool {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(draft) => {
                draft.name = name.into();
                true
            }
            None => false,
        }
    }

    /// Removes a draft and returns it with its former position (so it can be put back).
    pub fn delete_draft(&mut self, id: DraftId) -> Option<(usize, Draft)> {
        let index = self.drafts.iter().position(|d| d.id == id)?;
        Some((index, self.drafts.remove(index)))
    }

    /// Makes a draft the working copy. The working copy is first kept as an automatic draft, so
    /// nothing is lost; returns the id of that draft, or `None` if `id` is not a draft.
    pub fn restore_draft(&mut self, id: DraftId, now: DateTime<Utc>) -> Option<DraftId> {
        let restored = Speech::clone(&self.draft(id)?.speech);
        let name = self.draft(id).map(|d| d.name.clone()).unwrap_or_default();
        let kept = self.save_draft(String::new(), None, DraftKind::Automatic, now);
        if let Some(draft) = self.drafts.iter_mut().find(|d| d.id == kept) {
            draft.origin = Some(DraftOrigin::BeforeRestoring { restored: name });
        }
        self.speech = restored;
        Some(kept)
    }

    /// Keeps the working copy as an automatic draft when the file is saved (with the origin
    /// [`DraftOrigin::Saved`]), unless it equals the newest automatic draft, then thins
    /// the automatic drafts (see [`crate::autodraft`]). Named drafts are never touched.
    pub fn record_save_draft(&mut self, now: DateTime<Utc>) -> crate::autodraft::AutoDraftOutcome {
        let unchanged = self
            .drafts
            .iter()
            .rev()
            .find(|d| d.kind == DraftKind::Automatic)
            .is_some_and(|newest| *newest.speech == self.speech);
        let added = (!unchanged).then(|| {
            let id = self.save_draft(String::new(), None, DraftKind::Automatic, now);
            if let Some(draft) = self.drafts.iter_mut().find(|d| d.id == id) {
                draft.origin = Some(DraftOrigin::Saved);
            }
            id
        });
        let drop_ids = crate::autodraft::thin(&self.drafts, now);
        let mut dropped = Vec::with_capacity(drop_ids.len());
        let mut index = 0;
        self.drafts.retain(|draft| {
            let keep = !drop_ids.contains(&draft.id);
            if !keep {
                dropped.push((index, draft.clone()));
            }
            index += 1;
            keep
        });
        crate::autodraft::AutoDraftOutcome { added, dropped }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    #[test]
    fn restore_keeps_the_working_copy_as_a_draft() {
        let mut project = Project::new(Speech {
            title: "第一稿".into(),
            ..Speech::default()
        });
        let first = project.save_draft("one", None, DraftKind::Named, at(0));
        project.speech.title = "第二稿".into();
        let kept = project.restore_draft(first, at(60)).unwrap();
        assert_eq!(project.speech.title, "第一稿");
        assert_eq!(project.draft(kept).unwrap().speech.title, "第二稿");
        assert_eq!(project.draft(kept).unwrap().kind, DraftKind::Automatic);
    }

    #[test]
    fn draft_ids_stay_unique_after_deletes() {
        let mut project = Project::default();
        let a = project.save_draft("a", None, DraftKind::Named, at(0));
        let b = project.save_draft("b", None, DraftKind::Named, at(0));
        project.delete_draft(a);
        let c = project.save_draft("c", Some("  ".into()), DraftKind::Named, at(0));
        assert_ne!(b, c);
        assert_eq!(project.draft(c).unwrap().note, None);
    }

    #[test]
    fn default_names_count_named_drafts() {
        let mut project = Project::default();
        project.save_draft("x", None, DraftKind::Named, at(0));
        project.save_draft("auto", None, DraftKind::Automatic, at(0));
        assert_eq!(project.next_draft_number(), 2);
        project.speech.title = "changed since the automatic draft".into();
        let kept = project.record_save_draft(at(10)).added;
        let draft = kept.and_then(|id| project.draft(id)).unwrap();
        assert_eq!(draft.origin, Some(DraftOrigin::Saved));
        assert!(
            draft.name.is_empty(),
            "the core names no automatic draft in English"
        );
        assert!(draft.display_name().starts_with("Saved "));
    }
}
