//! Find and replace across every field of the speech.

use std::ops::Range;

use crate::model::{SectionId, Speech};
use crate::part::{Field, Part};

use super::Editor;
use super::action::Effect;
use super::doc::Edit;

/// One occurrence of the search text: a field and a byte range in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The field.
    pub field: Field,
    /// Where, in bytes of the field's text.
    pub range: Range<usize>,
}

/// How the find bar matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindOptions {
    /// Letters must have the same case (`Know` does not find `know`). Off: case is ignored.
    pub match_case: bool,
    /// Only whole words: a match that starts or ends with a letter or digit must not continue a
    /// word of Latin letters or digits (`art` does not find `start`). Chinese has no spaces
    /// between words, so a Han character never counts as part of a word here.
    pub whole_word: bool,
    /// Only this section (heading and text); `None`: the whole speech.
    pub section: Option<SectionId>,
}

impl FindOptions {
    /// Whether `field` is searched.
    pub fn includes(&self, field: Field) -> bool {
        match self.section {
            None => true,
            Some(id) => field.part() == Part::Section(id),
        }
    }
}

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// What to look for.
    pub query: String,
    /// How to match it.
    pub options: FindOptions,
    /// What to put instead.
    pub replacement: String,
    /// The match the writer is at, as an index into [`FindState::matches`].
    pub current: Option<usize>,
    /// How many matches the last "replace all" replaced (cleared by the next find or edit).
    pub replaced: Option<usize>,
    matches: Vec<Match>,
    /// What `matches` were found for: (revision, query, options).
    found_for: Option<(u64, String, FindOptions)>,
}

impl FindState {
    /// Every match of the query in the document, in reading order.
    pub fn matches(&self) -> &[Match] {
        if self.open { &self.matches } else { &[] }
    }

    /// The ranges to highlight in a field's text: every match, and whether it is the current one.
    pub fn highlights(&self, field: Field) -> Vec<(Range<usize>, bool)> {
        self.matches()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.field == field)
            .map(|(i, m)| (m.range.clone(), self.current == Some(i)))
            .collect()
    }

    /// Finds the matches again if the document or the query changed.
    pub(super) fn refresh(&mut self, speech: &Speech, rev: u64) {
        if !self.open {
            return;
        }
        if self
            .found_for
            .as_ref()
            .is_some_and(|(r, q, o)| *r == rev && *q == self.query && *o == self.options)
        {
            return;
        }
        self.matches.clear();
        if !self.query.is_empty() {
            for field in speech.field_ids() {
                if !self.options.includes(field) {
                    continue;
                }
                let Some(text) = speech.field_text(field) else {
                    continue;
                };
                self.matches.extend(
                    find_with(&text, &self.query, &self.options)
                        .into_iter()
                        .map(|range| Match { field, range }),
                );
            }
        }
        self.found_for = Some((rev, self.query.clone(), self.options.clone()));
        if self.current.is_some_and(|i| i >= self.matches.len()) {
            self.current = None;
        }
    }
}

/// Every occurrence of `query` in `text`, as byte ranges, left to right, not overlapping.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    text.match_indices(query)
        .map(|(start, m)| start..start + m.len())
        .collect()
}

/// Every occurrence of `query` in `text` as `options` match it (the section limit aside), as
/// byte ranges, left to right, not overlapping.
pub fn find_with(text: &str, query: &str, options: &FindOptions) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let candidates = if options.match_case {
        find_in(text, query)
    } else {
        find_ignoring_case(text, query)
    };
    if !options.whole_word {
        return candidates;
    }
    candidates
        .into_iter()
        .filter(|range| is_whole_word(text, range))
        .collect()
}

/// A letter or digit of a word that spaces separate (not a Han character, kana or hangul).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !crate::stats::is_cjk(c)
}

/// Whether the match at `range` neither continues nor is continued by a word.
fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let (Some(before), Some(inside), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return false;
    };
    let joins = |outer: Option<char>, inner: Option<char>| {
        outer.is_some_and(is_word_char) && inner.is_some_and(is_word_char)
    };
    !joins(before.chars().next_back(), inside.chars().next())
        && !joins(after.chars().next(), inside.chars().next_back())
}

/// Every occurrence of `query` in `text` with case ignored (character by character, by their
/// lowercase forms), as byte ranges of `text`.
fn find_ignoring_case(text: &str, query: &str) -> Vec<Range<usize>> {
    let fold = |c: char| c.to_lowercase();
    let query: Vec<char> = query.chars().collect();
    let mut found = Vec::new();
    let mut start = 0;
    'next: while start < text.len() {
        let mut chars = text[start..].char_indices();
        let mut end = start;
        for q in &query {
            match chars.next() {
                Some((at, c)) if fold(c).eq(fold(*q)) => end = start + at + c.len_utf8(),
                _ => {
                    start += text[start..].chars().next().map_or(1, char::len_utf8);
                    continue 'next;
                }
            }
        }
        found.push(start..end);
        start = end;
    }
    found
}

impl Editor {
    pub(super) fn set_find_options(&mut self, options: FindOptions) {
        if self.find.options != options {
            self.find.options = options;
            self.find.current = None;
            self.find.replaced = None;
        }
    }

    pub(super) fn set_find_query(&mut self, query: String) {
        if self.find.query != query {
            self.find.query = query;
            self.find.current = None;
            self.find.replaced = None;
        }
    }

    fn fresh_matches(&mut self) -> Vec<Match> {
        self.find.refresh(&self.doc.speech, self.rev);
        self.find.matches().to_vec()
    }

    /// Moves to the next (or previous) match, and reveals and selects it.
    pub(super) fn find_step(&mut self, forward: bool) {
        let found = self.fresh_matches();
        if found.is_empty() {
            self.find.current = None;
            return;
        }
        let count = found.len();
        let next = match self.find.current.filter(|i| *i < count) {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => 0,
            None => count - 1,
        };
        self.go_to_match(next, &found);
    }

    fn go_to_match(&mut self, index: usize, found: &[Match]) {
        let Some(m) = found.get(index) else {
            self.find.current = None;
            return;
        };
        self.find.current = Some(index);
        self.find.replaced = None;
        self.effects.push(Effect::Reveal(m.field.part()));
        self.effects.push(Effect::Select {
            field: m.field,
            range: m.range.clone(),
        });
    }

    /// Replaces the current match (one undo step) and moves to the next one.
    pub(super) fn replace_one(&mut self) {
        let found = self.fresh_matches();
        let Some(m) = self.find.current.and_then(|i| found.get(i)).cloned() else {
            self.find.current = None;
            return;
        };
        let replacement = self.find.replacement.clone();
        let expected = self
            .doc
            .speech
            .field_text(m.field)
            .and_then(|text| text.get(m.range.clone()).map(str::to_string))
            .unwrap_or_default();
        self.change(Edit::Replace {
            field: m.field,
            range: m.range.clone(),
            expected,
            replacement: replacement.clone(),
        });
        let found = self.fresh_matches();
        // The match after the replaced one now starts where the replacement ends.
        let next = found
            .iter()
            .position(|n| (n.field, n.range.start) >= (m.field, m.range.start + replacement.len()))
            .or(if found.is_empty() { None } else { Some(0) });
        match next {
            Some(i) => self.go_to_match(i, &found),
            None => self.find.current = None,
        }
    }

    /// Replaces every match in every field, as one undo step.
    pub(super) fn replace_all(&mut self) {
        let count = self.fresh_matches().len();
        if count == 0 {
            return;
        }
        self.change(Edit::ReplaceAll {
            query: self.find.query.clone(),
            replacement: self.find.replacement.clone(),
            options: self.find.options.clone(),
        });
        self.find.current = None;
        self.find.replaced = Some(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_case_and_whole_word_options() {
        let text = "Know thy self. I know. KNOWN knowledge; 知道 know";
        let exact = FindOptions {
            match_case: true,
            ..FindOptions::default()
        };
        assert_eq!(find_with(text, "Know", &exact), vec![0..4_usize]);
        let any_case = FindOptions::default();
        let all: Vec<&str> = find_with(text, "know", &any_case)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(all, ["Know", "know", "KNOW", "know", "know"]);
        let words = FindOptions {
            whole_word: true,
            ..FindOptions::default()
        };
        let whole: Vec<&str> = find_with(text, "know", &words)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        // Not "KNOWN" nor "knowledge"; a Han character before a word does not join it.
        assert_eq!(whole, ["Know", "know", "know"]);
        // Chinese text has no word boundaries to keep: whole word finds inside a sentence.
        assert_eq!(find_with("要抓落实。", "落实", &words), vec![6..12_usize]);
        // Case folding that changes length does not cut a character.
        assert_eq!(find_with("STRASSE ß", "ß", &any_case), vec![8..10_usize]);
    }

    #[test]
    fn finds_non_overlapping_matches() {
        assert_eq!(find_in("aaaa", "aa"), [0..2, 2..4]);
        assert_eq!(find_in("同志们，同志们", "同志"), [0..6, 12..18]);
        assert!(find_in("abc", "").is_empty());
    }
}
