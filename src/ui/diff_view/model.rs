//! What the diff view shows, computed once per comparison (not per frame): the parts' rows,
//! names and statuses, the stops for next/previous, and which changes are accepted.

use crate::diff::{PartDiff, PartStatus, SpeechDiff};
use crate::model::{Numbering, Speech};
use crate::stats::format_duration;

use super::super::i18n::{Msg, UiLanguage, tr};
use super::review::{PartKey, Stop, stops};
use super::rows::{Row, Run, inline_rows, side_by_side_rows};

/// The key under which an accepted change is remembered: the part and the change's deleted and
/// inserted text (both empty for a section's move). Content, not numbers, so the mark survives
/// a rejection elsewhere in the part.
pub type AcceptedKey = (PartKey, String, String);

/// One part as the view shows it.
#[derive(Clone, Debug)]
pub struct PartView {
    /// Which part.
    pub key: PartKey,
    /// What happened to it.
    pub status: PartStatus,
    /// Its name, e.g. `三、 » 二、提高站位` or `Opening`.
    pub name: String,
    /// The summary line: name, status and time change.
    pub summary: String,
    /// Its stops' positions in [`ViewModel::stops`].
    pub stops: std::ops::Range<usize>,
    /// The accepted key of each change (and, last, of the part's move).
    pub change_keys: Vec<AcceptedKey>,
    /// Side-by-side rows.
    pub rows: Vec<Row>,
    /// Inline rows.
    pub inline: Vec<Vec<Run>>,
}

/// Everything the view shows of one comparison.
#[derive(Clone, Debug, Default)]
pub struct ViewModel {
    /// Every part, unchanged ones too, in reading order.
    pub parts: Vec<PartView>,
    /// The stops of next/previous change.
    pub stops: Vec<Stop>,
}

/// The status's name in `lang`.
pub fn status_name(lang: UiLanguage, status: PartStatus) -> &'static str {
    tr(
        lang,
        match status {
            PartStatus::Unchanged => Msg::StatusUnchanged,
            PartStatus::Modified => Msg::StatusModified,
            PartStatus::Moved => Msg::StatusMoved,
            PartStatus::Added => Msg::StatusAdded,
            PartStatus::Removed => Msg::StatusRemoved,
        },
    )
}

/// A signed time change: `+3 s`, `−12 s`, `±0 s`.
pub fn signed_duration(seconds: f64) -> String {
    if seconds.abs() < 0.5 {
        return "±0 s".to_string();
    }
    let sign = if seconds < 0.0 { "−" } else { "+" };
    format!("{sign}{}", format_duration(seconds.abs()))
}

/// The name of a part: `Opening`, or for a section its number(s) and heading —
/// `三、 » 二、提高站位` when it moved.
pub fn part_name(lang: UiLanguage, part: &PartDiff, new_speech: &Speech) -> String {
    let numbering = Numbering::for_language(new_speech.meta.language);
    let msg = match part.kind {
        crate::model::PartKind::Title => Msg::Title,
        crate::model::PartKind::Greeting => Msg::Greeting,
        crate::model::PartKind::Opening => Msg::Opening,
        crate::model::PartKind::Closing => Msg::Closing,
        crate::model::PartKind::Section => {
            let heading = part
                .new_heading
                .as_deref()
                .or(part.old_heading.as_deref())
                .unwrap_or_default()
                .trim();
            let number = match (part.old_index, part.new_index) {
                (Some(old), Some(new)) if old != new => {
                    format!("{} » {}", numbering.label(old), numbering.label(new))
                }
                (_, Some(new)) => numbering.label(new),
                (Some(old), None) => numbering.label(old),
                (None, None) => String::new(),
            };
            let space = if numbering == Numbering::Roman {
                " "
            } else {
                ""
            };
            return format!("{number}{space}{heading}");
        }
    };
    tr(lang, msg).to_string()
}

impl ViewModel {
    /// The view of `diff`; `new_speech` is the right side (for numbering).
    pub fn new(lang: UiLanguage, diff: &SpeechDiff, new_speech: &Speech) -> ViewModel {
        let stops = stops(diff);
        let mut parts = Vec::with_capacity(diff.parts.len());
        for (index, part) in diff.parts.iter().enumerate() {
            let first = stops.partition_point(|s| s.part < index);
            let last = stops.partition_point(|s| s.part <= index);
            let key = PartKey::of(part);
            let name = part_name(lang, part, new_speech);
            let summary = format!(
                "{name}  {}  {}",
                status_name(lang, part.status),
                signed_duration(part.seconds_delta)
            );
            let old_text = part.old_text();
            let new_text = part.new_text();
            let mut change_keys: Vec<AcceptedKey> = part
                .changes()
                .iter()
                .map(|c| {
                    (
                        key,
                        old_text.get(c.old_range.clone()).unwrap_or("").to_string(),
                        new_text.get(c.new_range.clone()).unwrap_or("").to_string(),
                    )
                })
                .collect();
            change_keys.push((key, String::new(), String::new()));
            parts.push(PartView {
                key,
                status: part.status,
                name,
                summary,
                stops: first..last,
                change_keys,
                rows: side_by_side_rows(&part.spans),
                inline: inline_rows(&part.spans),
            });
        }
        ViewModel { parts, stops }
    }

    /// The accepted key of a stop.
    pub fn stop_key(&self, stop: Stop) -> Option<&AcceptedKey> {
        let part = self.parts.get(stop.part)?;
        match stop.change {
            Some(change) => part.change_keys.get(change),
            None => part.change_keys.last(),
        }
    }

    /// The parts that changed, with their position.
    pub fn changed_parts(&self) -> impl Iterator<Item = (usize, &PartView)> {
        self.parts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.status != PartStatus::Unchanged)
    }
}
