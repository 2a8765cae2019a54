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
    /// An export was written to `path`.
    Exported {
        /// The written file.
        path: PathBuf,
    },
}

impl Message {
    /// Whether this is an error (shown with an error's look) rather than a notice.
    pub fn is_error(&self) -> bool {
        match self {
            Message::Failed(_) | Message::AutosaveFailed(_) | Message::RecoveryUnreadable(_) => {
                true
            }
            Message::AutosaveOff | Message::Exported { .. } => false,
        }
    }
}
