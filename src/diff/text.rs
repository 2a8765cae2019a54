//! Diffing two texts: tokens → `similar` → spans.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use std::borrow::Cow;

use super::fold::{Fold, is_space};
use super::tokens::{lines, tokenize, word_pair};
use super::{Granularity, Op, Span, cleanup};

/// A piece of the result: an op, its text (for `Equal`, the old side's) and, for `Equal`, the
/// new side's text.
type Piece<'a> = (Op, &'a str, Option<&'a str>);

/// Above this many bytes (both sides together, after trimming common leading and trailing
/// lines), or whenever cleanup is on, a text is diffed line by line first and then, inside each changed run of lines, at the
/// chosen granularity — as `git diff --word-diff` does. Otherwise the token diff is exact.
pub(crate) const TWO_LEVEL_BYTES: usize = 48 * 1024;

/// Compares two texts. The `Equal` (old side) and `Delete` spans rebuild `old`, the `Equal` (new
/// side) and `Insert` spans rebuild `new`; each maximal run of non-equal spans is at most one
/// `Delete` followed by one `Insert`. Tokens equal under `fold` are equal; an `Equal` span
/// carries the new side's text when it is written differently.
pub(crate) fn diff_texts(
    old: &str,
    new: &str,
    granularity: Granularity,
    cleanup: bool,
    fold: Fold,
    deadline: Option<Instant>,
) -> Vec<Span> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Span::new(Op::Equal, old)]
        };
    }
    let mut pieces: Vec<Piece> = Vec::new();
    // Common leading and trailing lines: no token crosses a line break, so trimming whole lines
    // never changes the result, and it spares tokenising (jieba) text that is the same.
    let (prefix, suffix) = common_lines(old, new);
    pieces.push((Op::Equal, &old[..prefix], None));
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];
    // Long texts, and any text whose changes will be merged into phrases anyway (cleanup on), are
    // compared line by line first: unchanged paragraphs between two edits are never tokenised.
    // With cleanup off the token diff over the whole middle stays exact (minimal).
    let two_levels = cleanup || old_mid.len() + new_mid.len() > TWO_LEVEL_BYTES;
    if granularity != Granularity::Paragraph && two_levels {
        two_level(old_mid, new_mid, granularity, fold, deadline, &mut pieces);
    } else {
        direct(old_mid, new_mid, granularity, fold, deadline, &mut pieces);
    }
    pieces.push((Op::Equal, &old[old.len() - suffix..], None));
    let spans = normalize(pieces);
    if cleanup {
        cleanup::semantic(spans, fold)
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
pub(super) fn common_prefix_bytes(a: &[u8], b: &[u8]) -> usize {
    // Fixed-size chunks compare as one word each (slices of 8 went through `memcmp`).
    let same = 8 * a
        .as_chunks::<8>()
        .0
        .iter()
        .zip(b.as_chunks::<8>().0)
        .take_while(|(x, y)| x == y)
        .count();
    let rest = a.get(same..).unwrap_or_default();
    let other = b.get(same..).unwrap_or_default();
    same + rest.iter().zip(other).take_while(|(x, y)| x == y).count()
}

/// Length of the common suffix of two byte strings, compared eight bytes at a time.
pub(super) fn common_suffix_bytes(a: &[u8], b: &[u8]) -> usize {
    let same = 8 * a
        .as_rchunks::<8>()
        .1
        .iter()
        .rev()
        .zip(b.as_rchunks::<8>().1.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
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
    mut on_replace: impl FnMut(&'a str, &'a str, &mut Vec<Piece<'a>>),
    out: &mut Vec<Piece<'a>>,
) {
    for op in capture_diff_slices_deadline(Algorithm::Myers, old_tokens, new_tokens, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                let old_text = slice(old, old_offsets, old_index, len);
                let new_text = slice(new, new_offsets, new_index, len);
                out.push((
                    Op::Equal,
                    old_text,
                    (old_text != new_text).then_some(new_text),
                ));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push((
                Op::Delete,
                slice(old, old_offsets, old_index, old_len),
                None,
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push((
                Op::Insert,
                slice(new, new_offsets, new_index, new_len),
                None,
            )),
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
    fold: Fold,
    deadline: Option<Instant>,
    out: &mut Vec<Piece<'a>>,
) {
    let replace = |o: &'a str, n: &'a str, out: &mut Vec<Piece<'a>>| {
        out.push((Op::Delete, o, None));
        out.push((Op::Insert, n, None));
    };
    if fold.any() {
        let (old_folded, old_map) = fold.text(old);
        let (new_folded, new_map) = fold.text(new);
        let (old_tokens, old_offsets) = folded_tokens(&old_folded, &old_map, granularity, fold);
        let (new_tokens, new_offsets) = folded_tokens(&new_folded, &new_map, granularity, fold);
        let old_keys: Vec<Cow<str>> = old_tokens.iter().map(|t| fold.key(t)).collect();
        let new_keys: Vec<Cow<str>> = new_tokens.iter().map(|t| fold.key(t)).collect();
        diff_tokens(
            old,
            new,
            &old_keys,
            &new_keys,
            &old_offsets,
            &new_offsets,
            deadline,
            replace,
            out,
        );
        return;
    }
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
    let (old_tokens, new_tokens) = if granularity == Granularity::Word {
        word_pair(old, new)
    } else {
        (tokenize(old, granularity), tokenize(new, granularity))
    };
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

/// The tokens of a folded text (runs of spaces one token each under [`Fold::space`]), and where
/// each starts in the original text (plus the original's length at the end).
fn folded_tokens<'f>(
    folded: &'f str,
    map: &[usize],
    granularity: Granularity,
    fold: Fold,
) -> (Vec<&'f str>, Vec<usize>) {
    let raw = tokenize(folded, granularity);
    let mut tokens: Vec<&'f str> = Vec::with_capacity(raw.len());
    let mut starts: Vec<usize> = Vec::with_capacity(raw.len() + 1);
    let mut at = 0;
    let mut last_space = false;
    for token in raw {
        let space = fold.space && token.chars().all(is_space);
        if space
            && last_space
            && let (Some(last), Some(&start)) = (tokens.last_mut(), starts.last())
        {
            // Runs of spaces cut into several tokens (a CJK run's `　`) are one token.
            let merged = folded.get(start..at + token.len()).unwrap_or(*last);
            *last = merged;
        } else {
            tokens.push(token);
            starts.push(at);
        }
        last_space = space;
        at += token.len();
    }
    starts.push(folded.len());
    let offsets = starts
        .into_iter()
        .map(|i| map.get(i).copied().unwrap_or(0))
        .collect();
    (tokens, offsets)
}

/// Lines first, then the chosen granularity inside each replaced run of lines.
fn two_level<'a>(
    old: &'a str,
    new: &'a str,
    granularity: Granularity,
    fold: Fold,
    deadline: Option<Instant>,
    out: &mut Vec<Piece<'a>>,
) {
    let old_lines = lines(old);
    let new_lines = lines(new);
    let on_replace = |o: &'a str, n: &'a str, out: &mut Vec<Piece<'a>>| {
        direct(o, n, granularity, fold, deadline, out);
    };
    if fold.any() {
        let old_keys: Vec<Cow<str>> = old_lines.iter().map(|l| fold.key_of(l)).collect();
        let new_keys: Vec<Cow<str>> = new_lines.iter().map(|l| fold.key_of(l)).collect();
        diff_tokens(
            old,
            new,
            &old_keys,
            &new_keys,
            &offsets(&old_lines),
            &offsets(&new_lines),
            deadline,
            on_replace,
            out,
        );
        return;
    }
    diff_tokens(
        old,
        new,
        &old_lines,
        &new_lines,
        &offsets(&old_lines),
        &offsets(&new_lines),
        deadline,
        on_replace,
        out,
    );
}

/// Merges pieces into spans: equal text into one `Equal` (its new side's text kept apart where
/// it is written differently), each maximal non-equal run into one `Delete` (if any) followed by
/// one `Insert` (if any). Empty pieces vanish. Owned pieces are moved, not copied, when they start
/// a span.
pub(crate) fn normalize<S: AsRef<str> + Into<String>>(
    pieces: impl IntoIterator<Item = (Op, S, Option<S>)>,
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
    // The new side of the equal text, once it differs from `equal`.
    let mut equal_new: Option<String> = None;
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
    let flush_equal = |out: &mut Vec<Span>, equal: &mut String, equal_new: &mut Option<String>| {
        if !equal.is_empty() {
            let mut span = Span::new(Op::Equal, std::mem::take(equal));
            span.new_text = equal_new.take().filter(|n| *n != span.text);
            out.push(span);
        }
        *equal_new = None;
    };
    for (op, text, new_text) in pieces {
        if text.as_ref().is_empty() {
            continue;
        }
        match op {
            Op::Equal => {
                flush_change(&mut out, &mut deleted, &mut inserted);
                match (&mut equal_new, new_text) {
                    (Some(n), new_text) => {
                        n.push_str(new_text.as_ref().map_or(text.as_ref(), |t| t.as_ref()));
                    }
                    (None, Some(new_text)) if new_text.as_ref() != text.as_ref() => {
                        let mut n = equal.clone();
                        n.push_str(new_text.as_ref());
                        equal_new = Some(n);
                    }
                    (None, _) => {}
                }
                append(&mut equal, text);
            }
            Op::Delete | Op::Insert => {
                flush_equal(&mut out, &mut equal, &mut equal_new);
                if op == Op::Delete {
                    append(&mut deleted, text);
                } else {
                    append(&mut inserted, text);
                }
            }
        }
    }
    flush_change(&mut out, &mut deleted, &mut inserted);
    flush_equal(&mut out, &mut equal, &mut equal_new);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(spans: &[Span], skip: Op) -> String {
        spans
            .iter()
            .map(|s| {
                if skip == Op::Insert {
                    s.old_side()
                } else {
                    s.new_side()
                }
            })
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

    #[test]
    fn common_ends_count_every_byte() {
        let base: Vec<u8> = (0..70u8).collect();
        for len in [0, 1, 7, 8, 9, 16, 17, 63, 64, 70] {
            let a = &base[..len];
            assert_eq!(common_prefix_bytes(a, a), len);
            assert_eq!(common_suffix_bytes(a, a), len);
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 0x80;
                assert_eq!(common_prefix_bytes(a, &b), at, "{len} {at}");
                assert_eq!(common_suffix_bytes(a, &b), len - at - 1, "{len} {at}");
                // One side shorter: the prefix is the shorter side at most.
                assert_eq!(common_prefix_bytes(a, &a[..at]), at);
                assert_eq!(common_suffix_bytes(a, &a[at..]), len - at);
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
            let spans = diff_texts(&old, &new, g, true, Fold::NONE, None);
            assert_eq!(rebuild(&spans, Op::Insert), old);
            assert_eq!(rebuild(&spans, Op::Delete), new);
            let deletes: Vec<_> = spans.iter().filter(|s| s.op == Op::Delete).collect();
            assert_eq!(deletes.len(), 2, "{deletes:?}");
        }
    }

    #[test]
    fn normalize_orders_runs() {
        let spans = normalize([
            (Op::Insert, "b", None),
            (Op::Delete, "a", None),
            (Op::Equal, "", None),
            (Op::Insert, "c", None),
            (Op::Equal, "x", None),
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
