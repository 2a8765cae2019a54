//! Paragraphs moved between parts, ignored width and spacing, and sections that keep their place.

use super::review::{Reject, reject, stops};
use super::*;
use crate::model::{Numbering, Section};

/// Paragraph `i` of a test section: long enough to be taken as moved, and all different.
fn para(tag: &str, i: usize) -> String {
    format!("{tag}第{i}段：要把这项工作抓紧抓实，确保取得实际成效，第{i}条。")
}

fn section(heading: &str, tag: &str, count: usize) -> Section {
    Section::new(heading, (0..count).map(|i| para(tag, i)).collect())
}

fn speech(sections: Vec<Section>) -> Speech {
    Speech {
        title: "在全市工作会议上的讲话".into(),
        opening: vec!["今天召开会议，主要任务是总结工作。".into()],
        sections,
        closing: vec!["同志们，让我们携手奋进！".into()],
        ..Speech::default()
    }
}

fn base() -> Speech {
    speech(vec![
        section("统一思想", "甲", 3),
        section("突出重点", "乙", 14),
        section("强化保障", "丙", 3),
    ])
}

fn diff(old: &Speech, new: &Speech) -> SpeechDiff {
    SpeechDiff::new(old, new, &DiffOptions::new())
}

/// Every part's spans rebuild both sides.
fn assert_rebuilds(d: &SpeechDiff, old: &Speech, new: &Speech) {
    let olds: Vec<String> = old.sections.iter().map(section_text).collect();
    let news: Vec<String> = new.sections.iter().map(section_text).collect();
    for part in d.parts.iter().filter(|p| p.kind == PartKind::Section) {
        let want_old = part.old_index.map_or("", |i| olds[i].as_str());
        let want_new = part.new_index.map_or("", |i| news[i].as_str());
        assert_eq!(part.old_text(), want_old, "{part:?}");
        assert_eq!(part.new_text(), want_new, "{part:?}");
    }
}

fn notes(d: &SpeechDiff, part: &PartDiff) -> Vec<String> {
    present::part_moves(d, part, Numbering::Chinese)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Rejects every stop in turn until none is left.
fn reject_all(old: &Speech, new: &mut Speech) {
    for _ in 0..40 {
        let d = diff(old, new);
        let Some(stop) = stops(&d).first().copied() else {
            return;
        };
        let what = stop.change.map_or(Reject::Structure, Reject::Change);
        assert!(reject(new, &d, stop.part, what), "{stop:?}");
    }
    panic!("stops left after 40 rejections");
}

fn texts(s: &Speech) -> Vec<(String, Vec<String>)> {
    s.sections
        .iter()
        .map(|s| (s.heading.clone(), s.paragraphs.clone()))
        .collect()
}

/// 二 split in two by a heading inserted after its 7th paragraph.
fn split() -> (Speech, Speech) {
    let old = base();
    let mut new = old.clone();
    let tail = new.sections[1].paragraphs.split_off(7);
    new.sections.insert(2, Section::new("加强督查", tail));
    (old, new)
}

#[test]
fn a_split_section_is_a_new_heading_and_paragraphs_moved() {
    let (old, new) = split();
    let d = diff(&old, &new);
    assert_rebuilds(&d, &old, &new);
    let s = d.summary;
    assert_eq!(s.paragraph_moves, 1, "{d:#?}");
    assert_eq!((s.added, s.removed, s.moved), (1, 0, 0));
    // Only the heading is inserted; nothing is deleted.
    assert_eq!(s.inserted_chars, "加强督查".chars().count());
    assert_eq!(s.deleted_chars, 0);
    let moved: usize = (7..14).map(|i| para("乙", i).chars().count() + 1).sum();
    assert_eq!(s.moved_chars, moved);
    let added = d.parts.iter().find(|p| p.status == PartStatus::Added);
    let added = added.expect("section 三 added");
    assert_eq!(added.new_index, Some(2));
    assert_eq!(notes(&d, added), ["moved from 二 (7 paragraphs)"]);
    assert_eq!(added.inserted_chars, 4);
    let second = d.parts.iter().find(|p| p.old_index == Some(1));
    let second = second.expect("section 二");
    assert_eq!(notes(&d, second), ["moved to 三 (7 paragraphs)"]);
    assert_eq!(second.deleted_chars, 0);
    // The renumbered 三 → 四 is no move.
    let last = d.parts.iter().find(|p| p.old_index == Some(2));
    assert_eq!(last.map(|p| p.status), Some(PartStatus::Unchanged));
    // One stop for the move (where it arrived), one for the heading.
    assert_eq!(stops(&d).len(), 2, "{:?}", stops(&d));
}

#[test]
fn merged_sections_are_paragraphs_moved_into_one() {
    let old = base();
    let mut new = old.clone();
    let third = new.sections.remove(2);
    new.sections[1].paragraphs.extend(third.paragraphs);
    let d = diff(&old, &new);
    assert_rebuilds(&d, &old, &new);
    assert_eq!(d.summary.paragraph_moves, 1);
    assert_eq!((d.summary.added, d.summary.removed), (0, 1));
    assert_eq!(d.summary.inserted_chars, 0);
    assert_eq!(d.summary.deleted_chars, "强化保障".chars().count());
    let removed = d.parts.iter().find(|p| p.status == PartStatus::Removed);
    let removed = removed.expect("三 removed");
    assert_eq!(notes(&d, removed), ["moved to 二 (3 paragraphs)"]);
    let second = d.parts.iter().find(|p| p.old_index == Some(1));
    assert_eq!(
        second.map(|p| notes(&d, p)),
        Some(vec!["moved from 三 (3 paragraphs)".to_string()])
    );

    // Taking it back at either end puts 三 back whole and takes its paragraphs out of 二.
    for end in [second.map(|p| p.old_index), Some(removed.old_index)] {
        let part = d.parts.iter().position(|p| Some(p.old_index) == end);
        let part = part.expect("part");
        let change = (0..d.parts[part].change_count())
            .find(|&c| d.parts[part].change_move(c).is_some())
            .expect("the move");
        let mut working = new.clone();
        assert!(reject(&mut working, &d, part, Reject::Change(change)));
        assert_eq!(texts(&working), texts(&old));
    }
}

#[test]
fn a_paragraph_moved_to_another_section_is_one_change() {
    let old = base();
    let mut new = old.clone();
    let moved = new.sections[0].paragraphs.remove(1);
    new.sections[2].paragraphs.insert(2, moved.clone());
    let d = diff(&old, &new);
    assert_rebuilds(&d, &old, &new);
    assert_eq!(d.summary.paragraph_moves, 1);
    assert_eq!(d.summary.modified, 2);
    assert_eq!((d.summary.inserted_chars, d.summary.deleted_chars), (0, 0));
    assert_eq!(d.summary.moved_chars, moved.chars().count() + 1);
    let from = d.parts.iter().position(|p| p.old_index == Some(0));
    let to = d.parts.iter().position(|p| p.old_index == Some(2));
    let (from, to) = (from.expect("一"), to.expect("三"));
    assert_eq!(notes(&d, &d.parts[from]), ["moved to 三"]);
    assert_eq!(notes(&d, &d.parts[to]), ["moved from 一"]);
    // One stop, where it arrived.
    assert_eq!(
        stops(&d),
        [review::Stop {
            part: to,
            change: Some(0)
        }]
    );
    assert_eq!(
        review::move_counterpart(&d, to, 0),
        Some((from, 0)),
        "{:?}",
        d.parts[from].spans
    );
    // Keeping mine at either end takes the move back as one change.
    for (part, change) in [(to, 0), (from, 0)] {
        let mut working = new.clone();
        assert!(reject(&mut working, &d, part, Reject::Change(change)));
        assert_eq!(texts(&working), texts(&old));
    }
}

#[test]
fn a_moved_and_edited_paragraph_is_still_a_move() {
    let old = base();
    let mut new = old.clone();
    let mut moved = new.sections[0].paragraphs.remove(1);
    moved = moved.replace("抓紧抓实", "抓紧抓好");
    new.sections[2].paragraphs.push(moved);
    let d = diff(&old, &new);
    assert_rebuilds(&d, &old, &new);
    assert_eq!(d.summary.paragraph_moves, 1, "{d:#?}");
    let mut working = new.clone();
    let to = d.parts.iter().position(|p| p.old_index == Some(2));
    assert!(reject(&mut working, &d, to.expect("三"), Reject::Change(0)));
    assert_eq!(texts(&working), texts(&old));
}

#[test]
fn rejecting_a_split_gives_back_the_old_speech() {
    let (old, new) = split();
    // Rejecting only the move leaves the new section with its heading alone.
    let d = diff(&old, &new);
    let added = d.parts.iter().position(|p| p.status == PartStatus::Added);
    let added = added.expect("added");
    let change = (0..d.parts[added].change_count())
        .find(|&c| d.parts[added].change_move(c).is_some())
        .expect("the move");
    let mut working = new.clone();
    assert!(reject(&mut working, &d, added, Reject::Change(change)));
    assert_eq!(working.sections.len(), 4);
    assert_eq!(working.sections[1].paragraphs, old.sections[1].paragraphs);
    assert_eq!(working.sections[2].heading, "加强督查");
    assert!(working.sections[2].paragraphs.is_empty());
    // Rejecting the added section as a whole puts its paragraphs back too.
    let mut working = new.clone();
    assert!(reject(&mut working, &d, added, Reject::Structure));
    assert_eq!(texts(&working), texts(&old));
    // And stop by stop.
    let mut working = new;
    reject_all(&old, &mut working);
    assert_eq!(texts(&working), texts(&old));
}

#[test]
fn short_lines_and_moves_within_a_part_are_not_moves() {
    let old = base();
    let mut new = old.clone();
    // Within one section: an ordinary delete and insert.
    new.sections[1].paragraphs.swap(0, 5);
    // A short line taken from one section to another.
    new.sections[0].paragraphs.push("好。".into());
    let mut old2 = old.clone();
    old2.sections[2].paragraphs.push("好。".into());
    let d = diff(&old2, &new);
    assert_eq!(d.summary.paragraph_moves, 0, "{d:#?}");
    assert_eq!(d.summary.moved_chars, 0);
}

#[test]
fn a_section_at_the_same_place_is_not_moved() {
    // 二 and 四 swapped around 三: 三 keeps its place.
    let old = speech(
        (0..5)
            .map(|i| section(&format!("标题{i}"), &format!("{i}"), 2))
            .collect(),
    );
    let mut new = old.clone().with_fresh_ids();
    new.sections.swap(1, 3);
    let d = diff(&old, &new);
    let moved: Vec<_> = d
        .parts
        .iter()
        .filter(|p| p.status == PartStatus::Moved)
        .map(|p| p.old_index)
        .collect();
    assert_eq!(moved, [Some(3), Some(1)]);
    // A section added first renumbers the rest, moves none.
    let mut new = old.clone();
    new.sections.insert(0, section("新增一节", "新", 2));
    let d = diff(&old, &new);
    assert_eq!((d.summary.moved, d.summary.added), (0, 1));
}

#[test]
fn width_and_spacing_differences_are_ignored_but_counted() {
    let old = speech(vec![Section::new(
        "统一思想",
        vec![
            "社区是城市治理的\"最后一公里\",一要认识(重要);二要把握:新要求.".into(),
            "各街道要把思想统一到  区委的部署上来.".into(),
        ],
    )]);
    let mut new = old.clone();
    new.sections[0].paragraphs = vec![
        "社区是城市治理的“最后一公里”，一要认识（重要）；二要把握：新要求.".into(),
        "各街道要把思想统一到 区委的决策部署上来.".into(),
    ];
    let plain = diff(&old, &new);
    assert!(plain.summary.inserted_chars > 8, "{:?}", plain.summary);
    let options = DiffOptions::new().ignore_width(true).ignore_space(true);
    let d = SpeechDiff::new(&old, &new, &options);
    let part = &d.parts[3];
    assert_eq!(part.old_text(), section_text(&old.sections[0]));
    assert_eq!(part.new_text(), section_text(&new.sections[0]));
    assert_eq!(part.change_count(), 1, "{:?}", part.spans);
    assert_eq!(d.summary.inserted_chars, 2);
    // Two quotes, a comma, two brackets, a semicolon, a colon; one run of spaces.
    assert_eq!(d.summary.ignored, 8);
    // Width alone leaves the run of spaces as a change.
    let width = SpeechDiff::new(&old, &new, &DiffOptions::new().ignore_width(true));
    assert_eq!(width.summary.ignored, 7);
    assert_eq!(
        width.parts[3].change_count(),
        2,
        "{:?}",
        width.parts[3].spans
    );
    // Differing only in width: unchanged, and still counted.
    let mut same = old.clone();
    same.sections[0].paragraphs[0] = new.sections[0].paragraphs[0].clone();
    let d = SpeechDiff::new(&old, &same, &options);
    assert!(d.is_identical());
    assert_eq!(d.summary.ignored, 7);
}

#[test]
fn finding_moves_on_a_long_speech_costs_little() {
    use std::time::Instant;
    // About 200,000 characters: 72 sections of 40 paragraphs.
    let long_para = |s: usize, i: usize| {
        format!(
            "第{s}节第{i}段：要坚持问题导向，把各项工作抓紧抓实，确保取得实际成效，切实增强群众的获得感和满意度，推动工作再上新台阶。"
        ) + &"结合实际抓好落实。".repeat(i % 3)
    };
    let sections: Vec<Section> = (0..72)
        .map(|s| {
            Section::new(
                format!("第{s}部分"),
                (0..40).map(|i| long_para(s, i)).collect(),
            )
        })
        .collect();
    let old = speech(sections);
    let chars: usize = old
        .sections
        .iter()
        .map(|s| section_text(s).chars().count())
        .sum();
    assert!(chars > 190_000, "{chars}");
    let mut new = old.clone();
    for s in (0..72).step_by(3) {
        new.sections[s].paragraphs[5] =
            new.sections[s].paragraphs[5].replace("抓紧抓实", "抓细抓好");
    }
    let tail = new.sections[10].paragraphs.split_off(20);
    new.sections.insert(11, Section::new("新增一节", tail));
    let moved = new.sections[2].paragraphs.remove(7);
    new.sections[30].paragraphs.insert(3, moved);

    let options = DiffOptions::new();
    let time = |find_moves: bool| {
        let start = Instant::now();
        let d = SpeechDiff::build(&old, &new, &options, find_moves);
        (start.elapsed(), d)
    };
    // Warm up (the word segmenter's dictionary), then the better of three each.
    let _warm: (std::time::Duration, SpeechDiff) = time(true);
    let best = |find_moves: bool| (0..3).map(|_| time(find_moves).0).min().unwrap_or_default();
    let (with, without) = (best(true), best(false));
    let (_, d) = time(true);
    assert_eq!(d.summary.paragraph_moves, 2, "{:?}", d.summary);
    // 24 edited, 10 split, 2 and (old) 29 by the paragraph moved.
    assert_eq!(d.summary.modified, 27);
    eprintln!(
        "{chars} chars: diff without moves {without:?}, with moves {with:?} (+{:.1} %)",
        (with.as_secs_f64() / without.as_secs_f64() - 1.0) * 100.0
    );
    assert!(
        with.as_secs_f64() < without.as_secs_f64() * 1.5 + 0.02,
        "{with:?} vs {without:?}"
    );
}
