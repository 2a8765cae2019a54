//! What the window remembers between runs (never the document itself).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::i18n::UiLanguage;

/// Light, dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// What the window remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiPrefs {
    /// The interface language; `None` follows the system locale.
    pub language: Option<UiLanguage>,
    /// Light, dark or system.
    pub theme: ThemeChoice,
    /// Recently opened or saved `.lectern` files, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the drafts panel is shown.
    pub show_drafts: bool,
    /// Whether the outline panel is shown.
    pub show_outline: bool,
    /// How much larger than normal the whole window is drawn (Ctrl+= / Ctrl+- / Ctrl+0).
    pub zoom: f32,
    /// The size of the speech's text in the panes, in points (before zoom).
    pub body_font_size: f32,
    /// A little space between paragraphs in the panes.
    pub paragraph_spacing: bool,
}

/// The smallest zoom.
pub const MIN_ZOOM: f32 = 0.5;
/// The largest zoom.
pub const MAX_ZOOM: f32 = 3.0;
/// The zoom steps Ctrl+= and Ctrl+- go through.
const ZOOM_STEPS: [f32; 13] = [
    0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
];
/// The smallest and largest body text size, in points.
pub const BODY_FONT_RANGE: std::ops::RangeInclusive<f32> = 10.0..=40.0;

/// The next zoom step up (`larger`) or down from `zoom`.
pub fn zoom_step(zoom: f32, larger: bool) -> f32 {
    let next = if larger {
        ZOOM_STEPS.iter().copied().find(|s| *s > zoom + 0.001)
    } else {
        ZOOM_STEPS.iter().rev().copied().find(|s| *s < zoom - 0.001)
    };
    next.unwrap_or(zoom).clamp(MIN_ZOOM, MAX_ZOOM)
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            language: None,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            show_drafts: false,
            show_outline: true,
            zoom: 1.0,
            body_font_size: super::style::BODY_FONT_SIZE,
            paragraph_spacing: true,
        }
    }
}

impl UiPrefs {
    /// The key under which eframe stores the preferences.
    pub const STORAGE_KEY: &'static str = "lectern-ui-prefs";

    /// The zoom, within bounds (a hand-edited or damaged value is not trusted).
    pub fn zoom_factor(&self) -> f32 {
        if self.zoom.is_finite() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            1.0
        }
    }

    /// The body text size, within bounds.
    pub fn body_size(&self) -> f32 {
        if self.body_font_size.is_finite() {
            self.body_font_size
                .clamp(*BODY_FONT_RANGE.start(), *BODY_FONT_RANGE.end())
        } else {
            super::style::BODY_FONT_SIZE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_up_and_down_within_bounds() {
        assert_eq!(zoom_step(1.0, true), 1.1);
        assert_eq!(zoom_step(1.0, false), 0.9);
        assert_eq!(zoom_step(3.0, true), 3.0);
        assert_eq!(zoom_step(0.5, false), 0.5);
        assert_eq!(zoom_step(1.05, true), 1.1);
        let old: UiPrefs = serde_json::from_str(r#"{"show_outline": false}"#).unwrap();
        assert_eq!(old.zoom, 1.0, "prefs of an older version keep working");
        assert!(old.paragraph_spacing);
        let bad = UiPrefs {
            zoom: f32::NAN,
            body_font_size: 500.0,
            ..UiPrefs::default()
        };
        assert_eq!(bad.zoom_factor(), 1.0);
        assert_eq!(bad.body_size(), 40.0);
    }
}
