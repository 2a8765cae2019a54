//! The Proofing panel's state without a window: findings kept per field, fix, fix all, ignore,
//! going to a finding, undo.

use super::*;
use crate::part::Field;
use crate::proof::CheckId;

fn editor(dialogs: &mut ScriptedDialogs) -> Editor {
    Editor::new(EditorOptions::default(), &mut Env::new(0.0, dialogs))
}

fn apply_at(ed: &mut Editor, d: &mut ScriptedDialogs, secs: f64, action: Action) -> Vec<Effect> {
    ed.apply(action, &mut Env::new(secs, d))
}

fn set(ed: &mut Editor, d: &mut ScriptedDialogs, secs: f64, field: Field, text: &str) {
    apply_at(
        ed,
        d,
        secs,
        Action::Edit(Edit::SetField {
            field,
            text: text.into(),
        }),
    );
}

/// An editor whose title has a doubled 的的 and whose opening and first section have ASCII
/// commas between Chinese characters; the Proofing panel open.
fn fixture(d: &mut ScriptedDialogs) -> Editor {
    let mut ed = editor(d);
    let body = Field::Body(ed.speech().sections[0].id);
    set(&mut ed, d, 0.0, Field::Title, "在推进会上的的讲话");
    set(
        &mut ed,
        d,
        10.0,
        Field::Opening,
        "今天,我们开会。\n会议很重要,大家认真听。",
    );
    set(&mut ed, d, 20.0, body, "抓学习,抓落实。");
    apply_at(&mut ed, d, 30.0, Action::ToggleProofing);
    ed
}

fn of(ed: &Editor, check: CheckId) -> Vec<crate::proof::Finding> {
    ed.proofing()
        .findings()
        .iter()
        .filter(|f| f.check == check)
        .cloned()
        .collect()
}

#[test]
fn findings_are_kept_only_while_open() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let doubled = of(&ed, CheckId::RepeatedChar);
    assert_eq!(doubled.len(), 1);
    assert_eq!(doubled[0].field, Field::Title);
    assert_eq!(doubled[0].text, "的", "the second 的 is the slip");
    assert_eq!(of(&ed, CheckId::PunctHalfwidth).len(), 3);
    assert_eq!(ed.proofing().count_in(crate::part::Part::Opening), 2);
    apply_at(&mut ed, &mut d, 40.0, Action::ToggleProofing);
    assert!(ed.proofing().findings().is_empty());
}

#[test]
fn typing_checks_only_the_changed_field() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    assert!(
        ed.proofing().rechecked_fields() > 2,
        "opening checks every field"
    );
    set(
        &mut ed,
        &mut d,
        40.0,
        Field::Opening,
        "今天,我们开会。\n会议很重要,大家认真听,",
    );
    assert_eq!(ed.proofing().rechecked_fields(), 1);
    assert_eq!(ed.proofing().count_in(crate::part::Part::Opening), 3);
    assert_eq!(
        of(&ed, CheckId::RepeatedChar).len(),
        1,
        "the title's finding stays"
    );
}

#[test]
fn fixing_one_finding_is_one_undo_step() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let steps = ed.undo_steps();
    let finding = of(&ed, CheckId::RepeatedChar).remove(0);
    apply_at(&mut ed, &mut d, 40.0, Action::FixFinding(finding));
    assert_eq!(ed.speech().title, "在推进会上的讲话");
    assert!(of(&ed, CheckId::RepeatedChar).is_empty());
    assert_eq!(ed.undo_steps(), steps + 1);
    apply_at(&mut ed, &mut d, 41.0, Action::Undo);
    assert_eq!(ed.speech().title, "在推进会上的的讲话");
    assert_eq!(of(&ed, CheckId::RepeatedChar).len(), 1);
}

#[test]
fn fix_all_fixes_one_check_in_one_undo_step() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let steps = ed.undo_steps();
    apply_at(
        &mut ed,
        &mut d,
        40.0,
        Action::FixAll(CheckId::PunctHalfwidth),
    );
    assert!(of(&ed, CheckId::PunctHalfwidth).is_empty());
    assert_eq!(
        ed.speech().opening,
        ["今天，我们开会。", "会议很重要，大家认真听。"]
    );
    assert_eq!(
        of(&ed, CheckId::RepeatedChar).len(),
        1,
        "other checks are left alone"
    );
    assert_eq!(ed.undo_steps(), steps + 1);
    apply_at(&mut ed, &mut d, 41.0, Action::Undo);
    assert_eq!(of(&ed, CheckId::PunctHalfwidth).len(), 3);
}

#[test]
fn ignored_findings_stay_hidden_while_their_text_is_the_same() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let first = of(&ed, CheckId::PunctHalfwidth).remove(0);
    assert_eq!(first.field, Field::Opening);
    apply_at(&mut ed, &mut d, 40.0, Action::IgnoreFinding(first));
    assert_eq!(of(&ed, CheckId::PunctHalfwidth).len(), 2);
    assert_eq!(ed.proofing().ignored_count(), 1);
    // An edit elsewhere keeps it ignored.
    set(&mut ed, &mut d, 50.0, Field::Greeting, "同志们：");
    assert_eq!(of(&ed, CheckId::PunctHalfwidth).len(), 2);
    // Fix all leaves the ignored one alone.
    apply_at(
        &mut ed,
        &mut d,
        60.0,
        Action::FixAll(CheckId::PunctHalfwidth),
    );
    assert_eq!(ed.speech().opening[0], "今天,我们开会。");
    // Its text changed: it is shown again.
    set(&mut ed, &mut d, 70.0, Field::Opening, "今天,各位开会。");
    assert_eq!(of(&ed, CheckId::PunctHalfwidth).len(), 1);
}

#[test]
fn going_to_a_finding_reveals_and_selects_it() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let second = of(&ed, CheckId::PunctHalfwidth)
        .into_iter()
        .find(|f| f.field == Field::Opening && f.paragraph == 1);
    let Some(second) = second else {
        panic!("a finding in the second paragraph");
    };
    let effects = apply_at(&mut ed, &mut d, 40.0, Action::GoToFinding(second));
    let text = ed.speech().field_text(Field::Opening).unwrap_or_default();
    let start = text.find("很重要,").map(|b| b + "很重要".len());
    let Some(start) = start else {
        panic!("the fixture's comma");
    };
    assert_eq!(
        effects,
        [
            Effect::Reveal(crate::part::Part::Opening),
            Effect::Focus(Field::Opening),
            Effect::Select {
                field: Field::Opening,
                range: start..start + 1,
            },
        ]
    );
}
