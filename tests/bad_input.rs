//! Bad input through the real `lectern` binary: every case exits with 2, names the path and the
//! problem on stderr, does not panic, prints nothing to stdout, and leaves every file in the
//! folder exactly as it was (no output created, no temporary file left).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use lectern::model::{Section, Speech};
use lectern::project::Project;
use lectern::storage;

const LECTERN: &str = env!("CARGO_BIN_EXE_lectern");

/// Files above this size are compared by size and time, not bytes (the sparse 100 MB ones).
const COMPARE_BYTES_UP_TO: u64 = 1024 * 1024;

/// Every bad case must fail within this.
const MAX_SECS: u64 = 5;

#[derive(Debug, PartialEq, Eq)]
enum Snap {
    Dir,
    Bytes(Vec<u8>),
    Big { len: u64, modified: SystemTime },
}

/// Everything under `root`, by relative path.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Snap> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::metadata(&path).unwrap();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if meta.is_dir() {
                out.insert(rel, Snap::Dir);
                stack.push(path);
            } else if meta.len() > COMPARE_BYTES_UP_TO {
                out.insert(
                    rel,
                    Snap::Big {
                        len: meta.len(),
                        modified: meta.modified().unwrap(),
                    },
                );
            } else {
                out.insert(rel, Snap::Bytes(fs::read(&path).unwrap()));
            }
        }
    }
    out
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Fixture {
    fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

fn sample() -> Project {
    Project::new(Speech {
        title: "在全市工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec!["今天我们召开会议。".into()],
        sections: vec![Section::new("提高站位", vec!["一要学习。".into()])],
        closing: vec!["谢谢大家！".into()],
        ..Speech::default()
    })
}

const PNG_HEADER: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let w = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).unwrap();
    let good = storage::project_to_ron(&sample());
    w("good.lectern", good.as_bytes());
    w(
        "good.txt",
        "在会议上的讲话\n\n同志们：\n\n今天开会。\n".as_bytes(),
    );
    w("existing.txt", b"do not overwrite me\n");
    w("latin1.txt", b"Mesdames et messieurs, caf\xe9 cr\xe8me.\n");
    w("latin1.md", b"# Titre\n\ncaf\xe9\n");
    w("truncated.lectern", &good.as_bytes()[..good.len() / 2]);
    w(
        "newer.lectern",
        b"(format_version: 7, speech: (title: \"from the future\"), hologram: Some(true))",
    );
    w(
        "wrongtype.lectern",
        b"(format_version: 1, speech: (title: 42))",
    );
    w("empty.txt", b"");
    w("empty.lectern", b"");
    w("blank.txt", b"  \n\t\n");
    w("png.txt", PNG_HEADER);
    w("png.lectern", PNG_HEADER);
    w(
        "deep.lectern",
        format!("{}{}", "(".repeat(200_000), ")".repeat(200_000)).as_bytes(),
    );
    w(
        "deep-field.lectern",
        format!(
            "(format_version: 1, speech: (title: \"x\", notes: {}{}))",
            "[".repeat(200_000),
            "]".repeat(200_000)
        )
        .as_bytes(),
    );
    w(
        "deep-unknown.lectern",
        format!(
            "(format_version: 1, unknown: {}{})",
            "[".repeat(200_000),
            "]".repeat(200_000)
        )
        .as_bytes(),
    );
    for name in ["huge.txt", "huge.lectern"] {
        let file = fs::File::create(root.join(name)).unwrap();
        file.set_len(100 * 1024 * 1024).unwrap();
    }
    fs::create_dir(root.join("folder")).unwrap();
    fs::create_dir(root.join("folder.lectern")).unwrap();
    Fixture { _dir: dir, root }
}

/// What one case expects.
struct Case {
    args: Vec<OsString>,
    /// The path stderr must name.
    names: PathBuf,
    /// Words stderr must contain (lowercase match).
    problem: &'static str,
    stdin: Option<Vec<u8>>,
}

fn run(args: &[OsString], stdin: Option<&[u8]>) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(LECTERN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env(
            "LECTERN_DATA_DIR",
            std::env::temp_dir().join("lectern-bad-input-data"),
        )
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        // The command may stop reading early (too large): a broken pipe is fine.
        pipe.write_all(bytes).ok();
    }
    let output = child.wait_with_output().unwrap();
    (output, start.elapsed())
}

fn check(fixture: &Fixture, case: &Case, failures: &mut Vec<String>) {
    let before = snapshot(&fixture.root);
    let (output, elapsed) = run(&case.args, case.stdin.as_deref());
    let after = snapshot(&fixture.root);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let label = format!(
        "lectern {}",
        case.args
            .iter()
            .map(|a| a
                .to_string_lossy()
                .replace(&*fixture.root.to_string_lossy(), "…"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut problems = Vec::new();
    if output.status.code() != Some(2) {
        problems.push(format!("exit {:?}, not 2", output.status.code()));
    }
    if stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    if !stderr.starts_with("lectern: ") {
        problems.push("stderr does not start with `lectern: `".into());
    }
    if !stderr.contains(&*case.names.to_string_lossy()) {
        problems.push(format!("stderr does not name {}", case.names.display()));
    }
    if !stderr.to_lowercase().contains(case.problem) {
        problems.push(format!("stderr does not say {:?}", case.problem));
    }
    if !output.stdout.is_empty() {
        problems.push(format!("stdout not empty: {} bytes", output.stdout.len()));
    }
    if elapsed > Duration::from_secs(MAX_SECS) {
        problems.push(format!("took {elapsed:?}"));
    }
    if before != after {
        let changed: Vec<_> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .map(|k| k.display().to_string())
            .collect();
        problems.push(format!("files changed: {changed:?}"));
    }
    let line = format!("{label}\n    -> {}", stderr.trim_end());
    if problems.is_empty() {
        println!("ok   {line}");
    } else {
        println!("FAIL {line}\n    {problems:?}");
        failures.push(format!("{label}: {problems:?}"));
    }
}

fn args(parts: &[&dyn AsRefOs]) -> Vec<OsString> {
    parts.iter().map(|p| p.os()).collect()
}

trait AsRefOs {
    fn os(&self) -> OsString;
}
impl AsRefOs for &str {
    fn os(&self) -> OsString {
        OsString::from(*self)
    }
}
impl AsRefOs for PathBuf {
    fn os(&self) -> OsString {
        self.clone().into_os_string()
    }
}

/// Bad input files, with what stderr must say about each.
const BAD_INPUTS: &[(&str, &str)] = &[
    ("latin1.txt", "not utf-8"),
    ("latin1.md", "not utf-8"),
    ("truncated.lectern", "not a valid .lectern file"),
    ("newer.lectern", "newer version"),
    ("wrongtype.lectern", "not a valid .lectern file"),
    ("empty.txt", "empty"),
    ("empty.lectern", "empty"),
    ("blank.txt", "empty"),
    ("png.txt", "binary"),
    ("png.lectern", "binary"),
    ("huge.txt", "too large"),
    ("huge.lectern", "too large"),
    ("deep.lectern", "not a valid .lectern file"),
    ("deep-field.lectern", "nested too deeply"),
    ("deep-unknown.lectern", "nested too deeply"),
    ("folder", "is a directory"),
    ("folder.lectern", "is a directory"),
    ("missing.txt", "no such file"),
    ("missing.lectern", "no such file"),
];

#[test]
fn every_bad_input_is_refused_cleanly_by_every_command() {
    let fx = fixture();
    let mut cases = Vec::new();
    for &(name, problem) in BAD_INPUTS {
        let input = fx.path(name);
        let is_project = name.ends_with(".lectern");
        let mut commands: Vec<Vec<OsString>> = vec![
            args(&[&"show", &input]),
            args(&[&"show", &"--json", &input]),
            args(&[&"stats", &input]),
            args(&[&"export", &input]),
            args(&[&"export", &input, &"-o", &fx.path("out.txt")]),
            args(&[
                &"export",
                &input,
                &"--format",
                &"md",
                &"-o",
                &fx.path("out.md"),
            ]),
        ];
        if is_project {
            commands.push(args(&[&"draft", &"save", &input, &"--name", &"x"]));
            commands.push(args(&[&"draft", &"list", &input]));
            commands.push(args(&[&"show", &input, &"--draft", &"x"]));
        } else {
            commands.push(args(&[&"import", &input, &"-o", &fx.path("new.lectern")]));
        }
        for args in commands {
            cases.push(Case {
                args,
                names: input.clone(),
                problem,
                stdin: None,
            });
        }
    }
    let mut failures = Vec::new();
    for case in &cases {
        check(&fx, case, &mut failures);
    }
    println!("{} cases, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn bad_output_paths_are_refused_before_anything_is_written() {
    let fx = fixture();
    let good = fx.path("good.lectern");
    let text = fx.path("good.txt");
    let missing_dir_txt = fx.path("missing/x.txt");
    let missing_dir_lectern = fx.path("missing/x.lectern");
    let case = |args: Vec<OsString>, names: PathBuf, problem: &'static str| Case {
        args,
        names,
        problem,
        stdin: None,
    };
    let cases = vec![
        case(
            args(&[&"export", &good, &"-o", &fx.path("folder")]),
            fx.path("folder"),
            "is a directory",
        ),
        case(
            args(&[&"export", &good, &"-o", &fx.path("folder"), &"--force"]),
            fx.path("folder"),
            "is a directory",
        ),
        case(
            args(&[&"export", &good, &"-o", &missing_dir_txt]),
            missing_dir_txt.clone(),
            "folder does not exist",
        ),
        case(
            args(&[&"export", &good, &"-o", &fx.path("existing.txt")]),
            fx.path("existing.txt"),
            "already exists",
        ),
        case(
            args(&[&"import", &text, &"-o", &missing_dir_lectern]),
            missing_dir_lectern.clone(),
            "folder does not exist",
        ),
        case(
            args(&[&"import", &text, &"-o", &fx.path("folder.lectern")]),
            fx.path("folder.lectern"),
            "is a directory",
        ),
        case(
            args(&[&"import", &text, &"-o", &good]),
            good.clone(),
            "already exists",
        ),
        case(
            args(&[&"import", &text, &"-o", &fx.path("out.txt")]),
            fx.path("out.txt"),
            "must be a .lectern file",
        ),
        case(
            args(&[&"import", &good, &"-o", &fx.path("copy.lectern")]),
            good.clone(),
            "unsupported file type",
        ),
        case(
            args(&[&"new", &"-o", &good]),
            good.clone(),
            "already exists",
        ),
        case(
            args(&[&"new", &"-o", &fx.path("folder.lectern")]),
            fx.path("folder.lectern"),
            "is a directory",
        ),
        case(
            args(&[&"new", &"-o", &fx.path("folder.lectern"), &"--force"]),
            fx.path("folder.lectern"),
            "is a directory",
        ),
        case(
            args(&[&"new", &"-o", &missing_dir_lectern]),
            missing_dir_lectern.clone(),
            "folder does not exist",
        ),
        case(
            args(&[
                &"draft",
                &"save",
                &fx.path("missing.lectern"),
                &"--name",
                &"x",
            ]),
            fx.path("missing.lectern"),
            "no such file",
        ),
        case(
            args(&[&"draft", &"save", &text, &"--name", &"x"]),
            text.clone(),
            "needs a .lectern file",
        ),
        case(
            args(&[&"show", &good, &"--draft", &"nope"]),
            good.clone(),
            "no draft named",
        ),
        // Standard input that is not text.
        Case {
            args: args(&[&"import", &"-", &"-o", &fx.path("stdin.lectern")]),
            names: PathBuf::from("<stdin>"),
            problem: "binary",
            stdin: Some(PNG_HEADER.to_vec()),
        },
        Case {
            args: args(&[&"import", &"-", &"-o", &fx.path("stdin.lectern")]),
            names: PathBuf::from("<stdin>"),
            problem: "not utf-8",
            stdin: Some(b"caf\xe9\n".to_vec()),
        },
        Case {
            args: args(&[&"import", &"-", &"-o", &fx.path("stdin.lectern")]),
            names: PathBuf::from("<stdin>"),
            problem: "too large",
            stdin: Some(vec![b'a'; 9 * 1024 * 1024]),
        },
    ];
    let mut failures = Vec::new();
    for case in &cases {
        check(&fx, case, &mut failures);
    }
    println!("{} cases, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A device that never ends is refused by size, not read until memory runs out.
#[cfg(unix)]
#[test]
fn endless_devices_are_refused_quickly() {
    let fx = fixture();
    let zero = PathBuf::from("/dev/zero");
    if !zero.exists() {
        return;
    }
    let mut failures = Vec::new();
    for command in ["show", "stats"] {
        check(
            &fx,
            &Case {
                args: args(&[&command, &zero]),
                names: zero.clone(),
                problem: "too large",
                stdin: None,
            },
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The good files used above really are good: the failures are about the bad input, not the
/// fixture.
#[test]
fn the_fixture_works_when_the_input_is_good() {
    let fx = fixture();
    let ok = |args: Vec<OsString>| {
        let (output, _) = run(&args, None);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    ok(args(&[&"show", &fx.path("good.lectern")]));
    ok(args(&[&"show", &fx.path("good.txt")]));
    ok(args(&[
        &"export",
        &fx.path("good.lectern"),
        &"-o",
        &fx.path("out.txt"),
    ]));
    ok(args(&[
        &"import",
        &fx.path("good.txt"),
        &"-o",
        &fx.path("new.lectern"),
    ]));
    ok(args(&[&"new", &"-o", &fx.path("fresh.lectern")]));
    ok(args(&[
        &"draft",
        &"save",
        &fx.path("good.lectern"),
        &"--name",
        &"x",
    ]));
    assert!(fx.path("out.txt").is_file());
    assert!(fx.path("new.lectern").is_file());
    assert!(
        storage::load_project(&fx.path("good.lectern"))
            .unwrap()
            .draft_by_name("x")
            .is_some()
    );
}
