//! A paragraph as the checks see it: its characters, which of them are protected (URLs, e-mail
//! addresses), and the character classes the rules use.

use crate::stats::is_cjk;

/// One paragraph, prepared once for all checks.
pub(crate) struct Para {
    /// The paragraph's characters.
    pub chars: Vec<char>,
    /// `protected[i]`: character `i` is inside a URL or an e-mail address, which no check touches.
    pub protected: Vec<bool>,
    /// Whether the paragraph has any CJK character (else it is English or other text).
    pub has_cjk: bool,
}

impl Para {
    /// Prepares `text` for checking.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let has_cjk = chars.iter().any(|&c| is_cjk(c));
        let protected = protected_spans(&chars);
        Self {
            chars,
            protected,
            has_cjk,
        }
    }

    /// The character at `i`, if any.
    pub fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The character before `i`, if any.
    pub fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.at(j))
    }

    /// The first character after `i` that is not a space.
    pub fn next_non_space(&self, i: usize) -> Option<char> {
        self.chars
            .get(i + 1..)?
            .iter()
            .copied()
            .find(|c| !is_space(*c))
    }

    /// Whether character `i` may be looked at (not inside a URL or e-mail address).
    pub fn is_free(&self, i: usize) -> bool {
        !self.protected.get(i).copied().unwrap_or(true)
    }

    /// The characters `start..end` as a string.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }
}

/// The characters `start..end` of `text` as a string; empty when the range is not in it (as
/// [`Para::slice`], without preparing the paragraph).
pub(crate) fn char_slice(text: &str, start: usize, end: usize) -> String {
    if start >= end {
        return String::new();
    }
    let mut bytes = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    match (bytes.nth(start), bytes.nth(end - start - 1)) {
        (Some(from), Some(to)) => text[from..to].to_string(),
        _ => String::new(),
    }
}

/// Spaces the checks know: ASCII space, tab, no-break space, ideographic space.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}')
}

/// Full-width and CJK punctuation (`，。、“”《》……——` and the like), not spaces.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x303F // CJK symbols and punctuation
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // full-width
        | 0xFE30..=0xFE4F // CJK compatibility forms
        | 0x2018 | 0x2019 | 0x201C | 0x201D // ‘ ’ “ ”
        | 0x2014 | 0x2026 | 0x00B7 // — … ·
    )
}

/// A CJK character or CJK punctuation: what makes a mark next to it "in Chinese text".
pub(crate) fn is_cjk_context(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c)
}

/// The Chinese numerals the numbering checks read.
pub(crate) fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of a Chinese numeral of 1 to 99 (`一`, `十二`, `二十三`), or `None`.
pub(crate) fn chinese_number_value(digits: &[char]) -> Option<usize> {
    let digit = |c: char| -> Option<usize> {
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
            _ => return None,
        })
    };
    match digits {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [d, '十'] => Some(digit(*d)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// How many Chinese numeral characters start at `i` (at most 3).
pub(crate) fn chinese_digits_at(chars: &[char], i: usize) -> usize {
    chars
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take(4)
        .take_while(|c| is_chinese_digit(**c))
        .count()
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^')
}

fn is_email_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

fn starts_with_ignore_case(chars: &[char], at: usize, prefix: &str) -> bool {
    let mut i = at;
    for p in prefix.chars() {
        match chars.get(i) {
            Some(c) if c.eq_ignore_ascii_case(&p) => i += 1,
            _ => return false,
        }
    }
    true
}

/// Marks URLs (`http://…`, `https://…`, `ftp://…`, `www.…`) and e-mail addresses. A URL ends at
/// a space or a non-ASCII character; punctuation at its very end (`.`, `,`, `)` …) is left out,
/// since it belongs to the sentence.
fn protected_spans(chars: &[char]) -> Vec<bool> {
    let mut protected = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let url = boundary
            && ["http://", "https://", "ftp://", "www."]
                .iter()
                .any(|p| starts_with_ignore_case(chars, i, p));
        if url {
            let mut end = i;
            while end < chars.len() && is_url_char(chars[end]) {
                end += 1;
            }
            while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')') {
                end -= 1;
            }
            protected[i..end].fill(true);
            i = end.max(i + 1);
            continue;
        }
        if chars[i] == '@' {
            mark_email(chars, i, &mut protected);
        }
        i += 1;
    }
    protected
}

/// Marks the e-mail address around the `@` at `at`, if there is one.
fn mark_email(chars: &[char], at: usize, protected: &mut [bool]) {
    let mut start = at;
    while start > 0 && is_email_local_char(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at + 1;
    let mut dots = 0;
    loop {
        let label_start = end;
        while end < chars.len() && is_domain_char(chars[end]) {
            end += 1;
        }
        if end == label_start {
            // An empty label: drop the dot before it.
            if dots > 0 {
                end -= 1;
                dots -= 1;
            }
            break;
        }
        if end + 1 < chars.len() && chars[end] == '.' && is_domain_char(chars[end + 1]) {
            end += 1;
            dots += 1;
        } else {
            break;
        }
    }
    if start < at && dots > 0 {
        protected[start..end].fill(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(text: &str) -> String {
        let p = Para::new(text);
        p.chars
            .iter()
            .zip(&p.protected)
            .filter(|(_, p)| **p)
            .map(|(c, _)| *c)
            .collect()
    }

    #[test]
    fn urls_and_emails_are_protected_without_the_sentence_end() {
        assert_eq!(
            protected("详见https://example.org/a,b?x=1。"),
            "https://example.org/a,b?x=1"
        );
        assert_eq!(protected("见www.gov.cn."), "www.gov.cn");
        assert_eq!(
            protected("请发邮件至office.li@city.gov.cn,谢谢"),
            "office.li@city.gov.cn"
        );
        assert_eq!(protected("用户@某某"), "");
    }

    #[test]
    fn chinese_numbers() {
        let v = |s: &str| chinese_number_value(&s.chars().collect::<Vec<_>>());
        assert_eq!(v("一"), Some(1));
        assert_eq!(v("十"), Some(10));
        assert_eq!(v("十二"), Some(12));
        assert_eq!(v("二十"), Some(20));
        assert_eq!(v("二十三"), Some(23));
        assert_eq!(v("十十"), None);
    }
}
