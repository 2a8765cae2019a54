//! The XML parts of a `.docx`: paragraphs (with tracked changes and comment anchors) from
//! `word/document.xml`, heading styles from `word/styles.xml`, comments from
//! `word/comments.xml`. `quick-xml` reads them as a stream; no entity is expanded (only the five
//! predefined ones and character references are resolved, as text), a DTD is ignored, and
//! malformed XML ends the part with an error instead of a panic.

use std::collections::HashMap;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// What a paragraph's style says it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum StyleKind {
    /// Body text.
    #[default]
    Body,
    /// Heading 1 / 标题 1, or outline level 1.
    Heading,
    /// The document's title style.
    Title,
}

/// One paragraph of the body, in both versions of tracked changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// The text with changes rejected (insertions left out, deletions kept).
    pub original: String,
    /// The text with changes accepted.
    pub accepted: String,
    /// The style's id (`Heading1`, `1`, `Title`).
    pub style_id: String,
    /// The outline level set on the paragraph itself (0 is level 1).
    pub outline_level: Option<u8>,
    /// The paragraph mark itself was inserted (the paragraph did not exist before the review).
    pub mark_inserted: bool,
    /// The paragraph mark was deleted (the paragraph joins the next one once accepted).
    pub mark_deleted: bool,
    /// Ids of the comments anchored in it.
    pub comment_ids: Vec<String>,
}

/// The body's paragraphs and how many tracked insertions and deletions there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Body {
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Tracked insertions (`w:ins`, `w:moveTo`).
    pub insertions: usize,
    /// Tracked deletions (`w:del`, `w:moveFrom`).
    pub deletions: usize,
}

/// A part's XML could not be read; the parser's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct XmlError(pub String);

fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The text of an entity reference: a character reference or one of the five predefined
/// entities; anything else is kept as written (`&name;`), never expanded.
fn reference_text(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference
        .decode()
        .map(|n| n.into_owned())
        .unwrap_or_default();
    match resolve_predefined_entity(&name) {
        Some(text) => text.to_string(),
        None => format!("&{name};"),
    }
}

fn reader(xml: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml.as_bytes());
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    reader
}

/// Where text goes while reading the body.
#[derive(Default)]
struct BodyState {
    body: Body,
    /// Open paragraphs (a text box's paragraphs sit inside another paragraph).
    open: Vec<Paragraph>,
    inserted: usize,
    deleted: usize,
    in_text: bool,
    in_paragraph_properties: bool,
    in_mark_properties: bool,
}

impl BodyState {
    fn text(&mut self, text: &str) {
        if !self.in_text {
            return;
        }
        let (inserted, deleted) = (self.inserted > 0, self.deleted > 0);
        if let Some(paragraph) = self.open.last_mut() {
            if !inserted {
                paragraph.original.push_str(text);
            }
            if !deleted {
                paragraph.accepted.push_str(text);
            }
        }
    }

    fn start(&mut self, element: &BytesStart<'_>, empty: bool) {
        let name = element.name();
        match name.as_ref() {
            b"w:p" => {
                self.open.push(Paragraph::default());
                if empty {
                    self.end(b"w:p");
                }
            }
            b"w:pPr" if !empty => self.in_paragraph_properties = true,
            b"w:rPr" if self.in_paragraph_properties && !empty => self.in_mark_properties = true,
            b"w:pStyle" if self.in_paragraph_properties => {
                if let (Some(p), Some(id)) = (self.open.last_mut(), attribute(element, b"w:val")) {
                    p.style_id = id;
                }
            }
            b"w:outlineLvl" if self.in_paragraph_properties => {
                if let Some(p) = self.open.last_mut() {
                    p.outline_level = attribute(element, b"w:val").and_then(|v| v.parse().ok());
                }
            }
            b"w:ins" | b"w:moveTo" | b"w:del" | b"w:moveFrom" if self.in_mark_properties => {
                if let Some(p) = self.open.last_mut() {
                    match name.as_ref() {
                        b"w:ins" | b"w:moveTo" => p.mark_inserted = true,
                        _ => p.mark_deleted = true,
                    }
                }
            }
            b"w:ins" | b"w:moveTo" if !empty => {
                self.inserted += 1;
                self.body.insertions += 1;
            }
            b"w:del" | b"w:moveFrom" if !empty => {
                self.deleted += 1;
                self.body.deletions += 1;
            }
            b"w:t" | b"w:delText" if !empty => self.in_text = true,
            b"w:tab" if !self.in_paragraph_properties => {
                self.in_text = true;
                self.text("\t");
                self.in_text = false;
            }
            b"w:br" | b"w:cr" => {
                self.in_text = true;
                self.text("\n");
                self.in_text = false;
            }
            b"w:commentRangeStart" | b"w:commentReference" => {
                if let (Some(p), Some(id)) = (self.open.last_mut(), attribute(element, b"w:id"))
                    && !p.comment_ids.contains(&id)
                {
                    p.comment_ids.push(id);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"w:p" => {
                if let Some(paragraph) = self.open.pop() {
                    self.body.paragraphs.push(paragraph);
                }
            }
            b"w:pPr" => {
                self.in_paragraph_properties = false;
                self.in_mark_properties = false;
            }
            b"w:rPr" => self.in_mark_properties = false,
            b"w:ins" | b"w:moveTo" if !self.in_mark_properties => {
                self.inserted = self.inserted.saturating_sub(1);
            }
            b"w:del" | b"w:moveFrom" if !self.in_mark_properties => {
                self.deleted = self.deleted.saturating_sub(1);
            }
            b"w:t" | b"w:delText" => self.in_text = false,
            _ => {}
        }
    }
}

/// Reads the paragraphs of `word/document.xml`.
pub(crate) fn parse_body(xml: &str) -> Result<Body, XmlError> {
    let mut reader = reader(xml);
    let mut state = BodyState::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => state.start(&e, false),
            Ok(Event::Empty(e)) => state.start(&e, true),
            Ok(Event::End(e)) => state.end(e.name().as_ref()),
            Ok(Event::Text(t)) => {
                let text = t.decode().map_err(|e| XmlError(e.to_string()))?;
                state.text(&text);
            }
            Ok(Event::CData(t)) => {
                let text = String::from_utf8_lossy(t.as_ref()).into_owned();
                state.text(&text);
            }
            Ok(Event::GeneralRef(r)) => state.text(&reference_text(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(XmlError(format!("{e} at byte {}", reader.error_position())));
            }
        }
    }
    // A paragraph left open by a truncated part still counts.
    while let Some(paragraph) = state.open.pop() {
        state.body.paragraphs.push(paragraph);
    }
    Ok(state.body)
}

/// The kind of each style in `word/styles.xml`, by style id.
pub(crate) fn parse_styles(xml: &str) -> Result<HashMap<String, StyleKind>, XmlError> {
    let mut reader = reader(xml);
    let mut styles = HashMap::new();
    let mut current: Option<(String, StyleKind)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:style" => {
                    if let Some((id, kind)) = current.take() {
                        styles.insert(id, kind);
                    }
                    current = attribute(&e, b"w:styleId").map(|id| (id, StyleKind::Body));
                }
                b"w:name" => {
                    if let (Some((_, kind)), Some(name)) =
                        (current.as_mut(), attribute(&e, b"w:val"))
                    {
                        *kind = style_kind_of_name(&name);
                    }
                }
                b"w:outlineLvl" => {
                    if let Some((_, kind)) = current.as_mut()
                        && attribute(&e, b"w:val").as_deref() == Some("0")
                        && *kind == StyleKind::Body
                    {
                        *kind = StyleKind::Heading;
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => {
                if let Some((id, kind)) = current.take() {
                    styles.insert(id, kind);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(XmlError(e.to_string())),
        }
    }
    Ok(styles)
}

/// The kind of a style by its name (`heading 1`, `标题 1`, `Title`).
pub(crate) fn style_kind_of_name(name: &str) -> StyleKind {
    let lower = name.trim().to_lowercase();
    match lower.as_str() {
        "heading 1" | "heading1" | "标题 1" | "标题1" | "標題 1" | "標題1" => {
            StyleKind::Heading
        }
        "title" | "标题" | "標題" => StyleKind::Title,
        _ => StyleKind::Body,
    }
}

/// One comment: who wrote it and what it says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Comment {
    /// The author's name, possibly empty.
    pub author: String,
    /// The comment's text, paragraphs joined with a space.
    pub text: String,
}

/// The comments of `word/comments.xml`, by id.
pub(crate) fn parse_comments(xml: &str) -> Result<HashMap<String, Comment>, XmlError> {
    let mut reader = reader(xml);
    let mut comments = HashMap::new();
    let mut current: Option<(String, Comment)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:comment" => {
                    let id = attribute(&e, b"w:id").unwrap_or_default();
                    let author = attribute(&e, b"w:author").unwrap_or_default();
                    current = Some((
                        id,
                        Comment {
                            author,
                            text: String::new(),
                        },
                    ));
                }
                b"w:t" => in_text = true,
                b"w:p" => {
                    if let Some((_, comment)) = current.as_mut()
                        && !comment.text.is_empty()
                    {
                        comment.text.push(' ');
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:comment" => {
                    if let Some((id, comment)) = current.take() {
                        comments.insert(id, comment);
                    }
                }
                b"w:t" => in_text = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let Some((_, comment)) = current.as_mut() {
                    comment
                        .text
                        .push_str(&t.decode().map_err(|e| XmlError(e.to_string()))?);
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Some((_, comment)) = current.as_mut() {
                    comment.text.push_str(&reference_text(&r));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(XmlError(e.to_string())),
        }
    }
    Ok(comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn tracked_changes_give_two_versions() {
        let xml = format!(
            r#"<w:document {NS}><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、甲</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">我们</w:t></w:r><w:del w:id="1"><w:r><w:delText>要</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>必须</w:t></w:r></w:ins><w:r><w:t>学习&amp;思考&#x3002;&custom;</w:t></w:r><w:commentReference w:id="7"/></w:p>
            <w:p><w:pPr><w:rPr><w:ins w:id="3"/></w:rPr></w:pPr><w:ins w:id="4"><w:r><w:t>新段</w:t></w:r></w:ins></w:p>
            </w:body></w:document>"#
        );
        let body = parse_body(&xml).unwrap();
        assert_eq!(body.paragraphs.len(), 3);
        let p = &body.paragraphs[1];
        assert_eq!(p.original, "我们要学习&思考。&custom;");
        assert_eq!(p.accepted, "我们必须学习&思考。&custom;");
        assert_eq!(p.comment_ids, ["7"]);
        assert_eq!(body.paragraphs[0].style_id, "Heading1");
        assert!(body.paragraphs[2].mark_inserted);
        assert_eq!(body.paragraphs[2].original, "");
        assert_eq!((body.insertions, body.deletions), (2, 1));
    }

    #[test]
    fn malformed_xml_is_an_error_or_partial_never_a_panic() {
        for xml in [
            "<w:p><w:t>甲",
            "<w:p><w:t>甲</w:x></w:p>",
            "<<<>>>",
            "<!DOCTYPE x [<!ENTITY e \"boom\">]><w:p><w:t>&e;</w:t></w:p>",
        ] {
            if let Ok(body) = parse_body(xml) {
                assert!(body.paragraphs.iter().all(|p| !p.accepted.contains("boom")));
            }
        }
    }

    #[test]
    fn styles_and_comments() {
        let styles = format!(
            r#"<w:styles {NS}><w:style w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:styleId="T"><w:name w:val="Title"/></w:style><w:style w:styleId="o"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#
        );
        let styles = parse_styles(&styles).unwrap();
        assert_eq!(styles["1"], StyleKind::Heading);
        assert_eq!(styles["a"], StyleKind::Body);
        assert_eq!(styles["T"], StyleKind::Title);
        assert_eq!(styles["o"], StyleKind::Heading);
        let comments = format!(
            r#"<w:comments {NS}><w:comment w:id="7" w:author="王审"><w:p><w:r><w:t>改得好</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        let comments = parse_comments(&comments).unwrap();
        assert_eq!(
            comments["7"],
            Comment {
                author: "王审".into(),
                text: "改得好".into()
            }
        );
    }
}
