//! What undo and redo work on ([`Doc`]), and the edits that change it ([`Edit`]), as values
//! applied by one function ([`Doc::apply`]).

use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::diff::review::{Reject, reject, take};
use crate::diff::{PartDiff, SpeechDiff};
use crate::merge::{ConflictChoice, MergeConflict, resolve_kept_conflicts};

use super::compare::AcceptedKey;
use crate::diff::review::PartKey;
use crate::model::{Language, Section, SectionId, Speech};
use crate::part::{Field, split_paragraphs};
use crate::project::{Draft, DraftId, DraftKind, DraftOrigin, KeptChange, Project, Settings};
use crate::proof::Finding;

/// The working copy (with its per-section time budgets), the drafts and the settings.
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
    /// Conflicts a merge left in the working copy (kept in the file until resolved).
    pub conflicts: Vec<MergeConflict>,
    /// The changes of a reviewer's copy the writer kept ("Keep mine"), so that undo takes the
    /// decision back like any edit. Saved with the project ([`Project::kept`]).
    pub kept: Arc<Vec<AcceptedKey>>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        self.same_file(other)
    }
}

/// A kept change as the file stores it.
fn stored_kept((part, deleted, inserted): &AcceptedKey) -> KeptChange {
    KeptChange {
        old: part.old,
        new: part.new,
        deleted: deleted.clone(),
        inserted: inserted.clone(),
    }
}

/// A kept change as the file stored it.
fn kept_key(kept: KeptChange) -> AcceptedKey {
    (
        PartKey {
            old: kept.old,
            new: kept.new,
        },
        kept.deleted,
        kept.inserted,
    )
}

impl Doc {
    /// The document of a project.
    pub fn from_project(project: Project) -> Self {
        Self {
            speech: project.speech,
            drafts: Arc::new(project.drafts),
            settings: project.settings,
            conflicts: project.conflicts,
            kept: Arc::new(project.kept.into_iter().map(kept_key).collect()),
        }
    }

    /// The project to save (with the merge conflicts still open and the review's kept
    /// changes, so none is lost).
    pub fn to_project(&self) -> Project {
        Project {
            speech: self.speech.clone(),
            drafts: self.drafts.as_ref().clone(),
            settings: self.settings.clone(),
            conflicts: self.conflicts.clone(),
            kept: self.kept.iter().map(stored_kept).collect(),
        }
    }

    /// Whether the two documents would write the same file.
    pub fn same_file(&self, other: &Self) -> bool {
        self.speech == other.speech
            && (Arc::ptr_eq(&self.drafts, &other.drafts) || self.drafts == other.drafts)
            && self.settings == other.settings
            && self.conflicts == other.conflicts
            && (Arc::ptr_eq(&self.kept, &other.kept) || self.kept == other.kept)
    }

    /// Runs `f` on the document as a [`Project`] (to use the core's draft operations) without
    /// copying the speech.
    pub fn with_project<R>(&mut self, f: impl FnOnce(&mut Project) -> R) -> R {
        let mut project = Project {
            speech: std::mem::take(&mut self.speech),
            drafts: std::mem::take(Arc::make_mut(&mut self.drafts)),
            settings: self.settings.clone(),
            conflicts: std::mem::take(&mut self.conflicts),
            kept: Vec::new(),
        };
        let result = f(&mut project);
        self.speech = project.speech;
        self.drafts = Arc::new(project.drafts);
        self.conflicts = project.conflicts;
        result
    }

    /// The draft with this id.
    pub fn draft(&self, id: DraftId) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    /// The time budget of the section at `index`, in minutes: the writer's, or an even share of
    /// the target. `None` when neither is set.
    pub fn budget_minutes(&self, index: usize) -> Option<f64> {
        self.speech.budget_minutes(index)
    }

    /// Applies one edit; returns whether the document changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::SetField { field, text } => {
                self.speech.field_text(field).as_deref() != Some(text.as_str())
                    && self.speech.set_field_text(field, &text)
            }
            Edit::AddSection(section) => {
                if self.speech.section_index(section.id).is_some() {
                    return false;
                }
                self.speech.sections.push(*section);
                true
            }
            Edit::RemoveSection(id) => match self.speech.section_index(id) {
                Some(index) => {
                    self.speech.sections.remove(index);
                    true
                }
                None => false,
            },
            Edit::MoveSection { id, to } => self.speech.move_section(id, to),
            Edit::SetBudget { id, minutes } => {
                let minutes = minutes.filter(|m| m.is_finite() && *m >= 0.0);
                let Some(index) = self.speech.section_index(id) else {
                    return false;
                };
                set(&mut self.speech.sections[index].budget_minutes, minutes)
            }
            Edit::SetTarget(minutes) => {
                let minutes = minutes.filter(|m| m.is_finite() && *m > 0.0);
                set(&mut self.speech.meta.target_minutes, minutes)
            }
            Edit::SetDetail(detail) => detail.apply_to(&mut self.speech),
            Edit::Replace {
                field,
                range,
                expected,
                replacement,
            } => {
                let Some(mut text) = self.speech.field_text(field) else {
                    return false;
                };
                if text.get(range.clone()) != Some(expected.as_str()) {
                    return false;
                }
                text.replace_range(range, &replacement);
                self.speech.set_field_text(field, &text)
            }
            Edit::ReplaceAll {
                query,
                replacement,
                options,
            } => {
                if query.is_empty() {
                    return false;
                }
                let mut changed = false;
                for field in self.speech.field_ids() {
                    if !options.includes(field) {
                        continue;
                    }
                    let Some(text) = self.speech.field_text(field) else {
                        continue;
                    };
                    let found = super::find::find_with(&text, &query, &options);
                    if found.is_empty() {
                        continue;
                    }
                    let mut replaced = String::with_capacity(text.len());
                    let mut at = 0;
                    for range in found {
                        replaced.push_str(&text[at..range.start]);
                        replaced.push_str(&replacement);
                        at = range.end;
                    }
                    replaced.push_str(&text[at..]);
                    changed |= self.speech.set_field_text(field, &replaced);
                }
                changed
            }
            Edit::Revert { diff, part, what } => reject(&mut self.speech, &diff, part, what),
            Edit::Take(takes) => {
                let mut changed = false;
                for taken in takes {
                    changed |= take(
                        &mut self.speech,
                        &taken.part,
                        &taken.changes,
                        taken.structure,
                    );
                }
                changed
            }
            Edit::Keep(keys) => {
                let fresh: Vec<AcceptedKey> = keys
                    .into_iter()
                    .filter(|k| !self.kept.contains(k))
                    .collect();
                if fresh.is_empty() {
                    return false;
                }
                Arc::make_mut(&mut self.kept).extend(fresh);
                true
            }
            Edit::Merged {
                speech,
                base,
                conflicts,
                base_name,
                now,
            } => {
                let base_kept = self.drafts.iter().any(|d| *d.speech == *base);
                if !base_kept {
                    self.with_project(|p| {
                        let id = p.save_draft(base_name, None, DraftKind::Named, now);
                        if let Some(draft) = p.drafts.iter_mut().find(|d| d.id == id) {
                            draft.speech = Arc::new(*base);
                        }
                    });
                }
                self.speech = *speech;
                self.conflicts = conflicts;
                true
            }
            Edit::ResolveConflicts(choices) => {
                if choices.iter().all(|c| *c == ConflictChoice::Open) {
                    return false;
                }
                let (speech, open) =
                    resolve_kept_conflicts(&self.speech, &self.conflicts, &choices);
                let changed = speech != self.speech || open != self.conflicts;
                self.speech = speech;
                self.conflicts = open;
                changed
            }
            Edit::SaveDraft {
                name,
                note,
                kind,
                origin,
                now,
            } => {
                self.with_project(|p| {
                    let id = p.save_draft(name, note, kind, now);
                    if let Some(draft) = p.drafts.iter_mut().find(|d| d.id == id) {
                        draft.origin = origin;
                    }
                });
                true
            }
            Edit::AddDraft {
                speech,
                name,
                note,
                now,
            } => {
                self.with_project(|p| {
                    let id = p.save_draft(name, note, DraftKind::Named, now);
                    if let Some(draft) = p.drafts.iter_mut().find(|d| d.id == id) {
                        draft.speech = Arc::new(*speech);
                    }
                });
                true
            }
            Edit::RenameDraft { id, name } => {
                let name = name.trim().to_string();
                let unchanged = self.draft(id).is_none_or(|d| d.name == name);
                !name.is_empty() && !unchanged && self.with_project(|p| p.rename_draft(id, name))
            }
            Edit::DeleteDraft(id) => self.with_project(|p| p.delete_draft(id)).is_some(),
            Edit::RestoreDraft { id, now } => {
                self.with_project(|p| p.restore_draft(id, now)).is_some()
            }
            Edit::Fix(findings) => crate::proof::apply_fixes(&mut self.speech, &findings) > 0,
            Edit::SetDrafts(drafts) => {
                if *self.drafts == drafts {
                    return false;
                }
                self.drafts = Arc::new(drafts);
                true
            }
        }
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}

/// One change to the document. [`Doc::apply`] carries it out; the editor records each as an undo
/// step (typing into one field, or dragging one value, is grouped into one step at pauses).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set a field's whole text (paragraphs separated by `\n`).
    SetField {
        /// Which field.
        field: Field,
        /// Its new text.
        text: String,
    },
    /// Add this section at the end.
    AddSection(Box<Section>),
    /// Remove a section.
    RemoveSection(SectionId),
    /// Move a section to a position (0-based, clamped to the last one).
    MoveSection {
        /// The section.
        id: SectionId,
        /// Where it goes.
        to: usize,
    },
    /// Set (or, with `None`, clear) a section's time budget in minutes.
    SetBudget {
        /// The section.
        id: SectionId,
        /// Minutes, or `None` for an even share of the target.
        minutes: Option<f64>,
    },
    /// Set the speech's target length in minutes (`None` or non-positive: no target).
    SetTarget(Option<f64>),
    /// Change one of the speech's details or its notes.
    SetDetail(Detail),
    /// Replace `range` (bytes of the field's text) if it still holds `expected`.
    Replace {
        /// The field.
        field: Field,
        /// Where, in bytes of the field's text.
        range: Range<usize>,
        /// What must be there.
        expected: String,
        /// What to put instead.
        replacement: String,
    },
    /// Replace every occurrence of `query` in every field `options` include.
    ReplaceAll {
        /// What to look for.
        query: String,
        /// What to put instead.
        replacement: String,
        /// How to match it.
        options: super::find::FindOptions,
    },
    /// Undo a change of a comparison in the working copy (the right side).
    Revert {
        /// The comparison (a moved paragraph is undone at both its ends).
        diff: Arc<SpeechDiff>,
        /// The part: its position in the comparison's parts.
        part: usize,
        /// Which of its changes.
        what: Reject,
    },
    /// Take changes of a reviewer's copy (the right side) into the working copy (the left
    /// side), part by part.
    Take(Vec<Taken>),
    /// Keep the working copy's text for these changes of a reviewer's copy (marks them done).
    Keep(Vec<AcceptedKey>),
    /// A merge of two reviewers' copies becomes the working copy; the base is kept as a draft
    /// (unless a draft holds exactly it).
    Merged {
        /// The merged speech, conflicts resolved as the writer chose.
        speech: Box<Speech>,
        /// The version both reviewers started from.
        base: Box<Speech>,
        /// The conflicts left open (kept in the file).
        conflicts: Vec<MergeConflict>,
        /// The name of the draft that keeps the base.
        base_name: String,
        /// When.
        now: DateTime<Utc>,
    },
    /// Resolve the conflicts kept in the document ([`Doc::conflicts`]): one choice per
    /// conflict, in order (missing ones stay open). Resolved conflicts leave the list; open ones
    /// stay (and are saved).
    ResolveConflicts(Vec<ConflictChoice>),
    /// Keep the working copy as a draft.
    SaveDraft {
        /// Its name (may be empty for an automatic draft; the window names it by its origin).
        name: String,
        /// An optional note.
        note: Option<String>,
        /// Named or automatic.
        kind: DraftKind,
        /// Why it was kept, for an automatic draft.
        origin: Option<DraftOrigin>,
        /// When.
        now: DateTime<Utc>,
    },
    /// Add another speech (e.g. a reviewer's copy) as a named draft.
    AddDraft {
        /// The speech.
        speech: Box<Speech>,
        /// The draft's name.
        name: String,
        /// An optional note.
        note: Option<String>,
        /// When.
        now: DateTime<Utc>,
    },
    /// Rename a draft (an empty name is ignored).
    RenameDraft {
        /// The draft.
        id: DraftId,
        /// Its new name.
        name: String,
    },
    /// Delete a draft.
    DeleteDraft(DraftId),
    /// Make a draft the working copy (the working copy is kept as an automatic draft first).
    RestoreDraft {
        /// The draft.
        id: DraftId,
        /// When.
        now: DateTime<Utc>,
    },
    /// Put this list of drafts in place (the automatic drafts a save kept and thinned).
    SetDrafts(Vec<Draft>),
    /// Apply the fixes of these proofing findings (found in the speech as it is; stale or
    /// overlapping ones are skipped).
    Fix(Vec<Finding>),
}

/// What to take of one part of a comparison (see [`crate::diff::review::take`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    /// The part, as compared.
    pub part: Box<PartDiff>,
    /// Its text changes to take.
    pub changes: Vec<usize>,
    /// Whether to take its move too.
    pub structure: bool,
}

/// One edit of the speech's details or notes.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// Who gives the speech.
    Speaker(String),
    /// The meeting or event.
    Occasion(String),
    /// The date, as typed.
    Date(String),
    /// The speech's language (decides numbering and export style).
    Language(Language),
    /// The notes, one paragraph per line.
    Notes(String),
}

/// Which detail an edit is about (typing in one of them groups into one undo step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailKind {
    /// Speaker.
    Speaker,
    /// Occasion.
    Occasion,
    /// Date.
    Date,
    /// Language.
    Language,
    /// Notes.
    Notes,
}

impl Detail {
    /// Which detail this edit is about.
    pub fn kind(&self) -> DetailKind {
        match self {
            Detail::Speaker(_) => DetailKind::Speaker,
            Detail::Occasion(_) => DetailKind::Occasion,
            Detail::Date(_) => DetailKind::Date,
            Detail::Language(_) => DetailKind::Language,
            Detail::Notes(_) => DetailKind::Notes,
        }
    }

    /// Applies the edit to a speech; returns whether anything changed.
    pub fn apply_to(self, speech: &mut Speech) -> bool {
        let single = |text: String| text.replace(['\r', '\n'], " ");
        let meta = &mut speech.meta;
        match self {
            Detail::Speaker(text) => set(&mut meta.speaker, single(text)),
            Detail::Occasion(text) => set(&mut meta.occasion, single(text)),
            Detail::Date(text) => set(&mut meta.date, single(text)),
            Detail::Language(language) => set(&mut meta.language, language),
            Detail::Notes(text) => set(&mut speech.notes, split_paragraphs(&text)),
        }
    }
}

/// What a change to the document is grouped with for undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditGroup {
    /// Typing in one field.
    Text(Field),
    /// Dragging one section's budget.
    Budget(SectionId),
    /// Dragging the target length.
    Target,
    /// Typing in one of the details or the notes.
    Detail(DetailKind),
}

impl Edit {
    /// The undo group of this edit: typing into one field, dragging one value; `None` for an
    /// edit that is always a step of its own.
    pub fn group(&self) -> Option<EditGroup> {
        match self {
            Edit::SetField { field, .. } => Some(EditGroup::Text(*field)),
            Edit::SetBudget {
                id,
                minutes: Some(_),
            } => Some(EditGroup::Budget(*id)),
            Edit::SetTarget(_) => Some(EditGroup::Target),
            Edit::SetDetail(detail) => Some(EditGroup::Detail(detail.kind())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_apply_and_report_changes() {
        let mut speech = Speech::default();
        assert!(Detail::Speaker("张三\n".into()).apply_to(&mut speech));
        assert_eq!(speech.meta.speaker, "张三 ");
        assert!(!Detail::Speaker("张三 ".into()).apply_to(&mut speech));
        assert!(Detail::Language(Language::En).apply_to(&mut speech));
        assert!(Detail::Notes("导航\n来源".into()).apply_to(&mut speech));
        assert_eq!(speech.notes, ["导航", "来源"]);
        assert_eq!(Detail::Notes(String::new()).kind(), DetailKind::Notes);
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
}
