//! Text files in the encodings a speechwriter is handed: UTF-8 with or without a mark, UTF-16
//! LE/BE with or without a mark, GB18030/GBK (Notepad on Simplified Chinese Windows), Big5.
//! Each opens, and the encoding is named; a file whose encoding cannot be told is refused with
//! the candidates named.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::Command;

use encoding_rs::{BIG5, GB18030, GBK};
use lectern::Error;
use lectern::import::ImportNote;
use lectern::import::file::{InputKind, import_bytes};
use lectern::storage::{TextEncoding, decode_text_detected};

const SIMPLIFIED: &str = "在全市安全生产工作会议上的讲话\n\n同志们：\n\n这次会议的主要任务是，总结去年全市安全生产工作，安排部署今年的重点任务。\n\n一、清醒认识形势，切实增强抓好安全生产的紧迫感\n\n过去一年，全市安全生产形势总体平稳，但一些行业领域的隐患仍然不少，我们必须保持清醒的头脑。\n\n二、突出重点领域，扎实开展隐患排查整治\n\n要坚持问题导向，聚焦重点行业，加强监督检查，确保各项措施落到实处。\n\n同志们，安全生产责任重于泰山，让我们共同努力！\n";

const TRADITIONAL: &str = "在全區社區治理工作推進會上的講話\n\n同志們：\n\n今天我們召開全區社區治理工作推進會，主要任務是總結前一階段工作，分析當前形勢，部署下一步任務。\n\n一、提高思想認識，增強做好社區治理工作的責任感\n\n社區是基層治理的基本單元，我們要把社區治理擺在更加突出的位置。\n\n二、加強組織領導，為社區治理工作提供堅強保障\n\n各級黨組織要把社區治理擺上重要議事日程，主要負責同志要親自抓、負總責。\n\n同志們，社區治理工作任務光榮、責任重大，讓我們共同努力！\n";

fn decode(bytes: Vec<u8>) -> Result<(String, TextEncoding), Error> {
    decode_text_detected(bytes, Path::new("in.txt"), 1 << 20).map(|d| (d.text, d.encoding))
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mark: &[u8] = match (bom, little_endian) {
        (false, _) => &[],
        (true, true) => &[0xFF, 0xFE],
        (true, false) => &[0xFE, 0xFF],
    };
    mark.iter()
        .copied()
        .chain(text.encode_utf16().flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        }))
        .collect()
}

#[test]
fn every_encoding_decodes_and_is_named() {
    let extended = format!("{SIMPLIFIED}𠀀€");
    let cases: Vec<(Vec<u8>, &str, TextEncoding)> = vec![
        (
            SIMPLIFIED.as_bytes().to_vec(),
            SIMPLIFIED,
            TextEncoding::Utf8,
        ),
        (
            [b"\xEF\xBB\xBF".as_slice(), SIMPLIFIED.as_bytes()].concat(),
            SIMPLIFIED,
            TextEncoding::Utf8WithBom,
        ),
        (
            utf16(SIMPLIFIED, true, true),
            SIMPLIFIED,
            TextEncoding::Utf16Le { bom: true },
        ),
        (
            utf16(SIMPLIFIED, false, true),
            SIMPLIFIED,
            TextEncoding::Utf16Be { bom: true },
        ),
        (
            utf16(SIMPLIFIED, true, false),
            SIMPLIFIED,
            TextEncoding::Utf16Le { bom: false },
        ),
        (
            utf16(TRADITIONAL, false, false),
            TRADITIONAL,
            TextEncoding::Utf16Be { bom: false },
        ),
        (
            utf16("Ladies and gentlemen,\n\nWelcome.\n", true, false),
            "Ladies and gentlemen,\n\nWelcome.\n",
            TextEncoding::Utf16Le { bom: false },
        ),
        (
            GBK.encode(SIMPLIFIED).0.into_owned(),
            SIMPLIFIED,
            TextEncoding::Gb18030,
        ),
        (
            GB18030.encode(&extended).0.into_owned(),
            &extended,
            TextEncoding::Gb18030,
        ),
        (
            BIG5.encode(TRADITIONAL).0.into_owned(),
            TRADITIONAL,
            TextEncoding::Big5,
        ),
    ];
    for (bytes, text, encoding) in cases {
        let decoded = decode(bytes).unwrap_or_else(|e| panic!("{encoding}: {e}"));
        assert_eq!(decoded, (text.to_string(), encoding));
    }
}

#[test]
fn an_encoding_that_cannot_be_told_is_refused_with_the_candidates() {
    // Three bytes that are a valid character in GBK and in Big5 alike, and nothing more to go by.
    let err = decode(vec![b'a', 0xB0, 0xA1]).unwrap_err();
    match &err {
        Error::UnknownEncoding {
            candidates, offset, ..
        } => {
            assert_eq!(*offset, 1);
            assert!(!candidates.is_empty());
        }
        other => panic!("{other}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("in.txt") && message.contains("it may be"),
        "{message}"
    );
    // Latin-1 text is no Chinese encoding either.
    let err = decode(b"caf\xe9 na\xefve r\xe9sum\xe9, a long enough text in Latin-1".to_vec())
        .unwrap_err();
    assert!(matches!(err, Error::UnknownEncoding { .. }), "{err}");
    // UTF-16 with a mark that is no UTF-16, and binary data, stay refused as binary.
    assert!(matches!(
        decode(vec![0xFF, 0xFE, 0x41]),
        Err(Error::Binary { .. })
    ));
    assert!(matches!(
        decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        Err(Error::Binary { .. })
    ));
}

#[test]
fn the_importer_names_the_encoding_and_finds_the_structure() {
    for (bytes, encoding) in [
        (GBK.encode(SIMPLIFIED).0.into_owned(), TextEncoding::Gb18030),
        (
            utf16(SIMPLIFIED, true, false),
            TextEncoding::Utf16Le { bom: false },
        ),
    ] {
        let file = import_bytes(Path::new("gbk.txt"), InputKind::Text, bytes).unwrap();
        assert_eq!(file.encoding, Some(encoding));
        assert_eq!(
            file.imported.notes.first(),
            Some(&ImportNote::Encoding { encoding })
        );
        assert_eq!(file.imported.speech.sections.len(), 2);
        assert_eq!(file.imported.speech.title, "在全市安全生产工作会议上的讲话");
    }
    let file = import_bytes(
        Path::new("big5.txt"),
        InputKind::Text,
        BIG5.encode(TRADITIONAL).0.into_owned(),
    )
    .unwrap();
    assert_eq!(file.imported.speech.greeting, "同志們：");
}

#[test]
fn the_command_line_opens_legacy_files_and_says_how_it_read_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gbk.txt"), GBK.encode(SIMPLIFIED).0).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["import", "gbk.txt", "-o", "gbk.lectern"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("lectern: note: read as GB18030 (GBK): gbk.txt"),
        "{stderr}"
    );
    // Saved files are always UTF-8.
    let saved = std::fs::read(dir.path().join("gbk.lectern")).unwrap();
    assert!(std::str::from_utf8(&saved).unwrap().contains("同志们："));
    std::fs::write(dir.path().join("unknown.txt"), [b'a', 0xB0, 0xA1]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["show", "unknown.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot tell the text's encoding") && stderr.contains("unknown.txt"),
        "{stderr}"
    );
}
