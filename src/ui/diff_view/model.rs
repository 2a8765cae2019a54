//! What the diff view shows, computed once per comparison (not per frame): the parts' rows,
//! names and statuses, the stops for next/previous, and which changes are accepted.

use std::collections::HashSet;

use crate::diff::present::{
    MoveNote, part_moves, section_heading, section_numbers, signed_duration,
};
use crate::diff::review::{PartKey, Stop, stops};
use crate::diff::rows::{BREAK_MARK, Row, Run, inline_rows, side_by_side_rows};
use crate::diff::{Moved, Op, PartDiff, PartStatus, SpeechDiff};
use crate::editor::compare::{AcceptedKey, change_keys};
use crate::model::{Numbering, PartKind, Speech};

use super::super::i18n::{Msg, UiLanguage, move_label, tr};

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
    /// The move labels of the side-by-side rows (left, right): `moved to 三` over the first
    /// row of text that left, `moved from 二` over the first row of text that arrived.
    pub row_tags: Vec<[Option<String>; 2]>,
    /// The move labels of the inline rows.
    pub inline_tags: Vec<Option<String>>,
}

/// The label of each line's first move not labelled yet (`None` for the other lines).
fn move_tags<'a>(
    lines: impl Iterator<Item = Option<&'a Vec<Run>>>,
    label: &dyn Fn(Moved, bool) -> String,
) -> Vec<Option<String>> {
    let mut seen = HashSet::new();
    lines
        .map(|line| {
            line.into_iter()
                .flatten()
                // A move that takes the line break before it ends the line above with a `¶`:
                // the label belongs over the moved text itself.
                .filter(|run| run.text != BREAK_MARK)
                .filter_map(|run| run.moved.map(|m| (m, run.op == Op::Insert)))
                .find(|(m, arrived)| seen.insert((m.id, *arrived)))
                .map(|(m, arrived)| label(m, arrived))
        })
        .collect()
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
            let rows = side_by_side_rows(&part.spans);
            let inline = inline_rows(&part.spans);
            let label = |moved: Moved, arrived: bool| {
                let place = MoveNote::of_move(diff, moved, arrived, numbering)
                    .map(|note| match note.kind {
                        PartKind::Opening => tr(lang, Msg::Opening).to_string(),
                        PartKind::Closing => tr(lang, Msg::Closing).to_string(),
                        _ => note.place,
                    })
                    .unwrap_or_default();
                move_label(lang, arrived, &place)
            };
            let left = move_tags(rows.iter().map(|r| r.old.as_ref()), &label);
            let right = move_tags(rows.iter().map(|r| r.new.as_ref()), &label);
            let row_tags = left.into_iter().zip(right).map(|(l, r)| [l, r]).collect();
            let inline_tags = move_tags(inline.iter().map(Some), &label);
            parts.push(PartView {
                key,
                status: part.status,
                name,
                summary,
                stops: first..last,
                change_keys,
                rows,
                inline,
                row_tags,
                inline_tags,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffOptions;
    use crate::model::Section;

    /// The label of each row that has one, with the row's text on that side.
    fn labelled(part: &PartView) -> Vec<(String, String)> {
        let text = |runs: &Option<Vec<Run>>| -> String {
            runs.iter().flatten().map(|r| r.text.as_str()).collect()
        };
        part.rows
            .iter()
            .zip(&part.row_tags)
            .flat_map(|(row, [left, right])| {
                [
                    left.clone().map(|l| (l, text(&row.old))),
                    right.clone().map(|r| (r, text(&row.new))),
                ]
            })
            .flatten()
            .collect()
    }

    #[test]
    fn a_move_is_labelled_over_its_own_first_row_at_both_ends() {
        let moving = "三要切实找准服务大局的方向重点。";
        let old = Speech {
            sections: vec![
                Section::new("提高站位", vec!["一要学习。".into(), moving.into()]),
                Section::new("狠抓落实", vec!["二要落实。".into()]),
            ],
            ..Speech::default()
        };
        let mut new = old.clone();
        new.sections[0].paragraphs.pop();
        new.sections[1].paragraphs.push(moving.into());
        let diff = SpeechDiff::new(&old, &new, &DiffOptions::new());
        let model = ViewModel::new(UiLanguage::En, &diff, &new);
        let tags: Vec<(String, String)> = model.parts.iter().flat_map(labelled).collect();
        assert_eq!(
            tags,
            [
                ("moved to 二".to_string(), moving.to_string()),
                ("moved from 一".to_string(), moving.to_string()),
            ]
        );
    }
}
