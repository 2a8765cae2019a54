//! Builds small `.docx` files for the tests: a zip of the parts Word writes.

use std::io::Write;

/// The WordprocessingML namespace declaration.
pub const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A paragraph of the given style id (empty for body text) holding `runs` (already XML).
pub fn paragraph(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{style}{runs}</w:p>")
}

/// A plain run.
pub fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// A tracked insertion.
pub fn ins(text: &str) -> String {
    format!(r#"<w:ins w:id="1" w:author="审稿人"><w:r><w:t>{text}</w:t></w:r></w:ins>"#)
}

/// A tracked deletion.
pub fn del(text: &str) -> String {
    format!(r#"<w:del w:id="2" w:author="审稿人"><w:r><w:delText>{text}</w:delText></w:r></w:del>"#)
}

/// Styles with `Heading1` named `heading 1` and `Title` named `Title`.
pub fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#
    )
}

/// A `.docx` of `paragraphs` (XML), with styles and the given comments part (if any), and any
/// extra `(name, bytes)` entries.
pub fn docx(paragraphs: &[String], comments: Option<&str>, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{}</w:body></w:document>"#,
        paragraphs.concat()
    );
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_vec(),
        ),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles().into_bytes()),
    ];
    if let Some(comments) = comments {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:comments {NS}>{comments}</w:comments>"#
        );
        parts.push(("word/comments.xml".into(), xml.into_bytes()));
    }
    for (name, bytes) in extra {
        parts.push((name.to_string(), bytes.to_vec()));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(&bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}
