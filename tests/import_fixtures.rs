//! Expected structure of the importer on the fixtures in `tests/fixtures/`, and on the real
//! web-pasted sample in `../shared/samples/` (beside the crate; required in CI).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use lectern::export::{ExportFormat, ExportOptions, export};
use lectern::import::{Imported, TextFormat, import_text};
use lectern::model::{Language, Speech};

use crate::import_support::structure;

use crate::sample;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn non_whitespace(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Imports `text` and checks that no character was lost.
fn import(text: &str, format: TextFormat) -> Imported {
    let imported = import_text(text, format);
    let rebuilt = imported.pieces_in_input_order().concat();
    assert_eq!(non_whitespace(&rebuilt), non_whitespace(text));
    imported
}

fn headings(speech: &Speech) -> Vec<&str> {
    speech.sections.iter().map(|s| s.heading.as_str()).collect()
}

fn paragraph_counts(speech: &Speech) -> Vec<usize> {
    speech.sections.iter().map(|s| s.paragraphs.len()).collect()
}

#[test]
fn traditional_chinese_web_paste() {
    let imported = import(&fixture("zh-hant-web-paste.txt"), TextFormat::Plain);
    let speech = &imported.speech;
    let title = "在全區社區治理工作推進會上的講話";
    assert_eq!(speech.title, title);
    assert_eq!(speech.greeting, "同志們:");
    assert_eq!(speech.notes.len(), 6, "{:#?}", speech.notes);
    assert!(speech.notes[0].starts_with("首頁"));
    assert!(speech.notes[1].starts_with("當前位置:"));
    assert_eq!(speech.notes[2], title);
    assert!(speech.notes[3].starts_with("欄目:"));
    assert_eq!(speech.notes[4], title);
    assert!(speech.notes[5].starts_with("為進一步"));
    assert_eq!(speech.opening.len(), 1);
    assert!(speech.opening[0].starts_with("今天我們召開"));
    assert_eq!(
        headings(speech),
        [
            "統一思想認識,切實增強做好社區治理工作的責任感。",
            "聚焦重點任務,推動社區治理各項工作落地見效",
            "加強組織領導,為社區治理工作提供堅強保障",
        ]
    );
    assert_eq!(paragraph_counts(speech), [3, 3, 2]);
    assert!(speech.sections[0].paragraphs[0].contains("一是要看到成績"));
    assert_eq!(speech.closing.len(), 1);
    assert!(speech.closing[0].starts_with("同志們,社區治理"));
    assert_eq!(imported.removed_markers, ["一、", "二、", "三、"]);
    assert_eq!(speech.meta.language, Language::ZhHant);
}

#[test]
fn simplified_chinese_with_crlf_and_full_width_commas() {
    let text = fixture("zh-hans-crlf.txt");
    assert!(
        text.contains("\r\n"),
        "the fixture must keep its CRLF line endings"
    );
    let imported = import(&text, TextFormat::Plain);
    let speech = &imported.speech;
    assert_eq!(speech.title, "在全市安全生产工作会议上的讲话");
    assert_eq!(speech.greeting, "同志们：");
    assert_eq!(speech.opening.len(), 1);
    assert_eq!(
        headings(speech),
        [
            "清醒认识形势，切实增强抓好安全生产的紧迫感",
            "突出重点领域，扎实开展隐患排查整治",
            "压实各方责任，确保安全生产各项措施落到实处",
        ]
    );
    assert_eq!(imported.removed_markers, ["一、", "二，", "三，"]);
    assert_eq!(paragraph_counts(speech), [1, 1, 1]);
    assert!(speech.closing[0].starts_with("同志们，安全生产"));
    assert!(speech.notes.is_empty());
    assert_eq!(speech.meta.language, Language::ZhHans);
}

#[test]
fn english_keynote_with_roman_headings() {
    let imported = import(&fixture("en-keynote-roman.txt"), TextFormat::Plain);
    let speech = &imported.speech;
    assert_eq!(speech.title, "Building the Next Decade Together");
    assert_eq!(speech.greeting, "Ladies and gentlemen,");
    assert_eq!(
        speech.opening,
        [
            "Thank you for joining us this morning. Ten years ago, this conference had forty \
          people in a borrowed room. Today we fill a hall."
        ]
    );
    assert_eq!(
        headings(speech),
        ["Where we stand", "What has to change", "How we get there"]
    );
    assert_eq!(paragraph_counts(speech), [2, 1, 1]);
    assert!(speech.sections[0].paragraphs[0].contains("1.5 million people"));
    assert_eq!(
        speech.closing,
        [
            "Ladies and gentlemen, the next decade is ours to build.",
            "Thank you."
        ]
    );
    assert_eq!(imported.removed_markers, ["I.", "II.", "III."]);
    assert_eq!(speech.meta.language, Language::En);
}

#[test]
fn chinese_markdown() {
    let imported = import(&fixture("zh-markdown.md"), TextFormat::Markdown);
    let speech = &imported.speech;
    assert_eq!(speech.title, "在全县乡村振兴工作会议上的讲话");
    assert_eq!(speech.greeting, "同志们：");
    assert_eq!(speech.opening.len(), 1);
    assert_eq!(
        headings(speech),
        [
            "提高认识，把握乡村振兴的总体要求",
            "突出重点，推动产业振兴取得新突破",
            "强化保障，形成推进乡村振兴的强大合力",
        ]
    );
    assert_eq!(speech.sections[0].paragraphs[1], "### （一）准确把握目标");
    assert_eq!(paragraph_counts(speech), [3, 1, 1]);
    assert_eq!(speech.closing.len(), 1);
    assert_eq!(
        imported.removed_markers,
        ["#", "##", "一、", "##", "二、", "##", "三、"]
    );
}

#[test]
fn one_line_per_paragraph() {
    let imported = import(&fixture("zh-one-line-per-paragraph.txt"), TextFormat::Plain);
    let speech = &imported.speech;
    assert_eq!(speech.title, "在全校开学典礼上的讲话");
    assert_eq!(speech.greeting, "老师们、同学们：");
    assert_eq!(speech.opening.len(), 1);
    assert_eq!(
        headings(speech),
        [
            "回顾过去，我们取得了可喜的成绩",
            "展望未来，我们要树立更高的目标"
        ]
    );
    assert_eq!(paragraph_counts(speech), [2, 2]);
    assert_eq!(speech.closing.len(), 2);
    assert!(speech.closing[0].starts_with("老师们、同学们，"));
    assert_eq!(speech.closing[1], "谢谢大家！");
}

#[test]
fn part_headings() {
    let imported = import(&fixture("zh-parts.txt"), TextFormat::Plain);
    let speech = &imported.speech;
    assert_eq!(speech.greeting, "各位代表，同志们：");
    assert_eq!(headings(speech), ["总体要求", "重点任务", "保障措施"]);
    assert_eq!(paragraph_counts(speech), [2, 1, 1]);
    assert!(speech.sections[0].paragraphs[0].starts_with("一、指导思想"));
    assert_eq!(
        imported.removed_markers,
        ["第一部分", "第二部分", "第三部分"]
    );
    assert!(speech.closing[0].starts_with("同志们，文化旅游"));
}

#[test]
fn every_fixture_round_trips_through_export() {
    let cases = [
        ("zh-hant-web-paste.txt", TextFormat::Plain),
        ("zh-hans-crlf.txt", TextFormat::Plain),
        ("en-keynote-roman.txt", TextFormat::Plain),
        ("zh-markdown.md", TextFormat::Markdown),
        ("zh-one-line-per-paragraph.txt", TextFormat::Plain),
    ];
    // `zh-parts.txt` is left out on purpose: its parts hold paragraphs that start with `一、`,
    // and an export numbers the parts `一、` too, so the two can no longer be told apart.
    for (name, format) in cases {
        let speech = import(&fixture(name), format).speech;
        for (options, format) in [
            (ExportOptions::chinese(), TextFormat::Plain),
            (
                ExportOptions::chinese().with_format(ExportFormat::Markdown),
                TextFormat::Markdown,
            ),
        ] {
            let again = import(&export(&speech, &options), format).speech;
            assert_eq!(structure(&again), structure(&speech), "{name}");
        }
    }
}

/// The real speech pasted from a web page. Skipped when the file is not on this machine.
#[test]
fn the_web_sample() {
    let Some(text) = sample::sample_text() else {
        return;
    };
    let imported = import(&text, TextFormat::Plain);
    let speech = &imported.speech;
    let title = "加強政協機關幹部隊伍建設在全市政協系統祕書長(辦公室主任)工作會上的的講話";
    assert_eq!(speech.title, title);
    assert_eq!(speech.greeting, "同志們:");
    assert_eq!(speech.opening.len(), 1);
    assert!(speech.opening[0].starts_with("經市政協黨組同意"));
    let heading_starts = ["提高政治站位", "發揮“樞紐”作用", "堅持黨建統領"];
    assert_eq!(speech.sections.len(), 3);
    for (section, start) in speech.sections.iter().zip(heading_starts) {
        assert!(section.heading.starts_with(start), "{}", section.heading);
    }
    assert_eq!(paragraph_counts(speech), [4, 13, 6]);
    assert_eq!(speech.closing.len(), 1);
    assert!(speech.closing[0].starts_with("同志們,政協機關工作責任重大"));
    assert_eq!(speech.notes.len(), 6, "{:#?}", speech.notes);
    assert!(speech.notes[0].starts_with("網站首頁"));
    assert!(speech.notes[1].starts_with("當前位置"));
    assert_eq!(speech.notes[2], title);
    assert!(speech.notes[3].starts_with("欄目:"));
    assert_eq!(speech.notes[4], title);
    assert!(speech.notes[5].starts_with("以習近平"));
    assert_eq!(speech.meta.language, Language::ZhHant);

    let english = ExportOptions::english(&lectern::project::Settings::default());
    for (options, format) in [
        (ExportOptions::chinese(), TextFormat::Plain),
        (
            ExportOptions::chinese().with_format(ExportFormat::Markdown),
            TextFormat::Markdown,
        ),
        (english, TextFormat::Plain),
        (
            english.with_format(ExportFormat::Markdown),
            TextFormat::Markdown,
        ),
    ] {
        let again = import(&export(speech, &options), format).speech;
        assert_eq!(structure(&again), structure(speech));
    }
}

/// A 45,000-character speech imports quickly (a loose bound, so debug builds pass too).
#[test]
fn a_long_speech_imports_in_linear_time() {
    let paragraph = "我们要深入学习贯彻会议精神，切实把思想和行动统一到决策部署上来，\n推动各项工作落地见效。\n\n";
    let mut text = String::from("标题\n\n同志们：\n\n");
    for section in 1..=9 {
        text.push_str(&format!(
            "{}、第{section}个标题\n\n",
            lectern::model::chinese_numeral(section)
        ));
        for _ in 0..120 {
            text.push_str(paragraph);
        }
    }
    assert!(text.chars().count() > 45_000);
    let start = std::time::Instant::now();
    let imported = import_text(&text, TextFormat::Plain);
    let elapsed = start.elapsed();
    eprintln!(
        "imported {} characters in {elapsed:?}",
        text.chars().count()
    );
    assert!(elapsed < std::time::Duration::from_millis(200));
    assert_eq!(imported.speech.sections.len(), 9);
    assert_eq!(imported.speech.sections[8].paragraphs.len(), 120);
}
