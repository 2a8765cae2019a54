//! Saving in the background: the write happens on a worker, the editor goes on, and nothing is
//! lost whether the write succeeds or fails.

use std::path::Path;

use super::*;
use crate::part::Field;

fn background_editor(dialogs: &mut ScriptedDialogs) -> Editor {
    Editor::new(
        EditorOptions {
            background_saves: true,
            ..EditorOptions::default()
        },
        &mut Env::new(0.0, dialogs),
    )
}

fn type_title(ed: &mut Editor, dialogs: &mut ScriptedDialogs, secs: f64, title: &str) {
    ed.apply(
        Action::Edit(Edit::SetField {
            field: Field::Title,
            text: title.into(),
        }),
        &mut Env::new(secs, dialogs),
    );
}

/// Ticks until no save is running (at most five seconds); returns the effects the ticks gave.
fn tick_until_saved(ed: &mut Editor, dialogs: &mut ScriptedDialogs) -> Vec<Effect> {
    let started = std::time::Instant::now();
    let mut effects = Vec::new();
    while ed.is_saving() {
        assert!(started.elapsed().as_secs() < 5, "the save never finished");
        std::thread::sleep(std::time::Duration::from_millis(5));
        ed.tick(&mut Env::new(1.0, dialogs));
        effects.extend(ed.take_effects());
    }
    effects
}

fn title_on_disk(path: &Path) -> String {
    crate::storage::load_project(path)
        .expect("load")
        .speech
        .title
}

#[test]
fn a_background_save_finishes_on_a_tick_and_typing_during_it_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("讲话.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = background_editor(&mut d);
    type_title(&mut ed, &mut d, 0.0, "存盘时的标题");
    d.push(Some(path.clone()));
    ed.apply(Action::Save, &mut Env::new(0.5, &mut d));
    assert!(ed.is_saving(), "the write is left to the worker");
    assert!(ed.is_modified(), "not saved until the file holds it");
    // Typing goes on while the worker writes.
    type_title(&mut ed, &mut d, 0.6, "存盘后又改的标题");
    tick_until_saved(&mut ed, &mut d);
    assert_eq!(title_on_disk(&path), "存盘时的标题");
    assert_eq!(ed.path(), Some(path.as_path()));
    assert_eq!(ed.speech().title, "存盘后又改的标题", "no keystroke lost");
    assert!(ed.is_modified(), "the later typing is not in the file yet");
    assert_eq!(
        ed.project().drafts.len(),
        1,
        "the automatic draft of the save"
    );
}

#[test]
fn a_second_save_waits_for_the_first_and_writes_the_newer_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("讲话.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = background_editor(&mut d);
    type_title(&mut ed, &mut d, 0.0, "第一稿");
    d.push(Some(path.clone()));
    ed.apply(Action::Save, &mut Env::new(0.5, &mut d));
    type_title(&mut ed, &mut d, 0.6, "第二稿");
    // The path is not the document's until the first write is done: Save asks again.
    d.push(Some(path.clone()));
    ed.apply(Action::Save, &mut Env::new(0.7, &mut d));
    tick_until_saved(&mut ed, &mut d);
    assert_eq!(title_on_disk(&path), "第二稿");
    assert!(!ed.is_modified());
}

#[test]
fn a_failed_background_save_is_reported_and_loses_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The parent "folder" is a file: the write must fail.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").expect("write");
    let path = blocker.join("讲话.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = background_editor(&mut d);
    type_title(&mut ed, &mut d, 0.0, "不能丢的标题");
    d.push(Some(path.clone()));
    ed.apply(Action::Save, &mut Env::new(0.5, &mut d));
    tick_until_saved(&mut ed, &mut d);
    assert!(
        ed.messages()
            .iter()
            .any(|m| matches!(m, Message::Failed(_))),
        "{:?}",
        ed.messages()
    );
    assert!(ed.is_modified());
    assert_eq!(ed.path(), None, "still the unsaved new speech");
    assert_eq!(ed.speech().title, "不能丢的标题");
    // Saving elsewhere then works.
    let good = dir.path().join("好的.lectern");
    d.push(Some(good.clone()));
    ed.apply(Action::Save, &mut Env::new(1.0, &mut d));
    tick_until_saved(&mut ed, &mut d);
    assert_eq!(title_on_disk(&good), "不能丢的标题");
}

#[test]
fn closing_with_save_closes_once_the_background_write_is_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("讲话.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = background_editor(&mut d);
    type_title(&mut ed, &mut d, 0.0, "关窗前的标题");
    ed.apply(Action::CloseRequested, &mut Env::new(0.5, &mut d));
    assert!(matches!(ed.dialog(), Some(Dialog::Unsaved { .. })));
    d.push(Some(path.clone()));
    let now = ed.apply(
        Action::ResolveUnsaved(Resolution::Save),
        &mut Env::new(0.6, &mut d),
    );
    assert!(
        !now.contains(&Effect::CloseWindow),
        "not before the file is written"
    );
    let later = tick_until_saved(&mut ed, &mut d);
    assert_eq!(later, [Effect::CloseWindow]);
    assert_eq!(title_on_disk(&path), "关窗前的标题");
}
