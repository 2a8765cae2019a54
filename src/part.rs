//! One vocabulary for "which part of the speech": [`Part`] names a part by stable identity
//! (sections by their [`SectionId`], so a part keeps its name when sections are reordered), and
//! [`Field`] names one editable text of a part (a section has two: its heading and its body).
//!
//! Everything that points into a speech — the editor's panes and outline, statistics, find,
//! proofing findings, the compare view — uses these two types.

use serde::{Deserialize, Serialize};

use crate::model::{PartKind, Section, SectionId, Speech};

/// A part of a speech, by stable identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Part {
    /// The title line.
    Title,
    /// The salutation.
    Greeting,
    /// The paragraphs before the first section.
    Opening,
    /// A section (heading and paragraphs).
    Section(SectionId),
    /// The paragraphs after the last section.
    Closing,
}

impl Part {
    /// The kind of this part.
    pub fn kind(self) -> PartKind {
        match self {
            Part::Title => PartKind::Title,
            Part::Greeting => PartKind::Greeting,
            Part::Opening => PartKind::Opening,
            Part::Section(_) => PartKind::Section,
            Part::Closing => PartKind::Closing,
        }
    }

    /// The part's fields, in reading order (a section: heading, then body).
    pub fn fields(self) -> Vec<Field> {
        match self {
            Part::Title => vec![Field::Title],
            Part::Greeting => vec![Field::Greeting],
            Part::Opening => vec![Field::Opening],
            Part::Section(id) => vec![Field::Heading(id), Field::Body(id)],
            Part::Closing => vec![Field::Closing],
        }
    }

    /// The section's id, for a section.
    pub fn section_id(self) -> Option<SectionId> {
        match self {
            Part::Section(id) => Some(id),
            _ => None,
        }
    }
}

/// One editable text of a speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title line.
    Title,
    /// The salutation.
    Greeting,
    /// The opening paragraphs, one per line.
    Opening,
    /// A section's heading (without its number).
    Heading(SectionId),
    /// A section's paragraphs, one per line.
    Body(SectionId),
    /// The closing paragraphs, one per line.
    Closing,
}

impl Field {
    /// The part the field belongs to.
    pub fn part(self) -> Part {
        match self {
            Field::Title => Part::Title,
            Field::Greeting => Part::Greeting,
            Field::Opening => Part::Opening,
            Field::Heading(id) | Field::Body(id) => Part::Section(id),
            Field::Closing => Part::Closing,
        }
    }

    /// Whether the field holds several paragraphs (one per line).
    pub fn is_multiline(self) -> bool {
        matches!(self, Field::Opening | Field::Body(_) | Field::Closing)
    }
}

impl Speech {
    /// Every part, in reading order: title, greeting, opening, each section, closing.
    pub fn part_ids(&self) -> Vec<Part> {
        let mut out = vec![Part::Title, Part::Greeting, Part::Opening];
        out.extend(self.sections.iter().map(|s| Part::Section(s.id)));
        out.push(Part::Closing);
        out
    }

    /// Every field, in reading order.
    pub fn field_ids(&self) -> Vec<Field> {
        self.part_ids().into_iter().flat_map(Part::fields).collect()
    }

    /// The position of a section part (`None` for other parts and missing sections).
    pub fn part_section_index(&self, part: Part) -> Option<usize> {
        self.section_index(part.section_id()?)
    }

    /// A field's paragraphs: one line for the title, greeting and a heading. `None` for a
    /// section that is not there.
    pub fn field_lines(&self, field: Field) -> Option<Vec<&str>> {
        let section = |id| self.sections.iter().find(|s| s.id == id);
        Some(match field {
            Field::Title => vec![self.title.as_str()],
            Field::Greeting => vec![self.greeting.as_str()],
            Field::Opening => self.opening.iter().map(String::as_str).collect(),
            Field::Closing => self.closing.iter().map(String::as_str).collect(),
            Field::Heading(id) => vec![section(id)?.heading.as_str()],
            Field::Body(id) => section(id)?.paragraphs.iter().map(String::as_str).collect(),
        })
    }

    /// A field's text; paragraphs joined with `\n`. `None` for a section that is not there.
    pub fn field_text(&self, field: Field) -> Option<String> {
        self.field_lines(field).map(|lines| lines.join("\n"))
    }

    /// Sets a field's text. Paragraphs of a multi-line field are its lines (an empty text is no
    /// paragraph at all); line breaks in a single-line field become spaces. Returns whether the
    /// field exists.
    pub fn set_field_text(&mut self, field: Field, text: &str) -> bool {
        let single = || text.replace(['\r', '\n'], " ");
        fn section(speech: &mut Speech, id: SectionId) -> Option<&mut Section> {
            speech.sections.iter_mut().find(|s| s.id == id)
        }
        match field {
            Field::Title => self.title = single(),
            Field::Greeting => self.greeting = single(),
            Field::Opening => self.opening = split_paragraphs(text),
            Field::Closing => self.closing = split_paragraphs(text),
            Field::Heading(id) => match section(self, id) {
                Some(section) => section.heading = single(),
                None => return false,
            },
            Field::Body(id) => match section(self, id) {
                Some(section) => section.paragraphs = split_paragraphs(text),
                None => return false,
            },
        }
        true
    }

    /// A multi-line field's paragraphs, to change in place (`None` for single-line fields and
    /// missing sections).
    pub fn paragraphs_mut(&mut self, field: Field) -> Option<&mut Vec<String>> {
        match field {
            Field::Opening => Some(&mut self.opening),
            Field::Closing => Some(&mut self.closing),
            Field::Body(id) => self
                .sections
                .iter_mut()
                .find(|s| s.id == id)
                .map(|s| &mut s.paragraphs),
            Field::Title | Field::Greeting | Field::Heading(_) => None,
        }
    }

    /// A single-line field's text, to change in place (`None` for multi-line fields and missing
    /// sections).
    pub fn line_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Title => Some(&mut self.title),
            Field::Greeting => Some(&mut self.greeting),
            Field::Heading(id) => self
                .sections
                .iter_mut()
                .find(|s| s.id == id)
                .map(|s| &mut s.heading),
            Field::Opening | Field::Closing | Field::Body(_) => None,
        }
    }
}

/// Splits a multi-line field's text into paragraphs (one per line, a trailing `\r` dropped). An
/// empty text is no paragraph at all.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn fields_round_trip_and_follow_the_reading_order() {
        let mut speech = Speech {
            sections: vec![Section::new(
                "h",
                vec!["a".into(), String::new(), "b".into()],
            )],
            ..Speech::default()
        };
        let id = speech.sections[0].id;
        assert_eq!(
            speech.field_text(Field::Body(id)).as_deref(),
            Some("a\n\nb")
        );
        assert!(speech.set_field_text(Field::Body(id), "x\ny\n"));
        assert_eq!(speech.sections[0].paragraphs, ["x", "y", ""]);
        assert!(speech.set_field_text(Field::Opening, ""));
        assert!(speech.opening.is_empty());
        assert!(speech.set_field_text(Field::Title, "a\nb"));
        assert_eq!(speech.title, "a b");
        assert!(!speech.set_field_text(Field::Heading(SectionId(7)), "x"));
        assert_eq!(
            speech.field_ids(),
            [
                Field::Title,
                Field::Greeting,
                Field::Opening,
                Field::Heading(id),
                Field::Body(id),
                Field::Closing
            ]
        );
        assert_eq!(Field::Body(id).part(), Part::Section(id));
        assert_eq!(speech.part_section_index(Part::Section(id)), Some(0));
    }
}
