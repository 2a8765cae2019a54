//! The import preview in the window: a GBK text file and a reviewed `.docx` open through it;
//! roles change by mouse and by keyboard; Import makes the speech, Cancel/Escape changes nothing.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use lectern::editor::{Action, REVIEWER_DRAFT};
use lectern::ui::UiPrefs;
use lectern::ui::i18n::UiLanguage;

use crate::docx_support::{del, docx, ins, paragraph, run};
use crate::support::{app_with, harness, headings, new_harness, press_command, send, shows};

const SPEECH: &str = "在全市工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n一、提高认识\n\n认识到位。\n\n二、狠抓落实\n\n抓好落实。\n\n谢谢大家！\n";

fn gbk_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("讲话.txt");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(SPEECH);
    assert!(!unmappable);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_gbk_file_shows_the_preview_and_roles_change_by_mouse_and_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = new_harness();
    let before = harness.state().editor().speech().clone();
    dialogs.push(Some(gbk_file(&dir)));
    press_command(&mut harness, Key::O);
    harness.run();
    assert!(shows(&harness, "Import preview"));
    assert!(
        harness
            .query_by_label_contains("Encoding: GB18030 (GBK)")
            .is_some()
    );
    assert!(shows(&harness, "What the importer guessed"));
    // Nothing changed yet.
    assert_eq!(harness.state().editor().speech(), &before);
    // By mouse: a paragraph becomes a section heading.
    harness.get_by_label("认识到位。").click();
    harness.run();
    harness.get_by_label("Section heading (H)").click();
    harness.run();
    // By keyboard: Down selects the next line (the second heading), P makes it plain.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::P);
    harness.run();
    let state = harness.state().editor().import_preview().unwrap();
    let selected = &state.preview.lines[state.selected];
    assert_eq!(selected.text, "二、狠抓落实");
    assert!(selected.mark.is_some());
    harness.get_by_label("Import").click();
    harness.run();
    assert!(!shows(&harness, "Import preview"));
    assert_eq!(headings(&harness), ["提高认识", "认识到位。"]);
    let ed = harness.state().editor();
    assert_eq!(ed.speech().title, "在全市工作会议上的讲话");
    assert!(ed.path().is_none());
}

#[test]
fn enter_accepts_the_preview_so_it_works_by_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = new_harness();
    dialogs.push(Some(gbk_file(&dir)));
    press_command(&mut harness, Key::O);
    harness.run();
    assert!(shows(&harness, "Import preview"));
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!shows(&harness, "Import preview"));
    assert_eq!(
        harness.state().editor().speech().title,
        "在全市工作会议上的讲话"
    );
}

#[test]
fn cancel_and_escape_leave_everything_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = gbk_file(&dir);
    let (mut harness, dialogs) = new_harness();
    let before = harness.state().editor().speech().clone();
    dialogs.push(Some(path.clone()));
    press_command(&mut harness, Key::O);
    harness.run();
    assert!(shows(&harness, "Import preview"));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!shows(&harness, "Import preview"));
    assert_eq!(harness.state().editor().speech(), &before);
    send(&mut harness, Action::OpenPath(path));
    harness.run();
    assert!(shows(&harness, "Import preview"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Import preview"));
    assert_eq!(harness.state().editor().speech(), &before);
    assert!(!harness.state().editor().is_modified());
}

#[test]
fn a_reviewed_docx_opens_as_the_original_with_the_reviewers_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("审阅.docx");
    let paragraphs = vec![
        paragraph("Title", &run("在全市工作会议上的讲话")),
        paragraph("", &run("同志们：")),
        paragraph("", &run("今天召开会议。")),
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
    ];
    std::fs::write(&path, docx(&paragraphs, None, &[])).unwrap();
    let (mut harness, _) = new_harness();
    send(&mut harness, Action::OpenPath(path));
    harness.run();
    assert!(shows(&harness, "Import preview"));
    assert!(
        harness
            .query_by_label_contains("Word document (.docx)")
            .is_some()
    );
    harness.get_by_label("Import").click();
    harness.run();
    let ed = harness.state().editor();
    assert_eq!(ed.speech().title, "在全市工作会议上的讲话");
    assert_eq!(ed.speech().sections[0].paragraphs, ["我们要加强学习。"]);
    assert_eq!(ed.drafts().len(), 1);
    assert_eq!(ed.drafts()[0].name, REVIEWER_DRAFT);
    assert_eq!(
        ed.drafts()[0].speech.sections[0].paragraphs,
        ["我们必须加强学习。"]
    );
}

#[test]
fn the_preview_is_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, title, encoding, button) in [
        (
            UiLanguage::ZhHans,
            "导入预览",
            "编码： GB18030 (GBK)",
            "部分标题 (H)",
        ),
        (
            UiLanguage::ZhHant,
            "匯入預覽",
            "編碼： GB18030 (GBK)",
            "部分標題 (H)",
        ),
    ] {
        let dialogs = lectern::editor::ScriptedDialogs::new();
        let prefs = UiPrefs {
            language: Some(lang),
            ..UiPrefs::default()
        };
        let mut harness = harness(app_with(&dialogs, prefs));
        send(&mut harness, Action::OpenPath(gbk_file(&dir)));
        harness.run();
        assert!(shows(&harness, title));
        assert!(harness.query_by_label_contains(encoding).is_some());
        assert!(shows(&harness, button));
        assert!(!shows(&harness, "Import preview"));
    }
}

#[test]
fn the_preview_fits_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (1..=80).map(|i| format!("第{i}段的文字。\n\n")).collect();
    let path = dir.path().join("长.txt");
    std::fs::write(&path, format!("{SPEECH}\n{long}")).unwrap();
    let dialogs = lectern::editor::ScriptedDialogs::new();
    let prefs = UiPrefs {
        language: Some(UiLanguage::En),
        ..UiPrefs::default()
    };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_context_setup(lectern::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut lectern::ui::LecternApp| app.pass_ui(ui),
            app_with(&dialogs, prefs),
        );
    send(&mut harness, Action::OpenPath(path));
    harness.run();
    for label in [
        "Import",
        "Cancel",
        "Importer's guess (A)",
        "Plain paragraph (P)",
    ] {
        let rect = harness.get_by_label(label).rect();
        assert!(
            rect.min.x >= 0.0 && rect.max.x <= 1024.0 && rect.max.y <= 700.0,
            "{label} at {rect:?}"
        );
    }
}
