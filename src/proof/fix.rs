//! Applying fixes: one finding, a set of findings, all of one check, everything.

use super::{CheckId, Finding, check_text};
use crate::model::Speech;
use crate::part::Field;

/// Why a fix could not be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FixError {
    /// The finding has no fix (only the writer can decide).
    #[error("this finding has no automatic fix")]
    NoFix,
    /// The field or paragraph the finding names is not in the speech.
    #[error("the part of the speech this finding is about is not there")]
    NoSuchPlace,
    /// The text at the finding's place is no longer what was checked: check again.
    #[error("the text has changed since it was checked")]
    Stale,
    /// The replacement would break a paragraph in two.
    #[error("the fix would add a line break")]
    LineBreak,
}

/// At most this many rounds of check-and-fix in [`fix_checks`]: a fix can make a new finding
/// (`,,` → `，，` is a doubled mark), which the next round fixes.
const MAX_ROUNDS: usize = 8;

fn paragraph_mut(speech: &mut Speech, field: Field, paragraph: usize) -> Option<&mut String> {
    if field.is_multiline() {
        speech.paragraphs_mut(field)?.get_mut(paragraph)
    } else if paragraph == 0 {
        speech.line_mut(field)
    } else {
        None
    }
}

/// The byte index of character `n` of `s` (`s.len()` for `n` = the number of characters).
fn byte_of_char(s: &str, n: usize) -> Option<usize> {
    s.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(s.len()))
        .nth(n)
}

/// Applies one finding's fix: replaces its characters `start..end` with its suggestion, after
/// making sure they still read `text`. Nothing else in the speech changes.
pub fn apply_fix(speech: &mut Speech, finding: &Finding) -> Result<(), FixError> {
    let suggestion = finding.suggestion.as_deref().ok_or(FixError::NoFix)?;
    if suggestion.contains(['\n', '\r']) {
        return Err(FixError::LineBreak);
    }
    let paragraph =
        paragraph_mut(speech, finding.field, finding.paragraph).ok_or(FixError::NoSuchPlace)?;
    let start = byte_of_char(paragraph, finding.start).ok_or(FixError::Stale)?;
    let end = byte_of_char(paragraph, finding.end).ok_or(FixError::Stale)?;
    if start > end || paragraph.get(start..end) != Some(finding.text.as_str()) {
        return Err(FixError::Stale);
    }
    paragraph.replace_range(start..end, suggestion);
    Ok(())
}

/// Applies the fixes of many findings found in one check of the speech: within a paragraph from
/// the last to the first, so earlier positions stay right; a finding that overlaps one already
/// applied, has no fix or is stale is skipped. Returns how many were applied.
pub fn apply_fixes(speech: &mut Speech, findings: &[Finding]) -> usize {
    let mut order: Vec<&Finding> = findings.iter().filter(|f| f.is_fixable()).collect();
    // Per paragraph, from the end backwards.
    order.sort_by(|a, b| {
        (a.field, a.paragraph)
            .cmp(&(b.field, b.paragraph))
            .then(b.start.cmp(&a.start))
            .then(b.end.cmp(&a.end))
    });
    let mut applied = 0;
    let mut place = None;
    let mut limit = usize::MAX; // the start of the last fix applied in this paragraph
    for finding in order {
        if place != Some((finding.field, finding.paragraph)) {
            place = Some((finding.field, finding.paragraph));
            limit = usize::MAX;
        }
        if finding.end > limit || (finding.start == finding.end && finding.end == limit) {
            continue;
        }
        if apply_fix(speech, finding).is_ok() {
            applied += 1;
            limit = finding.start;
        }
    }
    applied
}

/// Fixes every fixable finding of the given checks, checking again after each round until none
/// is left (a fix can make a new finding). Returns how many fixes were applied.
pub fn fix_checks(speech: &mut Speech, checks: &[CheckId]) -> usize {
    let mut total = 0;
    for _ in 0..MAX_ROUNDS {
        let findings: Vec<Finding> = check_text(speech)
            .into_iter()
            .filter(|f| f.is_fixable() && checks.contains(&f.check))
            .collect();
        if findings.is_empty() {
            break;
        }
        let applied = apply_fixes(speech, &findings);
        total += applied;
        if applied == 0 {
            break;
        }
    }
    total
}

/// Fixes every fixable finding of one check ("Fix all" for a check id).
pub fn fix_check(speech: &mut Speech, check: CheckId) -> usize {
    fix_checks(speech, &[check])
}

/// Fixes every fixable finding of every check.
pub fn fix_everything(speech: &mut Speech) -> usize {
    fix_checks(speech, &CheckId::ALL)
}
