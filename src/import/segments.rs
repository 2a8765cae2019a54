//! Lines that the source glued together, split apart before anything else looks at them: a
//! greeting sharing its line with the speech (`同志们：今天召开…`), a time stamp after the title
//! (`… | 2024-04-26 04:41:06`), a section heading after a lost line break (`…奋斗一、认清形势`).
//!
//! The result is the list of the importer's lines; each knows the input line it came from. The
//! split depends on the text alone, so the preview's line numbers stay put when the user
//! overrides a role.

use super::headings::{NumberKind, parse_numbered};
use super::note::ImportNote;
use super::vocative::inline_greeting_end;

/// One line the importer works on: a whole input line or a piece of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The text, trimmed.
    pub text: &'a str,
    /// The index of the input line it comes from (after splitting at line breaks).
    pub source: usize,
}

/// How many non-blank lines from the top a glued greeting or a title's time stamp may be.
const TOP_LINES: usize = 12;

/// Splits `lines` (trimmed input lines) where the source glued pieces together, and notes each
/// split. Also returns the index of a greeting split off its line: it is the greeting.
pub(crate) fn segment<'a>(
    lines: &[&'a str],
    notes: &mut Vec<ImportNote>,
) -> (Vec<Line<'a>>, Option<usize>) {
    let mut out: Vec<Line<'a>> = Vec::with_capacity(lines.len() + 4);
    let has_standalone_greeting = super::greeting::find_greeting(lines)
        .is_some_and(|g| lines.iter().take(g).filter(|l| !l.is_empty()).count() < TOP_LINES);
    let mut greeting_split = has_standalone_greeting;
    let mut split_greeting = None;
    let mut non_blank = 0usize;
    for (source, &text) in lines.iter().enumerate() {
        let top = non_blank < TOP_LINES;
        if !text.is_empty() {
            non_blank += 1;
        }
        if top && let Some(at) = timestamp_start(text) {
            let (title, stamp) = text.split_at(at);
            out.push(Line {
                text: title.trim(),
                source,
            });
            out.push(Line {
                text: stamp.trim(),
                source,
            });
            notes.push(ImportNote::TimestampSplitFromTitle);
            continue;
        }
        if top
            && !greeting_split
            && let Some(end) = inline_greeting_end(text)
        {
            greeting_split = true;
            let (greeting, rest) = text.split_at(end);
            let greeting = greeting.trim();
            notes.push(ImportNote::GreetingSplitOff {
                greeting: greeting.to_string(),
            });
            split_greeting = Some(out.len());
            out.push(Line {
                text: greeting,
                source,
            });
            out.push(Line {
                text: rest.trim(),
                source,
            });
            continue;
        }
        out.push(Line { text, source });
    }
    // Glued headings are split after the greeting, so its index stays.
    (split_glued_headings(out, notes), split_greeting)
}

/// Where a trailing time stamp starts in a title line: ` | 2024-04-26 04:41:06`, ` 2024-04-26`.
fn timestamp_start(line: &str) -> Option<usize> {
    let bar = line.rfind(['|', '｜'])?;
    let stamp = line.get(bar..)?.trim_start_matches(['|', '｜']).trim();
    let before = line.get(..bar)?.trim();
    let digits = stamp.chars().filter(char::is_ascii_digit).count();
    let date_like = stamp
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | ':' | ' ' | '.'))
        && digits >= 6;
    (date_like && !before.is_empty()).then_some(bar)
}

/// Whether `c` may come right before a glued heading: the end of a word or sentence, not a
/// list separator or a number.
fn may_precede_glued_heading(c: char) -> bool {
    !(matches!(c, '、' | '，' | ',' | '第' | '（' | '(' | '“' | '"')
        || c.is_ascii_digit()
        || "一二三四五六七八九十".contains(c))
}

/// Splits lines with a `N、` heading glued inside them (followed by Han text), where the section
/// numbers of the lines that start with `N、` leave a gap for exactly that number below the
/// highest.
fn split_glued_headings<'a>(lines: Vec<Line<'a>>, notes: &mut Vec<ImportNote>) -> Vec<Line<'a>> {
    let numbers: Vec<usize> = lines
        .iter()
        .filter_map(|l| parse_numbered(l.text))
        .filter(|n| n.kind == NumberKind::Chinese)
        .map(|n| n.number)
        .collect();
    let Some(&max) = numbers.iter().max() else {
        return lines;
    };
    // The numbers missing below the highest: a glued heading may fill one of them.
    let missing = |n: usize| n < max && !numbers.contains(&n);
    if !(1..max).any(missing) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 2);
    let mut filled: Vec<usize> = Vec::new();
    for line in lines {
        if parse_numbered(line.text).is_some() {
            out.push(line);
            continue;
        }
        match glued_heading_start(line.text, &|n| missing(n) && !filled.contains(&n)) {
            Some((at, number, marker)) => {
                let (before, heading) = line.text.split_at(at);
                filled.push(number);
                notes.push(ImportNote::GluedHeadingSplit {
                    marker: marker.to_string(),
                });
                out.push(Line {
                    text: before.trim(),
                    source: line.source,
                });
                out.push(Line {
                    text: heading.trim(),
                    source: line.source,
                });
            }
            None => out.push(line),
        }
    }
    out
}

/// The byte offset, number and marker of a `N、` heading glued into `text` whose number `wanted`
/// accepts.
fn glued_heading_start<'a>(
    text: &'a str,
    wanted: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize, &'a str)> {
    let mut previous: Option<char> = None;
    for (index, c) in text.char_indices() {
        if index > 0
            && "一二三四五六七八九十".contains(c)
            && previous.is_some_and(may_precede_glued_heading)
            && let Some(rest) = text.get(index..)
            && let Some(numbered) = parse_numbered(rest)
            && numbered.kind == NumberKind::Chinese
            && numbered.marker.ends_with('、')
            && numbered.rest.chars().count() >= 4
            && numbered
                .rest
                .chars()
                .next()
                .is_some_and(crate::stats::is_cjk)
            && wanted(numbered.number)
        {
            return Some((index, numbered.number, numbered.marker));
        }
        previous = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[&str]) -> Vec<String> {
        segment(lines, &mut Vec::new())
            .0
            .iter()
            .map(|l| l.text.to_string())
            .collect()
    }

    #[test]
    fn a_glued_greeting_is_split_off() {
        assert_eq!(
            texts(&["标题", "同志们：今天召开会议。", "一、甲"]),
            ["标题", "同志们：", "今天召开会议。", "一、甲"]
        );
        assert_eq!(
            texts(&["Good evening, everybody. On behalf of all of us, welcome."]),
            [
                "Good evening, everybody.",
                "On behalf of all of us, welcome."
            ]
        );
        // A greeting of its own line is left alone, and so is a sentence.
        assert_eq!(
            texts(&["同志们：", "同志们：今天"]),
            ["同志们：", "同志们：今天"]
        );
        assert_eq!(texts(&["我们今天开会。"]), ["我们今天开会。"]);
    }

    #[test]
    fn a_time_stamp_after_the_title_is_split_off() {
        assert_eq!(
            texts(&["在会上的讲话 | 2024-04-26 04:41:06", "同志们："]),
            ["在会上的讲话", "| 2024-04-26 04:41:06", "同志们："]
        );
        assert_eq!(texts(&["甲 | 乙"]), ["甲 | 乙"]);
    }

    #[test]
    fn a_glued_heading_is_split_when_its_number_is_missing() {
        let lines = [
            "同志们：",
            "开场的话而努力奋斗一、认清形势把握大局",
            "正文。",
            "二、乙",
        ];
        assert_eq!(
            texts(&lines),
            [
                "同志们：",
                "开场的话而努力奋斗",
                "一、认清形势把握大局",
                "正文。",
                "二、乙"
            ]
        );
        // No gap in the numbers: nothing is split; a list `一、二、` is never a heading.
        let lines = ["一、甲", "我们做到了一、认清形势把握大局", "二、乙"];
        assert_eq!(texts(&lines), lines);
        assert_eq!(
            texts(&["分为一、二、三、四个方面"]),
            ["分为一、二、三、四个方面"]
        );
    }
}
