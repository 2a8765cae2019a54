//! Three-way merge of speeches: two reviewers' copies (OURS and THEIRS) of one draft (BASE).
//!
//! [`merge_speeches`] merges part by part — title, greeting, opening, each section, closing,
//! notes. Sections are matched to the base as [`crate::diff`] matches them (by id, then same
//! text, then similar content). Within a part, each side's changes against the base are found by
//! a word diff, so changes in different places of one paragraph both apply; where both sides
//! changed the same place differently, the merged text keeps ours there and a
//! [`MergeConflict`] records both alternatives (and the base), so a window can resolve it later.
//!
//! Sections: a section changed on one side takes that change; one removed on one side and left
//! alone on the other is removed; one removed on one side and changed on the other is kept (the
//! changed version) with a conflict of kind [`ConflictKind::RemovedByOurs`] /
//! [`ConflictKind::RemovedByTheirs`]. Sections added on either side are kept, placed after the
//! section they follow on their side (an identical section added on both sides once). The order
//! is ours, unless only theirs moved sections, then theirs. Metadata, guidance and budgets are
//! taken from the side that changed them (ours when both did).
//!
//! ```
//! use lectern::merge::merge_speeches;
//! use lectern::model::{Section, Speech};
//!
//! let base = Speech {
//!     sections: vec![
//!         Section::new("提高站位", vec!["要加强学习。".into()]),
//!         Section::new("狠抓落实", vec!["要完成三项任务。".into()]),
//!     ],
//!     ..Speech::default()
//! };
//! let mut ours = base.clone();
//! ours.sections[0].paragraphs[0] = "要切实加强学习。".into();
//! let mut theirs = base.clone();
//! theirs.sections[1].paragraphs[0] = "要全面完成三项任务。".into();
//! let merged = merge_speeches(&base, &ours, &theirs);
//! assert!(merged.conflicts.is_empty());
//! assert_eq!(merged.speech.sections[0].paragraphs[0], "要切实加强学习。");
//! assert_eq!(merged.speech.sections[1].paragraphs[0], "要全面完成三项任务。");
//! ```

mod project;
mod resolve;
mod sections;
mod text;

use serde::{Deserialize, Serialize};

use crate::model::{SectionId, Speech};
use crate::part::Part;

pub use project::{MERGE_BASE_DRAFT, merge_projects};
pub use resolve::{ConflictChoice, locate_conflict, resolve_conflicts, resolve_kept_conflicts};

/// The part of the speech a conflict is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictPart {
    /// The title line.
    Title,
    /// The salutation.
    Greeting,
    /// The opening paragraphs.
    Opening,
    /// The section with this id (its text is the heading, then its paragraphs).
    Section(SectionId),
    /// The closing paragraphs.
    Closing,
    /// The notes kept with the speech.
    Notes,
}

impl ConflictPart {
    /// The speech part, `None` for the notes (which are not a part).
    pub fn part(self) -> Option<Part> {
        match self {
            ConflictPart::Title => Some(Part::Title),
            ConflictPart::Greeting => Some(Part::Greeting),
            ConflictPart::Opening => Some(Part::Opening),
            ConflictPart::Section(id) => Some(Part::Section(id)),
            ConflictPart::Closing => Some(Part::Closing),
            ConflictPart::Notes => None,
        }
    }

    /// The lines of this part in `speech` (for a section: heading, then paragraphs).
    pub fn lines(self, speech: &Speech) -> Option<Vec<String>> {
        match self {
            ConflictPart::Notes => Some(speech.notes.clone()),
            other => other.part().and_then(|part| {
                speech
                    .part_lines(part)
                    .map(|lines| lines.into_iter().map(str::to_string).collect())
            }),
        }
    }

    /// This part's text in `speech`: its lines joined with `\n`.
    pub fn text(self, speech: &Speech) -> Option<String> {
        self.lines(speech).map(|lines| lines.join("\n"))
    }
}

/// What kind of disagreement a conflict is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictKind {
    /// Both sides changed the same phrase differently; the merged text holds ours.
    #[default]
    Text,
    /// We removed the section, they changed it; the merged text holds theirs (`ours` is empty).
    RemovedByOurs,
    /// They removed the section, we changed it; the merged text holds ours (`theirs` is empty).
    RemovedByTheirs,
}

/// A place where the two sides disagree, kept in the merged project until it is resolved.
///
/// `start..end` are byte offsets into the part's text in the merged speech
/// ([`ConflictPart::text`]: the part's lines joined with `\n`); that range holds `ours` for a
/// [`ConflictKind::Text`] conflict, and the kept side's text for a removed section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MergeConflict {
    /// Which part.
    pub part: ConflictPart,
    /// What kind of conflict.
    pub kind: ConflictKind,
    /// The line of the part the conflict starts in (for a section, 0 is the heading and 1 the
    /// first paragraph; for the opening and closing, the paragraph's index).
    pub paragraph: usize,
    /// Byte offset in the part's text where the kept alternative starts.
    pub start: usize,
    /// Byte offset in the part's text where it ends.
    pub end: usize,
    /// The base's text at this place.
    pub base: String,
    /// Our text.
    pub ours: String,
    /// Their text.
    pub theirs: String,
}

impl Default for MergeConflict {
    fn default() -> Self {
        Self {
            part: ConflictPart::Title,
            kind: ConflictKind::Text,
            paragraph: 0,
            start: 0,
            end: 0,
            base: String::new(),
            ours: String::new(),
            theirs: String::new(),
        }
    }
}

/// The result of [`merge_speeches`].
#[derive(Clone, Debug, PartialEq)]
pub struct SpeechMerge {
    /// The merged speech (ours where the sides conflict).
    pub speech: Speech,
    /// The conflicts, in reading order.
    pub conflicts: Vec<MergeConflict>,
}

impl SpeechMerge {
    /// Whether the merge had no conflicts.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Takes the side that changed a value (ours when both did).
pub(crate) fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// Merges `ours` and `theirs`, both edited from `base`; see the module documentation.
pub fn merge_speeches(base: &Speech, ours: &Speech, theirs: &Speech) -> SpeechMerge {
    let mut conflicts = Vec::new();
    let mut line = |part: ConflictPart, b: &str, o: &str, t: &str| -> String {
        let merged = text::merge_text(b, o, t);
        record(&mut conflicts, part, ConflictKind::Text, &merged);
        merged.text
    };
    let title = line(ConflictPart::Title, &base.title, &ours.title, &theirs.title);
    let greeting = line(
        ConflictPart::Greeting,
        &base.greeting,
        &ours.greeting,
        &theirs.greeting,
    );
    let opening = merge_lines(
        &mut conflicts,
        ConflictPart::Opening,
        &base.opening,
        &ours.opening,
        &theirs.opening,
    );
    let sections = sections::merge_sections(base, ours, theirs, &mut conflicts);
    let closing = merge_lines(
        &mut conflicts,
        ConflictPart::Closing,
        &base.closing,
        &ours.closing,
        &theirs.closing,
    );
    let notes = merge_lines(
        &mut conflicts,
        ConflictPart::Notes,
        &base.notes,
        &ours.notes,
        &theirs.notes,
    );
    let speech = Speech {
        title,
        meta: pick(&base.meta, &ours.meta, &theirs.meta),
        greeting,
        opening,
        sections,
        closing,
        notes,
        guidance: pick(&base.guidance, &ours.guidance, &theirs.guidance),
    };
    SpeechMerge { speech, conflicts }
}

/// Records the conflicts of a merged part text.
fn record(
    out: &mut Vec<MergeConflict>,
    part: ConflictPart,
    kind: ConflictKind,
    merged: &text::MergedText,
) {
    for c in &merged.conflicts {
        out.push(MergeConflict {
            part,
            kind,
            paragraph: line_of(&merged.text, c.start),
            start: c.start,
            end: c.end,
            base: c.base.clone(),
            ours: c.ours.clone(),
            theirs: c.theirs.clone(),
        });
    }
}

/// The line (0-based) that byte `offset` of `text` is in.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.matches('\n').count())
}

/// Merges lists of paragraphs as their texts joined with `\n`.
fn merge_lines(
    out: &mut Vec<MergeConflict>,
    part: ConflictPart,
    base: &[String],
    ours: &[String],
    theirs: &[String],
) -> Vec<String> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let merged = text::merge_text(&base.join("\n"), &ours.join("\n"), &theirs.join("\n"));
    record(out, part, ConflictKind::Text, &merged);
    split_lines(&merged.text)
}

/// The inverse of joining with `\n` (the empty text is no lines).
pub(crate) fn split_lines(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::to_string).collect()
    }
}

/// The speech with every conflict written into its text as
/// `<<<<<<< ours OURS ======= THEIRS >>>>>>> theirs`, inside the paragraph (for `--format txt`).
pub fn speech_with_markers(speech: &Speech, conflicts: &[MergeConflict]) -> Speech {
    let mut marked = speech.clone();
    let mut parts: Vec<ConflictPart> = conflicts.iter().map(|c| c.part).collect();
    parts.dedup();
    for part in parts {
        let Some(mut text) = part.text(speech) else {
            continue;
        };
        let mut here: Vec<&MergeConflict> = conflicts.iter().filter(|c| c.part == part).collect();
        here.sort_by_key(|c| std::cmp::Reverse(c.start));
        for c in here {
            if text.get(c.start..c.end).is_some() {
                let marker = format!(
                    "<<<<<<< ours {} ======= {} >>>>>>> theirs",
                    c.ours, c.theirs
                );
                text.replace_range(c.start..c.end, &marker);
            }
        }
        set_part_text(&mut marked, part, &text);
    }
    marked
}

/// Replaces a part's text (lines joined with `\n`).
fn set_part_text(speech: &mut Speech, part: ConflictPart, text: &str) {
    match part {
        ConflictPart::Title => speech.title = text.to_string(),
        ConflictPart::Greeting => speech.greeting = text.to_string(),
        ConflictPart::Opening => speech.opening = split_lines(text),
        ConflictPart::Closing => speech.closing = split_lines(text),
        ConflictPart::Notes => speech.notes = split_lines(text),
        ConflictPart::Section(id) => {
            if let Some(section) = speech.sections.iter_mut().find(|s| s.id == id) {
                let mut lines = text.split('\n').map(str::to_string);
                section.heading = lines.next().unwrap_or_default();
                section.paragraphs = lines.collect();
            }
        }
    }
}

#[cfg(test)]
mod tests;
