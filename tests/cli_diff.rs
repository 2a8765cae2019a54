//! `lectern diff`, run as the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use lectern::model::{Section, Speech};
use lectern::project::Project;
use lectern::storage;

use crate::sample;

use crate::output::{code, s, stdout};

fn lectern(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run lectern")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// A tiny parser, independent of the importer: paragraphs are separated by blank lines;
/// a paragraph starting with 一、 二、 … starts a section (the number is dropped); before the first
/// section is the opening, and from a paragraph starting with 同志们/同志們 after the sections on
/// is the closing.
fn parse(text: &str) -> Speech {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let mut speech = Speech::default();
    let mut in_closing = false;
    for p in paragraphs {
        let heading = [
            "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、",
        ]
        .iter()
        .find_map(|n| p.strip_prefix(n));
        if let Some(heading) = heading {
            speech.sections.push(Section::new(heading, Vec::new()));
        } else if let Some(section) = speech.sections.last_mut().filter(|_| !in_closing) {
            if p.starts_with("同志们") || p.starts_with("同志們") {
                in_closing = true;
                speech.closing.push(p);
            } else {
                section.paragraphs.push(p);
            }
        } else if in_closing {
            speech.closing.push(p);
        } else {
            speech.opening.push(p);
        }
    }
    speech
}

fn save(dir: &Path, name: &str, speech: Speech) -> PathBuf {
    let path = dir.join(name);
    storage::save_project(&Project::new(speech), &path).expect("save project");
    path
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

/// The changes of a JSON part: each maximal run of non-equal spans as (deleted, inserted).
fn changes(part: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_change = false;
    for span in part["spans"].as_array().expect("spans") {
        let text = span["text"].as_str().expect("text");
        match span["op"].as_str().expect("op") {
            "equal" => in_change = false,
            op => {
                if !in_change {
                    out.push((String::new(), String::new()));
                    in_change = true;
                }
                let last = out.last_mut().expect("change");
                if op == "delete" {
                    last.0.push_str(text);
                } else {
                    last.1.push_str(text);
                }
            }
        }
    }
    out
}

fn section_part(json: &Value, old_index: u64) -> &Value {
    json["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .find(|p| p["kind"] == "section" && p["old_index"] == old_index)
        .expect("section part")
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", "同志们：\n\n今天开会。\n");
    let b = write(dir.path(), "b.txt", "同志们：\n\n今天开会。\n");
    let c = write(dir.path(), "c.txt", "同志们：\n\n明天开会。\n");

    let same = lectern(&["diff", s(&a), s(&b)]);
    assert_eq!(code(&same), 0);
    assert_eq!(stdout(&same), "");

    let differ = lectern(&["diff", s(&a), s(&c)]);
    assert_eq!(code(&differ), 1);
    assert!(
        differ.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&differ.stderr)
    );
    assert!(
        stdout(&differ).contains("[-今-]{+明+}"),
        "{}",
        stdout(&differ)
    );

    let missing = lectern(&["diff", s(&a), s(&dir.path().join("nope.txt"))]);
    assert_eq!(code(&missing), 2);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.txt"));

    let bad = write(dir.path(), "bad.lectern", "this is not RON (");
    assert_eq!(code(&lectern(&["diff", s(&bad), s(&a)])), 2);
    assert_eq!(code(&lectern(&["diff", s(&a)])), 2, "usage error");
}

#[test]
fn json_has_every_part_and_the_documented_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = parse(include_str!("fixtures/diff/old.txt"));
    let new = parse(include_str!("fixtures/diff/new.txt"));
    let (parts_old, parts_new) = (old.sections.len(), new.sections.len());
    let a = save(dir.path(), "old.lectern", old);
    let b = save(dir.path(), "new.lectern", new);
    let out = lectern(&["diff", s(&a), s(&b), "--format", "json"]);
    assert_eq!(code(&out), 1);
    let json = json_of(&out);
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["parts", "summary"]);
    let parts = json["parts"].as_array().expect("parts");
    assert_eq!(parts.len(), 4 + parts_old.max(parts_new));
    for part in parts {
        let keys: Vec<&str> = part
            .as_object()
            .expect("part")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "kind",
                "old_index",
                "new_index",
                "old_heading",
                "new_heading",
                "status",
                "spans",
                "inserted_chars",
                "deleted_chars",
                "seconds_delta"
            ]
        );
        let kind = part["kind"].as_str().expect("kind");
        assert!(["title", "greeting", "opening", "section", "closing"].contains(&kind));
        let status = part["status"].as_str().expect("status");
        assert!(["unchanged", "modified", "moved", "added", "removed"].contains(&status));
        if kind != "section" {
            assert!(part["old_index"].is_null() && part["new_heading"].is_null());
        }
        for span in part["spans"].as_array().expect("spans") {
            assert!(["equal", "delete", "insert"].contains(&span["op"].as_str().expect("op")));
            assert!(span["text"].is_string());
        }
        assert!(part["seconds_delta"].is_number());
    }
    let kinds: Vec<&str> = parts
        .iter()
        .map(|p| p["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(&kinds[..3], ["title", "greeting", "opening"]);
    assert_eq!(kinds.last(), Some(&"closing"));
    let summary = json["summary"].as_object().expect("summary");
    let keys: Vec<&str> = summary.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "inserted_chars",
            "deleted_chars",
            "seconds_delta",
            "moved",
            "added",
            "removed",
            "modified"
        ]
    );
}

#[test]
fn draft_syntax() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("speech.lectern");
    let out = lectern(&["new", "-o", s(&project)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let out = lectern(&["draft", "save", s(&project), "--name", "v1"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));

    let mut loaded = storage::load_project(&project).expect("load");
    loaded.speech.title = "修改后的标题".into();
    storage::save_project(&loaded, &project).expect("save");

    let with_draft = format!("{}@v1", s(&project));
    let out = lectern(&["diff", &with_draft, s(&project), "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let json = json_of(&out);
    assert_eq!(json["parts"][0]["status"], "modified");
    assert_eq!(json["summary"]["modified"], 1);

    assert_eq!(code(&lectern(&["diff", &with_draft, &with_draft])), 0);
    assert_eq!(code(&lectern(&["diff", s(&project), s(&project)])), 0);
    let unknown = format!("{}@nope", s(&project));
    let out = lectern(&["diff", &unknown, s(&project)]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));

    // A plain file with @ in its name is just a path.
    let at = write(dir.path(), "notes@home.txt", "同志们：\n\n今天开会。\n");
    let other = write(dir.path(), "other.txt", "同志们：\n\n今天开会。\n");
    assert_eq!(code(&lectern(&["diff", s(&at), s(&other)])), 0);
}

#[test]
fn text_output_is_plain_when_piped_and_coloured_on_request() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = save(
        dir.path(),
        "a.lectern",
        parse(include_str!("fixtures/diff/old.txt")),
    );
    let b = save(
        dir.path(),
        "b.lectern",
        parse(include_str!("fixtures/diff/new.txt")),
    );
    let plain = stdout(&lectern(&["diff", s(&a), s(&b)]));
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(plain.contains("[-") && plain.contains("{+"), "{plain}");
    assert!(plain.contains("=== 三 → 二 "), "{plain}");
    assert!(plain.contains("(moved, "), "{plain}");
    let last = plain.lines().last().unwrap_or("");
    assert!(
        last.starts_with("1 modified, 2 moved, 0 added, 0 removed"),
        "{last}"
    );

    let colour = stdout(&lectern(&["diff", s(&a), s(&b), "--color", "always"]));
    assert!(colour.contains("\x1b[31m") && colour.contains("\x1b[32m"));
    assert!(!colour.contains("[-"));
    let never = stdout(&lectern(&["diff", s(&a), s(&b), "--color", "never"]));
    assert_eq!(never, plain);
}

/// The revision traits: sections 二 and 三 swapped, one paragraph of 一 removed, one phrase edited
/// in 一 and one in 三. Checks them through `lectern diff --format json`.
fn check_revision(dir: &Path, old: Speech, new: Speech, removed: &str, phrases: [&str; 2]) {
    let a = save(dir, "old.lectern", old);
    let b = save(dir, "new.lectern", new);
    for granularity in ["word", "char"] {
        let out = lectern(&[
            "diff",
            s(&a),
            s(&b),
            "--format",
            "json",
            "--granularity",
            granularity,
        ]);
        assert_eq!(code(&out), 1);
        let json = json_of(&out);
        assert_eq!(json["summary"]["moved"], 2, "{granularity}");
        assert_eq!(json["summary"]["added"], 0);
        assert_eq!(json["summary"]["removed"], 0);

        let first = section_part(&json, 0);
        assert_eq!(first["status"], "modified");
        let first_changes = changes(first);
        assert_eq!(first_changes.len(), 2, "{granularity}: {first_changes:?}");
        let deletions: Vec<&Value> = first["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .filter(|s| s["op"] == "delete" && s["text"].as_str().unwrap_or("").contains(removed))
            .collect();
        assert_eq!(deletions.len(), 1, "{granularity}");
        assert_eq!(
            deletions[0]["text"].as_str().map(|t| t.trim_matches('\n')),
            Some(removed)
        );
        let second = section_part(&json, 1);
        let third = section_part(&json, 2);
        assert_eq!(
            (&second["status"], &second["new_index"]),
            (&"moved".into(), &2.into())
        );
        assert_eq!(
            (&third["status"], &third["new_index"]),
            (&"moved".into(), &1.into())
        );
        assert!(changes(second).is_empty());
        let phrase_changes: Vec<(String, String)> = first_changes
            .into_iter()
            .filter(|(d, _)| d.trim_matches('\n') != removed)
            .chain(changes(third))
            .collect();
        assert_eq!(phrase_changes.len(), 2, "{granularity}: {phrase_changes:?}");
        for ((deleted, inserted), phrase) in phrase_changes.iter().zip(phrases) {
            assert!(!deleted.is_empty() && !inserted.is_empty());
            assert!(
                inserted.contains(phrase) || phrase.contains(inserted.as_str()),
                "{granularity}: {inserted:?} vs {phrase:?}"
            );
        }
    }
}

#[test]
fn fixture_revision_reads_as_moves_one_deletion_and_two_phrase_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = parse(include_str!("fixtures/diff/old.txt"));
    let new = parse(include_str!("fixtures/diff/new.txt"));
    assert_eq!(old.sections.len(), 3);
    let removed = old.sections[0].paragraphs[1].clone();
    check_revision(
        dir.path(),
        old,
        new,
        &removed,
        ["作为一项基础性工程来抓", "每月汇总情况并及时通报"],
    );
}

#[test]
fn sample_revision_reads_as_moves_one_deletion_and_two_phrase_edits() {
    let Some(text) = sample::sample_text() else {
        return;
    };
    let old = parse(&text);
    assert!(old.sections.len() >= 3, "the sample has three sections");
    let mut new = old.clone().with_fresh_ids();
    // Swap 二 and 三.
    new.sections.swap(1, 2);
    // Remove one paragraph of 一 (not next to the edited one).
    let first = &mut new.sections[0];
    assert!(first.paragraphs.len() >= 3, "section 一 has 3+ paragraphs");
    let removed = first.paragraphs.remove(2);
    // Edit a phrase in 一 and one in 三 (now second).
    let edit = |paragraph: &mut String, phrase: &str| {
        let chars: Vec<char> = paragraph.chars().collect();
        let kept_head: String = chars[..10].iter().collect();
        let kept_tail: String = chars[14..].iter().collect();
        *paragraph = format!("{kept_head}{phrase}{kept_tail}");
    };
    let phrases = ["我們今天另行提出", "按照新的部署安排"];
    edit(&mut new.sections[0].paragraphs[0], phrases[0]);
    edit(&mut new.sections[1].paragraphs[0], phrases[1]);
    check_revision(
        tempfile::tempdir().expect("tempdir").path(),
        old,
        new,
        &removed,
        phrases,
    );
}
