//! `lectern check`, run as the real binary on files in a temporary folder, and on the real
//! web-pasted sample speech.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use lectern::import::{TextFormat, import_text};
use lectern::model::Speech;
use lectern::project::{DraftKind, Project};
use lectern::storage;

use crate::output::{code, stderr, stdout};

fn lectern(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lectern")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// The real sample speech, found relative to the crate (a worktree sits one folder deeper than
/// the main checkout). Missing is a failure, not a skip.
fn sample() -> (PathBuf, String) {
    const NAME: &str = "work-conference-speech-zh-hant.txt";
    let candidates = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/samples/"),
    ];
    for dir in candidates {
        let path = PathBuf::from(dir).join(NAME);
        if let Ok(text) = std::fs::read_to_string(&path) {
            return (path, text);
        }
    }
    panic!("the sample speech {NAME} is missing: looked in {candidates:?}");
}

/// A speech with the slips the checks look for: ASCII punctuation, a doubled 的, a numbering gap.
const SLIPS: &str = "在全县防汛工作会议上的的讲话\n\n\
同志们:\n\n\
今天召开会议,部署秋季防汛工作。\n\n\
一、统一思想,提高认识\n\n\
一是要看到形势严峻,二是要看到任务繁重,四是要看到责任重大。\n\n\
二、突出重点,狠抓落实\n\n\
一要加强巡查。二要落实责任。\n\n\
三、加强领导,严明纪律\n\n\
各级干部要守土有责。\n\n\
同志们,让我们共同努力!\n";

/// The shape of a speech: what must survive a fix and a re-import.
fn shape(speech: &Speech) -> (bool, bool, usize, Vec<usize>, usize) {
    (
        !speech.title.is_empty(),
        !speech.greeting.is_empty(),
        speech.opening.len(),
        speech.sections.iter().map(|s| s.paragraphs.len()).collect(),
        speech.closing.len(),
    )
}

fn ids(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn a_clean_speech_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "clean.txt",
        "在会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高认识\n\n一要学习。二要落实。\n\n同志们，谢谢大家！\n",
    );
    let out = lectern(&["check", "clean.txt"], dir.path());
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "no findings\n");
    let out = lectern(&["check", "clean.txt", "--json"], dir.path());
    assert_eq!(code(&out), 0);
    assert_eq!(
        json(&out),
        serde_json::json!({"findings": [], "summary": {}})
    );
}

#[test]
fn findings_exit_one_with_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "slips.txt", SLIPS);
    let out = lectern(&["check", "slips.txt", "--json"], dir.path());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    let findings = report["findings"].as_array().expect("findings");
    for f in findings {
        let keys: Vec<&str> = f
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "id",
                "part",
                "section_index",
                "paragraph",
                "start",
                "end",
                "text",
                "suggestion",
                "message"
            ]
        );
    }
    // The doubled 的 in the title, by character offset.
    let title = findings
        .iter()
        .find(|f| f["part"] == "title")
        .expect("a title finding");
    assert_eq!(title["id"], "repeated-char");
    assert_eq!(
        (title["start"].as_u64(), title["end"].as_u64()),
        (Some(11), Some(12))
    );
    assert_eq!(title["text"], "的");
    assert_eq!(title["suggestion"], "");
    // The gap 一是…二是…四是 in the first section's body (paragraph 1: 0 is the heading).
    let gap = findings
        .iter()
        .find(|f| f["id"] == "numbering-gap")
        .expect("a numbering gap");
    assert_eq!(gap["part"], "section");
    assert_eq!(gap["section_index"], 0);
    assert_eq!(gap["paragraph"], 1);
    assert_eq!(gap["text"], "四");
    assert_eq!(gap["suggestion"], "三");
    // A comma in a heading: paragraph 0 of the section.
    assert!(findings.iter().any(|f| f["id"] == "punct-halfwidth"
        && f["section_index"] == 2
        && f["paragraph"] == 0
        && f["text"] == ","));
    // The summary counts every finding by id.
    let summary = report["summary"].as_object().expect("summary");
    let total: u64 = summary.values().filter_map(Value::as_u64).sum();
    assert_eq!(total as usize, findings.len());
    assert_eq!(summary["punct-halfwidth"], 9);
    // The text form: one line a finding, then the summary.
    let out = lectern(&["check", "slips.txt"], dir.path());
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("title:1:12: repeated-char: \"的\" written twice: \"的\" → \"\"\n"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "{} findings ({} fixable): punct-halfwidth 9, numbering-gap 1, repeated-char 1\n",
            findings.len(),
            findings.len()
        )),
        "{text}"
    );
}

#[test]
fn fix_writes_text_that_reimports_to_the_same_structure() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "slips.txt", SLIPS);
    let out = lectern(
        &["check", "slips.txt", "--fix", "-o", "fixed.txt"],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stderr(&out).contains("applied 11 fixes"),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(dir.path().join("fixed.txt")).unwrap();
    assert!(fixed.contains("工作会议上的讲话"));
    assert!(fixed.contains("三是要看到责任重大"));
    assert!(!fixed.contains(','));
    let before = import_text(SLIPS, TextFormat::Plain).speech;
    let after = import_text(&fixed, TextFormat::Plain).speech;
    assert_eq!(shape(&after), shape(&before));
    let out = lectern(&["check", "fixed.txt"], dir.path());
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn fix_only_some_checks() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "slips.txt", SLIPS);
    let out = lectern(
        &[
            "check",
            "slips.txt",
            "--fix",
            "--only",
            "repeated-char,numbering-gap",
            "-o",
            "out.txt",
            "--json",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 1);
    let left = ids(&json(&out));
    assert!(left.iter().all(|id| id == "punct-halfwidth"), "{left:?}");
    let fixed = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
    assert!(fixed.contains("会议上的讲话") && fixed.contains("同志们:"));
}

#[test]
fn fix_into_a_project_keeps_its_drafts_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new(import_text(SLIPS, TextFormat::Plain).speech);
    project.settings.cjk_chars_per_minute = 200.0;
    project.save_draft("初稿", None, DraftKind::Named, chrono::Utc::now());
    let path = dir.path().join("speech.lectern");
    storage::save_project(&project, &path).unwrap();
    // Without --force the input is not overwritten.
    let out = lectern(
        &["check", "speech.lectern", "--fix", "-o", "speech.lectern"],
        dir.path(),
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(storage::load_project(&path).unwrap(), project);
    let out = lectern(
        &[
            "check",
            "speech.lectern",
            "--fix",
            "-o",
            "speech.lectern",
            "--force",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let saved = storage::load_project(&path).unwrap();
    assert_eq!(saved.drafts, project.drafts);
    assert_eq!(saved.settings, project.settings);
    assert_eq!(saved.speech.title, "在全县防汛工作会议上的讲话");
    assert_eq!(
        saved
            .speech
            .sections
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        project
            .speech
            .sections
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>()
    );
    // The draft is checked as saved, and can be written out fixed as text, not into a project.
    let out = lectern(&["check", "speech.lectern", "--draft", "初稿"], dir.path());
    assert_eq!(code(&out), 1);
    let out = lectern(
        &[
            "check",
            "speech.lectern",
            "--draft",
            "初稿",
            "--fix",
            "-o",
            "draft.lectern",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!dir.path().join("draft.lectern").exists());
    let out = lectern(
        &[
            "check",
            "speech.lectern",
            "--draft",
            "初稿",
            "--fix",
            "-o",
            "draft.md",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let markdown = std::fs::read_to_string(dir.path().join("draft.md")).unwrap();
    assert!(
        markdown.starts_with("# 在全县防汛工作会议上的讲话"),
        "{markdown}"
    );
}

#[test]
fn bad_input_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "slips.txt", SLIPS);
    let cases: [&[&str]; 5] = [
        &["check", "missing.txt"],
        &[
            "check",
            "slips.txt",
            "--fix",
            "--only",
            "no-such-check",
            "-o",
            "x.txt",
        ],
        &["check", "slips.txt", "--fix"],
        &["check", "slips.txt", "--only", "spacing"],
        &["check", "slips.txt", "--draft", "x"],
    ];
    for args in cases {
        let out = lectern(args, dir.path());
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
    let out = lectern(
        &[
            "check",
            "slips.txt",
            "--fix",
            "--only",
            "nope",
            "-o",
            "x.txt",
        ],
        dir.path(),
    );
    assert!(
        stderr(&out).contains("unknown check id \"nope\""),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("x.txt").exists());
    // An existing output is not overwritten without --force.
    write(dir.path(), "taken.txt", "keep me");
    let out = lectern(
        &["check", "slips.txt", "--fix", "-o", "taken.txt"],
        dir.path(),
    );
    assert_eq!(code(&out), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn the_sample_speech() {
    let (path, text) = sample();
    let dir = tempfile::tempdir().unwrap();
    let input = path.to_str().expect("utf-8 path");
    let out = lectern(&["check", input, "--json"], dir.path());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    let findings = report["findings"].as_array().expect("findings");
    // The ASCII punctuation: , : ( ) in Chinese text.
    for mark in [",", ":", "(", ")"] {
        assert!(
            findings
                .iter()
                .any(|f| f["id"] == "punct-halfwidth" && f["text"] == mark),
            "no half-width {mark:?} found"
        );
    }
    let ascii_in_text = text.matches([',', ':', '(', ')']).count();
    let found = report["summary"]["punct-halfwidth"].as_u64().unwrap_or(0) as usize;
    assert!(
        found * 2 > ascii_in_text,
        "{found} of {ascii_in_text} marks found"
    );
    // The doubled 的 in the title.
    assert!(
        findings
            .iter()
            .any(|f| f["part"] == "title" && f["id"] == "repeated-char" && f["text"] == "的"),
        "{findings:?}"
    );
    // Numbering gaps: exactly those a plain scan of the points finds (see `point_gaps`).
    let mut gaps: Vec<(u64, String)> = findings
        .iter()
        .filter(|f| f["id"] == "numbering-gap" || f["id"] == "numbering-repeat")
        .map(|f| {
            (
                f["section_index"].as_u64().unwrap_or(99),
                f["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    gaps.sort();
    assert_eq!(
        gaps,
        point_gaps(&import_text(&text, TextFormat::Plain).speech)
    );

    // --fix: the text re-imports to the same structure, with no half-width marks left.
    let out = lectern(&["check", input, "--fix", "-o", "fixed.txt"], dir.path());
    assert!(code(&out) <= 1, "{}", stderr(&out));
    let fixed = std::fs::read_to_string(dir.path().join("fixed.txt")).unwrap();
    let before = import_text(&text, TextFormat::Plain).speech;
    let after = import_text(&fixed, TextFormat::Plain).speech;
    assert_eq!(shape(&after), shape(&before));
    assert_eq!(after.sections.len(), 3);
    let left = ids(&json(&lectern(
        &["check", "fixed.txt", "--json"],
        dir.path(),
    )));
    assert!(
        !left
            .iter()
            .any(|id| id == "punct-halfwidth" || id == "repeated-char"),
        "{left:?}"
    );
}

/// An independent look at the points `一是 二是 …` / `一要 二要 …` of each section: the numbers
/// that do not follow the one before (a run restarts at 一 after two or more).
fn point_gaps(speech: &Speech) -> Vec<(u64, String)> {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let mut out = Vec::new();
    for (index, section) in speech.sections.iter().enumerate() {
        for kind in ['是', '要'] {
            let mut previous = 0;
            for paragraph in &section.paragraphs {
                let chars: Vec<char> = paragraph.chars().collect();
                for i in 0..chars.len().saturating_sub(1) {
                    let boundary = i == 0 || "，。；：、,;:".contains(chars[i - 1]);
                    let Some(n) = DIGITS.iter().position(|d| *d == chars[i]) else {
                        continue;
                    };
                    if !boundary || chars[i + 1] != kind {
                        continue;
                    }
                    let n = n + 1;
                    if n == previous + 1 || (n == 1 && previous >= 2) {
                        previous = n;
                    } else {
                        out.push((index as u64, chars[i].to_string()));
                        previous += 1;
                    }
                }
            }
        }
    }
    out.sort();
    out
}
