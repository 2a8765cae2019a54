//! Conflicts a merge left in a `.lectern` file (`lectern merge … -o out.lectern`), resolved in
//! the window: the status bar says so, the Resolve merge conflicts dialog shows both versions,
//! the choice is written as one undo step and saved.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::Action;
use lectern::merge::merge_speeches;
use lectern::model::{Section, Speech};
use lectern::project::Project;
use lectern::ui::LecternApp;

type H = Harness<'static, LecternApp>;

/// Writes a merge of two reviewers' copies with one conflict left open (section 一: the first
/// wrote `认真`, the second `刻苦`) and returns its path.
fn merged_file(dir: &std::path::Path) -> std::path::PathBuf {
    let base = Speech {
        title: "在全市工作会议上的讲话".into(),
        sections: vec![
            Section::new("提高站位", vec!["一要学习。二要落实。".into()]),
            Section::new("狠抓落实", vec!["三要检查。".into()]),
        ],
        ..Speech::default()
    };
    let mut ours = base.clone();
    ours.sections[0].paragraphs = vec!["一要认真学习。二要落实。".into()];
    let mut theirs = base.clone();
    theirs.sections[0].paragraphs = vec!["一要刻苦学习。二要落实。".into()];
    theirs.sections[1].paragraphs = vec!["三要严格检查。".into()];
    let merged = merge_speeches(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let mut project = Project::new(merged.speech);
    project.conflicts = merged.conflicts;
    let path = dir.join("merged.lectern");
    lectern::storage::save_project(&project, &path).expect("save");
    path
}

fn paragraphs(harness: &H) -> Vec<String> {
    harness
        .state()
        .editor()
        .speech()
        .sections
        .iter()
        .map(|s| s.paragraphs.join(""))
        .collect()
}

#[test]
fn a_conflict_in_a_file_is_resolved_as_theirs_saved_and_reopened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = merged_file(dir.path());
    let (mut harness, _) = new_harness();
    assert!(!shows(&harness, "1 merge conflict"));
    send(&mut harness, Action::OpenPath(path.clone()));
    // The status bar says so; the command is in the Draft menu too.
    assert!(shows(&harness, "1 merge conflict"));
    harness.get_by_label("1 merge conflict").click();
    harness.run();
    assert!(shows(&harness, "1 of 1 conflicts open"));
    assert!(harness.query_all_by_label_contains("认真").next().is_some());
    assert!(harness.query_all_by_label_contains("刻苦").next().is_some());
    harness.get_by_label("Use the second: 1").click();
    harness.run();
    assert!(shows(&harness, "0 of 1 conflicts open"));
    let steps = harness.state().editor().undo_steps();
    harness.get_by_label("Apply choices").click();
    harness.run();
    assert!(harness.state().editor().dialog().is_none());
    assert_eq!(harness.state().editor().undo_steps(), steps + 1);
    assert_eq!(
        paragraphs(&harness),
        ["一要刻苦学习。二要落实。", "三要严格检查。"]
    );
    assert!(!shows(&harness, "1 merge conflict"));
    press_command(&mut harness, egui::Key::S);
    let saved = lectern::storage::load_project(&path).expect("load");
    assert!(saved.conflicts.is_empty());
    assert_eq!(
        saved.speech.sections[0].paragraphs,
        ["一要刻苦学习。二要落实。"]
    );
    // Reopened: nothing to resolve, the text is theirs.
    send(&mut harness, Action::OpenPath(path.clone()));
    assert!(harness.state().editor().conflicts().is_empty());
    assert!(!shows(&harness, "1 merge conflict"));
    assert_eq!(
        paragraphs(&harness),
        ["一要刻苦学习。二要落实。", "三要严格检查。"]
    );
}

#[test]
fn undo_brings_the_conflict_back_and_the_command_opens_the_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = merged_file(dir.path());
    let (mut harness, _) = new_harness();
    send(&mut harness, Action::OpenPath(path));
    harness.get_by_label("Draft").click();
    harness.run();
    harness.get_by_label("Resolve merge conflicts…").click();
    harness.run();
    assert!(shows(&harness, "1 of 1 conflicts open"));
    harness.get_by_label("Use the second: 1").click();
    harness.run();
    harness.get_by_label("Apply choices").click();
    harness.run();
    assert!(harness.state().editor().conflicts().is_empty());
    press_command(&mut harness, egui::Key::Z);
    assert_eq!(harness.state().editor().conflicts().len(), 1);
    assert_eq!(
        paragraphs(&harness),
        ["一要认真学习。二要落实。", "三要严格检查。"]
    );
    assert!(shows(&harness, "1 merge conflict"));
}
