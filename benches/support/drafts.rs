//! The sample speech with many drafts, for benchmarks of big projects: before each draft, one
//! paragraph (a different one each time) gets a phrase added, as a writer revising would.

#![allow(dead_code)]

use std::path::Path;

use lectern::import::{TextFormat, import_text};
use lectern::project::{DraftKind, Project};

/// The sample speech beside the crate (or beside its parent folder, for a worktree one down).
///
/// # Panics
/// When the sample is not there: these benchmarks mean nothing without it.
pub fn sample_text() -> String {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = "shared/samples/work-conference-speech-zh-hant.txt";
    let candidates = [
        crate_dir.join("..").join(name),
        crate_dir.join("../..").join(name),
    ];
    candidates
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_else(|| panic!("the sample speech is needed: {candidates:?}"))
}

/// The sample speech with `drafts` automatic drafts, each one paragraph apart from the last.
pub fn project_with_drafts(drafts: usize) -> Project {
    let text = sample_text();
    let mut project = Project::new(import_text(&text, TextFormat::Plain).speech);
    let start = chrono::DateTime::from_timestamp(1_795_780_800, 0).unwrap_or_default();
    for i in 0..drafts {
        let speech = &mut project.speech;
        let paragraphs: usize = speech.sections.iter().map(|s| s.paragraphs.len()).sum();
        let mut target = (i * 7) % paragraphs.max(1);
        for section in &mut speech.sections {
            if let Some(paragraph) = section.paragraphs.get_mut(target) {
                paragraph.push_str(&format!("（第{i}次修改）"));
                break;
            }
            target -= section.paragraphs.len();
        }
        project.save_draft(
            format!("Saved {i}"),
            None,
            DraftKind::Automatic,
            start + chrono::Duration::minutes(i as i64),
        );
    }
    project
}
