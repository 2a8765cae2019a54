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
mod head;
mod headings;
mod language;
mod lines;
mod vocative;

use crate::model::{Section, Speech};
use body::{BodyItem, parse_body};
use head::find_head;
use language::detect_language;
use lines::split_lines;
use vocative::{closing_start, vocatives_of_greeting};

/// How to read the input text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text.
    #[default]
    Plain,
    /// Markdown (`#` headings).
    Markdown,
}

/// Where the removed markers and the notes sit relative to the speech's text, so the input can
/// be accounted for in order (see [`Imported::pieces_in_input_order`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportLayout {
    /// How many of `speech.notes` come before the title; the rest sit between the title and
    /// the greeting.
    pub notes_before_title: usize,
    /// How many of `removed_markers` belong to the title (0, or 1 for a Markdown `#`).
    pub title_markers: usize,
    /// For each section in order, how many of `removed_markers` were removed from its heading
    /// (e.g. 2 for `## 一、…`: `##` then `一、`).
    pub section_markers: Vec<usize>,
}

/// The result of an import.
///
/// **No text is lost.** Let `pieces` be, in this order: the first
/// `layout.notes_before_title` notes; the title's markers and the title; the other notes; the
/// greeting; the opening's paragraphs; for each section its markers (the next
/// `layout.section_markers[i]` of `removed_markers`), its heading and its paragraphs; the
/// closing's paragraphs. Then the non-whitespace characters of the input (after a leading
/// byte-order mark) equal, in order, the non-whitespace characters of `pieces`.
/// [`Imported::pieces_in_input_order`] builds that list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// The speech found in the text.
    pub speech: Speech,
    /// Structure markers removed from the text, in input order (heading numbers like `一、`,
    /// Markdown `##`): with the speech's fields, they account for every non-whitespace character
    /// of the input.
    pub removed_markers: Vec<String>,
    /// What the importer could not find or had to guess, for people.
    pub warnings: Vec<String>,
    /// Which markers and notes go where, for accounting for the input in order.
    pub layout: ImportLayout,
}

impl Imported {
    /// The notes, markers and speech text in the order they had in the input (see
    /// [`Imported`] for the exact order). Missing markers (an inconsistent `layout`) are skipped.
    pub fn pieces_in_input_order(&self) -> Vec<&str> {
        let speech = &self.speech;
        let mut markers = self.removed_markers.iter().map(String::as_str);
        let split = self.layout.notes_before_title.min(speech.notes.len());
        let (before, after) = speech.notes.split_at(split);
        let mut pieces: Vec<&str> = before.iter().map(String::as_str).collect();
        pieces.extend(markers.by_ref().take(self.layout.title_markers));
        pieces.push(&speech.title);
        pieces.extend(after.iter().map(String::as_str));
        pieces.push(&speech.greeting);
        pieces.extend(speech.opening.iter().map(String::as_str));
        for (index, section) in speech.sections.iter().enumerate() {
            let count = self.layout.section_markers.get(index).copied().unwrap_or(0);
            pieces.extend(markers.by_ref().take(count));
            pieces.push(&section.heading);
            pieces.extend(section.paragraphs.iter().map(String::as_str));
        }
        pieces.extend(speech.closing.iter().map(String::as_str));
        pieces
    }
}

/// Finds title, greeting, opening, sections, closing and notes in `text`.
///
/// Accepts LF, CRLF or CR line endings, a leading byte-order mark, indentation (ASCII,
/// full-width, NBSP), one line per paragraph or blank lines between (hard-wrapped) paragraphs.
/// Sets `speech.meta.language` from the text.
pub fn import_text(text: &str, format: TextFormat) -> Imported {
    let lines = split_lines(text);
    let head = find_head(&lines, format == TextFormat::Markdown);
    let body_lines = lines.get(head.body_start..).unwrap_or_default();
    let items = parse_body(body_lines, format == TextFormat::Markdown);

    let mut imported = Imported {
        warnings: head.warnings,
        ..Imported::default()
    };
    let speech = &mut imported.speech;
    speech.meta.language = detect_language(text);
    speech.notes = head
        .notes_before_title
        .iter()
        .map(|n| n.to_string())
        .collect();
    imported.layout.notes_before_title = speech.notes.len();
    if let Some(marker) = head.title_marker {
        imported.removed_markers.push(marker.to_string());
        imported.layout.title_markers = 1;
    }
    speech.title = head.title.unwrap_or_default().to_string();
    speech
        .notes
        .extend(head.notes_after_title.iter().map(|n| n.to_string()));
    speech.greeting = head.greeting.unwrap_or_default().to_string();

    for item in items {
        match item {
            BodyItem::Heading { markers, text } => {
                imported.layout.section_markers.push(markers.len());
                imported.removed_markers.extend(markers);
                speech.sections.push(Section::new(text, Vec::new()));
            }
            BodyItem::Paragraph(paragraph) => match speech.sections.last_mut() {
                Some(section) => section.paragraphs.push(paragraph),
                None => speech.opening.push(paragraph),
            },
        }
    }

    let vocatives = vocatives_of_greeting(&speech.greeting);
    let tail = match speech.sections.last_mut() {
        Some(section) => &mut section.paragraphs,
        None => &mut speech.opening,
    };
    if let Some(start) = closing_start(tail, &vocatives) {
        speech.closing = tail.split_off(start);
    }
    if speech.sections.is_empty() && !speech.opening.is_empty() {
        imported
            .warnings
            .push("no section headings found; all paragraphs are in the opening".to_string());
    }
    imported
}

#[cfg(test)]
mod tests;
