//! The recovery prompt (recovery files offered at start, or when a file with one is opened) and
//! the "changed on disk" question before a save would overwrite another program's changes.
//! Their buttons send commands; [`LecternApp::apply`] carries them out here.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText, Ui};

use crate::project::Project;
use crate::recovery::{RecoveryEntry, RecoveryScan, RecoveryStatus};

use super::app::{Dialog, LecternApp, Pending};
use super::commands::Command;
use super::drafts::local_time;
use super::i18n::{Msg, UiLanguage, action_on, tr};
use super::state::Doc;

/// The answer to "the file changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Write over the other program's version.
    Overwrite,
    /// Save to another file.
    SaveAs,
    /// Do not save.
    Cancel,
}

/// A recovery file offered to the writer, with the project it holds.
#[derive(Clone, Debug)]
pub struct RecoveryOffer {
    /// The recovery file and what is known about it.
    pub entry: RecoveryEntry,
    /// The working copy kept in it.
    pub project: Project,
}

impl RecoveryOffer {
    /// How the offer is named: the document's path, or "Unsaved speech — title".
    pub fn name(&self, lang: UiLanguage) -> String {
        match &self.entry.document {
            Some(path) => path.display().to_string(),
            None if self.project.speech.title.trim().is_empty() => {
                tr(lang, Msg::UnsavedSpeech).to_string()
            }
            None => format!(
                "{} — {}",
                tr(lang, Msg::UnsavedSpeech),
                self.project.speech.title.trim()
            ),
        }
    }
}

impl LecternApp {
    /// At start: removes recovery files with nothing to recover, reports unreadable ones in one
    /// error, and offers the rest.
    pub(crate) fn startup_recovery(&mut self) {
        self.recovery.started = true;
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let scan = match store.pending() {
            Ok(scan) => scan,
            Err(error) => {
                // The folder is unusable: say so once, for the scan and for the writes to come.
                self.errors
                    .push(format!("{}\n\n{error}", tr(self.lang, Msg::AutosaveFailed)));
                self.recovery.failing = true;
                return;
            }
        };
        for stale in &scan.stale {
            // The document holds all of it; a failure to remove is harmless.
            let _ = store.remove_file(&stale.file);
        }
        self.offer(scan, |_| true, true);
    }

    /// After opening `path` during the session: offers a recovery of that same file if there
    /// is one.
    pub(crate) fn offer_recovery_for(&mut self, path: &Path) {
        if !self.recovery.started {
            return;
        }
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        let key = crate::recovery::RecoveryKey::for_document(path);
        if let Ok(scan) = store.pending() {
            self.offer(
                scan,
                |entry| entry.document.as_deref() == key.document(),
                false,
            );
        }
    }

    /// Loads the pending entries that `wanted` picks and shows them in the prompt. With
    /// `report`, unreadable recovery files are shown in one error naming each.
    fn offer(&mut self, scan: RecoveryScan, wanted: impl Fn(&RecoveryEntry) -> bool, report: bool) {
        let mut problems: Vec<String> = scan
            .unreadable
            .iter()
            .map(|u| u.error.to_string())
            .collect();
        let mut offers = Vec::new();
        for entry in scan.pending.into_iter().filter(|e| wanted(e)) {
            match entry.load() {
                Ok(project) => offers.push(RecoveryOffer { entry, project }),
                Err(error) => problems.push(error.to_string()),
            }
        }
        if report && !problems.is_empty() {
            self.errors.push(format!(
                "{}\n\n{}",
                tr(self.lang, Msg::RecoveryUnreadable),
                problems.join("\n")
            ));
        }
        if !offers.is_empty() {
            self.recovery.offers = offers;
            self.dialog = Some(Dialog::Recovery);
        }
    }

    /// Shows the prompt again while offers are left, or closes it.
    fn reshow_offers(&mut self) {
        if !self.recovery.offers.is_empty() {
            self.dialog = Some(Dialog::Recovery);
        } else if self.dialog == Some(Dialog::Recovery) {
            self.dialog = None;
        }
    }

    /// Makes the offered recovery file `file` the document: its path stays the original
    /// document's (Save writes there, after the changed-on-disk check against the stamp taken
    /// when it was opened), and it is modified. Its recovery file is kept until it is saved or
    /// discarded.
    pub(crate) fn restore_recovery(&mut self, file: &Path) {
        let Some(index) = self
            .recovery
            .offers
            .iter()
            .position(|o| o.entry.file == file)
        else {
            return;
        };
        let offer = self.recovery.offers.remove(index);
        let path = offer.entry.document.clone();
        self.set_document(Doc::from_project(offer.project), path.clone(), false);
        if let Some(path) = path {
            self.prefs.add_recent(path);
        }
        self.recovery.key = offer.entry.key;
        self.recovery.own_file = true;
        self.recovery.stamp = offer.entry.document_stamp;
        self.reshow_offers();
    }

    /// Deletes the offered recovery file `file`.
    pub(crate) fn discard_offered_recovery(&mut self, file: &Path) {
        let Some(store) = self.recovery.store.clone() else {
            return;
        };
        match store.remove_file(file) {
            Ok(()) => self.recovery.offers.retain(|o| o.entry.file != file),
            Err(error) => self.errors.push(error.to_string()),
        }
        self.reshow_offers();
    }

    /// A save stopped at the changed-on-disk question: do `then` once it is answered with a
    /// save.
    pub(crate) fn carry_pending(&mut self, then: Pending) {
        if let Some(Dialog::ChangedOnDisk { then: slot, .. }) = &mut self.dialog {
            *slot = Some(then);
        }
    }

    /// Carries out the answer to the changed-on-disk question.
    pub(crate) fn resolve_changed_on_disk(&mut self, answer: DiskAnswer) {
        let Some(Dialog::ChangedOnDisk { path, then }) = self.dialog.take() else {
            return;
        };
        let saved = match answer {
            DiskAnswer::Overwrite => self.save_to(&path, false),
            DiskAnswer::SaveAs => self.save_as(),
            DiskAnswer::Cancel => false,
        };
        if let Some(then) = then {
            if saved {
                self.run_pending(then);
            } else {
                self.carry_pending(then);
            }
        }
    }

    /// The recovery prompt: each recovery file with Restore and Discard.
    pub(crate) fn recovery_prompt_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        ui.heading(tr(lang, Msg::RecoveryTitle));
        ui.add(egui::Label::new(tr(lang, Msg::RecoveryIntro)).wrap());
        ui.add_space(6.0);
        let mut clicked = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("recovery_offers")
            .max_height(420.0)
            .show(ui, |ui| {
                for offer in &self.recovery.offers {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let name = offer.name(lang);
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
                            ui.label(
                                RichText::new(tr(lang, note))
                                    .color(Color32::from_rgb(0xc0, 0x60, 0x00)),
                            );
                        }
                        ui.horizontal(|ui| {
                            let file: PathBuf = offer.entry.file.clone();
                            for (msg, command) in [
                                (Msg::Restore, Command::RestoreRecovery(file.clone())),
                                (Msg::DiscardRecovery, Command::DiscardRecovery(file)),
                            ] {
                                if ui
                                    .button(tr(lang, msg))
                                    .accessible_name(action_on(lang, msg, &name))
                                    .clicked()
                                {
                                    clicked.push(command);
                                }
                            }
                        });
                    });
                }
            });
        ui.add_space(8.0);
        if ui.button(tr(lang, Msg::DecideLater)).clicked() {
            clicked.push(Command::CloseDialog);
        }
        self.queue.extend(clicked);
    }

    /// The question before a save would overwrite a file another program changed.
    pub(crate) fn changed_on_disk_ui(&mut self, ui: &mut Ui, path: &Path) {
        let lang = self.lang;
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
                    self.queue.push(Command::ResolveChangedOnDisk(answer));
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
