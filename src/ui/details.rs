//! Two panes around the speech: its details (speaker, occasion, date, language) above, and its
//! notes (text kept with the speech but never exported, e.g. what an import found above the
//! title) below.
//!
//! Like the other panes they only send [`Command::SetDetail`]; `apply` changes the document.

use egui::{RichText, Ui};

use crate::model::Language;

use super::app::LecternApp;
use super::commands::Command;
use super::i18n::{Msg, tr};
use super::panes::BODY_FONT_SIZE;

/// One edit of the speech's details or notes.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// Who gives the speech.
    Speaker(String),
    /// The meeting or event.
    Occasion(String),
    /// The date, as typed.
    Date(String),
    /// The speech's language (decides numbering and export style).
    Language(Language),
    /// The notes, one paragraph per line.
    Notes(String),
}

/// Which detail an edit is about (typing in one of them groups into one undo step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailKind {
    /// Speaker.
    Speaker,
    /// Occasion.
    Occasion,
    /// Date.
    Date,
    /// Language.
    Language,
    /// Notes.
    Notes,
}

impl Detail {
    /// Which detail this edit is about.
    pub fn kind(&self) -> DetailKind {
        match self {
            Detail::Speaker(_) => DetailKind::Speaker,
            Detail::Occasion(_) => DetailKind::Occasion,
            Detail::Date(_) => DetailKind::Date,
            Detail::Language(_) => DetailKind::Language,
            Detail::Notes(_) => DetailKind::Notes,
        }
    }

    /// Applies the edit to a speech; returns whether anything changed.
    pub fn apply_to(self, speech: &mut crate::model::Speech) -> bool {
        fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
            let changed = *slot != value;
            *slot = value;
            changed
        }
        let single = |text: String| text.replace(['\r', '\n'], " ");
        let meta = &mut speech.meta;
        match self {
            Detail::Speaker(text) => set(&mut meta.speaker, single(text)),
            Detail::Occasion(text) => set(&mut meta.occasion, single(text)),
            Detail::Date(text) => set(&mut meta.date, single(text)),
            Detail::Language(language) => set(&mut meta.language, language),
            Detail::Notes(text) => set(&mut speech.notes, super::state::split_paragraphs(&text)),
        }
    }
}

/// A speech language's name for the language picker.
fn language_name(language: Language) -> &'static str {
    match language {
        Language::ZhHans => "简体中文 (zh-Hans)",
        Language::ZhHant => "繁體中文 (zh-Hant)",
        Language::En => "English (en)",
    }
}

impl LecternApp {
    /// The details pane: speaker, occasion, date and the speech's language.
    pub(crate) fn details_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        let meta = self.doc.speech.meta.clone();
        egui::CollapsingHeader::new(RichText::new(tr(lang, Msg::Details)).strong())
            .id_salt("details_pane")
            .default_open(false)
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
                                self.queue.push(Command::SetDetail(make(text)));
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
                            self.queue
                                .push(Command::SetDetail(Detail::Language(language)));
                        }
                        ui.end_row();
                    });
            });
        ui.add_space(8.0);
    }

    /// The notes pane: text kept with the speech but not part of it.
    pub(crate) fn notes_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        let header = if self.doc.speech.notes.is_empty() {
            tr(lang, Msg::Notes).to_string()
        } else {
            format!("{} ({})", tr(lang, Msg::Notes), self.doc.speech.notes.len())
        };
        egui::CollapsingHeader::new(RichText::new(header).strong())
            .id_salt("notes_pane")
            .default_open(false)
            .show(ui, |ui| {
                let label = ui.label(RichText::new(tr(lang, Msg::NotesHelp)).small().weak());
                let mut text = self.doc.speech.notes.join("\n");
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .font(egui::FontId::proportional(BODY_FONT_SIZE - 2.0))
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    self.queue.push(Command::SetDetail(Detail::Notes(text)));
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speech;

    #[test]
    fn details_apply_and_report_changes() {
        let mut speech = Speech::default();
        assert!(Detail::Speaker("张三\n".into()).apply_to(&mut speech));
        assert_eq!(speech.meta.speaker, "张三 ");
        assert!(!Detail::Speaker("张三 ".into()).apply_to(&mut speech));
        assert!(Detail::Language(Language::En).apply_to(&mut speech));
        assert!(Detail::Notes("导航\n来源".into()).apply_to(&mut speech));
        assert_eq!(speech.notes, ["导航", "来源"]);
        assert_eq!(Detail::Notes(String::new()).kind(), DetailKind::Notes);
    }
}
