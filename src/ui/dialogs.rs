//! Modal dialogs: the messages (errors and notices), the editor's dialogs (new from template,
//! save/rename draft, export with preview, unsaved changes, recovery, changed on disk) and the
//! window's own (shortcuts, about, the command palette). Each reads what it shows and sends what
//! the writer answers.

use std::sync::OnceLock;

use egui::{Context, Id, Modal, RichText, Ui};

use crate::editor::{Action, Dialog, Resolution};
use crate::export::{ExportFormat, ExportOptions, ExportStyle};
use crate::template::{Template, templates};

use super::commands::{Command, CommandGroup};
use super::i18n::{Msg, default_draft_name, message_text, tr};
use super::view::{View, ViewAction, WindowDialog};

/// The built-in templates, parsed once.
fn all_templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(templates)
}

/// The options an export dialog's choices mean.
pub fn export_options(
    settings: &crate::project::Settings,
    format: ExportFormat,
    style: ExportStyle,
) -> ExportOptions {
    let options = match style {
        ExportStyle::Chinese => ExportOptions::chinese(),
        ExportStyle::English => ExportOptions::english(settings),
    };
    options.with_format(format)
}

impl View<'_> {
    /// Messages first, then the editor's dialog, then the window's own.
    pub(crate) fn dialogs_ui(&mut self, ctx: &Context) {
        let lang = self.lang();
        let ed = self.ed;
        if let Some(message) = ed.messages().first() {
            let (title, body) = message_text(lang, message);
            let response = Modal::new(Id::unique("message_modal")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(title);
                ui.add(egui::Label::new(body).wrap());
                ui.add_space(8.0);
                ui.button(tr(lang, Msg::Ok)).clicked()
            });
            if response.inner || response.should_close() {
                self.tx.action(Action::DismissMessage);
            }
            return;
        }
        if let Some(state) = ed.import_preview() {
            self.import_preview_ui(ctx, state);
            return;
        }
        if let Some(state) = ed.merge_dialog() {
            self.merge_dialog_ui(ctx, state);
            return;
        }
        if let Some(dialog) = ed.dialog() {
            let mut edited = dialog.clone();
            let response = Modal::new(Id::unique("dialog_modal")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                self.dialog_ui(ui, &mut edited);
            });
            if response.should_close() {
                match dialog {
                    Dialog::Unsaved { .. } => {
                        self.tx.action(Action::ResolveUnsaved(Resolution::Cancel));
                    }
                    Dialog::Recovery => self.tx.action(Action::DecideRecoveryLater),
                    _ => self.tx.action(Action::CloseDialog),
                }
            } else if edited != *dialog {
                self.tx.action(Action::ShowDialog(edited));
            }
            return;
        }
        if let Some(dialog) = self.state.window_dialog {
            let response = Modal::new(Id::unique("window_dialog_modal")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                match dialog {
                    WindowDialog::Shortcuts => self.shortcuts_ui(ui),
                    WindowDialog::About => self.about_ui(ui),
                    WindowDialog::Palette => self.palette_ui(ui),
                }
            });
            if response.should_close() {
                self.tx.view(ViewAction::CloseWindowDialog);
            }
        }
    }

    fn buttons_ui(&mut self, ui: &mut Ui, buttons: Vec<(Msg, Action)>) {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (msg, action) in buttons {
                if ui.button(tr(self.lang(), msg)).clicked() {
                    self.tx.action(action);
                }
            }
        });
    }

    fn dialog_ui(&mut self, ui: &mut Ui, dialog: &mut Dialog) {
        let lang = self.lang();
        match dialog {
            // Drawn by `import_preview_ui` (it is not cloned each frame).
            Dialog::ImportPreview(_) | Dialog::Merge(_) => {}
            Dialog::NewDocument { selected } => {
                ui.heading(tr(lang, Msg::ChooseTemplate));
                let templates = all_templates();
                for (i, template) in templates.iter().enumerate() {
                    let text = format!("{}\n{}", template.name, template.description);
                    if ui.selectable_label(*selected == i, text).clicked() {
                        *selected = i;
                    }
                }
                let mut buttons = Vec::new();
                if let Some(template) = templates.get(*selected) {
                    buttons.push((Msg::Create, Action::NewFromTemplate(template.id.clone())));
                }
                buttons.push((Msg::Cancel, Action::CloseDialog));
                self.buttons_ui(ui, buttons);
            }
            Dialog::SaveDraft { name, note, number } => {
                ui.heading(tr(lang, Msg::SaveDraft).trim_end_matches('…'));
                let default_name = default_draft_name(lang, *number, chrono::Utc::now());
                let label = ui.label(tr(lang, Msg::Name));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .hint_text(default_name.as_str())
                            .desired_width(400.0),
                    )
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let label = ui.label(tr(lang, Msg::Note));
                ui.add(
                    egui::TextEdit::multiline(note)
                        .desired_rows(2)
                        .desired_width(400.0),
                )
                .labelled_by(label.id);
                let save = Action::SaveDraftNamed {
                    name: if name.trim().is_empty() {
                        default_name
                    } else {
                        name.clone()
                    },
                    note: Some(note.clone()).filter(|n| !n.trim().is_empty()),
                };
                if enter {
                    self.tx.action(save.clone());
                }
                self.buttons_ui(
                    ui,
                    vec![(Msg::Save, save), (Msg::Cancel, Action::CloseDialog)],
                );
            }
            Dialog::RenameDraft { id, name } => {
                ui.heading(tr(lang, Msg::RenameDraft).trim_end_matches('…'));
                let label = ui.label(tr(lang, Msg::Name));
                let field = ui
                    .add(egui::TextEdit::singleline(name).desired_width(400.0))
                    .labelled_by(label.id);
                let rename = Action::RenameDraftTo {
                    id: *id,
                    name: name.clone(),
                };
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    self.tx.action(rename.clone());
                }
                self.buttons_ui(
                    ui,
                    vec![(Msg::Ok, rename), (Msg::Cancel, Action::CloseDialog)],
                );
            }
            Dialog::Export { format, style } => self.export_dialog_ui(ui, format, style),
            Dialog::Unsaved { .. } => {
                ui.heading(tr(lang, Msg::UnsavedChanges));
                ui.label(tr(lang, Msg::SaveChangesQuestion));
                self.buttons_ui(
                    ui,
                    vec![
                        (Msg::Save, Action::ResolveUnsaved(Resolution::Save)),
                        (Msg::Discard, Action::ResolveUnsaved(Resolution::Discard)),
                        (Msg::Cancel, Action::ResolveUnsaved(Resolution::Cancel)),
                    ],
                );
            }
            Dialog::Recovery => self.recovery_prompt_ui(ui),
            Dialog::ChangedOnDisk { path, .. } => {
                let path = path.clone();
                self.changed_on_disk_ui(ui, &path);
            }
        }
    }

    fn export_dialog_ui(
        &mut self,
        ui: &mut Ui,
        format: &mut ExportFormat,
        style: &mut ExportStyle,
    ) {
        let lang = self.lang();
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
        let options = export_options(&self.ed.doc().settings, *format, *style);
        let rev = self.ed.revision();
        let fresh =
            matches!(&self.state.export_preview, Some((r, o, _)) if *r == rev && *o == options);
        if !fresh {
            let text = self.ed.export_text(&options);
            self.state.export_preview = Some((rev, options, text));
        }
        ui.label(RichText::new(tr(lang, Msg::Preview)).strong());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("export_preview")
                .max_height(360.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if let Some((_, _, text)) = &self.state.export_preview {
                        ui.add(egui::Label::new(text.as_str()).wrap());
                    }
                });
        });
        self.buttons_ui(
            ui,
            vec![
                (Msg::SaveFile, Action::ExportToFile(options)),
                (Msg::Close, Action::CloseDialog),
            ],
        );
    }

    /// Every shortcut of the command table, grouped by task.
    fn shortcuts_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::Shortcuts));
        egui::ScrollArea::vertical()
            .max_height(480.0)
            .show(ui, |ui| {
                for group in CommandGroup::ALL {
                    let commands: Vec<Command> = Command::ALL
                        .iter()
                        .copied()
                        .filter(|c| c.group() == group && !c.shortcuts().is_empty())
                        .collect();
                    if commands.is_empty() {
                        continue;
                    }
                    ui.add_space(6.0);
                    ui.label(RichText::new(tr(lang, group.msg())).strong());
                    egui::Grid::new(("shortcuts_grid", group.msg()))
                        .striped(true)
                        .min_col_width(220.0)
                        .show(ui, |ui| {
                            for command in commands {
                                ui.label(command.label(lang));
                                let keys: Vec<String> = command
                                    .shortcuts()
                                    .iter()
                                    .map(|s| ui.ctx().format_shortcut(s))
                                    .collect();
                                ui.label(keys.join(" / "));
                                ui.end_row();
                            }
                        });
                }
            });
        ui.add_space(8.0);
        if ui.button(tr(lang, Msg::Ok)).clicked() {
            self.tx.view(ViewAction::CloseWindowDialog);
        }
    }

    fn about_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::About));
        ui.label(format!("Lectern {}", env!("CARGO_PKG_VERSION")));
        ui.label(tr(lang, Msg::AboutText));
        ui.add_space(8.0);
        if ui.button(tr(lang, Msg::Ok)).clicked() {
            self.tx.view(ViewAction::CloseWindowDialog);
        }
    }
}
