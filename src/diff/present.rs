//! How a comparison is shown, the same on the command line and in the window: the numbers of a
//! section part (`三 → 二` when it moved) and signed time changes (`+45 s`, `−1:51`, `±0 s`).
//! Change numbering is [`PartDiff::changes`]; rows for display are in [`super::rows`].

use crate::model::{Numbering, PartKind};
use crate::stats::format_duration;

use super::{PartDiff, PartStatus};

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
