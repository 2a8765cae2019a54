//! Two panes around the speech: its details (speaker, occasion, date, language) above, and its
//! notes (text kept with the speech but never exported, e.g. what an import found above the
//! title) below.
//!
//! Like the other panes they only send [`Edit::SetDetail`]; the editor changes the document.

use egui::{RichText, Ui};

use crate::editor::{Action, Detail, Edit};
use crate::model::Language;

use super::i18n::{Msg, tr};
use super::view::View;

/// A speech language's name for the language picker.
fn language_name(language: Language) -> &'static str {
    match language {
        Language::ZhHans => "简体中文 (zh-Hans)",
        Language::ZhHant => "繁體中文 (zh-Hant)",
        Language::En => "English (en)",
    }
}

impl View<'_> {
    /// The details pane: speaker, occasion, date, the speech's language and its target length.
    pub(crate) fn details_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let meta = self.ed.speech().meta.clone();
        egui::CollapsingHeader::new(RichText::new(tr(lang, Msg::Details)).strong())
            .id_salt("details_pane")
            .default_open(false)
            .open(self.state.open_details.take())
            .show(ui, |ui| {
                egui::Grid::new("details_grid")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        for (msg, value, make) in [
                            (
                                Msg::Speaker,
                                &meta.speaker,
                                Detail::Speaker as fn(String) -> Detail,
                            ),
                            (Msg::Occasion, &meta.occasion, Detail::Occasion),
                            (Msg::Date, &meta.date, Detail::Date),
                        ] {
                            let label = ui.label(tr(lang, msg));
                            let mut text = value.clone();
                            let response = ui
                                .add(egui::TextEdit::singleline(&mut text).desired_width(360.0))
                                .labelled_by(label.id);
                            if response.changed() {
                                self.tx.action(Action::Edit(Edit::SetDetail(make(text))));
                            }
                            ui.end_row();
                        }
                        let label = ui.label(tr(lang, Msg::SpeechLanguage));
                        let mut language = meta.language;
                        let combo = egui::ComboBox::from_id_salt("speech_language")
                            .selected_text(language_name(language))
                            .show_ui(ui, |ui| {
                                for option in Language::ALL {
                                    ui.selectable_value(
                                        &mut language,
                                        option,
                                        language_name(option),
                                    );
                                }
                            });
                        combo.response.labelled_by(label.id);
                        if language != meta.language {
                            self.tx
                                .action(Action::Edit(Edit::SetDetail(Detail::Language(language))));
                        }
                        ui.end_row();
                        let label = ui.label(tr(lang, Msg::TargetLength));
                        let mut minutes = meta.target_minutes.unwrap_or(0.0);
                        let drag = ui
                            .add(
                                egui::DragValue::new(&mut minutes)
                                    .range(0.0..=600.0)
                                    .speed(0.5)
                                    .max_decimals(1),
                            )
                            .labelled_by(label.id)
                            .on_hover_text(tr(lang, Msg::TargetHelp));
                        if drag.changed() {
                            self.tx.action(Action::Edit(Edit::SetTarget(Some(minutes))));
                        }
                        ui.end_row();
                    });
            });
        ui.add_space(8.0);
    }

    /// The notes pane: text kept with the speech but not part of it.
    pub(crate) fn notes_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let notes = &self.ed.speech().notes;
        let header = if notes.is_empty() {
            tr(lang, Msg::Notes).to_string()
        } else {
            format!("{} ({})", tr(lang, Msg::Notes), notes.len())
        };
        let jump = std::mem::take(&mut self.state.scroll_to_notes);
        let pane = egui::CollapsingHeader::new(RichText::new(header).strong())
            .id_salt("notes_pane")
            .default_open(false)
            .open(jump.then_some(true))
            .show(ui, |ui| {
                let label = ui.label(RichText::new(tr(lang, Msg::NotesHelp)).small().weak());
                let mut text = notes.join("\n");
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .font(egui::FontId::proportional(
                                self.state.prefs.body_size() - 2.0,
                            ))
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    self.tx
                        .action(Action::Edit(Edit::SetDetail(Detail::Notes(text))));
                }
            });
        if jump {
            pane.header_response.scroll_to_me(Some(egui::Align::TOP));
        }
    }
}
