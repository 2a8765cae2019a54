//! Benchmarks of the diff engine: a ~45,000-character and a ~200,000-character speech, each
//! against a revision with scattered edits (phrases changed, paragraphs removed, two sections
//! swapped), at word granularity with cleanup on.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use lectern::diff::{DiffOptions, Granularity, SpeechDiff};
use lectern::model::{Section, Speech};

const WORDS: [&str; 40] = [
    "我们",
    "要",
    "坚持",
    "以",
    "人民",
    "为",
    "中心",
    "的",
    "发展",
    "思想",
    "全面",
    "深化",
    "改革",
    "扎实",
    "推进",
    "高质量",
    "工作",
    "落实",
    "责任",
    "加强",
    "组织",
    "领导",
    "统筹",
    "协调",
    "各项",
    "任务",
    "切实",
    "提高",
    "政治",
    "站位",
    "群众",
    "服务",
    "能力",
    "水平",
    "基层",
    "治理",
    "创新",
    "机制",
    "队伍",
    "建设",
];

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn paragraph(rng: &mut Rng) -> String {
    let mut p = String::new();
    for _ in 0..50 + rng.below(40) {
        p.push_str(WORDS[rng.below(WORDS.len())]);
        if rng.below(8) == 0 {
            p.push('，');
        }
    }
    p.push('。');
    p
}

/// A speech of about `chars` characters, and a revision of it.
fn pair(chars: usize) -> (Speech, Speech) {
    let mut rng = Rng(20261127);
    let mut old = Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec![paragraph(&mut rng)],
        closing: vec!["同志们，让我们携手奋进！".into()],
        ..Speech::default()
    };
    let mut total = 0;
    while total < chars {
        let mut section = Section::new(format!("第{}部分", old.sections.len() + 1), Vec::new());
        for _ in 0..20 {
            let p = paragraph(&mut rng);
            total += p.chars().count();
            section.paragraphs.push(p);
        }
        old.sections.push(section);
    }
    // The revision: as if re-imported (fresh ids), edits every 17th paragraph, one paragraph
    // removed every 97, sections 2 and 3 swapped.
    let mut new = old.clone().with_fresh_ids();
    let mut count = 0;
    for section in &mut new.sections {
        let mut kept = Vec::new();
        for p in section.paragraphs.drain(..) {
            count += 1;
            if count % 97 == 50 {
                continue;
            }
            if count % 17 == 5 {
                kept.push(p.replacen("发展", "持续推进", 1).replacen(
                    "，",
                    "，进一步认真研究，",
                    1,
                ));
            } else {
                kept.push(p);
            }
        }
        section.paragraphs = kept;
    }
    if new.sections.len() > 3 {
        new.sections.swap(1, 2);
    }
    (old, new)
}

fn bench(c: &mut Criterion) {
    let options = DiffOptions::new().granularity(Granularity::Word);
    for (name, chars) in [("diff_45k_word", 45_000), ("diff_200k_word", 200_000)] {
        let (old, new) = pair(chars);
        // One run before timing (first touches of the dictionary and the allocator).
        black_box(SpeechDiff::new(&old, &new, &options));
        c.bench_function(name, |b| {
            b.iter(|| SpeechDiff::new(black_box(&old), black_box(&new), &options))
        });
    }
    let (old, new) = pair(200_000);
    let char_options = DiffOptions::new().granularity(Granularity::Char);
    c.bench_function("diff_200k_char", |b| {
        b.iter(|| SpeechDiff::new(black_box(&old), black_box(&new), &char_options))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
