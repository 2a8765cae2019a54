//! Fonts: egui's own, then the bundled CJK fallback, so Chinese never shows as boxes.
//!
//! `assets/DroidSansFallbackFull.ttf` (Apache-2.0, licence beside it) covers simplified and
//! traditional Chinese. It comes after egui's default fonts in both families, so Latin text keeps
//! egui's look. The system's fonts come last, for what neither has ([`install_system_fallback`]).

use std::sync::{Arc, OnceLock};

use egui::{FallbackRequest, FontData, FontDefinitions, FontFamily, FontInsert, FontProvider};
use egui_system_font_provider::SystemFontProvider;

/// The bundled CJK font's name in egui's font definitions.
pub const CJK_FONT_NAME: &str = "DroidSansFallbackFull";

/// The bundled CJK font.
pub static CJK_FONT: &[u8] = include_bytes!("../../assets/DroidSansFallbackFull.ttf");

/// egui's default fonts with the bundled CJK font as fallback in every family.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    fonts
}

/// Installs Lectern's fonts in `ctx` (the app and the test harness use this same function).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The system's fonts, once their enumeration has started (see [`start_system_font_search`]).
static SYSTEM_FONTS: OnceLock<SystemFontProvider> = OnceLock::new();

/// Looks in the system's fonts for a character no installed font has (a rare script, a symbol).
///
/// eframe's own fallback enumerates every installed font on a thread as the window opens, tens
/// of milliseconds of a processor while the window is being set up, and almost always for
/// nothing: egui's fonts and the bundled CJK font cover what speeches use. This one asks the
/// system only after the first frame ([`start_system_font_search`]), or at once when a character
/// needs it before then.
struct SystemFontFallback;

impl FontProvider for SystemFontFallback {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        SYSTEM_FONTS
            .get_or_init(SystemFontProvider::new)
            .font_for(request)
    }
}

/// Lets `ctx` fall back to the system's fonts for characters its fonts lack (the real window;
/// tests keep to the bundled fonts, the same on every machine).
pub fn install_system_fallback(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(SystemFontFallback));
}

/// Starts enumerating the system's fonts on a background thread, so a rare character later finds
/// its font without waiting. Returns at once; calling it again does nothing.
pub fn start_system_font_search() {
    SYSTEM_FONTS.get_or_init(SystemFontProvider::new);
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_and_the_symbols_the_window_uses_have_glyphs() {
        let ctx = egui::Context::default();
        super::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let font = egui::FontId::proportional(14.0);
        for text in [
            "简体中文",
            "繁體中文",
            "同志們：一、二、三、",
            "×…＋−•",
            "»¶±",
            "“”「」（）……",
        ] {
            assert!(ctx.fonts_mut(|f| f.has_glyphs(&font, text)), "{text}");
        }
    }
}
