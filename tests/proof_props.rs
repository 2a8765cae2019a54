//! Properties of proofing (`lectern::proof`) on generated speeches: a fix changes only its
//! finding's characters and loses no other character; fixing everything leaves nothing to fix;
//! checking is repeatable, per field the same as for the whole speech, and never panics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use proptest::prelude::*;

use lectern::model::{Language, Section, Speech};
use lectern::part::Field;
use lectern::project::Settings;
use lectern::proof::{self, Finding};

/// Pieces of text with the traits the checks look at, so generated paragraphs hit them often.
const PIECES: &[&str] = &[
    "的",
    "了",
    "是",
    "这",
    "這",
    "个",
    "個",
    "后",
    "後",
    "台",
    "发",
    "發",
    "干",
    "幹",
    "国",
    "國",
    "我们",
    "工作",
    "会议",
    "看看",
    "方方面面",
    "不了了之",
    "一是",
    "二是",
    "四是",
    "一要",
    "三要",
    "第一，",
    "第三，",
    "首先，",
    "其次，",
    "最后，",
    "（一）",
    "（四）",
    "1. ",
    "3. ",
    "一、",
    "二、",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "--",
    "...",
    "…",
    "—",
    "，",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "【",
    "】",
    "（",
    "）",
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "1.19",
    "3,000",
    "10:30",
    "v2.1",
    "COVID-19",
    "G20",
    "e.g.",
    "https://a.example.org/x,y",
    "li@city.gov.cn",
    "the",
    "The",
    "word",
    "don't",
    "a",
    "0",
    "9",
    "谢谢",
    "！",
    "\u{feff}",
    "\u{200b}",
    "𠀀",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..14).prop_map(|p| p.concat())
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(paragraph(), 0..4)
}

fn language() -> impl Strategy<Value = Language> {
    prop::sample::select(Language::ALL.to_vec())
}

fn speech() -> impl Strategy<Value = Speech> {
    (
        paragraph(),
        paragraph(),
        paragraphs(),
        prop::collection::vec((paragraph(), paragraphs()), 0..3),
        paragraphs(),
        language(),
        prop::option::of(0.0f64..5.0),
    )
        .prop_map(
            |(title, greeting, opening, sections, closing, language, target)| {
                let mut speech = Speech {
                    title,
                    greeting,
                    opening,
                    sections: sections
                        .into_iter()
                        .map(|(heading, body)| Section::new(heading, body))
                        .collect(),
                    closing,
                    ..Speech::default()
                };
                speech.meta.language = language;
                speech.meta.target_minutes = target;
                speech
            },
        )
}

/// A speech of arbitrary text (any characters, control characters included).
fn wild_speech() -> impl Strategy<Value = Speech> {
    (
        any::<String>(),
        prop::collection::vec(any::<String>(), 0..3),
        language(),
    )
        .prop_map(|(title, body, language)| {
            let mut speech = Speech {
                title,
                opening: body.clone(),
                sections: vec![Section::new("", body.clone())],
                closing: body,
                ..Speech::default()
            };
            speech.meta.language = language;
            speech
        })
}

/// The paragraph a finding names. Only a finding about a missing text (`closing-end` on an
/// empty closing) names a paragraph that is not there, with an empty span.
fn paragraph_text(speech: &Speech, f: &Finding) -> String {
    let lines = speech
        .field_lines(f.field)
        .expect("a finding names a field that is there");
    match lines.get(f.paragraph) {
        Some(line) => line.to_string(),
        None => {
            assert!(lines.is_empty() && f.paragraph == 0 && f.end == 0, "{f:?}");
            String::new()
        }
    }
}

fn non_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every finding's place is inside its paragraph and its text is what is there.
fn assert_in_place(speech: &Speech, findings: &[Finding]) {
    for f in findings {
        let chars: Vec<char> = paragraph_text(speech, f).chars().collect();
        assert!(
            f.start <= f.end && f.end <= chars.len(),
            "{f:?} in {chars:?}"
        );
        let text: String = chars[f.start..f.end].iter().collect();
        assert_eq!(text, f.text, "{f:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_fix_changes_only_its_characters(speech in speech()) {
        let findings = proof::check_speech(&speech, &Settings::default());
        assert_in_place(&speech, &findings);
        for f in findings.iter().filter(|f| f.is_fixable()) {
            let mut fixed = speech.clone();
            prop_assert_eq!(proof::apply_fix(&mut fixed, f), Ok(()));
            let before: Vec<char> = paragraph_text(&speech, f).chars().collect();
            let suggestion = f.suggestion.clone().unwrap_or_default();
            let expected: String = before[..f.start]
                .iter()
                .collect::<String>()
                + &suggestion
                + &before[f.end..].iter().collect::<String>();
            let after = paragraph_text(&fixed, f);
            prop_assert_eq!(&after, &expected);
            // No other character is lost: what is not replaced is still there.
            prop_assert_eq!(
                non_whitespace(&after),
                non_whitespace(&before[..f.start].iter().collect::<String>())
                    + &non_whitespace(&suggestion)
                    + &non_whitespace(&before[f.end..].iter().collect::<String>())
            );
            // Nothing else in the speech changed.
            let mut restored = fixed.clone();
            restored.set_field_text(f.field, &speech.field_text(f.field).unwrap_or_default());
            prop_assert_eq!(&restored, &speech);
        }
    }

    #[test]
    fn fixing_everything_leaves_nothing_to_fix(speech in speech()) {
        let before = proof::check_speech(&speech, &Settings::default());
        let mut fixed = speech.clone();
        proof::fix_everything(&mut fixed);
        let after = proof::check_speech(&fixed, &Settings::default());
        let left: Vec<&Finding> = after.iter().filter(|f| f.is_fixable()).collect();
        prop_assert!(left.is_empty(), "left to fix: {:?}", left);
        // None of the fixed checks reports again, unless it also found something it cannot
        // fix (one id can have both: a heading's number is removed, a paragraph's is not).
        let ids = |fixable: bool| -> Vec<_> {
            before.iter().filter(|f| f.is_fixable() == fixable).map(|f| f.check).collect()
        };
        let (fixed_ids, unfixable_ids) = (ids(true), ids(false));
        for f in &after {
            prop_assert!(
                !fixed_ids.contains(&f.check) || unfixable_ids.contains(&f.check),
                "a fixed check reports again: {:?}",
                f
            );
        }
        // Fixing again does nothing; the structure of the speech is unchanged.
        let mut again = fixed.clone();
        prop_assert_eq!(proof::fix_everything(&mut again), 0);
        prop_assert_eq!(&again, &fixed);
        prop_assert_eq!(fixed.sections.len(), speech.sections.len());
        prop_assert_eq!(fixed.opening.len(), speech.opening.len());
        prop_assert_eq!(fixed.closing.len(), speech.closing.len());
    }

    #[test]
    fn checking_is_repeatable_and_per_field_the_same(speech in speech()) {
        let settings = Settings::default();
        let first = proof::check_speech(&speech, &settings);
        prop_assert_eq!(&first, &proof::check_speech(&speech.clone(), &settings));
        let mut by_field: Vec<Finding> = speech
            .field_ids()
            .into_iter()
            .flat_map(|field: Field| proof::check_field(&speech, field))
            .chain(proof::check_structure(&speech, &settings))
            .collect();
        proof::sort_in_reading_order(&speech, &mut by_field);
        prop_assert_eq!(&by_field, &first);
        let mut fixed = speech.clone();
        proof::fix_everything(&mut fixed);
        let clean = proof::check_speech(&fixed, &settings);
        prop_assert_eq!(&clean, &proof::check_speech(&fixed, &settings));
    }

    #[test]
    fn arbitrary_text_never_panics(speech in wild_speech()) {
        let findings = proof::check_speech(&speech, &Settings::default());
        assert_in_place(&speech, &findings);
        let mut fixed = speech.clone();
        proof::fix_everything(&mut fixed);
    }
}
