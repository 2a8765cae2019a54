//! The Proofing panel (F7): findings listed by part, going to one, Fix, Ignore, Fix all, undo,
//! and the messages in the interface language.

use crate::support::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::{Action, Edit, ScriptedDialogs};
use lectern::part::Field;
use lectern::ui::i18n::UiLanguage;
use lectern::ui::panes::field_id;
use lectern::ui::{LecternApp, UiPrefs};

/// The row of the doubled 的 in the title, as the panel names it.
const DOUBLED: &str = "“的” written twice — 在推进会上的的讲话";

/// A speech with a doubled 的 in its title and ASCII commas between Chinese characters: two in
/// the opening, one in the first section.
fn fill(harness: &mut Harness<'static, LecternApp>) {
    let body = Field::Body(harness.state().editor().speech().sections[0].id);
    for (field, text) in [
        (Field::Title, "在推进会上的的讲话"),
        (Field::Opening, "今天,我们开会。\n会议很重要,大家认真听。"),
        (body, "抓学习,抓落实。"),
    ] {
        send(
            harness,
            Action::Edit(Edit::SetField {
                field,
                text: text.into(),
            }),
        );
    }
}

/// An English window with the speech above and the Proofing panel opened with F7.
fn open_panel() -> Harness<'static, LecternApp> {
    let (mut harness, _) = new_harness();
    fill(&mut harness);
    assert!(!shows(&harness, "Proofing"), "closed at start");
    harness.key_press(Key::F7);
    harness.run();
    harness
}

fn count_labels_containing(harness: &Harness<'static, LecternApp>, text: &str) -> usize {
    harness.query_all_by_label_contains(text).count()
}

#[test]
fn f7_opens_the_panel_with_findings_grouped_by_part() {
    let mut harness = open_panel();
    assert!(harness.state().editor().proofing().open);
    assert!(shows(&harness, "Proofing"));
    assert!(shows(&harness, &format!("Go to: {DOUBLED}")));
    assert_eq!(
        count_labels_containing(&harness, "Go to: half-width “,” in Chinese text"),
        3
    );
    // Grouped by part: the part's name with its count.
    assert!(shows(&harness, "Title  (1)"));
    assert!(shows(&harness, "Opening  (2)"));
    // Fix all per check, with the number it fixes.
    assert!(shows(&harness, "Fix all: Half-width punctuation"));
    assert!(shows(&harness, "Half-width punctuation  3"));
    // The outline's badges.
    assert!(shows(&harness, "Findings: Opening (2)"));
    assert!(shows(&harness, "Findings: Title (1)"));
    assert!(!shows(&harness, "Findings: Greeting (1)"));
    // The offending text and its fix.
    assert!(shows(&harness, "“的” » (delete)"));
    assert!(count_labels_containing(&harness, "“,” » “，”") >= 3);
    // F7 again closes it, and the badges go.
    harness.key_press(Key::F7);
    harness.run();
    assert!(!shows(&harness, "Proofing"));
    assert!(!shows(&harness, "Findings: Opening (2)"));
}

#[test]
fn the_command_is_in_the_view_menu_the_palette_and_the_f1_list() {
    let (mut harness, _) = new_harness();
    harness.get_by_label("View").click();
    harness.run();
    assert!(count_labels_containing(&harness, "Proofing panel") >= 1);
    harness.key_press(Key::Escape);
    harness.run();
    press_command_shift(&mut harness, Key::P);
    harness.get_by_label("Command to run").type_text("Proofing");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().editor().proofing().open);
    // The F1 list names it with its key.
    assert!(!shows(&harness, "F7"));
    harness.key_press(Key::F1);
    harness.run();
    assert!(shows(&harness, "F7"));
    assert!(count_labels_containing(&harness, "Proofing panel") >= 1);
}

fn press_command_shift(harness: &mut Harness<'static, LecternApp>, key: Key) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, key);
    harness.run();
}

#[test]
fn clicking_a_finding_selects_its_text_in_the_pane() {
    let mut harness = open_panel();
    harness
        .get_by_label("Go to: half-width “,” in Chinese text — 会议很重要,大家认真听。")
        .click();
    harness.run();
    harness.run();
    let id = field_id(Field::Opening);
    assert!(
        harness.ctx.memory(|m| m.has_focus(id)),
        "the opening has the focus"
    );
    let state = egui::TextEdit::load_state(&harness.ctx, id).expect("the opening's state");
    let range = state.cursor.char_range().expect("a selection");
    let [start, end] = range.sorted_cursors();
    // "今天,我们开会。\n会议很重要" is 14 characters: the comma is the 15th.
    assert_eq!((start.index.0, end.index.0), (14, 15));
    // Typing replaces the selection.
    harness.get_by_label("Opening").type_text("，");
    harness.run();
    assert_eq!(
        harness.state().editor().speech().opening[1],
        "会议很重要，大家认真听。"
    );
}

#[test]
fn fix_changes_the_text_and_the_finding_goes_and_ctrl_z_brings_it_back() {
    let mut harness = open_panel();
    let steps = harness.state().editor().undo_steps();
    harness.get_by_label(&format!("Fix: {DOUBLED}")).click();
    harness.run();
    assert_eq!(harness.state().editor().speech().title, "在推进会上的讲话");
    assert!(!shows(&harness, &format!("Go to: {DOUBLED}")));
    assert!(!shows(&harness, "Findings: Title (1)"));
    assert_eq!(harness.state().editor().undo_steps(), steps + 1);
    press_command(&mut harness, Key::Z);
    assert_eq!(
        harness.state().editor().speech().title,
        "在推进会上的的讲话"
    );
    assert!(shows(&harness, &format!("Go to: {DOUBLED}")));
}

#[test]
fn fix_all_fixes_every_finding_of_one_check_in_one_undo_step() {
    let mut harness = open_panel();
    let steps = harness.state().editor().undo_steps();
    harness
        .get_by_label("Fix all: Half-width punctuation")
        .click();
    harness.run();
    let speech = harness.state().editor().speech().clone();
    assert_eq!(
        speech.opening,
        ["今天，我们开会。", "会议很重要，大家认真听。"]
    );
    assert_eq!(speech.sections[0].paragraphs, ["抓学习，抓落实。"]);
    assert_eq!(
        speech.title, "在推进会上的的讲话",
        "other checks are left alone"
    );
    assert_eq!(
        count_labels_containing(&harness, "Go to: half-width “,” in Chinese text"),
        0
    );
    assert!(!shows(&harness, "Fix all: Half-width punctuation"));
    assert!(shows(&harness, &format!("Go to: {DOUBLED}")));
    assert_eq!(harness.state().editor().undo_steps(), steps + 1);
    press_command(&mut harness, Key::Z);
    assert_eq!(
        count_labels_containing(&harness, "Go to: half-width “,” in Chinese text"),
        3
    );
    assert_eq!(
        harness.state().editor().speech().opening[0],
        "今天,我们开会。"
    );
}

#[test]
fn ignore_hides_a_finding_and_the_panel_says_so() {
    let mut harness = open_panel();
    harness.get_by_label(&format!("Ignore: {DOUBLED}")).click();
    harness.run();
    assert!(!shows(&harness, &format!("Go to: {DOUBLED}")));
    assert_eq!(
        harness.state().editor().speech().title,
        "在推进会上的的讲话",
        "ignoring changes no text"
    );
    assert!(count_labels_containing(&harness, "Ignored: 1") >= 1);
}

#[test]
fn a_clean_speech_says_there_is_nothing_to_fix() {
    let (mut harness, _) = new_harness();
    let ids: Vec<_> = harness
        .state()
        .editor()
        .speech()
        .sections
        .iter()
        .map(|s| s.id)
        .collect();
    let mut fields = vec![
        (Field::Title, "在推进会上的讲话"),
        (Field::Opening, "今天我们开会。"),
        (Field::Closing, "谢谢大家！"),
    ];
    fields.extend(ids.iter().map(|id| (Field::Body(*id), "抓落实。")));
    for (field, text) in fields {
        send(
            &mut harness,
            Action::Edit(Edit::SetField {
                field,
                text: text.into(),
            }),
        );
    }
    harness.key_press(Key::F7);
    harness.run();
    assert!(shows(&harness, "Proofing"));
    assert!(shows(&harness, "No findings."));
    // And typing a slip brings a finding at once.
    send(
        &mut harness,
        Action::Edit(Edit::SetField {
            field: Field::Opening,
            text: "今天,我们开会。".into(),
        }),
    );
    assert!(!shows(&harness, "No findings."));
    assert_eq!(
        count_labels_containing(&harness, "Go to: half-width “,” in Chinese text"),
        1
    );
}

#[test]
fn a_chinese_interface_shows_chinese_messages() {
    for (lang, halfwidth, fix_all, doubled) in [
        (
            UiLanguage::ZhHans,
            "转到：中文里用了半角标点“,”",
            "全部修正：半角标点",
            "转到：“的”重复了",
        ),
        (
            UiLanguage::ZhHant,
            "跳至：中文裡用了半形標點「,」",
            "全部修正：半形標點",
            "跳至：「的」重複了",
        ),
    ] {
        let dialogs = ScriptedDialogs::new();
        let mut harness = harness(app_with(
            &dialogs,
            UiPrefs {
                language: Some(lang),
                ..UiPrefs::default()
            },
        ));
        fill(&mut harness);
        harness.key_press(Key::F7);
        harness.run();
        assert_eq!(count_labels_containing(&harness, halfwidth), 3, "{lang:?}");
        assert!(shows(&harness, fix_all), "{lang:?}");
        assert_eq!(count_labels_containing(&harness, doubled), 1, "{lang:?}");
        assert_eq!(count_labels_containing(&harness, "half-width"), 0);
        assert_eq!(count_labels_containing(&harness, "written twice"), 0);
    }
}
