//! Telling a `.lectern` project by its content, for files without the extension (git hands a
//! merge driver temporary files named `.merge_file_XXXXXX`).

/// Whether `bytes` start like a `.lectern` file: after an optional byte-order mark and
/// whitespace, a RON struct `(` whose first field (within the first 256 bytes) is
/// `format_version:`. Every `.lectern` file Lectern writes starts so.
pub fn looks_like_project(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let head = bytes.get(..bytes.len().min(256)).unwrap_or_default();
    let mut rest = head.trim_ascii_start();
    let Some(after_paren) = rest.strip_prefix(b"(") else {
        return false;
    };
    rest = after_paren.trim_ascii_start();
    rest.strip_prefix(b"format_version")
        .is_some_and(|after| after.trim_ascii_start().starts_with(b":"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_are_told_by_their_first_field() {
        assert!(looks_like_project(
            b"(\n    format_version: 1,\n    speech: ("
        ));
        assert!(looks_like_project(b"\xEF\xBB\xBF  (format_version:1)"));
        assert!(!looks_like_project(b"(format_versions: 1)"));
        assert!(!looks_like_project("（一）加强学习".as_bytes()));
        assert!(!looks_like_project(b"format_version: 1"));
        assert!(!looks_like_project(b""));
        let saved = crate::storage::project_to_ron(&crate::project::Project::default());
        assert!(looks_like_project(saved.as_bytes()));
    }
}
