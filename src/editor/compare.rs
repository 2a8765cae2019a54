//! The comparison of two versions (drafts or the working copy): which sides, how compared, the
//! diff, the stops of next/previous change, and which changes the writer accepted.
//!
//! Accepting marks a change; rejecting writes the left side's text back into the working copy
//! ([`Edit::Revert`], one undo step each; see [`crate::diff::review`]).

use std::collections::HashSet;
use std::sync::Arc;

use crate::diff::review::{PartKey, Reject, Stop, find_part, move_counterpart, stops};
use crate::diff::{DiffCache, DiffOptions, Granularity, PartDiff, PartStatus, SpeechDiff};
use crate::model::Speech;
use crate::project::CompareSettings;

use super::Editor;
use super::action::Effect;
use super::doc::{Doc, Edit, Taken};

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
    /// Whether the right side is a reviewer's copy and the left the working copy: each change
    /// is what the reviewer did, taken ("Take") or left ("Keep mine").
    pub review: bool,
    /// Whether half- and full-width punctuation, curly and straight quotes and runs of spaces
    /// of different lengths compare equal ([`DiffOptions::ignore_width`] and
    /// [`DiffOptions::ignore_space`]).
    pub ignore_width: bool,
}

impl DiffSettings {
    /// The settings a project remembers.
    pub fn from_project(settings: &CompareSettings) -> Self {
        Self {
            mode: if settings.inline {
                DiffMode::Inline
            } else {
                DiffMode::SideBySide
            },
            granularity: settings.granularity,
            review: settings.review,
            ..Self::default()
        }
    }

    /// What the project remembers of these settings.
    pub fn to_project(self) -> CompareSettings {
        CompareSettings {
            review: self.review,
            granularity: self.granularity,
            inline: self.mode == DiffMode::Inline,
        }
    }
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
    /// The changes kept in review ([`Doc::kept`]).
    kept: Arc<Vec<AcceptedKey>>,
    /// The key of each stop.
    stop_keys: Vec<AcceptedKey>,
    /// Whether each stop is still open (neither accepted nor kept).
    open: Vec<bool>,
    /// Compare found no draft that differs from the working copy (the view says so).
    nothing_differs: bool,
}

/// The speech a side shows (`None`: a draft that is gone).
pub fn version_speech(doc: &Doc, version: Version) -> Option<&Speech> {
    match version {
        Version::Working => Some(&doc.speech),
        Version::Draft(id) => doc.draft(id).map(|d| &*d.speech),
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
            kept: Arc::default(),
            stop_keys: Vec::new(),
            open: Vec::new(),
            nothing_differs: false,
        }
    }

    /// Whether Compare found no draft that differs from the working copy.
    pub fn nothing_differs(&self) -> bool {
        self.nothing_differs
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

    /// Whether changes can be taken or undone here: the right side is the working copy, or in
    /// review the left side is (and the right the reviewer's copy).
    pub fn can_edit(&self) -> bool {
        if self.settings.review {
            self.sides.a == Version::Working && self.sides.b != Version::Working
        } else {
            self.sides.b == Version::Working
        }
    }

    /// Whether this is a review whose changes can be taken into the working copy.
    pub fn can_take(&self) -> bool {
        self.settings.review && self.can_edit()
    }

    /// The changes marked accepted.
    pub fn accepted(&self) -> &HashSet<AcceptedKey> {
        &self.accepted
    }

    /// Whether a change was dealt with: accepted, or kept in review.
    pub fn is_resolved(&self, key: &AcceptedKey) -> bool {
        self.accepted.contains(key) || self.kept.contains(key)
    }

    /// Whether the stop at this position is still open.
    pub fn is_open(&self, stop: usize) -> bool {
        self.open.get(stop).copied().unwrap_or(false)
    }

    /// How many stops are still open.
    pub fn open_count(&self) -> usize {
        self.open.iter().filter(|o| **o).count()
    }

    /// Marks which stops are still open.
    fn recount(&mut self) {
        let kept: HashSet<&AcceptedKey> = self.kept.iter().collect();
        self.open = self
            .stop_keys
            .iter()
            .map(|k| !self.accepted.contains(k) && !kept.contains(k))
            .collect();
    }

    /// In review, the current stop moves on to the next open one (from where it is).
    fn settle(&mut self) {
        if !self.settings.review {
            return;
        }
        let total = self.stops.len();
        let Some(from) = self.current else {
            return;
        };
        self.current = (0..total)
            .map(|i| (from + i) % total)
            .find(|&i| self.is_open(i));
    }

    /// Recomputes the diff when the document, the sides or the settings changed.
    pub(super) fn refresh(&mut self, doc: &Doc, rev: u64) {
        self.kept = doc.kept.clone();
        let wanted = (rev, self.sides, self.settings);
        if self.built_for == Some(wanted) {
            self.recount();
            return;
        }
        self.built_for = Some(wanted);
        let (Some(old), Some(new)) = (
            version_speech(doc, self.sides.a),
            version_speech(doc, self.sides.b),
        ) else {
            self.diff = Arc::default();
            self.stops.clear();
            self.stop_keys.clear();
            self.open.clear();
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
            self.stop_keys = self
                .stops
                .iter()
                .map(|stop| change_key(&diff.parts[stop.part], stop.change))
                .collect();
            self.diff = diff;
        }
        let total = self.stops.len();
        self.current = self.current.filter(|_| total > 0).map(|c| c.min(total - 1));
        self.recount();
    }

    /// The key of the stop at this position.
    pub fn stop_key(&self, stop: usize) -> Option<&AcceptedKey> {
        self.stop_keys.get(stop)
    }

    fn part(&self, key: PartKey) -> Option<&PartDiff> {
        find_part(&self.diff, key)
    }

    /// Moves to the next (or previous) stop, wrapping around; in review only to open ones.
    fn step(&mut self, forward: bool) {
        let total = self.stops.len();
        if total == 0 {
            self.current = None;
            return;
        }
        let start = match (self.current, forward) {
            (None, true) => total - 1,
            (None, false) => 0,
            (Some(c), _) => c,
        };
        let review = self.settings.review;
        self.current = (1..=total)
            .map(|i| {
                if forward {
                    (start + i) % total
                } else {
                    (start + total * 2 - i) % total
                }
            })
            .find(|&i| !review || self.is_open(i));
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
    /// Opens the compare view on two sides with the project's remembered settings (review as
    /// given), forgetting the marks of the last comparison.
    pub(super) fn open_compare(&mut self, a: Version, b: Version, review: bool) {
        let mut settings = DiffSettings::from_project(&self.doc.settings.compare);
        settings.cleanup = self.diff_settings.cleanup;
        settings.review = review;
        self.diff_settings = settings;
        // A review has the working copy on the left and the reviewer's copy on the right.
        let (a, b) = if review && b == Version::Working && a != Version::Working {
            (b, a)
        } else {
            (a, b)
        };
        let mut state = CompareState::new(CompareSides { a, b }, settings);
        state.refresh(&self.doc, self.rev);
        self.compare = Some(state);
    }

    /// The draft Compare starts with: the most recent named draft whose speech differs from
    /// the working copy, else the most recent automatic one that differs.
    pub fn default_compare_draft(&self) -> Option<DraftId> {
        let differs = |d: &&crate::project::Draft| *d.speech != self.doc.speech;
        let named = self
            .doc
            .drafts
            .iter()
            .rev()
            .filter(|d| d.kind == crate::project::DraftKind::Named)
            .find(differs);
        named
            .or_else(|| self.doc.drafts.iter().rev().find(differs))
            .map(|d| d.id)
    }

    /// Compare: the working copy against [`Editor::default_compare_draft`] (the draft on the
    /// left, or on the right for a remembered review); when no draft differs, says so and asks
    /// the view to open the picker of the left side.
    pub(super) fn compare_default(&mut self) {
        let review = self.doc.settings.compare.review;
        match self.default_compare_draft() {
            Some(id) if review => self.open_compare(Version::Working, Version::Draft(id), true),
            Some(id) => self.open_compare(Version::Draft(id), Version::Working, false),
            None => {
                let newest = self.doc.drafts.last().map(|d| Version::Draft(d.id));
                self.open_compare(newest.unwrap_or(Version::Working), Version::Working, false);
                if let Some(compare) = &mut self.compare {
                    compare.nothing_differs = true;
                }
                self.effects.push(Effect::PickCompareSide);
            }
        }
    }

    /// How many seconds taking the current change adds to the speech (negative: removes), in
    /// a review; `None` without a current change.
    pub fn current_change_seconds(&self) -> Option<f64> {
        let compare = self.compare.as_ref()?;
        let stop = compare.current_stop()?;
        let part = compare.diff.parts.get(stop.part)?;
        let Some(index) = stop.change else {
            return Some(match part.status {
                PartStatus::Added | PartStatus::Removed => part.seconds_delta,
                _ => 0.0,
            });
        };
        let change = part.changes().into_iter().nth(index)?;
        let settings = &self.doc.settings;
        let seconds = |text: &str| crate::stats::count_text(text, settings).seconds;
        let (old, new) = (part.old_text(), part.new_text());
        Some(
            seconds(new.get(change.new_range).unwrap_or_default())
                - seconds(old.get(change.old_range).unwrap_or_default()),
        )
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
        compare.recount();
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
        compare.recount();
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

    /// What taking the open changes of `part` (all, or only `only`) means.
    fn taken(compare: &CompareState, part: &PartDiff, only: Option<Option<usize>>) -> Taken {
        let keys = change_keys(part);
        let open = |index: usize| !compare.is_resolved(&keys[index]);
        let (changes, structure) = match only {
            Some(Some(change)) => (vec![change], false),
            Some(None) => (Vec::new(), true),
            None => (
                (0..part.change_count()).filter(|c| open(*c)).collect(),
                part.status == PartStatus::Moved && open(keys.len() - 1),
            ),
        };
        Taken {
            part: Box::new(part.clone()),
            changes,
            structure,
        }
    }

    /// Takes the reviewer's changes (one undo step): one change, one part's open changes, or
    /// every open change (`part: None`). The current change moves on to the next open one.
    pub(super) fn take_changes(&mut self, part: Option<PartKey>, only: Option<Option<usize>>) {
        let Some(compare) = &self.compare else {
            return;
        };
        let takes: Vec<Taken> = match part {
            Some(key) => compare
                .part(key)
                .map(|p| vec![Self::taken(compare, p, only)])
                .unwrap_or_default(),
            None => compare
                .diff
                .changed_parts()
                .map(|p| Self::taken(compare, p, None))
                .filter(|t| {
                    // An added or removed section without text has only its whole-part stop.
                    let whole = matches!(t.part.status, PartStatus::Added | PartStatus::Removed)
                        && t.part.change_count() == 0
                        && !compare.is_resolved(&change_key(&t.part, None));
                    !t.changes.is_empty() || t.structure || whole
                })
                .collect(),
        };
        if takes.is_empty() {
            return;
        }
        self.change(Edit::Take(takes));
        self.after_review_step(false);
    }

    /// Keeps the working copy's text for a change, or for every change of a part (one undo
    /// step): marks them done; the current change moves on to the next open one.
    pub(super) fn keep_changes(&mut self, part: PartKey, only: Option<Option<usize>>) {
        let Some(compare) = &self.compare else {
            return;
        };
        let Some(diff_part) = compare.part(part) else {
            return;
        };
        let keys = match only {
            Some(change) => vec![change_key(diff_part, change)],
            None => change_keys(diff_part),
        };
        self.change(Edit::Keep(keys));
        self.after_review_step(true);
    }

    /// After a take or keep: the comparison is brought up to date and the current change moves
    /// to the next open one (`step`: past the current one).
    fn after_review_step(&mut self, step: bool) {
        if let Some(compare) = &mut self.compare {
            compare.refresh(&self.doc, self.rev);
            if step {
                compare.step(true);
            } else {
                compare.settle();
            }
            if compare.open_count() == 0 {
                compare.current = None;
            }
        }
        self.effects.push(Effect::RevealChange);
    }

    pub(super) fn set_compare(&mut self, sides: CompareSides) {
        if self.compare.as_ref().map(|c| c.sides) != Some(sides) {
            self.open_compare(sides.a, sides.b, self.diff_settings.review);
        }
    }

    /// Changes how the comparison is made and shown; the project remembers the mode, the
    /// granularity and whether it is a review. Turning review on with a draft on the left and
    /// the working copy on the right swaps the sides (the reviewer's copy goes right).
    pub(super) fn set_diff_settings(&mut self, settings: DiffSettings) {
        self.diff_settings = settings;
        if let Some(compare) = &mut self.compare {
            if settings.review
                && !compare.settings.review
                && compare.sides.b == Version::Working
                && compare.sides.a != Version::Working
            {
                compare.sides = CompareSides {
                    a: compare.sides.b,
                    b: compare.sides.a,
                };
                compare.current = None;
            }
            compare.settings = settings;
        }
        let remembered = settings.to_project();
        if self.doc.settings.compare != remembered {
            self.doc.settings.compare = remembered;
            self.rev += 1;
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
