//! The Proofing panel's state: findings per field, checked again only for the fields whose text
//! changed, the findings the writer chose to ignore, and the actions that fix them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::model::{Language, Speech};
use crate::part::{Field, Part};
use crate::project::Settings;
use crate::proof::{self, CheckId, Finding, IgnoreKey};

use super::Editor;
use super::action::Effect;
use super::doc::Edit;

/// One field as it was last checked.
#[derive(Debug)]
struct Checked {
    /// Its paragraphs then: compared with the speech's as they are, without joining them into
    /// one text (a keystroke frame compares every field; a 45,000-character speech would
    /// otherwise be copied on every revision).
    paragraphs: Vec<String>,
    /// What was found in it.
    findings: Vec<Finding>,
}

/// The proofing findings of the working copy, kept up to date while the panel is open.
#[derive(Debug, Default)]
pub struct ProofState {
    /// Whether the Proofing panel is shown (findings are only kept while it is).
    pub open: bool,
    fields: HashMap<Field, Checked>,
    structural: Vec<Finding>,
    ignored: HashSet<IgnoreKey>,
    /// The findings to show: reading order, ignored ones left out.
    visible: Vec<Finding>,
    /// The revision `visible` was made for; `None`: make it again.
    made_for: Option<u64>,
    language: Option<Language>,
    rechecked: usize,
}

impl ProofState {
    /// The findings to show, in reading order, without the ignored ones (none while closed).
    pub fn findings(&self) -> &[Finding] {
        if self.open { &self.visible } else { &[] }
    }

    /// How many findings are shown for a part (the outline's badge).
    pub fn count_in(&self, part: Part) -> usize {
        self.findings()
            .iter()
            .filter(|f| f.field.part() == part)
            .count()
    }

    /// How many findings the writer has ignored (while their text stays the same).
    pub fn ignored_count(&self) -> usize {
        self.ignored.len()
    }

    /// How many fields the last refresh checked again (the others were unchanged).
    pub fn rechecked_fields(&self) -> usize {
        self.rechecked
    }

    /// The fixable findings of one check that are shown.
    pub fn fixable_of(&self, check: CheckId) -> Vec<Finding> {
        self.findings()
            .iter()
            .filter(|f| f.check == check && f.is_fixable())
            .cloned()
            .collect()
    }

    /// Brings the findings up to date with the speech: checks again only the fields whose text
    /// changed (and the cheap speech-level checks).
    pub(super) fn refresh(&mut self, speech: &Speech, settings: &Settings, rev: u64) {
        if !self.open || self.made_for == Some(rev) {
            return;
        }
        let language = speech.meta.language;
        if self.language != Some(language) {
            self.fields.clear();
            self.language = Some(language);
        }
        let ids = speech.field_ids();
        self.fields.retain(|field, _| ids.contains(field));
        self.rechecked = 0;
        for &field in &ids {
            let Some(lines) = speech.field_lines(field) else {
                continue;
            };
            let unchanged = self.fields.get(&field).is_some_and(|c| {
                c.paragraphs.len() == lines.len()
                    && c.paragraphs.iter().zip(&lines).all(|(a, b)| a == b)
            });
            if unchanged {
                continue;
            }
            let findings = proof::check_paragraphs(field, &lines, language);
            let paragraphs = lines.iter().map(|p| p.to_string()).collect();
            self.fields.insert(
                field,
                Checked {
                    paragraphs,
                    findings,
                },
            );
            self.rechecked += 1;
        }
        self.structural = proof::check_structure(speech, settings);
        let mut visible: Vec<Finding> = ids
            .iter()
            .filter_map(|field| self.fields.get(field))
            .flat_map(|c| c.findings.iter())
            .chain(self.structural.iter())
            .filter(|f| !self.is_ignored(speech, f))
            .cloned()
            .collect();
        proof::sort_in_reading_order(speech, &mut visible);
        self.visible = visible;
        self.made_for = Some(rev);
    }

    /// Whether the writer ignored this finding. The whole key (with the text around the
    /// finding) is only made for findings whose check, field and text match an ignored one.
    fn is_ignored(&self, speech: &Speech, finding: &Finding) -> bool {
        let candidate = self.ignored.iter().any(|k| {
            k.check == finding.check && k.field == finding.field && k.text == finding.text
        });
        candidate && self.ignored.contains(&IgnoreKey::new(speech, finding))
    }

    /// Forgets the findings (the panel closed): they are checked afresh when it opens.
    fn clear(&mut self) {
        self.fields.clear();
        self.structural.clear();
        self.visible.clear();
        self.made_for = None;
    }
}

/// The byte range of a finding in its field's text (paragraphs joined with `\n`).
pub fn finding_range(speech: &Speech, finding: &Finding) -> Option<Range<usize>> {
    let lines = speech.field_lines(finding.field)?;
    let paragraph = lines.get(finding.paragraph).copied().unwrap_or("");
    let offset: usize = lines
        .iter()
        .take(finding.paragraph)
        .map(|p| p.len() + 1)
        .sum();
    let byte = |n: usize| {
        paragraph
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(paragraph.len()))
            .nth(n)
    };
    let start = byte(finding.start)?;
    let end = byte(finding.end)?;
    Some(offset + start..offset + end.max(start))
}

impl Editor {
    /// The Proofing panel's state.
    pub fn proofing(&self) -> &ProofState {
        &self.proof
    }

    pub(super) fn refresh_proofing(&mut self) {
        self.proof
            .refresh(&self.doc.speech, &self.doc.settings, self.rev);
    }

    /// Opens or closes the Proofing panel.
    pub(super) fn toggle_proofing(&mut self) {
        self.proof.open = !self.proof.open;
        if !self.proof.open {
            self.proof.clear();
        }
    }

    /// Shows a finding: reveals its part, puts the keyboard focus in its field and selects its
    /// text (a text field shows its selection only while it has the focus).
    pub(super) fn go_to_finding(&mut self, finding: &Finding) {
        self.effects.push(Effect::Reveal(finding.field.part()));
        if let Some(range) = finding_range(&self.doc.speech, finding) {
            self.effects.push(Effect::Focus(finding.field));
            self.effects.push(Effect::Select {
                field: finding.field,
                range,
            });
        }
    }

    /// Fixes one finding (one undo step).
    pub(super) fn fix_finding(&mut self, finding: Finding) {
        self.change(Edit::Fix(vec![finding]));
    }

    /// Fixes every shown fixable finding of one check (one undo step).
    pub(super) fn fix_all(&mut self, check: CheckId) {
        self.refresh_proofing();
        let findings = self.proof.fixable_of(check);
        if !findings.is_empty() {
            self.change(Edit::Fix(findings));
        }
    }

    /// Hides a finding while the text around it stays the same.
    pub(super) fn ignore_finding(&mut self, finding: &Finding) {
        let key = IgnoreKey::new(&self.doc.speech, finding);
        if self.proof.ignored.insert(key) {
            self.proof.made_for = None;
        }
    }
}
