//! Undo and redo by snapshots, without any GUI.
//!
//! A [`History`] keeps whole copies of a small `Clone + PartialEq` state (a speech and its drafts
//! are small). The caller records each change as a pair of states, before and after, and tells
//! the history the time (`now_secs`), so the grouping of keystrokes into undo steps can be tested
//! without a clock:
//!
//! - a change with a group key (say, "typing in section 2") extends the previous step when the
//!   previous change had the same key and came less than [`History::pause_secs`] ago;
//! - a change without a group key (a structural edit, a draft restore) is always a step of its
//!   own, and so is a change after an undo or redo.
//!
//! ```
//! use lectern::history::History;
//! let mut history: History<String, &str> = History::new();
//! let mut text = String::from("a");
//! for (t, next) in [(0.0, "ab"), (0.3, "abc"), (2.0, "abcd")] {
//!     let before = std::mem::replace(&mut text, next.to_string());
//!     history.record(&before, &text, Some("typing"), t);
//! }
//! // "ab" and "abc" were one burst of typing; "abcd" came after a pause.
//! text = history.undo(&text).unwrap();
//! assert_eq!(text, "abc");
//! text = history.undo(&text).unwrap();
//! assert_eq!(text, "a");
//! text = history.redo(&text).unwrap();
//! assert_eq!(text, "abc");
//! ```

use std::collections::VecDeque;

/// How many undo steps are kept by default.
pub const DEFAULT_MAX_STEPS: usize = 200;

/// The pause after which typing starts a new undo step by default, in seconds.
pub const DEFAULT_PAUSE_SECS: f64 = 1.0;

/// Snapshot undo/redo over states of type `T`, grouping changes by a key of type `K`.
#[derive(Clone, Debug)]
pub struct History<T, K = ()> {
    /// The states before each step, oldest first.
    undo: VecDeque<T>,
    /// The states undone, the most recently undone last.
    redo: Vec<T>,
    /// The group of the newest step, while it can still be extended, and the time of its last
    /// change.
    open_group: Option<(K, f64)>,
    max_steps: usize,
    pause_secs: f64,
}

impl<T: Clone + PartialEq, K: PartialEq> Default for History<T, K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + PartialEq, K: PartialEq> History<T, K> {
    /// An empty history keeping [`DEFAULT_MAX_STEPS`] steps, grouping typing until a pause of
    /// [`DEFAULT_PAUSE_SECS`].
    pub fn new() -> Self {
        Self::with_limits(DEFAULT_MAX_STEPS, DEFAULT_PAUSE_SECS)
    }

    /// An empty history keeping at most `max_steps` undo steps (at least one), starting a new
    /// step after `pause_secs` without changes.
    pub fn with_limits(max_steps: usize, pause_secs: f64) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            open_group: None,
            max_steps: max_steps.max(1),
            pause_secs,
        }
    }

    /// The pause that ends a group of changes, in seconds.
    pub fn pause_secs(&self) -> f64 {
        self.pause_secs
    }

    /// Records a change from `before` to `after` at time `now_secs`.
    ///
    /// With `group: Some(key)`, the change joins the newest step when that step's group has the
    /// same key and its last change was less than [`Self::pause_secs`] ago; otherwise (and always
    /// with `group: None`) it becomes a new step. A change that changes nothing is ignored.
    /// Any change clears the redo list. Returns whether a new step was made.
    pub fn record(&mut self, before: &T, after: &T, group: Option<K>, now_secs: f64) -> bool {
        if before == after {
            return false;
        }
        self.redo.clear();
        let joins = match (&group, &self.open_group) {
            (Some(key), Some((open_key, last_secs))) => {
                key == open_key && now_secs >= *last_secs && now_secs - *last_secs < self.pause_secs
            }
            _ => false,
        };
        if joins {
            if let Some((_, last_secs)) = &mut self.open_group {
                *last_secs = now_secs;
            }
            return false;
        }
        self.undo.push_back(before.clone());
        while self.undo.len() > self.max_steps {
            self.undo.pop_front();
        }
        self.open_group = group.map(|key| (key, now_secs));
        true
    }

    /// Ends the current group: the next change is a new step whatever its key.
    pub fn break_group(&mut self) {
        self.open_group = None;
    }

    /// Undoes the newest step: returns the state to go back to, keeping `current` for redo.
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current.clone());
        self.open_group = None;
        Some(previous)
    }

    /// Redoes the most recently undone step: returns the state to go to, keeping `current` for
    /// undo. `None` when there is nothing to redo.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push_back(current.clone());
        self.open_group = None;
        Some(next)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Forgets every step (e.g. when another document is opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open_group = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `texts` one after the other into `state` at the given times, in group `key`.
    fn type_into(
        history: &mut History<String, u32>,
        state: &mut String,
        key: Option<u32>,
        steps: &[(f64, &str)],
    ) {
        for (t, text) in steps {
            let before = std::mem::replace(state, text.to_string());
            history.record(&before, state, key, *t);
        }
    }

    #[test]
    fn keystrokes_within_the_pause_are_one_step() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(
            &mut h,
            &mut s,
            Some(1),
            &[(0.0, "a"), (0.5, "ab"), (1.2, "abc"), (1.9, "abcd")],
        );
        assert_eq!(h.undo_len(), 1);
        assert_eq!(h.undo(&s).as_deref(), Some(""));
    }

    #[test]
    fn a_pause_starts_a_new_step() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(0.0, "a"), (0.5, "ab")]);
        type_into(&mut h, &mut s, Some(1), &[(1.5, "abc"), (1.6, "abcd")]);
        assert_eq!(h.undo_len(), 2);
        s = h.undo(&s).unwrap_or_default();
        assert_eq!(s, "ab");
        s = h.undo(&s).unwrap_or_default();
        assert_eq!(s, "");
    }

    #[test]
    fn a_pause_of_exactly_the_limit_starts_a_new_step() {
        let mut h = History::with_limits(10, 1.0);
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(0.0, "a"), (1.0, "ab")]);
        assert_eq!(h.undo_len(), 2);
    }

    #[test]
    fn another_group_starts_a_new_step() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(0.0, "a")]);
        type_into(&mut h, &mut s, Some(2), &[(0.1, "ab")]);
        type_into(&mut h, &mut s, Some(1), &[(0.2, "abc")]);
        assert_eq!(h.undo_len(), 3);
    }

    #[test]
    fn ungrouped_changes_are_always_steps() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, None, &[(0.0, "a"), (0.0, "ab")]);
        assert_eq!(h.undo_len(), 2);
        // Typing right after a structural change is a new step too.
        type_into(&mut h, &mut s, Some(1), &[(0.1, "abc")]);
        assert_eq!(h.undo_len(), 3);
    }

    #[test]
    fn no_op_changes_are_ignored() {
        let mut h: History<String> = History::new();
        assert!(!h.record(&"x".to_string(), &"x".to_string(), None, 0.0));
        assert!(!h.can_undo());
    }

    #[test]
    fn undo_then_redo_round_trips_and_new_changes_clear_redo() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, None, &[(0.0, "a"), (1.0, "ab")]);
        s = h.undo(&s).unwrap_or_default();
        assert_eq!(s, "a");
        assert!(h.can_redo());
        s = h.redo(&s).unwrap_or_default();
        assert_eq!(s, "ab");
        s = h.undo(&s).unwrap_or_default();
        type_into(&mut h, &mut s, None, &[(2.0, "az")]);
        assert!(!h.can_redo());
        assert_eq!(h.redo(&s), None);
    }

    #[test]
    fn typing_after_an_undo_is_a_new_step() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(0.0, "a"), (5.0, "ab")]);
        s = h.undo(&s).unwrap_or_default();
        type_into(&mut h, &mut s, Some(1), &[(5.1, "ax")]);
        assert_eq!(h.undo_len(), 2);
        s = h.undo(&s).unwrap_or_default();
        assert_eq!(s, "a");
    }

    #[test]
    fn a_clock_going_backwards_starts_a_new_step() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(10.0, "a"), (9.5, "ab")]);
        assert_eq!(h.undo_len(), 2);
    }

    #[test]
    fn break_group_ends_the_burst() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, Some(1), &[(0.0, "a")]);
        h.break_group();
        type_into(&mut h, &mut s, Some(1), &[(0.1, "ab")]);
        assert_eq!(h.undo_len(), 2);
    }

    #[test]
    fn the_oldest_steps_are_dropped_past_the_limit() {
        let mut h = History::with_limits(3, 1.0);
        let mut s = String::new();
        for (i, text) in ["a", "ab", "abc", "abcd", "abcde"].iter().enumerate() {
            type_into(&mut h, &mut s, None, &[(i as f64, text)]);
        }
        assert_eq!(h.undo_len(), 3);
        for _ in 0..3 {
            s = h.undo(&s).unwrap_or_default();
        }
        assert_eq!(s, "ab");
        assert_eq!(h.undo(&s), None);
    }

    #[test]
    fn clear_forgets_everything() {
        let mut h = History::new();
        let mut s = String::new();
        type_into(&mut h, &mut s, None, &[(0.0, "a")]);
        h.undo(&s);
        h.clear();
        assert!(!h.can_undo() && !h.can_redo());
    }
}
