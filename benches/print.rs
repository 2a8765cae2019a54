//! Printed copies of a 45,000-character speech. Goals: PDF ≤ 200 ms, .docx ≤ 50 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use lectern::export::{FontLibrary, LayoutName, PrintOptions, docx, layout, pdf};
use lectern::import::{TextFormat, import_text};
use lectern::project::Settings;

#[path = "support/speech.rs"]
mod speech;

fn print_benches(c: &mut Criterion) {
    let text = speech::speech_text(45_000);
    let speech = import_text(&text, TextFormat::Plain).speech;
    let chars = text.chars().count();
    let options = PrintOptions::new(LayoutName::Gongwen, &Settings::default());
    // The system's fonts are scanned once per process, as in the window; not part of an export.
    let library = FontLibrary::system();
    let mut group = c.benchmark_group("print");
    group.sample_size(10);
    group.bench_function(format!("pdf gongwen {chars} chars"), |b| {
        b.iter(|| pdf::pdf_bytes(&layout(black_box(&speech), &options, library)))
    });
    group.bench_function(format!("docx gongwen {chars} chars"), |b| {
        b.iter(|| docx::docx_bytes(black_box(&speech), &options))
    });
    group.finish();
}

criterion_group!(benches, print_benches);
criterion_main!(benches);
