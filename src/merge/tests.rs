#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use super::*;
use crate::model::Section;
use crate::project::Project;

fn speech() -> Speech {
    Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["今天召开会议，主要任务是总结工作。".into()],
        sections: vec![
            Section::new(
                "提高政治站位",
                vec!["要加强理论学习，提高思想认识。".into()],
            ),
            Section::new(
                "狠抓工作落实",
                vec!["今年要完成三项任务。".into(), "要压实责任。".into()],
            ),
            Section::new("加强组织领导", vec!["各级要高度重视。".into()]),
        ],
        closing: vec!["同志们，让我们共同努力！".into()],
        ..Speech::default()
    }
}

#[test]
fn different_sections_merge_cleanly() {
    let base = speech();
    let mut ours = base.clone();
    ours.sections[0].paragraphs[0] = "要切实加强理论学习，提高思想认识。".into();
    let mut theirs = base.clone();
    theirs.sections[2].heading = "切实加强组织领导".into();
    theirs.title = "在2026年全市工作会议上的讲话".into();
    let merged = merge_speeches(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(
        merged.speech.sections[0].paragraphs[0],
        ours.sections[0].paragraphs[0]
    );
    assert_eq!(merged.speech.sections[2].heading, "切实加强组织领导");
    assert_eq!(merged.speech.title, theirs.title);
}

#[test]
fn same_phrase_is_a_conflict_with_offsets_into_the_part() {
    let base = speech();
    let mut ours = base.clone();
    ours.sections[1].paragraphs[0] = "今年要完成五项任务。".into();
    let mut theirs = base.clone();
    theirs.sections[1].paragraphs[0] = "今年要完成四项任务。".into();
    let merged = merge_speeches(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.part, ConflictPart::Section(base.sections[1].id));
    assert_eq!(c.kind, ConflictKind::Text);
    assert_eq!(c.paragraph, 1);
    let text = c.part.text(&merged.speech).unwrap();
    assert_eq!(&text[c.start..c.end], c.ours);
    let marked = speech_with_markers(&merged.speech, &merged.conflicts);
    let para = &marked.sections[1].paragraphs[0];
    assert!(para.starts_with("今年要完成"), "{para}");
    assert!(
        para.contains("<<<<<<< ours 五") && para.contains("======= 四"),
        "{para}"
    );
    assert!(para.contains(">>>>>>> theirs"), "{para}");
}

#[test]
fn sections_added_removed_and_moved_on_one_side() {
    let base = speech();
    let mut ours = base.clone();
    ours.sections
        .insert(1, Section::new("深化改革创新", vec!["要敢于突破。".into()]));
    let mut theirs = base.clone();
    theirs.sections.remove(2);
    theirs.sections.swap(0, 1);
    let merged = merge_speeches(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let headings: Vec<&str> = merged
        .speech
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["狠抓工作落实", "提高政治站位", "深化改革创新"]);
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_is_kept_as_a_conflict() {
    let base = speech();
    let mut ours = base.clone();
    ours.sections[2].paragraphs[0] = "各级党委要高度重视。".into();
    let mut theirs = base.clone();
    theirs.sections.remove(2);
    let merged = merge_speeches(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::RemovedByTheirs);
    assert_eq!(merged.speech.sections.len(), 3);
    assert_eq!(
        merged.speech.sections[2].paragraphs[0],
        "各级党委要高度重视。"
    );
}

#[test]
fn the_same_section_added_on_both_sides_is_kept_once() {
    let base = speech();
    let added = Section::new("深化改革创新", vec!["要敢于突破。".into()]);
    let mut ours = base.clone();
    ours.sections.push(added.clone());
    let mut theirs = base.clone();
    theirs.sections.push(Section {
        id: SectionId::new(),
        ..added
    });
    let merged = merge_speeches(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.speech.sections.len(), 4);
}

#[test]
fn a_merged_project_keeps_the_base_as_a_draft_and_its_conflicts_in_the_file() {
    let base = Project::new(speech());
    let mut ours = base.clone();
    ours.speech.greeting = "各位同志：".into();
    let mut theirs = base.clone();
    theirs.speech.greeting = "同志们、朋友们：".into();
    let merged = merge_projects(&base, &ours, &theirs, chrono::Utc::now());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.drafts.len(), 1);
    assert_eq!(merged.drafts[0].name, MERGE_BASE_DRAFT);
    assert_eq!(*merged.drafts[0].speech, base.speech);
    let ron = crate::storage::project_to_ron(&merged);
    assert!(ron.contains("conflicts"));
    let loaded = crate::storage::project_from_ron(&ron, std::path::Path::new("x.lectern")).unwrap();
    assert_eq!(loaded.conflicts, merged.conflicts);
    // A file without conflicts does not mention them, and still loads.
    let plain = crate::storage::project_to_ron(&base);
    assert!(!plain.contains("conflicts"));
    assert!(crate::storage::project_from_ron(&plain, std::path::Path::new("x.lectern")).is_ok());
}
