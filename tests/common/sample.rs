//! The shared sample speech (`../shared/samples/`, next to the crate), for tests that try the
//! real web paste. Missing in CI is a failure; elsewhere the test says it skipped.

/// The sample's path.
pub const SAMPLE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/samples/work-conference-speech-zh-hant.txt"
);

/// The sample's text; `None` (with a note on stderr) when it is not there outside CI.
///
/// # Panics
/// In CI (`CI` set) when the sample is missing, so a test never passes there without it.
pub fn sample_text() -> Option<String> {
    match std::fs::read_to_string(SAMPLE_PATH) {
        Ok(text) => Some(text),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("the shared sample is missing in CI: {SAMPLE_PATH}: {e}")
        }
        Err(e) => {
            eprintln!("skipped: the shared sample is not there ({SAMPLE_PATH}: {e})");
            None
        }
    }
}
