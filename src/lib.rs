//! # Lectern
//!
//! A desktop editor for writing speeches — 讲话稿 for meetings first, English keynotes and toasts
//! too. This crate's core (everything but the `ui` module) has no GUI dependency:
//!
//! - [`model`]: the speech (title, greeting, opening, sections, closing, notes).
//! - [`part`]: which part or field of a speech ([`part::Part`], [`part::Field`]).
//! - [`project`]: a `.lectern` file's content — working copy, drafts, settings.
//! - [`storage`]: the `.lectern` format and safe file I/O.
//! - [`recovery`]: recovery files of the working copy, and when to write them.
//! - [`autodraft`]: automatic drafts kept on save, thinned over time.
//! - [`template`]: built-in templates.
//! - [`import`]: text or Markdown → speech.
//! - [`export`]: speech → text or Markdown.
//! - [`stats`]: character/word counts and speaking time.
//! - [`diff`]: section-aware comparison of two speeches.
//! - [`merge`]: three-way merge of two reviewers' copies of one draft, conflicts kept as data.
//! - [`proof`]: proofing checks (punctuation, numbering, repeats, script mixing, …) and fixes.
//! - [`history`]: snapshot undo/redo with keystroke grouping (GUI-free).
//! - [`editor`]: the whole editor without a window — actions in, effects out, timed work in
//!   ticks. The window (feature `gui`) is views over it.
//!
//! ```
//! use lectern::{export, import, stats};
//! let text = "在会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高站位\n\n一要学习。\n\n同志们，谢谢！\n";
//! let speech = import::import_text(text, import::TextFormat::Plain).speech;
//! assert_eq!(speech.sections[0].heading, "提高站位");
//! let out = export::export(&speech, &export::ExportOptions::chinese());
//! assert!(out.contains("　　一、提高站位"));
//! let counts = stats::speech_stats(&speech, &Default::default());
//! assert!(counts.total.cjk_chars > 0);
//! ```

pub mod autodraft;
pub mod diff;
pub mod editor;
pub mod error;
pub mod export;
pub mod history;
pub mod import;
pub mod merge;
pub mod model;
pub mod part;
pub mod project;
pub mod proof;
pub mod recovery;
pub mod stats;
pub mod storage;
pub mod template;

#[cfg(feature = "gui")]
pub mod ui;

pub use error::{Error, Result};
