//! The command palette and the shortcut list, by keyboard alone.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::support::*;

fn open_palette(harness: &mut egui_kittest::Harness<'static, lectern::ui::LecternApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
}

#[test]
fn the_palette_filters_and_runs_a_command_by_keyboard() {
    let (mut harness, _) = new_harness();
    assert!(shows(&harness, "Outline"), "the outline is open");
    open_palette(&mut harness);
    let field = harness.get_by_label("Command to run");
    assert!(field.is_focused(), "typing goes straight into the palette");
    field.type_text("outline");
    harness.run();
    assert!(shows(&harness, "Outline panel    Ctrl+Shift+L"));
    assert!(harness.query_by_label("Save    Ctrl+S").is_none());
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness.query_by_label("Command to run").is_none(),
        "Enter ran the command and closed the palette"
    );
    assert!(
        !harness.state().prefs().show_outline,
        "the outline was hidden"
    );
}

#[test]
fn arrows_choose_and_escape_closes() {
    let (mut harness, _) = new_harness();
    open_palette(&mut harness);
    harness.get_by_label("Command to run").type_text("theme");
    harness.run();
    // System, Light, Dark: move down twice to Dark.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().prefs().theme,
        lectern::ui::ThemeChoice::Dark
    );
    open_palette(&mut harness);
    assert!(shows(&harness, "Command to run"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Command to run").is_none());
}

#[test]
fn the_palette_speaks_the_interface_language() {
    let dialogs = lectern::editor::ScriptedDialogs::new();
    let mut harness = harness(app_with(
        &dialogs,
        lectern::ui::UiPrefs {
            language: Some(lectern::ui::i18n::UiLanguage::ZhHant),
            ..Default::default()
        },
    ));
    open_palette(&mut harness);
    harness.get_by_label("要執行的命令").type_text("儲存");
    harness.run();
    assert!(shows(&harness, "儲存    Ctrl+S"));
    assert!(shows(&harness, "儲存草稿…    Ctrl+D"));
}

#[test]
fn f1_lists_every_shortcut_grouped_by_task() {
    let (mut harness, _) = new_harness();
    assert!(harness.query_by_label("Ctrl+Shift+Z / Ctrl+Y").is_none());
    harness.key_press(Key::F1);
    harness.run();
    // Only the list shows bare shortcuts: every one of each command, Redo's two included.
    for label in [
        "Ctrl+Shift+Z / Ctrl+Y",
        "F8",
        "Shift+F8",
        "F1",
        "Ctrl+Shift+P",
        "Ctrl+D",
    ] {
        assert!(shows(&harness, label), "{label}");
    }
}
