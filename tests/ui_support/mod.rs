//! Shared set-up for the editor window's tests: a headless harness around `LecternApp`.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::ui::i18n::UiLanguage;
use lectern::ui::{AppOptions, LecternApp, ScriptedDialogs, UiPrefs};

/// A window tall enough that every pane of a template speech is on screen.
pub const SIZE: egui::Vec2 = egui::vec2(1400.0, 2600.0);

/// The editor in English with a new speech from the default template, and scripted pickers.
pub fn app(dialogs: &ScriptedDialogs) -> LecternApp {
    app_with(
        dialogs,
        UiPrefs {
            language: Some(UiLanguage::En),
            show_drafts: true,
            ..UiPrefs::default()
        },
    )
}

/// The editor with these preferences.
pub fn app_with(dialogs: &ScriptedDialogs, prefs: UiPrefs) -> LecternApp {
    LecternApp::new(AppOptions {
        dialogs: Box::new(dialogs.clone()),
        prefs,
        initial_path: None,
        system_locale: None,
        recovery: None,
    })
}

/// A headless harness running the whole window, with the app's own fonts.
pub fn harness(app: LecternApp) -> Harness<'static, LecternApp> {
    Harness::builder()
        .with_size(SIZE)
        .with_context_setup(lectern::ui::fonts::install)
        .build_ui_state(|ui, app: &mut LecternApp| app.frame_ui(ui), app)
}

/// The harness around a new English editor, and the pickers' script.
pub fn new_harness() -> (Harness<'static, LecternApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::new();
    let harness = harness(app(&dialogs));
    (harness, dialogs)
}

/// Clicks the widget labelled `label` and types `text` into it.
pub fn type_into(harness: &mut Harness<'static, LecternApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Presses Ctrl (Cmd on macOS) + `key`.
pub fn press_command(harness: &mut Harness<'static, LecternApp>, key: egui::Key) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
    harness.run();
}

/// The section headings, in order.
pub fn headings(harness: &Harness<'static, LecternApp>) -> Vec<String> {
    harness
        .state()
        .speech()
        .sections
        .iter()
        .map(|s| s.heading.clone())
        .collect()
}
