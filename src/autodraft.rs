//! Automatic drafts: every save keeps the working copy as a [`DraftKind::Automatic`] draft, and
//! old ones are thinned so the file does not grow without end:
//!
//! - every automatic draft from the last hour is kept;
//! - from the last day, one per clock hour (the newest in that hour);
//! - older than a day, one per day (UTC; the newest in that day).
//!
//! Named drafts are never touched. Buckets are fixed hours and days (not ages), so a draft that
//! survives thinning once keeps surviving until it moves to a coarser tier; thinning twice is
//! the same as thinning once.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::project::{Draft, DraftId, DraftKind};

/// Automatic drafts younger than this are all kept.
pub const KEEP_ALL_SECS: i64 = 60 * 60;

/// Automatic drafts younger than this (and older than [`KEEP_ALL_SECS`]) are kept one per hour;
/// older ones one per day.
pub const KEEP_HOURLY_SECS: i64 = 24 * 60 * 60;

const HOUR_SECS: i64 = 60 * 60;
const DAY_SECS: i64 = 24 * 60 * 60;

/// What [`Project::record_save_draft`](crate::project::Project::record_save_draft) did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AutoDraftOutcome {
    /// The automatic draft added, or `None` when the working copy equals the newest automatic
    /// draft.
    pub added: Option<DraftId>,
    /// The automatic drafts removed by thinning, with their former positions, oldest first
    /// (so an undo can put them back).
    pub dropped: Vec<(usize, Draft)>,
}

/// The tier and the bucket within it: drafts in one bucket are thinned to the newest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Hour(i64),
    Day(i64),
}

/// The ids of the automatic drafts to drop at `now`, in the order they appear in `drafts`.
/// Named drafts are never in the list. A draft dated in the future (a clock that was wrong) is
/// kept.
pub fn thin(drafts: &[Draft], now: DateTime<Utc>) -> Vec<DraftId> {
    // For each bucket, the index of its newest draft (latest time; on a tie, the later one in
    // the list).
    let mut newest: HashMap<Bucket, usize> = HashMap::new();
    let mut bucket_of: Vec<Option<Bucket>> = Vec::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        let bucket = bucket(draft, now);
        bucket_of.push(bucket);
        if let Some(bucket) = bucket {
            newest
                .entry(bucket)
                .and_modify(|best| {
                    if draft.created >= drafts[*best].created {
                        *best = index;
                    }
                })
                .or_insert(index);
        }
    }
    drafts
        .iter()
        .zip(bucket_of)
        .enumerate()
        .filter_map(|(index, (draft, bucket))| {
            let bucket = bucket?;
            (newest.get(&bucket) != Some(&index)).then_some(draft.id)
        })
        .collect()
}

/// The bucket a draft is thinned in, or `None` when it is kept whatever happens (named, or
/// within the last hour).
fn bucket(draft: &Draft, now: DateTime<Utc>) -> Option<Bucket> {
    if draft.kind != DraftKind::Automatic {
        return None;
    }
    let age_secs = now.signed_duration_since(draft.created).num_seconds();
    let created_secs = draft.created.timestamp();
    if age_secs < KEEP_ALL_SECS {
        None
    } else if age_secs < KEEP_HOURLY_SECS {
        Some(Bucket::Hour(created_secs.div_euclid(HOUR_SECS)))
    } else {
        Some(Bucket::Day(created_secs.div_euclid(DAY_SECS)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speech;
    use crate::project::Project;

    /// A fixed "now": 2026-11-27 12:00:00 UTC.
    const NOW: i64 = 1_795_780_800;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    fn draft(id: u64, created_secs: i64, kind: DraftKind) -> Draft {
        Draft {
            id: DraftId(id),
            name: format!("d{id}"),
            created: at(created_secs),
            note: None,
            kind,
            origin: None,
            speech: Speech::default().into(),
        }
    }

    fn auto(id: u64, age_secs: i64) -> Draft {
        draft(id, NOW - age_secs, DraftKind::Automatic)
    }

    fn kept(drafts: &[Draft], now: i64) -> Vec<u64> {
        let dropped = thin(drafts, at(now));
        drafts
            .iter()
            .map(|d| d.id)
            .filter(|id| !dropped.contains(id))
            .map(|id| id.0)
            .collect()
    }

    #[test]
    fn the_last_hour_is_kept_whole() {
        let drafts: Vec<Draft> = (0..60).map(|m| auto(m, m as i64 * 59)).collect();
        assert!(thin(&drafts, at(NOW)).is_empty());
    }

    #[test]
    fn one_per_hour_for_a_day_then_one_per_day() {
        assert_eq!(NOW % DAY_SECS, 12 * HOUR_SECS);
        let drafts = vec![
            // Two in the hour 09:00–10:00 today: the newer (09:50) stays.
            auto(1, 3 * HOUR_SECS - 60),                         // 09:01
            auto(2, 2 * HOUR_SECS + 10 * 60),                    // 09:50
            auto(3, HOUR_SECS + 30 * 60),                        // 10:30, alone in its hour
            auto(4, 30 * 60),                                    // 11:30, last hour
            auto(5, 20 * 60),                                    // 11:40, last hour
            auto(6, 2 * DAY_SECS + HOUR_SECS),                   // two days ago 11:00
            auto(7, 2 * DAY_SECS), // two days ago 12:00, same day: newest
            auto(8, 2 * DAY_SECS - 11 * HOUR_SECS), // two days ago 23:00: same day, newest
            auto(9, 10 * DAY_SECS), // alone in its day
            draft(10, NOW - 2 * DAY_SECS + 5, DraftKind::Named), // named: never dropped
            draft(11, NOW - 2 * DAY_SECS + 6, DraftKind::Named),
        ];
        assert_eq!(kept(&drafts, NOW), vec![2, 3, 4, 5, 8, 9, 10, 11]);
        assert_eq!(
            thin(&drafts, at(NOW)),
            vec![DraftId(1), DraftId(6), DraftId(7)]
        );
    }

    #[test]
    fn thinning_is_idempotent_and_stable_over_time() {
        // A save every 7 minutes for three days.
        let mut drafts: Vec<Draft> = (0..(3 * 24 * 60 / 7))
            .map(|i| auto(i as u64, i as i64 * 7 * 60))
            .collect();
        drafts.reverse(); // oldest first, as in a project
        let first = thin(&drafts, at(NOW));
        drafts.retain(|d| !first.contains(&d.id));
        assert!(
            thin(&drafts, at(NOW)).is_empty(),
            "thinning again drops nothing"
        );
        // At most: the last hour (≤ 9 at one per 7 min), 23 hours, 3 or 4 days.
        assert!(drafts.len() <= 9 + 24 + 4, "{}", drafts.len());
        assert!(drafts.len() >= 8 + 22 + 2, "{}", drafts.len());
        // Each hour of the last day has exactly one.
        for hour in 1..24 {
            let in_hour = drafts
                .iter()
                .filter(|d| {
                    let age = NOW - d.created.timestamp();
                    (KEEP_ALL_SECS..KEEP_HOURLY_SECS).contains(&age)
                        && d.created.timestamp().div_euclid(HOUR_SECS)
                            == (NOW - hour * HOUR_SECS).div_euclid(HOUR_SECS)
                })
                .count();
            assert!(in_hour <= 1, "hour -{hour}: {in_hour}");
        }
        // The newest draft always survives, however much later thinning runs.
        let newest = drafts.iter().max_by_key(|d| d.created).unwrap().id;
        for later in [HOUR_SECS, DAY_SECS, 30 * DAY_SECS] {
            assert!(!thin(&drafts, at(NOW + later)).contains(&newest));
        }
    }

    #[test]
    fn future_dates_are_kept() {
        let drafts = vec![auto(1, -5 * DAY_SECS), auto(2, -5 * DAY_SECS + 1)];
        assert!(thin(&drafts, at(NOW)).is_empty());
    }

    #[test]
    fn record_save_draft_adds_skips_and_thins() {
        let mut project = Project::new(Speech {
            title: "第一稿".into(),
            ..Speech::default()
        });
        let named = project.save_draft("mine", None, DraftKind::Named, at(NOW - 10 * DAY_SECS));
        let first = project.record_save_draft(at(NOW - 3 * DAY_SECS));
        assert!(first.added.is_some());
        assert!(first.dropped.is_empty());
        // Same working copy: nothing added.
        let again = project.record_save_draft(at(NOW - 3 * DAY_SECS + 60));
        assert_eq!(again.added, None);
        project.speech.title = "第二稿".into();
        let second = project.record_save_draft(at(NOW - 3 * DAY_SECS + 120));
        assert!(second.added.is_some());
        let added_id = second.added.unwrap();
        assert_eq!(project.draft(added_id).unwrap().kind, DraftKind::Automatic);
        assert_eq!(project.draft(added_id).unwrap().speech.title, "第二稿");
        // Three days later the two saves from one day thin to the newest.
        project.speech.title = "第三稿".into();
        let third = project.record_save_draft(at(NOW));
        assert!(third.added.is_some());
        assert_eq!(third.dropped.len(), 1);
        assert_eq!(Some(third.dropped[0].1.id), first.added);
        assert!(project.draft(named).is_some());
        assert_eq!(project.drafts.len(), 3);
    }
}
