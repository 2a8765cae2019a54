//! Builds the Chinese word dictionary into a structure the program reads in place.
//!
//! `data/jieba/dict.txt` (jieba's dictionary: one `WORD FREQUENCY` per line, MIT licence in
//! `data/jieba/LICENSE`) becomes a double-array trie (the `yada` crate) from each word's UTF-8
//! bytes to the index of its frequency in `$OUT_DIR/jieba_frequencies.bin` (the distinct
//! frequencies, ascending, as little-endian `u32`; their natural logarithms, as little-endian
//! `f64`, in `$OUT_DIR/jieba_log_frequencies.bin`), written to `$OUT_DIR/jieba_dict.da`; all are
//! included in the binary with `include_bytes!`. The sum of all frequencies goes to
//! `$OUT_DIR/jieba_total.rs`. Opening the trie costs nothing at run time: no parsing, no
//! allocation, and only the pages a lookup touches are read.
//!
//! It also links the `lectern` binary without PIE on Linux (see [`link_without_pie`]).

use std::error::Error;
use std::fs;
use std::path::PathBuf;

const DICTIONARY: &str = "data/jieba/dict.txt";

#[allow(dead_code)]
mod han {
    include!("src/diff/han.rs");
}
use han::{DENSE_FIRST, DENSE_LAST, code_bytes, is_han};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed={DICTIONARY}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/diff/han.rs");
    link_without_pie();
    let text = fs::read_to_string(DICTIONARY).map_err(|e| format!("{DICTIONARY}: {e}"))?;
    let mut entries: Vec<(&str, u64)> = Vec::with_capacity(400_000);
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_ascii_whitespace();
        let Some(word) = fields.next() else { continue };
        let frequency = fields
            .next()
            .ok_or_else(|| format!("{DICTIONARY}:{}: no frequency", number + 1))?
            .parse::<u64>()
            .map_err(|e| format!("{DICTIONARY}:{}: frequency: {e}", number + 1))?;
        entries.push((word, frequency));
    }
    entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if let Some(pair) = entries.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(format!("{DICTIONARY}: {:?} is listed twice", pair[0].0).into());
    }
    let total: u64 = entries.iter().map(|&(_, frequency)| frequency).sum();
    // The trie maps a word to the index of its frequency among the distinct frequencies (a few
    // thousand), so the program takes each logarithm once, not once per lookup.
    let mut frequencies: Vec<u64> = entries.iter().map(|&(_, frequency)| frequency).collect();
    frequencies.sort_unstable();
    frequencies.dedup();
    // Only words of Han characters can match (the segmenter looks words up in blocks of Han
    // characters), and each of their characters is keyed by a number of two bytes rather than
    // its three bytes of UTF-8: a smaller trie, and two steps a character instead of three.
    let mut characters: Vec<char> = entries
        .iter()
        .filter(|(word, _)| word.chars().all(is_han))
        .flat_map(|(word, _)| word.chars())
        .collect();
    characters.sort_unstable();
    characters.dedup();
    // The segmenter's key for a character without a code is [0xFF, 0xFF]: no code may have it.
    if characters.len() >= 254 * 255 {
        return Err(format!("{DICTIONARY}: too many distinct characters").into());
    }
    let code_of = |c: char| -> Result<[u8; 2], String> {
        let code = characters
            .binary_search(&c)
            .map_err(|_| format!("{c:?} has no code"))?;
        let code = u16::try_from(code).map_err(|e| format!("too many characters: {e}"))?;
        Ok(code_bytes(code))
    };
    let mut keyset: Vec<(Vec<u8>, u32)> = Vec::with_capacity(entries.len());
    for &(word, frequency) in &entries {
        if !word.chars().all(is_han) {
            continue;
        }
        let index = frequencies.binary_search(&frequency).unwrap_or_default();
        let key = word
            .chars()
            .map(code_of)
            .collect::<Result<Vec<_>, _>>()?
            .concat();
        keyset.push((key, u32::try_from(index)?));
    }
    keyset.sort_unstable();
    let keyset: Vec<(&[u8], u32)> = keyset.iter().map(|(key, v)| (key.as_slice(), *v)).collect();
    // Each character's code: a table for extension A and the main block (little-endian u16,
    // code + 1, 0 for none), and sorted (character as u32, code as u16) records for the rest.
    let mut dense = vec![0u8; 2 * (DENSE_LAST - DENSE_FIRST + 1) as usize];
    let mut sparse = Vec::new();
    for (code, &c) in characters.iter().enumerate() {
        let code = u16::try_from(code)?;
        if (DENSE_FIRST..=DENSE_LAST).contains(&(c as u32)) {
            let at = 2 * (c as u32 - DENSE_FIRST) as usize;
            dense[at..at + 2].copy_from_slice(&(code + 1).to_le_bytes());
        } else {
            sparse.extend_from_slice(&(c as u32).to_le_bytes());
            sparse.extend_from_slice(&code.to_le_bytes());
        }
    }
    let frequency_bytes = frequencies
        .iter()
        .map(|&frequency| u32::try_from(frequency).map(u32::to_le_bytes))
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    let trie = yada::builder::DoubleArrayBuilder::build(&keyset)
        .map_err(|e| format!("{DICTIONARY}: building the trie: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    fs::write(out.join("jieba_dict.da"), trie)?;
    fs::write(out.join("jieba_codes_dense.bin"), dense)?;
    fs::write(out.join("jieba_codes_sparse.bin"), sparse)?;
    fs::write(out.join("jieba_frequencies.bin"), frequency_bytes)?;
    // Their logarithms, which the segmenter adds up, taken here rather than at each start.
    let log_bytes: Vec<u8> = frequencies
        .iter()
        .flat_map(|&frequency| (frequency as f64).ln().to_le_bytes())
        .collect();
    fs::write(out.join("jieba_log_frequencies.bin"), log_bytes)?;
    fs::write(out.join("jieba_total.rs"), format!("{total}_u64\n"))?;
    Ok(())
}

/// Links the `lectern` binary as a position-dependent executable on Linux. A position-independent
/// one has some 14,000 pointers in its read-only data that the loader fixes up at every start,
/// writing to (and so copying) some 60 pages: about half a millisecond of each `lectern diff` or
/// `lectern check` call. The cost is that the executable's own code is always loaded at the same
/// address (the libraries, heap and stack are still placed at random).
fn link_without_pie() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
