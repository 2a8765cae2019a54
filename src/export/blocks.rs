//! Speech → the blocks of a printed copy: each paragraph with its role, in print order.

use crate::model::{Numbering, Speech};

use super::profile::{Profile, Role};

/// A piece of a paragraph in one role (a run-in `（一）…。` heading, then body text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The role, which decides the font.
    pub role: Role,
    /// The text.
    pub text: String,
}

/// One paragraph of the printed copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The paragraph's role (its alignment, indent and spacing).
    pub role: Role,
    /// Its text, in pieces by role.
    pub spans: Vec<Span>,
    /// Start a new page before it.
    pub page_break_before: bool,
    /// Empty lines before it.
    pub blank_lines_before: usize,
}

impl Block {
    fn new(role: Role, text: impl Into<String>) -> Block {
        Block {
            role,
            spans: vec![Span {
                role,
                text: text.into(),
            }],
            page_break_before: false,
            blank_lines_before: 0,
        }
    }

    /// The paragraph's whole text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Strips surrounding whitespace, including the ideographic spaces of a typed indent.
fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// The length of a leading `（一）` / `(一)` label, in bytes, if `text` starts with one.
fn second_level_label(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('（').or_else(|| text.strip_prefix('('))?;
    let open = text.len() - rest.len();
    let numeral_len: usize = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if numeral_len == 0 {
        return None;
    }
    let after = &rest[numeral_len..];
    let close = after.chars().next().filter(|c| *c == '）' || *c == ')')?;
    Some(open + numeral_len + close.len_utf8())
}

/// A body paragraph, with a leading `（一）…。` heading in [`Role::Heading2`].
fn body_block(text: &str, chinese: bool) -> Block {
    let mut block = Block::new(Role::Body, text);
    if !chinese || second_level_label(text).is_none() {
        return block;
    }
    // A run-in heading ends at the first sentence end; a paragraph that is one sentence (or has
    // none) is a heading line of its own.
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？'))
        .map(|(i, c)| i + c.len_utf8());
    match end {
        Some(end) if end < text.len() => {
            block.spans = vec![
                Span {
                    role: Role::Heading2,
                    text: text[..end].to_string(),
                },
                Span {
                    role: Role::Body,
                    text: text[end..].to_string(),
                },
            ];
        }
        _ => block = Block::new(Role::Heading2, text),
    }
    block
}

/// The blocks of `speech` printed with `profile`, section headings numbered with `numbering`.
pub fn blocks(speech: &Speech, profile: &Profile, numbering: Numbering) -> Vec<Block> {
    let chinese = profile.chinese;
    let mut out = Vec::new();
    if profile.check_against_delivery {
        out.push(Block::new(Role::Notice, "Check against delivery"));
    }
    let title = clean(&speech.title);
    if !title.is_empty() {
        out.push(Block::new(Role::Title, title));
    }
    if profile.show_speaker_and_date {
        for line in super::title_details(speech, chinese) {
            out.push(Block::new(Role::Meta, clean(&line)));
        }
    }
    let header_end = out.len();
    let greeting = clean(&speech.greeting);
    if !greeting.is_empty() {
        out.push(Block::new(Role::Greeting, greeting));
    }
    let paragraphs = |list: &[String], out: &mut Vec<Block>| {
        for p in list.iter().map(|p| clean(p)).filter(|p| !p.is_empty()) {
            out.push(body_block(p, chinese));
        }
    };
    paragraphs(&speech.opening, &mut out);
    for (index, section) in speech.sections.iter().enumerate() {
        let heading = numbering.heading(index, clean(&section.heading));
        let mut block = Block::new(Role::Heading1, clean(&heading));
        block.page_break_before = profile.break_before_section && index > 0;
        if !chinese {
            block.blank_lines_before = 1;
        }
        out.push(block);
        paragraphs(&section.paragraphs, &mut out);
    }
    paragraphs(&speech.closing, &mut out);
    // One empty line between the title (with speaker and date) and the text.
    if header_end > 0
        && let Some(first) = out.get_mut(header_end)
    {
        first.blank_lines_before = first.blank_lines_before.max(1);
    }
    if let Some(first) = out.first_mut() {
        first.blank_lines_before = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn speech() -> Speech {
        let mut s = Speech {
            title: "在工作会议上的讲话".into(),
            greeting: "同志们：".into(),
            opening: vec!["　　今天开会。".into(), " ".into()],
            sections: vec![Section::new(
                "提高站位",
                vec![
                    "（一）加强学习。要学深悟透。".into(),
                    "（二）狠抓落实".into(),
                ],
            )],
            closing: vec!["谢谢大家！".into()],
            ..Speech::default()
        };
        s.meta.speaker = "张三".into();
        s.meta.date = "2026年11月27日".into();
        s
    }

    #[test]
    fn roles_in_print_order() {
        let b = blocks(&speech(), &Profile::reading(), Numbering::Chinese);
        let roles: Vec<Role> = b.iter().map(|b| b.role).collect();
        use Role::*;
        assert_eq!(
            roles,
            [
                Title, Meta, Meta, Greeting, Body, Heading1, Body, Heading2, Body
            ]
        );
        assert_eq!(b[2].text(), "（2026年11月27日）");
        assert_eq!(b[3].blank_lines_before, 1);
        assert_eq!(b[4].text(), "今天开会。");
        assert_eq!(b[5].text(), "一、提高站位");
        assert_eq!(b[6].spans[0].role, Heading2);
        assert_eq!(b[6].spans[0].text, "（一）加强学习。");
        assert_eq!(b[6].spans[1].text, "要学深悟透。");
    }

    #[test]
    fn gongwen_has_the_details_under_the_title_and_sections_can_start_pages() {
        let mut s = speech();
        s.meta.occasion = "在全市工作会议上的讲话".into();
        let b = blocks(&s, &Profile::gongwen(), Numbering::Chinese);
        let meta: Vec<String> = b
            .iter()
            .filter(|b| b.role == Role::Meta)
            .map(|b| b.text())
            .collect();
        assert_eq!(
            meta,
            ["——在全市工作会议上的讲话", "张三", "（2026年11月27日）"]
        );
        assert_eq!(b[4].blank_lines_before, 1);
        let b = blocks(
            &Speech {
                meta: Default::default(),
                ..speech()
            },
            &Profile::gongwen(),
            Numbering::Chinese,
        );
        assert!(b.iter().all(|b| b.role != Role::Meta));
        assert_eq!(b[1].blank_lines_before, 1);
        let mut profile = Profile::reading();
        profile.break_before_section = true;
        let mut s = speech();
        s.sections.push(Section::new("二", vec![]));
        let b = blocks(&s, &profile, Numbering::Chinese);
        let breaks: Vec<bool> = b
            .iter()
            .filter(|b| b.role == Role::Heading1)
            .map(|b| b.page_break_before)
            .collect();
        assert_eq!(breaks, [false, true]);
    }
}
