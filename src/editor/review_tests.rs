//! The compare view's default pair and reviewing a reviewer's copy: take and keep resolve a
//! change (one undo step each), the open count drops, next change skips what is done.

use super::*;
use crate::diff::review::PartKey;
use crate::model::Section;
use crate::part::Field;
use crate::project::{DraftKind, DraftOrigin};

fn editor(d: &mut ScriptedDialogs) -> Editor {
    Editor::new(EditorOptions::default(), &mut Env::new(0.0, d))
}

fn apply(ed: &mut Editor, d: &mut ScriptedDialogs, action: Action) -> Vec<Effect> {
    ed.apply(action, &mut Env::new(10.0, d))
}

fn set(ed: &mut Editor, d: &mut ScriptedDialogs, field: Field, text: &str) {
    apply(
        ed,
        d,
        Action::Edit(Edit::SetField {
            field,
            text: text.into(),
        }),
    );
}

/// Three sections of known text.
fn known(ed: &mut Editor, d: &mut ScriptedDialogs) {
    set(ed, d, Field::Title, "在全市工作会议上的讲话");
    let texts = [
        (
            "提高站位",
            "一要学习理论知识，提高政治站位，增强工作本领。二要落实各项任务。",
        ),
        ("狠抓落实", "三要检查。"),
        ("改进作风", "四要务实。"),
    ];
    for (i, (heading, body)) in texts.into_iter().enumerate() {
        let id = ed.speech().sections[i].id;
        set(ed, d, Field::Heading(id), heading);
        set(ed, d, Field::Body(id), body);
    }
    apply(
        ed,
        d,
        Action::Edit(Edit::SetField {
            field: Field::Opening,
            text: String::new(),
        }),
    );
    apply(
        ed,
        d,
        Action::Edit(Edit::SetField {
            field: Field::Closing,
            text: String::new(),
        }),
    );
}

/// The working copy with a reviewer's copy added as a draft and a review open on it: the
/// reviewer changed two phrases of section 一 and one of 三.
fn review(d: &mut ScriptedDialogs) -> Editor {
    let mut ed = editor(d);
    known(&mut ed, d);
    let mut theirs = ed.speech().clone();
    theirs.sections[0].paragraphs =
        vec!["一要认真学习理论知识，提高政治站位，增强工作本领。二要全面落实各项任务。".into()];
    theirs.sections[2].paragraphs = vec!["四要务实。五要清廉。".into()];
    apply(
        &mut ed,
        d,
        Action::Edit(Edit::AddDraft {
            speech: Box::new(theirs),
            name: "审阅稿".into(),
            note: None,
            now: chrono::Utc::now(),
        }),
    );
    let id = ed.drafts()[0].id;
    apply(
        &mut ed,
        d,
        Action::SetCompare(CompareSides {
            a: Version::Working,
            b: Version::Draft(id),
        }),
    );
    let mut settings = ed.compare().expect("open").settings();
    settings.review = true;
    apply(&mut ed, d, Action::SetDiffSettings(settings));
    ed
}

fn current(ed: &Editor) -> (PartKey, Option<usize>) {
    let compare = ed.compare().expect("open");
    let stop = compare.current_stop().expect("a current change");
    (PartKey::of(&compare.diff().parts[stop.part]), stop.change)
}

fn open_count(ed: &Editor) -> usize {
    ed.compare().map_or(0, CompareState::open_count)
}

#[test]
fn compare_opens_on_the_newest_named_draft_that_differs() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    known(&mut ed, &mut d);
    apply(
        &mut ed,
        &mut d,
        Action::SaveDraftNamed {
            name: "初稿".into(),
            note: None,
        },
    );
    let first = ed.drafts()[0].id;
    let id = ed.speech().sections[0].id;
    set(&mut ed, &mut d, Field::Body(id), "一要认真学习。");
    apply(
        &mut ed,
        &mut d,
        Action::SaveDraftNamed {
            name: "二稿".into(),
            note: None,
        },
    );
    // An automatic draft identical to the working copy (as a save keeps), newest of all.
    apply(
        &mut ed,
        &mut d,
        Action::Edit(Edit::SaveDraft {
            name: String::new(),
            note: None,
            kind: DraftKind::Automatic,
            origin: Some(DraftOrigin::Saved),
            now: chrono::Utc::now(),
        }),
    );
    assert_eq!(ed.drafts().len(), 3);
    apply(&mut ed, &mut d, Action::CompareDrafts);
    let compare = ed.compare().expect("open");
    // "二稿" is the working copy's text: the first one that differs is "初稿".
    assert_eq!(compare.sides().a, Version::Draft(first));
    assert_eq!(compare.sides().b, Version::Working);
    assert!(!compare.nothing_differs());
    assert_eq!(compare.stops().len(), 1);
}

#[test]
fn when_no_draft_differs_compare_says_so_and_opens_the_picker() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    apply(
        &mut ed,
        &mut d,
        Action::SaveDraftNamed {
            name: "初稿".into(),
            note: None,
        },
    );
    let effects = apply(&mut ed, &mut d, Action::CompareDrafts);
    assert!(effects.contains(&Effect::PickCompareSide), "{effects:?}");
    assert!(ed.compare().is_some_and(CompareState::nothing_differs));
    // A draft that differs: no notice.
    apply(&mut ed, &mut d, Action::CloseCompare);
    set(&mut ed, &mut d, Field::Title, "新标题");
    let effects = apply(&mut ed, &mut d, Action::CompareDrafts);
    assert!(!effects.contains(&Effect::PickCompareSide));
    assert!(ed.compare().is_some_and(|c| !c.nothing_differs()));
}

#[test]
fn take_and_keep_resolve_changes_and_the_open_count_drops() {
    let mut d = ScriptedDialogs::new();
    let mut ed = review(&mut d);
    assert_eq!(open_count(&ed), 3);
    apply(&mut ed, &mut d, Action::NextChange);
    let steps = ed.undo_steps();
    let (part, change) = current(&ed);
    apply(&mut ed, &mut d, Action::TakeChange { part, change });
    assert_eq!(
        ed.speech().sections[0].paragraphs,
        ["一要认真学习理论知识，提高政治站位，增强工作本领。二要落实各项任务。"]
    );
    assert_eq!(open_count(&ed), 2, "taken: one fewer open");
    assert_eq!(ed.undo_steps(), steps + 1, "one step");
    // The next open change is current: keep mine on it.
    let (part, change) = current(&ed);
    apply(&mut ed, &mut d, Action::KeepChange { part, change });
    assert_eq!(
        ed.speech().sections[0].paragraphs,
        ["一要认真学习理论知识，提高政治站位，增强工作本领。二要落实各项任务。"]
    );
    assert_eq!(open_count(&ed), 1, "kept: one fewer open");
    assert_eq!(ed.undo_steps(), steps + 2, "keeping is a step too");
    let compare = ed.compare().expect("open");
    assert_eq!(
        compare.stops().len(),
        2,
        "a kept change is still a difference"
    );
    // Next change skips the kept one: it stays on the only open change.
    let (open_part, _) = current(&ed);
    apply(&mut ed, &mut d, Action::NextChange);
    apply(&mut ed, &mut d, Action::NextChange);
    let (part, change) = current(&ed);
    assert_eq!(part, open_part);
    assert!(
        ed.compare()
            .is_some_and(|c| c.current().is_some_and(|i| c.is_open(i)))
    );
    apply(&mut ed, &mut d, Action::TakeChange { part, change });
    assert_eq!(ed.speech().sections[2].paragraphs, ["四要务实。五要清廉。"]);
    assert_eq!(open_count(&ed), 0);
    assert_eq!(
        ed.compare().and_then(CompareState::current),
        None,
        "nothing open"
    );
    // Each one is undone on its own.
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(open_count(&ed), 1);
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(open_count(&ed), 2, "the kept change is open again");
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(open_count(&ed), 3);
    assert_eq!(
        ed.speech().sections[0].paragraphs,
        ["一要学习理论知识，提高政治站位，增强工作本领。二要落实各项任务。"]
    );
}

#[test]
fn take_all_in_a_part_and_take_all_are_one_step_each() {
    let mut d = ScriptedDialogs::new();
    let mut ed = review(&mut d);
    let first = ed.speech().sections[0].id;
    let part = PartKey {
        old: Some(crate::part::Part::Section(first)),
        new: Some(crate::part::Part::Section(first)),
    };
    let steps = ed.undo_steps();
    apply(&mut ed, &mut d, Action::TakePart(part));
    assert_eq!(
        ed.speech().sections[0].paragraphs,
        ["一要认真学习理论知识，提高政治站位，增强工作本领。二要全面落实各项任务。"]
    );
    assert_eq!(ed.undo_steps(), steps + 1);
    assert_eq!(open_count(&ed), 1);
    apply(&mut ed, &mut d, Action::Undo);
    apply(&mut ed, &mut d, Action::TakeAll);
    assert_eq!(ed.undo_steps(), steps + 1);
    assert_eq!(open_count(&ed), 0);
    let draft = &ed.drafts()[0].speech;
    assert_eq!(ed.speech().sections, draft.sections);
}

#[test]
fn a_reviewers_sections_swapped_and_removed_are_taken() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    known(&mut ed, &mut d);
    let mut theirs = ed.speech().clone();
    theirs.sections.swap(0, 1);
    theirs.sections.remove(2);
    theirs
        .sections
        .push(Section::new("加强领导", vec!["五要担当。".into()]));
    apply(
        &mut ed,
        &mut d,
        Action::Edit(Edit::AddDraft {
            speech: Box::new(theirs.clone()),
            name: "审阅稿".into(),
            note: None,
            now: chrono::Utc::now(),
        }),
    );
    let id = ed.drafts()[0].id;
    let mut settings = DiffSettings {
        review: true,
        ..DiffSettings::default()
    };
    apply(
        &mut ed,
        &mut d,
        Action::SetCompare(CompareSides {
            a: Version::Working,
            b: Version::Draft(id),
        }),
    );
    apply(&mut ed, &mut d, Action::SetDiffSettings(settings));
    assert!(
        ed.compare()
            .is_some_and(|c| c.settings().review && c.can_take())
    );
    apply(&mut ed, &mut d, Action::TakeAll);
    let headings: Vec<&str> = ed
        .speech()
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["狠抓落实", "提高站位", "加强领导"]);
    assert_eq!(open_count(&ed), 0);
    settings.review = false;
    apply(&mut ed, &mut d, Action::SetDiffSettings(settings));
    assert!(
        !ed.doc().settings.compare.review,
        "the project remembers the mode"
    );
}

#[test]
fn the_review_mode_and_granularity_are_remembered_by_the_project() {
    let mut d = ScriptedDialogs::new();
    let mut ed = review(&mut d);
    let mut settings = ed.compare().expect("open").settings();
    settings.granularity = crate::diff::Granularity::Char;
    apply(&mut ed, &mut d, Action::SetDiffSettings(settings));
    let project = ed.project();
    assert!(project.settings.compare.review);
    assert_eq!(
        project.settings.compare.granularity,
        crate::diff::Granularity::Char
    );
    // Written and read back; a file without the field reads as the defaults.
    let path = std::path::Path::new("x.lectern");
    let text = crate::storage::project_to_ron(&project);
    let back = crate::storage::project_from_ron(&text, path).expect("read");
    assert_eq!(back.settings.compare, project.settings.compare);
    // Compare again: opens in review, with the reviewer's copy on the right.
    apply(&mut ed, &mut d, Action::CloseCompare);
    apply(&mut ed, &mut d, Action::CompareDrafts);
    let compare = ed.compare().expect("open");
    assert!(compare.settings().review);
    assert_eq!(
        compare.settings().granularity,
        crate::diff::Granularity::Char
    );
    assert_eq!(compare.sides().a, Version::Working);
}

#[test]
fn kept_changes_are_saved_and_stay_done_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("review.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = review(&mut d);
    apply(&mut ed, &mut d, Action::NextChange);
    let (part, change) = current(&ed);
    d.push(Some(path.clone()));
    apply(&mut ed, &mut d, Action::Save);
    assert!(!ed.is_modified());
    apply(&mut ed, &mut d, Action::KeepChange { part, change });
    assert_eq!(open_count(&ed), 2);
    assert!(ed.is_modified(), "a kept change is something to save");
    apply(&mut ed, &mut d, Action::Save);
    let saved = crate::storage::load_project(&path).expect("load");
    assert_eq!(saved.kept.len(), 1, "{:?}", saved.kept);
    assert_eq!(saved.kept[0].old, part.old);
    assert_eq!(saved.kept[0].new, part.new);
    // Opened again and compared with the same reviewer's copy: the kept change is done.
    let mut again = editor(&mut d);
    apply(&mut again, &mut d, Action::OpenPath(path));
    assert_eq!(again.doc().kept, ed.doc().kept);
    apply(&mut again, &mut d, Action::CompareDrafts);
    let compare = again.compare().expect("open");
    assert!(compare.settings().review);
    assert_eq!(compare.stops().len(), 3);
    assert_eq!(
        open_count(&again),
        2,
        "the kept change is not offered again"
    );
    // Undoing the keep opens it again (and leaves a change to save).
    apply(&mut ed, &mut d, Action::Undo);
    apply(&mut ed, &mut d, Action::Undo);
    assert_eq!(open_count(&ed), 3);
    assert!(ed.doc().kept.is_empty());
}
