//! The editor window driven like a writer would: by labels, clicks and keys, headless (egui
//! kittest). One test binary for every window test, so the window code is linked once.
//!
//! Logic without drawing is tested on the [`Editor`](lectern::editor::Editor) itself (in
//! `src/editor/tests.rs`); these tests are about what a person sees and clicks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

#[allow(dead_code)]
#[path = "../docx_support/mod.rs"]
mod docx_support;
mod support;

mod compare_review;
mod conflicts;
mod culling;
mod details;
mod diff;
mod editor;
mod everyday;
mod export;
mod files;
mod import_preview;
mod palette;
mod panels;
mod proofing;
mod recovery;
mod warm_up;
