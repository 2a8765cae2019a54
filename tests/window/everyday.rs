//! Everyday use (issue 10) in the window: zoom and text size, paragraph spacing, the undo notice
//! after a section is deleted, the outline's notes and the part in view, English numbering, the
//! find bar's options, Escape and steady buttons, the save-draft dialog's Enter, the F1 list,
//! the 繁體 template, an import's target, and a typed path where no file picker can be shown.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::{Action, Dialog, ScriptedDialogs};
use lectern::part::Part;
use lectern::ui::i18n::UiLanguage;
use lectern::ui::{LecternApp, UiPrefs};

use crate::support::*;

/// A short window: the panes scroll, and a part can be scrolled to the top.
fn small_harness(app: LecternApp) -> Harness<'static, LecternApp> {
    Harness::builder()
        .with_size(egui::vec2(1024.0, 360.0))
        .with_context_setup(lectern::ui::fonts::install)
        .build_ui_state(|ui, app: &mut LecternApp| app.pass_ui(ui), app)
}

fn english(prefs: UiPrefs) -> UiPrefs {
    UiPrefs {
        language: Some(UiLanguage::En),
        ..prefs
    }
}

fn height_of(harness: &Harness<'static, LecternApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().height()
}

#[test]
fn ctrl_plus_minus_and_zero_zoom_the_window_and_the_zoom_is_remembered() {
    let (mut harness, _) = new_harness();
    assert_eq!(harness.state().prefs().zoom, 1.0);
    press_command(&mut harness, Key::Equals);
    harness.run();
    assert_eq!(harness.state().prefs().zoom, 1.1);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-6);
    press_command(&mut harness, Key::Minus);
    press_command(&mut harness, Key::Minus);
    harness.run();
    assert_eq!(harness.state().prefs().zoom, 0.9);
    press_command(&mut harness, Key::Num0);
    harness.run();
    assert_eq!(harness.state().prefs().zoom, 1.0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    // The View menu has the same entries (from the command table).
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert_eq!(harness.state().prefs().zoom, 1.1);
    // A new window starts at the remembered zoom.
    let prefs = harness.state().prefs();
    let dialogs = ScriptedDialogs::new();
    let mut again = harness_for(app_with(&dialogs, prefs));
    again.run();
    assert!((again.ctx.zoom_factor() - 1.1).abs() < 1e-6);
}

fn harness_for(app: LecternApp) -> Harness<'static, LecternApp> {
    crate::support::harness(app)
}

#[test]
fn the_body_text_size_is_a_setting_of_its_own() {
    let dialogs = ScriptedDialogs::new();
    let mut normal = harness_for(app_with(&dialogs, english(UiPrefs::default())));
    normal.run();
    let mut large = harness_for(app_with(
        &dialogs,
        english(UiPrefs {
            body_font_size: 24.0,
            ..UiPrefs::default()
        }),
    ));
    large.run();
    let (small, big) = (
        height_of(&normal, "Text: Section 1"),
        height_of(&large, "Text: Section 1"),
    );
    assert!(big > small * 1.3, "{small} → {big}");
    // The zoom is untouched by it.
    assert!((large.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    // It is in the View menu, labelled.
    normal.get_by_label("View").click();
    normal.run();
    assert!(shows(&normal, "Text size in panes"));
}

#[test]
fn paragraphs_have_a_little_space_between_them_unless_turned_off() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "一要学习。");
    let one = height_of(&harness, "Text: Section 1");
    let id = harness.state().editor().speech().sections[0].id;
    send(
        &mut harness,
        Action::Edit(lectern::editor::Edit::SetField {
            field: lectern::part::Field::Body(id),
            text: "一要学习。\n二要落实。\n三要总结。\n四要提高。".into(),
        }),
    );
    harness.run();
    let spaced = height_of(&harness, "Text: Section 1");
    assert!(harness.state().prefs().paragraph_spacing, "on by default");
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_label_contains("Space between paragraphs")
        .click();
    harness.run();
    assert!(!harness.state().prefs().paragraph_spacing);
    let tight = height_of(&harness, "Text: Section 1");
    assert!(spaced > one, "four paragraphs are taller than one");
    assert!(
        spaced > tight + 12.0,
        "three gaps of half an em: {tight} → {spaced}"
    );
}

#[test]
fn a_deleted_section_offers_undo_and_the_cross_is_apart_from_the_arrows() {
    let (mut harness, _) = new_harness();
    let cross = harness.get_by_label("Remove: Section 2").rect();
    let arrow = harness.get_by_label("Move down: Section 2").rect();
    let gap = (cross.left() - arrow.right()).max(arrow.left() - cross.right());
    assert!(gap >= 18.0, "× and arrows {gap} pt apart");
    assert!(!shows(&harness, "Section deleted"));
    harness.get_by_label("Remove: Section 2").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().sections.len(), 2);
    assert!(shows(&harness, "Section deleted"));
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().editor().speech().sections.len(), 3);
    assert!(!shows(&harness, "Section deleted"));
}

const NOTES_HELP: &str =
    "Kept with the speech, never exported (an import puts here what it found above the title).";

#[test]
fn the_outline_lists_the_notes_and_marks_the_part_in_view() {
    let dialogs = ScriptedDialogs::new();
    let mut harness = small_harness(app_with(&dialogs, english(UiPrefs::default())));
    harness.run();
    harness.run();
    assert_eq!(harness.state().view_state().in_view, Some(Part::Title));
    let second = harness.state().editor().speech().sections[1].id;
    harness.get_by_label("Go to: 二、 (Section 2)").click();
    for _ in 0..4 {
        harness.run();
    }
    assert_eq!(
        harness.state().view_state().in_view,
        Some(Part::Section(second))
    );
    // The notes have a row of their own; it opens them.
    let (mut harness, _) = new_harness();
    assert!(!shows(&harness, NOTES_HELP));
    harness.get_by_label("Go to: Notes").click();
    for _ in 0..4 {
        harness.run();
    }
    assert!(shows(&harness, NOTES_HELP));
}

#[test]
fn a_moved_section_is_scrolled_into_view() {
    let dialogs = ScriptedDialogs::new();
    let mut harness = small_harness(app_with(&dialogs, english(UiPrefs::default())));
    harness.run();
    harness.run();
    assert_eq!(harness.state().view_state().in_view, Some(Part::Title));
    let first = harness.state().editor().speech().sections[0].id;
    harness.get_by_label("Move down: Section 1").click();
    for _ in 0..4 {
        harness.run();
    }
    assert_eq!(harness.state().editor().speech().sections[1].id, first);
    assert_eq!(
        harness.state().view_state().in_view,
        Some(Part::Section(first))
    );
}

#[test]
fn english_numbers_have_a_space_after_the_period() {
    let (mut harness, _) = new_harness();
    send(&mut harness, Action::NewFromTemplate("en-keynote".into()));
    harness.run();
    let id = harness.state().editor().speech().sections[0].id;
    send(
        &mut harness,
        Action::Edit(lectern::editor::Edit::SetField {
            field: lectern::part::Field::Heading(id),
            text: "Know".into(),
        }),
    );
    harness.run();
    assert!(shows(&harness, "Go to: I. Know"));
    assert!(!shows(&harness, "Go to: I.Know"));
}

/// Whether the text `text` is drawn with a part of it on a highlight background (a find match).
fn highlighted_in(harness: &Harness<'static, LecternApp>, text: &str) -> bool {
    fn any_marked(shape: &egui::Shape, text: &str) -> bool {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().any(|s| any_marked(s, text)),
            egui::Shape::Text(shape) => {
                shape.galley.job.text == text
                    && shape
                        .galley
                        .job
                        .sections
                        .iter()
                        .any(|section| section.format.background != egui::Color32::TRANSPARENT)
            }
            _ => false,
        }
    }
    harness
        .output()
        .shapes
        .iter()
        .any(|clipped| any_marked(&clipped.shape, text))
}

#[test]
fn the_find_bar_options_escape_and_steady_buttons() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Title", "Know Your Audience");
    type_into(&mut harness, "Text: Section 1", "know this. knowledge.");
    press_command(&mut harness, Key::F);
    let next_before = harness.get_by_label("Find next").rect();
    harness.get_by_label("Find").type_text("know");
    harness.run();
    assert!(shows(&harness, "3 matches"));
    assert!(
        highlighted_in(&harness, "Know Your Audience"),
        "the match in the title is painted like the others"
    );
    assert!(highlighted_in(&harness, "know this. knowledge."));
    assert_eq!(harness.get_by_label("Find next").rect(), next_before);
    harness.get_by_label("Find next").click();
    harness.run();
    assert!(shows(&harness, "1 of 3"));
    assert_eq!(
        harness.get_by_label("Find next").rect(),
        next_before,
        "the buttons stay put as the count changes"
    );
    // "Know" in the title is not "know"; "knowledge" is no whole word.
    harness.get_by_label("Match case").click();
    harness.run();
    assert!(shows(&harness, "2 matches"));
    assert!(
        !highlighted_in(&harness, "Know Your Audience"),
        "with Match case, \"Know\" is no match: nothing painted in the title"
    );
    harness.get_by_label("Match case").click();
    harness.run();
    assert!(shows(&harness, "3 matches"));
    harness.get_by_label("Whole words").click();
    harness.run();
    assert!(shows(&harness, "2 matches"));
    // Only this section: the one last written in (section 1).
    harness.get_by_label("Only this section").click();
    harness.run();
    assert!(shows(&harness, "1 match"));

    // Escape closes the bar from the replacement field…
    harness.get_by_label("Replace with").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Match case"));
    // …and from the query field.
    press_command(&mut harness, Key::F);
    harness.run();
    assert!(shows(&harness, "Match case"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Match case"));
    // …and from a check box and a button, which are not text fields.
    for widget in ["Whole words", "Find next"] {
        press_command(&mut harness, Key::F);
        harness.run();
        harness.get_by_label(widget).focus();
        harness.run();
        assert!(
            harness.get_by_label(widget).is_focused(),
            "{widget} has the keyboard focus"
        );
        harness.key_press(Key::Escape);
        harness.run();
        assert!(
            !shows(&harness, "Match case"),
            "Escape closes the bar from {widget}"
        );
    }
}

#[test]
fn replaced_count_is_cleared_by_undo_in_the_window() {
    let (mut harness, _) = new_harness();
    type_into(&mut harness, "Text: Section 1", "落实，再落实。");
    press_command(&mut harness, Key::F);
    harness.get_by_label("Find").type_text("落实");
    harness.run();
    type_into(&mut harness, "Replace with", "执行");
    harness.get_by_label("Replace all").click();
    harness.run();
    assert!(shows(&harness, "Replaced 2"));
    press_command(&mut harness, Key::Z);
    harness.run();
    assert!(!shows(&harness, "Replaced 2"));
    assert!(shows(&harness, "2 matches"));
}

#[test]
fn enter_saves_a_draft_under_a_translated_default_name() {
    let dialogs = ScriptedDialogs::new();
    let mut harness = harness_for(app_with(
        &dialogs,
        UiPrefs {
            language: Some(UiLanguage::ZhHans),
            ..UiPrefs::default()
        },
    ));
    harness.run();
    press_command(&mut harness, Key::D);
    harness.run();
    harness.run();
    assert!(
        harness.get_by_label("名称").is_focused(),
        "the name field has the focus"
    );
    assert!(matches!(
        harness.state().editor().dialog(),
        Some(Dialog::SaveDraft { .. })
    ));
    harness.key_press(Key::Enter);
    harness.run();
    let drafts = harness.state().editor().drafts();
    assert_eq!(drafts.len(), 1);
    assert!(
        drafts[0].name.starts_with("草稿 1 — "),
        "{}",
        drafts[0].name
    );
    assert!(harness.state().editor().dialog().is_none());
}

#[test]
fn f1_lists_every_shortcut_grouped_with_ctrl_y_among_them() {
    let (mut harness, _) = new_harness();
    harness.key_press(Key::F1);
    harness.run();
    assert!(
        harness
            .query_all_by_label("Keyboard shortcuts")
            .next()
            .is_some()
    );
    for group in ["File", "Edit", "Draft", "Compare", "View"] {
        assert!(
            harness.query_all_by_label(group).count() >= 2,
            "{group} heading in the list (besides the menu)"
        );
    }
    assert!(harness.query_by_label_contains("Ctrl+Y").is_some());
    assert!(harness.query_by_label_contains("Ctrl+Equals").is_some());
}

#[test]
fn a_traditional_interface_starts_from_the_traditional_template() {
    let dialogs = ScriptedDialogs::new();
    let mut harness = harness_for(app_with(
        &dialogs,
        UiPrefs {
            language: Some(UiLanguage::ZhHant),
            ..UiPrefs::default()
        },
    ));
    harness.run();
    assert_eq!(harness.state().editor().speech().greeting, "同志們：");
    press_command(&mut harness, Key::N);
    harness.run();
    let Some(Dialog::NewDocument { selected }) = harness.state().editor().dialog().cloned() else {
        panic!("no template picker");
    };
    assert_eq!(
        lectern::template::templates()[selected].id,
        "zh-hant-work-conference"
    );
    harness.get_by_label("建立").click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().guidance.title,
        "在×××會議上的講話"
    );
    // Switching to 简体 picks the Simplified one for the next new speech.
    harness.state().send(lectern::ui::view::Intent::Command(
        lectern::ui::Command::Language(UiLanguage::ZhHans),
    ));
    harness.run();
    assert_eq!(harness.state().editor().template(), "zh-work-conference");
}

#[test]
fn an_import_gets_a_target_found_in_the_status_bar_and_the_details() {
    let dir = tempfile::tempdir().unwrap();
    let text = "在全市工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高认识\n\n认识到位。\n\n谢谢大家！\n";
    let path = dir.path().join("speech.txt");
    std::fs::write(&path, text).unwrap();
    let (mut harness, dialogs) = new_harness();
    dialogs.push(Some(path));
    press_command(&mut harness, Key::I);
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().meta.target_minutes,
        Some(5.0)
    );
    let shown = harness
        .get_by_role_and_label(egui::accesskit::Role::SpinButton, "Target (min)")
        .value()
        .unwrap_or_default();
    assert_eq!(shown.parse::<f64>().ok(), Some(5.0), "{shown}");
    // The import's notes come first.
    while !messages(&harness).is_empty() {
        send(&mut harness, Action::DismissMessage);
    }
    // The status bar's label opens the details, where the target is too.
    assert!(!shows(&harness, "Target length (min)"));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, "Target (min)")
        .click();
    harness.run();
    harness.run();
    assert!(shows(&harness, "Speaker"), "the details are open");
    assert!(shows(&harness, "Target length (min)"));
}

#[test]
fn without_a_file_picker_a_message_and_a_path_field_appear() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kept.lectern");
    lectern::storage::save_project(
        &lectern::project::Project::new(lectern::template::new_speech("en-toast").unwrap()),
        &file,
    )
    .unwrap();
    let (mut harness, dialogs) = new_harness();
    dialogs.set_available(false);
    press_command(&mut harness, Key::O);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("No file picker can be shown")
            .is_some()
    );
    assert!(dialogs.calls().is_empty());
    harness.run();
    assert!(harness.get_by_label("Path of the file").is_focused());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("Path of the file")
        .type_text(&file.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().editor().path(),
        Some(file.as_path()),
        "{:?}",
        messages(&harness)
    );
    assert!(!shows(&harness, "Path of the file"));

    // Save As too, in the interface language.
    send(
        &mut harness,
        Action::PreferTemplate("zh-work-conference".into()),
    );
    harness.state().send(lectern::ui::view::Intent::Command(
        lectern::ui::Command::Language(UiLanguage::ZhHant),
    ));
    harness.run();
    press_command_shift(&mut harness, Key::S);
    assert!(shows(&harness, "檔案路徑"));
    assert!(
        harness
            .query_by_label_contains("無法顯示選擇檔案的視窗")
            .is_some()
    );
}

fn press_command_shift(harness: &mut Harness<'static, LecternApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
    harness.run();
}

#[test]
fn the_window_opens_at_a_size_that_fits_the_monitor() {
    use lectern::ui::app::fit_window;
    // The reported case: a 1400 px wide screen.
    let fitted = fit_window(egui::vec2(1254.0, 840.0), egui::vec2(1400.0, 900.0)).unwrap();
    assert!(
        (fitted - egui::vec2(1190.0, 765.0)).length() < 0.01,
        "{fitted:?}"
    );
    // A window that fits already is left alone.
    assert_eq!(
        fit_window(egui::vec2(1000.0, 700.0), egui::vec2(1920.0, 1080.0)),
        None
    );
}
