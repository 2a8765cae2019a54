//! `script-mixing`: Simplified characters in a Traditional-Chinese speech, or Traditional ones in
//! a Simplified-Chinese speech, found and fixed with OpenCC's conversion tables (the
//! `ferrous-opencc` crate, Apache-2.0): a paragraph is converted to the speech's script with
//! OpenCC's phrase tables, so a character that is right in one word and wrong in another
//! (`后`/`後`, `干`/`幹`/`乾`) is judged in its word.
//!
//! A character is reported in a Traditional speech only if OpenCC's standard, Taiwan and Hong
//! Kong tables all change it: `吃` (standard table `喫`) and `台` (standard `臺`) are the usual
//! forms in Taiwan and Hong Kong and stay.
//!
//! Converting every paragraph would cost more than the rest of the checks together, so each
//! converter first learns, once, which characters it changes on their own; only a paragraph
//! with one of those is converted.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::Hit;
use super::finding::{CheckId, FindingMessage, Script};
use super::text::Para;
use crate::model::Language;

/// The code points a converter is probed for: CJK extension A, the unified ideographs and the
/// compatibility ideographs.
const PROBED: [std::ops::RangeInclusive<u32>; 3] =
    [0x3400..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF];
const FIRST: u32 = 0x3400;
const LAST: u32 = 0xFAFF;

/// One direction of conversion, with the set of characters it changes on their own.
pub(crate) struct Converter {
    opencc: OpenCC,
    /// Bit `c - FIRST`: the converter changes `c` on its own.
    changes: Vec<u64>,
    /// What the speech's script is not: what a finding reports.
    found: Script,
}

impl Converter {
    /// A converter with `config`'s tables; a character counts as changed only if `config` and
    /// every one of `also` change it.
    fn new(config: BuiltinConfig, also: &[BuiltinConfig], found: Script) -> Option<Self> {
        let opencc = OpenCC::from_config(config).ok()?;
        let probe: String = PROBED
            .iter()
            .flat_map(|range| range.clone().filter_map(char::from_u32))
            .flat_map(|c| [c, '\n'])
            .collect();
        let mut changes = changed_chars(&opencc, &probe);
        for other in also {
            let other = OpenCC::from_config(*other).ok()?;
            // Only what the first table changes needs asking again.
            let candidates: String = (FIRST..=LAST)
                .filter(|&code| bit_is_set(&changes, code))
                .filter_map(char::from_u32)
                .flat_map(|c| [c, '\n'])
                .collect();
            for (word, other_word) in changes.iter_mut().zip(changed_chars(&other, &candidates)) {
                *word &= other_word;
            }
        }
        Some(Self {
            opencc,
            changes,
            found,
        })
    }

    /// Whether the converter changes `c` on its own (and so does every table it was made with).
    fn changes(&self, c: char) -> bool {
        bit_is_set(&self.changes, c as u32)
    }
}

/// Whether the bit of `code` is set in a bit set from [`FIRST`].
fn bit_is_set(bits: &[u64], code: u32) -> bool {
    if !(FIRST..=LAST).contains(&code) {
        return false;
    }
    let bit = code - FIRST;
    bits.get((bit / 64) as usize)
        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
}

/// The characters of `probe` (each followed by a line break) that `opencc` changes, as a bit set
/// from [`FIRST`].
fn changed_chars(opencc: &OpenCC, probe: &str) -> Vec<u64> {
    let converted = opencc.convert(probe);
    let mut changes = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
    for (original, piece) in probe.split('\n').zip(converted.split('\n')) {
        if original != piece
            && let Some(c) = original.chars().next()
        {
            let bit = c as u32 - FIRST;
            changes[(bit / 64) as usize] |= 1 << (bit % 64);
        }
    }
    changes
}

/// The converter to the script of `language` (`None` for English, or if OpenCC's tables could
/// not be loaded). Built once per process, on first use: about 10 ms (Simplified) or 15 ms (Traditional: three tables).
pub(crate) fn converter(language: Language) -> Option<&'static Converter> {
    static TO_TRADITIONAL: OnceLock<Option<Converter>> = OnceLock::new();
    static TO_SIMPLIFIED: OnceLock<Option<Converter>> = OnceLock::new();
    match language {
        Language::ZhHant => TO_TRADITIONAL
            .get_or_init(|| {
                let also = [BuiltinConfig::S2tw, BuiltinConfig::S2hk];
                Converter::new(BuiltinConfig::S2t, &also, Script::Simplified)
            })
            .as_ref(),
        Language::ZhHans => TO_SIMPLIFIED
            .get_or_init(|| Converter::new(BuiltinConfig::T2s, &[], Script::Traditional))
            .as_ref(),
        Language::En => None,
    }
}

/// Characters of the other script in one paragraph; consecutive ones make one finding.
pub(crate) fn check(p: &Para, converter: &Converter, out: &mut Vec<Hit>) {
    if !p.chars.iter().any(|&c| converter.changes(c)) {
        return;
    }
    let text: String = p.chars.iter().collect();
    let converted: Vec<char> = converter.opencc.convert(&text).chars().collect();
    if converted.len() != p.chars.len() {
        // OpenCC's tables map characters one to one; should a phrase ever change length, the
        // characters are converted one by one instead.
        single_chars(p, converter, out);
        return;
    }
    // Changed in its word, and a character the converter changes at all.
    let differs =
        |i: usize| converted[i] != p.chars[i] && converter.changes(p.chars[i]) && p.is_free(i);
    let mut i = 0;
    while i < p.chars.len() {
        if !differs(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < p.chars.len() && differs(i) {
            i += 1;
        }
        out.push(Hit {
            check: CheckId::ScriptMixing,
            start,
            end: i,
            suggestion: Some(converted[start..i].iter().collect()),
            message: FindingMessage::ScriptMixing {
                found: converter.found,
            },
        });
    }
}

fn single_chars(p: &Para, converter: &Converter, out: &mut Vec<Hit>) {
    for (i, &c) in p.chars.iter().enumerate() {
        if converter.changes(c) && p.is_free(i) {
            out.push(Hit {
                check: CheckId::ScriptMixing,
                start: i,
                end: i + 1,
                suggestion: Some(converter.opencc.convert(&c.to_string())),
                message: FindingMessage::ScriptMixing {
                    found: converter.found,
                },
            });
        }
    }
}
