//! The compared text's colours and formats: deleted struck through on red, inserted on green,
//! moved on blue (in italics where it left), the current change underlined on a stronger colour,
//! an accepted change muted; light and dark variants.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Stroke, TextFormat};

use crate::diff::Op;
use crate::diff::rows::Run;

/// The colour of moved text and its labels on a light background.
pub const MOVED_LIGHT: Color32 = Color32::from_rgb(20, 70, 160);
/// The colour of moved text and its labels on a dark background.
pub const MOVED_DARK: Color32 = Color32::from_rgb(150, 195, 255);

/// The formats of one layout of the compared text (one theme, one size).
pub struct Style {
    font: FontId,
    /// Unchanged text.
    pub text: Color32,
    /// Secondary text (a part's status).
    pub weak: Color32,
    deleted: Color32,
    deleted_bg: Color32,
    inserted: Color32,
    inserted_bg: Color32,
    moved: Color32,
    moved_bg: Color32,
    current_bg: Color32,
    accepted_bg: Color32,
    accent: Color32,
}

impl Style {
    /// The formats for a dark or light theme, the compared text set in `size`.
    pub fn new(dark: bool, text: Color32, weak: Color32, accent: Color32, size: f32) -> Self {
        let font = FontId::proportional(size);
        if dark {
            Style {
                font,
                text,
                weak,
                deleted: Color32::from_rgb(255, 150, 150),
                deleted_bg: Color32::from_rgb(90, 30, 34),
                inserted: Color32::from_rgb(150, 230, 160),
                inserted_bg: Color32::from_rgb(28, 78, 40),
                moved: MOVED_DARK,
                moved_bg: Color32::from_rgb(26, 50, 90),
                current_bg: Color32::from_rgb(110, 90, 20),
                accepted_bg: Color32::from_rgb(55, 55, 60),
                accent,
            }
        } else {
            Style {
                font,
                text,
                weak,
                deleted: Color32::from_rgb(170, 20, 30),
                deleted_bg: Color32::from_rgb(255, 218, 220),
                inserted: Color32::from_rgb(20, 110, 40),
                inserted_bg: Color32::from_rgb(205, 245, 210),
                moved: MOVED_LIGHT,
                moved_bg: Color32::from_rgb(214, 230, 255),
                current_bg: Color32::from_rgb(255, 230, 140),
                accepted_bg: Color32::from_rgb(228, 228, 232),
                accent,
            }
        }
    }

    /// The format of one run: by what happened to it, whether it is accepted and current.
    pub fn format(&self, run: &Run, highlight: Option<usize>, accepted: &[bool]) -> TextFormat {
        let mut format = TextFormat::simple(self.font.clone(), self.text);
        let Some(change) = run.change else {
            return format;
        };
        let (color, background) = match (run.op, run.moved.is_some()) {
            (Op::Equal, _) => return format,
            (_, true) => (self.moved, self.moved_bg),
            (Op::Delete, false) => (self.deleted, self.deleted_bg),
            (Op::Insert, false) => (self.inserted, self.inserted_bg),
        };
        format.color = color;
        format.background = background;
        match (run.op, run.moved.is_some()) {
            (Op::Delete, false) => format.strikethrough = Stroke::new(1.0, color),
            (Op::Delete, true) => format.italics = true,
            _ => {}
        }
        if accepted.get(change).copied().unwrap_or(false) {
            format.background = self.accepted_bg;
        }
        if highlight == Some(change) {
            format.background = self.current_bg;
            format.underline = Stroke::new(2.0, self.accent);
        }
        format
    }

    /// A row's runs as one job wrapped at `wrap`.
    pub fn job(
        &self,
        runs: &[Run],
        wrap: f32,
        highlight: Option<usize>,
        accepted: &[bool],
    ) -> LayoutJob {
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap.max(40.0);
        for run in runs {
            job.append(&run.text, 0.0, self.format(run, highlight, accepted));
        }
        if job.text.is_empty() {
            job.append(" ", 0.0, TextFormat::simple(self.font.clone(), self.text));
        }
        job
    }
}
