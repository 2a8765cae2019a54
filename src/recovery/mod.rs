//! Recovery files: the editor's working copy, written every few seconds to the user's data folder
//! so a crash or a power cut loses at most the last seconds of typing. The user's own file is
//! never written here.
//!
//! One recovery file per open document, named after a stable hash of the document's canonical
//! path (`doc-<16 hex>.recovery.lectern`) or, for a document never saved, after a session id
//! (`new-<id>.recovery.lectern`). The file is a valid `.lectern` file (the same RON) whose first
//! line is a RON comment holding a small header: the document's path, when the recovery was
//! written, the document's [`DiskStamp`] when it was opened or last saved, and a hash of the
//! project text. So a recovery file can also be opened directly as a project.
//!
//! At start-up the editor calls [`RecoveryStore::pending`] and offers the entries whose content
//! is not in the document; after a successful save (or when the writer discards a document) it
//! calls [`RecoveryStore::remove`]. [`Autosaver`] decides when to write.

use std::ffi::OsString;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::project::Project;
use crate::storage::{self, DiskStamp, Fnv1a64};

/// Environment variable that overrides the data folder (recovery files go to `$VAR/recovery`).
pub const DATA_DIR_ENV: &str = "LECTERN_DATA_DIR";

/// How recovery files' names end.
pub const RECOVERY_SUFFIX: &str = ".recovery.lectern";

/// The newest recovery header version this build writes and reads.
pub const RECOVERY_VERSION: u32 = 1;

/// The start of a recovery file's first line; the header follows as one line of RON.
const HEADER_PREFIX: &str = "// lectern-recovery: ";

/// A header line longer than this is not a header (a path is far shorter).
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// Which recovery file belongs to a document: one per saved document (by its canonical path) or
/// one per never-saved document (by a session id). Keep the key for as long as the document is
/// open; make a new one after "Save as".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecoveryKey {
    document: Option<PathBuf>,
    stem: String,
}

impl RecoveryKey {
    /// The key of the document saved at `path`. The path is made canonical (absolute, links
    /// resolved) when possible, so two spellings of one file share a recovery file.
    pub fn for_document(path: &Path) -> Self {
        let canonical = canonical_path(path);
        let mut hash = Fnv1a64::new();
        hash.write(canonical.as_os_str().as_encoded_bytes());
        Self {
            stem: format!("doc-{:016x}", hash.finish()),
            document: Some(canonical),
        }
    }

    /// A fresh key for a document that has never been saved (unique per call).
    pub fn new_unsaved() -> Self {
        let unix_ms = Utc::now().timestamp_millis();
        let random = crate::model::SectionId::new().0 & 0xffff_ffff;
        Self {
            document: None,
            stem: format!("new-{unix_ms:x}-{:x}-{random:08x}", std::process::id()),
        }
    }

    /// The document's canonical path, or `None` for a never-saved document.
    pub fn document(&self) -> Option<&Path> {
        self.document.as_deref()
    }

    /// The recovery file's name, e.g. `doc-0123456789abcdef.recovery.lectern`.
    pub fn file_name(&self) -> String {
        format!("{}{RECOVERY_SUFFIX}", self.stem)
    }
}

/// `path` made absolute with links resolved; for a file that does not exist (yet), its folder
/// is resolved instead; failing that, the path made absolute.
fn canonical_path(path: &Path) -> PathBuf {
    if let Ok(canonical) = fs::canonicalize(path) {
        return canonical;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// A path as stored in the header: text when it is valid Unicode, raw bytes otherwise (Unix file
/// names may be any bytes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum StoredPath {
    Text(String),
    Bytes(Vec<u8>),
}

impl StoredPath {
    fn from_path(path: &Path) -> Self {
        match path.to_str() {
            Some(text) => StoredPath::Text(text.to_string()),
            None => StoredPath::Bytes(path.as_os_str().as_encoded_bytes().to_vec()),
        }
    }

    fn to_path(&self) -> PathBuf {
        match self {
            StoredPath::Text(text) => PathBuf::from(text),
            StoredPath::Bytes(bytes) => bytes_to_path(bytes),
        }
    }
}

#[cfg(unix)]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// The first line of a recovery file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RecoveryHeader {
    recovery_version: u32,
    document: Option<StoredPath>,
    written: DateTime<Utc>,
    document_stamp: Option<DiskStamp>,
    /// FNV-1a 64 of the project text below the header (equal to the document's content hash
    /// when the document was saved with exactly this content).
    project_hash: u64,
}

/// Whether a recovery file holds something the document does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryStatus {
    /// The document was never saved: the recovery file is all there is.
    NeverSaved,
    /// The document is gone from its path.
    DocumentMissing,
    /// The document was last changed before the recovery file was written: it lacks the last
    /// edits. `changed_elsewhere` tells that the document on disk also differs from what the
    /// editor opened or saved (another program wrote it), so the writer should compare.
    NewerThanDocument {
        /// The document's content differs from its stamp taken at open/save.
        changed_elsewhere: bool,
    },
    /// The document could not be checked (e.g. it is now a folder or cannot be read): offered,
    /// to be safe.
    DocumentUnreadable,
    /// The document is newer than the recovery file, or holds exactly its content: nothing to
    /// recover (left from a crash between a save and the removal of the recovery file).
    Stale,
}

/// One recovery file found by [`RecoveryStore::pending`].
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryEntry {
    /// The recovery file.
    pub file: PathBuf,
    /// The key it was written under (use it to keep autosaving the recovered document, or to
    /// remove the file).
    pub key: RecoveryKey,
    /// The document's canonical path, or `None` for a never-saved document.
    pub document: Option<PathBuf>,
    /// When the recovery file was written.
    pub written: DateTime<Utc>,
    /// The document's stamp when it was opened or last saved, if it had been saved.
    pub document_stamp: Option<DiskStamp>,
    /// Whether it holds something the document does not.
    pub status: RecoveryStatus,
}

impl RecoveryEntry {
    /// Reads the project kept in the recovery file.
    pub fn load(&self) -> Result<Project> {
        storage::load_project(&self.file)
    }
}

/// A recovery file that could not be read, with the reason. Left in place: the writer may still
/// want to look at it.
#[derive(Debug)]
pub struct UnreadableRecovery {
    /// The recovery file.
    pub file: PathBuf,
    /// What is wrong with it.
    pub error: Error,
}

/// What [`RecoveryStore::pending`] found.
#[derive(Debug, Default)]
pub struct RecoveryScan {
    /// Recovery files with something the document lacks, oldest first: offer these.
    pub pending: Vec<RecoveryEntry>,
    /// Recovery files with nothing to recover (the document is newer): safe to remove.
    pub stale: Vec<RecoveryEntry>,
    /// Recovery files that could not be read.
    pub unreadable: Vec<UnreadableRecovery>,
}

/// The folder of recovery files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in `dir` (created on the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store in `$LECTERN_DATA_DIR/recovery` when that variable is set (and not empty), else
    /// in the platform's data folder for Lectern (e.g. `~/.local/share/lectern/recovery`).
    /// `None` when the platform has no home folder.
    pub fn default_location() -> Option<Self> {
        data_dir_from(std::env::var_os(DATA_DIR_ENV), || {
            directories::ProjectDirs::from("", "", "Lectern").map(|d| d.data_dir().to_path_buf())
        })
        .map(|data| Self::new(data.join("recovery")))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where `key`'s recovery file is.
    pub fn path_for(&self, key: &RecoveryKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// Writes the working copy `project` as `key`'s recovery file, atomically (a crash leaves
    /// the previous recovery file or the new one). `document_stamp` is the document's stamp when
    /// it was opened or last saved; `now` is recorded as the time written. Returns the file.
    pub fn write(
        &self,
        key: &RecoveryKey,
        project: &Project,
        document_stamp: Option<&DiskStamp>,
        now: DateTime<Utc>,
    ) -> Result<PathBuf> {
        fs::create_dir_all(&self.dir).map_err(|e| Error::io("creating", &self.dir, e))?;
        let path = self.path_for(key);
        if key
            .document()
            .is_some_and(|doc| canonical_path(&path) == doc)
        {
            // Never write over the writer's own file, however the folders are set up.
            return Err(Error::OutputExists { path });
        }
        let body = storage::project_to_ron(project);
        let mut hash = Fnv1a64::new();
        hash.write(body.as_bytes());
        let header = RecoveryHeader {
            recovery_version: RECOVERY_VERSION,
            document: key.document().map(StoredPath::from_path),
            written: now,
            document_stamp: document_stamp.copied(),
            project_hash: hash.finish(),
        };
        let header_line = ron::to_string(&header).map_err(|_| Error::BadProject {
            path: path.clone(),
            problem: crate::error::ProjectProblem::RecoveryHeader,
        })?;
        let text = format!("{HEADER_PREFIX}{header_line}\n{body}");
        storage::write_atomic(&path, text.as_bytes(), false)?;
        Ok(path)
    }

    /// Removes `key`'s recovery file (after a save, or when the writer discards the document).
    /// A file that is not there is fine.
    pub fn remove(&self, key: &RecoveryKey) -> Result<()> {
        self.remove_file(&self.path_for(key))
    }

    /// Removes a recovery file found by [`pending`](Self::pending) (pending, stale or
    /// unreadable). Refuses anything that is not a recovery file in this store's folder.
    pub fn remove_file(&self, file: &Path) -> Result<()> {
        let in_store = file.parent() == Some(self.dir.as_path())
            && file
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(RECOVERY_SUFFIX));
        if !in_store {
            return Err(Error::UnsupportedType {
                path: file.to_path_buf(),
            });
        }
        match fs::remove_file(file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(Error::io("removing", file, e))
            }
            _ => Ok(()),
        }
    }

    /// Looks at every recovery file and sorts them into pending (something to recover), stale
    /// and unreadable. A missing folder means none; only a folder that cannot be listed is an
    /// error. Never panics on a damaged file.
    pub fn pending(&self) -> Result<RecoveryScan> {
        let mut scan = RecoveryScan::default();
        let listing = match fs::read_dir(&self.dir) {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(scan),
            Err(e) => return Err(Error::io("listing", &self.dir, e)),
        };
        let mut files: Vec<PathBuf> = listing
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path())
            .filter(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(RECOVERY_SUFFIX) && !n.starts_with('.'))
            })
            .collect();
        files.sort();
        for file in files {
            match read_entry(&file) {
                Ok(entry) if entry.status == RecoveryStatus::Stale => scan.stale.push(entry),
                Ok(entry) => scan.pending.push(entry),
                Err(error) => scan.unreadable.push(UnreadableRecovery { file, error }),
            }
        }
        scan.pending.sort_by_key(|e| e.written);
        Ok(scan)
    }
}

/// The data folder: the override when set and not empty, else the platform's.
fn data_dir_from(
    override_dir: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    match override_dir {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => platform(),
    }
}

/// Reads a recovery file's header and decides its status.
fn read_entry(file: &Path) -> Result<RecoveryEntry> {
    let header = read_header(file)?;
    let document = header.document.as_ref().map(StoredPath::to_path);
    let status = match &document {
        None => RecoveryStatus::NeverSaved,
        Some(doc) => document_status(doc, &header),
    };
    let stem = file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(RECOVERY_SUFFIX))
        .unwrap_or_default()
        .to_string();
    Ok(RecoveryEntry {
        file: file.to_path_buf(),
        key: RecoveryKey {
            document: document.clone(),
            stem,
        },
        document,
        written: header.written,
        document_stamp: header.document_stamp,
        status,
    })
}

fn document_status(doc: &Path, header: &RecoveryHeader) -> RecoveryStatus {
    match storage::stamp(doc) {
        Ok(None) => RecoveryStatus::DocumentMissing,
        Err(_) => RecoveryStatus::DocumentUnreadable,
        Ok(Some(now)) => {
            let holds_this_content = now.content_hash == header.project_hash;
            let newer_than_recovery = now.modified.is_some_and(|m| m >= header.written);
            if holds_this_content || newer_than_recovery {
                RecoveryStatus::Stale
            } else {
                RecoveryStatus::NewerThanDocument {
                    changed_elsewhere: header
                        .document_stamp
                        .is_some_and(|known| now.content_differs(&known)),
                }
            }
        }
    }
}

/// Reads and parses the first line of a recovery file.
fn read_header(file: &Path) -> Result<RecoveryHeader> {
    let bad = |_why: &str| Error::BadProject {
        path: file.to_path_buf(),
        problem: crate::error::ProjectProblem::RecoveryHeader,
    };
    let handle = fs::File::open(file).map_err(|e| Error::io("reading", file, e))?;
    let mut line = Vec::new();
    BufReader::new(handle)
        .take(MAX_HEADER_BYTES)
        .read_until(b'\n', &mut line)
        .map_err(|e| Error::io("reading", file, e))?;
    let line = String::from_utf8(line).map_err(|_| bad("the recovery header is not UTF-8"))?;
    let Some(header_text) = line.trim_end().strip_prefix(HEADER_PREFIX) else {
        return Err(bad("no recovery header on the first line"));
    };
    #[derive(Deserialize)]
    struct VersionProbe {
        recovery_version: u32,
    }
    let options = ron::Options::default();
    let probe: VersionProbe = options
        .from_str(header_text)
        .map_err(|_| bad("the recovery header does not parse"))?;
    if probe.recovery_version > RECOVERY_VERSION {
        return Err(Error::NewerVersion {
            path: file.to_path_buf(),
            found: probe.recovery_version,
            supported: RECOVERY_VERSION,
        });
    }
    options
        .from_str(header_text)
        .map_err(|_| bad("the recovery header does not parse"))
}

mod autosaver;

pub use autosaver::{
    Autosaver, DEFAULT_AUTOSAVE_DELAY_SECS, DEFAULT_MAX_WAIT_SECS, MAX_AUTOSAVE_DELAY_SECS,
};

#[cfg(test)]
mod tests;
