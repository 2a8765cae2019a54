//! Text decoding on any bytes (UTF-8, UTF-16 with a mark, binary): never panics; text that
//! decodes is non-empty and has no control characters but whitespace.
#![no_main]

use std::path::Path;

use lectern::storage::decode_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode_text(data.to_vec(), Path::new("fuzz.txt"), 1 << 20) {
        assert!(!text.trim().is_empty());
        assert!(!text.chars().any(|c| c.is_control() && !c.is_whitespace()));
    }
});
