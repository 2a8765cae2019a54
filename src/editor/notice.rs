//! Short-lived notices at the foot of the window, one at a time: "Section deleted — Undo" after
//! an edit that removes something at once, and "Exported to …" / "Printed …" with "Open folder"
//! after a file was written. Each goes by itself after its time
//! ([`Editor::tick`](super::Editor::tick)) or when dismissed; an undoable one also goes at the
//! next change or undo (an undo would then no longer bring back what it offers).

use std::path::Path;
use std::path::PathBuf;

use super::Editor;

/// How long a notice about a written file stays, in seconds.
pub const NOTICE_SECS: f64 = 10.0;

/// How long a notice offering Undo stays, in seconds.
pub const UNDO_NOTICE_SECS: f64 = 8.0;

/// What a notice tells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A section was deleted; an undo brings it back.
    SectionDeleted {
        /// Its position (0-based) when it was deleted.
        index: usize,
        /// Its heading.
        heading: String,
    },
    /// An export was written to `path`.
    Exported {
        /// The written file.
        path: PathBuf,
    },
    /// The printed copy was written to `path` and opened in the viewer.
    Printed {
        /// The PDF.
        path: PathBuf,
    },
}

impl Notice {
    /// The file the notice is about (its folder can be opened), if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Notice::Exported { path } | Notice::Printed { path } => Some(path),
            Notice::SectionDeleted { .. } => None,
        }
    }

    /// Whether the notice offers Undo (an edit or an undo takes it down).
    pub fn offers_undo(&self) -> bool {
        matches!(self, Notice::SectionDeleted { .. })
    }

    /// How long it stays, in seconds.
    pub fn secs(&self) -> f64 {
        if self.offers_undo() {
            UNDO_NOTICE_SECS
        } else {
            NOTICE_SECS
        }
    }
}

/// The notice that is up and when it goes.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ShownNotice {
    notice: Notice,
    /// When it goes, on the editor's clock (seconds).
    until: f64,
}

impl Editor {
    /// The notice that is up, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref().map(|shown| &shown.notice)
    }

    /// Puts up `notice` (in place of any other).
    pub(super) fn show_notice(&mut self, notice: Notice) {
        let until = self.now_secs + notice.secs();
        self.notice = Some(ShownNotice { notice, until });
    }

    /// Takes down a notice that offers Undo: after a change or an undo it would offer the
    /// wrong thing.
    pub(super) fn drop_undo_notice(&mut self) {
        if self.notice().is_some_and(Notice::offers_undo) {
            self.notice = None;
        }
    }

    /// Takes the notice down when its time is up; returns the seconds until it goes.
    pub(super) fn notice_tick(&mut self) -> Option<f64> {
        let until = self.notice.as_ref()?.until;
        if self.now_secs >= until {
            self.notice = None;
            None
        } else {
            Some(until - self.now_secs)
        }
    }
}
