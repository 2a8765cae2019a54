//! Differences a comparison can be told to ignore: the width of punctuation (and other
//! full-width forms of ASCII) and the length of runs of spaces.
//!
//! Under [`Fold::width`], a full-width form compares equal to its ASCII form (`，` `,`, `：` `:`,
//! `（` `(`, `）` `)`, `；` `;`, `？` `?`, `！` `!`, full-width letters and digits — the whole
//! block U+FF01–U+FF5E — and `￥` `¥` and its neighbours), the ideographic space `　` to a space,
//! and curly quotes to straight ones (`“` `”` `"`, `‘` `’` `'`). Under [`Fold::space`], any run of
//! spaces and tabs (whitespace other than a line break) compares equal to any other such run; a
//! run never equals no space at all, and line breaks always count.
//!
//! Folding maps one character to one character, so a text and its folded form have the same
//! characters in the same places, and token boundaries found in the folded text are boundaries
//! in the original.

use std::borrow::Cow;

/// Which differences to ignore.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Fold {
    /// Half- and full-width forms of the same mark, curly and straight quotes.
    pub width: bool,
    /// Runs of spaces of different lengths or kinds.
    pub space: bool,
}

impl Fold {
    /// Nothing ignored.
    pub const NONE: Fold = Fold {
        width: false,
        space: false,
    };

    /// Whether anything is ignored.
    pub fn any(self) -> bool {
        self.width || self.space
    }

    /// The character `c` compares as.
    pub fn char(self, c: char) -> char {
        if !self.width {
            return c;
        }
        match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '“' | '”' | '„' | '‟' => '"',
            '‘' | '’' | '‚' | '‛' => '\'',
            '\u{FFE0}' => '¢',
            '\u{FFE1}' => '£',
            '\u{FFE2}' => '¬',
            '\u{FFE3}' => '¯',
            '\u{FFE4}' => '¦',
            '\u{FFE5}' => '¥',
            '\u{FFE6}' => '₩',
            _ => c,
        }
    }

    /// `text` with every character folded, and for every byte offset of the folded text that
    /// starts a character (and its end) the matching offset in `text`.
    pub fn text(self, text: &str) -> (String, Vec<usize>) {
        let mut folded = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let f = self.char(c);
            map.resize(folded.len() + 1, i);
            folded.push(f);
        }
        map.resize(folded.len() + 1, text.len());
        (folded, map)
    }

    /// The key a token (of folded text) compares by: with [`Fold::space`], each run of spaces is
    /// one space.
    pub fn key(self, folded: &str) -> Cow<'_, str> {
        if !self.space || !folded.chars().any(is_space) {
            return Cow::Borrowed(folded);
        }
        let mut out = String::with_capacity(folded.len());
        let mut in_run = false;
        for c in folded.chars() {
            if is_space(c) {
                if !in_run {
                    out.push(' ');
                }
                in_run = true;
            } else {
                out.push(c);
                in_run = false;
            }
        }
        Cow::Owned(out)
    }

    /// The key of an unfolded text: folded, then [`Fold::key`].
    pub fn key_of(self, text: &str) -> Cow<'_, str> {
        let needs_fold = self.width && text.chars().any(|c| self.char(c) != c);
        if needs_fold {
            let folded: String = text.chars().map(|c| self.char(c)).collect();
            Cow::Owned(self.key(&folded).into_owned())
        } else {
            self.key(text)
        }
    }

    /// How many places two texts that compare equal differ in: characters written in another
    /// width, runs of spaces written differently. Texts that do not line up count their extra
    /// units as differences.
    pub fn differences(self, old: &str, new: &str) -> usize {
        if old == new {
            return 0;
        }
        let mut a = Units::new(old, self.space);
        let mut b = Units::new(new, self.space);
        let mut count = 0;
        loop {
            match (a.next(), b.next()) {
                (None, None) => return count,
                (Some(x), Some(y)) => count += usize::from(x != y),
                _ => count += 1,
            }
        }
    }
}

/// Whitespace other than a line break.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// A text cut into characters, with runs of spaces as one unit when `space` is set.
struct Units<'a> {
    rest: &'a str,
    space: bool,
}

impl<'a> Units<'a> {
    fn new(text: &'a str, space: bool) -> Self {
        Self { rest: text, space }
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let first = self.rest.chars().next()?;
        let mut end = first.len_utf8();
        if self.space && is_space(first) {
            end = self
                .rest
                .char_indices()
                .find(|&(_, c)| !is_space(c))
                .map_or(self.rest.len(), |(i, _)| i);
        }
        let (unit, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOTH: Fold = Fold {
        width: true,
        space: true,
    };

    #[test]
    fn full_width_marks_fold_to_ascii() {
        let width = Fold {
            width: true,
            space: false,
        };
        assert_eq!(width.key_of("甲，乙：（丙）；？！"), "甲,乙:(丙);?!");
        assert_eq!(width.key_of("“好”‘对’２０２６"), "\"好\"'对'2026");
        assert_eq!(Fold::NONE.key_of("，"), "，");
        // Marks that are not the same mark stay apart.
        assert_eq!(width.key_of("。、"), "。、");
    }

    #[test]
    fn space_runs_are_one_space_but_line_breaks_count() {
        assert_eq!(BOTH.key_of("a  \t b\n\nc　d"), "a b\n\nc d");
        assert_ne!(BOTH.key_of("ab"), BOTH.key_of("a b"));
    }

    #[test]
    fn folded_text_maps_back_to_the_original() {
        let (folded, map) = BOTH.text("甲，a（");
        assert_eq!(folded, "甲,a(");
        assert_eq!(map[0], 0);
        assert_eq!(map[3], 3);
        assert_eq!(map[4], 6);
        assert_eq!(map[5], 7);
        assert_eq!(map[folded.len()], "甲，a（".len());
    }

    #[test]
    fn differences_count_places() {
        assert_eq!(BOTH.differences("甲，乙，丙", "甲,乙,丙"), 2);
        assert_eq!(BOTH.differences("a  b c", "a b c"), 1);
        assert_eq!(BOTH.differences("same", "same"), 0);
    }
}
