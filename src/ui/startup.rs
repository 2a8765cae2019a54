//! The start-up measurement hook: with `LECTERN_FIRST_FRAME_FILE` set, the first frame that
//! shows the speech writes the wall-clock time (nanoseconds since the UNIX epoch, one line) to
//! that file, once. `benches/startup.sh` reads it to time start-up from `exec`.

use std::time::{SystemTime, UNIX_EPOCH};

/// The environment variable naming the file.
pub const FIRST_FRAME_FILE_VAR: &str = "LECTERN_FIRST_FRAME_FILE";

/// Writes the time of the first frame if the environment asks for it. A failure to write is
/// ignored: it only serves a benchmark.
pub fn report_first_frame() {
    let Some(path) = std::env::var_os(FIRST_FRAME_FILE_VAR) else {
        return;
    };
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::fs::write(path, format!("{nanos}\n")).ok();
}
