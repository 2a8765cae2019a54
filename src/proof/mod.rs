//! Proofing (规范检查): the slips that embarrass a writing team, found in the whole speech and
//! fixed on request — never on their own.
//!
//! Checks (each with a stable [`CheckId`]): half-width punctuation in Chinese text (GB/T 15834)
//! with its exceptions, doubled marks, ellipses and dashes, unbalanced paired marks, numbering
//! runs (`一是…二是…四是`), section numbers left in headings, repeated characters (`的的`),
//! Simplified/Traditional mixing (OpenCC's tables), spacing, English straight quotes, and the
//! speech-level checks: sections over their time budget, the speech over its target, empty
//! sections, a closing that does not end as a speech ends.
//!
//! A [`Finding`] says where (a [`Field`], a paragraph, a character range), what (a typed
//! [`FindingMessage`]) and, when a fix is safe, the replacement text. Fixes change only the
//! characters of their finding.
//!
//! For an editor: check the whole speech once ([`check_speech`]); as the writer types, check
//! only the changed field again ([`check_field`], or [`check_paragraphs`] on the text being
//! edited) plus [`check_structure`] (cheap), and replace that field's findings.
//!
//! ```
//! use lectern::model::Speech;
//! use lectern::proof::{self, CheckId};
//! use lectern::project::Settings;
//!
//! let mut speech = Speech { title: "在工作会上的的讲话".into(), ..Speech::default() };
//! speech.opening = vec!["今天开会,研究工作。".into()];
//! speech.closing = vec!["谢谢大家！".into()];
//! let findings = proof::check_speech(&speech, &Settings::default());
//! let ids: Vec<&str> = findings.iter().map(|f| f.check.id()).collect();
//! assert_eq!(ids, ["repeated-char", "punct-halfwidth"]);
//! proof::fix_everything(&mut speech);
//! assert_eq!(speech.title, "在工作会上的讲话");
//! assert_eq!(speech.opening[0], "今天开会，研究工作。");
//! ```

mod finding;
mod fix;
mod marks;
mod numbering;
mod pairs;
mod punct;
mod repeat;
mod script;
mod spacing;
mod structure;
mod text;

#[cfg(test)]
mod tests;

pub use finding::{CheckId, Finding, FindingMessage, NumberStyle, Script, SpaceKind};
pub use fix::{FixError, apply_fix, apply_fixes, fix_check, fix_checks, fix_everything};
pub use structure::check_structure;
pub(crate) use structure::check_structure_timed;

use crate::model::{Language, Speech};
use crate::part::Field;
use crate::project::Settings;
use text::Para;

/// What a check found in one paragraph, before it is placed in a field.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    /// Which check.
    pub check: CheckId,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The replacement, when a fix is safe.
    pub suggestion: Option<String>,
    /// What is wrong.
    pub message: FindingMessage,
}

/// Checks the whole speech: every field, then the speech-level checks. Findings come in
/// reading order (field, paragraph, position).
pub fn check_speech(speech: &Speech, settings: &Settings) -> Vec<Finding> {
    let mut out = check_text(speech);
    out.extend(check_structure(speech, settings));
    sort_in_reading_order(speech, &mut out);
    out
}

/// The text checks of every field (no time budgets or empty sections).
fn check_text(speech: &Speech) -> Vec<Finding> {
    speech
        .field_ids()
        .into_iter()
        .flat_map(|field| check_field(speech, field))
        .collect()
}

/// Checks one field alone: its text checks (everything but [`check_structure`]'s). Use it to
/// re-check only the field that changed. Nothing for a section that is not there.
pub fn check_field(speech: &Speech, field: Field) -> Vec<Finding> {
    match speech.field_lines(field) {
        Some(lines) => check_paragraphs(field, &lines, speech.meta.language),
        None => Vec::new(),
    }
}

/// Checks the paragraphs of one field as given (for an editor that holds the text being edited
/// apart from the speech): `language` is the speech's, and decides the script-mixing check.
/// The findings name `field`.
pub fn check_paragraphs(field: Field, paragraphs: &[&str], language: Language) -> Vec<Finding> {
    let checks: Vec<ParagraphCheck> = paragraphs
        .iter()
        .map(|p| ParagraphCheck::new(field, p, language))
        .collect();
    field_findings(field, paragraphs, &checks)
}

/// What the checks find in one paragraph on its own: the findings of the checks that look at
/// one paragraph, and the ordinals the numbering pass strings together across the field's
/// paragraphs. An editor keeps one per paragraph and makes it again only for the paragraphs
/// that changed; [`field_findings`] puts a field's findings together from them.
#[derive(Clone, Debug)]
pub(crate) struct ParagraphCheck {
    /// Each hit with its text, in the order the checks reported them.
    hits: Vec<(Hit, String)>,
    /// The ordinals (multi-line fields only).
    markers: Vec<numbering::Marker>,
}

impl ParagraphCheck {
    /// Checks one paragraph of `field` (the kind of field decides the numbering checks).
    pub(crate) fn new(field: Field, text: &str, language: Language) -> Self {
        let p = Para::new(text);
        let mut found = Vec::new();
        punct::check(&p, &mut found);
        marks::doubled(&p, &mut found);
        marks::ellipsis(&p, &mut found);
        marks::dash(&p, &mut found);
        pairs::check(&p, &mut found);
        repeat::check(&p, &mut found);
        spacing::check(&p, &mut found);
        spacing::english_quotes(&p, &mut found);
        if let Some(converter) = script::converter(language) {
            script::check(&p, converter, &mut found);
        }
        match field {
            Field::Heading(_) => numbering::heading_number(&p, &mut found),
            f if f.is_multiline() => numbering::paragraph_number(&p, &mut found),
            _ => {}
        }
        let markers = if field.is_multiline() {
            numbering::markers(&p)
        } else {
            Vec::new()
        };
        let hits = found
            .into_iter()
            .map(|h| {
                let text = p.slice(h.start, h.end);
                (h, text)
            })
            .collect();
        Self { hits, markers }
    }
}

/// The findings of one field from its paragraphs' [`ParagraphCheck`]s (`checks[i]` of
/// `paragraphs[i]`): their own findings, the numbering runs across them and, for the closing,
/// how it ends. The same findings as checking the field whole, in the same order.
pub(crate) fn field_findings(
    field: Field,
    paragraphs: &[&str],
    checks: &[ParagraphCheck],
) -> Vec<Finding> {
    let mut hits: Vec<(usize, Hit, Option<String>)> = Vec::new();
    for (index, check) in checks.iter().enumerate() {
        hits.extend(
            check
                .hits
                .iter()
                .map(|(h, text)| (index, h.clone(), Some(text.clone()))),
        );
    }
    if field.is_multiline() {
        let runs = numbering::check_runs(checks.iter().map(|c| c.markers.as_slice()));
        hits.extend(runs.into_iter().map(|(index, h)| (index, h, None)));
    }
    if field == Field::Closing {
        hits.extend(structure::closing_end(paragraphs).map(|(index, h)| (index, h, None)));
    }
    hits.sort_by_key(|(index, h, _)| (*index, h.start, h.end, h.check));
    hits.into_iter()
        .map(|(paragraph, h, text)| Finding {
            check: h.check,
            field,
            paragraph,
            start: h.start,
            end: h.end,
            text: text.unwrap_or_else(|| {
                let p = paragraphs.get(paragraph).copied().unwrap_or("");
                text::char_slice(p, h.start, h.end)
            }),
            suggestion: h.suggestion,
            message: h.message,
        })
        .collect()
}

/// Sorts findings by field (in the speech's reading order), paragraph, position and check.
pub fn sort_in_reading_order(speech: &Speech, findings: &mut [Finding]) {
    let fields = speech.field_ids();
    let rank = |field: Field| {
        fields
            .iter()
            .position(|f| *f == field)
            .unwrap_or(usize::MAX)
    };
    findings.sort_by_key(|f| (rank(f.field), f.paragraph, f.start, f.end, f.check));
}

/// What names a finding across edits elsewhere (positions move as the writer types): its check,
/// field, text and up to [`IgnoreKey::CONTEXT_CHARS`] characters on each side. An editor keeps
/// the keys of the findings the writer chose to ignore and hides findings with those keys.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IgnoreKey {
    /// The check.
    pub check: CheckId,
    /// The field.
    pub field: Field,
    /// The finding's text.
    pub text: String,
    /// The characters just before it.
    pub before: String,
    /// The characters just after it.
    pub after: String,
}

impl IgnoreKey {
    /// How many characters of context on each side.
    pub const CONTEXT_CHARS: usize = 6;

    /// The key of `finding` in `speech` (the speech it was found in).
    pub fn new(speech: &Speech, finding: &Finding) -> Self {
        let lines = speech.field_lines(finding.field).unwrap_or_default();
        let chars: Vec<char> = lines
            .get(finding.paragraph)
            .map(|p| p.chars().collect())
            .unwrap_or_default();
        let start = finding.start.min(chars.len());
        let end = finding.end.clamp(start, chars.len());
        let from = start.saturating_sub(Self::CONTEXT_CHARS);
        let to = (end + Self::CONTEXT_CHARS).min(chars.len());
        Self {
            check: finding.check,
            field: finding.field,
            text: finding.text.clone(),
            before: chars[from..start].iter().collect(),
            after: chars[end..to].iter().collect(),
        }
    }
}

/// Loads OpenCC's tables for `language` now, so the first check does not wait for them (about
/// 10 ms for Simplified, 15 ms for Traditional; an editor can call this on a background thread
/// at start).
pub fn warm_up(language: Language) {
    std::hint::black_box(script::converter(language));
}
