//! Properties of the diff engine: both sides always rebuild exactly, and the character diff
//! without cleanup is minimal.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use proptest::prelude::*;

use lectern::diff::{DiffOptions, Granularity, Op, PartDiff, PartStatus, Span, SpeechDiff};
use lectern::model::{PartKind, Section, Speech};
use lectern::part::Part;
use lectern::stats::count_text;

const GRANULARITIES: [Granularity; 4] = [
    Granularity::Char,
    Granularity::Word,
    Granularity::Sentence,
    Granularity::Paragraph,
];

/// Characters that make diffs interesting: CJK, punctuation, ASCII, spaces, line breaks,
/// combining marks, emoji and a zero-width joiner.
fn text() -> impl Strategy<Value = String> {
    let alphabet = prop_oneof![
        4 => prop::sample::select(vec!['的', '说', '法', '新', '原', '来', '讲', '工', '作', '要']),
        2 => prop::sample::select(vec!['，', '。', '！', '；', '、', '“', '”']),
        3 => prop::sample::select(vec!['a', 'b', 'c', 'e', 'x', ' ', '.', '!', '\'']),
        1 => prop::sample::select(vec!['\n', '\u{301}', '\u{308}', '👩', '\u{200d}', '🎉', '\r']),
    ];
    prop::collection::vec(alphabet, 0..40).prop_map(|chars| chars.into_iter().collect())
}

/// One side of a diff: `skip` Insert for the old side (equal text as the old side writes it),
/// Delete for the new side (equal text as the new side writes it).
fn side(spans: &[Span], skip: Op) -> String {
    spans
        .iter()
        .map(|s| {
            if skip == Op::Insert {
                s.old_side()
            } else {
                s.new_side()
            }
        })
        .collect()
}

/// Texts rich in what `--ignore-width` / `-w` ignore: both widths of `, : ( ) ; ? !`, curly
/// and straight quotes, runs of spaces, tabs and `　`.
fn wide_text() -> impl Strategy<Value = String> {
    let alphabet = prop_oneof![
        3 => prop::sample::select(vec!['的', '说', '法', '新', '原', 'a', 'b']),
        3 => prop::sample::select(vec![',', '，', ':', '：', '(', '（', ')', '）', ';', '；', '?', '？', '!', '！']),
        1 => prop::sample::select(vec!['"', '“', '”', '\'', '‘', '’', 'Ａ', '１']),
        2 => prop::sample::select(vec![' ', ' ', '\t', '\u{3000}', '\n', '。']),
    ];
    prop::collection::vec(alphabet, 0..40).prop_map(|chars| chars.into_iter().collect())
}

fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Spans as the engine makes them: no two equal spans in a row; within a change (a run of
/// non-equal spans with the same move mark) a delete before an insert and at most one of each;
/// no empty text; only equal spans carry `new_text`, only others a move mark.
fn well_formed(spans: &[Span]) -> Result<(), TestCaseError> {
    for pair in spans.windows(2) {
        prop_assert!(!(pair[0].op == Op::Equal && pair[1].op == Op::Equal));
        if pair[0].moved == pair[1].moved {
            prop_assert!(!(pair[0].op == Op::Insert && pair[1].op == Op::Delete));
            prop_assert!(pair[0].op != pair[1].op);
        }
    }
    prop_assert!(spans.iter().all(|s| !s.text.is_empty()));
    for s in spans {
        prop_assert!(s.new_text.is_none() || s.op == Op::Equal);
        prop_assert!(s.moved.is_none() || s.op != Op::Equal);
        prop_assert!(s.new_text.as_deref() != Some(s.text.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn both_sides_rebuild_exactly(old in text(), new in text(), cleanup in any::<bool>()) {
        for g in GRANULARITIES {
            let spans = DiffOptions::new().granularity(g).cleanup(cleanup).diff_texts(&old, &new);
            prop_assert_eq!(side(&spans, Op::Insert), old.clone(), "{:?} {:?}", g, spans);
            prop_assert_eq!(side(&spans, Op::Delete), new.clone(), "{:?} {:?}", g, spans);
            well_formed(&spans)?;
        }
    }

    #[test]
    fn both_sides_rebuild_exactly_ignoring_width_and_space(
        old in wide_text(),
        new in wide_text(),
        cleanup in any::<bool>(),
        space in any::<bool>(),
    ) {
        for g in GRANULARITIES {
            let options = DiffOptions::new()
                .granularity(g)
                .cleanup(cleanup)
                .ignore_width(true)
                .ignore_space(space);
            let spans = options.diff_texts(&old, &new);
            prop_assert_eq!(side(&spans, Op::Insert), old.clone(), "{:?} {:?}", g, spans);
            prop_assert_eq!(side(&spans, Op::Delete), new.clone(), "{:?} {:?}", g, spans);
            well_formed(&spans)?;
        }
    }

    #[test]
    fn ignoring_width_never_finds_more_changed_text(old in wide_text(), new in wide_text()) {
        let changed = |spans: &[Span]| -> usize {
            spans.iter().filter(|s| s.op != Op::Equal).map(|s| s.text.chars().count()).sum()
        };
        let plain = DiffOptions::new().granularity(Granularity::Char).cleanup(false);
        let wide = plain.clone().ignore_width(true);
        prop_assert!(changed(&wide.diff_texts(&old, &new)) <= changed(&plain.diff_texts(&old, &new)));
        // Written in the other width throughout: no change at all, every mark counted as ignored.
        let swapped: String = old.chars().map(|c| match c {
            ',' => '，', '，' => ',', ':' => '：', '：' => ':', '(' => '（', '（' => '(',
            c => c,
        }).collect();
        let spans = wide.diff_texts(&old, &swapped);
        prop_assert!(spans.iter().all(|s| s.op == Op::Equal), "{:?}", spans);
    }

    #[test]
    fn char_diff_without_cleanup_is_minimal(old in text(), new in text()) {
        let spans = DiffOptions::new()
            .granularity(Granularity::Char)
            .cleanup(false)
            .diff_texts(&old, &new);
        let count = |op: Op| -> usize {
            spans.iter().filter(|s| s.op == op).map(|s| s.text.chars().count()).sum()
        };
        let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
        prop_assert_eq!(
            count(Op::Insert) + count(Op::Delete),
            a.len() + b.len() - 2 * lcs(&a, &b)
        );
    }

    #[test]
    fn rejecting_every_change_gives_back_the_old_text(old in text(), new in text()) {
        let speech = |t: &str| Speech { title: t.to_string(), ..Speech::default() };
        let diff = SpeechDiff::new(&speech(&old), &speech(&new), &DiffOptions::new());
        let title = &diff.parts[0];
        let n = title.change_count();
        prop_assert_eq!(title.text_with_changes_reverted(&(0..n).collect::<Vec<_>>()), old.clone());
        for change in title.changes() {
            let reverted = title.text_with_change_reverted(change.index);
            prop_assert!(reverted.is_some());
            let reverted = reverted.unwrap_or_default();
            let start = change.new_range.start;
            let put_back = &old[change.old_range.clone()];
            prop_assert_eq!(&reverted[start..start + put_back.len()], put_back);
        }
    }
}

/// A random speech: opening, 0–6 sections of 1–4 paragraphs, closing.
fn speech() -> impl Strategy<Value = Speech> {
    let paragraphs = prop::collection::vec(text(), 1..4);
    let section = (text(), paragraphs).prop_map(|(h, ps)| Section::new(h, ps));
    (
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(section, 0..6),
        prop::collection::vec(text(), 0..2),
    )
        .prop_map(|(title, opening, sections, closing)| Speech {
            title,
            opening,
            sections,
            closing,
            ..Speech::default()
        })
}

#[derive(Clone, Debug)]
enum Edit {
    Paragraph(usize, usize, String),
    Remove(usize),
    Add(usize, String, String),
    Swap(usize, usize),
    Title(String),
    FreshIds,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), any::<usize>(), text()).prop_map(|(s, p, t)| Edit::Paragraph(s, p, t)),
        1 => any::<usize>().prop_map(Edit::Remove),
        1 => (any::<usize>(), text(), text()).prop_map(|(i, h, t)| Edit::Add(i, h, t)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        1 => text().prop_map(Edit::Title),
        1 => Just(Edit::FreshIds),
    ]
}

fn apply(speech: &mut Speech, edit: Edit) {
    let n = speech.sections.len();
    match edit {
        Edit::Paragraph(s, p, t) if n > 0 => {
            let section = &mut speech.sections[s % n];
            let len = section.paragraphs.len();
            if len > 0 {
                section.paragraphs[p % len] = t;
            }
        }
        Edit::Remove(i) if n > 0 => {
            speech.sections.remove(i % n);
        }
        Edit::Add(i, h, t) => speech
            .sections
            .insert(i % (n + 1), Section::new(h, vec![t])),
        Edit::Swap(a, b) if n > 0 => speech.sections.swap(a % n, b % n),
        Edit::Title(t) => speech.title = t,
        Edit::FreshIds => *speech = std::mem::take(speech).with_fresh_ids(),
        _ => {}
    }
}

fn part_texts(part: &PartDiff, old: &Speech, new: &Speech) -> (String, String) {
    let fixed = |s: &Speech| match part.kind {
        PartKind::Title => s.part_text(Part::Title),
        PartKind::Greeting => s.part_text(Part::Greeting),
        PartKind::Opening => s.part_text(Part::Opening),
        PartKind::Closing => s.part_text(Part::Closing),
        PartKind::Section => None,
    };
    if part.kind == PartKind::Section {
        let o = part
            .old_index
            .and_then(|i| old.sections.get(i))
            .and_then(|sec| old.part_text(Part::Section(sec.id)));
        let n = part
            .new_index
            .and_then(|i| new.sections.get(i))
            .and_then(|sec| new.part_text(Part::Section(sec.id)));
        (o.unwrap_or_default(), n.unwrap_or_default())
    } else {
        (
            fixed(old).unwrap_or_default(),
            fixed(new).unwrap_or_default(),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn random_speeches_rebuild_part_by_part(
        old in speech(),
        edits in prop::collection::vec(edit(), 0..6),
        granularity in prop::sample::select(GRANULARITIES.to_vec()),
        cleanup in any::<bool>(),
        ignore in any::<bool>(),
    ) {
        let mut new = old.clone();
        for e in edits {
            apply(&mut new, e);
        }
        let options = DiffOptions::new()
            .granularity(granularity)
            .cleanup(cleanup)
            .ignore_width(ignore)
            .ignore_space(ignore);
        let diff = SpeechDiff::new(&old, &new, &options);
        let mut seen_old = vec![0; old.sections.len()];
        let mut seen_new = vec![0; new.sections.len()];
        for part in &diff.parts {
            let (o, n) = part_texts(part, &old, &new);
            prop_assert_eq!(part.old_text(), o.clone());
            prop_assert_eq!(part.new_text(), n.clone());
            well_formed(&part.spans)?;
            match part.status {
                PartStatus::Added => prop_assert!(part.old_index.is_none() && part.old_text().is_empty()),
                PartStatus::Removed => prop_assert!(part.new_index.is_none() && part.new_text().is_empty()),
                PartStatus::Unchanged if !ignore => prop_assert_eq!(&o, &n),
                PartStatus::Unchanged => prop_assert!(part.spans.iter().all(|s| s.op == Op::Equal)),
                PartStatus::Modified => prop_assert_ne!(&o, &n),
                PartStatus::Moved => prop_assert!(part.old_index.is_some() && part.new_index.is_some()),
            }
            let settings = lectern::project::Settings::default();
            let naive = count_text(&n, &settings).seconds - count_text(&o, &settings).seconds;
            prop_assert!((part.seconds_delta - naive).abs() < 1e-6, "{} vs {}", part.seconds_delta, naive);
            if let Some(i) = part.old_index { seen_old[i] += 1; }
            if let Some(i) = part.new_index { seen_new[i] += 1; }
        }
        prop_assert!(seen_old.iter().all(|&c| c == 1));
        prop_assert!(seen_new.iter().all(|&c| c == 1));
        let inserted: usize = diff.parts.iter().map(|p| p.inserted_chars).sum();
        prop_assert_eq!(inserted, diff.summary.inserted_chars);
        let mut summary = diff.summary;
        summary.ignored = 0;
        prop_assert_eq!(diff.is_identical(), summary == Default::default() && diff.parts.iter().all(|p| p.status == PartStatus::Unchanged));
        // Moved characters are counted once, where they arrived, and never as inserted.
        let moved_in: usize = diff.parts.iter().flat_map(|p| &p.spans)
            .filter(|s| s.op == Op::Insert && s.moved.is_some())
            .map(|s| s.text.chars().count()).sum();
        prop_assert_eq!(moved_in, diff.summary.moved_chars);
        // New sections come in new order.
        let order: Vec<usize> = diff.parts.iter().filter_map(|p| p.new_index).collect();
        prop_assert_eq!(order, (0..new.sections.len()).collect::<Vec<_>>());
    }
}
