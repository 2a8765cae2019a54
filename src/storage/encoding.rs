//! Telling a text file's encoding: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE
//! (with or without a mark), GB18030/GBK and Big5. Decoding is `encoding_rs`'s, guessing a
//! legacy Chinese encoding is `chardetng`'s; nothing here holds a table of its own.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// The encoding a text file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark (or plain ASCII).
    Utf8,
    /// UTF-8 with a byte-order mark (as Notepad writes it).
    Utf8WithBom,
    /// UTF-16, little-endian.
    Utf16Le {
        /// Whether the file starts with a byte-order mark.
        bom: bool,
    },
    /// UTF-16, big-endian.
    Utf16Be {
        /// Whether the file starts with a byte-order mark.
        bom: bool,
    },
    /// GB18030, the superset of GBK and GB2312 (Simplified Chinese Windows).
    Gb18030,
    /// Big5 (Traditional Chinese Windows), with the HKSCS extensions of the WHATWG standard.
    Big5,
}

impl TextEncoding {
    /// Whether this is UTF-8 without a mark, the encoding nothing needs to be said about.
    pub fn is_plain_utf8(self) -> bool {
        self == TextEncoding::Utf8
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = |bom: bool| {
            if bom {
                " with a byte-order mark"
            } else {
                " without a byte-order mark"
            }
        };
        match *self {
            TextEncoding::Utf8 => f.write_str("UTF-8"),
            TextEncoding::Utf8WithBom => f.write_str("UTF-8 with a byte-order mark"),
            TextEncoding::Utf16Le { bom } => write!(f, "UTF-16 LE{}", mark(bom)),
            TextEncoding::Utf16Be { bom } => write!(f, "UTF-16 BE{}", mark(bom)),
            TextEncoding::Gb18030 => f.write_str("GB18030 (GBK)"),
            TextEncoding::Big5 => f.write_str("Big5"),
        }
    }
}

/// Why bytes that are not UTF-8 could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Undecodable {
    /// The bytes have a UTF-16 mark but are no valid UTF-16.
    BadUtf16,
    /// No encoding can be told with confidence; these are the likely ones.
    Ambiguous(Vec<&'static str>),
}

/// Decodes `bytes` that are not valid UTF-8 and have no UTF-8 mark: UTF-16 with a mark, UTF-16
/// without one when its code units make plausible text, else GB18030 or Big5 as `chardetng`
/// guesses, when the bytes decode in it without error and either fail in the other or are
/// enough text (20 Han characters or more) for the guess.
pub(crate) fn decode_legacy(bytes: &[u8]) -> Result<(String, TextEncoding), Undecodable> {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => {
            return decode_utf16(rest, UTF_16LE)
                .map(|t| (t, TextEncoding::Utf16Le { bom: true }))
                .ok_or(Undecodable::BadUtf16);
        }
        [0xFE, 0xFF, rest @ ..] => {
            return decode_utf16(rest, UTF_16BE)
                .map(|t| (t, TextEncoding::Utf16Be { bom: true }))
                .ok_or(Undecodable::BadUtf16);
        }
        _ => {}
    }
    if let Some(found) = guess_utf16_without_bom(bytes) {
        return Ok(found);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let generic = detector.guess(None, Utf8Detection::Deny);
    let as_simplified = detector.guess(Some(b"cn"), Utf8Detection::Deny);
    let as_traditional = detector.guess(Some(b"tw"), Utf8Detection::Deny);
    if generic == GBK || generic == GB18030 || generic == BIG5 {
        let (encoding, other, named) = if generic == BIG5 {
            (BIG5, GB18030, TextEncoding::Big5)
        } else {
            (GB18030, BIG5, TextEncoding::Gb18030)
        };
        // Confident when the other Chinese encoding cannot decode the bytes, or when there is
        // enough text for the detector to go by.
        let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
        let other_fails = other
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_none();
        if (other_fails || non_ascii >= MIN_NON_ASCII_BYTES)
            && let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
        {
            return Ok((text.into_owned(), named));
        }
    }
    let mut candidates: Vec<&'static str> = Vec::new();
    for guess in [generic, as_simplified, as_traditional] {
        let name = if guess == GBK {
            GB18030.name()
        } else {
            guess.name()
        };
        if !candidates.contains(&name) {
            candidates.push(name);
        }
    }
    Err(Undecodable::Ambiguous(candidates))
}

/// Below this many non-ASCII bytes, a text both GB18030 and Big5 decode is not told apart.
const MIN_NON_ASCII_BYTES: usize = 40;

fn decode_utf16(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// How much of `text` looks like writing: letters, digits, CJK, punctuation and line breaks,
/// against everything (control characters, unassigned or private-use code points, rare scripts
/// that a wrong byte order produces).
fn plausible_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut plausible = 0usize;
    for c in text.chars() {
        total += 1;
        let code = c as u32;
        let good = matches!(c, '\n' | '\r' | '\t')
            || (0x20..0x7F).contains(&code)
            || (0xA0..0x250).contains(&code)
            || (0x2000..0x2070).contains(&code)
            || (0x3000..0x3100).contains(&code)
            || crate::stats::is_cjk(c)
            || (0xFF00..0xFFF0).contains(&code);
        plausible += usize::from(good);
    }
    if total == 0 {
        return 0.0;
    }
    plausible as f64 / total as f64
}

/// UTF-16 without a mark: the byte order whose code units decode to plausible text (at least 95%
/// writing, and better than the other order).
pub(crate) fn guess_utf16_without_bom(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let little = decode_utf16(bytes, UTF_16LE).map(|t| {
        let share = plausible_share(&t);
        (t, share)
    });
    let big = decode_utf16(bytes, UTF_16BE).map(|t| {
        let share = plausible_share(&t);
        (t, share)
    });
    let little_share = little.as_ref().map_or(0.0, |(_, s)| *s);
    let big_share = big.as_ref().map_or(0.0, |(_, s)| *s);
    if little_share >= 0.95 && little_share > big_share {
        return little.map(|(t, _)| (t, TextEncoding::Utf16Le { bom: false }));
    }
    if big_share >= 0.95 && big_share > little_share {
        return big.map(|(t, _)| (t, TextEncoding::Utf16Be { bom: false }));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_without_a_mark_by_its_code_units() {
        let text = "在全市安全生产工作会议上的讲话\n\n同志们：\n\n这次会议的主要任务是，总结。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let le_as_le = decode_utf16(&le, UTF_16LE).map(|t| plausible_share(&t));
        let le_as_be = decode_utf16(&le, UTF_16BE).map(|t| plausible_share(&t));
        assert_eq!(
            guess_utf16_without_bom(&le).map(|(_, e)| e),
            Some(TextEncoding::Utf16Le { bom: false }),
            "{le_as_le:?} {le_as_be:?}"
        );
        assert_eq!(
            guess_utf16_without_bom(&be).map(|(_, e)| e),
            Some(TextEncoding::Utf16Be { bom: false })
        );
    }
}
