//! The questions and forms the editor has open, as data. The window draws the one in
//! [`Editor::dialog`](super::Editor::dialog) and answers with actions.

use std::path::PathBuf;

use crate::project::DraftId;

use super::env::FilePurpose;
use super::export_dialog::ExportDialog;
use super::import_preview::ImportPreviewDialog;
use super::merging::{MergeDialog, ResolveDialog};

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Show the template picker.
    New,
    /// Pick a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Pick a text file and import it.
    ImportText,
    /// Close the window.
    Quit,
    /// Restore this offered recovery file.
    RestoreRecovery(PathBuf),
}

/// The dialog on top of the window, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Pick a template for a new speech.
    NewDocument {
        /// The selected template's position in `templates()`.
        selected: usize,
    },
    /// Save the working copy as a draft.
    SaveDraft {
        /// The name typed so far (empty: the window's default name).
        name: String,
        /// The note typed so far.
        note: String,
        /// The number of the new draft among the named ones, for its default name.
        number: usize,
    },
    /// Rename a draft.
    RenameDraft {
        /// The draft.
        id: DraftId,
        /// The name typed so far.
        name: String,
    },
    /// Export with a live preview: text, Markdown, Word or PDF.
    Export(ExportDialog),
    /// Save the changes first?
    Unsaved {
        /// What to do afterwards.
        then: Pending,
    },
    /// Recovery files to restore or discard (the offers are in [`Editor::offers`](super::Editor::offers)).
    Recovery,
    /// A text, Markdown or Word file's import preview: the lines with their roles, corrected
    /// by the writer, before the speech is made.
    ImportPreview(Box<ImportPreviewDialog>),
    /// No file picker can be shown: the writer types the path.
    TypePath {
        /// What the path is for.
        task: PathTask,
        /// The path typed so far (a save starts with a suggestion).
        path: String,
    },
    /// Merge two reviewers' copies of one version.
    Merge(Box<MergeDialog>),
    /// Resolve the conflicts a merge left in the document.
    ResolveConflicts(ResolveDialog),
    /// The file changed on disk since it was opened: overwrite it?
    ChangedOnDisk {
        /// The document's file.
        path: PathBuf,
        /// What to do once it is saved.
        then: Option<Pending>,
    },
}

/// What a path typed in place of a file picker is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PathTask {
    /// Open it.
    Open,
    /// Import it as a new speech.
    ImportText,
    /// Import it as a reviewer's draft and compare.
    ImportAsDraft,
    /// Save the document there, then do `then`.
    SaveAs {
        /// What waited for the save.
        then: Option<Pending>,
    },
    /// Export there with the Export dialog's choices.
    Export(Box<ExportDialog>),
}

impl PathTask {
    /// The picker this stands in for.
    pub fn purpose(&self) -> FilePurpose {
        match self {
            PathTask::Open => FilePurpose::Open,
            PathTask::ImportText => FilePurpose::ImportText,
            PathTask::ImportAsDraft => FilePurpose::ImportAsDraft,
            PathTask::SaveAs { .. } => FilePurpose::SaveAs,
            PathTask::Export(choices) => FilePurpose::Export {
                extension: choices.kind.extension().to_string(),
            },
        }
    }
}

/// The answer to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Write over the other program's version.
    Overwrite,
    /// Save to another file.
    SaveAs,
    /// Do not save.
    Cancel,
}
