//! PDF export read back with poppler: the text, the embedded fonts, pages and lines per the
//! profile, line-start rules, reading-copy page ends. Renders pages 1–2 as PNG when
//! `LECTERN_ARTIFACTS` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use lectern::export::linebreak::forbidden_at_line_start;
use lectern::export::{self, ExportOptions, FontLibrary, LayoutName, PrintOptions, layout, pdf};
use lectern::model::Speech;
use lectern::project::Settings;

use crate::print_support::*;

/// Writes `speech` in `layout_name` to a PDF in `dir`; keeps its PNGs when asked to.
fn write(speech: &Speech, layout_name: LayoutName, dir: &Path) -> (std::path::PathBuf, usize) {
    let options = PrintOptions::new(layout_name, &Settings::default());
    let laid = layout(speech, &options, FontLibrary::system());
    let path = dir.join(format!("{layout_name}.pdf"));
    pdf::write_pdf(&laid, &path).expect("PDF written");
    if let Some(artifacts) = artifacts_dir() {
        render_pngs(&path, &artifacts, &format!("pdf-{layout_name}"));
    }
    (path, laid.pages.len())
}

/// The text lines of a page, without blank lines and the page number.
fn text_lines(page: &str) -> Vec<String> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_page_number(l))
        .map(str::to_string)
        .collect()
}

fn poppler() -> bool {
    have_tool("pdftotext", "poppler-utils") && have_tool("pdffonts", "poppler-utils")
}

fn assert_fonts_embedded_as_subsets(pdf: &Path) {
    let fonts = pdf_fonts(pdf);
    assert!(!fonts.is_empty(), "no fonts in {}", pdf.display());
    for row in fonts {
        let name = row.split_whitespace().next().unwrap_or("");
        // Subset fonts are named ABCDEF+Name, and pdffonts says emb yes, sub yes.
        let tag = name.split('+').next().unwrap_or("");
        assert!(
            name.contains('+') && tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "not a subset: {row}"
        );
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(flags, ["yes", "yes", "yes"], "emb/sub/uni in: {row}");
    }
}

#[test]
fn gongwen_pdf_has_the_text_22_lines_of_28_and_subset_fonts() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let speech = chinese_speech(5_000);
    let (pdf, pages) = write(&speech, LayoutName::Gongwen, dir.path());
    assert_fonts_embedded_as_subsets(&pdf);
    assert_eq!(pdf_page_count(&pdf), pages);

    let text = export::export(&speech, &ExportOptions::chinese());
    let chars = squeeze(&text).chars().count();
    assert!(chars >= 5_000, "the fixture has {chars} characters");
    let read = pdf_pages(&pdf);
    assert_eq!(read.len(), pages);
    let body: String = read.iter().flat_map(|p| text_lines(p)).collect();
    assert_eq!(squeeze(&body), squeeze(&text));

    // 22 lines of 28 cells: the pages fill, and the lines' count is the layout's.
    let full_page_chars = 22 * 28;
    assert!(
        pages >= chars / full_page_chars,
        "{pages} pages for {chars} chars"
    );
    for (i, page) in read.iter().enumerate() {
        let lines = text_lines(page);
        // The title, its blank line and the speech fill page 1 too.
        assert!(lines.len() <= 22, "page {}: {} lines", i + 1, lines.len());
        if i + 1 < read.len() {
            assert!(
                lines.len() >= 20,
                "page {} is short: {} lines",
                i + 1,
                lines.len()
            );
        }
        for line in &lines {
            assert!(cells(line) <= 28.0, "page {}: line too long: {line}", i + 1);
            let first = line.chars().next().unwrap_or(' ');
            assert!(
                !forbidden_at_line_start(first),
                "page {}: line starts with {first}: {line}",
                i + 1
            );
        }
    }
    // Page numbers `— n —`, on every page.
    for (i, page) in read.iter().enumerate() {
        let expected = format!("—{}—", i + 1);
        assert!(
            page.lines().any(|l| squeeze(l) == expected),
            "page {} lacks {expected}",
            i + 1
        );
    }
}

#[test]
fn reading_copy_pages_end_at_sentence_ends_with_a_cue() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let speech = chinese_speech(5_000);
    let (pdf, pages) = write(&speech, LayoutName::Reading, dir.path());
    assert_fonts_embedded_as_subsets(&pdf);
    let read = pdf_pages(&pdf);
    assert_eq!(read.len(), pages);
    assert!(pages >= 8, "large type takes pages: {pages}");
    let mut body = String::new();
    for (i, page) in read.iter().enumerate() {
        let mut lines = text_lines(page);
        if i + 1 < read.len() {
            let cue = lines.pop().expect("a cue line");
            let words = cue
                .strip_prefix("接下页：")
                .unwrap_or_else(|| panic!("page {}: no cue: {cue}", i + 1));
            let next = text_lines(&read[i + 1]).join("");
            assert!(
                squeeze(&next).starts_with(&squeeze(words)),
                "page {}: cue {cue} but next page starts {next:.20}",
                i + 1
            );
            let last = lines.last().expect("text on the page");
            let end = last.trim_end_matches(['”', '’', '）']).chars().last();
            assert!(
                matches!(end, Some('。' | '！' | '？')),
                "page {} ends mid-sentence: {last}",
                i + 1
            );
        }
        for line in &lines {
            let first = line.chars().next().unwrap_or(' ');
            assert!(
                !forbidden_at_line_start(first),
                "page {}: line starts with {first}: {line}",
                i + 1
            );
            assert!(cells(line) <= 25.0, "page {}: line too long: {line}", i + 1);
        }
        body.extend(lines);
    }
    // The export's text has the speaker and date under the title, as the printed copy.
    let expected = export::export(&speech, &ExportOptions::chinese());
    assert!(expected.contains(&format!(
        "{}\n（{}）",
        speech.meta.speaker, speech.meta.date
    )));
    assert_eq!(squeeze(&body), squeeze(&expected));
}

#[test]
fn manuscript_has_header_notice_and_en_dash_numbers() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let speech = english_speech(1_500);
    let (pdf, pages) = write(&speech, LayoutName::Manuscript, dir.path());
    assert_fonts_embedded_as_subsets(&pdf);
    let read = pdf_pages(&pdf);
    assert_eq!(read.len(), pages);
    assert!(pages >= 3);
    let mut body = Vec::new();
    for (i, page) in read.iter().enumerate() {
        let expected = format!("–{}–", i + 1);
        assert!(
            page.lines().any(|l| squeeze(l) == expected),
            "page {} lacks {expected}",
            i + 1
        );
        let mut lines = text_lines(page);
        if i > 0 {
            assert_eq!(
                lines.first().map(String::as_str),
                Some(speech.title.as_str()),
                "header on page {}",
                i + 1
            );
            lines.remove(0);
            let last = lines.last().expect("text");
            assert!(
                last.ends_with(['.', '!', '?']),
                "page {} ends mid-sentence: {last}",
                i + 1
            );
        }
        body.extend(lines);
    }
    assert_eq!(
        body.first().map(String::as_str),
        Some("Check against delivery")
    );
    let options = ExportOptions::english(&Settings::default());
    let expected = format!(
        "Check against delivery {}",
        export::export(&speech, &options)
    );
    let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&body.join(" ")), words(&expected));
}

#[test]
fn with_no_installed_fonts_the_bundled_font_is_embedded_and_reported() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let speech = chinese_speech(800);
    let options = PrintOptions::new(LayoutName::Gongwen, &Settings::default());
    let laid = layout(&speech, &options, &FontLibrary::bundled_only());
    let report = laid.font_report();
    assert!(report.roles.iter().all(|r| r.substituted));
    // The bundled font has every ideograph; what it lacks (Latin, digits, curly quotes) is
    // reported, not silently dropped.
    assert!(
        report
            .missing_chars
            .iter()
            .all(|c| !lectern::stats::is_cjk(*c)),
        "{:?}",
        report.missing_chars
    );
    assert!(
        report.missing_chars.contains(&'2'),
        "{:?}",
        report.missing_chars
    );
    let path = dir.path().join("bundled.pdf");
    pdf::write_pdf(&laid, &path).unwrap();
    assert_fonts_embedded_as_subsets(&path);
    let fonts = pdf_fonts(&path);
    assert_eq!(fonts.len(), 1, "one face: {fonts:?}");
    assert!(fonts[0].contains("DroidSansFallback"), "{fonts:?}");
    let cjk = |t: &str| {
        t.chars()
            .filter(|c| lectern::stats::is_cjk(*c))
            .collect::<String>()
    };
    let text: String = pdf_pages(&path)
        .iter()
        .flat_map(|p| text_lines(p))
        .collect();
    assert_eq!(
        cjk(&text),
        cjk(&export::export(&speech, &ExportOptions::chinese()))
    );
}
