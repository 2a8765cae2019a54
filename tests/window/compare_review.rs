//! The compare view for a revision round, driven by label: the default pair, the width at a
//! laptop's 1024 × 700, changes only (folding and unfolding by click), reviewing a reviewer's
//! copy (take / keep mine with the count of what is left, F8 to the next open change), and the
//! Merge reviews dialog.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use lectern::editor::{Action, Edit, Version};
use lectern::part::Field;
use lectern::ui::LecternApp;

type H = Harness<'static, LecternApp>;

fn set(harness: &mut H, field: Field, text: &str) {
    send(
        harness,
        Action::Edit(Edit::SetField {
            field,
            text: text.into(),
        }),
    );
}

fn section_id(harness: &H, index: usize) -> lectern::model::SectionId {
    harness.state().editor().speech().sections[index].id
}

fn click(harness: &mut H, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the last widget labelled `label` (an entry of an open list, drawn over the rest).
fn click_last(harness: &mut H, label: &str) {
    harness
        .query_all_by_label(label)
        .last()
        .unwrap_or_else(|| panic!("no {label}"))
        .click();
    harness.run_steps(8);
}

/// Whether at least one widget is labelled `label`.
fn any(harness: &H, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// The labels of the widgets whose label contains `part`.
fn labels_with(harness: &H, part: &str) -> Vec<String> {
    harness
        .query_all_by_label_contains(part)
        .map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value()).unwrap_or_default()
        })
        .collect()
}

fn save_draft(harness: &mut H, name: &str) {
    send(
        harness,
        Action::SaveDraftNamed {
            name: name.into(),
            note: None,
        },
    );
}

/// A known speech: a title, no opening or closing, three sections of one paragraph.
fn known_speech(harness: &mut H) {
    set(harness, Field::Title, "在全市工作会议上的讲话");
    set(harness, Field::Greeting, "同志们：");
    set(harness, Field::Opening, "");
    set(harness, Field::Closing, "");
    let texts = [
        ("提高站位", "一要学习。二要落实。"),
        ("狠抓落实", "三要检查。"),
        ("改进作风", "四要务实。"),
    ];
    for (i, (heading, body)) in texts.into_iter().enumerate() {
        let id = section_id(harness, i);
        set(harness, Field::Heading(id), heading);
        set(harness, Field::Body(id), body);
    }
}

/// A paragraph of `n` CJK characters (no punctuation until the end).
fn long_paragraph(n: usize, seed: char) -> String {
    let base =
        "全面贯彻落实各项决策部署切实推动经济社会高质量发展不断增强人民群众获得感幸福感安全感";
    let mut text: String = std::iter::once(seed)
        .chain(base.chars().cycle())
        .take(n)
        .collect();
    text.push('。');
    text
}

/// A long speech: three sections of `per_section` long paragraphs.
fn long_speech(harness: &mut H, per_section: usize) {
    known_speech(harness);
    for i in 0..3 {
        let id = section_id(harness, i);
        let body: Vec<String> = (0..per_section)
            .map(|p| {
                long_paragraph(
                    120,
                    char::from_u32(0x4e00 + (i * 50 + p) as u32).unwrap_or('一'),
                )
            })
            .collect();
        set(harness, Field::Body(id), &body.join("\n"));
    }
}

fn sized(size: egui::Vec2) -> (H, lectern::editor::ScriptedDialogs) {
    let dialogs = lectern::editor::ScriptedDialogs::new();
    let harness = Harness::builder()
        .with_size(size)
        .with_context_setup(lectern::ui::fonts::install)
        .build_ui_state(|ui, app: &mut LecternApp| app.pass_ui(ui), app(&dialogs));
    (harness, dialogs)
}

#[test]
fn compare_opens_on_a_draft_that_differs_and_the_card_button_compares_with_the_working_copy() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    let first = section_id(&harness, 0);
    set(&mut harness, Field::Body(first), "一要认真学习。二要落实。");
    save_draft(&mut harness, "二稿");
    // The newest draft is the working copy's text: Compare skips it.
    click(&mut harness, "Compare drafts…");
    let drafts = harness.state().editor().drafts().to_vec();
    let sides = harness.state().editor().compare().map(|c| c.sides());
    assert_eq!(sides.map(|s| s.a), Some(Version::Draft(drafts[0].id)));
    assert!(shows(&harness, "1 change"));
    assert!(!any(&harness, "No differences"));
    click(&mut harness, "Close comparison");
    // Each draft card: compare that draft with the working copy.
    click(&mut harness, "Compare with working copy: 二稿");
    let sides = harness.state().editor().compare().map(|c| c.sides());
    assert_eq!(sides.map(|s| s.a), Some(Version::Draft(drafts[1].id)));
    assert_eq!(sides.map(|s| s.b), Some(Version::Working));
    assert!(any(&harness, "No differences"));
}

#[test]
fn when_no_draft_differs_the_view_says_so_and_opens_the_picker() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    assert!(!egui::Popup::is_any_open(&harness.ctx));
    click(&mut harness, "Compare drafts…");
    harness.run();
    assert!(shows(
        &harness,
        "No draft differs from the working copy: pick what to compare."
    ));
    assert!(egui::Popup::is_any_open(&harness.ctx), "the picker is open");
    // Picking the draft in the open list compares it.
    assert!(harness.query_all_by_label("初稿").count() >= 2);
}

#[test]
fn at_1024_by_700_the_panels_close_and_each_column_holds_30_characters() {
    let (mut harness, _) = sized(egui::vec2(1024.0, 700.0));
    // The outline and the drafts panel are open in the editor.
    assert!(harness.state().prefs().show_outline);
    assert!(harness.state().prefs().show_drafts);
    known_speech(&mut harness);
    let first = section_id(&harness, 0);
    set(&mut harness, Field::Body(first), &long_paragraph(200, '甲'));
    save_draft(&mut harness, "初稿");
    let long_heading =
        "关于进一步提高政治站位切实增强做好新时代各项工作的责任感使命感紧迫感的几点意见";
    set(&mut harness, Field::Heading(first), long_heading);
    set(&mut harness, Field::Body(first), &long_paragraph(200, '乙'));
    click(&mut harness, "Compare drafts…");
    harness.run();
    assert!(
        !shows(&harness, "Save draft…"),
        "the drafts panel is closed"
    );
    assert!(shows(&harness, "Changes"), "the change list is visible");
    let cache = harness.state().view_state().diff.galleys();
    let chars = cache.chars_per_line().expect("a paragraph wraps");
    assert!(chars >= 30, "{chars} characters per line");
    // Every button of the toolbar and the part's heading is on screen.
    for label in [
        "Close comparison",
        "Next change",
        "Previous change",
        "Reject",
        "Accept",
        "Change list",
        "Changes only",
    ] {
        if let Some(node) = harness.query_by_label(label) {
            let rect = node.rect();
            assert!(rect.right() <= 1024.0, "{label} at {rect:?}");
        }
    }
    click(&mut harness, "Next change");
    for node in harness.query_all_by_label_contains("in this part") {
        assert!(node.rect().right() <= 1024.0, "{:?}", node.rect());
    }
    // The long heading wraps: its label is taller than one line.
    let heading = harness
        .query_all_by_label_contains("关于进一步提高政治站位")
        .map(|n| n.rect())
        .find(|r| r.height() > 30.0);
    assert!(heading.is_some(), "the heading wraps onto a second line");
    // The change list can be hidden: the columns get wider.
    click(&mut harness, "Change list");
    assert!(!shows(&harness, "Changes"));
    let wider = harness
        .state()
        .view_state()
        .diff
        .galleys()
        .chars_per_line()
        .unwrap_or(0);
    assert!(wider >= chars, "{wider} < {chars}");
    // Closing the comparison brings the panels back.
    click(&mut harness, "Close comparison");
    assert!(shows(&harness, "Save draft…"));
}

#[test]
fn a_long_speech_shows_changes_only_and_a_folded_run_opens_on_click() {
    let (mut harness, _) = new_harness();
    long_speech(&mut harness, 8);
    save_draft(&mut harness, "初稿");
    let second = section_id(&harness, 1);
    let mut body = harness.state().editor().speech().sections[1]
        .paragraphs
        .clone();
    body[4] = body[4].replacen("全面", "全力", 1);
    set(&mut harness, Field::Body(second), &body.join("\n"));
    click(&mut harness, "Compare drafts…");
    // Sections 一 and 三 are unchanged: their heading and 8 paragraphs fold into one line each;
    // in 二 the heading and paragraphs before the change fold less one line of context, and
    // the three after it less one.
    let folds = labels_with(&harness, "unchanged paragraph");
    assert_eq!(
        folds,
        [
            "… 9 unchanged paragraphs …",
            "… 4 unchanged paragraphs …",
            "… 2 unchanged paragraphs …",
            "… 9 unchanged paragraphs …"
        ],
        "in reading order"
    );
    let hidden: String = harness.state().editor().speech().sections[1].paragraphs[1]
        .chars()
        .take(12)
        .collect();
    assert!(labels_with(&harness, &hidden).is_empty(), "folded away");
    harness
        .query_all_by_label("… 4 unchanged paragraphs …")
        .next()
        .expect("a folded run")
        .click();
    harness.run();
    assert_eq!(labels_with(&harness, "unchanged paragraph").len(), 3);
    assert!(!any(&harness, "… 4 unchanged paragraphs …"), "opened");
    // The toggle shows everything, and folds again.
    click(&mut harness, "Changes only");
    assert!(labels_with(&harness, "unchanged paragraph").is_empty());
    click(&mut harness, "Changes only");
    assert!(any(&harness, "… 9 unchanged paragraphs …"));
}

#[test]
fn a_short_speech_shows_everything() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    save_draft(&mut harness, "初稿");
    set(&mut harness, Field::Title, "新的标题");
    click(&mut harness, "Compare drafts…");
    assert!(
        harness
            .query_all_by_label_contains("unchanged paragraph")
            .next()
            .is_none()
    );
}

/// The known speech with a reviewer's text (one phrase added in 一, one sentence in 三, one in
/// 二 deleted) imported as a draft: the review is open.
fn reviewed(harness: &mut H, dialogs: &lectern::editor::ScriptedDialogs) -> tempfile::TempDir {
    known_speech(harness);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("审阅意见.txt");
    std::fs::write(
        &path,
        "在全市工作会议上的讲话\n同志们：\n一、提高站位\n一要认真学习。二要落实。\n\
         二、狠抓落实\n三要。\n三、改进作风\n四要务实。五要清廉。\n",
    )
    .unwrap();
    dialogs.push(Some(path));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::D,
    );
    harness.run();
    click(harness, "Draft");
    click(harness, "Import text as draft…");
    dir
}

#[test]
fn a_reviewers_copy_is_on_the_right_and_take_and_keep_resolve_its_changes() {
    let (mut harness, dialogs) = new_harness();
    let _dir = reviewed(&mut harness, &dialogs);
    // The working copy on the left, the reviewer's copy on the right under its name.
    assert!(shows(&harness, "Working copy"));
    assert!(shows(&harness, "审阅意见 (reviewer's copy)"));
    assert!(shows(&harness, "3 changes · 3 left"));
    click(&mut harness, "Next change");
    assert!(shows(&harness, "Change 1 of 3 · 3 left"));
    // The reviewer added "认真": taking it makes the speech longer.
    let effect = labels_with(&harness, "Taking this change");
    assert!(
        effect.len() == 1 && effect[0].ends_with("s longer"),
        "{effect:?} {:?}",
        labels_with(&harness, "change")
    );
    let steps = harness.state().editor().undo_steps();
    click(&mut harness, "Take");
    assert_eq!(
        harness.state().editor().speech().sections[0].paragraphs,
        ["一要认真学习。二要落实。"]
    );
    assert_eq!(harness.state().editor().undo_steps(), steps + 1);
    // Taken: one fewer change, and the next open one is current.
    assert!(
        shows(&harness, "Change 1 of 2 · 2 left"),
        "{:?}",
        diff_position(&harness)
    );
    click(&mut harness, "Keep mine");
    assert_eq!(
        harness.state().editor().speech().sections[1].paragraphs,
        ["三要检查。"]
    );
    assert!(shows(&harness, "Change 2 of 2 · 1 left"));
    // F8 skips the kept change: it stays on the last open one.
    harness.key_press(egui::Key::F8);
    harness.run();
    assert!(shows(&harness, "Change 2 of 2 · 1 left"));
    click(&mut harness, "Take all");
    assert!(shows(&harness, "1 change · 0 left"));
    assert_eq!(
        harness.state().editor().speech().sections[2].paragraphs,
        ["四要务实。五要清廉。"]
    );
    // Undo, one step each: Take all, Keep mine.
    press_command(&mut harness, egui::Key::Z);
    assert!(shows(&harness, "1 left") || shows(&harness, "2 changes · 1 left"));
    press_command(&mut harness, egui::Key::Z);
    assert!(
        harness
            .query_all_by_label_contains("· 2 left")
            .next()
            .is_some()
    );
}

#[test]
fn the_review_buttons_speak_chinese_in_a_chinese_interface() {
    let dialogs = lectern::editor::ScriptedDialogs::new();
    let mut harness = harness(app_with(
        &dialogs,
        lectern::ui::UiPrefs {
            language: Some(lectern::ui::i18n::UiLanguage::ZhHans),
            show_drafts: true,
            ..lectern::ui::UiPrefs::default()
        },
    ));
    known_speech(&mut harness);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("审阅意见.txt");
    std::fs::write(
        &path,
        "在全市工作会议上的讲话\n同志们：\n一、提高站位\n一要认真学习。二要落实。\n\
         二、狠抓落实\n三要检查。\n三、改进作风\n四要务实。\n",
    )
    .unwrap();
    dialogs.push(Some(path));
    send(&mut harness, Action::ImportAsDraft);
    assert!(shows(&harness, "审阅意见 (审阅稿)"));
    click(&mut harness, "下一处修改");
    assert!(shows(&harness, "第 1 处修改，共 1 处 · 剩 1 处"));
    assert!(shows(&harness, "采用"));
    assert!(shows(&harness, "保留我的"));
    click(&mut harness, "采用");
    assert!(any(&harness, "没有差异"));
}

#[test]
fn two_reviews_are_merged_in_the_dialog_and_a_conflict_resolved() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    let base = harness.state().editor().speech().clone();
    let mut first = base.clone();
    first.sections[0].paragraphs = vec!["一要认真学习。二要落实。".into()];
    first.sections[1].paragraphs = vec!["三要严格检查。".into()];
    let mut second = base.clone();
    second.sections[0].paragraphs = vec!["一要刻苦学习。二要落实。".into()];
    second.sections[2].paragraphs = vec!["四要务实。五要清廉。".into()];
    for (speech, name) in [(first, "甲的意见"), (second, "乙的意见")] {
        send(
            &mut harness,
            Action::Edit(Edit::AddDraft {
                speech: Box::new(speech),
                name: name.into(),
                note: None,
                now: chrono::Utc::now(),
            }),
        );
    }
    click(&mut harness, "Draft");
    click(&mut harness, "Merge reviews…");
    assert!(shows(
        &harness,
        "Choose the version both started from and the two returned copies."
    ));
    click_last(&mut harness, "First reviewer's copy");
    click_last(&mut harness, "甲的意见");
    click_last(&mut harness, "Second reviewer's copy");
    click_last(&mut harness, "乙的意见");
    assert!(shows(&harness, "1 of 1 conflicts open"));
    // Both versions side by side.
    assert!(!labels_with(&harness, "认真").is_empty());
    assert!(!labels_with(&harness, "刻苦").is_empty());
    click_last(&mut harness, "Use the second: 1");
    assert!(shows(&harness, "0 of 1 conflicts open"));
    let steps = harness.state().editor().undo_steps();
    let drafts = harness.state().editor().drafts().len();
    click_last(&mut harness, "Make it the working copy");
    let ed = harness.state().editor();
    let paragraphs: Vec<String> = ed
        .speech()
        .sections
        .iter()
        .map(|s| s.paragraphs.join(""))
        .collect();
    assert_eq!(
        paragraphs,
        [
            "一要刻苦学习。二要落实。",
            "三要严格检查。",
            "四要务实。五要清廉。"
        ]
    );
    assert_eq!(ed.undo_steps(), steps + 1);
    assert_eq!(ed.drafts().len(), drafts + 1);
    assert_eq!(
        ed.drafts().last().map(|d| d.name.as_str()),
        Some("Merge base")
    );
    press_command(&mut harness, egui::Key::Z);
    assert_eq!(*harness.state().editor().speech(), base);
}

#[test]
fn a_conflict_can_be_resolved_with_the_writers_own_text() {
    let (mut harness, _) = new_harness();
    known_speech(&mut harness);
    let base = harness.state().editor().speech().clone();
    let mut first = base.clone();
    first.sections[1].paragraphs = vec!["三要严格检查。".into()];
    let mut second = base.clone();
    second.sections[1].paragraphs = vec!["三要认真检查。".into()];
    for (speech, name) in [(first, "甲"), (second, "乙")] {
        send(
            &mut harness,
            Action::Edit(Edit::AddDraft {
                speech: Box::new(speech),
                name: name.into(),
                note: None,
                now: chrono::Utc::now(),
            }),
        );
    }
    send(&mut harness, Action::MergeReviews);
    click_last(&mut harness, "First reviewer's copy");
    click_last(&mut harness, "甲");
    click_last(&mut harness, "Second reviewer's copy");
    click_last(&mut harness, "乙");
    let field = harness.get_by_label("Your text: 1");
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("Your text: 1").type_text("逐项");
    harness.run();
    assert!(shows(&harness, "0 of 1 conflicts open"));
    click_last(&mut harness, "Make it the working copy");
    assert_eq!(
        harness.state().editor().speech().sections[1].paragraphs,
        ["三要逐项检查。"]
    );
}
