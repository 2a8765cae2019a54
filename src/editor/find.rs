//! Find and replace across every field of the speech.

use std::ops::Range;

use crate::model::Speech;
use crate::part::Field;

use super::Editor;
use super::action::Effect;
use super::doc::Edit;

/// One occurrence of the search text: a field and a byte range in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The field.
    pub field: Field,
    /// Where, in bytes of the field's text.
    pub range: Range<usize>,
}

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// What to look for (exact, case-sensitive).
    pub query: String,
    /// What to put instead.
    pub replacement: String,
    /// The match the writer is at, as an index into [`FindState::matches`].
    pub current: Option<usize>,
    /// How many matches the last "replace all" replaced (cleared by the next find or edit).
    pub replaced: Option<usize>,
    matches: Vec<Match>,
    /// What `matches` were found for: (revision, query).
    found_for: Option<(u64, String)>,
}

impl FindState {
    /// Every match of the query in the document, in reading order.
    pub fn matches(&self) -> &[Match] {
        if self.open { &self.matches } else { &[] }
    }

    /// The ranges to highlight in a field's text: every match, and whether it is the current one.
    pub fn highlights(&self, field: Field) -> Vec<(Range<usize>, bool)> {
        self.matches()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.field == field)
            .map(|(i, m)| (m.range.clone(), self.current == Some(i)))
            .collect()
    }

    /// Finds the matches again if the document or the query changed.
    pub(super) fn refresh(&mut self, speech: &Speech, rev: u64) {
        if !self.open {
            return;
        }
        if self
            .found_for
            .as_ref()
            .is_some_and(|(r, q)| *r == rev && *q == self.query)
        {
            return;
        }
        self.matches.clear();
        if !self.query.is_empty() {
            for field in speech.field_ids() {
                let Some(text) = speech.field_text(field) else {
                    continue;
                };
                self.matches.extend(
                    find_in(&text, &self.query)
                        .into_iter()
                        .map(|range| Match { field, range }),
                );
            }
        }
        self.found_for = Some((rev, self.query.clone()));
        if self.current.is_some_and(|i| i >= self.matches.len()) {
            self.current = None;
        }
    }
}

/// Every occurrence of `query` in `text`, as byte ranges, left to right, not overlapping.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    text.match_indices(query)
        .map(|(start, m)| start..start + m.len())
        .collect()
}

impl Editor {
    pub(super) fn set_find_query(&mut self, query: String) {
        if self.find.query != query {
            self.find.query = query;
            self.find.current = None;
            self.find.replaced = None;
        }
    }

    fn fresh_matches(&mut self) -> Vec<Match> {
        self.find.refresh(&self.doc.speech, self.rev);
        self.find.matches().to_vec()
    }

    /// Moves to the next (or previous) match, and reveals and selects it.
    pub(super) fn find_step(&mut self, forward: bool) {
        let found = self.fresh_matches();
        if found.is_empty() {
            self.find.current = None;
            return;
        }
        let count = found.len();
        let next = match self.find.current.filter(|i| *i < count) {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => 0,
            None => count - 1,
        };
        self.go_to_match(next, &found);
    }

    fn go_to_match(&mut self, index: usize, found: &[Match]) {
        let Some(m) = found.get(index) else {
            self.find.current = None;
            return;
        };
        self.find.current = Some(index);
        self.find.replaced = None;
        self.effects.push(Effect::Reveal(m.field.part()));
        self.effects.push(Effect::Select {
            field: m.field,
            range: m.range.clone(),
        });
    }

    /// Replaces the current match (one undo step) and moves to the next one.
    pub(super) fn replace_one(&mut self) {
        let found = self.fresh_matches();
        let Some(m) = self.find.current.and_then(|i| found.get(i)).cloned() else {
            self.find.current = None;
            return;
        };
        let replacement = self.find.replacement.clone();
        self.change(Edit::Replace {
            field: m.field,
            range: m.range.clone(),
            expected: self.find.query.clone(),
            replacement: replacement.clone(),
        });
        let found = self.fresh_matches();
        // The match after the replaced one now starts where the replacement ends.
        let next = found
            .iter()
            .position(|n| (n.field, n.range.start) >= (m.field, m.range.start + replacement.len()))
            .or(if found.is_empty() { None } else { Some(0) });
        match next {
            Some(i) => self.go_to_match(i, &found),
            None => self.find.current = None,
        }
    }

    /// Replaces every match in every field, as one undo step.
    pub(super) fn replace_all(&mut self) {
        let count = self.fresh_matches().len();
        if count == 0 {
            return;
        }
        self.change(Edit::ReplaceAll {
            query: self.find.query.clone(),
            replacement: self.find.replacement.clone(),
        });
        self.find.current = None;
        self.find.replaced = Some(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_overlapping_matches() {
        assert_eq!(find_in("aaaa", "aa"), [0..2, 2..4]);
        assert_eq!(find_in("同志们，同志们", "同志"), [0..6, 12..18]);
        assert!(find_in("abc", "").is_empty());
    }
}
