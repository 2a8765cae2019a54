//! The printed copy laid out: blocks → lines of positioned glyphs → pages.
//!
//! The result, [`PageLayout`], is what the PDF writer draws and what a preview can paint: every
//! page is a list of [`GlyphRun`]s (text in one face and size at a position).

use std::ops::Range;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::model::{Numbering, Speech};
use crate::project::Settings;

use super::blocks::{Block, blocks};
use super::fonts::{FontLibrary, FontReport, FontSet};
use super::linebreak::{break_opportunities, fill_lines};
use super::paginate::paginate;
use super::profile::{Align, LayoutName, Profile, Role};

/// What to print and how: the layout profile and how section headings are numbered.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintOptions {
    /// The layout.
    pub profile: Profile,
    /// Section heading numbers.
    pub numbering: Numbering,
}

impl PrintOptions {
    /// `layout` with its default profile; Chinese layouts number 一、二、三、, the English one as
    /// the project's settings say.
    pub fn new(layout: LayoutName, settings: &Settings) -> PrintOptions {
        let profile = layout.profile();
        let numbering = if profile.chinese {
            Numbering::Chinese
        } else {
            settings.english_numbering()
        };
        PrintOptions { profile, numbering }
    }
}

/// One glyph of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// The glyph id in the run's face.
    pub id: u32,
    /// How far the next glyph starts after this one's start, in points.
    pub advance_pt: f32,
    /// Shift of this glyph from its pen position, in points (quotes set in a full cell).
    pub offset_pt: f32,
    /// The bytes of the run's text that this glyph shows.
    pub text_range: Range<usize>,
}

/// Text in one face and size, at a position on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphRun {
    /// What the text is.
    pub role: Role,
    /// The face: an index into [`PageLayout::fonts`]' faces.
    pub face: usize,
    /// Type size in points.
    pub size_pt: f32,
    /// Pen position of the first glyph, from the page's left edge, in points.
    pub x_pt: f32,
    /// The baseline, from the page's top edge, in points.
    pub baseline_pt: f32,
    /// The text shown.
    pub text: String,
    /// Its glyphs.
    pub glyphs: Vec<PlacedGlyph>,
    /// Draw heavier (bold asked for, but the face is not bold).
    pub faux_bold: bool,
}

impl GlyphRun {
    /// The x position (from the page's left edge) of each glyph, in points.
    pub fn glyph_x_pt(&self) -> Vec<f32> {
        let mut x = self.x_pt;
        self.glyphs
            .iter()
            .map(|g| {
                let at = x + g.offset_pt;
                x += g.advance_pt;
                at
            })
            .collect()
    }

    /// The run's width in points.
    pub fn width_pt(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance_pt).sum()
    }
}

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidPage {
    /// The page number, from 1.
    pub number: usize,
    /// Everything printed on it.
    pub runs: Vec<GlyphRun>,
    /// The text lines of the text block (not header, cue or page number), for checks.
    pub body_lines: Vec<String>,
}

/// A whole printed copy.
#[derive(Clone, Debug)]
pub struct PageLayout {
    /// Page width in points.
    pub page_width_pt: f32,
    /// Page height in points.
    pub page_height_pt: f32,
    /// The pages.
    pub pages: Vec<LaidPage>,
    /// The speech's title (PDF metadata).
    pub title: String,
    pub(crate) fonts: FontSet,
}

impl PageLayout {
    /// The faces the runs use.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// Which font each role uses, and the substitutions.
    pub fn font_report(&self) -> &FontReport {
        self.fonts.report()
    }
}

/// One character placed in a line.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub ch: char,
    pub role: Role,
    pub face: usize,
    pub glyph: u32,
    /// The width it takes in the line.
    pub width: f32,
    /// Shift of the glyph inside that width.
    pub offset: f32,
    pub space: bool,
}

/// One line of the text block.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    pub role: Option<Role>,
    pub cells: Vec<Cell>,
    /// x of the line's start, relative to the left margin.
    pub indent: f32,
    pub align: Option<Align>,
    pub last_of_block: bool,
    pub ends_sentence: bool,
    pub keep_with_next: bool,
    pub page_break_before: bool,
}

impl Line {
    fn blank() -> Line {
        Line::default()
    }

    pub fn is_blank(&self) -> bool {
        self.cells.is_empty()
    }

    pub fn text(&self) -> String {
        self.cells.iter().map(|c| c.ch).collect()
    }
}

/// Glyph lookup and advances of the export's faces.
pub(crate) struct Metrics<'a> {
    faces: Vec<Option<FaceMetrics<'a>>>,
}

struct FaceMetrics<'a> {
    charmap: skrifa::charmap::Charmap<'a>,
    glyphs: skrifa::metrics::GlyphMetrics<'a>,
    units_per_em: f32,
}

impl<'a> Metrics<'a> {
    pub fn new(fonts: &'a FontSet) -> Metrics<'a> {
        let faces = fonts
            .faces()
            .iter()
            .map(|face| {
                let font = FontRef::from_index(face.bytes.bytes(), face.index).ok()?;
                Some(FaceMetrics {
                    charmap: font.charmap(),
                    glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
                    units_per_em: f32::from(
                        font.metrics(Size::unscaled(), LocationRef::default())
                            .units_per_em,
                    )
                    .max(1.0),
                })
            })
            .collect();
        Metrics { faces }
    }

    /// The glyph of `ch` in `face` and its advance in em.
    pub fn glyph(&self, face: usize, ch: char) -> Option<(u32, f32)> {
        let m = self.faces.get(face)?.as_ref()?;
        let id = m.charmap.map(ch)?;
        let advance = m.glyphs.advance_width(id).unwrap_or(m.units_per_em);
        Some((id.to_u32(), advance / m.units_per_em))
    }
}

/// A character set full width in Chinese text: ideographs, full-width forms and the marks that
/// Chinese fonts draw in a full cell.
pub(crate) fn full_width(c: char) -> bool {
    crate::stats::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF01}'..='\u{FF60}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Builds the cells of a block's text, choosing faces (the role's, else the bundled one).
pub(crate) fn cells(
    block: &Block,
    profile: &Profile,
    fonts: &FontSet,
    metrics: &Metrics,
    missing: &mut Vec<char>,
) -> Vec<Cell> {
    let pitch = profile.char_pitch_pt();
    let mut out = Vec::new();
    for span in &block.spans {
        let style = profile.styles.get(span.role);
        let size = style.size_pt;
        let on_grid =
            profile.chars_per_line.is_some() && (size - profile.styles.body.size_pt).abs() < 0.01;
        let role_face = fonts.role_face(span.role);
        for ch in span.text.chars() {
            let ch = if ch.is_whitespace() { ' ' } else { ch };
            let found = metrics
                .glyph(role_face, ch)
                .filter(|(id, _)| *id != 0)
                .map(|g| (role_face, g))
                .or_else(|| {
                    [Some(FontSet::BUNDLED), fonts.latin_fallback()]
                        .into_iter()
                        .flatten()
                        .find_map(|face| {
                            metrics
                                .glyph(face, ch)
                                .filter(|(id, _)| *id != 0)
                                .map(|g| (face, g))
                        })
                });
            let (face, (glyph, advance_em)) = match found {
                Some(found) => found,
                None => {
                    if !missing.contains(&ch) && missing.len() < 64 {
                        missing.push(ch);
                    }
                    (role_face, (0, 1.0))
                }
            };
            let natural = advance_em * size;
            let wide = profile.chinese && full_width(ch);
            let width = match (wide, on_grid) {
                (true, true) => pitch,
                (true, false) => size,
                (false, _) => natural,
            };
            // A narrow glyph in a full cell: opening quotes sit at the cell's end, others at its start.
            let offset = if wide && matches!(ch, '“' | '‘') {
                (width - natural).max(0.0)
            } else if wide && !crate::stats::is_cjk(ch) && matches!(ch, '—' | '…' | '·') {
                ((width - natural) / 2.0).max(0.0)
            } else {
                0.0
            };
            out.push(Cell {
                ch,
                role: span.role,
                face,
                glyph,
                width,
                offset,
                space: ch == ' ',
            });
        }
    }
    out
}

/// Whether the text of `cells` ends a sentence (closing quotes and brackets aside).
fn ends_sentence(cells: &[Cell], chinese: bool) -> bool {
    let last = cells
        .iter()
        .rev()
        .map(|c| c.ch)
        .find(|c| !c.is_whitespace() && !"”’）」』)\"'".contains(*c));
    match last {
        Some(c) if chinese => matches!(c, '。' | '！' | '？' | '!' | '?'),
        Some(c) => matches!(c, '.' | '!' | '?' | '。'),
        None => false,
    }
}

/// Where `text` may break for a balanced title: between dictionary words (Chinese, jieba's segmentation) or at spaces.
fn title_breaks(text: &str, chars: &[char], chinese: bool) -> Vec<bool> {
    let mut allowed = break_opportunities(text, chars, chinese);
    if chinese {
        let mut word_start = vec![false; chars.len()];
        let mut at = 0;
        for word in crate::diff::tokens::words(text) {
            if at < word_start.len() {
                word_start[at] = true;
            }
            at += word.chars().count();
        }
        for (a, w) in allowed.iter_mut().zip(word_start) {
            *a = *a && w;
        }
    }
    allowed
}

/// A title's lines: centred lines of balanced length broken between words, the narrowest
/// that need no more lines than filling each line to the text width would.
pub(crate) fn balanced_title_ranges(
    text: &str,
    chars: &[char],
    widths: &[f32],
    profile: &Profile,
) -> Vec<Range<usize>> {
    let width = profile.text_width_pt();
    let spaces: Vec<bool> = chars.iter().map(|c| c.is_whitespace()).collect();
    let total: f32 = widths.iter().sum();
    if total <= width {
        return std::iter::once(0..chars.len()).collect();
    }
    let step = profile.styles.title.size_pt / 2.0;
    let allowed = title_breaks(text, chars, profile.chinese);
    let greedy = fill_lines(widths, &allowed, &spaces, width, width);
    let mut target = total / greedy.len() as f32;
    loop {
        let lines = fill_lines(widths, &allowed, &spaces, target, target);
        if lines.len() <= greedy.len() || target >= width {
            return lines;
        }
        target = (target + step).min(width);
    }
}

/// Breaks a block into lines.
pub(crate) fn block_lines(block: &Block, cells: Vec<Cell>, profile: &Profile) -> Vec<Line> {
    let style = profile.styles.get(block.role);
    let width = profile.text_width_pt();
    let em = if profile.chars_per_line.is_some() && block.role != Role::Title {
        profile.char_pitch_pt()
    } else {
        style.size_pt
    };
    let indent = style.indent_chars * em;
    let text: String = cells.iter().map(|c| c.ch).collect();
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f32> = cells.iter().map(|c| c.width).collect();
    let spaces: Vec<bool> = cells.iter().map(|c| c.space).collect();
    let total: f32 = widths.iter().sum();
    let ranges = if block.role == Role::Title && total > width {
        balanced_title_ranges(&text, &chars, &widths, profile)
    } else {
        let allowed = break_opportunities(&text, &chars, profile.chinese);
        fill_lines(&widths, &allowed, &spaces, width - indent, width)
    };
    let keep = matches!(
        block.role,
        Role::Title | Role::Meta | Role::Heading1 | Role::Heading2 | Role::Greeting | Role::Notice
    );
    let count = ranges.len();
    let mut lines = Vec::with_capacity(count + block.blank_lines_before);
    for _ in 0..block.blank_lines_before {
        lines.push(Line::blank());
    }
    for (i, range) in ranges.into_iter().enumerate() {
        let cells = cells[range].to_vec();
        lines.push(Line {
            role: Some(block.role),
            ends_sentence: ends_sentence(&cells, profile.chinese),
            cells,
            indent: if i == 0 { indent } else { 0.0 },
            align: Some(style.align),
            last_of_block: i + 1 == count,
            keep_with_next: keep,
            page_break_before: i == 0 && block.page_break_before,
        });
    }
    if let Some(first) = lines.first_mut() {
        first.page_break_before = block.page_break_before;
    }
    lines
}

/// Places a line's cells as runs, `top_pt` being the top of its line slot.
pub(crate) fn line_runs(
    line: &Line,
    profile: &Profile,
    fonts: &FontSet,
    top_pt: f32,
) -> Vec<GlyphRun> {
    if line.role.is_none() {
        return Vec::new();
    }
    let width = profile.text_width_pt();
    let content = line
        .cells
        .iter()
        .rposition(|c| !c.space)
        .map_or(0, |last| last + 1);
    let used: f32 = line.cells[..content].iter().map(|c| c.width).sum();
    let free = (width - line.indent - used).max(0.0);
    let (start, gap) = match line.align.unwrap_or(Align::Left) {
        Align::Center => (free / 2.0, 0.0),
        Align::Justify if !line.last_of_block && content > 1 => {
            if profile.chinese {
                (0.0, free / (content - 1) as f32)
            } else {
                let spaces = line.cells[..content].iter().filter(|c| c.space).count();
                (
                    0.0,
                    if spaces > 0 {
                        free / spaces as f32
                    } else {
                        0.0
                    },
                )
            }
        }
        _ => (0.0, 0.0),
    };
    let mut x = profile.margin_left_mm * super::profile::PT_PER_MM + line.indent + start;
    let mut runs: Vec<GlyphRun> = Vec::new();
    for (i, cell) in line.cells[..content].iter().enumerate() {
        let extra = if profile.chinese || cell.space {
            gap
        } else {
            0.0
        };
        let advance = cell.width + if i + 1 < content { extra } else { 0.0 };
        let style = profile.styles.get(cell.role);
        let continues = runs
            .last()
            .is_some_and(|r| r.face == cell.face && r.role == cell.role);
        if !continues {
            let face = &fonts.faces()[cell.face];
            runs.push(GlyphRun {
                role: cell.role,
                face: cell.face,
                size_pt: style.size_pt,
                x_pt: x,
                baseline_pt: baseline(top_pt, profile.line_pitch_pt, style.size_pt),
                text: String::new(),
                glyphs: Vec::new(),
                faux_bold: style.bold && !face.bold,
            });
        }
        if let Some(run) = runs.last_mut() {
            let from = run.text.len();
            run.text.push(cell.ch);
            run.glyphs.push(PlacedGlyph {
                id: cell.glyph,
                advance_pt: advance,
                offset_pt: cell.offset,
                text_range: from..run.text.len(),
            });
        }
        x += advance;
    }
    runs
}

/// The baseline of text of `size_pt` centred in a line slot of `pitch_pt` starting at `top_pt`.
pub(crate) fn baseline(top_pt: f32, pitch_pt: f32, size_pt: f32) -> f32 {
    // An ideograph's body spans about 0.88 em above the baseline to 0.12 em below.
    top_pt + pitch_pt / 2.0 + 0.38 * size_pt
}

/// Lays out `speech` with `options`, choosing fonts from `library`.
pub fn layout(speech: &Speech, options: &PrintOptions, library: &FontLibrary) -> PageLayout {
    let profile = &options.profile;
    let mut fonts = library.fonts_for(profile);
    let blocks = blocks(speech, profile, options.numbering);
    let mut missing = Vec::new();
    let lines: Vec<Line> = {
        let metrics = Metrics::new(&fonts);
        blocks
            .iter()
            .flat_map(|block| {
                let cells = cells(block, profile, &fonts, &metrics, &mut missing);
                block_lines(block, cells, profile)
            })
            .collect()
    };
    fonts.set_missing_chars(missing);
    let title = speech.title.trim().to_string();
    let pages = {
        let metrics = Metrics::new(&fonts);
        paginate(lines, profile, &fonts, &metrics, &title)
    };
    PageLayout {
        page_width_pt: profile.page_width_pt(),
        page_height_pt: profile.page_height_pt(),
        pages,
        title,
        fonts,
    }
}

/// The first page of `speech` laid out with `options`: for a preview.
pub fn first_page(
    speech: &Speech,
    options: &PrintOptions,
    library: &FontLibrary,
) -> Option<LaidPage> {
    layout(speech, options, library).pages.into_iter().next()
}
