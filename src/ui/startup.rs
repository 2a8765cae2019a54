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
