//! Merging the sections: matched to the base on each side, merged one by one, ordered, with
//! sections added or removed on one side.

use std::collections::HashSet;

use super::text::{MergedText, TextConflict, merge_text};
use super::{ConflictKind, ConflictPart, MergeConflict, line_of, pick};
use crate::diff::{match_with_texts, moved_sections, section_text};
use crate::model::{Section, SectionId, Speech};

/// One section of the result, with its conflicts (offsets in its text).
struct Slot {
    /// Its position on the other side (the side whose order is not followed), when there.
    other: Option<usize>,
    section: Section,
    conflicts: Vec<(ConflictKind, TextConflict)>,
}

/// One side's sections, matched to the base.
struct SideSections<'a> {
    sections: &'a [Section],
    texts: Vec<String>,
    /// For each base section, its position on this side.
    from_base: Vec<Option<usize>>,
    /// For each section of this side, the base section it matches.
    to_base: Vec<Option<usize>>,
}

impl<'a> SideSections<'a> {
    fn new(base: &[Section], base_texts: &[String], sections: &'a [Section]) -> Self {
        let texts: Vec<String> = sections.iter().map(section_text).collect();
        let from_base = match_with_texts(base, sections, base_texts, &texts);
        let mut to_base = vec![None; sections.len()];
        for (b, n) in from_base.iter().enumerate() {
            if let Some(slot) = n.and_then(|n| to_base.get_mut(n)) {
                *slot = Some(b);
            }
        }
        Self {
            sections,
            texts,
            from_base,
            to_base,
        }
    }

    fn moved_any(&self) -> bool {
        moved_sections(&self.from_base).iter().any(|m| *m)
    }

    fn text(&self, i: usize) -> &str {
        self.texts.get(i).map_or("", String::as_str)
    }
}

/// A whole section's text as the only, clean alternative.
fn whole(text: &str, base: &str, kind: ConflictKind) -> (ConflictKind, TextConflict) {
    let (ours, theirs) = match kind {
        ConflictKind::RemovedByOurs => (String::new(), text.to_string()),
        ConflictKind::RemovedByTheirs | ConflictKind::Text => (text.to_string(), String::new()),
    };
    (
        kind,
        TextConflict {
            start: 0,
            end: text.len(),
            base: base.to_string(),
            ours,
            theirs,
        },
    )
}

/// Builds a section from merged text (heading, then paragraphs), other fields from `fields`.
fn section_from(merged: &MergedText, id: SectionId, fields: &Section) -> Section {
    let mut lines = merged.text.split('\n').map(str::to_string);
    Section {
        id,
        heading: lines.next().unwrap_or_default(),
        paragraphs: lines.collect(),
        guidance: fields.guidance.clone(),
        budget_minutes: fields.budget_minutes,
    }
}

/// Merges the sections of the three speeches, adding conflicts to `out`.
pub(crate) fn merge_sections(
    base: &Speech,
    ours: &Speech,
    theirs: &Speech,
    out: &mut Vec<MergeConflict>,
) -> Vec<Section> {
    let base_texts: Vec<String> = base.sections.iter().map(section_text).collect();
    let ours_side = SideSections::new(&base.sections, &base_texts, &ours.sections);
    let theirs_side = SideSections::new(&base.sections, &base_texts, &theirs.sections);
    // Follow ours' order unless only theirs moved sections.
    let follow_ours = ours_side.moved_any() || !theirs_side.moved_any();
    let (lead, other) = if follow_ours {
        (&ours_side, &theirs_side)
    } else {
        (&theirs_side, &ours_side)
    };
    // Merges texts given in (lead, other) order.
    let merge = |b: &str, l: &str, o: &str| {
        if follow_ours {
            merge_text(b, l, o)
        } else {
            merge_text(b, o, l)
        }
    };
    let removed_by_other = if follow_ours {
        ConflictKind::RemovedByTheirs
    } else {
        ConflictKind::RemovedByOurs
    };
    let removed_by_lead = if follow_ours {
        ConflictKind::RemovedByOurs
    } else {
        ConflictKind::RemovedByTheirs
    };
    let base_text = |b: usize| base_texts.get(b).map_or("", String::as_str);

    // Sections the other side added, not matched to the base.
    let mut other_used = vec![false; other.sections.len()];
    let mut slots: Vec<Slot> = Vec::new();
    for (li, lead_section) in lead.sections.iter().enumerate() {
        let lead_text = lead.text(li);
        match lead.to_base.get(li).copied().flatten() {
            Some(b) => {
                let base_section = base.sections.get(b);
                match other.from_base.get(b).copied().flatten() {
                    Some(oi) => {
                        let other_section = other.sections.get(oi).unwrap_or(lead_section);
                        let merged = merge(base_text(b), lead_text, other.text(oi));
                        let fields = match base_section {
                            Some(bs) => Section {
                                guidance: pick(
                                    &bs.guidance,
                                    &lead_section.guidance,
                                    &other_section.guidance,
                                ),
                                budget_minutes: pick(
                                    &bs.budget_minutes,
                                    &lead_section.budget_minutes,
                                    &other_section.budget_minutes,
                                ),
                                ..Section::default()
                            },
                            None => lead_section.clone(),
                        };
                        if let Some(used) = other_used.get_mut(oi) {
                            *used = true;
                        }
                        let id = base_section.map_or(lead_section.id, |bs| {
                            pick(&bs.id, &lead_section.id, &other_section.id)
                        });
                        slots.push(Slot {
                            other: Some(oi),
                            section: section_from(&merged, id, &fields),
                            conflicts: merged
                                .conflicts
                                .into_iter()
                                .map(|c| (ConflictKind::Text, c))
                                .collect(),
                        });
                    }
                    None if lead_text == base_text(b) => {} // removed on the other side
                    None => slots.push(Slot {
                        other: None,
                        section: lead_section.clone(),
                        conflicts: vec![whole(lead_text, base_text(b), removed_by_other)],
                    }),
                }
            }
            None => {
                // Added by the lead; the other side may have added the same section.
                let twin = other.sections.iter().enumerate().position(|(oi, s)| {
                    other.to_base.get(oi).copied().flatten().is_none()
                        && !other_used.get(oi).copied().unwrap_or(true)
                        && (s.id == lead_section.id || other.text(oi) == lead_text)
                });
                match twin {
                    Some(oi) => {
                        if let Some(used) = other_used.get_mut(oi) {
                            *used = true;
                        }
                        let merged = merge("", lead_text, other.text(oi));
                        slots.push(Slot {
                            other: Some(oi),
                            section: section_from(&merged, lead_section.id, lead_section),
                            conflicts: merged
                                .conflicts
                                .into_iter()
                                .map(|c| (ConflictKind::Text, c))
                                .collect(),
                        });
                    }
                    None => slots.push(Slot {
                        other: None,
                        section: lead_section.clone(),
                        conflicts: Vec::new(),
                    }),
                }
            }
        }
    }

    // The other side's sections not placed yet go after the section they follow there.
    let mut cursor = 0;
    for (oi, other_section) in other.sections.iter().enumerate() {
        if other_used.get(oi).copied().unwrap_or(false) {
            if let Some(at) = slots.iter().position(|s| s.other == Some(oi)) {
                cursor = at + 1;
            }
            continue;
        }
        let other_text = other.text(oi);
        let slot = match other.to_base.get(oi).copied().flatten() {
            // Removed by the lead: gone unless the other side changed it.
            Some(b) if other_text == base_text(b) => continue,
            Some(b) => Slot {
                other: Some(oi),
                section: other_section.clone(),
                conflicts: vec![whole(other_text, base_text(b), removed_by_lead)],
            },
            None => Slot {
                other: Some(oi),
                section: other_section.clone(),
                conflicts: Vec::new(),
            },
        };
        let at = cursor.min(slots.len());
        slots.insert(at, slot);
        cursor = at + 1;
    }

    // Ids stay unique; conflicts are recorded in reading order.
    let mut seen = HashSet::new();
    let mut sections = Vec::with_capacity(slots.len());
    for mut slot in slots {
        if !seen.insert(slot.section.id) {
            slot.section.id = SectionId::new();
            seen.insert(slot.section.id);
        }
        let text = section_text(&slot.section);
        for (kind, c) in slot.conflicts {
            out.push(MergeConflict {
                part: ConflictPart::Section(slot.section.id),
                kind,
                paragraph: line_of(&text, c.start),
                start: c.start,
                end: c.end,
                base: c.base,
                ours: c.ours,
                theirs: c.theirs,
            });
        }
        sections.push(slot.section);
    }
    sections
}
