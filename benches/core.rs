//! Import, export and stats of a 45,000-character speech. Goal: each under 1 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use lectern::export::{ExportOptions, export};
use lectern::import::{TextFormat, import_text};
use lectern::project::Settings;
use lectern::stats::speech_stats;

#[path = "support/speech.rs"]
mod speech;

fn core_benches(c: &mut Criterion) {
    let text = speech::speech_text(45_000);
    let speech = import_text(&text, TextFormat::Plain).speech;
    let settings = Settings::default();
    let chars = text.chars().count();
    c.bench_function(&format!("import {chars} chars"), |b| {
        b.iter(|| import_text(black_box(&text), TextFormat::Plain))
    });
    let options = ExportOptions::chinese();
    c.bench_function(&format!("export {chars} chars"), |b| {
        b.iter(|| export(black_box(&speech), &options))
    });
    c.bench_function(&format!("stats {chars} chars"), |b| {
        b.iter(|| speech_stats(black_box(&speech), &settings))
    });
}

criterion_group!(benches, core_benches);
criterion_main!(benches);
