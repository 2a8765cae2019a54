//! The `.lectern` file: pretty RON with a format version, converted to and from [`Project`].
//!
//! **Version 2** (written since drafts share their text): the working copy is stored whole, as
//! in version 1; every text of every draft — title, greeting, headings, paragraphs, guidance — is
//! stored once in a table `texts` (a map from a key to the text) and the drafts refer to it by
//! key. A list of paragraphs is one string of keys separated by spaces; the empty text is the
//! empty key `""` and is not in the table. A key is 8 hexadecimal digits from a hash of the text,
//! so it stays the same from save to save, and the table is sorted by key: adding a draft adds
//! its new texts and the draft, deleting one removes the texts only it used, and nothing else in
//! the file moves (a friendly diff in git).
//!
//! ```text
//! texts: {
//!     "6fd4a1c2": "同志们：",
//!     "0b3e9f57": "今天我们召开全市工作会议……",
//! },
//! drafts: [
//!     (id: 1, name: "初稿", …, speech: (title: "…", greeting: "6fd4a1c2", opening: "0b3e9f57 …", …)),
//! ],
//! ```
//!
//! **Version 1** stored every draft's speech in full; it still loads. A file with no version is
//! read as version 1; a newer version than [`FORMAT_VERSION`] is refused by name.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Fnv1a64, has_binary_char};
use crate::error::{Error, ProjectProblem, Result};
use crate::merge::MergeConflict;
use crate::model::{Guidance, Metadata, Section, SectionId, Speech};
use crate::project::{Draft, DraftId, DraftKind, DraftOrigin, KeptChange, Project, Settings};

mod text_table;

use text_table::{EMPTY_IN_LIST, TextTable, TextTableBuilder};

/// The newest `.lectern` format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// Only the version, read first so a newer file is refused with a clear message even when the
/// rest of it would not parse.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// Version 1: every draft holds its whole speech. Every field has a default, so files written
/// before a field existed keep loading.
#[derive(Deserialize, Default)]
#[serde(default)]
struct StoredProjectV1 {
    speech: Speech,
    drafts: Vec<Draft>,
    settings: Settings,
}

/// Version 2: the working copy whole, the drafts' texts in a shared table.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredProject {
    format_version: u32,
    speech: Speech,
    settings: Settings,
    texts: TextTable,
    drafts: Vec<StoredDraft>,
    /// Conflicts of a merge still to resolve (a field with a default: older files have none,
    /// and the version stays 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<MergeConflict>,
    /// Reviewers' changes the writer kept their own text for (a field with a default: older
    /// files have none, and the version stays 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    kept: Vec<KeptChange>,
}

/// A draft whose texts are keys into [`StoredProject::texts`].
#[derive(Serialize, Deserialize)]
struct StoredDraft {
    id: DraftId,
    name: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    kind: DraftKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    origin: Option<DraftOrigin>,
    speech: StoredSpeech,
}

/// A [`Speech`] with keys for texts: one key per single text, space-separated keys per list.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredSpeech {
    title: String,
    meta: Metadata,
    greeting: String,
    opening: String,
    sections: Vec<StoredSection>,
    closing: String,
    notes: String,
    guidance: StoredGuidance,
}

/// A [`Section`] with keys for texts.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredSection {
    id: SectionId,
    heading: String,
    paragraphs: String,
    guidance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget_minutes: Option<f64>,
}

/// A [`Guidance`] with keys for texts.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredGuidance {
    title: String,
    greeting: String,
    opening: String,
    closing: String,
}

impl StoredSpeech {
    fn new<'a>(speech: &'a Speech, table: &mut TextTableBuilder<'a>) -> Self {
        // Destructured in full: a field added to `Speech` must be stored here too.
        let Speech {
            title,
            meta,
            greeting,
            opening,
            sections,
            closing,
            notes,
            guidance,
        } = speech;
        let Guidance {
            title: title_hint,
            greeting: greeting_hint,
            opening: opening_hint,
            closing: closing_hint,
        } = guidance;
        Self {
            title: table.key(title),
            meta: meta.clone(),
            greeting: table.key(greeting),
            opening: table.keys(opening),
            sections: sections
                .iter()
                .map(|section| {
                    let Section {
                        id,
                        heading,
                        paragraphs,
                        guidance,
                        budget_minutes,
                    } = section;
                    StoredSection {
                        id: *id,
                        heading: table.key(heading),
                        paragraphs: table.keys(paragraphs),
                        guidance: table.key(guidance),
                        budget_minutes: *budget_minutes,
                    }
                })
                .collect(),
            closing: table.keys(closing),
            notes: table.keys(notes),
            guidance: StoredGuidance {
                title: table.key(title_hint),
                greeting: table.key(greeting_hint),
                opening: table.key(opening_hint),
                closing: table.key(closing_hint),
            },
        }
    }

    fn into_speech(self, texts: &Texts) -> std::result::Result<Speech, String> {
        Ok(Speech {
            title: texts.text(&self.title)?,
            meta: self.meta,
            greeting: texts.text(&self.greeting)?,
            opening: texts.list(&self.opening)?,
            sections: self
                .sections
                .into_iter()
                .map(|s| {
                    Ok(Section {
                        id: s.id,
                        heading: texts.text(&s.heading)?,
                        paragraphs: texts.list(&s.paragraphs)?,
                        guidance: texts.text(&s.guidance)?,
                        budget_minutes: s.budget_minutes,
                    })
                })
                .collect::<std::result::Result<_, String>>()?,
            closing: texts.list(&self.closing)?,
            notes: texts.list(&self.notes)?,
            guidance: Guidance {
                title: texts.text(&self.guidance.title)?,
                greeting: texts.text(&self.guidance.greeting)?,
                opening: texts.text(&self.guidance.opening)?,
                closing: texts.text(&self.guidance.closing)?,
            },
        })
    }
}

/// The table of a file being read, by key.
struct Texts<'a>(HashMap<&'a str, &'a str>);

impl Texts<'_> {
    /// The text of `key` (`""`: the empty text); an unknown key is the error.
    fn text(&self, key: &str) -> std::result::Result<String, String> {
        if key.is_empty() || key == EMPTY_IN_LIST {
            return Ok(String::new());
        }
        self.0
            .get(key)
            .map(|text| (*text).to_string())
            .ok_or_else(|| key.to_string())
    }

    /// The texts of space-separated `keys`.
    fn list(&self, keys: &str) -> std::result::Result<Vec<String>, String> {
        keys.split_ascii_whitespace()
            .map(|key| self.text(key))
            .collect()
    }
}

/// Serialises a project as pretty RON (format [`FORMAT_VERSION`]), Chinese written as-is.
pub fn project_to_ron(project: &Project) -> String {
    let mut table = TextTableBuilder::default();
    let drafts = project
        .drafts
        .iter()
        .map(|draft| StoredDraft {
            id: draft.id,
            name: draft.name.clone(),
            created: draft.created,
            note: draft.note.clone(),
            kind: draft.kind,
            origin: draft.origin.clone(),
            speech: StoredSpeech::new(&draft.speech, &mut table),
        })
        .collect();
    let stored = StoredProject {
        format_version: FORMAT_VERSION,
        speech: project.speech.clone(),
        settings: project.settings.clone(),
        texts: table.finish(),
        drafts,
        conflicts: project.conflicts.clone(),
        kept: project.kept.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .escape_strings(false)
        .indentor("    ".to_string());
    // Serialising plain data structs to a String cannot fail; fall back to compact just in case.
    let text = ron::ser::to_string_pretty(&stored, config.clone())
        .or_else(|_| ron::to_string(&stored))
        .unwrap_or_default();
    // Unescaped strings keep the file readable, but a control character pasted into the speech
    // (NUL, ESC, …) would then be written raw and the file refused as binary when opened again:
    // escape such files instead.
    if has_binary_char(text.as_bytes()) {
        return ron::ser::to_string_pretty(&stored, config.escape_strings(true))
            .or_else(|_| ron::to_string(&stored))
            .unwrap_or_default();
    }
    text
}

/// Parses a `.lectern` file's text, of any version up to [`FORMAT_VERSION`]. `path` is only used
/// in error messages.
pub fn project_from_ron(text: &str, path: &Path) -> Result<Project> {
    let bad_problem = |problem: ProjectProblem| Error::BadProject {
        path: path.to_path_buf(),
        problem,
    };
    // The first parse reads only the version: where it fails, the file's form is broken (or it
    // is no .lectern file at all); where a later parse fails, a value is out of place.
    let broken = |e: ron::error::SpannedError| bad_problem(ron_problem(&e, true, text));
    let bad = |e: ron::error::SpannedError| bad_problem(ron_problem(&e, false, text));
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let options = ron::Options::default();
    let probe: VersionProbe = options.from_str(text).map_err(broken)?;
    if probe.format_version > FORMAT_VERSION {
        return Err(Error::NewerVersion {
            path: path.to_path_buf(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    if probe.format_version < 2 {
        let stored: StoredProjectV1 = options.from_str(text).map_err(bad)?;
        return Ok(Project {
            speech: stored.speech,
            drafts: stored.drafts,
            settings: stored.settings,
            conflicts: Vec::new(),
            kept: Vec::new(),
        });
    }
    let stored: StoredProject = options.from_str(text).map_err(bad)?;
    let texts = stored
        .texts
        .by_key()
        .map_err(|key| bad_problem(ProjectProblem::RepeatedText { key }))?;
    let drafts = stored
        .drafts
        .into_iter()
        .map(|draft| {
            let speech = draft.speech.into_speech(&texts).map_err(|key| {
                bad_problem(ProjectProblem::MissingText {
                    draft: draft.id.0,
                    key,
                })
            })?;
            Ok(Draft {
                id: draft.id,
                name: draft.name,
                created: draft.created,
                note: draft.note,
                kind: draft.kind,
                origin: draft.origin,
                speech: std::sync::Arc::new(speech),
            })
        })
        .collect::<Result<Vec<Draft>>>()?;
    Ok(Project {
        speech: stored.speech,
        drafts,
        settings: stored.settings,
        conflicts: stored.conflicts,
        kept: stored.kept,
    })
}

/// What a parse error of `ron` means for a writer. `form` is for the first parse (the file's
/// form itself), where a file that does not even open like a `.lectern` file (with `(`, after
/// any comments) is no `.lectern` file at all.
pub(crate) fn ron_problem(
    error: &ron::error::SpannedError,
    form: bool,
    text: &str,
) -> ProjectProblem {
    let at = error.span.start;
    let (line, column) = (at.line, at.col);
    if matches!(error.code, ron::Error::ExceededRecursionLimit) {
        return ProjectProblem::TooDeep;
    }
    if form && !opens_like_a_project(text) {
        return ProjectProblem::NotLectern;
    }
    if form {
        ProjectProblem::Damaged { line, column }
    } else {
        ProjectProblem::UnexpectedValue { line, column }
    }
}

/// Whether `text` starts (after blank lines and `//` comments) with the `(` of a `.lectern` file.
fn opens_like_a_project(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with("//"))
        .is_some_and(|line| line.starts_with('('))
}

/// The key of `text`, the `salt`-th candidate: 8 hexadecimal digits of its FNV-1a hash.
fn text_key(text: &str, salt: u32) -> String {
    let mut hash = Fnv1a64::new();
    hash.write(text.as_bytes());
    if salt > 0 {
        hash.write(&[0]);
        hash.write(&salt.to_le_bytes());
    }
    let value = hash.finish();
    format!("{:08x}", (value ^ (value >> 32)) as u32)
}

#[cfg(test)]
mod tests;
