//! Matching the sections of two speeches, and deciding which matched sections moved.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{Section, SectionId};

/// The least similarity (character-bigram Dice coefficient over heading and paragraphs) for two
/// sections with different ids to be taken as versions of one another.
pub const MATCH_THRESHOLD: f64 = 0.3;

/// One section of the comparison, in output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlanEntry {
    /// Position in the old speech.
    pub old: Option<usize>,
    /// Position in the new speech.
    pub new: Option<usize>,
    /// Whether it is a matched section that moved.
    pub moved: bool,
}

/// Matches sections and orders the result: new sections in new order, each removed section right
/// after the new place of the nearest matched section before it in the old speech (or first).
#[cfg(test)]
pub(crate) fn plan(old: &[Section], new: &[Section]) -> Vec<PlanEntry> {
    let old_texts: Vec<String> = old.iter().map(section_text).collect();
    let new_texts: Vec<String> = new.iter().map(section_text).collect();
    plan_with_texts(old, new, &old_texts, &new_texts)
}

/// A section's text as [`crate::model::Speech::part_text`] gives it: heading and paragraphs
/// joined with `\n`.
pub(crate) fn section_text(s: &Section) -> String {
    let mut t = String::with_capacity(
        s.heading.len() + s.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>(),
    );
    t.push_str(&s.heading);
    for p in &s.paragraphs {
        t.push('\n');
        t.push_str(p);
    }
    t
}

/// [`plan`], given each section's text ([`section_text`]) on both sides.
pub(crate) fn plan_with_texts(
    old: &[Section],
    new: &[Section],
    old_texts: &[String],
    new_texts: &[String],
) -> Vec<PlanEntry> {
    let old_to_new = match_with_texts(old, new, old_texts, new_texts);
    let moved = moved_sections(&old_to_new);
    let mut new_to_old = vec![None; new.len()];
    for (o, n) in old_to_new.iter().enumerate() {
        if let Some(n) = *n
            && let Some(slot) = new_to_old.get_mut(n)
        {
            *slot = Some(o);
        }
    }
    // Sort keys: (new position of the anchor + 1, 0 for the new section / 1.. for removed ones).
    let mut keyed: Vec<((usize, usize), PlanEntry)> = Vec::with_capacity(old.len() + new.len());
    for (n, o) in new_to_old.iter().enumerate() {
        let moved = o.is_some_and(|o| moved.get(o).copied().unwrap_or(false));
        keyed.push((
            (n + 1, 0),
            PlanEntry {
                old: *o,
                new: Some(n),
                moved,
            },
        ));
    }
    let mut anchor = 0;
    for (o, n) in old_to_new.iter().enumerate() {
        match n {
            Some(n) => anchor = n + 1,
            None => keyed.push((
                (anchor, o + 1),
                PlanEntry {
                    old: Some(o),
                    new: None,
                    moved: false,
                },
            )),
        }
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, entry)| entry).collect()
}

/// For each old section, the new section it matches.
#[cfg(test)]
pub(crate) fn match_sections(old: &[Section], new: &[Section]) -> Vec<Option<usize>> {
    let old_texts: Vec<String> = old.iter().map(section_text).collect();
    let new_texts: Vec<String> = new.iter().map(section_text).collect();
    match_with_texts(old, new, &old_texts, &new_texts)
}

/// [`match_sections`], given each section's text ([`section_text`]) on both sides.
pub(crate) fn match_with_texts(
    old: &[Section],
    new: &[Section],
    old_texts: &[String],
    new_texts: &[String],
) -> Vec<Option<usize>> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    let old_text = |o: usize| old_texts.get(o).map_or("", String::as_str);
    let new_text = |n: usize| new_texts.get(n).map_or("", String::as_str);

    // 1. Same id.
    let mut by_id: HashMap<SectionId, Vec<usize>> = HashMap::with_capacity(old.len());
    for (o, s) in old.iter().enumerate().rev() {
        by_id.entry(s.id).or_default().push(o);
    }
    for (n, s) in new.iter().enumerate() {
        if let Some(o) = by_id.get_mut(&s.id).and_then(Vec::pop) {
            old_to_new[o] = Some(n);
            new_taken[n] = true;
        }
    }

    // 2. Same text.
    let mut by_text: HashMap<&str, Vec<usize>, BuildHasherDefault<TextHasher>> =
        HashMap::with_capacity_and_hasher(old.len(), BuildHasherDefault::default());
    for o in (0..old.len()).rev() {
        if old_to_new[o].is_none() {
            by_text.entry(old_text(o)).or_default().push(o);
        }
    }
    for (n, taken) in new_taken.iter_mut().enumerate() {
        if !*taken && let Some(o) = by_text.get_mut(new_text(n)).and_then(Vec::pop) {
            old_to_new[o] = Some(n);
            *taken = true;
        }
    }

    // 3. Same heading and the same first (then last) paragraph, each key unique on both sides:
    //    a section edited in its middle is found without comparing bigrams.
    for key_of in [first_key as fn(&str) -> Option<(&str, &str)>, last_key] {
        let old_keys = unique_keys(
            (0..old.len())
                .filter(|&o| old_to_new[o].is_none())
                .map(|o| (o, old_text(o))),
            key_of,
        );
        let new_keys = unique_keys(
            (0..new.len())
                .filter(|&n| !new_taken[n])
                .map(|n| (n, new_text(n))),
            key_of,
        );
        for (key, n) in new_keys {
            if let (Some(n), Some(Some(o))) = (n, old_keys.get(&key)) {
                old_to_new[*o] = Some(n);
                new_taken[n] = true;
            }
        }
    }

    // 4. Similar text, best pairs first.
    let old_left: Vec<usize> = (0..old.len())
        .filter(|&o| old_to_new[o].is_none())
        .collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&n| !new_taken[n]).collect();
    if old_left.is_empty() || new_left.is_empty() {
        return old_to_new;
    }
    // Long sections are compared on a sample of their bigrams (the same sample rule on both
    // sides, so the Dice estimate stays fair), keeping the work near linear for long speeches.
    let longest = old_left
        .iter()
        .map(|&o| old_text(o).len())
        .chain(new_left.iter().map(|&n| new_text(n).len()))
        .max()
        .unwrap_or(0);
    let sample = Sampler::new((longest / SAMPLE_BYTES).clamp(1, 16) as u64);
    let old_grams: Vec<Vec<u64>> = old_left
        .iter()
        .map(|&o| bigrams(old_text(o), sample))
        .collect();
    let new_grams: Vec<Vec<u64>> = new_left
        .iter()
        .map(|&n| bigrams(new_text(n), sample))
        .collect();
    // Inverted index: bigram → the (left-over) old sections holding it.
    let mut postings: HashMap<u64, Vec<u32>, BuildHasherDefault<MixHasher>> = HashMap::default();
    for (k, grams) in old_grams.iter().enumerate() {
        for g in grams {
            postings.entry(*g).or_default().push(k as u32);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut shared = vec![0u32; old_left.len()];
    for (&n, grams) in new_left.iter().zip(&new_grams) {
        shared.iter_mut().for_each(|c| *c = 0);
        for g in grams {
            if let Some(list) = postings.get(g) {
                for &k in list {
                    shared[k as usize] += 1;
                }
            }
        }
        for (k, &common) in shared.iter().enumerate() {
            let total = old_grams[k].len() + grams.len();
            if common == 0 || total == 0 {
                continue;
            }
            let dice = 2.0 * f64::from(common) / total as f64;
            if dice >= MATCH_THRESHOLD {
                candidates.push((dice, old_left[k], n));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    for (_, o, n) in candidates {
        if old_to_new[o].is_none() && !new_taken[n] {
            old_to_new[o] = Some(n);
            new_taken[n] = true;
        }
    }
    old_to_new
}

/// Above this many bytes, sections are compared on a sample of their bigrams.
const SAMPLE_BYTES: usize = 1500;

/// A fast hasher for bigram keys (they are already well spread after [`mix`]).
#[derive(Default)]
struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(n);
    }
}

/// A 64-bit mixing function (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hasher for section texts that reads only a sample of each: its length, its first and last
/// 32 bytes and 16 evenly spaced 8-byte words. Keys are compared in full on a hash match, so a
/// sample only has to spread different texts apart, and hashing stays cheap on long sections.
#[derive(Default)]
struct TextHasher(u64);

impl TextHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn add_bytes(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in words.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }
}

impl Hasher for TextHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        const EDGE: usize = 32;
        const SAMPLES: usize = 16;
        self.add(bytes.len() as u64);
        if bytes.len() <= 2 * EDGE + 8 * SAMPLES {
            self.add_bytes(bytes);
            return;
        }
        self.add_bytes(&bytes[..EDGE]);
        self.add_bytes(&bytes[bytes.len() - EDGE..]);
        let step = (bytes.len() - 8) / SAMPLES;
        for k in 0..SAMPLES {
            let at = k * step;
            self.add_bytes(&bytes[at..at + 8]);
        }
    }
}

/// "Is `mix(g)` a multiple of `n`?" without a division per bigram: for `n = odd · 2^k`,
/// `x` is a multiple of `n` exactly when `(x · odd⁻¹ mod 2^64) rotated right by k` is at most
/// `(2^64 − 1) / n` (Granlund–Montgomery).
#[derive(Clone, Copy)]
struct Sampler {
    /// The sampling rate (1: keep everything).
    n: u64,
    inverse: u64,
    shift: u32,
    limit: u64,
}

impl Sampler {
    fn new(n: u64) -> Self {
        let n = n.max(1);
        let shift = n.trailing_zeros();
        let odd = n >> shift;
        // Newton's iteration for the inverse of an odd number modulo 2^64.
        let mut inverse = odd;
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(inverse)));
        }
        Self {
            n,
            inverse,
            shift,
            limit: u64::MAX / n,
        }
    }

    fn keeps(self, x: u64) -> bool {
        x.wrapping_mul(self.inverse).rotate_right(self.shift) <= self.limit
    }
}

/// The keys of the given `(index, text)` pairs, each with its index, or `None` when several
/// texts share the key.
fn unique_keys<'t>(
    texts: impl Iterator<Item = (usize, &'t str)>,
    key_of: fn(&'t str) -> Option<(&'t str, &'t str)>,
) -> HashMap<(&'t str, &'t str), Option<usize>, BuildHasherDefault<TextHasher>> {
    let mut keys: HashMap<(&str, &str), Option<usize>, BuildHasherDefault<TextHasher>> =
        HashMap::with_capacity_and_hasher(texts.size_hint().0, BuildHasherDefault::default());
    for (i, text) in texts {
        if let Some(key) = key_of(text) {
            keys.entry(key)
                .and_modify(|slot| *slot = None)
                .or_insert(Some(i));
        }
    }
    keys
}

/// A section text's heading line and first paragraph, when both are there.
fn first_key(text: &str) -> Option<(&str, &str)> {
    let (heading, rest) = text.split_once('\n')?;
    let first = rest.split('\n').next()?;
    (!heading.trim().is_empty() && !first.trim().is_empty()).then_some((heading, first))
}

/// A section text's heading line and last paragraph, when both are there.
fn last_key(text: &str) -> Option<(&str, &str)> {
    let (heading, _) = text.split_once('\n')?;
    let (_, last) = text.rsplit_once('\n')?;
    (!heading.trim().is_empty() && !last.trim().is_empty()).then_some((heading, last))
}

/// The distinct character bigrams of `text` (whitespace skipped), sorted; a text of one
/// character gives that character. With a sample rate above 1 only bigrams whose mixed value is
/// divisible by it are kept.
fn bigrams(text: &str, sample: Sampler) -> Vec<u64> {
    // Short texts keep every bigram, so that short sections still match one another; a short and
    // a long section are far from the threshold anyway (Dice ≤ 2·short / (short + long)).
    let keep_all = text.len() < SAMPLE_BYTES || sample.n <= 1;
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let Some(mut prev) = chars.next() else {
        return Vec::new();
    };
    let mut out: Vec<u64> = Vec::with_capacity(if keep_all {
        text.len() / 2
    } else {
        text.len() / 2 / sample.n as usize + 16
    });
    // Bigrams go through a small block without a branch per bigram (whether a bigram is kept
    // is close to random, which a branch would mispredict).
    const BLOCK: usize = 256;
    let mut block = [0u64; BLOCK];
    let mut len = 0;
    let mut any_pair = false;
    for c in chars {
        any_pair = true;
        let g = (u64::from(prev) << 32) | u64::from(c);
        if let Some(slot) = block.get_mut(len) {
            *slot = g;
        }
        len += usize::from(keep_all || sample.keeps(mix(g)));
        if len == BLOCK {
            out.extend_from_slice(&block);
            len = 0;
        }
        prev = c;
    }
    out.extend_from_slice(block.get(..len).unwrap_or_default());
    if !any_pair {
        out.push(u64::from(prev) << 32);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// For each old section: whether it is matched and moved, i.e. not in *every* longest increasing
/// subsequence of the new positions taken in old order — and not at the same place among the
/// matched sections on both sides (a section added or removed before it renumbers it; that is
/// not a move, and neither is staying put while others swap around it).
pub(crate) fn moved_sections(old_to_new: &[Option<usize>]) -> Vec<bool> {
    let matched: Vec<(usize, usize)> = old_to_new
        .iter()
        .enumerate()
        .filter_map(|(o, n)| n.map(|n| (o, n)))
        .collect();
    let seq: Vec<i64> = matched.iter().map(|&(_, n)| n as i64).collect();
    let ending = lis_lengths(&seq);
    let reversed: Vec<i64> = seq.iter().rev().map(|v| -v).collect();
    let mut starting = lis_lengths(&reversed);
    starting.reverse();
    let best = ending.iter().copied().max().unwrap_or(0);
    let in_some: Vec<bool> = ending
        .iter()
        .zip(&starting)
        .map(|(e, s)| e + s == best + 1)
        .collect();
    // An element is in every LIS when it is the only one, among those in some LIS, at its rank.
    let mut per_rank = vec![0usize; best + 1];
    for (i, &some) in in_some.iter().enumerate() {
        if some {
            per_rank[ending[i]] += 1;
        }
    }
    let mut new_order: Vec<usize> = matched.iter().map(|&(_, n)| n).collect();
    new_order.sort_unstable();
    let mut moved = vec![false; old_to_new.len()];
    for (i, &(o, n)) in matched.iter().enumerate() {
        let same_place = new_order.binary_search(&n).is_ok_and(|rank| rank == i);
        let in_every = in_some[i] && per_rank[ending[i]] == 1;
        moved[o] = !(same_place || in_every);
    }
    moved
}

/// For each element, the length of the longest strictly increasing subsequence ending there.
fn lis_lengths(seq: &[i64]) -> Vec<usize> {
    let mut tails: Vec<i64> = Vec::new();
    let mut out = Vec::with_capacity(seq.len());
    for &v in seq {
        let pos = tails.partition_point(|&t| t < v);
        if pos == tails.len() {
            tails.push(v);
        } else {
            tails[pos] = v;
        }
        out.push(pos + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved_of(order: &[usize]) -> Vec<bool> {
        moved_sections(&order.iter().map(|&n| Some(n)).collect::<Vec<_>>())
    }

    #[test]
    fn no_move() {
        assert_eq!(moved_of(&[0, 1, 2]), [false, false, false]);
    }

    #[test]
    fn adjacent_swap_marks_both() {
        assert_eq!(moved_of(&[0, 2, 1, 3]), [false, true, true, false]);
    }

    #[test]
    fn one_section_moved_to_the_end() {
        // Old section 0 is now last.
        assert_eq!(moved_of(&[3, 0, 1, 2]), [true, false, false, false]);
    }

    #[test]
    fn a_section_at_the_same_place_is_never_moved() {
        // 二 ↔ 四 swapped around 三, which keeps its place.
        assert_eq!(
            moved_of(&[0, 3, 2, 1, 4]),
            [false, true, false, true, false]
        );
        // Reversed: the middle one stays.
        assert_eq!(moved_of(&[2, 1, 0]), [true, false, true]);
        // A section added first renumbers the rest: nothing moved.
        let shifted = moved_sections(&[Some(1), Some(2), Some(3)]);
        assert_eq!(shifted, [false, false, false]);
        // A section added first and two swapped after it: only those two.
        let swapped = moved_sections(&[Some(1), Some(3), Some(2), Some(4)]);
        assert_eq!(swapped, [false, true, true, false]);
    }

    #[test]
    fn unmatched_sections_are_not_moved() {
        let moved = moved_sections(&[Some(0), None, Some(1)]);
        assert_eq!(moved, [false, false, false]);
    }

    fn section(heading: &str, body: &str) -> Section {
        Section::new(heading, vec![body.to_string()])
    }

    #[test]
    fn same_text_is_compared_in_full_not_by_its_sampled_hash() {
        use std::hash::BuildHasher;

        // Long texts that differ only between the bytes the hasher samples hash alike; the
        // whole text still decides.
        let body = |mark: char| {
            let mut text: String = "政协机关工作责任重大。".repeat(40);
            text.insert(text.len() / 2 + 3 * 7, mark);
            text
        };
        let texts = [body('甲'), body('乙')];
        let build_hasher = BuildHasherDefault::<TextHasher>::default();
        assert_eq!(
            build_hasher.hash_one(texts[0].as_str()),
            build_hasher.hash_one(texts[1].as_str())
        );
        let old = vec![
            section("同一标题", &texts[0]),
            section("同一标题", &texts[1]),
        ];
        let new = vec![
            section("同一标题", &texts[1]),
            section("同一标题", &texts[0]),
        ];
        assert_eq!(match_sections(&old, &new), [Some(1), Some(0)]);
    }

    #[test]
    fn matching_by_content_when_ids_differ() {
        let old = vec![
            section("提高政治站位", "一要加强理论学习，二要增强政治定力。"),
            section("发挥枢纽作用", "积极探索创新，不断提升工作水平。"),
            section("坚持党建统领", "凝聚工作合力，全面加强机关建设。"),
        ];
        let new = vec![
            section("坚持党建统领", "凝聚工作合力，全面加强机关自身建设。"),
            section("提高政治站位", "一要加强理论学习，二要增强政治定力。"),
            section("全新的一节", "这里讲的是完全不同的内容，没有关系。"),
        ];
        assert_eq!(match_sections(&old, &new), [Some(1), None, Some(0)]);
        let plan = plan(&old, &new);
        let pairs: Vec<_> = plan.iter().map(|e| (e.old, e.new)).collect();
        assert_eq!(
            pairs,
            [
                (Some(2), Some(0)),
                (Some(0), Some(1)),
                (Some(1), None),
                (None, Some(2))
            ]
        );
    }

    #[test]
    fn ids_win_over_content() {
        let a = section("甲", "相同的内容");
        let mut b = section("乙", "完全不同");
        b.id = a.id;
        let c = section("丙", "相同的内容");
        assert_eq!(match_sections(&[a], &[c, b]), [Some(1)]);
    }

    #[test]
    fn sampler_agrees_with_division() {
        for n in 1..=16u64 {
            let sampler = Sampler::new(n);
            let mut x = 12345u64;
            for _ in 0..10_000 {
                x = mix(x.wrapping_add(n));
                for v in [x, x & 0xffff, u64::MAX - (x & 0xff), n * (x >> 8)] {
                    assert_eq!(sampler.keeps(v), v.is_multiple_of(n), "{n} {v}");
                }
            }
        }
    }

    #[test]
    fn bigrams_skip_whitespace() {
        let one = Sampler::new(1);
        assert_eq!(bigrams("", one), Vec::<u64>::new());
        assert_eq!(bigrams(" 甲\n", one), [u64::from('甲') << 32]);
        assert_eq!(
            bigrams("甲\n乙甲 乙", one),
            [
                (u64::from('乙') << 32) | u64::from('甲'),
                (u64::from('甲') << 32) | u64::from('乙'),
            ]
        );
    }

    #[test]
    fn long_sections_match_on_sampled_bigrams() {
        let words = [
            "提高", "站位", "落实", "责任", "创新", "机制", "群众", "服务", "基层", "治理",
        ];
        let mut seed = 7u64;
        let mut next = || {
            seed = mix(seed.wrapping_add(1));
            words[(seed % words.len() as u64) as usize]
        };
        let old: Vec<Section> = (0..30)
            .map(|i| {
                let body: String = (0..400).map(|_| next()).collect();
                section(&format!("第{i}部分"), &body)
            })
            .collect();
        assert!(old[0].paragraphs[0].len() > SAMPLE_BYTES);
        let mut new: Vec<Section> = old
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.id = SectionId::new();
                s.paragraphs[0].insert_str(30, "新增加的一些内容");
                s
            })
            .collect();
        new.swap(4, 5);
        let got = match_sections(&old, &new);
        let want: Vec<Option<usize>> = (0..30)
            .map(|i| {
                Some(if i == 4 {
                    5
                } else if i == 5 {
                    4
                } else {
                    i
                })
            })
            .collect();
        assert_eq!(got, want);
    }
}
