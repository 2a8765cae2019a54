//! `punct-doubled` (`，，` `。，`), `punct-ellipsis` (`...` `。。。` a single `…` → `……`) and
//! `punct-dash` (`--` a single `—` → `——`) in Chinese text.

use super::Hit;
use super::finding::{CheckId, FindingMessage};
use super::text::{Para, is_cjk_context};

/// The Chinese marks that never stand two in a row (except `？！` and `！？`).
fn is_sentence_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！')
}

/// How strongly a mark ends what comes before it; of doubled marks the strongest is kept.
fn strength(c: char) -> u8 {
    match c {
        '！' | '？' => 5,
        '。' => 4,
        '；' => 3,
        '：' => 2,
        '，' => 1,
        _ => 0,
    }
}

/// Runs of one repeated character for which `is_member(p, i)` holds: `(start, end)` pairs.
fn same_char_runs(p: &Para, is_member: impl Fn(&Para, usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.chars.len() {
        let start = i;
        i += 1;
        if is_member(p, start) {
            while i < p.chars.len() && p.chars[i] == p.chars[start] && is_member(p, i) {
                i += 1;
            }
            out.push((start, i));
        }
    }
    out
}

/// `，，` `。，` `、。` …: two or more marks in a row. The fix keeps the strongest (the first of
/// equals).
pub(crate) fn doubled(p: &Para, out: &mut Vec<Hit>) {
    let mut i = 0;
    while i < p.chars.len() {
        let start = i;
        while i < p.chars.len() && is_sentence_mark(p.chars[i]) && p.is_free(i) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let end = i;
        let marks = &p.chars[start..end];
        let ellipsis = marks.len() >= 3 && marks.iter().all(|&c| c == '。');
        if marks.len() < 2 || ellipsis || matches!(marks, ['？', '！'] | ['！', '？']) {
            continue;
        }
        let mut keep = marks[0];
        for &c in marks {
            if strength(c) > strength(keep) {
                keep = c;
            }
        }
        out.push(Hit {
            check: CheckId::PunctDoubled,
            start,
            end,
            suggestion: Some(keep.to_string()),
            message: FindingMessage::DoubledPunct {
                found: marks.iter().collect(),
            },
        });
    }
}

/// Whether a run `start..end` touches Chinese text on either side.
fn run_in_chinese(p: &Para, start: usize, end: usize) -> bool {
    p.before(start).is_some_and(is_cjk_context)
        || p.next_non_space(end - 1).is_some_and(is_cjk_context)
}

/// `...` (three or more dots, half- or full-width), `。。。`, `···`, and a lone `…` or three or
/// more `…` in Chinese text: the ellipsis is `……`.
pub(crate) fn ellipsis(p: &Para, out: &mut Vec<Hit>) {
    if !p.has_cjk {
        return;
    }
    let dot_like = |p: &Para, i: usize| {
        matches!(p.chars[i], '.' | '．' | '。' | '·' | '・' | '…') && p.is_free(i)
    };
    // Dots of different kinds touching (`…...`) are separate runs; each is judged.
    for (start, end) in same_char_runs(p, dot_like) {
        let len = end - start;
        let wrong = match p.chars[start] {
            // `。。` is `punct-doubled`; three or more are an ellipsis whatever surrounds them.
            '。' => len >= 3,
            '…' => len != 2 && run_in_chinese(p, start, end),
            _ => len >= 3 && run_in_chinese(p, start, end),
        };
        if wrong {
            out.push(Hit {
                check: CheckId::PunctEllipsis,
                start,
                end,
                suggestion: Some("……".to_string()),
                message: FindingMessage::Ellipsis,
            });
        }
    }
}

/// `--` (two or more hyphens, half- or full-width), a lone `—` or three or more in Chinese text:
/// the dash is `——`.
pub(crate) fn dash(p: &Para, out: &mut Vec<Hit>) {
    if !p.has_cjk {
        return;
    }
    let dash_like = |p: &Para, i: usize| matches!(p.chars[i], '-' | '－' | '—') && p.is_free(i);
    for (start, end) in same_char_runs(p, dash_like) {
        let len = end - start;
        let wrong = match p.chars[start] {
            '—' => len != 2,
            _ => len >= 2,
        };
        if wrong && run_in_chinese(p, start, end) {
            out.push(Hit {
                check: CheckId::PunctDash,
                start,
                end,
                suggestion: Some("——".to_string()),
                message: FindingMessage::Dash,
            });
        }
    }
}
