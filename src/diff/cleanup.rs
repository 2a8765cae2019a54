//! Semantic cleanup, after diff-match-patch's `diff_cleanupSemantic`, so that changes read as
//! phrases instead of scattered characters.
//!
//! 1. **Fold small equalities.** Between two changes, an equality whose length (in characters)
//!    is ≤ the larger side (deleted or inserted length) of the change before it *and* ≤ the larger
//!    side of the change after it is folded into both: the three become one change whose deleted
//!    text is `del₁ + eq + del₂` and inserted text `ins₁ + eq + ins₂`. This is done with a stack
//!    in one left-to-right pass; after each fold the equality before the grown change is checked
//!    again, so cascades resolve without repeated passes.
//! 2. **Give back common ends.** Text that starts (or ends) both the deleted and the inserted side
//!    of a change moves into the equality before (or after) it.
//! 3. **Slide to boundaries.** A pure insertion or deletion between two equalities can often sit
//!    in several places with the same result (`的[-的-]说` = `[-的-]的说`). It is slid to the
//!    place whose two edges score best: a blank line 5, a line break 4, an end of sentence 3
//!    (ASCII punctuation before a space, or `。！？；…`), whitespace 2, other punctuation 1 — the
//!    edge of the text scores 6. Ties go right, as in diff-match-patch. Slides are bounded.
//!
//! Every step keeps both texts exact: `Equal` + `Delete` still spell the old text and `Equal` +
//! `Insert` the new. Diff-match-patch's overlap step (turning `[-abcxxx-]{+xxxdef+}` into three
//! spans) is left out on purpose: it would cut one edited phrase into two changes.

use super::fold::{Fold, is_space};
use super::text::normalize;
use super::{Op, Span};

/// How far (in characters) a pure edit may slide either way.
const MAX_SLIDE: usize = 64;

/// One run of non-equal spans.
#[derive(Default)]
struct Change {
    deleted: String,
    inserted: String,
    deleted_chars: usize,
    inserted_chars: usize,
}

impl Change {
    fn size(&self) -> usize {
        self.deleted_chars.max(self.inserted_chars)
    }

    fn add(&mut self, op: Op, text: &str, chars: usize) {
        if op == Op::Delete {
            self.deleted.push_str(text);
            self.deleted_chars += chars;
        } else {
            self.inserted.push_str(text);
            self.inserted_chars += chars;
        }
    }
}

/// An equality: its old text, its new text where written differently, its length in characters.
struct Equality {
    old: String,
    new: Option<String>,
    chars: usize,
}

enum Seg {
    Equal(Equality),
    Change(Change),
}

/// Runs the whole cleanup on normalized spans; returns normalized spans. `fold` is what the
/// comparison ignores (equal spans may be written differently on the two sides).
pub(crate) fn semantic(spans: Vec<Span>, fold: Fold) -> Vec<Span> {
    let segs = fold_equalities(spans);
    let spans = give_back_common_ends(segs);
    slide_edits(spans, fold)
}

/// Step 1.
fn fold_equalities(spans: Vec<Span>) -> Vec<Seg> {
    let mut stack: Vec<Seg> = Vec::with_capacity(spans.len());
    for span in spans {
        let chars = span.text.chars().count();
        match span.op {
            Op::Equal => match stack.last_mut() {
                Some(Seg::Equal(equality)) => {
                    if let Some(new) = &span.new_text {
                        equality
                            .new
                            .get_or_insert_with(|| equality.old.clone())
                            .push_str(new);
                    } else if let Some(new) = &mut equality.new {
                        new.push_str(&span.text);
                    }
                    equality.old.push_str(&span.text);
                    equality.chars += chars;
                }
                _ => stack.push(Seg::Equal(Equality {
                    old: span.text,
                    new: span.new_text,
                    chars,
                })),
            },
            op @ (Op::Delete | Op::Insert) => {
                match stack.last_mut() {
                    Some(Seg::Change(change)) => change.add(op, &span.text, chars),
                    _ => {
                        let mut change = Change::default();
                        change.add(op, &span.text, chars);
                        stack.push(Seg::Change(change));
                    }
                }
                collapse(&mut stack);
            }
        }
    }
    stack
}

/// Folds `change, equality, change` at the top of the stack while the rule allows.
fn collapse(stack: &mut Vec<Seg>) {
    loop {
        let n = stack.len();
        if n < 3 {
            return;
        }
        let foldable = match (&stack[n - 3], &stack[n - 2], &stack[n - 1]) {
            (Seg::Change(before), Seg::Equal(equal), Seg::Change(after)) => {
                equal.chars <= before.size() && equal.chars <= after.size()
            }
            _ => false,
        };
        if !foldable {
            return;
        }
        let (Some(Seg::Change(after)), Some(Seg::Equal(equal))) = (stack.pop(), stack.pop()) else {
            return;
        };
        if let Some(Seg::Change(before)) = stack.last_mut() {
            let len = equal.chars;
            before.add(Op::Delete, &equal.old, len);
            let new = equal.new.as_deref().unwrap_or(&equal.old);
            before.add(Op::Insert, new, new.chars().count());
            before.add(Op::Delete, &after.deleted, after.deleted_chars);
            before.add(Op::Insert, &after.inserted, after.inserted_chars);
        }
    }
}

/// Step 2.
fn give_back_common_ends(segs: Vec<Seg>) -> Vec<Span> {
    let mut pieces: Vec<(Op, String, Option<String>)> = Vec::with_capacity(segs.len() * 2);
    for seg in segs {
        match seg {
            Seg::Equal(equal) => pieces.push((Op::Equal, equal.old, equal.new)),
            Seg::Change(change) => {
                let (del, ins) = (change.deleted.as_str(), change.inserted.as_str());
                let prefix = common_prefix(del, ins);
                let suffix = common_suffix(&del[prefix..], &ins[prefix..]);
                pieces.push((Op::Equal, del[..prefix].to_string(), None));
                pieces.push((
                    Op::Delete,
                    del[prefix..del.len() - suffix].to_string(),
                    None,
                ));
                pieces.push((
                    Op::Insert,
                    ins[prefix..ins.len() - suffix].to_string(),
                    None,
                ));
                pieces.push((Op::Equal, del[del.len() - suffix..].to_string(), None));
            }
        }
    }
    normalize(pieces)
}

/// Bytes of the common prefix, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Bytes of the common suffix, on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut len = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        len += x.len_utf8();
    }
    len
}

/// Step 3.
fn slide_edits(mut spans: Vec<Span>, fold: Fold) -> Vec<Span> {
    let mut changed = false;
    let mut i = 1;
    while i + 1 < spans.len() {
        if spans[i].op != Op::Equal && spans[i - 1].op == Op::Equal && spans[i + 1].op == Op::Equal
        {
            let (left, right) = spans.split_at_mut(i);
            let (edit, right) = right.split_at_mut(1);
            if let (Some(e1), Some(x), Some(e2)) =
                (left.last_mut(), edit.first_mut(), right.first_mut())
            {
                changed |= slide(e1, &mut x.text, e2, fold);
            }
        }
        i += 1;
    }
    if changed {
        normalize(spans.into_iter().map(|s| (s.op, s.text, s.new_text)))
    } else {
        spans
    }
}

/// How many characters at the end of `e`'s old text an edit may slide over: all (up to `limit`)
/// when both sides write it alike; else the common end of the two sides, starting at a character
/// that is not a space (so what stays behind is still equal on both sides).
fn common_tail_chars(e: &Span, limit: usize, fold: Fold) -> usize {
    let Some(new) = &e.new_text else {
        return limit;
    };
    let old = e.text.as_str();
    let same = common_suffix(old, new);
    let mut tail = &old[old.len() - same..];
    // The rest must stay equal under `fold`: never start inside a run of spaces.
    while let Some(c) = tail.chars().next()
        && (fold.space && is_space(c))
    {
        tail = &tail[c.len_utf8()..];
    }
    tail.chars().count().min(limit)
}

/// [`common_tail_chars`] for the start of `e`.
fn common_head_chars(e: &Span, limit: usize, fold: Fold) -> usize {
    let Some(new) = &e.new_text else {
        return limit;
    };
    let old = e.text.as_str();
    let same = common_prefix(old, new);
    let mut head = &old[..same];
    while let Some(c) = head.chars().next_back()
        && (fold.space && is_space(c))
    {
        head = &head[..head.len() - c.len_utf8()];
    }
    head.chars().count().min(limit)
}

/// Byte index `n` characters before the end of `s` (0 if shorter).
fn back_chars(s: &str, n: usize) -> usize {
    s.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte index `n` characters from the start of `s` (its length if shorter).
fn forward_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Slides the edit `x` between the equalities `e1` and `e2` to its best place; true if it moved.
/// Where an equality is written differently on the two sides, only the stretch next to the edit
/// that both sides write alike is slid over.
fn slide(span1: &mut Span, x: &mut String, span2: &mut Span, fold: Fold) -> bool {
    // Work on a window: the end of e1, the edit, the start of e2.
    let margin = MAX_SLIDE + 3;
    let tail_chars = common_tail_chars(span1, margin, fold);
    let head_chars = common_head_chars(span2, margin, fold);
    let e1 = &mut span1.text;
    let e2 = &mut span2.text;
    let tail_start = if tail_chars == 0 {
        e1.len()
    } else {
        back_chars(e1, tail_chars)
    };
    let head_end = forward_chars(e2, head_chars);
    let at_start = tail_start == 0 && span1.new_text.is_none();
    let at_end = head_end == e2.len() && span2.new_text.is_none();
    let mut s = String::with_capacity(e1.len() - tail_start + x.len() + head_end);
    s.push_str(&e1[tail_start..]);
    s.push_str(x);
    s.push_str(&e2[..head_end]);
    let (a0, b0) = (e1.len() - tail_start, e1.len() - tail_start + x.len());
    let (mut a, mut b) = (a0, b0);

    // As far left as the text allows.
    for _ in 0..MAX_SLIDE {
        match (s[..a].chars().next_back(), s[..b].chars().next_back()) {
            (Some(c1), Some(c2)) if c1 == c2 => {
                a -= c1.len_utf8();
                b -= c1.len_utf8();
            }
            _ => break,
        }
    }
    // Then step right, keeping the best-scoring place (ties go right).
    let score = |p: usize| boundary_score(&s, p, at_start, at_end);
    let mut best = (a, b);
    let mut best_score = score(a) + score(b);
    for _ in 0..2 * MAX_SLIDE {
        match (s[a..].chars().next(), s[b..].chars().next()) {
            (Some(c1), Some(c2)) if c1 == c2 => {
                a += c1.len_utf8();
                b += c1.len_utf8();
                let here = score(a) + score(b);
                if here >= best_score {
                    best = (a, b);
                    best_score = here;
                }
            }
            _ => break,
        }
    }
    if best == (a0, b0) {
        return false;
    }
    let (a, b) = best;
    let tail_len = e1.len() - tail_start;
    e1.truncate(tail_start);
    e1.push_str(&s[..a]);
    if let Some(new) = &mut span1.new_text {
        new.truncate(new.len() - tail_len);
        new.push_str(&s[..a]);
    }
    *x = s[a..b].to_string();
    e2.replace_range(..head_end, &s[b..]);
    if let Some(new) = &mut span2.new_text {
        new.replace_range(..head_end, &s[b..]);
    }
    true
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…')
}

/// How good a place `p` (a byte index into `s`) is for an edit edge.
fn boundary_score(s: &str, p: usize, at_start: bool, at_end: bool) -> u32 {
    if (p == 0 && at_start) || (p == s.len() && at_end) {
        return 6;
    }
    let (before, after) = s.split_at(p);
    let (Some(c1), Some(c2)) = (before.chars().next_back(), after.chars().next()) else {
        return 0;
    };
    let punct1 = !c1.is_alphanumeric();
    let punct2 = !c2.is_alphanumeric();
    let space1 = punct1 && c1.is_whitespace();
    let space2 = punct2 && c2.is_whitespace();
    let break1 = space1 && matches!(c1, '\n' | '\r');
    let break2 = space2 && matches!(c2, '\n' | '\r');
    let blank1 = break1 && (before.ends_with("\n\n") || before.ends_with("\n\r\n"));
    let blank2 = break2 && (after.starts_with("\n\n") || after.starts_with("\r\n\r\n"));
    if blank1 || blank2 {
        5
    } else if break1 || break2 {
        4
    } else if (punct1 && !space1 && space2) || ends_sentence(c1) {
        3
    } else if space1 || space2 {
        2
    } else if punct1 || punct2 {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[(Op, &str)]) -> Vec<Span> {
        list.iter().map(|(op, t)| Span::new(*op, *t)).collect()
    }

    #[test]
    fn small_equalities_fold_into_one_change() {
        // 原来的说法 → 新的讲法, as a character diff gives it.
        let raw = spans(&[
            (Op::Delete, "原来"),
            (Op::Insert, "新"),
            (Op::Equal, "的"),
            (Op::Delete, "说"),
            (Op::Insert, "讲"),
            (Op::Equal, "法"),
        ]);
        assert_eq!(
            semantic(raw, Fold::NONE),
            spans(&[
                (Op::Delete, "原来的说"),
                (Op::Insert, "新的讲"),
                (Op::Equal, "法")
            ])
        );
    }

    #[test]
    fn cascades_fold_left() {
        // The second fold makes the first equality foldable too.
        let raw = spans(&[
            (Op::Equal, "开头"),
            (Op::Delete, "甲乙"),
            (Op::Equal, "丙丁"),
            (Op::Delete, "戊"),
            (Op::Equal, "己"),
            (Op::Delete, "庚"),
            (Op::Equal, "结尾很长的一段"),
        ]);
        assert_eq!(
            semantic(raw, Fold::NONE),
            spans(&[
                (Op::Equal, "开头"),
                (Op::Delete, "甲乙丙丁戊己庚"),
                (Op::Insert, "丙丁己"),
                (Op::Equal, "结尾很长的一段"),
            ])
        );
    }

    #[test]
    fn long_equalities_stay() {
        let raw = spans(&[
            (Op::Delete, "甲"),
            (Op::Equal, "很长的相同文字"),
            (Op::Insert, "乙"),
        ]);
        assert_eq!(semantic(raw.clone(), Fold::NONE), raw);
    }

    #[test]
    fn common_ends_go_back_to_equalities() {
        let raw = spans(&[
            (Op::Equal, "x"),
            (Op::Delete, "要学习"),
            (Op::Insert, "要落实"),
            (Op::Equal, "。"),
        ]);
        assert_eq!(
            semantic(raw, Fold::NONE),
            spans(&[
                (Op::Equal, "x要"),
                (Op::Delete, "学习"),
                (Op::Insert, "落实"),
                (Op::Equal, "。"),
            ])
        );
    }

    #[test]
    fn insertions_slide_to_word_boundaries() {
        // "The c{+at c+}ame." reads better as "The {+cat +}came."
        let raw = spans(&[
            (Op::Equal, "The c"),
            (Op::Insert, "at c"),
            (Op::Equal, "ame."),
        ]);
        assert_eq!(
            semantic(raw, Fold::NONE),
            spans(&[
                (Op::Equal, "The "),
                (Op::Insert, "cat "),
                (Op::Equal, "came."),
            ])
        );
    }

    #[test]
    fn removed_paragraph_slides_to_line_breaks() {
        let raw = spans(&[
            (Op::Equal, "第一段。\n第"),
            (Op::Delete, "二段。\n第"),
            (Op::Equal, "三段。"),
        ]);
        assert_eq!(
            semantic(raw, Fold::NONE),
            spans(&[
                (Op::Equal, "第一段。\n"),
                (Op::Delete, "第二段。\n"),
                (Op::Equal, "第三段。"),
            ])
        );
    }

    #[test]
    fn boundary_scores() {
        assert_eq!(boundary_score("ab", 0, true, true), 6);
        assert_eq!(boundary_score("a\n\nb", 3, false, false), 5);
        assert_eq!(boundary_score("a\nb", 1, false, false), 4);
        assert_eq!(boundary_score("好。下", 2 * 3, false, false), 3);
        assert_eq!(boundary_score("a b", 1, false, false), 2);
        assert_eq!(boundary_score("甲，乙", 3, false, false), 1);
        assert_eq!(boundary_score("甲乙", 3, false, false), 0);
    }
}
