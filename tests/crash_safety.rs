//! Crash safety of saving: a child process saves a project over and over, alternating two
//! different ~200 KB contents, and is killed with SIGKILL at random moments. After every kill the
//! file must load and be one of the two contents, whole; so must the `.bak` beside it.
//!
//! The child is this test executable itself, run again with `--exact crash_safety::crash_child_save_loop` and
//! an environment variable naming the file (no extra binary in the product).
//!
//! The window's own way of saving is tested the same way: a child [`Editor`] types and saves in
//! the background (the write on a worker thread, as in the window) over and over and is killed
//! at random moments; the file must load every time, whole: its working copy equal to the
//! automatic draft that save kept of it.
//!
//! Environment: `LECTERN_CRASH_CYCLES` (default 300; the editor test runs a third of them),
//! `LECTERN_CRASH_SEED` (default: from the clock; printed, to replay a failure).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lectern::editor::{Action, Edit, Editor, EditorOptions, Env, ScriptedDialogs};
use lectern::model::{Section, SectionId, Speech};
use lectern::part::Field;
use lectern::project::{DraftKind, Project};
use lectern::storage;

const CHILD_ENV: &str = "LECTERN_CRASH_CHILD_FILE";
const CHILD_START_ENV: &str = "LECTERN_CRASH_CHILD_START";
const EDITOR_CHILD_ENV: &str = "LECTERN_CRASH_EDITOR_CHILD_FILE";
const READY: &str = "CRASH-CHILD-READY";

/// One of the two contents the child alternates between, about 200 KB of RON each.
fn content(which: usize) -> Project {
    let (word, count) = if which == 0 {
        ("同志们，我们要坚持稳中求进，扎实推进各项工作。", 630)
    } else {
        ("各位来宾，朋友们：让我们携手同行，共创美好未来！", 690)
    };
    let paragraph = |i: usize| format!("第{i}段：{}", word.repeat(3));
    let mut project = Project::new(Speech {
        title: format!("第{which}稿"),
        greeting: "同志们：".into(),
        opening: (0..count / 3).map(paragraph).collect(),
        sections: (0..4)
            .map(|s| Section {
                // Fixed ids: parent and child must build equal projects.
                id: SectionId(s as u64 + 1),
                ..Section::new(
                    format!("第{s}部分"),
                    (0..count / 6).map(|i| paragraph(i + s)).collect(),
                )
            })
            .collect(),
        closing: vec!["谢谢大家！".into()],
        ..Speech::default()
    });
    project.save_draft(
        format!("draft {which}"),
        None,
        DraftKind::Named,
        chrono::DateTime::from_timestamp(1_795_780_800, 0).unwrap_or_default(),
    );
    project
}

/// The child: saves forever, alternating, until killed. Does nothing in a normal test run.
#[test]
fn crash_child_save_loop() {
    let Some(file) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(file);
    let contents = [content(0), content(1)];
    // Start with the content the file does not hold, so the first save is a real change.
    let first: usize = std::env::var(CHILD_START_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    println!("{READY}");
    for i in first.. {
        storage::save_project(&contents[i % 2], &path).unwrap();
    }
}

/// The editor child: opens the file, then types a new title and saves in the background,
/// ticking until each save is done, until killed. Does nothing in a normal test run.
#[test]
fn crash_child_editor_background_saves() {
    let Some(file) = std::env::var_os(EDITOR_CHILD_ENV) else {
        return;
    };
    let mut dialogs = ScriptedDialogs::new();
    let options = EditorOptions {
        initial_path: Some(PathBuf::from(file)),
        background_saves: true,
        ..EditorOptions::default()
    };
    let started = Instant::now();
    let now = |started: Instant| started.elapsed().as_secs_f64();
    let mut ed = Editor::new(options, &mut Env::new(now(started), &mut dialogs));
    println!("{READY}");
    for typed in 0u64.. {
        let title = Action::Edit(Edit::SetField {
            field: Field::Title,
            text: format!("第{typed}次保存"),
        });
        ed.apply(title, &mut Env::new(now(started), &mut dialogs));
        ed.apply(Action::Save, &mut Env::new(now(started), &mut dialogs));
        assert!(ed.is_saving(), "the save runs on the worker");
        while ed.is_saving() {
            std::thread::sleep(Duration::from_micros(200));
            ed.tick(&mut Env::new(now(started), &mut dialogs));
        }
        assert!(!ed.is_modified(), "the save succeeded");
    }
}

/// Checks that `path` loads and is whole: its working copy is the speech of its newest
/// automatic draft (every save keeps one). Returns the working copy's title.
fn whole_saved_file(path: &Path, what: &str) -> String {
    let loaded = storage::load_project(path)
        .unwrap_or_else(|e| panic!("{what}: the file does not load: {e}"));
    let newest = loaded
        .drafts
        .iter()
        .rev()
        .find(|d| d.kind == DraftKind::Automatic)
        .unwrap_or_else(|| panic!("{what}: no automatic draft"));
    assert_eq!(
        *newest.speech, loaded.speech,
        "{what}: the working copy is the one that save kept as a draft"
    );
    loaded.speech.title
}

#[test]
fn killing_the_editor_during_a_background_save_leaves_a_whole_file() {
    let (cycles, seed) = cycles_and_seed();
    let cycles = cycles.div_ceil(3);
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("讲话.lectern");
    let mut first = content(0);
    first.record_save_draft(chrono::Utc::now());
    storage::save_project(&first, &path).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut titles = std::collections::BTreeSet::new();
    for cycle in 0..cycles {
        let mut child = Command::new(&exe);
        child
            .args([
                "--exact",
                "crash_safety::crash_child_editor_background_saves",
            ])
            .env(EDITOR_CHILD_ENV, &path);
        run_and_kill(child, Duration::from_micros(rng.next() % 60_000), cycle);
        let what = format!("cycle {cycle} (seed {seed})");
        titles.insert(whole_saved_file(&path, &what));
        let bak = storage::backup_path(&path);
        if bak.exists() {
            whole_saved_file(&bak, &format!("{what}, the .bak"));
        }
        for temp in temp_files(dir.path()) {
            std::fs::remove_file(temp).unwrap();
        }
    }
    println!("{cycles} kills of a saving editor: the file had {titles:?} as its title");
    // The kills landed both before the first save of a run and after some saves.
    if cycles >= 30 {
        assert!(titles.len() > 1, "{titles:?}");
        assert!(titles.iter().any(|t| t.ends_with("次保存")), "{titles:?}");
    }
}

/// The number of kill cycles and the random seed, from the environment (printed, to replay a
/// failure).
fn cycles_and_seed() -> (usize, u64) {
    let cycles: usize = std::env::var("LECTERN_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("LECTERN_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    println!("LECTERN_CRASH_SEED={seed} LECTERN_CRASH_CYCLES={cycles}");
    (cycles, seed)
}

/// Starts `child` (this test executable running one child test), waits until it says it is in
/// its saving loop, lets it run for `after`, and kills it.
fn run_and_kill(mut child: Command, after: Duration, cycle: usize) {
    let mut child = child
        .args(["--nocapture", "--test-threads", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        // libtest prints the test's name on the same line.
        .any(|line| line.contains(READY));
    assert!(ready, "cycle {cycle}: the child did not start");
    std::thread::sleep(after);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "cycle {cycle}: the child stopped by itself"
    );
}

/// xorshift64*: reproducible random sleeps without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(".tmp-"))
        .collect()
}

#[test]
fn killing_a_save_at_any_moment_leaves_the_old_or_the_new_file() {
    let (cycles, seed) = cycles_and_seed();
    let mut rng = Rng(seed);

    let contents = [content(0), content(1)];
    let sizes: Vec<usize> = contents
        .iter()
        .map(|c| storage::project_to_ron(c).len())
        .collect();
    assert!(sizes.iter().all(|&s| s > 150_000), "{sizes:?}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("speech.lectern");
    storage::save_project(&contents[0], &path).unwrap();
    let exe = std::env::current_exe().unwrap();

    let timer = Instant::now();
    storage::save_project(&contents[0], &path).unwrap();
    let one_save = timer.elapsed();
    let mut on_disk = 0;

    let start = Instant::now();
    let (mut found, mut found_bak) = ([0usize; 2], [0usize; 2]);
    let mut leftover_temps = 0;
    for cycle in 0..cycles {
        let mut child = Command::new(&exe);
        child
            .args(["--exact", "crash_safety::crash_child_save_loop"])
            .env(CHILD_ENV, &path)
            .env(CHILD_START_ENV, (1 - on_disk).to_string());
        run_and_kill(child, Duration::from_micros(rng.next() % 20_000), cycle);

        let loaded = storage::load_project(&path)
            .unwrap_or_else(|e| panic!("cycle {cycle} (seed {seed}): the file does not load: {e}"));
        let which = contents
            .iter()
            .position(|c| *c == loaded)
            .unwrap_or_else(|| panic!("cycle {cycle} (seed {seed}): neither old nor new"));
        found[usize::from(which != on_disk)] += 1;
        on_disk = which;

        let bak = storage::backup_path(&path);
        if bak.exists() {
            let loaded = storage::load_project(&bak).unwrap_or_else(|e| {
                panic!("cycle {cycle} (seed {seed}): the .bak does not load: {e}")
            });
            let which = contents
                .iter()
                .position(|c| *c == loaded)
                .unwrap_or_else(|| panic!("cycle {cycle} (seed {seed}): .bak is neither"));
            found_bak[which] += 1;
        }
        // A kill between writing a temporary file and renaming it leaves the temporary file;
        // count and clear them.
        for temp in temp_files(dir.path()) {
            leftover_temps += 1;
            std::fs::remove_file(temp).unwrap();
        }
    }
    let elapsed = start.elapsed();
    println!(
        "contents of {sizes:?} bytes, one save {one_save:.1?}; {cycles} kills in {elapsed:.1?}: \
         file kept the old content {}×, had the new one {}×; .bak A {}×, B {}×; \
         {leftover_temps} temporary files left by kills mid-write",
        found[0], found[1], found_bak[0], found_bak[1]
    );
    // The kills landed at different points of the loop: before and after the first save.
    if cycles >= 50 {
        assert!(found[0] > 0 && found[1] > 0, "{found:?}");
    }
}
