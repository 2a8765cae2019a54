//! Tests of recovery files and the autosaver.

use super::*;
use crate::model::Speech;

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

fn project(title: &str) -> Project {
    Project::new(Speech {
        title: title.into(),
        opening: vec!["同志们：今天我们召开会议。".into()],
        ..Speech::default()
    })
}

fn set_mtime(path: &Path, time: DateTime<Utc>) {
    let file = fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_modified(time.into()).unwrap();
}

#[test]
fn keys_are_stable_per_document_and_unique_per_new_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("讲话.lectern");
    fs::write(&doc, "x").unwrap();
    let a = RecoveryKey::for_document(&doc);
    let b = RecoveryKey::for_document(&dir.path().join(".").join("讲话.lectern"));
    assert_eq!(a, b);
    assert!(a.file_name().starts_with("doc-"));
    assert!(a.file_name().ends_with(RECOVERY_SUFFIX));
    assert_eq!(
        a.file_name().len(),
        "doc-".len() + 16 + RECOVERY_SUFFIX.len()
    );
    // A document not yet on disk gets the same key it will have once saved.
    let later = dir.path().join("later.lectern");
    let before = RecoveryKey::for_document(&later);
    fs::write(&later, "x").unwrap();
    assert_eq!(before, RecoveryKey::for_document(&later));
    assert_ne!(RecoveryKey::new_unsaved(), RecoveryKey::new_unsaved());
    assert_eq!(RecoveryKey::new_unsaved().document(), None);
}

#[test]
fn recovery_files_round_trip_and_never_touch_the_document() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path().join("recovery"));
    let doc = docs.path().join("speech.lectern");
    storage::save_project(&project("saved"), &doc).unwrap();
    let doc_bytes = fs::read(&doc).unwrap();
    set_mtime(&doc, at(1_000));
    let stamp = storage::stamp(&doc).unwrap();

    let key = RecoveryKey::for_document(&doc);
    let file = store
        .write(&key, &project("edited"), stamp.as_ref(), at(2_000))
        .unwrap();
    assert_eq!(file.parent(), Some(store.dir()));
    assert_eq!(fs::read(&doc).unwrap(), doc_bytes);

    let scan = store.pending().unwrap();
    assert_eq!(scan.pending.len(), 1, "{scan:?}");
    let entry = &scan.pending[0];
    assert_eq!(entry.key, key);
    assert_eq!(entry.document.as_deref(), key.document());
    assert_eq!(entry.written, at(2_000));
    assert_eq!(entry.document_stamp, stamp);
    assert_eq!(
        entry.status,
        RecoveryStatus::NewerThanDocument {
            changed_elsewhere: false
        }
    );
    assert_eq!(entry.load().unwrap(), project("edited"));
    // The recovery file is itself a .lectern file.
    assert_eq!(storage::load_project(&file).unwrap(), project("edited"));

    store.remove(&key).unwrap();
    store.remove(&key).unwrap();
    assert!(store.pending().unwrap().pending.is_empty());
}

#[test]
fn pending_only_when_the_document_lacks_the_recovered_edits() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = docs.path().join("a.lectern");
    storage::save_project(&project("v1"), &doc).unwrap();
    set_mtime(&doc, at(1_000));
    let stamp = storage::stamp(&doc).unwrap();
    let key = RecoveryKey::for_document(&doc);
    store
        .write(&key, &project("v2"), stamp.as_ref(), at(2_000))
        .unwrap();

    // Saved after the recovery was written (crash before removing it): stale.
    set_mtime(&doc, at(3_000));
    let scan = store.pending().unwrap();
    assert!(scan.pending.is_empty());
    assert_eq!(scan.stale.len(), 1);
    assert_eq!(scan.stale[0].status, RecoveryStatus::Stale);

    // Document holds exactly the recovered content, whatever its time: stale.
    storage::save_project(&project("v2"), &doc).unwrap();
    set_mtime(&doc, at(500));
    assert_eq!(store.pending().unwrap().stale.len(), 1);

    // Another program changed the document before the recovery: pending, flagged.
    fs::write(&doc, "(format_version: 1, speech: (title: \"other\"))").unwrap();
    set_mtime(&doc, at(1_500));
    let scan = store.pending().unwrap();
    assert_eq!(
        scan.pending[0].status,
        RecoveryStatus::NewerThanDocument {
            changed_elsewhere: true
        }
    );

    // Document deleted: pending.
    fs::remove_file(&doc).unwrap();
    assert_eq!(
        store.pending().unwrap().pending[0].status,
        RecoveryStatus::DocumentMissing
    );

    // Never saved: pending.
    let unsaved = RecoveryKey::new_unsaved();
    store
        .write(&unsaved, &project("new"), None, at(2_500))
        .unwrap();
    let scan = store.pending().unwrap();
    assert_eq!(scan.pending.len(), 2);
    assert_eq!(scan.pending[1].status, RecoveryStatus::NeverSaved);
    assert_eq!(scan.pending[1].key, unsaved);
    assert_eq!(scan.pending[1].load().unwrap(), project("new"));
}

#[test]
fn damaged_recovery_files_are_listed_not_fatal() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let good = RecoveryKey::new_unsaved();
    store.write(&good, &project("ok"), None, at(10)).unwrap();
    let cases: [(&str, &[u8]); 5] = [
        ("doc-empty", b""),
        ("doc-noheader", b"(format_version: 1)"),
        ("doc-binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        (
            "doc-truncated",
            b"// lectern-recovery: (recovery_version: 1, docu",
        ),
        (
            "doc-newer",
            b"// lectern-recovery: (recovery_version: 9, future: 1)\n()",
        ),
    ];
    for (stem, bytes) in cases {
        fs::write(data.path().join(format!("{stem}{RECOVERY_SUFFIX}")), bytes).unwrap();
    }
    // Not recovery files: ignored.
    fs::write(data.path().join("notes.txt"), "x").unwrap();
    fs::write(data.path().join(".doc-x.recovery.lectern.tmp-1-2"), "x").unwrap();
    fs::create_dir(data.path().join("sub")).unwrap();
    let scan = store.pending().unwrap();
    assert_eq!(scan.pending.len(), 1);
    assert_eq!(scan.unreadable.len(), cases.len(), "{scan:?}");
    assert!(
        scan.unreadable
            .iter()
            .any(|u| matches!(u.error, Error::NewerVersion { found: 9, .. }))
    );
    for u in &scan.unreadable {
        assert!(u.error.to_string().contains(&*u.file.to_string_lossy()));
        store.remove_file(&u.file).unwrap();
    }
    assert!(store.pending().unwrap().unreadable.is_empty());
    // A header that parses but a body that does not: listed, load() says why.
    let bad_body = data.path().join(format!("doc-body{RECOVERY_SUFFIX}"));
    fs::write(
        &bad_body,
        format!(
            "{HEADER_PREFIX}(recovery_version: 1, document: None, written: \"1970-01-01T00:00:10Z\", document_stamp: None, project_hash: 0)\n(speech: (title: 5))"
        ),
    )
    .unwrap();
    let scan = store.pending().unwrap();
    let entry = scan.pending.iter().find(|e| e.file == bad_body).unwrap();
    assert!(matches!(entry.load(), Err(Error::BadProject { .. })));
    // Only recovery files in the store can be removed through it.
    assert!(store.remove_file(&data.path().join("notes.txt")).is_err());
    assert!(data.path().join("notes.txt").exists());
}

#[test]
fn a_missing_store_folder_has_nothing_pending() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path().join("not-yet"));
    let scan = store.pending().unwrap();
    assert!(scan.pending.is_empty() && scan.unreadable.is_empty());
}

#[cfg(unix)]
#[test]
fn non_unicode_document_paths_survive() {
    use std::os::unix::ffi::OsStrExt;
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let doc = docs
        .path()
        .join(std::ffi::OsStr::from_bytes(b"bad\xffname\n.lectern"));
    let key = RecoveryKey::for_document(&doc);
    store.write(&key, &project("x"), None, at(10)).unwrap();
    let scan = store.pending().unwrap();
    assert_eq!(scan.pending[0].document.as_deref(), key.document());
    assert_eq!(scan.pending[0].status, RecoveryStatus::DocumentMissing);
}

#[test]
fn data_folder_override() {
    let platform = || Some(PathBuf::from("/home/u/.local/share/lectern"));
    assert_eq!(
        data_dir_from(Some("/tmp/x".into()), platform),
        Some(PathBuf::from("/tmp/x"))
    );
    assert_eq!(data_dir_from(Some("".into()), platform), platform());
    assert_eq!(data_dir_from(None, platform), platform());
    assert_eq!(data_dir_from(None, || None), None);
}

#[test]
fn autosaver_waits_for_a_pause() {
    let mut saver = Autosaver::default();
    assert_eq!(saver.delay_secs(), 2.0);
    assert!(!saver.due(100.0), "nothing edited");
    saver.note_edit(10.0);
    assert!(!saver.due(11.9));
    saver.note_edit(11.0);
    assert!(!saver.due(12.9), "the delay counts from the last edit");
    assert!(saver.due(13.0));
    assert_eq!(saver.secs_until_due(12.5), Some(0.5));
    saver.written(13.0);
    assert!(!saver.has_unwritten_edits());
    assert!(!saver.due(100.0));
    assert_eq!(saver.secs_until_due(100.0), None);
}

#[test]
fn autosaver_writes_during_non_stop_typing() {
    let mut saver = Autosaver::new(2.0);
    for tenth in 0..=150 {
        let now = f64::from(tenth) / 10.0;
        saver.note_edit(now);
        if saver.due(now) {
            assert!(now >= DEFAULT_MAX_WAIT_SECS);
            saver.written(now);
            return;
        }
    }
    panic!("never due while typing");
}

#[test]
fn autosaver_keeps_edits_made_while_writing() {
    let mut saver = Autosaver::new(1.0);
    saver.note_edit(0.0);
    assert!(saver.due(1.0));
    // Snapshot taken at 1.0, an edit lands at 1.2, the write finishes later.
    saver.note_edit(1.2);
    saver.written(1.0);
    assert!(saver.has_unwritten_edits());
    assert!(!saver.due(2.1));
    assert!(saver.due(2.2));
}

#[test]
fn autosaver_delay_is_bounded_and_clock_jumps_are_safe() {
    assert_eq!(Autosaver::new(60.0).delay_secs(), MAX_AUTOSAVE_DELAY_SECS);
    assert_eq!(Autosaver::new(-1.0).delay_secs(), 0.0);
    assert_eq!(
        Autosaver::new(f64::NAN).delay_secs(),
        DEFAULT_AUTOSAVE_DELAY_SECS
    );
    let mut saver = Autosaver::new(5.0);
    saver.note_edit(1_000.0);
    assert!(
        saver.due(5.0),
        "clock went backwards: write rather than wait"
    );
    assert!(saver.due(f64::NAN));
    let mut instant = Autosaver::new(0.0);
    instant.note_edit(3.0);
    assert!(instant.due(3.0));
}
