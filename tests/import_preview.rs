//! The import preview's core: each line's role, and the import again with the user's marks.
//! Nothing is lost whatever the marks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use lectern::import::{
    Imported, LineMark, LineRole, Overrides, TextFormat, import_text, import_with_overrides,
    line_roles, preview,
};
use proptest::prelude::*;

const SPEECH: &str = "首页 > 讲话\n\n在全市工作会议上的讲话\n（2024年3月1日）\n\n同志们：今天开会。\n\n一、提高认识\n\n认识到位。\n\n二、狠抓落实\n\n同志们，落实要快。\n\n抓好落实。\n\n要抓紧。\n\n要抓实。\n\n同志们，让我们共同努力！\n\n分享：\n";

fn non_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_nothing_lost(text: &str, imported: &Imported) {
    assert_eq!(
        non_whitespace(&imported.pieces_in_input_order().concat()),
        non_whitespace(text.strip_prefix('\u{feff}').unwrap_or(text))
    );
}

fn roles(overrides: &Overrides) -> Vec<(String, LineRole)> {
    line_roles(SPEECH, TextFormat::Plain, overrides)
        .into_iter()
        .filter(|l| l.role != LineRole::Blank)
        .map(|l| (l.text, l.role))
        .collect()
}

#[test]
fn every_line_gets_a_role() {
    use LineRole::*;
    let found = roles(&Overrides::new());
    let expected: Vec<(String, LineRole)> = [
        ("首页 > 讲话", Notes),
        ("在全市工作会议上的讲话", Title),
        (
            "（2024年3月1日）",
            Detail(lectern::import::DetailField::Date),
        ),
        ("同志们：", Greeting),
        ("今天开会。", Opening),
        ("一、提高认识", SectionHeading),
        ("认识到位。", SectionText),
        ("二、狠抓落实", SectionHeading),
        ("同志们，落实要快。", SectionText),
        ("抓好落实。", SectionText),
        ("要抓紧。", SectionText),
        ("要抓实。", SectionText),
        ("同志们，让我们共同努力！", Closing),
        ("分享：", Boilerplate),
    ]
    .into_iter()
    .map(|(t, r)| (t.to_string(), r))
    .collect();
    assert_eq!(found, expected);
    // The preview's import is the plain import.
    let plain = import_text(SPEECH, TextFormat::Plain);
    let shown = preview(SPEECH, TextFormat::Plain, &Overrides::new()).imported;
    assert_eq!(shown.layout, plain.layout);
    assert_eq!(shown.notes, plain.notes);
}

#[test]
fn marks_change_the_structure_and_lines_keep_their_numbers() {
    let lines = line_roles(SPEECH, TextFormat::Plain, &Overrides::new());
    let index = |text: &str| lines.iter().position(|l| l.text == text).unwrap();
    let mut overrides = Overrides::new();
    // The second heading is a plain paragraph; a paragraph is a heading; the closing starts
    // earlier; the boilerplate is kept as speech; the greeting is a note.
    overrides.set(index("二、狠抓落实"), LineMark::Plain);
    overrides.set(index("认识到位。"), LineMark::SectionHeading);
    overrides.set(index("同志们，落实要快。"), LineMark::ClosingStart);
    overrides.set(index("分享："), LineMark::Plain);
    let imported = import_with_overrides(SPEECH, TextFormat::Plain, &overrides);
    let speech = &imported.speech;
    let headings: Vec<&str> = speech.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["提高认识", "认识到位。"]);
    assert_eq!(speech.sections[1].paragraphs, ["二、狠抓落实"]);
    assert_eq!(
        speech.closing,
        [
            "同志们，落实要快。",
            "抓好落实。",
            "要抓紧。",
            "要抓实。",
            "同志们，让我们共同努力！",
            "分享："
        ]
    );
    assert!(!speech.notes.contains(&"分享：".to_string()));
    assert_nothing_lost(SPEECH, &imported);
    let again = line_roles(SPEECH, TextFormat::Plain, &overrides);
    assert_eq!(again.len(), lines.len());
    assert_eq!(again[index("认识到位。")].role, LineRole::SectionHeading);
    assert_eq!(
        again[index("认识到位。")].mark,
        Some(LineMark::SectionHeading)
    );

    // A line marked as the title and another as the greeting; a marked note in the body.
    let mut overrides = Overrides::new();
    overrides.set(index("首页 > 讲话"), LineMark::Title);
    overrides.set(index("今天开会。"), LineMark::Greeting);
    overrides.set(index("认识到位。"), LineMark::Notes);
    let imported = import_with_overrides(SPEECH, TextFormat::Plain, &overrides);
    assert_eq!(imported.speech.title, "首页 > 讲话");
    assert_eq!(imported.speech.greeting, "今天开会。");
    assert!(imported.speech.notes.contains(&"认识到位。".to_string()));
    assert!(imported.speech.sections[0].paragraphs.is_empty());
    assert_nothing_lost(SPEECH, &imported);
    // Clearing a mark gives the guess back.
    let mut cleared = overrides.clone();
    cleared.clear(index("首页 > 讲话"));
    cleared.clear(index("今天开会。"));
    cleared.clear(index("认识到位。"));
    assert!(cleared.is_empty());
    let back = import_with_overrides(SPEECH, TextFormat::Plain, &cleared);
    assert_eq!(back.layout, import_text(SPEECH, TextFormat::Plain).layout);
}

fn mark() -> impl Strategy<Value = LineMark> {
    prop::sample::select(vec![
        LineMark::Title,
        LineMark::Greeting,
        LineMark::SectionHeading,
        LineMark::ClosingStart,
        LineMark::Notes,
        LineMark::Plain,
    ])
}

fn speech_text() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec![
        "在会上的讲话",
        "同志们：",
        "同志们，谢谢！",
        "一、甲",
        "二、乙",
        "三、丙",
        "（一）小点",
        "正文。",
        "Ladies and gentlemen,",
        "I. One",
        "Thank you.",
        "阅读全文",
        "分享：",
        "——在大会上的报告",
        "（2024年3月1日）",
        "张伟",
        "We must keep",
        "going.",
        "",
        "",
        "# 标题",
        "## 一、节",
        "同志们：今天开会。",
        "…奋斗一、认清形势把握大局",
    ]);
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the user marks, no character of the input is lost, and each preview line has
    /// the mark it was given.
    #[test]
    fn nothing_is_lost_whatever_the_marks(
        text in speech_text(),
        marks in prop::collection::vec((0usize..40, mark()), 0..8),
        markdown in any::<bool>(),
    ) {
        let format = if markdown { TextFormat::Markdown } else { TextFormat::Plain };
        let mut overrides = Overrides::new();
        for (line, mark) in &marks {
            overrides.set(*line, *mark);
        }
        let shown = preview(&text, format, &overrides);
        prop_assert_eq!(
            non_whitespace(&shown.imported.pieces_in_input_order().concat()),
            non_whitespace(&text)
        );
        for (index, line) in shown.lines.iter().enumerate() {
            prop_assert_eq!(line.mark, overrides.get(index));
        }
        let direct = import_with_overrides(&text, format, &overrides);
        prop_assert_eq!(shown.imported.pieces_in_input_order(), direct.pieces_in_input_order());
    }
}
