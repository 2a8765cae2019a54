//! `import_text` on any UTF-8: never panics, and loses nothing — every non-whitespace character
//! of the input is in the speech's fields, its details or `removed_markers`.
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
    // Every piece in input order: notes, markers, title, details, greeting and the parts.
    let out = imported.pieces_in_input_order();
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
