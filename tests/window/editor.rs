//! The editor window driven like a writer would: by labels, clicks and keys, headless.

use crate::support::*;
use egui::Key;
use egui_kittest::kittest::Queryable as _;

#[test]
fn a_new_window_shows_the_work_conference_template() {
    let (harness, _) = new_harness();
    let speech = harness.state().editor().speech();
    assert_eq!(speech.greeting, "同志们：");
    assert_eq!(speech.sections.len(), 3);
    // Template guidance shows as the hint of the empty first section.
    assert!(harness.query_by_label("Text: Section 1").is_some());
    assert!(harness.query_by_label("Unsaved new file").is_some());
}

#[test]
fn typing_into_a_section_changes_its_paragraphs() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "一要提高站位。");
    harness.key_press(Key::Enter);
    harness.run();
    harness
        .get_by_label("Text: Section 1")
        .type_text("二要狠抓落实。");
    harness.run();
    type_into(&mut harness, "Heading: Section 1", "提高政治站位");
    let section = &harness.state().editor().speech().sections[0];
    assert_eq!(section.paragraphs, ["一要提高站位。", "二要狠抓落实。"]);
    assert_eq!(section.heading, "提高政治站位");
    // The outline follows: number from position, heading, and the count.
    assert!(harness.query_by_label("Go to: 一、提高政治站位").is_some());
    assert!(
        shows(&harness, "Unsaved new file"),
        "a never-saved speech says so"
    );
}

#[test]
fn sections_are_added_and_reordered_and_numbers_follow() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Heading: Section 1", "甲");
    type_into(&mut harness, "Heading: Section 2", "乙");
    type_into(&mut harness, "Heading: Section 3", "丙");
    harness.get_by_label("Add section").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().sections.len(), 4);
    type_into(&mut harness, "Heading: Section 4", "丁");
    assert_eq!(headings(&harness), ["甲", "乙", "丙", "丁"]);

    harness.get_by_label("Move up: Section 4").click();
    harness.run();
    assert_eq!(headings(&harness), ["甲", "乙", "丁", "丙"]);
    harness.get_by_label("Move down: Section 1").click();
    harness.run();
    assert_eq!(headings(&harness), ["乙", "甲", "丁", "丙"]);
    // Numbers come from the position.
    for label in ["一、乙", "二、甲", "三、丁", "四、丙"] {
        let label = format!("Go to: {label}");
        assert!(harness.query_by_label(&label).is_some(), "{label}");
    }
    // The first section cannot move up, the last cannot move down.
    harness.get_by_label("Move up: Section 1").click();
    harness.get_by_label("Move down: Section 4").click();
    harness.run();
    assert_eq!(headings(&harness), ["乙", "甲", "丁", "丙"]);
}

#[test]
fn removing_a_section_is_undone_with_the_same_id() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Heading: Section 2", "第二部分的标题");
    let before = harness.state().editor().speech().sections.clone();
    harness.get_by_label("Remove: Section 2").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().sections.len(), 2);
    assert!(
        harness
            .state()
            .editor()
            .speech()
            .section_index(before[1].id)
            .is_none()
    );

    press_command(&mut harness, Key::Z);
    assert_eq!(harness.state().editor().speech().sections, before);
    // …and redo removes it again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().editor().speech().sections.len(), 2);
}

#[test]
fn ctrl_z_in_a_focused_text_field_undoes_the_document() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Heading: Section 1", "标题");
    harness.get_by_label("Add section").click();
    harness.run();
    type_into(&mut harness, "Text: Section 1", "正文");
    assert!(harness.get_by_label("Text: Section 1").is_focused());

    // The app, not the text field, owns Ctrl+Z: one press undoes the burst of typing…
    press_command(&mut harness, Key::Z);
    assert!(
        harness.state().editor().speech().sections[0]
            .paragraphs
            .is_empty()
    );
    assert_eq!(
        harness.get_by_label("Text: Section 1").value().as_deref(),
        Some("")
    );
    // …the next the added section, the next the heading: document steps, not field steps.
    press_command(&mut harness, Key::Z);
    assert_eq!(harness.state().editor().speech().sections.len(), 3);
    press_command(&mut harness, Key::Z);
    assert_eq!(harness.state().editor().speech().sections[0].heading, "");
    // Ctrl+Y redoes.
    press_command(&mut harness, Key::Y);
    assert_eq!(
        harness.state().editor().speech().sections[0].heading,
        "标题"
    );
}

#[test]
fn a_draft_is_saved_and_restored() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "第一稿的内容");
    harness.get_by_label("Save draft…").click();
    harness.run();
    // The name field is empty, with the default name as its hint; saving keeps the default.
    assert_eq!(harness.get_by_label("Name").value().as_deref(), Some(""));
    type_into(
        &mut harness,
        "Note (optional)",
        "before the director's comments",
    );
    harness.get_by_label("Save").click();
    harness.run();
    let drafts = harness.state().editor().drafts().to_vec();
    assert_eq!(drafts.len(), 1);
    let default_name = drafts[0].name.clone();
    assert!(default_name.starts_with("Draft 1 — "), "{default_name}");
    assert_eq!(
        drafts[0].note.as_deref(),
        Some("before the director's comments")
    );

    type_into(&mut harness, "Text: Section 1", "，再改一改");
    assert_eq!(
        harness.state().editor().speech().sections[0].paragraphs,
        ["第一稿的内容，再改一改"]
    );
    harness
        .get_by_label(&format!("Restore: {default_name}"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().sections[0].paragraphs,
        ["第一稿的内容"]
    );
    // The working copy was kept as an automatic draft, listed apart.
    let drafts = harness.state().editor().drafts();
    assert_eq!(drafts.len(), 2);
    assert_eq!(
        drafts[1].speech.sections[0].paragraphs,
        ["第一稿的内容，再改一改"]
    );
    assert!(harness.query_by_label("Automatic drafts (1)").is_some());
    // Restoring is one undo step.
    press_command(&mut harness, Key::Z);
    assert_eq!(harness.state().editor().drafts().len(), 1);
    assert_eq!(
        harness.state().editor().speech().sections[0].paragraphs,
        ["第一稿的内容，再改一改"]
    );
}

#[test]
fn find_and_replace_all_is_one_undo_step() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "抓落实，再抓落实");
    type_into(&mut harness, "Text: Section 3", "抓落实");
    press_command(&mut harness, Key::F);
    harness.get_by_label("Find").type_text("落实");
    harness.run();
    assert!(harness.query_by_label("3 matches").is_some());
    harness.get_by_label("Find next").click();
    harness.run();
    assert!(harness.query_by_label("1 of 3").is_some());
    harness.get_by_label("Find previous").click();
    harness.run();
    assert!(harness.query_by_label("3 of 3").is_some());

    let steps = harness.state().editor().undo_steps();
    type_into(&mut harness, "Replace with", "见效");
    harness.get_by_label("Replace all").click();
    harness.run();
    let speech = harness.state().editor().speech();
    assert_eq!(speech.sections[0].paragraphs, ["抓见效，再抓见效"]);
    assert_eq!(speech.sections[2].paragraphs, ["抓见效"]);
    assert_eq!(harness.state().editor().undo_steps(), steps + 1);
    assert!(harness.query_by_label("Replaced 3").is_some());

    press_command(&mut harness, Key::Z);
    let speech = harness.state().editor().speech();
    assert_eq!(speech.sections[0].paragraphs, ["抓落实，再抓落实"]);
    assert_eq!(speech.sections[2].paragraphs, ["抓落实"]);
}

#[test]
fn replace_one_replaces_the_current_match_only() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 2", "一是抓。二是抓。");
    press_command(&mut harness, Key::F);
    harness.get_by_label("Find").type_text("抓");
    harness.run();
    harness.get_by_label("Find next").click();
    harness.run();
    type_into(&mut harness, "Replace with", "干");
    harness.get_by_label("Replace").click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().sections[1].paragraphs,
        ["一是干。二是抓。"]
    );
    assert!(harness.query_by_label("1 of 1").is_some());
}

#[test]
fn the_interface_language_switches_from_the_view_menu() {
    let (mut harness, _) = new_harness();
    assert!(harness.query_by_label("File").is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Interface language").hover();
    harness.run();
    harness.get_by_label("简体中文").click();
    harness.run();
    assert!(harness.query_by_label("文件").is_some());
    assert!(harness.query_by_label("File").is_none());
    assert!(harness.query_by_label("正文：第一部分").is_some());

    harness.get_by_label("视图").click();
    harness.run();
    harness.get_by_label("界面语言").hover();
    harness.run();
    harness.get_by_label("繁體中文").click();
    harness.run();
    assert!(harness.query_by_label("檔案").is_some());
    assert_eq!(
        harness.state().prefs().language,
        Some(lectern::ui::i18n::UiLanguage::ZhHant)
    );
}
