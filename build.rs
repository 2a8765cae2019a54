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

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed={DICTIONARY}");
    println!("cargo::rerun-if-changed=build.rs");
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
    let keyset = entries
        .iter()
        .map(|&(word, frequency)| {
            let index = frequencies.binary_search(&frequency).unwrap_or_default();
            Ok((word.as_bytes(), u32::try_from(index)?))
        })
        .collect::<Result<Vec<_>, std::num::TryFromIntError>>()?;
    let frequency_bytes = frequencies
        .iter()
        .map(|&frequency| u32::try_from(frequency).map(u32::to_le_bytes))
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    let trie = yada::builder::DoubleArrayBuilder::build(&keyset)
        .map_err(|e| format!("{DICTIONARY}: building the trie: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    fs::write(out.join("jieba_dict.da"), trie)?;
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
