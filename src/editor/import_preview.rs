//! The import preview: a text, Markdown or Word file read by [`crate::import::file::open_file`]
//! is shown line by line with the structure the importer found, the writer corrects it, and
//! accepting makes the speech a new unsaved document.

use std::path::{Path, PathBuf};

use crate::import::file::{ImportedFile, OpenedFile, open_file};
use crate::import::{ImportPreview, LineMark, LineRole, Overrides};
use crate::project::{DraftKind, Project};

use super::Editor;
use super::dialog::Dialog;
use super::doc::Doc;
use super::message::Message;

/// The name of the draft that holds a reviewed `.docx`'s version (tracked changes accepted),
/// as `lectern import` names it.
pub const REVIEWER_DRAFT: &str = "reviewer";

/// The import preview dialog's state: the file, the writer's corrections, the selected line
/// and the preview they give.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreviewDialog {
    /// The file being imported.
    pub path: PathBuf,
    /// The file as read (its text, encoding and, for a reviewed `.docx`, the original).
    pub file: Box<ImportedFile>,
    /// The writer's corrections of the lines' roles.
    pub overrides: Overrides,
    /// The selected line (an index into `preview.lines`).
    pub selected: usize,
    /// The import with the corrections applied, and every line's role.
    pub preview: ImportPreview,
}

impl ImportPreviewDialog {
    /// The preview of `file` read from `path`, without corrections, its first non-blank line
    /// selected.
    pub fn new(path: &Path, file: ImportedFile) -> Self {
        let overrides = Overrides::new();
        let preview = file.source.preview(&overrides);
        let selected = preview
            .lines
            .iter()
            .position(|line| line.role != LineRole::Blank)
            .unwrap_or(0);
        ImportPreviewDialog {
            path: path.to_path_buf(),
            file: Box::new(file),
            overrides,
            selected,
            preview,
        }
    }

    /// Marks `line` (`None`: the importer guesses again) and updates the preview.
    pub fn mark(&mut self, line: usize, mark: Option<LineMark>) {
        match mark {
            Some(mark) => self.overrides.set(line, mark),
            None => self.overrides.clear(line),
        }
        self.preview = self.file.source.preview(&self.overrides);
    }

    /// The next (or previous) non-blank line from the selected one, if any.
    pub fn step(&self, down: bool) -> Option<usize> {
        let lines = &self.preview.lines;
        let not_blank = |&i: &usize| lines.get(i).is_some_and(|l| l.role != LineRole::Blank);
        if down {
            (self.selected + 1..lines.len()).find(not_blank)
        } else {
            (0..self.selected.min(lines.len())).rev().find(not_blank)
        }
    }

    /// The project the accepted import becomes: the speech, or for a `.docx` with tracked
    /// changes what `lectern import` makes of it (the original as the working copy, the
    /// reviewer's version as the draft [`REVIEWER_DRAFT`], so comparing shows the edits).
    pub fn into_project(self, now: chrono::DateTime<chrono::Utc>) -> Project {
        let imported = self.preview.imported;
        match self.file.original {
            Some(original) => {
                let mut project = Project::new(imported.speech);
                project.save_draft(REVIEWER_DRAFT, None, DraftKind::Named, now);
                project.speech = original.speech;
                project
            }
            None => Project::new(imported.speech),
        }
    }
}

impl Editor {
    /// Opens a `.lectern` project, or shows the import preview of a text, Markdown or Word file.
    pub(super) fn open_path_now(&mut self, path: &Path) {
        match open_file(path) {
            Ok(OpenedFile::Project(project)) => {
                self.set_document(Doc::from_project(*project), Some(path.to_path_buf()), true);
                self.add_recent(path.to_path_buf());
                self.offer_recovery_for(path);
            }
            Ok(OpenedFile::Imported(file)) => self.show_import_preview(path, *file),
            Err(error) => self.report(Message::Failed(error)),
        }
    }

    /// Shows the import preview of a file read from `path`.
    pub(super) fn show_import_preview(&mut self, path: &Path, file: ImportedFile) {
        self.dialog = Some(Dialog::ImportPreview(Box::new(ImportPreviewDialog::new(
            path, file,
        ))));
    }

    /// The import preview that is up, if any.
    pub fn import_preview(&self) -> Option<&ImportPreviewDialog> {
        match &self.dialog {
            Some(Dialog::ImportPreview(state)) => Some(state),
            _ => None,
        }
    }

    /// Whether the import preview is up and has line `line`.
    pub(super) fn import_preview_has_line(&self, line: usize) -> bool {
        self.import_preview()
            .is_some_and(|state| line < state.preview.lines.len())
    }

    pub(super) fn select_import_line(&mut self, line: usize) {
        if let Some(Dialog::ImportPreview(state)) = &mut self.dialog
            && line < state.preview.lines.len()
        {
            state.selected = line;
        }
    }

    pub(super) fn step_import_line(&mut self, down: bool) {
        if let Some(Dialog::ImportPreview(state)) = &mut self.dialog
            && let Some(line) = state.step(down)
        {
            state.selected = line;
        }
    }

    pub(super) fn mark_import_line(&mut self, line: usize, mark: Option<LineMark>) {
        if let Some(Dialog::ImportPreview(state)) = &mut self.dialog
            && line < state.preview.lines.len()
        {
            state.mark(line, mark);
        }
    }

    /// Makes the previewed import the document (new and unsaved). Its guesses were listed in
    /// the preview, so nothing is reported again.
    pub(super) fn accept_import(&mut self) {
        let Some(Dialog::ImportPreview(state)) = self.dialog.take() else {
            return;
        };
        let mut project = state.into_project(self.wall);
        offer_target(&mut project);
        let reviewer = project.draft_by_name(REVIEWER_DRAFT).map(|d| d.id);
        self.set_document(Doc::from_project(project), None, false);
        // A reviewed .docx: the reviewer's version is a draft; show what the reviewer did.
        if let Some(id) = reviewer {
            self.open_compare(
                super::compare::Version::Working,
                super::compare::Version::Draft(id),
                true,
            );
        }
    }
}

/// An imported speech has no target length; it gets its estimated speaking time rounded up to
/// the next 5 minutes (at least 5), so the budget bars show at once. The writer changes it in
/// the status bar or the details pane.
fn offer_target(project: &mut crate::project::Project) {
    if project.speech.meta.target_minutes.is_some_and(|t| t > 0.0) {
        return;
    }
    let seconds = crate::stats::speech_stats(&project.speech, &project.settings)
        .total
        .seconds;
    project.speech.meta.target_minutes = Some(target_for_seconds(seconds));
}

/// `seconds` of speaking time rounded up to the next whole 5 minutes, at least 5.
pub fn target_for_seconds(seconds: f64) -> f64 {
    let fives = (seconds.max(0.0) / 300.0).ceil().max(1.0);
    fives * 5.0
}
