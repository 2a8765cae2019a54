//! Speech → Word (.docx) with `docx-rs`: one paragraph style per role (the recipient can restyle),
//! the profile's page, margins, exact line spacing and character grid, and footers with PAGE
//! fields (odd and even pages apart when the profile puts numbers outside).
//!
//! Every run names its East Asian font (`w:rFonts w:eastAsia`): without it Word keeps its theme
//! font for Chinese text. The next-page cue and page ends at sentence ends are PDF-only (Word
//! paginates by itself); headings are kept with the next paragraph.

use std::io::Cursor;
use std::path::Path;

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, Header, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Style,
    StyleType,
};

use crate::model::Speech;

use super::PrintError;
use super::blocks::{Block, blocks};
use super::layout::{PrintOptions, balanced_title_ranges};
use super::profile::{Align, FontChoice, PT_PER_MM, PageNumberStyle, Profile, Role};

/// Twips (twentieths of a point) in a millimetre.
fn mm_to_twips(mm: f32) -> i32 {
    (mm * PT_PER_MM * 20.0).round() as i32
}

fn pt_to_twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

/// Half-points, the unit of `w:sz`.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(1.0) as usize
}

fn run_fonts(font: &FontChoice) -> RunFonts {
    RunFonts::new()
        .east_asia(&font.docx_east_asia)
        .ascii(&font.docx_latin)
        .hi_ansi(&font.docx_latin)
        .cs(&font.docx_latin)
        .hint("eastAsia")
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Justify => AlignmentType::Both,
    }
}

fn exact(pt: f32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(pt_to_twips(pt))
        .before(0)
        .after(0)
}

/// A run of `text` in `role`'s font and size.
fn run(profile: &Profile, role: Role, text: &str) -> Run {
    let style = profile.styles.get(role);
    let mut run = Run::new()
        .add_text(text)
        .fonts(run_fonts(&style.font))
        .size(half_points(style.size_pt));
    if style.bold {
        run = run.bold();
    }
    run
}

/// The style of `role`: font, size, alignment, indent, exact spacing.
fn role_style(profile: &Profile, role: Role, name: &str) -> Style {
    let style = profile.styles.get(role);
    let mut out = Style::new(role.id(), StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .fonts(run_fonts(&style.font))
        .size(half_points(style.size_pt))
        .align(alignment(style.align))
        .line_spacing(exact(profile.line_pitch_pt));
    if style.indent_chars > 0.0 {
        out = out.first_line_chars((style.indent_chars * 100.0).round() as i32);
    }
    if style.bold {
        out = out.bold();
    }
    match role {
        Role::Title => out.outline_lvl(0),
        Role::Heading1 => out.outline_lvl(1),
        Role::Heading2 => out.outline_lvl(2),
        _ => out,
    }
}

/// The text of a title with manual breaks where the PDF breaks it (balanced, between words).
fn title_paragraph(profile: &Profile, text: &str) -> Paragraph {
    let style = &profile.styles.title;
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f32> = chars
        .iter()
        .map(|c| {
            if super::layout::full_width(*c) {
                style.size_pt
            } else {
                style.size_pt / 2.0
            }
        })
        .collect();
    let mut paragraph = Paragraph::new().style(Role::Title.id());
    for (i, range) in balanced_title_ranges(text, &chars, &widths, profile)
        .into_iter()
        .enumerate()
    {
        let piece: String = chars[range].iter().collect();
        let mut r = run(profile, Role::Title, piece.trim_end());
        if i > 0 {
            r = Run::new()
                .fonts(run_fonts(&style.font))
                .add_break(docx_rs::BreakType::TextWrapping)
                .add_text(piece.trim_end())
                .size(half_points(style.size_pt));
        }
        paragraph = paragraph.add_run(r);
    }
    paragraph
}

fn paragraph(profile: &Profile, block: &Block) -> Paragraph {
    if block.role == Role::Title {
        return title_paragraph(profile, &block.text());
    }
    let mut p = Paragraph::new().style(block.role.id());
    for span in &block.spans {
        p = p.add_run(run(profile, span.role, &span.text));
    }
    if matches!(
        block.role,
        Role::Heading1 | Role::Heading2 | Role::Greeting | Role::Meta | Role::Notice
    ) {
        p = p.keep_next(true);
    }
    if block.page_break_before {
        p = p.page_break_before(true);
    }
    p
}

fn empty_paragraph(profile: &Profile) -> Paragraph {
    Paragraph::new()
        .style(Role::Body.id())
        .add_run(run(profile, Role::Body, ""))
}

/// A footer paragraph: `— PAGE —` aligned and indented as the profile says.
fn page_number_footer(profile: &Profile, odd: bool) -> Footer {
    let style = &profile.styles.page_number;
    let dash = profile.page_numbers.dash();
    let one_char = pt_to_twips(style.size_pt);
    let (align, left, right) = match (profile.page_numbers, odd) {
        (PageNumberStyle::OutsideEmDash, true) => (AlignmentType::Right, None, Some(one_char)),
        (PageNumberStyle::OutsideEmDash, false) => (AlignmentType::Left, Some(one_char), None),
        _ => (AlignmentType::Center, None, None),
    };
    let p = Paragraph::new()
        .style(Role::PageNumber.id())
        .align(align)
        .indent(left, None::<SpecialIndentType>, right, None)
        .line_spacing(exact(style.size_pt))
        .add_run(run(profile, Role::PageNumber, &format!("{dash} ")))
        .add_run(
            Run::new()
                .fonts(run_fonts(&style.font))
                .size(half_points(style.size_pt))
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run(profile, Role::PageNumber, &format!(" {dash}")));
    Footer::new().add_paragraph(p)
}

/// The .docx of `speech` laid out with `options`.
pub fn docx_bytes(speech: &Speech, options: &PrintOptions) -> Result<Vec<u8>, PrintError> {
    let profile = &options.profile;
    let body = &profile.styles.body;
    // The footer's distance from the page edge puts the number's top `page_number_gap_mm`
    // below the text block.
    let number_size = profile.styles.page_number.size_pt;
    let footer_mm = profile.margin_bottom_mm - profile.page_number_gap_mm - number_size / PT_PER_MM;
    let margins = PageMargin::new()
        .top(mm_to_twips(profile.margin_top_mm))
        .bottom(mm_to_twips(profile.margin_bottom_mm))
        .left(mm_to_twips(profile.margin_left_mm))
        .right(mm_to_twips(profile.margin_right_mm))
        .header(mm_to_twips((profile.margin_top_mm - 12.0).max(5.0)))
        .footer(mm_to_twips(footer_mm.max(5.0)));
    let mut docx = Docx::new()
        .page_size(
            mm_to_twips(profile.page_width_mm) as u32,
            mm_to_twips(profile.page_height_mm) as u32,
        )
        .page_margin(margins)
        .default_fonts(run_fonts(&body.font))
        .default_size(half_points(body.size_pt))
        .default_line_spacing(exact(profile.line_pitch_pt));
    if let Some(chars) = profile.chars_per_line {
        // Word's grid: char_space is the cell's excess over the default size, in 1/4096 pt.
        let pitch = profile.text_width_pt() / chars.max(1) as f32;
        let char_space = ((pitch - body.size_pt) * 4096.0).round() as isize;
        docx.document = docx.document.doc_grid(
            DocGrid::new()
                .grid_type(DocGridType::LinesAndChars)
                .line_pitch(pt_to_twips(profile.line_pitch_pt) as usize)
                .char_space(char_space),
        );
    }
    let names = [
        (Role::Title, "Title"),
        (Role::Meta, "Subtitle"),
        (Role::Greeting, "Salutation"),
        (Role::Heading1, "heading 1"),
        (Role::Heading2, "heading 2"),
        (Role::Body, "Body Text"),
        (Role::Notice, "Notice"),
        (Role::Header, "header"),
        (Role::PageNumber, "footer"),
    ];
    for (role, name) in names {
        docx = docx.add_style(role_style(profile, role, name));
    }
    for block in blocks(speech, profile, options.numbering) {
        for _ in 0..block.blank_lines_before {
            docx = docx.add_paragraph(empty_paragraph(profile));
        }
        docx = docx.add_paragraph(paragraph(profile, &block));
    }
    docx = docx.footer(page_number_footer(profile, true));
    if profile.page_numbers == PageNumberStyle::OutsideEmDash {
        docx = docx.even_footer(page_number_footer(profile, false));
    }
    let title = speech.title.trim();
    if profile.title_in_header && !title.is_empty() {
        let header = Paragraph::new()
            .style(Role::Header.id())
            .align(AlignmentType::Center)
            .add_run(run(profile, Role::Header, title));
        docx = docx
            .header(Header::new().add_paragraph(header))
            .first_header(Header::new())
            .first_footer(page_number_footer(profile, true));
    }
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| PrintError::Docx(Box::new(e)))?;
    Ok(out.into_inner())
}

/// Writes the .docx of `speech` to `path` atomically.
pub fn write_docx(speech: &Speech, options: &PrintOptions, path: &Path) -> Result<(), PrintError> {
    let bytes = docx_bytes(speech, options)?;
    crate::storage::write_atomic(path, &bytes, false)?;
    Ok(())
}
