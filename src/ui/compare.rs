//! Two versions' lengths and times, part by part (sections matched by their id). The compare
//! view itself, with the text diff, is [`super::diff_view`].

use crate::model::{Numbering, PartRef, SectionId, Speech};
use crate::project::Settings;
use crate::stats::{Counts, part_counts};

use super::i18n::{Msg, UiLanguage, tr};

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
