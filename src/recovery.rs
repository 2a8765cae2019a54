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
        let header_line = ron::to_string(&header).map_err(|e| Error::BadProject {
            path: path.clone(),
            message: e.to_string(),
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
    let bad = |message: String| Error::BadProject {
        path: file.to_path_buf(),
        message,
    };
    let handle = fs::File::open(file).map_err(|e| Error::io("reading", file, e))?;
    let mut line = Vec::new();
    BufReader::new(handle)
        .take(MAX_HEADER_BYTES)
        .read_until(b'\n', &mut line)
        .map_err(|e| Error::io("reading", file, e))?;
    let line =
        String::from_utf8(line).map_err(|_| bad("the recovery header is not UTF-8".into()))?;
    let Some(header_text) = line.trim_end().strip_prefix(HEADER_PREFIX) else {
        return Err(bad("no recovery header on the first line".into()));
    };
    #[derive(Deserialize)]
    struct VersionProbe {
        recovery_version: u32,
    }
    let options = ron::Options::default();
    let probe: VersionProbe = options
        .from_str(header_text)
        .map_err(|e| bad(format!("recovery header: {e}")))?;
    if probe.recovery_version > RECOVERY_VERSION {
        return Err(Error::NewerVersion {
            path: file.to_path_buf(),
            found: probe.recovery_version,
            supported: RECOVERY_VERSION,
        });
    }
    options
        .from_str(header_text)
        .map_err(|e| bad(format!("recovery header: {e}")))
}

/// The autosave delay used unless another is chosen.
pub const DEFAULT_AUTOSAVE_DELAY_SECS: f64 = 2.0;

/// The longest autosave delay allowed: at most this much typing is lost in a crash.
pub const MAX_AUTOSAVE_DELAY_SECS: f64 = 5.0;

/// How long edits may go unwritten while the writer keeps typing without a pause.
pub const DEFAULT_MAX_WAIT_SECS: f64 = 10.0;

/// Decides when to write the recovery file. It is told the time (seconds on any monotonic clock,
/// e.g. egui's `input.time`) and has no clock of its own.
///
/// A write is due once the writer has paused for the delay after an edit, or when edits have
/// waited for the maximum wait during non-stop typing.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosaver {
    delay_secs: f64,
    max_wait_secs: f64,
    /// Time of the last edit not yet in a recovery file.
    last_edit_secs: Option<f64>,
    /// Time of the first edit not yet in a recovery file.
    first_unwritten_secs: Option<f64>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::new(DEFAULT_AUTOSAVE_DELAY_SECS)
    }
}

impl Autosaver {
    /// An autosaver with this delay, kept within 0–[`MAX_AUTOSAVE_DELAY_SECS`] (a delay that is
    /// not a number gets the default).
    pub fn new(delay_secs: f64) -> Self {
        let delay_secs = if delay_secs.is_nan() {
            DEFAULT_AUTOSAVE_DELAY_SECS
        } else {
            delay_secs.clamp(0.0, MAX_AUTOSAVE_DELAY_SECS)
        };
        Self {
            delay_secs,
            max_wait_secs: DEFAULT_MAX_WAIT_SECS.max(delay_secs),
            last_edit_secs: None,
            first_unwritten_secs: None,
        }
    }

    /// The delay in use.
    pub fn delay_secs(&self) -> f64 {
        self.delay_secs
    }

    /// The document changed at `now_secs`.
    pub fn note_edit(&mut self, now_secs: f64) {
        self.last_edit_secs = Some(now_secs);
        self.first_unwritten_secs.get_or_insert(now_secs);
    }

    /// Whether there are edits not yet in a recovery file.
    pub fn has_unwritten_edits(&self) -> bool {
        self.last_edit_secs.is_some()
    }

    /// Whether to write the recovery file now.
    pub fn due(&self, now_secs: f64) -> bool {
        self.secs_until_due(now_secs) == Some(0.0)
    }

    /// How long until a write is due (`Some(0.0)`: now), or `None` when nothing is unwritten.
    /// Lets the editor schedule its next wake-up. A clock that went backwards counts as due.
    pub fn secs_until_due(&self, now_secs: f64) -> Option<f64> {
        let last = self.last_edit_secs?;
        let first = self.first_unwritten_secs.unwrap_or(last);
        if now_secs < last || now_secs.is_nan() {
            return Some(0.0);
        }
        let by_pause = last + self.delay_secs - now_secs;
        let by_wait = first + self.max_wait_secs - now_secs;
        Some(by_pause.min(by_wait).max(0.0))
    }

    /// The recovery file was written with the document as it was at `snapshot_secs` (the time
    /// the copy was taken). Edits after that stay unwritten.
    pub fn written(&mut self, snapshot_secs: f64) {
        if self
            .last_edit_secs
            .is_some_and(|last| last <= snapshot_secs)
        {
            self.last_edit_secs = None;
            self.first_unwritten_secs = None;
        } else if self.last_edit_secs.is_some() {
            self.first_unwritten_secs = self.last_edit_secs;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speech;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    fn project(title: &str) -> Project {
        Project::new(Speech {
            title: title.into(),
            opening: vec!["同志们：今天我们召开会议。".into()],
            ..Speech::default()
        })
    }

    fn set_mtime(path: &Path, time: DateTime<Utc>) {
        let file = fs::OpenOptions::new().write(true).open(path).unwrap();
        file.set_modified(time.into()).unwrap();
    }

    #[test]
    fn keys_are_stable_per_document_and_unique_per_new_document() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("讲话.lectern");
        fs::write(&doc, "x").unwrap();
        let a = RecoveryKey::for_document(&doc);
        let b = RecoveryKey::for_document(&dir.path().join(".").join("讲话.lectern"));
        assert_eq!(a, b);
        assert!(a.file_name().starts_with("doc-"));
        assert!(a.file_name().ends_with(RECOVERY_SUFFIX));
        assert_eq!(
            a.file_name().len(),
            "doc-".len() + 16 + RECOVERY_SUFFIX.len()
        );
        // A document not yet on disk gets the same key it will have once saved.
        let later = dir.path().join("later.lectern");
        let before = RecoveryKey::for_document(&later);
        fs::write(&later, "x").unwrap();
        assert_eq!(before, RecoveryKey::for_document(&later));
        assert_ne!(RecoveryKey::new_unsaved(), RecoveryKey::new_unsaved());
        assert_eq!(RecoveryKey::new_unsaved().document(), None);
    }

    #[test]
    fn recovery_files_round_trip_and_never_touch_the_document() {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(data.path().join("recovery"));
        let doc = docs.path().join("speech.lectern");
        storage::save_project(&project("saved"), &doc).unwrap();
        let doc_bytes = fs::read(&doc).unwrap();
        set_mtime(&doc, at(1_000));
        let stamp = storage::stamp(&doc).unwrap();

        let key = RecoveryKey::for_document(&doc);
        let file = store
            .write(&key, &project("edited"), stamp.as_ref(), at(2_000))
            .unwrap();
        assert_eq!(file.parent(), Some(store.dir()));
        assert_eq!(fs::read(&doc).unwrap(), doc_bytes);

        let scan = store.pending().unwrap();
        assert_eq!(scan.pending.len(), 1, "{scan:?}");
        let entry = &scan.pending[0];
        assert_eq!(entry.key, key);
        assert_eq!(entry.document.as_deref(), key.document());
        assert_eq!(entry.written, at(2_000));
        assert_eq!(entry.document_stamp, stamp);
        assert_eq!(
            entry.status,
            RecoveryStatus::NewerThanDocument {
                changed_elsewhere: false
            }
        );
        assert_eq!(entry.load().unwrap(), project("edited"));
        // The recovery file is itself a .lectern file.
        assert_eq!(storage::load_project(&file).unwrap(), project("edited"));

        store.remove(&key).unwrap();
        store.remove(&key).unwrap();
        assert!(store.pending().unwrap().pending.is_empty());
    }

    #[test]
    fn pending_only_when_the_document_lacks_the_recovered_edits() {
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(data.path());
        let doc = docs.path().join("a.lectern");
        storage::save_project(&project("v1"), &doc).unwrap();
        set_mtime(&doc, at(1_000));
        let stamp = storage::stamp(&doc).unwrap();
        let key = RecoveryKey::for_document(&doc);
        store
            .write(&key, &project("v2"), stamp.as_ref(), at(2_000))
            .unwrap();

        // Saved after the recovery was written (crash before removing it): stale.
        set_mtime(&doc, at(3_000));
        let scan = store.pending().unwrap();
        assert!(scan.pending.is_empty());
        assert_eq!(scan.stale.len(), 1);
        assert_eq!(scan.stale[0].status, RecoveryStatus::Stale);

        // Document holds exactly the recovered content, whatever its time: stale.
        storage::save_project(&project("v2"), &doc).unwrap();
        set_mtime(&doc, at(500));
        assert_eq!(store.pending().unwrap().stale.len(), 1);

        // Another program changed the document before the recovery: pending, flagged.
        fs::write(&doc, "(format_version: 1, speech: (title: \"other\"))").unwrap();
        set_mtime(&doc, at(1_500));
        let scan = store.pending().unwrap();
        assert_eq!(
            scan.pending[0].status,
            RecoveryStatus::NewerThanDocument {
                changed_elsewhere: true
            }
        );

        // Document deleted: pending.
        fs::remove_file(&doc).unwrap();
        assert_eq!(
            store.pending().unwrap().pending[0].status,
            RecoveryStatus::DocumentMissing
        );

        // Never saved: pending.
        let unsaved = RecoveryKey::new_unsaved();
        store
            .write(&unsaved, &project("new"), None, at(2_500))
            .unwrap();
        let scan = store.pending().unwrap();
        assert_eq!(scan.pending.len(), 2);
        assert_eq!(scan.pending[1].status, RecoveryStatus::NeverSaved);
        assert_eq!(scan.pending[1].key, unsaved);
        assert_eq!(scan.pending[1].load().unwrap(), project("new"));
    }

    #[test]
    fn damaged_recovery_files_are_listed_not_fatal() {
        let data = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(data.path());
        let good = RecoveryKey::new_unsaved();
        store.write(&good, &project("ok"), None, at(10)).unwrap();
        let cases: [(&str, &[u8]); 5] = [
            ("doc-empty", b""),
            ("doc-noheader", b"(format_version: 1)"),
            ("doc-binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            (
                "doc-truncated",
                b"// lectern-recovery: (recovery_version: 1, docu",
            ),
            (
                "doc-newer",
                b"// lectern-recovery: (recovery_version: 9, future: 1)\n()",
            ),
        ];
        for (stem, bytes) in cases {
            fs::write(data.path().join(format!("{stem}{RECOVERY_SUFFIX}")), bytes).unwrap();
        }
        // Not recovery files: ignored.
        fs::write(data.path().join("notes.txt"), "x").unwrap();
        fs::write(data.path().join(".doc-x.recovery.lectern.tmp-1-2"), "x").unwrap();
        fs::create_dir(data.path().join("sub")).unwrap();
        let scan = store.pending().unwrap();
        assert_eq!(scan.pending.len(), 1);
        assert_eq!(scan.unreadable.len(), cases.len(), "{scan:?}");
        assert!(
            scan.unreadable
                .iter()
                .any(|u| matches!(u.error, Error::NewerVersion { found: 9, .. }))
        );
        for u in &scan.unreadable {
            assert!(u.error.to_string().contains(&*u.file.to_string_lossy()));
            store.remove_file(&u.file).unwrap();
        }
        assert!(store.pending().unwrap().unreadable.is_empty());
        // A header that parses but a body that does not: listed, load() says why.
        let bad_body = data.path().join(format!("doc-body{RECOVERY_SUFFIX}"));
        fs::write(
            &bad_body,
            format!(
                "{HEADER_PREFIX}(recovery_version: 1, document: None, written: \"1970-01-01T00:00:10Z\", document_stamp: None, project_hash: 0)\n(speech: (title: 5))"
            ),
        )
        .unwrap();
        let scan = store.pending().unwrap();
        let entry = scan.pending.iter().find(|e| e.file == bad_body).unwrap();
        assert!(matches!(entry.load(), Err(Error::BadProject { .. })));
        // Only recovery files in the store can be removed through it.
        assert!(store.remove_file(&data.path().join("notes.txt")).is_err());
        assert!(data.path().join("notes.txt").exists());
    }

    #[test]
    fn a_missing_store_folder_has_nothing_pending() {
        let data = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(data.path().join("not-yet"));
        let scan = store.pending().unwrap();
        assert!(scan.pending.is_empty() && scan.unreadable.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn non_unicode_document_paths_survive() {
        use std::os::unix::ffi::OsStrExt;
        let data = tempfile::tempdir().unwrap();
        let docs = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(data.path());
        let doc = docs
            .path()
            .join(std::ffi::OsStr::from_bytes(b"bad\xffname\n.lectern"));
        let key = RecoveryKey::for_document(&doc);
        store.write(&key, &project("x"), None, at(10)).unwrap();
        let scan = store.pending().unwrap();
        assert_eq!(scan.pending[0].document.as_deref(), key.document());
        assert_eq!(scan.pending[0].status, RecoveryStatus::DocumentMissing);
    }

    #[test]
    fn data_folder_override() {
        let platform = || Some(PathBuf::from("/home/u/.local/share/lectern"));
        assert_eq!(
            data_dir_from(Some("/tmp/x".into()), platform),
            Some(PathBuf::from("/tmp/x"))
        );
        assert_eq!(data_dir_from(Some("".into()), platform), platform());
        assert_eq!(data_dir_from(None, platform), platform());
        assert_eq!(data_dir_from(None, || None), None);
    }

    #[test]
    fn autosaver_waits_for_a_pause() {
        let mut saver = Autosaver::default();
        assert_eq!(saver.delay_secs(), 2.0);
        assert!(!saver.due(100.0), "nothing edited");
        saver.note_edit(10.0);
        assert!(!saver.due(11.9));
        saver.note_edit(11.0);
        assert!(!saver.due(12.9), "the delay counts from the last edit");
        assert!(saver.due(13.0));
        assert_eq!(saver.secs_until_due(12.5), Some(0.5));
        saver.written(13.0);
        assert!(!saver.has_unwritten_edits());
        assert!(!saver.due(100.0));
        assert_eq!(saver.secs_until_due(100.0), None);
    }

    #[test]
    fn autosaver_writes_during_non_stop_typing() {
        let mut saver = Autosaver::new(2.0);
        for tenth in 0..=150 {
            let now = f64::from(tenth) / 10.0;
            saver.note_edit(now);
            if saver.due(now) {
                assert!(now >= DEFAULT_MAX_WAIT_SECS);
                saver.written(now);
                return;
            }
        }
        panic!("never due while typing");
    }

    #[test]
    fn autosaver_keeps_edits_made_while_writing() {
        let mut saver = Autosaver::new(1.0);
        saver.note_edit(0.0);
        assert!(saver.due(1.0));
        // Snapshot taken at 1.0, an edit lands at 1.2, the write finishes later.
        saver.note_edit(1.2);
        saver.written(1.0);
        assert!(saver.has_unwritten_edits());
        assert!(!saver.due(2.1));
        assert!(saver.due(2.2));
    }

    #[test]
    fn autosaver_delay_is_bounded_and_clock_jumps_are_safe() {
        assert_eq!(Autosaver::new(60.0).delay_secs(), MAX_AUTOSAVE_DELAY_SECS);
        assert_eq!(Autosaver::new(-1.0).delay_secs(), 0.0);
        assert_eq!(
            Autosaver::new(f64::NAN).delay_secs(),
            DEFAULT_AUTOSAVE_DELAY_SECS
        );
        let mut saver = Autosaver::new(5.0);
        saver.note_edit(1_000.0);
        assert!(
            saver.due(5.0),
            "clock went backwards: write rather than wait"
        );
        assert!(saver.due(f64::NAN));
        let mut instant = Autosaver::new(0.0);
        instant.note_edit(3.0);
        assert!(instant.due(3.0));
    }
}
