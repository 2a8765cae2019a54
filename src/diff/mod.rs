//! Section-aware comparison of two speeches.
//!
//! [`SpeechDiff::new`] compares two [`Speech`] values part by part — title, greeting, opening,
//! each section, closing. Sections are *matched*, not compared by position: first by their
//! stable [`SectionId`], then by identical text, then by content
//! similarity (character-bigram Dice coefficient ≥ [`MATCH_THRESHOLD`], best pairs first), so two
//! imported texts or a reviewer's returned copy still line up.
//!
//! **Moves.** Take the matched sections in old order and look at their new positions. A matched
//! section is [`PartStatus::Moved`] unless it belongs to *every* longest increasing subsequence of
//! those positions. So moving one section reports exactly that section, and swapping two
//! neighbours (二 ↔ 三) reports *both* (either could be "the one that moved"). A renumbering
//! alone is no change: headings are stored without numbers. A section at the same place among the
//! matched sections on both sides is never moved.
//!
//! **Moved paragraphs.** Whole lines deleted from one part and inserted in another, the same or
//! nearly, are a move: one `Delete` span where they left and one `Insert` span where they arrived,
//! both marked with the same [`Moved`] (see `moves.rs` for the rules). Each is a change of its own;
//! its characters count in `moved_chars`, not in `inserted_chars` / `deleted_chars`. So a section
//! split in two reads as a new heading and paragraphs moved, not as thousands of characters deleted
//! and inserted.
//!
//! **Ignoring width and spacing.** With [`DiffOptions::ignore_width`] / [`DiffOptions::ignore_space`]
//! tokens compare after folding (full-width marks to ASCII, curly quotes to straight, runs of spaces
//! to one); text equal only so is an `Equal` span whose [`Span::new_text`] holds the new side's
//! writing, and each such difference is counted in [`PartDiff::ignored`].
//!
//! **Text.** A part's text is its lines joined with `\n` ([`Speech::part_text`]). Both sides are
//! cut into tokens at the chosen [`Granularity`], diffed with the `similar` crate (Myers, with a
//! deadline), turned into [`Span`]s and, by default, cleaned up so changes read as phrases (see
//! [`DiffOptions::cleanup`]). For every part, the `Equal` + `Delete` spans rebuild the old text
//! exactly and the `Equal` + `Insert` spans rebuild the new text exactly ([`Span::old_side`],
//! [`Span::new_side`]: an equal span as each side writes it).
//!
//! **Counts.** `inserted_chars` / `deleted_chars` count every character (Unicode scalar value,
//! whitespace and newlines included) of the insert / delete spans that did not move. `seconds_delta` is the new
//! part's speaking time minus the old part's, both at the rates of [`DiffOptions::settings`]
//! (pass the new side's settings).
//!
//! ```
//! use lectern::diff::{DiffOptions, Granularity, PartStatus, SpeechDiff};
//! use lectern::model::{Section, Speech};
//!
//! let old = Speech {
//!     sections: vec![
//!         Section::new("提高站位", vec!["原来的说法。".into()]),
//!         Section::new("狠抓落实", vec!["一要学习。".into()]),
//!     ],
//!     ..Speech::default()
//! };
//! let mut new = old.clone();
//! new.sections[0].paragraphs[0] = "新的讲法。".into();
//! let diff = SpeechDiff::new(&old, &new, &DiffOptions::new().granularity(Granularity::Word));
//! assert_eq!(diff.summary.modified, 1);
//! let part = diff.parts.iter().find(|p| p.status == PartStatus::Modified).unwrap();
//! assert_eq!(part.changes().len(), 1);
//! assert_eq!(part.new_text(), "提高站位\n新的讲法。");
//! assert_eq!(part.text_with_change_reverted(0).unwrap(), "提高站位\n原来的说法。");
//! ```

mod cache;
mod cleanup;
mod fold;
mod han;
mod match_sections;
mod moves;
pub mod part;
pub mod present;
pub mod review;
pub mod rows;
mod segment;
mod speaking;
mod text;
pub(crate) mod tokens;

use std::time::{Duration, Instant};

use crate::model::{PartKind, SectionId, Speech};
use crate::part::Part;
use crate::project::Settings;

pub use cache::DiffCache;
pub(crate) use fold::Fold as TextFold;
pub use match_sections::MATCH_THRESHOLD;
pub(crate) use match_sections::{match_with_texts, moved_sections, section_text};
pub use part::Change;
pub use present::MoveNote;
pub(crate) use text::diff_texts as text_diff;

/// How finely texts are cut before they are compared.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    /// Every character (Unicode scalar value).
    Char,
    /// Words: Chinese by the jieba dictionary, other scripts by Unicode word boundaries;
    /// whitespace and punctuation are tokens of their own.
    #[default]
    Word,
    /// Sentences: split after `。！？!?；;`, after `.` followed by a space, and at line breaks.
    Sentence,
    /// Paragraphs (lines).
    Paragraph,
}

/// What a span does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// Text on both sides.
    Equal,
    /// Text only in the old side.
    Delete,
    /// Text only in the new side.
    Insert,
}

impl Op {
    /// The lower-case name used in JSON: `equal`, `delete`, `insert`.
    pub fn name(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of text with one [`Op`].
///
/// The old text is the concatenation of [`Span::old_side`] over a part's spans (the `Equal` and
/// `Delete` text), the new text that of [`Span::new_side`] (the `Equal` text as the new side
/// writes it, and the `Insert` text).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// What happened to the text.
    pub op: Op,
    /// The text; for an `Equal` span, as the old side writes it.
    pub text: String,
    /// `Equal` spans only: the new side's text when it is written differently, in ways the
    /// comparison was told to ignore ([`DiffOptions::ignore_width`], [`DiffOptions::ignore_space`]);
    /// `None` when it is the same as `text`.
    pub new_text: Option<String>,
    /// `Delete` and `Insert` spans only: set when the text moved to (`Delete`) or from (`Insert`)
    /// another part of the speech.
    pub moved: Option<Moved>,
}

impl Span {
    /// A span of `op` over `text`.
    pub fn new(op: Op, text: impl Into<String>) -> Self {
        Self {
            op,
            text: text.into(),
            new_text: None,
            moved: None,
        }
    }

    /// An `Equal` span written `old` on the old side and `new` on the new side.
    pub fn equal(old: impl Into<String>, new: impl Into<String>) -> Self {
        let (old, new) = (old.into(), new.into());
        Self {
            op: Op::Equal,
            new_text: (old != new).then_some(new),
            text: old,
            moved: None,
        }
    }

    /// The span's text on the old side (empty for an insertion).
    pub fn old_side(&self) -> &str {
        match self.op {
            Op::Insert => "",
            Op::Equal | Op::Delete => &self.text,
        }
    }

    /// The span's text on the new side (empty for a deletion).
    pub fn new_side(&self) -> &str {
        match self.op {
            Op::Delete => "",
            Op::Equal => self.new_text.as_deref().unwrap_or(&self.text),
            Op::Insert => &self.text,
        }
    }
}

/// Where moved text went or came from (see [`SpeechDiff`], "Moves").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Moved {
    /// The move's number in the comparison, from 0; the `Delete` span where the text left and the
    /// `Insert` span where it arrived carry the same number.
    pub id: usize,
    /// The part at the other end: its position in [`SpeechDiff::parts`].
    pub part: usize,
    /// How many paragraphs moved.
    pub paragraphs: usize,
}

/// What happened to a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartStatus {
    /// Same text (and, for a section, same place relative to the other sections).
    Unchanged,
    /// Text changed in place.
    Modified,
    /// A section whose place among the other sections changed (its text may have changed too).
    Moved,
    /// A section only in the new speech.
    Added,
    /// A section only in the old speech.
    Removed,
}

impl PartStatus {
    /// The lower-case name used in JSON: `unchanged`, `modified`, `moved`, `added`, `removed`.
    pub fn name(self) -> &'static str {
        match self {
            PartStatus::Unchanged => "unchanged",
            PartStatus::Modified => "modified",
            PartStatus::Moved => "moved",
            PartStatus::Added => "added",
            PartStatus::Removed => "removed",
        }
    }
}

/// Options for a comparison; build with [`DiffOptions::new`] and the builder methods.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffOptions {
    /// How finely to compare. Default: [`Granularity::Word`].
    pub granularity: Granularity,
    /// Whether to clean the result up so changes read as phrases. Default: on.
    ///
    /// The cleanup (after diff-match-patch's `diff_cleanupSemantic`): an equality no longer than
    /// the larger side of the change before it *and* of the change after it is folded into both;
    /// repeated until nothing changes. Then text common to both sides of a change is given back to
    /// the neighbouring equalities, and a pure insertion or deletion is slid to the best boundary
    /// (blank line > line break > end of sentence > space > punctuation) where that is lossless.
    pub cleanup: bool,
    /// Time allowed for the token diff of one part; past it, the rest of that part is reported
    /// as one coarse delete + insert (still exact). `None`: no limit. Default: 2 s.
    pub deadline: Option<Duration>,
    /// Speaking rates for `seconds_delta` (use the new side's settings).
    pub settings: Settings,
    /// Whether half- and full-width forms of the same mark (`,` `，`, `:` `：`, `(` `（`, …, and
    /// full-width letters and digits) and curly and straight quotes compare equal. Default: off.
    /// Text equal only under this rule is an `Equal` span carrying both sides' text
    /// ([`Span::new_text`]) and is counted in [`PartDiff::ignored`].
    pub ignore_width: bool,
    /// Whether runs of spaces (any whitespace but a line break, `　` included) compare equal
    /// whatever their length. A run never equals no space, and line breaks always count.
    /// Default: off.
    pub ignore_space: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        Self {
            granularity: Granularity::Word,
            cleanup: true,
            deadline: Some(Duration::from_secs(2)),
            settings: Settings::default(),
            ignore_width: false,
            ignore_space: false,
        }
    }
}

impl DiffOptions {
    /// The defaults: word granularity, cleanup on, 2 s deadline per part, default rates.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the granularity.
    pub fn granularity(mut self, granularity: Granularity) -> Self {
        self.granularity = granularity;
        self
    }

    /// Turns the semantic cleanup on or off.
    pub fn cleanup(mut self, cleanup: bool) -> Self {
        self.cleanup = cleanup;
        self
    }

    /// Sets the per-part deadline (`None`: unlimited).
    pub fn deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = deadline;
        self
    }

    /// Sets the speaking rates used for `seconds_delta`.
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Sets whether punctuation width (and curly versus straight quotes) is ignored.
    pub fn ignore_width(mut self, ignore: bool) -> Self {
        self.ignore_width = ignore;
        self
    }

    /// Sets whether the length of runs of spaces is ignored.
    pub fn ignore_space(mut self, ignore: bool) -> Self {
        self.ignore_space = ignore;
        self
    }

    fn fold(&self) -> fold::Fold {
        fold::Fold {
            width: self.ignore_width,
            space: self.ignore_space,
        }
    }

    /// Compares two texts with these options (no sections involved).
    pub fn diff_texts(&self, old: &str, new: &str) -> Vec<Span> {
        let deadline = self.deadline.and_then(|d| Instant::now().checked_add(d));
        text::diff_texts(
            old,
            new,
            self.granularity,
            self.cleanup,
            self.fold(),
            deadline,
        )
    }
}

/// One part of the comparison: a title, greeting, opening, section or closing.
#[derive(Clone, Debug, PartialEq)]
pub struct PartDiff {
    /// Which kind of part.
    pub kind: PartKind,
    /// The section's position in the old speech (sections only, when there).
    pub old_index: Option<usize>,
    /// The section's position in the new speech (sections only, when there).
    pub new_index: Option<usize>,
    /// The section's id in the old speech.
    pub old_id: Option<SectionId>,
    /// The section's id in the new speech.
    pub new_id: Option<SectionId>,
    /// The old heading (sections only, when there).
    pub old_heading: Option<String>,
    /// The new heading (sections only, when there).
    pub new_heading: Option<String>,
    /// What happened.
    pub status: PartStatus,
    /// The text, old and new interleaved.
    pub spans: Vec<Span>,
    /// Characters in insert spans.
    pub inserted_chars: usize,
    /// Characters in delete spans.
    pub deleted_chars: usize,
    /// Characters in moved spans (both ones that left and ones that arrived); not counted in
    /// `inserted_chars` or `deleted_chars`.
    pub moved_chars: usize,
    /// Places where the two sides differ only in ways the options ignore (see
    /// [`DiffOptions::ignore_width`]): each character written in another width and each run of
    /// spaces written differently counts one.
    pub ignored: usize,
    /// New speaking time minus old, in seconds.
    pub seconds_delta: f64,
}

/// Totals over all parts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Characters inserted, all parts.
    pub inserted_chars: usize,
    /// Characters deleted, all parts.
    pub deleted_chars: usize,
    /// Characters moved from one part to another, all moves (each counted once, as it arrived).
    pub moved_chars: usize,
    /// Paragraph moves from one part to another.
    pub paragraph_moves: usize,
    /// Differences ignored, all parts (see [`PartDiff::ignored`]).
    pub ignored: usize,
    /// New speaking time minus old, in seconds.
    pub seconds_delta: f64,
    /// Sections moved.
    pub moved: usize,
    /// Sections added.
    pub added: usize,
    /// Sections removed.
    pub removed: usize,
    /// Parts changed in place.
    pub modified: usize,
}

/// The comparison of two speeches: every part (unchanged ones too) in reading order — title,
/// greeting, opening, the sections in new order (a removed section placed after the section that
/// preceded it in the old speech), closing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeechDiff {
    /// The parts.
    pub parts: Vec<PartDiff>,
    /// Totals.
    pub summary: Summary,
}

impl SpeechDiff {
    /// Compares `old` with `new`.
    pub fn new(old: &Speech, new: &Speech, options: &DiffOptions) -> SpeechDiff {
        Self::build(old, new, options, true)
    }

    /// [`SpeechDiff::new`], looking for moved paragraphs only when `find_moves` is set.
    fn build(old: &Speech, new: &Speech, options: &DiffOptions, find_moves: bool) -> SpeechDiff {
        // Each section's text is built once, for matching and for diffing.
        let old_texts: Vec<String> = old
            .sections
            .iter()
            .map(match_sections::section_text)
            .collect();
        let new_texts: Vec<String> = new
            .sections
            .iter()
            .map(match_sections::section_text)
            .collect();
        let plan =
            match_sections::plan_with_texts(&old.sections, &new.sections, &old_texts, &new_texts);
        let sections = Sides {
            old,
            new,
            old_texts: &old_texts,
            new_texts: &new_texts,
        };
        let mut parts = Vec::with_capacity(plan.len() + 4);
        for part in [Part::Title, Part::Greeting, Part::Opening] {
            parts.push(fixed_part(old, new, part, options));
        }
        parts.extend(section_parts(&sections, &plan, options));
        parts.push(fixed_part(old, new, Part::Closing, options));
        let moves = if find_moves {
            moves::detect(&mut parts, options.fold())
        } else {
            0
        };

        let mut summary = Summary {
            paragraph_moves: moves,
            ..Summary::default()
        };
        for part in &parts {
            summary.inserted_chars += part.inserted_chars;
            summary.deleted_chars += part.deleted_chars;
            summary.moved_chars += part
                .spans
                .iter()
                .filter(|s| s.op == Op::Insert && s.moved.is_some())
                .map(|s| s.text.chars().count())
                .sum::<usize>();
            summary.ignored += part.ignored;
            summary.seconds_delta += part.seconds_delta;
            match part.status {
                PartStatus::Unchanged => {}
                PartStatus::Modified => summary.modified += 1,
                PartStatus::Moved => summary.moved += 1,
                PartStatus::Added => summary.added += 1,
                PartStatus::Removed => summary.removed += 1,
            }
        }
        SpeechDiff { parts, summary }
    }

    /// Whether the two speeches have the same text in the same order.
    pub fn is_identical(&self) -> bool {
        self.parts.iter().all(|p| p.status == PartStatus::Unchanged)
    }

    /// The parts that are not [`PartStatus::Unchanged`].
    pub fn changed_parts(&self) -> impl Iterator<Item = &PartDiff> {
        self.parts
            .iter()
            .filter(|p| p.status != PartStatus::Unchanged)
    }
}

fn deadline_from(options: &DiffOptions) -> Option<Instant> {
    options.deadline.and_then(|d| Instant::now().checked_add(d))
}

fn build_part(
    kind: PartKind,
    old_text: &str,
    new_text: &str,
    status: PartStatus,
    options: &DiffOptions,
) -> PartDiff {
    let fold = options.fold();
    let spans = text::diff_texts(
        old_text,
        new_text,
        options.granularity,
        options.cleanup,
        fold,
        deadline_from(options),
    );
    let mut inserted_chars = 0;
    let mut deleted_chars = 0;
    let mut ignored = 0;
    for span in &spans {
        match span.op {
            Op::Equal => {
                if let Some(new) = &span.new_text {
                    ignored += fold.differences(&span.text, new);
                }
            }
            Op::Delete => deleted_chars += span.text.chars().count(),
            Op::Insert => inserted_chars += span.text.chars().count(),
        }
    }
    let mut part = PartDiff {
        kind,
        old_index: None,
        new_index: None,
        old_id: None,
        new_id: None,
        old_heading: None,
        new_heading: None,
        status,
        spans,
        inserted_chars,
        deleted_chars,
        moved_chars: 0,
        ignored,
        seconds_delta: 0.0,
    };
    part.seconds_delta = speaking::seconds_delta(&part.spans, &options.settings);
    part
}

fn fixed_part(old: &Speech, new: &Speech, part: Part, options: &DiffOptions) -> PartDiff {
    let old_text = old.part_text(part).unwrap_or_default();
    let new_text = new.part_text(part).unwrap_or_default();
    let fold = options.fold();
    let status = if old_text == new_text
        || (fold.any() && fold.key_of(&old_text) == fold.key_of(&new_text))
    {
        PartStatus::Unchanged
    } else {
        PartStatus::Modified
    };
    build_part(part.kind(), &old_text, &new_text, status, options)
}

/// The two speeches and their section texts.
struct Sides<'a> {
    old: &'a Speech,
    new: &'a Speech,
    old_texts: &'a [String],
    new_texts: &'a [String],
}

/// The section parts of `plan`, in order.
fn section_parts(
    sides: &Sides,
    plan: &[match_sections::PlanEntry],
    options: &DiffOptions,
) -> Vec<PartDiff> {
    plan.iter()
        .map(|entry| section_part(sides, *entry, options))
        .collect()
}

fn section_part(
    sides: &Sides,
    entry: match_sections::PlanEntry,
    options: &DiffOptions,
) -> PartDiff {
    let old_text = entry
        .old
        .and_then(|i| sides.old_texts.get(i))
        .map_or("", String::as_str);
    let new_text = entry
        .new
        .and_then(|i| sides.new_texts.get(i))
        .map_or("", String::as_str);
    let status = match (entry.old, entry.new) {
        (None, _) => PartStatus::Added,
        (_, None) => PartStatus::Removed,
        _ if entry.moved => PartStatus::Moved,
        _ if old_text == new_text => PartStatus::Unchanged,
        _ if options.fold().any()
            && options.fold().key_of(old_text) == options.fold().key_of(new_text) =>
        {
            PartStatus::Unchanged
        }
        _ => PartStatus::Modified,
    };
    let mut part = build_part(PartKind::Section, old_text, new_text, status, options);
    let old_section = entry.old.and_then(|i| sides.old.sections.get(i));
    let new_section = entry.new.and_then(|i| sides.new.sections.get(i));
    part.old_index = entry.old;
    part.new_index = entry.new;
    part.old_id = old_section.map(|s| s.id);
    part.new_id = new_section.map(|s| s.id);
    part.old_heading = old_section.map(|s| s.heading.clone());
    part.new_heading = new_section.map(|s| s.heading.clone());
    part
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_moves;
