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
                "moved_chars",
                "ignored",
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
            "moved_chars",
            "paragraph_moves",
            "ignored",
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

/// A JSON part's old side (`equal` as the old side writes it, `delete`) and new side (`equal` as
/// the new side writes it, `insert`).
fn json_sides(part: &Value) -> (String, String) {
    let (mut old, mut new) = (String::new(), String::new());
    for span in part["spans"].as_array().expect("spans") {
        let text = span["text"].as_str().expect("text");
        match span["op"].as_str().expect("op") {
            "equal" => {
                old.push_str(text);
                new.push_str(span["new_text"].as_str().unwrap_or(text));
            }
            "delete" => old.push_str(text),
            _ => new.push_str(text),
        }
    }
    (old, new)
}

/// A section's text as the diff sees it: heading and paragraphs joined with `\n`.
fn section_text(section: &Section) -> String {
    std::iter::once(section.heading.as_str())
        .chain(section.paragraphs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every change of a JSON diff (all parts).
fn all_changes(json: &Value) -> Vec<(String, String)> {
    json["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .flat_map(changes)
        .collect()
}

#[test]
fn ignore_width_shows_only_the_real_edit_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = include_str!("fixtures/diff/old.txt");
    let marks = text
        .chars()
        .filter(|c| matches!(c, ',' | ':' | '(' | ')'))
        .count();
    assert!(marks > 20, "the fixture has ASCII punctuation: {marks}");
    // The reviewer's copy: every ASCII , : ( ) full-width, plus one real edit.
    let reviewed = text
        .replace(',', "，")
        .replace(':', "：")
        .replace('(', "（")
        .replace(')', "）")
        .replace("请大家认真学习借鉴", "请大家认真学习");
    let a = save(dir.path(), "old.lectern", parse(text));
    let b = save(dir.path(), "new.lectern", parse(&reviewed));

    let plain = json_of(&lectern(&["diff", s(&a), s(&b), "--format", "json"]));
    assert!(all_changes(&plain).len() > 10, "{:?}", all_changes(&plain));
    assert_eq!(plain["summary"]["ignored"], 0);

    for granularity in ["word", "char"] {
        let out = lectern(&[
            "diff",
            s(&a),
            s(&b),
            "--ignore-width",
            "--format",
            "json",
            "--granularity",
            granularity,
        ]);
        assert_eq!(code(&out), 1);
        let json = json_of(&out);
        let found = all_changes(&json);
        assert_eq!(
            found,
            [("借鉴".to_string(), String::new())],
            "{granularity}"
        );
        assert_eq!(json["summary"]["ignored"], marks, "{granularity}");
        assert_eq!(json["summary"]["deleted_chars"], 2);
        // Equal + delete still spell the old text, equal (new side) + insert the new one.
        let old = parse(text);
        let new = parse(&reviewed);
        for part in json["parts"].as_array().expect("parts") {
            if part["kind"] != "section" {
                continue;
            }
            let i = part["old_index"].as_u64().expect("matched") as usize;
            let (o, n) = json_sides(part);
            assert_eq!(o, section_text(&old.sections[i]));
            assert_eq!(n, section_text(&new.sections[i]));
        }
    }

    let text_out = stdout(&lectern(&["diff", s(&a), s(&b), "--ignore-width"]));
    let last = text_out.lines().last().unwrap_or("");
    assert!(
        last.ends_with(&format!("; ignored: {marks} width/space differences")),
        "{last}"
    );
    assert_eq!(text_out.matches("[-").count(), 1, "{text_out}");

    // Runs of spaces count unless -w.
    let spaced = reviewed.replace("主要任务是", "主要任务是  ");
    let c = save(dir.path(), "spaced.lectern", parse(&spaced));
    let width_only = json_of(&lectern(&[
        "diff",
        s(&a),
        s(&c),
        "--ignore-width",
        "--format",
        "json",
    ]));
    assert_eq!(all_changes(&width_only).len(), 2);
    let both = json_of(&lectern(&[
        "diff",
        s(&a),
        s(&c),
        "--ignore-width",
        "-w",
        "--format",
        "json",
    ]));
    // "是" followed by no space is not a run of spaces: still a change.
    assert_eq!(all_changes(&both).len(), 2);
    let d = save(
        dir.path(),
        "respaced.lectern",
        parse(&reviewed.replace("主要任务是总结", "主要任务是 总结")),
    );
    let e = save(
        dir.path(),
        "respaced2.lectern",
        parse(&reviewed.replace("主要任务是总结", "主要任务是  \t总结")),
    );
    let out = lectern(&["diff", s(&d), s(&e), "-w"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "no differences; ignored: 1 width/space difference\n"
    );
}

/// `speech` with section `index` split after `keep` paragraphs by a new section `heading`.
fn split_section(speech: &Speech, index: usize, keep: usize, heading: &str) -> Speech {
    let mut new = speech.clone();
    let tail = new.sections[index].paragraphs.split_off(keep);
    new.sections.insert(index + 1, Section::new(heading, tail));
    new
}

fn check_split(dir: &Path, old: Speech, index: usize, keep: usize) {
    let heading = "加强督促检查";
    let moved = old.sections[index].paragraphs.len() - keep;
    let new = split_section(&old, index, keep, heading);
    let a = save(dir, "old.lectern", old.clone());
    let b = save(dir, "new.lectern", new.clone());
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
        let json = json_of(&out);
        let summary = &json["summary"];
        assert_eq!(summary["paragraph_moves"], 1, "{granularity}: {summary}");
        assert_eq!(summary["added"], 1);
        assert_eq!(summary["moved"], 0, "a split renumbers, it does not move");
        assert_eq!(summary["deleted_chars"], 0);
        assert_eq!(summary["inserted_chars"], heading.chars().count());
        let moved_chars: usize = old.sections[index].paragraphs[keep..]
            .iter()
            .map(|p| p.chars().count() + 1)
            .sum();
        assert_eq!(summary["moved_chars"], moved_chars);
        let parts = json["parts"].as_array().expect("parts");
        let added = parts
            .iter()
            .position(|p| p["status"] == "added")
            .expect("added");
        let source = parts
            .iter()
            .position(|p| p["kind"] == "section" && p["old_index"] == index)
            .expect("source");
        let arrived: Vec<&Value> = parts[added]["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .filter(|s| s.get("moved_from").is_some())
            .collect();
        assert_eq!(arrived.len(), 1);
        assert_eq!(arrived[0]["moved_from"]["part"], source);
        assert_eq!(arrived[0]["moved_from"]["paragraphs"], moved);
        let left: Vec<&Value> = parts[source]["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .filter(|s| s.get("moved_to").is_some())
            .collect();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0]["moved_to"]["part"], added);
        assert_eq!(left[0]["op"], "delete");
        // Both sides still rebuild.
        for part in parts.iter().filter(|p| p["kind"] == "section") {
            let (o, n) = json_sides(part);
            let want_old = part["old_index"]
                .as_u64()
                .map_or(String::new(), |i| section_text(&old.sections[i as usize]));
            let want_new = part["new_index"]
                .as_u64()
                .map_or(String::new(), |i| section_text(&new.sections[i as usize]));
            assert_eq!((o, n), (want_old, want_new));
        }
    }
    let text = stdout(&lectern(&["diff", s(&a), s(&b)]));
    let plural = if moved > 1 {
        format!(" ({moved} paragraphs)")
    } else {
        String::new()
    };
    let (from, to) = (
        ["一", "二", "三", "四"][index],
        ["一", "二", "三", "四", "五"][index + 1],
    );
    assert!(
        text.contains(&format!("moved from {from}{plural}")),
        "{text}"
    );
    assert!(text.contains(&format!("moved to {to}{plural}")), "{text}");
    let last = text.lines().last().unwrap_or("");
    assert!(
        last.contains(&format!(
            "{} chars inserted, 0 deleted, {} moved in 1 paragraph move;",
            heading.chars().count(),
            old.sections[index].paragraphs[keep..]
                .iter()
                .map(|p| p.chars().count() + 1)
                .sum::<usize>()
        )),
        "{last}"
    );
}

#[test]
fn a_split_section_reads_as_a_new_heading_and_moved_paragraphs() {
    let dir = tempfile::tempdir().expect("tempdir");
    check_split(
        dir.path(),
        parse(include_str!("fixtures/diff/old.txt")),
        0,
        1,
    );
    let Some(text) = sample::sample_text() else {
        return;
    };
    let old = parse(&text);
    let len = old.sections[1].paragraphs.len();
    assert!(len >= 4, "section 二 of the sample has paragraphs: {len}");
    check_split(
        tempfile::tempdir().expect("tempdir").path(),
        old,
        1,
        len / 2,
    );
}
