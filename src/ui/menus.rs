//! The menu bar and the buttons that run commands. Every entry comes from the command table and
//! sends a [`Command`].

use egui::Ui;

use super::commands::{Command, CommandGroup};
use super::i18n::{Msg, UiLanguage, tr};
use super::prefs::ThemeChoice;
use super::view::View;
use crate::editor::Action;

impl View<'_> {
    /// A button for `command`: its label, its shortcut, greyed out when it cannot run. A click
    /// sends the command and closes the menu it is in.
    pub(crate) fn command_button_ui(&mut self, ui: &mut Ui, command: Command) -> egui::Response {
        let label = command.label(self.lang());
        let mut button = egui::Button::new(label.as_str());
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let enabled = command.is_enabled(self.ed, self.state);
        // Named by the label alone, so a screen reader (and a test) finds "Save", not "Save Ctrl+S".
        let mut response = ui.add_enabled(enabled, button).accessible_name(label);
        if let Some(tooltip) = command.tooltip() {
            response = response.on_hover_text(tr(self.lang(), tooltip));
        }
        if response.clicked() {
            self.tx.command(command);
            ui.close();
        }
        response
    }

    /// A menu entry that shows a mark when `selected`.
    fn choice_button_ui(&mut self, ui: &mut Ui, command: Command, selected: bool) {
        if ui.radio(selected, command.label(self.lang())).clicked() {
            self.tx.command(command);
            ui.close();
        }
    }

    /// A menu entry with a check box for a panel that is shown or not.
    fn toggle_button_ui(&mut self, ui: &mut Ui, command: Command, shown: bool) {
        let mut checked = shown;
        let mut label = command.label(self.lang());
        if let Some(shortcut) = command.shortcuts().first() {
            label = format!("{label}  ({})", ui.ctx().format_shortcut(shortcut));
        }
        if ui.checkbox(&mut checked, label).clicked() {
            self.tx.command(command);
            ui.close();
        }
    }

    fn group_ui(&mut self, ui: &mut Ui, group: CommandGroup) {
        let mut last_was_separator = true;
        for &command in Command::ALL.iter().filter(|c| c.group() == group) {
            match command {
                Command::ToggleOutline => {
                    let shown = self.state.panels_shown(self.ed.compare().is_some()).0;
                    self.toggle_button_ui(ui, command, shown);
                }
                Command::ToggleDrafts => {
                    let shown = self.state.panels_shown(self.ed.compare().is_some()).1;
                    self.toggle_button_ui(ui, command, shown);
                }
                Command::ToggleParagraphSpacing => {
                    let on = self.state.prefs.paragraph_spacing;
                    self.toggle_button_ui(ui, command, on);
                    self.body_size_ui(ui);
                }
                Command::ToggleProofing => {
                    let shown = self.ed.proofing().open;
                    self.toggle_button_ui(ui, command, shown);
                }
                // Shown as submenus below.
                Command::Language(_) | Command::Theme(_) => continue,
                Command::Quit
                | Command::Find
                | Command::AddSection
                | Command::CommandPalette
                | Command::ZoomIn => {
                    if !last_was_separator {
                        ui.separator();
                    }
                    self.command_button_ui(ui, command);
                }
                _ => {
                    self.command_button_ui(ui, command);
                }
            }
            last_was_separator = false;
            if command == Command::SaveAs {
                self.recent_files_ui(ui);
                ui.separator();
                last_was_separator = true;
            }
        }
        if group == CommandGroup::View {
            ui.separator();
            let lang = self.lang();
            ui.menu_button(tr(lang, Msg::InterfaceLanguage), |ui| {
                for language in UiLanguage::ALL {
                    self.choice_button_ui(ui, Command::Language(language), language == lang);
                }
            });
            ui.menu_button(tr(lang, Msg::Theme), |ui| {
                for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                    let selected = self.state.prefs.theme == theme;
                    self.choice_button_ui(ui, Command::Theme(theme), selected);
                }
            });
        }
    }

    /// The size of the speech's text in the panes (apart from the zoom, which scales all).
    fn body_size_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label(tr(self.lang(), Msg::BodyTextSize));
            let mut size = self.state.prefs.body_size();
            let drag = ui
                .add(
                    egui::DragValue::new(&mut size)
                        .range(super::prefs::BODY_FONT_RANGE)
                        .speed(0.5)
                        .max_decimals(0)
                        .suffix(" pt"),
                )
                .labelled_by(label.id);
            if drag.changed() {
                self.state.prefs.body_font_size = size;
            }
        });
    }

    fn recent_files_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.menu_button(tr(lang, Msg::RecentFiles), |ui| {
            if self.ed.recent().is_empty() {
                ui.label(tr(lang, Msg::NoRecentFiles));
            }
            for path in self.ed.recent() {
                if ui.button(path.display().to_string()).clicked() {
                    self.tx.action(Action::OpenPath(path.clone()));
                    ui.close();
                }
            }
        });
    }

    /// The menu bar: one menu per command group.
    pub(crate) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        egui::MenuBar::new().ui(ui, |ui| {
            for group in CommandGroup::ALL {
                ui.menu_button(tr(lang, group.msg()), |ui| self.group_ui(ui, group));
            }
        });
    }
}
