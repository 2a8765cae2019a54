//! The editor window (egui/eframe). The core never depends on this module.
//!
//! - [`app`]: [`LecternApp`], its state and one frame of the window ([`LecternApp::frame_ui`]).
//! - [`commands`]: the one [`Command`] enum; [`LecternApp::apply`] (in `apply.rs`) carries
//!   commands out.
//! - one file per part of the window: [`menus`], [`outline`], [`panes`], [`drafts`],
//!   [`status`], [`find`], [`dialogs`], [`compare`], [`diff_view`].
//! - [`file_dialogs`]: file pickers behind a trait ([`FileDialogs`]), with a scripted fake.
//! - [`autosave`] and [`recovery_prompt`]: the working copy autosaved for recovery, the recovery
//!   prompt at start, and the question before overwriting a file changed on disk.
//! - [`fonts`], [`i18n`], [`state`].

pub mod app;
mod apply;
pub mod autosave;
pub mod commands;
pub mod details;
pub mod dialogs;
pub mod diff_view;
pub mod drafts;
pub mod file_dialogs;
mod files;
pub mod find;
pub mod fonts;
pub mod i18n;
pub mod icons;
pub mod menus;
pub mod outline;
pub mod panes;
pub mod recovery_prompt;
pub mod state;
pub mod status;

use std::path::PathBuf;

pub use app::{AppOptions, LecternApp};
pub use autosave::RecoveryOptions;
pub use commands::Command;
pub use file_dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use state::UiPrefs;

/// Opens the editor window and runs until it is closed. With a path, opens that file (a
/// `.lectern` project, or a `.txt`/`.md` to import); without one, the most recent file or a new
/// speech from the Chinese work-conference template.
pub fn run(initial_path: Option<PathBuf>) -> anyhow::Result<()> {
    // The word segmenter's dictionary takes tens of milliseconds to load: load it on the side
    // now, so the first comparison at word granularity doesn't stall a frame.
    std::thread::spawn(crate::diff::prepare_word_segmenter);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lectern")
            .with_inner_size([1280.0, 840.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Lectern",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let prefs: UiPrefs = cc
                .storage
                .and_then(|storage| eframe::get_value(storage, UiPrefs::STORAGE_KEY))
                .unwrap_or_default();
            let store = crate::recovery::RecoveryStore::default_location();
            let autosave_off = store.is_none();
            let mut app = LecternApp::new(AppOptions {
                dialogs: Box::new(NativeDialogs::default()),
                prefs,
                initial_path,
                system_locale: sys_locale::get_locale(),
                recovery: store.map(RecoveryOptions::new),
            });
            if autosave_off {
                app.note_autosave_off();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the editor window: {e}"))
}
