//! Loading what the command line is given: a `.lectern` project (its working copy or a named
//! draft), a `.txt`/`.md`/`.docx` file (imported by [`lectern::import::file`]), or standard
//! input.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

use lectern::Error;
use lectern::import::file::{self, ImportedFile, InputKind, OpenedFile};
use lectern::model::Speech;
use lectern::project::{Project, Settings};
use lectern::storage::{self, MAX_TEXT_BYTES};

/// A speech loaded from the command line, with the settings that apply to it.
pub struct LoadedSpeech {
    /// The speech (working copy, draft, or imported text).
    pub speech: Speech,
    /// The project's settings, or defaults for text.
    pub settings: Settings,
}

/// Prints the importer's notes on stderr: `lectern: note: …: FILE`.
pub fn print_notes(imported: &ImportedFile, path: &Path) {
    for note in &imported.imported.notes {
        eprintln!("lectern: note: {note}: {}", path.display());
    }
}

/// Imports a text, Markdown or Word file, or standard input (`-`, read as text).
pub fn import_file(path: &Path) -> Result<ImportedFile, Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        let stdin_path = PathBuf::from("<stdin>");
        std::io::stdin()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("reading", &stdin_path, e))?;
        return file::import_bytes(&stdin_path, InputKind::Text, bytes);
    }
    file::import_file(path)
}

/// Loads a speech from a `.lectern` file (its working copy, or the draft named `draft`) or a
/// `.txt`/`.md`/`.docx` file (for a `.docx` with tracked changes: the reviewer's version).
pub fn load_speech(path: &Path, draft: Option<&str>) -> anyhow::Result<LoadedSpeech> {
    let opened = if path == Path::new("-") {
        OpenedFile::Imported(Box::new(import_file(path)?))
    } else {
        file::open_file(path)?
    };
    let project = match opened {
        OpenedFile::Project(project) => *project,
        OpenedFile::Imported(imported) => {
            if draft.is_some() {
                return Err(Error::DraftsNeedProject {
                    path: path.to_path_buf(),
                }
                .into());
            }
            return Ok(LoadedSpeech {
                speech: imported.imported.speech,
                settings: Settings::default(),
            });
        }
    };
    let speech = match draft {
        None => project.speech.clone(),
        Some(name) => match project.draft_by_name(name) {
            Some(d) => Speech::clone(&d.speech),
            None => {
                return Err(Error::NoSuchDraft {
                    path: path.to_path_buf(),
                    name: name.to_string(),
                    available: project.draft_names(),
                }
                .into());
            }
        },
    };
    Ok(LoadedSpeech {
        speech,
        settings: project.settings,
    })
}

/// Loads a `.lectern` project, refusing other kinds of file.
pub fn load_project_file(path: &Path) -> anyhow::Result<Project> {
    if InputKind::of_path(path) != InputKind::Project {
        return Err(Error::UnsupportedType {
            path: path.to_path_buf(),
        })
        .context("this command needs a .lectern file");
    }
    Ok(storage::load_project(path)?)
}
