//! Properties of the importer: no character is ever lost, and an exported speech imports back
//! to the same structure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use lectern::export::{ExportFormat, ExportOptions, export};
use lectern::import::{Imported, TextFormat, import_text};
use lectern::model::{Section, Speech, chinese_numeral, roman_numeral};
use lectern::project::Settings;
use lectern::template::templates;
use proptest::prelude::*;

mod import_support;
use import_support::structure;

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

/// The pieces of an import in input order, walked here independently of the library:
/// notes before the title, the title's markers, the title, the other notes, the greeting, the
/// opening, then per section its markers, heading and paragraphs, then the closing.
fn walk(imported: &Imported) -> Vec<String> {
    let speech = &imported.speech;
    let layout = &imported.layout;
    let mut markers = imported.removed_markers.iter().cloned();
    let mut pieces: Vec<String> = speech.notes[..layout.notes_before_title].to_vec();
    pieces.extend(markers.by_ref().take(layout.title_markers));
    pieces.push(speech.title.clone());
    pieces.extend(speech.notes[layout.notes_before_title..].iter().cloned());
    pieces.push(speech.greeting.clone());
    pieces.extend(speech.opening.iter().cloned());
    assert_eq!(layout.section_markers.len(), speech.sections.len());
    for (section, &count) in speech.sections.iter().zip(&layout.section_markers) {
        pieces.extend(markers.by_ref().take(count));
        pieces.push(section.heading.clone());
        pieces.extend(section.paragraphs.iter().cloned());
    }
    pieces.extend(speech.closing.iter().cloned());
    assert_eq!(
        markers.next(),
        None,
        "markers left over: layout and markers disagree"
    );
    pieces
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
