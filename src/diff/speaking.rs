//! Speaking-time change of a part, counted only over the lines a change touches.
//!
//! Counting is additive over lines (a line break ends every word), and lines between two equal
//! line breaks are either identical on both sides or touched on both sides, so the difference of
//! the touched lines is the difference of the whole texts — without counting long unchanged
//! stretches twice.

use super::{Op, Span};
use crate::project::Settings;
use crate::stats::{count_text, seconds_for};

#[derive(Default)]
struct Side {
    line: String,
    touched: bool,
    cjk_chars: usize,
    words: usize,
}

impl Side {
    /// Adds equal text: its first line ends the current line, whole lines after it are skipped.
    fn equal(&mut self, text: &str, settings: &Settings) {
        match (text.find('\n'), text.rfind('\n')) {
            (Some(first), Some(last)) => {
                self.line.push_str(&text[..first]);
                self.end_line(settings);
                self.line.push_str(&text[last + 1..]);
            }
            _ => self.line.push_str(text),
        }
    }

    fn end_line(&mut self, settings: &Settings) {
        if self.touched {
            let counts = count_text(&self.line, settings);
            self.cjk_chars += counts.cjk_chars;
            self.words += counts.words;
        }
        self.line.clear();
        self.touched = false;
    }
}

/// New speaking time minus old, in seconds, from a part's spans.
pub(crate) fn seconds_delta(spans: &[Span], settings: &Settings) -> f64 {
    let mut old = Side::default();
    let mut new = Side::default();
    for span in spans {
        let text = span.text.as_str();
        match span.op {
            Op::Equal => {
                // Whole lines in between are the same on both sides (or differ only in what the
                // comparison ignores): skipped.
                old.equal(text, settings);
                new.equal(span.new_side(), settings);
            }
            Op::Delete | Op::Insert => {
                old.touched = true;
                new.touched = true;
                let side = if span.op == Op::Delete {
                    &mut old
                } else {
                    &mut new
                };
                for (i, piece) in text.split('\n').enumerate() {
                    if i > 0 {
                        side.end_line(settings);
                        side.touched = true;
                    }
                    side.line.push_str(piece);
                }
            }
        }
    }
    old.end_line(settings);
    new.end_line(settings);
    seconds_for(new.cjk_chars, new.words, settings)
        - seconds_for(old.cjk_chars, old.words, settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, Granularity};

    fn naive(old: &str, new: &str, settings: &Settings) -> f64 {
        count_text(new, settings).seconds - count_text(old, settings).seconds
    }

    #[test]
    fn matches_counting_everything() {
        let settings = Settings::default();
        let cases = [
            ("ab cd\nef", "aXb cd\nef"),
            ("一二三\n四五\n六", "一二\n三四五六七\n六"),
            ("same\nline\nhere", "same\nline\nhere and more words"),
            ("", "新的一段话 with words"),
            ("don't stop\n说", "don\nt stop\n说话"),
        ];
        for (old, new) in cases {
            for g in [Granularity::Char, Granularity::Word, Granularity::Paragraph] {
                let spans = DiffOptions::new().granularity(g).diff_texts(old, new);
                let got = seconds_delta(&spans, &settings);
                assert!(
                    (got - naive(old, new, &settings)).abs() < 1e-9,
                    "{old:?} {new:?} {g:?}"
                );
            }
        }
    }
}
