//! Word documents (`.docx`): a zip archive of XML parts, read with `zip` and `quick-xml`.
//!
//! A `.docx` is untrusted input. Only three parts are read, each by its exact name
//! (`word/document.xml`, `word/styles.xml`, `word/comments.xml`), so entries elsewhere or with
//! names that climb out of the package are never touched; each part is decompressed to at most
//! [`MAX_PART_BYTES`] (a zip bomb is refused as soon as it passes that, whatever size its
//! header claims); no XML entity is expanded; malformed XML is a clear error.

mod xml;

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read};

pub(crate) use xml::StyleKind;
use xml::{Comment, Paragraph};

/// `.docx` files above this size are refused (a long speech with pictures is far smaller).
pub const MAX_DOCX_BYTES: u64 = 32 * 1024 * 1024;

/// No part of a `.docx` is decompressed beyond this.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;

/// Why a `.docx` could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxProblem {
    /// The file is no zip archive (or a damaged one).
    NotZip,
    /// The archive has no `word/document.xml`: no Word document.
    NoDocument,
    /// The archive is encrypted (a password-protected document).
    Encrypted,
    /// A part is compressed in a way this build does not read (only Deflate and stored are).
    UnsupportedCompression {
        /// The part.
        part: String,
    },
    /// A part decompresses to more than [`MAX_PART_BYTES`]: a zip bomb, or no speech.
    PartTooLarge {
        /// The part.
        part: String,
        /// The limit.
        limit_bytes: u64,
    },
    /// A part is no UTF-8 XML.
    NotUtf8 {
        /// The part.
        part: String,
    },
    /// A part's XML is malformed.
    BadXml {
        /// The part.
        part: String,
        /// What the parser said.
        message: String,
    },
}

impl fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxProblem::NotZip => f.write_str("not a zip archive"),
            DocxProblem::NoDocument => f.write_str("no word/document.xml in the archive"),
            DocxProblem::Encrypted => f.write_str("the document is encrypted"),
            DocxProblem::UnsupportedCompression { part } => {
                write!(f, "{part} is compressed with an unsupported method")
            }
            DocxProblem::PartTooLarge { part, limit_bytes } => write!(
                f,
                "{part} decompresses to more than {limit_bytes} bytes (a zip bomb?)"
            ),
            DocxProblem::NotUtf8 { part } => write!(f, "{part} is not UTF-8 XML"),
            DocxProblem::BadXml { part, message } => write!(f, "{part}: malformed XML ({message})"),
        }
    }
}

/// A paragraph of one version of the document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocxParagraph {
    /// Its text.
    pub text: String,
    /// What its style says it is.
    pub kind: StyleKind,
    /// Notes for the comments anchored in it: `「paragraph」author：comment`.
    pub comments: Vec<String>,
}

/// What was read from a `.docx`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocxDocument {
    /// The paragraphs with tracked changes accepted (the reviewer's version).
    pub accepted: Vec<DocxParagraph>,
    /// The paragraphs with tracked changes rejected (the original).
    pub original: Vec<DocxParagraph>,
    /// Tracked insertions.
    pub insertions: usize,
    /// Tracked deletions.
    pub deletions: usize,
}

/// Reads one part by its exact name, at most [`MAX_PART_BYTES`] of it; `None` when the archive
/// has no such part.
fn read_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, DocxProblem> {
    let part = || name.to_string();
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(message))
            if message.contains("ncrypt") || message.contains("assword") =>
        {
            return Err(DocxProblem::Encrypted);
        }
        Err(zip::result::ZipError::UnsupportedArchive(_)) => {
            return Err(DocxProblem::UnsupportedCompression { part: part() });
        }
        Err(_) => return Err(DocxProblem::NotZip),
    };
    if file.encrypted() {
        return Err(DocxProblem::Encrypted);
    }
    let too_large = || DocxProblem::PartTooLarge {
        part: part(),
        limit_bytes: MAX_PART_BYTES,
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0).min(1 << 20));
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| DocxProblem::NotZip)?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| DocxProblem::NotUtf8 { part: part() })
}

fn bad_xml(part: &str) -> impl Fn(xml::XmlError) -> DocxProblem + '_ {
    move |e| DocxProblem::BadXml {
        part: part.to_string(),
        message: e.0,
    }
}

/// The kind of a paragraph: its own outline level, else its style's kind (by `styles.xml`, or
/// by the usual ids `Heading1` / `Title` when there is none).
fn kind_of(paragraph: &Paragraph, styles: &HashMap<String, StyleKind>) -> StyleKind {
    if paragraph.outline_level == Some(0) {
        return StyleKind::Heading;
    }
    if let Some(&kind) = styles.get(&paragraph.style_id) {
        return kind;
    }
    xml::style_kind_of_name(&paragraph.style_id.replace("Heading", "heading "))
}

/// One version of the document: with `accepted`, paragraphs whose mark was deleted join the
/// next one; without it, paragraphs whose mark was inserted do.
fn version(
    paragraphs: &[Paragraph],
    styles: &HashMap<String, StyleKind>,
    comments: &HashMap<String, Comment>,
    accepted: bool,
) -> Vec<DocxParagraph> {
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut carried = String::new();
    for paragraph in paragraphs {
        let text = if accepted {
            &paragraph.accepted
        } else {
            &paragraph.original
        };
        carried.push_str(text);
        let joins_next = if accepted {
            paragraph.mark_deleted
        } else {
            paragraph.mark_inserted
        };
        if joins_next {
            continue;
        }
        let text = std::mem::take(&mut carried);
        let notes = paragraph
            .comment_ids
            .iter()
            .filter_map(|id| comments.get(id))
            .map(|c| format!("「{}」{}：{}", text.trim(), c.author, c.text))
            .collect();
        out.push(DocxParagraph {
            text,
            kind: kind_of(paragraph, styles),
            comments: notes,
        });
    }
    if !carried.is_empty() {
        out.push(DocxParagraph {
            text: carried,
            ..DocxParagraph::default()
        });
    }
    out
}

/// Reads a `.docx` file's bytes.
pub(crate) fn read_docx(bytes: &[u8]) -> Result<DocxDocument, DocxProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxProblem::NotZip)?;
    let document = read_part(&mut archive, "word/document.xml")?.ok_or(DocxProblem::NoDocument)?;
    let body = xml::parse_body(&document).map_err(bad_xml("word/document.xml"))?;
    let styles = match read_part(&mut archive, "word/styles.xml")? {
        Some(text) => xml::parse_styles(&text).map_err(bad_xml("word/styles.xml"))?,
        None => HashMap::new(),
    };
    let comments = match read_part(&mut archive, "word/comments.xml")? {
        Some(text) => xml::parse_comments(&text).map_err(bad_xml("word/comments.xml"))?,
        None => HashMap::new(),
    };
    Ok(DocxDocument {
        accepted: version(&body.paragraphs, &styles, &comments, true),
        original: version(&body.paragraphs, &styles, &comments, false),
        insertions: body.insertions,
        deletions: body.deletions,
    })
}
