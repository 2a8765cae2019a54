//! What the editor tells the writer, as data: the window words each [`Message`] in the interface
//! language (the core builds no sentences for people).

use std::path::PathBuf;

use crate::error::Error;

/// One message waiting to be shown.
#[derive(Debug)]
pub enum Message {
    /// Opening, importing, saving or exporting failed.
    Failed(Error),
    /// Autosave to the recovery folder failed (shown once until a write succeeds again).
    AutosaveFailed(Error),
    /// There is no data folder, so autosave is off.
    AutosaveOff,
    /// Recovery files that could not be read, each with its problem.
    RecoveryUnreadable(Vec<Error>),
    /// A Word or PDF copy (or a text export) could not be made or written to `path`.
    ExportFailed {
        /// The file it was for.
        path: PathBuf,
        /// What failed.
        error: crate::export::PrintError,
    },
    /// The system's viewer or file manager could not be started for `path`.
    OpenFailed {
        /// What was to be opened.
        what: OpenWhat,
        /// The file or folder.
        path: PathBuf,
    },
}

/// What the system's opener was asked to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenWhat {
    /// A printed copy, in the PDF viewer.
    Viewer,
    /// A folder, in the file manager.
    Folder,
}

impl Message {
    /// Whether this is an error (shown with an error's look) rather than a notice.
    pub fn is_error(&self) -> bool {
        match self {
            Message::Failed(_)
            | Message::AutosaveFailed(_)
            | Message::RecoveryUnreadable(_)
            | Message::ExportFailed { .. }
            | Message::OpenFailed { .. } => true,
            Message::AutosaveOff => false,
        }
    }
}
