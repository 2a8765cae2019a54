//! Open and save file pickers, behind a trait so tests never open a real one.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A kind of file a picker offers: a name and its extensions (without dots).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFilter {
    /// Shown to the writer, e.g. `Lectern speech`.
    pub name: String,
    /// Extensions without the dot, e.g. `["lectern"]`.
    pub extensions: Vec<&'static str>,
}

impl FileFilter {
    /// A filter named `name` for `extensions`.
    pub fn new(name: impl Into<String>, extensions: &[&'static str]) -> Self {
        Self {
            name: name.into(),
            extensions: extensions.to_vec(),
        }
    }
}

/// File pickers. `None` means the writer cancelled (or there is no display).
pub trait FileDialogs {
    /// Asks for a file to open.
    fn open(&mut self, title: &str, filters: &[FileFilter]) -> Option<PathBuf>;
    /// Asks where to save, suggesting `file_name`.
    fn save(&mut self, title: &str, file_name: &str, filters: &[FileFilter]) -> Option<PathBuf>;
}

/// The system's file pickers (through `rfd`).
#[derive(Debug, Default)]
pub struct NativeDialogs {
    /// The folder the last picker ended in, to start the next one there.
    last_folder: Option<PathBuf>,
}

impl NativeDialogs {
    fn dialog(&self, title: &str, filters: &[FileFilter]) -> rfd::FileDialog {
        let mut dialog = rfd::FileDialog::new().set_title(title);
        for filter in filters {
            dialog = dialog.add_filter(&filter.name, &filter.extensions);
        }
        if let Some(folder) = &self.last_folder {
            dialog = dialog.set_directory(folder);
        }
        dialog
    }

    fn remember(&mut self, path: &Option<PathBuf>) {
        if let Some(folder) = path.as_ref().and_then(|p| p.parent()) {
            self.last_folder = Some(folder.to_path_buf());
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn open(&mut self, title: &str, filters: &[FileFilter]) -> Option<PathBuf> {
        let path = self.dialog(title, filters).pick_file();
        self.remember(&path);
        path
    }

    fn save(&mut self, title: &str, file_name: &str, filters: &[FileFilter]) -> Option<PathBuf> {
        let path = self
            .dialog(title, filters)
            .set_file_name(file_name)
            .save_file();
        self.remember(&path);
        path
    }
}

/// One call a [`ScriptedDialogs`] answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogCall {
    /// An open picker with this title.
    Open(String),
    /// A save picker with this title and suggested name.
    Save(String, String),
}

#[derive(Debug, Default)]
struct Script {
    opens: VecDeque<Option<PathBuf>>,
    saves: VecDeque<Option<PathBuf>>,
    calls: Vec<DialogCall>,
}

/// Pickers that answer from a script (for tests and benchmarks). Clones share the script, so a
/// test keeps one to add answers after handing the other to the app. An unscripted picker answers
/// `None`, like a cancel.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    script: Arc<Mutex<Script>>,
}

impl ScriptedDialogs {
    /// Pickers with no answers yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn with<R>(&self, f: impl FnOnce(&mut Script) -> R) -> R {
        match self.script.lock() {
            Ok(mut script) => f(&mut script),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    /// The next open picker answers `path`.
    pub fn push_open(&self, path: Option<PathBuf>) {
        self.with(|s| s.opens.push_back(path));
    }

    /// The next save picker answers `path`.
    pub fn push_save(&self, path: Option<PathBuf>) {
        self.with(|s| s.saves.push_back(path));
    }

    /// The pickers shown so far.
    pub fn calls(&self) -> Vec<DialogCall> {
        self.with(|s| s.calls.clone())
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open(&mut self, title: &str, _filters: &[FileFilter]) -> Option<PathBuf> {
        self.with(|s| {
            s.calls.push(DialogCall::Open(title.to_string()));
            s.opens.pop_front().flatten()
        })
    }

    fn save(&mut self, title: &str, file_name: &str, _filters: &[FileFilter]) -> Option<PathBuf> {
        self.with(|s| {
            s.calls
                .push(DialogCall::Save(title.to_string(), file_name.to_string()));
            s.saves.pop_front().flatten()
        })
    }
}
