//! What the editor gets from outside on each call: the time, the file pickers and the system's
//! opener (for a printed PDF and an exported file's folder).
//!
//! The pickers sit behind [`FileDialogs`]; a request says *what for* ([`FilePurpose`]), and the
//! window's implementation turns that into a title and filters in the interface language. Tests
//! use [`ScriptedDialogs`], which answers from a script and never opens a window. The opener sits
//! behind [`SystemOpener`]; tests use [`RecordingOpener`], which never starts a program.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
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
    /// Export to a file with this extension (`txt`, `md`, `docx`, `pdf`).
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

/// File pickers. `None` means the writer cancelled.
pub trait FileDialogs {
    /// Asks for a file for `purpose`; a save picker suggests `suggested_name`.
    fn pick(&mut self, purpose: &FilePurpose, suggested_name: &str) -> Option<PathBuf>;

    /// Whether a picker can be shown at all. When not (a Linux desktop without the file-chooser
    /// portal or zenity, where a picker would silently show nothing), the editor asks for the
    /// path in a dialog of its own instead of calling [`FileDialogs::pick`].
    fn available(&self) -> bool {
        true
    }
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
    /// Opens a file or folder with the system's program for it.
    pub opener: &'a mut dyn SystemOpener,
}

impl<'a> Env<'a> {
    /// The environment at `now_secs`, with the system's wall clock and no opener (opening
    /// anything fails, and the editor says where the file is); see [`Env::with_opener`].
    pub fn new(now_secs: f64, dialogs: &'a mut dyn FileDialogs) -> Self {
        Self {
            now_secs,
            wall: Utc::now(),
            dialogs,
            // A zero-sized value: leaking it allocates nothing.
            opener: Box::leak(Box::new(NoOpener)),
        }
    }

    /// The same environment with `opener`.
    pub fn with_opener(mut self, opener: &'a mut dyn SystemOpener) -> Self {
        self.opener = opener;
        self
    }
}

/// Opens files and folders with the system's programs (a PDF in its viewer, a folder in the
/// file manager).
pub trait SystemOpener {
    /// Opens `path` with the program the system uses for it. An error when no such program
    /// could be started (or it said it failed).
    fn open(&mut self, path: &Path) -> std::io::Result<()>;
}

/// No opener: every open fails as unsupported.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoOpener;

impl SystemOpener for NoOpener {
    fn open(&mut self, _path: &Path) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
    }
}

/// The system's opener: `xdg-open` on Linux and the BSDs, `open` on macOS, `explorer` on
/// Windows, started with [`std::process::Command`].
#[derive(Clone, Copy, Debug, Default)]
pub struct DesktopOpener;

impl DesktopOpener {
    /// How long to wait for the opener to say it failed before taking it as started.
    const WAIT: std::time::Duration = std::time::Duration::from_millis(1500);
}

impl SystemOpener for DesktopOpener {
    fn open(&mut self, path: &Path) -> std::io::Result<()> {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        let mut child = std::process::Command::new(program)
            .arg(path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()?;
        let started = std::time::Instant::now();
        loop {
            match child.try_wait()? {
                // explorer's exit code says nothing about success.
                Some(status) if status.success() || cfg!(windows) => return Ok(()),
                Some(_) => return Err(std::io::Error::other(format!("{program} failed"))),
                None if started.elapsed() >= Self::WAIT => {
                    // Still running (it started the program in the foreground): reap it later.
                    std::thread::spawn(move || child.wait());
                    return Ok(());
                }
                None => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    }
}

/// An opener for tests: records what it was asked to open and never starts a program. Clones
/// share the record. It fails when told to (as a desktop without a viewer would).
#[derive(Clone, Debug, Default)]
pub struct RecordingOpener {
    record: Arc<Mutex<(Vec<PathBuf>, bool)>>,
}

impl RecordingOpener {
    /// An opener that succeeds.
    pub fn new() -> Self {
        Self::default()
    }

    /// From now on, every open fails (`true`) or succeeds.
    pub fn set_failing(&self, failing: bool) {
        self.with(|r| r.1 = failing);
    }

    /// What it was asked to open, in order.
    pub fn opened(&self) -> Vec<PathBuf> {
        self.with(|r| r.0.clone())
    }

    fn with<R>(&self, f: impl FnOnce(&mut (Vec<PathBuf>, bool)) -> R) -> R {
        match self.record.lock() {
            Ok(mut record) => f(&mut record),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }
}

impl SystemOpener for RecordingOpener {
    fn open(&mut self, path: &Path) -> std::io::Result<()> {
        self.with(|r| {
            r.0.push(path.to_path_buf());
            if r.1 {
                Err(std::io::Error::from(std::io::ErrorKind::NotFound))
            } else {
                Ok(())
            }
        })
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
    unavailable: bool,
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

    /// From now on, say that no picker can be shown (`false`), or that one can.
    pub fn set_available(&self, available: bool) {
        self.with(|s| s.unavailable = !available);
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

    fn available(&self) -> bool {
        self.with(|s| !s.unavailable)
    }
}
