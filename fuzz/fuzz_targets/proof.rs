//! Proofing on a speech imported from arbitrary text, in each language: never panics, every
//! finding points at the text it names, each fix changes only its characters, and fixing
//! everything leaves nothing to fix.
#![no_main]

use lectern::import::{TextFormat, import_text};
use lectern::model::Language;
use lectern::project::Settings;
use lectern::proof;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u8)| {
    let mut speech = import_text(input.0, TextFormat::Plain).speech;
    speech.meta.language = Language::ALL[usize::from(input.1) % Language::ALL.len()];
    let findings = proof::check_speech(&speech, &Settings::default());
    for f in &findings {
        let lines = speech.field_lines(f.field).expect("the field is there");
        let chars: Vec<char> = lines[f.paragraph].chars().collect();
        assert!(f.start <= f.end && f.end <= chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        if let Some(suggestion) = &f.suggestion {
            let mut fixed = speech.clone();
            proof::apply_fix(&mut fixed, f).expect("a fresh finding applies");
            let after = fixed.field_lines(f.field).expect("still there")[f.paragraph].to_string();
            let expected: String = chars[..f.start].iter().collect::<String>()
                + suggestion
                + &chars[f.end..].iter().collect::<String>();
            assert_eq!(after, expected);
        }
    }
    let mut fixed = speech.clone();
    proof::fix_everything(&mut fixed);
    let left = proof::check_speech(&fixed, &Settings::default());
    assert!(left.iter().all(|f| !f.is_fixable()), "{left:?}");
    assert_eq!(left, proof::check_speech(&fixed, &Settings::default()));
});
