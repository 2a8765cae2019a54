//! The system's file pickers (through `rfd`), worded in the interface language. The editor asks
//! for a file by purpose through [`FileDialogs`]; tests use
//! [`ScriptedDialogs`] and never open a real one. Where no picker can be shown
//! ([`system_pickers_available`]), the editor asks for a typed path instead.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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

/// Whether `program` is an executable file in one of the folders of `path_var` (`$PATH`).
pub fn on_path(program: &str, path_var: Option<&OsStr>) -> bool {
    path_var.is_some_and(|paths| {
        std::env::split_paths(paths).any(|folder| folder.join(program).is_file())
    })
}

/// Whether an `xdg-desktop-portal` with a file chooser is installed under one of `data_dirs`
/// (`$XDG_DATA_DIRS`): the portal's D-Bus service and a backend that offers
/// `org.freedesktop.impl.portal.FileChooser`.
pub fn file_chooser_portal_installed(data_dirs: &[PathBuf]) -> bool {
    let service = data_dirs.iter().any(|dir| {
        dir.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    });
    let backend = data_dirs.iter().any(|dir| {
        std::fs::read_dir(dir.join("xdg-desktop-portal/portals")).is_ok_and(|entries| {
            entries.flatten().any(|entry| {
                std::fs::read_to_string(entry.path())
                    .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
        })
    });
    service && backend
}

/// Whether the system's file pickers can be shown. On Linux and the BSDs, `rfd` asks the
/// desktop's file-chooser portal over the session bus and falls back to `zenity`; with neither it
/// shows nothing at all. (`kdialog` is no help: `rfd` does not call it.) Windows and macOS always
/// have their own. Worked out once per run.
pub fn system_pickers_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        if !cfg!(all(unix, not(target_os = "macos"))) {
            return true;
        }
        if std::env::var_os("LECTERN_NO_FILE_PICKER").is_some_and(|v| !v.is_empty()) {
            return false;
        }
        if on_path("zenity", std::env::var_os("PATH").as_deref()) {
            return true;
        }
        let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS")
            .is_some_and(|v| !v.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| Path::new(&dir).join("bus").exists());
        let data_dirs: Vec<PathBuf> = match std::env::var_os("XDG_DATA_DIRS") {
            Some(dirs) if !dirs.is_empty() => std::env::split_paths(&dirs).collect(),
            _ => vec![
                PathBuf::from("/usr/local/share"),
                PathBuf::from("/usr/share"),
            ],
        };
        session_bus && file_chooser_portal_installed(&data_dirs)
    })
}

impl FileDialogs for NativeDialogs {
    fn available(&self) -> bool {
        system_pickers_available()
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_is_found_on_the_path_and_a_portal_by_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let path_var = std::env::join_paths([&bin]).unwrap();
        assert!(!on_path("zenity", Some(&path_var)));
        std::fs::write(bin.join("zenity"), "#!/bin/sh\n").unwrap();
        assert!(on_path("zenity", Some(&path_var)));
        assert!(!on_path("zenity", None));

        let share = dir.path().join("share");
        let dirs = [share.clone()];
        assert!(!file_chooser_portal_installed(&dirs));
        let services = share.join("dbus-1/services");
        std::fs::create_dir_all(&services).unwrap();
        std::fs::write(services.join("org.freedesktop.portal.Desktop.service"), "").unwrap();
        // The service alone is not enough: a backend must offer the file chooser.
        assert!(!file_chooser_portal_installed(&dirs));
        let portals = share.join("xdg-desktop-portal/portals");
        std::fs::create_dir_all(&portals).unwrap();
        std::fs::write(
            portals.join("gtk.portal"),
            "[portal]\nInterfaces=org.freedesktop.impl.portal.FileChooser;\n",
        )
        .unwrap();
        assert!(file_chooser_portal_installed(&dirs));
    }
}
