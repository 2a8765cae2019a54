//! What the importer guessed or could not find, as typed values: the window translates them, the
//! command line prints their English [`Display`] form (`lectern: note: …`).

use std::fmt;

use crate::storage::TextEncoding;

/// A detail of the speech (see [`crate::model::Metadata`]) the importer can fill from a title
/// block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailField {
    /// The meeting or event: a subtitle `——在…上的讲话`.
    Occasion,
    /// The date: `（2022年10月16日）`.
    Date,
    /// Who speaks: a name on a line of its own under the title.
    Speaker,
}

impl DetailField {
    /// The field's name in English, lower case (`occasion`, `date`, `speaker`).
    pub fn name(self) -> &'static str {
        match self {
            DetailField::Occasion => "occasion",
            DetailField::Date => "date",
            DetailField::Speaker => "speaker",
        }
    }
}

/// One guess the importer made, or one thing it could not find. Counts are of input lines or
/// paragraphs; `line` fields are 0-based indexes into the preview's lines (see
/// [`super::line_roles`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// The file was read in this encoding (said for every file that is not plain UTF-8).
    Encoding {
        /// The encoding used.
        encoding: TextEncoding,
    },
    /// No greeting line was found.
    NoGreeting,
    /// There is no line above the greeting, so there is no title.
    NoTitleAboveGreeting,
    /// The line above the greeting does not look like a title; no title was taken.
    LineAboveGreetingNotTitle,
    /// Lines above the title (or the greeting) were kept as notes.
    LinesAboveTitleKeptAsNotes {
        /// How many lines.
        count: usize,
    },
    /// Lines between the title and the greeting that are no detail were kept as notes.
    LinesAfterTitleKeptAsNotes {
        /// How many lines.
        count: usize,
    },
    /// The title was written on several lines, joined into one.
    TitleLinesJoined {
        /// How many lines.
        count: usize,
    },
    /// A detail of the speech was taken from the title block.
    DetailFromTitleBlock {
        /// Which detail.
        field: DetailField,
        /// Its value.
        value: String,
    },
    /// Without a greeting, the Markdown `#` heading was taken as the title.
    MarkdownHeadingTakenAsTitle,
    /// Without a greeting, the first paragraph was taken as the title.
    FirstParagraphTakenAsTitle,
    /// Without a greeting, nothing marks a title: the title is left empty.
    NoTitleFound,
    /// The greeting shared its line with the text after it (lost line breaks); it was split off.
    GreetingSplitOff {
        /// The greeting.
        greeting: String,
    },
    /// A section heading was glued to the end of the line before it; it was split off.
    GluedHeadingSplit {
        /// The heading's number marker (`二、`).
        marker: String,
    },
    /// A title line ended with a time stamp, which was kept as a note.
    TimestampSplitFromTitle,
    /// Web page boilerplate at the end (`阅读全文`, `Share this` …) was moved to the notes.
    BoilerplateMovedToNotes {
        /// How many lines.
        count: usize,
    },
    /// Hard-wrapped lines were joined into paragraphs.
    WrappedLinesJoined {
        /// How many lines were joined to the line before them.
        count: usize,
    },
    /// Section headings whose numbers are out of sequence were accepted (a moved section keeps
    /// its old number).
    HeadingsOutOfSequence {
        /// The headings' numbers, in input order.
        numbers: Vec<usize>,
    },
    /// Long headings were split after their first sentence; the rest starts the section.
    LongHeadingsSplit {
        /// How many headings.
        count: usize,
    },
    /// No section headings were found; all paragraphs are in the opening.
    NoSections,
    /// The closing was found where the audience is addressed again (or thanked, or a toast).
    ClosingFound {
        /// How many paragraphs the closing has.
        paragraphs: usize,
    },
    /// Word heading styles (Heading 1 / 标题 1, outline level 1) marked the sections.
    WordHeadingStyles {
        /// How many headings.
        count: usize,
    },
    /// The Word document has tracked changes: the reviewer's version (changes accepted) and the
    /// original (changes rejected) were both read.
    TrackedChanges {
        /// Insertions.
        insertions: usize,
        /// Deletions.
        deletions: usize,
    },
    /// Comments of the Word document were kept as notes, each with its paragraph.
    CommentsKeptAsNotes {
        /// How many comments.
        count: usize,
    },
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportNote::Encoding { encoding } => write!(f, "read as {encoding}"),
            ImportNote::NoGreeting => f.write_str("no greeting found"),
            ImportNote::NoTitleAboveGreeting => f.write_str("no title found above the greeting"),
            ImportNote::LineAboveGreetingNotTitle => f.write_str(
                "the line above the greeting does not look like a title; no title was taken",
            ),
            ImportNote::LinesAboveTitleKeptAsNotes { count } => {
                if *count == 1 {
                    f.write_str("1 line above the title was kept as a note")
                } else {
                    write!(f, "{count} lines above the title were kept as notes")
                }
            }
            ImportNote::LinesAfterTitleKeptAsNotes { count } => {
                if *count == 1 {
                    f.write_str("1 line between the title and the greeting was kept as a note")
                } else {
                    write!(
                        f,
                        "{count} lines between the title and the greeting were kept as notes"
                    )
                }
            }
            ImportNote::TitleLinesJoined { count } => {
                write!(f, "the title's {count} lines were joined into one")
            }
            ImportNote::DetailFromTitleBlock { field, value } => {
                write!(f, "{} taken from the title block: {value}", field.name())
            }
            ImportNote::MarkdownHeadingTakenAsTitle => {
                f.write_str("no greeting found; the Markdown `#` heading was taken as the title")
            }
            ImportNote::FirstParagraphTakenAsTitle => {
                f.write_str("no greeting found; the first paragraph was taken as the title")
            }
            ImportNote::NoTitleFound => {
                f.write_str("nothing marks a title; the title was left empty")
            }
            ImportNote::GreetingSplitOff { greeting } => {
                write!(
                    f,
                    "the greeting {greeting:?} was split off the text after it"
                )
            }
            ImportNote::GluedHeadingSplit { marker } => write!(
                f,
                "section heading {marker:?} was glued to the line before it and split off"
            ),
            ImportNote::TimestampSplitFromTitle => {
                f.write_str("a time stamp after the title was kept as a note")
            }
            ImportNote::BoilerplateMovedToNotes { count } => write!(
                f,
                "{} of web page boilerplate at the end {} moved to the notes",
                counted(*count, "line", "lines"),
                were(*count)
            ),
            ImportNote::WrappedLinesJoined { count } => {
                write!(
                    f,
                    "{} joined into paragraphs",
                    counted_were(*count, "hard-wrapped line", "hard-wrapped lines")
                )
            }
            ImportNote::HeadingsOutOfSequence { numbers } => {
                let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "section numbers out of sequence were taken as headings ({})",
                    numbers.join(", ")
                )
            }
            ImportNote::LongHeadingsSplit { count } => write!(
                f,
                "{} split after their first sentence",
                counted_were(*count, "long heading", "long headings")
            ),
            ImportNote::NoSections => {
                f.write_str("no section headings found; all paragraphs are in the opening")
            }
            ImportNote::ClosingFound { paragraphs } => {
                write!(
                    f,
                    "the closing has {}",
                    counted(*paragraphs, "paragraph", "paragraphs")
                )
            }
            ImportNote::WordHeadingStyles { count } => {
                write!(
                    f,
                    "{} marked the sections",
                    counted(*count, "Word heading style", "Word heading styles")
                )
            }
            ImportNote::TrackedChanges {
                insertions,
                deletions,
            } => write!(
                f,
                "tracked changes ({}, {}): the reviewer's version and the original were both read",
                counted(*insertions, "insertion", "insertions"),
                counted(*deletions, "deletion", "deletions")
            ),
            ImportNote::CommentsKeptAsNotes { count } => {
                write!(
                    f,
                    "{} kept as notes",
                    counted_were(*count, "comment", "comments")
                )
            }
        }
    }
}

/// `1 line`, `3 lines`.
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `1 comment was`, `3 comments were`.
fn counted_were(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", counted(n, one, many), were(n))
}

/// `was` for one, `were` for more.
fn were(n: usize) -> &'static str {
    if n == 1 { "was" } else { "were" }
}
