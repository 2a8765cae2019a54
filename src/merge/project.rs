//! Merging whole projects: the merged speech as the working copy, both sides' drafts, the base
//! kept as a draft, and the conflicts kept for the window.

use chrono::{DateTime, Utc};

use super::{merge_speeches, pick};
use crate::project::{DraftKind, Project};

/// The name of the draft that keeps the base of a merge.
pub const MERGE_BASE_DRAFT: &str = "Merge base";

/// Merges two projects edited from `base`: the working copy is [`merge_speeches`] of the three
/// working copies, with its conflicts in [`Project::conflicts`]; the drafts are ours, then theirs
/// that ours does not have; the base's speech is kept as a named draft [`MERGE_BASE_DRAFT`]
/// (unless a draft already holds exactly it); settings are taken from the side that changed them.
pub fn merge_projects(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    now: DateTime<Utc>,
) -> Project {
    let merged = merge_speeches(&base.speech, &ours.speech, &theirs.speech);
    let mut project = Project {
        speech: base.speech.clone(),
        drafts: ours.drafts.clone(),
        settings: pick(&base.settings, &ours.settings, &theirs.settings),
        conflicts: Vec::new(),
        kept: Vec::new(),
    };
    for draft in &theirs.drafts {
        let known = project.drafts.iter().any(|d| {
            d.name == draft.name && d.created == draft.created && d.speech == draft.speech
        });
        if !known {
            let id = project.save_draft(draft.name.clone(), draft.note.clone(), draft.kind, now);
            if let Some(copy) = project.drafts.iter_mut().find(|d| d.id == id) {
                copy.created = draft.created;
                copy.origin = draft.origin.clone();
                copy.speech = draft.speech.clone();
            }
        }
    }
    if !project.drafts.iter().any(|d| *d.speech == base.speech) {
        project.save_draft(
            MERGE_BASE_DRAFT,
            Some("kept by lectern merge".to_string()),
            DraftKind::Named,
            now,
        );
    }
    project.speech = merged.speech;
    project.conflicts = merged.conflicts;
    project
}
