//! A short-lived notice with an Undo button, after an edit that removes something at once (a
//! section): the writer sees what went and can take it back. It goes by itself after
//! [`UNDO_NOTICE_SECS`] ([`Editor::tick`](super::Editor::tick)), at the next change, or at an
//! undo.

use super::Editor;

/// How long the notice stays, in seconds.
pub const UNDO_NOTICE_SECS: f64 = 8.0;

/// What was removed.
#[derive(Clone, Debug, PartialEq)]
pub enum Undoable {
    /// A section was deleted.
    SectionDeleted {
        /// Its position (0-based) when it was deleted.
        index: usize,
        /// Its heading.
        heading: String,
    },
}

/// The notice that is up.
#[derive(Clone, Debug, PartialEq)]
pub struct UndoNotice {
    /// What was removed; an undo brings it back.
    pub what: Undoable,
    /// When it goes, on the editor's clock (seconds).
    pub until: f64,
}

impl Editor {
    /// The undo notice that is up, if any.
    pub fn undo_notice(&self) -> Option<&UndoNotice> {
        self.undo_notice.as_ref()
    }

    /// Puts up the notice for `what`.
    pub(super) fn notify_undoable(&mut self, what: Undoable) {
        self.undo_notice = Some(UndoNotice {
            what,
            until: self.now_secs + UNDO_NOTICE_SECS,
        });
    }

    /// Takes the notice down when its time is up; returns the seconds until it goes.
    pub(super) fn undo_notice_tick(&mut self) -> Option<f64> {
        let until = self.undo_notice.as_ref()?.until;
        if self.now_secs >= until {
            self.undo_notice = None;
            None
        } else {
            Some(until - self.now_secs)
        }
    }
}
