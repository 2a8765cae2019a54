//! The details and notes panes: the speech's speaker, occasion, date, language and notes.

use crate::support::{new_harness, send, type_into};
use egui_kittest::kittest::Queryable;
use lectern::editor::Action;
use lectern::model::Language;

#[test]
fn details_and_notes_are_edited_through_commands_and_undone() {
    let (mut harness, _dialogs) = new_harness();
    harness.get_by_label("Details").click();
    harness.run();
    type_into(&mut harness, "Speaker", "王主任");
    assert_eq!(harness.state().editor().speech().meta.speaker, "王主任");

    harness.get_by_label("Language of the speech").click();
    harness.run();
    harness.get_by_label("繁體中文 (zh-Hant)").click();
    harness.run();
    assert_eq!(
        harness.state().editor().speech().meta.language,
        Language::ZhHant
    );

    harness.get_by_label("Notes").click();
    harness.run();
    let notes_help =
        "Kept with the speech, never exported (an import puts here what it found above the title).";
    type_into(&mut harness, notes_help, "会前再核对数字");
    assert_eq!(harness.state().editor().speech().notes, ["会前再核对数字"]);

    send(&mut harness, Action::Undo);
    assert!(harness.state().editor().speech().notes.is_empty());
    send(&mut harness, Action::Undo);
    assert_eq!(
        harness.state().editor().speech().meta.language,
        Language::ZhHans
    );
}
