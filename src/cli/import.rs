//! `lectern import FILE -o NAME.lectern`: a text, Markdown or Word file (or standard input)
//! into a new project. The importer's guesses go to stderr as `lectern: note: …`.

use std::path::Path;

use anyhow::Context;

use lectern::import::file::InputKind;
use lectern::project::{DraftKind, Project};
use lectern::storage;

use super::input;

/// The name of the draft that holds a reviewed `.docx`'s version (tracked changes accepted).
pub const REVIEWER_DRAFT: &str = "reviewer";

/// Imports `input` into a new project at `output` (refusing to overwrite it without `force`).
///
/// A `.docx` with tracked changes gives a project whose working copy is the original (changes
/// rejected) and whose draft [`REVIEWER_DRAFT`] is the reviewer's version (changes accepted):
/// comparing the two shows exactly the reviewer's edits.
pub fn run(input: &Path, output: &Path, force: bool) -> anyhow::Result<()> {
    super::require_project_path(output)?;
    storage::check_output_path(output, force)?;
    if InputKind::of_path(input) == InputKind::Project {
        // Importing RON as plain text would make a speech of its syntax.
        return Err(lectern::Error::UnsupportedType {
            path: input.to_path_buf(),
        })
        .context("import reads .txt, .md and .docx files; a .lectern file needs no import");
    }
    let imported = input::import_file(input)?;
    input::print_notes(&imported, input);
    let speech = imported.imported.speech;
    let summary = format!(
        "imported {}, {} and {} into {}",
        super::plural(speech.sections.len(), "section", "sections"),
        super::plural(
            speech.opening.len(),
            "opening paragraph",
            "opening paragraphs"
        ),
        super::plural(
            speech.closing.len(),
            "closing paragraph",
            "closing paragraphs"
        ),
        output.display()
    );
    let project = match imported.original {
        Some(original) => {
            let mut project = Project::new(speech);
            project.save_draft(REVIEWER_DRAFT, None, DraftKind::Named, chrono::Utc::now());
            project.speech = original.speech;
            project
        }
        None => Project::new(speech),
    };
    storage::save_project(&project, output)?;
    eprintln!("{summary}");
    Ok(())
}
