//! Paragraphs that moved from one part to another: found among the whole lines that a part's
//! text diff deleted and another part's inserted, and marked on their spans (see
//! [`super::Moved`]).
//!
//! 1. **Candidates.** A line is a candidate when all of it lies in one `Delete` (or `Insert`)
//!    span together with a line break next to it, it is not a section's heading, and it has at
//!    least [`MIN_CHARS`] characters that are not spaces. Only these lines are looked at, so the
//!    work grows with the text that changed, not with the speech.
//! 2. **Pairs.** A deleted and an inserted line of *different* parts pair up when they are the
//!    same (after the folding the comparison ignores, and trimmed), each at most once, in text
//!    order; then, among the lines left of at least [`NEAR_MIN_CHARS`] characters, when their
//!    character-bigram Dice coefficient is at least [`NEAR_DICE`] (best pairs first).
//! 3. **Moves.** Pairs that follow one another on both sides (the next line of the same span,
//!    going to the next line of the same span) are one move. A move's text is its lines and the
//!    line breaks between them, plus the deleted (inserted) line break after it, else the one
//!    before it — so taking a move back leaves no empty line.
//! 4. **Marks.** The spans are cut so each move is a span of its own carrying [`super::Moved`]
//!    (the same number at both ends); its characters count as moved, not inserted or deleted.

use std::collections::HashMap;

use super::fold::Fold;
use super::{Moved, Op, PartDiff, Span};
use crate::model::PartKind;

/// The fewest characters (not counting spaces) a line needs to be taken as moved.
const MIN_CHARS: usize = 6;

/// The fewest characters for a line to be matched by similarity rather than sameness.
const NEAR_MIN_CHARS: usize = 12;

/// The least character-bigram Dice coefficient for two lines to be one line, edited, moved.
const NEAR_DICE: f64 = 0.8;

/// Above this many (deleted × inserted) candidate lines left after the exact pairs, similar
/// lines are not looked for (a rewrite, not a move).
const NEAR_BUDGET: usize = 4_000_000;

/// A whole line of a span.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// Its part.
    part: usize,
    /// Its span.
    span: usize,
    /// Where it is in the span's text (bytes, without line breaks).
    start: usize,
    end: usize,
    /// Its line number on its side of the part.
    line: usize,
    /// Whether the span holds the line break before / after it.
    break_before: bool,
    break_after: bool,
}

/// Finds moved paragraphs among `parts`, marks them and fixes the parts' counts. Returns how
/// many moves there are.
pub(crate) fn detect(parts: &mut [PartDiff], fold: Fold) -> usize {
    let deleted = candidates(parts, Op::Delete);
    let inserted = candidates(parts, Op::Insert);
    if deleted.is_empty() || inserted.is_empty() {
        return 0;
    }
    let text = |parts: &[PartDiff], l: &Line| -> String {
        parts
            .get(l.part)
            .and_then(|p| p.spans.get(l.span))
            .and_then(|s| s.text.get(l.start..l.end))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let deleted_texts: Vec<String> = deleted.iter().map(|l| text(parts, l)).collect();
    let inserted_texts: Vec<String> = inserted.iter().map(|l| text(parts, l)).collect();
    let mut pairs = exact_pairs(&deleted, &inserted, &deleted_texts, &inserted_texts, fold);
    near_pairs(
        &deleted,
        &inserted,
        &deleted_texts,
        &inserted_texts,
        fold,
        &mut pairs,
    );
    if pairs.is_empty() {
        return 0;
    }
    let groups = group(&deleted, &inserted, pairs);
    mark(parts, &deleted, &inserted, &groups);
    groups.len()
}

/// The candidate lines of `op` spans, in part and text order.
fn candidates(parts: &[PartDiff], op: Op) -> Vec<Line> {
    let mut out = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        if matches!(part.kind, PartKind::Title | PartKind::Greeting)
            || !part.spans.iter().any(|s| s.op == op)
        {
            continue;
        }
        let side = |s: &Span| -> usize {
            if op == Op::Delete {
                s.old_side().len()
            } else {
                s.new_side().len()
            }
        };
        // Whether the side's text after span i starts a line (a line break or the end).
        let mut line_ends_after = vec![true; part.spans.len()];
        let mut next_is_break = true;
        for (i, span) in part.spans.iter().enumerate().rev() {
            line_ends_after[i] = next_is_break;
            let text = if op == Op::Delete {
                span.old_side()
            } else {
                span.new_side()
            };
            if let Some(c) = text.chars().next() {
                next_is_break = c == '\n';
            }
        }
        let mut line = 0;
        let mut at_line_start = true;
        for (i, span) in part.spans.iter().enumerate() {
            let text = if op == Op::Delete {
                span.old_side()
            } else {
                span.new_side()
            };
            if span.op == op && span.moved.is_none() {
                let count = line_breaks(text);
                let mut start = 0;
                for (k, piece) in text.split('\n').enumerate() {
                    let end = start + piece.len();
                    let whole = (k > 0 || at_line_start)
                        && (k < count || line_ends_after.get(i).copied().unwrap_or(true));
                    let heading = part.kind == PartKind::Section && line + k == 0;
                    let long = piece.chars().filter(|c| !c.is_whitespace()).count() >= MIN_CHARS;
                    if whole && (k > 0 || k < count) && !heading && long {
                        out.push(Line {
                            part: p,
                            span: i,
                            start,
                            end,
                            line: line + k,
                            break_before: k > 0,
                            break_after: k < count,
                        });
                    }
                    start = end + 1;
                }
            }
            if side(span) > 0 {
                line += line_breaks(text);
                at_line_start = text.ends_with('\n');
            }
        }
    }
    out
}

/// The number of `\n` in `text` (SIMD search: the equal stretches counted here are most of the
/// text).
fn line_breaks(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// Deleted and inserted lines that are the same, from different parts, in text order.
fn exact_pairs(
    deleted: &[Line],
    inserted: &[Line],
    deleted_texts: &[String],
    inserted_texts: &[String],
    fold: Fold,
) -> Vec<(usize, usize)> {
    let mut by_text: HashMap<String, Vec<usize>> = HashMap::with_capacity(deleted.len());
    for (d, text) in deleted_texts.iter().enumerate().rev() {
        by_text
            .entry(fold.key_of(text).into_owned())
            .or_default()
            .push(d);
    }
    let mut pairs = Vec::new();
    for (n, text) in inserted_texts.iter().enumerate() {
        let Some(list) = by_text.get_mut(fold.key_of(text).as_ref()) else {
            continue;
        };
        let part = inserted.get(n).map(|l| l.part);
        // The list is in reverse text order: the last one from another part is the first.
        if let Some(k) = list
            .iter()
            .rposition(|&d| deleted.get(d).map(|l| l.part) != part)
        {
            pairs.push((list.remove(k), n));
        }
    }
    pairs
}

/// The distinct character bigrams of a folded text, spaces left out.
fn bigrams(text: &str, fold: Fold) -> Vec<u64> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| fold.char(c))
        .collect();
    let mut out: Vec<u64> = chars
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds pairs of similar lines (from different parts) among those not paired yet.
fn near_pairs(
    deleted: &[Line],
    inserted: &[Line],
    deleted_texts: &[String],
    inserted_texts: &[String],
    fold: Fold,
    pairs: &mut Vec<(usize, usize)>,
) {
    let long = |t: &String| t.chars().count() >= NEAR_MIN_CHARS;
    let mut deleted_taken = vec![false; deleted.len()];
    let mut inserted_taken = vec![false; inserted.len()];
    for &(d, n) in pairs.iter() {
        deleted_taken[d] = true;
        inserted_taken[n] = true;
    }
    let deleted_left: Vec<usize> = (0..deleted.len())
        .filter(|&d| !deleted_taken[d] && long(&deleted_texts[d]))
        .collect();
    let inserted_left: Vec<usize> = (0..inserted.len())
        .filter(|&n| !inserted_taken[n] && long(&inserted_texts[n]))
        .collect();
    if deleted_left.is_empty()
        || inserted_left.is_empty()
        || deleted_left.len().saturating_mul(inserted_left.len()) > NEAR_BUDGET
    {
        return;
    }
    let deleted_grams: Vec<Vec<u64>> = deleted_left
        .iter()
        .map(|&d| bigrams(&deleted_texts[d], fold))
        .collect();
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (k, grams) in deleted_grams.iter().enumerate() {
        for g in grams {
            postings.entry(*g).or_default().push(k as u32);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut shared = vec![0u32; deleted_left.len()];
    for &n in &inserted_left {
        let grams = bigrams(&inserted_texts[n], fold);
        shared.iter_mut().for_each(|c| *c = 0);
        for g in &grams {
            for &k in postings.get(g).map_or(&[][..], Vec::as_slice) {
                shared[k as usize] += 1;
            }
        }
        for (k, &common) in shared.iter().enumerate() {
            let d = deleted_left[k];
            let total = deleted_grams[k].len() + grams.len();
            if common == 0 || total == 0 || deleted[d].part == inserted[n].part {
                continue;
            }
            let dice = 2.0 * f64::from(common) / total as f64;
            if dice >= NEAR_DICE {
                candidates.push((dice, d, n));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    for (_, d, n) in candidates {
        if !deleted_taken[d] && !inserted_taken[n] {
            deleted_taken[d] = true;
            inserted_taken[n] = true;
            pairs.push((d, n));
        }
    }
}

/// Pairs that follow one another on both sides, as moves (each a list of pairs in text order).
fn group(
    deleted: &[Line],
    inserted: &[Line],
    mut pairs: Vec<(usize, usize)>,
) -> Vec<Vec<(usize, usize)>> {
    pairs.sort_by_key(|&(d, _)| d);
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    for (d, n) in pairs {
        let follows = groups
            .last()
            .and_then(|g| g.last())
            .is_some_and(|&(pd, pn)| {
                let (a, b) = (&deleted[pd], &deleted[d]);
                let (x, y) = (&inserted[pn], &inserted[n]);
                a.part == b.part
                    && a.span == b.span
                    && b.line == a.line + 1
                    && x.part == y.part
                    && x.span == y.span
                    && y.line == x.line + 1
            });
        if follows && let Some(g) = groups.last_mut() {
            g.push((d, n));
        } else {
            groups.push(vec![(d, n)]);
        }
    }
    // Numbered in the order they arrive.
    groups.sort_by_key(|g| g.first().map(|&(_, n)| n));
    groups
}

/// The byte range of a move's lines in their span: the lines, plus the line break after them if
/// the span holds it, else the one before.
fn range(first: &Line, last: &Line) -> (usize, usize) {
    if last.break_after {
        (first.start, last.end + 1)
    } else if first.break_before {
        (first.start - 1, last.end)
    } else {
        (first.start, last.end)
    }
}

/// A span: its part and its position in the part.
type SpanAt = (usize, usize);

/// Where a move is in a span (bytes) and its mark.
type Cut = (usize, usize, Moved);

/// Cuts the spans so every move is a span of its own with its mark, and recounts the parts.
fn mark(
    parts: &mut [PartDiff],
    deleted: &[Line],
    inserted: &[Line],
    groups: &[Vec<(usize, usize)>],
) {
    // (part, span) → (start, end, mark), for both ends of every move.
    let mut cuts: HashMap<SpanAt, Vec<Cut>> = HashMap::new();
    for (id, g) in groups.iter().enumerate() {
        let (Some(&(d0, n0)), Some(&(d1, n1))) = (g.first(), g.last()) else {
            continue;
        };
        let (from, to) = (&deleted[d0], &inserted[n0]);
        let (start, end) = range(from, &deleted[d1]);
        cuts.entry((from.part, from.span)).or_default().push((
            start,
            end,
            Moved {
                id,
                part: to.part,
                paragraphs: g.len(),
            },
        ));
        let (start, end) = range(to, &inserted[n1]);
        cuts.entry((to.part, to.span)).or_default().push((
            start,
            end,
            Moved {
                id,
                part: from.part,
                paragraphs: g.len(),
            },
        ));
    }
    let mut touched: Vec<usize> = cuts.keys().map(|&(p, _)| p).collect();
    touched.sort_unstable();
    touched.dedup();
    for p in touched {
        let Some(part) = parts.get_mut(p) else {
            continue;
        };
        let old_spans = std::mem::take(&mut part.spans);
        let mut spans = Vec::with_capacity(old_spans.len() + 4);
        for (i, span) in old_spans.into_iter().enumerate() {
            let Some(list) = cuts.get_mut(&(p, i)) else {
                spans.push(span);
                continue;
            };
            list.sort_by_key(|c| c.0);
            let mut at = 0;
            let text = span.text.as_str();
            let push = |spans: &mut Vec<Span>, piece: &str, moved: Option<Moved>| {
                if !piece.is_empty() {
                    let mut s = Span::new(span.op, piece);
                    s.moved = moved;
                    spans.push(s);
                }
            };
            for &(start, end, moved) in list.iter() {
                // Neighbouring moves may both reach for one line break: the first keeps it.
                let start = start.max(at);
                if start >= end {
                    continue;
                }
                push(&mut spans, text.get(at..start).unwrap_or_default(), None);
                push(
                    &mut spans,
                    text.get(start..end).unwrap_or_default(),
                    Some(moved),
                );
                at = end;
            }
            push(&mut spans, text.get(at..).unwrap_or_default(), None);
        }
        part.spans = spans;
        let (mut inserted_chars, mut deleted_chars, mut moved_chars) = (0, 0, 0);
        for span in &part.spans {
            let n = span.text.chars().count();
            match (span.op, span.moved) {
                (Op::Equal, _) => {}
                (_, Some(_)) => moved_chars += n,
                (Op::Delete, None) => deleted_chars += n,
                (Op::Insert, None) => inserted_chars += n,
            }
        }
        part.inserted_chars = inserted_chars;
        part.deleted_chars = deleted_chars;
        part.moved_chars = moved_chars;
    }
}
