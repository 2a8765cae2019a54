//! The Merge reviews dialog: the version both reviewers started from and their two copies
//! (drafts, the working copy or files), the merge's conflicts with both versions side by side,
//! and Accept, which makes the merge the working copy (one undo step, the base kept as a
//! draft). Reads [`MergeDialog`] and sends what the writer chooses.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Context, Id, Modal, RichText, Ui};

use crate::editor::{Action, MergeDialog, MergeSlot, MergeSource, ResolveDialog};
use crate::merge::{ConflictChoice, ConflictKind, ConflictPart, MergeConflict};
use crate::model::Speech;

use super::i18n::{Msg, action_on, conflicts_label, draft_label, section_name, tr};
use super::view::View;

/// What the dialog keeps between frames: the text typed for each conflict.
#[derive(Debug, Default)]
pub struct MergeViewState {
    /// The writer's own text per conflict, as typed.
    pub edits: HashMap<usize, String>,
}

/// The name of a conflict's part: the section's heading, or `Opening`.
fn part_name(view: &View<'_>, speech: &Speech, conflict: &MergeConflict) -> String {
    let lang = view.lang();
    match conflict.part {
        ConflictPart::Title => tr(lang, Msg::Title).to_string(),
        ConflictPart::Greeting => tr(lang, Msg::Greeting).to_string(),
        ConflictPart::Opening => tr(lang, Msg::Opening).to_string(),
        ConflictPart::Closing => tr(lang, Msg::Closing).to_string(),
        ConflictPart::Notes => tr(lang, Msg::Notes).to_string(),
        ConflictPart::Section(id) => match speech.section_index(id) {
            Some(index) => {
                let heading = speech.sections[index].heading.trim();
                if heading.is_empty() {
                    section_name(lang, index)
                } else {
                    heading.to_string()
                }
            }
            None => String::new(),
        },
    }
}

impl View<'_> {
    fn merge_source_name(&self, source: &MergeSource) -> String {
        match source {
            MergeSource::Working => tr(self.lang(), Msg::WorkingCopy).to_string(),
            MergeSource::Draft(id) => self
                .ed
                .doc()
                .draft(*id)
                .map(|d| draft_label(self.lang(), d))
                .unwrap_or_default(),
            MergeSource::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    fn merge_slot_ui(&mut self, ui: &mut Ui, state: &MergeDialog, slot: MergeSlot, msg: Msg) {
        let lang = self.lang();
        let label = ui.label(tr(lang, msg));
        let current = state.input(slot).map(|i| i.source.clone());
        let selected = current.as_ref().map_or_else(
            || tr(lang, Msg::MergeChoose).to_string(),
            |s| self.merge_source_name(s),
        );
        let mut chosen = None;
        egui::ComboBox::from_id_salt(("merge_slot", msg))
            .selected_text(selected)
            .width(260.0)
            .truncate()
            .show_ui(ui, |ui| {
                let mut sources = vec![MergeSource::Working];
                sources.extend(
                    self.ed
                        .drafts()
                        .iter()
                        .rev()
                        .map(|d| MergeSource::Draft(d.id)),
                );
                for source in sources {
                    let name = self.merge_source_name(&source);
                    if ui
                        .selectable_label(current.as_ref() == Some(&source), name)
                        .clicked()
                    {
                        chosen = Some(source);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let file = action_on(lang, Msg::MergeFromFile, tr(lang, msg));
        if ui
            .button(tr(lang, Msg::MergeFromFile))
            .accessible_name(file)
            .clicked()
        {
            chosen = Some(MergeSource::File(PathBuf::new()));
        }
        ui.end_row();
        if let Some(source) = chosen {
            self.tx.action(Action::SetMergeInput { slot, source });
        }
    }

    /// The Merge reviews dialog.
    pub(crate) fn merge_dialog_ui(&mut self, ctx: &Context, state: &MergeDialog) {
        let lang = self.lang();
        let screen = ctx.content_rect();
        let width = (screen.width() - 60.0).clamp(320.0, 960.0);
        let response = Modal::new(Id::unique("merge_dialog")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(tr(lang, Msg::MergeReviews));
            ui.label(RichText::new(tr(lang, Msg::MergeHelp)).weak());
            ui.add_space(6.0);
            egui::Grid::new("merge_inputs")
                .num_columns(3)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    self.merge_slot_ui(ui, state, MergeSlot::Base, Msg::MergeBase);
                    self.merge_slot_ui(ui, state, MergeSlot::Ours, Msg::MergeOurs);
                    self.merge_slot_ui(ui, state, MergeSlot::Theirs, Msg::MergeTheirs);
                });
            ui.separator();
            match &state.outcome {
                None => {
                    ui.label(tr(lang, Msg::MergePickAll));
                }
                Some(outcome) if outcome.conflicts.is_empty() => {
                    ui.label(RichText::new(tr(lang, Msg::MergeClean)).strong());
                }
                Some(outcome) => {
                    ui.label(
                        RichText::new(conflicts_label(
                            lang,
                            outcome.open_count(),
                            outcome.conflicts.len(),
                        ))
                        .strong(),
                    );
                    let max_height = (screen.height() - 340.0).max(160.0);
                    egui::ScrollArea::vertical()
                        .id_salt("merge_conflicts")
                        .max_height(max_height)
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            for (index, conflict) in outcome.conflicts.iter().enumerate() {
                                let choice =
                                    outcome.choices.get(index).cloned().unwrap_or_default();
                                self.conflict_ui(
                                    ui,
                                    &outcome.speech,
                                    index,
                                    conflict,
                                    &choice,
                                    true,
                                );
                            }
                        });
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = state.outcome.is_some();
                if ui
                    .add_enabled(ready, egui::Button::new(tr(lang, Msg::AcceptMerge)))
                    .clicked()
                {
                    self.tx.action(Action::AcceptMerge {
                        base_name: tr(lang, Msg::MergeBaseDraft).to_string(),
                    });
                    self.state.merge.edits.clear();
                }
                if ui.button(tr(lang, Msg::Cancel)).clicked() {
                    self.close_merge_dialog();
                }
            });
        });
        if response.should_close() {
            self.close_merge_dialog();
        }
    }

    /// One conflict: both versions side by side with their choice buttons, the writer's own
    /// text and Undecided. A conflict that is no longer `current` (its text was edited after the
    /// merge) offers only to keep the text as it is.
    fn conflict_ui(
        &mut self,
        ui: &mut Ui,
        speech: &Speech,
        index: usize,
        conflict: &MergeConflict,
        choice: &ConflictChoice,
        current: bool,
    ) {
        let lang = self.lang();
        let number = (index + 1).to_string();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("{number}. {}", part_name(self, speech, conflict))).strong(),
            );
            if !conflict.base.is_empty() {
                ui.label(RichText::new(&conflict.base).weak().strikethrough());
            }
            if !current {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr(lang, Msg::ConflictStale))
                            .color(ui.visuals().warn_fg_color),
                    )
                    .wrap(),
                );
            }
            let removed = tr(lang, Msg::RemovedSection);
            let text_of = |t: &str| {
                if t.is_empty() && conflict.kind != ConflictKind::Text {
                    removed.to_string()
                } else {
                    t.to_string()
                }
            };
            let column = (ui.available_width() - 16.0) / 2.0;
            ui.horizontal_top(|ui| {
                for (msg, text, option) in [
                    (Msg::UseFirst, text_of(&conflict.ours), ConflictChoice::Ours),
                    (
                        Msg::UseSecond,
                        text_of(&conflict.theirs),
                        ConflictChoice::Theirs,
                    ),
                ] {
                    ui.vertical(|ui| {
                        ui.set_width(column.max(80.0));
                        ui.add(egui::Label::new(text).wrap());
                        let name = action_on(lang, msg, &number);
                        let button = egui::Button::selectable(*choice == option, tr(lang, msg));
                        if ui
                            .add_enabled(current, button)
                            .accessible_name(name)
                            .clicked()
                        {
                            self.tx.action(Action::ChooseConflict {
                                index,
                                choice: option,
                            });
                        }
                    });
                }
            });
            ui.horizontal(|ui| {
                if !current {
                    let name = action_on(lang, Msg::KeepAsItIs, &number);
                    if ui
                        .selectable_label(
                            *choice == ConflictChoice::Ours,
                            tr(lang, Msg::KeepAsItIs),
                        )
                        .accessible_name(name)
                        .clicked()
                    {
                        self.tx.action(Action::ChooseConflict {
                            index,
                            choice: ConflictChoice::Ours,
                        });
                    }
                } else if conflict.kind == ConflictKind::Text {
                    let label = ui.label(tr(lang, Msg::EditedText));
                    let buffer =
                        self.state
                            .merge
                            .edits
                            .entry(index)
                            .or_insert_with(|| match choice {
                                ConflictChoice::Edited(text) => text.clone(),
                                _ => conflict.ours.clone(),
                            });
                    let response = ui
                        .add(egui::TextEdit::singleline(buffer).desired_width(column.max(80.0)))
                        .labelled_by(label.id);
                    let name = action_on(lang, Msg::EditedText, &number);
                    let response = response.accessible_name(name);
                    if response.changed() {
                        self.tx.action(Action::ChooseConflict {
                            index,
                            choice: ConflictChoice::Edited(buffer.clone()),
                        });
                    }
                }
                let name = action_on(lang, Msg::Reopen, &number);
                if ui
                    .selectable_label(*choice == ConflictChoice::Open, tr(lang, Msg::Reopen))
                    .accessible_name(name)
                    .clicked()
                {
                    self.tx.action(Action::ChooseConflict {
                        index,
                        choice: ConflictChoice::Open,
                    });
                }
            });
        });
    }

    /// The Resolve merge conflicts dialog: the conflicts a merge left in the document, each with
    /// both versions side by side; Apply writes the choices into the working copy (one undo
    /// step), the undecided ones stay.
    pub(crate) fn resolve_dialog_ui(&mut self, ctx: &Context, state: &ResolveDialog) {
        let lang = self.lang();
        let ed = self.ed;
        let screen = ctx.content_rect();
        let width = (screen.width() - 60.0).clamp(320.0, 960.0);
        let response = Modal::new(Id::unique("resolve_dialog")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(tr(lang, Msg::ResolveConflicts).trim_end_matches('…'));
            ui.add(
                egui::Label::new(RichText::new(tr(lang, Msg::ResolveConflictsHelp)).weak()).wrap(),
            );
            ui.add_space(6.0);
            ui.label(
                RichText::new(conflicts_label(
                    lang,
                    state.open_count(),
                    ed.conflicts().len(),
                ))
                .strong(),
            );
            let max_height = (screen.height() - 260.0).max(160.0);
            egui::ScrollArea::vertical()
                .id_salt("resolve_conflicts")
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (index, conflict) in ed.conflicts().iter().enumerate() {
                        let choice = state.choices.get(index).cloned().unwrap_or_default();
                        let current = ed.conflict_is_current(index);
                        self.conflict_ui(ui, ed.speech(), index, conflict, &choice, current);
                    }
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let decided = state.open_count() < state.choices.len();
                if ui
                    .add_enabled(decided, egui::Button::new(tr(lang, Msg::ApplyResolution)))
                    .clicked()
                {
                    self.tx.action(Action::AcceptResolution);
                    self.state.merge.edits.clear();
                }
                if ui.button(tr(lang, Msg::Cancel)).clicked() {
                    self.close_merge_dialog();
                }
            });
        });
        if response.should_close() {
            self.close_merge_dialog();
        }
    }

    /// Closes the merge or resolve dialog and forgets the texts typed in it.
    fn close_merge_dialog(&mut self) {
        self.tx.action(Action::CloseDialog);
        self.state.merge.edits.clear();
    }
}
