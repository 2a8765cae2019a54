//! Chinese word segmentation with jieba's dictionary and jieba's maximum-probability route, cheap
//! enough to run in a short-lived process.
//!
//! The dictionary (`data/jieba/dict.txt`, MIT, see `data/jieba/LICENSE`) is built at compile time
//! into a double-array trie from word to frequency (the `yada` crate, see `build.rs`) and read in
//! place from the binary: nothing is parsed or allocated when a process starts, and a lookup
//! costs two array reads per key byte. A key writes each character as a two-byte number (its
//! place among the dictionary's characters) rather than its three bytes of UTF-8: a third fewer
//! steps, and a trie of 4.8 MB instead of 6.2 MB, most of whose cost is memory the process has
//! not touched yet. Segmentation follows jieba's `cut` without HMM step for step,
//! so the words are jieba's: a block of Han characters is cut along the route through the
//! dictionary words of highest summed log-probability (`ln(frequency) − ln(total)` per word; a
//! character no dictionary word starts with is a word of frequency 1; on a tie the longer first
//! word wins). Characters jieba does not count as Han (kana, hangul, `々`, `〇`) are words of one
//! character each. A test compares the result with jieba-rs itself.

use std::sync::OnceLock;

use yada::DoubleArray;

pub(crate) use super::han::is_han;
use super::han::{DENSE_FIRST, DENSE_LAST, code_bytes};

/// The double-array trie built by `build.rs`: each word of Han characters, as the key bytes of
/// its characters ([`key_of`]), → the index of its frequency (its logarithm in
/// [`LOG_FREQUENCIES`]).
static DICTIONARY_TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_dict.da"));

/// The distinct frequencies of the dictionary, ascending, as little-endian `u32`.
#[cfg(test)]
static FREQUENCIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_frequencies.bin"));

/// Each dictionary character's code from U+3400 to U+9FFF: little-endian `u16`, code + 1, 0
/// for a character in no word.
static CODES_DENSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_codes_dense.bin"));

/// The codes of the other dictionary characters: (character as `u32`, code as `u16`),
/// little-endian, sorted by character.
static CODES_SPARSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_codes_sparse.bin"));

/// The key of a character in no dictionary word: matches nothing.
const NO_KEY: [u8; 2] = [0xFF, 0xFF];

/// The two bytes that stand for `c` in the trie's keys.
fn key_of(c: char) -> [u8; 2] {
    let u = c as u32;
    let code = if (DENSE_FIRST..=DENSE_LAST).contains(&u) {
        let at = 2 * (u - DENSE_FIRST) as usize;
        CODES_DENSE
            .get(at..at + 2)
            .and_then(|b| u16::from_le_bytes([b[0], b[1]]).checked_sub(1))
    } else {
        let (records, _) = CODES_SPARSE.as_chunks::<6>();
        records
            .binary_search_by_key(&u, |r| u32::from_le_bytes([r[0], r[1], r[2], r[3]]))
            .ok()
            .and_then(|i| records.get(i))
            .map(|r| u16::from_le_bytes([r[4], r[5]]))
    };
    code.map_or(NO_KEY, code_bytes)
}

/// `ln` of each of the frequencies, in the same order, as little-endian `f64`.
static LOG_FREQUENCIES: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/jieba_log_frequencies.bin"));

/// The sum of all the dictionary's frequencies.
const TOTAL_FREQUENCY: u64 = include!(concat!(env!("OUT_DIR"), "/jieba_total.rs"));

/// jieba's dictionary, opened in place.
pub(crate) struct Dictionary {
    trie: DoubleArray<&'static [u8]>,
    log_total: f64,
}

/// The `ln` of the frequency with this index (0.0 past the end, which the trie never gives).
fn log_frequency(index: u32) -> f64 {
    let at = index as usize * 8;
    LOG_FREQUENCIES
        .get(at..at + 8)
        .and_then(|bytes| bytes.try_into().ok())
        .map_or(0.0, f64::from_le_bytes)
}

/// The frequencies in [`FREQUENCIES`].
#[cfg(test)]
fn frequencies() -> impl Iterator<Item = u32> {
    FREQUENCIES
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The dictionary, opened on first use.
pub(crate) fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| Dictionary {
        // SAFETY: the bytes are the output of yada's own builder, run by build.rs on the
        // dictionary and included unchanged, so they are a valid double array (what
        // `new_unchecked` requires). `DoubleArray::new` would check every unit, reading the
        // whole trie at each start; a test runs that check on these bytes instead.
        trie: unsafe { DoubleArray::new_unchecked(DICTIONARY_TRIE) },
        log_total: (TOTAL_FREQUENCY as f64).ln(),
    })
}

/// One step of the best route: from a character, the character after the chosen word and the
/// log-probability of the rest of the block from here.
#[derive(Clone, Copy)]
struct Step {
    log_probability: f64,
    end: usize,
}

impl Dictionary {
    /// The frequency of `word`, if it is in the dictionary.
    #[cfg(test)]
    fn frequency(&self, word: &str) -> Option<u32> {
        let key: Vec<u8> = word.chars().flat_map(key_of).collect();
        let index = self.trie.exact_match_search(&key)?;
        frequencies().nth(index as usize)
    }

    /// Cuts one block of Han characters (`chars`: each character's byte offset in `block` and the
    /// character) into words, appended to `out`.
    fn cut_block<'a>(&self, block: &'a str, chars: &[(usize, char)], out: &mut Vec<&'a str>) {
        let keys: Vec<u8> = chars.iter().flat_map(|&(_, c)| key_of(c)).collect();
        let n = chars.len();
        let mut route = vec![
            Step {
                log_probability: 0.0,
                end: n,
            };
            n + 1
        ];
        let log_one = -self.log_total;
        for start in (0..n).rev() {
            let mut best: Option<Step> = None;
            // The dictionary words starting here, shortest first, as key lengths (two bytes a
            // character); `end` is the index of the character after the word.
            let keys_here = keys.get(2 * start..).unwrap_or_default();
            for (frequency_index, len) in self.trie.common_prefix_search(keys_here) {
                let end = start + len / 2;
                // The same expression, in the same order, as jieba's, so ties break the same way.
                let log_frequency = log_frequency(frequency_index);
                let log_probability = log_frequency - self.log_total + route[end].log_probability;
                let better = best.is_none_or(|b| {
                    log_probability > b.log_probability
                        || (log_probability == b.log_probability && end > b.end)
                });
                if better {
                    best = Some(Step {
                        log_probability,
                        end,
                    });
                }
            }
            route[start] = best.unwrap_or(Step {
                log_probability: log_one + route[start + 1].log_probability,
                end: start + 1,
            });
        }
        let byte_at = |index: usize| chars.get(index).map_or(block.len(), |&(offset, _)| offset);
        let mut start = 0;
        while start < n {
            let end = route[start].end;
            out.push(&block[byte_at(start)..byte_at(end)]);
            start = end;
        }
    }
}

/// Cuts `text` — a run of CJK characters without ASCII — into words, appended to `out`:
/// dictionary words in blocks of Han characters, every other character a word of its own. The
/// words, concatenated, are `text`.
pub(crate) fn cut<'a>(text: &'a str, out: &mut Vec<&'a str>) {
    let dictionary = dictionary();
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        if !is_han(first) {
            let (one, after) = rest.split_at(first.len_utf8());
            out.push(one);
            rest = after;
            continue;
        }
        chars.clear();
        let mut block_len = rest.len();
        for (i, c) in rest.char_indices() {
            if !is_han(c) {
                block_len = i;
                break;
            }
            chars.push((i, c));
        }
        let (block, after) = rest.split_at(block_len);
        dictionary.cut_block(block, &chars, out);
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::stats::is_cjk;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        cut(text, &mut out);
        out
    }

    /// jieba-rs itself, built once for all the tests of this module.
    fn jieba() -> &'static jieba_rs::Jieba {
        static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
        JIEBA.get_or_init(jieba_rs::Jieba::new)
    }

    fn jieba_words(text: &str) -> Vec<&str> {
        jieba()
            .cut(text, false)
            .into_iter()
            .map(|t| t.word)
            .collect()
    }

    /// The maximal runs of CJK characters of `text`, as `tokens::words` hands them to [`cut`].
    fn cjk_runs(text: &str) -> Vec<&str> {
        let mut runs = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_cjk(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push(&text[s..i]);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push(&text[s..]);
        }
        runs
    }

    fn assert_same_as_jieba(text: &str) {
        for run in cjk_runs(text) {
            assert_eq!(words(run), jieba_words(run), "{run:?}");
        }
    }

    #[test]
    fn the_logarithms_are_those_of_the_frequencies() {
        let logs: Vec<f64> = (0..)
            .map_while(|i| {
                let at = i * 8;
                (at < LOG_FREQUENCIES.len()).then(|| log_frequency(i as u32))
            })
            .collect();
        let expected: Vec<f64> = frequencies().map(|f| f64::from(f).ln()).collect();
        assert!(expected.len() > 1000, "{}", expected.len());
        assert_eq!(logs, expected);
    }

    #[test]
    fn the_built_in_dictionary_is_a_valid_trie_of_every_word() {
        // The check `dictionary()` skips (see the SAFETY note there).
        assert!(DoubleArray::new(DICTIONARY_TRIE).is_ok());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/jieba/dict.txt");
        let text = std::fs::read_to_string(path).unwrap();
        let mut total = 0u64;
        let mut count = 0;
        for line in text.lines() {
            let mut fields = line.split_ascii_whitespace();
            let (Some(word), Some(frequency)) = (fields.next(), fields.next()) else {
                continue;
            };
            let frequency: u32 = frequency.parse().unwrap();
            // Words with other characters than Han ones can never match: they are left out.
            let expected = word.chars().all(is_han).then_some(frequency);
            assert_eq!(dictionary().frequency(word), expected, "{word}");
            total += u64::from(frequency);
            count += 1;
        }
        assert_eq!(count, 349_045);
        assert_eq!(total, TOTAL_FREQUENCY);
        assert_eq!(dictionary().frequency("我们政治"), None);
    }

    #[test]
    fn han_blocks_become_words_and_other_cjk_single_characters() {
        assert_eq!(
            words("我们要提高政治站位"),
            ["我们", "要", "提高", "政治", "站位"]
        );
        assert_eq!(words("すし寿司"), ["す", "し", "寿司"]);
        assert_eq!(words("人人々"), ["人人", "々"]);
        assert_eq!(words(""), Vec::<&str>::new());
    }

    /// Sentences of the genre with the traits of real speeches: 一要…二要…, 一是…, long run-on
    /// sentences, quotations, numbers in Chinese. Simplified first, then traditional.
    const SPEECH_SENTENCES: [&str; 8] = [
        "同志们：今天我们召开全市工作会议，主要任务是总结去年工作，部署今年任务。",
        "一要提高政治站位，二要狠抓工作落实，三要强化组织保障。",
        "一是思想认识不够到位；二是工作作风不够扎实；三是督促检查不够有力。",
        "要坚持以人民为中心的发展思想，切实把群众的急难愁盼作为工作的出发点和落脚点。",
        "二〇二六年十一月二十七日，在市委常委会扩大会议上的讲话（根据录音整理）",
        "同志們，讓我們更加緊密地團結起來，凝心聚力，開拓進取，為全面建設社會主義現代化國家作出新的更大貢獻！",
        "政協機關是政治機關，首要的就是要提高政治站位，增強政治定力，準確把握政協機關的基本屬性。",
        "四是督促落實不夠“嚴”，有的抓落實憑慣性，沒有明確的目標計劃，督促檢查比較隨意。",
    ];

    /// How many of [`SPEECH_SENTENCES`] are simplified Chinese.
    const SIMPLIFIED: usize = 5;

    #[test]
    fn speech_sentences_are_cut_as_jieba_cuts_them() {
        for (i, sentence) in SPEECH_SENTENCES.into_iter().enumerate() {
            assert_same_as_jieba(sentence);
            if i >= SIMPLIFIED {
                // jieba's dictionary is simplified Chinese: traditional text is cut mostly into
                // single characters, by jieba as here.
                continue;
            }
            // Words, not characters: most of a sentence's characters are in words of two or more.
            let run_words: Vec<&str> = cjk_runs(sentence).into_iter().flat_map(words).collect();
            let in_words: usize = run_words
                .iter()
                .map(|w| w.chars().count())
                .filter(|&n| n > 1)
                .sum();
            let all: usize = run_words.iter().map(|w| w.chars().count()).sum();
            assert!(in_words * 2 > all, "{sentence}: {run_words:?}");
        }
    }

    /// The sample speech from `../shared/samples/` beside the crate (or beside its parent folder,
    /// for a worktree one level down); panics when it is missing.
    fn sample_speech() -> String {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let name = "shared/samples/work-conference-speech-zh-hant.txt";
        let candidates = [
            crate_dir.join("..").join(name),
            crate_dir.join("../..").join(name),
        ];
        candidates
            .iter()
            .find_map(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_else(|| panic!("the sample speech is needed: {candidates:?}"))
    }

    #[test]
    fn the_sample_speech_is_cut_as_jieba_cuts_it() {
        let text = sample_speech();
        let runs = cjk_runs(&text);
        assert!(runs.len() > 100, "{} runs", runs.len());
        for run in runs {
            assert_eq!(words(run), jieba_words(run), "{run:?}");
        }
    }

    /// Characters to build random runs from: common Han characters (many words among them), rare
    /// and compatibility ideographs, kana, 々 and 〇 — everything `is_cjk` lets through.
    const POOL: &str = "我们要的是在和了有不人中国发展工作社会主义建设提高政治站位落实责任\
        加强组织领导统筹协调群众服务能力水平基层治理创新机制队伍作风纪律経済學習習近平新時代\
        特色思想嚴慣性目標計劃督促檢查隨意擔當意識困難推諉繞行決策事項務執行扣\
        㐀㑇豈更𠀀𠀁𡈽々〇〡ひらがなカタカナ한글";

    proptest! {
        #[test]
        fn random_runs_are_cut_as_jieba_cuts_them(
            picks in prop::collection::vec(0..POOL.chars().count(), 0..80)
        ) {
            let pool: Vec<char> = POOL.chars().filter(|c| !c.is_whitespace()).collect();
            let text: String = picks.iter().map(|&i| pool[i % pool.len()]).collect();
            for run in cjk_runs(&text) {
                prop_assert_eq!(words(run), jieba_words(run), "{:?}", run);
            }
            prop_assert_eq!(words(&text).concat(), text.clone());
        }
    }
}
