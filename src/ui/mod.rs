//! The editor window (egui/eframe). The core never depends on this module.
//!
//! The window is views over the egui-free [`Editor`](crate::editor::Editor):
//!
//! - [`app`]: [`LecternApp`], the shell. In eframe's `App::logic` (every pass, drawn or not) it
//!   turns shortcuts and what the views sent into editor actions, applies them and ticks the
//!   editor (autosave); in `App::ui` it draws the views.
//! - [`view`]: what a view gets — `&Editor` to read, its own [`view::ViewState`], and a
//!   [`view::Sender`] to send [`view::Intent`]s. No view can change the editor.
//! - [`commands`]: the command table ([`Command`]): labels, tooltips, shortcuts, groups; menus,
//!   shortcuts, the F1 list and the command palette ([`palette`]) come from it.
//! - one file per part of the window: [`menus`], [`outline`], [`panes`] (and
//!   [`pane_culling`]: panes out of sight are not laid out), [`details`],
//!   [`drafts`], [`proofing`], [`status`], [`find`], [`dialogs`], [`export_dialog`],
//!   [`recovery_prompt`], [`diff_view`], [`type_path`] (a typed path where no file picker can
//!   be shown), [`notice`] (section deleted — Undo; exported to …).
//! - [`i18n`]: every word of the interface, and the wording of what the editor reports.
//! - [`file_dialogs`]: the system's file pickers; [`fonts`], [`icons`], [`style`], [`prefs`],
//!   [`startup`].

pub mod app;
pub mod commands;
pub mod details;
pub mod dialogs;
pub mod diff_view;
pub mod drafts;
pub mod export_dialog;
pub mod file_dialogs;
pub mod find;
pub mod fonts;
pub mod galleys;
pub mod i18n;
pub mod icons;
pub mod import_preview;
pub mod menus;
pub mod merge_dialog;
pub mod notice;
pub mod outline;
pub mod palette;
pub mod pane_culling;
pub mod panes;
pub mod prefs;
pub mod proofing;
pub mod recovery_prompt;
pub mod startup;
pub mod status;
pub mod style;
pub mod type_path;
pub mod view;
pub mod warm_up;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

pub use app::{AppOptions, LecternApp, PassClock};
pub use commands::Command;
pub use file_dialogs::{NativeDialogs, WindowDialogs};
pub use prefs::{ThemeChoice, UiPrefs};

/// The application's name for eframe (its data folder: window geometry, preferences).
pub const APP_ID: &str = "Lectern";

/// The size the window opens at, in points, before it is fitted to the monitor in the first
/// frame (85% of it at most, see `app::fit_window`).
pub const OPENING_SIZE: egui::Vec2 = egui::vec2(1200.0, 800.0);

/// The editor window's options (size, renderer…), with `title` (`examples/empty_window.rs` opens
/// its window with these too).
pub fn native_options(title: &str) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size(OPENING_SIZE)
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        // The window adds its own, started after the first frame (`fonts::install_system_fallback`).
        system_font_fallback: false,
        ..Default::default()
    }
}

/// Opens the editor window and runs until it is closed. With a path, opens that file (a
/// `.lectern` project, or a `.txt`/`.md` to import); without one, the most recent file or a new
/// speech from the Chinese work-conference template.
pub fn run(initial_path: Option<PathBuf>) -> anyhow::Result<()> {
    let ctx = warm_up::window_context();
    let system_locale = sys_locale::get_locale();
    let mut options = native_options("Lectern");
    // The first frame is drawn once on another thread while eframe opens the window and its GL
    // context. It starts when the window is about to be built: by then the event loop is up,
    // and X11 has read its input tables (the Compose file, character by character), which a
    // second thread would have slowed by ~10 ms — glibc's stdio takes a lock per character once
    // a process has threads.
    let warm_up = Rc::new(RefCell::new(None));
    options.window_builder = Some(Box::new({
        let warm_up = Rc::clone(&warm_up);
        let ctx = ctx.clone();
        let initial_path = initial_path.clone();
        let system_locale = system_locale.clone();
        move |builder| {
            *warm_up.borrow_mut() = Some(warm_up::WarmUp::start(&ctx, OPENING_SIZE, move || {
                let prefs = warm_up::saved_prefs().unwrap_or_default();
                warm_up::headless_options(initial_path, system_locale, prefs)
            }));
            builder
        }
    }));
    eframe::run_native_ext(
        APP_ID,
        options,
        Some(ctx),
        Box::new(move |cc| {
            let prefs: UiPrefs = cc
                .storage
                .and_then(|storage| eframe::get_value(storage, UiPrefs::STORAGE_KEY))
                .unwrap_or_default();
            let store = crate::recovery::RecoveryStore::default_location();
            let app = LecternApp::new(AppOptions {
                dialogs: Box::new(NativeDialogs::default()),
                opener: Box::new(crate::editor::DesktopOpener),
                prefs,
                initial_path,
                system_locale,
                recovery: store.map(crate::editor::RecoveryOptions::new),
                warn_without_recovery: true,
                clock: app::PassClock::monotonic(),
                background_saves: true,
            });
            if let Some(warm_up) = warm_up.borrow_mut().take() {
                warm_up.finish();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the editor window: {e}"))
}
