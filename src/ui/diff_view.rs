//! The compare view: two versions of the speech, diffed part by part, in the centre of the
//! window (it replaces the panes while open).
//!
//! - a toolbar: the two sides (any draft or the working copy), side by side or inline, the
//!   granularity, the cleanup, next/previous change, accept/reject the current change;
//! - a summary of the changed parts on the left (click one to go there);
//! - the text, laid out once per comparison and drawn only where it is visible ([`body`]).
//!
//! The comparison itself — sides, diff, stops, accepted changes — is the editor's
//! ([`crate::editor::CompareState`]); this view keeps only what it shows in the interface
//! language ([`model::ViewModel`]) and the laid-out text.
//!
//! **Reviewing someone's text.** "Import text as draft…" adds a reviewer's returned copy as a
//! draft and compares it (left) with the working copy (right): every change shown is what the
//! working copy has that the reviewer's copy does not. "Take theirs" (reject) puts the reviewer's
//! text into the working copy; "Keep mine" (accept) leaves it.

pub mod body;
pub mod model;

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::diff::{Granularity, SpeechDiff};
use crate::editor::compare::version_speech;
use crate::editor::{Action, CompareSides, CompareState, DiffMode, Version};

use super::commands::Command;
use super::i18n::{Msg, UiLanguage, changes_label, draft_label, tr};
use super::view::View;
use model::ViewModel;

/// What the compare view keeps between frames: the model in the interface language and the
/// laid-out text.
#[derive(Default)]
pub struct DiffViewCache {
    model: Option<(Arc<SpeechDiff>, UiLanguage, Arc<ViewModel>)>,
    /// Scroll to the current change in the next frame.
    pub scroll_to_current: bool,
    galleys: body::GalleyCache,
}

impl std::fmt::Debug for DiffViewCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiffViewCache")
            .field("scroll_to_current", &self.scroll_to_current)
            .finish_non_exhaustive()
    }
}

impl DiffViewCache {
    /// The view model of `compare`'s diff, built again only when the diff or the language
    /// changed.
    fn model(
        &mut self,
        compare: &CompareState,
        new_speech: &crate::model::Speech,
        lang: UiLanguage,
    ) -> Arc<ViewModel> {
        let diff = compare.diff();
        if let Some((d, l, model)) = &self.model
            && Arc::ptr_eq(d, diff)
            && *l == lang
        {
            return model.clone();
        }
        let model = Arc::new(ViewModel::new(lang, diff, new_speech));
        self.model = Some((diff.clone(), lang, model.clone()));
        model
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

impl View<'_> {
    /// The whole compare view (in the central panel).
    pub(crate) fn diff_view_ui(&mut self, ui: &mut Ui) {
        let ed = self.ed;
        let Some(compare) = ed.compare() else {
            return;
        };
        let lang = self.lang();
        let new_speech = version_speech(ed.doc(), compare.sides().b).unwrap_or(ed.speech());
        let model = self.state.diff.model(compare, new_speech, lang);
        egui::Panel::top("diff_toolbar").show(ui, |ui| self.diff_toolbar_ui(ui, compare, &model));
        egui::Panel::left("diff_summary")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.diff_summary_ui(ui, compare, &model));
        if model.stops.is_empty() {
            ui.label(tr(lang, Msg::NoDifferences));
        }
        self.diff_body_ui(ui, compare, &model);
    }

    fn version_name(&self, version: Version) -> String {
        match version {
            Version::Working => tr(self.lang(), Msg::WorkingCopy).to_string(),
            Version::Draft(id) => self
                .ed
                .doc()
                .draft(id)
                .map(|d| draft_label(self.lang(), d))
                .unwrap_or_default(),
        }
    }

    fn side_picker_ui(&self, ui: &mut Ui, msg: Msg, version: &mut Version) {
        let label = ui.label(tr(self.lang(), msg));
        egui::ComboBox::from_id_salt(("diff_side", msg))
            .selected_text(self.version_name(*version))
            .width(240.0)
            .show_ui(ui, |ui| {
                let working = Version::Working;
                ui.selectable_value(version, working, self.version_name(working));
                for draft in self.ed.drafts().iter().rev() {
                    let v = Version::Draft(draft.id);
                    ui.selectable_value(version, v, self.version_name(v));
                }
            })
            .response
            .labelled_by(label.id);
    }

    fn diff_toolbar_ui(&mut self, ui: &mut Ui, compare: &CompareState, model: &ViewModel) {
        let lang = self.lang();
        let sides = compare.sides();
        let mut new_sides = sides;
        let mut settings = compare.settings();
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
            ui.checkbox(&mut settings.ignore_width, tr(lang, Msg::IgnoreWidth))
                .on_hover_text(tr(lang, Msg::IgnoreWidthHelp));
            ui.checkbox(&mut settings.review, tr(lang, Msg::ReviewCopy))
                .on_hover_text(tr(lang, Msg::ReviewHelp));
            ui.separator();
            self.command_button_ui(ui, Command::CloseCompare);
        });
        ui.horizontal_wrapped(|ui| {
            self.command_button_ui(ui, Command::PrevChange);
            self.command_button_ui(ui, Command::NextChange);
            let total = model.stops.len();
            ui.label(RichText::new(changes_label(lang, compare.current(), total)).strong());
            if let Some(stop) = compare.current_stop()
                && let Some(part) = model.parts.get(stop.part)
            {
                ui.separator();
                let (accept, reject) = accept_reject_msgs(compare.settings().review);
                let enabled = compare.can_edit();
                for (msg, action) in [
                    (
                        reject,
                        Action::RejectChange {
                            part: part.key,
                            change: stop.change,
                        },
                    ),
                    (
                        accept,
                        Action::AcceptChange {
                            part: part.key,
                            change: stop.change,
                        },
                    ),
                ] {
                    let mut response = ui.add_enabled(enabled, egui::Button::new(tr(lang, msg)));
                    if compare.settings().review {
                        response = response.on_hover_text(tr(lang, Msg::ReviewHelp));
                    }
                    if response.clicked() {
                        self.tx.action(action);
                    }
                }
            }
        });
        ui.add_space(2.0);
        if new_sides != sides {
            self.tx.action(Action::SetCompare(CompareSides {
                a: new_sides.a,
                b: new_sides.b,
            }));
        }
        if settings != compare.settings() {
            self.tx.action(Action::SetDiffSettings(settings));
        }
    }

    fn diff_summary_ui(&mut self, ui: &mut Ui, compare: &CompareState, model: &ViewModel) {
        let lang = self.lang();
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Changes));
        let ignored = compare.diff().summary.ignored;
        if ignored > 0 {
            ui.label(
                RichText::new(format!("{}: {ignored}", tr(lang, Msg::IgnoredDifferences))).weak(),
            );
        }
        ui.separator();
        let current_part = compare.current_stop().map(|s| s.part);
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
                        self.tx.action(Action::GoToChange(part.stops.start));
                    }
                }
                if !any {
                    ui.label(RichText::new(tr(lang, Msg::NoDifferences)).weak());
                }
            });
    }
}

/// The messages of the accept and reject buttons: "Keep mine" / "Take theirs" when the left
/// side is a reviewer's copy.
pub fn accept_reject_msgs(review: bool) -> (Msg, Msg) {
    if review {
        (Msg::KeepMine, Msg::TakeTheirs)
    } else {
        (Msg::Accept, Msg::Reject)
    }
}
