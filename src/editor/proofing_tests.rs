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

#[test]
fn typing_checks_only_the_changed_paragraph() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let body = Field::Body(ed.speech().sections[0].id);
    let at = |ed: &Editor, check| -> Vec<(usize, String)> {
        of(ed, check)
            .into_iter()
            .filter(|f| f.field == body)
            .map(|f| (f.paragraph, f.text))
            .collect()
    };
    set(
        &mut ed,
        &mut d,
        40.0,
        body,
        "一是抓学习。\n二是抓落实。\n四是抓作风。\n会议很重要,大家认真听。",
    );
    assert_eq!(ed.proofing().rechecked_paragraphs(), 4, "a new text");
    assert_eq!(at(&ed, CheckId::NumberingGap), [(2, "四".to_string())]);
    assert_eq!(at(&ed, CheckId::PunctHalfwidth), [(3, ",".to_string())]);
    // A keystroke in the third paragraph: only it is checked again; the numbering runs across
    // the section are made again from every paragraph's ordinals.
    set(
        &mut ed,
        &mut d,
        41.0,
        body,
        "一是抓学习。\n二是抓落实。\n三是抓作风。\n会议很重要,大家认真听。",
    );
    assert_eq!(ed.proofing().rechecked_fields(), 1);
    assert_eq!(ed.proofing().rechecked_paragraphs(), 1);
    assert_eq!(at(&ed, CheckId::NumberingGap), []);
    assert_eq!(at(&ed, CheckId::PunctHalfwidth), [(3, ",".to_string())]);
    // Enter splits the first paragraph: the two halves are checked, the paragraphs after them
    // keep their findings under their new numbers.
    set(
        &mut ed,
        &mut d,
        42.0,
        body,
        "一是抓学习,\n抓好。\n二是抓落实。\n三是抓作风。\n会议很重要,大家认真听。",
    );
    assert_eq!(ed.proofing().rechecked_paragraphs(), 2);
    assert_eq!(
        at(&ed, CheckId::PunctHalfwidth),
        [(0, ",".to_string()), (4, ",".to_string())]
    );
    assert_eq!(ed.proofing().findings(), expected_findings(&ed));
}

/// What a check from scratch finds in the editor's speech now, without the ignored findings.
fn expected_findings(ed: &Editor) -> Vec<crate::proof::Finding> {
    let speech = ed.speech();
    crate::proof::check_speech(speech, &ed.doc().settings)
        .into_iter()
        .filter(|f| {
            !ed.proof
                .ignored
                .contains(&crate::proof::IgnoreKey::new(speech, f))
        })
        .collect()
}

/// One step of the property below.
#[derive(Clone, Debug)]
enum Step {
    /// Type `text` at a character of a field (positions wrap around its length; fields are
    /// given by position, as in [`super::tests::arb_edit`]).
    Type {
        field: Field,
        at: usize,
        text: String,
    },
    /// Delete up to `len` characters at a character of a field.
    Delete {
        field: Field,
        at: usize,
        len: usize,
    },
    /// Any edit of the document.
    Edit(Edit),
    Undo,
    Redo,
    /// Ignore the shown finding at this position (wrapping around their number).
    Ignore(usize),
    /// Close the panel and open it again.
    Reopen,
}

fn arb_step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    let id = (0u64..6).prop_map(crate::model::SectionId);
    let field = prop_oneof![
        Just(Field::Title),
        Just(Field::Greeting),
        Just(Field::Opening),
        Just(Field::Closing),
        id.clone().prop_map(Field::Heading),
        id.prop_map(Field::Body),
    ];
    let text = "[一二三四是要第首先其次最后的了看，。、,.:;!?()（）“”\"' 　a\n]{1,6}";
    prop_oneof![
        6 => (field.clone(), 0usize..400, text)
            .prop_map(|(field, at, text)| Step::Type { field, at, text }),
        3 => (field, 0usize..400, 1usize..8)
            .prop_map(|(field, at, len)| Step::Delete { field, at, len }),
        2 => super::tests::arb_edit().prop_map(Step::Edit),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => (0usize..50).prop_map(Step::Ignore),
        1 => Just(Step::Reopen),
    ]
}

/// A field given by position (`SectionId(i)`: the section at `i`) as the field it names now.
fn real_field(field: Field, speech: &crate::model::Speech) -> Field {
    let real = |id: crate::model::SectionId| {
        let count = speech.sections.len();
        if count == 0 {
            return crate::model::SectionId(u64::MAX);
        }
        speech.sections[(id.0 as usize).min(count - 1)].id
    };
    match field {
        Field::Heading(id) => Field::Heading(real(id)),
        Field::Body(id) => Field::Body(real(id)),
        other => other,
    }
}

/// The action a step takes on `ed` now.
fn step_action(step: Step, ed: &Editor) -> Option<Action> {
    let speech = ed.speech();
    let edit_text = |field: Field, at: usize, len: usize, insert: &str| {
        let field = real_field(field, speech);
        let text = speech.field_text(field)?;
        let chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + len).min(chars.len());
        let mut out: String = chars[..at].iter().collect();
        out.push_str(insert);
        out.extend(&chars[end..]);
        Some(Action::Edit(Edit::SetField { field, text: out }))
    };
    match step {
        Step::Type { field, at, text } => edit_text(field, at, 0, &text),
        Step::Delete { field, at, len } => edit_text(field, at, len, ""),
        Step::Edit(edit) => Some(Action::Edit(super::tests::resolve(edit, speech))),
        Step::Undo => Some(Action::Undo),
        Step::Redo => Some(Action::Redo),
        Step::Ignore(n) => {
            let shown = ed.proofing().findings();
            (!shown.is_empty()).then(|| Action::IgnoreFinding(shown[n % shown.len()].clone()))
        }
        Step::Reopen => Some(Action::ToggleProofing),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]

    /// Whatever the writer does, the findings kept up to date paragraph by paragraph are the
    /// findings of a check of the whole speech from scratch (without the ignored ones).
    #[test]
    fn incremental_findings_are_those_of_a_full_check(
        steps in proptest::collection::vec(arb_step(), 1..40)
    ) {
        let mut d = ScriptedDialogs::new();
        let mut ed = fixture(&mut d);
        for (i, step) in steps.into_iter().enumerate() {
            let reopen = matches!(step, Step::Reopen);
            let Some(action) = step_action(step, &ed) else {
                continue;
            };
            // Typing one after another groups into undo steps as it does for a writer.
            let secs = 100.0 + i as f64 * 0.3;
            apply_at(&mut ed, &mut d, secs, action);
            if reopen {
                apply_at(&mut ed, &mut d, secs, Action::ToggleProofing);
            }
            let expected = expected_findings(&ed);
            proptest::prop_assert_eq!(ed.proofing().findings(), expected.as_slice());
        }
    }
}

#[test]
fn keeping_a_draft_leaves_what_was_made_of_the_speech() {
    let mut d = ScriptedDialogs::new();
    let mut ed = fixture(&mut d);
    let parts = ed.speech().part_ids();
    let revisions: Vec<u64> = parts.iter().map(|&p| ed.part_revision(p)).collect();
    let generation = ed.proofing().generation();
    let findings = ed.proofing().findings().to_vec();
    apply_at(
        &mut ed,
        &mut d,
        40.0,
        Action::SaveDraftNamed {
            name: "送审稿".into(),
            note: None,
        },
    );
    assert_eq!(ed.drafts().len(), 1, "the draft is kept");
    let after: Vec<u64> = parts.iter().map(|&p| ed.part_revision(p)).collect();
    assert_eq!(after, revisions, "no pane is laid out again");
    assert_eq!(
        ed.proofing().generation(),
        generation,
        "nothing is checked again"
    );
    assert_eq!(ed.proofing().findings(), findings.as_slice());
    // Typing after it checks only the field typed in, as before the draft.
    set(&mut ed, &mut d, 50.0, Field::Title, "在推进会上的的讲话稿");
    assert_eq!(ed.proofing().rechecked_fields(), 1);
    let title = parts.iter().position(|&p| p == crate::part::Part::Title);
    for (i, &part) in parts.iter().enumerate() {
        if Some(i) == title {
            assert!(ed.part_revision(part) > revisions[i], "{part:?} changed");
        } else {
            assert_eq!(ed.part_revision(part), revisions[i], "{part:?} stays");
        }
    }
}
