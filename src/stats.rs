//! Counting: CJK characters (Han, kana, hangul), English words, and speaking time.
//!
//! Punctuation is not counted. Speaking time = CJK chars ÷ chars-per-minute + words ÷ wpm, with
//! the rates from the project's [`Settings`].

use crate::model::{PartKind, Speech};
use crate::part::Part;
use crate::project::Settings;

/// Counts for one piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// Han characters, kana and hangul.
    pub cjk_chars: usize,
    /// Runs of letters or digits outside CJK scripts (`don't`, `2026`, `COVID-19` count as one).
    pub words: usize,
    /// Speaking time at the project's rates.
    pub seconds: f64,
}

impl Counts {
    /// Adds another count to this one.
    pub fn add(&mut self, other: Counts) {
        self.cjk_chars += other.cjk_chars;
        self.words += other.words;
        self.seconds += other.seconds;
    }
}

/// Counts for one part of a speech.
#[derive(Clone, Debug, PartialEq)]
pub struct PartStats {
    /// Which part.
    pub part: Part,
    /// The section heading (without number) for sections; empty for the others.
    pub heading: String,
    /// Its counts.
    pub counts: Counts,
}

impl PartStats {
    /// The kind of the part.
    pub fn kind(&self) -> PartKind {
        self.part.kind()
    }
}

/// Counts for a whole speech, per part and in total.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeechStats {
    /// Title, greeting, opening, each section, closing — in that order.
    pub parts: Vec<PartStats>,
    /// The sum of the parts (notes are not counted).
    pub total: Counts,
}

/// Whether `c` is counted as a CJK character: Han ideographs, kana, hangul.
pub fn is_cjk(c: char) -> bool {
    let code = c as u32;
    if code < 0x1100 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&code) {
        return true;
    }
    matches!(code,
        0x3005 | 0x3007 // 々 〇
        | 0x3021..=0x3029 // Hangzhou numerals
        | 0x3040..=0x309F // Hiragana
        | 0x30A0..=0x30FF // Katakana
        | 0x31F0..=0x31FF // Katakana extensions
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0x1100..=0x11FF // Hangul jamo
        | 0x3130..=0x318F // Hangul compatibility jamo
        | 0xF900..=0xFAFF // Han compatibility
        | 0xFF66..=0xFF9D // half-width katakana
        | 0x20000..=0x3134F // Han extensions B–H
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_wide_punctuation(c) {
        // After Han characters the commonest characters of a Chinese text: spared the Unicode
        // table lookup.
        false
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// General punctuation (U+2000–U+206F: spaces, dashes, quotes, `…`), CJK punctuation (`、。〈〉《》
/// 「」【】〜` …) and the full-width ASCII punctuation (`，！？：；（）` …): none of them a letter or a
/// digit.
fn is_wide_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x2000..=0x206F
        | 0x3000..=0x3004
        | 0x3008..=0x3020
        | 0x3030
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
    )
}

/// Counts CJK characters and words in `text`, and its speaking time at `settings`' rates.
pub fn count_text(text: &str, settings: &Settings) -> Counts {
    let mut cjk_chars = 0;
    let mut words = 0;
    let mut in_word = false;
    // An apostrophe or hyphen just after a word: a word character next continues that word.
    let mut joined = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        // Fast path for the commonest characters, Han ones from U+4E00 to U+9FFF: three bytes
        // from `E4 B8` to `E9`, told by their first bytes without decoding.
        if (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && bytes.get(at + 1) >= Some(&0xB8)) {
            cjk_chars += 1;
            in_word = false;
            joined = false;
            at += 3;
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if is_cjk(c) {
            cjk_chars += 1;
            in_word = false;
            joined = false;
        } else if is_word_char(c) {
            if !in_word && !joined {
                words += 1;
            }
            in_word = true;
            joined = false;
        } else {
            joined = in_word && matches!(c, '\'' | '’' | '-');
            in_word = false;
        }
    }
    Counts {
        cjk_chars,
        words,
        seconds: seconds_for(cjk_chars, words, settings),
    }
}

/// Speaking time for the given counts at `settings`' rates.
pub fn seconds_for(cjk_chars: usize, words: usize, settings: &Settings) -> f64 {
    let per_minute = |count: usize, rate: f64| {
        if rate > 0.0 {
            count as f64 / rate * 60.0
        } else {
            0.0
        }
    };
    per_minute(cjk_chars, settings.cjk_chars_per_minute)
        + per_minute(words, settings.words_per_minute)
}

/// Counts one part of a speech (a missing section counts as empty).
pub fn part_counts(speech: &Speech, part: Part, settings: &Settings) -> Counts {
    let mut counts = Counts::default();
    for line in speech.part_lines(part).unwrap_or_default() {
        counts.add(count_text(line, settings));
    }
    counts
}

/// Counts every part of a speech and the total.
pub fn speech_stats(speech: &Speech, settings: &Settings) -> SpeechStats {
    let mut total = Counts::default();
    let parts = speech
        .part_ids()
        .into_iter()
        .map(|part| {
            let counts = part_counts(speech, part, settings);
            total.add(counts);
            let heading = match part {
                Part::Section(id) => speech
                    .section_index(id)
                    .map(|i| speech.sections[i].heading.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            PartStats {
                part,
                heading,
                counts,
            }
        })
        .collect();
    SpeechStats { parts, total }
}

/// Formats a duration for people: `45 s`, `3:05`, `1:02:03`.
pub fn format_duration(seconds: f64) -> String {
    let total = seconds.max(0.0).round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else if m > 0 {
        format!("{m}:{s:02}")
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn wide_punctuation_holds_no_letter_or_digit() {
        let mut seen = 0;
        for c in ('\u{2000}'..='\u{FFFF}').filter(|&c| is_wide_punctuation(c)) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            seen += 1;
        }
        assert_eq!(seen, 182);
        for c in [
            '，', '。', '、', '“', '”', '…', '—', '《', '》', '（', '）', '：', '；', '！', '？',
        ] {
            assert!(is_wide_punctuation(c), "{c}");
        }
    }

    #[test]
    fn punctuation_is_not_counted() {
        let c = count_text("同志们，今天（星期五）开会！", &Settings::default());
        assert_eq!(c.cjk_chars, 10);
        assert_eq!(c.words, 0);
    }

    #[test]
    fn words_and_mixed_text() {
        let c = count_text(
            "Ladies and gentlemen, it's 2026 — COVID-19 is over. 谢谢",
            &Settings::default(),
        );
        assert_eq!(c.words, 8);
        assert_eq!(c.cjk_chars, 2);
    }

    /// Words counted by looking one character ahead at each apostrophe or hyphen.
    fn words_looking_ahead(text: &str) -> usize {
        let mut words = 0;
        let mut in_word = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_cjk(c) {
                in_word = false;
            } else if is_word_char(c) {
                words += usize::from(!in_word);
                in_word = true;
            } else if !(in_word
                && matches!(c, '\'' | '’' | '-')
                && chars.peek().is_some_and(|&next| is_word_char(next)))
            {
                in_word = false;
            }
        }
        words
    }

    #[test]
    fn joined_words_agree_with_looking_ahead() {
        let texts = [
            "a''b",
            "don't",
            "don'-t",
            "x- y",
            "'a",
            "a'b'c-d",
            "rock’n’roll",
            "— -a",
            "a'",
            "a'谢b",
            "a' b",
            "COVID-19",
            "-",
            "''",
            "同志们'好",
            "e-mail-",
        ];
        for text in texts {
            let counted = count_text(text, &Settings::default()).words;
            assert_eq!(counted, words_looking_ahead(text), "{text:?}");
        }
    }

    #[test]
    fn han_fast_path_agrees_with_is_cjk() {
        let around = [
            '\u{4DBF}',
            '\u{4DC0}',
            '\u{4DFF}',
            '\u{4E00}',
            '\u{4FFF}',
            '\u{5000}',
            '\u{9FFF}',
            '\u{A000}',
            '\u{3400}',
            '\u{3007}',
            '\u{20000}',
            'a',
            '。',
            'é',
            '\'',
        ];
        for a in around {
            for b in around {
                for c in around {
                    let text: String = [a, b, c, 'x', a].iter().collect();
                    let counts = count_text(&text, &Settings::default());
                    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
                    assert_eq!(counts.cjk_chars, cjk, "{text:?}");
                    assert_eq!(counts.words, words_looking_ahead(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn kana_and_hangul_count_as_cjk() {
        assert_eq!(
            count_text("ありがとう 감사합니다", &Settings::default()).cjk_chars,
            10
        );
    }

    #[test]
    fn speaking_time_uses_the_rates() {
        let settings = Settings::default();
        let c = count_text(&"字".repeat(180), &settings);
        assert!((c.seconds - 60.0).abs() < 1e-9);
        let words = "word ".repeat(130);
        assert!((count_text(&words, &settings).seconds - 60.0).abs() < 1e-9);
        let slow = Settings {
            cjk_chars_per_minute: 90.0,
            ..Settings::default()
        };
        assert!((count_text(&"字".repeat(180), &slow).seconds - 120.0).abs() < 1e-9);
    }

    #[test]
    fn totals_are_the_sum_of_parts_and_skip_notes() {
        let speech = Speech {
            title: "标题".into(),
            greeting: "同志们：".into(),
            opening: vec!["开场".into()],
            sections: vec![Section::new("一个标题", vec!["内容".into()])],
            closing: vec!["结束".into()],
            notes: vec!["不算这些字".into()],
            ..Speech::default()
        };
        let stats = speech_stats(&speech, &Settings::default());
        assert_eq!(stats.total.cjk_chars, 2 + 3 + 2 + 6 + 2);
        assert_eq!(stats.parts.len(), 5);
        assert_eq!(stats.parts[3].heading, "一个标题");
        assert_eq!(stats.parts[3].kind(), PartKind::Section);
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(44.6), "45 s");
        assert_eq!(format_duration(185.0), "3:05");
        assert_eq!(format_duration(3723.0), "1:02:03");
    }
}
