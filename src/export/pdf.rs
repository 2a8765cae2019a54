//! [`PageLayout`] → PDF with `krilla` (fonts embedded as subsets).

use std::path::Path;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::PrintError;
use super::fonts::FaceBytes;
use super::layout::PageLayout;

/// The PDF of a laid-out copy.
pub fn pdf_bytes(layout: &PageLayout) -> Result<Vec<u8>, PrintError> {
    let fonts: Vec<Option<Font>> = layout
        .fonts()
        .faces()
        .iter()
        .map(|face| {
            let data = match &face.bytes {
                FaceBytes::Static(bytes) => krilla::Data::from(*bytes),
                FaceBytes::Owned(bytes) => krilla::Data::from(bytes.clone()),
            };
            Font::new(data, face.index)
        })
        .collect();
    let mut document = Document::new();
    let mut metadata = Metadata::new().creator("Lectern".to_string());
    if !layout.title.is_empty() {
        metadata = metadata.title(layout.title.clone());
    }
    document.set_metadata(metadata);
    let settings = PageSettings::from_wh(layout.page_width_pt, layout.page_height_pt)
        .ok_or(PrintError::PageSize)?;
    for page in &layout.pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for run in &page.runs {
            let font = fonts.get(run.face).cloned().flatten().ok_or_else(|| {
                PrintError::UnreadableFont {
                    family: layout.fonts().faces()[run.face.min(fonts.len() - 1)]
                        .family
                        .clone(),
                }
            })?;
            let size = run.size_pt;
            let glyphs: Vec<KrillaGlyph> = run
                .glyphs
                .iter()
                .map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(g.id),
                        g.advance_pt / size,
                        g.offset_pt / size,
                        0.0,
                        0.0,
                        g.text_range.clone(),
                        None,
                    )
                })
                .collect();
            if run.faux_bold {
                surface.set_stroke(Some(Stroke {
                    width: size * 0.03,
                    ..Stroke::default()
                }));
            }
            surface.set_fill(Some(Fill::default()));
            surface.draw_glyphs(
                Point::from_xy(run.x_pt, run.baseline_pt),
                &glyphs,
                font,
                &run.text,
                size,
                false,
            );
            if run.faux_bold {
                surface.set_stroke(None);
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| PrintError::Pdf(Box::new(e)))
}

/// Writes the PDF of `layout` to `path` atomically (a failure leaves any old file as it was).
pub fn write_pdf(layout: &PageLayout, path: &Path) -> Result<(), PrintError> {
    let bytes = pdf_bytes(layout)?;
    crate::storage::write_atomic(path, &bytes, false)?;
    Ok(())
}
