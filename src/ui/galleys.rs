//! The panes' laid-out text, kept between frames.
//!
//! A `TextEdit` asks its layouter for the text's galley on every frame. Building the
//! [`LayoutJob`] for that copies and hashes the whole field (45,000 characters a frame for a long
//! speech) just to find egui's cached galley again. This cache hands back the galley it made last
//! time while the field's text, width, font and find highlights are the same; comparing the text
//! is one `memcmp`.
//!
//! A galley holds texture coordinates into egui's font atlas, so the cache is emptied whenever
//! egui empties its own galley cache (the atlas was rebuilt, or the text options changed). To see
//! that, each pass lays out one tiny probe text through egui's cache: a new probe galley means
//! egui's cache was emptied.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::PlacedRow;
use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley};

use crate::part::Field;

/// What a field's layout depends on besides its text.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// The width text wraps at, in points.
    pub wrap_width: f32,
    /// The font.
    pub font: FontId,
    /// The first line's indent of each paragraph, in points.
    pub first_line_indent: f32,
    /// The space below each paragraph, in points.
    pub paragraph_gap: f32,
    /// The find matches painted behind the text (byte ranges; the current one `true`).
    pub highlights: Vec<(Range<usize>, bool)>,
    /// The text colour (changes with the theme).
    pub color: Color32,
}

/// One field's galley and what it was made from.
struct Entry {
    key: LayoutKey,
    galley: Arc<Galley>,
    /// The pass it was last used in.
    used_in: u64,
}

/// Galleys of the panes' fields, by field.
#[derive(Default)]
pub struct FieldGalleys {
    entries: HashMap<Field, Entry>,
    probe: Option<Arc<Galley>>,
    pass: u64,
    made: u64,
}

impl fmt::Debug for FieldGalleys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldGalleys")
            .field("fields", &self.entries.len())
            .field("pass", &self.pass)
            .field("made", &self.made)
            .finish()
    }
}

impl FieldGalleys {
    /// Starts a pass: forgets the galleys of fields not shown in the last pass, and all of them
    /// when egui rebuilt its font atlas or changed its text options.
    pub fn begin_pass(&mut self, ctx: &egui::Context) {
        let probe = ctx.fonts_mut(|fonts| {
            fonts.layout_no_wrap("·".to_owned(), FontId::monospace(7.0), Color32::WHITE)
        });
        let same_atlas = self.probe.as_ref().is_some_and(|p| Arc::ptr_eq(p, &probe));
        self.probe = Some(probe);
        if same_atlas {
            let last = self.pass;
            self.entries.retain(|_, entry| entry.used_in == last);
        } else {
            self.entries.clear();
        }
        self.pass += 1;
    }

    /// The galley of `field` showing `text` laid out as `key` says: the one made before when
    /// nothing changed, else a new one from `job()`.
    pub fn galley(
        &mut self,
        ctx: &egui::Context,
        field: Field,
        text: &str,
        key: LayoutKey,
        job: impl FnOnce() -> LayoutJob,
    ) -> Arc<Galley> {
        if let Some(entry) = self.entries.get_mut(&field)
            && entry.key == key
            && entry.galley.job.text == text
        {
            entry.used_in = self.pass;
            // egui forgets the layouts of a text's paragraphs after a pass that did not ask for
            // them, and lays out every paragraph again at the next change. Asking for the same
            // job (found by its hash) keeps them, so a keystroke after a pause lays out only the
            // paragraph typed in.
            let job = LayoutJob::clone(&entry.galley.job);
            ctx.fonts_mut(|fonts| fonts.layout_job(job));
            return entry.galley.clone();
        }
        // Made before the fonts are locked: making a job may measure text itself.
        let job = job();
        let galley = ctx.fonts_mut(|fonts| fonts.layout_job(job));
        let galley = open_paragraph_gaps(galley, key.paragraph_gap);
        self.made += 1;
        self.entries.insert(
            field,
            Entry {
                key,
                galley: galley.clone(),
                used_in: self.pass,
            },
        );
        galley
    }

    /// Keeps a field's galley through this pass although it is not shown (its pane is out of
    /// sight, and will need it again when it scrolls into view).
    pub fn keep(&mut self, field: Field) {
        if let Some(entry) = self.entries.get_mut(&field) {
            entry.used_in = self.pass;
        }
    }

    /// How many galleys were laid out anew since the start (for tests of the cache).
    pub fn made(&self) -> u64 {
        self.made
    }
}

/// `galley` with `gap` points of space above every paragraph but the first: the rows of each
/// paragraph are moved down by the gaps above it. Moving whole rows keeps every glyph on its
/// row's baseline (a taller first glyph, the other way to open a gap, is drawn centred in its
/// taller line, higher than the rest of its row), and the cursor and selection follow the rows.
pub fn open_paragraph_gaps(galley: Arc<Galley>, gap: f32) -> Arc<Galley> {
    let starts_paragraph =
        |rows: &[PlacedRow], index: usize| index > 0 && rows[index - 1].ends_with_newline;
    let paragraphs_below_the_first =
        (1..galley.rows.len()).any(|index| starts_paragraph(&galley.rows, index));
    if gap <= 0.0 || !paragraphs_below_the_first {
        return galley;
    }
    let mut galley = Arc::unwrap_or_clone(galley);
    let mut shift = 0.0;
    for index in 0..galley.rows.len() {
        if starts_paragraph(&galley.rows, index) {
            shift += gap;
        }
        galley.rows[index].pos.y += shift;
    }
    galley.rect.max.y += shift;
    galley.mesh_bounds.max.y += shift;
    Arc::new(galley)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionId;

    fn key(wrap_width: f32) -> LayoutKey {
        LayoutKey {
            wrap_width,
            font: FontId::proportional(16.0),
            first_line_indent: 32.0,
            paragraph_gap: 0.0,
            highlights: Vec::new(),
            color: Color32::WHITE,
        }
    }

    /// Runs one pass in which `field` shows `text` at `wrap_width`; returns the galley.
    fn pass(
        ctx: &egui::Context,
        cache: &mut FieldGalleys,
        field: Field,
        text: &str,
        wrap_width: f32,
    ) -> Arc<Galley> {
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            cache.begin_pass(ui.ctx());
            let job = || {
                LayoutJob::simple(
                    text.to_owned(),
                    FontId::proportional(16.0),
                    Color32::WHITE,
                    wrap_width,
                )
            };
            galley = Some(cache.galley(ui.ctx(), field, text, key(wrap_width), job));
        });
        output.textures_delta.clear();
        galley.unwrap_or_else(|| panic!("the pass ran"))
    }

    #[test]
    fn a_galley_is_made_again_only_when_what_it_shows_changes() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut cache = FieldGalleys::default();
        let field = Field::Body(SectionId::new());
        let first = pass(&ctx, &mut cache, field, "同志们：\n今天开会。", 400.0);
        assert_eq!(cache.made(), 1);
        let again = pass(&ctx, &mut cache, field, "同志们：\n今天开会。", 400.0);
        assert!(
            Arc::ptr_eq(&first, &again),
            "an unchanged field keeps its galley"
        );
        assert_eq!(cache.made(), 1);
        let typed = pass(&ctx, &mut cache, field, "同志们：\n今天开会了。", 400.0);
        assert_eq!(cache.made(), 2);
        assert_eq!(typed.job.text, "同志们：\n今天开会了。");
        pass(&ctx, &mut cache, field, "同志们：\n今天开会了。", 300.0);
        assert_eq!(cache.made(), 3, "another width is another layout");
    }

    #[test]
    fn a_pause_keeps_egui_s_paragraph_layouts_for_the_next_keystroke() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut cache = FieldGalleys::default();
        let field = Field::Opening;
        let text = "同志们：\n今天开会。\n一要学习。\n二要落实。";
        let cached = || ctx.fonts(|fonts| fonts.num_galleys_in_cache());
        pass(&ctx, &mut cache, field, text, 400.0);
        let after_typing = cached();
        assert!(
            after_typing >= 5,
            "the text and its four paragraphs: {after_typing}"
        );
        // Passes without a change (the cursor blinking) take the galley from the cache…
        pass(&ctx, &mut cache, field, text, 400.0);
        pass(&ctx, &mut cache, field, text, 400.0);
        assert_eq!(cache.made(), 1);
        // …and egui still has each paragraph's layout, for the next keystroke to reuse.
        assert_eq!(cached(), after_typing);
    }

    #[test]
    fn new_fonts_empty_the_cache() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let mut cache = FieldGalleys::default();
        let field = Field::Title;
        pass(&ctx, &mut cache, field, "讲话", 400.0);
        pass(&ctx, &mut cache, field, "讲话", 400.0);
        assert_eq!(cache.made(), 1);
        // Other text options (a zoom) make egui drop its galleys: so does the cache.
        ctx.set_pixels_per_point(2.0);
        pass(&ctx, &mut cache, field, "讲话", 400.0);
        pass(&ctx, &mut cache, field, "讲话", 400.0);
        assert_eq!(cache.made(), 2);
    }

    #[test]
    fn paragraph_gaps_move_whole_rows_and_keep_each_row_on_one_baseline() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        let text = "同志们：\n今天我们召开会议。\n第三段";
        let mut gapped = None;
        let mut plain = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let job = crate::ui::find::highlighted_job(
                ui,
                text,
                &FontId::proportional(16.0),
                &[],
                400.0,
                32.0,
            );
            let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            plain = Some(galley.clone());
            gapped = Some(open_paragraph_gaps(galley, 6.0));
        });
        output.textures_delta.clear();
        let (Some(plain), Some(gapped)) = (plain, gapped) else {
            panic!("the pass ran");
        };
        assert_eq!(gapped.rows.len(), 3);
        for (index, (before, after)) in plain.rows.iter().zip(&gapped.rows).enumerate() {
            let expected = before.pos.y + 6.0 * index as f32;
            assert!(
                (after.pos.y - expected).abs() < 0.01,
                "row {index} moved down by the gaps above it: {} → {}",
                before.pos.y,
                after.pos.y
            );
            // Every glyph of a row, the paragraph's first one too, on the same line.
            let ys: Vec<f32> = after.row.glyphs.iter().map(|g| g.pos.y).collect();
            assert!(
                ys.windows(2).all(|pair| (pair[0] - pair[1]).abs() < 0.01),
                "row {index} glyphs share a baseline: {ys:?}"
            );
        }
        assert!((gapped.rect.height() - plain.rect.height() - 12.0).abs() < 0.01);
        // The cursor still lands in the paragraph drawn under the pointer.
        let third = gapped.rows[2].pos + egui::vec2(40.0, 4.0);
        let cursor = gapped.cursor_from_pos(third.to_vec2());
        assert!(cursor.index.0 >= "同志们：\n今天我们召开会议。\n".chars().count());
        assert!(Arc::ptr_eq(
            &open_paragraph_gaps(plain.clone(), 0.0),
            &plain
        ));
    }
}
