//! Word documents: paragraphs, heading styles, tracked changes as two versions, comments as
//! notes; hostile archives refused quickly; the command line on .docx files; a .docx saved by
//! LibreOffice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use lectern::Error;
use lectern::import::file::{InputKind, OpenedFile, import_bytes, import_file, open_file};
use lectern::import::{DocxProblem, ImportNote, LineMark, LineRole, Overrides};

use crate::docx_support::{del, docx, ins, paragraph, run};

fn reviewed_docx() -> Vec<u8> {
    let paragraphs = vec![
        paragraph("Title", &run("在全市工作会议上的讲话")),
        paragraph("", &run("同志们：")),
        paragraph(
            "",
            &format!(
                "{}<w:commentRangeStart w:id=\"7\"/>{}<w:commentReference w:id=\"7\"/>",
                run("今天召开会议。"),
                run("主要任务是部署工作。")
            ),
        ),
        paragraph("Heading1", &run("提高认识")),
        paragraph(
            "",
            &format!(
                "{}{}{}{}",
                run("我们"),
                del("要"),
                ins("必须"),
                run("加强学习。")
            ),
        ),
        paragraph("Heading1", &run("狠抓落实")),
        paragraph("", &format!("{}{}", run("抓好落实。"), ins("务求实效。"))),
        paragraph("", &run("同志们，让我们共同努力！")),
    ];
    let comments = r#"<w:comment w:id="7" w:author="王审"><w:p><w:r><w:t>这里写具体些</w:t></w:r></w:p></w:comment>"#;
    docx(&paragraphs, Some(comments), &[])
}

fn import(bytes: Vec<u8>) -> Result<lectern::import::file::ImportedFile, Error> {
    import_bytes(Path::new("in.docx"), InputKind::Docx, bytes)
}

#[test]
fn tracked_changes_give_the_reviewer_version_and_the_original() {
    let file = import(reviewed_docx()).unwrap();
    let reviewer = &file.imported.speech;
    assert_eq!(reviewer.title, "在全市工作会议上的讲话");
    assert_eq!(reviewer.greeting, "同志们：");
    let headings: Vec<&str> = reviewer
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["提高认识", "狠抓落实"]);
    assert_eq!(reviewer.sections[0].paragraphs, ["我们必须加强学习。"]);
    assert_eq!(reviewer.sections[1].paragraphs, ["抓好落实。务求实效。"]);
    assert_eq!(reviewer.closing, ["同志们，让我们共同努力！"]);
    let original = &file
        .original
        .as_ref()
        .expect("tracked changes give an original")
        .speech;
    assert_eq!(original.sections[0].paragraphs, ["我们要加强学习。"]);
    assert_eq!(original.sections[1].paragraphs, ["抓好落实。"]);
    // Everything else is the same: the difference is exactly the reviewer's edits.
    assert_eq!(original.opening, reviewer.opening);
    assert_eq!(original.closing, reviewer.closing);
    assert_eq!(original.title, reviewer.title);
    let notes = &file.imported.notes;
    assert!(
        notes.contains(&ImportNote::TrackedChanges {
            insertions: 2,
            deletions: 1
        }),
        "{notes:?}"
    );
    assert!(notes.contains(&ImportNote::WordHeadingStyles { count: 2 }));
    assert!(notes.contains(&ImportNote::CommentsKeptAsNotes { count: 1 }));
    assert_eq!(
        reviewer.notes,
        ["「今天召开会议。主要任务是部署工作。」王审：这里写具体些"]
    );
    assert_eq!(file.encoding, None);
}

#[test]
fn without_heading_styles_the_text_rules_find_the_sections() {
    let paragraphs: Vec<String> = [
        "在会上的讲话",
        "同志们：",
        "开场。",
        "一、甲",
        "正文。",
        "二、乙",
        "正文。",
    ]
    .iter()
    .map(|t| paragraph("", &run(t)))
    .collect();
    let file = import(docx(&paragraphs, None, &[])).unwrap();
    let speech = &file.imported.speech;
    assert_eq!(speech.sections.len(), 2);
    assert_eq!(speech.title, "在会上的讲话");
    assert!(file.original.is_none());
}

#[test]
fn the_preview_of_a_docx_keeps_the_style_marks_under_the_user_marks() {
    let file = import(reviewed_docx()).unwrap();
    let base = file.source.preview(&Overrides::new());
    assert_eq!(base.imported.layout, file.imported.layout);
    assert_eq!(base.imported.notes, file.imported.notes);
    let heading = base
        .lines
        .iter()
        .position(|l| l.role == LineRole::SectionHeading)
        .unwrap();
    let mut user = Overrides::new();
    user.set(heading, LineMark::Plain);
    let changed = file.source.preview(&user);
    assert_eq!(changed.imported.speech.sections.len(), 1);
    assert_eq!(changed.imported.speech.notes, file.imported.speech.notes);
}

#[test]
fn hostile_archives_are_refused_quickly_with_a_clear_reason() {
    // A zip bomb: 200 MB of zeros that compress to a few hundred kilobytes.
    let mut bomb = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut bomb);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..200 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    let started = Instant::now();
    let err = import(bomb.into_inner()).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        matches!(
            &err,
            Error::BadDocx {
                problem: DocxProblem::PartTooLarge { .. },
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("zip bomb"), "{err}");
    assert!(err.to_string().contains("in.docx"), "{err}");

    let err = import(b"PK\x03\x04 not really a zip".to_vec()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::BadDocx {
                problem: DocxProblem::NotZip,
                ..
            }
        ),
        "{err}"
    );
    // A document without text is empty; an archive without a document is no Word document.
    let err = import(docx(&[], None, &[])).unwrap_err();
    assert!(matches!(err, Error::Empty { .. }), "{err}");
    let not_word = {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"<office/>").unwrap();
        zip.finish().unwrap();
        out.into_inner()
    };
    let err = import(not_word).unwrap_err();
    assert!(
        matches!(
            err,
            Error::BadDocx {
                problem: DocxProblem::NoDocument,
                ..
            }
        ),
        "{err}"
    );
    let malformed = {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(b"<w:document><w:body><w:p><w:t>\xff\xfe</w:t>")
            .unwrap();
        zip.finish().unwrap();
        out.into_inner()
    };
    let err = import(malformed).unwrap_err();
    assert!(
        matches!(
            err,
            Error::BadDocx {
                problem: DocxProblem::NotUtf8 { .. },
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn entries_outside_the_package_and_entities_are_ignored() {
    let paragraphs = vec![
        paragraph("", &run("同志们：")),
        paragraph("", &run("正文&amp;内容&evil;")),
    ];
    let bytes = docx(
        &paragraphs,
        None,
        &[
            ("../../etc/evil.xml", b"<w:p><w:t>EVIL</w:t></w:p>"),
            ("/abs/word/document.xml", b"EVIL"),
        ],
    );
    let file = import(bytes).unwrap();
    let text = file.source.text;
    assert!(!text.contains("EVIL"));
    assert!(text.contains("正文&内容&evil;"), "{text}");
}

fn lectern(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_imports_shows_and_diffs_docx_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reviewed.docx"), reviewed_docx()).unwrap();
    let out = lectern(&["show", "--json", "reviewed.docx"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sections"][0]["paragraphs"][0], "我们必须加强学习。");

    let out = lectern(&["import", "reviewed.docx", "-o", "r.lectern"], dir.path());
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("lectern: note: tracked changes (2 insertions, 1 deletion)"),
        "{stderr}"
    );
    // The working copy is the original; the reviewer's version is a draft: their diff is the
    // reviewer's edits.
    let out = lectern(&["diff", "r.lectern", "r.lectern@reviewer"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("必须") && diff.contains("务求实效"), "{diff}");
    // The .docx itself reads as the reviewer's version.
    let out = lectern(&["diff", "r.lectern@reviewer", "reviewed.docx"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A project without its extension is still a project (git merge drivers).
    std::fs::copy(
        dir.path().join("r.lectern"),
        dir.path().join(".merge_file_a1b2c3"),
    )
    .unwrap();
    assert!(matches!(
        open_file(&dir.path().join(".merge_file_a1b2c3")).unwrap(),
        OpenedFile::Project(_)
    ));
    assert!(matches!(
        import_file(&dir.path().join(".merge_file_a1b2c3")),
        Err(Error::UnsupportedType { .. })
    ));
}

#[test]
fn a_docx_saved_by_libreoffice_imports() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = "在全县工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、认清形势\n\n形势很好。\n\n二、狠抓落实\n\n抓好落实。\n\n同志们，让我们共同努力！\n";
    std::fs::write(dir.path().join("speech.txt"), text).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "docx",
            "speech.txt",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = import_file(&dir.path().join("speech.docx")).unwrap();
    let speech = &file.imported.speech;
    assert_eq!(speech.title, "在全县工作会议上的讲话");
    assert_eq!(speech.greeting, "同志们：");
    let headings: Vec<&str> = speech.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["认清形势", "狠抓落实"]);
    assert_eq!(speech.closing, ["同志们，让我们共同努力！"]);
}
