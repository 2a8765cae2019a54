//! The floor under the editor's start-up: an eframe window with the editor's window options and
//! renderer that draws one line of text and nothing of Lectern. `benches/startup.sh` times it
//! beside the editor, through the same `LECTERN_FIRST_FRAME_FILE` contract, so the figure shows
//! how much of the start-up is the platform (X11, OpenGL, the driver) and how much is Lectern.
//!
//! `cargo build --release --example empty_window`

use lectern::ui::startup::{report_first_frame, report_first_frame_shown};

fn main() -> eframe::Result {
    eframe::run_native(
        "empty window",
        lectern::ui::native_options("empty window"),
        Box::new(|_| {
            Ok(Box::new(EmptyWindow {
                reported: false,
                first_frame_nr: None,
            }))
        }),
    )
}

/// Draws one label; reports its first frame once, drawn and shown.
struct EmptyWindow {
    reported: bool,
    /// The first frame's number while the time it was shown is still to be noted.
    first_frame_nr: Option<u64>,
}

impl eframe::App for EmptyWindow {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(first) = self.first_frame_nr
            && ctx.cumulative_frame_nr() > first
        {
            self.first_frame_nr = None;
            report_first_frame_shown();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("An empty window."));
        if !self.reported {
            self.reported = true;
            if report_first_frame() {
                self.first_frame_nr = Some(ui.ctx().cumulative_frame_nr());
                ui.ctx().request_repaint();
            }
        }
    }
}
