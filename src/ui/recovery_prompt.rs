//! The recovery prompt (recovery files offered at start, or when a file with one is opened) and
//! the "changed on disk" question before a save would overwrite another program's changes.
//! Their buttons send actions; the editor carries them out.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::editor::{Action, DiskAnswer, RecoveryOffer};
use crate::recovery::RecoveryStatus;

use super::i18n::{Msg, UiLanguage, action_on, local_time, tr};
use super::view::View;

/// How an offer is named: the document's path, or "Unsaved speech — title".
pub fn offer_name(lang: UiLanguage, offer: &RecoveryOffer) -> String {
    match &offer.entry.document {
        Some(path) => path.display().to_string(),
        None if offer.project.speech.title.trim().is_empty() => {
            tr(lang, Msg::UnsavedSpeech).to_string()
        }
        None => format!(
            "{} — {}",
            tr(lang, Msg::UnsavedSpeech),
            offer.project.speech.title.trim()
        ),
    }
}

impl View<'_> {
    /// The recovery prompt: each recovery file with Restore and Discard.
    pub(crate) fn recovery_prompt_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let ed = self.ed;
        ui.heading(tr(lang, Msg::RecoveryTitle));
        ui.add(egui::Label::new(tr(lang, Msg::RecoveryIntro)).wrap());
        ui.add_space(6.0);
        let mut clicked = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("recovery_offers")
            .max_height(420.0)
            .show(ui, |ui| {
                for offer in ed.offers() {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let name = offer_name(lang, offer);
                        ui.label(RichText::new(&name).strong());
                        if offer.entry.document.is_some() && !offer.project.speech.title.is_empty()
                        {
                            ui.label(&offer.project.speech.title);
                        }
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                tr(lang, Msg::RecoveryWritten),
                                local_time(offer.entry.written)
                            ))
                            .small()
                            .weak(),
                        );
                        if let Some(note) = status_note(offer.entry.status) {
                            let color = ui.visuals().warn_fg_color;
                            ui.label(RichText::new(tr(lang, note)).color(color));
                        }
                        ui.horizontal(|ui| {
                            let file: PathBuf = offer.entry.file.clone();
                            for (msg, action) in [
                                (Msg::Restore, Action::RestoreRecovery(file.clone())),
                                (Msg::DiscardRecovery, Action::DiscardRecovery(file)),
                            ] {
                                if ui
                                    .button(tr(lang, msg))
                                    .accessible_name(action_on(lang, msg, &name))
                                    .clicked()
                                {
                                    clicked.push(action);
                                }
                            }
                        });
                    });
                }
            });
        ui.add_space(8.0);
        if ui.button(tr(lang, Msg::DecideLater)).clicked() {
            clicked.push(Action::DecideRecoveryLater);
        }
        for action in clicked {
            self.tx.action(action);
        }
    }

    /// The question before a save would overwrite a file another program changed.
    pub(crate) fn changed_on_disk_ui(&mut self, ui: &mut Ui, path: &Path) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::ChangedOnDisk));
        ui.add(egui::Label::new(tr(lang, Msg::ChangedOnDiskText)).wrap());
        ui.label(RichText::new(path.display().to_string()).monospace());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (msg, answer) in [
                (Msg::Overwrite, DiskAnswer::Overwrite),
                (Msg::SaveAs, DiskAnswer::SaveAs),
                (Msg::Cancel, DiskAnswer::Cancel),
            ] {
                if ui.button(tr(lang, msg)).clicked() {
                    self.tx.action(Action::ResolveChangedOnDisk(answer));
                }
            }
        });
    }
}

/// What the prompt says about a recovery file's document, if anything.
fn status_note(status: RecoveryStatus) -> Option<Msg> {
    match status {
        RecoveryStatus::NewerThanDocument {
            changed_elsewhere: true,
        } => Some(Msg::RecoveryChangedElsewhere),
        RecoveryStatus::DocumentMissing => Some(Msg::RecoveryDocumentMissing),
        RecoveryStatus::DocumentUnreadable => Some(Msg::RecoveryDocumentUnreadable),
        RecoveryStatus::NeverSaved
        | RecoveryStatus::NewerThanDocument {
            changed_elsewhere: false,
        }
        | RecoveryStatus::Stale => None,
    }
}
