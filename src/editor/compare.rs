//! The comparison of two versions (drafts or the working copy): which sides, how compared, the
//! diff, the stops of next/previous change, and which changes the writer accepted.
//!
//! Accepting marks a change; rejecting writes the left side's text back into the working copy
//! ([`Edit::Revert`], one undo step each; see [`crate::diff::review`]).

use std::collections::HashSet;
use std::sync::Arc;

use crate::diff::review::{PartKey, Reject, Stop, find_part, move_counterpart, stops};
use crate::diff::{DiffCache, DiffOptions, Granularity, PartDiff, SpeechDiff};
use crate::model::Speech;

use super::Editor;
use super::action::Effect;
use super::doc::{Doc, Edit};
use crate::project::DraftId;

/// Which version a side of the comparison shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Version {
    /// The working copy.
    Working,
    /// A draft.
    Draft(DraftId),
}

/// The comparison's two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CompareSides {
    /// The left (old) side.
    pub a: Version,
    /// The right (new) side.
    pub b: Version,
}

/// One column with deletions and insertions interleaved, or two columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DiffMode {
    /// Old on the left, new on the right, aligned.
    #[default]
    SideBySide,
    /// One column.
    Inline,
}

/// How the comparison is made and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DiffSettings {
    /// Side by side or inline.
    pub mode: DiffMode,
    /// How finely to compare.
    pub granularity: Granularity,
    /// Whether small changes are merged into phrases.
    pub cleanup: bool,
    /// Whether the left side is a reviewer's copy ("Take theirs" / "Keep mine").
    pub review: bool,
    /// Whether half- and full-width punctuation, curly and straight quotes and runs of spaces
    /// of different lengths compare equal ([`DiffOptions::ignore_width`] and
    /// [`DiffOptions::ignore_space`]).
    pub ignore_width: bool,
}

impl Default for DiffSettings {
    fn default() -> Self {
        Self {
            mode: DiffMode::SideBySide,
            granularity: Granularity::Word,
            cleanup: true,
            review: false,
            ignore_width: false,
        }
    }
}

/// The key under which an accepted change is remembered: the part and the change's deleted and
/// inserted text (both empty for a part's move). Content, not numbers, so the mark survives a
/// rejection elsewhere in the part.
pub type AcceptedKey = (PartKey, String, String);

/// The open comparison.
#[derive(Debug)]
pub struct CompareState {
    sides: CompareSides,
    settings: DiffSettings,
    cache: DiffCache,
    diff: Arc<SpeechDiff>,
    stops: Vec<Stop>,
    built_for: Option<(u64, CompareSides, DiffSettings)>,
    /// The current stop, as a position in [`CompareState::stops`].
    current: Option<usize>,
    accepted: HashSet<AcceptedKey>,
}

/// The speech a side shows (`None`: a draft that is gone).
pub fn version_speech(doc: &Doc, version: Version) -> Option<&Speech> {
    match version {
        Version::Working => Some(&doc.speech),
        Version::Draft(id) => doc.draft(id).map(|d| &d.speech),
    }
}

impl CompareState {
    fn new(sides: CompareSides, settings: DiffSettings) -> Self {
        Self {
            sides,
            settings,
            cache: DiffCache::new(),
            diff: Arc::default(),
            stops: Vec::new(),
            built_for: None,
            current: None,
            accepted: HashSet::new(),
        }
    }

    /// The two sides.
    pub fn sides(&self) -> CompareSides {
        self.sides
    }

    /// How it is compared and shown.
    pub fn settings(&self) -> DiffSettings {
        self.settings
    }

    /// The comparison (shared: a view can keep it to know when it changed).
    pub fn diff(&self) -> &Arc<SpeechDiff> {
        &self.diff
    }

    /// Every stop of next/previous change, in reading order.
    pub fn stops(&self) -> &[Stop] {
        &self.stops
    }

    /// The current stop's position in [`CompareState::stops`].
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The current stop.
    pub fn current_stop(&self) -> Option<Stop> {
        self.stops.get(self.current?).copied()
    }

    /// Whether changes can be taken or undone here: the right side is the working copy.
    pub fn can_edit(&self) -> bool {
        self.sides.b == Version::Working
    }

    /// The changes marked accepted.
    pub fn accepted(&self) -> &HashSet<AcceptedKey> {
        &self.accepted
    }

    /// Recomputes the diff when the document, the sides or the settings changed.
    pub(super) fn refresh(&mut self, doc: &Doc, rev: u64) {
        let wanted = (rev, self.sides, self.settings);
        if self.built_for == Some(wanted) {
            return;
        }
        self.built_for = Some(wanted);
        let (Some(old), Some(new)) = (
            version_speech(doc, self.sides.a),
            version_speech(doc, self.sides.b),
        ) else {
            self.diff = Arc::default();
            self.stops.clear();
            self.current = None;
            return;
        };
        let options = DiffOptions::new()
            .granularity(self.settings.granularity)
            .cleanup(self.settings.cleanup)
            .ignore_width(self.settings.ignore_width)
            .ignore_space(self.settings.ignore_width)
            .settings(doc.settings.clone());
        let diff = self.cache.get_shared(old, new, &options);
        if !Arc::ptr_eq(&diff, &self.diff) {
            self.stops = stops(&diff);
            self.diff = diff;
        }
        let total = self.stops.len();
        self.current = self.current.filter(|_| total > 0).map(|c| c.min(total - 1));
    }

    fn part(&self, key: PartKey) -> Option<&PartDiff> {
        find_part(&self.diff, key)
    }

    fn step(&mut self, forward: bool) {
        let total = self.stops.len();
        self.current = if total == 0 {
            None
        } else {
            Some(match (self.current, forward) {
                (None, true) => 0,
                (None, false) => total - 1,
                (Some(c), true) => (c + 1) % total,
                (Some(c), false) => (c + total - 1) % total,
            })
        };
    }
}

/// The accepted key of a change of `part` (`None`: the part's move).
pub fn change_key(part: &PartDiff, change: Option<usize>) -> AcceptedKey {
    let mut keys = change_keys(part);
    let last = keys.len() - 1;
    let index = change.filter(|c| *c < last).unwrap_or(last);
    keys.swap_remove(index)
}

/// The accepted keys of every change of `part`, in order, then the key of its move.
pub fn change_keys(part: &PartDiff) -> Vec<AcceptedKey> {
    let key = PartKey::of(part);
    let old_text = part.old_text();
    let new_text = part.new_text();
    let mut keys: Vec<AcceptedKey> = part
        .changes()
        .into_iter()
        .map(|c| {
            (
                key,
                old_text.get(c.old_range).unwrap_or("").to_string(),
                new_text.get(c.new_range).unwrap_or("").to_string(),
            )
        })
        .collect();
    keys.push((key, String::new(), String::new()));
    keys
}

impl Editor {
    /// Opens the compare view on two sides, forgetting the marks of the last comparison.
    pub(super) fn open_compare(&mut self, a: Version, b: Version, review: bool) {
        self.diff_settings.review = review;
        let mut state = CompareState::new(CompareSides { a, b }, self.diff_settings);
        state.refresh(&self.doc, self.rev);
        self.compare = Some(state);
    }

    pub(super) fn compare_step(&mut self, forward: bool) {
        if let Some(compare) = &mut self.compare {
            compare.step(forward);
            self.effects.push(Effect::RevealChange);
        }
    }

    pub(super) fn go_to_change(&mut self, stop: usize) {
        if let Some(compare) = &mut self.compare
            && stop < compare.stops.len()
        {
            compare.current = Some(stop);
            self.effects.push(Effect::RevealChange);
        }
    }

    pub(super) fn accept_change(&mut self, key: PartKey, change: Option<usize>) {
        let Some(compare) = &mut self.compare else {
            return;
        };
        let Some(part) = compare.part(key) else {
            return;
        };
        let accepted = change_key(part, change);
        // A moved paragraph is one change with two ends: both are marked.
        let other = compare
            .diff
            .parts
            .iter()
            .position(|p| PartKey::of(p) == key)
            .zip(change)
            .and_then(|(index, change)| move_counterpart(&compare.diff, index, change))
            .and_then(|(p, c)| compare.diff.parts.get(p).map(|p| change_key(p, Some(c))));
        compare.accepted.insert(accepted);
        compare.accepted.extend(other);
        self.compare_step(true);
    }

    pub(super) fn accept_part(&mut self, key: PartKey) {
        let Some(compare) = &mut self.compare else {
            return;
        };
        let Some(part) = compare.part(key) else {
            return;
        };
        compare.accepted.extend(change_keys(part));
    }

    /// Rejects in the working copy, as one undo step.
    pub(super) fn reject(&mut self, key: PartKey, what: Reject) {
        let Some(compare) = self.compare.as_ref() else {
            return;
        };
        let diff = Arc::clone(&compare.diff);
        let Some(part) = diff.parts.iter().position(|p| PartKey::of(p) == key) else {
            return;
        };
        self.change(Edit::Revert { diff, part, what });
        self.effects.push(Effect::RevealChange);
    }

    pub(super) fn set_compare(&mut self, sides: CompareSides) {
        if self.compare.as_ref().map(|c| c.sides) != Some(sides) {
            self.open_compare(sides.a, sides.b, self.diff_settings.review);
        }
    }

    pub(super) fn set_diff_settings(&mut self, settings: DiffSettings) {
        self.diff_settings = settings;
        if let Some(compare) = &mut self.compare {
            compare.settings = settings;
        }
    }

    /// A deleted draft no longer shows in the comparison: its side becomes the working copy.
    pub(super) fn forget_compared(&mut self, id: DraftId) {
        if let Some(compare) = &mut self.compare {
            for side in [&mut compare.sides.a, &mut compare.sides.b] {
                if *side == Version::Draft(id) {
                    *side = Version::Working;
                }
            }
        }
    }
}
