//! The .docx reader on any bytes (zip archives, damaged ones, bombs, malformed XML): never
//! panics, and a document it reads imports without losing its reviewer's text.
#![no_main]

use std::path::Path;

use lectern::import::file::{InputKind, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = import_bytes(Path::new("fuzz.docx"), InputKind::Docx, data.to_vec()) {
        let text: String = file.source.text.chars().filter(|c| !c.is_whitespace()).collect();
        let pieces = file.imported.pieces_in_input_order().concat();
        let pieces: String = pieces.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(pieces.starts_with(&text));
    }
});
