//! Shared set-up for the window's tests: a headless harness around `LecternApp`.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::{Action, RecordingOpener, ScriptedDialogs};
use lectern::ui::i18n::{UiLanguage, message_text};
use lectern::ui::view::Intent;
use lectern::ui::{AppOptions, LecternApp, UiPrefs};

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
    app_with_opener(dialogs, prefs, &RecordingOpener::new())
}

/// The editor with these preferences and an opener that records what it opens.
pub fn app_with_opener(
    dialogs: &ScriptedDialogs,
    prefs: UiPrefs,
    opener: &RecordingOpener,
) -> LecternApp {
    LecternApp::new(AppOptions {
        dialogs: Box::new(dialogs.clone()),
        opener: Box::new(opener.clone()),
        prefs,
        initial_path: None,
        system_locale: None,
        recovery: None,
        warn_without_recovery: false,
        background_saves: false,
        clock: lectern::ui::PassClock::Input,
    })
}

/// A headless harness running the whole window (logic pass, then the frame), with the app's
/// own fonts.
pub fn harness(app: LecternApp) -> Harness<'static, LecternApp> {
    Harness::builder()
        .with_size(SIZE)
        .with_context_setup(lectern::ui::fonts::install)
        .build_ui_state(|ui, app: &mut LecternApp| app.pass_ui(ui), app)
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

/// Sends an editor action as a view would, and runs the window.
pub fn send(harness: &mut Harness<'static, LecternApp>, action: Action) {
    harness.state().send(Intent::Action(action));
    harness.run();
}

/// The section headings, in order.
pub fn headings(harness: &Harness<'static, LecternApp>) -> Vec<String> {
    harness
        .state()
        .editor()
        .speech()
        .sections
        .iter()
        .map(|s| s.heading.clone())
        .collect()
}

/// The messages waiting to be shown, worded as the window shows them (their text).
pub fn messages(harness: &Harness<'static, LecternApp>) -> Vec<String> {
    let app = harness.state();
    app.editor()
        .messages()
        .iter()
        .map(|m| message_text(app.language(), m).1)
        .collect()
}

/// Whether the harness shows a widget labelled `label` (by accessible name).
pub fn shows(harness: &Harness<'static, LecternApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

/// The compare view's current stop and number of stops (`(None, 0)` when it is closed).
pub fn diff_position(harness: &Harness<'static, LecternApp>) -> (Option<usize>, usize) {
    harness
        .state()
        .editor()
        .compare()
        .map_or((None, 0), |c| (c.current(), c.stops().len()))
}

/// The summary lines of the changed parts in the compare view (empty when it is closed).
pub fn diff_summary(harness: &Harness<'static, LecternApp>) -> Vec<String> {
    let app = harness.state();
    let ed = app.editor();
    let Some(compare) = ed.compare() else {
        return Vec::new();
    };
    let new = lectern::editor::compare::version_speech(ed.doc(), compare.sides().b)
        .unwrap_or(ed.speech());
    let model = lectern::ui::diff_view::model::ViewModel::new(app.language(), compare.diff(), new);
    model
        .changed_parts()
        .map(|(_, p)| p.summary.clone())
        .collect()
}
