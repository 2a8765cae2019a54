//! Fonts: egui's own, then the bundled CJK fallback, so Chinese never shows as boxes.
//!
//! `assets/DroidSansFallbackFull.ttf` (Apache-2.0, licence beside it) covers simplified and
//! traditional Chinese. It comes after egui's default fonts in both families, so Latin text keeps
//! egui's look. eframe's system font fallback (the `system_fonts` feature) still comes after it.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

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
