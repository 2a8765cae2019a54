//! Nothing lost, from the window: autosave to the recovery store, the recovery prompt at start,
//! automatic drafts on save, and the question before overwriting a file changed on disk.
//! Every recovery folder here is a temporary one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;
use chrono::{Duration, Utc};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::{Action, RecoveryOptions, ScriptedDialogs};
use lectern::model::Speech;
use lectern::project::{DraftKind, Project};
use lectern::recovery::{RecoveryKey, RecoveryStatus, RecoveryStore};
use lectern::storage::{load_project, save_project, stamp};
use lectern::ui::i18n::UiLanguage;
use lectern::ui::status::SaveState;
use lectern::ui::{AppOptions, LecternApp, PassClock, UiPrefs};

/// The editor in English with autosave to `data`, opening `initial` if given.
fn recovering(
    dialogs: &ScriptedDialogs,
    data: &Path,
    initial: Option<PathBuf>,
) -> Harness<'static, LecternApp> {
    recovering_by(dialogs, data, initial, PassClock::Input)
}

/// [`recovering`] with the editor's clock given.
fn recovering_by(
    dialogs: &ScriptedDialogs,
    data: &Path,
    initial: Option<PathBuf>,
    clock: PassClock,
) -> Harness<'static, LecternApp> {
    harness(LecternApp::new(AppOptions {
        dialogs: Box::new(dialogs.clone()),
        opener: Box::new(lectern::editor::NoOpener),
        prefs: UiPrefs {
            language: Some(UiLanguage::En),
            show_drafts: true,
            ..UiPrefs::default()
        },
        initial_path: initial,
        system_locale: None,
        recovery: Some(RecoveryOptions::in_dir(data)),
        warn_without_recovery: false,
        background_saves: false,
        clock,
    }))
}

fn speech(title: &str, body: &str) -> Project {
    Project::new(Speech {
        title: title.into(),
        greeting: "同志们：".into(),
        opening: vec![body.into()],
        ..Speech::default()
    })
}

/// A saved document last changed an hour ago, and a recovery of it written now holding
/// `recovered`. Returns the document's canonical path and the recovery file.
fn document_with_recovery(docs: &Path, store: &RecoveryStore, recovered: &Project) -> PathBuf {
    let doc = docs.join("讲话.lectern");
    save_project(&speech("原稿", "磁盘上的开场。"), &doc).unwrap();
    let an_hour_ago = Utc::now() - Duration::hours(1);
    fs::OpenOptions::new()
        .write(true)
        .open(&doc)
        .unwrap()
        .set_modified(an_hour_ago.into())
        .unwrap();
    let known = stamp(&doc).unwrap();
    let key = RecoveryKey::for_document(&doc);
    store
        .write(&key, recovered, known.as_ref(), Utc::now())
        .unwrap();
    fs::canonicalize(&doc).unwrap()
}

/// The recovery files in `data`.
fn recovery_files(data: &Path) -> Vec<PathBuf> {
    match fs::read_dir(data) {
        Ok(listing) => listing
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".recovery.lectern"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Steps frames (a quarter second each) until a recovery file appears; returns the seconds
/// it took. Panics after `limit_secs`.
fn wait_for_recovery(
    harness: &mut Harness<'static, LecternApp>,
    data: &Path,
    limit_secs: f64,
) -> f64 {
    let mut secs = 0.0;
    while recovery_files(data).is_empty() {
        assert!(secs <= limit_secs, "no recovery file after {secs} s");
        harness.step();
        secs += 0.25;
    }
    secs
}

#[test]
fn restore_puts_the_recovered_text_in_the_window_as_a_modified_document() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = document_with_recovery(docs.path(), &store, &speech("修改稿", "崩溃前写下的开场。"));
    let dialogs = ScriptedDialogs::new();
    let mut harness = recovering(&dialogs, data.path(), Some(doc.clone()));
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_some());
    assert!(harness.query_by_label(&doc.display().to_string()).is_some());
    // The document as on disk is open behind the prompt.
    assert_eq!(harness.state().editor().speech().title, "原稿");

    harness
        .get_by_label(&format!("Restore: {}", doc.display()))
        .click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_none());
    let state = harness.state().editor();
    assert_eq!(state.speech().title, "修改稿");
    assert_eq!(state.speech().opening, ["崩溃前写下的开场。"]);
    assert_eq!(state.path(), Some(doc.as_path()));
    assert!(state.is_modified());
    assert_eq!(lectern::ui::status::save_state(state), SaveState::Modified);
    // Kept until saved: a crash now still has it.
    assert_eq!(recovery_files(data.path()).len(), 1);
    assert_eq!(load_project(&doc).unwrap().speech.title, "原稿");

    // Save writes to the original file (it did not change on disk) and the recovery goes.
    press_command(&mut harness, Key::S);
    assert!(shows(&harness, "Saved"), "the status bar says it is saved");
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(load_project(&doc).unwrap().speech.title, "修改稿");
    assert!(recovery_files(data.path()).is_empty());
    assert!(!harness.state().editor().is_modified());
    assert!(dialogs.calls().is_empty(), "no file picker");
}

#[test]
fn discard_deletes_the_recovery_file_and_keeps_the_document_as_on_disk() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = document_with_recovery(docs.path(), &store, &speech("修改稿", "不要了。"));
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), Some(doc.clone()));
    harness.run();
    harness
        .get_by_label(&format!("Discard: {}", doc.display()))
        .click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_none());
    assert!(recovery_files(data.path()).is_empty());
    let state = harness.state().editor();
    assert_eq!(state.speech().title, "原稿");
    assert_eq!(state.speech().opening, ["磁盘上的开场。"]);
    assert!(!state.is_modified());
    assert_eq!(load_project(&doc).unwrap().speech.title, "原稿");
}

/// While the window is minimised eframe runs `App::logic` alone: no frame is drawn and egui's
/// input time stands still. Autosave must still come due (issue 9: it did not).
#[test]
fn typing_is_autosaved_while_only_logic_runs_as_when_minimised() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = recovering_by(
        &ScriptedDialogs::new(),
        data.path(),
        None,
        PassClock::monotonic(),
    );
    harness.run();
    type_into(&mut harness, "Title", "最小化之前写的标题");
    assert!(recovery_files(data.path()).is_empty(), "not yet written");
    // Minimised: only logic passes, with the input (and its time) left as it was.
    let ctx = harness.ctx.clone();
    let started = std::time::Instant::now();
    while recovery_files(data.path()).is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(6),
            "no recovery file after 6 s of logic-only passes"
        );
        let frozen = ctx.input(|i| i.time);
        let _output: egui::LogicOutput = ctx.run_logic(&egui::RawInput::default(), |ctx| {
            harness.state_mut().logic_pass(ctx);
        });
        assert_eq!(
            ctx.input(|i| i.time),
            frozen,
            "logic passes leave the input alone"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let scan = RecoveryStore::new(data.path()).pending().unwrap();
    assert_eq!(
        scan.pending[0].load().unwrap().speech.title,
        "最小化之前写的标题"
    );
}

#[test]
fn typing_is_autosaved_within_the_delay_even_without_more_input() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    assert!(shows(&harness, "Unsaved new file"), "the editor is up");
    assert!(harness.query_by_label("Recover unsaved work").is_none());
    type_into(&mut harness, "Title", "深夜写的标题");
    // The editor asked to be woken up for the write, no later than the delay.
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(delay <= std::time::Duration::from_secs(2), "{delay:?}");
    let waited = wait_for_recovery(&mut harness, data.path(), 5.0);
    assert!(waited <= 2.0, "written {waited} s after the last frame");

    let scan = RecoveryStore::new(data.path()).pending().unwrap();
    assert_eq!(scan.pending.len(), 1, "{scan:?}");
    let entry = &scan.pending[0];
    assert_eq!(entry.status, RecoveryStatus::NeverSaved);
    assert_eq!(entry.load().unwrap().speech.title, "深夜写的标题");

    // The next edit rewrites the same file.
    type_into(&mut harness, "Greeting", "各位");
    harness.run_steps(12);
    let scan = RecoveryStore::new(data.path()).pending().unwrap();
    assert_eq!(scan.pending.len(), 1);
    assert_eq!(
        scan.pending[0].load().unwrap().speech.greeting,
        "同志们：各位"
    );
}

#[test]
fn an_open_document_is_autosaved_under_its_own_key_and_never_over_the_file() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let doc = docs.path().join("a.lectern");
    save_project(&speech("原稿", "开场。"), &doc).unwrap();
    let bytes = fs::read(&doc).unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), Some(doc.clone()));
    harness.run();
    type_into(&mut harness, "Title", "改");
    wait_for_recovery(&mut harness, data.path(), 5.0);
    let store = RecoveryStore::new(data.path());
    let file = store.path_for(&RecoveryKey::for_document(&doc));
    assert!(file.exists());
    assert_eq!(fs::read(&doc).unwrap(), bytes);
    let entry = &store.pending().unwrap().pending[0];
    assert_eq!(entry.load().unwrap().speech.title, "原稿改");

    // Undo back to the file's content: nothing left to recover.
    press_command(&mut harness, Key::Z);
    harness.run();
    assert!(!harness.state().editor().is_modified());
    assert!(!file.exists());
}

#[test]
fn saving_removes_the_recovery_file_and_keeps_an_automatic_draft() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = docs.path().join("新稿.lectern");
    let dialogs = ScriptedDialogs::new();
    let mut harness = recovering(&dialogs, data.path(), None);
    harness.run();
    type_into(&mut harness, "Title", "第一稿");
    wait_for_recovery(&mut harness, data.path(), 5.0);

    dialogs.push(Some(path.clone()));
    press_command(&mut harness, Key::S);
    assert!(recovery_files(data.path()).is_empty());
    let state = harness.state().editor();
    assert!(
        !state.is_modified(),
        "the automatic draft does not make it modified"
    );
    assert_eq!(harness.state().window_title(), "新稿.lectern — Lectern");
    let automatic: Vec<_> = state
        .drafts()
        .iter()
        .filter(|d| d.kind == DraftKind::Automatic)
        .collect();
    assert_eq!(automatic.len(), 1);
    assert_eq!(automatic[0].speech.title, "第一稿");
    assert_eq!(load_project(&path).unwrap().drafts, state.drafts());
    // Listed with the other drafts and restorable the same way.
    harness.run();
    assert!(harness.query_by_label("Automatic drafts (1)").is_some());

    // Keyed by the saved file from now on (re-keyed after Save As).
    type_into(&mut harness, "Title", "第二稿");
    wait_for_recovery(&mut harness, data.path(), 5.0);
    let store = RecoveryStore::new(data.path());
    assert!(store.path_for(&RecoveryKey::for_document(&path)).exists());
    press_command(&mut harness, Key::S);
    assert!(recovery_files(data.path()).is_empty());
    assert_eq!(
        harness
            .state()
            .editor()
            .drafts()
            .iter()
            .filter(|d| d.kind == DraftKind::Automatic)
            .count(),
        2
    );
    let first = harness.state().editor().drafts()[0].id;
    send(&mut harness, Action::RestoreDraft(first));
    harness.run();
    assert_eq!(harness.state().editor().speech().title, "第一稿");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let doc = docs.path().join("b.lectern");
    save_project(&speech("原稿", "开场。"), &doc).unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = recovering(&dialogs, data.path(), Some(doc.clone()));
    harness.run();
    type_into(&mut harness, "Title", "我的修改");
    // A sync tool writes another version.
    save_project(&speech("同步来的", "别人的开场。"), &doc).unwrap();
    let theirs = fs::read(&doc).unwrap();

    press_command(&mut harness, Key::S);
    assert!(harness.query_by_label("The file changed on disk").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(fs::read(&doc).unwrap(), theirs);
    assert!(harness.state().editor().is_modified());

    // Save as… writes elsewhere and leaves their file alone.
    press_command(&mut harness, Key::S);
    let other = docs.path().join("mine.lectern");
    dialogs.push(Some(other.clone()));
    harness.get_by_label("Save As…").click();
    harness.run();
    assert_eq!(fs::read(&doc).unwrap(), theirs);
    assert_eq!(load_project(&other).unwrap().speech.title, "原稿我的修改");
    assert_eq!(harness.state().editor().path(), Some(other.as_path()));

    // Back on their file: Overwrite writes.
    send(&mut harness, Action::OpenPath(doc.clone()));
    harness.run();
    type_into(&mut harness, "Title", "再改");
    fs::write(&doc, fs::read(&other).unwrap()).unwrap();
    press_command(&mut harness, Key::S);
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(load_project(&doc).unwrap().speech.title, "同步来的再改");
    assert!(!harness.state().editor().is_modified());
    // Saved: the next save does not ask.
    type_into(&mut harness, "Greeting", "各位");
    press_command(&mut harness, Key::S);
    assert!(shows(&harness, "Saved"), "the status bar says it is saved");
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(load_project(&doc).unwrap().speech.greeting, "同志们：各位");
}

#[test]
fn a_recovery_of_a_file_changed_elsewhere_says_so_and_save_asks() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = document_with_recovery(docs.path(), &store, &speech("我的", "开场。"));
    // Another program rewrote the document before the crash, an hour ago.
    save_project(&speech("别人的", "开场。"), &doc).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(&doc)
        .unwrap()
        .set_modified((Utc::now() - Duration::minutes(59)).into())
        .unwrap();
    let theirs = fs::read(&doc).unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("The file has also changed on disk")
            .is_some()
    );
    harness
        .get_by_label(&format!("Restore: {}", doc.display()))
        .click();
    harness.run();
    assert_eq!(harness.state().editor().speech().title, "我的");
    press_command(&mut harness, Key::S);
    assert!(harness.query_by_label("The file changed on disk").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(fs::read(&doc).unwrap(), theirs);
}

#[test]
fn dont_save_on_close_removes_the_recovery_file() {
    use egui::{ViewportEvent, ViewportId};
    let data = tempfile::tempdir().unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    type_into(&mut harness, "Title", "不要了");
    wait_for_recovery(&mut harness, data.path(), 5.0);
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run_steps(12);
    assert!(recovery_files(data.path()).is_empty());
}

#[test]
fn unreadable_recovery_files_are_one_error_and_the_rest_is_offered() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    store
        .write(
            &RecoveryKey::new_unsaved(),
            &speech("没保存的", "开场。"),
            None,
            Utc::now(),
        )
        .unwrap();
    let bad = data.path().join("doc-0000000000000000.recovery.lectern");
    fs::write(&bad, b"\x89PNG garbage").unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    let errors = messages(&harness);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(&*bad.to_string_lossy()), "{}", errors[0]);
    harness.get_by_label("OK").click();
    harness.run();
    let name = "Unsaved speech — 没保存的";
    assert!(harness.query_by_label(name).is_some());
    harness.get_by_label(&format!("Restore: {name}")).click();
    harness.run();
    let state = harness.state().editor();
    assert_eq!(state.speech().title, "没保存的");
    assert_eq!(
        lectern::ui::status::save_state(state),
        SaveState::UnsavedNew
    );
    assert!(bad.exists(), "left in place");
}

#[test]
fn a_failing_recovery_write_is_shown_once_and_editing_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("recovery");
    fs::create_dir(&folder).unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), &folder, None);
    harness.run();
    assert!(messages(&harness).is_empty());
    // The folder turns into a file after start: every write fails.
    fs::remove_dir(&folder).unwrap();
    fs::write(&folder, "not a folder").unwrap();
    type_into(&mut harness, "Title", "一");
    harness.run_steps(12);
    let errors = messages(&harness);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("Autosave could not write"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains(&*folder.to_string_lossy()),
        "{}",
        errors[0]
    );
    harness.get_by_label("OK").click();
    harness.run();
    type_into(&mut harness, "Title", "二");
    harness.run_steps(12);
    assert!(messages(&harness).is_empty(), "shown once");
    assert_eq!(harness.state().editor().speech().title, "一二");

    // It works again once the folder is back; a later failure is shown again.
    fs::remove_file(&folder).unwrap();
    fs::create_dir(&folder).unwrap();
    type_into(&mut harness, "Title", "三");
    wait_for_recovery(&mut harness, &folder, 5.0);
    assert!(messages(&harness).is_empty());
}

#[test]
fn an_unusable_recovery_folder_at_start_is_one_error() {
    let data = tempfile::tempdir().unwrap();
    let blocked = data.path().join("recovery");
    fs::write(&blocked, "not a folder").unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), &blocked, None);
    harness.run();
    assert_eq!(messages(&harness).len(), 1);
    harness.get_by_label("OK").click();
    harness.run();
    type_into(&mut harness, "Title", "照常写");
    harness.run_steps(12);
    assert!(messages(&harness).is_empty(), "not again for each write");
    assert_eq!(harness.state().editor().speech().title, "照常写");
}

#[test]
fn with_several_recoveries_the_prompt_stays_and_replacing_a_restored_one_asks_first() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let first = RecoveryKey::new_unsaved();
    let second = RecoveryKey::new_unsaved();
    let now = Utc::now();
    store
        .write(
            &first,
            &speech("甲", "一。"),
            None,
            now - Duration::minutes(5),
        )
        .unwrap();
    store
        .write(&second, &speech("乙", "二。"), None, now)
        .unwrap();
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    harness.get_by_label("Restore: Unsaved speech — 甲").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().title, "甲");
    // The other one is still offered.
    assert!(harness.query_by_label("Recover unsaved work").is_some());
    harness.get_by_label("Restore: Unsaved speech — 乙").click();
    harness.run();
    // 甲 is modified (never saved): the usual question first.
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().title, "乙");
    assert!(!store.path_for(&first).exists(), "甲 was discarded");
    assert!(store.path_for(&second).exists(), "乙 is kept until saved");
    assert!(harness.query_by_label("Recover unsaved work").is_none());
}

#[test]
fn a_recovery_left_for_later_is_offered_on_open_and_never_overwritten() {
    let docs = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = document_with_recovery(docs.path(), &store, &speech("崩溃前", "留着。"));
    let mut harness = recovering(&ScriptedDialogs::new(), data.path(), None);
    harness.run();
    harness.get_by_label("Decide later").click();
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_none());

    // Opening that file offers its recovery again.
    send(&mut harness, Action::OpenPath(doc.clone()));
    harness.run();
    assert!(harness.query_by_label("Recover unsaved work").is_some());
    harness.get_by_label("Decide later").click();
    harness.run();

    // Editing it autosaves without writing over the recovery left for later.
    type_into(&mut harness, "Title", "新");
    harness.run_steps(12);
    let scan = store.pending().unwrap();
    let mut titles: Vec<String> = scan
        .pending
        .iter()
        .map(|e| e.load().unwrap().speech.title)
        .collect();
    titles.sort();
    assert_eq!(titles, ["原稿新", "崩溃前"]);
    assert!(
        scan.pending
            .iter()
            .all(|e| e.document.as_deref() == Some(doc.as_path()))
    );
}
