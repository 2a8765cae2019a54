//! `repeated-char`: a character or word written twice by mistake — `的的`, `了了`, `是是`,
//! `the the`.
//!
//! Chinese doubles many characters on purpose (`看看` `常常` `层层` `方方面面`), and a word
//! ending in a character is often followed by one starting with it (`学习|习近平`,
//! `政协|协同`), so only the doubling of a function character that is almost never doubled
//! (`的` `了` `是` `在` …) is reported, with a fix (the second one goes) — unless the pair
//! makes a word with its neighbour (`为了|了解`, `现在|在座`, `目的|的`), is half of an `AABB`
//! form (`的的确确`, `是是非非`) or is in an idiom (`不了了之`).

use super::Hit;
use super::finding::{CheckId, FindingMessage};
use super::text::{Para, is_space};

/// Function characters whose doubling is a slip, Simplified and Traditional, with the
/// characters that, right after the pair, make a word with the second one (`了|解`).
const SLIPS: &[(char, &str)] = &[
    ('的', "确確"),
    ('了', "解结結然却卻不如断斷"),
    ('是', "非否"),
    (
        '在',
        "座场場于於职職建岗崗校线線册冊内內即意望编編任读讀押逃世",
    ),
    ('和', "谐諧平睦气氣解美善顺順蔼藹煦"),
    ('与', "会其否日时"),
    ('與', "會其否日時"),
    ('及', "时時早格其"),
    ('被', "动動告迫子"),
    ('也', "许許罢罷"),
    ('都', "市会會城"),
    ('就', "业業医醫地近餐职職绪緒任读讀诊診座范範寝寢"),
    ('这', ""),
    ('這', ""),
    ('们', ""),
    ('們', ""),
    ('我', ""),
    ('之', "后後前间間外内內中上下"),
];

/// Characters that, right before the pair, make a word with the first one (`目|的`).
const WORD_BEFORE: &[(char, &str)] = &[('的', "目标標有"), ('了', "为為除罢罷")];

/// Four-character idioms with a doubled character inside that is not a slip.
const IDIOMS: [&str; 2] = ["不了了之", "一了百了"];

/// English words that are doubled on purpose (`had had`, `that that`).
const ENGLISH_DOUBLES: [&str; 6] = ["had", "that", "very", "bye", "ha", "no"];

/// Whether the pair at `i - 1, i` sits inside one of [`IDIOMS`].
fn in_idiom(p: &Para, i: usize) -> bool {
    IDIOMS.iter().any(|idiom| {
        let idiom: Vec<char> = idiom.chars().collect();
        (0..idiom.len()).any(|offset| {
            let Some(start) = (i - 1).checked_sub(offset) else {
                return false;
            };
            p.chars.get(start..start + idiom.len()) == Some(&idiom[..])
        })
    })
}

/// Whether the pair at `i - 1, i` is half of an `AABB` form (`方方面面`).
fn in_aabb(p: &Para, i: usize) -> bool {
    let c = |k: usize| p.at(k);
    let a = p.chars[i];
    let first_half = c(i + 1).is_some() && c(i + 1) == c(i + 2) && c(i + 1) != Some(a);
    let second_half = i >= 3 && c(i - 2) == c(i - 3) && c(i - 2) != Some(a);
    first_half || second_half
}

/// Whether the pair at `i - 1, i` joins two words (`为了|了解`) rather than doubling one.
fn joins_words(p: &Para, i: usize, after: &str) -> bool {
    let c = p.chars[i];
    let word_after = p.at(i + 1).is_some_and(|next| after.contains(next));
    let word_before = WORD_BEFORE
        .iter()
        .any(|(w, before)| *w == c && i >= 2 && before.contains(p.chars[i - 2]));
    word_after || word_before
}

/// Doubled function characters and doubled English words.
pub(crate) fn check(p: &Para, out: &mut Vec<Hit>) {
    for i in 1..p.chars.len() {
        let c = p.chars[i];
        if c != p.chars[i - 1] || !p.is_free(i) || !p.is_free(i - 1) {
            continue;
        }
        let Some((_, after)) = SLIPS.iter().find(|(s, _)| *s == c) else {
            continue;
        };
        if in_aabb(p, i) || in_idiom(p, i) || joins_words(p, i, after) {
            continue;
        }
        out.push(Hit {
            check: CheckId::RepeatedChar,
            start: i,
            end: i + 1,
            suggestion: Some(String::new()),
            message: FindingMessage::Repeated {
                repeated: c.to_string(),
            },
        });
    }
    english_words(p, out);
}

/// `the the`: the same word twice with only spaces between (not across a comma or a line).
fn english_words(p: &Para, out: &mut Vec<Hit>) {
    let mut previous: Option<(usize, usize)> = None; // the last word: start, end
    let mut i = 0;
    while i < p.chars.len() {
        if !p.chars[i].is_ascii_alphabetic() {
            if !is_space(p.chars[i]) {
                previous = None;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < p.chars.len() && p.chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let end = i;
        if let Some((ps, pe)) = previous {
            let word = p.slice(start, end);
            let same = p.slice(ps, pe).eq_ignore_ascii_case(&word);
            let gap_is_spaces = (pe..start).all(|k| p.chars[k] == ' ');
            let allowed = ENGLISH_DOUBLES.contains(&word.to_ascii_lowercase().as_str());
            let free = (ps..end).all(|k| p.is_free(k));
            if same && gap_is_spaces && !allowed && free && pe < start {
                out.push(Hit {
                    check: CheckId::RepeatedChar,
                    start: pe,
                    end,
                    suggestion: Some(String::new()),
                    message: FindingMessage::Repeated { repeated: word },
                });
            }
        }
        previous = Some((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, bool)> {
        let p = Para::new(text);
        let mut hits = Vec::new();
        check(&p, &mut hits);
        hits.iter()
            .map(|h| (p.slice(h.start, h.end), h.suggestion.is_some()))
            .collect()
    }

    #[test]
    fn slips_are_found_with_a_fix() {
        assert_eq!(found("工作会上的的讲话"), [("的".to_string(), true)]);
        assert_eq!(
            found("完成了了任务，这是是关键"),
            [("了".into(), true), ("是".into(), true)]
        );
        assert_eq!(found("This is the the plan"), [(" the".to_string(), true)]);
    }

    #[test]
    fn reduplications_and_idioms_are_not_slips() {
        for text in [
            "看看 常常 天天 谢谢 好好 层层分解 环环相扣 人人 家家户户",
            "方方面面 认认真真 扎扎实实",
            "不了了之 的的确确 是是非非",
            "He had had enough; that that is",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn pairs_across_two_words_are_not_slips() {
        for text in [
            "为了了解情况，现在在座的各位，达到目的的手段，以及及时处理",
            "深入学习习近平新时代思想，政协协同调研",
            "他的的确是好同志",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
