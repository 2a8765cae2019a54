//! Cutting text into tokens. Every tokeniser returns slices that, concatenated, give back the
//! input exactly (no empty tokens).

use unicode_segmentation::UnicodeSegmentation;

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

    #[test]
    fn lines_keep_newlines_apart() {
        assert_eq!(lines("a\n\nb"), ["a", "\n", "\n", "b"]);
    }
}
