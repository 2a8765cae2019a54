//! What the diff view shows, computed once per comparison (not per frame): the parts' rows,
//! names and statuses, the stops for next/previous, and which changes are accepted.

use crate::diff::present::{part_moves, section_heading, section_numbers, signed_duration};
use crate::diff::review::{PartKey, Stop, stops};
use crate::diff::rows::{Row, Run, inline_rows, side_by_side_rows};
use crate::diff::{PartDiff, PartStatus, SpeechDiff};
use crate::editor::compare::{AcceptedKey, change_keys};
use crate::model::{Numbering, PartKind, Speech};

use super::super::i18n::{Msg, UiLanguage, tr};

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

/// The name of a part: `Opening`, or for a section its number(s) and heading —
/// `三 » 二 提高站位` when it moved.
pub fn part_name(lang: UiLanguage, part: &PartDiff, new_speech: &Speech) -> String {
    let msg = match part.kind {
        crate::model::PartKind::Title => Msg::Title,
        crate::model::PartKind::Greeting => Msg::Greeting,
        crate::model::PartKind::Opening => Msg::Opening,
        crate::model::PartKind::Closing => Msg::Closing,
        crate::model::PartKind::Section => {
            let numbering = Numbering::for_language(new_speech.meta.language);
            return format!(
                "{} {}",
                section_numbers(part, numbering, "»"),
                section_heading(part)
            )
            .trim()
            .to_string();
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
            let mut summary = format!(
                "{name}  {}  {}",
                status_name(lang, part.status),
                signed_duration(part.seconds_delta)
            );
            let numbering = Numbering::for_language(new_speech.meta.language);
            for note in part_moves(diff, part, numbering) {
                let (msg, place) = (
                    if note.arrived {
                        Msg::MovedFrom
                    } else {
                        Msg::MovedTo
                    },
                    match note.kind {
                        PartKind::Opening => tr(lang, Msg::Opening).to_string(),
                        PartKind::Closing => tr(lang, Msg::Closing).to_string(),
                        _ => note.place.clone(),
                    },
                );
                summary.push_str(&format!("  {} {place}", tr(lang, msg)));
            }
            let change_keys = change_keys(part);
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
