//! The floor under the editor's start-up: an eframe window with the editor's window options and
//! renderer that draws one line of text and nothing of Lectern. `benches/startup.sh` times it
//! beside the editor, through the same `LECTERN_FIRST_FRAME_FILE` contract, so the figure shows
//! how much of the start-up is the platform (X11, OpenGL, the driver) and how much is Lectern.
//!
//! `cargo build --release --example empty_window`

use lectern::ui::startup::FirstFrameReport;

fn main() -> eframe::Result {
    eframe::run_native(
        "empty window",
        lectern::ui::native_options("empty window"),
        Box::new(|_| Ok(Box::<EmptyWindow>::default())),
    )
}

/// Draws one label; reports its first frame once, drawn and shown.
#[derive(Default)]
struct EmptyWindow {
    first_frame: FirstFrameReport,
}

impl eframe::App for EmptyWindow {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.first_frame.pass_begins(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("An empty window."));
        self.first_frame.frame_drawn(ui.ctx());
    }
}
