//! The two texts of a part, its changes, and accepting or rejecting them one by one.

use std::ops::Range;

use super::{Op, PartDiff};

/// One change in a part: a maximal run of non-equal spans (at most one `Delete` then one
/// `Insert`). Changes are numbered from 0 in text order; the numbers are stable for a given
/// [`PartDiff`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its number.
    pub index: usize,
    /// Which of the part's spans it covers.
    pub spans: Range<usize>,
    /// Where its deleted text is in [`PartDiff::old_text`] (bytes; empty for a pure insertion).
    pub old_range: Range<usize>,
    /// Where its inserted text is in [`PartDiff::new_text`] (bytes; empty for a pure deletion).
    pub new_range: Range<usize>,
}

impl PartDiff {
    /// The old text: the `Equal` and `Delete` spans (empty for an added section).
    pub fn old_text(&self) -> String {
        self.side(|op| op != Op::Insert)
    }

    /// The new text: the `Equal` and `Insert` spans (empty for a removed section).
    pub fn new_text(&self) -> String {
        self.side(|op| op != Op::Delete)
    }

    fn side(&self, keep: impl Fn(Op) -> bool) -> String {
        self.spans
            .iter()
            .filter(|s| keep(s.op))
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The changes, in text order.
    pub fn changes(&self) -> Vec<Change> {
        let mut out: Vec<Change> = Vec::new();
        let (mut old_at, mut new_at) = (0, 0);
        let mut in_change = false;
        for (i, span) in self.spans.iter().enumerate() {
            let len = span.text.len();
            match span.op {
                Op::Equal => {
                    in_change = false;
                    old_at += len;
                    new_at += len;
                    continue;
                }
                Op::Delete | Op::Insert => {}
            }
            if !in_change {
                out.push(Change {
                    index: out.len(),
                    spans: i..i,
                    old_range: old_at..old_at,
                    new_range: new_at..new_at,
                });
                in_change = true;
            }
            if let Some(change) = out.last_mut() {
                change.spans.end = i + 1;
                if span.op == Op::Delete {
                    old_at += len;
                    change.old_range.end = old_at;
                } else {
                    new_at += len;
                    change.new_range.end = new_at;
                }
            }
        }
        out
    }

    /// The new text with the changes in `rejected` undone (their old text put back); unknown
    /// numbers are ignored.
    pub fn text_with_changes_reverted(&self, rejected: &[usize]) -> String {
        self.rebuild(|change| rejected.contains(&change))
    }

    /// The new text with change `index` undone, or `None` if there is no such change.
    pub fn text_with_change_reverted(&self, index: usize) -> Option<String> {
        (index < self.change_count()).then(|| self.rebuild(|change| change == index))
    }

    /// The old text with only change `index` made, or `None` if there is no such change.
    pub fn text_with_change_applied(&self, index: usize) -> Option<String> {
        (index < self.change_count()).then(|| self.rebuild(|change| change != index))
    }

    /// How many changes the part has.
    pub fn change_count(&self) -> usize {
        let mut count = 0;
        let mut in_change = false;
        for span in &self.spans {
            let changed = span.op != Op::Equal;
            if changed && !in_change {
                count += 1;
            }
            in_change = changed;
        }
        count
    }

    /// Rebuilds a text taking the old side of the changes for which `old_side` is true.
    fn rebuild(&self, old_side: impl Fn(usize) -> bool) -> String {
        let mut out = String::new();
        let mut index = 0;
        let mut in_change = false;
        for span in &self.spans {
            match span.op {
                Op::Equal => {
                    if in_change {
                        index += 1;
                    }
                    in_change = false;
                    out.push_str(&span.text);
                }
                op => {
                    in_change = true;
                    if (op == Op::Delete) == old_side(index) {
                        out.push_str(&span.text);
                    }
                }
            }
        }
        out
    }
}
