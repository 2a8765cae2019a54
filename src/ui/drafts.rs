//! The drafts panel (right): named drafts with time and note, automatic drafts apart.

use chrono::{DateTime, Local, Utc};
use egui::{RichText, Ui};

use crate::editor::{Action, Version};
use crate::project::{Draft, DraftKind};

use super::commands::Command;
use super::i18n::{Msg, action_on, draft_label, tr};
use super::view::View;

/// A draft's time for people, in local time: `2026-11-27 16:40`.
pub fn local_time(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl View<'_> {
    /// The drafts panel.
    pub(crate) fn drafts_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Drafts));
        ui.horizontal_wrapped(|ui| {
            self.command_button_ui(ui, Command::SaveDraft);
            self.command_button_ui(ui, Command::CompareDrafts);
            self.command_button_ui(ui, Command::ImportAsDraft);
        });
        ui.separator();
        let drafts = self.ed.drafts();
        let (named, automatic): (Vec<&Draft>, Vec<&Draft>) = drafts
            .iter()
            .rev()
            .partition(|d| d.kind == DraftKind::Named);
        egui::ScrollArea::vertical()
            .id_salt("drafts_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if named.is_empty() {
                    ui.label(RichText::new(tr(lang, Msg::NoDrafts)).weak());
                }
                for draft in named {
                    self.draft_row_ui(ui, draft);
                }
                if !automatic.is_empty() {
                    ui.add_space(8.0);
                    egui::CollapsingHeader::new(format!(
                        "{} ({})",
                        tr(lang, Msg::AutomaticDrafts),
                        automatic.len()
                    ))
                    .id_salt("automatic_drafts")
                    .show(ui, |ui| {
                        for draft in automatic {
                            self.draft_row_ui(ui, draft);
                        }
                    });
                }
            });
    }

    fn draft_row_ui(&mut self, ui: &mut Ui, draft: &Draft) {
        let lang = self.lang();
        let label = draft_label(lang, draft);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&label).strong());
            ui.label(RichText::new(local_time(draft.created)).small().weak());
            if let Some(note) = &draft.note {
                ui.label(RichText::new(note).italics());
            }
            ui.horizontal_wrapped(|ui| {
                for (msg, action) in [
                    (Msg::Restore, Action::RestoreDraft(draft.id)),
                    (
                        Msg::CompareWithWorking,
                        Action::SetCompare(crate::editor::CompareSides {
                            a: Version::Draft(draft.id),
                            b: Version::Working,
                        }),
                    ),
                    (Msg::Rename, Action::RenameDraft(draft.id)),
                    (Msg::Delete, Action::DeleteDraft(draft.id)),
                ] {
                    let name = action_on(lang, msg, &label);
                    if ui
                        .small_button(tr(lang, msg))
                        .accessible_name(name)
                        .clicked()
                    {
                        self.tx.action(action);
                    }
                }
            });
        });
    }
}
