//! `numbering-gap` and `numbering-repeat`: the ordinals of one field (a section's body, the
//! opening, the closing) — `一是…二是…`, `一要…二要…`, `第一，第二，`, `首先…其次…最后`,
//! sub-headings `（一）（二）` and `1.` `2.` — must run in order. A run restarts at one after
//! two or more items (`一是…二是…一是…二是` is two runs). Each finding's fix writes the number
//! the run expects, so fixing them all renumbers the run.
//!
//! `heading-number-left`: a section heading that still starts with its own `一、` (headings are
//! numbered by position), or a paragraph that starts with a section number `二、`.

use super::Hit;
use super::finding::{CheckId, FindingMessage, NumberStyle};
use super::text::{Para, chinese_digits_at, chinese_number_value, is_space};
use crate::model::chinese_numeral;

/// The value of `最后` (the last of a sequence).
const LAST: usize = usize::MAX;

const SEQUENCE_WORDS: [(&str, usize); 5] = [
    ("首先", 1),
    ("其次", 2),
    ("再次", 3),
    ("最后", LAST),
    ("最後", LAST),
];

/// One ordinal found in the text (kept per paragraph by an editor that checks incrementally).
#[derive(Clone, Debug)]
pub(crate) struct Marker {
    style: NumberStyle,
    value: usize,
    /// The characters that hold the number (what a fix replaces).
    start: usize,
    end: usize,
}

/// Whether a clause may start at `i`: the paragraph's start, or after punctuation or a space.
fn clause_start(p: &Para, i: usize) -> bool {
    p.before(i).is_none_or(|c| {
        is_space(c)
            || matches!(
                c,
                '，' | '。'
                    | '；'
                    | '：'
                    | '、'
                    | '！'
                    | '？'
                    | '（'
                    | '“'
                    | '‘'
                    | '…'
                    | '—'
                    | ','
                    | '.'
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '('
            )
    })
}

/// The first character that is not a space.
fn text_start(p: &Para) -> usize {
    p.chars.iter().take_while(|c| is_space(**c)).count()
}

/// A Chinese number at `i` followed by one of `after`: its value and length.
fn chinese_number_before(p: &Para, i: usize, after: &[char]) -> Option<(usize, usize)> {
    let n = chinese_digits_at(&p.chars, i);
    (1..=n.min(3)).rev().find_map(|len| {
        let value = chinese_number_value(p.chars.get(i..i + len)?)?;
        p.at(i + len)
            .is_some_and(|c| after.contains(&c))
            .then_some((value, len))
    })
}

fn starts_with(p: &Para, i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| p.at(i + k) == Some(w))
}

/// The sub-heading or list number at the start of a paragraph: `（一）` or `1.` `1、`.
fn leading_marker(p: &Para) -> Option<Marker> {
    let i = text_start(p);
    if matches!(p.at(i), Some('（' | '(')) {
        let (value, len) = chinese_number_before(p, i + 1, &['）', ')'])?;
        return Some(Marker {
            style: NumberStyle::Parenthesized,
            value,
            start: i + 1,
            end: i + 1 + len,
        });
    }
    let digits = p.chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = p.at(i + digits);
    let decimal = p.at(i + digits + 1).is_some_and(|c| c.is_ascii_digit());
    if (1..=2).contains(&digits) && matches!(after, Some('.' | '．' | '、')) && !decimal {
        let value: usize = p.slice(i, i + digits).parse().ok()?;
        return Some(Marker {
            style: NumberStyle::Arabic,
            value,
            start: i,
            end: i + digits,
        });
    }
    None
}

/// Every ordinal in a paragraph, in reading order.
pub(crate) fn markers(p: &Para) -> Vec<Marker> {
    let mut out: Vec<Marker> = leading_marker(p).into_iter().collect();
    let mut i = 0;
    while i < p.chars.len() {
        if !clause_start(p, i) || !p.is_free(i) {
            i += 1;
            continue;
        }
        if let Some((value, len)) = chinese_number_before(p, i, &['是', '要']) {
            let style = if p.at(i + len) == Some('是') {
                NumberStyle::PointShi
            } else {
                NumberStyle::PointYao
            };
            out.push(Marker {
                style,
                value,
                start: i,
                end: i + len,
            });
            i += len;
            continue;
        }
        if p.at(i) == Some('第')
            && let Some((value, len)) =
                chinese_number_before(p, i + 1, &['，', ',', '、', '：', ':'])
        {
            out.push(Marker {
                style: NumberStyle::Ordinal,
                value,
                start: i + 1,
                end: i + 1 + len,
            });
            i += 1 + len;
            continue;
        }
        if let Some((word, value)) = SEQUENCE_WORDS.iter().find(|(w, _)| starts_with(p, i, w)) {
            let len = word.chars().count();
            if p.at(i + len)
                .is_some_and(|c| matches!(c, '，' | ',' | '、' | '是' | '要'))
            {
                out.push(Marker {
                    style: NumberStyle::Sequence,
                    value: *value,
                    start: i,
                    end: i + len,
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out.sort_by_key(|m| m.start);
    out
}

/// How the number `n` is written in a run of `style`; `None` when it cannot be (a sequence has
/// words for three).
fn written(style: NumberStyle, n: usize) -> Option<String> {
    match style {
        NumberStyle::Arabic => Some(n.to_string()),
        NumberStyle::Sequence => SEQUENCE_WORDS
            .get(n.checked_sub(1)?)
            .filter(|(_, v)| *v != LAST)
            .map(|(w, _)| w.to_string()),
        _ => Some(chinese_numeral(n)),
    }
}

/// Numbering findings for a field's paragraphs, from each paragraph's [`markers`] in order:
/// `(paragraph, hit)` pairs. Only the markers are looked at, so an editor that keeps them per
/// paragraph runs this pass again on every change without reading the text.
pub(crate) fn check_runs<'a>(
    paragraphs: impl IntoIterator<Item = &'a [Marker]>,
) -> Vec<(usize, Hit)> {
    const STYLES: usize = 6;
    let slot = |s: NumberStyle| s as usize;
    let mut previous: [Option<usize>; STYLES] = [None; STYLES];
    let mut out = Vec::new();
    for (index, markers) in paragraphs.into_iter().enumerate() {
        for m in markers {
            let prev = &mut previous[slot(m.style)];
            if m.value == LAST {
                *prev = None; // `最后` closes a sequence
                continue;
            }
            let (expected, repeat) = match *prev {
                None => (1, false),
                Some(p) if m.value == p + 1 || (m.value == 1 && p >= 2) => {
                    *prev = Some(m.value);
                    continue;
                }
                Some(p) => (p + 1, m.value == p),
            };
            *prev = Some(expected);
            if m.value == expected {
                continue;
            }
            let (check, message) = if repeat {
                (
                    CheckId::NumberingRepeat,
                    FindingMessage::NumberingRepeat {
                        style: m.style,
                        expected,
                        found: m.value,
                    },
                )
            } else {
                (
                    CheckId::NumberingGap,
                    FindingMessage::NumberingGap {
                        style: m.style,
                        expected,
                        found: m.value,
                    },
                )
            };
            out.push((
                index,
                Hit {
                    check,
                    start: m.start,
                    end: m.end,
                    suggestion: written(m.style, expected),
                    message,
                },
            ));
        }
    }
    out
}

/// A section number at the start of a heading (`一、` `（一）` `1.` `II.`): the span from the
/// start of the text to the heading proper, and the label.
fn heading_label(p: &Para) -> Option<(usize, String)> {
    let i = text_start(p);
    let label_end = if let Some((_, len)) = chinese_number_before(p, i, &['、', '．', '.', '，'])
    {
        i + len + 1
    } else if let Some(m) = leading_marker(p) {
        m.end + 1
    } else {
        let roman = p.chars[i..]
            .iter()
            .take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
            .count();
        let followed = p.at(i + roman) == Some('.') && p.at(i + roman + 1).is_some_and(is_space);
        if roman == 0 || !followed {
            return None;
        }
        i + roman + 1
    };
    let mut end = label_end;
    while p.at(end).is_some_and(is_space) {
        end += 1;
    }
    // A heading that is nothing but its number keeps it: removing it would leave no heading.
    if end >= p.chars.len() {
        return None;
    }
    Some((end, p.slice(i, label_end)))
}

/// `heading-number-left` in a section heading: fixed by removing the number.
pub(crate) fn heading_number(p: &Para, out: &mut Vec<Hit>) {
    if let Some((end, label)) = heading_label(p) {
        out.push(Hit {
            check: CheckId::HeadingNumberLeft,
            start: 0,
            end,
            suggestion: Some(String::new()),
            message: FindingMessage::HeadingNumberLeft {
                label,
                in_heading: true,
            },
        });
    }
}

/// `heading-number-left` in a paragraph: it starts with a section number (`二、`), which
/// usually means a section was not split off. No fix: the writer decides.
pub(crate) fn paragraph_number(p: &Para, out: &mut Vec<Hit>) {
    let i = text_start(p);
    if let Some((_, len)) = chinese_number_before(p, i, &['、']) {
        out.push(Hit {
            check: CheckId::HeadingNumberLeft,
            start: i,
            end: i + len + 1,
            suggestion: None,
            message: FindingMessage::HeadingNumberLeft {
                label: p.slice(i, i + len + 1),
                in_heading: false,
            },
        });
    }
}
