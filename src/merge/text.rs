//! Three-way merge of one text: both sides' changes against the base, as word-level edits;
//! edits of the two sides that touch one place are a conflict unless they give the same text.

use std::time::{Duration, Instant};

use crate::diff::{Granularity, Op, TextFold, text_diff};

/// Time allowed for each side's diff of one part (past it the diff is coarse but exact).
const DEADLINE: Duration = Duration::from_secs(2);

/// A place where both sides changed the base differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TextConflict {
    /// Byte offset in the merged text where the kept (ours) alternative starts.
    pub start: usize,
    /// Byte offset in the merged text where it ends.
    pub end: usize,
    /// The base's text at this place.
    pub base: String,
    /// Our text at this place (the one kept in the merged text).
    pub ours: String,
    /// Their text at this place.
    pub theirs: String,
}

/// A merged text: ours where the sides conflict, with the conflicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MergedText {
    /// The merged text.
    pub text: String,
    /// Where both sides changed the same place differently, in order.
    pub conflicts: Vec<TextConflict>,
}

impl MergedText {
    fn clean(text: &str) -> Self {
        Self {
            text: text.to_string(),
            conflicts: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Ours,
    Theirs,
}

/// One side's replacement of `base[start..end]` by `text`.
#[derive(Clone, Debug)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
    side: Side,
}

/// The edits that turn `base` into `other`.
fn edits(base: &str, other: &str, side: Side) -> Vec<Edit> {
    let deadline = Instant::now().checked_add(DEADLINE);
    let spans = text_diff(
        base,
        other,
        Granularity::Word,
        false,
        TextFold::NONE,
        deadline,
    );
    let mut out: Vec<Edit> = Vec::new();
    let mut pos = 0;
    let mut open: Option<Edit> = None;
    for span in spans {
        match span.op {
            Op::Equal => {
                if let Some(edit) = open.take() {
                    out.push(edit);
                }
                pos += span.text.len();
            }
            Op::Delete => {
                let edit = open.get_or_insert_with(|| Edit {
                    start: pos,
                    end: pos,
                    text: String::new(),
                    side,
                });
                pos += span.text.len();
                edit.end = pos;
            }
            Op::Insert => {
                let edit = open.get_or_insert_with(|| Edit {
                    start: pos,
                    end: pos,
                    text: String::new(),
                    side,
                });
                edit.text.push_str(&span.text);
            }
        }
    }
    out.extend(open);
    out
}

/// `base[lo..hi]` with `edits` (all inside it, in order, not overlapping) applied.
fn apply(base: &str, lo: usize, hi: usize, edits: &[&Edit]) -> String {
    let mut out = String::new();
    let mut pos = lo;
    for edit in edits {
        out.push_str(base.get(pos..edit.start).unwrap_or_default());
        out.push_str(&edit.text);
        pos = edit.end;
    }
    out.push_str(base.get(pos..hi).unwrap_or_default());
    out
}

/// Merges `ours` and `theirs`, both edited from `base`.
///
/// Each side's changes are found by a word diff against the base. Changes of one side only are
/// taken; changes of both sides that overlap (or insert at the same place, or insert where the
/// other replaces) are one group: if both sides give that group the same text it is taken,
/// otherwise it is a conflict and the merged text holds ours there.
pub(crate) fn merge_text(base: &str, ours: &str, theirs: &str) -> MergedText {
    if ours == theirs || theirs == base {
        return MergedText::clean(ours);
    }
    if ours == base {
        return MergedText::clean(theirs);
    }
    let mut all = edits(base, ours, Side::Ours);
    all.extend(edits(base, theirs, Side::Theirs));
    all.sort_by_key(|e| (e.start, e.end, e.side));

    let mut text = String::with_capacity(ours.len().max(theirs.len()));
    let mut conflicts = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while let Some(first) = all.get(i) {
        let lo = first.start;
        let mut hi = first.end;
        let mut has_insert_at_hi = first.start == first.end;
        let mut j = i + 1;
        while let Some(next) = all.get(j) {
            let empty = next.start == next.end;
            let joins = next.start < hi || (next.start == hi && (empty || has_insert_at_hi));
            if !joins {
                break;
            }
            if next.end > hi {
                hi = next.end;
                has_insert_at_hi = empty;
            } else if empty && next.start == hi {
                has_insert_at_hi = true;
            }
            j += 1;
        }
        let group = all.get(i..j).unwrap_or_default();
        let ours_edits: Vec<&Edit> = group.iter().filter(|e| e.side == Side::Ours).collect();
        let theirs_edits: Vec<&Edit> = group.iter().filter(|e| e.side == Side::Theirs).collect();
        text.push_str(base.get(pos..lo).unwrap_or_default());
        let ours_version = apply(base, lo, hi, &ours_edits);
        let theirs_version = apply(base, lo, hi, &theirs_edits);
        if theirs_edits.is_empty() || ours_version == theirs_version {
            text.push_str(&ours_version);
        } else if ours_edits.is_empty() {
            text.push_str(&theirs_version);
        } else {
            let start = text.len();
            text.push_str(&ours_version);
            conflicts.push(TextConflict {
                start,
                end: text.len(),
                base: base.get(lo..hi).unwrap_or_default().to_string(),
                ours: ours_version,
                theirs: theirs_version,
            });
        }
        pos = hi;
        i = j;
    }
    text.push_str(base.get(pos..).unwrap_or_default());
    MergedText { text, conflicts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_in_different_places_of_one_paragraph_both_apply() {
        let base = "我们要坚持学习，加强调研，狠抓落实。";
        let ours = "我们要始终坚持学习，加强调研，狠抓落实。";
        let theirs = "我们要坚持学习，加强调研，切实狠抓落实。";
        let merged = merge_text(base, ours, theirs);
        assert_eq!(merged.text, "我们要始终坚持学习，加强调研，切实狠抓落实。");
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_phrase_changed_differently_is_a_conflict() {
        let base = "今年要完成三项任务。";
        let ours = "今年要完成五项任务。";
        let theirs = "今年要完成四项任务。";
        let merged = merge_text(base, ours, theirs);
        assert_eq!(merged.text, ours);
        assert_eq!(merged.conflicts.len(), 1);
        let c = &merged.conflicts[0];
        assert_eq!(&merged.text[c.start..c.end], c.ours);
        assert!(c.ours.contains('五') && c.theirs.contains('四'));
        assert!(c.base.contains('三'));
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let merged = merge_text("one two three.", "one 2 three.", "one 2 three, four.");
        assert_eq!(merged.text, "one 2 three, four.");
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn insertions_at_one_place_conflict() {
        let merged = merge_text("Hello world.", "Hello big world.", "Hello small world.");
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.text, "Hello big world.");
    }
}
