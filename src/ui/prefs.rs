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
}

impl Default for UiPrefs {
    fn default() -> Self {
        Self {
            language: None,
            theme: ThemeChoice::System,
            recent: Vec::new(),
            show_drafts: false,
            show_outline: true,
        }
    }
}

impl UiPrefs {
    /// The key under which eframe stores the preferences.
    pub const STORAGE_KEY: &'static str = "lectern-ui-prefs";
}
