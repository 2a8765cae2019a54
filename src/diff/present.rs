//! How a comparison is shown, the same on the command line and in the window: the numbers of a
//! section part (`三 → 二` when it moved), signed time changes (`+45 s`, `−1:51`, `±0 s`) and
//! where moved paragraphs went (`moved to 三`) or came from (`moved from 二`).
//! Change numbering is [`PartDiff::changes`]; rows for display are in [`super::rows`].

use std::fmt;

use crate::model::{Numbering, PartKind};
use crate::stats::format_duration;

use super::{Moved, Op, PartDiff, PartStatus, Span, SpeechDiff};

/// Where a moved span's text went or came from, for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveNote {
    /// True when the text arrived here (`moved from …`), false when it left (`moved to …`).
    pub arrived: bool,
    /// The other part: a section's number (in the numbering asked for) or the part's name
    /// (`opening`, `closing`; the window words these itself from [`MoveNote::kind`]).
    pub place: String,
    /// The other part's kind.
    pub kind: PartKind,
    /// How many paragraphs moved.
    pub paragraphs: usize,
}

impl MoveNote {
    /// The note for a moved span of `diff` (`None` for a span that did not move).
    pub fn of(diff: &SpeechDiff, span: &Span, numbering: Numbering) -> Option<MoveNote> {
        Self::of_move(diff, span.moved?, span.op == Op::Insert, numbering)
    }

    /// The note for a move of `diff` at the end where the text `arrived` (its `Insert` span) or
    /// left (its `Delete` span).
    pub fn of_move(
        diff: &SpeechDiff,
        moved: Moved,
        arrived: bool,
        numbering: Numbering,
    ) -> Option<MoveNote> {
        let other = diff.parts.get(moved.part)?;
        // The other end as it is on its side: where the text left from is an old section,
        // where it went is a new one.
        let index = if arrived {
            other.old_index.or(other.new_index)
        } else {
            other.new_index.or(other.old_index)
        };
        let place = match (other.kind, index) {
            (PartKind::Section, Some(i)) => numbering.numeral(i),
            (kind, _) => kind.name().to_string(),
        };
        Some(MoveNote {
            arrived,
            place,
            kind: other.kind,
            paragraphs: moved.paragraphs,
        })
    }
}

impl fmt::Display for MoveNote {
    /// English, for the command line: `moved from 二 (7 paragraphs)`, `moved to 三`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let direction = if self.arrived { "from" } else { "to" };
        write!(f, "moved {direction} {}", self.place)?;
        if self.paragraphs > 1 {
            write!(f, " ({} paragraphs)", self.paragraphs)?;
        }
        Ok(())
    }
}

/// The moves of a part, one note per move, in text order.
pub fn part_moves(diff: &SpeechDiff, part: &PartDiff, numbering: Numbering) -> Vec<MoveNote> {
    part.spans
        .iter()
        .filter_map(|s| MoveNote::of(diff, s, numbering))
        .collect()
}

/// A signed time change for people: `+45 s`, `−1:51`, `±0 s` (under half a second).
pub fn signed_duration(seconds: f64) -> String {
    if seconds.abs() < 0.5 {
        return "±0 s".to_string();
    }
    let sign = if seconds < 0.0 { "\u{2212}" } else { "+" };
    format!("{sign}{}", format_duration(seconds.abs()))
}

/// The numbers of a section part in `numbering`: its new number, or `三 → 二` for a moved
/// section (with `arrow` between them: `→` on a terminal, `»` in the window, whose fonts have no
/// arrow), or its old number for a removed one. Empty for other parts.
pub fn section_numbers(part: &PartDiff, numbering: Numbering, arrow: &str) -> String {
    if part.kind != PartKind::Section {
        return String::new();
    }
    match (part.old_index, part.new_index) {
        (Some(old), Some(new)) if old != new && part.status == PartStatus::Moved => {
            format!(
                "{} {arrow} {}",
                numbering.numeral(old),
                numbering.numeral(new)
            )
        }
        (_, Some(new)) => numbering.numeral(new),
        (Some(old), None) => numbering.numeral(old),
        (None, None) => String::new(),
    }
}

/// A section part's heading: the new side's, else the old side's (trimmed).
pub fn section_heading(part: &PartDiff) -> &str {
    part.new_heading
        .as_deref()
        .or(part.old_heading.as_deref())
        .unwrap_or_default()
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_have_a_sign() {
        assert_eq!(signed_duration(44.6), "+45 s");
        assert_eq!(signed_duration(-111.0), "\u{2212}1:51");
        assert_eq!(signed_duration(0.2), "±0 s");
    }
}
