//! The compare view: two versions of the speech, diffed part by part, in the centre of the
//! window (it replaces the panes while open).
//!
//! - a toolbar: the two sides (any draft or the working copy), side by side or inline, the
//!   granularity, the cleanup, next/previous change, accept/reject the current change;
//! - a summary of the changed parts on the left (click one to go there);
//! - the text, laid out once per comparison and drawn only where it is visible ([`body`]).
//!
//! The diff is computed through a [`DiffCache`], so only a change of either side or of the
//! options computes it again. Accepting and rejecting are commands ([`Command::AcceptChange`],
//! [`Command::RejectChange`], …) carried out in `apply` as one undo step each; see [`review`] for
//! how they edit the working copy.
//!
//! **Reviewing someone's text.** "Import text as draft…" adds a reviewer's returned copy as a
//! draft and compares it (left) with the working copy (right): every change shown is what the
//! working copy has that the reviewer's copy does not. "Take theirs" (reject) puts the reviewer's
//! text into the working copy; "Keep mine" (accept) leaves it.

pub mod body;
pub mod model;
pub mod review;
pub mod rows;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use chrono::Utc;
use egui::{RichText, Ui};

use crate::diff::{DiffCache, DiffOptions, Granularity, PartDiff};
use crate::import::{TextFormat, import_text};
use crate::model::Speech;
use crate::project::DraftKind;
use crate::storage::{FileKind, MAX_TEXT_BYTES, read_text_file};

use super::app::{CompareState, LecternApp, Version};
use super::commands::Command;
use super::drafts::local_time;
use super::file_dialogs::FileFilter;
use super::i18n::{Msg, UiLanguage, changes_label, tr};
use super::state::Doc;
use model::{AcceptedKey, ViewModel};
use review::{PartKey, Reject, find_part};

/// One column with deletions and insertions interleaved, or two columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DiffMode {
    /// Old on the left, new on the right, aligned.
    #[default]
    SideBySide,
    /// One column.
    Inline,
}

/// The view's choices (sent as [`Command::SetDiffSettings`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DiffSettings {
    /// Side by side or inline.
    pub mode: DiffMode,
    /// How finely to compare.
    pub granularity: Granularity,
    /// Whether small changes are merged into phrases.
    pub cleanup: bool,
    /// Whether the left side is a reviewer's copy ("Take theirs" / "Keep mine").
    pub review: bool,
}

impl Default for DiffSettings {
    fn default() -> Self {
        Self {
            mode: DiffMode::SideBySide,
            granularity: Granularity::Word,
            cleanup: true,
            review: false,
        }
    }
}

/// What the view's model was built from.
type ModelKey = (u64, CompareState, Granularity, bool, UiLanguage);

/// The compare view's state (kept while the window runs).
#[derive(Default)]
pub struct DiffViewState {
    pub(crate) settings: DiffSettings,
    pub(crate) cache: DiffCache,
    model: Option<(ModelKey, Arc<ViewModel>)>,
    /// The current stop (see [`review::stops`]).
    pub(crate) current: Option<usize>,
    pub(crate) accepted: HashSet<AcceptedKey>,
    pub(crate) scroll_to_current: bool,
    pub(crate) galleys: body::GalleyCache,
}

impl std::fmt::Debug for DiffViewState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiffViewState")
            .field("settings", &self.settings)
            .field("current", &self.current)
            .finish_non_exhaustive()
    }
}

/// The speech a side shows (`None`: a draft that is gone).
pub(crate) fn version_speech(doc: &Doc, version: Version) -> Option<&Speech> {
    match version {
        Version::Working => Some(&doc.speech),
        Version::Draft(id) => doc.drafts.iter().find(|d| d.id == id).map(|d| &d.speech),
    }
}

impl LecternApp {
    /// The current stop's position and the number of stops, as shown in the toolbar.
    pub fn diff_position(&mut self) -> (Option<usize>, usize) {
        let total = self.diff_model().map_or(0, |m| m.stops.len());
        (self.diff_view.current, total)
    }

    /// The summary lines of the changed parts in the compare view (empty when it is closed).
    pub fn diff_summary(&mut self) -> Vec<String> {
        self.diff_model().map_or_else(Vec::new, |m| {
            m.changed_parts().map(|(_, p)| p.summary.clone()).collect()
        })
    }

    fn diff_options(&self) -> DiffOptions {
        DiffOptions::new()
            .granularity(self.diff_view.settings.granularity)
            .cleanup(self.diff_view.settings.cleanup)
            .settings(self.doc.settings.clone())
    }

    /// The view of the current comparison, rebuilt only when the document, the sides, the
    /// options or the language changed.
    pub(crate) fn diff_model(&mut self) -> Option<Arc<ViewModel>> {
        let state = self.compare?;
        let settings = self.diff_view.settings;
        let key = (
            self.rev,
            state,
            settings.granularity,
            settings.cleanup,
            self.lang,
        );
        if let Some((k, model)) = &self.diff_view.model
            && *k == key
        {
            return Some(model.clone());
        }
        let options = self.diff_options();
        let old = version_speech(&self.doc, state.a)?;
        let new = version_speech(&self.doc, state.b)?;
        let diff = self.diff_view.cache.get(old, new, &options);
        let model = Arc::new(ViewModel::new(self.lang, diff, new));
        let total = model.stops.len();
        self.diff_view.current = self
            .diff_view
            .current
            .filter(|_| total > 0)
            .map(|c| c.min(total - 1));
        self.diff_view.model = Some((key, model.clone()));
        Some(model)
    }

    /// A part of the current comparison, freshly diffed.
    fn diff_part(&mut self, key: PartKey) -> Option<PartDiff> {
        let state = self.compare?;
        let options = self.diff_options();
        let old = version_speech(&self.doc, state.a)?;
        let new = version_speech(&self.doc, state.b)?;
        let diff = self.diff_view.cache.get(old, new, &options);
        find_part(diff, key).cloned()
    }

    /// Opens the compare view on two sides, forgetting the marks of the last comparison.
    pub(crate) fn open_compare(&mut self, a: Version, b: Version, review: bool) {
        self.compare = Some(CompareState { a, b });
        self.diff_view.settings.review = review;
        self.diff_view.current = None;
        self.diff_view.accepted.clear();
        self.diff_view.scroll_to_current = false;
    }

    /// Whether a compare-view command can run now.
    pub(crate) fn diff_command_enabled(&self, command: &Command) -> bool {
        match command {
            Command::ImportAsDraft | Command::SetCompare(_) => true,
            Command::AcceptChange { .. }
            | Command::RejectChange { .. }
            | Command::AcceptPart(_)
            | Command::RejectPart(_) => self.compare.is_some_and(|c| c.b == Version::Working),
            _ => self.compare.is_some(),
        }
    }

    /// Carries out a compare-view command (called by `apply`).
    pub(crate) fn apply_diff_command(&mut self, command: Command) {
        match command {
            Command::ImportAsDraft => self.import_as_draft(),
            Command::NextChange => self.step_change(true),
            Command::PrevChange => self.step_change(false),
            Command::GoToChange(stop) => {
                let total = self.diff_model().map_or(0, |m| m.stops.len());
                if stop < total {
                    self.diff_view.current = Some(stop);
                    self.diff_view.scroll_to_current = true;
                }
            }
            Command::AcceptChange { part, change } => {
                let model = self.diff_model();
                let key = model.as_ref().and_then(|m| {
                    let index = m.parts.iter().position(|p| p.key == part)?;
                    m.stop_key(review::Stop {
                        part: index,
                        change,
                    })
                    .cloned()
                });
                if let Some(key) = key {
                    self.diff_view.accepted.insert(key);
                    self.step_change(true);
                }
            }
            Command::AcceptPart(part) => {
                if let Some(model) = self.diff_model()
                    && let Some(view) = model.parts.iter().find(|p| p.key == part)
                {
                    self.diff_view
                        .accepted
                        .extend(view.change_keys.iter().cloned());
                }
            }
            Command::RejectChange { part, change } => {
                self.reject(part, change.map_or(Reject::Structure, Reject::Change));
            }
            Command::RejectPart(part) => self.reject(part, Reject::All),
            Command::SetCompare(state) if self.compare != Some(state) => {
                self.open_compare(state.a, state.b, self.diff_view.settings.review);
            }
            Command::SetDiffSettings(settings) => self.diff_view.settings = settings,
            Command::CloseCompare => self.compare = None,
            _ => {}
        }
    }

    fn step_change(&mut self, forward: bool) {
        let total = self.diff_model().map_or(0, |m| m.stops.len());
        self.diff_view.current = if total == 0 {
            None
        } else {
            Some(match (self.diff_view.current, forward) {
                (None, true) => 0,
                (None, false) => total - 1,
                (Some(c), true) => (c + 1) % total,
                (Some(c), false) => (c + total - 1) % total,
            })
        };
        self.diff_view.scroll_to_current = true;
    }

    /// Rejects in the working copy, as one undo step.
    fn reject(&mut self, key: PartKey, what: Reject) {
        let Some(part) = self.diff_part(key) else {
            return;
        };
        self.change(None, |doc| review::reject(&mut doc.speech, &part, what));
        self.diff_view.scroll_to_current = true;
    }

    /// Picks a text or Markdown file, adds it as a named draft (one undo step) and compares it
    /// (left) with the working copy (right).
    fn import_as_draft(&mut self) {
        let lang = self.lang;
        let filters = [FileFilter::new(
            tr(lang, Msg::TextFiles),
            &["txt", "md", "markdown"],
        )];
        let title = tr(lang, Msg::ImportAsDraft)
            .trim_end_matches('…')
            .to_string();
        let Some(path) = self.file_dialogs.open(&title, &filters) else {
            return;
        };
        match read_text_file(&path, MAX_TEXT_BYTES) {
            Ok(text) => self.add_review_draft(&path, &text),
            Err(error) => self.errors.push(error.to_string()),
        }
    }

    fn add_review_draft(&mut self, path: &Path, text: &str) {
        let format = match FileKind::of(path) {
            FileKind::Markdown => TextFormat::Markdown,
            _ => TextFormat::Plain,
        };
        let imported = import_text(text, format);
        let now = Utc::now();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = format!("{stem} — {}", local_time(now));
        let file = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let note = format!("{} {file}", tr(self.lang, Msg::ImportedFrom));
        let speech = imported.speech;
        let mut added = None;
        self.change(None, |doc| {
            doc.with_project(|p| {
                let id = p.save_draft(name, Some(note), DraftKind::Named, now);
                if let Some(draft) = p.drafts.iter_mut().find(|d| d.id == id) {
                    draft.speech = speech;
                }
                added = Some(id);
            });
            true
        });
        if let Some(id) = added {
            self.open_compare(Version::Draft(id), Version::Working, true);
        }
    }

    fn version_name(&self, version: Version) -> String {
        match version {
            Version::Working => tr(self.lang, Msg::WorkingCopy).to_string(),
            Version::Draft(id) => self
                .doc
                .drafts
                .iter()
                .find(|d| d.id == id)
                .map(|d| format!("{} ({})", d.name, local_time(d.created)))
                .unwrap_or_default(),
        }
    }

    fn side_picker_ui(&self, ui: &mut Ui, msg: Msg, version: &mut Version) {
        let label = ui.label(tr(self.lang, msg));
        egui::ComboBox::from_id_salt(("diff_side", msg))
            .selected_text(self.version_name(*version))
            .width(240.0)
            .show_ui(ui, |ui| {
                let working = Version::Working;
                ui.selectable_value(version, working, self.version_name(working));
                for draft in self.doc.drafts.iter().rev() {
                    let v = Version::Draft(draft.id);
                    ui.selectable_value(version, v, self.version_name(v));
                }
            })
            .response
            .labelled_by(label.id);
    }

    /// The whole compare view (in the central panel).
    pub(crate) fn diff_view_ui(&mut self, ui: &mut Ui) {
        let Some(sides) = self.compare else {
            return;
        };
        egui::Panel::top("diff_toolbar").show(ui, |ui| self.diff_toolbar_ui(ui, sides));
        let model = self.diff_model();
        egui::Panel::left("diff_summary")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.diff_summary_ui(ui, model.as_deref()));
        match model {
            Some(model) => self.diff_body_ui(ui, &model),
            None => {
                ui.label(tr(self.lang, Msg::NoDifferences));
            }
        }
    }

    fn diff_toolbar_ui(&mut self, ui: &mut Ui, sides: CompareState) {
        let lang = self.lang;
        let mut new_sides = sides;
        let mut settings = self.diff_view.settings;
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            self.side_picker_ui(ui, Msg::OldSide, &mut new_sides.a);
            self.side_picker_ui(ui, Msg::NewSide, &mut new_sides.b);
            ui.separator();
            ui.selectable_value(
                &mut settings.mode,
                DiffMode::SideBySide,
                tr(lang, Msg::SideBySide),
            );
            ui.selectable_value(&mut settings.mode, DiffMode::Inline, tr(lang, Msg::Inline));
            ui.separator();
            let label = ui.label(tr(lang, Msg::Granularity));
            egui::ComboBox::from_id_salt("diff_granularity")
                .selected_text(granularity_name(lang, settings.granularity))
                .show_ui(ui, |ui| {
                    for g in [
                        Granularity::Char,
                        Granularity::Word,
                        Granularity::Sentence,
                        Granularity::Paragraph,
                    ] {
                        ui.selectable_value(
                            &mut settings.granularity,
                            g,
                            granularity_name(lang, g),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.checkbox(&mut settings.cleanup, tr(lang, Msg::Cleanup));
            ui.checkbox(&mut settings.review, tr(lang, Msg::ReviewCopy))
                .on_hover_text(tr(lang, Msg::ReviewHelp));
            ui.separator();
            self.command_button_ui(ui, Command::CloseCompare);
        });
        ui.horizontal_wrapped(|ui| {
            self.command_button_ui(ui, Command::PrevChange);
            self.command_button_ui(ui, Command::NextChange);
            let (current, total) = self.diff_position();
            ui.label(RichText::new(changes_label(lang, current, total)).strong());
            if let Some(stop) = self.current_stop() {
                ui.separator();
                let (accept, reject) = self.accept_reject_msgs();
                let enabled = self.compare.is_some_and(|c| c.b == Version::Working);
                for (msg, command) in [
                    (
                        reject,
                        Command::RejectChange {
                            part: stop.0,
                            change: stop.1,
                        },
                    ),
                    (
                        accept,
                        Command::AcceptChange {
                            part: stop.0,
                            change: stop.1,
                        },
                    ),
                ] {
                    let mut response = ui.add_enabled(enabled, egui::Button::new(tr(lang, msg)));
                    if self.diff_view.settings.review {
                        response = response.on_hover_text(tr(lang, Msg::ReviewHelp));
                    }
                    if response.clicked() {
                        self.queue.push(command);
                    }
                }
            }
        });
        ui.add_space(2.0);
        if new_sides != sides {
            self.queue.push(Command::SetCompare(new_sides));
        }
        if settings != self.diff_view.settings {
            self.queue.push(Command::SetDiffSettings(settings));
        }
    }

    /// The messages of the accept and reject buttons: "Keep mine" / "Take theirs" when the left
    /// side is a reviewer's copy.
    pub(crate) fn accept_reject_msgs(&self) -> (Msg, Msg) {
        if self.diff_view.settings.review {
            (Msg::KeepMine, Msg::TakeTheirs)
        } else {
            (Msg::Accept, Msg::Reject)
        }
    }

    /// The current stop as (part, change).
    fn current_stop(&mut self) -> Option<(PartKey, Option<usize>)> {
        let model = self.diff_model()?;
        let stop = *model.stops.get(self.diff_view.current?)?;
        Some((model.parts.get(stop.part)?.key, stop.change))
    }

    fn diff_summary_ui(&mut self, ui: &mut Ui, model: Option<&ViewModel>) {
        let lang = self.lang;
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Changes));
        ui.separator();
        let Some(model) = model else {
            return;
        };
        let current_part = self
            .diff_view
            .current
            .and_then(|c| model.stops.get(c))
            .map(|s| s.part);
        egui::ScrollArea::vertical()
            .id_salt("diff_summary_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut any = false;
                for (index, part) in model.changed_parts() {
                    any = true;
                    let selected = current_part == Some(index);
                    if ui.selectable_label(selected, &part.summary).clicked()
                        && !part.stops.is_empty()
                    {
                        self.queue.push(Command::GoToChange(part.stops.start));
                    }
                }
                if !any {
                    ui.label(RichText::new(tr(lang, Msg::NoDifferences)).weak());
                }
            });
    }
}

/// The name of a granularity in `lang`.
pub fn granularity_name(lang: UiLanguage, granularity: Granularity) -> &'static str {
    tr(
        lang,
        match granularity {
            Granularity::Char => Msg::GranularityChar,
            Granularity::Word => Msg::GranularityWord,
            Granularity::Sentence => Msg::GranularitySentence,
            Granularity::Paragraph => Msg::GranularityParagraph,
        },
    )
}
