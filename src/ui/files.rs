//! Opening, importing, saving and exporting files. Errors are shown in the window; nothing is
//! replaced or overwritten when something fails, and a file another program changed since it was
//! opened is not overwritten without asking. Each save keeps the working copy as an automatic
//! draft.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Utc;

use crate::export::{ExportFormat, ExportOptions, export};
use crate::import::{TextFormat, import_text};
use crate::project::Project;
use crate::storage::{FileKind, MAX_TEXT_BYTES, load_project, read_text_file, save_project};
use crate::template::new_speech;

use super::app::{Dialog, LecternApp};
use super::autosave::same_file;
use super::file_dialogs::FileFilter;
use super::i18n::{Msg, tr};
use super::state::{Doc, Pane};

impl LecternApp {
    fn speech_filter(&self) -> FileFilter {
        FileFilter::new(tr(self.lang, Msg::SpeechFiles), &["lectern"])
    }

    fn text_filter(&self) -> FileFilter {
        FileFilter::new(tr(self.lang, Msg::TextFiles), &["txt", "md", "markdown"])
    }

    /// Puts a new document in place: no undo across documents.
    pub(crate) fn set_document(&mut self, doc: Doc, path: Option<PathBuf>, saved: bool) {
        self.saved = saved.then(|| doc.clone());
        self.modified_cache = None;
        self.doc = doc;
        self.path = path;
        self.history.clear();
        self.rev += 1;
        self.collapsed.clear();
        self.find.current = None;
        self.scroll_to = Some(Pane::Title);
        self.dialog = None;
        let path = self.path.clone();
        self.recovery_document_replaced(path.as_deref());
    }

    pub(crate) fn new_from_template(&mut self, id: &str) {
        match new_speech(id) {
            Ok(speech) => {
                self.set_document(Doc::from_project(Project::new(speech)), None, true);
            }
            Err(error) => self.errors.push(error.to_string()),
        }
    }

    pub(crate) fn open_with_dialog(&mut self) {
        let filters = [self.speech_filter(), self.text_filter()];
        let title = tr(self.lang, Msg::Open).trim_end_matches('…').to_string();
        if let Some(path) = self.file_dialogs.open(&title, &filters) {
            self.open_path_now(&path);
        }
    }

    pub(crate) fn import_with_dialog(&mut self) {
        let filters = [self.text_filter()];
        let title = tr(self.lang, Msg::ImportText)
            .trim_end_matches('…')
            .to_string();
        if let Some(path) = self.file_dialogs.open(&title, &filters) {
            self.import_now(&path);
        }
    }

    /// Opens a `.lectern` project, or imports a text or Markdown file as a new unsaved speech.
    pub(crate) fn open_path_now(&mut self, path: &Path) {
        match FileKind::of(path) {
            FileKind::Project => match load_project(path) {
                Ok(project) => {
                    self.set_document(Doc::from_project(project), Some(path.to_path_buf()), true);
                    self.prefs.add_recent(path.to_path_buf());
                    self.offer_recovery_for(path);
                }
                Err(error) => self.errors.push(error.to_string()),
            },
            FileKind::Text | FileKind::Markdown => self.import_now(path),
        }
    }

    fn import_now(&mut self, path: &Path) {
        let format = match FileKind::of(path) {
            FileKind::Markdown => TextFormat::Markdown,
            _ => TextFormat::Plain,
        };
        match read_text_file(path, MAX_TEXT_BYTES) {
            Ok(text) => {
                let imported = import_text(&text, format);
                self.set_document(
                    Doc::from_project(Project::new(imported.speech)),
                    None,
                    false,
                );
                if !imported.warnings.is_empty() {
                    self.notices.push(format!(
                        "{}: {}\n\n{}",
                        tr(self.lang, Msg::ImportNotes),
                        path.display(),
                        imported.warnings.join("\n")
                    ));
                }
            }
            Err(error) => self.errors.push(error.to_string()),
        }
    }

    /// Saves to the current file, or asks for one. Returns whether the document was saved.
    pub(crate) fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) => self.save_to(&path, true),
            None => self.save_as(),
        }
    }

    /// Asks for a file and saves there. Returns whether the document was saved.
    pub(crate) fn save_as(&mut self) -> bool {
        let suggested = format!("{}.lectern", self.suggested_stem());
        let filters = [self.speech_filter()];
        let title = tr(self.lang, Msg::SaveAs).trim_end_matches('…').to_string();
        let Some(mut path) = self.file_dialogs.save(&title, &suggested, &filters) else {
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
    pub(crate) fn save_to(&mut self, path: &Path, check_disk: bool) -> bool {
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
                    self.errors.push(error.to_string());
                    return false;
                }
            }
        }
        let mut project = self.doc.to_project();
        project.record_save_draft(Utc::now());
        match save_project(&project, path) {
            Ok(()) => {
                // The automatic draft joins the document as an undo step of its own.
                let drafts = project.drafts;
                self.change(None, |doc| {
                    let changed = *doc.drafts != drafts;
                    if changed {
                        doc.drafts = Arc::new(drafts);
                    }
                    changed
                });
                self.path = Some(path.to_path_buf());
                self.saved = Some(self.doc.clone());
                self.modified_cache = None;
                self.prefs.add_recent(path.to_path_buf());
                self.recovery_saved(path);
                true
            }
            Err(error) => {
                self.errors.push(error.to_string());
                false
            }
        }
    }

    /// A file name for the speech: its file's, or its title's, or "Untitled".
    fn suggested_stem(&self) -> String {
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
            tr(self.lang, Msg::Untitled).to_string()
        } else {
            title.to_string()
        }
    }

    /// The exported text for `options` (the live preview and the file are the same).
    pub(crate) fn export_text(&self, options: &ExportOptions) -> String {
        export(&self.doc.speech, options)
    }

    pub(crate) fn export_to_file(&mut self, options: &ExportOptions) {
        let extension = match options.format {
            ExportFormat::Text => "txt",
            ExportFormat::Markdown => "md",
        };
        let suggested = format!("{}.{extension}", self.suggested_stem());
        let filters = [FileFilter::new(tr(self.lang, Msg::TextFiles), &[extension])];
        let title = tr(self.lang, Msg::Export).trim_end_matches('…').to_string();
        let Some(mut path) = self.file_dialogs.save(&title, &suggested, &filters) else {
            return;
        };
        if path.extension().is_none() {
            path.set_extension(extension);
        }
        let text = self.export_text(options);
        match crate::storage::write_atomic(&path, text.as_bytes(), false) {
            Ok(()) => self.dialog = None,
            Err(error) => self.errors.push(error.to_string()),
        }
    }
}
