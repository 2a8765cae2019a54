//! What the editor gets from outside on each call: the time and the file pickers.
//!
//! The pickers sit behind [`FileDialogs`]; a request says *what for* ([`FilePurpose`]), and the
//! window's implementation turns that into a title and filters in the interface language. Tests
//! use [`ScriptedDialogs`], which answers from a script and never opens a window.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

/// Why a file picker is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// Open a speech (a `.lectern` project, or a text or Markdown file to import).
    Open,
    /// Import a text or Markdown file as a new speech.
    ImportText,
    /// Import a reviewer's copy as a draft.
    ImportAsDraft,
    /// A version for a merge: a reviewer's copy (text, Markdown, Word) or a project.
    MergeInput,
    /// Save the project under a new name.
    SaveAs,
    /// Export to a file with this extension (`txt`, `md`).
    Export {
        /// The extension, without the dot.
        extension: String,
    },
}

impl FilePurpose {
    /// Whether the picker asks where to save (rather than what to open).
    pub fn is_save(&self) -> bool {
        matches!(self, FilePurpose::SaveAs | FilePurpose::Export { .. })
    }

    /// The extensions the picker offers, without dots.
    pub fn extensions(&self) -> Vec<&str> {
        match self {
            FilePurpose::Open => vec!["lectern", "txt", "md", "markdown", "docx"],
            FilePurpose::ImportText | FilePurpose::ImportAsDraft => {
                vec!["txt", "md", "markdown", "docx"]
            }
            FilePurpose::MergeInput => vec!["lectern", "txt", "md", "markdown", "docx"],
            FilePurpose::SaveAs => vec!["lectern"],
            FilePurpose::Export { extension } => vec![extension.as_str()],
        }
    }
}

/// File pickers. `None` means the writer cancelled (or no picker could be shown).
pub trait FileDialogs {
    /// Asks for a file for `purpose`; a save picker suggests `suggested_name`.
    fn pick(&mut self, purpose: &FilePurpose, suggested_name: &str) -> Option<PathBuf>;
}

/// The time and the pickers, handed to [`Editor::apply`](super::Editor::apply) and
/// [`Editor::tick`](super::Editor::tick).
pub struct Env<'a> {
    /// A monotonic clock in seconds (egui's input time in the window): decides undo grouping and
    /// when autosave is due.
    pub now_secs: f64,
    /// The wall clock: when drafts and recovery files are made.
    pub wall: DateTime<Utc>,
    /// The file pickers.
    pub dialogs: &'a mut dyn FileDialogs,
}

impl<'a> Env<'a> {
    /// The environment at `now_secs`, with the system's wall clock.
    pub fn new(now_secs: f64, dialogs: &'a mut dyn FileDialogs) -> Self {
        Self {
            now_secs,
            wall: Utc::now(),
            dialogs,
        }
    }
}

/// One picker a [`ScriptedDialogs`] answered: what for, and the suggested name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogCall {
    /// Why it was shown.
    pub purpose: FilePurpose,
    /// The suggested file name (empty for an open picker).
    pub suggested_name: String,
}

#[derive(Debug, Default)]
struct Script {
    answers: VecDeque<Option<PathBuf>>,
    calls: Vec<DialogCall>,
}

/// Pickers that answer from a script (for tests and benchmarks). Clones share the script, so a
/// test keeps one to add answers after handing the other to the editor. An unscripted picker
/// answers `None`, like a cancel.
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

    /// The next picker (open or save) answers `path`.
    pub fn push(&self, path: Option<PathBuf>) {
        self.with(|s| s.answers.push_back(path));
    }

    /// The pickers shown so far.
    pub fn calls(&self) -> Vec<DialogCall> {
        self.with(|s| s.calls.clone())
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick(&mut self, purpose: &FilePurpose, suggested_name: &str) -> Option<PathBuf> {
        self.with(|s| {
            s.calls.push(DialogCall {
                purpose: purpose.clone(),
                suggested_name: suggested_name.to_string(),
            });
            s.answers.pop_front().flatten()
        })
    }
}
