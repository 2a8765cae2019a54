//! When to write the recovery file: [`Autosaver`], told the time by its caller.

/// The autosave delay used unless another is chosen.
pub const DEFAULT_AUTOSAVE_DELAY_SECS: f64 = 2.0;

/// The longest autosave delay allowed: at most this much typing is lost in a crash.
pub const MAX_AUTOSAVE_DELAY_SECS: f64 = 5.0;

/// How long edits may go unwritten while the writer keeps typing without a pause.
pub const DEFAULT_MAX_WAIT_SECS: f64 = 10.0;

/// Decides when to write the recovery file. It is told the time (seconds on any monotonic clock,
/// e.g. egui's `input.time`) and has no clock of its own.
///
/// A write is due once the writer has paused for the delay after an edit, or when edits have
/// waited for the maximum wait during non-stop typing.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosaver {
    delay_secs: f64,
    max_wait_secs: f64,
    /// Time of the last edit not yet in a recovery file.
    last_edit_secs: Option<f64>,
    /// Time of the first edit not yet in a recovery file.
    first_unwritten_secs: Option<f64>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::new(DEFAULT_AUTOSAVE_DELAY_SECS)
    }
}

impl Autosaver {
    /// An autosaver with this delay, kept within 0–[`MAX_AUTOSAVE_DELAY_SECS`] (a delay that is
    /// not a number gets the default).
    pub fn new(delay_secs: f64) -> Self {
        let delay_secs = if delay_secs.is_nan() {
            DEFAULT_AUTOSAVE_DELAY_SECS
        } else {
            delay_secs.clamp(0.0, MAX_AUTOSAVE_DELAY_SECS)
        };
        Self {
            delay_secs,
            max_wait_secs: DEFAULT_MAX_WAIT_SECS.max(delay_secs),
            last_edit_secs: None,
            first_unwritten_secs: None,
        }
    }

    /// The delay in use.
    pub fn delay_secs(&self) -> f64 {
        self.delay_secs
    }

    /// The document changed at `now_secs`.
    pub fn note_edit(&mut self, now_secs: f64) {
        self.last_edit_secs = Some(now_secs);
        self.first_unwritten_secs.get_or_insert(now_secs);
    }

    /// Whether there are edits not yet in a recovery file.
    pub fn has_unwritten_edits(&self) -> bool {
        self.last_edit_secs.is_some()
    }

    /// Whether to write the recovery file now.
    pub fn due(&self, now_secs: f64) -> bool {
        self.secs_until_due(now_secs) == Some(0.0)
    }

    /// How long until a write is due (`Some(0.0)`: now), or `None` when nothing is unwritten.
    /// Lets the editor schedule its next wake-up. A clock that went backwards counts as due.
    pub fn secs_until_due(&self, now_secs: f64) -> Option<f64> {
        let last = self.last_edit_secs?;
        let first = self.first_unwritten_secs.unwrap_or(last);
        if now_secs < last || now_secs.is_nan() {
            return Some(0.0);
        }
        let by_pause = last + self.delay_secs - now_secs;
        let by_wait = first + self.max_wait_secs - now_secs;
        Some(by_pause.min(by_wait).max(0.0))
    }

    /// The recovery file was written with the document as it was at `snapshot_secs` (the time
    /// the copy was taken). Edits after that stay unwritten.
    pub fn written(&mut self, snapshot_secs: f64) {
        if self
            .last_edit_secs
            .is_some_and(|last| last <= snapshot_secs)
        {
            self.last_edit_secs = None;
            self.first_unwritten_secs = None;
        } else if self.last_edit_secs.is_some() {
            self.first_unwritten_secs = self.last_edit_secs;
        }
    }
}
