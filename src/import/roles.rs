//! Line roles for the import preview, and the user's corrections of them.

use std::collections::BTreeMap;

use super::note::DetailField;

/// What the user says a preview line is, correcting the importer's guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineMark {
    /// The title (several marked lines join into one title).
    Title,
    /// The greeting.
    Greeting,
    /// A section heading.
    SectionHeading,
    /// The first line of the closing: this paragraph and everything after it close the speech.
    ClosingStart,
    /// Notes, not part of the speech's text (also for boilerplate the importer kept).
    Notes,
    /// A plain paragraph: no title, greeting, heading, closing start, notes or boilerplate.
    Plain,
}

impl LineMark {
    /// Whether the mark puts its line in the body (so the greeting and title are above it).
    pub(crate) fn is_body(self) -> bool {
        matches!(
            self,
            LineMark::SectionHeading | LineMark::ClosingStart | LineMark::Plain
        )
    }
}

/// The user's corrections, by preview line index (see [`PreviewLine`]); also the marks a Word
/// document's styles give, by input line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    marks: BTreeMap<usize, LineMark>,
    source_marks: BTreeMap<usize, LineMark>,
    headings_marked_only: bool,
}

impl Overrides {
    /// No corrections.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks preview line `line` (replacing an earlier mark of it).
    pub fn set(&mut self, line: usize, mark: LineMark) {
        self.marks.insert(line, mark);
    }

    /// Removes the mark of `line`, if any: the importer guesses its role again.
    pub fn clear(&mut self, line: usize) {
        self.marks.remove(&line);
    }

    /// The mark of `line`, if the user set one.
    pub fn get(&self, line: usize) -> Option<LineMark> {
        self.marks.get(&line).copied()
    }

    /// Whether there are no corrections.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The marks in line order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, LineMark)> + '_ {
        self.marks.iter().map(|(&line, &mark)| (line, mark))
    }

    /// Marks input line `source_line` (0-based, before any split of glued lines); a preview
    /// line's own mark wins over it. Used for what a Word document's styles say.
    pub fn set_source(&mut self, source_line: usize, mark: LineMark) {
        self.source_marks.insert(source_line, mark);
    }

    /// Makes the marked lines the only section headings: numbered lines are not taken as
    /// headings (a Word document whose heading styles mark its sections).
    pub fn set_headings_marked_only(&mut self, marked_only: bool) {
        self.headings_marked_only = marked_only;
    }

    /// Whether only marked lines are section headings.
    pub fn headings_marked_only(&self) -> bool {
        self.headings_marked_only
    }

    /// The marks as one slot per preview line, `sources[i]` being line `i`'s input line. A
    /// source mark goes to the first preview line of its input line. Marks past the end are
    /// dropped.
    pub(crate) fn per_line(&self, sources: &[usize]) -> Vec<Option<LineMark>> {
        let mut slots = vec![None; sources.len()];
        if !self.source_marks.is_empty() {
            let mut previous = None;
            for (slot, &source) in slots.iter_mut().zip(sources) {
                if previous != Some(source) {
                    *slot = self.source_marks.get(&source).copied();
                }
                previous = Some(source);
            }
        }
        for (line, mark) in self.iter() {
            if let Some(slot) = slots.get_mut(line) {
                *slot = Some(mark);
            }
        }
        slots
    }
}

/// The role a preview line ended up with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineRole {
    /// A blank line.
    Blank,
    /// Kept in the speech's notes (above the title, between title and greeting, or marked).
    Notes,
    /// Web page boilerplate at the end, kept in the notes and not counted as speech.
    Boilerplate,
    /// (Part of) the title.
    Title,
    /// A detail of the speech taken from the title block.
    Detail(DetailField),
    /// The greeting.
    Greeting,
    /// A paragraph of the opening.
    Opening,
    /// A section heading.
    SectionHeading,
    /// A paragraph of a section.
    SectionText,
    /// A paragraph of the closing.
    Closing,
}

/// One line of the import preview: the text as the importer saw it (trimmed; a greeting or
/// heading glued to other text is a line of its own), where it came from, and its role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewLine {
    /// The line's text, trimmed.
    pub text: String,
    /// The 0-based index of the input line it is (part of).
    pub source_line: usize,
    /// Its role.
    pub role: LineRole,
    /// The user's mark of it, if any.
    pub mark: Option<LineMark>,
    /// Whether this line continues the paragraph of the line before it (hard-wrapped text).
    pub continues_paragraph: bool,
}
