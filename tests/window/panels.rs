//! The outline, panes, drafts and comparison window, driven by label.

use crate::support::*;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::Action;

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
fn compare_opens_on_the_newest_draft_against_the_working_copy() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "一二三四五");
    send(
        &mut harness,
        Action::SaveDraftNamed {
            name: "初稿".into(),
            note: None,
        },
    );
    harness.run();
    type_into(&mut harness, "Text: Section 1", "六七");
    harness.get_by_label("Compare drafts…").click();
    harness.run();
    // Left is the newest draft, right the working copy; section 1 gained two characters.
    assert_eq!(
        diff_summary(&harness),
        ["一  modified  +1 s"],
        "the template's sections have no heading"
    );
    assert!(harness.query_by_label("1 change").is_some());
    assert!(
        harness.query_by_label("Text: Section 1").is_none(),
        "the view replaces the panes"
    );
    harness.get_by_label("Close comparison").click();
    harness.run();
    assert!(harness.query_by_label("Text: Section 1").is_some());
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
        lectern::ui::ThemeChoice::Dark
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn the_drafts_panel_toggles_and_deleting_a_draft_is_undone() {
    let (mut harness, _) = new_harness();
    send(
        &mut harness,
        Action::SaveDraftNamed {
            name: "第一稿".into(),
            note: Some("领导审阅前".into()),
        },
    );
    harness.run();
    assert!(harness.query_by_label("领导审阅前").is_some());
    harness.get_by_label("Delete: 第一稿").click();
    harness.run();
    assert!(harness.state().editor().drafts().is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().editor().drafts()[0].name, "第一稿");
    assert!(
        shows(&harness, "Delete: 第一稿"),
        "the undone draft is listed again"
    );
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::D,
    );
    harness.run();
    assert!(harness.query_by_label("Delete: 第一稿").is_none());
}

#[test]
fn a_long_drafts_list_draws_only_the_cards_in_sight_and_scrolls_to_the_rest() {
    let (mut harness, _) = new_harness();
    harness.set_size(egui::vec2(1280.0, 800.0));
    let speech = harness.state().editor().speech().clone();
    for n in 1..=300 {
        send(
            &mut harness,
            Action::Edit(lectern::editor::Edit::AddDraft {
                speech: Box::new(speech.clone()),
                name: format!("第{n}稿"),
                note: (n % 3 == 0).then(|| format!("第{n}稿的说明")),
                now: chrono::Utc::now(),
            }),
        );
    }
    harness.run();
    // Newest first: the newest cards are drawn, the oldest are not (300 cards of widgets a
    // frame made every frame slow).
    assert!(harness.query_by_label("Restore: 第300稿").is_some());
    assert!(harness.query_by_label("Restore: 第1稿").is_none());
    // Scrolled to the end, the oldest card is there.
    let list = harness.get_by_label("Restore: 第300稿").rect();
    for _ in 0..60 {
        harness.event(egui::Event::PointerMoved(list.center()));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // The scroll is animated over a few frames.
        harness.run_steps(8);
        if harness.query_by_label("Restore: 第1稿").is_some() {
            break;
        }
    }
    assert!(harness.query_by_label("Restore: 第1稿").is_some());
    assert!(harness.query_by_label("Restore: 第300稿").is_none());
}
