//! Where lines may break: Unicode line breaking (UAX #14, `unicode-linebreak`) plus the rules of
//! Chinese typesetting — `。，、；：？！` and closing quotes or brackets never start a line,
//! opening ones never end one, `——` and `……` stay whole — and a greedy filler of lines.

use std::ops::Range;

/// Marks that may not start a line (besides what UAX #14 already keeps off a line start).
const NO_LINE_START: &str = "。，、；：？！）》」』】〕〉”’…．，,.;:?!)]}%‰℃·";
/// Marks that may not end a line.
const NO_LINE_END: &str = "（《「『【〔〈“‘([{";

/// Whether `c` may not start a line.
pub fn forbidden_at_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// Whether `c` may not end a line.
pub fn forbidden_at_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// A character whose surroundings make it Chinese text (an ideograph or full-width mark).
fn cjk_context(c: char) -> bool {
    crate::stats::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// For each character of `chars` (the characters of `text`), whether a line may start there.
/// Index 0 is always `false` (a line starts there anyway).
pub fn break_opportunities(text: &str, chars: &[char], chinese: bool) -> Vec<bool> {
    let mut allowed = vec![false; chars.len()];
    // UAX #14 gives byte offsets of the places before which a line may start.
    let mut char_at_byte = text.char_indices().map(|(i, _)| i).enumerate().peekable();
    for (byte, _) in unicode_linebreak::linebreaks(text) {
        while let Some(&(index, start)) = char_at_byte.peek() {
            if start < byte {
                char_at_byte.next();
            } else {
                if start == byte && index > 0 {
                    allowed[index] = true;
                }
                break;
            }
        }
    }
    for i in 1..chars.len() {
        let (before, here) = (chars[i - 1], chars[i]);
        if chinese {
            // UAX #14 keeps quotation marks glued to both neighbours; Chinese text breaks
            // before an opening quote and after a closing one like before and after any ideograph.
            if matches!(here, '“' | '‘') && (cjk_context(before) || matches!(before, '”' | '’'))
            {
                allowed[i] = true;
            }
            if matches!(before, '”' | '’') && cjk_context(here) {
                allowed[i] = true;
            }
        }
        if forbidden_at_line_start(here) || forbidden_at_line_end(before) {
            allowed[i] = false;
        }
        if (before == '—' && here == '—') || (before == '…' && here == '…') {
            allowed[i] = false;
        }
    }
    allowed
}

/// Fills lines greedily: `widths[i]` is the width of character `i`, `allowed` says where a line
/// may start, `spaces[i]` whether the character is a space (it may hang past the line end and
/// does not start a line). The first line is `first_width` wide, the others `width`. Returns the
/// character ranges of the lines, trailing spaces included.
pub fn fill_lines(
    widths: &[f32],
    allowed: &[bool],
    spaces: &[bool],
    first_width: f32,
    width: f32,
) -> Vec<Range<usize>> {
    let n = widths.len();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        let available = if lines.is_empty() { first_width } else { width };
        let mut used = 0.0f32;
        let mut last_break = None;
        let mut end = n;
        for i in start..n {
            if i > start && allowed[i] && !spaces[i] {
                last_break = Some(i);
            }
            if !spaces[i] && used + widths[i] > available + 0.01 && i > start {
                end = match last_break {
                    Some(b) if b > start => b,
                    // One unbreakable piece longer than the line: cut it where it overflows.
                    _ => i,
                };
                break;
            }
            used += widths[i];
        }
        lines.push(start..end);
        start = end;
        while start < n && spaces[start] {
            start += 1;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Breaks `text` with every character one unit wide into lines of `width` units.
    fn lines(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let allowed = break_opportunities(text, &chars, true);
        let widths = vec![1.0; chars.len()];
        let spaces: Vec<bool> = chars.iter().map(|c| *c == ' ').collect();
        fill_lines(&widths, &allowed, &spaces, width as f32, width as f32)
            .into_iter()
            .map(|r| chars[r].iter().collect::<String>())
            .collect()
    }

    #[test]
    fn closing_marks_pull_the_previous_character_down() {
        assert_eq!(lines("一二三四。五六", 4), ["一二三", "四。五六"]);
        assert_eq!(lines("一二三四”，五", 4), ["一二三", "四”，五"]);
        assert_eq!(lines("一二三四！", 4), ["一二三", "四！"]);
    }

    #[test]
    fn opening_marks_go_to_the_next_line() {
        assert_eq!(lines("一二三“四五”", 4), ["一二三", "“四五”"]);
        assert_eq!(lines("一二三《四》", 4), ["一二三", "《四》"]);
        assert_eq!(lines("一二三（四）", 4), ["一二三", "（四）"]);
    }

    #[test]
    fn dashes_and_ellipses_stay_whole() {
        assert_eq!(lines("一二三——四", 4), ["一二三", "——四"]);
        assert_eq!(lines("一二——三", 3), ["一二", "——三"]);
        assert_eq!(lines("一二三……", 4), ["一二", "三……"]);
    }

    #[test]
    fn latin_words_and_numbers_are_not_split() {
        assert_eq!(lines("一二2026年", 4), ["一二", "2026", "年"]);
        assert_eq!(lines("an apple a", 6), ["an ", "apple ", "a"]);
        // A word longer than the line is cut where it overflows.
        assert_eq!(lines("abcdefgh", 4), ["abcd", "efgh"]);
    }

    #[test]
    fn ideographs_break_anywhere() {
        assert_eq!(lines("一二三四五六七", 3), ["一二三", "四五六", "七"]);
        assert_eq!(lines("说“好”", 3), ["说", "“好”"]);
    }
}
