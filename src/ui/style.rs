//! Sizes shared by several views.

/// The size of the speech's text in the panes, in points (Chinese needs a little more than
/// egui's default).
pub const BODY_FONT_SIZE: f32 = 16.0;
