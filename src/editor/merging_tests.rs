//! Merge reviews in the editor: two reviewers' copies of the working copy merged, a conflict
//! resolved, the result accepted as one undo step with the base kept as a draft; conflicts kept
//! on save.

use super::*;
use crate::merge::ConflictChoice;
use crate::part::Field;

fn editor(d: &mut ScriptedDialogs) -> Editor {
    Editor::new(EditorOptions::default(), &mut Env::new(0.0, d))
}

fn apply(ed: &mut Editor, d: &mut ScriptedDialogs, action: Action) -> Vec<Effect> {
    ed.apply(action, &mut Env::new(10.0, d))
}

/// The working copy and two reviewers' copies of it as drafts: the first changed section 一's
/// phrase and section 二, the second the same phrase of 一 differently and section 三.
fn two_reviews(
    d: &mut ScriptedDialogs,
) -> (Editor, crate::project::DraftId, crate::project::DraftId) {
    let mut ed = editor(d);
    let ids: Vec<_> = ed.speech().sections.iter().map(|s| s.id).collect();
    for (id, text) in ids
        .iter()
        .zip(["一要加强学习。", "二要抓好落实。", "三要改进作风。"])
    {
        apply(
            &mut ed,
            d,
            Action::Edit(Edit::SetField {
                field: Field::Body(*id),
                text: text.into(),
            }),
        );
    }
    let base = ed.speech().clone();
    let mut first = base.clone();
    first.sections[0].paragraphs = vec!["一要认真加强学习。".into()];
    first.sections[1].paragraphs = vec!["二要全面抓好落实。".into()];
    let mut second = base.clone();
    second.sections[0].paragraphs = vec!["一要切实加强学习。".into()];
    second.sections[2].paragraphs = vec!["三要切实改进作风。".into()];
    for (speech, name) in [(first, "甲"), (second, "乙")] {
        apply(
            &mut ed,
            d,
            Action::Edit(Edit::AddDraft {
                speech: Box::new(speech),
                name: name.into(),
                note: None,
                now: chrono::Utc::now(),
            }),
        );
    }
    let (a, b) = (ed.drafts()[0].id, ed.drafts()[1].id);
    (ed, a, b)
}

#[test]
fn two_reviews_merge_and_the_result_is_one_undo_step() {
    let mut d = ScriptedDialogs::new();
    let (mut ed, first, second) = two_reviews(&mut d);
    let base = ed.speech().clone();
    apply(&mut ed, &mut d, Action::MergeReviews);
    let state = ed.merge_dialog().expect("the dialog is up");
    assert_eq!(
        state.base.as_ref().map(|i| &i.source),
        Some(&MergeSource::Working)
    );
    assert!(state.outcome.is_none());
    for (slot, id) in [(MergeSlot::Ours, first), (MergeSlot::Theirs, second)] {
        apply(
            &mut ed,
            &mut d,
            Action::SetMergeInput {
                slot,
                source: MergeSource::Draft(id),
            },
        );
    }
    let outcome = ed
        .merge_dialog()
        .and_then(|m| m.outcome.clone())
        .expect("merged");
    assert_eq!(outcome.conflicts.len(), 1, "{:?}", outcome.conflicts);
    assert!(outcome.conflicts[0].ours.contains("认真"));
    assert!(outcome.conflicts[0].theirs.contains("切实"));
    assert_eq!(outcome.open_count(), 1);
    apply(
        &mut ed,
        &mut d,
        Action::ChooseConflict {
            index: 0,
            choice: ConflictChoice::Theirs,
        },
    );
    let steps = ed.undo_steps();
    let drafts = ed.drafts().len();
    apply(
        &mut ed,
        &mut d,
        Action::AcceptMerge {
            base_name: "合并底稿".into(),
        },
    );
    assert!(ed.dialog().is_none());
    let paragraphs: Vec<_> = ed
        .speech()
        .sections
        .iter()
        .map(|s| s.paragraphs.join(""))
        .collect();
    assert_eq!(
        paragraphs,
        [
            "一要切实加强学习。",
            "二要全面抓好落实。",
            "三要切实改进作风。"
        ]
    );
    assert_eq!(ed.undo_steps(), steps + 1, "one undo step");
    assert_eq!(ed.drafts().len(), drafts + 1, "the base is kept as a draft");
    let kept = ed.drafts().last().expect("a draft");
    assert_eq!(kept.name, "合并底稿");
    assert_eq!(*kept.speech, base);
    assert!(ed.doc().conflicts.is_empty());
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(*ed.speech(), base);
    assert_eq!(ed.drafts().len(), drafts);
}

#[test]
fn open_conflicts_are_kept_in_the_document_and_its_file() {
    let mut d = ScriptedDialogs::new();
    let (mut ed, first, second) = two_reviews(&mut d);
    apply(&mut ed, &mut d, Action::MergeReviews);
    for (slot, id) in [(MergeSlot::Ours, first), (MergeSlot::Theirs, second)] {
        apply(
            &mut ed,
            &mut d,
            Action::SetMergeInput {
                slot,
                source: MergeSource::Draft(id),
            },
        );
    }
    apply(
        &mut ed,
        &mut d,
        Action::AcceptMerge {
            base_name: "Merge base".into(),
        },
    );
    assert_eq!(ed.doc().conflicts.len(), 1, "left open");
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要认真加强学习。"]);
    let project = ed.project();
    assert_eq!(project.conflicts.len(), 1, "saved with the project");
    // A project opened with conflicts keeps them when saved again.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("merged.lectern");
    crate::storage::save_project(&project, &path).expect("save");
    apply(&mut ed, &mut d, Action::OpenPath(path.clone()));
    if ed.dialog().is_some() {
        apply(&mut ed, &mut d, Action::ResolveUnsaved(Resolution::Discard));
    }
    assert_eq!(ed.doc().conflicts.len(), 1);
    apply(&mut ed, &mut d, Action::Save);
    let again = crate::storage::load_project(&path).expect("load");
    assert_eq!(again.conflicts, project.conflicts);
}

#[test]
fn a_reviewers_file_can_be_merged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    let (mut ed, first, _) = two_reviews(&mut d);
    let export = ed.export_text(&crate::export::ExportOptions::chinese());
    let file = dir.path().join("乙.txt");
    std::fs::write(&file, export.replace("三要改进作风", "三要大力改进作风")).expect("write");
    apply(&mut ed, &mut d, Action::MergeReviews);
    apply(
        &mut ed,
        &mut d,
        Action::SetMergeInput {
            slot: MergeSlot::Ours,
            source: MergeSource::Draft(first),
        },
    );
    d.push(Some(file.clone()));
    apply(
        &mut ed,
        &mut d,
        Action::SetMergeInput {
            slot: MergeSlot::Theirs,
            source: MergeSource::File(std::path::PathBuf::new()),
        },
    );
    let state = ed.merge_dialog().expect("up");
    assert_eq!(
        state.theirs.as_ref().map(|i| &i.source),
        Some(&MergeSource::File(file))
    );
    let outcome = state.outcome.as_ref().expect("merged");
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let texts: Vec<String> = outcome
        .speech
        .sections
        .iter()
        .map(|s| s.paragraphs.join(""))
        .collect();
    assert!(
        texts.contains(&"三要大力改进作风。".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"二要全面抓好落实。".to_string()),
        "{texts:?}"
    );
}

/// A `.lectern` file holding a merge of [`two_reviews`] with its one conflict left open
/// (section 一: ours `认真`, theirs `切实`), and the editor with it open.
fn file_with_a_conflict(
    d: &mut ScriptedDialogs,
    dir: &std::path::Path,
) -> (Editor, std::path::PathBuf) {
    let (ed, first, second) = two_reviews(d);
    let base = ed.speech().clone();
    let (Some(ours), Some(theirs)) = (ed.doc().draft(first), ed.doc().draft(second)) else {
        panic!("two drafts");
    };
    let merged = crate::merge::merge_speeches(&base, &ours.speech, &theirs.speech);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let mut project = crate::project::Project::new(merged.speech);
    project.conflicts = merged.conflicts;
    let path = dir.join("merged.lectern");
    crate::storage::save_project(&project, &path).expect("save");
    let mut ed = editor(d);
    apply(&mut ed, d, Action::OpenPath(path.clone()));
    assert_eq!(ed.conflicts().len(), 1, "opened with its conflict");
    (ed, path)
}

#[test]
fn conflicts_from_a_file_resolve_as_one_undo_step_and_are_saved_resolved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    let (mut ed, path) = file_with_a_conflict(&mut d, dir.path());
    let before = ed.doc().clone();
    assert!(!ed.can_apply(&Action::AcceptResolution), "no dialog yet");
    apply(&mut ed, &mut d, Action::ResolveConflicts);
    let state = ed.resolve_dialog().expect("the dialog is up");
    assert_eq!(state.choices, [ConflictChoice::Open]);
    assert!(ed.conflict_is_current(0));
    apply(
        &mut ed,
        &mut d,
        Action::ChooseConflict {
            index: 0,
            choice: ConflictChoice::Theirs,
        },
    );
    assert_eq!(ed.resolve_dialog().map(|s| s.open_count()), Some(0));
    let steps = ed.undo_steps();
    apply(&mut ed, &mut d, Action::AcceptResolution);
    assert!(ed.dialog().is_none());
    assert_eq!(ed.undo_steps(), steps + 1, "one undo step");
    assert!(ed.conflicts().is_empty());
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要切实加强学习。"]);
    assert_eq!(ed.speech().sections[1].paragraphs, ["二要全面抓好落实。"]);
    assert!(!ed.can_apply(&Action::ResolveConflicts), "nothing left");
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(*ed.doc(), before, "undo brings the conflict back");
    assert_eq!(ed.conflicts().len(), 1);
    apply(&mut ed, &mut d, Action::Redo);
    assert!(ed.conflicts().is_empty());
    apply(&mut ed, &mut d, Action::Save);
    let saved = crate::storage::load_project(&path).expect("load");
    assert!(saved.conflicts.is_empty());
    assert_eq!(saved.speech.sections[0].paragraphs, ["一要切实加强学习。"]);
    apply(&mut ed, &mut d, Action::OpenPath(path));
    assert!(ed.conflicts().is_empty(), "reopened: nothing to resolve");
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要切实加强学习。"]);
}

#[test]
fn undecided_conflicts_stay_and_own_text_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    let (mut ed, _) = file_with_a_conflict(&mut d, dir.path());
    // Accepting with nothing decided changes nothing and keeps the conflict.
    apply(&mut ed, &mut d, Action::ResolveConflicts);
    let steps = ed.undo_steps();
    apply(&mut ed, &mut d, Action::AcceptResolution);
    assert_eq!(ed.undo_steps(), steps);
    assert_eq!(ed.conflicts().len(), 1);
    // Typing before the conflict moves it; it is still found and resolved in place.
    let id = ed.speech().sections[0].id;
    apply(
        &mut ed,
        &mut d,
        Action::Edit(Edit::SetField {
            field: Field::Heading(id),
            text: "进一步提高站位".into(),
        }),
    );
    assert!(ed.conflict_is_current(0));
    apply(&mut ed, &mut d, Action::ResolveConflicts);
    apply(
        &mut ed,
        &mut d,
        Action::ChooseConflict {
            index: 0,
            choice: ConflictChoice::Edited("扎实加强".into()),
        },
    );
    apply(&mut ed, &mut d, Action::AcceptResolution);
    assert!(ed.conflicts().is_empty());
    assert_eq!(ed.speech().sections[0].heading, "进一步提高站位");
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要扎实加强学习。"]);
}

#[test]
fn a_conflict_whose_text_was_edited_away_is_no_longer_current() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    let (mut ed, _) = file_with_a_conflict(&mut d, dir.path());
    let id = ed.speech().sections[0].id;
    apply(
        &mut ed,
        &mut d,
        Action::Edit(Edit::SetField {
            field: Field::Body(id),
            text: "一要深入学习。".into(),
        }),
    );
    assert!(!ed.conflict_is_current(0));
    apply(&mut ed, &mut d, Action::ResolveConflicts);
    apply(
        &mut ed,
        &mut d,
        Action::ChooseConflict {
            index: 0,
            choice: ConflictChoice::Ours,
        },
    );
    apply(&mut ed, &mut d, Action::AcceptResolution);
    assert!(ed.conflicts().is_empty(), "dismissed");
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要深入学习。"]);
}
