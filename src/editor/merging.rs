//! The Merge reviews dialog: a base version and two reviewers' copies of it (drafts, the working
//! copy, or files) merged by [`crate::merge::merge_speeches`]; the writer resolves each conflict
//! (ours, theirs or own text) and accepts: the result becomes the working copy as one undo step,
//! the base kept as a draft.

use std::path::{Path, PathBuf};

use crate::import::file::import_file;
use crate::merge::{
    ConflictChoice, MergeConflict, locate_conflict, merge_speeches, resolve_conflicts,
};
use crate::model::Speech;
use crate::project::DraftId;
use crate::storage::{FileKind, load_project};

use super::Editor;
use super::dialog::Dialog;
use super::doc::Edit;
use super::env::{Env, FilePurpose};
use super::message::Message;

/// Which of the three versions of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeSlot {
    /// The version both reviewers started from.
    Base,
    /// The first reviewer's copy ("ours": kept where both changed the same phrase, until
    /// resolved).
    Ours,
    /// The second reviewer's copy.
    Theirs,
}

/// Where a version of a merge comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeSource {
    /// The working copy.
    Working,
    /// A draft.
    Draft(DraftId),
    /// A file read when it was picked (text, Markdown, .docx or a `.lectern` project).
    File(PathBuf),
}

/// One chosen version: where from, and its speech as read then.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeInput {
    /// Where it comes from.
    pub source: MergeSource,
    /// Its speech.
    pub speech: Box<Speech>,
}

/// The merge and the writer's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeOutcome {
    /// The merged speech (ours where the sides conflict).
    pub speech: Box<Speech>,
    /// The conflicts, in reading order.
    pub conflicts: Vec<MergeConflict>,
    /// How each conflict is resolved so far.
    pub choices: Vec<ConflictChoice>,
}

impl MergeOutcome {
    /// How many conflicts are still open.
    pub fn open_count(&self) -> usize {
        self.choices
            .iter()
            .filter(|c| **c == ConflictChoice::Open)
            .count()
    }
}

/// The Merge reviews dialog's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeDialog {
    /// The base version.
    pub base: Option<MergeInput>,
    /// The first reviewer's copy.
    pub ours: Option<MergeInput>,
    /// The second reviewer's copy.
    pub theirs: Option<MergeInput>,
    /// The merge, once the three are chosen.
    pub outcome: Option<MergeOutcome>,
}

impl MergeDialog {
    /// The input in a slot.
    pub fn input(&self, slot: MergeSlot) -> Option<&MergeInput> {
        match slot {
            MergeSlot::Base => self.base.as_ref(),
            MergeSlot::Ours => self.ours.as_ref(),
            MergeSlot::Theirs => self.theirs.as_ref(),
        }
    }

    fn input_mut(&mut self, slot: MergeSlot) -> &mut Option<MergeInput> {
        match slot {
            MergeSlot::Base => &mut self.base,
            MergeSlot::Ours => &mut self.ours,
            MergeSlot::Theirs => &mut self.theirs,
        }
    }

    /// Merges again when all three versions are there.
    fn remerge(&mut self) {
        self.outcome = match (&self.base, &self.ours, &self.theirs) {
            (Some(base), Some(ours), Some(theirs)) => {
                let merged = merge_speeches(&base.speech, &ours.speech, &theirs.speech);
                let choices = vec![ConflictChoice::Open; merged.conflicts.len()];
                Some(MergeOutcome {
                    speech: Box::new(merged.speech),
                    conflicts: merged.conflicts,
                    choices,
                })
            }
            _ => None,
        };
    }
}

/// The Resolve merge conflicts dialog's state: how each conflict kept in the document
/// ([`super::Doc::conflicts`]) is to be resolved, in the same order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResolveDialog {
    /// One choice per conflict of the document.
    pub choices: Vec<ConflictChoice>,
}

impl ResolveDialog {
    /// How many conflicts are still undecided.
    pub fn open_count(&self) -> usize {
        self.choices
            .iter()
            .filter(|c| **c == ConflictChoice::Open)
            .count()
    }
}

/// Reads a speech from a file for a merge: a `.lectern` project's working copy, or an imported
/// text, Markdown or Word file.
fn read_speech(path: &Path) -> crate::error::Result<Speech> {
    if FileKind::of(path) == FileKind::Project {
        return load_project(path).map(|p| p.speech);
    }
    import_file(path).map(|f| f.imported.speech)
}

impl Editor {
    /// The Merge reviews dialog, while it is up.
    pub fn merge_dialog(&self) -> Option<&MergeDialog> {
        match &self.dialog {
            Some(Dialog::Merge(state)) => Some(state),
            _ => None,
        }
    }

    fn merge_dialog_mut(&mut self) -> Option<&mut MergeDialog> {
        match &mut self.dialog {
            Some(Dialog::Merge(state)) => Some(state),
            _ => None,
        }
    }

    /// Opens the dialog with the working copy as the base.
    pub(super) fn open_merge(&mut self) {
        let state = MergeDialog {
            base: Some(MergeInput {
                source: MergeSource::Working,
                speech: Box::new(self.doc.speech.clone()),
            }),
            ..MergeDialog::default()
        };
        self.dialog = Some(Dialog::Merge(Box::new(state)));
    }

    /// Puts a version in a slot (a file is picked now) and merges again.
    pub(super) fn set_merge_input(&mut self, slot: MergeSlot, source: MergeSource, env: &mut Env) {
        let speech = match &source {
            MergeSource::Working => Some(self.doc.speech.clone()),
            MergeSource::Draft(id) => self.doc.draft(*id).map(|d| Speech::clone(&d.speech)),
            MergeSource::File(path) => {
                let path = if path.as_os_str().is_empty() {
                    env.dialogs.pick(&FilePurpose::MergeInput, "")
                } else {
                    Some(path.clone())
                };
                let Some(path) = path else {
                    return;
                };
                match read_speech(&path) {
                    Ok(speech) => {
                        let input = MergeInput {
                            source: MergeSource::File(path),
                            speech: Box::new(speech),
                        };
                        self.put_merge_input(slot, input);
                    }
                    Err(error) => self.report(Message::Failed(error)),
                }
                return;
            }
        };
        if let Some(speech) = speech {
            self.put_merge_input(
                slot,
                MergeInput {
                    source,
                    speech: Box::new(speech),
                },
            );
        }
    }

    fn put_merge_input(&mut self, slot: MergeSlot, input: MergeInput) {
        if let Some(state) = self.merge_dialog_mut() {
            *state.input_mut(slot) = Some(input);
            state.remerge();
        }
    }

    /// Resolves (or, with [`ConflictChoice::Open`], reopens) one conflict of the merge, or of
    /// the Resolve merge conflicts dialog.
    pub(super) fn choose_conflict(&mut self, index: usize, choice: ConflictChoice) {
        let slot = match &mut self.dialog {
            Some(Dialog::Merge(state)) => state
                .outcome
                .as_mut()
                .and_then(|o| o.choices.get_mut(index)),
            Some(Dialog::ResolveConflicts(state)) => state.choices.get_mut(index),
            _ => None,
        };
        if let Some(slot) = slot {
            *slot = choice;
        }
    }

    /// The Resolve merge conflicts dialog, while it is up.
    pub fn resolve_dialog(&self) -> Option<&ResolveDialog> {
        match &self.dialog {
            Some(Dialog::ResolveConflicts(state)) => Some(state),
            _ => None,
        }
    }

    /// The conflicts a merge left in the document (kept in its file until resolved).
    pub fn conflicts(&self) -> &[MergeConflict] {
        &self.doc.conflicts
    }

    /// Whether the document's conflict at `index` can still be found in the working copy
    /// (false once its text was edited by hand: it can then only be dismissed).
    pub fn conflict_is_current(&self, index: usize) -> bool {
        self.doc
            .conflicts
            .get(index)
            .is_some_and(|c| locate_conflict(&self.doc.speech, c).is_some())
    }

    /// Opens the Resolve merge conflicts dialog on the document's conflicts, all undecided.
    pub(super) fn open_resolve_conflicts(&mut self) {
        self.dialog = Some(Dialog::ResolveConflicts(ResolveDialog {
            choices: vec![ConflictChoice::Open; self.doc.conflicts.len()],
        }));
    }

    /// Applies the Resolve merge conflicts dialog's choices to the working copy as one undo
    /// step; the conflicts left undecided stay in the document.
    pub(super) fn accept_resolution(&mut self) {
        let Some(Dialog::ResolveConflicts(state)) = self.dialog.take() else {
            return;
        };
        if self.change(Edit::ResolveConflicts(state.choices)) {
            self.compare = None;
        }
    }

    /// The merge becomes the working copy (one undo step); the base is kept as a draft;
    /// conflicts left open stay in the document (and its file).
    pub(super) fn accept_merge(&mut self, base_name: String) {
        let Some(Dialog::Merge(state)) = self.dialog.take() else {
            return;
        };
        let (Some(outcome), Some(base)) = (&state.outcome, &state.base) else {
            self.dialog = Some(Dialog::Merge(state));
            return;
        };
        let (speech, open) =
            resolve_conflicts(&outcome.speech, &outcome.conflicts, &outcome.choices);
        self.compare = None;
        self.change(Edit::Merged {
            speech: Box::new(speech),
            base: base.speech.clone(),
            conflicts: open,
            base_name,
            now: self.wall,
        });
        self.effects.push(super::Effect::DocumentReplaced);
    }
}
