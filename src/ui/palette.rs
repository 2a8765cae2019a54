//! The command palette (Ctrl+Shift+P): type to filter every command of the table, with its
//! shortcut; Up/Down choose, Enter runs, Escape closes. It works by keyboard alone.

use egui::{Key, RichText, Ui};

use super::commands::Command;
use super::i18n::{Msg, UiLanguage, tr};
use super::view::{View, ViewAction};

/// The commands whose palette label (in `lang` or in English) contains every word of `query`,
/// case-insensitively, in table order.
pub fn matching(query: &str, lang: UiLanguage) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::ALL
        .iter()
        .copied()
        .filter(|c| *c != Command::CommandPalette)
        .filter(|c| {
            let label = c.palette_label(lang).to_lowercase();
            let english = c.palette_label(UiLanguage::En).to_lowercase();
            words
                .iter()
                .all(|w| label.contains(w.as_str()) || english.contains(w.as_str()))
        })
        .collect()
}

impl View<'_> {
    /// The palette: a query field and the matching commands.
    pub(crate) fn palette_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::CommandPalette).trim_end_matches('…'));
        let mut query = self.state.palette.query.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut query)
                .id_salt("palette_query")
                .hint_text(tr(lang, Msg::CommandPaletteHelp))
                .desired_width(480.0),
        );
        let field = field.accessible_name(tr(lang, Msg::PaletteQuery));
        if !field.has_focus() {
            field.request_focus();
        }
        if field.changed() {
            self.tx.view(ViewAction::SetPaletteQuery(query.clone()));
        }
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            self.tx.view(ViewAction::MovePaletteSelection(1));
        }
        if up {
            self.tx.view(ViewAction::MovePaletteSelection(-1));
        }
        let commands = matching(&query, lang);
        let selected = self
            .state
            .palette
            .selected
            .min(commands.len().saturating_sub(1));
        ui.add_space(6.0);
        if commands.is_empty() {
            ui.label(RichText::new(tr(lang, Msg::NoMatches)).weak());
        }
        let mut run = None;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, command) in commands.iter().enumerate() {
                    let enabled = command.is_enabled(self.ed, self.state);
                    let mut label = command.palette_label(lang);
                    if let Some(shortcut) = command.shortcuts().first() {
                        label = format!("{label}    {}", ui.ctx().format_shortcut(shortcut));
                    }
                    let row =
                        ui.add_enabled(enabled, egui::Button::selectable(i == selected, label));
                    if i == selected {
                        row.scroll_to_me(None);
                    }
                    if row.clicked() {
                        run = Some(*command);
                    }
                }
            });
        if enter
            && let Some(command) = commands.get(selected)
            && command.is_enabled(self.ed, self.state)
        {
            run = Some(*command);
        }
        if let Some(command) = run {
            self.tx.view(ViewAction::CloseWindowDialog);
            self.tx.command(command);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_words_in_either_language() {
        let found = matching("save", UiLanguage::ZhHans);
        assert!(found.contains(&Command::Save) && found.contains(&Command::SaveDraft));
        assert!(matching("保存", UiLanguage::ZhHans).contains(&Command::Save));
        assert_eq!(matching("xyzzy", UiLanguage::En), []);
        assert!(!matching("", UiLanguage::En).contains(&Command::CommandPalette));
        assert!(
            matching("theme dark", UiLanguage::En)
                .contains(&Command::Theme(super::super::prefs::ThemeChoice::Dark))
        );
    }
}
