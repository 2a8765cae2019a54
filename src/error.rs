//! Errors of the core. Each names the file it is about and says what is wrong.

use std::path::{Path, PathBuf};

/// Something went wrong reading, parsing or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read or written.
    ///
    /// The cause is part of the message and deliberately not the error's `source()`, so a chain
    /// of causes (`{:#}`) says it once: `writing failed: No space left on device (os error 28):
    /// f.lectern`.
    #[error("{action} failed: {cause}: {path}")]
    Io {
        /// What was being done: "reading", "writing", …
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        cause: std::io::Error,
    },
    /// The path does not exist.
    #[error("no such file: {path}")]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A directory was given where a file is needed.
    #[error("is a directory, not a file: {path}")]
    IsDirectory {
        /// The path.
        path: PathBuf,
    },
    /// The folder meant to hold an output file does not exist.
    #[error("the folder does not exist: {path}")]
    NoSuchFolder {
        /// The output path whose folder is missing.
        path: PathBuf,
    },
    /// The file is bigger than Lectern reads.
    #[error("file is too large ({size_bytes} bytes; the limit is {limit_bytes} bytes): {path}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// The file is empty.
    #[error("file is empty: {path}")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file holds binary data, not text.
    #[error("not a text file (binary data found): {path}")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8, and which encoding it is in cannot be told with confidence.
    #[error(
        "cannot tell the text's encoding (not UTF-8 from byte {offset}; it may be {candidates}); save it as UTF-8 and try again: {path}"
    )]
    UnknownEncoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// The likely encodings, comma-separated (`GB18030, Big5`).
        candidates: String,
    },
    /// The `.lectern` file could not be parsed.
    #[error("not a valid .lectern file ({problem}): {path}")]
    BadProject {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: ProjectProblem,
    },
    /// The `.lectern` file was written by a newer Lectern.
    #[error(
        "written by a newer version of Lectern (file format {found}; this version reads up to {supported}); please update Lectern: {path}"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The output file exists and overwriting was not asked for.
    #[error("the output file already exists (use --force to overwrite it): {path}")]
    OutputExists {
        /// The file.
        path: PathBuf,
    },
    /// No draft by that name in the project.
    #[error("no draft named {name:?} (drafts: {available}): {path}")]
    NoSuchDraft {
        /// The project file.
        path: PathBuf,
        /// The name asked for.
        name: String,
        /// The names there are, comma-separated.
        available: String,
    },
    /// A draft of that name exists already (the command line replaces it only when asked).
    #[error("a draft named {name:?} already exists (use --replace to replace it): {path}")]
    DraftExists {
        /// The project file.
        path: PathBuf,
        /// The name.
        name: String,
    },
    /// A draft was asked for in a file that is not a `.lectern` file.
    #[error("drafts exist only in .lectern files; this file has none: {path}")]
    DraftsNeedProject {
        /// The file.
        path: PathBuf,
    },
    /// No template with that id.
    #[error("no template with id {id:?} (templates: {available})")]
    NoSuchTemplate {
        /// The id asked for.
        id: String,
        /// The ids there are, comma-separated.
        available: String,
    },
    /// The Word document could not be read.
    #[error("cannot read the Word document ({problem}): {path}")]
    BadDocx {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: crate::import::DocxProblem,
    },
    /// The file's kind is not one Lectern reads.
    #[error("unsupported file type (expected .lectern, .txt, .md or .docx): {path}")]
    UnsupportedType {
        /// The file.
        path: PathBuf,
    },
}

impl Error {
    /// Wraps an I/O error, turning "not found" and "is a directory" into their own variants.
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        let path = path.to_path_buf();
        match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { path },
            std::io::ErrorKind::IsADirectory => Error::IsDirectory { path },
            _ => Error::Io {
                action,
                path,
                cause: source,
            },
        }
    }

    /// Whether the error is about bad input (a wrong path, a bad file, a wrong name) rather than
    /// a failure of the system. The command line exits with 2 for these and 1 for the others.
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Error::Io { .. })
    }
}

/// What is wrong with a `.lectern` (or recovery) file that does not load, worded for people,
/// never in the parser's terms.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectProblem {
    /// The text does not have the shape of a `.lectern` file at all (another kind of file with
    /// the extension, or one damaged from its start).
    #[error("it does not hold a speech in Lectern's format")]
    NotLectern,
    /// The format breaks at this place: a bracket, a quote or a comma missing, a stray character.
    #[error("the text is damaged at line {line}, column {column}")]
    Damaged {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// The format holds, but a value is not what belongs there (a word for a number, an unknown
    /// name) at this place.
    #[error("an unexpected value at line {line}, column {column}")]
    UnexpectedValue {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// Brackets nested deeper than a speech ever needs.
    #[error("nested too deeply")]
    TooDeep,
    /// A draft refers to a text missing from the file's table of texts.
    #[error("draft {draft} refers to a missing text {key:?}")]
    MissingText {
        /// The draft's id.
        draft: u64,
        /// The missing key.
        key: String,
    },
    /// The table of texts lists a key twice.
    #[error("the text {key:?} is listed twice in `texts`")]
    RepeatedText {
        /// The key.
        key: String,
    },
    /// A recovery file does not start with its header line.
    #[error("the recovery header is missing or damaged")]
    RecoveryHeader,
}

/// Result with the core's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
