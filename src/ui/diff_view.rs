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
//! **Width.** Opening the view closes the outline and drafts panels (they come back when it
//! closes), the change list is narrow and can be hidden, and the text is set smaller in a narrow
//! window so each column holds about 30 CJK characters per line ([`body::font_size_for`]).
//!
//! **Changes only** (on by default for speeches of more than 20 paragraphs) folds runs of
//! unchanged paragraphs into one line that opens on click.
//!
//! **Reviewing someone's text.** "Import text as draft…" adds a reviewer's returned copy as a
//! draft and compares the working copy (left) with it (right, under the draft's name): every
//! change shown is what the reviewer did — their insertions green, their deletions red, the time
//! a change adds or removes counted from taking it. "Take" puts the change into the working copy,
//! "Keep mine" leaves it; either marks it done (one undo step each) and moves on to the next open
//! change.

pub mod body;
pub mod model;
mod style;

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::diff::{Granularity, SpeechDiff};
use crate::editor::compare::version_speech;
use crate::editor::{Action, CompareSides, CompareState, DiffMode, Version};

use super::commands::Command;
use super::i18n::{
    Msg, UiLanguage, changes_label, draft_label, review_label, take_effect_label, tr,
};
use super::view::View;
use model::ViewModel;

/// What the compare view keeps between frames: the model in the interface language and the
/// laid-out text.
#[derive(Default)]
pub struct DiffViewCache {
    model: Option<(Arc<SpeechDiff>, UiLanguage, Arc<ViewModel>)>,
    /// Scroll to the current change in the next frame.
    pub scroll_to_current: bool,
    /// Open the left side's picker in the next frame.
    pub open_picker: bool,
    /// The writer's choice of changes only (`None`: on for long speeches).
    pub changes_only: Option<bool>,
    /// Whether the change list is hidden.
    pub hide_list: bool,
    galleys: body::GalleyCache,
}

/// Speeches with more paragraphs than this open the compare view with changes only.
pub const LONG_SPEECH_PARAGRAPHS: usize = 20;

/// How many paragraphs a speech has (opening, sections, closing).
pub fn paragraph_count(speech: &crate::model::Speech) -> usize {
    speech.opening.len()
        + speech.closing.len()
        + speech
            .sections
            .iter()
            .map(|s| s.paragraphs.len())
            .sum::<usize>()
}

impl std::fmt::Debug for DiffViewCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiffViewCache")
            .field("scroll_to_current", &self.scroll_to_current)
            .finish_non_exhaustive()
    }
}

impl DiffViewCache {
    /// The laid-out text (for tests: what a column holds per line).
    pub fn galleys(&self) -> &body::GalleyCache {
        &self.galleys
    }

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
        let changes_only = self
            .state
            .diff
            .changes_only
            .unwrap_or_else(|| paragraph_count(ed.speech()) > LONG_SPEECH_PARAGRAPHS);
        egui::Panel::top("diff_toolbar").show(ui, |ui| {
            self.diff_toolbar_ui(ui, compare, &model, changes_only)
        });
        if !self.state.diff.hide_list {
            // Wider on a wide screen, so long section names wrap less; 180 at laptop widths.
            let list_width = (ui.available_width() * 0.14).clamp(180.0, 300.0);
            egui::Panel::left("diff_summary")
                .resizable(true)
                .default_size(list_width)
                .min_size(120.0)
                .show(ui, |ui| self.diff_summary_ui(ui, compare, &model));
        }
        if model.stops.is_empty() {
            ui.label(tr(lang, Msg::NoDifferences));
        }
        if compare.settings().mode == DiffMode::SideBySide {
            self.column_names_ui(ui, compare);
        }
        self.diff_body_ui(ui, compare, &model, changes_only);
    }

    /// The names of the two columns: the working copy, a draft, a reviewer's copy.
    fn column_names_ui(&self, ui: &mut Ui, compare: &CompareState) {
        let lang = self.lang();
        let sides = compare.sides();
        let left = self.version_name(sides.a);
        let mut right = self.version_name(sides.b);
        if compare.settings().review {
            right = format!("{right} ({})", tr(lang, Msg::ReviewerCopy));
        }
        let width = ui.available_width();
        ui.horizontal(|ui| {
            ui.add_sized(
                [(width / 2.0 - 8.0).max(40.0), 18.0],
                egui::Label::new(RichText::new(left).strong()).truncate(),
            );
            ui.add_sized(
                [(width / 2.0 - 8.0).max(40.0), 18.0],
                egui::Label::new(RichText::new(right).strong()).truncate(),
            );
        });
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

    fn side_picker_ui(&mut self, ui: &mut Ui, msg: Msg, version: &mut Version) {
        let label = ui.label(tr(self.lang(), msg));
        let response = egui::ComboBox::from_id_salt(("diff_side", msg))
            .selected_text(self.version_name(*version))
            .width(180.0)
            .truncate()
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
        if msg == Msg::OldSide && std::mem::take(&mut self.state.diff.open_picker) {
            // The combo box keeps its popup's state under its id with "popup".
            egui::Popup::open_id(ui.ctx(), response.id.with("popup"));
        }
    }

    fn diff_toolbar_ui(
        &mut self,
        ui: &mut Ui,
        compare: &CompareState,
        model: &ViewModel,
        changes_only: bool,
    ) {
        let lang = self.lang();
        let sides = compare.sides();
        let mut new_sides = sides;
        let mut settings = compare.settings();
        let mut only = changes_only;
        ui.add_space(4.0);
        if compare.nothing_differs() {
            ui.label(RichText::new(tr(lang, Msg::NothingDiffers)).strong());
        }
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
            ui.checkbox(&mut only, tr(lang, Msg::ChangesOnly))
                .on_hover_text(tr(lang, Msg::ChangesOnlyHelp));
            let mut list = !self.state.diff.hide_list;
            if ui
                .toggle_value(&mut list, tr(lang, Msg::ChangeList))
                .changed()
            {
                self.state.diff.hide_list = !list;
            }
            ui.separator();
            self.command_button_ui(ui, Command::CloseCompare);
        });
        ui.horizontal_wrapped(|ui| {
            self.command_button_ui(ui, Command::PrevChange);
            self.command_button_ui(ui, Command::NextChange);
            let total = model.stops.len();
            let position = if compare.settings().review {
                review_label(lang, compare.current(), total, compare.open_count())
            } else {
                changes_label(lang, compare.current(), total)
            };
            ui.label(RichText::new(position).strong());
            if compare.can_take() && compare.open_count() > 0 {
                ui.separator();
                if ui.button(tr(lang, Msg::TakeAll)).clicked() {
                    self.tx.action(Action::TakeAll);
                }
            }
            if let Some(stop) = compare.current_stop()
                && let Some(part) = model.parts.get(stop.part)
            {
                ui.separator();
                let review = compare.settings().review;
                let buttons = if review {
                    [
                        (
                            Msg::Take,
                            Action::TakeChange {
                                part: part.key,
                                change: stop.change,
                            },
                        ),
                        (
                            Msg::KeepMine,
                            Action::KeepChange {
                                part: part.key,
                                change: stop.change,
                            },
                        ),
                    ]
                } else {
                    [
                        (
                            Msg::Reject,
                            Action::RejectChange {
                                part: part.key,
                                change: stop.change,
                            },
                        ),
                        (
                            Msg::Accept,
                            Action::AcceptChange {
                                part: part.key,
                                change: stop.change,
                            },
                        ),
                    ]
                };
                let enabled = compare.can_edit()
                    && compare
                        .current()
                        .is_some_and(|c| compare.is_open(c) || !review);
                for (msg, action) in buttons {
                    let mut response = ui.add_enabled(enabled, egui::Button::new(tr(lang, msg)));
                    if review {
                        response = response.on_hover_text(tr(lang, Msg::ReviewHelp));
                    }
                    if response.clicked() {
                        self.tx.action(action);
                    }
                }
                if review && let Some(seconds) = self.ed.current_change_seconds() {
                    ui.label(RichText::new(take_effect_label(lang, seconds)).weak());
                }
            }
        });
        ui.add_space(2.0);
        if only != changes_only {
            self.state.diff.changes_only = Some(only);
        }
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
                    let done = compare.settings().review
                        && !part.stops.is_empty()
                        && part.stops.clone().all(|s| !compare.is_open(s));
                    let text = if done {
                        RichText::new(&part.summary).weak()
                    } else {
                        RichText::new(&part.summary)
                    };
                    if ui.selectable_label(selected, text).clicked() && !part.stops.is_empty() {
                        self.tx.action(Action::GoToChange(part.stops.start));
                    }
                }
                if !any {
                    ui.label(RichText::new(tr(lang, Msg::NoDifferences)).weak());
                }
            });
    }
}
