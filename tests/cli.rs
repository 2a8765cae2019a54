//! The command line, run as a real binary on files in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::output::{stderr, stdout};

fn lectern(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lectern")
}

fn lectern_stdin(args: &[&str], dir: &Path, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lectern");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "stderr: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// A small speech with the traits of text pasted from a web page: navigation on top, ASCII
/// punctuation in Chinese, points mid-paragraph, a line of leading spaces.
const PASTED: &str = "首页 > 文章 > 讲话稿\n\n\
在全县秋季防汛工作会议上的讲话\n\n\
同志们:\n\n\
今天召开会议,主要任务是部署秋季防汛工作。\n\n\
一、统一思想,提高认识\n\n\
  防汛工作关系群众安全。一是要看到形势严峻,二是要看到任务繁重。\n\n\
一要强化责任。各乡镇要落实责任。\n\n\
二、突出重点,狠抓落实\n\n\
二要加强巡查。重点堤段要有人值守。\n\n\
三、加强领导,严明纪律\n\n\
各级干部要守土有责。\n\n\
同志们,防汛工作责任重大,让我们共同努力!\n";

#[test]
fn templates_lists_the_built_in_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = lectern(&["templates"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    for id in [
        "zh-work-conference",
        "zh-ceremony-address",
        "en-keynote",
        "en-toast",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(id)),
            "{id} missing: {text}"
        );
    }
}

#[test]
fn new_creates_a_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = lectern(
        &["new", "--template", "en-keynote", "-o", "k.lectern"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = json(&lectern(&["show", "k.lectern", "--json"], dir.path()));
    assert_eq!(shown["greeting"], "Ladies and gentlemen,");
    assert_eq!(shown["language"], "en");
    assert_eq!(shown["sections"].as_array().unwrap().len(), 3);

    let before = fs::read(dir.path().join("k.lectern")).unwrap();
    let again = lectern(&["new", "-o", "k.lectern"], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("k.lectern"), "{}", stderr(&again));
    assert_eq!(fs::read(dir.path().join("k.lectern")).unwrap(), before);

    let forced = lectern(&["new", "-o", "k.lectern", "--force"], dir.path());
    assert!(forced.status.success());
    let shown = json(&lectern(&["show", "k.lectern", "--json"], dir.path()));
    assert_eq!(shown["greeting"], "同志们：");

    let unknown = lectern(
        &["new", "--template", "nope", "-o", "x.lectern"],
        dir.path(),
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("zh-work-conference"));
}

#[test]
fn import_finds_the_structure() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("in.txt"), PASTED).unwrap();
    let out = lectern(&["import", "in.txt", "-o", "s.lectern"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = json(&lectern(&["show", "s.lectern", "--json"], dir.path()));
    assert_eq!(shown["title"], "在全县秋季防汛工作会议上的讲话");
    assert_eq!(shown["greeting"], "同志们:");
    assert_eq!(shown["opening"].as_array().unwrap().len(), 1);
    let sections = shown["sections"].as_array().unwrap();
    let headings: Vec<&str> = sections
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "统一思想,提高认识",
            "突出重点,狠抓落实",
            "加强领导,严明纪律"
        ]
    );
    let counts: Vec<usize> = sections
        .iter()
        .map(|s| s["paragraphs"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts, [2, 1, 1]);
    assert!(
        sections
            .iter()
            .all(|s| s["id"].as_str().is_some_and(|id| !id.is_empty()))
    );
    assert_eq!(
        shown["closing"][0],
        "同志们,防汛工作责任重大,让我们共同努力!"
    );
    assert_eq!(shown["notes"][0], "首页 > 文章 > 讲话稿");
    assert_eq!(shown["language"], "zh-Hans");

    // The same straight from the text file, and from standard input.
    let direct = json(&lectern(&["show", "in.txt", "--json"], dir.path()));
    assert_eq!(direct["sections"].as_array().unwrap().len(), 3);
    let piped = lectern_stdin(&["import", "-", "-o", "p.lectern"], dir.path(), PASTED);
    assert!(piped.status.success(), "{}", stderr(&piped));
    let from_stdin = json(&lectern(&["show", "p.lectern", "--json"], dir.path()));
    assert_eq!(from_stdin["title"], shown["title"]);
}

#[test]
fn export_styles_and_output_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("in.txt"), PASTED).unwrap();
    let zh = stdout(&lectern(&["export", "in.txt"], dir.path()));
    assert!(
        zh.starts_with("在全县秋季防汛工作会议上的讲话\n\n同志们:\n　　今天"),
        "{zh}"
    );
    assert!(zh.contains("\n　　二、突出重点,狠抓落实\n"), "{zh}");

    let en = stdout(&lectern(&["export", "in.txt", "--style", "en"], dir.path()));
    assert!(en.contains("\n\nII. 突出重点,狠抓落实\n\n"), "{en}");

    let md = stdout(&lectern(
        &["export", "in.txt", "--format", "md"],
        dir.path(),
    ));
    assert!(md.starts_with("# 在全县秋季防汛工作会议上的讲话\n"), "{md}");
    assert!(md.contains("\n## 三、加强领导,严明纪律\n"), "{md}");

    let out = lectern(&["export", "in.txt", "-o", "out.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(dir.path().join("out.txt")).unwrap(), zh);
    let again = lectern(
        &["export", "in.txt", "--style", "en", "-o", "out.txt"],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(fs::read_to_string(dir.path().join("out.txt")).unwrap(), zh);
    let forced = lectern(
        &[
            "export", "in.txt", "--style", "en", "-o", "out.txt", "--force",
        ],
        dir.path(),
    );
    assert!(forced.status.success());
    assert_eq!(fs::read_to_string(dir.path().join("out.txt")).unwrap(), en);
}

#[test]
fn stats_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("in.txt"), PASTED).unwrap();
    let stats = json(&lectern(&["stats", "in.txt", "--json"], dir.path()));
    let total = &stats["total"];
    assert!(total["cjk_chars"].as_u64().unwrap() > 100);
    assert_eq!(total["words"], 0);
    let seconds = total["seconds"].as_f64().unwrap();
    let expected = total["cjk_chars"].as_f64().unwrap() / 180.0 * 60.0;
    assert!((seconds - expected).abs() < 0.1, "{seconds} vs {expected}");
    let kinds: Vec<&str> = stats["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "title", "greeting", "opening", "section", "section", "section", "closing"
        ]
    );
    assert_eq!(stats["parts"][3]["heading"], "统一思想,提高认识");
    assert!(stats["parts"][0]["heading"].is_null());
    let plain = stdout(&lectern(&["stats", "in.txt"], dir.path()));
    assert!(plain.contains("total"), "{plain}");
}

#[test]
fn drafts_save_list_show_and_export() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("in.txt"), PASTED).unwrap();
    assert!(
        lectern(&["import", "in.txt", "-o", "s.lectern"], dir.path())
            .status
            .success()
    );
    let saved = lectern(
        &[
            "draft",
            "save",
            "s.lectern",
            "--name",
            "初稿",
            "--note",
            "送审前",
        ],
        dir.path(),
    );
    assert!(saved.status.success(), "{}", stderr(&saved));
    let list = stdout(&lectern(&["draft", "list", "s.lectern"], dir.path()));
    let fields: Vec<&str> = list.trim_end().split('\t').collect();
    assert_eq!(fields[0], "初稿");
    assert_eq!(fields[2], "named");
    assert_eq!(fields[3], "送审前");
    assert!(dir.path().join("s.lectern.bak").exists());

    let draft = json(&lectern(
        &["show", "s.lectern", "--draft", "初稿", "--json"],
        dir.path(),
    ));
    assert_eq!(draft["title"], "在全县秋季防汛工作会议上的讲话");
    let exported = lectern(&["export", "s.lectern", "--draft", "初稿"], dir.path());
    assert!(exported.status.success());

    let missing = lectern(&["show", "s.lectern", "--draft", "终稿"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("初稿"), "{}", stderr(&missing));
    let on_text = lectern(&["show", "in.txt", "--draft", "初稿"], dir.path());
    assert_eq!(on_text.status.code(), Some(2));
    let on_text = lectern(&["draft", "list", "in.txt"], dir.path());
    assert_eq!(on_text.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(lectern(&["export"], dir.path()).status.code(), Some(2));
    assert_eq!(
        lectern(&["export", "x.txt", "--format", "pdf"], dir.path())
            .status
            .code(),
        Some(2)
    );
    let help = lectern(&["--help"], dir.path());
    assert!(help.status.success());
    assert!(stdout(&help).contains("export"));
}

#[test]
fn round_trip_through_export_keeps_the_structure() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("in.txt"), PASTED).unwrap();
    let first = json(&lectern(&["show", "in.txt", "--json"], dir.path()));
    for (style, format, name) in [
        ("zh", "txt", "zh.txt"),
        ("en", "txt", "en.txt"),
        ("zh", "md", "zh.md"),
    ] {
        let out = lectern(
            &[
                "export", "in.txt", "--style", style, "--format", format, "-o", name,
            ],
            dir.path(),
        );
        assert!(out.status.success());
        let again = json(&lectern(&["show", name, "--json"], dir.path()));
        for key in ["title", "greeting", "opening", "closing", "language"] {
            assert_eq!(again[key], first[key], "{name}: {key}");
        }
        let strip = |v: &Value| -> Vec<(Value, Value)> {
            v["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| (s["heading"].clone(), s["paragraphs"].clone()))
                .collect()
        };
        assert_eq!(strip(&again), strip(&first), "{name}");
    }
}
