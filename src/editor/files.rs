//! Opening, importing, saving and exporting files. Failures become messages; nothing is
//! replaced or overwritten when something fails, and a file another program changed since it was
//! opened is not overwritten without asking. Each save keeps the working copy as an automatic
//! draft.

use std::path::{Path, PathBuf};

use crate::export::{ExportFormat, ExportOptions, export};
use crate::import::file::import_file;
use crate::project::Project;
use crate::template::new_speech;

use super::action::Effect;
use super::dialog::Pending;
use super::doc::{Doc, Edit};
use super::env::{Env, FilePurpose};
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

    pub(super) fn open_with_dialog(&mut self, env: &mut Env) {
        if let Some(path) = env.dialogs.pick(&FilePurpose::Open, "") {
            self.open_path_now(&path);
        }
    }

    pub(super) fn import_with_dialog(&mut self, env: &mut Env) {
        if let Some(path) = env.dialogs.pick(&FilePurpose::ImportText, "") {
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
        let Some(mut path) = env.dialogs.pick(&FilePurpose::SaveAs, &suggested) else {
            return Err(then);
        };
        if path.extension().is_none() {
            path.set_extension("lectern");
        }
        self.start_save(&path, true, then, env)
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

    pub(super) fn export_to_file(&mut self, options: &ExportOptions, env: &mut Env) {
        let extension = match options.format {
            ExportFormat::Text => "txt",
            ExportFormat::Markdown => "md",
        };
        let suggested = format!("{}.{extension}", self.suggested_stem());
        let purpose = FilePurpose::Export {
            extension: extension.to_string(),
        };
        let Some(mut path) = env.dialogs.pick(&purpose, &suggested) else {
            return;
        };
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        let text = self.export_text(options);
        match crate::storage::write_atomic(&path, text.as_bytes(), false) {
            Ok(()) => {
                self.dialog = None;
                self.report(Message::Exported { path });
            }
            Err(error) => self.report(Message::Failed(error)),
        }
    }

    /// Picks a reviewer's copy, adds it as a named draft (one undo step) and compares it (left)
    /// with the working copy (right).
    pub(super) fn import_as_draft(&mut self, env: &mut Env) {
        let Some(path) = env.dialogs.pick(&FilePurpose::ImportAsDraft, "") else {
            return;
        };
        let imported = match import_file(&path) {
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
