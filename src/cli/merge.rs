//! `lectern merge BASE OURS THEIRS`: merge two edited copies of a speech against the copy they
//! both started from.
//!
//! Exit status like `git merge-file`: 0 when the merge is clean, 1 when conflicts are left, 2 on
//! bad input. Works as a git merge driver (`lectern merge %O %A %B -o %A --force`): git's
//! temporary files have no extension, so a project is told by its content.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use lectern::export::{self, ExportOptions};
use lectern::import::file::{self, OpenedFile};
use lectern::merge::{merge_projects, speech_with_markers};
use lectern::project::Project;
use lectern::storage;

use super::input;

/// Arguments of `lectern merge`.
#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The version both sides started from: a .lectern file, FILE.lectern@DRAFT, .txt, .md or .docx.
    base: PathBuf,
    /// Our edited copy, given the same way.
    ours: PathBuf,
    /// Their edited copy, given the same way.
    theirs: PathBuf,
    /// Write the result here instead of to standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists (a git merge driver writes over OURS).
    #[arg(long)]
    force: bool,
    /// Output: a .lectern project (conflicts kept as both alternatives) or text (conflicts marked
    /// `<<<<<<< ours … ======= … >>>>>>> theirs` inside the paragraph).
    #[arg(long, value_enum, default_value_t = MergeFormat::Lectern)]
    format: MergeFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum MergeFormat {
    Lectern,
    Txt,
}

/// Runs `lectern merge`: exit code 0 when clean, 1 when conflicts are left.
pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    if let Some(path) = args.output.as_deref() {
        storage::check_output_path(path, args.force)?;
    }
    let base = load(&args.base)?;
    let ours = load(&args.ours)?;
    let theirs = load(&args.theirs)?;
    let merged = merge_projects(&base, &ours, &theirs, chrono::Utc::now());
    let conflicts = merged.conflicts.len();
    let out = match args.format {
        MergeFormat::Lectern => storage::project_to_ron(&merged),
        MergeFormat::Txt => {
            let marked = speech_with_markers(&merged.speech, &merged.conflicts);
            export::export(
                &marked,
                &ExportOptions::for_speech(&marked, &merged.settings),
            )
        }
    };
    match args.output.as_deref() {
        Some(path) => storage::write_atomic(path, out.as_bytes(), false)?,
        None => super::print_stdout(&out)?,
    }
    if conflicts == 0 {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "lectern: merge: {conflicts} conflict{} left",
            if conflicts == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}

/// A whole project (drafts and settings too) from a `.lectern` file or git's extensionless
/// copy of one; a draft (`FILE.lectern@DRAFT`) or a text file as a project of its own.
fn load(arg: &Path) -> anyhow::Result<Project> {
    let (path, draft) = super::diff::split_draft(arg);
    if draft.is_none() && path != Path::new("-") {
        return Ok(match file::open_file(&path)? {
            OpenedFile::Project(project) => *project,
            OpenedFile::Imported(imported) => Project::new(imported.imported.speech),
        });
    }
    let loaded = input::load_speech(&path, draft.as_deref())?;
    Ok(Project {
        settings: loaded.settings,
        ..Project::new(loaded.speech)
    })
}
