use super::*;
use crate::model::Section;

fn speech(sections: &[(&str, &[&str])]) -> Speech {
    Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["今天召开会议，主要任务是总结工作。".into()],
        sections: sections
            .iter()
            .map(|(h, ps)| Section::new(*h, ps.iter().map(|p| p.to_string()).collect()))
            .collect(),
        closing: vec!["同志们，让我们携手奋进！".into()],
        ..Speech::default()
    }
}

fn sample() -> Speech {
    speech(&[
        (
            "提高政治站位",
            &["一要加强理论学习。", "二要增强政治定力。"],
        ),
        ("发挥枢纽作用", &["积极探索创新，不断提升工作水平。"]),
        ("坚持党建统领", &["凝聚工作合力，全面加强机关建设。"]),
        ("狠抓工作落实", &["确保各项任务落到实处。"]),
    ])
}

fn statuses(diff: &SpeechDiff) -> Vec<(PartKind, PartStatus)> {
    diff.parts.iter().map(|p| (p.kind, p.status)).collect()
}

#[test]
fn identical_speeches() {
    let a = sample();
    let diff = SpeechDiff::new(&a, &a.clone(), &DiffOptions::new());
    assert!(diff.is_identical());
    assert_eq!(diff.parts.len(), 8);
    assert_eq!(diff.summary, Summary::default());
}

#[test]
fn fresh_ids_still_match_by_text() {
    let a = sample();
    let b = a.clone().with_fresh_ids();
    assert!(SpeechDiff::new(&a, &b, &DiffOptions::new()).is_identical());
}

#[test]
fn adjacent_swap_reports_both_moved() {
    let a = sample();
    let mut b = a.clone().with_fresh_ids();
    b.sections.swap(1, 2);
    let diff = SpeechDiff::new(&a, &b, &DiffOptions::new());
    assert_eq!(diff.summary.moved, 2);
    assert_eq!(diff.summary.modified, 0);
    let moved: Vec<_> = diff
        .parts
        .iter()
        .filter(|p| p.status == PartStatus::Moved)
        .map(|p| (p.old_index, p.new_index))
        .collect();
    assert_eq!(moved, [(Some(2), Some(1)), (Some(1), Some(2))]);
    assert!(diff.summary.inserted_chars == 0 && diff.summary.deleted_chars == 0);
}

#[test]
fn moved_section_keeps_its_edits() {
    let a = sample();
    let mut b = a.clone();
    let first = b.sections.remove(0);
    b.sections.push(first);
    b.sections[3].paragraphs[0] = "一要加强理论武装。".into();
    let diff = SpeechDiff::new(&a, &b, &DiffOptions::new());
    assert_eq!(diff.summary.moved, 1);
    let part = diff.parts.iter().find(|p| p.status == PartStatus::Moved);
    let part = part.expect("a moved part");
    assert_eq!((part.old_index, part.new_index), (Some(0), Some(3)));
    assert_eq!(part.change_count(), 1);
}

#[test]
fn added_and_removed_sections() {
    let a = sample();
    let mut b = a.clone();
    b.sections.remove(1);
    b.sections.push(Section::new(
        "全新内容",
        vec!["完全不同的话题和文字。".into()],
    ));
    let diff = SpeechDiff::new(&a, &b, &DiffOptions::new());
    assert_eq!((diff.summary.added, diff.summary.removed), (1, 1));
    assert_eq!(diff.summary.moved, 0);
    let kinds = statuses(&diff);
    assert_eq!(kinds[4], (PartKind::Section, PartStatus::Removed));
    let removed = &diff.parts[4];
    assert_eq!(removed.new_text(), "");
    assert_eq!(
        removed.old_text(),
        "发挥枢纽作用\n积极探索创新，不断提升工作水平。"
    );
    assert_eq!(removed.old_heading.as_deref(), Some("发挥枢纽作用"));
    assert_eq!(removed.new_heading, None);
    let added = diff.parts.iter().find(|p| p.status == PartStatus::Added);
    assert_eq!(added.map(|p| p.old_text()), Some(String::new()));
    assert!(diff.summary.seconds_delta < 0.0);
}

#[test]
fn speaking_time_delta_uses_the_given_rates() {
    let a = speech(&[("甲", &["一二三"])]);
    let b = speech(&[("甲", &["一二三四五六"])]);
    let options = DiffOptions::new().settings(crate::project::Settings {
        cjk_chars_per_minute: 60.0,
        ..Default::default()
    });
    let diff = SpeechDiff::new(&a, &b, &options);
    assert_eq!(diff.summary.modified, 1);
    assert!((diff.summary.seconds_delta - 3.0).abs() < 1e-9);
    assert_eq!(diff.summary.inserted_chars, 3);
}

#[test]
fn edited_phrase_is_one_change_at_every_granularity() {
    let old = "我们要坚持原来的说法，把工作做好。";
    let new = "我们要坚持新的讲法，把工作做好。";
    for g in [Granularity::Char, Granularity::Word] {
        let spans = DiffOptions::new().granularity(g).diff_texts(old, new);
        let changed: Vec<_> = spans.iter().filter(|s| s.op != Op::Equal).collect();
        assert_eq!(changed.len(), 2, "{g:?}: {spans:?}");
        assert_eq!(changed[0].op, Op::Delete);
        assert_eq!(changed[1].op, Op::Insert);
    }
}

#[test]
fn without_cleanup_changes_scatter() {
    let spans = DiffOptions::new()
        .granularity(Granularity::Char)
        .cleanup(false)
        .diff_texts("原来的说法", "新的讲法");
    let equal = spans.iter().filter(|s| s.op == Op::Equal).count();
    assert_eq!(equal, 2, "{spans:?}");
}

#[test]
fn reverting_each_change_puts_back_exactly_the_old_fragment() {
    let a = sample();
    let mut b = a.clone();
    b.sections[0].paragraphs[0] = "一要深入加强理论学习。".into();
    b.sections[0].paragraphs[1] = "二要坚定政治方向。".into();
    b.sections[0].paragraphs.push("三要改进作风。".into());
    let diff = SpeechDiff::new(&a, &b, &DiffOptions::new());
    let part = &diff.parts[3];
    let changes = part.changes();
    assert!(changes.len() >= 2, "{:?}", part.spans);
    let (old, new) = (part.old_text(), part.new_text());
    for change in &changes {
        let reverted = part
            .text_with_change_reverted(change.index)
            .expect("change exists");
        let put_back = &old[change.old_range.clone()];
        let start = change.new_range.start;
        assert_eq!(&reverted[start..start + put_back.len()], put_back);
        assert_eq!(&reverted[..start], &new[..start]);
        assert_eq!(
            &reverted[start + put_back.len()..],
            &new[change.new_range.end..]
        );
        let applied = part
            .text_with_change_applied(change.index)
            .expect("change exists");
        assert_eq!(
            &applied[change.old_range.start..change.old_range.start + change.new_range.len()],
            &new[change.new_range.clone()]
        );
    }
    let all: Vec<usize> = (0..changes.len()).collect();
    assert_eq!(part.text_with_changes_reverted(&all), old);
    assert_eq!(part.text_with_changes_reverted(&[]), new);
    assert_eq!(part.text_with_change_reverted(changes.len()), None);
}

#[test]
fn cache_recomputes_only_when_a_side_changes() {
    let a = sample();
    let mut b = a.clone();
    let options = DiffOptions::new();
    let mut cache = DiffCache::new();
    assert!(cache.get(&a, &b, &options).is_identical());
    assert!(cache.get(&a, &b, &options).is_identical());
    assert_eq!(cache.computations(), 1);
    b.title.push('！');
    assert!(!cache.get(&a, &b, &options).is_identical());
    assert_eq!(cache.computations(), 2);
    cache.get(&a, &b, &options.clone().granularity(Granularity::Char));
    assert_eq!(cache.computations(), 3);
}

#[test]
fn a_zero_deadline_still_rebuilds_both_sides() {
    let old: String = (0..400).map(|i| format!("第{i}句话。")).collect();
    let new: String = (0..400)
        .map(|i| format!("第{}句话。", i * 7 % 401))
        .collect();
    let spans = DiffOptions::new()
        .granularity(Granularity::Char)
        .deadline(Some(std::time::Duration::ZERO))
        .diff_texts(&old, &new);
    let side = |skip: Op| -> String {
        spans
            .iter()
            .filter(|s| s.op != skip)
            .map(|s| s.text.as_str())
            .collect()
    };
    assert_eq!(side(Op::Insert), old);
    assert_eq!(side(Op::Delete), new);
}

#[test]
fn english_words() {
    let spans = DiffOptions::new().diff_texts(
        "Ladies and gentlemen, thank you for coming.",
        "Ladies and gentlemen, thank you all for being here.",
    );
    let changes: Vec<_> = spans.iter().filter(|s| s.op != Op::Equal).collect();
    assert!(changes.len() <= 3, "{spans:?}");
}
