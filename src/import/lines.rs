//! Lines and characters: splitting text into trimmed lines, the character classes the importer
//! looks at, and joining hard-wrapped lines back into paragraphs.

use crate::stats::is_cjk;

/// The byte-order mark some editors put at the start of a UTF-8 file.
pub(crate) const BYTE_ORDER_MARK: char = '\u{feff}';

/// Splits `text` into lines at LF, CRLF or CR, after dropping a leading byte-order mark.
///
/// Every line is trimmed of whitespace (ASCII spaces and tabs, NBSP, the ideographic space
/// U+3000 …); a blank line becomes `""`. Linear in the length of `text`.
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    // Most texts have no CR at all: one look for it spares a search in every line.
    let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
    // Counting the line feeds first (a vector scan) spares growing the list step by step.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let piece = text.get(start..end).unwrap_or_default();
        start = end + 1;
        // A CR before the LF is part of a CRLF ending; any other CR ends a line of its own.
        let piece = piece.strip_suffix('\r').unwrap_or(piece);
        if has_cr && piece.contains('\r') {
            lines.extend(piece.split('\r').map(str::trim));
        } else {
            lines.push(piece.trim());
        }
    }
    lines
}

/// Whether `c` is a CJK character or CJK / full-width punctuation: text around it needs no
/// spaces.
pub(crate) fn is_cjk_wide(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65 | 0xFE30..=0xFE4F)
}

/// Whether a line ending in `c` ends a paragraph, so the next line is not its continuation.
fn ends_paragraph(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '.'
            | '…'
            | '”'
            | '"'
            | '：'
            | ':'
            | '；'
            | ';'
            | '」'
            | '』'
            | '）'
            | ')'
    )
}

/// Whether `text` ends with punctuation that closes a paragraph (`。！？!?.…”"：:；;`).
pub(crate) fn ends_with_paragraph_end(text: &str) -> bool {
    text.chars().next_back().is_some_and(ends_paragraph)
}

/// Appends the hard-wrapped continuation `next` to `paragraph`: directly when both sides are CJK,
/// else with one space.
pub(crate) fn join_wrapped(paragraph: &mut String, next: &str) {
    let (Some(left), Some(right)) = (paragraph.chars().next_back(), next.chars().next()) else {
        paragraph.push_str(next);
        return;
    };
    if !(is_cjk_wide(left) && is_cjk_wide(right)) {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Where the first sentence of `text` ends: the byte index just after its `。！？` (or `.!?`
/// followed by whitespace), if that is not the end of the text.
pub(crate) fn first_sentence_end(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let end = index + c.len_utf8();
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|&(_, next)| next.is_whitespace()),
            _ => false,
        };
        if ends {
            return (!text.get(end..).unwrap_or_default().trim().is_empty()).then_some(end);
        }
    }
    None
}

/// Whether the non-blank lines in `lines` are separated by blank lines often enough to be
/// paragraphs with blank lines between them (hard-wrapped lines inside a paragraph are then
/// joined). Text with one line per paragraph and at most a rare blank line is not.
pub(crate) fn uses_blank_lines(lines: &[&str]) -> bool {
    let mut gaps = 0usize;
    let mut text_lines = 0usize;
    let mut seen_text = false;
    let mut pending_gap = false;
    for line in lines {
        if line.is_empty() {
            pending_gap = seen_text;
        } else {
            if pending_gap {
                gaps += 1;
                pending_gap = false;
            }
            seen_text = true;
            text_lines += 1;
        }
    }
    gaps >= 1 && gaps * 8 >= text_lines
}

/// A line's width in columns: CJK and full-width characters count two, others one.
pub(crate) fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| if is_cjk_wide(c) { 2 } else { 1 })
        .sum()
}

/// When a line continues the paragraph of the line before it (hard-wrapped text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WrapRule {
    /// Never: one line per paragraph.
    Never,
    /// When the earlier line is at least this wide (in columns) and does not end a sentence.
    AtLeast(usize),
}

/// The typical width of `widths`: the value at `percent` of the sorted list (rounded).
fn percentile(mut widths: Vec<usize>, percent: usize) -> usize {
    widths.sort_unstable();
    let index = (widths.len().saturating_sub(1) * percent + 50) / 100;
    widths.get(index).copied().unwrap_or(0)
}

/// How `lines` (body lines, blank as `""`) wrap.
///
/// With blank lines between paragraphs, a line continues the one before it when that one is at
/// least 60% as wide as the typical wrapped line (so short header lines stay apart). Without
/// blank lines, text counts as hard-wrapped (as from a PDF) when at least 40% of its lines (and
/// three or more) fill the typical long line (of 40 columns or more) to within 10% without
/// ending a sentence; such a line then continues into the next.
pub(crate) fn wrap_rule(lines: &[&str]) -> WrapRule {
    if uses_blank_lines(lines) {
        let wrapped: Vec<usize> = lines
            .windows(2)
            .filter(|pair| {
                !pair[0].is_empty() && !pair[1].is_empty() && !ends_with_paragraph_end(pair[0])
            })
            .map(|pair| display_width(pair[0]))
            .collect();
        if wrapped.is_empty() {
            return WrapRule::Never;
        }
        return WrapRule::AtLeast(percentile(wrapped, 75) * 6 / 10);
    }
    let widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| display_width(l))
        .collect();
    let typical = percentile(widths.clone(), 80);
    if typical < 40 || widths.len() < 4 {
        return WrapRule::Never;
    }
    // A wrapped line fills the width (to within a word or two) and ends mid-sentence.
    let threshold = typical * 9 / 10;
    let broken = lines
        .iter()
        .filter(|l| {
            let width = display_width(l);
            !l.is_empty()
                && (threshold..=typical + 4).contains(&width)
                && !ends_with_paragraph_end(l)
        })
        .count();
    if broken >= 3 && broken * 10 >= widths.len() * 4 {
        WrapRule::AtLeast(threshold)
    } else {
        WrapRule::Never
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_line_ending_and_drops_the_bom() {
        assert_eq!(
            split_lines("\u{feff}a\r\nb\rc\n\nd"),
            ["a", "b", "c", "", "d"]
        );
        assert_eq!(split_lines("a\r\r\nb\n"), ["a", "", "b", ""]);
        assert_eq!(split_lines(""), [""]);
    }

    #[test]
    fn trims_ascii_full_width_and_nbsp_indentation() {
        assert_eq!(
            split_lines("  甲\n\u{3000}\u{3000}乙\n\u{a0}\n\t丙 "),
            ["甲", "乙", "", "丙"]
        );
    }

    #[test]
    fn joins_cjk_without_space_and_latin_with_one() {
        let mut text = String::from("我们要");
        join_wrapped(&mut text, "加强学习");
        assert_eq!(text, "我们要加强学习");
        let mut text = String::from("We must");
        join_wrapped(&mut text, "learn");
        assert_eq!(text, "We must learn");
        let mut text = String::from("提高GDP");
        join_wrapped(&mut text, "增长");
        assert_eq!(text, "提高GDP 增长");
    }

    #[test]
    fn finds_the_first_sentence_end() {
        assert_eq!(first_sentence_end("甲。乙"), Some("甲。".len()));
        assert_eq!(first_sentence_end("甲。"), None);
        assert_eq!(first_sentence_end("Up 1.5 percent. Then"), Some(15));
        assert_eq!(first_sentence_end("no end"), None);
    }

    #[test]
    fn blank_line_paragraphs_are_told_from_one_line_per_paragraph() {
        assert!(uses_blank_lines(&["a", "b", "", "c", "d"]));
        assert!(!uses_blank_lines(&["a", "b", "c", "d"]));
        let mostly_single: Vec<&str> = std::iter::repeat_n("p", 20)
            .chain([""])
            .chain(std::iter::repeat_n("q", 20))
            .collect();
        assert!(!uses_blank_lines(&mostly_single));
    }

    #[test]
    fn paragraph_ends() {
        assert!(ends_with_paragraph_end("好。"));
        assert!(ends_with_paragraph_end("he said.\""));
        assert!(!ends_with_paragraph_end("我们要"));
        assert!(!ends_with_paragraph_end(""));
    }

    #[test]
    fn hard_wrapped_text_is_told_from_one_line_per_paragraph() {
        let wrapped = [
            "This is a long paragraph that a PDF viewer broke at the end of every line and",
            "so every line but the last of each paragraph is about as long as all the others",
            "are and ends in the middle of a sentence, which is what gives it away to us.",
            "A second paragraph starts here and it, too, runs on for a while until it wraps",
            "at the edge.",
        ];
        assert!(matches!(wrap_rule(&wrapped), WrapRule::AtLeast(w) if w > 50));
        let single = [
            "一句话。",
            "又一句话，比较长一些的一句话。",
            "短。",
            "第四句。",
        ];
        assert_eq!(wrap_rule(&single), WrapRule::Never);
        // Blank-line paragraphs: a short header line is no wrapped line.
        let blank = [
            "Title",
            "Subtitle",
            "",
            "A line that is long enough to",
            "be wrapped.",
        ];
        let WrapRule::AtLeast(min) = wrap_rule(&blank) else {
            panic!()
        };
        assert!(display_width("Title") < min && display_width(blank[3]) >= min);
    }
}
