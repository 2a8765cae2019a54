//! Opening, importing, saving and exporting files. Failures become messages; nothing is
//! replaced or overwritten when something fails, and a file another program changed since it was
//! opened is not overwritten without asking. Each save keeps the working copy as an automatic
//! draft.

use std::path::{Path, PathBuf};

use crate::export::{ExportFormat, ExportOptions, export};
use crate::import::file::import_file;
use crate::project::Project;
use crate::storage::save_project;
use crate::template::new_speech;

use super::action::Effect;
use super::dialog::Dialog;
use super::doc::{Doc, Edit};
use super::env::{Env, FilePurpose};
use super::message::Message;
use super::recovery::same_file;
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

    /// Saves to the current file, or asks for one. Returns whether the document was saved.
    pub(super) fn save(&mut self, env: &mut Env) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(&path, true),
            None => self.save_as(env),
        }
    }

    /// Asks for a file and saves there. Returns whether the document was saved.
    pub(super) fn save_as(&mut self, env: &mut Env) -> bool {
        let suggested = format!("{}.lectern", self.suggested_stem());
        let Some(mut path) = env.dialogs.pick(&FilePurpose::SaveAs, &suggested) else {
            return false;
        };
        if path.extension().is_none() {
            path.set_extension("lectern");
        }
        self.save_to(&path, true)
    }

    /// Saves to `path`, keeping the working copy as an automatic draft. With `check_disk`, a
    /// document's own file that changed on disk since it was opened or saved is not written:
    /// the changed-on-disk question is asked instead. Returns whether the document was saved.
    pub(super) fn save_to(&mut self, path: &Path, check_disk: bool) -> bool {
        let own_file = self.path.as_deref().is_some_and(|own| same_file(own, path));
        if check_disk && own_file {
            match self.changed_since_opened(path) {
                Ok(false) => {}
                Ok(true) => {
                    self.dialog = Some(Dialog::ChangedOnDisk {
                        path: path.to_path_buf(),
                        then: None,
                    });
                    return false;
                }
                Err(error) => {
                    self.report(Message::Failed(error));
                    return false;
                }
            }
        }
        let mut project = self.doc.to_project();
        project.record_save_draft(self.wall);
        match save_project(&project, path) {
            Ok(()) => {
                // The automatic draft joins the document as an undo step of its own.
                self.change(Edit::SetDrafts(project.drafts));
                self.path = Some(path.to_path_buf());
                self.saved = Some(self.doc.clone());
                self.modified_cache.set(None);
                self.add_recent(path.to_path_buf());
                self.recovery_saved(path);
                true
            }
            Err(error) => {
                self.report(Message::Failed(error));
                false
            }
        }
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
            self.open_compare(Version::Draft(id), Version::Working, true);
        }
    }
}
