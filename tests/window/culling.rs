//! Panes out of sight are not laid out (their place is kept from their last height), unless a
//! screen reader is on; they are drawn again when the writer scrolls to them or types in them.

use egui::{Event, Pos2, RawInput, Rect, vec2};
use lectern::editor::{Action, Edit, ScriptedDialogs};
use lectern::part::{Field, Part};
use lectern::ui::LecternApp;
use lectern::ui::panes::field_id;
use lectern::ui::view::{Intent, ViewAction};

use crate::support::app;

/// A window without AccessKit (no screen reader), as most writers run it.
struct Window {
    ctx: egui::Context,
    app: LecternApp,
    time: f64,
    /// The texts painted in the last frame, each with whether it lies wholly inside its clip.
    painted: Vec<(String, bool)>,
}

impl Window {
    fn new(app: LecternApp) -> Self {
        let ctx = egui::Context::default();
        lectern::ui::fonts::install(&ctx);
        Self {
            ctx,
            app,
            time: 0.0,
            painted: Vec::new(),
        }
    }

    fn frames(&mut self, n: usize, events: Vec<Event>) {
        for i in 0..n {
            self.time += 1.0 / 60.0;
            let input = RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 800.0))),
                time: Some(self.time),
                events: if i == 0 { events.clone() } else { Vec::new() },
                ..Default::default()
            };
            let app = &mut self.app;
            let mut output = self.ctx.run_ui(input, |ui| app.pass_ui(ui));
            output.textures_delta.clear();
            self.painted.clear();
            for clipped in &output.shapes {
                collect_texts(&clipped.shape, clipped.clip_rect, &mut self.painted);
            }
        }
    }

    /// The index of the import preview's line `text`.
    fn import_line(&self, text: &str) -> usize {
        let preview = self.app.editor().import_preview().unwrap();
        preview
            .preview
            .lines
            .iter()
            .position(|line| line.text == text)
            .unwrap()
    }

    /// Whether a text painted in the last frame contains `part`.
    fn painted(&self, part: &str) -> bool {
        self.painted.iter().any(|(text, _)| text.contains(part))
    }

    /// Whether a text painted in the last frame, none of it clipped, contains `part`.
    fn wholly_painted(&self, part: &str) -> bool {
        self.painted
            .iter()
            .any(|(text, whole)| *whole && text.contains(part))
    }

    /// Whether the field's text edit was laid out in the last frame.
    fn drawn(&self, field: Field) -> bool {
        self.ctx.read_response(field_id(field)).is_some()
    }
}

fn collect_texts(shape: &egui::Shape, clip: Rect, texts: &mut Vec<(String, bool)>) {
    match shape {
        egui::Shape::Text(text) => {
            let rect = text.galley.rect.translate(text.pos.to_vec2());
            texts.push((text.galley.text().to_owned(), clip.contains_rect(rect)));
        }
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_texts(s, clip, texts)),
        _ => {}
    }
}

/// The template speech with every section's body long enough to fill several screens.
fn long_speech_window() -> (Window, Vec<lectern::model::SectionId>) {
    let dialogs = ScriptedDialogs::new();
    let mut window = Window::new(app(&dialogs));
    window.frames(2, Vec::new());
    let ids: Vec<_> = window
        .app
        .editor()
        .speech()
        .sections
        .iter()
        .map(|s| s.id)
        .collect();
    let body: Vec<String> = (0..40)
        .map(|i| format!("Paragraph {i} of a section that runs on for a while, as speeches do."))
        .collect();
    for id in &ids {
        window.app.send(Intent::Action(Action::Edit(Edit::SetField {
            field: Field::Body(*id),
            text: body.join("\n"),
        })));
    }
    window.frames(4, Vec::new());
    (window, ids)
}

#[test]
fn panes_out_of_sight_are_skipped_until_scrolled_to() {
    let (mut window, ids) = long_speech_window();
    assert!(ids.len() >= 3, "the template has sections");
    let last = *ids.last().unwrap_or_else(|| unreachable!());
    assert!(
        window.drawn(Field::Title),
        "the top of the page is laid out"
    );
    assert!(
        !window.drawn(Field::Body(last)),
        "the last section is far below the view: not laid out"
    );
    // Jumping there lays it out (and the title, far above now, is skipped).
    window
        .app
        .send(Intent::View(ViewAction::JumpTo(Part::Section(last))));
    // egui scrolls there smoothly: a second at 60 frames a second.
    window.frames(90, Vec::new());
    assert!(window.drawn(Field::Body(last)));
    assert!(!window.drawn(Field::Title));
    // The page is as tall as before: the skipped panes keep their place.
    let rect = window
        .ctx
        .read_response(field_id(Field::Body(last)))
        .map(|r| r.rect);
    window
        .app
        .send(Intent::View(ViewAction::JumpTo(Part::Section(last))));
    window.frames(2, Vec::new());
    assert_eq!(
        window
            .ctx
            .read_response(field_id(Field::Body(last)))
            .map(|r| r.rect),
        rect,
        "the pane stays where it was"
    );
}

#[test]
fn the_focused_field_is_laid_out_even_out_of_sight() {
    let (mut window, ids) = long_speech_window();
    let first = Field::Body(ids[0]);
    window.ctx.memory_mut(|m| m.request_focus(field_id(first)));
    window.frames(2, Vec::new());
    // Scroll the page far down with the wheel: the field keeps the focus and takes the typing.
    let wheel = Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -6000.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    };
    window.frames(1, vec![Event::PointerMoved(Pos2::new(600.0, 400.0)), wheel]);
    window.frames(90, Vec::new());
    assert!(!window.drawn(Field::Title), "the page scrolled away");
    assert!(window.drawn(first), "the focused field is still laid out");
    window.frames(2, vec![Event::Text("X".into())]);
    let text = window
        .app
        .editor()
        .speech()
        .field_text(first)
        .unwrap_or_default();
    assert!(text.contains('X'), "the typing went into the field");
}

#[test]
fn with_a_screen_reader_every_pane_is_there() {
    let (mut window, ids) = long_speech_window();
    window.ctx.enable_accesskit();
    window.frames(2, Vec::new());
    for id in ids {
        assert!(window.drawn(Field::Body(id)));
    }
}

#[test]
fn the_import_preview_lays_out_only_the_lines_in_sight_and_cuts_long_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长稿.txt");
    let long_paragraph = "一要提高政治站位，切实增强责任感和使命感。".repeat(100);
    let lines: String = (1..=400).map(|i| format!("第{i}段的文字。\n\n")).collect();
    std::fs::write(
        &path,
        format!("在全市工作会议上的讲话\n\n同志们：\n\n{long_paragraph}\n\n{lines}"),
    )
    .unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut window = Window::new(app(&dialogs));
    window.frames(2, Vec::new());
    let before = window.ctx.fonts(|f| f.num_galleys_in_cache());
    window.app.send(Intent::Action(Action::OpenPath(path)));
    window.frames(3, Vec::new());
    assert!(window.painted("第1段的文字。"));
    // A row is two texts (role and line); 400 lines drawn would be 800 more.
    let added = window.ctx.fonts(|f| f.num_galleys_in_cache()) - before;
    assert!(added < 200, "{added} texts laid out");
    // The long paragraph is laid out only as far as a row can show, and then some.
    let shown = window
        .painted
        .iter()
        .find(|(text, _)| text.starts_with("一要提高政治站位"))
        .map(|(text, _)| text)
        .expect("the long paragraph's row");
    assert!(shown.ends_with('…'), "{shown}");
    assert!(shown.chars().count() < 200, "{}", shown.chars().count());
    // Up from the last line: the new selection is drawn and scrolled to, far below.
    let last = window.import_line("第400段的文字。");
    window
        .app
        .send(Intent::Action(Action::SelectImportLine(last)));
    window.frames(1, Vec::new());
    window.frames(1, vec![key(egui::Key::ArrowUp)]);
    window.frames(30, Vec::new());
    let preview = window.app.editor().import_preview().unwrap();
    assert_eq!(
        preview.preview.lines[preview.selected].text,
        "第399段的文字。"
    );
    assert!(window.painted("第399段的文字。"));
    assert!(!window.painted("第1段的文字。"));
    // Down, line by line, from the top past the bottom of the view: the selection stays in sight.
    let first = window.import_line("第1段的文字。");
    window
        .app
        .send(Intent::Action(Action::SelectImportLine(first)));
    window.frames(30, Vec::new());
    for _ in 0..40 {
        window.frames(1, vec![key(egui::Key::ArrowDown)]);
        window.frames(1, Vec::new());
    }
    window.frames(30, Vec::new());
    let preview = window.app.editor().import_preview().unwrap();
    assert_eq!(
        preview.preview.lines[preview.selected].text,
        "第41段的文字。"
    );
    assert!(window.wholly_painted("第41段的文字。"));
}

fn key(key: egui::Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}
