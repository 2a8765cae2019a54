//! The menu bar: File, Edit, Draft, View, Help. Every entry sends a [`Command`].

use egui::Ui;

use super::app::LecternApp;
use super::commands::Command;
use super::i18n::{Msg, UiLanguage, tr};
use super::state::ThemeChoice;

impl LecternApp {
    /// A button for `command`: its label, its shortcut, greyed out when it cannot run. A click
    /// queues the command and closes the menu it is in.
    pub(crate) fn command_button_ui(&mut self, ui: &mut Ui, command: Command) -> egui::Response {
        let label = command.label(self.lang);
        let mut button = egui::Button::new(label.as_str());
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        let enabled = command.is_enabled(self);
        // Named by the label alone, so a screen reader (and a test) finds "Save", not "Save Ctrl+S".
        let response = ui.add_enabled(enabled, button).accessible_name(label);
        if response.clicked() {
            self.queue.push(command);
            ui.close();
        }
        response
    }

    /// A menu entry that shows a check mark when `selected`.
    fn choice_button_ui(&mut self, ui: &mut Ui, command: Command, selected: bool) {
        let label = command.label(self.lang);
        if ui.radio(selected, label).clicked() {
            self.queue.push(command);
            ui.close();
        }
    }

    /// The menu bar.
    pub(crate) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr(lang, Msg::MenuFile), |ui| {
                for command in [Command::New, Command::Open, Command::Save, Command::SaveAs] {
                    self.command_button_ui(ui, command);
                }
                ui.menu_button(tr(lang, Msg::RecentFiles), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(tr(lang, Msg::NoRecentFiles));
                    }
                    for path in self.prefs.recent.clone() {
                        self.command_button_ui(ui, Command::OpenPath(path));
                    }
                });
                ui.separator();
                self.command_button_ui(ui, Command::ImportText);
                self.command_button_ui(ui, Command::Export);
                ui.separator();
                self.command_button_ui(ui, Command::Quit);
            });
            ui.menu_button(tr(lang, Msg::MenuEdit), |ui| {
                for command in [Command::Undo, Command::Redo] {
                    self.command_button_ui(ui, command);
                }
                ui.separator();
                for command in [Command::Find, Command::FindNext, Command::FindPrev] {
                    self.command_button_ui(ui, command);
                }
                ui.separator();
                self.command_button_ui(ui, Command::AddSection);
            });
            ui.menu_button(tr(lang, Msg::MenuDraft), |ui| {
                self.command_button_ui(ui, Command::SaveDraft);
                self.command_button_ui(ui, Command::CompareDrafts);
                self.command_button_ui(ui, Command::ImportAsDraft);
            });
            ui.menu_button(tr(lang, Msg::MenuView), |ui| {
                let show_outline = self.prefs.show_outline;
                let show_drafts = self.prefs.show_drafts;
                self.toggle_button_ui(ui, Command::ToggleOutline, show_outline);
                self.toggle_button_ui(ui, Command::ToggleDrafts, show_drafts);
                ui.separator();
                ui.menu_button(tr(lang, Msg::InterfaceLanguage), |ui| {
                    for language in UiLanguage::ALL {
                        self.choice_button_ui(ui, Command::SetLanguage(language), language == lang);
                    }
                });
                ui.menu_button(tr(lang, Msg::Theme), |ui| {
                    for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                        let selected = self.prefs.theme == theme;
                        self.choice_button_ui(ui, Command::SetTheme(theme), selected);
                    }
                });
            });
            ui.menu_button(tr(lang, Msg::MenuHelp), |ui| {
                self.command_button_ui(ui, Command::Shortcuts);
                self.command_button_ui(ui, Command::About);
            });
        });
    }

    /// A menu entry with a check box for a panel that is shown or not.
    fn toggle_button_ui(&mut self, ui: &mut Ui, command: Command, shown: bool) {
        let mut checked = shown;
        let mut label = command.label(self.lang);
        if let Some(shortcut) = command.shortcut() {
            label = format!("{label}  ({})", ui.ctx().format_shortcut(&shortcut));
        }
        if ui.checkbox(&mut checked, label).clicked() {
            self.queue.push(command);
            ui.close();
        }
    }
}
