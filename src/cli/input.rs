//! Loading what the command line is given: a `.lectern` project (its working copy or a named
//! draft), or a `.txt`/`.md` file (imported), or standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

use lectern::Error;
use lectern::import::{self, Imported, TextFormat};
use lectern::model::Speech;
use lectern::project::{Project, Settings};
use lectern::storage::{self, FileKind, MAX_TEXT_BYTES};

/// A speech loaded from the command line, with the settings that apply to it.
pub struct LoadedSpeech {
    /// The speech (working copy, draft, or imported text).
    pub speech: Speech,
    /// The project's settings, or defaults for text.
    pub settings: Settings,
}

/// Reads a text file, or standard input when `path` is `-`.
pub fn read_text(path: &Path) -> Result<String, Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        let stdin_path = PathBuf::from("<stdin>");
        std::io::stdin()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("reading", &stdin_path, e))?;
        storage::decode_text(bytes, &stdin_path, MAX_TEXT_BYTES)
    } else {
        storage::read_text_file(path, MAX_TEXT_BYTES)
    }
}

/// Imports a text or Markdown file (or `-` for standard input).
pub fn import_file(path: &Path) -> Result<Imported, Error> {
    let text = read_text(path)?;
    let format = match FileKind::of(path) {
        FileKind::Markdown => TextFormat::Markdown,
        _ => TextFormat::Plain,
    };
    Ok(import::import_text(&text, format))
}

/// Loads a speech from a `.lectern` file (its working copy, or the draft named `draft`) or a
/// `.txt`/`.md` file.
pub fn load_speech(path: &Path, draft: Option<&str>) -> anyhow::Result<LoadedSpeech> {
    if FileKind::of(path) == FileKind::Project {
        let project = storage::load_project(path)?;
        let speech = match draft {
            None => project.speech.clone(),
            Some(name) => match project.draft_by_name(name) {
                Some(d) => d.speech.clone(),
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
        return Ok(LoadedSpeech {
            speech,
            settings: project.settings,
        });
    }
    if draft.is_some() {
        return Err(Error::UnsupportedType {
            path: path.to_path_buf(),
        })
        .context("--draft needs a .lectern file");
    }
    Ok(LoadedSpeech {
        speech: import_file(path)?.speech,
        settings: Settings::default(),
    })
}

/// Loads a `.lectern` project, refusing other kinds of file.
pub fn load_project_file(path: &Path) -> anyhow::Result<Project> {
    if FileKind::of(path) != FileKind::Project {
        return Err(Error::UnsupportedType {
            path: path.to_path_buf(),
        })
        .context("this command needs a .lectern file");
    }
    Ok(storage::load_project(path)?)
}
