//! Modal dialogs: the messages (errors and notices), the editor's dialogs (new from template,
//! save/rename draft, unsaved changes, recovery, changed on disk) and the
//! window's own (shortcuts, about, the command palette). Each reads what it shows and sends what
//! the writer answers.

use std::sync::OnceLock;

use egui::{Context, Id, Modal, RichText, Ui};

use crate::editor::{Action, Dialog, Resolution};
use crate::template::{Template, templates};

use super::commands::{Command, CommandGroup};
use super::i18n::{Msg, default_draft_name, message_text, tr};
use super::view::{View, ViewAction, WindowDialog};

/// The built-in templates, parsed once.
fn all_templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(templates)
}

/// The id of the draft-name field of the save and rename dialogs.
const DRAFT_NAME_ID: &str = "draft_name_field";

/// Whether Enter is pressed in the field with this id. Asked before the field is drawn: a
/// single-line field gives up its focus on Enter while it is drawn, and then the key would
/// belong to nobody.
fn enter_in(ui: &Ui, id: &str) -> bool {
    ui.memory(|m| m.has_focus(Id::unique(id))) && ui.input(|i| i.key_pressed(egui::Key::Enter))
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
        if let Some(Dialog::Export(choices)) = ed.dialog() {
            self.export_dialog_ui(ctx, choices);
            return;
        }
        if let Some(state) = ed.merge_dialog() {
            self.merge_dialog_ui(ctx, state);
            return;
        }
        if let Some(state) = ed.resolve_dialog() {
            self.resolve_dialog_ui(ctx, state);
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
            Dialog::ImportPreview(_) | Dialog::Merge(_) | Dialog::ResolveConflicts(_) => {}
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
                let enter = enter_in(ui, DRAFT_NAME_ID);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .id(Id::unique(DRAFT_NAME_ID))
                            .hint_text(default_name.as_str())
                            .desired_width(400.0),
                    )
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
                let enter = enter_in(ui, DRAFT_NAME_ID);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .id(Id::unique(DRAFT_NAME_ID))
                            .desired_width(400.0),
                    )
                    .labelled_by(label.id);
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                let rename = Action::RenameDraftTo {
                    id: *id,
                    name: name.clone(),
                };
                if enter {
                    self.tx.action(rename.clone());
                }
                self.buttons_ui(
                    ui,
                    vec![(Msg::Ok, rename), (Msg::Cancel, Action::CloseDialog)],
                );
            }
            // Drawn by `export_dialog_ui` (a modal of its own size).
            Dialog::Export(_) => {}
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
            Dialog::TypePath { task, path } => {
                let task = task.clone();
                self.type_path_ui(ui, &task, path);
            }
        }
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
