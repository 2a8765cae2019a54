//! The editor's behaviour, without a window: typing and undo, structure edits, drafts, find,
//! files, the compare view.

use proptest::prelude::*;

use super::*;
use crate::model::{Section, SectionId};
use crate::part::Field;
use crate::project::DraftId;

/// An editor with a new speech from the default template and scripted pickers.
fn editor(dialogs: &mut ScriptedDialogs) -> Editor {
    Editor::new(EditorOptions::default(), &mut Env::new(0.0, dialogs))
}

fn apply_at(
    ed: &mut Editor,
    dialogs: &mut ScriptedDialogs,
    secs: f64,
    action: Action,
) -> Vec<Effect> {
    ed.apply(action, &mut Env::new(secs, dialogs))
}

fn type_at(ed: &mut Editor, dialogs: &mut ScriptedDialogs, secs: f64, field: Field, text: &str) {
    apply_at(
        ed,
        dialogs,
        secs,
        Action::Edit(Edit::SetField {
            field,
            text: text.into(),
        }),
    );
}

#[test]
fn typing_is_grouped_by_pause_and_by_field() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let first = Field::Body(ed.speech().sections[0].id);
    let second = Field::Body(ed.speech().sections[1].id);
    type_at(&mut ed, &mut d, 0.0, first, "一");
    type_at(&mut ed, &mut d, 0.4, first, "一要");
    type_at(&mut ed, &mut d, 0.8, first, "一要学");
    assert_eq!(ed.undo_steps(), 1);
    type_at(&mut ed, &mut d, 2.5, first, "一要学习");
    assert_eq!(ed.undo_steps(), 2, "a pause of over a second starts a step");
    type_at(&mut ed, &mut d, 2.6, second, "二");
    assert_eq!(ed.undo_steps(), 3, "another field starts a step");
    apply_at(&mut ed, &mut d, 3.0, Action::Undo);
    apply_at(&mut ed, &mut d, 3.0, Action::Undo);
    assert_eq!(ed.speech().sections[0].paragraphs, ["一要学"]);
    assert!(ed.speech().sections[1].paragraphs.is_empty());
}

#[test]
fn counts_after_typing_match_a_full_count() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let field = Field::Body(ed.speech().sections[2].id);
    type_at(
        &mut ed,
        &mut d,
        0.0,
        field,
        "同志们，要抓落实。\nWe must deliver.",
    );
    type_at(&mut ed, &mut d, 0.1, Field::Title, "讲话");
    let full = crate::stats::speech_stats(ed.speech(), &ed.doc().settings);
    assert_eq!(ed.total_counts().cjk_chars, full.total.cjk_chars);
    assert_eq!(ed.total_counts().words, full.total.words);
    assert!((ed.total_counts().seconds - full.total.seconds).abs() < 1e-9);
    assert!(ed.total_counts().cjk_chars > 0);
}

#[test]
fn actions_that_cannot_run_do_nothing() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let last = ed.speech().sections[2].id;
    assert!(!ed.can_apply(&Action::MoveSectionDown(last)));
    apply_at(&mut ed, &mut d, 0.0, Action::MoveSectionDown(last));
    apply_at(&mut ed, &mut d, 0.0, Action::Undo);
    apply_at(&mut ed, &mut d, 0.0, Action::RestoreDraft(DraftId(99)));
    assert_eq!(ed.undo_steps(), 0);
    assert_eq!(ed.speech().sections[2].id, last);
}

#[test]
fn drafts_are_named_kept_and_restored_undoably() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    apply_at(&mut ed, &mut d, 0.0, Action::SaveDraft);
    assert!(matches!(
        ed.dialog(),
        Some(Dialog::SaveDraft { number: 1, .. })
    ));
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::SaveDraftNamed {
            name: " 初稿 ".into(),
            note: None,
        },
    );
    assert!(ed.dialog().is_none());
    let id = ed.drafts()[0].id;
    assert_eq!(ed.drafts()[0].name, "初稿");
    type_at(&mut ed, &mut d, 1.0, Field::Title, "新标题");
    apply_at(&mut ed, &mut d, 2.0, Action::RestoreDraft(id));
    assert_ne!(ed.speech().title, "新标题");
    let kept = ed.drafts().last().expect("the working copy was kept");
    assert_eq!(kept.speech.title, "新标题");
    assert!(kept.name.is_empty(), "the window names automatic drafts");
    assert_eq!(
        kept.origin,
        Some(crate::project::DraftOrigin::BeforeRestoring {
            restored: "初稿".into()
        })
    );
    apply_at(&mut ed, &mut d, 3.0, Action::Undo);
    assert_eq!(ed.speech().title, "新标题");
    apply_at(&mut ed, &mut d, 3.0, Action::DeleteDraft(id));
    assert!(ed.drafts().is_empty());
    apply_at(&mut ed, &mut d, 3.0, Action::Undo);
    assert_eq!(ed.drafts()[0].name, "初稿");
}

#[test]
fn budgets_are_set_cleared_and_undone() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let id = ed.speech().sections[0].id;
    assert_eq!(ed.doc().budget_minutes(0), Some(10.0));
    let set = |minutes| Action::Edit(Edit::SetBudget { id, minutes });
    apply_at(&mut ed, &mut d, 0.0, set(Some(4.0)));
    assert_eq!(ed.doc().budget_minutes(0), Some(4.0));
    apply_at(&mut ed, &mut d, 0.1, set(None));
    assert_eq!(ed.doc().budget_minutes(0), Some(10.0));
    apply_at(&mut ed, &mut d, 0.2, Action::Undo);
    assert_eq!(ed.doc().budget_minutes(0), Some(4.0));
}

#[test]
fn find_replace_and_replace_all_are_one_step_each() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    type_at(&mut ed, &mut d, 0.0, Field::Title, "关于落实的讲话");
    let body = Field::Body(ed.speech().sections[0].id);
    type_at(&mut ed, &mut d, 5.0, body, "抓落实。\n再落实。");
    apply_at(&mut ed, &mut d, 10.0, Action::Find);
    apply_at(&mut ed, &mut d, 10.0, Action::SetFindQuery("落实".into()));
    assert_eq!(ed.find().matches().len(), 3);
    assert_eq!(
        ed.find().highlights(Field::Title).len(),
        1,
        "the title is highlighted too"
    );
    let effects = apply_at(&mut ed, &mut d, 10.0, Action::FindNext);
    assert!(effects.contains(&Effect::Reveal(crate::part::Part::Title)));
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Select {
            field: Field::Title,
            ..
        }
    )));
    apply_at(&mut ed, &mut d, 10.0, Action::SetReplacement("执行".into()));
    let steps = ed.undo_steps();
    apply_at(&mut ed, &mut d, 10.0, Action::ReplaceOne);
    assert_eq!(ed.speech().title, "关于执行的讲话");
    assert_eq!(ed.find().current, Some(0), "on to the next match");
    apply_at(&mut ed, &mut d, 10.0, Action::ReplaceAll);
    assert_eq!(ed.undo_steps(), steps + 2);
    assert_eq!(ed.find().replaced, Some(2));
    assert_eq!(ed.speech().sections[0].paragraphs, ["抓执行。", "再执行。"]);
    apply_at(&mut ed, &mut d, 10.0, Action::Undo);
    assert_eq!(
        ed.find().replaced,
        None,
        "an undo clears the replaced count"
    );
    assert_eq!(ed.speech().sections[0].paragraphs, ["抓落实。", "再落实。"]);
}

#[test]
fn open_failure_is_a_typed_message_and_keeps_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.lectern");
    std::fs::write(&bad, "not ron at all").expect("write");
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let before = ed.speech().clone();
    apply_at(&mut ed, &mut d, 0.0, Action::OpenPath(bad.clone()));
    assert_eq!(ed.speech(), &before);
    match ed.messages() {
        [Message::Failed(crate::Error::BadProject { path, .. })] => assert_eq!(path, &bad),
        other => panic!("expected one bad-project message, got {other:?}"),
    }
    apply_at(&mut ed, &mut d, 0.0, Action::DismissMessage);
    assert!(ed.messages().is_empty());
}

#[test]
fn save_keeps_an_automatic_draft_and_clears_modified() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("speech.lectern");
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    type_at(&mut ed, &mut d, 0.0, Field::Title, "讲话");
    assert!(ed.is_modified());
    d.push(Some(path.clone()));
    apply_at(&mut ed, &mut d, 1.0, Action::Save);
    assert_eq!(ed.path(), Some(path.as_path()));
    assert!(!ed.is_modified());
    assert_eq!(ed.recent(), std::slice::from_ref(&path));
    assert_eq!(d.calls()[0].purpose, FilePurpose::SaveAs);
    assert!(d.calls()[0].suggested_name.ends_with(".lectern"));
    let saved = crate::storage::load_project(&path).expect("the file loads");
    assert_eq!(saved.speech.title, "讲话");
    assert_eq!(saved.drafts.len(), 1);
    assert_eq!(
        saved.drafts[0].origin,
        Some(crate::project::DraftOrigin::Saved)
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    type_at(&mut ed, &mut d, 0.0, Field::Title, "讲话");
    apply_at(&mut ed, &mut d, 0.0, Action::New);
    assert!(matches!(
        ed.dialog(),
        Some(Dialog::Unsaved { then: Pending::New })
    ));
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::ResolveUnsaved(Resolution::Cancel),
    );
    assert!(ed.dialog().is_none());
    assert_eq!(ed.speech().title, "讲话");
    apply_at(&mut ed, &mut d, 0.0, Action::New);
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::ResolveUnsaved(Resolution::Discard),
    );
    assert!(matches!(ed.dialog(), Some(Dialog::NewDocument { .. })));
    let effects = apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::NewFromTemplate("en-toast".into()),
    );
    assert!(effects.contains(&Effect::DocumentReplaced));
    assert!(!ed.chinese_speech());
    assert!(!ed.can_undo(), "no undo across documents");
}

#[test]
fn the_close_button_asks_while_modified() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    assert!(apply_at(&mut ed, &mut d, 0.0, Action::CloseRequested).is_empty());
    type_at(&mut ed, &mut d, 0.0, Field::Title, "讲话");
    let effects = apply_at(&mut ed, &mut d, 0.0, Action::CloseRequested);
    assert_eq!(effects, [Effect::CancelClose]);
    let effects = apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::ResolveUnsaved(Resolution::Discard),
    );
    assert_eq!(effects, [Effect::CloseWindow]);
}

#[test]
fn autosave_runs_on_ticks_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    let mut ed = Editor::new(
        EditorOptions {
            recovery: Some(RecoveryOptions::in_dir(dir.path()).with_delay(2.0)),
            ..EditorOptions::default()
        },
        &mut Env::new(0.0, &mut d),
    );
    type_at(&mut ed, &mut d, 10.0, Field::Title, "最小化之前打的字");
    let recovery_files = || std::fs::read_dir(dir.path()).map_or(0, |r| r.count());
    let due = ed.tick(&mut Env::new(10.0, &mut d));
    assert!(due.is_some_and(|s| s > 0.0 && s <= 2.0), "{due:?}");
    assert_eq!(recovery_files(), 0);
    // No action, no frame: only ticks, as while the window is minimised.
    ed.tick(&mut Env::new(12.5, &mut d));
    assert_eq!(recovery_files(), 1);
    let store = crate::recovery::RecoveryStore::new(dir.path());
    let scan = store.pending().expect("scan");
    let project = scan.pending[0].load().expect("load");
    assert_eq!(project.speech.title, "最小化之前打的字");
}

#[test]
fn a_reviewers_copy_becomes_a_draft_compared_with_the_working_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let review = dir.path().join("审阅稿.txt");
    std::fs::write(
        &review,
        "关于工作的讲话\n\n同志们：\n\n开场。\n\n一、第一部分\n\n一要学习。\n\n二、第二部分\n\n二要落实。\n",
    )
    .expect("write");
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    d.push(Some(review));
    apply_at(&mut ed, &mut d, 0.0, Action::ImportAsDraft);
    assert_eq!(ed.drafts().len(), 1);
    assert_eq!(ed.drafts()[0].name, "审阅稿");
    let compare = ed.compare().expect("the compare view is open");
    // The reviewer's copy on the right, the working copy on the left.
    assert_eq!(compare.sides().a, Version::Working);
    assert_eq!(compare.sides().b, Version::Draft(ed.drafts()[0].id));
    assert!(compare.settings().review);
    assert!(!compare.stops().is_empty());
    apply_at(&mut ed, &mut d, 0.0, Action::NextChange);
    let stop = ed.compare().and_then(|c| c.current_stop()).expect("a stop");
    let part =
        crate::diff::review::PartKey::of(&ed.compare().expect("open").diff().parts[stop.part]);
    let before = ed.compare().map(|c| c.stops().len());
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::TakeChange {
            part,
            change: stop.change,
        },
    );
    let after = ed.compare().map(|c| c.stops().len());
    assert!(
        after < before,
        "taking the reviewer's text removes a change"
    );
    apply_at(&mut ed, &mut d, 0.0, Action::Undo);
    assert_eq!(ed.compare().map(|c| c.stops().len()), before);
}

/// Edits whose section ids are positions (`SectionId(i)`: the section at `i` when applied; see
/// [`resolve`]).
pub(super) fn arb_edit() -> impl Strategy<Value = Edit> {
    let id = (0u64..6).prop_map(SectionId);
    let field = prop_oneof![
        Just(Field::Title),
        Just(Field::Greeting),
        Just(Field::Opening),
        Just(Field::Closing),
        id.clone().prop_map(Field::Heading),
        id.clone().prop_map(Field::Body),
    ];
    let text = "[一二三要是的，。,\n a]{0,12}";
    prop_oneof![
        (field, text).prop_map(|(field, text)| Edit::SetField { field, text }),
        text.prop_map(|h| Edit::AddSection(Box::new(Section::new(h, vec![])))),
        id.clone().prop_map(Edit::RemoveSection),
        (id.clone(), 0usize..5).prop_map(|(id, to)| Edit::MoveSection { id, to }),
        (id.clone(), proptest::option::of(0.0f64..30.0))
            .prop_map(|(id, minutes)| Edit::SetBudget { id, minutes }),
        proptest::option::of(1.0f64..60.0).prop_map(Edit::SetTarget),
        (text, "[一二]{0,2}").prop_map(|(query, replacement)| Edit::ReplaceAll {
            query,
            replacement,
            options: Default::default(),
        }),
        text.prop_map(|name| Edit::SaveDraft {
            name,
            note: None,
            kind: crate::project::DraftKind::Named,
            origin: None,
            now: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
        }),
        (0u64..4).prop_map(|n| Edit::DeleteDraft(DraftId(n))),
        Just(Edit::Fix(Vec::new())),
        (0u64..4).prop_map(|n| Edit::RestoreDraft {
            id: DraftId(n),
            now: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
        }),
    ]
}

/// Turns a position-as-id into the id of the section at that position now (the last one when
/// there are fewer; an unknown id when there are none).
pub(super) fn resolve(edit: Edit, speech: &crate::model::Speech) -> Edit {
    let real = |id: SectionId| {
        let count = speech.sections.len();
        if count == 0 {
            return SectionId(u64::MAX);
        }
        speech.sections[(id.0 as usize).min(count - 1)].id
    };
    match edit {
        Edit::SetField { field, text } => Edit::SetField {
            field: match field {
                Field::Heading(id) => Field::Heading(real(id)),
                Field::Body(id) => Field::Body(real(id)),
                other => other,
            },
            text,
        },
        Edit::RemoveSection(id) => Edit::RemoveSection(real(id)),
        Edit::MoveSection { id, to } => Edit::MoveSection { id: real(id), to },
        Edit::SetBudget { id, minutes } => Edit::SetBudget {
            id: real(id),
            minutes,
        },
        // Every fixable finding of the speech as it is now (a Fix all of every check).
        Edit::Fix(_) => Edit::Fix(
            crate::proof::check_speech(speech, &crate::project::Settings::default())
                .into_iter()
                .filter(|f| f.is_fixable())
                .collect(),
        ),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of edits followed by as many undos gives back the original document, and as
    /// many redos the edited one.
    #[test]
    fn undo_takes_every_edit_back(edits in proptest::collection::vec(arb_edit(), 1..24)) {
        let mut d = ScriptedDialogs::new();
        let mut ed = editor(&mut d);
        let original = ed.doc().clone();
        let mut applied = 0;
        for (i, edit) in edits.into_iter().enumerate() {
            // Far apart in time, so no two edits group into one step.
            let before = ed.undo_steps();
            let edit = resolve(edit, ed.speech());
            apply_at(&mut ed, &mut d, i as f64 * 10.0, Action::Edit(edit));
            applied += ed.undo_steps() - before;
        }
        let edited = ed.doc().clone();
        for _ in 0..applied {
            apply_at(&mut ed, &mut d, 1000.0, Action::Undo);
        }
        prop_assert!(ed.doc() == &original);
        prop_assert!(!ed.can_undo());
        for _ in 0..applied {
            apply_at(&mut ed, &mut d, 1000.0, Action::Redo);
        }
        prop_assert!(ed.doc() == &edited);
    }
}

#[test]
fn unknown_template_is_reported() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    apply_at(&mut ed, &mut d, 0.0, Action::NewFromTemplate("nope".into()));
    assert!(matches!(
        ed.messages(),
        [Message::Failed(crate::Error::NoSuchTemplate { .. })]
    ));
}
