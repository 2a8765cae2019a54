//! Everyday use (issue 10), without a window: the template a new speech starts from, the undo
//! notice after a section is deleted, a moved section revealed, the find options, and a typed
//! path where no file picker can be shown.

use super::*;
use crate::part::Field;

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

fn set(field: Field, text: &str) -> Action {
    Action::Edit(Edit::SetField {
        field,
        text: text.into(),
    })
}

#[test]
fn new_speeches_start_from_the_preferred_template() {
    let mut d = ScriptedDialogs::new();
    let ed = editor(&mut d);
    assert_eq!(ed.speech().greeting, "同志们：");
    let mut ed = Editor::new(
        EditorOptions {
            template: Some("zh-hant-work-conference".into()),
            ..EditorOptions::default()
        },
        &mut Env::new(0.0, &mut d),
    );
    assert_eq!(ed.speech().greeting, "同志們：");
    assert_eq!(ed.speech().guidance.title, "在×××會議上的講話");
    let position = |id: &str| {
        crate::template::templates()
            .iter()
            .position(|t| t.id == id)
            .expect("the template exists")
    };
    apply_at(&mut ed, &mut d, 0.0, Action::New);
    assert_eq!(
        ed.dialog(),
        Some(&Dialog::NewDocument {
            selected: position("zh-hant-work-conference")
        })
    );
    apply_at(&mut ed, &mut d, 0.0, Action::CloseDialog);
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::PreferTemplate("zh-work-conference".into()),
    );
    apply_at(&mut ed, &mut d, 0.0, Action::New);
    assert_eq!(
        ed.dialog(),
        Some(&Dialog::NewDocument {
            selected: position("zh-work-conference")
        })
    );
}

#[test]
fn a_deleted_section_shows_an_undo_notice_for_a_few_seconds() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let id = ed.speech().sections[1].id;
    apply_at(&mut ed, &mut d, 0.0, set(Field::Heading(id), "狠抓落实"));
    assert!(ed.notice().is_none());
    apply_at(&mut ed, &mut d, 5.0, Action::Edit(Edit::RemoveSection(id)));
    let notice = ed.notice().expect("a notice");
    assert_eq!(
        *notice,
        Notice::SectionDeleted {
            index: 1,
            heading: "狠抓落实".into()
        }
    );
    // The window is asked back when the notice is due to go.
    let due = ed.tick(&mut Env::new(6.0, &mut d)).expect("a wake-up");
    assert!((due - (UNDO_NOTICE_SECS - 1.0)).abs() < 1e-9, "{due}");
    assert!(ed.notice().is_some());
    ed.tick(&mut Env::new(5.0 + UNDO_NOTICE_SECS, &mut d));
    assert!(ed.notice().is_none(), "gone after its time");

    // Undo from the notice brings the section back and takes the notice down.
    let id = ed.speech().sections[0].id;
    apply_at(&mut ed, &mut d, 20.0, Action::Edit(Edit::RemoveSection(id)));
    assert_eq!(ed.speech().sections.len(), 1);
    apply_at(&mut ed, &mut d, 21.0, Action::Undo);
    assert_eq!(ed.speech().sections.len(), 2);
    assert_eq!(ed.speech().sections[0].id, id);
    assert!(ed.notice().is_none());

    // Another change takes it down too: Undo would now undo that change.
    apply_at(&mut ed, &mut d, 30.0, Action::Edit(Edit::RemoveSection(id)));
    assert!(ed.notice().is_some());
    apply_at(&mut ed, &mut d, 31.0, set(Field::Title, "标题"));
    assert!(ed.notice().is_none());
}

#[test]
fn a_moved_section_is_revealed() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let id = ed.speech().sections[0].id;
    let effects = apply_at(&mut ed, &mut d, 0.0, Action::MoveSectionDown(id));
    assert!(effects.contains(&Effect::Reveal(crate::part::Part::Section(id))));
    let effects = apply_at(
        &mut ed,
        &mut d,
        1.0,
        Action::Edit(Edit::MoveSection { id, to: 2 }),
    );
    assert_eq!(ed.speech().sections[2].id, id);
    assert!(effects.contains(&Effect::Reveal(crate::part::Part::Section(id))));
    // A move that changes nothing reveals nothing.
    let effects = apply_at(
        &mut ed,
        &mut d,
        2.0,
        Action::Edit(Edit::MoveSection { id, to: 2 }),
    );
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn find_options_match_case_whole_words_and_one_section() {
    let mut d = ScriptedDialogs::new();
    let mut ed = editor(&mut d);
    let first = ed.speech().sections[0].id;
    let second = ed.speech().sections[1].id;
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        set(Field::Title, "Know Your Audience"),
    );
    apply_at(
        &mut ed,
        &mut d,
        2.0,
        set(Field::Body(first), "know this. knowledge is power."),
    );
    apply_at(&mut ed, &mut d, 4.0, set(Field::Body(second), "I KNOW."));
    apply_at(&mut ed, &mut d, 6.0, Action::Find);
    apply_at(&mut ed, &mut d, 6.0, Action::SetFindQuery("know".into()));
    assert_eq!(ed.find().matches().len(), 4, "case is ignored by default");
    let with = |ed: &mut Editor, d: &mut ScriptedDialogs, options: FindOptions| {
        apply_at(ed, d, 6.0, Action::SetFindOptions(options));
        ed.find().matches().len()
    };
    let case = FindOptions {
        match_case: true,
        ..FindOptions::default()
    };
    assert_eq!(with(&mut ed, &mut d, case), 2);
    let words = FindOptions {
        whole_word: true,
        ..FindOptions::default()
    };
    assert_eq!(with(&mut ed, &mut d, words.clone()), 3, "not knowledge");
    let section = FindOptions {
        section: Some(first),
        ..words
    };
    assert_eq!(with(&mut ed, &mut d, section), 1);

    // Replace all replaces what the options find, and nothing else, in one step.
    apply_at(&mut ed, &mut d, 6.0, Action::SetReplacement("see".into()));
    let steps = ed.undo_steps();
    apply_at(&mut ed, &mut d, 6.0, Action::ReplaceAll);
    assert_eq!(ed.undo_steps(), steps + 1);
    assert_eq!(ed.find().replaced, Some(1));
    assert_eq!(
        ed.speech().sections[0].paragraphs,
        ["see this. knowledge is power."]
    );
    assert_eq!(ed.speech().sections[1].paragraphs, ["I KNOW."]);
    assert_eq!(ed.speech().title, "Know Your Audience");

    // Replace one keeps the text the match had (case ignored): the replacement goes in.
    apply_at(
        &mut ed,
        &mut d,
        8.0,
        Action::SetFindOptions(FindOptions::default()),
    );
    apply_at(&mut ed, &mut d, 8.0, Action::FindNext);
    apply_at(&mut ed, &mut d, 8.0, Action::ReplaceOne);
    assert_eq!(ed.speech().title, "see Your Audience");
}

#[test]
fn without_a_file_picker_the_path_is_typed_instead() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = ScriptedDialogs::new();
    d.set_available(false);
    let mut ed = editor(&mut d);

    // Save As: the dialog comes up with a suggested path in place of a picker.
    apply_at(&mut ed, &mut d, 0.0, Action::SaveAs);
    assert!(d.calls().is_empty(), "no picker was asked for");
    let Some(Dialog::TypePath { task, path }) = ed.dialog().cloned() else {
        panic!("no typed-path dialog: {:?}", ed.dialog());
    };
    assert_eq!(task, PathTask::SaveAs { then: None });
    assert!(path.ends_with("speech.lectern"), "{path}");
    // An empty path does nothing (the dialog stays).
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::ShowDialog(Dialog::TypePath {
            task: task.clone(),
            path: "  ".into(),
        }),
    );
    apply_at(&mut ed, &mut d, 0.0, Action::AcceptTypedPath);
    assert!(matches!(ed.dialog(), Some(Dialog::TypePath { .. })));
    let target = dir.path().join("typed");
    apply_at(
        &mut ed,
        &mut d,
        0.0,
        Action::ShowDialog(Dialog::TypePath {
            task,
            path: target.display().to_string(),
        }),
    );
    apply_at(&mut ed, &mut d, 0.0, Action::AcceptTypedPath);
    let saved = dir.path().join("typed.lectern");
    assert!(ed.dialog().is_none());
    assert!(saved.is_file(), "saved with the extension added");
    assert_eq!(ed.path(), Some(saved.as_path()));

    // Open: the same, and the file opens.
    apply_at(&mut ed, &mut d, 1.0, Action::New);
    apply_at(
        &mut ed,
        &mut d,
        1.0,
        Action::NewFromTemplate("en-keynote".into()),
    );
    apply_at(&mut ed, &mut d, 2.0, Action::Open);
    let Some(Dialog::TypePath { task, .. }) = ed.dialog().cloned() else {
        panic!("no typed-path dialog for Open");
    };
    assert_eq!(task, PathTask::Open);
    apply_at(
        &mut ed,
        &mut d,
        2.0,
        Action::ShowDialog(Dialog::TypePath {
            task,
            path: saved.display().to_string(),
        }),
    );
    apply_at(&mut ed, &mut d, 2.0, Action::AcceptTypedPath);
    assert_eq!(ed.path(), Some(saved.as_path()));
    assert_eq!(ed.speech().greeting, "同志们：");

    // Export: the typed path gets the format's extension.
    let choices = super::ExportDialog::for_language(true);
    apply_at(&mut ed, &mut d, 3.0, Action::ExportToFile(choices.clone()));
    assert!(matches!(
        ed.dialog(),
        Some(Dialog::TypePath {
            task: PathTask::Export(_),
            ..
        })
    ));
    let out = dir.path().join("out");
    apply_at(
        &mut ed,
        &mut d,
        3.0,
        Action::ShowDialog(Dialog::TypePath {
            task: PathTask::Export(Box::new(choices)),
            path: out.display().to_string(),
        }),
    );
    apply_at(&mut ed, &mut d, 3.0, Action::AcceptTypedPath);
    assert!(dir.path().join("out.txt").is_file());
    assert!(d.calls().is_empty(), "never a picker");

    // With pickers, the picker is asked (the positive of the check above).
    d.set_available(true);
    apply_at(&mut ed, &mut d, 4.0, Action::ImportText);
    assert_eq!(d.calls().len(), 1);
}
