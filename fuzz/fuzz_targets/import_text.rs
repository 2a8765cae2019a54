//! `import_text` on any UTF-8: never panics, and loses nothing — every non-whitespace character
//! of the input is in the speech's fields or in `removed_markers`.
#![no_main]

use std::collections::HashMap;

use lectern::import::{TextFormat, import_text};
use libfuzzer_sys::fuzz_target;

/// Non-whitespace characters with their counts.
fn tally<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for text in texts {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

fuzz_target!(|input: (bool, &str)| {
    let (markdown, text) = input;
    let format = if markdown {
        TextFormat::Markdown
    } else {
        TextFormat::Plain
    };
    let imported = import_text(text, format);
    let speech = &imported.speech;
    let mut out: Vec<&str> = vec![&speech.title, &speech.greeting];
    out.extend(speech.opening.iter().map(String::as_str));
    for section in &speech.sections {
        out.push(&section.heading);
        out.extend(section.paragraphs.iter().map(String::as_str));
    }
    out.extend(speech.closing.iter().map(String::as_str));
    out.extend(speech.notes.iter().map(String::as_str));
    out.extend(imported.removed_markers.iter().map(String::as_str));
    let have = tally(out);
    // A byte-order mark is not content.
    let want = tally([text.trim_start_matches('\u{feff}')]);
    for (c, n) in &want {
        let got = have.get(c).copied().unwrap_or(0);
        assert!(
            got >= *n,
            "lost {c:?}: {n} in the input, {got} in the output"
        );
    }
});
