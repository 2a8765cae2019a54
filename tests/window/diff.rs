//! The compare view, driven by label: choosing sides, stepping through changes, accepting and
//! rejecting into the working copy, undo, moved sections, and taking a reviewer's change.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use lectern::editor::Version;
use lectern::editor::{Action, Edit};
use lectern::part::Field;
use lectern::ui::LecternApp;

type H = Harness<'static, LecternApp>;

fn set(harness: &mut H, field: Field, text: &str) {
    send(
        harness,
        Action::Edit(Edit::SetField {
            field,
            text: text.into(),
        }),
    );
}

fn section_id(harness: &H, index: usize) -> lectern::model::SectionId {
    harness.state().editor().speech().sections[index].id
}

/// A known speech: a title, a greeting, no opening or closing, three sections.
fn known_speech(harness: &mut H) {
    set(harness, Field::Title, "在全市工作会议上的讲话");
    set(harness, Field::Greeting, "同志们：");
    set(harness, Field::Opening, "");
    set(harness, Field::Closing, "");
    let texts = [
        ("提高站位", "一要学习。二要落实。"),
        ("狠抓落实", "三要检查。"),
        ("改进作风", "四要务实。"),
    ];
    for (i, (heading, body)) in texts.into_iter().enumerate() {
        let id = section_id(harness, i);
        set(harness, Field::Heading(id), heading);
        set(harness, Field::Body(id), body);
    }
}

fn save_draft(harness: &mut H, name: &str) {
    send(
        harness,
        Action::SaveDraftNamed {
            name: name.into(),
            note: None,
        },
    );
}

fn click(harness: &mut H, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn body(harness: &H, index: usize) -> Vec<String> {
    harness.state().editor().speech().sections[index]
        .paragraphs
        .clone()
}

#[test]
fn two_drafts_are_compared_and_next_and_previous_step_through_the_changes() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    let first = section_id(&harness, 0);
    let third = section_id(&harness, 2);
    set(&mut harness, Field::Body(first), "一要认真学习。二要落实。");
    set(&mut harness, Field::Body(third), "四要务实。五要清廉。");
    save_draft(&mut harness, "二稿");
    set(&mut harness, Field::Body(first), "一要学习。");
    click(&mut harness, "Compare drafts…");
    // Compare the two drafts: the older on the left, the newer on the right.
    let drafts = harness.state().editor().drafts().to_vec();
    send(
        &mut harness,
        Action::SetCompare(lectern::editor::CompareSides {
            a: Version::Draft(drafts[0].id),
            b: Version::Draft(drafts[1].id),
        }),
    );
    harness.run();
    assert!(harness.query_by_label("2 changes").is_some());
    click(&mut harness, "Next change");
    assert!(harness.query_by_label("Change 1 of 2").is_some());
    assert_eq!(diff_position(&harness), (Some(0), 2));
    harness.key_press(egui::Key::F8);
    harness.run();
    assert!(harness.query_by_label("Change 2 of 2").is_some());
    click(&mut harness, "Previous change");
    assert!(harness.query_by_label("Change 1 of 2").is_some());
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    harness.run();
    assert!(harness.query_by_label("Change 2 of 2").is_some(), "wraps");
    // Between two drafts nothing can be rejected: the right side is not the working copy.
    assert!(
        harness
            .get_by_label("Reject")
            .accesskit_node()
            .is_disabled()
    );
    // The summary lists the two modified sections.
    let summary = diff_summary(&harness);
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert!(
        summary[0].starts_with("一 提高站位  modified  +"),
        "{summary:?}"
    );
    // Inline mode, and no merging of small changes, draw the same comparison.
    click(&mut harness, "Inline");
    click(&mut harness, "Merge small changes");
    assert_eq!(diff_position(&harness).1, 2);
    click(&mut harness, "Close comparison");
    assert!(
        harness.query_by_label("Text: Section 1").is_some(),
        "the panes are back"
    );
}

#[test]
fn rejecting_and_accepting_edit_the_working_copy_and_undo_restores_it() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    let (first, second) = (section_id(&harness, 0), section_id(&harness, 1));
    set(&mut harness, Field::Body(first), "一要认真学习。二要落实。");
    set(&mut harness, Field::Body(second), "三要严格检查。");
    click(&mut harness, "Compare drafts…");
    assert!(harness.query_by_label("2 changes").is_some());
    click(&mut harness, "Next change");
    assert!(harness.query_by_label("Change 1 of 2").is_some());
    let steps = harness.state().editor().undo_steps();
    click(&mut harness, "Reject");
    assert_eq!(body(&harness, 0), ["一要学习。二要落实。"]);
    assert_eq!(
        harness.state().editor().undo_steps(),
        steps + 1,
        "one reject, one step"
    );
    // The diff is computed again: one change left, and it is the current one.
    assert!(harness.query_by_label("Change 1 of 1").is_some());
    click(&mut harness, "Accept");
    assert_eq!(body(&harness, 0), ["一要学习。二要落实。"]);
    assert_eq!(body(&harness, 1), ["三要严格检查。"]);
    assert_eq!(
        harness.state().editor().undo_steps(),
        steps + 1,
        "accepting is no edit"
    );
    press_command(&mut harness, egui::Key::Z);
    assert_eq!(body(&harness, 0), ["一要认真学习。二要落实。"]);
    assert_eq!(body(&harness, 1), ["三要严格检查。"]);
    assert_eq!(diff_position(&harness).1, 2);
}

#[test]
fn a_moved_section_is_reported_as_moved_and_rejecting_puts_it_back() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    let third = section_id(&harness, 2);
    send(
        &mut harness,
        Action::Edit(Edit::MoveSection { id: third, to: 0 }),
    );
    harness.run();
    assert_eq!(headings(&harness), ["改进作风", "提高站位", "狠抓落实"]);
    click(&mut harness, "Compare drafts…");
    let summary = diff_summary(&harness);
    assert_eq!(summary, ["三 » 一 改进作风  moved  ±0 s"]);
    assert!(
        harness
            .query_by_label("三 » 一 改进作风  moved  ±0 s")
            .is_some()
    );
    click(&mut harness, "三 » 一 改进作风  moved  ±0 s");
    assert!(harness.query_by_label("Change 1 of 1").is_some());
    click(&mut harness, "Reject all in this part: 三 » 一 改进作风");
    assert_eq!(headings(&harness), ["提高站位", "狠抓落实", "改进作风"]);
    assert_eq!(diff_position(&harness), (None, 0));
}

#[test]
fn a_reviewers_text_is_imported_as_a_draft_and_one_of_its_changes_taken() {
    let (mut harness, dialogs) = new_harness();
    known_speech(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("审阅意见.txt");
    std::fs::write(
        &path,
        "在全市工作会议上的讲话\n同志们：\n一、提高站位\n一要认真学习。二要落实。\n\
         二、狠抓落实\n三要严格检查。\n三、改进作风\n四要务实。\n",
    )
    .unwrap();
    dialogs.push(Some(path));
    let steps = harness.state().editor().undo_steps();
    // Hide the drafts panel (it has the same button) and use the Draft menu.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::D,
    );
    harness.run();
    click(&mut harness, "Draft");
    click(&mut harness, "Import text as draft…");
    let drafts = harness.state().editor().drafts().to_vec();
    assert_eq!(drafts.len(), 1);
    assert_eq!(
        drafts[0].name, "审阅意见",
        "named after the reviewer's file"
    );
    assert_eq!(drafts[0].note.as_deref(), Some("审阅意见.txt"));
    assert_eq!(
        harness.state().editor().undo_steps(),
        steps + 1,
        "one step for the import"
    );
    assert!(harness.query_by_label("2 changes · 2 left").is_some());
    click(&mut harness, "Next change");
    // The reviewer's copy is on the right: the buttons say what to do with their change.
    assert!(shows(&harness, "Take"));
    assert!(harness.query_by_label("Reject").is_none());
    click(&mut harness, "Take");
    assert_eq!(body(&harness, 0), ["一要认真学习。二要落实。"]);
    click(&mut harness, "Keep mine");
    assert_eq!(body(&harness, 1), ["三要检查。"]);
    assert_eq!(harness.state().editor().speech().sections.len(), 3);
}

/// A paragraph of section 一 moved to the end of section 二 (after a draft of the speech as it
/// was), then the compare view opened on that draft.
fn a_paragraph_moved_between_sections(harness: &mut H) {
    known_speech(harness);
    let (first, second) = (section_id(harness, 0), section_id(harness, 1));
    set(
        harness,
        Field::Body(first),
        "一要学习理论知识。\n二要落实各项任务。",
    );
    save_draft(harness, "初稿");
    set(harness, Field::Body(first), "二要落实各项任务。");
    set(
        harness,
        Field::Body(second),
        "三要检查。\n一要学习理论知识。",
    );
    send(harness, Action::CompareDrafts);
}

#[test]
fn a_paragraph_moved_between_sections_is_labelled_as_moved_at_both_ends() {
    let (mut harness, _) = new_harness();
    a_paragraph_moved_between_sections(&mut harness);
    let compare = harness.state().editor().compare().expect("open");
    assert_eq!(compare.sides().b, Version::Working);
    // Where it left (section 一, on the left) and where it arrived (二, on the right).
    assert!(
        shows(&harness, "moved to 二"),
        "{:?}",
        diff_summary(&harness)
    );
    assert!(shows(&harness, "moved from 一"));
    // Inline: the same labels in the one column.
    let mut settings = compare.settings();
    settings.mode = lectern::editor::DiffMode::Inline;
    send(&mut harness, Action::SetDiffSettings(settings));
    assert!(shows(&harness, "moved to 二"));
    assert!(shows(&harness, "moved from 一"));
}

#[test]
fn move_labels_speak_the_interface_language() {
    for (lang, to, from) in [
        (lectern::ui::i18n::UiLanguage::ZhHans, "移至二", "移自一"),
        (lectern::ui::i18n::UiLanguage::ZhHant, "移至二", "移自一"),
    ] {
        let dialogs = lectern::editor::ScriptedDialogs::new();
        let prefs = lectern::ui::UiPrefs {
            language: Some(lang),
            ..lectern::ui::UiPrefs::default()
        };
        let mut harness = harness(app_with(&dialogs, prefs));
        a_paragraph_moved_between_sections(&mut harness);
        assert!(shows(&harness, to), "{lang:?}");
        assert!(shows(&harness, from), "{lang:?}");
        assert!(!shows(&harness, "moved to 二"));
    }
}
