//! The system's file pickers (through `rfd`), worded in the interface language. The editor asks
//! for a file by purpose through [`FileDialogs`]; tests use
//! [`ScriptedDialogs`] and never open a real one.

use std::path::PathBuf;

use crate::editor::{FileDialogs, FilePurpose, ScriptedDialogs};

use super::i18n::{Msg, UiLanguage, tr};

/// File pickers that the window tells the interface language.
pub trait WindowDialogs: FileDialogs {
    /// Words the next pickers in `lang`.
    fn set_language(&mut self, lang: UiLanguage);
}

impl WindowDialogs for ScriptedDialogs {
    fn set_language(&mut self, _lang: UiLanguage) {}
}

/// The system's file pickers.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    /// The folder the last picker ended in, to start the next one there.
    last_folder: Option<PathBuf>,
    lang: UiLanguage,
}

/// The title of a picker for `purpose`.
pub fn picker_title(lang: UiLanguage, purpose: &FilePurpose) -> String {
    let msg = match purpose {
        FilePurpose::Open => Msg::Open,
        FilePurpose::ImportText => Msg::ImportText,
        FilePurpose::ImportAsDraft => Msg::ImportAsDraft,
        FilePurpose::MergeInput => Msg::MergeReviews,
        FilePurpose::SaveAs => Msg::SaveAs,
        FilePurpose::Export { .. } => Msg::Export,
    };
    tr(lang, msg).trim_end_matches('…').to_string()
}

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, purpose: &FilePurpose, suggested_name: &str) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(picker_title(self.lang, purpose));
        let extensions = purpose.extensions();
        let name = if extensions == ["lectern"] {
            tr(self.lang, Msg::SpeechFiles)
        } else {
            tr(self.lang, Msg::TextFiles)
        };
        dialog = dialog.add_filter(name, &extensions);
        if let Some(folder) = &self.last_folder {
            dialog = dialog.set_directory(folder);
        }
        let path = if purpose.is_save() {
            dialog.set_file_name(suggested_name).save_file()
        } else {
            dialog.pick_file()
        };
        if let Some(folder) = path.as_ref().and_then(|p| p.parent()) {
            self.last_folder = Some(folder.to_path_buf());
        }
        path
    }
}

impl WindowDialogs for NativeDialogs {
    fn set_language(&mut self, lang: UiLanguage) {
        self.lang = lang;
    }
}
