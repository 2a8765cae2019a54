//! Opening, importing, saving and exporting files. Failures become messages; nothing is
//! replaced or overwritten when something fails, and a file another program changed since it was
//! opened is not overwritten without asking. Each save keeps the working copy as an automatic
//! draft.

use std::path::{Path, PathBuf};

use crate::export::{ExportOptions, export};
use crate::import::file::import_file;
use crate::project::Project;
use crate::template::new_speech;

use super::action::Effect;
use super::dialog::{Dialog, PathTask, Pending};
use super::doc::{Doc, Edit};
use super::env::Env;
use super::message::Message;
use super::{Editor, Version};

impl Editor {
    /// Puts a new document in place: no undo across documents.
    pub(super) fn set_document(&mut self, doc: Doc, path: Option<PathBuf>, saved: bool) {
        self.saved = saved.then(|| doc.clone());
        self.modified_cache.set(None);
        self.doc = doc;
        self.path = path;
        self.history.clear();
        self.rev += 1;
        self.find.current = None;
        self.compare = None;
        self.dialog = None;
        self.effects.push(Effect::DocumentReplaced);
        let path = self.path.clone();
        self.recovery_document_replaced(path.as_deref());
    }

    pub(super) fn new_from_template(&mut self, id: &str) {
        match new_speech(id) {
            Ok(speech) => self.set_document(Doc::from_project(Project::new(speech)), None, true),
            Err(error) => self.report(Message::Failed(error)),
        }
    }

    /// Asks the pickers for a file for `task`; when no picker can be shown, puts up the
    /// dialog where the writer types the path instead (never nothing at all) and returns `None`.
    pub(super) fn pick_or_ask(
        &mut self,
        task: PathTask,
        suggested: &str,
        env: &mut Env,
    ) -> Option<PathBuf> {
        if env.dialogs.available() {
            return env.dialogs.pick(&task.purpose(), suggested);
        }
        let folder = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok());
        let path = match folder {
            Some(folder) if !suggested.is_empty() => folder.join(suggested),
            Some(folder) => folder.join(""),
            None => PathBuf::from(suggested),
        };
        self.dialog = Some(Dialog::TypePath {
            task,
            path: path.display().to_string(),
        });
        None
    }

    /// Does what a path typed in place of a picker was for.
    pub(super) fn accept_typed_path(&mut self, env: &mut Env) {
        let Some(Dialog::TypePath { path, .. }) = &self.dialog else {
            return;
        };
        let typed = path.trim();
        if typed.is_empty() || typed.ends_with(std::path::MAIN_SEPARATOR) {
            return;
        }
        let path = PathBuf::from(typed);
        let Some(Dialog::TypePath { task, .. }) = self.dialog.take() else {
            return;
        };
        match task {
            PathTask::Open => self.open_path_now(&path),
            PathTask::ImportText => self.import_now(&path),
            PathTask::ImportAsDraft => self.import_as_draft_from(&path),
            PathTask::SaveAs { then } => {
                let path = with_extension(path, "lectern");
                if let Err(Some(then)) = self.start_save(&path, true, then, env) {
                    self.carry_pending(then);
                }
            }
            PathTask::Export(choices) => {
                let path = with_extension(path, choices.kind.extension());
                self.export_to(*choices, path);
            }
        }
    }

    pub(super) fn open_with_dialog(&mut self, env: &mut Env) {
        if let Some(path) = self.pick_or_ask(PathTask::Open, "", env) {
            self.open_path_now(&path);
        }
    }

    pub(super) fn import_with_dialog(&mut self, env: &mut Env) {
        if let Some(path) = self.pick_or_ask(PathTask::ImportText, "", env) {
            self.import_now(&path);
        }
    }

    fn import_now(&mut self, path: &Path) {
        match import_file(path) {
            Ok(file) => self.show_import_preview(path, file),
            Err(error) => self.report(Message::Failed(error)),
        }
    }

    /// Saves to the current file, or asks for one, then does `then` (see
    /// [`Editor::start_save`]). Returns `Err(then)` when no save was started.
    pub(super) fn save(
        &mut self,
        then: Option<Pending>,
        env: &mut Env,
    ) -> Result<(), Option<Pending>> {
        match self.path.clone() {
            Some(path) => self.start_save(&path, true, then, env),
            None => self.save_as(then, env),
        }
    }

    /// Asks for a file and saves there, then does `then`. Returns `Err(then)` when no save was
    /// started.
    pub(super) fn save_as(
        &mut self,
        then: Option<Pending>,
        env: &mut Env,
    ) -> Result<(), Option<Pending>> {
        let suggested = format!("{}.lectern", self.suggested_stem());
        let task = PathTask::SaveAs { then: None };
        let Some(path) = self.pick_or_ask(task, &suggested, env) else {
            // With the typed-path dialog up, `then` is carried into it by the caller.
            return Err(then);
        };
        self.start_save(&with_extension(path, "lectern"), true, then, env)
    }

    /// A file name for the speech: its file's, or its title's, or `speech`.
    pub fn suggested_stem(&self) -> String {
        if let Some(stem) = self.path.as_ref().and_then(|p| p.file_stem()) {
            return stem.to_string_lossy().into_owned();
        }
        let title: String = self
            .doc
            .speech
            .title
            .chars()
            .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
            .take(60)
            .collect();
        let title = title.trim();
        if title.is_empty() {
            "speech".to_string()
        } else {
            title.to_string()
        }
    }

    /// The exported text for `options` (the live preview and the file are the same).
    pub fn export_text(&self, options: &ExportOptions) -> String {
        export(&self.doc.speech, options)
    }

    /// Picks a reviewer's copy, adds it as a named draft (one undo step) and compares it (left)
    /// with the working copy (right).
    pub(super) fn import_as_draft(&mut self, env: &mut Env) {
        if let Some(path) = self.pick_or_ask(PathTask::ImportAsDraft, "", env) {
            self.import_as_draft_from(&path);
        }
    }

    fn import_as_draft_from(&mut self, path: &Path) {
        let imported = match import_file(path) {
            Ok(file) => file.imported,
            Err(error) => {
                self.report(Message::Failed(error));
                return;
            }
        };
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let note = path.file_name().map(|s| s.to_string_lossy().into_owned());
        let before = self.doc.drafts.len();
        self.change(Edit::AddDraft {
            speech: Box::new(imported.speech),
            name,
            note,
            now: self.wall,
        });
        if self.doc.drafts.len() > before
            && let Some(draft) = self.doc.drafts.last()
        {
            let id = draft.id;
            self.open_compare(Version::Working, Version::Draft(id), true);
        }
    }
}

/// The extension of an export format, without the dot.
/// `path`, with `extension` added when it has none.
pub(super) fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}
