//! Proofing a 45,000-character speech. Goals: the full check ≤ 5 ms; re-checking one section
//! (what a keystroke costs an editor) well under 2 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed benchmark

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use lectern::import::{TextFormat, import_text};
use lectern::model::Language;
use lectern::part::Field;
use lectern::project::Settings;
use lectern::proof;

#[path = "support/speech.rs"]
mod speech;

fn proof_benches(c: &mut Criterion) {
    let text = speech::speech_text(45_000);
    let speech = import_text(&text, TextFormat::Plain).speech;
    let settings = Settings::default();
    let chars = text.chars().count();
    proof::warm_up(speech.meta.language);
    c.bench_function(&format!("check {chars} chars"), |b| {
        b.iter(|| proof::check_speech(black_box(&speech), &settings))
    });
    let field = Field::Body(speech.sections[1].id);
    let section_chars = speech.field_text(field).unwrap_or_default().chars().count();
    c.bench_function(
        &format!("check one section body ({section_chars} chars)"),
        |b| b.iter(|| proof::check_field(black_box(&speech), field)),
    );
    c.bench_function("check structure (budgets, target)", |b| {
        b.iter(|| proof::check_structure(black_box(&speech), &settings))
    });
    c.bench_function(&format!("fix everything, {chars} chars"), |b| {
        b.iter(|| {
            let mut fixed = speech.clone();
            proof::fix_everything(&mut fixed)
        })
    });
    // The worst case for the script check: a Simplified speech marked Traditional, so every
    // paragraph goes through OpenCC.
    let mut wrong_script = speech.clone();
    wrong_script.meta.language = Language::ZhHant;
    proof::warm_up(Language::ZhHant);
    c.bench_function(
        &format!("check {chars} chars, all in the other script"),
        |b| b.iter(|| proof::check_speech(black_box(&wrong_script), &settings)),
    );
}

criterion_group!(benches, proof_benches);
criterion_main!(benches);
