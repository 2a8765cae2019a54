//! Nothing lost: autosave of the working copy to the recovery store, the recovery files offered
//! at start (or when a file with one is opened), and the document's disk stamp for the
//! changed-on-disk question.
//!
//! After every change to the document the [`Autosaver`] is told the time; once it is due (see
//! [`Editor::tick`]), the whole working copy is written to the recovery store under the
//! document's [`RecoveryKey`] (never to the writer's own file). The recovery file is removed after
//! a successful save, when the document is back to what the file holds (undo), and when the
//! writer answers "Don't save". A recovery file this editor did not write (one left by a crash and
//! not restored) is never overwritten: it is set aside under another name first, so it is still
//! offered at the next start.

use std::path::{Path, PathBuf};

use crate::project::Project;
use crate::recovery::{
    Autosaver, DEFAULT_AUTOSAVE_DELAY_SECS, RECOVERY_SUFFIX, RecoveryEntry, RecoveryKey,
    RecoveryScan, RecoveryStore,
};
use crate::storage::{self, DiskStamp};

use super::Editor;
use super::dialog::Dialog;
use super::doc::Doc;
use super::message::Message;

/// Where and how often the editor keeps its working copy for recovery.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOptions {
    /// The folder of recovery files (`RecoveryStore::default_location()` in the real app, a
    /// temporary folder in tests).
    pub store: RecoveryStore,
    /// How long after the last edit the working copy is written, in seconds.
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

/// A recovery file offered to the writer, with the project it holds.
#[derive(Clone, Debug)]
pub struct RecoveryOffer {
    /// The recovery file and what is known about it.
    pub entry: RecoveryEntry,
    /// The working copy kept in it.
    pub project: Project,
}

/// The editor's side of "nothing lost": autosave state, the document's recovery key and its
/// disk stamp.
#[derive(Debug)]
pub(super) struct RecoveryState {
    /// The recovery folder; `None` turns autosave off.
    store: Option<RecoveryStore>,
    delay_secs: f64,
    autosaver: Autosaver,
    /// The current document's recovery key.
    key: RecoveryKey,
    /// Whether the recovery file for `key` is this editor's (written this session, or restored
    /// from): only then is it overwritten or removed.
    own_file: bool,
    /// The document's file as it was when opened or last saved.
    stamp: Option<DiskStamp>,
    /// The document revision autosave last looked at.
    seen_rev: Option<u64>,
    /// A write failed and the error was shown; not shown again until a write succeeds.
    failing: bool,
    /// Start-up is over: opening a file now checks for a recovery of it.
    started: bool,
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
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    a == b || RecoveryKey::for_document(a) == RecoveryKey::for_document(b)
}

impl Editor {
    /// Whether autosave is on (there is a recovery folder).
    pub fn autosave_on(&self) -> bool {
        self.recovery.store.is_some()
    }

    /// Autosave's part of a tick: notes a change to the document, and writes the recovery file
    /// when due. Returns the seconds until it is due.
    pub(super) fn autosave_tick(&mut self) -> Option<f64> {
        self.recovery.store.as_ref()?;
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
            Some(secs) if secs <= 0.0 => {
                self.write_recovery();
                None
            }
            other => other,
        }
    }

    /// Writes the working copy to the recovery store now. A failure is reported once (until a
    /// write succeeds again); the next try comes after the next edit.
    fn write_recovery(&mut self) {
        self.recovery.autosaver.written(self.now_secs);
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
                    self.wall,
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
                    self.report(Message::AutosaveFailed(error));
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
    ) -> crate::Result<()> {
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
            self.wall.timestamp_millis()
        ));
        std::fs::rename(&current, &kept).map_err(|e| crate::Error::io("moving", &current, e))?;
        for offer in &mut self.recovery.offers {
            if offer.entry.file == current {
                offer.entry.file = kept.clone();
            }
        }
        Ok(())
    }

    /// Removes the current document's recovery file if this editor wrote or restored it.
    fn remove_own_recovery(&mut self) {
        if !self.recovery.own_file {
            return;
        }
        self.recovery.own_file = false;
        if let Some(store) = &self.recovery.store
            && let Err(error) = store.remove(&self.recovery.key)
        {
            self.report(Message::Failed(error));
        }
    }

    /// The writer chose not to keep the changes ("Don't save"): the recovery file goes, and
    /// nothing is written again until the next edit.
    pub(super) fn discard_recovery(&mut self) {
        self.remove_own_recovery();
        self.recovery.reset_autosaver();
    }

    /// A new document is in place (opened, imported, new from a template): its own key, the
    /// file's stamp. The previous document's recovery file is left alone (every way to replace
    /// a modified document saves it or discards it first).
    pub(super) fn recovery_document_replaced(&mut self, path: Option<&Path>) {
        let stamp = path.and_then(|p| storage::stamp(p).ok().flatten());
        self.recovery_document_stamped(path, stamp);
    }

    /// As [`Editor::recovery_document_replaced`], with the file's stamp already known.
    fn recovery_document_stamped(&mut self, path: Option<&Path>, stamp: Option<DiskStamp>) {
        self.recovery.key = match path {
            Some(path) => RecoveryKey::for_document(path),
            None => RecoveryKey::new_unsaved(),
        };
        self.recovery.own_file = false;
        self.recovery.stamp = stamp;
        self.recovery.reset_autosaver();
        self.recovery.failing = false;
    }

    /// The document was saved to `path`: its recovery file goes, it is keyed by `path` from now
    /// on (after "Save as" too), and the file's new stamp (read back by the save) is kept.
    pub(super) fn recovery_saved(&mut self, path: &Path, stamp: Option<DiskStamp>) {
        self.remove_own_recovery();
        self.recovery_document_stamped(Some(path), stamp);
    }

    /// Looks again at the next tick whether the document needs autosaving (after a save that
    /// finished while typing went on).
    pub(super) fn recheck_autosave(&mut self) {
        self.recovery.seen_rev = None;
    }

    /// Whether the file at `path` (the document's own) changed on disk since it was opened or
    /// last saved.
    pub(super) fn changed_since_opened(&self, path: &Path) -> crate::Result<bool> {
        storage::changed_on_disk(path, self.recovery.stamp.as_ref())
    }

    /// At start: removes recovery files with nothing to recover, reports unreadable ones in one
    /// message, and offers the rest.
    pub(super) fn startup_recovery(&mut self) {
        self.recovery.started = true;
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let scan = match store.pending() {
            Ok(scan) => scan,
            Err(error) => {
                // The folder is unusable: say so once, for the scan and for the writes to come.
                self.report(Message::AutosaveFailed(error));
                self.recovery.failing = true;
                return;
            }
        };
        for stale in &scan.stale {
            // The document holds all of it; a failure to remove is harmless.
            store.remove_file(&stale.file).ok();
        }
        self.offer(scan, |_| true, true);
    }

    /// After opening `path` during the session: offers a recovery of that same file if there
    /// is one.
    pub(super) fn offer_recovery_for(&mut self, path: &Path) {
        if !self.recovery.started {
            return;
        }
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let key = RecoveryKey::for_document(path);
        if let Ok(scan) = store.pending() {
            self.offer(
                scan,
                |entry| entry.document.as_deref() == key.document(),
                false,
            );
        }
    }

    /// Loads the pending entries that `wanted` picks and offers them. With `report`,
    /// unreadable recovery files are reported in one message naming each.
    fn offer(&mut self, scan: RecoveryScan, wanted: impl Fn(&RecoveryEntry) -> bool, report: bool) {
        let mut problems: Vec<crate::Error> =
            scan.unreadable.into_iter().map(|u| u.error).collect();
        let mut offers = Vec::new();
        for entry in scan.pending.into_iter().filter(|e| wanted(e)) {
            match entry.load() {
                Ok(project) => offers.push(RecoveryOffer { entry, project }),
                Err(error) => problems.push(error),
            }
        }
        if report && !problems.is_empty() {
            self.report(Message::RecoveryUnreadable(problems));
        }
        if !offers.is_empty() {
            self.recovery.offers = offers;
            self.dialog = Some(Dialog::Recovery);
        }
    }

    /// Shows the prompt again while offers are left, or closes it.
    fn reshow_offers(&mut self) {
        if !self.recovery.offers.is_empty() {
            self.dialog = Some(Dialog::Recovery);
        } else if self.dialog == Some(Dialog::Recovery) {
            self.dialog = None;
        }
    }

    /// Makes the offered recovery file `file` the document: its path stays the original
    /// document's (Save writes there, after the changed-on-disk check against the stamp taken
    /// when it was opened), and it is modified. Its recovery file is kept until it is saved or
    /// discarded.
    pub(super) fn restore_recovery(&mut self, file: &Path) {
        let Some(index) = self
            .recovery
            .offers
            .iter()
            .position(|o| o.entry.file == file)
        else {
            return;
        };
        let offer = self.recovery.offers.remove(index);
        let path = offer.entry.document.clone();
        self.set_document(Doc::from_project(offer.project), path.clone(), false);
        if let Some(path) = path {
            self.add_recent(path);
        }
        self.recovery.key = offer.entry.key;
        self.recovery.own_file = true;
        self.recovery.stamp = offer.entry.document_stamp;
        self.reshow_offers();
    }

    /// Deletes the offered recovery file `file`.
    pub(super) fn discard_offered_recovery(&mut self, file: &Path) {
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        match store.remove_file(file) {
            Ok(()) => self.recovery.offers.retain(|o| o.entry.file != file),
            Err(error) => self.report(Message::Failed(error)),
        }
        self.reshow_offers();
    }

    /// Keeps the offers for the next start and closes the prompt.
    pub(super) fn decide_recovery_later(&mut self) {
        self.recovery.offers.clear();
        if self.dialog == Some(Dialog::Recovery) {
            self.dialog = None;
        }
    }
}
