//! The Export dialog (text, Markdown, Word, PDF, with a first-page preview), the notice after an
//! export with "Open folder", and Print.

use crate::support::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use lectern::editor::{RecordingOpener, ScriptedDialogs};
use lectern::ui::i18n::UiLanguage;
use lectern::ui::{LecternApp, UiPrefs};

fn harness_with(
    lang: UiLanguage,
) -> (
    Harness<'static, LecternApp>,
    ScriptedDialogs,
    RecordingOpener,
) {
    let dialogs = ScriptedDialogs::new();
    let opener = RecordingOpener::new();
    let prefs = UiPrefs {
        language: Some(lang),
        ..UiPrefs::default()
    };
    let harness = harness(app_with_opener(&dialogs, prefs, &opener));
    (harness, dialogs, opener)
}

fn click(harness: &mut Harness<'static, LecternApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn pdf_reading_copy_previews_its_first_page_exports_and_offers_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs, opener) = harness_with(UiLanguage::En);
    type_into(&mut harness, "Title", "在全市工作会议上的讲话");
    type_into(
        &mut harness,
        "Text: Section 1",
        "一要提高站位。二要狠抓落实。",
    );
    press_command(&mut harness, Key::E);
    // Text first, as before: the text preview and no layout.
    assert!(shows(&harness, "Plain text"));
    assert!(!shows(&harness, "Layout"));
    click(&mut harness, "PDF");
    click(&mut harness, "Reading copy in large type (大字版)");
    harness.run();

    // The first page is drawn, named by its text; the page count and the fonts are shown.
    let preview = harness.get_by_label_contains("Preview of the first page");
    let name = preview.accesskit_node().label().unwrap_or_default();
    assert!(name.contains("在全市工作会议上的讲话"), "{name}");
    assert!(name.contains("一要提高站位。"), "{name}");
    assert!(shows(&harness, "Page 1 of 1"));
    assert!(shows(&harness, "Fonts embedded in the PDF:"));
    let body_font = {
        let app = harness.state();
        let ed = app.editor();
        let laid = lectern::export::layout(
            ed.speech(),
            &ed.print_choices().print_options(&ed.doc().settings),
            lectern::export::FontLibrary::system(),
        );
        let body = laid
            .font_report()
            .role(lectern::export::Role::Body)
            .cloned();
        lectern::ui::i18n::font_line(UiLanguage::En, &body.unwrap()).0
    };
    assert!(body_font.starts_with("Text: "), "{body_font}");
    assert!(shows(&harness, &body_font), "{body_font}");
    assert!(shows(
        &harness,
        "The next page's first words at the foot (接下页)"
    ));

    let path = dir.path().join("讲话.pdf");
    dialogs.push(Some(path.clone()));
    click(&mut harness, "Save to file…");
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    assert!(!shows(&harness, "Save to file…"), "the dialog closed");
    let notice = format!("The speech was exported to:\n{}", path.display());
    assert!(shows(&harness, &notice), "{notice}");
    click(&mut harness, "Open folder");
    assert_eq!(opener.opened(), [dir.path().to_path_buf()]);
    assert!(!shows(&harness, "Open folder"), "the notice went");

    // The dialog opens again with the last choices.
    press_command(&mut harness, Key::E);
    assert!(shows(&harness, "Layout"));
    assert!(
        harness
            .query_by_label_contains("Preview of the first page")
            .is_some()
    );
}

#[test]
fn word_export_writes_a_docx_and_lists_the_named_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs, _) = harness_with(UiLanguage::En);
    press_command(&mut harness, Key::E);
    click(&mut harness, "Word (.docx)");
    assert!(shows(&harness, "Official layout (公文, GB/T 9704)"));
    assert!(
        harness
            .query_by_label_contains("仿宋_GB2312 / Times New Roman")
            .is_some()
    );
    let path = dir.path().join("out.docx");
    dialogs.push(Some(path.clone()));
    click(&mut harness, "Save to file…");
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
}

#[test]
fn print_opens_a_pdf_in_the_viewer_or_says_where_it_is() {
    let (mut harness, dialogs, opener) = harness_with(UiLanguage::En);
    // From the File menu.
    click(&mut harness, "File");
    click(&mut harness, "Print…");
    let opened = opener.opened();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].extension().and_then(|e| e.to_str()), Some("pdf"));
    assert!(std::fs::read(&opened[0]).unwrap().starts_with(b"%PDF"));
    assert!(opened[0].to_string_lossy().contains("(gongwen)"));
    assert!(dialogs.calls().is_empty(), "no file picker");
    assert!(
        harness
            .query_by_label_contains("print it from there")
            .is_some()
    );

    // By Ctrl+P, with no viewer: an error naming the PDF.
    opener.set_failing(true);
    press_command(&mut harness, Key::P);
    assert_eq!(opener.opened().len(), 2);
    let message = messages(&harness)[0].clone();
    assert!(message.contains("No program to show the PDF"), "{message}");
    assert!(message.contains(&*opened[0].to_string_lossy()), "{message}");
}

#[test]
fn the_dialog_keeps_its_size_between_openings_and_fits_a_small_window() {
    let (mut harness, _, _) = harness_with(UiLanguage::En);
    harness.set_size(egui::vec2(1024.0, 700.0));
    press_command(&mut harness, Key::E);
    click(&mut harness, "PDF");
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 700.0));
    for label in ["Save to file…", "Print…", "Close"] {
        let rect = harness.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?}");
    }
    let before = harness.state().view_state().export_dialog_size.unwrap();
    // Drag the dialog's corner (the modal is centred) to make it smaller.
    let corner = screen.center() + before / 2.0 - egui::vec2(2.0, 2.0);
    harness.hover_at(corner);
    harness.run();
    harness.drag_at(corner);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(corner - egui::vec2(16.0, 12.0) * step as f32);
        harness.run();
    }
    harness.drop_at(corner - egui::vec2(80.0, 60.0));
    harness.run();
    let resized = harness.state().view_state().export_dialog_size.unwrap();
    assert!(resized.x < before.x - 20.0, "{before:?} → {resized:?}");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!shows(&harness, "Save to file…"));
    press_command(&mut harness, Key::E);
    harness.run();
    let again = harness.state().view_state().export_dialog_size.unwrap();
    assert!((again - resized).length() < 1.0, "{resized:?} → {again:?}");
}

/// Words of Latin letters in `text` that are not names (fonts, formats, the standard).
fn english_words(text: &str, names: &[String]) -> Vec<String> {
    let mut cleaned = text.to_string();
    for name in names {
        cleaned = cleaned.replace(name.as_str(), "");
    }
    for allowed in ["PDF", "Word", "docx", "GB/T", "Times New Roman", "Markdown"] {
        cleaned = cleaned.replace(allowed, "");
    }
    cleaned
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_chinese_export_dialog_has_no_english() {
    let (mut harness, _, opener) = harness_with(UiLanguage::ZhHans);
    press_command(&mut harness, Key::E);
    click(&mut harness, "PDF");
    click(&mut harness, "讲话稿大字版");
    harness.run();
    assert!(shows(&harness, "版式"));
    assert!(shows(&harness, "第 1 页，共 1 页"));
    assert!(harness.query_by_label_contains("第一页预览").is_some());
    let fonts: Vec<String> = {
        let app = harness.state();
        let ed = app.editor();
        let choices = ed.print_choices();
        let laid = lectern::export::layout(
            ed.speech(),
            &choices.print_options(&ed.doc().settings),
            lectern::export::FontLibrary::system(),
        );
        laid.font_report()
            .roles
            .iter()
            .flat_map(|r| [r.used.clone(), r.wanted.clone()])
            .collect()
    };
    let mut labels: Vec<String> = harness
        .root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(labels.iter().any(|l| l.contains("正文：")), "{labels:?}");
    // The manuscript's options too, and the Word fonts.
    click(&mut harness, "英文讲稿");
    click(&mut harness, "Word 文档（.docx）");
    labels.extend(
        harness
            .root()
            .children_recursive()
            .filter_map(|n| n.accesskit_node().label()),
    );
    assert!(
        labels.iter().any(|l| l == "首行注明以实际讲话为准"),
        "{labels:?}"
    );
    // egui names its panels' splitters itself ("Resize panel"): not our text.
    for label in labels.iter().filter(|l| *l != "Resize panel") {
        // The preview is named by its page's text: the speech's, not the interface's.
        let label = label.split('\n').next().unwrap_or_default();
        let words = english_words(label, &fonts);
        assert!(words.is_empty(), "{label:?}: {words:?}");
    }
    // Print's error in Chinese names the file.
    harness.key_press(Key::Escape);
    harness.run();
    opener.set_failing(true);
    press_command(&mut harness, Key::P);
    let message = messages(&harness)[0].clone();
    assert!(message.starts_with("无法启动显示 PDF 的程序"), "{message}");
    assert!(message.ends_with(".pdf"), "{message}");
}
