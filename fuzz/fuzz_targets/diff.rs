//! The section-aware diff on two speeches imported from arbitrary text: never panics, and every
//! part's spans rebuild both sides exactly.
#![no_main]

use lectern::diff::{DiffOptions, Op, SpeechDiff};
use lectern::import::{TextFormat, import_text};
use lectern::model::{PartKind, PartRef};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let old = import_text(input.0, TextFormat::Plain).speech;
    let new = import_text(input.1, TextFormat::Plain).speech;
    let diff = SpeechDiff::new(&old, &new, &DiffOptions::default());
    for part in &diff.parts {
        let old_side: String = part
            .spans
            .iter()
            .filter(|s| s.op != Op::Insert)
            .map(|s| s.text.as_str())
            .collect();
        let new_side: String = part
            .spans
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        let text = |speech: &lectern::model::Speech, index: Option<usize>| {
            let part_ref = match part.kind {
                PartKind::Title => Some(PartRef::Title),
                PartKind::Greeting => Some(PartRef::Greeting),
                PartKind::Opening => Some(PartRef::Opening),
                PartKind::Closing => Some(PartRef::Closing),
                PartKind::Section => index.map(PartRef::Section),
            };
            part_ref.and_then(|p| speech.part_text(p)).unwrap_or_default()
        };
        assert_eq!(old_side, text(&old, part.old_index));
        assert_eq!(new_side, text(&new, part.new_index));
    }
    assert!(SpeechDiff::new(&old, &old, &DiffOptions::default()).is_identical());
});
