//! Whole-import tests: each heading kind, greeting, closing, line endings, BOM, indentation,
//! wrapped paragraphs and false positives.

use super::*;
use crate::model::Language;

fn import(text: &str) -> Imported {
    import_text(text, TextFormat::Plain)
}

fn headings(imported: &Imported) -> Vec<&str> {
    imported
        .speech
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect()
}

fn non_whitespace(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn assert_nothing_lost(text: &str, imported: &Imported) {
    let rebuilt: String = imported.pieces_in_input_order().concat();
    assert_eq!(
        non_whitespace(&rebuilt),
        non_whitespace(text),
        "{imported:#?}"
    );
}

const SPEECH: &str = "在会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高站位\n\n一要学习。\n\n\
                      二、狠抓落实\n\n一是抓。二是干。\n\n同志们，让我们共同努力！\n";

#[test]
fn a_plain_chinese_speech() {
    let imported = import(SPEECH);
    let speech = &imported.speech;
    assert_eq!(speech.title, "在会议上的讲话");
    assert_eq!(speech.greeting, "同志们：");
    assert_eq!(speech.opening, ["今天开会。"]);
    assert_eq!(headings(&imported), ["提高站位", "狠抓落实"]);
    assert_eq!(speech.sections[0].paragraphs, ["一要学习。"]);
    assert_eq!(speech.sections[1].paragraphs, ["一是抓。二是干。"]);
    assert_eq!(speech.closing, ["同志们，让我们共同努力！"]);
    assert_eq!(imported.removed_markers, ["一、", "二、"]);
    assert_eq!(speech.meta.language, Language::ZhHans);
    assert_nothing_lost(SPEECH, &imported);
}

#[test]
fn every_line_ending_bom_and_indentation_give_the_same_speech() {
    let expected = import(SPEECH).speech;
    let variants = [
        SPEECH.replace('\n', "\r\n"),
        SPEECH.replace('\n', "\r"),
        format!("\u{feff}{SPEECH}"),
        SPEECH.replace('\n', "\n\u{3000}\u{3000}"),
        SPEECH.replace('\n', "\n  \u{a0}"),
    ];
    for text in variants {
        let imported = import(&text);
        let mut speech = imported.speech.clone();
        for (section, want) in speech.sections.iter_mut().zip(&expected.sections) {
            section.id = want.id;
        }
        assert_eq!(speech, expected, "{text:?}");
        assert_nothing_lost(&text, &imported);
    }
}

#[test]
fn every_heading_kind() {
    let cases: [(&str, &[&str]); 7] = [
        (
            "同志们：\n一、甲\n正文。\n二、乙\n正文。",
            &["一、", "二、"],
        ),
        (
            "同志们：\n一，甲\n正文。\n二，乙\n正文。",
            &["一，", "二，"],
        ),
        (
            "同志们：\n第一部分 甲\n正文。\n第二部分 乙\n正文。",
            &["第一部分", "第二部分"],
        ),
        (
            "同志们：\n第一，甲\n正文。\n第二，乙\n正文。",
            &["第一，", "第二，"],
        ),
        ("Friends,\nI. 甲\nText.\nII. 乙\nText.", &["I.", "II."]),
        ("同志们：\n1. 甲\n正文。\n2、乙\n正文。", &["1.", "2、"]),
        ("同志们：\n1．甲\n正文。\n２．乙\n正文。", &["1．", "２．"]),
    ];
    for (text, markers) in cases {
        let imported = import(text);
        assert_eq!(headings(&imported), ["甲", "乙"], "{text}");
        assert_eq!(imported.removed_markers, markers, "{text}");
        assert_nothing_lost(text, &imported);
    }
}

#[test]
fn the_higher_kind_wins_and_lower_kinds_stay_paragraphs() {
    let text = "同志们：\n第一部分 总体\n一、甲\n1. 细\n第二部分 分项\n二、乙\n";
    let imported = import(text);
    assert_eq!(headings(&imported), ["总体", "分项"]);
    assert_eq!(imported.speech.sections[0].paragraphs, ["一、甲", "1. 细"]);
    let text = "同志们：\n一、甲\n第一，要学。\n第二，要干。\n二、乙\n";
    assert_eq!(headings(&import(text)), ["甲", "乙"]);
}

#[test]
fn false_positives_are_paragraphs() {
    let text = "Friends,\n\n1.5 million people came.\n\n2024. A year.\n\n（一）小点\n\n(一)小点\n\n\
                一要学习。\n\n一是干。\n\nI think so.";
    let imported = import(text);
    assert!(imported.speech.sections.is_empty());
    assert_eq!(imported.speech.opening.len(), 7);
    assert!(imported.removed_markers.is_empty());
    assert!(imported.notes.contains(&ImportNote::NoSections));
}

#[test]
fn numbers_before_the_first_section_stay_paragraphs_and_moved_sections_are_headings() {
    let text = "同志们：\n二、不是开头\n一、甲\n三、挪过\n二、乙\n";
    let imported = import(text);
    assert_eq!(headings(&imported), ["甲", "挪过", "乙"]);
    assert_eq!(imported.speech.opening, ["二、不是开头"]);
    assert!(imported.notes.contains(&ImportNote::HeadingsOutOfSequence {
        numbers: vec![3, 2]
    }));
}

#[test]
fn empty_headings_make_empty_sections() {
    let imported = import("同志们：\n　　一、\n　　二、\n　　三、\n");
    assert_eq!(headings(&imported), ["", "", ""]);
    let imported = import_text("同志们：\n\n## 一、\n\n##\n", TextFormat::Markdown);
    assert_eq!(headings(&imported), ["", ""]);
    assert_eq!(imported.removed_markers, ["##", "一、", "##"]);
}

#[test]
fn greeting_detection() {
    let imported = import("Title\n\nLadies and gentlemen,\n\nWelcome.");
    assert_eq!(imported.speech.greeting, "Ladies and gentlemen,");
    let imported = import("来源：新华网\n栏目：\n标题\n各位亲人：\n正文。");
    assert_eq!(imported.speech.greeting, "各位亲人：");
    assert_eq!(imported.speech.title, "标题");
    assert_eq!(imported.speech.notes, ["来源：新华网", "栏目："]);
}

#[test]
fn no_greeting_takes_the_first_paragraph_as_title() {
    let imported = import("关于工作的几点意见\n\n一、甲\n\n正文。");
    assert_eq!(imported.speech.title, "关于工作的几点意见");
    assert_eq!(imported.speech.greeting, "");
    assert_eq!(headings(&imported), ["甲"]);
    assert!(
        imported
            .notes
            .contains(&ImportNote::FirstParagraphTakenAsTitle)
    );
}

#[test]
fn closing_detection() {
    let text =
        "同志们：\n一、甲\n同志们，中间这段不是结尾。\n正文。\n同志们，让我们努力！\n谢谢大家！";
    let imported = import(text);
    assert_eq!(
        imported.speech.closing,
        ["同志们，让我们努力！", "谢谢大家！"]
    );
    assert_eq!(
        imported.speech.sections[0].paragraphs,
        ["同志们，中间这段不是结尾。", "正文。"]
    );
    let imported = import("Colleagues,\n\nI. One\n\nText.\n\nThank you.");
    assert_eq!(imported.speech.closing, ["Thank you."]);
    let imported = import("Colleagues,\n\nOpening.\n\nColleagues, let us go.");
    assert_eq!(imported.speech.opening, ["Opening."]);
    assert_eq!(imported.speech.closing, ["Colleagues, let us go."]);
}

#[test]
fn hard_wrapped_paragraphs_are_joined_after_the_greeting_only() {
    let text = "Nav line\nAnother nav\n\nMy Keynote\n\nDear colleagues,\n\nWe are here\nto talk.\n\n\
                我们要加强\n学习。\n\nI. Where we stand\n\nNumbers rose\nby 1.5 percent.\n";
    let imported = import(text);
    let speech = &imported.speech;
    assert_eq!(speech.notes, ["Nav line", "Another nav"]);
    assert_eq!(speech.opening, ["We are here to talk.", "我们要加强学习。"]);
    assert_eq!(
        speech.sections[0].paragraphs,
        ["Numbers rose by 1.5 percent."]
    );
    assert_eq!(speech.meta.language, Language::En);
    assert_nothing_lost(text, &imported);
}

#[test]
fn markdown_title_sections_and_deeper_headings() {
    let text = "# 在会议上的讲话\n\n同志们：\n\n开场。\n\n## 一、甲\n\n### 小标题\n\n正文。\n\n## 二、乙\n\n同志们，谢谢！\n";
    let imported = import_text(text, TextFormat::Markdown);
    let speech = &imported.speech;
    assert_eq!(speech.title, "在会议上的讲话");
    assert_eq!(headings(&imported), ["甲", "乙"]);
    assert_eq!(speech.sections[0].paragraphs, ["### 小标题", "正文。"]);
    assert_eq!(speech.closing, ["同志们，谢谢！"]);
    assert_eq!(imported.removed_markers, ["#", "##", "一、", "##", "二、"]);
    use Piece::*;
    assert_eq!(
        imported.layout.pieces,
        [
            Marker(0),
            Title,
            Greeting,
            Opening(0),
            Marker(1),
            Marker(2),
            Heading(0),
            Paragraph(0, 0),
            Paragraph(0, 1),
            Marker(3),
            Marker(4),
            Heading(1),
            Closing(0)
        ]
    );
    assert_nothing_lost(text, &imported);
}

#[test]
fn hostile_inputs_do_not_panic_and_lose_nothing() {
    for text in [
        "",
        "\u{feff}",
        "\r\r\n\n",
        "一、",
        "#",
        "## ",
        "第",
        "第十",
        "1",
        "Ⅻ.",
        "IIIIIIIIIIII.",
        "同志们：",
        "：",
        "𠀀、𠀀\n\u{feff}同志们，",
        "一、同志们：\n二、",
        "同志们：\n\n一、。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。",
    ] {
        for format in [TextFormat::Plain, TextFormat::Markdown] {
            let imported = import_text(text, format);
            assert_nothing_lost(text, &imported);
        }
    }
}
