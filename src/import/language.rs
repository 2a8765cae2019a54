//! Guessing a text's language: English, Traditional or Simplified Chinese.

use crate::model::Language;
use crate::stats::is_cjk;

/// Common characters that exist only in Traditional Chinese.
const TRADITIONAL_ONLY: [char; 50] = [
    '們', '這', '會', '為', '與', '關', '個', '說', '時', '學', '發', '來', '對', '實', '國', '進',
    '經', '機', '當', '從', '體', '還', '點', '務', '動', '開', '過', '義', '現', '問', '題', '導',
    '議', '區', '協', '黨', '長', '設', '業', '員', '組', '織', '領', '習', '變', '歷', '廣', '產',
    '應', '麼',
];

/// Their Simplified forms, in the same order.
const SIMPLIFIED_ONLY: [char; 50] = [
    '们', '这', '会', '为', '与', '关', '个', '说', '时', '学', '发', '来', '对', '实', '国', '进',
    '经', '机', '当', '从', '体', '还', '点', '务', '动', '开', '过', '义', '现', '问', '题', '导',
    '议', '区', '协', '党', '长', '设', '业', '员', '组', '织', '领', '习', '变', '历', '广', '产',
    '应', '么',
];

/// The CJK Unified Ideographs block, where every character of both tables lies.
const HAN_START: u32 = 0x4E00;
const HAN_WORDS: usize = (0xA000 - 0x4E00) / 64;

/// A bitmap over the Han block: one bit per character, set for the characters in `chars`.
const fn han_bitmap(chars: &[char]) -> [u64; HAN_WORDS] {
    let mut bitmap = [0u64; HAN_WORDS];
    let mut index = 0;
    while index < chars.len() {
        let offset = chars[index] as u32 - HAN_START;
        bitmap[(offset / 64) as usize] |= 1 << (offset % 64);
        index += 1;
    }
    bitmap
}

static TRADITIONAL_BITMAP: [u64; HAN_WORDS] = han_bitmap(&TRADITIONAL_ONLY);
static SIMPLIFIED_BITMAP: [u64; HAN_WORDS] = han_bitmap(&SIMPLIFIED_ONLY);
/// The characters of both tables.
static EITHER_BITMAP: [u64; HAN_WORDS] = {
    let mut either = han_bitmap(&TRADITIONAL_ONLY);
    let simplified = han_bitmap(&SIMPLIFIED_ONLY);
    let mut index = 0;
    while index < HAN_WORDS {
        either[index] |= simplified[index];
        index += 1;
    }
    either
};

/// Whether `c`'s bit is set in `bitmap` (constant time: this runs for every character).
fn in_bitmap(bitmap: &[u64; HAN_WORDS], c: char) -> bool {
    let Some(offset) = (c as u32).checked_sub(HAN_START) else {
        return false;
    };
    bitmap
        .get((offset / 64) as usize)
        .is_some_and(|word| word & (1 << (offset % 64)) != 0)
}

/// How many characters from the start of a text decide its language.
const LANGUAGE_SAMPLE_CHARS: usize = 5_000;

/// The language of `text`: English when Latin words outnumber CJK characters; otherwise
/// Traditional Chinese when traditional-only characters outnumber simplified-only ones;
/// otherwise Simplified Chinese. Only the first [`LANGUAGE_SAMPLE_CHARS`] characters are read.
pub(crate) fn detect_language(text: &str) -> Language {
    let mut cjk = 0usize;
    let mut latin_words = 0usize;
    let mut traditional = 0usize;
    let mut simplified = 0usize;
    let mut in_word = false;
    // The first stretch of a long text tells its language as well as the whole would.
    for c in text.chars().take(LANGUAGE_SAMPLE_CHARS) {
        if c.is_ascii() {
            let latin = c.is_ascii_alphabetic();
            latin_words += usize::from(latin && !in_word);
            in_word = latin;
            continue;
        }
        in_word = false;
        if is_cjk(c) {
            cjk += 1;
            // Most Han characters are in neither table: one look at the union first.
            if in_bitmap(&EITHER_BITMAP, c) {
                traditional += usize::from(in_bitmap(&TRADITIONAL_BITMAP, c));
                simplified += usize::from(in_bitmap(&SIMPLIFIED_BITMAP, c));
            }
        }
    }
    if latin_words > cjk {
        Language::En
    } else if traditional > simplified {
        Language::ZhHant
    } else {
        Language::ZhHans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bitmaps_hold_exactly_the_table_characters() {
        for (traditional, simplified) in TRADITIONAL_ONLY.into_iter().zip(SIMPLIFIED_ONLY) {
            assert!(in_bitmap(&TRADITIONAL_BITMAP, traditional), "{traditional}");
            assert!(in_bitmap(&SIMPLIFIED_BITMAP, simplified), "{simplified}");
            assert!(!in_bitmap(&TRADITIONAL_BITMAP, simplified), "{simplified}");
            assert!(!in_bitmap(&SIMPLIFIED_BITMAP, traditional), "{traditional}");
            assert!(in_bitmap(&EITHER_BITMAP, traditional), "{traditional}");
            assert!(in_bitmap(&EITHER_BITMAP, simplified), "{simplified}");
        }
        assert!(!in_bitmap(&TRADITIONAL_BITMAP, 'a'));
        assert!(!in_bitmap(&TRADITIONAL_BITMAP, '\u{2A6D6}'));
        let either = EITHER_BITMAP.iter().map(|w| w.count_ones()).sum::<u32>();
        assert_eq!(either, 100);
    }

    #[test]
    fn tells_the_three_apart() {
        assert_eq!(detect_language("同志們，這是會議。"), Language::ZhHant);
        assert_eq!(detect_language("同志们，这是会议。"), Language::ZhHans);
        assert_eq!(
            detect_language("Ladies and gentlemen, 欢迎 to the meeting."),
            Language::En
        );
        assert_eq!(detect_language("在GDP增长的会议上"), Language::ZhHans);
        assert_eq!(detect_language(""), Language::ZhHans);
    }
}
