//! Tests of the version-2 format: shared texts, stable keys, migration from version 1.

use std::path::Path;

use super::*;
use crate::model::{Section, SectionId};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_780_800 + seconds, 0).unwrap_or_default()
}

fn speech(opening: &str) -> Speech {
    Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec![opening.into(), String::new(), "下面，我讲三点意见。".into()],
        sections: vec![
            Section {
                id: SectionId(1),
                guidance: "讲清形势".into(),
                budget_minutes: Some(4.5),
                ..Section::new(
                    "提高政治站位",
                    vec!["一要学习。二要落实。".into(), "一是……二是……".into()],
                )
            },
            Section {
                id: SectionId(2),
                ..Section::new("狠抓工作落实", vec![])
            },
        ],
        closing: vec!["同志们，让我们共同努力！".into()],
        notes: vec!["根据录音整理".into()],
        guidance: Guidance {
            title: "会议名称加讲话".into(),
            ..Guidance::default()
        },
        ..Speech::default()
    }
}

/// A project whose drafts differ from one another in the first paragraph only.
fn project(drafts: usize) -> Project {
    let mut project = Project::new(speech("今天的会议很重要。"));
    for i in 0..drafts {
        project.speech.opening[0] = format!("第{i}稿的开头。");
        project.save_draft(
            format!("第{i}稿"),
            (i % 2 == 0).then(|| "送审".to_string()),
            DraftKind::Named,
            at(i as i64),
        );
    }
    project.speech.opening[0] = "定稿的开头。".into();
    project
}

fn load(text: &str) -> Result<Project> {
    project_from_ron(text, Path::new("t.lectern"))
}

#[test]
fn drafts_round_trip_through_the_shared_table() {
    let project = project(5);
    let text = project_to_ron(&project);
    assert!(text.starts_with("(\n    format_version: 2,"), "{text}");
    assert_eq!(load(&text).unwrap(), project);
    // Saving what was loaded gives the same text.
    assert_eq!(project_to_ron(&load(&text).unwrap()), text);
}

#[test]
fn a_text_shared_by_drafts_is_stored_once() {
    let text = project_to_ron(&project(30));
    // Once in the working copy, once in the table.
    assert_eq!(text.matches("一要学习。二要落实。").count(), 2, "{text}");
    assert_eq!(text.matches("讲清形势").count(), 2);
    // Each draft's own opening once.
    assert_eq!(text.matches("第7稿的开头。").count(), 1);
    // The empty paragraph of the opening keeps its place.
    assert!(text.contains(" - "), "{text}");
}

#[test]
fn adding_or_deleting_a_draft_moves_no_other_line() {
    let before = project(4);
    let mut after = before.clone();
    after.save_draft("第5稿", None, DraftKind::Automatic, at(100));
    let (old, new) = (project_to_ron(&before), project_to_ron(&after));
    assert_only_insertions(&old, &new);
    let mut thinned = before.clone();
    thinned.delete_draft(thinned.drafts[0].id);
    assert_only_insertions(&project_to_ron(&thinned), &old);
}

/// Every line of `small` appears in `large`, in order: `large` only adds lines.
fn assert_only_insertions(small: &str, large: &str) {
    let mut large_lines = large.lines();
    for line in small.lines() {
        assert!(
            large_lines.any(|l| l == line),
            "{line:?} moved or changed\n--- small\n{small}\n--- large\n{large}"
        );
    }
}

#[test]
fn texts_whose_keys_collide_both_survive() {
    // These two texts hash to the same first key candidate (d0bc5fd9).
    let (a, b) = ("第49752段。", "第65420段。");
    assert_eq!(text_key(a, 0), text_key(b, 0));
    let mut project = Project::new(speech("开头。"));
    project.speech.closing = vec![a.into(), b.into()];
    project.save_draft("两段", None, DraftKind::Named, at(0));
    let text = project_to_ron(&project);
    assert_eq!(load(&text).unwrap(), project, "{text}");
}

#[test]
fn a_missing_or_repeated_key_is_a_bad_project_naming_the_draft() {
    let text = project_to_ron(&project(2));
    let key = text_key("第1稿的开头。", 0);
    let missing = text.replacen(&format!("\"{key}\": "), "\"00000000\": ", 1);
    let err = load(&missing).unwrap_err();
    assert!(
        matches!(&err, Error::BadProject { problem: ProjectProblem::MissingText { draft: 2, key: k }, .. } if *k == key),
        "{err}"
    );
    let twice = text.replacen(
        "texts: {",
        &format!("texts: {{\n        \"{key}\": \"x\","),
        1,
    );
    let err = load(&twice).unwrap_err();
    assert!(err.to_string().contains("listed twice"), "{err}");
}

#[test]
fn the_version_1_fixture_loads_and_is_saved_as_version_2() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage/project-v1.lectern"
    ));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("format_version: 1"));
    let project = project_from_ron(&text, path).unwrap();
    let names: Vec<&str> = project.drafts.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["初稿", "二稿"]);
    assert_eq!(project.drafts[0].note.as_deref(), Some("送审前"));
    assert_eq!(
        project.drafts[0].speech.opening,
        ["这次大会是省委、省政府决定召开的一次重要会议。"]
    );
    assert_eq!(
        project.drafts[1].speech.opening,
        ["这次大会是经省委、省政府同意召开的一次重要会议。"]
    );
    assert!(project.speech.sections[2].paragraphs[0].contains("加大资金和人才投入"));
    assert_eq!(project.speech.sections.len(), 3);
    assert_eq!(
        project.drafts[0].speech.sections[0].id,
        project.speech.sections[0].id
    );
    let saved = project_to_ron(&project);
    assert!(saved.contains("format_version: 2"));
    assert!(saved.len() < text.len(), "{} ≥ {}", saved.len(), text.len());
    assert_eq!(load(&saved).unwrap(), project);
}

#[test]
fn versions_before_and_after_two() {
    let unversioned = r#"(speech: (title: "无版本"), drafts: [(id: (1), name: "a",
        created: "2026-11-27T08:00:00Z", speech: (title: "旧稿", opening: ["一段。"]))])"#;
    let old = load(unversioned).unwrap();
    assert_eq!(old.drafts[0].speech.opening, ["一段。"]);
    let newer = project_to_ron(&project(1)).replace("format_version: 2", "format_version: 3");
    assert!(matches!(
        load(&newer),
        Err(Error::NewerVersion {
            found: 3,
            supported: 2,
            ..
        })
    ));
}

#[test]
fn kept_changes_are_written_only_when_there_are_some_and_older_files_load_without_them() {
    use crate::part::Part;
    let mut project = project(1);
    let plain = project_to_ron(&project);
    assert!(!plain.contains("kept"), "no empty list in the file");
    assert!(load(&plain).unwrap().kept.is_empty());
    project.kept.push(crate::project::KeptChange {
        old: Some(Part::Section(SectionId(1))),
        new: Some(Part::Section(SectionId(1))),
        deleted: "学习".into(),
        inserted: "认真学习".into(),
    });
    let text = project_to_ron(&project);
    assert!(text.contains("kept:"), "{text}");
    assert!(text.contains("format_version: 2"));
    assert_eq!(load(&text).unwrap(), project);
    // A file written before the field existed (the version-1 fixture) loads with none kept.
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage/project-v1.lectern"
    ));
    let old = project_from_ron(&std::fs::read_to_string(path).unwrap(), path).unwrap();
    assert!(old.kept.is_empty());
}
