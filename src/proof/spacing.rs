//! `spacing`: spaces between two CJK characters, full-width spaces inside a paragraph (the
//! leading indent is left alone), trailing spaces, and two or more spaces where one belongs.
//! Spaces between Chinese and Latin text or digits are not reported: Chinese official text has
//! none, and adding them is not this check's business.
//!
//! `en-quotes`: straight quotes in English text (a paragraph without CJK) → curly quotes.

use super::Hit;
use super::finding::{CheckId, FindingMessage, SpaceKind};
use super::text::{Para, is_cjk_context, is_space};

fn space_hit(start: usize, end: usize, suggestion: &str, kind: SpaceKind) -> Hit {
    Hit {
        check: CheckId::Spacing,
        start,
        end,
        suggestion: Some(suggestion.to_string()),
        message: FindingMessage::Spacing { kind },
    }
}

/// Spacing findings in one paragraph.
pub(crate) fn check(p: &Para, out: &mut Vec<Hit>) {
    let n = p.chars.len();
    let mut i = 0;
    while i < n {
        if !is_space(p.chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_space(p.chars[i]) {
            i += 1;
        }
        let end = i;
        if start == 0 {
            continue; // the leading indent
        }
        if end == n {
            out.push(space_hit(start, end, "", SpaceKind::Trailing));
            continue;
        }
        let (prev, next) = (p.chars[start - 1], p.chars[end]);
        let cjk_around = (is_cjk_context(prev), is_cjk_context(next));
        let run = &p.chars[start..end];
        if cjk_around == (true, true) {
            out.push(space_hit(start, end, "", SpaceKind::BetweenCjk));
        } else if run.contains(&'\u{3000}') {
            let replacement = if cjk_around.0 || cjk_around.1 {
                ""
            } else {
                " "
            };
            out.push(space_hit(start, end, replacement, SpaceKind::Fullwidth));
        } else if run.len() >= 2 {
            out.push(space_hit(start, end, " ", SpaceKind::Double));
        }
    }
}

/// Straight `"` and `'` in a paragraph of English text.
pub(crate) fn english_quotes(p: &Para, out: &mut Vec<Hit>) {
    if p.has_cjk {
        return; // Chinese text: `punct-halfwidth` looks at its quotes
    }
    let mut found = Vec::new();
    let mut double_open = false;
    for (i, &c) in p.chars.iter().enumerate() {
        if !matches!(c, '"' | '\'') || !p.is_free(i) {
            continue;
        }
        let prev = p.before(i);
        let opens_here = prev.is_none_or(|c| {
            is_space(c) || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘')
        });
        let curly = if c == '"' {
            // Opening after a space or at the start, closing after a word; when the place
            // says nothing (`"` between two marks), alternate.
            let opening = if opens_here {
                true
            } else if prev.is_some_and(char::is_alphanumeric) {
                false
            } else {
                !double_open
            };
            double_open = opening;
            if opening { '“' } else { '”' }
        } else if opens_here && p.at(i + 1).is_some_and(|c| !is_space(c)) {
            '‘'
        } else {
            '’' // closing quote or apostrophe (`don't`, `students'`)
        };
        found.push(Hit {
            check: CheckId::EnQuotes,
            start: i,
            end: i + 1,
            suggestion: Some(curly.to_string()),
            message: FindingMessage::StraightQuote { found: c },
        });
    }
    keep_fixes_that_pair(p, &mut found);
    out.extend(found);
}

/// Drops the fix of a quote that would be left without a partner once every quote is curly (a
/// lone `"`): which one it should be depends on where its partner belongs.
fn keep_fixes_that_pair(p: &Para, found: &mut [Hit]) {
    if found.is_empty() {
        return;
    }
    let mut chars = p.chars.clone();
    for h in found.iter() {
        if let Some(c) = h.suggestion.as_deref().and_then(|s| s.chars().next()) {
            chars[h.start] = c;
        }
    }
    let fixed: String = chars.iter().collect();
    let mut unbalanced = Vec::new();
    super::pairs::check(&Para::new(&fixed), &mut unbalanced);
    for h in found.iter_mut() {
        if unbalanced.iter().any(|u| u.start == h.start) {
            h.suggestion = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, checker: fn(&Para, &mut Vec<Hit>)) -> String {
        let p = Para::new(text);
        let mut hits = Vec::new();
        checker(&p, &mut hits);
        let mut chars = p.chars.clone();
        for h in hits.iter().rev() {
            if let Some(s) = &h.suggestion {
                chars.splice(h.start..h.end, s.chars());
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn spaces() {
        assert_eq!(
            fixed("　　同志们 ，今天 开会。", check),
            "　　同志们，今天开会。"
        );
        assert_eq!(fixed("今天开会。 ", check), "今天开会。");
        assert_eq!(fixed("在2026年　G20峰会", check), "在2026年G20峰会");
        assert_eq!(fixed("Thank  you　all", check), "Thank you all");
        // Spaces around Latin text and digits in Chinese stay.
        assert_eq!(
            fixed("在 2026 年的 G20 峰会", check),
            "在 2026 年的 G20 峰会"
        );
    }

    #[test]
    fn english_quotes_become_curly() {
        assert_eq!(
            fixed("He said \"don't\" and 'yes'.", english_quotes),
            "He said “don’t” and ‘yes’."
        );
        assert_eq!(fixed("同志们说\"好\"", english_quotes), "同志们说\"好\"");
        // A quote without a partner is found but not fixed.
        assert_eq!(fixed("He said \"yes.", english_quotes), "He said \"yes.");
    }
}
