//! Diffing two texts: tokens → `similar` → spans.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::tokens::{lines, tokenize};
use super::{Granularity, Op, Span, cleanup};

/// Above this many bytes (both sides together, after trimming common leading and trailing
/// lines), or whenever cleanup is on, a text is diffed line by line first and then, inside each changed run of lines, at the
/// chosen granularity — as `git diff --word-diff` does. Otherwise the token diff is exact.
pub(crate) const TWO_LEVEL_BYTES: usize = 48 * 1024;

/// Compares two texts. The `Equal` + `Delete` spans rebuild `old`, `Equal` + `Insert` rebuild
/// `new`; each maximal run of non-equal spans is at most one `Delete` followed by one `Insert`.
pub(crate) fn diff_texts(
    old: &str,
    new: &str,
    granularity: Granularity,
    cleanup: bool,
    deadline: Option<Instant>,
) -> Vec<Span> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Span::new(Op::Equal, old)]
        };
    }
    let mut pieces: Vec<(Op, &str)> = Vec::new();
    // Common leading and trailing lines: no token crosses a line break, so trimming whole lines
    // never changes the result, and it spares tokenising (jieba) text that is the same.
    let (prefix, suffix) = common_lines(old, new);
    pieces.push((Op::Equal, &old[..prefix]));
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];
    // Long texts, and any text whose changes will be merged into phrases anyway (cleanup on), are
    // compared line by line first: unchanged paragraphs between two edits are never tokenised.
    // With cleanup off the token diff over the whole middle stays exact (minimal).
    let two_levels = cleanup || old_mid.len() + new_mid.len() > TWO_LEVEL_BYTES;
    if granularity != Granularity::Paragraph && two_levels {
        two_level(old_mid, new_mid, granularity, deadline, &mut pieces);
    } else {
        direct(old_mid, new_mid, granularity, deadline, &mut pieces);
    }
    pieces.push((Op::Equal, &old[old.len() - suffix..]));
    let spans = normalize(pieces);
    if cleanup {
        cleanup::semantic(spans)
    } else {
        spans
    }
}

/// Lengths in bytes of the common leading lines (up to and including a `\n`) and the common
/// trailing lines (from a `\n` on), not overlapping.
fn common_lines(old: &str, new: &str) -> (usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let same = common_prefix_bytes(a, b);
    let prefix = a
        .get(..same)
        .and_then(|common| common.iter().rposition(|&c| c == b'\n'))
        .map_or(0, |i| i + 1);
    let max_suffix = a.len().min(b.len()) - prefix;
    let same = common_suffix_bytes(a, b).min(max_suffix);
    let tail = a.len() - same;
    let suffix = a
        .get(tail..)
        .and_then(|common| common.iter().position(|&c| c == b'\n'))
        .map_or(0, |j| same - j);
    (prefix, suffix)
}

/// Length of the common prefix of two byte strings, compared eight bytes at a time.
fn common_prefix_bytes(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        if x != y {
            break;
        }
        same += 8;
    }
    let rest = a.get(same..).unwrap_or_default();
    let other = b.get(same..).unwrap_or_default();
    same + rest.iter().zip(other).take_while(|(x, y)| x == y).count()
}

/// Length of the common suffix of two byte strings, compared eight bytes at a time.
fn common_suffix_bytes(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.rchunks_exact(8).zip(b.rchunks_exact(8)) {
        if x != y {
            break;
        }
        same += 8;
    }
    let rest = a.get(..a.len() - same).unwrap_or_default();
    let other = b.get(..b.len() - same).unwrap_or_default();
    same + rest
        .iter()
        .rev()
        .zip(other.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Byte offsets of token starts, plus the total length at the end.
fn offsets(tokens: &[&str]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    let mut at = 0;
    out.push(0);
    for t in tokens {
        at += t.len();
        out.push(at);
    }
    out
}

/// The text of tokens `start..start + len`.
fn slice<'a>(text: &'a str, offsets: &[usize], start: usize, len: usize) -> &'a str {
    let from = offsets.get(start).copied().unwrap_or(text.len());
    let to = offsets.get(start + len).copied().unwrap_or(text.len());
    text.get(from..to).unwrap_or("")
}

/// Diffs two token sequences (`old_offsets` / `new_offsets`: where each token starts in its
/// text, plus the text's length) and appends the result as pieces of the texts.
#[allow(clippy::too_many_arguments)]
fn diff_tokens<'a, T: std::hash::Hash + Eq>(
    old: &'a str,
    new: &'a str,
    old_tokens: &[T],
    new_tokens: &[T],
    old_offsets: &[usize],
    new_offsets: &[usize],
    deadline: Option<Instant>,
    mut on_replace: impl FnMut(&'a str, &'a str, &mut Vec<(Op, &'a str)>),
    out: &mut Vec<(Op, &'a str)>,
) {
    for op in capture_diff_slices_deadline(Algorithm::Myers, old_tokens, new_tokens, deadline) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                out.push((Op::Equal, slice(old, old_offsets, old_index, len)));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push((Op::Delete, slice(old, old_offsets, old_index, old_len))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push((Op::Insert, slice(new, new_offsets, new_index, new_len))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => on_replace(
                slice(old, old_offsets, old_index, old_len),
                slice(new, new_offsets, new_index, new_len),
                out,
            ),
        }
    }
}

/// The characters of `text` and the byte offset where each starts (plus the length at the end).
/// Diffing `char`s gives exactly the result of diffing one-character tokens (equal exactly when
/// the characters are), without comparing string slices.
fn char_tokens(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        chars.push(c);
        offsets.push(i);
    }
    offsets.push(text.len());
    (chars, offsets)
}

/// Token diff of the whole texts.
fn direct<'a>(
    old: &'a str,
    new: &'a str,
    granularity: Granularity,
    deadline: Option<Instant>,
    out: &mut Vec<(Op, &'a str)>,
) {
    let replace = |o: &'a str, n: &'a str, out: &mut Vec<(Op, &'a str)>| {
        out.push((Op::Delete, o));
        out.push((Op::Insert, n));
    };
    if granularity == Granularity::Char {
        let (old_chars, old_offsets) = char_tokens(old);
        let (new_chars, new_offsets) = char_tokens(new);
        diff_tokens(
            old,
            new,
            &old_chars,
            &new_chars,
            &old_offsets,
            &new_offsets,
            deadline,
            replace,
            out,
        );
        return;
    }
    let old_tokens = tokenize(old, granularity);
    let new_tokens = tokenize(new, granularity);
    diff_tokens(
        old,
        new,
        &old_tokens,
        &new_tokens,
        &offsets(&old_tokens),
        &offsets(&new_tokens),
        deadline,
        replace,
        out,
    );
}

/// Lines first, then the chosen granularity inside each replaced run of lines.
fn two_level<'a>(
    old: &'a str,
    new: &'a str,
    granularity: Granularity,
    deadline: Option<Instant>,
    out: &mut Vec<(Op, &'a str)>,
) {
    let old_lines = lines(old);
    let new_lines = lines(new);
    diff_tokens(
        old,
        new,
        &old_lines,
        &new_lines,
        &offsets(&old_lines),
        &offsets(&new_lines),
        deadline,
        |o, n, out| direct(o, n, granularity, deadline, out),
        out,
    );
}

/// Merges pieces into spans: equal text into one `Equal`, each maximal non-equal run into one
/// `Delete` (if any) followed by one `Insert` (if any). Empty pieces vanish. Owned pieces are
/// moved, not copied, when they start a span.
pub(crate) fn normalize<S: AsRef<str> + Into<String>>(
    pieces: impl IntoIterator<Item = (Op, S)>,
) -> Vec<Span> {
    fn append<S: AsRef<str> + Into<String>>(buffer: &mut String, text: S) {
        if buffer.is_empty() {
            *buffer = text.into();
        } else {
            buffer.push_str(text.as_ref());
        }
    }
    let mut out = Vec::new();
    let mut equal = String::new();
    let mut deleted = String::new();
    let mut inserted = String::new();
    let flush_change = |out: &mut Vec<Span>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push(Span::new(Op::Delete, std::mem::take(deleted)));
        }
        if !inserted.is_empty() {
            out.push(Span::new(Op::Insert, std::mem::take(inserted)));
        }
    };
    for (op, text) in pieces {
        if text.as_ref().is_empty() {
            continue;
        }
        match op {
            Op::Equal => {
                flush_change(&mut out, &mut deleted, &mut inserted);
                append(&mut equal, text);
            }
            Op::Delete | Op::Insert => {
                if !equal.is_empty() {
                    out.push(Span::new(Op::Equal, std::mem::take(&mut equal)));
                }
                if op == Op::Delete {
                    append(&mut deleted, text);
                } else {
                    append(&mut inserted, text);
                }
            }
        }
    }
    flush_change(&mut out, &mut deleted, &mut inserted);
    if !equal.is_empty() {
        out.push(Span::new(Op::Equal, equal));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(spans: &[Span], skip: Op) -> String {
        spans
            .iter()
            .filter(|s| s.op != skip)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn common_lines_are_trimmed_whole() {
        assert_eq!(common_lines("a\nb\nc", "a\nx\nc"), (2, 2));
        assert_eq!(common_lines("ab", "ac"), (0, 0));
        assert_eq!(common_lines("a\n", "a\n\n"), (2, 0));
        assert_eq!(common_lines("", "x"), (0, 0));
        assert_eq!(common_lines("same\nsame\n", "same\nsame\n"), (10, 0));
        // Against the byte-by-byte definition.
        let texts = [
            "第一行很长的文字\n第二行\n第三行也很长很长\n",
            "第一行很长的文字\n第二行改了\n第三行也很长很长\n",
            "第一行很长的文字\n\n第三行也很长很长",
            "x\n第一行很长的文字\n第二行\n第三行也很长很长\n",
            "\n\n\n",
            "abcdefghijklmnop\nqrstuvwxyz\n0123456789abcdef\n",
            "abcdefghijklmnop\nqrstuvwXyz\n0123456789abcdef\n",
        ];
        for old in texts {
            for new in texts {
                assert_eq!(
                    common_lines(old, new),
                    common_lines_slow(old, new),
                    "{old:?} {new:?}"
                );
            }
        }
    }

    fn common_lines_slow(old: &str, new: &str) -> (usize, usize) {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut prefix = 0;
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            if x != y {
                break;
            }
            if *x == b'\n' {
                prefix = i + 1;
            }
        }
        let max_suffix = a.len().min(b.len()) - prefix;
        let mut suffix = 0;
        for (i, (x, y)) in a.iter().rev().zip(b.iter().rev()).enumerate() {
            if i >= max_suffix || x != y {
                break;
            }
            if *x == b'\n' {
                suffix = i + 1;
            }
        }
        (prefix, suffix)
    }

    #[test]
    fn two_level_rebuilds_both_sides() {
        let old: String = (0..3000)
            .map(|i| format!("第{i}段，原来的说法。\n"))
            .collect();
        let new = old
            .replace("第7段，原来", "第7段，新的")
            .replace("第2500段，原来的说法。\n", "");
        assert!(old.len() + new.len() > TWO_LEVEL_BYTES);
        for g in [Granularity::Char, Granularity::Word] {
            let spans = diff_texts(&old, &new, g, true, None);
            assert_eq!(rebuild(&spans, Op::Insert), old);
            assert_eq!(rebuild(&spans, Op::Delete), new);
            let deletes: Vec<_> = spans.iter().filter(|s| s.op == Op::Delete).collect();
            assert_eq!(deletes.len(), 2, "{deletes:?}");
        }
    }

    #[test]
    fn normalize_orders_runs() {
        let spans = normalize([
            (Op::Insert, "b"),
            (Op::Delete, "a"),
            (Op::Equal, ""),
            (Op::Insert, "c"),
            (Op::Equal, "x"),
        ]);
        assert_eq!(
            spans,
            [
                Span::new(Op::Delete, "a"),
                Span::new(Op::Insert, "bc"),
                Span::new(Op::Equal, "x")
            ]
        );
    }
}
