//! Property tests that run with `cargo test` (the fuzz targets in `fuzz/` go further): the
//! `.lectern` parser, text decoding and import never panic and finish quickly on any input, and
//! anything saved opens again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use lectern::import::{TextFormat, import_text};
use lectern::model::{Section, SectionId, Speech};
use lectern::project::{DraftKind, Project};
use lectern::storage::{MAX_TEXT_BYTES, decode_text, project_from_ron, project_to_ron};

/// No single parse or import may take longer than this (debug build, shared machine).
const MAX_CALL: Duration = Duration::from_secs(2);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    assert!(elapsed < MAX_CALL, "{what} took {elapsed:?}");
    out
}

fn sample_ron() -> String {
    let mut project = Project::new(Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["今天我们召开会议。".into(), "Ladies and gentlemen.".into()],
        sections: vec![
            Section {
                id: SectionId(1),
                ..Section::new("提高站位", vec!["一要学习。".into(), "二要落实。".into()])
            },
            Section {
                id: SectionId(2),
                ..Section::new("狠抓落实", vec!["\"引号\" r#\"raw\"#".into()])
            },
        ],
        closing: vec!["谢谢大家！".into()],
        notes: vec!["备注".into()],
        ..Speech::default()
    });
    project.speech.meta.target_minutes = Some(12.5);
    project.save_draft(
        "初稿",
        Some("第一轮".into()),
        DraftKind::Named,
        chrono::DateTime::from_timestamp(1_795_780_800, 0).unwrap_or_default(),
    );
    project_to_ron(&project)
}

/// Text that looks like RON, so the parser gets past the first character more often.
fn ron_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("(".to_string()),
            Just(")".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just("\"".to_string()),
            Just("r#\"".to_string()),
            Just("Some(".to_string()),
            Just("None".to_string()),
            Just("format_version: ".to_string()),
            Just("speech: ".to_string()),
            Just("drafts: ".to_string()),
            Just("settings: ".to_string()),
            Just("title: ".to_string()),
            Just("sections: ".to_string()),
            Just("id: ".to_string()),
            Just("1".to_string()),
            Just("4294967296".to_string()),
            Just("-1".to_string()),
            Just("1e309".to_string()),
            Just("NaN".to_string()),
            Just("\"zh-Hans\"".to_string()),
            Just("// c\n".to_string()),
            Just("/* ".to_string()),
            Just("讲话".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

/// An edit of a valid file: delete, insert or duplicate a stretch.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize, to: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), ron_like()).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 0usize..200, any::<usize>())
            .prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The char boundary nearest below `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    match m {
        Mutation::Delete { at, len } => {
            let start = boundary(text, *at);
            let end = boundary(text, (start + len).min(text.len()));
            text.replace_range(start..end.max(start), "");
        }
        Mutation::Insert { at, text: insert } => {
            let at = boundary(text, *at);
            text.insert_str(at, insert);
        }
        Mutation::Duplicate { at, len, to } => {
            let start = boundary(text, *at);
            let end = boundary(text, (start + len).min(text.len())).max(start);
            let piece = text[start..end].to_string();
            let to = boundary(text, *to);
            text.insert_str(to, &piece);
        }
        Mutation::Truncate { at } => {
            let at = boundary(text, *at);
            text.truncate(at);
        }
    }
}

/// A project that parsed must save and parse again to the same text.
fn check_round_trip(project: &Project) {
    let path = Path::new("again.lectern");
    let saved = project_to_ron(project);
    // Through the same checks as opening a file (size, binary, encoding).
    let text = decode_text(saved.clone().into_bytes(), path, u64::MAX)
        .unwrap_or_else(|e| panic!("a saved project is refused: {e}\n{saved}"));
    let again = project_from_ron(&text, path)
        .unwrap_or_else(|e| panic!("a saved project does not parse: {e}\n{saved}"));
    assert_eq!(project_to_ron(&again), saved);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn project_from_ron_never_panics_on_any_text(text in any::<String>()) {
        let result = timed("project_from_ron", || project_from_ron(&text, Path::new("p.lectern")));
        if let Ok(project) = result {
            check_round_trip(&project);
        }
    }

    #[test]
    fn project_from_ron_never_panics_on_ron_like_text(text in ron_like()) {
        let result = timed("project_from_ron", || project_from_ron(&text, Path::new("p.lectern")));
        if let Ok(project) = result {
            check_round_trip(&project);
        }
    }

    #[test]
    fn decode_text_never_panics_on_any_bytes(
        prefix in prop_oneof![
            Just(Vec::new()),
            Just(vec![0xEF, 0xBB, 0xBF]),
            Just(vec![0xFF, 0xFE]),
            Just(vec![0xFE, 0xFF]),
        ],
        body in prop::collection::vec(any::<u8>(), 0..512),
        limit in prop_oneof![Just(MAX_TEXT_BYTES), 0u64..600],
    ) {
        let bytes = [prefix, body].concat();
        if let Ok(text) = decode_text(bytes.clone(), Path::new("t.txt"), limit) {
            prop_assert!(!text.trim().is_empty());
            prop_assert!(bytes.len() as u64 <= limit);
            prop_assert!(!text.chars().any(|c| c.is_control() && !c.is_whitespace()));
        }
    }

    #[test]
    fn import_never_panics(
        text in prop_oneof![
            any::<String>(),
            "[一二三四五六七八九十、。：；！，（）\\(\\)#*\\-. 0-9a-zA-Z\n\r\t\u{3000}\u{feff}]{0,400}",
        ],
        markdown in any::<bool>(),
    ) {
        let format = if markdown { TextFormat::Markdown } else { TextFormat::Plain };
        let imported = timed("import_text", || import_text(&text, format));
        // Whatever was imported can be saved and opened again.
        check_round_trip(&Project::new(imported.speech));
    }

    #[test]
    fn any_speech_text_saves_and_opens_again(
        title in any::<String>(),
        paragraphs in prop::collection::vec(any::<String>(), 0..4),
        heading in any::<String>(),
    ) {
        let project = Project::new(Speech {
            title,
            opening: paragraphs.clone(),
            sections: vec![Section { id: SectionId(7), ..Section::new(heading, paragraphs) }],
            ..Speech::default()
        });
        check_round_trip(&project);
        let again = project_from_ron(&project_to_ron(&project), Path::new("x.lectern")).unwrap();
        prop_assert_eq!(again, project);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn mutated_valid_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut text = sample_ron();
        for m in &mutations {
            apply(&mut text, m);
        }
        let result = timed("project_from_ron", || project_from_ron(&text, Path::new("m.lectern")));
        if let Ok(project) = result {
            check_round_trip(&project);
        }
    }
}

#[test]
fn the_sample_file_is_valid() {
    let text = sample_ron();
    let project = project_from_ron(&text, Path::new("s.lectern")).unwrap();
    check_round_trip(&project);
    // And the loader refuses it whole when it is cut anywhere in the middle.
    for cut in (1..text.len()).step_by(97) {
        if text.is_char_boundary(cut) && !text[cut..].trim().is_empty() {
            // It must not panic; most cuts are refused, a few still parse.
            project_from_ron(&text[..cut], Path::new("s.lectern")).ok();
        }
    }
}
