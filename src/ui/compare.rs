//! "Compare drafts…": two versions side by side, part by part, with their lengths and times.
//! Sections are matched by their id, so a moved or renamed section is still compared with
//! itself. (The text diff view comes later.)

use egui::{Context, RichText, Ui};

use crate::model::{Numbering, PartRef, SectionId, Speech};
use crate::project::Settings;
use crate::stats::{Counts, format_duration, part_counts};

use super::app::{LecternApp, Version};
use super::drafts::local_time;
use super::i18n::{Msg, UiLanguage, count_label, tr};

/// One row of the comparison: a part and its counts on each side (`None` where it is missing).
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// The part's name.
    pub name: String,
    /// Counts in the left version.
    pub a: Option<Counts>,
    /// Counts in the right version.
    pub b: Option<Counts>,
}

fn part_name(lang: UiLanguage, speech: &Speech, part: PartRef) -> String {
    match part {
        PartRef::Title => tr(lang, Msg::Title).to_string(),
        PartRef::Greeting => tr(lang, Msg::Greeting).to_string(),
        PartRef::Opening => tr(lang, Msg::Opening).to_string(),
        PartRef::Closing => tr(lang, Msg::Closing).to_string(),
        PartRef::Section(i) => {
            let numbering = Numbering::for_language(speech.meta.language);
            let heading = speech.sections.get(i).map_or("", |s| s.heading.trim());
            format!("{}{heading}", numbering.label(i))
        }
    }
}

/// The rows comparing `a` with `b`: title, greeting, opening, the sections of `a` in order
/// (with their match in `b`), the sections only in `b`, the closing, and the total.
pub fn compare_rows(
    lang: UiLanguage,
    a: &Speech,
    b: &Speech,
    settings: &Settings,
) -> Vec<CompareRow> {
    let counts = |speech: &Speech, part| part_counts(speech, part, settings);
    let mut rows = Vec::new();
    for part in [PartRef::Title, PartRef::Greeting, PartRef::Opening] {
        rows.push(CompareRow {
            name: part_name(lang, a, part),
            a: Some(counts(a, part)),
            b: Some(counts(b, part)),
        });
    }
    let in_b = |id: SectionId| b.section_index(id).map(PartRef::Section);
    for (i, section) in a.sections.iter().enumerate() {
        let part = PartRef::Section(i);
        rows.push(CompareRow {
            name: part_name(lang, a, part),
            a: Some(counts(a, part)),
            b: in_b(section.id).map(|p| counts(b, p)),
        });
    }
    for (i, section) in b.sections.iter().enumerate() {
        if a.section_index(section.id).is_none() {
            let part = PartRef::Section(i);
            rows.push(CompareRow {
                name: part_name(lang, b, part),
                a: None,
                b: Some(counts(b, part)),
            });
        }
    }
    rows.push(CompareRow {
        name: part_name(lang, a, PartRef::Closing),
        a: Some(counts(a, PartRef::Closing)),
        b: Some(counts(b, PartRef::Closing)),
    });
    let total = |pick: fn(&CompareRow) -> Option<Counts>| {
        let mut sum = Counts::default();
        for row in &rows {
            if let Some(c) = pick(row) {
                sum.add(c);
            }
        }
        sum
    };
    let total_row = CompareRow {
        name: tr(lang, Msg::Total).to_string(),
        a: Some(total(|r| r.a)),
        b: Some(total(|r| r.b)),
    };
    rows.push(total_row);
    rows
}

impl LecternApp {
    fn version_speech(&self, version: Version) -> Option<&Speech> {
        match version {
            Version::Working => Some(&self.doc.speech),
            Version::Draft(id) => self
                .doc
                .drafts
                .iter()
                .find(|d| d.id == id)
                .map(|d| &d.speech),
        }
    }

    fn version_name(&self, version: Version) -> String {
        match version {
            Version::Working => tr(self.lang, Msg::WorkingCopy).to_string(),
            Version::Draft(id) => self
                .doc
                .drafts
                .iter()
                .find(|d| d.id == id)
                .map(|d| format!("{} ({})", d.name, local_time(d.created)))
                .unwrap_or_default(),
        }
    }

    fn version_picker_ui(&self, ui: &mut Ui, salt: &str, version: &mut Version) {
        let label = ui.label(salt.trim_start_matches("compare_").to_uppercase());
        egui::ComboBox::from_id_salt(salt)
            .selected_text(self.version_name(*version))
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(
                    version,
                    Version::Working,
                    self.version_name(Version::Working),
                );
                for draft in self.doc.drafts.iter().rev() {
                    let v = Version::Draft(draft.id);
                    ui.selectable_value(version, v, self.version_name(v));
                }
            })
            .response
            .labelled_by(label.id);
    }

    /// The comparison window, when open.
    pub(crate) fn compare_window(&mut self, ctx: &Context) {
        let Some(mut state) = self.compare else {
            return;
        };
        let lang = self.lang;
        let chinese = self.chinese_speech();
        let mut open = true;
        egui::Window::new(tr(lang, Msg::Compare))
            .id(egui::Id::unique("compare_window"))
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| self.version_picker_ui(ui, "compare_a", &mut state.a));
                ui.horizontal(|ui| self.version_picker_ui(ui, "compare_b", &mut state.b));
                ui.separator();
                let (Some(a), Some(b)) =
                    (self.version_speech(state.a), self.version_speech(state.b))
                else {
                    return;
                };
                let rows = compare_rows(lang, a, b, &self.doc.settings);
                let cell = |c: Option<Counts>| match c {
                    Some(c) => format!(
                        "{} · {}",
                        count_label(lang, &c, chinese),
                        format_duration(c.seconds)
                    ),
                    None => "—".to_string(),
                };
                egui::Grid::new("compare_grid")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        ui.label(RichText::new(tr(lang, Msg::Part)).strong());
                        ui.label(RichText::new("A").strong());
                        ui.label(RichText::new("B").strong());
                        ui.label(RichText::new(tr(lang, Msg::Difference)).strong());
                        ui.end_row();
                        for row in rows {
                            ui.label(&row.name);
                            ui.label(cell(row.a));
                            ui.label(cell(row.b));
                            let a = row.a.unwrap_or_default();
                            let b = row.b.unwrap_or_default();
                            let delta_chars = b.cjk_chars as i64 - a.cjk_chars as i64;
                            let delta_words = b.words as i64 - a.words as i64;
                            let delta_secs = b.seconds - a.seconds;
                            let sign = if delta_secs < 0.0 { "−" } else { "+" };
                            let amount = if chinese { delta_chars } else { delta_words };
                            ui.label(format!(
                                "{amount:+} · {sign}{}",
                                format_duration(delta_secs.abs())
                            ));
                            ui.end_row();
                        }
                    });
            });
        self.compare = open.then_some(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn sections_are_matched_by_id() {
        let a = Speech {
            sections: vec![
                Section::new("一", vec!["甲乙".into()]),
                Section::new("二", vec!["丙".into()]),
            ],
            ..Speech::default()
        };
        let mut b = a.clone();
        b.sections.swap(0, 1);
        b.sections[1].paragraphs.push("丁戊".into());
        b.sections.push(Section::new("三", vec![]));
        let rows = compare_rows(UiLanguage::En, &a, &b, &Settings::default());
        // title, greeting, opening, 2 sections of a, 1 only in b, closing, total
        assert_eq!(rows.len(), 8);
        assert_eq!(rows[3].a.map(|c| c.cjk_chars), Some(3));
        assert_eq!(rows[3].b.map(|c| c.cjk_chars), Some(5));
        assert_eq!(rows[5].a, None);
        assert_eq!(rows[7].b.map(|c| c.cjk_chars), Some(8));
    }
}
