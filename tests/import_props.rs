//! Properties of the importer: no character is ever lost, and an exported speech imports back
//! to the same structure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use lectern::export::{ExportFormat, ExportOptions, export};
use lectern::import::{DetailField, Imported, Piece, TextFormat, import_text};
use lectern::model::{Section, Speech, chinese_numeral, roman_numeral};
use lectern::project::Settings;
use lectern::template::templates;
use proptest::prelude::*;

use crate::import_support::structure;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// No character is lost.
// ---------------------------------------------------------------------------------------------

fn non_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every piece an import has, listed here independently of the library: each note, marker and
/// filled detail, the title and greeting, and every paragraph and heading.
fn every_piece(imported: &Imported) -> Vec<Piece> {
    let speech = &imported.speech;
    let mut pieces: Vec<Piece> = (0..speech.notes.len()).map(Piece::Note).collect();
    pieces.extend((0..imported.removed_markers.len()).map(Piece::Marker));
    pieces.extend([Piece::Title, Piece::Greeting]);
    let meta = &speech.meta;
    for (field, value) in [
        (DetailField::Occasion, &meta.occasion),
        (DetailField::Date, &meta.date),
        (DetailField::Speaker, &meta.speaker),
    ] {
        if !value.is_empty() {
            pieces.push(Piece::Detail(field));
        }
    }
    pieces.extend((0..speech.opening.len()).map(Piece::Opening));
    for (s, section) in speech.sections.iter().enumerate() {
        pieces.push(Piece::Heading(s));
        pieces.extend((0..section.paragraphs.len()).map(|p| Piece::Paragraph(s, p)));
    }
    pieces.extend((0..speech.closing.len()).map(Piece::Closing));
    pieces
}

/// The layout lists every piece exactly once, and the speech's parts in their reading order.
fn walk(imported: &Imported) -> Vec<String> {
    let layout = &imported.layout.pieces;
    let mut listed = layout.clone();
    let mut expected = every_piece(imported);
    let key = |p: &Piece| format!("{p:?}");
    listed.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(listed, expected, "the layout must list every piece once");
    let reading: Vec<Piece> = layout
        .iter()
        .copied()
        .filter(|p| !matches!(p, Piece::Note(_) | Piece::Marker(_) | Piece::Detail(_)))
        .collect();
    let mut in_order = reading.clone();
    let rank = |p: &Piece| match *p {
        Piece::Title => (0, 0, 0),
        Piece::Greeting => (1, 0, 0),
        Piece::Opening(i) => (2, 0, i),
        Piece::Heading(s) => (3, s, 0),
        Piece::Paragraph(s, i) => (3, s, i + 1),
        Piece::Closing(i) => (4, 0, i),
        _ => (5, 0, 0),
    };
    in_order.sort_by_key(rank);
    assert_eq!(
        reading, in_order,
        "the speech's parts must come in reading order"
    );
    layout
        .iter()
        .map(|&p| imported.piece_text(p).to_string())
        .collect()
}

fn assert_nothing_lost(text: &str, format: TextFormat) -> Result<(), TestCaseError> {
    let imported = import_text(text, format);
    let walked = walk(&imported).concat();
    let from_library = imported.pieces_in_input_order().concat();
    prop_assert_eq!(&walked, &from_library);
    let input = text.strip_prefix('\u{feff}').unwrap_or(text);
    prop_assert_eq!(non_whitespace(&walked), non_whitespace(input));
    Ok(())
}

fn number_marker() -> impl Strategy<Value = String> {
    (1usize..14, 0usize..12).prop_map(|(n, style)| {
        let chinese = chinese_numeral(n);
        match style {
            0 => format!("{chinese}、"),
            1 => format!("{chinese}，"),
            2 => format!("{chinese},"),
            3 => format!("{chinese}．"),
            4 => format!("{chinese}："),
            5 => format!("{chinese} "),
            6 => format!("第{chinese}部分"),
            7 => format!("第{chinese}，"),
            8 => format!("{}. ", roman_numeral(n)),
            9 => format!("{n}."),
            10 => format!("{n}、"),
            _ => format!("（{chinese}）"),
        }
    })
}

fn speechy_line() -> impl Strategy<Value = String> {
    let text = "[一二三是要的工作，,。.:：!！?（）()a-zA-Z0-9 同志们們]{0,30}";
    prop_oneof![
        3 => (number_marker(), text).prop_map(|(m, t)| format!("{m}{t}")),
        1 => ("#{1,7}", "[ ]?", text).prop_map(|(h, s, t)| format!("{h}{s}{t}")),
        2 => prop::sample::select(vec![
            "同志们：", "同志們:", "各位代表，", "Ladies and gentlemen,", "Dear colleagues,",
            "尊敬的各位领导、各位来宾：", "栏目: 讲话 / 发布于:", "当前位置:首页 > 讲话",
        ])
        .prop_map(String::from),
        2 => prop::sample::select(vec![
            "一要加强学习。", "二是狠抓落实，一是抓，二是干。", "1.5 million people came.",
            "2024. A year.", "同志们，谢谢！", "Thank you.", "谢谢大家！", "Colleagues, go.",
            "(一)小点", "I think so.", "I.e. this",
        ])
        .prop_map(String::from),
        4 => text.prop_map(String::from),
        2 => Just(String::new()),
        1 => any::<String>(),
    ]
}

fn speechy_text() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(vec!["", "  ", "\u{3000}\u{3000}", "\u{a0}", "\t"]),
        speechy_line(),
        prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n"]),
    );
    (any::<bool>(), prop::collection::vec(line, 0..40)).prop_map(|(bom, lines)| {
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (indent, line, ending) in lines {
            text.push_str(indent);
            text.push_str(&line);
            text.push_str(ending);
        }
        text
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn speech_like_texts_lose_nothing(text in speechy_text(), markdown in any::<bool>()) {
        let format = if markdown { TextFormat::Markdown } else { TextFormat::Plain };
        assert_nothing_lost(&text, format)?;
    }

    #[test]
    fn arbitrary_strings_lose_nothing(text in any::<String>(), markdown in any::<bool>()) {
        let format = if markdown { TextFormat::Markdown } else { TextFormat::Plain };
        assert_nothing_lost(&text, format)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Round trip: export, then import, gives the same structure.
// ---------------------------------------------------------------------------------------------

/// Words that may start a paragraph or heading: no number, vocative, thanks or Markdown mark.
const STARTERS: &[&str] = &[
    "我们", "加强", "今年", "全市", "坚持", "政協", "機關", "要", "当前", "一要", "二是", "(一)",
    "We", "Our", "The", "This", "Growth", "Now", "In", "Today",
];

/// Words for the rest of a sentence (points and numbers may appear mid-paragraph).
const WORDS: &[&str] = &[
    "工作",
    "落实",
    "推动",
    "发展",
    "学习",
    "群众",
    "服务",
    "质量",
    "一是",
    "二要",
    "三、",
    "同志们",
    "1.5",
    "2024.",
    "I.",
    "million",
    "people",
    "must",
    "build",
    "together",
    "and",
    "work",
    "hard",
    "(辦公室主任)",
    "“枢纽”",
    "同志們",
    "Thank",
    "colleagues",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..6),
        prop::sample::select(vec!["", " ", ",", "，", ":", "、"]),
        prop::sample::select(vec!["。", ".", "！", "!", "？", "；", ""]),
    )
        .prop_map(|(words, joiner, end)| format!("{}{end}", words.join(joiner)))
}

fn paragraph() -> impl Strategy<Value = String> {
    (
        prop::sample::select(STARTERS),
        prop::collection::vec(sentence(), 1..4),
    )
        .prop_map(|(start, sentences)| format!("{start}{}", sentences.concat()))
}

fn short_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(STARTERS),
        prop::collection::vec(prop::sample::select(WORDS), 0..4),
        prop::sample::select(vec!["", " ", "，", ","]),
    )
        .prop_map(|(start, words, joiner)| {
            format!("{start}{joiner}{}", words.join(joiner))
                .trim_end_matches([',', '，', ' '])
                .to_string()
        })
}

const GREETINGS: &[&str] = &[
    "同志们：",
    "同志們:",
    "各位代表：",
    "尊敬的各位领导、各位来宾：",
    "Ladies and gentlemen,",
    "Dear colleagues,",
    "Dear friends,",
    "Good morning, everyone,",
];

/// A title: like [`short_text`], without sentence punctuation at the end.
fn title() -> impl Strategy<Value = String> {
    short_text().prop_map(|t| t.trim_end_matches(['.', ',', '，', ' ']).to_string())
}

fn generated_speech() -> impl Strategy<Value = Speech> {
    let section = (
        prop_oneof![1 => Just(String::new()), 4 => short_text()],
        prop::collection::vec(paragraph(), 0..4),
    )
        .prop_map(|(heading, paragraphs)| Section::new(heading, paragraphs));
    let closing = prop_oneof![
        1 => Just(Vec::new()),
        2 => (paragraph(), prop::collection::vec(paragraph(), 0..2))
            .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect()),
    ];
    (
        title(),
        prop::sample::select(GREETINGS),
        prop::collection::vec(paragraph(), 0..3),
        prop::collection::vec(section, 0..7),
        closing,
        prop::sample::select(vec!["，", ", ", "！"]),
    )
        .prop_map(|(title, greeting, opening, sections, mut closing, comma)| {
            // The closing opens by addressing the audience again, as the greeting did.
            let vocative = greeting
                .trim_end_matches([':', '：', ','])
                .split(['、', ','])
                .next()
                .unwrap_or_default()
                .to_string();
            if let Some(first) = closing.first_mut() {
                *first = format!("{vocative}{comma}{first}");
            }
            Speech {
                title,
                greeting: greeting.to_string(),
                opening,
                sections,
                closing,
                ..Speech::default()
            }
        })
}

/// Every export layout the importer must read back.
fn export_layouts() -> Vec<(ExportOptions, TextFormat)> {
    let chinese = ExportOptions::chinese();
    let english = ExportOptions::english(&Settings::default());
    vec![
        (chinese, TextFormat::Plain),
        (
            chinese.with_format(ExportFormat::Markdown),
            TextFormat::Markdown,
        ),
        (english, TextFormat::Plain),
        (
            english.with_format(ExportFormat::Markdown),
            TextFormat::Markdown,
        ),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn exported_speeches_import_back(speech in generated_speech()) {
        for (options, format) in export_layouts() {
            let text = export(&speech, &options);
            let imported = import_text(&text, format);
            prop_assert_eq!(structure(&imported.speech), structure(&speech), "{:?}\n{}", options, text);
        }
    }
}

/// The speech's details as the importer fills them.
fn details(speech: &Speech) -> (String, String, String) {
    let meta = &speech.meta;
    (
        meta.occasion.clone(),
        meta.date.clone(),
        meta.speaker.clone(),
    )
}

proptest! {
    #![proptest_config(config())]

    /// The occasion, date and speaker written under the title come back as details, and the
    /// rest of the speech keeps its structure.
    #[test]
    fn exported_details_import_back(
        speech in generated_speech(),
        occasion in prop::sample::select(vec!["", "在全市经济工作会议上的讲话", "在2024年度总结表彰大会上的致辞"]),
        date in prop::sample::select(vec!["", "2022年10月16日", "二〇二四年三月一日"]),
        speaker in prop::sample::select(vec!["", "张伟", "欧阳明"]),
    ) {
        prop_assume!(!speech.title.trim().is_empty());
        let mut speech = speech;
        speech.meta.occasion = occasion.to_string();
        speech.meta.date = date.to_string();
        speech.meta.speaker = speaker.to_string();
        for (options, format) in export_layouts() {
            let text = export(&speech, &options);
            let imported = import_text(&text, format);
            prop_assert_eq!(details(&imported.speech), details(&speech), "{:?}\n{}", options, text);
            prop_assert_eq!(structure(&imported.speech), structure(&speech), "{:?}\n{}", options, text);
        }
    }
}

#[test]
fn every_template_round_trips() {
    let all = templates();
    assert!(!all.is_empty());
    for template in all {
        for (options, format) in export_layouts() {
            let text = export(&template.speech, &options);
            let imported = import_text(&text, format);
            assert_eq!(
                structure(&imported.speech),
                structure(&template.speech),
                "{} {options:?}\n{text}",
                template.id
            );
        }
    }
}
