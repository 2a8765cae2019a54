//! The body of a speech (everything after the greeting): paragraphs and section headings.

use super::headings::{
    AtxHeading, NumberKind, Numbered, parse_atx, parse_numbered, sequence_headings,
    starts_sub_point,
};
use super::lines::{ends_with_paragraph_end, first_sentence_end, join_wrapped, uses_blank_lines};

/// Headings longer than this (in characters) are split after their first sentence.
const LONG_HEADING_CHARS: usize = 80;

/// One piece of the body, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum BodyItem {
    /// A section heading: the markers removed from it (in input order) and its text.
    Heading {
        /// `##`, `一、`, `II.` … as they appeared.
        markers: Vec<String>,
        /// The heading without its markers.
        text: String,
    },
    /// A paragraph (hard-wrapped lines joined).
    Paragraph(String),
}

/// Whether `line` starts a Markdown list item or quote, which never continues a paragraph.
fn starts_markdown_block(line: &str) -> bool {
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with('>')
}

/// Which lines are section headings: at the top Markdown heading level used in the body when
/// there is one, else the numbered kind chosen by the sequence check.
fn heading_flags(atx: &[Option<AtxHeading<'_>>], numbered: &[Option<Numbered<'_>>]) -> Vec<bool> {
    if let Some(level) = atx.iter().flatten().map(|h| h.level).min() {
        return atx
            .iter()
            .map(|h| h.is_some_and(|h| h.level == level))
            .collect();
    }
    let candidates: Vec<Option<(NumberKind, usize)>> = numbered
        .iter()
        .map(|n| n.map(|n| (n.kind, n.number)))
        .collect();
    sequence_headings(&candidates)
}

/// The markers and text of the heading on `line`, the `position`-th section (1-based). A
/// Markdown heading also loses a leading number that matches its position (`## 二、…`).
fn heading_parts(
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
        None => (Vec::new(), String::new()),
    }
}

/// Reads the body `lines` (trimmed, blank as `""`) into headings and paragraphs.
///
/// With blank lines between paragraphs, consecutive lines are joined when the earlier does not
/// end a sentence and the later does not start a heading, sub-point or list item. A heading
/// longer than 80 characters is split after its first sentence; the rest starts the section's
/// first paragraph.
pub(crate) fn parse_body(lines: &[&str], markdown: bool) -> Vec<BodyItem> {
    let atx: Vec<Option<AtxHeading<'_>>> = lines
        .iter()
        .map(|line| if markdown { parse_atx(line) } else { None })
        .collect();
    let numbered: Vec<Option<Numbered<'_>>> = lines.iter().map(|l| parse_numbered(l)).collect();
    let is_heading = heading_flags(&atx, &numbered);
    let joins_wrapped_lines = uses_blank_lines(lines);

    let mut items = Vec::new();
    let mut current: Option<String> = None;
    let mut sections = 0;
    for (index, line) in lines.iter().enumerate() {
        let line_atx = atx.get(index).copied().flatten();
        let line_numbered = numbered.get(index).copied().flatten();
        if line.is_empty() {
            items.extend(current.take().map(BodyItem::Paragraph));
            continue;
        }
        if is_heading.get(index).copied().unwrap_or(false) {
            items.extend(current.take().map(BodyItem::Paragraph));
            sections += 1;
            let (markers, text) = heading_parts(line_atx, line_numbered, sections);
            let split = (text.chars().count() > LONG_HEADING_CHARS)
                .then(|| first_sentence_end(&text))
                .flatten();
            match split.and_then(|end| Some((text.get(..end)?, text.get(end..)?))) {
                Some((heading, rest)) => {
                    items.push(BodyItem::Heading {
                        markers,
                        text: heading.to_string(),
                    });
                    current = Some(rest.trim().to_string());
                }
                None => items.push(BodyItem::Heading { markers, text }),
            }
            continue;
        }
        let starts_block = line_numbered.is_some()
            || line_atx.is_some()
            || starts_sub_point(line)
            || (markdown && starts_markdown_block(line));
        match current.as_mut() {
            Some(paragraph)
                if joins_wrapped_lines && !starts_block && !ends_with_paragraph_end(paragraph) =>
            {
                join_wrapped(paragraph, line);
            }
            _ => {
                items.extend(current.take().map(BodyItem::Paragraph));
                current = Some(line.to_string());
            }
        }
    }
    items.extend(current.take().map(BodyItem::Paragraph));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(markers: &[&str], text: &str) -> BodyItem {
        BodyItem::Heading {
            markers: markers.iter().map(|m| m.to_string()).collect(),
            text: text.to_string(),
        }
    }

    fn paragraph(text: &str) -> BodyItem {
        BodyItem::Paragraph(text.to_string())
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
    fn points_and_out_of_sequence_numbers_stay_paragraphs() {
        let lines = [
            "一、甲",
            "一是要。",
            "1. 列表",
            "三、跳号",
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
                paragraph("三、跳号"),
                heading(&["二、"], "乙"),
                paragraph("(一)小点"),
            ]
        );
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
