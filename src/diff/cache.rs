//! Keeping the last comparison, for a caller (the editor) that asks every frame.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::{DiffOptions, SpeechDiff};
use crate::model::Speech;

/// Keeps the last [`SpeechDiff`], keyed by a 64-bit fingerprint of both speeches' text and section
/// ids and of the options; recomputes only when one of them changed.
///
/// Fingerprinting reads both speeches (cheap next to diffing them: well under a millisecond for
/// a long speech). Two different inputs with the same 64-bit fingerprint would reuse a stale
/// result; that is accepted as vanishingly unlikely.
#[derive(Debug, Default)]
pub struct DiffCache {
    key: Option<u64>,
    diff: Option<std::sync::Arc<SpeechDiff>>,
    computations: u64,
}

impl DiffCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The comparison of `old` and `new`, computed only if it is not the one kept.
    pub fn get(&mut self, old: &Speech, new: &Speech, options: &DiffOptions) -> &SpeechDiff {
        let key = fingerprint(old, new, options);
        if self.key != Some(key) {
            self.diff = None;
            self.key = Some(key);
        }
        let computations = &mut self.computations;
        self.diff.get_or_insert_with(|| {
            *computations += 1;
            std::sync::Arc::new(SpeechDiff::new(old, new, options))
        })
    }

    /// The comparison of `old` and `new` as a shared value (computed only if it is not the one
    /// kept): the same `Arc` while nothing changed, so a view can tell when to lay out again.
    pub fn get_shared(
        &mut self,
        old: &Speech,
        new: &Speech,
        options: &DiffOptions,
    ) -> std::sync::Arc<SpeechDiff> {
        self.get(old, new, options);
        self.diff.clone().unwrap_or_default()
    }

    /// How many times [`DiffCache::get`] had to compute.
    pub fn computations(&self) -> u64 {
        self.computations
    }

    /// Forgets the kept result.
    pub fn clear(&mut self) {
        self.key = None;
        self.diff = None;
    }
}

fn hash_speech(speech: &Speech, h: &mut impl Hasher) {
    speech.title.hash(h);
    speech.greeting.hash(h);
    speech.opening.hash(h);
    speech.sections.len().hash(h);
    for section in &speech.sections {
        section.id.hash(h);
        section.heading.hash(h);
        section.paragraphs.hash(h);
    }
    speech.closing.hash(h);
}

fn fingerprint(old: &Speech, new: &Speech, options: &DiffOptions) -> u64 {
    let mut h = DefaultHasher::new();
    hash_speech(old, &mut h);
    hash_speech(new, &mut h);
    options.granularity.hash(&mut h);
    options.cleanup.hash(&mut h);
    options.ignore_width.hash(&mut h);
    options.ignore_space.hash(&mut h);
    options.deadline.hash(&mut h);
    options.settings.cjk_chars_per_minute.to_bits().hash(&mut h);
    options.settings.words_per_minute.to_bits().hash(&mut h);
    h.finish()
}
