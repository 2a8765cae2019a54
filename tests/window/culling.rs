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
}

impl Window {
    fn new(app: LecternApp) -> Self {
        let ctx = egui::Context::default();
        lectern::ui::fonts::install(&ctx);
        Self {
            ctx,
            app,
            time: 0.0,
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
        }
    }

    /// Whether the field's text edit was laid out in the last frame.
    fn drawn(&self, field: Field) -> bool {
        self.ctx.read_response(field_id(field)).is_some()
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
