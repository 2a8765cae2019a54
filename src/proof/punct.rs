//! `punct-halfwidth`: half-width `, . : ; ? ! ( )` and straight quotes in Chinese text
//! (GB/T 15834), with the exceptions that stay half-width: decimals and thousands (`1.19`,
//! `3,000`), times (`10:30`), versions, URLs and e-mail, abbreviations and runs of Latin text
//! (`COVID-19`, `e.g.`, `Hello, world`), list numbers (`1.` at the start of a paragraph), and
//! dots that make an ellipsis (see `marks`).

use super::Hit;
use super::finding::{CheckId, FindingMessage};
use super::text::{Para, is_cjk_context, is_space};

/// The full-width form of a half-width mark.
fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '.' => '。',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

fn hit(start: usize, found: char, replacement: char) -> Hit {
    Hit {
        check: CheckId::PunctHalfwidth,
        start,
        end: start + 1,
        suggestion: Some(replacement.to_string()),
        message: FindingMessage::HalfwidthPunct { found },
    }
}

fn cjk(c: Option<char>) -> bool {
    c.is_some_and(is_cjk_context)
}

/// Whether the `.` at `i` ends an abbreviation such as `e.g.`, `U.S.` or `i.e.`: a letter before
/// it that follows another dot.
fn ends_abbreviation(p: &Para, i: usize) -> bool {
    i >= 2 && p.chars[i - 1].is_ascii_alphabetic() && p.chars[i - 2] == '.'
}

/// Whether the `.` at `i` ends a list number at the start of the paragraph (`1.` `12.`).
fn list_number(p: &Para, i: usize) -> bool {
    let before = &p.chars[..i];
    before.iter().any(char::is_ascii_digit)
        && before.iter().all(|&c| c.is_ascii_digit() || is_space(c))
}

/// Whether the mark at `i` (`, . : ; ? !`) is in Chinese text and not an exception.
fn sentence_mark_is_chinese(p: &Para, i: usize) -> bool {
    let c = p.chars[i];
    let prev = p.before(i);
    let next = p.at(i + 1);
    let digits_around =
        prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
    if matches!(c, ',' | '.' | ':') && digits_around {
        // 3,000 · 1.19 · 10:30 · 1.2.3
        return false;
    }
    if c == '.' {
        if prev == Some('.') || next == Some('.') {
            return false; // an ellipsis or a run of dots: `marks` looks at those
        }
        if ends_abbreviation(p, i) || list_number(p, i) {
            return false;
        }
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if alnum(prev) && alnum(next) {
            return false; // v1.2, example.com, 3.5G
        }
    }
    if prev.is_none_or(is_space) && !cjk(p.next_non_space(i)) {
        return false; // a mark after a space, not before Chinese: not a sentence mark
    }
    let next_text = p.next_non_space(i);
    if cjk(prev) || cjk(next_text) {
        return true;
    }
    // At the end of a Chinese paragraph, after a Latin word or a number: `……的G20.`
    next_text.is_none() && p.has_cjk && matches!(c, '.' | '!' | '?' | ';' | ':')
}

/// Half-width sentence marks, parentheses and straight quotes in Chinese text.
pub(crate) fn check(p: &Para, out: &mut Vec<Hit>) {
    if !p.has_cjk {
        return;
    }
    for (i, &c) in p.chars.iter().enumerate() {
        if !p.is_free(i) || !matches!(c, ',' | '.' | ':' | ';' | '?' | '!') {
            continue;
        }
        if sentence_mark_is_chinese(p, i)
            && let Some(wide) = fullwidth(c)
        {
            out.push(hit(i, c, wide));
        }
    }
    parentheses(p, out);
    quotes(p, '"', ('“', '”'), out);
    quotes(p, '\'', ('‘', '’'), out);
}

/// Whether the character at `i` touches Chinese text on either side, looking past half-width
/// marks and spaces (`的,"` and `的，"` are alike: the comma is Chinese either way; so are
/// `的--"` and `的——"`, `的 "` and `的"`).
fn touches_cjk(p: &Para, i: usize) -> bool {
    let mark = |c: &&char| c.is_ascii_punctuation() || is_space(**c);
    let left = p.chars[..i].iter().rev().find(|c| !mark(c)).copied();
    let right = p
        .chars
        .get(i + 1..)
        .unwrap_or_default()
        .iter()
        .find(|c| !mark(c))
        .copied();
    cjk(left) || cjk(right)
}

/// `(` and `)`: a pair is Chinese when either mark touches Chinese text; a mark without a partner
/// when it does.
fn parentheses(p: &Para, out: &mut Vec<Hit>) {
    let mut open: Vec<usize> = Vec::new();
    let mut marks: Vec<(usize, char)> = Vec::new();
    for (i, &c) in p.chars.iter().enumerate() {
        if !p.is_free(i) {
            continue;
        }
        match c {
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => {
                    if touches_cjk(p, o) || touches_cjk(p, i) {
                        marks.push((o, '（'));
                        marks.push((i, '）'));
                    }
                }
                None => {
                    if touches_cjk(p, i) {
                        marks.push((i, '）'));
                    }
                }
            },
            _ => {}
        }
    }
    for o in open {
        if touches_cjk(p, o) {
            marks.push((o, '（'));
        }
    }
    marks.sort_unstable();
    for (i, wide) in marks {
        out.push(hit(i, p.chars[i], wide));
    }
}

/// Straight quotes (`straight`) in Chinese text, taken in pairs in reading order: the first of a
/// pair opens, the second closes. A `'` between two letters or digits is an apostrophe, not a
/// quote.
fn quotes(p: &Para, straight: char, (opening, closing): (char, char), out: &mut Vec<Hit>) {
    let positions: Vec<usize> = (0..p.chars.len())
        .filter(|&i| p.chars[i] == straight && p.is_free(i))
        .filter(|&i| {
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            straight != '\'' || !(alnum(p.before(i)) && alnum(p.at(i + 1)))
        })
        .collect();
    for pair in positions.chunks(2) {
        let chinese = pair.iter().any(|&i| touches_cjk(p, i));
        if !chinese {
            continue;
        }
        match *pair {
            [o, c] => {
                out.push(hit(o, straight, opening));
                out.push(hit(c, straight, closing));
            }
            [lone] => {
                // A quote without a partner is an unbalanced pair: which curly quote it should
                // be depends on where its partner belongs, so no fix.
                out.push(Hit {
                    check: CheckId::PairsUnbalanced,
                    start: lone,
                    end: lone + 1,
                    suggestion: None,
                    message: FindingMessage::Unbalanced {
                        mark: straight,
                        missing: straight,
                    },
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with every suggested fix applied.
    fn fixed(text: &str) -> String {
        let p = Para::new(text);
        let mut hits = Vec::new();
        check(&p, &mut hits);
        let mut chars = p.chars.clone();
        for h in hits {
            if let Some(s) = h.suggestion {
                chars.splice(h.start..h.end, s.chars());
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn marks_between_chinese_become_full_width() {
        assert_eq!(
            fixed("同志们:今天开会,主要任务是部署工作;大家清楚吗?很好!散会."),
            "同志们：今天开会，主要任务是部署工作；大家清楚吗？很好！散会。"
        );
        assert_eq!(fixed("秘书长(办公室主任)会议"), "秘书长（办公室主任）会议");
        assert_eq!(fixed("他说\"好\"。"), "他说“好”。");
        assert_eq!(fixed("所谓'三公'经费"), "所谓‘三公’经费");
        // A quote without a partner is found, but not fixed.
        assert_eq!(fixed("他说\"好"), "他说\"好");
        let mut hits = Vec::new();
        check(&Para::new("他说\"好"), &mut hits);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].check, hits[0].suggestion.is_none()),
            (CheckId::PairsUnbalanced, true)
        );
    }

    #[test]
    fn exceptions_stay_half_width() {
        for text in [
            "增长1.19个百分点",
            "共3,000人参加",
            "上午10:30开会",
            "升级到v2.1.3版本",
            "详见https://example.org/a,b?x=1。",
            "请发邮件至office.li@city.gov.cn。",
            "应对COVID-19疫情",
            "参加G20峰会",
            "例如e.g.这种写法",
            "他用英文说 Hello, world 之后",
            "正如 Mr. Smith 所说",
            "我们……",
            "省略...号另有检查",
            "don't 不改",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
    }

    #[test]
    fn marks_after_latin_text_inside_chinese_are_found() {
        assert_eq!(fixed("应对COVID-19,我们"), "应对COVID-19，我们");
        assert_eq!(fixed("会议在G20."), "会议在G20。");
        assert_eq!(fixed("新冠(COVID-19)疫情"), "新冠（COVID-19）疫情");
    }

    #[test]
    fn english_text_is_left_alone() {
        let text = "Ladies and gentlemen, (welcome): it's \"great\".";
        assert_eq!(fixed(text), text);
    }
}
