//! Tests of the `.lectern` format and the file I/O.

use super::*;
use crate::model::Section;
use crate::model::Speech;
use crate::project::{DraftKind, Settings};

fn sample_project() -> Project {
    let mut project = Project::new(Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["今天我们召开会议。".into()],
        sections: vec![Section::new("提高站位", vec!["一要……二要……".into()])],
        closing: vec!["同志们，让我们共同努力！".into()],
        ..Speech::default()
    });
    project.save_draft(
        "初稿",
        Some("第一轮".into()),
        DraftKind::Named,
        chrono::Utc::now(),
    );
    project
}

#[test]
fn ron_round_trip_keeps_chinese_readable() {
    let project = sample_project();
    let text = project_to_ron(&project);
    assert!(text.contains("在全市工作会议上的讲话"), "{text}");
    assert!(text.starts_with("(\n    format_version: 2,"), "{text}");
    let back = project_from_ron(&text, Path::new("x.lectern")).unwrap();
    assert_eq!(back, project);
}

#[test]
fn control_characters_in_the_speech_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.lectern");
    let mut project = sample_project();
    project.speech.title = "粘贴\u{0}的\u{7}\u{1b}[0m标题 \"引号\" \\ r#\"x\"#".into();
    project
        .speech
        .opening
        .push("tab\there\r\nline \u{85}".into());
    save_project(&project, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("粘贴"), "Chinese stays readable: {text}");
    assert_eq!(load_project(&path).unwrap(), project);
    // Without control characters the strings stay unescaped.
    let plain = project_to_ron(&sample_project());
    assert!(plain.contains("同志们，让我们共同努力！"));
}

#[test]
fn old_files_without_new_fields_load() {
    let text = r#"(format_version: 1, speech: (title: "旧文件"))"#;
    let project = project_from_ron(text, Path::new("old.lectern")).unwrap();
    assert_eq!(project.speech.title, "旧文件");
    assert_eq!(project.settings, Settings::default());
}

#[test]
fn newer_versions_are_refused_by_name() {
    let text = r#"(format_version: 99, speech: (title: "x"), future_field: Some([1]))"#;
    let err = project_from_ron(text, Path::new("new.lectern")).unwrap_err();
    assert!(matches!(err, Error::NewerVersion { found: 99, .. }));
    assert!(err.to_string().contains("new.lectern"));
    assert!(err.to_string().contains("newer version"));
}

#[test]
fn wrong_field_types_and_truncation_are_bad_projects() {
    let wrong = r#"(format_version: 1, speech: (title: 5))"#;
    assert!(matches!(
        project_from_ron(wrong, Path::new("w.lectern")),
        Err(Error::BadProject { .. })
    ));
    let full = project_to_ron(&sample_project());
    let truncated = &full[..full.len() / 2];
    assert!(matches!(
        project_from_ron(truncated, Path::new("t.lectern")),
        Err(Error::BadProject { .. })
    ));
}

#[test]
fn a_bad_file_is_described_for_people_not_in_the_parsers_terms() {
    use crate::error::ProjectProblem;
    let problem = |text: &str| match project_from_ron(text, Path::new("x.lectern")) {
        Err(Error::BadProject { problem, .. }) => problem,
        other => panic!("not a bad project: {other:?}"),
    };
    // A text file given the extension: not a .lectern file at all.
    assert_eq!(
        problem("同志们：\n今天开会。\n"),
        ProjectProblem::NotLectern
    );
    assert_eq!(problem("{\"title\": \"json\"}"), ProjectProblem::NotLectern);
    // Broken form further in: the place.
    assert!(matches!(
        problem("(\n    format_version: 2,\n    speech: (title: \"x\"\n"),
        ProjectProblem::Damaged { line: 4, .. } | ProjectProblem::Damaged { line: 3, .. }
    ));
    // The form holds, a value does not belong.
    assert!(matches!(
        problem("(format_version: 1, speech: (title: 5))"),
        ProjectProblem::UnexpectedValue { line: 1, .. }
    ));
    for text in ["同志们：", "(format_version: 1, speech: (title: 5))"] {
        let err = project_from_ron(text, Path::new("x.lectern")).unwrap_err();
        let said = err.to_string();
        assert!(said.ends_with(": x.lectern"), "{said}");
        for internal in ["VersionProbe", "Expected", "struct", "StoredProject"] {
            assert!(!said.contains(internal), "{said}");
        }
    }
}

#[test]
fn deeply_nested_ron_is_refused_not_overflowed() {
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(project_from_ron(&text, Path::new("deep.lectern")).is_err());
    let text = format!(
        "(format_version: 1, speech: (notes: {}{}))",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = project_from_ron(&text, Path::new("deep.lectern")).unwrap_err();
    assert!(err.to_string().contains("nested too deeply"), "{err}");
}

#[test]
fn decode_checks() {
    let p = Path::new("in.txt");
    assert!(matches!(
        decode_text(vec![0xff, 0xfe, 0x41], p, 100),
        Err(Error::Binary { .. })
    ));
    assert!(matches!(
        decode_text(b"abc\xffdef".to_vec(), p, 100),
        Err(Error::UnknownEncoding { offset: 3, .. })
    ));
    // A NUL byte makes a file binary, in valid UTF-8 or not.
    assert!(matches!(
        decode_text(b"\x89PNG\r\n\x1a\n\0\0".to_vec(), p, 100),
        Err(Error::Binary { .. })
    ));
    assert!(matches!(
        decode_text("同志们\0".as_bytes().to_vec(), p, 100),
        Err(Error::Binary { .. })
    ));
    assert!(matches!(
        decode_text(b"  \n".to_vec(), p, 100),
        Err(Error::Empty { .. })
    ));
    assert_eq!(
        decode_text("\u{feff}同志们".as_bytes().to_vec(), p, 100).unwrap(),
        "同志们"
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("同志".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(decode_text(utf16, p, 100).unwrap(), "同志");
    let utf16_with = |text: &str| -> Vec<u8> {
        [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect()
    };
    assert!(matches!(
        decode_text(utf16_with("a\u{0}b"), p, 100),
        Err(Error::Binary { .. })
    ));
    assert!(matches!(
        decode_text(utf16_with(" \n\u{3000}"), p, 100),
        Err(Error::Empty { .. })
    ));
}

#[test]
fn endless_files_are_refused_not_read_forever() {
    let zero = Path::new("/dev/zero");
    if zero.exists() {
        assert!(matches!(
            read_text_file(zero, 1024),
            Err(Error::TooLarge {
                size_bytes: 1025,
                ..
            })
        ));
    }
}

#[test]
fn atomic_write_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.lectern");
    write_atomic(&path, b"one", true).unwrap();
    write_atomic(&path, b"two", true).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"two");
    assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn fnv_matches_the_reference_values() {
    let hash = |s: &str| {
        let mut h = Fnv1a64::new();
        h.write(s.as_bytes());
        h.finish()
    };
    assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn stamp_sees_another_program_writing_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("speech.lectern");
    assert_eq!(stamp(&path).unwrap(), None);
    save_project(&sample_project(), &path).unwrap();
    let at_save = stamp(&path).unwrap().unwrap();
    assert_eq!(at_save.len_bytes, fs::metadata(&path).unwrap().len());
    assert_eq!(
        at_save,
        DiskStamp::of_bytes(&fs::read(&path).unwrap(), at_save.modified)
    );
    assert!(!changed_on_disk(&path, Some(&at_save)).unwrap());

    // Another program rewrites it with the same length, within the same second: the hash
    // still tells.
    let mut bytes = fs::read(&path).unwrap();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'x' { b'y' } else { b'x' };
    fs::write(&path, &bytes).unwrap();
    let after = stamp(&path).unwrap().unwrap();
    assert_eq!(after.len_bytes, at_save.len_bytes);
    assert!(after.content_differs(&at_save));
    assert!(changed_on_disk(&path, Some(&at_save)).unwrap());

    // Only touched (same bytes rewritten): not a change of content.
    fs::write(&path, &bytes).unwrap();
    assert!(!changed_on_disk(&path, Some(&after)).unwrap());

    // Deleted, or appeared where there was none.
    fs::remove_file(&path).unwrap();
    assert!(changed_on_disk(&path, Some(&after)).unwrap());
    assert!(!changed_on_disk(&path, None).unwrap());
    fs::write(&path, "x").unwrap();
    assert!(changed_on_disk(&path, None).unwrap());
    assert!(matches!(stamp(dir.path()), Err(Error::IsDirectory { .. })));
}

#[test]
fn output_path_checks() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        check_output_path(dir.path(), true),
        Err(Error::IsDirectory { .. })
    ));
    assert!(matches!(
        check_output_path(&dir.path().join("missing/out.txt"), true),
        Err(Error::NoSuchFolder { .. })
    ));
    let existing = dir.path().join("x.txt");
    fs::write(&existing, "x").unwrap();
    assert!(matches!(
        check_output_path(&existing, false),
        Err(Error::OutputExists { .. })
    ));
    assert!(check_output_path(&existing, true).is_ok());
}

#[test]
fn binary_bytes_agree_with_binary_chars() {
    for code in 0..=0x10FFFu32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let text = format!("ab{c}cd");
        assert_eq!(
            has_binary_char(text.as_bytes()),
            is_binary_char(c),
            "{code:#x}"
        );
    }
    let long: String = "同志们，".repeat(40) + "\u{7}" + &"好".repeat(30);
    assert!(has_binary_char(long.as_bytes()));
    assert!(!has_binary_char("同志们·好\r\n\t".repeat(50).as_bytes()));
    // At every place in and across the 64-byte blocks, a two-byte C1 control split by a block
    // boundary included.
    for at in 0..200 {
        for (c, binary) in [
            ('\u{80}', true),
            ('\u{85}', false),
            ('\u{1}', true),
            ('\n', false),
        ] {
            let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(200 - at));
            assert_eq!(has_binary_char(text.as_bytes()), binary, "{c:?} at {at}");
            // The portable scan too, where the processor has AVX2.
            assert_eq!(
                scan_for_binary_char(text.as_bytes()),
                binary,
                "{c:?} at {at}"
            );
        }
    }
}
