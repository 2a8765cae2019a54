//! Files from the window: save, open, import, export, unsaved-changes questions and errors.

use crate::support::*;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::Action;
use lectern::export::{ExportOptions, export};
use lectern::storage::load_project;
use lectern::ui::status::SaveState;

#[test]
fn save_as_then_save_writes_the_project_and_the_state_follows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("讲话.lectern");
    let (mut harness, dialogs) = new_harness();
    type_into(&mut harness, "Title", "在全市工作会议上的讲话");
    dialogs.push(Some(path.clone()));
    press_command(&mut harness, Key::S);
    assert_eq!(
        load_project(&path).unwrap().speech.title,
        "在全市工作会议上的讲话"
    );
    assert_eq!(
        lectern::ui::status::save_state(harness.state().editor()),
        SaveState::Saved
    );
    assert!(harness.query_by_label("Saved").is_some());
    assert!(harness.query_by_label("讲话.lectern").is_some());

    type_into(&mut harness, "Greeting", "各位");
    assert_eq!(
        lectern::ui::status::save_state(harness.state().editor()),
        SaveState::Modified
    );
    press_command(&mut harness, Key::S);
    assert_eq!(load_project(&path).unwrap().speech.greeting, "同志们：各位");
    // Only the first save asked where to save.
    assert_eq!(dialogs.calls().len(), 1);
    assert_eq!(harness.state().prefs().recent, [path]);
}

#[test]
fn new_asks_about_unsaved_changes_and_cancel_keeps_them() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "要紧的话");
    press_command(&mut harness, Key::N);
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().sections[0].paragraphs,
        ["要紧的话"]
    );

    press_command(&mut harness, Key::N);
    harness.get_by_label("Don't save").click();
    harness.run();
    // The template picker: pick the English keynote.
    harness.get_by_label_contains("keynote").click();
    harness.run();
    harness.get_by_label("Create").click();
    harness.run();
    let speech = harness.state().editor().speech();
    assert!(speech.sections[0].paragraphs.is_empty());
    assert!(!speech.meta.language.is_chinese());
    // English speeches are numbered I. II. III.
    assert!(harness.query_by_label("Heading: Section 1").is_some());
    assert!(harness.query_by_label("I.").is_some());
    assert!(harness.query_by_label("Go to: II. (Section 2)").is_some());
}

#[test]
fn save_in_the_unsaved_changes_question_saves_then_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.lectern");
    let (mut harness, dialogs) = new_harness();
    type_into(&mut harness, "Text: Section 2", "先保存");
    dialogs.push(Some(path.clone()));
    press_command(&mut harness, Key::N);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(
        load_project(&path).unwrap().speech.sections[1].paragraphs,
        ["先保存"]
    );
    assert!(harness.query_by_label("Choose a template").is_some());
}

#[test]
fn opening_a_text_file_imports_it_as_a_new_unsaved_speech() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("speech.txt");
    std::fs::write(&path, "在会议上的讲话\n\n同志们：\n\n今天开会。\n").unwrap();
    let (mut harness, dialogs) = new_harness();
    dialogs.push(Some(path));
    press_command(&mut harness, Key::O);
    // The import preview comes first; Import makes the speech.
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    let state = harness.state().editor();
    assert!(state.path().is_none());
    assert_eq!(
        lectern::ui::status::save_state(state),
        SaveState::UnsavedNew
    );
    assert_eq!(state.speech().title, "在会议上的讲话");
    assert_eq!(state.speech().greeting, "同志们：");
    assert_eq!(state.speech().opening, ["今天开会。"]);
    // The preview listed the guesses; no second notice repeats them over the speech.
    harness.run();
    assert!(harness.state().editor().messages().is_empty());
    assert!(harness.query_by_label("OK").is_none());
    // A never-saved import counts as modified: New asks first.
    press_command(&mut harness, Key::N);
    assert!(harness.query_by_label("Unsaved changes").is_some());
}

#[test]
fn a_bad_file_shows_an_error_with_its_path_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.lectern");
    std::fs::write(&bad, "this is not ron (((").unwrap();
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Title", "留着");
    send(&mut harness, Action::OpenPath(bad.clone()));
    harness.run();
    // Modified: the question comes first.
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(harness.query_by_label("Error").is_some());
    let error = messages(&harness)[0].clone();
    assert!(error.contains("broken.lectern"), "{error}");
    assert!(harness.query_by_label(&error).is_some());
    assert_eq!(harness.state().editor().speech().title, "留着");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(messages(&harness).is_empty());

    // A missing file, by drag and drop or the recent list, is an error too, not a crash.
    send(
        &mut harness,
        Action::OpenPath(dir.path().join("gone.lectern")),
    );
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(messages(&harness)[0].contains("gone.lectern"));
}

#[test]
fn a_failed_save_shows_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = new_harness();
    dialogs.push(Some(dir.path().join("no-such-folder").join("x.lectern")));
    press_command(&mut harness, Key::S);
    assert!(messages(&harness)[0].contains("x.lectern"));
    assert!(harness.state().editor().path().is_none());
}

#[test]
fn export_previews_and_writes_the_exported_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.txt");
    let (mut harness, dialogs) = new_harness();
    type_into(&mut harness, "Title", "在工作会议上的讲话");
    type_into(&mut harness, "Heading: Section 1", "提高站位");
    press_command(&mut harness, Key::E);
    let expected = export(harness.state().editor().speech(), &ExportOptions::chinese());
    assert!(harness.query_by_label(&expected).is_some(), "preview");
    dialogs.push(Some(path.clone()));
    harness.get_by_label("Save to file…").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    assert!(expected.contains("　　一、提高站位"));
    assert!(
        harness.query_by_label("Save to file…").is_none(),
        "dialog closed"
    );
}

#[test]
fn the_window_title_shows_the_file_and_a_modified_marker() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = new_harness();
    assert_eq!(harness.state().window_title(), "Untitled — Lectern");
    type_into(&mut harness, "Title", "标题");
    assert_eq!(harness.state().window_title(), "● Untitled — Lectern");
    dialogs.push(Some(dir.path().join("会议.lectern")));
    press_command(&mut harness, Key::S);
    assert_eq!(harness.state().window_title(), "会议.lectern — Lectern");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    use egui::{ViewportCommand, ViewportEvent, ViewportId};
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Title", "还没保存");
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(
        commands.contains(&ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Don't save").click();
    // The click is seen in one pass; the editor applies the answer in the next pass's logic.
    harness.step();
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
}

#[test]
fn an_unmodified_document_closes_without_a_question() {
    use egui::{ViewportCommand, ViewportEvent, ViewportId};
    let (mut harness, _) = new_harness();
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(!commands.contains(&ViewportCommand::CancelClose));
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_none());
}
