//! Text or Markdown → speech.
//!
//! The importer reads pasted text (a web page, a word processor, an earlier export) and finds:
//!
//! - the **greeting**: the first short line ending in `:` `：` `,` `，` that holds a known
//!   vocative (`同志们：`, `Ladies and gentlemen,`), or else a short colon-ended line near the top
//!   right under a title-like line (never a label such as `来源：`);
//! - the **title**: the line above the greeting when it looks like a title (a Markdown `#`
//!   heading before the greeting wins); without a greeting, a lone Markdown `#` heading or a
//!   title-like first paragraph. Everything above the title becomes `notes`, one per line;
//! - the **sections**: Markdown headings at the body's top level, else numbered lines of the
//!   highest-priority kind (`第一部分` > `一、` > `第一，` > `I.` > `1.`) whose numbers run
//!   1, 2, 3 … (a number out of sequence is a paragraph; `一要`/`一是` points never qualify);
//! - the **closing**: from the last paragraph of the last section (or of the opening) that opens
//!   with the greeting's vocative again, or else the trailing `谢谢`/`Thank you` lines.
//!
//! It never panics and runs in time linear in the input.

mod body;
mod boilerplate;
mod build;
mod docx;
pub mod file;
mod greeting;
mod head;
mod headings;
mod language;
mod lines;
mod note;
mod roles;
mod segments;
mod title;
mod vocative;

pub use docx::{DocxProblem, MAX_DOCX_BYTES, MAX_PART_BYTES};
pub use note::{DetailField, ImportNote};
pub use roles::{LineMark, LineRole, Overrides, PreviewLine};

use crate::model::Speech;

/// How to read the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text.
    #[default]
    Plain,
    /// Markdown (`#` headings).
    Markdown,
}

/// One piece of an import's result. [`ImportLayout::pieces`] lists them in input order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// `speech.notes[i]`.
    Note(usize),
    /// `removed_markers[i]`.
    Marker(usize),
    /// `speech.title` (present even when empty).
    Title,
    /// The detail in `speech.meta` (occasion, date or speaker).
    Detail(DetailField),
    /// `speech.greeting` (present even when empty).
    Greeting,
    /// `speech.opening[i]`.
    Opening(usize),
    /// `speech.sections[i].heading`.
    Heading(usize),
    /// `speech.sections[section].paragraphs[i]`.
    Paragraph(usize, usize),
    /// `speech.closing[i]`.
    Closing(usize),
}

/// Where every piece of the result stood in the input, so the input can be accounted for in
/// order (see [`Imported::pieces_in_input_order`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportLayout {
    /// Every note, marker, detail and piece of the speech's text, each once, in input order.
    pub pieces: Vec<Piece>,
}

/// The result of an import.
///
/// **No text is lost.** The non-whitespace characters of the input (after a leading byte-order
/// mark) equal, in order, the non-whitespace characters of the pieces listed by
/// `layout.pieces`: the notes (lines above the title, lines between title and greeting, lines
/// marked as notes, trailing boilerplate), the structure markers removed from headings and
/// details, the title, the details taken from the title block, the greeting, and the opening,
/// sections and closing. [`Imported::pieces_in_input_order`] builds that list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The speech found in the text.
    pub speech: Speech,
    /// Structure markers removed from the text, in input order (heading numbers like `一、`,
    /// Markdown `##`, the `——` and brackets around details).
    pub removed_markers: Vec<String>,
    /// What the importer guessed or could not find, in the order it did so.
    pub notes: Vec<ImportNote>,
    /// Where each piece stood in the input.
    pub layout: ImportLayout,
}

impl Imported {
    /// The text of `piece` (empty for a piece that is not there).
    pub fn piece_text(&self, piece: Piece) -> &str {
        let speech = &self.speech;
        let text = match piece {
            Piece::Note(i) => speech.notes.get(i),
            Piece::Marker(i) => self.removed_markers.get(i),
            Piece::Title => Some(&speech.title),
            Piece::Detail(DetailField::Occasion) => Some(&speech.meta.occasion),
            Piece::Detail(DetailField::Date) => Some(&speech.meta.date),
            Piece::Detail(DetailField::Speaker) => Some(&speech.meta.speaker),
            Piece::Greeting => Some(&speech.greeting),
            Piece::Opening(i) => speech.opening.get(i),
            Piece::Heading(i) => speech.sections.get(i).map(|s| &s.heading),
            Piece::Paragraph(s, i) => speech.sections.get(s).and_then(|s| s.paragraphs.get(i)),
            Piece::Closing(i) => speech.closing.get(i),
        };
        text.map_or("", String::as_str)
    }

    /// The notes, markers, details and speech text in the order they had in the input (see
    /// [`Imported`]).
    pub fn pieces_in_input_order(&self) -> Vec<&str> {
        self.layout
            .pieces
            .iter()
            .map(|&piece| self.piece_text(piece))
            .collect()
    }
}

/// The import preview: the result, and every line of the input with the role it got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// The import, with the user's overrides applied.
    pub imported: Imported,
    /// The input's lines as the importer saw them, with their roles. [`Overrides`] index these.
    pub lines: Vec<PreviewLine>,
}

/// Finds title, greeting, opening, sections, closing and notes in `text`.
///
/// Accepts LF, CRLF or CR line endings, a leading byte-order mark, indentation (ASCII,
/// full-width, NBSP), one line per paragraph or blank lines between (hard-wrapped) paragraphs.
/// Sets `speech.meta.language` from the text, and occasion, date and speaker from a title block.
pub fn import_text(text: &str, format: TextFormat) -> Imported {
    build::run(text, format, &Overrides::default(), false).imported
}

/// [`import_text`] with the user's corrections from the import preview.
pub fn import_with_overrides(text: &str, format: TextFormat, overrides: &Overrides) -> Imported {
    build::run(text, format, overrides, false).imported
}

/// The import preview of `text` with the user's corrections: the import, and each line's role.
/// Calling it again with more overrides gives the updated structure.
pub fn preview(text: &str, format: TextFormat, overrides: &Overrides) -> ImportPreview {
    build::run(text, format, overrides, true)
}

/// Just the lines of [`preview`], with their roles.
pub fn line_roles(text: &str, format: TextFormat, overrides: &Overrides) -> Vec<PreviewLine> {
    preview(text, format, overrides).lines
}

#[cfg(test)]
mod tests;
