//! The Proofing panel's state: findings per field and per paragraph, checked again only for the
//! paragraphs whose text changed, the findings the writer chose to ignore, and the actions that
//! fix them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::model::{Language, Speech};
use crate::part::{Field, Part};
use crate::proof::{self, CheckId, Finding, IgnoreKey, ParagraphCheck};

use super::Editor;
use super::action::Effect;
use super::doc::Edit;

/// One field as it was last checked, paragraph by paragraph.
#[derive(Debug)]
struct Checked {
    /// Its paragraphs then (a changed paragraph is found by comparing with these).
    paragraphs: Vec<String>,
    /// What the checks found in each paragraph on its own (`checks[i]` of `paragraphs[i]`).
    checks: Vec<ParagraphCheck>,
    /// What was found in the field: the paragraphs' findings, the numbering runs across them.
    findings: Vec<Finding>,
}

impl Checked {
    /// Brings the field up to date with `lines`: checks again only the paragraphs between the
    /// unchanged ones at its start and at its end (typing changes one; Enter splits one into
    /// two), then puts the field's findings together again (the numbering runs are made from
    /// the paragraphs' ordinals, without reading the text). Returns how many paragraphs were
    /// checked again, `None` when nothing changed.
    fn update(&mut self, field: Field, lines: &[&str], language: Language) -> Option<usize> {
        let same = |(old, new): &(&String, &&str)| old.as_str() == **new;
        let prefix = self.paragraphs.iter().zip(lines).take_while(same).count();
        let suffix = self.paragraphs[prefix..]
            .iter()
            .rev()
            .zip(lines[prefix..].iter().rev())
            .take_while(same)
            .count();
        let changed = &lines[prefix..lines.len() - suffix];
        let old = prefix..self.paragraphs.len() - suffix;
        if changed.is_empty() && old.is_empty() {
            return None;
        }
        self.paragraphs
            .splice(old.clone(), changed.iter().map(|p| p.to_string()));
        self.checks.splice(
            old,
            changed
                .iter()
                .map(|p| ParagraphCheck::new(field, p, language)),
        );
        self.findings = proof::field_findings(field, lines, &self.checks);
        Some(changed.len())
    }

    /// A field checked paragraph by paragraph.
    fn new(field: Field, lines: &[&str], language: Language) -> Self {
        let checks: Vec<ParagraphCheck> = lines
            .iter()
            .map(|p| ParagraphCheck::new(field, p, language))
            .collect();
        Self {
            paragraphs: lines.iter().map(|p| p.to_string()).collect(),
            findings: proof::field_findings(field, lines, &checks),
            checks,
        }
    }
}

/// The proofing findings of the working copy, kept up to date while the panel is open.
#[derive(Debug, Default)]
pub struct ProofState {
    /// Whether the Proofing panel is shown (findings are only kept while it is).
    pub open: bool,
    fields: HashMap<Field, Checked>,
    structural: Vec<Finding>,
    pub(super) ignored: HashSet<IgnoreKey>,
    /// The findings to show: reading order, ignored ones left out.
    visible: Vec<Finding>,
    /// The revision `visible` was made for; `None`: make it again.
    made_for: Option<u64>,
    /// The fields whose text may differ from what was checked, complete up to the revision
    /// `touched_rev` (each edit of one field's text adds it). Any other change of the document
    /// leaves `touched_rev` behind the editor's revision: then every field is compared.
    touched: HashSet<Field>,
    touched_rev: Option<u64>,
    /// How many of `visible` are in each part.
    counts: HashMap<Part, usize>,
    /// Counts the times `visible` was made.
    generation: u64,
    language: Option<Language>,
    rechecked: usize,
    rechecked_paragraphs: usize,
}

impl ProofState {
    /// The findings to show, in reading order, without the ignored ones (none while closed).
    pub fn findings(&self) -> &[Finding] {
        if self.open { &self.visible } else { &[] }
    }

    /// How many findings are shown for a part (the outline's badge).
    pub fn count_in(&self, part: Part) -> usize {
        if !self.open {
            return 0;
        }
        self.counts.get(&part).copied().unwrap_or(0)
    }

    /// Changes whenever the findings shown may have changed (a view keeps what it made of them
    /// while it stays the same).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// How many findings the writer has ignored (while their text stays the same).
    pub fn ignored_count(&self) -> usize {
        self.ignored.len()
    }

    /// How many fields the last refresh checked again (the others were unchanged).
    pub fn rechecked_fields(&self) -> usize {
        self.rechecked
    }

    /// How many paragraphs the last refresh checked again.
    pub fn rechecked_paragraphs(&self) -> usize {
        self.rechecked_paragraphs
    }

    /// The fixable findings of one check that are shown.
    pub fn fixable_of(&self, check: CheckId) -> Vec<Finding> {
        self.findings()
            .iter()
            .filter(|f| f.check == check && f.is_fixable())
            .cloned()
            .collect()
    }

    /// Notes that the document went from revision `from` to `to` by an edit of `field`'s text
    /// alone (`None`: some other change), so the next refresh knows which fields to look at.
    pub(super) fn note_change(&mut self, from: u64, to: u64, field: Option<Field>) {
        match field {
            Some(field) if self.touched_rev == Some(from) => {
                self.touched.insert(field);
                self.touched_rev = Some(to);
            }
            _ => {
                self.touched.clear();
                self.touched_rev = None;
            }
        }
    }

    /// The document went from revision `from` to `to` without a change to its speech or
    /// settings: what was up to date at `from` still is.
    pub(super) fn note_unchanged(&mut self, from: u64, to: u64) {
        if self.touched_rev == Some(from) {
            self.touched_rev = Some(to);
        }
        if self.made_for == Some(from) {
            self.made_for = Some(to);
        }
    }

    /// Brings the findings up to date with the speech: checks again only the paragraphs that
    /// changed, in the fields that changed, and runs the cheap speech-level checks with each
    /// part's speaking time from `seconds_of`.
    pub(super) fn refresh(
        &mut self,
        speech: &Speech,
        rev: u64,
        seconds_of: impl FnMut(Part) -> f64,
    ) {
        if !self.open || self.made_for == Some(rev) {
            return;
        }
        let language = speech.meta.language;
        if self.language != Some(language) {
            self.fields.clear();
            self.touched_rev = None;
            self.language = Some(language);
        }
        let ids = speech.field_ids();
        self.rechecked = 0;
        self.rechecked_paragraphs = 0;
        let to_compare: Vec<Field> = if self.touched_rev == Some(rev) {
            // Only these fields' text changed since the last refresh.
            self.touched.drain().collect()
        } else {
            self.fields.retain(|field, _| ids.contains(field));
            ids.clone()
        };
        for field in to_compare {
            let Some(lines) = speech.field_lines(field) else {
                self.fields.remove(&field);
                continue;
            };
            let rechecked = match self.fields.get_mut(&field) {
                Some(checked) => checked.update(field, &lines, language),
                None => {
                    self.fields
                        .insert(field, Checked::new(field, &lines, language));
                    Some(lines.len())
                }
            };
            if let Some(paragraphs) = rechecked {
                self.rechecked_paragraphs += paragraphs;
                self.rechecked += 1;
            }
        }
        self.touched.clear();
        self.touched_rev = Some(rev);
        self.structural = proof::check_structure_timed(speech, seconds_of);
        self.visible = self.in_reading_order(speech, &ids);
        self.counts.clear();
        for finding in &self.visible {
            *self.counts.entry(finding.field.part()).or_default() += 1;
        }
        self.generation += 1;
        self.made_for = Some(rev);
    }

    /// The findings of every field and the speech-level ones, in reading order (field by
    /// field; in a field by paragraph, position and check, as [`proof::check_speech`] sorts
    /// them), without the ignored ones.
    fn in_reading_order(&self, speech: &Speech, ids: &[Field]) -> Vec<Finding> {
        let count = self
            .fields
            .values()
            .map(|c| c.findings.len())
            .sum::<usize>();
        let mut visible = Vec::with_capacity(count + self.structural.len());
        for field in ids {
            let start = visible.len();
            if let Some(checked) = self.fields.get(field) {
                visible.extend(
                    checked
                        .findings
                        .iter()
                        .filter(|f| !self.is_ignored(speech, f))
                        .cloned(),
                );
            }
            let mut structural = self
                .structural
                .iter()
                .filter(|f| f.field == *field)
                .peekable();
            if structural.peek().is_some() {
                visible.extend(structural.filter(|f| !self.is_ignored(speech, f)).cloned());
                // A stable sort: the text's findings come first where the keys are the same.
                visible[start..].sort_by_key(|f| (f.paragraph, f.start, f.end, f.check));
            }
        }
        visible
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
        self.counts.clear();
        self.generation += 1;
        self.made_for = None;
        self.touched.clear();
        self.touched_rev = None;
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
        if !self.proof.open {
            return;
        }
        self.sync_stats();
        let speech = &self.doc.speech;
        let settings = &self.doc.settings;
        let parts = &self.stats.parts;
        self.proof
            .refresh(speech, self.rev, |part| match parts.get(&part) {
                Some(counts) => counts.seconds,
                None => crate::stats::part_counts(speech, part, settings).seconds,
            });
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
