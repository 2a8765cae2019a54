//! Accepting and rejecting changes, as edits of the working copy (no drawing here).
//!
//! The right-hand side of the comparison is the working copy. *Accepting* a change keeps the
//! new text (the change is only marked). *Rejecting* one writes the part's text with that change
//! undone ([`PartDiff::text_with_change_reverted`]) back into the working copy:
//!
//! - title and greeting: the single line;
//! - opening and closing: the paragraphs (the text split on `\n`);
//! - a section, found by its id in the working copy (`new_id`): the first line is the heading,
//!   the other lines the paragraphs.
//!
//! Whole sections: rejecting an **added** section removes it; rejecting a **removed** section
//! puts it back at its old position (clamped to the end); rejecting a **move** puts the section
//! back at its old index (clamped).
//!
//! **Moved paragraphs** ([`crate::diff::Moved`]) are one change with two ends. Rejecting it at
//! either end takes the text out of the part it arrived in and puts it back in the part it left,
//! in one go. Where the part it left is a removed section, that section is put back whole (with
//! every paragraph that left it). Removing an added section, or putting a part back whole, also
//! takes back the moves into (out of) it, so no text is lost or doubled. [`stops`] stops at a
//! move once, where the text arrived.

use std::collections::BTreeMap;

use crate::diff::{Op, PartDiff, PartStatus, SpeechDiff};
use crate::model::{PartKind, Section, SectionId, Speech};
use crate::part::Part;

use crate::part::split_paragraphs;

/// Which part of a comparison something is about: the part on each side (a section by its id
/// there; `None` on the side where an added or removed section is missing). Stable while the two
/// sides are edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartKey {
    /// The part on the left (old) side.
    pub old: Option<Part>,
    /// The part on the right (new) side.
    pub new: Option<Part>,
}

impl PartKey {
    /// The key of a part of a comparison.
    pub fn of(part: &PartDiff) -> PartKey {
        let fixed = |p: Part| PartKey {
            old: Some(p),
            new: Some(p),
        };
        match part.kind {
            PartKind::Title => fixed(Part::Title),
            PartKind::Greeting => fixed(Part::Greeting),
            PartKind::Opening => fixed(Part::Opening),
            PartKind::Closing => fixed(Part::Closing),
            PartKind::Section => PartKey {
                old: part.old_id.map(Part::Section),
                new: part.new_id.map(Part::Section),
            },
        }
    }
}

/// The part of `diff` with this key.
pub fn find_part(diff: &SpeechDiff, key: PartKey) -> Option<&PartDiff> {
    diff.parts.iter().find(|p| PartKey::of(p) == key)
}

/// One place the next/previous change commands stop at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    /// The part's position in [`SpeechDiff::parts`].
    pub part: usize,
    /// The change within the part, or `None` for the part as a whole (a section's move, or an
    /// added or removed section without text).
    pub change: Option<usize>,
}

/// Every stop, in reading order: for a moved section its move first, then each change (a moved
/// paragraph only where it arrived).
pub fn stops(diff: &SpeechDiff) -> Vec<Stop> {
    let mut out = Vec::new();
    for (index, part) in diff.parts.iter().enumerate() {
        let count = part.change_count();
        let departures: Vec<usize> = (0..count).filter(|&c| is_departure(part, c)).collect();
        let structural = match part.status {
            PartStatus::Moved => true,
            PartStatus::Added | PartStatus::Removed => count == 0,
            PartStatus::Unchanged | PartStatus::Modified => false,
        };
        if structural {
            out.push(Stop {
                part: index,
                change: None,
            });
        }
        out.extend(
            (0..count)
                .filter(|c| !departures.contains(c))
                .map(|change| Stop {
                    part: index,
                    change: Some(change),
                }),
        );
    }
    out
}

/// Whether change `change` of `part` is moved text that left it.
fn is_departure(part: &PartDiff, change: usize) -> bool {
    part.change_move(change).is_some()
        && crate::diff::part::numbered_spans(&part.spans)
            .any(|(s, n)| n == Some(change) && s.op == Op::Delete)
}

/// The other end of a move: the part (its position in `diff.parts`) and the change there.
pub fn move_counterpart(diff: &SpeechDiff, part: usize, change: usize) -> Option<(usize, usize)> {
    let moved = diff.parts.get(part)?.change_move(change)?;
    let other = diff.parts.get(moved.part)?;
    let mut numbers = crate::diff::part::numbered_spans(&other.spans);
    let number = numbers
        .find(|(s, _)| s.moved.is_some_and(|m| m.id == moved.id))
        .and_then(|(_, n)| n)?;
    Some((moved.part, number))
}

/// What to reject in a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reject {
    /// One change of the text.
    Change(usize),
    /// The part as a whole: its move, or its being added or removed.
    Structure,
    /// Everything: the text changes and the move.
    All,
}

/// What is undone in one part.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Undo {
    /// These changes.
    Changes(Vec<usize>),
    /// The whole part (`what`: [`Reject::Structure`] or [`Reject::All`]).
    Whole(Reject),
}

/// Rejects `what` of part `part` of `diff` in `speech` (the working copy, the right side of the
/// comparison). A moved paragraph is undone at both ends. Returns whether `speech` changed.
pub fn reject(speech: &mut Speech, diff: &SpeechDiff, part: usize, what: Reject) -> bool {
    let Some(this) = diff.parts.get(part) else {
        return false;
    };
    let mut plan: BTreeMap<usize, Undo> = BTreeMap::new();
    let mut moves_too: Vec<usize> = Vec::new();
    match (this.status, what) {
        (_, Reject::Change(change)) if this.change_move(change).is_some() => {
            add_change(&mut plan, part, change);
            if let Some((other, change)) = move_counterpart(diff, part, change) {
                add_change(&mut plan, other, change);
            }
        }
        (PartStatus::Added | PartStatus::Removed, _) | (_, Reject::All) => {
            plan.insert(part, Undo::Whole(what));
            moves_too.push(part);
        }
        (_, Reject::Change(change)) => add_change(&mut plan, part, change),
        (_, Reject::Structure) => {
            plan.insert(part, Undo::Whole(Reject::Structure));
        }
    }
    // A removed section a move left from goes back whole, and then so do its other moves.
    loop {
        let upgrade: Vec<usize> = plan
            .iter()
            .filter(|(p, undo)| {
                matches!(undo, Undo::Changes(_))
                    && diff.parts.get(**p).map(|x| x.status) == Some(PartStatus::Removed)
            })
            .map(|(p, _)| *p)
            .collect();
        moves_too.extend(&upgrade);
        for p in upgrade {
            plan.insert(p, Undo::Whole(Reject::All));
        }
        let Some(p) = moves_too.pop() else {
            break;
        };
        let Some(whole) = diff.parts.get(p) else {
            continue;
        };
        for change in 0..whole.change_count() {
            if let Some((other, c)) = move_counterpart(diff, p, change) {
                add_change(&mut plan, other, c);
            }
        }
    }
    let mut changed = false;
    // Texts first (sections are found by id), then sections removed, put back and moved back.
    for (&p, undo) in &plan {
        if let (Some(x), Undo::Changes(list)) = (diff.parts.get(p), undo) {
            changed |= write_part(speech, x, &x.text_with_changes_reverted(list));
        }
    }
    for (&p, undo) in &plan {
        let (Some(x), Undo::Whole(what)) = (diff.parts.get(p), undo) else {
            continue;
        };
        changed |= match x.status {
            PartStatus::Added => remove_added(speech, x),
            PartStatus::Removed => false,
            PartStatus::Unchanged | PartStatus::Modified | PartStatus::Moved => {
                let mut changed = false;
                if *what == Reject::All {
                    changed |= write_part(speech, x, &x.old_text());
                }
                if x.status == PartStatus::Moved {
                    changed |= move_back(speech, x);
                }
                changed
            }
        };
    }
    for (&p, undo) in &plan {
        if let (Some(x), Undo::Whole(_)) = (diff.parts.get(p), undo)
            && x.status == PartStatus::Removed
        {
            changed |= restore_removed(speech, x);
        }
    }
    changed
}

/// Adds change `change` of part `part` to what is undone (nothing if the part goes whole).
fn add_change(plan: &mut BTreeMap<usize, Undo>, part: usize, change: usize) {
    match plan
        .entry(part)
        .or_insert_with(|| Undo::Changes(Vec::new()))
    {
        Undo::Changes(list) => {
            if !list.contains(&change) {
                list.push(change);
            }
        }
        Undo::Whole(_) => {}
    }
}

fn remove_added(speech: &mut Speech, part: &PartDiff) -> bool {
    let Some(index) = part.new_id.and_then(|id| speech.section_index(id)) else {
        return false;
    };
    speech.sections.remove(index);
    true
}

/// Takes changes of `part` into `speech`, the **left** (old) side of the comparison: a
/// reviewer's copy on the right is what is taken from. `changes` are the part's text changes to
/// take (unknown numbers are ignored); with `structure`, its move too. A section the right side
/// added is added (at its position there, clamped), one it removed is removed — whichever of
/// its changes is taken. Returns whether `speech` changed.
pub fn take(speech: &mut Speech, part: &PartDiff, changes: &[usize], structure: bool) -> bool {
    match part.status {
        PartStatus::Added => return add_taken(speech, part),
        PartStatus::Removed => {
            let Some(index) = part.old_id.and_then(|id| speech.section_index(id)) else {
                return false;
            };
            speech.sections.remove(index);
            return true;
        }
        PartStatus::Unchanged | PartStatus::Modified | PartStatus::Moved => {}
    }
    let mut changed = false;
    if !changes.is_empty() {
        let left_alone: Vec<usize> = (0..part.change_count())
            .filter(|c| !changes.contains(c))
            .collect();
        let text = part.text_with_changes_reverted(&left_alone);
        changed |= write_old_part(speech, part, &text);
    }
    if structure && part.status == PartStatus::Moved {
        let (Some(id), Some(to)) = (part.old_id, part.new_index) else {
            return changed;
        };
        changed |= speech.move_section(id, to);
    }
    changed
}

fn add_taken(speech: &mut Speech, part: &PartDiff) -> bool {
    insert_section(speech, &part.new_text(), part.new_id, part.new_index)
}

/// Inserts the section written as `text` (heading line, then paragraphs) at `index` (the end
/// when unknown), keeping `id` when no section of the speech has it yet.
fn insert_section(
    speech: &mut Speech,
    text: &str,
    id: Option<SectionId>,
    index: Option<usize>,
) -> bool {
    let (heading, paragraphs) = section_lines(text);
    let mut section = Section::new(heading, paragraphs);
    if let Some(id) = id
        && speech.section_index(id).is_none()
    {
        section.id = id;
    }
    let at = index
        .unwrap_or(speech.sections.len())
        .min(speech.sections.len());
    speech.sections.insert(at, section);
    true
}

fn write_old_part(speech: &mut Speech, part: &PartDiff, text: &str) -> bool {
    write_text(speech, part, part.old_id, text)
}

/// Splits a section's text into heading and paragraphs.
fn section_lines(text: &str) -> (String, Vec<String>) {
    let mut lines = text.split('\n').map(str::to_string);
    let heading = lines.next().unwrap_or_default();
    (heading, lines.collect())
}

fn write_part(speech: &mut Speech, part: &PartDiff, text: &str) -> bool {
    write_text(speech, part, part.new_id, text)
}

/// Writes `text` into the part of `speech` that `part` is about (a section found by `id`).
fn write_text(speech: &mut Speech, part: &PartDiff, id: Option<SectionId>, text: &str) -> bool {
    let single = || text.replace(['\r', '\n'], " ");
    match part.kind {
        PartKind::Title => set(&mut speech.title, single()),
        PartKind::Greeting => set(&mut speech.greeting, single()),
        PartKind::Opening => set(&mut speech.opening, split_paragraphs(text)),
        PartKind::Closing => set(&mut speech.closing, split_paragraphs(text)),
        PartKind::Section => {
            let Some(section) = id.and_then(|id| speech.sections.iter_mut().find(|s| s.id == id))
            else {
                return false;
            };
            let (heading, paragraphs) = section_lines(text);
            set(&mut section.heading, heading) | set(&mut section.paragraphs, paragraphs)
        }
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

fn move_back(speech: &mut Speech, part: &PartDiff) -> bool {
    let (Some(id), Some(to)) = (part.new_id, part.old_index) else {
        return false;
    };
    let Some(from) = speech.section_index(id) else {
        return false;
    };
    let to = to.min(speech.sections.len().saturating_sub(1));
    if from == to {
        return false;
    }
    let section = speech.sections.remove(from);
    speech.sections.insert(to, section);
    true
}

fn restore_removed(speech: &mut Speech, part: &PartDiff) -> bool {
    insert_section(speech, &part.old_text(), part.old_id, part.old_index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, Granularity};

    fn speech() -> Speech {
        Speech {
            title: "讲话".into(),
            opening: vec!["开场白。".into()],
            sections: vec![
                Section::new("一", vec!["甲乙丙。".into()]),
                Section::new("二", vec!["丁戊。".into(), "己。".into()]),
                Section::new("三", vec!["庚。".into()]),
            ],
            ..Speech::default()
        }
    }

    fn diff(old: &Speech, new: &Speech) -> SpeechDiff {
        SpeechDiff::new(old, new, &DiffOptions::new().granularity(Granularity::Char))
    }

    #[test]
    fn rejecting_every_stop_gives_back_the_old_speech() {
        let old = speech();
        let mut new = old.clone();
        new.title = "新讲话".into();
        new.opening.push("又一段。".into());
        new.sections[1].paragraphs[0] = "丁戊己。".into();
        new.sections.swap(0, 2);
        new.sections.remove(1);
        new.sections.push(Section::new("四", vec!["辛。".into()]));
        for _ in 0..20 {
            let d = diff(&old, &new);
            let Some(stop) = stops(&d).first().copied() else {
                break;
            };
            let part = &d.parts[stop.part];
            let what = stop.change.map_or(Reject::Structure, Reject::Change);
            assert!(reject(&mut new, &d, stop.part, what), "{stop:?} {part:?}");
        }
        assert_eq!(new.title, old.title);
        assert_eq!(new.opening, old.opening);
        let texts = |s: &Speech| {
            s.sections
                .iter()
                .map(|s| (s.id, s.heading.clone(), s.paragraphs.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&new), texts(&old));
    }

    #[test]
    fn taking_every_change_into_the_left_side_gives_the_right_side() {
        let mut old = speech();
        let mut new = old.clone();
        new.title = "新讲话".into();
        new.sections[1].paragraphs[0] = "丁戊己。".into();
        new.sections.swap(0, 2);
        new.sections.remove(1);
        new.sections.push(Section::new("四", vec!["辛。".into()]));
        for _ in 0..20 {
            let d = diff(&old, &new);
            let Some(part) = d.changed_parts().next() else {
                break;
            };
            let all: Vec<usize> = (0..part.change_count()).collect();
            assert!(take(&mut old, part, &all, true), "{part:?}");
        }
        let texts = |s: &Speech| {
            s.sections
                .iter()
                .map(|s| (s.heading.clone(), s.paragraphs.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(old.title, new.title);
        assert_eq!(texts(&old), texts(&new));
    }

    #[test]
    fn taking_one_change_leaves_the_others() {
        let mut old = speech();
        let mut new = old.clone();
        new.sections[1].paragraphs = vec!["丁甲戊。".into(), "己乙。".into()];
        let d = diff(&old, &new);
        let part = d.changed_parts().next().expect("a changed part");
        assert_eq!(part.change_count(), 2);
        assert!(take(&mut old, part, &[1], false));
        assert_eq!(old.sections[1].paragraphs, ["丁戊。", "己乙。"]);
    }

    #[test]
    fn rejecting_a_whole_part_reverts_text_and_move() {
        let old = speech();
        let mut new = old.clone();
        new.sections[2].paragraphs[0] = "庚辛。".into();
        let moved = new.sections.remove(2);
        new.sections.insert(0, moved);
        let d = diff(&old, &new);
        let part = d
            .parts
            .iter()
            .position(|p| p.status == PartStatus::Moved && p.old_index == Some(2));
        let Some(part) = part else {
            panic!("no moved part: {d:?}");
        };
        assert!(reject(&mut new, &d, part, Reject::All));
        assert_eq!(new, old);
    }
}
