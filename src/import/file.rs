//! One entry point for every file a speechwriter opens or imports: a `.lectern` project (loaded
//! by [`crate::storage`], told by its extension or by its content), a text or Markdown file in
//! any encoding [`crate::storage::TextEncoding`] names, or a Word `.docx` (with its tracked
//! changes as two versions).

use std::path::Path;

use super::docx::{DocxDocument, DocxParagraph, MAX_DOCX_BYTES, StyleKind, read_docx};
use super::{ImportNote, ImportPreview, Imported, LineMark, Overrides, Piece, TextFormat, build};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::storage::{self, MAX_PROJECT_BYTES, MAX_TEXT_BYTES, TextEncoding};

/// The kind of an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A `.lectern` project.
    Project,
    /// Plain text (`.txt` or any other name).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// A Word document (`.docx`).
    Docx,
}

impl InputKind {
    /// The kind by the file's extension (anything unknown is plain text).
    pub fn of_path(path: &Path) -> InputKind {
        let docx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        match storage::FileKind::of(path) {
            storage::FileKind::Project => InputKind::Project,
            storage::FileKind::Markdown => InputKind::Markdown,
            storage::FileKind::Text if docx => InputKind::Docx,
            storage::FileKind::Text => InputKind::Text,
        }
    }

    /// The kind by extension, corrected by content: a file without a known extension whose
    /// bytes start like a `.lectern` file is one (git's merge drivers get such temporary
    /// files), and one that starts like a zip archive is read as a `.docx`.
    pub fn of_file(path: &Path, bytes: &[u8]) -> InputKind {
        match InputKind::of_path(path) {
            InputKind::Text if storage::looks_like_project(bytes) => InputKind::Project,
            InputKind::Text if bytes.starts_with(b"PK\x03\x04") => InputKind::Docx,
            kind => kind,
        }
    }
}

/// What the preview needs to import the file again with the user's corrections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSource {
    /// The text the importer read (for a `.docx`: the reviewer's version, one paragraph a line).
    pub text: String,
    /// How to read it.
    pub format: TextFormat,
    /// The marks the file itself gives (a `.docx`'s heading and title styles); the user's go on
    /// top of these.
    pub overrides: Overrides,
    /// Notes that come with the file rather than the text (the encoding, tracked changes,
    /// comments), put before the importer's own.
    pub file_notes: Vec<ImportNote>,
    /// Notes kept with the speech that are not in the text (a `.docx`'s comments).
    pub extra_notes: Vec<String>,
}

impl ImportSource {
    /// The import preview with the user's corrections on top of the file's own marks.
    pub fn preview(&self, user: &Overrides) -> ImportPreview {
        self.run(user, true)
    }

    /// The import with the user's corrections on top of the file's own marks: what
    /// [`preview`](Self::preview) finds, without listing every line's role.
    pub fn import(&self, user: &Overrides) -> Imported {
        self.run(user, false).imported
    }

    /// The importer on this source; with `with_lines`, also each line's role.
    fn run(&self, user: &Overrides, with_lines: bool) -> ImportPreview {
        let mut overrides = self.overrides.clone();
        for (line, mark) in user.iter() {
            overrides.set(line, mark);
        }
        let mut result = build::run(&self.text, self.format, &overrides, with_lines);
        let imported = &mut result.imported;
        let mut notes = self.file_notes.clone();
        notes.append(&mut imported.notes);
        imported.notes = notes;
        for note in &self.extra_notes {
            imported
                .layout
                .pieces
                .push(Piece::Note(imported.speech.notes.len()));
            imported.speech.notes.push(note.clone());
        }
        result
    }
}

/// A text, Markdown or Word file, imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedFile {
    /// What kind of file it was.
    pub kind: InputKind,
    /// The speech found (for a `.docx` with tracked changes: the reviewer's version, changes
    /// accepted), with the importer's notes.
    pub imported: Imported,
    /// For a `.docx` with tracked changes: the original, changes rejected. Comparing it with
    /// `imported.speech` shows exactly the reviewer's edits.
    pub original: Option<Imported>,
    /// The encoding of a text file (`None` for a `.docx`).
    pub encoding: Option<TextEncoding>,
    /// What to import again with the user's corrections (see [`ImportSource::preview`]).
    pub source: ImportSource,
}

/// A file opened by [`open_file`].
#[derive(Clone, Debug, PartialEq)]
pub enum OpenedFile {
    /// A `.lectern` project.
    Project(Box<Project>),
    /// A text, Markdown or Word file, imported.
    Imported(Box<ImportedFile>),
}

/// Opens any input file: a `.lectern` project (by extension or content) is loaded, anything
/// else imported (see [`import_file`]).
pub fn open_file(path: &Path) -> Result<OpenedFile> {
    let bytes = storage::read_bytes(path, MAX_PROJECT_BYTES.max(MAX_DOCX_BYTES))?;
    match InputKind::of_file(path, &bytes) {
        InputKind::Project => {
            let text = storage::decode_text(bytes, path, MAX_PROJECT_BYTES)?;
            Ok(OpenedFile::Project(Box::new(storage::project_from_ron(
                &text, path,
            )?)))
        }
        kind => Ok(OpenedFile::Imported(Box::new(import_bytes(
            path, kind, bytes,
        )?))),
    }
}

/// Imports a text, Markdown or Word file. A `.lectern` project is refused
/// ([`Error::UnsupportedType`]): it needs no import ([`open_file`] loads it).
pub fn import_file(path: &Path) -> Result<ImportedFile> {
    let bytes = storage::read_bytes(path, MAX_TEXT_BYTES.max(MAX_DOCX_BYTES))?;
    match InputKind::of_file(path, &bytes) {
        InputKind::Project => Err(Error::UnsupportedType {
            path: path.to_path_buf(),
        }),
        kind => import_bytes(path, kind, bytes),
    }
}

/// Imports the bytes of a file of `kind` (not a project) read from `path` (or standard input:
/// `path` only names it in errors).
pub fn import_bytes(path: &Path, kind: InputKind, bytes: Vec<u8>) -> Result<ImportedFile> {
    if kind == InputKind::Docx {
        return import_docx(path, &bytes);
    }
    let decoded = storage::decode_text_detected(bytes, path, MAX_TEXT_BYTES)?;
    let format = if kind == InputKind::Markdown {
        TextFormat::Markdown
    } else {
        TextFormat::Plain
    };
    let mut file_notes = Vec::new();
    if !decoded.encoding.is_plain_utf8() {
        file_notes.push(ImportNote::Encoding {
            encoding: decoded.encoding,
        });
    }
    let source = ImportSource {
        text: decoded.text,
        format,
        file_notes,
        ..ImportSource::default()
    };
    let imported = source.import(&Overrides::default());
    Ok(ImportedFile {
        kind,
        imported,
        original: None,
        encoding: Some(decoded.encoding),
        source,
    })
}

/// The text of one version of a `.docx` (a paragraph a line, soft breaks as lines), the marks
/// its styles give, and its comments.
fn docx_source(paragraphs: &[DocxParagraph], file_notes: Vec<ImportNote>) -> ImportSource {
    let mut source = ImportSource {
        file_notes,
        ..ImportSource::default()
    };
    let mut line = 0;
    let mut headings = 0;
    for paragraph in paragraphs {
        let mark = match paragraph.kind {
            StyleKind::Heading => Some(LineMark::SectionHeading),
            StyleKind::Title => Some(LineMark::Title),
            StyleKind::Body => None,
        };
        if let Some(mark) = mark {
            headings += usize::from(mark == LineMark::SectionHeading);
            source.overrides.set_source(line, mark);
        }
        let text = paragraph.text.replace('\r', "");
        line += text.matches('\n').count() + 1;
        source.text.push_str(&text);
        source.text.push('\n');
        source
            .extra_notes
            .extend(paragraph.comments.iter().cloned());
    }
    if headings > 0 {
        source.overrides.set_headings_marked_only(true);
        source
            .file_notes
            .push(ImportNote::WordHeadingStyles { count: headings });
    }
    if !source.extra_notes.is_empty() {
        source.file_notes.push(ImportNote::CommentsKeptAsNotes {
            count: source.extra_notes.len(),
        });
    }
    source
}

fn import_docx(path: &Path, bytes: &[u8]) -> Result<ImportedFile> {
    let document: DocxDocument = read_docx(bytes).map_err(|problem| Error::BadDocx {
        path: path.to_path_buf(),
        problem,
    })?;
    let changed = document.insertions + document.deletions > 0;
    let mut notes = Vec::new();
    if changed {
        notes.push(ImportNote::TrackedChanges {
            insertions: document.insertions,
            deletions: document.deletions,
        });
    }
    let source = docx_source(&document.accepted, notes.clone());
    let imported = source.import(&Overrides::default());
    if imported.speech.is_blank() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let original =
        changed.then(|| docx_source(&document.original, notes).import(&Overrides::default()));
    Ok(ImportedFile {
        kind: InputKind::Docx,
        imported,
        original,
        encoding: None,
        source,
    })
}
