//! The body of a speech (everything after the greeting): paragraphs and section headings.

use super::headings::{
    AtxHeading, NumberKind, Numbered, parse_atx, parse_numbered, sequence_headings,
    starts_sub_point,
};
use super::lines::{
    WrapRule, display_width, ends_with_paragraph_end, first_sentence_end, join_wrapped, wrap_rule,
};
use super::note::ImportNote;
use super::roles::LineMark;

/// Headings longer than this (in characters) are split after their first sentence.
const LONG_HEADING_CHARS: usize = 80;

/// One piece of the body, in reading order. `line` is the index (in the body's lines) of its
/// first line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BodyItem {
    /// A section heading: the markers removed from it (in input order) and its text.
    Heading {
        /// `##`, `一、`, `II.` … as they appeared.
        markers: Vec<String>,
        /// The heading without its markers.
        text: String,
        /// Its line.
        line: usize,
    },
    /// A paragraph (hard-wrapped lines joined).
    Paragraph {
        /// Its text.
        text: String,
        /// Its first line (a long heading's rest starts on the heading's line).
        line: usize,
    },
    /// A line the user marked as notes.
    Note {
        /// Its text.
        text: String,
        /// Its line.
        line: usize,
    },
}

/// Whether `line` starts a Markdown list item or quote, which never continues a paragraph.
fn starts_markdown_block(line: &str) -> bool {
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with('>')
}

/// Which lines are section headings: at the top Markdown heading level used in the body when
/// there is one, else the numbered kind chosen by the sequence check; the user's marks win.
fn heading_flags(
    atx: &[Option<AtxHeading<'_>>],
    numbered: &[Option<Numbered<'_>>],
    marks: &[Option<LineMark>],
    marked_only: bool,
    notes: &mut Vec<ImportNote>,
) -> Vec<bool> {
    let mark = |i: usize| marks.get(i).copied().flatten();
    let mut flags = if marked_only {
        vec![false; atx.len()]
    } else if let Some(level) = atx.iter().flatten().map(|h| h.level).min() {
        atx.iter()
            .map(|h| h.is_some_and(|h| h.level == level))
            .collect()
    } else {
        let candidates: Vec<Option<(NumberKind, usize)>> = numbered
            .iter()
            .enumerate()
            .map(|(i, n)| n.filter(|_| mark(i).is_none()).map(|n| (n.kind, n.number)))
            .collect();
        let (flags, moved) = sequence_headings(&candidates);
        if !moved.is_empty() {
            notes.push(ImportNote::HeadingsOutOfSequence { numbers: moved });
        }
        flags
    };
    for (index, flag) in flags.iter_mut().enumerate() {
        if let Some(mark) = mark(index) {
            *flag = mark == LineMark::SectionHeading;
        }
    }
    flags
}

/// The markers and text of the heading on `line`, the `position`-th section (1-based). A
/// Markdown heading also loses a leading number that matches its position (`## 二、…`).
fn heading_parts(
    line: &str,
    atx: Option<AtxHeading<'_>>,
    numbered: Option<Numbered<'_>>,
    position: usize,
) -> (Vec<String>, String) {
    if let Some(heading) = atx {
        let mut markers = vec![heading.marker.to_string()];
        let mut text = heading.rest;
        if let Some(number) = parse_numbered(heading.rest)
            && number.number == position
        {
            markers.push(number.marker.to_string());
            text = number.rest;
        }
        return (markers, text.to_string());
    }
    match numbered {
        Some(number) => (vec![number.marker.to_string()], number.rest.to_string()),
        // A line the user marked as a heading that has no number.
        None => (Vec::new(), line.to_string()),
    }
}

/// Reads the body `lines` (trimmed, blank as `""`) into headings, paragraphs and marked notes;
/// `marks` holds the user's mark of each line.
///
/// Hard-wrapped lines are joined (see [`wrap_rule`]) when the later does not start a heading,
/// sub-point or list item. A heading longer than 80 characters is split after its first
/// sentence; the rest starts the section's first paragraph.
pub(crate) fn parse_body(
    lines: &[&str],
    markdown: bool,
    marks: &[Option<LineMark>],
    marked_only: bool,
    notes: &mut Vec<ImportNote>,
) -> Vec<BodyItem> {
    let atx: Vec<Option<AtxHeading<'_>>> = lines
        .iter()
        .map(|line| if markdown { parse_atx(line) } else { None })
        .collect();
    let numbered: Vec<Option<Numbered<'_>>> = lines.iter().map(|l| parse_numbered(l)).collect();
    let is_heading = heading_flags(&atx, &numbered, marks, marked_only, notes);
    let wrap = wrap_rule(lines);

    let mut items = Vec::new();
    // The paragraph being read: its text, its first line's index, and its last line (whose width
    // decides whether the next line continues it; measured only when that question comes up).
    let mut current: Option<(String, usize, &str)> = None;
    let mut sections = 0;
    let mut joined = 0;
    let mut long_split = 0;
    let flush = |current: &mut Option<(String, usize, &str)>, items: &mut Vec<BodyItem>| {
        if let Some((text, line, _)) = current.take() {
            items.push(BodyItem::Paragraph { text, line });
        }
    };
    for (index, &line) in lines.iter().enumerate() {
        let mark = marks.get(index).copied().flatten();
        let line_atx = atx.get(index).copied().flatten();
        let line_numbered = numbered.get(index).copied().flatten();
        if line.is_empty() {
            flush(&mut current, &mut items);
            continue;
        }
        if mark == Some(LineMark::Notes) {
            flush(&mut current, &mut items);
            items.push(BodyItem::Note {
                text: line.to_string(),
                line: index,
            });
            continue;
        }
        if is_heading.get(index).copied().unwrap_or(false) {
            flush(&mut current, &mut items);
            sections += 1;
            let (markers, text) = heading_parts(line, line_atx, line_numbered, sections);
            let split = (text.chars().count() > LONG_HEADING_CHARS)
                .then(|| first_sentence_end(&text))
                .flatten();
            match split.and_then(|end| Some((text.get(..end)?, text.get(end..)?))) {
                Some((heading, rest)) => {
                    long_split += 1;
                    items.push(BodyItem::Heading {
                        markers,
                        text: heading.to_string(),
                        line: index,
                    });
                    current = Some((rest.trim().to_string(), index, line));
                }
                None => items.push(BodyItem::Heading {
                    markers,
                    text,
                    line: index,
                }),
            }
            continue;
        }
        let starts_block = line_numbered.is_some()
            || line_atx.is_some()
            || starts_sub_point(line)
            || (markdown && starts_markdown_block(line))
            || mark.is_some();
        let continues = match (&current, wrap) {
            (Some((paragraph, _, last_line)), WrapRule::AtLeast(min)) => {
                !starts_block
                    && !ends_with_paragraph_end(paragraph)
                    && display_width(last_line) >= min
            }
            _ => false,
        };
        if continues && let Some((paragraph, _, last_line)) = current.as_mut() {
            join_wrapped(paragraph, line);
            *last_line = line;
            joined += 1;
        } else {
            flush(&mut current, &mut items);
            current = Some((line.to_string(), index, line));
        }
    }
    flush(&mut current, &mut items);
    if joined > 0 {
        notes.push(ImportNote::WrappedLinesJoined { count: joined });
    }
    if long_split > 0 {
        notes.push(ImportNote::LongHeadingsSplit { count: long_split });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(markers: &[&str], text: &str) -> (Vec<String>, String) {
        (
            markers.iter().map(|m| m.to_string()).collect(),
            text.to_string(),
        )
    }

    fn paragraph(text: &str) -> (Vec<String>, String) {
        (vec!["¶".to_string()], text.to_string())
    }

    /// The items without their line numbers: a paragraph's "markers" are `¶`.
    fn parse_body(lines: &[&str], markdown: bool) -> Vec<(Vec<String>, String)> {
        super::parse_body(lines, markdown, &[], false, &mut Vec::new())
            .into_iter()
            .map(|item| match item {
                BodyItem::Heading { markers, text, .. } => (markers, text),
                BodyItem::Paragraph { text, .. } => (vec!["¶".to_string()], text),
                BodyItem::Note { text, .. } => (vec!["note".to_string()], text),
            })
            .collect()
    }

    #[test]
    fn one_line_per_paragraph_is_never_joined() {
        let items = parse_body(&["开场", "一、标题", "甲", "乙"], false);
        assert_eq!(
            items,
            [
                paragraph("开场"),
                heading(&["一、"], "标题"),
                paragraph("甲"),
                paragraph("乙")
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined_between_blank_lines() {
        let lines = [
            "我们要加强",
            "学习。",
            "",
            "We must keep",
            "learning.",
            "",
            "一、标题",
            "正文",
            "",
            "（一）分点",
            "",
        ];
        let items = parse_body(&lines, false);
        assert_eq!(
            items,
            [
                paragraph("我们要加强学习。"),
                paragraph("We must keep learning."),
                heading(&["一、"], "标题"),
                paragraph("正文"),
                paragraph("（一）分点"),
            ]
        );
    }

    #[test]
    fn points_stay_paragraphs_and_moved_sections_are_headings() {
        let lines = [
            "一、甲",
            "一是要。",
            "1. 列表",
            "三、挪动的一节",
            "二、乙",
            "(一)小点",
        ];
        let items = parse_body(&lines, false);
        assert_eq!(
            items,
            [
                heading(&["一、"], "甲"),
                paragraph("一是要。"),
                paragraph("1. 列表"),
                heading(&["三、"], "挪动的一节"),
                heading(&["二、"], "乙"),
                paragraph("(一)小点"),
            ]
        );
    }

    #[test]
    fn marks_make_and_unmake_headings() {
        let marks = [
            None,
            Some(LineMark::SectionHeading),
            Some(LineMark::Plain),
            Some(LineMark::Notes),
        ];
        let items = super::parse_body(
            &["一、甲", "无号标题", "二、乙", "备注"],
            false,
            &marks,
            false,
            &mut Vec::new(),
        );
        assert!(
            matches!(&items[1], BodyItem::Heading { markers, text, line: 1 } if markers.is_empty() && text == "无号标题")
        );
        assert!(matches!(&items[2], BodyItem::Paragraph { text, .. } if text == "二、乙"));
        assert!(matches!(&items[3], BodyItem::Note { line: 3, .. }));
    }

    #[test]
    fn hard_wrapped_lines_join_without_blank_lines() {
        let lines = [
            "This is a long paragraph that a PDF viewer broke at the end of every line and",
            "so every line but the last of each paragraph is about as long as all the others",
            "are and ends in the middle of a sentence, which is what gives it away to us.",
            "A second paragraph starts here and it, too, runs on for a while until it wraps",
            "at the edge.",
        ];
        let mut notes = Vec::new();
        let items = super::parse_body(&lines, false, &[], false, &mut notes);
        assert_eq!(items.len(), 2);
        assert_eq!(notes, [ImportNote::WrappedLinesJoined { count: 3 }]);
    }

    #[test]
    fn long_headings_are_split_after_the_first_sentence() {
        let long = format!("一、提高站位。{}", "要".repeat(90));
        let items = parse_body(&[long.as_str()], false);
        assert_eq!(
            items,
            [
                heading(&["一、"], "提高站位。"),
                paragraph(&"要".repeat(90))
            ]
        );
    }

    #[test]
    fn markdown_sections_strip_their_numbers_and_keep_deeper_headings() {
        let lines = [
            "## 一、甲",
            "",
            "### 细节",
            "",
            "正文。",
            "",
            "## 二、",
            "",
            "## 乙",
        ];
        let items = parse_body(&lines, true);
        assert_eq!(
            items,
            [
                heading(&["##", "一、"], "甲"),
                paragraph("### 细节"),
                paragraph("正文。"),
                heading(&["##", "二、"], ""),
                heading(&["##"], "乙"),
            ]
        );
    }

    #[test]
    fn empty_headings_are_sections() {
        let items = parse_body(&["I.", "II.", "text"], false);
        assert_eq!(
            items,
            [
                heading(&["I."], ""),
                heading(&["II."], ""),
                paragraph("text")
            ]
        );
    }
}
