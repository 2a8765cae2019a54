//! Start-up in parallel: while eframe opens the window and its OpenGL context (most of a start,
//! on one processor), a second thread draws the editor's first frame once, headless, on the
//! same egui context. The glyphs of the speech and of the interface are then rasterised and its
//! lines laid out when the real first frame comes, which only has to look them up.
//!
//! The headless frame is drawn by an editor of its own, built as the real one will be (the same
//! file, the saved preferences, the same locale) but with nothing that writes or asks: no
//! autosave, no background saves, no file pickers, no opener ([`headless_options`]). Only the
//! caches it fills are kept: the widgets' memory is cleared afterwards, and the font texture it
//! produced is queued again, so the real first frame hands the whole texture to the painter.
//!
//! eframe touches the context from its own thread meanwhile (it tells it the window's scale);
//! what the headless pass lays out at another scale, or with another texture limit
//! ([`ASSUMED_MAX_TEXTURE_SIDE`]), is simply not found again, and the first frame does that work
//! itself, as it would have without the warm-up.

use std::collections::HashMap;
use std::path::PathBuf;
use std::thread::JoinHandle;

use super::app::{AppOptions, LecternApp, PassClock};
use super::prefs::UiPrefs;

/// The largest texture side the headless frame assumes the graphics driver allows. egui keeps
/// its glyph cache only when the real driver reports the same (Mesa's and most desktop
/// drivers' 16384).
pub const ASSUMED_MAX_TEXTURE_SIDE: usize = 16 * 1024;

/// The egui context eframe is given: set up as eframe sets up its own (viewports in their own
/// windows, two passes a frame at most), with Lectern's fonts and the system's as fallback.
pub fn window_context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.set_embed_viewports(false);
    ctx.options_mut(|options| options.max_passes = std::num::NonZeroUsize::MIN.saturating_add(1));
    super::fonts::install(&ctx);
    super::fonts::install_system_fallback(&ctx);
    ctx
}

/// The options of the headless editor: the real window's file, preferences and locale, and
/// nothing that writes or asks (no recovery autosave, saves in place, scripted pickers that
/// answer nothing, no opener).
pub fn headless_options(
    initial_path: Option<PathBuf>,
    system_locale: Option<String>,
    prefs: UiPrefs,
) -> AppOptions {
    AppOptions {
        dialogs: Box::new(crate::editor::ScriptedDialogs::new()),
        opener: Box::new(crate::editor::NoOpener),
        prefs,
        initial_path,
        system_locale,
        recovery: None,
        warn_without_recovery: false,
        clock: PassClock::Input,
        background_saves: false,
    }
}

/// The headless first frame, running on its thread.
pub struct WarmUp {
    thread: Option<JoinHandle<()>>,
}

impl WarmUp {
    /// Starts drawing, on another thread and on `ctx`, the first frame of the editor that
    /// `options` builds, in a window of `inner_size` points.
    pub fn start(
        ctx: &egui::Context,
        inner_size: egui::Vec2,
        options: impl FnOnce() -> AppOptions + Send + 'static,
    ) -> Self {
        let ctx = ctx.clone();
        let thread = std::thread::Builder::new()
            .name("lectern-warm-up".into())
            .spawn(move || draw_headless_first_frame(&ctx, inner_size, options()))
            .ok();
        Self { thread }
    }

    /// Waits for the headless frame to be done; call it before the real first frame begins.
    pub fn finish(self) {
        if let Some(thread) = self.thread
            && thread.join().is_err()
        {
            eprintln!("lectern: the start-up warm-up stopped early; the first frame draws alone");
        }
    }
}

/// Draws the first frame of the editor `options` builds once on `ctx`, headless, in a window
/// of `inner_size` points, and keeps only what it cached for the real first frame.
pub fn draw_headless_first_frame(ctx: &egui::Context, inner_size: egui::Vec2, options: AppOptions) {
    let mut app = LecternApp::new(options).without_first_frame_report();
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, inner_size)),
        max_texture_side: Some(ASSUMED_MAX_TEXTURE_SIDE),
        time: Some(0.0),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.pass_ui(ui));
    // The glyph atlas went out with this pass's output: queue it again for the painter.
    let textures = ctx.tex_manager();
    let mut textures = textures.write();
    for (id, deltas) in std::mem::take(&mut output.textures_delta.set) {
        for delta in deltas {
            textures.set(id, delta);
        }
    }
    drop(textures);
    // The real editor starts from fresh widget memory, with the options the pass set (theme,
    // zoom) kept.
    ctx.memory_mut(|memory| {
        let options = std::mem::take(&mut memory.options);
        *memory = egui::Memory::default();
        memory.options = options;
    });
}

/// The preferences eframe saved for the window (the `app.ron` in its data folder), or `None`
/// when there are none or they cannot be read. The real window reads them through eframe; the
/// warm-up runs before eframe has opened its storage.
pub fn saved_prefs() -> Option<UiPrefs> {
    let path = eframe::storage_dir(super::APP_ID)?.join("app.ron");
    prefs_from_app_ron(&std::fs::read_to_string(path).ok()?)
}

/// The preferences in the text of eframe's `app.ron` (a map of keys to RON texts).
pub fn prefs_from_app_ron(text: &str) -> Option<UiPrefs> {
    let values: HashMap<String, String> = ron::from_str(text).ok()?;
    ron::from_str(values.get(UiPrefs::STORAGE_KEY)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::UiLanguage;

    /// eframe's `app.ron` as eframe writes it: a pretty RON map whose values are RON texts.
    fn app_ron(values: &[(&str, String)]) -> String {
        let map: HashMap<String, String> = values
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect();
        ron::Options::default()
            .to_string_pretty(&map, ron::ser::PrettyConfig::default())
            .unwrap_or_default()
    }

    #[test]
    fn the_warm_up_reads_the_preferences_eframe_saved() {
        let prefs = UiPrefs {
            language: Some(UiLanguage::ZhHans),
            show_drafts: true,
            zoom: 1.25,
            ..UiPrefs::default()
        };
        let saved = ron::to_string(&prefs).unwrap_or_default();
        let text = app_ron(&[
            ("egui", "(focus: None)".to_owned()),
            (UiPrefs::STORAGE_KEY, saved),
        ]);
        assert_eq!(prefs_from_app_ron(&text), Some(prefs));
    }

    #[test]
    fn unreadable_or_missing_preferences_leave_the_defaults_to_the_warm_up() {
        assert_eq!(prefs_from_app_ron("not ron at all"), None);
        assert_eq!(
            prefs_from_app_ron(&app_ron(&[("other", "1".to_owned())])),
            None
        );
        let broken = app_ron(&[(UiPrefs::STORAGE_KEY, "(zoom: \"big\")".to_owned())]);
        assert_eq!(prefs_from_app_ron(&broken), None);
    }
}
