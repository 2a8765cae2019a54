//! Opening and saving a big project: the sample speech with 500 drafts, each differing from the
//! one before in one paragraph. Goal: opening (read + parse) ≤ 100 ms.
//!
//! Prints the file sizes first: this build's format and version 1 (every draft a full copy), the
//! peer in the same run; then times parsing and writing both, and a whole `load_project` /
//! `save_project` (with its fsyncs and `.bak`) in a temporary folder.
//!
//! Needs the sample speech in `../shared/samples/` (or `../../shared/samples/`; fails loudly
//! without it).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed benchmark

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/drafts.rs"]
mod drafts;
use drafts::project_with_drafts as project;

use lectern::project::Project;
use lectern::storage::{load_project, project_from_ron, project_to_ron, save_project};

/// Version 1 of the same project: `Project` serialised as it is (drafts in full, no version,
/// which reads as version 1).
fn version_1_text(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false)
        .indentor("    ".to_string());
    ron::ser::to_string_pretty(project, config).expect("a project serialises")
}

fn bench(c: &mut Criterion) {
    let path = Path::new("bench.lectern");
    for drafts in [200, 500] {
        let project = project(drafts);
        let text = project_to_ron(&project);
        let v1 = version_1_text(&project);
        assert_eq!(
            project_from_ron(&v1, path).expect("version 1 loads"),
            project
        );
        assert_eq!(project_from_ron(&text, path).expect("loads"), project);
        eprintln!(
            "{drafts} drafts: {:.2} MB (version 1: {:.2} MB)",
            text.len() as f64 / 1e6,
            v1.len() as f64 / 1e6
        );
        if drafts != 500 {
            continue;
        }
        c.bench_function("parse 500 drafts", |b| {
            b.iter(|| project_from_ron(black_box(&text), path))
        });
        c.bench_function("parse 500 drafts, version 1 (peer)", |b| {
            b.iter(|| project_from_ron(black_box(&v1), path))
        });
        c.bench_function("serialise 500 drafts", |b| {
            b.iter(|| project_to_ron(black_box(&project)))
        });
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("big.lectern");
        save_project(&project, &file).expect("saves");
        c.bench_function("load_project 500 drafts (read + parse)", |b| {
            b.iter(|| load_project(black_box(&file)))
        });
        c.bench_function("save_project 500 drafts (serialise, .bak, fsync)", |b| {
            b.iter(|| save_project(black_box(&project), &file))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
