//! Saving on a worker thread: the window never waits for a big project to be written.
//!
//! A save takes a snapshot of the document (with its new automatic draft) and hands it to a
//! thread that serialises and writes it atomically (a kill during the write leaves the old file
//! or the new one, never half of one). [`Editor::tick`](super::Editor::tick) collects the result:
//! on success the snapshot becomes the saved revision and whatever waited for the save (closing
//! the window, opening another file) goes on; on failure the error is reported and the document
//! stays modified, so nothing is lost. A save asked for while one is running waits for it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

use crate::project::Project;
use crate::storage::{DiskStamp, save_project, stamp};

use super::dialog::Pending;
use super::doc::{Doc, Edit};
use super::message::Message;
use super::{Editor, Env};

/// A save being written by the worker.
pub(super) struct SaveJob {
    path: PathBuf,
    /// The document as written: what the file holds once the write succeeded.
    written: Doc,
    /// What to do once the file holds it.
    then: Option<Pending>,
    /// The write's outcome: the file's stamp as written (read back on the worker, so the
    /// window does not read a big file again).
    result: Receiver<crate::Result<Option<DiskStamp>>>,
    worker: Option<JoinHandle<()>>,
}

impl SaveJob {
    /// Writes `project` to `path` on a new thread (here and now if no thread can be had).
    fn start(path: PathBuf, written: Doc, project: Project, then: Option<Pending>) -> Self {
        let (tx, result) = mpsc::channel();
        let project = Arc::new(project);
        let worker = {
            let (tx, project, target) = (tx.clone(), Arc::clone(&project), path.clone());
            std::thread::Builder::new()
                .name("lectern-save".into())
                .spawn(move || {
                    // The receiver is gone only when the editor is; nothing is left to tell.
                    let _sent: Result<(), _> = tx.send(write_and_stamp(&project, &target));
                })
                .ok()
        };
        if worker.is_none() {
            let _sent: Result<(), _> = tx.send(write_and_stamp(&project, &path));
        }
        Self {
            path,
            written,
            then,
            result,
            worker,
        }
    }

    /// The result if the write has finished.
    fn poll(&mut self, wait: bool) -> Option<crate::Result<Option<DiskStamp>>> {
        let result = if wait {
            self.result.recv().ok()
        } else {
            match self.result.try_recv() {
                Ok(result) => Some(result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        if let Some(worker) = self.worker.take() {
            let _joined: Result<(), _> = worker.join();
        }
        // A worker that vanished without a word panicked: say the file was not written.
        Some(result.unwrap_or_else(|| {
            Err(crate::Error::io(
                "writing",
                &self.path,
                std::io::Error::other("the save was interrupted"),
            ))
        }))
    }
}

/// Writes `project` to `path` atomically, then reads the file's stamp back (what a later
/// "changed on disk?" question compares with).
fn write_and_stamp(project: &Project, path: &Path) -> crate::Result<Option<DiskStamp>> {
    save_project(project, path)?;
    stamp(path)
}

impl Drop for SaveJob {
    fn drop(&mut self) {
        // The window closing during a save: let the write finish rather than cut it off.
        if let Some(worker) = self.worker.take() {
            let _joined: Result<(), _> = worker.join();
        }
    }
}

/// Saves running and waiting.
#[derive(Default)]
pub(super) struct SaveQueue {
    running: Option<SaveJob>,
    /// A save asked for while one was running: (path, check the disk first, then).
    waiting: Option<(PathBuf, bool, Option<Pending>)>,
    /// Whether to wait for each write before returning (tests and the command line's pace);
    /// the window writes in the background.
    in_background: bool,
}

impl SaveQueue {
    /// No save running; `in_background`: whether saves are written on a worker thread.
    pub(super) fn new(in_background: bool) -> Self {
        Self {
            in_background,
            ..Self::default()
        }
    }
}

impl Editor {
    /// Whether a save is being written.
    pub fn is_saving(&self) -> bool {
        self.saving.running.is_some() || self.saving.waiting.is_some()
    }

    /// Saves to `path`, keeping the working copy as an automatic draft, then does `then`. With
    /// `check_disk`, a document's own file that changed on disk since it was opened or saved is
    /// not written: the changed-on-disk question is asked instead (and `then` is handed back).
    /// Returns `Err(then)` when nothing was started.
    pub(super) fn start_save(
        &mut self,
        path: &Path,
        check_disk: bool,
        then: Option<Pending>,
        env: &mut Env,
    ) -> Result<(), Option<Pending>> {
        if self.saving.running.is_some() {
            // One at a time: this one starts when the running one is done.
            self.saving.waiting = Some((path.to_path_buf(), check_disk, then));
            return Ok(());
        }
        let own_file = self
            .path
            .as_deref()
            .is_some_and(|own| super::recovery::same_file(own, path));
        if check_disk && own_file {
            match self.changed_since_opened(path) {
                Ok(false) => {}
                Ok(true) => {
                    self.dialog = Some(super::Dialog::ChangedOnDisk {
                        path: path.to_path_buf(),
                        then: None,
                    });
                    return Err(then);
                }
                Err(error) => {
                    self.report(Message::Failed(error));
                    return Err(then);
                }
            }
        }
        let mut project = self.doc.to_project();
        project.record_save_draft(self.wall);
        // The automatic draft joins the document as an undo step of its own.
        self.change(Edit::SetDrafts(project.drafts.clone()));
        let written = self.doc.clone();
        self.saving.running = Some(SaveJob::start(path.to_path_buf(), written, project, then));
        if !self.saving.in_background {
            self.finish_saves(true, env);
        }
        Ok(())
    }

    /// Collects a finished save (waiting for it with `wait`) and starts the one waiting.
    /// Returns whether a save is still running.
    pub(super) fn finish_saves(&mut self, wait: bool, env: &mut Env) -> bool {
        loop {
            let Some(job) = &mut self.saving.running else {
                return false;
            };
            let Some(result) = job.poll(wait) else {
                return true;
            };
            let Some(job) = self.saving.running.take() else {
                return false;
            };
            let succeeded = result.is_ok();
            match result {
                Ok(stamp) => {
                    self.path = Some(job.path.clone());
                    self.saved = Some(job.written.clone());
                    self.modified_cache.set(None);
                    self.add_recent(job.path.clone());
                    self.recovery_saved(&job.path, stamp);
                    // Typing that came during the write is autosaved again.
                    self.recheck_autosave();
                }
                Err(error) => self.report(Message::Failed(error)),
            }
            if let Some((path, check_disk, then)) = self.saving.waiting.take() {
                // The waiting save goes on to what either of them waited for.
                let then = then.or(job.then.clone());
                if let Err(Some(then)) = self.start_save(&path, check_disk, then, env) {
                    self.carry_pending(then);
                }
            } else if succeeded && let Some(then) = job.then.clone() {
                self.run_pending(then, env);
            }
            // What waited for the save may have replaced the document.
            self.refresh();
            if self.saving.running.is_none() {
                return false;
            }
        }
    }
}
