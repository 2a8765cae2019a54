//! The patterns of real pastes (issue 12), one fixture each in `tests/fixtures/patterns/`: what
//! the importer finds, what it reports, that nothing is lost, that an export reads back the
//! same, and that `lectern show --json` gives a reader the same structure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::Command;

use lectern::export::{ExportOptions, export};
use lectern::import::{DetailField, ImportNote, Imported, TextFormat, import_text};
use lectern::model::Speech;

use crate::import_support::structure;

fn path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/patterns/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn non_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Imports the fixture, checking that no character is lost and that the export of the result
/// imports back to the same structure.
fn import(name: &str) -> Imported {
    let text = std::fs::read_to_string(path(name)).unwrap();
    let imported = import_text(&text, TextFormat::Plain);
    assert_eq!(
        non_whitespace(&imported.pieces_in_input_order().concat()),
        non_whitespace(&text),
        "{name}: characters lost"
    );
    let options = ExportOptions::for_speech(&imported.speech, &Default::default());
    let again = import_text(&export(&imported.speech, &options), TextFormat::Plain);
    assert_eq!(
        structure(&again.speech),
        structure(&imported.speech),
        "{name}: round trip"
    );
    imported
}

fn headings(speech: &Speech) -> Vec<&str> {
    speech.sections.iter().map(|s| s.heading.as_str()).collect()
}

#[test]
fn greetings_glued_to_the_text_are_split_off() {
    let imported = import("zh-inline-greeting.txt");
    let speech = &imported.speech;
    assert_eq!(speech.greeting, "同志们：");
    assert!(speech.opening[0].starts_with("今天召开全市优化营商环境工作会议"));
    assert_eq!(speech.sections.len(), 2);
    assert!(imported.notes.contains(&ImportNote::GreetingSplitOff {
        greeting: "同志们：".into()
    }));

    let speech = import("zh-inline-greeting-hello.txt").speech;
    assert_eq!(speech.greeting, "尊敬的各位嘉宾、运动员、观众: 大家好!");
    assert!(speech.opening[0].starts_with("今天,我们在这里"));

    let speech = import("en-inline-greeting.txt").speech;
    assert_eq!(speech.title, "Remarks at the Annual Volunteers' Dinner");
    assert_eq!(speech.greeting, "Good evening, everybody.");
    assert!(speech.opening[0].starts_with("On behalf of all of us"));
    assert_eq!(speech.closing, ["Thank you, and enjoy the evening."]);
}

#[test]
fn long_salutations_applause_and_english_closings() {
    let speech = import("en-inaugural.txt").speech;
    assert_eq!(speech.title, "Inaugural Address");
    assert!(
        speech
            .greeting
            .starts_with("Vice President Adams, Mr. Chief Justice")
    );
    assert!(speech.greeting.ends_with("and fellow citizens:"));
    assert_eq!(speech.notes, ["Thank you. Thank you so much."]);
    assert_eq!(speech.opening.len(), 3);
    assert_eq!(speech.closing.len(), 2);
    assert!(speech.closing[0].starts_with("And so, my fellow citizens:"));
    assert!(speech.closing[1].starts_with("Thank you. God bless you"));
}

#[test]
fn toasts_close_the_speech() {
    let speech = import("zh-toast.txt").speech;
    assert!(speech.greeting.starts_with("尊敬的总统先生、总统夫人"));
    assert_eq!(speech.opening.len(), 3);
    assert_eq!(
        speech.closing,
        [
            "现在，我提议：",
            "为总统先生和夫人的健康，",
            "为两国人民的友谊，",
            "干杯！"
        ]
    );
}

#[test]
fn the_title_block_fills_the_details() {
    let imported = import("zh-title-block.txt");
    let speech = &imported.speech;
    assert_eq!(
        speech.title,
        "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化城市而团结奋斗"
    );
    assert_eq!(speech.meta.occasion, "在中共某市第十三次代表大会上的报告");
    assert_eq!(speech.meta.date, "2022年10月16日");
    assert_eq!(speech.meta.speaker, "李明");
    assert!(speech.notes.is_empty(), "{:?}", speech.notes);
    assert!(
        imported
            .notes
            .contains(&ImportNote::TitleLinesJoined { count: 2 })
    );
    assert!(imported.notes.contains(&ImportNote::DetailFromTitleBlock {
        field: DetailField::Date,
        value: "2022年10月16日".into()
    }));
    assert_eq!(speech.closing.len(), 1);
    assert!(speech.closing[0].starts_with("同志们！时代呼唤着我们"));
}

#[test]
fn web_meta_lines_time_stamps_and_trailing_boilerplate_go_to_the_notes() {
    let imported = import("zh-web-meta-boilerplate.txt");
    let speech = &imported.speech;
    assert_eq!(speech.title, "在全县乡村振兴推进会上的讲话");
    assert_eq!(
        speech.notes[..2],
        ["| 2024-04-26 04:41:06", "10-28 | 移动端:阅读 1024 次"]
    );
    assert_eq!(speech.notes.len(), 13);
    assert_eq!(
        speech.notes.last().map(String::as_str),
        Some("留言与评论（0）")
    );
    assert_eq!(
        speech.closing,
        ["同志们，让我们共同努力，谱写乡村振兴新篇章！"]
    );
    assert_eq!(
        speech.sections[1].paragraphs,
        ["要抓好产业振兴，壮大村集体经济。"]
    );
    assert!(
        imported
            .notes
            .contains(&ImportNote::BoilerplateMovedToNotes { count: 11 })
    );

    let speech = import("en-share-this.txt").speech;
    assert_eq!(speech.closing, ["Thank you."]);
    assert_eq!(
        speech.notes,
        ["Print this document", "Share this", "Related articles"]
    );
}

#[test]
fn a_site_label_is_no_title() {
    let imported = import("zh-hant-site-label.txt");
    assert_eq!(imported.speech.title, "");
    assert_eq!(imported.speech.notes, ["總統府新聞"]);
    assert_eq!(imported.speech.opening.len(), 3);
    assert!(imported.notes.contains(&ImportNote::NoTitleFound));
}

#[test]
fn the_closing_runs_from_the_vocative_to_the_end() {
    let speech = import("zh-closing-run.txt").speech;
    assert_eq!(speech.closing.len(), 3);
    assert!(speech.closing[0].starts_with("同志们！时代呼唤着我们"));
    // A vocative early in the last section starts no closing.
    assert_eq!(speech.sections[1].paragraphs.len(), 3);
    assert!(speech.sections[1].paragraphs[0].starts_with("同志们，落实是关键"));
}

#[test]
fn hard_wrapped_text_joins_and_header_lines_stay_apart() {
    let imported = import("en-hard-wrapped.txt");
    let speech = &imported.speech;
    assert_eq!(speech.greeting, "Graduates, families and friends,");
    assert_eq!(speech.opening.len(), 4, "{:#?}", speech.opening);
    assert!(speech.opening[0].ends_with("fit on one line of a resume."));
    assert!(speech.opening[1].ends_with("so be kind to all of them."));
    assert!(
        imported
            .notes
            .iter()
            .any(|n| matches!(n, ImportNote::WrappedLinesJoined { .. }))
    );

    let speech = import("en-header-lines.txt").speech;
    assert_eq!(speech.title, "Keynote Address");
    assert_eq!(
        speech.notes,
        [
            "Annual Meeting of the Regional Librarians",
            "Riverside Hall"
        ]
    );
    assert_eq!(speech.opening.len(), 2);
    assert!(speech.opening[0].ends_with("future of public libraries."));
}

#[test]
fn a_heading_glued_to_the_line_before_is_split_out() {
    let imported = import("zh-glued-heading.txt");
    let speech = &imported.speech;
    assert_eq!(
        headings(speech),
        [
            "充分认识民营经济的重要地位",
            "着力破解民营企业发展难题",
            "营造亲商安商的良好氛围"
        ]
    );
    assert!(speech.opening[0].ends_with("为推动民营经济高质量发展而努力奋斗"));
    assert!(imported.notes.contains(&ImportNote::GluedHeadingSplit {
        marker: "一、".into()
    }));
}

#[test]
fn moved_sections_keep_their_numbers_and_sub_headings_stay_inside() {
    let ordered = import("zh-report-ordered.txt").speech;
    let imported = import("zh-report-moved.txt");
    let moved = &imported.speech;
    assert_eq!(ordered.sections.len(), 15);
    assert_eq!(moved.sections.len(), 15);
    assert_eq!(moved.sections[2].heading, "加快科技创新");
    assert!(
        moved
            .sections
            .iter()
            .all(|s| s.paragraphs.len() == 2 && s.paragraphs[0].starts_with("（一）"))
    );
    assert!(imported.notes.contains(&ImportNote::HeadingsOutOfSequence {
        numbers: vec![4, 3]
    }));
    // In a diff the sections are moved, not removed.
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args([
            "diff",
            &path("zh-report-ordered.txt"),
            &path("zh-report-moved.txt"),
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("2 moved, 0 added, 0 removed"), "{report}");
}

/// `lectern show --json` gives a reader the structure the importer found.
#[test]
fn show_json_gives_the_structure_of_every_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patterns");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().path();
        let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
            .args(["show", "--json"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let speech = import_text(&text, TextFormat::Plain).speech;
        assert_eq!(json["title"], speech.title.as_str());
        assert_eq!(json["greeting"], speech.greeting.as_str());
        assert_eq!(
            json["sections"].as_array().map(Vec::len),
            Some(speech.sections.len())
        );
        assert_eq!(json["closing"], serde_json::json!(speech.closing));
        assert_eq!(json["notes"], serde_json::json!(speech.notes));
        count += 1;
    }
    assert!(count >= 15, "{count} fixtures");
}
