//! Cutting text into tokens. Every tokeniser returns slices that, concatenated, give back the
//! input exactly (no empty tokens).

use unicode_segmentation::UnicodeSegmentation;

use super::text::{common_prefix_bytes, common_suffix_bytes};
use super::{Granularity, segment};
use crate::stats::is_cjk;

/// Cuts `text` at `granularity`.
pub(crate) fn tokenize(text: &str, granularity: Granularity) -> Vec<&str> {
    match granularity {
        Granularity::Char => chars(text),
        Granularity::Word => words(text),
        Granularity::Sentence => sentences(text),
        Granularity::Paragraph => lines(text),
    }
}

/// One token per Unicode scalar value.
pub(crate) fn chars(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 2 + 1);
    let mut start = 0;
    for (i, _) in text.char_indices().skip(1) {
        out.push(&text[start..i]);
        start = i;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Words: runs of CJK text are cut with jieba's dictionary ([`segment`]), the rest through Unicode word boundaries (which
/// keep whitespace runs and each punctuation mark as tokens of their own).
pub(crate) fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut run_start = 0;
    let mut run_cjk: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let cjk = is_cjk(c);
        match run_cjk {
            Some(prev) if prev != cjk => {
                push_run(&text[run_start..i], prev, &mut out);
                run_start = i;
            }
            _ => {}
        }
        run_cjk = Some(cjk);
    }
    if let Some(cjk) = run_cjk {
        push_run(&text[run_start..], cjk, &mut out);
    }
    out
}

/// The word tokens of two versions of a text, for diffing them against each other: the same
/// tokens as [`words`] gives each text, except that the parts both texts begin and end with are
/// one token each, cut where the words on either side do not depend on each other.
///
/// A diff finds the same changes in both (it takes a common beginning and end as equal before
/// looking further), but the dictionary segmentation, the costly part of [`words`], runs only
/// on the text between them: for an edited paragraph, the clause around the edit.
pub(crate) fn word_pair<'a>(old: &'a str, new: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    // `splits_words` is false inside a character, so the searches stop on character boundaries.
    let same = common_prefix_bytes(old.as_bytes(), new.as_bytes());
    let head = (0..=same)
        .rev()
        .find(|&at| at == 0 || (splits_words(old, at) && splits_words(new, at)))
        .unwrap_or(0);
    // The common end must not overlap the common beginning in either text.
    let longest_tail = old.len().min(new.len()) - head;
    let same = common_suffix_bytes(old.as_bytes(), new.as_bytes()).min(longest_tail);
    let tail = (0..=same)
        .rev()
        .find(|&len| {
            len == 0 || (splits_words(old, old.len() - len) && splits_words(new, new.len() - len))
        })
        .unwrap_or(0);
    let cut = |text: &'a str| {
        let middle_end = text.len() - tail;
        let mut out = Vec::new();
        if head > 0 {
            out.push(&text[..head]);
        }
        out.extend(words(&text[head..middle_end]));
        if tail > 0 {
            out.push(&text[middle_end..]);
        }
        out
    };
    (cut(old), cut(new))
}

/// Whether [`words`] cuts `text` at byte `at` whatever comes before and
/// after: `words(text)` is `words(&text[..at])` followed by `words(&text[at..])`. True at the
/// ends, between CJK and other text (cut into runs apart), and in a CJK run beside a character
/// that is not Han (a word of its own; the dictionary cuts each block of Han characters alone).
fn splits_words(text: &str, at: usize) -> bool {
    if !text.is_char_boundary(at) {
        return false;
    }
    let (Some(before), Some(after)) = (
        text.get(..at).and_then(|t| t.chars().next_back()),
        text.get(at..).and_then(|t| t.chars().next()),
    ) else {
        return true;
    };
    match (is_cjk(before), is_cjk(after)) {
        (true, true) => !(segment::is_han(before) && segment::is_han(after)),
        (false, false) => false,
        _ => true,
    }
}

fn push_run<'a>(run: &'a str, cjk: bool, out: &mut Vec<&'a str>) {
    if cjk {
        segment::cut(run, out);
    } else {
        out.extend(run.split_word_bounds());
    }
}

/// Characters after which a sentence ends.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

/// Closing marks that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '）' | ')' | '」' | '』' | '】' | '》' | '〉' | ']'
    )
}

/// Sentences, each with its closing marks and following spaces; `\n` is a token of its own.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            if start < i {
                out.push(&text[start..i]);
            }
            out.push(&text[i..i + 1]);
            start = i + 1;
            continue;
        }
        let next_is_space = iter.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if ends_sentence(c) || (c == '.' && next_is_space) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if is_closer(n) || ends_sentence(n) || (n.is_whitespace() && n != '\n') {
                    end = j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Lines, with each `\n` a token of its own.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        if start < i {
            out.push(&text[start..i]);
        }
        out.push(&text[i..=i]);
        start = i + 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLES: [&str; 6] = [
        "",
        "原来的说法，要改成新的讲法。",
        "Ladies and gentlemen, it's 2026. Welcome!\n谢谢大家！",
        "e\u{301}te\u{301} 👩‍👩‍👧 ok",
        "一、提高站位\n\n一要学习；二要落实。",
        "\n\n  \n",
    ];

    #[test]
    fn every_tokeniser_rebuilds_the_text() {
        for text in SAMPLES {
            for g in [
                Granularity::Char,
                Granularity::Word,
                Granularity::Sentence,
                Granularity::Paragraph,
            ] {
                let tokens = tokenize(text, g);
                assert_eq!(tokens.concat(), text, "{g:?} {text:?}");
                assert!(tokens.iter().all(|t| !t.is_empty()), "{g:?} {text:?}");
            }
        }
    }

    #[test]
    fn chinese_words_come_from_jieba() {
        let tokens = words("我们要提高政治站位，worth it.");
        assert!(tokens.contains(&"提高"), "{tokens:?}");
        assert!(tokens.contains(&"，"), "{tokens:?}");
        assert!(tokens.contains(&"worth"), "{tokens:?}");
        assert!(tokens.contains(&" "), "{tokens:?}");
    }

    #[test]
    fn sentences_split_after_terminators() {
        assert_eq!(
            sentences("一要学习。二要落实！Done. Next\n末"),
            ["一要学习。", "二要落实！", "Done. ", "Next", "\n", "末"]
        );
        assert_eq!(sentences("他说：“好。”然后"), ["他说：“好。”", "然后"]);
        assert_eq!(sentences("3.14 is pi"), ["3.14 is pi"]);
    }

    /// Texts from pieces that exercise every kind of cut: Han blocks, CJK punctuation, kana,
    /// Latin words, numbers and spaces.
    fn mixed_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "我们",
            "要",
            "提高",
            "政治站位",
            "发展",
            "持续推进",
            "，",
            "。",
            "、",
            "“",
            "”",
            "一是",
            "すし",
            "々",
            "word",
            "it's",
            " ",
            "3.5",
            "2026",
            "\n",
            "经济",
            "社会",
            "Ab",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    /// Two versions of a text: a common beginning and end around a middle each writes its way.
    fn edited() -> impl Strategy<Value = (String, String)> {
        (mixed_text(), mixed_text(), mixed_text(), mixed_text()).prop_map(
            |(before, old_middle, new_middle, after)| {
                (
                    format!("{before}{old_middle}{after}"),
                    format!("{before}{new_middle}{after}"),
                )
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]
        /// Diffing the pair's tokens keeps the common beginning and end equal and never reports
        /// more changed text than diffing each text's full word tokens.
        #[test]
        fn word_pair_diffs_no_worse_than_full_words((old, new) in edited()) {
            let (old_pair, new_pair) = word_pair(&old, &new);
            prop_assert_eq!(old_pair.concat(), old.clone());
            prop_assert_eq!(new_pair.concat(), new.clone());
            prop_assert!(old_pair.iter().chain(&new_pair).all(|t| !t.is_empty()));
            // Characters deleted plus inserted, and the text before the first change.
            let changes = |a: &[&str], b: &[&str]| -> (usize, usize) {
                let mut changed = 0;
                let mut first_change: Option<usize> = None;
                let mut equal_before = 0;
                for op in similar::capture_diff_slices(similar::Algorithm::Myers, a, b) {
                    let (tag, old_range, new_range) = op.as_tag_tuple();
                    if tag == similar::DiffTag::Equal {
                        if first_change.is_none() {
                            equal_before += a[old_range].concat().len();
                        }
                        continue;
                    }
                    first_change.get_or_insert(equal_before);
                    changed += a[old_range].concat().chars().count();
                    changed += b[new_range].concat().chars().count();
                }
                (changed, first_change.unwrap_or(equal_before))
            };
            let (full_changed, _) = changes(&words(&old), &words(&new));
            let (pair_changed, pair_first) = changes(&old_pair, &new_pair);
            prop_assert!(pair_changed <= full_changed, "{} > {}", pair_changed, full_changed);
            if old != new {
                let head = old_pair.first().filter(|&&t| new_pair.first() == Some(&t));
                prop_assert!(head.is_none_or(|t| pair_first >= t.len()));
            }
        }

        /// `splits_words` holds where it says: the words of the two halves are the words of
        /// the whole.
        #[test]
        fn splits_words_is_a_true_cut(text in mixed_text(), at in 0usize..200) {
            let at = at.min(text.len());
            if text.is_char_boundary(at) && splits_words(&text, at) {
                let mut halves = words(&text[..at]);
                halves.extend(words(&text[at..]));
                prop_assert_eq!(halves, words(&text));
            }
        }
    }

    #[test]
    fn word_pair_segments_only_the_changed_clause() {
        let old = "我们要提高政治站位，坚持发展经济，做好民生工作。";
        let new = "我们要提高政治站位，坚持持续推进经济，做好民生工作。";
        let (old_tokens, new_tokens) = word_pair(old, new);
        assert_eq!(old_tokens.first(), Some(&"我们要提高政治站位，"));
        assert_eq!(old_tokens.last(), Some(&"，做好民生工作。"));
        assert_eq!(new_tokens.first(), Some(&"我们要提高政治站位，"));
        assert!(new_tokens.contains(&"持续"), "{new_tokens:?}");
        assert_eq!(word_pair("", "新"), (vec![], vec!["新"]));
        assert_eq!(word_pair("同", "同"), (vec!["同"], vec!["同"]));
    }

    #[test]
    fn lines_keep_newlines_apart() {
        assert_eq!(lines("a\n\nb"), ["a", "\n", "\n", "b"]);
    }
}
