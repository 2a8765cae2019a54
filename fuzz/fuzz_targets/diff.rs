//! The section-aware diff on two speeches imported from arbitrary text: never panics.
//!
//! Written against the API being built on another branch (`lectern::diff::SpeechDiff::new(&old,
//! &new, &DiffOptions::default())`); only built with `--features diff`, for the integrator to
//! enable (and adjust) once `src/diff/` is merged.
#![no_main]

use lectern::diff::{DiffOptions, SpeechDiff};
use lectern::import::{TextFormat, import_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let old = import_text(input.0, TextFormat::Plain).speech;
    let new = import_text(input.1, TextFormat::Plain).speech;
    let _ = SpeechDiff::new(&old, &new, &DiffOptions::default());
    let _ = SpeechDiff::new(&old, &old, &DiffOptions::default());
});
