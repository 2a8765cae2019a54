//! Heading candidates: numbered lines (`第一部分`, `一、`, `第一，`, `I.`, `1.`) and Markdown
//! `#` headings, and the sequence check that decides which kind numbers the sections.

use crate::model::roman_numeral;

/// The kinds of numbered heading, highest priority first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum NumberKind {
    /// `第一部分`, `第二部分：…`.
    Part,
    /// `一、`, `二，`, `三.` …
    Chinese,
    /// `第一，`, `第二、`: ordinals, often points rather than headings, so they rank below `一、`.
    Ordinal,
    /// `I.`, `II.` …
    Roman,
    /// `1.`, `2、` …
    Arabic,
}

impl NumberKind {
    /// Every kind, highest priority first.
    pub(crate) const BY_PRIORITY: [NumberKind; 5] = [
        NumberKind::Part,
        NumberKind::Chinese,
        NumberKind::Ordinal,
        NumberKind::Roman,
        NumberKind::Arabic,
    ];
}

/// A line that starts with a section number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    /// How it is numbered.
    pub kind: NumberKind,
    /// The number (1-based).
    pub number: usize,
    /// The number with its separator, e.g. `一、`, `第一部分：`, `II.`.
    pub marker: &'a str,
    /// The text after the marker, trimmed.
    pub rest: &'a str,
}

/// A Markdown ATX heading: `## text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AtxHeading<'a> {
    /// 1 for `#`, 2 for `##` …
    pub level: usize,
    /// The `#` run.
    pub marker: &'a str,
    /// The heading text, trimmed.
    pub rest: &'a str,
}

fn chinese_digit(c: char) -> Option<usize> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Reads a Chinese numeral from 一 to 九十九 at the start of `text`: its value and byte length.
fn parse_chinese_numeral(text: &str) -> Option<(usize, usize)> {
    let mut values = [0usize; 3];
    let mut count = 0;
    let mut length = 0;
    for c in text.chars() {
        let Some(value) = chinese_digit(c) else { break };
        if count == values.len() {
            return None;
        }
        values[count] = value;
        count += 1;
        length += c.len_utf8();
    }
    let value = match values[..count] {
        [d] => d,
        [10, d] if d < 10 => 10 + d,
        [d, 10] if (2..10).contains(&d) => d * 10,
        [d, 10, e] if (2..10).contains(&d) && e < 10 => d * 10 + e,
        _ => return None,
    };
    Some((value, length))
}

fn digit_value(c: char) -> Option<usize> {
    match c {
        '0'..='9' => Some(c as usize - '0' as usize),
        '０'..='９' => Some(c as usize - '０' as usize),
        _ => None,
    }
}

/// Reads one or two ASCII or full-width digits (1–99) at the start of `text`.
fn parse_arabic_numeral(text: &str) -> Option<(usize, usize)> {
    let mut value = 0;
    let mut digits = 0;
    let mut length = 0;
    for c in text.chars() {
        let Some(digit) = digit_value(c) else { break };
        digits += 1;
        if digits > 2 {
            return None;
        }
        value = value * 10 + digit;
        length += c.len_utf8();
    }
    (value > 0).then_some((value, length))
}

/// Reads an upper-case Roman numeral (I–XXXIX) at the start of `text`.
fn parse_roman_numeral(text: &str) -> Option<(usize, usize)> {
    let length = text
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
        .count();
    let numeral = text.get(..length)?;
    if numeral.is_empty() || length > 7 {
        return None;
    }
    let value = numeral.bytes().enumerate().fold(0i64, |total, (i, b)| {
        let here = roman_value(b);
        let next = numeral.as_bytes().get(i + 1).map_or(0, |&n| roman_value(n));
        if here < next {
            total - here
        } else {
            total + here
        }
    });
    let value = usize::try_from(value).ok()?;
    (roman_numeral(value) == numeral).then_some((value, length))
}

fn roman_value(byte: u8) -> i64 {
    match byte {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        _ => 0,
    }
}

/// Splits `line` after `marker_end` bytes into marker and trimmed rest.
fn split_marker(line: &str, marker_end: usize) -> Option<(&str, &str)> {
    Some((
        line.get(..marker_end)?.trim_end(),
        line.get(marker_end..)?.trim(),
    ))
}

/// The separator after a number in `一、`, or `None`. Whitespace counts (`一 标题`).
fn chinese_separator(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '.' | '．' | ':' | '：') || c.is_whitespace()
}

/// Parses `line` as a numbered heading candidate, or `None`.
///
/// Guards: `一要`/`一是` (no separator), `1.5 million` (digit after the dot), `2024.` (more than
/// two digits), `I.e.` (letter after the dot) and `（一）` sub-points are not candidates.
pub(crate) fn parse_numbered(line: &str) -> Option<Numbered<'_>> {
    let first = line.chars().next()?;
    if first == '第' {
        return parse_ordinal(line);
    }
    if chinese_digit(first).is_some() {
        let (number, length) = parse_chinese_numeral(line)?;
        let separator = line.get(length..)?.chars().next()?;
        if !chinese_separator(separator) {
            return None;
        }
        let (marker, rest) = split_marker(line, length + separator.len_utf8())?;
        return Some(Numbered {
            kind: NumberKind::Chinese,
            number,
            marker,
            rest,
        });
    }
    if digit_value(first).is_some() {
        let (number, length) = parse_arabic_numeral(line)?;
        let after = line.get(length..)?;
        let mut chars = after.chars();
        let separator = chars.next()?;
        let next = chars.next();
        let accepted = match separator {
            '、' => true,
            '.' | '．' => next.is_none_or(|n| digit_value(n).is_none()),
            _ => false,
        };
        if !accepted {
            return None;
        }
        let (marker, rest) = split_marker(line, length + separator.len_utf8())?;
        return Some(Numbered {
            kind: NumberKind::Arabic,
            number,
            marker,
            rest,
        });
    }
    let (number, length) = parse_roman_numeral(line)?;
    let mut chars = line.get(length..)?.chars();
    let separator = chars.next()?;
    let next = chars.next();
    if !matches!(separator, '.' | '．' | '、') || next.is_some_and(|n| n.is_ascii_alphanumeric())
    {
        return None;
    }
    let (marker, rest) = split_marker(line, length + separator.len_utf8())?;
    Some(Numbered {
        kind: NumberKind::Roman,
        number,
        marker,
        rest,
    })
}

/// `第一部分…` (a part) or `第一，…` (an ordinal).
fn parse_ordinal(line: &str) -> Option<Numbered<'_>> {
    let after_di = line.get('第'.len_utf8()..)?;
    let (number, length) =
        parse_chinese_numeral(after_di).or_else(|| parse_arabic_numeral(after_di))?;
    let start = '第'.len_utf8() + length;
    let after_number = line.get(start..)?;
    if let Some(after_part) = after_number.strip_prefix("部分") {
        let mut marker_end = start + "部分".len();
        if let Some(separator) = after_part.chars().next()
            && matches!(separator, '、' | '，' | ',' | '.' | '．' | ':' | '：')
        {
            marker_end += separator.len_utf8();
        }
        let (marker, rest) = split_marker(line, marker_end)?;
        return Some(Numbered {
            kind: NumberKind::Part,
            number,
            marker,
            rest,
        });
    }
    let separator = after_number.chars().next()?;
    if !matches!(separator, '、' | '，' | ',' | ':' | '：') {
        return None;
    }
    let (marker, rest) = split_marker(line, start + separator.len_utf8())?;
    Some(Numbered {
        kind: NumberKind::Ordinal,
        number,
        marker,
        rest,
    })
}

/// Parses a Markdown ATX heading (`#` to `######` followed by a space or the end of the line).
pub(crate) fn parse_atx(line: &str) -> Option<AtxHeading<'_>> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = line.get(level..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(AtxHeading {
        level,
        marker: line.get(..level)?,
        rest: rest.trim(),
    })
}

/// Whether `line` starts a sub-point or list item (`（一）`, `(1)`, `①`), which never continues
/// a hard-wrapped paragraph.
pub(crate) fn starts_sub_point(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('(' | '（') => chars
            .next()
            .is_some_and(|c| chinese_digit(c).is_some() || digit_value(c).is_some()),
        Some(c) => ('\u{2460}'..='\u{2473}').contains(&c),
        None => false,
    }
}

/// Which numbered kind numbers the sections, and which candidates are its headings.
///
/// `candidates[i]` is the kind and number of line `i`'s candidate, if any. For each kind, its
/// candidates are walked in order, accepting those that continue the sequence 1, 2, 3 …; the
/// highest-priority kind with an accepted `1` wins. Then the chosen kind's other candidates after
/// its first heading are accepted too when their number is no higher than the count of its
/// candidates: a section a reviewer moved keeps its old number (`一、三、二、`, or a number
/// twice). A later `1` restarts a list, not the sections: it and the numbers continuing it
/// stay paragraphs. Returns one flag per candidate slot (whether it is a section heading) and
/// the numbers of the headings accepted out of sequence.
pub(crate) fn sequence_headings(
    candidates: &[Option<(NumberKind, usize)>],
) -> (Vec<bool>, Vec<usize>) {
    let mut expected = [1usize; NumberKind::BY_PRIORITY.len()];
    for &(kind, number) in candidates.iter().flatten() {
        let slot = &mut expected[kind as usize];
        if number == *slot {
            *slot += 1;
        }
    }
    let Some(chosen) = NumberKind::BY_PRIORITY
        .into_iter()
        .find(|&kind| expected[kind as usize] > 1)
    else {
        return (vec![false; candidates.len()], Vec::new());
    };
    let of_kind =
        |c: &Option<(NumberKind, usize)>| c.filter(|(kind, _)| *kind == chosen).map(|(_, n)| n);
    let first = candidates
        .iter()
        .position(|c| of_kind(c) == Some(1))
        .unwrap_or(0);
    let count = candidates
        .iter()
        .skip(first)
        .filter(|c| of_kind(c).is_some())
        .count();
    let mut next = 1;
    let mut highest = 0;
    let mut restart: Option<usize> = None;
    let mut out_of_sequence = Vec::new();
    let flags = candidates
        .iter()
        .enumerate()
        .map(|(index, candidate)| {
            let Some(number) = of_kind(candidate) else {
                return false;
            };
            if index < first {
                return false;
            }
            if number == next {
                highest = highest.max(number);
                next = highest + 1;
                return true;
            }
            if number == 1 || restart == Some(number) {
                restart = Some(number + 1);
                return false;
            }
            if number <= count {
                out_of_sequence.push(number);
                highest = highest.max(number);
                next = highest + 1;
                return true;
            }
            false
        })
        .collect();
    (flags, out_of_sequence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Option<(NumberKind, usize, &str, &str)> {
        parse_numbered(line).map(|n| (n.kind, n.number, n.marker, n.rest))
    }

    #[test]
    fn chinese_numbers_with_every_separator() {
        use NumberKind::Chinese;
        assert_eq!(
            parsed("一、提高站位"),
            Some((Chinese, 1, "一、", "提高站位"))
        );
        assert_eq!(
            parsed("二，狠抓落实"),
            Some((Chinese, 2, "二，", "狠抓落实"))
        );
        assert_eq!(parsed("三,标题"), Some((Chinese, 3, "三,", "标题")));
        assert_eq!(parsed("四．标题"), Some((Chinese, 4, "四．", "标题")));
        assert_eq!(parsed("五：标题"), Some((Chinese, 5, "五：", "标题")));
        assert_eq!(parsed("六 标题"), Some((Chinese, 6, "六", "标题")));
        assert_eq!(parsed("十、标题"), Some((Chinese, 10, "十、", "标题")));
        assert_eq!(parsed("十二、标题"), Some((Chinese, 12, "十二、", "标题")));
        assert_eq!(
            parsed("二十一、标题"),
            Some((Chinese, 21, "二十一、", "标题"))
        );
        assert_eq!(parsed("一、"), Some((Chinese, 1, "一、", "")));
    }

    #[test]
    fn points_are_not_headings() {
        assert_eq!(parsed("一要始终坚持。"), None);
        assert_eq!(parsed("二是办文办会。"), None);
        assert_eq!(parsed("十分重要。"), None);
        assert_eq!(parsed("一二三、"), None);
        assert_eq!(parsed("（一）加强学习"), None);
        assert_eq!(parsed("(一)加强学习"), None);
        assert!(starts_sub_point("（一）加强学习"));
        assert!(starts_sub_point("(2) more"));
        assert!(!starts_sub_point("一是"));
    }

    #[test]
    fn parts_and_ordinals() {
        assert_eq!(
            parsed("第一部分 总体要求"),
            Some((NumberKind::Part, 1, "第一部分", "总体要求"))
        );
        assert_eq!(
            parsed("第二部分：重点任务"),
            Some((NumberKind::Part, 2, "第二部分：", "重点任务"))
        );
        assert_eq!(
            parsed("第三，抓好落实"),
            Some((NumberKind::Ordinal, 3, "第三，", "抓好落实"))
        );
        assert_eq!(parsed("第一次会议"), None);
    }

    #[test]
    fn roman_numbers() {
        use NumberKind::Roman;
        assert_eq!(parsed("I. Purpose"), Some((Roman, 1, "I.", "Purpose")));
        assert_eq!(parsed("IV. Next"), Some((Roman, 4, "IV.", "Next")));
        assert_eq!(parsed("XII."), Some((Roman, 12, "XII.", "")));
        assert_eq!(parsed("I.e. this"), None);
        assert_eq!(parsed("IIII. no"), None);
        assert_eq!(parsed("I think so."), None);
        assert_eq!(parsed("It is."), None);
    }

    #[test]
    fn arabic_numbers_and_their_false_positives() {
        use NumberKind::Arabic;
        assert_eq!(parsed("1. Purpose"), Some((Arabic, 1, "1.", "Purpose")));
        assert_eq!(parsed("2、标题"), Some((Arabic, 2, "2、", "标题")));
        assert_eq!(parsed("１．标题"), Some((Arabic, 1, "１．", "标题")));
        assert_eq!(parsed("3."), Some((Arabic, 3, "3.", "")));
        assert_eq!(parsed("1.5 million people came."), None);
        assert_eq!(parsed("2024. A year."), None);
        assert_eq!(parsed("2024年"), None);
        assert_eq!(parsed("0. zero"), None);
    }

    #[test]
    fn markdown_headings() {
        let h = parse_atx("## 一、标题").map(|h| (h.level, h.marker, h.rest));
        assert_eq!(h, Some((2, "##", "一、标题")));
        assert_eq!(parse_atx("#").map(|h| h.level), Some(1));
        assert_eq!(parse_atx("#hashtag"), None);
        assert_eq!(parse_atx("####### seven"), None);
    }

    #[test]
    fn sequence_check_prefers_the_kind_that_counts_from_one() {
        use NumberKind::*;
        let candidates = [
            Some((Arabic, 1)),
            Some((Chinese, 1)),
            None,
            Some((Arabic, 2)),
            Some((Chinese, 3)),
            Some((Chinese, 2)),
        ];
        assert_eq!(
            sequence_headings(&candidates),
            (vec![false, true, false, false, true, true], vec![3, 2])
        );
        assert_eq!(
            sequence_headings(&[Some((Chinese, 2)), Some((Arabic, 1))]),
            (vec![false, true], vec![])
        );
        assert_eq!(
            sequence_headings(&[Some((Chinese, 2)), None]),
            (vec![false, false], vec![])
        );
    }

    #[test]
    fn moved_sections_keep_their_old_numbers() {
        use NumberKind::Chinese;
        let numbers = [1, 2, 4, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
        let candidates: Vec<_> = numbers.iter().map(|&n| Some((Chinese, n))).collect();
        let (flags, moved) = sequence_headings(&candidates);
        assert!(flags.iter().all(|&f| f));
        assert_eq!(moved, [4, 3]);
        // A number twice is a heading twice; a number past the count is not.
        let (flags, _) = sequence_headings(&[
            Some((Chinese, 1)),
            Some((Chinese, 2)),
            Some((Chinese, 2)),
            Some((Chinese, 9)),
        ]);
        assert_eq!(flags, [true, true, true, false]);
        // A list restarting at 1 in the last section is no heading.
        let list = [1, 2, 3, 1, 2].map(|n| Some((Chinese, n)));
        assert_eq!(sequence_headings(&list).0, [true, true, true, false, false]);
    }
}
