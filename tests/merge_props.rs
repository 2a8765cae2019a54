//! Properties of the three-way merge (`lectern::merge`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use proptest::prelude::*;

use lectern::merge::merge_speeches;
use lectern::model::{Section, Speech};

const WORDS: &[&str] = &[
    "同志们",
    "加强",
    "学习",
    "落实",
    "任务",
    "今年",
    "要",
    "，",
    "。",
    "三项",
    "责任",
    "工作",
    "the",
    "plan",
    "we",
    "will",
    " ",
    "and",
    "work",
    ", ",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..12).prop_map(|w| w.concat())
}

fn section() -> impl Strategy<Value = Section> {
    (paragraph(), prop::collection::vec(paragraph(), 0..4))
        .prop_map(|(heading, paragraphs)| Section::new(heading, paragraphs))
}

fn speech() -> impl Strategy<Value = Speech> {
    (
        paragraph(),
        paragraph(),
        prop::collection::vec(paragraph(), 0..3),
        prop::collection::vec(section(), 0..5),
        prop::collection::vec(paragraph(), 0..3),
    )
        .prop_map(|(title, greeting, opening, sections, closing)| Speech {
            title,
            greeting,
            opening,
            sections,
            closing,
            ..Speech::default()
        })
}

/// A copy of `base` with some edits: paragraphs replaced, sections removed, added or swapped.
fn edited(base: Speech) -> impl Strategy<Value = Speech> {
    (
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                paragraph(),
            ),
            0..4,
        ),
        prop::option::of(any::<prop::sample::Index>()),
        prop::option::of(section()),
        any::<bool>(),
        prop::option::of(paragraph()),
    )
        .prop_map(move |(replacements, remove, add, swap, title)| {
            let mut speech = base.clone();
            for (s, p, text) in replacements {
                if speech.sections.is_empty() {
                    break;
                }
                let at = s.index(speech.sections.len());
                let section = &mut speech.sections[at];
                if section.paragraphs.is_empty() {
                    section.paragraphs.push(text);
                } else {
                    let i = p.index(section.paragraphs.len());
                    section.paragraphs[i] = text;
                }
            }
            if let Some(i) = remove
                && !speech.sections.is_empty()
            {
                speech.sections.remove(i.index(speech.sections.len()));
            }
            if let Some(section) = add {
                speech.sections.push(section);
            }
            if swap && speech.sections.len() >= 2 {
                speech.sections.swap(0, 1);
            }
            if let Some(title) = title {
                speech.title = title;
            }
            speech
        })
}

fn base_and_edit() -> impl Strategy<Value = (Speech, Speech)> {
    speech().prop_flat_map(|base| (Just(base.clone()), edited(base)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Both sides made the same edits: the result is that version, without conflicts.
    #[test]
    fn merging_a_version_with_itself_gives_it((base, x) in base_and_edit(), other_base in speech()) {
        for b in [&base, &other_base] {
            let merged = merge_speeches(b, &x, &x);
            prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
            prop_assert_eq!(&merged.speech, &x);
        }
    }

    /// One side left the base alone: the result is the other side, whichever it is.
    #[test]
    fn merging_with_an_unchanged_side_gives_the_other((base, y) in base_and_edit()) {
        let merged = merge_speeches(&base, &base, &y);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(&merged.speech, &y);
        let merged = merge_speeches(&base, &y, &base);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(&merged.speech, &y);
    }

    /// Changes to different sections, and at both ends of one paragraph, all arrive, every
    /// character of them.
    #[test]
    fn no_character_of_a_non_conflicting_change_is_lost(
        base in speech(),
        middle in prop::collection::vec(prop::sample::select(&["alpha", "beta", "gamma", "delta"][..]), 3..8),
        front in prop::collection::vec(prop::sample::select(&["ONE", "TWO", "THREE"][..]), 1..4),
        back in prop::collection::vec(prop::sample::select(&["FOUR", "FIVE", "SIX"][..]), 1..4),
        ours_text in paragraph(),
        theirs_text in paragraph(),
    ) {
        let mut base = base;
        base.sections.push(Section::new("甲", vec![middle.join(" ")]));
        base.sections.push(Section::new("乙", vec!["原文。".into()]));
        base.sections.push(Section::new("丙", vec!["原文。".into()]));
        let n = base.sections.len();
        let shared = middle.join(" ");
        let mut ours = base.clone();
        ours.sections[n - 3].paragraphs[0] = format!("{} {shared}", front.join(" "));
        ours.sections[n - 2].paragraphs[0] = format!("我方{ours_text}");
        let mut theirs = base.clone();
        theirs.sections[n - 3].paragraphs[0] = format!("{shared} {}", back.join(" "));
        theirs.sections[n - 1].paragraphs[0] = format!("对方{theirs_text}");
        let merged = merge_speeches(&base, &ours, &theirs);
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let find = |heading: &str| {
            merged.speech.sections.iter().find(|s| s.heading == heading).map(|s| s.paragraphs.clone())
        };
        prop_assert_eq!(
            find("甲"),
            Some(vec![format!("{} {shared} {}", front.join(" "), back.join(" "))])
        );
        prop_assert_eq!(find("乙"), Some(ours.sections[n - 2].paragraphs.clone()));
        prop_assert_eq!(find("丙"), Some(theirs.sections[n - 1].paragraphs.clone()));
    }
}
