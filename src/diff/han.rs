// Shared by `build.rs` (which includes this file) and `segment.rs`: which characters the
// dictionary cuts, and how a dictionary character is written in the trie's keys.

/// The CJK Unified Ideographs jieba cuts with its dictionary (its `RE_HAN_DEFAULT`, less the
/// ASCII it also accepts).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
    )
}

/// The first character of the dense code table (CJK extension A, then the main block).
pub(crate) const DENSE_FIRST: u32 = 0x3400;
/// The last character of the dense code table.
pub(crate) const DENSE_LAST: u32 = 0x9FFF;

/// The two key bytes of the dictionary character numbered `code` (from 0): base-255 digits
/// plus one, so no key byte is 0 (the trie's end-of-key label).
pub(crate) fn code_bytes(code: u16) -> [u8; 2] {
    [(code / 255) as u8 + 1, (code % 255) as u8 + 1]
}
