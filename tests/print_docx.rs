//! .docx export: the XML (East Asian fonts, page, margins, exact spacing, grid, footers with
//! PAGE fields) and the document opened by a real reader (LibreOffice → PDF → text).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::process::Command;

use lectern::export::{self, ExportOptions, LayoutName, PrintOptions, docx};
use lectern::project::Settings;

use crate::print_support::*;

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the .docx"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn gongwen_docx_xml_has_fonts_page_spacing_grid_and_footers() {
    let speech = chinese_speech(2_000);
    let options = PrintOptions::new(LayoutName::Gongwen, &Settings::default());
    let bytes = docx::docx_bytes(&speech, &options).unwrap();
    let document = part(&bytes, "word/document.xml");
    // A4, margins 37/35/28/26 mm in twips.
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
        "page size"
    );
    for margin in [
        r#"w:top="2098""#,
        r#"w:right="1474""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
    ] {
        assert!(document.contains(margin), "margin {margin}");
    }
    // 22 lines of 28: exact 28.95 pt pitch, the character grid.
    assert!(
        document.contains(
            r#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848" />"#
        )
    );
    // Every run names its East Asian font.
    let runs = document.matches("<w:r>").count();
    assert!(runs > 10);
    assert_eq!(
        document.matches("w:eastAsia=").count(),
        runs,
        "a run without w:eastAsia"
    );
    assert!(document.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(document.contains(r#"w:eastAsia="方正小标宋简体""#));
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"w:eastAsia="黑体""#) && styles.contains(r#"w:eastAsia="楷体_GB2312""#)
    );
    for style in ["Title", "Heading1", "Heading2", "Body"] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{style}""#)),
            "style {style}"
        );
    }
    assert!(
        styles.contains(r#"w:line="579" w:lineRule="exact""#),
        "exact spacing"
    );
    // Odd and even footers, each with a PAGE field, outside and one character in.
    assert!(document.contains(r#"w:type="default""#) && document.contains(r#"w:type="even""#));
    assert!(part(&bytes, "word/settings.xml").contains("w:evenAndOddHeaders"));
    let odd = part(&bytes, "word/footer1.xml");
    let even = part(&bytes, "word/footer2.xml");
    for (footer, align, indent) in [
        (&odd, "right", r#"w:right="280""#),
        (&even, "left", r#"w:left="280""#),
    ] {
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{align}" />"#)),
            "{footer}"
        );
        assert!(footer.contains(indent), "{footer}");
        assert!(footer.contains("— "), "{footer}");
        assert!(footer.contains(r#"w:eastAsia="宋体""#), "{footer}");
    }
}

#[test]
fn docx_opened_by_libreoffice_has_the_text() {
    if !have_tool("soffice", "libreoffice-writer-nogui") || !have_tool("pdftotext", "poppler-utils")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (layout, speech) in [
        (LayoutName::Gongwen, chinese_speech(3_000)),
        (LayoutName::Manuscript, english_speech(600)),
    ] {
        let options = PrintOptions::new(layout, &Settings::default());
        let path = dir.path().join(format!("{layout}.docx"));
        docx::write_docx(&speech, &options, &path).unwrap();
        let profile = format!("file://{}", dir.path().join("lo-profile").display());
        run(Command::new("soffice")
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&path));
        let pdf = dir.path().join(format!("{layout}.pdf"));
        if let Some(artifacts) = artifacts_dir() {
            render_pngs(&pdf, &artifacts, &format!("docx-{layout}"));
        }
        let text: String = pdf_pages(&pdf)
            .iter()
            .flat_map(|p| {
                p.lines()
                    .filter(|l| !is_page_number(l))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .join("\n");
        let expected = if layout == LayoutName::Gongwen {
            export::export(&speech, &ExportOptions::chinese())
        } else {
            // The export's text has the title, speaker and date on top, as the printed copy.
            let body = export::export(&speech, &ExportOptions::english(&Settings::default()));
            format!("Check against delivery\n{body}")
        };
        let mut got = squeeze(&text);
        if layout == LayoutName::Manuscript {
            // The running header (the title) on pages after the first.
            got = got.replace(&squeeze(&speech.title), "");
            assert_eq!(got, squeeze(&expected).replace(&squeeze(&speech.title), ""));
        } else {
            assert_eq!(got, squeeze(&expected));
        }
    }
}
