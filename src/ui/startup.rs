//! The start-up measurement hook: with `LECTERN_FIRST_FRAME_FILE` set, the first frame that
//! shows the speech writes the wall-clock time (nanoseconds since the UNIX epoch, one line) to
//! that file, once, as it is drawn; then the window asks for another pass, and that pass, which
//! begins once the first frame has been painted and shown, adds a second line with its time.
//! `benches/startup.sh` reads both to time start-up from `exec`.

use std::io::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable naming the file.
pub const FIRST_FRAME_FILE_VAR: &str = "LECTERN_FIRST_FRAME_FILE";

fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Writes the time of the first frame, as it is drawn, if the environment asks for it; returns
/// whether it did (the caller then asks for another pass, see [`report_first_frame_shown`]). A
/// failure to write is ignored: it only serves a benchmark.
pub fn report_first_frame() -> bool {
    let Some(path) = std::env::var_os(FIRST_FRAME_FILE_VAR) else {
        return false;
    };
    std::fs::write(path, format!("{}\n", now_nanos())).ok();
    true
}

/// Adds the time the pass after the first frame began (the first frame painted and shown) to
/// the file, if the environment asks for it.
pub fn report_first_frame_shown() {
    let Some(path) = std::env::var_os(FIRST_FRAME_FILE_VAR) else {
        return;
    };
    let line = format!("{}\n", now_nanos());
    if let Ok(mut file) = std::fs::OpenOptions::new().append(true).open(path) {
        file.write_all(line.as_bytes()).ok();
    }
}

/// The first frame's two times for the start-up benchmark, noted once: the window and the
/// benchmark's floor (`examples/empty_window.rs`) both keep one, so both are timed alike.
#[derive(Clone, Copy, Debug, Default)]
pub struct FirstFrameReport {
    state: ReportState,
}

#[derive(Clone, Copy, Debug, Default)]
enum ReportState {
    /// The first frame is still to be drawn.
    #[default]
    Waiting,
    /// The first frame (this number) was drawn and noted; the next one notes it shown.
    Drawn(u64),
    /// Nothing more to note.
    Done,
}

impl FirstFrameReport {
    /// A report with nothing to note (the start-up warm-up's headless frame is not the window's).
    pub fn done() -> Self {
        Self {
            state: ReportState::Done,
        }
    }

    /// Whether a first frame has been drawn (or nothing is to be noted).
    pub fn first_frame_drawn(&self) -> bool {
        !matches!(self.state, ReportState::Waiting)
    }

    /// Call when a frame has been drawn: the first time, notes it ([`report_first_frame`]) and,
    /// when the environment asks for the times, asks `ctx` for the next frame.
    pub fn frame_drawn(&mut self, ctx: &egui::Context) {
        if let ReportState::Waiting = self.state {
            self.state = if report_first_frame() {
                ctx.request_repaint();
                ReportState::Drawn(ctx.cumulative_frame_nr())
            } else {
                ReportState::Done
            };
        }
    }

    /// Call as each pass begins: in the frame after the first, notes that the first has been
    /// painted and shown ([`report_first_frame_shown`]).
    pub fn pass_begins(&mut self, ctx: &egui::Context) {
        if let ReportState::Drawn(first) = self.state
            && ctx.cumulative_frame_nr() > first
        {
            self.state = ReportState::Done;
            report_first_frame_shown();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_frame_is_noted_once_and_the_warm_up_notes_nothing() {
        let ctx = egui::Context::default();
        let mut report = FirstFrameReport::default();
        assert!(!report.first_frame_drawn());
        report.frame_drawn(&ctx);
        assert!(report.first_frame_drawn());
        report.pass_begins(&ctx);
        report.frame_drawn(&ctx);
        assert!(report.first_frame_drawn());
        assert!(FirstFrameReport::done().first_frame_drawn());
    }
}
