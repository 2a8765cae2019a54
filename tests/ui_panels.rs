//! The outline, panes, drafts and comparison window, driven by label.

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use lectern::ui::Command;
use ui_support::*;

#[test]
fn a_section_is_dragged_to_a_new_place_in_the_outline() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Heading: Section 1", "甲");
    type_into(&mut harness, "Heading: Section 2", "乙");
    type_into(&mut harness, "Heading: Section 3", "丙");
    let grip = harness
        .get_by_label("Drag to reorder: Section 1")
        .rect()
        .center();
    let target = harness.get_by_label("Go to: 三、丙").rect();
    // Below the middle of the third row: after it.
    let drop = egui::pos2(target.center().x, target.bottom() + 8.0);
    harness.hover_at(grip);
    harness.run();
    harness.drag_at(grip);
    harness.run();
    harness.hover_at(grip + egui::vec2(0.0, 10.0));
    harness.run();
    harness.hover_at(drop);
    harness.run();
    harness.drop_at(drop);
    harness.run();
    assert_eq!(headings(&harness), ["乙", "丙", "甲"]);
    assert!(harness.query_by_label("Go to: 三、甲").is_some());
}

#[test]
fn panes_collapse_and_the_outline_opens_them_again() {
    let (mut harness, _) = new_harness();
    assert!(harness.query_by_label("Opening").is_some());
    harness.get_by_label("Collapse: Opening").click();
    harness.run();
    assert!(harness.query_by_label("Expand: Opening").is_some());
    // The collapsed pane's text field is gone; its header stays.
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Opening")
            .is_none()
    );
    harness.get_by_label("Go to: Opening").click();
    harness.run();
    assert!(harness.query_by_label("Collapse: Opening").is_some());
}

#[test]
fn compare_lists_two_versions_part_by_part() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "一二三四五");
    harness.state_mut().send(Command::SaveDraftNamed {
        name: "初稿".into(),
        note: None,
    });
    harness.run();
    type_into(&mut harness, "Text: Section 1", "六七");
    harness.get_by_label("Compare drafts…").click();
    harness.run();
    // A is the newest draft, B the working copy; the first section differs by two characters.
    assert!(harness.query_by_label("5 chars · 2 s").is_some());
    assert!(
        harness.query_all_by_label("7 chars · 2 s").count() >= 2,
        "B, and the panes"
    );
    assert_eq!(
        harness.query_all_by_label("+2 · +1 s").count(),
        2,
        "section 1 and total"
    );
    // Totals: the greeting's three characters count too.
    assert!(harness.query_by_label("8 chars · 3 s").is_some());
    assert!(harness.query_by_label("10 chars · 3 s").is_some());
}

#[test]
fn the_theme_is_remembered_in_the_preferences() {
    let (mut harness, _) = new_harness();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Theme").hover();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(
        harness.state().prefs().theme,
        lectern::ui::state::ThemeChoice::Dark
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn the_drafts_panel_toggles_and_deleting_a_draft_is_undone() {
    let (mut harness, _) = new_harness();
    harness.state_mut().send(Command::SaveDraftNamed {
        name: "第一稿".into(),
        note: Some("领导审阅前".into()),
    });
    harness.run();
    assert!(harness.query_by_label("领导审阅前").is_some());
    harness.get_by_label("Delete: 第一稿").click();
    harness.run();
    assert!(harness.state().drafts().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().drafts()[0].name, "第一稿");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::D,
    );
    harness.run();
    assert!(harness.query_by_label("Delete: 第一稿").is_none());
}
