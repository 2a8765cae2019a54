//! Autosave to the recovery store, and the document's disk stamp.
//!
//! After every change to the document the [`Autosaver`] is told the frame's time; once it is
//! due, the whole working copy is written to the recovery store under the document's
//! [`RecoveryKey`] (never to the writer's own file). The editor asks egui for a frame when the
//! write falls due, so it happens even if nobody touches the window.
//!
//! The recovery file is removed after a successful save, when the document is back to what the
//! file holds (undo), and when the writer answers "Don't save". A recovery file this editor did
//! not write (one left by a crash and not restored) is never overwritten: it is set aside under
//! another name first, so it is still offered at the next start.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use egui::Context;

use crate::recovery::{
    Autosaver, DEFAULT_AUTOSAVE_DELAY_SECS, RECOVERY_SUFFIX, RecoveryKey, RecoveryStore,
};
use crate::storage::{self, DiskStamp};

use super::app::LecternApp;
use super::i18n::{Msg, tr};
use super::recovery_prompt::RecoveryOffer;

/// Where and how often the editor keeps its working copy for recovery.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOptions {
    /// The folder of recovery files (`RecoveryStore::default_location()` in the real app, a
    /// temporary folder in tests).
    pub store: RecoveryStore,
    /// How long after the last edit the working copy is written, in seconds (at most 5).
    pub autosave_delay_secs: f64,
}

impl RecoveryOptions {
    /// Recovery files in `store`, written [`DEFAULT_AUTOSAVE_DELAY_SECS`] after the last edit.
    pub fn new(store: RecoveryStore) -> Self {
        Self {
            store,
            autosave_delay_secs: DEFAULT_AUTOSAVE_DELAY_SECS,
        }
    }

    /// Recovery files in the folder `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self::new(RecoveryStore::new(dir))
    }

    /// The same, with another autosave delay.
    pub fn with_delay(mut self, secs: f64) -> Self {
        self.autosave_delay_secs = secs;
        self
    }
}

/// The editor's side of "nothing lost": autosave state, the document's recovery key and its
/// disk stamp.
#[derive(Debug)]
pub(crate) struct RecoveryState {
    /// The recovery folder; `None` turns autosave off.
    pub store: Option<RecoveryStore>,
    delay_secs: f64,
    autosaver: Autosaver,
    /// The current document's recovery key.
    pub key: RecoveryKey,
    /// Whether the recovery file for `key` is this editor's (written this session, or restored
    /// from): only then is it overwritten or removed.
    pub own_file: bool,
    /// The document's file as it was when opened or last saved.
    pub stamp: Option<DiskStamp>,
    /// The document revision autosave last looked at.
    seen_rev: Option<u64>,
    /// A write failed and the error was shown; not shown again until a write succeeds.
    pub failing: bool,
    /// Construction is over: opening a file now checks for a recovery of it.
    pub started: bool,
    /// Recovery files offered and not yet restored or discarded.
    pub offers: Vec<RecoveryOffer>,
}

impl RecoveryState {
    /// The state for these options (autosave off without them).
    pub fn new(options: Option<RecoveryOptions>) -> Self {
        let (store, delay_secs) = match options {
            Some(options) => (Some(options.store), options.autosave_delay_secs),
            None => (None, DEFAULT_AUTOSAVE_DELAY_SECS),
        };
        Self {
            store,
            delay_secs,
            autosaver: Autosaver::new(delay_secs),
            key: RecoveryKey::new_unsaved(),
            own_file: false,
            stamp: None,
            seen_rev: None,
            failing: false,
            started: false,
            offers: Vec::new(),
        }
    }

    /// Forgets edits not yet written.
    fn reset_autosaver(&mut self) {
        self.autosaver = Autosaver::new(self.delay_secs);
    }
}

/// Whether `a` and `b` name the same file (the same canonical path).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    a == b || RecoveryKey::for_document(a) == RecoveryKey::for_document(b)
}

impl LecternApp {
    /// Autosave's part of a frame: notes a change to the document, writes the recovery file
    /// when due, and otherwise asks for a frame when it will be due.
    pub(crate) fn autosave_tick(&mut self, ctx: &Context) {
        if self.recovery.store.is_none() {
            return;
        }
        if self.recovery.seen_rev != Some(self.rev) {
            self.recovery.seen_rev = Some(self.rev);
            if self.is_modified() {
                self.recovery.autosaver.note_edit(self.now_secs);
            } else {
                // The file holds everything again (just saved, opened, or undone back to it).
                self.remove_own_recovery();
                self.recovery.reset_autosaver();
            }
        }
        match self.recovery.autosaver.secs_until_due(self.now_secs) {
            Some(secs) if secs <= 0.0 => self.write_recovery(),
            Some(secs) => ctx.request_repaint_after(Duration::from_secs_f64(secs)),
            None => {}
        }
    }

    /// Writes the working copy to the recovery store now. A failure is shown once (until a
    /// write succeeds again); the next try comes after the next edit.
    fn write_recovery(&mut self) {
        let snapshot_secs = self.now_secs;
        self.recovery.autosaver.written(snapshot_secs);
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let key = self.recovery.key.clone();
        let result = self
            .set_aside_foreign_recovery(&store, &key)
            .and_then(|()| {
                store.write(
                    &key,
                    &self.doc.to_project(),
                    self.recovery.stamp.as_ref(),
                    Utc::now(),
                )
            });
        match result {
            Ok(_) => {
                self.recovery.own_file = true;
                self.recovery.failing = false;
            }
            Err(error) => {
                if !self.recovery.failing {
                    self.recovery.failing = true;
                    self.errors
                        .push(format!("{}\n\n{error}", tr(self.lang, Msg::AutosaveFailed)));
                }
            }
        }
    }

    /// Before the first write under `key`, moves a recovery file someone else left there (a
    /// crash's, not restored) to a name of its own, so it is still offered later.
    fn set_aside_foreign_recovery(
        &mut self,
        store: &RecoveryStore,
        key: &RecoveryKey,
    ) -> crate::error::Result<()> {
        if self.recovery.own_file {
            return Ok(());
        }
        let current = store.path_for(key);
        if !current.exists() {
            return Ok(());
        }
        let name = key.file_name();
        let stem = name.strip_suffix(RECOVERY_SUFFIX).unwrap_or(&name);
        let kept = store.dir().join(format!(
            "{stem}-kept-{:x}{RECOVERY_SUFFIX}",
            Utc::now().timestamp_millis()
        ));
        std::fs::rename(&current, &kept)
            .map_err(|e| crate::error::Error::io("moving", &current, e))?;
        for offer in &mut self.recovery.offers {
            if offer.entry.file == current {
                offer.entry.file = kept.clone();
            }
        }
        Ok(())
    }

    /// Removes the current document's recovery file if this editor wrote or restored it.
    pub(crate) fn remove_own_recovery(&mut self) {
        if !self.recovery.own_file {
            return;
        }
        self.recovery.own_file = false;
        if let Some(store) = &self.recovery.store
            && let Err(error) = store.remove(&self.recovery.key)
        {
            self.errors.push(error.to_string());
        }
    }

    /// The writer chose not to keep the changes ("Don't save"): the recovery file goes, and
    /// nothing is written again until the next edit.
    pub(crate) fn discard_recovery(&mut self) {
        self.remove_own_recovery();
        self.recovery.reset_autosaver();
    }

    /// A new document is in place (opened, imported, new from a template): its own key, the
    /// file's stamp. The previous document's recovery file is left alone (every way to replace
    /// a modified document saves it or discards it first).
    pub(crate) fn recovery_document_replaced(&mut self, path: Option<&Path>) {
        self.recovery.key = match path {
            Some(path) => RecoveryKey::for_document(path),
            None => RecoveryKey::new_unsaved(),
        };
        self.recovery.own_file = false;
        self.recovery.stamp = path.and_then(|p| storage::stamp(p).ok().flatten());
        self.recovery.reset_autosaver();
        self.recovery.failing = false;
    }

    /// The document was saved to `path`: its recovery file goes, it is keyed by `path` from now
    /// on (after "Save as" too), and the file's new stamp is kept.
    pub(crate) fn recovery_saved(&mut self, path: &Path) {
        self.remove_own_recovery();
        self.recovery_document_replaced(Some(path));
    }

    /// Whether the file at `path` (the document's own) changed on disk since it was opened or
    /// last saved.
    pub(crate) fn changed_since_opened(&self, path: &Path) -> crate::error::Result<bool> {
        storage::changed_on_disk(path, self.recovery.stamp.as_ref())
    }

    /// Tells the writer that autosave is off because there is no data folder.
    pub fn note_autosave_off(&mut self) {
        self.notices
            .push(tr(self.lang, Msg::AutosaveOff).to_string());
    }
}
