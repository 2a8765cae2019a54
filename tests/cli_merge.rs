//! `lectern merge`, run as the real binary, and as a git merge driver in a real repository.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lectern::merge::{ConflictKind, MERGE_BASE_DRAFT};
use lectern::model::{Section, Speech};
use lectern::project::Project;
use lectern::storage;

use crate::output::{code, s, stderr, stdout};

fn lectern(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .output()
        .expect("run lectern")
}

/// A speech with the traits of a real one: title, greeting, opening, three sections with points,
/// closing.
fn speech() -> Speech {
    Speech {
        title: "在全县秋冬季工作推进会上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["这次会议的主要任务是，部署秋冬季各项重点工作。".into()],
        sections: vec![
            Section::new(
                "认清形势，增强做好工作的责任感",
                vec!["一要看到成绩。今年以来，全县上下攻坚克难，主要指标好于预期。".into()],
            ),
            Section::new(
                "突出重点，确保各项任务落到实处",
                vec![
                    "一是抓好秋冬种。要完成小麦播种面积三十万亩。".into(),
                    "二是抓好水利建设。要新修渠道二十公里。".into(),
                ],
            ),
            Section::new(
                "加强领导，形成齐抓共管的工作合力",
                vec!["各乡镇要把这项工作摆上重要议事日程。".into()],
            ),
        ],
        closing: vec!["同志们，让我们振奋精神，扎实工作！".into()],
        ..Speech::default()
    }
}

fn save(dir: &Path, name: &str, speech: &Speech) -> PathBuf {
    let path = dir.join(name);
    // No backup file: in the repository it would be an untracked file of the test's own making.
    let text = storage::project_to_ron(&Project::new(speech.clone()));
    storage::write_atomic(&path, text.as_bytes(), false).expect("save");
    path
}

/// A clean merge of [`clean_pair`]: ours' change to the first section and theirs' to the third.
fn assert_takes_both(merged: &Project, ours: &Speech, theirs: &Speech) {
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.speech.sections[0].paragraphs,
        ours.sections[0].paragraphs
    );
    assert_eq!(
        merged.speech.sections[2].paragraphs,
        theirs.sections[2].paragraphs
    );
}

/// Ours: a phrase in section 一; theirs: a phrase in section 三 and the title.
fn clean_pair() -> (Speech, Speech, Speech) {
    let base = speech();
    let mut ours = base.clone();
    ours.sections[0].paragraphs[0] =
        "一要看到成绩。今年以来，全县上下团结一心、攻坚克难，主要指标好于预期。".into();
    let mut theirs = base.clone();
    theirs.sections[2].paragraphs[0] = "各乡镇党委、政府要把这项工作摆上重要议事日程。".into();
    (base, ours, theirs)
}

/// Both change 三十万亩 in section 二, differently.
fn conflicting_pair() -> (Speech, Speech, Speech) {
    let base = speech();
    let mut ours = base.clone();
    ours.sections[1].paragraphs[0] = "一是抓好秋冬种。要完成小麦播种面积三十五万亩。".into();
    let mut theirs = base.clone();
    theirs.sections[1].paragraphs[0] = "一是抓好秋冬种。要完成小麦播种面积四十万亩。".into();
    (base, ours, theirs)
}

#[test]
fn a_clean_merge_writes_both_changes_and_keeps_the_base_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = clean_pair();
    let b = save(dir.path(), "base.lectern", &base);
    let o = save(dir.path(), "ours.lectern", &ours);
    let t = save(dir.path(), "theirs.lectern", &theirs);
    let out = dir.path().join("merged.lectern");
    let run = lectern(&["merge", s(&b), s(&o), s(&t), "-o", s(&out)]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let merged = storage::load_project(&out).unwrap();
    assert_takes_both(&merged, &ours, &theirs);
    assert!(
        merged
            .drafts
            .iter()
            .any(|d| d.name == MERGE_BASE_DRAFT && *d.speech == base)
    );
}

#[test]
fn text_inputs_merge_to_text() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = clean_pair();
    let options = lectern::export::ExportOptions::chinese();
    let mut paths = Vec::new();
    for (name, sp) in [("b.txt", &base), ("o.txt", &ours), ("t.txt", &theirs)] {
        let path = dir.path().join(name);
        std::fs::write(&path, lectern::export::export(sp, &options)).unwrap();
        paths.push(path);
    }
    let run = lectern(&[
        "merge",
        s(&paths[0]),
        s(&paths[1]),
        s(&paths[2]),
        "--format",
        "txt",
    ]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let text = stdout(&run);
    assert!(text.contains("团结一心、攻坚克难"), "{text}");
    assert!(text.contains("各乡镇党委、政府"), "{text}");
    assert!(!text.contains("<<<<<<<"), "{text}");
}

#[test]
fn conflicts_exit_1_with_markers_inside_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = conflicting_pair();
    let b = save(dir.path(), "base.lectern", &base);
    let o = save(dir.path(), "ours.lectern", &ours);
    let t = save(dir.path(), "theirs.lectern", &theirs);
    let run = lectern(&["merge", s(&b), s(&o), s(&t), "--format", "txt"]);
    assert_eq!(code(&run), 1, "{}", stderr(&run));
    let text = stdout(&run);
    let line = text
        .lines()
        .find(|l| l.contains("<<<<<<< ours"))
        .unwrap_or_else(|| panic!("no marker in {text}"));
    assert!(
        line.contains("一是抓好秋冬种。要完成小麦播种面积"),
        "{line}"
    );
    assert!(
        line.contains("五") && line.contains("=======") && line.contains("四十"),
        "{line}"
    );
    assert!(line.contains(">>>>>>> theirs"), "{line}");

    // As a project: both alternatives kept.
    let out = dir.path().join("merged.lectern");
    let run = lectern(&["merge", s(&b), s(&o), s(&t), "-o", s(&out)]);
    assert_eq!(code(&run), 1);
    let merged = storage::load_project(&out).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.kind, ConflictKind::Text);
    assert!(c.ours.contains('五') && c.theirs.contains('四'), "{c:?}");
}

#[test]
fn bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let b = save(dir.path(), "base.lectern", &speech());
    let missing = dir.path().join("missing.lectern");
    let run = lectern(&["merge", s(&b), s(&missing), s(&b)]);
    assert_eq!(code(&run), 2, "{}", stderr(&run));
    let broken = dir.path().join("broken.lectern");
    std::fs::write(&broken, "(format_version: 2, speech: (").unwrap();
    let run = lectern(&["merge", s(&b), s(&broken), s(&b)]);
    assert_eq!(code(&run), 2, "{}", stderr(&run));
}

#[test]
fn an_existing_output_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = clean_pair();
    let b = save(dir.path(), "base.lectern", &base);
    let o = save(dir.path(), "ours.lectern", &ours);
    let t = save(dir.path(), "theirs.lectern", &theirs);
    let before = std::fs::read(&o).unwrap();
    let run = lectern(&["merge", s(&b), s(&o), s(&t), "-o", s(&o)]);
    assert_eq!(code(&run), 2, "{}", stderr(&run));
    assert_eq!(std::fs::read(&o).unwrap(), before);
    let run = lectern(&["merge", s(&b), s(&o), s(&t), "-o", s(&o), "--force"]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    assert_ne!(std::fs::read(&o).unwrap(), before);
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Lectern Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("run git")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with `speech.lectern` (the base) on `main`, the lectern merge driver set up, and
/// branches `ours` and `theirs` each committing their version.
fn repository(base: &Speech, ours: &Speech, theirs: &Speech) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git_ok(root, &["init", "-q"]);
    let driver = format!(
        "'{}' merge %O %A %B -o %A --force",
        env!("CARGO_BIN_EXE_lectern")
    );
    git_ok(root, &["config", "merge.lectern.name", "Lectern speeches"]);
    git_ok(root, &["config", "merge.lectern.driver", &driver]);
    std::fs::write(root.join(".gitattributes"), "*.lectern merge=lectern\n").unwrap();
    save(root, "speech.lectern", base);
    git_ok(root, &["add", "."]);
    git_ok(root, &["commit", "-qm", "base"]);
    git_ok(root, &["branch", "theirs"]);
    git_ok(root, &["checkout", "-qb", "ours"]);
    save(root, "speech.lectern", ours);
    git_ok(root, &["commit", "-qam", "ours"]);
    git_ok(root, &["checkout", "-q", "theirs"]);
    save(root, "speech.lectern", theirs);
    git_ok(root, &["commit", "-qam", "theirs"]);
    git_ok(root, &["checkout", "-q", "ours"]);
    dir
}

fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn as_a_git_merge_driver_different_sections_merge_and_the_same_phrase_conflicts() {
    if !git_available() {
        eprintln!("skipped: git is not installed");
        return;
    }
    // Different sections: git merge succeeds with both changes.
    let (base, ours, theirs) = clean_pair();
    let repo = repository(&base, &ours, &theirs);
    let root = repo.path();
    let out = git(root, &["merge", "--no-edit", "theirs"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = storage::load_project(&root.join("speech.lectern")).unwrap();
    // Only the driver keeps the base as a draft: git's own line merge of the file would not.
    assert!(
        merged.drafts.iter().any(|d| d.name == MERGE_BASE_DRAFT),
        "the driver ran"
    );
    assert_takes_both(&merged, &ours, &theirs);
    // No stray files (no backup next to the merged file).
    let status = git(root, &["status", "--porcelain"]);
    assert_eq!(
        stdout(&status),
        "",
        "the work tree is clean after the merge"
    );

    // The same phrase: git merge fails, the file holds both alternatives as data.
    let (base, ours, theirs) = conflicting_pair();
    let repo = repository(&base, &ours, &theirs);
    let root = repo.path();
    let out = git(root, &["merge", "--no-edit", "theirs"]);
    assert!(!out.status.success(), "a conflicting merge must fail");
    let merged = storage::load_project(&root.join("speech.lectern")).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert!(merged.conflicts[0].theirs.contains('四'));
    let status = stdout(&git(root, &["status", "--porcelain"]));
    assert!(status.contains("UU speech.lectern"), "{status}");
}
