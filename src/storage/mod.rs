//! Reading and writing files: the `.lectern` format (pretty RON with a version number), text
//! input with size and encoding checks, and atomic writes that never leave a file half-written.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::project::Project;

mod encoding;
mod kind;
mod project_file;

pub use encoding::TextEncoding;
pub use kind::looks_like_project;
pub use project_file::{FORMAT_VERSION, project_from_ron, project_to_ron};

/// Text files above this size are refused (a long speech is well under 1 MiB).
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// `.lectern` files above this size are refused.
pub const MAX_PROJECT_BYTES: u64 = 64 * 1024 * 1024;

/// The kind of a file Lectern reads, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `.lectern` project.
    Project,
    /// Plain text (`.txt`, or anything that is not `.md`/`.lectern`).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
}

impl FileKind {
    /// The kind of a path, by extension; anything unknown is read as plain text.
    pub fn of(path: &Path) -> FileKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("lectern") => FileKind::Project,
            Some("md" | "markdown") => FileKind::Markdown,
            _ => FileKind::Text,
        }
    }
}

/// Reads and parses a `.lectern` file.
pub fn load_project(path: &Path) -> Result<Project> {
    let text = read_text_file(path, MAX_PROJECT_BYTES)?;
    project_from_ron(&text, path)
}

/// Writes a project to a `.lectern` file atomically, keeping the previous file as
/// `NAME.lectern.bak`.
pub fn save_project(project: &Project, path: &Path) -> Result<()> {
    write_atomic(path, project_to_ron(project).as_bytes(), true)
}

/// Reads a text file (in any encoding [`decode_text_detected`] tells), refusing directories,
/// files over `limit_bytes`, empty files and binary data. A byte-order mark is removed.
pub fn read_text_file(path: &Path, limit_bytes: u64) -> Result<String> {
    read_text_file_detected(path, limit_bytes).map(|decoded| decoded.text)
}

/// [`read_text_file`], also saying which encoding the file was in.
pub fn read_text_file_detected(path: &Path, limit_bytes: u64) -> Result<DecodedText> {
    let bytes = read_bytes(path, limit_bytes)?;
    decode_text_detected(bytes, path, limit_bytes)
}

/// Reads at most `limit_bytes` of a file (refusing directories and larger files): the raw bytes
/// the text and `.docx` readers start from.
pub fn read_bytes(path: &Path, limit_bytes: u64) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| Error::io("reading", path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > limit_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size_bytes: meta.len(),
            limit_bytes,
        });
    }
    // Read at most one byte past the limit: the size reported above is 0 for devices and pipes
    // (`/dev/zero` never ends), and a file can grow after it was measured.
    // Room for the whole file (and the byte past the limit) up front: one read, no regrowing.
    let expected = meta.len().min(limit_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    fs::File::open(path)
        .and_then(|file| {
            file.take(limit_bytes.saturating_add(1))
                .read_to_end(&mut bytes)
        })
        .map_err(|e| Error::io("reading", path, e))?;
    if bytes.len() as u64 > limit_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size_bytes: bytes.len() as u64,
            limit_bytes,
        });
    }
    Ok(bytes)
}

/// What a file looked like on disk at one moment: its size, its modification time and a hash of
/// its content. Taken when a document is opened or saved and compared before the next save, so
/// the editor can ask before overwriting a file another program changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskStamp {
    /// The file's size.
    pub len_bytes: u64,
    /// The file's modification time, when the platform reports one.
    pub modified: Option<DateTime<Utc>>,
    /// FNV-1a 64 hash of the file's bytes: catches a same-size rewrite within the file system's
    /// time resolution.
    pub content_hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes` as they would be on disk, modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<DateTime<Utc>>) -> Self {
        let mut hash = Fnv1a64::new();
        hash.write(bytes);
        Self {
            len_bytes: bytes.len() as u64,
            modified,
            content_hash: hash.finish(),
        }
    }

    /// Whether the content differs from `earlier`'s (size or hash). A file that was only touched
    /// (same bytes, newer time) has the same content.
    pub fn content_differs(&self, earlier: &DiskStamp) -> bool {
        self.len_bytes != earlier.len_bytes || self.content_hash != earlier.content_hash
    }
}

/// Whether the file at `path` changed since `known` was taken: its content differs, it appeared
/// (`known` is `None` but the file exists) or it disappeared.
pub fn changed_on_disk(path: &Path, known: Option<&DiskStamp>) -> Result<bool> {
    let now = stamp(path)?;
    Ok(match (known, now.as_ref()) {
        (None, None) => false,
        (Some(before), Some(after)) => after.content_differs(before),
        _ => true,
    })
}

/// The [`DiskStamp`] of the file at `path`, or `None` if there is no file there. The content is
/// read in chunks (constant memory) to hash it. A directory is an error.
pub fn stamp(path: &Path) -> Result<Option<DiskStamp>> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("reading", path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io("reading", path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let modified = meta.modified().ok().map(DateTime::<Utc>::from);
    let mut hash = Fnv1a64::new();
    let mut len_bytes = 0u64;
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io("reading", path, e)),
        };
        hash.write(&buffer[..n]);
        len_bytes += n as u64;
    }
    Ok(Some(DiskStamp {
        len_bytes,
        modified,
        content_hash: hash.finish(),
    }))
}

/// The 64-bit FNV-1a hash: tiny, stable across versions and platforms (unlike `std`'s hasher),
/// good enough to tell files and paths apart.
#[derive(Clone, Copy, Debug)]
pub struct Fnv1a64(u64);

impl Fnv1a64 {
    /// A hasher with the FNV offset basis.
    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    /// Adds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv1a64 {
    fn default() -> Self {
        Self::new()
    }
}

/// Decodes bytes read from `path` (or standard input) as text, with the same checks as
/// [`read_text_file`].
pub fn decode_text(bytes: Vec<u8>, path: &Path, limit_bytes: u64) -> Result<String> {
    decode_text_detected(bytes, path, limit_bytes).map(|decoded| decoded.text)
}

/// Text read from a file, with the encoding it was in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: TextEncoding,
}

/// Decodes bytes read from `path` as text in whichever encoding they are (see
/// [`TextEncoding`]), refusing more than `limit_bytes`, blank text and binary data. Text that is
/// not UTF-8 and whose encoding cannot be told with confidence is refused with the likely
/// encodings named ([`Error::UnknownEncoding`]).
pub fn decode_text_detected(bytes: Vec<u8>, path: &Path, limit_bytes: u64) -> Result<DecodedText> {
    let path_buf = || path.to_path_buf();
    if bytes.len() as u64 > limit_bytes {
        return Err(Error::TooLarge {
            path: path_buf(),
            size_bytes: bytes.len() as u64,
            limit_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty { path: path_buf() });
    }
    // SIMD validation (a long Chinese text validates several times faster than with std). A NUL
    // byte in valid UTF-8 is caught by `has_binary_char` below.
    let (mut text, encoding) = match simdutf8::basic::from_utf8(&bytes) {
        // Han text in UTF-16 LE without a mark can be valid UTF-8 (every byte ASCII), with NULs
        // from its line breaks: UTF-16 when its code units make plausible text.
        Ok(_)
            if memchr::memchr(0, &bytes).is_some()
                && let Some(found) = encoding::guess_utf16_without_bom(&bytes) =>
        {
            found
        }
        Ok(_) => {
            let encoding = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                TextEncoding::Utf8WithBom
            } else {
                TextEncoding::Utf8
            };
            // SAFETY: `simdutf8` has just checked that `bytes` is valid UTF-8. Taking the buffer
            // as it is spares a copy of the whole file.
            (unsafe { String::from_utf8_unchecked(bytes) }, encoding)
        }
        Err(_) => match encoding::decode_legacy(&bytes) {
            Ok(found) => found,
            Err(encoding::Undecodable::BadUtf16) => return Err(Error::Binary { path: path_buf() }),
            Err(_) if bytes.contains(&0) => return Err(Error::Binary { path: path_buf() }),
            Err(encoding::Undecodable::Ambiguous(candidates)) => {
                return Err(Error::UnknownEncoding {
                    path: path_buf(),
                    offset: std::str::from_utf8(&bytes)
                        .err()
                        .map_or(0, |e| e.valid_up_to()),
                    candidates: candidates.join(", "),
                });
            }
        },
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    // Decoded UTF-16 or legacy text gets the same checks as UTF-8 (control characters, blank).
    if has_binary_char(text.as_bytes()) {
        return Err(Error::Binary { path: path_buf() });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty { path: path_buf() });
    }
    Ok(DecodedText { text, encoding })
}

/// A character that makes text count as binary data: a control character that is not
/// whitespace (NUL included). [`has_binary_char`] finds these on bytes; this is its definition.
#[cfg(test)]
fn is_binary_char(c: char) -> bool {
    c.is_control() && !c.is_whitespace()
}

/// Whether UTF-8 `bytes` hold a character for which [`is_binary_char`] holds: a C0 control
/// other than `\t`–`\r`, DEL, or a C1 control (`C2 80`–`C2 9F`) other than NEL (`C2 85`).
/// Checks 64 bytes at a time with a branch-free test, looking closer only at suspect blocks.
fn has_binary_char(bytes: &[u8]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has just been found to support AVX2.
        return unsafe { has_binary_char_avx2(bytes) };
    }
    scan_for_binary_char(bytes)
}

/// [`scan_for_binary_char`] compiled for AVX2: 32 bytes per compare instead of SSE2's 16.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn has_binary_char_avx2(bytes: &[u8]) -> bool {
    scan_for_binary_char(bytes)
}

/// The body of [`has_binary_char`], inlined into each instruction-set variant.
#[inline(always)]
fn scan_for_binary_char(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    // Whole blocks of a fixed length with a byte accumulator: the compiler turns this test into
    // vector compares (a bool `fold` over `chunks` stayed one byte at a time).
    let suspect = |block: &[u8]| {
        block.iter().fold(0u8, |acc, &b| {
            acc | u8::from(b < 0x09)
                | u8::from(b.wrapping_sub(0x0E) < 0x12)
                | u8::from(b == 0x7F)
                | u8::from(b == 0xC2)
        }) != 0
    };
    let (blocks, _) = bytes.as_chunks::<BLOCK>();
    let whole = blocks.len() * BLOCK;
    let suspect_starts = blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| suspect(block.as_slice()))
        .map(|(k, _)| k * BLOCK)
        .chain((whole < bytes.len()).then_some(whole));
    for start in suspect_starts {
        let end = (start + BLOCK).min(bytes.len());
        for (offset, &b) in bytes.get(start..end).unwrap_or_default().iter().enumerate() {
            if b < 0x09 || (0x0E..0x20).contains(&b) || b == 0x7F {
                return true;
            }
            if b == 0xC2
                && let Some(&next) = bytes.get(start + offset + 1)
                && (0x80..=0x9F).contains(&next)
                && next != 0x85
            {
                return true;
            }
        }
    }
    false
}

/// Checks that `path` can be an output file: not a directory, in a folder that exists, and (unless
/// `force`) not already there.
pub fn check_output_path(path: &Path, force: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let parent = parent_dir(path);
    if !parent.is_dir() {
        return Err(Error::NoSuchFolder {
            path: path.to_path_buf(),
        });
    }
    if !force && path.exists() {
        return Err(Error::OutputExists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The backup kept beside a file by [`write_atomic`]: `NAME.EXT.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written, flushed
/// to disk and renamed over `path`, then the folder is flushed. A crash at any point leaves either
/// the old file or the new one, whole. With `keep_backup`, the old file is first copied to
/// [`backup_path`] (also atomically).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<()> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let dir = parent_dir(path);
    if !dir.is_dir() {
        return Err(Error::NoSuchFolder {
            path: path.to_path_buf(),
        });
    }
    if keep_backup && path.is_file() {
        let old = fs::read(path).map_err(|e| Error::io("reading", path, e))?;
        write_replace(&backup_path(path), &dir, &old)?;
    }
    write_replace(path, &dir, bytes)
}

fn write_replace(path: &Path, dir: &Path, bytes: &[u8]) -> Result<()> {
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(
        ".{file_name}.tmp-{}-{:x}",
        std::process::id(),
        crate::model::SectionId::new().0 & 0xffff_ffff
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if let Err(source) = result {
        // Best effort: the write already failed, and the temporary file is ours.
        fs::remove_file(&temp).ok();
        return Err(Error::io("writing", path, source));
    }
    Ok(())
}

/// Flushes a folder's entries to disk so a rename in it survives a crash. Best effort: not every
/// platform can open a folder.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        handle.sync_all().ok();
    }
}

#[cfg(test)]
mod tests;
