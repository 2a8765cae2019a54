//! The two texts of a part, its changes, and accepting or rejecting them one by one.

use std::ops::Range;

use super::{Op, PartDiff, Span};

/// Each span with its change number, `None` for equal text: a maximal run of non-equal spans
/// with the same move mark ([`Span::moved`]) is one change, numbered from 0 in text order — so a
/// moved paragraph is a change of its own. Every numbering of changes — [`PartDiff::changes`],
/// taking changes back, the rows the window and the command line show — is this one.
pub fn numbered_spans(spans: &[Span]) -> impl Iterator<Item = (&Span, Option<usize>)> {
    let mut next = 0;
    let mut in_change: Option<Option<usize>> = None;
    spans.iter().map(move |span| {
        if span.op == Op::Equal {
            in_change = None;
            (span, None)
        } else {
            let mark = span.moved.map(|m| m.id);
            if in_change != Some(mark) {
                in_change = Some(mark);
                next += 1;
            }
            (span, Some(next - 1))
        }
    })
}

/// One change in a part: a maximal run of non-equal spans with the same move mark (at most one
/// `Delete` then one `Insert`; a move is a single `Delete` or `Insert`). Changes are numbered from 0 in text order; the numbers are stable for a given
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
        self.spans.iter().map(Span::old_side).collect()
    }

    /// The new text: the `Equal` spans as the new side writes them and the `Insert` spans (empty
    /// for a removed section).
    pub fn new_text(&self) -> String {
        self.spans.iter().map(Span::new_side).collect()
    }

    /// The move a change is, if it is one (see [`Span::moved`]).
    pub fn change_move(&self, index: usize) -> Option<super::Moved> {
        numbered_spans(&self.spans)
            .find(|(_, number)| *number == Some(index))
            .and_then(|(span, _)| span.moved)
    }

    /// The changes, in text order.
    pub fn changes(&self) -> Vec<Change> {
        let mut out: Vec<Change> = Vec::new();
        let (mut old_at, mut new_at) = (0, 0);
        for (i, (span, number)) in numbered_spans(&self.spans).enumerate() {
            let len = span.text.len();
            let Some(number) = number else {
                old_at += len;
                new_at += span.new_side().len();
                continue;
            };
            if out.len() == number {
                out.push(Change {
                    index: number,
                    spans: i..i,
                    old_range: old_at..old_at,
                    new_range: new_at..new_at,
                });
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
        self.rebuild(true, |change| rejected.contains(&change))
    }

    /// The new text with change `index` undone, or `None` if there is no such change.
    pub fn text_with_change_reverted(&self, index: usize) -> Option<String> {
        (index < self.change_count()).then(|| self.rebuild(true, |change| change == index))
    }

    /// The old text with only change `index` made, or `None` if there is no such change.
    pub fn text_with_change_applied(&self, index: usize) -> Option<String> {
        (index < self.change_count()).then(|| self.rebuild(false, |change| change != index))
    }

    /// How many changes the part has.
    pub fn change_count(&self) -> usize {
        numbered_spans(&self.spans)
            .filter_map(|(_, number)| number)
            .last()
            .map_or(0, |last| last + 1)
    }

    /// Rebuilds a text taking the old side of the changes for which `old_side` is true, and the
    /// equal text as the new side (`equal_new`) or the old side writes it.
    fn rebuild(&self, equal_new: bool, old_side: impl Fn(usize) -> bool) -> String {
        let mut out = String::new();
        for (span, number) in numbered_spans(&self.spans) {
            match number {
                None if equal_new => out.push_str(span.new_side()),
                None => out.push_str(&span.text),
                Some(change) => {
                    if (span.op == Op::Delete) == old_side(change) {
                        out.push_str(&span.text);
                    }
                }
            }
        }
        out
    }
}
