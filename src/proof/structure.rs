//! The checks of the speech as a whole: `section-over-budget`, `speech-over-target`,
//! `section-empty`; and `closing-end`, which looks at the closing alone.

use super::Hit;
use super::finding::{CheckId, Finding, FindingMessage};
use super::text::is_space;
use crate::model::Speech;
use crate::part::Field;
use crate::part::Part;
use crate::project::Settings;
use crate::stats;

/// Over by less than this many seconds is not over: a rounding, not a long section.
const TOLERANCE_SECONDS: f64 = 0.5;

/// A finding on a whole single-line text (a heading, the title): the span is all of it.
fn on_line(check: CheckId, field: Field, line: &str, message: FindingMessage) -> Finding {
    Finding {
        check,
        field,
        paragraph: 0,
        start: 0,
        end: line.chars().count(),
        text: line.to_string(),
        suggestion: None,
        message,
    }
}

/// Time budgets, the target length and empty sections. Cheap (one count of the speech): run it
/// again whenever the text changes.
pub fn check_structure(speech: &Speech, settings: &Settings) -> Vec<Finding> {
    check_structure_timed(speech, |part| {
        stats::part_counts(speech, part, settings).seconds
    })
}

/// [`check_structure`] with each part's speaking time from `seconds_of` (an editor keeps the
/// counts of every part and counts again only the part that changed).
pub(crate) fn check_structure_timed(
    speech: &Speech,
    mut seconds_of: impl FnMut(Part) -> f64,
) -> Vec<Finding> {
    let mut out = Vec::new();
    // Each part counted once: the sections' times and the total come from the same counts.
    let mut section_seconds = Vec::with_capacity(speech.sections.len());
    let mut total_seconds = 0.0;
    for part in speech.part_ids() {
        let seconds = seconds_of(part);
        if let Part::Section(_) = part {
            section_seconds.push(seconds);
        }
        total_seconds += seconds;
    }
    if let Some(target) = speech.meta.target_minutes.filter(|t| *t > 0.0) {
        let target_seconds = target * 60.0;
        if total_seconds > target_seconds + TOLERANCE_SECONDS {
            out.push(on_line(
                CheckId::SpeechOverTarget,
                Field::Title,
                &speech.title,
                FindingMessage::SpeechOverTarget {
                    seconds: total_seconds,
                    target_seconds,
                },
            ));
        }
    }
    for (index, section) in speech.sections.iter().enumerate() {
        let field = Field::Heading(section.id);
        if section.paragraphs.iter().all(|p| p.trim().is_empty()) {
            out.push(on_line(
                CheckId::SectionEmpty,
                field,
                &section.heading,
                FindingMessage::SectionEmpty,
            ));
            continue;
        }
        let Some(budget) = speech.budget_minutes(index) else {
            continue;
        };
        let seconds = section_seconds.get(index).copied().unwrap_or_default();
        let budget_seconds = budget * 60.0;
        if seconds > budget_seconds + TOLERANCE_SECONDS {
            out.push(on_line(
                CheckId::SectionOverBudget,
                field,
                &section.heading,
                FindingMessage::SectionOverBudget {
                    seconds,
                    budget_seconds,
                },
            ));
        }
    }
    out
}

/// Closing quotes and brackets that may follow the last mark: `……！”`.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// Whether a paragraph is a thanks line: `谢谢大家`, `謝謝`, `Thank you`.
fn is_thanks(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["谢谢", "謝謝", "感谢", "感謝", "thank"]
        .iter()
        .any(|w| lower.contains(w))
}

/// `closing-end` on the closing's paragraphs: `(paragraph, hit)`.
pub(crate) fn closing_end(paragraphs: &[&str]) -> Option<(usize, Hit)> {
    let Some((index, last)) = paragraphs
        .iter()
        .enumerate()
        .rev()
        .find(|(_, p)| !p.trim().is_empty())
    else {
        return Some((
            0,
            Hit {
                check: CheckId::ClosingEnd,
                start: 0,
                end: 0,
                suggestion: None,
                message: FindingMessage::ClosingEnd { last: None },
            },
        ));
    };
    let chars: Vec<char> = last.chars().collect();
    let mut end = chars.len();
    while end > 0 && is_space(chars[end - 1]) {
        end -= 1;
    }
    let mut mark = end;
    while mark > 0 && is_closer(chars[mark - 1]) {
        mark -= 1;
    }
    // `.` counts as `。` (`punct-halfwidth` converts it), but not as the end of `...`.
    let dots = mark >= 2 && matches!(chars[mark - 2], '.' | '…');
    let ends_well = mark > 0
        && match chars[mark - 1] {
            '！' | '。' | '!' => true,
            '.' => !dots,
            _ => false,
        };
    if ends_well || is_thanks(last) {
        return None;
    }
    let start = end.saturating_sub(1);
    Some((
        index,
        Hit {
            check: CheckId::ClosingEnd,
            start,
            end,
            suggestion: None,
            message: FindingMessage::ClosingEnd {
                last: chars.get(start).copied(),
            },
        },
    ))
}
