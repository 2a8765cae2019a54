//! The command line's everyday rough edges (issue 10), run as the real binary: duplicate draft
//! names, `--draft` on a text file, plurals, one cause per message, `diff` of identical inputs,
//! and bad `.lectern` files described for people.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::output::{code, stderr, stdout};

fn lectern(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lectern")
}

const TEXT: &str = "在全县工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高认识\n\n要统一思想。\n\n同志们，努力！\n";

fn new_project(dir: &Path) -> Output {
    fs::write(dir.join("in.txt"), TEXT).unwrap();
    let out = lectern(&["import", "in.txt", "-o", "s.lectern"], dir);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    out
}

#[test]
fn a_second_draft_of_the_same_name_is_refused_unless_replace() {
    let dir = tempfile::tempdir().unwrap();
    new_project(dir.path());
    let save = |extra: &[&str]| {
        let mut args = vec!["draft", "save", "s.lectern", "--name", "初稿"];
        args.extend_from_slice(extra);
        lectern(&args, dir.path())
    };
    let first = save(&["--note", "one"]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let before = fs::read(dir.path().join("s.lectern")).unwrap();

    let second = save(&["--note", "two"]);
    assert_eq!(code(&second), 2, "{}", stderr(&second));
    let said = stderr(&second);
    assert!(said.contains("already exists"), "{said}");
    assert!(said.contains("--replace"), "{said}");
    assert!(said.trim_end().ends_with("s.lectern"), "{said}");
    assert_eq!(fs::read(dir.path().join("s.lectern")).unwrap(), before);

    let replaced = save(&["--note", "three", "--replace"]);
    assert_eq!(code(&replaced), 0, "{}", stderr(&replaced));
    let list = stdout(&lectern(&["draft", "list", "s.lectern"], dir.path()));
    let named: Vec<&str> = list.lines().filter(|l| l.starts_with("初稿\t")).collect();
    assert_eq!(named.len(), 1, "{list}");
    assert!(named[0].ends_with("\tthree"), "{list}");
}

#[test]
fn a_draft_asked_of_a_text_file_says_drafts_live_in_lectern_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sample.txt"), TEXT).unwrap();
    let out = lectern(&["stats", "sample.txt", "--draft", "x"], dir.path());
    assert_eq!(code(&out), 2);
    let said = stderr(&out);
    assert_eq!(
        said,
        "lectern: drafts exist only in .lectern files; this file has none: sample.txt\n"
    );
    assert!(!said.contains("unsupported"), "{said}");
}

#[test]
fn counts_of_one_are_singular() {
    let dir = tempfile::tempdir().unwrap();
    let imported = stderr(&new_project(dir.path()));
    assert!(
        imported.contains(
            "imported 1 section, 1 opening paragraph and 1 closing paragraph into s.lectern"
        ),
        "{imported}"
    );
    assert!(
        imported.contains("the closing has 1 paragraph: in.txt"),
        "{imported}"
    );
    assert!(!imported.contains("(s)"), "{imported}");
    let shown = stdout(&lectern(&["show", "s.lectern"], dir.path()));
    assert!(shown.contains("opening:  1 paragraph\n"), "{shown}");
    assert!(shown.contains("(1 paragraph)\n"), "{shown}");
    assert!(shown.contains("notes:    0 paragraphs\n"), "{shown}");
    assert!(!shown.contains("1 paragraphs"), "{shown}");
}

#[test]
fn an_io_error_says_its_cause_once_and_the_path_last() {
    let err = lectern::Error::io(
        "writing",
        Path::new("f.lectern"),
        std::io::Error::from_raw_os_error(28),
    );
    // The command line prints `{:#}` of an anyhow chain.
    let said = format!("{:#}", anyhow::Error::from(err));
    assert!(said.starts_with("writing failed: "), "{said}");
    assert!(said.ends_with(": f.lectern"), "{said}");
    assert_eq!(said.matches("os error 28").count(), 1, "{said}");
}

#[test]
fn a_bad_lectern_file_is_described_without_internal_names() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("text.lectern"), TEXT).unwrap();
    let out = lectern(&["show", "text.lectern"], dir.path());
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "lectern: not a valid .lectern file (it does not hold a speech in Lectern's format): text.lectern\n"
    );
    fs::write(
        dir.path().join("broken.lectern"),
        "(\n    format_version: 2,\n    speech: (title: \"x\",\n",
    )
    .unwrap();
    let out = lectern(&["show", "broken.lectern"], dir.path());
    assert_eq!(code(&out), 2);
    let said = stderr(&out);
    assert!(said.contains("damaged at line"), "{said}");
    for internal in ["VersionProbe", "Expected", "struct"] {
        assert!(!said.contains(internal), "{said}");
    }
}

#[test]
fn diff_of_identical_inputs_is_silent_off_a_terminal_and_says_so_on_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    fs::write(dir.path().join("b.txt"), TEXT).unwrap();
    let out = lectern(&["diff", "a.txt", "b.txt"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "");
    // Different inputs do print (the positive).
    fs::write(dir.path().join("c.txt"), TEXT.replace("开会", "开大会")).unwrap();
    let out = lectern(&["diff", "a.txt", "c.txt"], dir.path());
    assert_eq!(code(&out), 1);
    assert!(!stdout(&out).is_empty());

    // On a terminal (a pseudo-terminal from util-linux `script`), the person is told.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("`script` is not installed: the terminal half of this test was not run");
        return;
    }
    let run_on_tty = |args: &str| {
        let command = format!("{} {args}", env!("CARGO_BIN_EXE_lectern"));
        Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path())
            .output()
            .expect("run script")
    };
    let text = run_on_tty("diff a.txt b.txt");
    assert_eq!(code(&text), 0);
    assert!(
        stdout(&text).contains("no differences"),
        "{}",
        stdout(&text)
    );
    let json = run_on_tty("diff --format json a.txt b.txt");
    assert!(
        !stdout(&json).contains("no differences"),
        "{}",
        stdout(&json)
    );
}
