//! The importer's pipeline: lines → segments → head → body → closing and trailing
//! boilerplate, building the speech, the layout that accounts for the input, and each line's
//! role.

use super::body::{BodyItem, parse_body};
use super::boilerplate::trailing_boilerplate_start;
use super::head::{UnderTitle, find_head};
use super::language::detect_language;
use super::lines::split_lines;
use super::note::{DetailField, ImportNote};
use super::roles::{LineMark, LineRole, Overrides, PreviewLine};
use super::segments::segment;
use super::vocative::{closing_start, vocatives_of_greeting};
use super::{ImportPreview, Imported, Piece, TextFormat};
use crate::model::Section;

/// What is being built: the result and the role of each line.
struct Builder {
    imported: Imported,
    roles: Vec<LineRole>,
}

impl Builder {
    fn note(&mut self, text: &str, line: usize, role: LineRole) {
        let notes = &mut self.imported.speech.notes;
        self.imported.layout.pieces.push(Piece::Note(notes.len()));
        notes.push(text.to_string());
        self.set_role(line, role);
    }

    fn marker(&mut self, marker: &str) {
        if marker.is_empty() {
            return;
        }
        let markers = &mut self.imported.removed_markers;
        self.imported
            .layout
            .pieces
            .push(Piece::Marker(markers.len()));
        markers.push(marker.to_string());
    }

    fn set_role(&mut self, line: usize, role: LineRole) {
        if let Some(slot) = self.roles.get_mut(line) {
            *slot = role;
        }
    }

    fn detail(&mut self, field: DetailField, value: &str) {
        let meta = &mut self.imported.speech.meta;
        let slot = match field {
            DetailField::Occasion => &mut meta.occasion,
            DetailField::Date => &mut meta.date,
            DetailField::Speaker => &mut meta.speaker,
        };
        *slot = value.to_string();
        self.imported.layout.pieces.push(Piece::Detail(field));
    }

    /// Adds a paragraph to the opening, the last section or the closing.
    fn paragraph(&mut self, text: String, in_closing: bool) -> LineRole {
        let speech = &mut self.imported.speech;
        let pieces = &mut self.imported.layout.pieces;
        if in_closing {
            pieces.push(Piece::Closing(speech.closing.len()));
            speech.closing.push(text);
            return LineRole::Closing;
        }
        let sections = speech.sections.len();
        match speech.sections.last_mut() {
            Some(section) => {
                pieces.push(Piece::Paragraph(sections - 1, section.paragraphs.len()));
                section.paragraphs.push(text);
                LineRole::SectionText
            }
            None => {
                pieces.push(Piece::Opening(speech.opening.len()));
                speech.opening.push(text);
                LineRole::Opening
            }
        }
    }
}

/// The index of the item where the closing starts: the item of a line marked as its start, else
/// the guess among the paragraphs after the last heading.
fn closing_item(items: &[BodyItem], marked: Option<usize>, greeting: &str) -> Option<usize> {
    let line_of = |item: &BodyItem| match item {
        BodyItem::Heading { line, .. }
        | BodyItem::Paragraph { line, .. }
        | BodyItem::Note { line, .. } => *line,
    };
    if let Some(marked) = marked {
        return items
            .iter()
            .position(|item| !matches!(item, BodyItem::Note { .. }) && line_of(item) >= marked);
    }
    let tail_start = items
        .iter()
        .rposition(|item| matches!(item, BodyItem::Heading { .. }))
        .map_or(0, |i| i + 1);
    let (indexes, paragraphs): (Vec<usize>, Vec<String>) = items
        .iter()
        .enumerate()
        .skip(tail_start)
        .filter_map(|(i, item)| match item {
            BodyItem::Paragraph { text, .. } => Some((i, text.clone())),
            _ => None,
        })
        .unzip();
    let start = closing_start(&paragraphs, &vocatives_of_greeting(greeting))?;
    indexes.get(start).copied()
}

/// Runs the importer on `text` with the user's `overrides`; with `with_lines`, also lists the
/// lines with their roles.
pub(crate) fn run(
    text: &str,
    format: TextFormat,
    overrides: &Overrides,
    with_lines: bool,
) -> ImportPreview {
    let markdown = format == TextFormat::Markdown;
    let raw = split_lines(text);
    let mut notes = Vec::new();
    let (lines, split_greeting) = segment(&raw, &mut notes);
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let sources: Vec<usize> = lines.iter().map(|l| l.source).collect();
    let user_marks = overrides.per_line(&sources);
    let mut marks = user_marks.clone();
    // A greeting split off the text after it is the greeting, unless the user says otherwise.
    if let Some(greeting) = split_greeting
        && !marks.contains(&Some(LineMark::Greeting))
        && let Some(slot @ None) = marks.get_mut(greeting)
    {
        *slot = Some(LineMark::Greeting);
    }
    let mark = |i: usize| marks.get(i).copied().flatten();
    let head = find_head(&texts, markdown, &marks);
    notes.extend(head.notes.iter().cloned());

    let mut b = Builder {
        imported: Imported::default(),
        roles: vec![LineRole::Blank; texts.len()],
    };
    b.imported.speech.meta.language = detect_language(text);
    let text_of = |i: usize| texts.get(i).copied().unwrap_or_default();
    for &line in &head.notes_before_title {
        b.note(text_of(line), line, LineRole::Notes);
    }
    if let Some(marker) = head.title_marker {
        b.marker(marker);
    }
    b.imported.speech.title = head.title.clone().unwrap_or_default();
    b.imported.layout.pieces.push(Piece::Title);
    for &line in &head.title_lines {
        b.set_role(line, LineRole::Title);
    }
    for &(line, under) in &head.under_title {
        match under {
            UnderTitle::Note => b.note(text_of(line), line, LineRole::Notes),
            UnderTitle::Detail(detail) => {
                b.marker(detail.before);
                b.detail(detail.field, detail.value);
                b.marker(detail.after);
                b.set_role(line, LineRole::Detail(detail.field));
            }
        }
    }
    if let Some(line) = head.greeting {
        b.imported.speech.greeting = text_of(line).to_string();
        b.set_role(line, LineRole::Greeting);
    }
    b.imported.layout.pieces.push(Piece::Greeting);

    let body_start = head.body_start.min(texts.len());
    let body_lines = texts.get(body_start..).unwrap_or_default();
    let keep = |i: usize| mark(body_start + i).is_some_and(|m| m != LineMark::Notes);
    let body_end = body_start + trailing_boilerplate_start(body_lines, &keep);
    let body = texts.get(body_start..body_end).unwrap_or_default();
    let body_marks = marks.get(body_start..body_end).unwrap_or_default();
    let items = parse_body(
        body,
        markdown,
        body_marks,
        overrides.headings_marked_only(),
        &mut notes,
    );
    let marked_closing = body_marks
        .iter()
        .position(|m| *m == Some(LineMark::ClosingStart));
    let closing = closing_item(&items, marked_closing, &b.imported.speech.greeting);

    let mut item_roles: Vec<(usize, LineRole)> = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let in_closing = closing.is_some_and(|c| index >= c);
        match item {
            BodyItem::Note { text, line } => {
                b.note(&text, body_start + line, LineRole::Notes);
                item_roles.push((line, LineRole::Notes));
            }
            BodyItem::Heading {
                markers,
                text,
                line,
            } if in_closing => {
                let mut whole = markers.join(" ");
                if !whole.is_empty() && !text.is_empty() {
                    whole.push(' ');
                }
                whole.push_str(&text);
                item_roles.push((line, b.paragraph(whole, true)));
            }
            BodyItem::Heading {
                markers,
                text,
                line,
            } => {
                for marker in &markers {
                    b.marker(marker);
                }
                let speech = &mut b.imported.speech;
                b.imported
                    .layout
                    .pieces
                    .push(Piece::Heading(speech.sections.len()));
                speech.sections.push(Section::new(text, Vec::new()));
                item_roles.push((line, LineRole::SectionHeading));
            }
            BodyItem::Paragraph { text, line } => {
                item_roles.push((line, b.paragraph(text, in_closing)));
            }
        }
    }
    let mut boilerplate = 0;
    for line in body_end..texts.len() {
        if !text_of(line).is_empty() {
            boilerplate += 1;
            b.note(text_of(line), line, LineRole::Boilerplate);
        }
    }

    // Every non-blank body line takes the role of the item it starts or continues.
    let mut continues = vec![false; texts.len()];
    let mut starts = item_roles.iter().peekable();
    let mut current: Option<LineRole> = None;
    for (offset, line) in body.iter().enumerate() {
        let mut started = false;
        while let Some(&&(start, role)) = starts.peek() {
            if start > offset {
                break;
            }
            if !started {
                current = Some(role);
                started = true;
            }
            starts.next();
        }
        if !line.is_empty()
            && let Some(role) = current
        {
            b.set_role(body_start + offset, role);
            if let Some(flag) = continues.get_mut(body_start + offset) {
                *flag = !started;
            }
        }
    }

    let speech = &b.imported.speech;
    if boilerplate > 0 {
        notes.push(ImportNote::BoilerplateMovedToNotes { count: boilerplate });
    }
    if marked_closing.is_none() && !speech.closing.is_empty() {
        notes.push(ImportNote::ClosingFound {
            paragraphs: speech.closing.len(),
        });
    }
    if speech.sections.is_empty() && !speech.opening.is_empty() {
        notes.push(ImportNote::NoSections);
    }
    b.imported.notes = notes;
    let preview_lines = if with_lines {
        lines
            .iter()
            .enumerate()
            .map(|(index, line)| PreviewLine {
                text: line.text.to_string(),
                source_line: line.source,
                role: b.roles.get(index).copied().unwrap_or(LineRole::Blank),
                mark: user_marks.get(index).copied().flatten(),
                continues_paragraph: continues.get(index).copied().unwrap_or(false),
            })
            .collect()
    } else {
        Vec::new()
    };
    ImportPreview {
        imported: b.imported,
        lines: preview_lines,
    }
}
