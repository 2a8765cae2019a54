//! The import preview without a window: opening a file in another encoding shows it, marks
//! change the structure, accept makes the speech, cancel changes nothing.

use super::*;
use crate::import::{LineMark, LineRole};
use crate::storage::TextEncoding;

const SPEECH: &str = "在全市工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高认识\n\n认识到位。\n\n二、狠抓落实\n\n抓好落实。\n\n谢谢大家！\n";

fn editor(dialogs: &mut ScriptedDialogs) -> Editor {
    Editor::new(EditorOptions::default(), &mut Env::new(0.0, dialogs))
}

fn apply(ed: &mut Editor, dialogs: &mut ScriptedDialogs, action: Action) {
    ed.apply(action, &mut Env::new(0.0, dialogs));
}

/// A GBK file of [`SPEECH`] in a temporary folder.
fn gbk_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("讲话.txt");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(SPEECH);
    assert!(!unmappable);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn line_of(ed: &Editor, text: &str) -> usize {
    let state = ed.import_preview().expect("the preview is up");
    state
        .preview
        .lines
        .iter()
        .position(|l| l.text == text)
        .expect("the line is there")
}

#[test]
fn opening_a_gbk_file_shows_the_preview_and_changes_nothing_yet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = gbk_file(&dir);
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let before = ed.speech().clone();
    d.push(Some(path));
    apply(&mut ed, &mut d, Action::Open);
    let state = ed.import_preview().expect("the preview is up");
    assert_eq!(state.file.encoding, Some(TextEncoding::Gb18030));
    assert_eq!(
        state.preview.lines[state.selected].text,
        "在全市工作会议上的讲话"
    );
    let heading = line_of(&ed, "一、提高认识");
    assert_eq!(
        ed.import_preview().expect("up").preview.lines[heading].role,
        LineRole::SectionHeading
    );
    assert_eq!(ed.speech(), &before);
    // Cancel: the preview goes, the document is as it was.
    apply(&mut ed, &mut d, Action::CloseDialog);
    assert!(ed.import_preview().is_none());
    assert_eq!(ed.speech(), &before);
    assert!(ed.path().is_none());
}

#[test]
fn marks_change_the_structure_and_accept_makes_the_speech() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = gbk_file(&dir);
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    apply(&mut ed, &mut d, Action::OpenPath(path));
    // Keyboard-like stepping skips blank lines.
    let first = ed.import_preview().expect("up").selected;
    apply(&mut ed, &mut d, Action::StepImportLine { down: true });
    let second = ed.import_preview().expect("up").selected;
    assert_eq!(second, line_of(&ed, "同志们："));
    apply(&mut ed, &mut d, Action::StepImportLine { down: false });
    assert_eq!(ed.import_preview().expect("up").selected, first);
    apply(&mut ed, &mut d, Action::StepImportLine { down: false });
    assert_eq!(ed.import_preview().expect("up").selected, first);
    // The second heading is a plain paragraph; a paragraph becomes a heading.
    let second_heading = line_of(&ed, "二、狠抓落实");
    let paragraph = line_of(&ed, "认识到位。");
    apply(&mut ed, &mut d, Action::SelectImportLine(paragraph));
    assert_eq!(ed.import_preview().expect("up").selected, paragraph);
    apply(
        &mut ed,
        &mut d,
        Action::MarkImportLine {
            line: paragraph,
            mark: Some(LineMark::SectionHeading),
        },
    );
    apply(
        &mut ed,
        &mut d,
        Action::MarkImportLine {
            line: second_heading,
            mark: Some(LineMark::Plain),
        },
    );
    let state = ed.import_preview().expect("up");
    assert_eq!(
        state.preview.lines[paragraph].role,
        LineRole::SectionHeading
    );
    assert_eq!(
        state.preview.lines[paragraph].mark,
        Some(LineMark::SectionHeading)
    );
    assert_ne!(
        state.preview.lines[second_heading].role,
        LineRole::SectionHeading
    );
    // A line past the end cannot be marked or selected.
    let past = state.preview.lines.len();
    assert!(!ed.can_apply(&Action::SelectImportLine(past)));
    assert!(ed.can_apply(&Action::SelectImportLine(paragraph)));
    // The file's encoding is among the guesses the preview lists.
    assert!(
        state
            .preview
            .imported
            .notes
            .contains(&crate::import::ImportNote::Encoding {
                encoding: TextEncoding::Gb18030
            })
    );
    apply(&mut ed, &mut d, Action::AcceptImport);
    assert!(ed.import_preview().is_none());
    let speech = ed.speech();
    assert_eq!(speech.title, "在全市工作会议上的讲话");
    let headings: Vec<&str> = speech.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["提高认识", "认识到位。"]);
    assert!(ed.path().is_none());
    assert!(ed.is_modified());
    // The guesses were listed in the preview: accepting reports nothing again.
    assert!(ed.messages().is_empty(), "{:?}", ed.messages());
}

#[test]
fn a_bad_docx_is_an_error_naming_the_file_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("坏的.docx");
    std::fs::write(&path, b"PK\x03\x04 not really a zip").expect("write");
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let before = ed.speech().clone();
    d.push(Some(path.clone()));
    apply(&mut ed, &mut d, Action::ImportText);
    assert!(ed.import_preview().is_none());
    assert_eq!(ed.speech(), &before);
    assert!(matches!(
        ed.messages(),
        [Message::Failed(crate::Error::BadDocx { path: p, .. })] if *p == path
    ));
}

#[test]
fn an_imported_speech_is_offered_its_speaking_time_rounded_up_to_5_minutes_as_target() {
    assert_eq!(super::import_preview::target_for_seconds(0.0), 5.0);
    assert_eq!(super::import_preview::target_for_seconds(300.0), 5.0);
    assert_eq!(super::import_preview::target_for_seconds(301.0), 10.0);
    assert_eq!(super::import_preview::target_for_seconds(1748.9), 30.0);

    let dir = tempfile::tempdir().expect("temp dir");
    // Over 6 minutes of Chinese at 180 字/分: 1080 characters in the opening alone.
    let long = SPEECH.replace("今天开会。", &"今天开会。".repeat(270));
    let path = dir.path().join("long.txt");
    std::fs::write(&path, long).expect("write");
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    d.push(Some(path));
    apply(&mut ed, &mut d, Action::ImportText);
    apply(&mut ed, &mut d, Action::AcceptImport);
    let seconds = ed.total_counts().seconds;
    assert!(seconds > 300.0 && seconds < 600.0, "{seconds}");
    assert_eq!(ed.speech().meta.target_minutes, Some(10.0));
    // The target is the document's from the start: nothing to undo, nothing modified by it.
    assert!(!ed.can_undo());
}
