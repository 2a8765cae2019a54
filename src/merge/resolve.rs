//! Resolving the conflicts of a merge: each one takes our text, their text or the writer's own.

use crate::model::Speech;

use super::{ConflictKind, ConflictPart, MergeConflict, set_part_text};

/// How one conflict is resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Not yet: the merged text keeps what the merge put there, the conflict stays open.
    #[default]
    Open,
    /// Our version (for a section one side removed: what we did to it).
    Ours,
    /// Their version.
    Theirs,
    /// This text instead (text conflicts only).
    Edited(String),
}

/// The merged `speech` with `conflicts` resolved by `choices` (one per conflict; missing ones
/// are open), and the conflicts still open, their offsets moved to the resolved text.
pub fn resolve_conflicts(
    speech: &Speech,
    conflicts: &[MergeConflict],
    choices: &[ConflictChoice],
) -> (Speech, Vec<MergeConflict>) {
    let mut out = speech.clone();
    let choice = |i: usize| choices.get(i).cloned().unwrap_or_default();
    let mut parts: Vec<ConflictPart> = Vec::new();
    for c in conflicts {
        if !parts.contains(&c.part) {
            parts.push(c.part);
        }
    }
    let mut open = Vec::new();
    let mut removed = Vec::new();
    for part in parts {
        let Some(mut text) = part.text(speech) else {
            continue;
        };
        let mut here: Vec<(usize, &MergeConflict)> = conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.part == part)
            .collect();
        here.sort_by_key(|(_, c)| std::cmp::Reverse(c.start));
        // (start, old length, new length) of each replacement, to move the open ones.
        let mut replaced: Vec<(usize, usize, usize)> = Vec::new();
        let mut open_here = Vec::new();
        for (index, c) in here {
            let chosen = choice(index);
            match (c.kind, &chosen) {
                (_, ConflictChoice::Open) => open_here.push(c.clone()),
                (ConflictKind::RemovedByOurs, ConflictChoice::Ours)
                | (ConflictKind::RemovedByTheirs, ConflictChoice::Theirs) => removed.push(part),
                (ConflictKind::RemovedByOurs | ConflictKind::RemovedByTheirs, _) => {}
                (ConflictKind::Text, _) => {
                    let new = match &chosen {
                        ConflictChoice::Theirs => c.theirs.as_str(),
                        ConflictChoice::Edited(t) => t.as_str(),
                        _ => c.ours.as_str(),
                    };
                    if text.get(c.start..c.end) == Some(c.ours.as_str()) {
                        text.replace_range(c.start..c.end, new);
                        replaced.push((c.start, c.end - c.start, new.len()));
                    }
                }
            }
        }
        for mut c in open_here {
            let shift: isize = replaced
                .iter()
                .filter(|(start, _, _)| *start < c.start)
                .map(|(_, old, new)| *new as isize - *old as isize)
                .sum();
            c.start = c.start.saturating_add_signed(shift);
            c.end = c.end.saturating_add_signed(shift);
            open.push(c);
        }
        set_part_text(&mut out, part, &text);
    }
    for part in &removed {
        if let ConflictPart::Section(id) = *part {
            out.sections.retain(|s| s.id != id);
        }
    }
    open.retain(|c| !removed.contains(&c.part));
    open.sort_by_key(|c| (c.paragraph, c.start));
    (out, open)
}

/// Where `conflict` is in `speech` now: itself when its part's text still holds the kept
/// alternative at `start..end`; else the same conflict moved to the nearest place where the kept
/// text is (the working copy was edited around it since the merge); `None` when its part is gone
/// or the kept text is no longer there (it was edited away).
pub fn locate_conflict(speech: &Speech, conflict: &MergeConflict) -> Option<MergeConflict> {
    let text = conflict.part.text(speech)?;
    if conflict.kind != ConflictKind::Text {
        return Some(conflict.clone());
    }
    let kept = conflict.ours.as_str();
    if text.get(conflict.start..conflict.end) == Some(kept) {
        return Some(conflict.clone());
    }
    if kept.is_empty() {
        // Nothing to look for: the place stands if it still is one.
        return (conflict.start <= text.len() && text.is_char_boundary(conflict.start)).then(
            || MergeConflict {
                end: conflict.start,
                ..conflict.clone()
            },
        );
    }
    let start = text
        .match_indices(kept)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(conflict.start))?;
    Some(MergeConflict {
        paragraph: text[..start].matches('\n').count(),
        start,
        end: start + kept.len(),
        ..conflict.clone()
    })
}

/// Resolves conflicts kept in a document (a merge saved with conflicts open, then perhaps
/// edited): each is first found again in `speech` ([`locate_conflict`]); one that cannot be
/// found any more is dropped when it is decided (its text was edited by hand since, so it is
/// resolved as it stands) and kept while open. Returns the speech and the conflicts still open.
pub fn resolve_kept_conflicts(
    speech: &Speech,
    conflicts: &[MergeConflict],
    choices: &[ConflictChoice],
) -> (Speech, Vec<MergeConflict>) {
    let mut found = Vec::new();
    let mut found_choices = Vec::new();
    let mut lost = Vec::new();
    for (index, conflict) in conflicts.iter().enumerate() {
        let choice = choices.get(index).cloned().unwrap_or_default();
        match locate_conflict(speech, conflict) {
            Some(located) => {
                found.push(located);
                found_choices.push(choice);
            }
            None if choice == ConflictChoice::Open => lost.push(conflict.clone()),
            None => {}
        }
    }
    let (speech, mut open) = resolve_conflicts(speech, &found, &found_choices);
    open.extend(lost);
    (speech, open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::merge_speeches;
    use crate::model::Section;

    fn base() -> Speech {
        Speech {
            sections: vec![
                Section::new("提高站位", vec!["要加强学习，提高本领。".into()]),
                Section::new("狠抓落实", vec!["要完成三项任务。".into()]),
            ],
            ..Speech::default()
        }
    }

    #[test]
    fn each_choice_writes_its_text_and_open_ones_stay() {
        let base = base();
        let mut ours = base.clone();
        ours.sections[0].paragraphs[0] = "要切实加强学习，全面提高本领。".into();
        let mut theirs = base.clone();
        theirs.sections[0].paragraphs[0] = "要认真加强学习，大力提高本领。".into();
        let merged = merge_speeches(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 2, "{:?}", merged.conflicts);
        let (speech, open) = resolve_conflicts(
            &merged.speech,
            &merged.conflicts,
            &[ConflictChoice::Theirs, ConflictChoice::Open],
        );
        assert_eq!(open.len(), 1);
        let text = ConflictPart::Section(speech.sections[0].id)
            .text(&speech)
            .unwrap_or_default();
        assert!(text.contains("认真"), "{text}");
        assert_eq!(
            text.get(open[0].start..open[0].end),
            Some(open[0].ours.as_str())
        );
        let (speech, open) = resolve_conflicts(
            &merged.speech,
            &merged.conflicts,
            &[ConflictChoice::Ours, ConflictChoice::Edited("着力".into())],
        );
        assert!(open.is_empty());
        let paragraph = &speech.sections[0].paragraphs[0];
        assert!(paragraph.starts_with("要切实加强学习，着力"), "{paragraph}");
        assert!(paragraph.ends_with("本领。"), "{paragraph}");
        assert!(
            !paragraph.contains("全面") && !paragraph.contains("大力"),
            "{paragraph}"
        );
    }

    #[test]
    fn a_section_removed_by_one_side_goes_when_that_side_is_chosen() {
        let base = base();
        let mut ours = base.clone();
        ours.sections.remove(1);
        let mut theirs = base.clone();
        theirs.sections[1].paragraphs[0] = "要全面完成三项任务。".into();
        let merged = merge_speeches(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        let (kept, _) =
            resolve_conflicts(&merged.speech, &merged.conflicts, &[ConflictChoice::Theirs]);
        assert_eq!(kept.sections.len(), 2);
        let (gone, open) =
            resolve_conflicts(&merged.speech, &merged.conflicts, &[ConflictChoice::Ours]);
        assert_eq!(gone.sections.len(), 1);
        assert!(open.is_empty());
    }

    #[test]
    fn kept_conflicts_are_found_again_after_edits_around_them() {
        let base = base();
        let mut ours = base.clone();
        ours.sections[0].paragraphs[0] = "要切实加强学习，提高本领。".into();
        let mut theirs = base.clone();
        theirs.sections[0].paragraphs[0] = "要认真加强学习，提高本领。".into();
        let merged = merge_speeches(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        let mut edited = merged.speech.clone();
        // Text typed before the conflict shifts its place.
        edited.sections[0].heading = "进一步提高政治站位".into();
        let located = locate_conflict(&edited, &merged.conflicts[0]).expect("found");
        assert_ne!(located.start, merged.conflicts[0].start);
        let (speech, open) =
            resolve_kept_conflicts(&edited, &merged.conflicts, &[ConflictChoice::Theirs]);
        assert!(open.is_empty());
        assert_eq!(speech.sections[0].heading, "进一步提高政治站位");
        assert_eq!(
            speech.sections[0].paragraphs[0],
            "要认真加强学习，提高本领。"
        );
        // Kept open, it stays (at its new place).
        let (same, open) = resolve_kept_conflicts(&edited, &merged.conflicts, &[]);
        assert_eq!(same, edited);
        assert_eq!(open, vec![located]);
    }

    #[test]
    fn a_conflict_edited_away_is_dropped_when_decided_and_kept_while_open() {
        let base = base();
        let mut ours = base.clone();
        ours.sections[0].paragraphs[0] = "要切实加强学习，提高本领。".into();
        let mut theirs = base.clone();
        theirs.sections[0].paragraphs[0] = "要认真加强学习，提高本领。".into();
        let merged = merge_speeches(&base, &ours, &theirs);
        let mut edited = merged.speech.clone();
        edited.sections[0].paragraphs[0] = "要深入学习。".into();
        assert!(locate_conflict(&edited, &merged.conflicts[0]).is_none());
        let (speech, open) =
            resolve_kept_conflicts(&edited, &merged.conflicts, &[ConflictChoice::Theirs]);
        assert_eq!(speech, edited, "nothing is written where the text changed");
        assert!(open.is_empty());
        let (_, open) = resolve_kept_conflicts(&edited, &merged.conflicts, &[ConflictChoice::Open]);
        assert_eq!(open, merged.conflicts);
    }
}
