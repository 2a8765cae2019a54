//! Where no file picker can be shown (a Linux desktop without the file-chooser portal or
//! zenity), the editor asks for the path in a dialog of its own: what happened, and a field for
//! the path. Never a silent no-op.

use egui::{RichText, Ui};

use crate::editor::{Action, PathTask};

use super::file_dialogs::picker_title;
use super::i18n::{Msg, tr};
use super::view::View;

impl View<'_> {
    /// The typed-path dialog: the picker's title, why there is no picker, the path field, and
    /// the buttons (Enter accepts).
    pub(crate) fn type_path_ui(&mut self, ui: &mut Ui, task: &PathTask, path: &mut String) {
        let lang = self.lang();
        ui.heading(picker_title(lang, &task.purpose()));
        ui.add(egui::Label::new(tr(lang, Msg::NoFilePicker)).wrap());
        ui.add_space(6.0);
        let extensions: Vec<String> = task
            .purpose()
            .extensions()
            .iter()
            .map(|e| format!(".{e}"))
            .collect();
        let label = ui.label(tr(lang, Msg::TypePath));
        let id = egui::Id::unique("typed_path_field");
        // Asked before the field is drawn: it gives up its focus on Enter while it is drawn.
        let enter = ui.memory(|m| m.has_focus(id)) && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let field = ui
            .add(egui::TextEdit::singleline(path).id(id).desired_width(560.0))
            .labelled_by(label.id);
        if ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        ui.label(RichText::new(extensions.join("  ")).small().weak());
        if enter {
            self.tx.action(Action::AcceptTypedPath);
        }
        let accept = if task.purpose().is_save() {
            Msg::Save
        } else {
            Msg::Open
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !path.trim().is_empty();
            let label = tr(lang, accept).trim_end_matches('…');
            if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
                self.tx.action(Action::AcceptTypedPath);
            }
            if ui.button(tr(lang, Msg::Cancel)).clicked() {
                self.tx.action(Action::CloseDialog);
            }
        });
    }
}
