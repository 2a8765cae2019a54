//! Lines → pages: page breaks (headings kept with what follows, reading copies ending pages at a
//! sentence end), then the header, the next-page cue and the page number of each page.

use super::blocks::{Block, Span};
use super::fonts::FontSet;
use super::layout::{GlyphRun, LaidPage, Line, Metrics, block_lines, cells, line_runs};
use super::profile::{Align, PT_PER_MM, PageNumberStyle, Profile, Role};

/// Whether a page may end after `line`.
fn may_end_page(line: &Line, profile: &Profile) -> bool {
    if line.keep_with_next {
        return false;
    }
    !profile.keep_sentences_on_page || line.is_blank() || line.ends_sentence || line.last_of_block
}

/// Cuts the lines into pages of at most `lines_per_page` slots.
fn break_pages(lines: Vec<Line>, profile: &Profile) -> Vec<Vec<Line>> {
    let per_page = profile.lines_per_page();
    let mut pages: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if line.page_break_before && !current.is_empty() {
            pages.push(std::mem::take(&mut current));
        }
        if current.is_empty() && line.is_blank() {
            continue;
        }
        if current.len() == per_page {
            // The last line that may end the page; failing that, the last one not kept with the
            // next; failing that, a full page.
            let cut = (1..=per_page)
                .rev()
                .find(|&k| may_end_page(&current[k - 1], profile))
                .or_else(|| {
                    (1..=per_page)
                        .rev()
                        .find(|&k| !current[k - 1].keep_with_next)
                })
                .unwrap_or(per_page);
            let rest: Vec<Line> = current
                .split_off(cut)
                .into_iter()
                .skip_while(Line::is_blank)
                .collect();
            pages.push(std::mem::replace(&mut current, rest));
        }
        current.push(line);
    }
    if !current.is_empty() || pages.is_empty() {
        pages.push(current);
    }
    pages
}

/// A one-line decoration (header, cue, page number) as runs, its first line only.
fn decoration(
    role: Role,
    text: &str,
    profile: &Profile,
    fonts: &FontSet,
    metrics: &Metrics,
) -> (Vec<GlyphRun>, f32) {
    let block = Block {
        role,
        spans: vec![Span {
            role,
            text: text.to_string(),
        }],
        page_break_before: false,
        blank_lines_before: 0,
    };
    let mut ignored = Vec::new();
    let cells = cells(&block, profile, fonts, metrics, &mut ignored);
    let Some(mut line) = block_lines(&block, cells, profile).into_iter().next() else {
        return (Vec::new(), 0.0);
    };
    line.align = Some(Align::Left);
    line.indent = 0.0;
    let width = line.cells.iter().map(|c| c.width).sum();
    (line_runs(&line, profile, fonts, 0.0), width)
}

/// Moves runs laid at x = left margin, baseline for a top of 0, to start at `x_pt` with their
/// baseline at `baseline_pt`.
fn place(runs: &mut [GlyphRun], profile: &Profile, x_pt: f32, baseline_pt: f32) {
    let dx = x_pt - profile.margin_left_mm * PT_PER_MM;
    let dy = baseline_pt - runs.first().map_or(0.0, |r| r.baseline_pt);
    for run in runs {
        run.x_pt += dx;
        run.baseline_pt += dy;
    }
}

/// The cue of the page that starts with `next`: its first characters or words.
fn cue_text(next: &[Line], profile: &Profile) -> Option<String> {
    let first = next.iter().find(|l| !l.is_blank())?.text();
    let first = first.trim();
    let words: String = if profile.chinese {
        first.chars().take(profile.cue_length).collect()
    } else {
        first
            .split_whitespace()
            .take(profile.cue_length)
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(if profile.chinese {
        format!("接下页：{words}")
    } else {
        format!("(continued) {words}")
    })
}

/// Lays the lines out on pages with their decorations.
pub(crate) fn paginate(
    lines: Vec<Line>,
    profile: &Profile,
    fonts: &FontSet,
    metrics: &Metrics,
    title: &str,
) -> Vec<LaidPage> {
    let pages = break_pages(lines, profile);
    let left = profile.margin_left_mm * PT_PER_MM;
    let top = profile.margin_top_mm * PT_PER_MM;
    let width = profile.text_width_pt();
    let text_bottom = top + profile.text_height_pt();
    let count = pages.len();
    let mut out = Vec::with_capacity(count);
    for (index, page_lines) in pages.iter().enumerate() {
        let number = index + 1;
        let mut runs = Vec::new();
        let mut body_lines = Vec::new();
        for (slot, line) in page_lines.iter().enumerate() {
            let slot_top = top + slot as f32 * profile.line_pitch_pt;
            runs.extend(line_runs(line, profile, fonts, slot_top));
            if !line.is_blank() {
                body_lines.push(line.text().trim_end().to_string());
            }
        }
        if profile.title_in_header && number > 1 && !title.is_empty() {
            let (mut header, w) = decoration(Role::Header, title, profile, fonts, metrics);
            let size = profile.styles.header.size_pt;
            place(
                &mut header,
                profile,
                left + (width - w) / 2.0,
                top - 10.0 * PT_PER_MM - 0.12 * size,
            );
            runs.extend(header);
        }
        if profile.next_page_cue
            && let Some(cue) = pages
                .get(index + 1)
                .and_then(|next| cue_text(next, profile))
        {
            let (mut cue_runs, w) = decoration(Role::Cue, &cue, profile, fonts, metrics);
            let size = profile.styles.cue.size_pt;
            place(
                &mut cue_runs,
                profile,
                left + width - w,
                text_bottom + 2.0 + 0.88 * size,
            );
            runs.extend(cue_runs);
        }
        let text = profile.page_numbers.text(number);
        let (mut number_runs, w) = decoration(Role::PageNumber, &text, profile, fonts, metrics);
        let size = profile.styles.page_number.size_pt;
        let x = match profile.page_numbers {
            // One character in from the outside edge of the text block.
            PageNumberStyle::OutsideEmDash if number % 2 == 1 => left + width - size - w,
            PageNumberStyle::OutsideEmDash => left + size,
            _ => left + (width - w) / 2.0,
        };
        let y = text_bottom + profile.page_number_gap_mm * PT_PER_MM + 0.88 * size;
        place(&mut number_runs, profile, x, y);
        runs.extend(number_runs);
        out.push(LaidPage {
            number,
            runs,
            body_lines,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, ends_sentence: bool, keep: bool) -> Line {
        let cells = text
            .chars()
            .map(|ch| super::super::layout::Cell {
                ch,
                role: Role::Body,
                face: 0,
                glyph: 1,
                width: 10.0,
                offset: 0.0,
                space: false,
            })
            .collect();
        Line {
            role: Some(Role::Body),
            cells,
            ends_sentence,
            keep_with_next: keep,
            ..Line::default()
        }
    }

    #[test]
    fn reading_pages_end_at_a_sentence_end_and_headings_move_down() {
        let mut profile = Profile::reading();
        let per_page = profile.lines_per_page();
        let mut lines: Vec<Line> = (0..per_page - 3)
            .map(|_| line("句。", true, false))
            .collect();
        lines.push(line("一句", false, false));
        lines.push(line("话没完", false, false));
        lines.push(line("没完", false, false));
        lines.push(line("完。", true, false));
        let pages = break_pages(lines.clone(), &profile);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), per_page - 3);
        assert_eq!(pages[1].len(), 4);

        profile.keep_sentences_on_page = false;
        let pages = break_pages(lines, &profile);
        assert_eq!(pages[0].len(), per_page);

        let mut lines: Vec<Line> = (0..per_page - 1)
            .map(|_| line("句。", true, false))
            .collect();
        lines.push(line("一、标题", false, true));
        lines.push(line("正文。", true, false));
        let pages = break_pages(lines, &profile);
        assert_eq!(pages[0].len(), per_page - 1);
        assert_eq!(pages[1][0].text(), "一、标题");
    }
}
