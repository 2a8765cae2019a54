//! Modal dialogs: errors, notices, new from template, save/rename draft, export with preview,
//! unsaved changes, shortcuts, about. Their buttons send commands.

use std::sync::OnceLock;

use egui::{Context, Id, Modal, RichText, Ui};

use crate::export::{ExportFormat, ExportOptions, ExportStyle};
use crate::template::{Template, templates};

use super::app::{Dialog, LecternApp};
use super::commands::{Command, Resolution};
use super::i18n::{Msg, tr};

/// The built-in templates, parsed once.
fn all_templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(templates)
}

impl LecternApp {
    /// The options an export dialog's choices mean.
    pub(crate) fn export_options(&self, format: ExportFormat, style: ExportStyle) -> ExportOptions {
        let options = match style {
            ExportStyle::Chinese => ExportOptions::chinese(),
            ExportStyle::English => ExportOptions::english(&self.doc.settings),
        };
        options.with_format(format)
    }

    /// Errors first, then notices, then the open dialog.
    pub(crate) fn dialogs(&mut self, ctx: &Context) {
        let lang = self.lang;
        if let Some(error) = self.errors.first().cloned() {
            let response = Modal::new(Id::unique("error_modal")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(tr(lang, Msg::Error));
                ui.add(egui::Label::new(&error).wrap());
                ui.add_space(8.0);
                ui.button(tr(lang, Msg::Ok)).clicked()
            });
            if response.inner || response.should_close() {
                self.errors.remove(0);
            }
            return;
        }
        if let Some(notice) = self.notices.first().cloned() {
            let response = Modal::new(Id::unique("notice_modal")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(tr(lang, Msg::Notice));
                ui.add(egui::Label::new(&notice).wrap());
                ui.add_space(8.0);
                ui.button(tr(lang, Msg::Ok)).clicked()
            });
            if response.inner || response.should_close() {
                self.notices.remove(0);
            }
            return;
        }
        let Some(mut dialog) = self.dialog.take() else {
            return;
        };
        let response = Modal::new(Id::unique("dialog_modal")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            self.dialog_ui(ui, &mut dialog);
        });
        let escape = response.should_close() && !matches!(dialog, Dialog::Unsaved { .. });
        if matches!(dialog, Dialog::Unsaved { .. }) && response.should_close() {
            self.queue.push(Command::ResolveUnsaved(Resolution::Cancel));
        }
        if !escape {
            self.dialog = Some(dialog);
        }
    }

    fn buttons_ui(&mut self, ui: &mut Ui, buttons: &[(Msg, Command)]) {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (msg, command) in buttons {
                if ui.button(tr(self.lang, *msg)).clicked() {
                    self.queue.push(command.clone());
                }
            }
        });
    }

    fn dialog_ui(&mut self, ui: &mut Ui, dialog: &mut Dialog) {
        let lang = self.lang;
        match dialog {
            Dialog::NewDocument { selected } => {
                ui.heading(tr(lang, Msg::ChooseTemplate));
                let templates = all_templates();
                for (i, template) in templates.iter().enumerate() {
                    let text = format!("{}\n{}", template.name, template.description);
                    if ui.selectable_label(*selected == i, text).clicked() {
                        *selected = i;
                    }
                }
                let create = templates
                    .get(*selected)
                    .map(|t| Command::NewFromTemplate(t.id.clone()));
                let mut buttons = Vec::new();
                if let Some(create) = create {
                    buttons.push((Msg::Create, create));
                }
                buttons.push((Msg::Cancel, Command::CloseDialog));
                self.buttons_ui(ui, &buttons);
            }
            Dialog::SaveDraft { name, note } => {
                ui.heading(tr(lang, Msg::SaveDraft).trim_end_matches('…'));
                let label = ui.label(tr(lang, Msg::Name));
                let field = ui
                    .add(egui::TextEdit::singleline(name).desired_width(400.0))
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                let label = ui.label(tr(lang, Msg::Note));
                ui.add(
                    egui::TextEdit::multiline(note)
                        .desired_rows(2)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
                let note = Some(note.clone()).filter(|n| !n.trim().is_empty());
                self.buttons_ui(
                    ui,
                    &[
                        (
                            Msg::Save,
                            Command::SaveDraftNamed {
                                name: name.clone(),
                                note,
                            },
                        ),
                        (Msg::Cancel, Command::CloseDialog),
                    ],
                );
            }
            Dialog::RenameDraft { id, name } => {
                ui.heading(tr(lang, Msg::RenameDraft).trim_end_matches('…'));
                let label = ui.label(tr(lang, Msg::Name));
                ui.add(egui::TextEdit::singleline(name).desired_width(400.0))
                    .labelled_by(label.id);
                self.buttons_ui(
                    ui,
                    &[
                        (
                            Msg::Ok,
                            Command::RenameDraftTo {
                                id: *id,
                                name: name.clone(),
                            },
                        ),
                        (Msg::Cancel, Command::CloseDialog),
                    ],
                );
            }
            Dialog::Export { format, style } => self.export_dialog_ui(ui, format, style),
            Dialog::Unsaved { .. } => {
                ui.heading(tr(lang, Msg::UnsavedChanges));
                ui.label(tr(lang, Msg::SaveChangesQuestion));
                self.buttons_ui(
                    ui,
                    &[
                        (Msg::Save, Command::ResolveUnsaved(Resolution::Save)),
                        (Msg::Discard, Command::ResolveUnsaved(Resolution::Discard)),
                        (Msg::Cancel, Command::ResolveUnsaved(Resolution::Cancel)),
                    ],
                );
            }
            Dialog::Shortcuts => {
                ui.heading(tr(lang, Msg::Shortcuts));
                egui::Grid::new("shortcuts_grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for command in Command::with_shortcuts() {
                            if let Some(shortcut) = command.shortcut() {
                                ui.label(command.label(lang));
                                ui.label(ui.ctx().format_shortcut(&shortcut));
                                ui.end_row();
                            }
                        }
                    });
                self.buttons_ui(ui, &[(Msg::Ok, Command::CloseDialog)]);
            }
            Dialog::About => {
                ui.heading(tr(lang, Msg::About));
                ui.label(format!("Lectern {}", env!("CARGO_PKG_VERSION")));
                ui.label(tr(lang, Msg::AboutText));
                self.buttons_ui(ui, &[(Msg::Ok, Command::CloseDialog)]);
            }
            Dialog::Recovery => self.recovery_prompt_ui(ui),
            Dialog::ChangedOnDisk { path, .. } => self.changed_on_disk_ui(ui, path),
        }
    }

    fn export_dialog_ui(
        &mut self,
        ui: &mut Ui,
        format: &mut ExportFormat,
        style: &mut ExportStyle,
    ) {
        let lang = self.lang;
        ui.heading(tr(lang, Msg::Export).trim_end_matches('…'));
        ui.horizontal(|ui| {
            ui.label(tr(lang, Msg::Format));
            ui.radio_value(format, ExportFormat::Text, tr(lang, Msg::PlainText));
            ui.radio_value(format, ExportFormat::Markdown, tr(lang, Msg::Markdown));
        });
        ui.horizontal(|ui| {
            ui.label(tr(lang, Msg::Style));
            ui.radio_value(style, ExportStyle::Chinese, tr(lang, Msg::ChineseStyle));
            ui.radio_value(style, ExportStyle::English, tr(lang, Msg::EnglishStyle));
        });
        let options = self.export_options(*format, *style);
        let fresh = matches!(&self.export_preview, Some((rev, f, s, _)) if *rev == self.rev && f == format && s == style);
        if !fresh {
            let text = self.export_text(&options);
            self.export_preview = Some((self.rev, *format, *style, text));
        }
        ui.label(RichText::new(tr(lang, Msg::Preview)).strong());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("export_preview")
                .max_height(360.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if let Some((_, _, _, text)) = &self.export_preview {
                        ui.add(egui::Label::new(text.as_str()).wrap());
                    }
                });
        });
        self.buttons_ui(
            ui,
            &[
                (Msg::SaveFile, Command::ExportToFile(options)),
                (Msg::Close, Command::CloseDialog),
            ],
        );
    }
}
