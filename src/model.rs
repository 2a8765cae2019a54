//! The speech: title, greeting, opening, numbered sections, closing and notes.
//!
//! Headings are stored without their numbers: numbers (一、二、三、 or I. II. III.) come from a
//! section's position when the speech is displayed or exported, so reordering never leaves a stale
//! number.

use std::fmt;
use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::part::Part;

/// A speech being written: the document inside a draft or the working copy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Speech {
    /// The title line, e.g. `在全市工作会议上的讲话`.
    pub title: String,
    /// Who speaks, where, when, in which language, for how long.
    pub meta: Metadata,
    /// The salutation line, e.g. `同志们：` or `Ladies and gentlemen,`.
    pub greeting: String,
    /// Paragraphs before the first section.
    pub opening: Vec<String>,
    /// The numbered major sections (一、二、三、).
    pub sections: Vec<Section>,
    /// Paragraphs after the last section, e.g. `同志们，……！`.
    pub closing: Vec<String>,
    /// Text kept with the speech but not part of it (e.g. what an import found above the title).
    pub notes: Vec<String>,
    /// Template guidance for the non-section parts, shown as hints, never exported.
    pub guidance: Guidance,
}

/// Facts about a speech that are not its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// Who gives the speech.
    pub speaker: String,
    /// The meeting or event.
    pub occasion: String,
    /// The date as the writer typed it (free text: `2026年11月27日`, `27 November 2026`).
    pub date: String,
    /// Language of the speech; decides numbering and punctuation at export.
    pub language: Language,
    /// How long the speech should take, in minutes; `None` when not set.
    pub target_minutes: Option<f64>,
}

impl Default for Metadata {
    fn default() -> Self {
        Self {
            speaker: String::new(),
            occasion: String::new(),
            date: String::new(),
            language: Language::ZhHans,
            target_minutes: None,
        }
    }
}

/// The language a speech is written in. Stored as its tag (`"zh-Hans"`, `"zh-Hant"`, `"en"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// Simplified Chinese.
    #[default]
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(deserializer)?;
        Language::from_tag(&tag)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {tag:?}")))
    }
}

impl Language {
    /// All languages, in menu order.
    pub const ALL: [Language; 3] = [Language::ZhHans, Language::ZhHant, Language::En];

    /// The BCP 47 tag: `zh-Hans`, `zh-Hant` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhHans => "zh-Hans",
            Language::ZhHant => "zh-Hant",
            Language::En => "en",
        }
    }

    /// Whether this is a Chinese variant.
    pub fn is_chinese(self) -> bool {
        matches!(self, Language::ZhHans | Language::ZhHant)
    }

    /// Parses a tag such as `zh-Hans`, `zh-CN`, `zh-TW` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        if lower.starts_with("zh-hant")
            || lower.starts_with("zh-tw")
            || lower.starts_with("zh-hk")
            || lower.starts_with("zh-mo")
        {
            Some(Language::ZhHant)
        } else if lower.starts_with("zh") {
            Some(Language::ZhHans)
        } else if lower.starts_with("en") {
            Some(Language::En)
        } else {
            None
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Template guidance for the parts that are not sections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Guidance {
    /// Hint for the title.
    pub title: String,
    /// Hint for the greeting.
    pub greeting: String,
    /// Hint for the opening.
    pub opening: String,
    /// Hint for the closing.
    pub closing: String,
}

/// A stable identity for a section: survives edits and reordering, and is copied into drafts, so
/// two versions of one section can be matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub u64);

impl SectionId {
    /// A new id, unique with overwhelming probability (random, not a counter, so ids made in
    /// different drafts of one project don't collide).
    pub fn new() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        hasher.write_u128(nanos);
        SectionId(hasher.finish())
    }
}

impl Default for SectionId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for SectionId {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(s, 16).map(SectionId)
    }
}

impl Serialize for SectionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SectionId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("invalid section id {text:?}")))
    }
}

/// One major section: a heading (without its number) and its paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Section {
    /// Stable identity.
    pub id: SectionId,
    /// The heading text, without `一、` or `I.`.
    pub heading: String,
    /// The section's paragraphs, including its points (一要…, 一是…).
    pub paragraphs: Vec<String>,
    /// Template guidance, shown as a hint in an empty pane, never exported.
    pub guidance: String,
    /// The writer's time budget for this section, in minutes; `None` means an even share of the
    /// speech's target length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_minutes: Option<f64>,
}

impl Section {
    /// A new section with a fresh id.
    pub fn new(heading: impl Into<String>, paragraphs: Vec<String>) -> Self {
        Self {
            id: SectionId::new(),
            heading: heading.into(),
            paragraphs,
            guidance: String::new(),
            budget_minutes: None,
        }
    }
}

/// Which part of a speech something belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// The title line.
    Title,
    /// The salutation.
    Greeting,
    /// Paragraphs before the first section.
    Opening,
    /// A major section.
    Section,
    /// Paragraphs after the last section.
    Closing,
}

impl PartKind {
    /// The lower-case name used in JSON: `title`, `greeting`, `opening`, `section`, `closing`.
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Title => "title",
            PartKind::Greeting => "greeting",
            PartKind::Opening => "opening",
            PartKind::Section => "section",
            PartKind::Closing => "closing",
        }
    }
}

impl Speech {
    /// Moves the section with this id to position `to` (clamped to the last position). Returns
    /// whether anything moved.
    pub fn move_section(&mut self, id: SectionId, to: usize) -> bool {
        let Some(from) = self.section_index(id) else {
            return false;
        };
        let to = to.min(self.sections.len().saturating_sub(1));
        if from == to {
            return false;
        }
        let section = self.sections.remove(from);
        self.sections.insert(to, section);
        true
    }

    /// The position of the section with this id.
    pub fn section_index(&self, id: SectionId) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// A part's text as lines: the title; the greeting; the opening's or closing's paragraphs; a
    /// section's heading followed by its paragraphs. Returns `None` for a section that isn't there.
    pub fn part_lines(&self, part: Part) -> Option<Vec<&str>> {
        Some(match part {
            Part::Title => vec![self.title.as_str()],
            Part::Greeting => vec![self.greeting.as_str()],
            Part::Opening => self.opening.iter().map(String::as_str).collect(),
            Part::Closing => self.closing.iter().map(String::as_str).collect(),
            Part::Section(id) => {
                let section = self.sections.iter().find(|s| s.id == id)?;
                std::iter::once(section.heading.as_str())
                    .chain(section.paragraphs.iter().map(String::as_str))
                    .collect()
            }
        })
    }

    /// A part's text: its lines joined with `\n`.
    pub fn part_text(&self, part: Part) -> Option<String> {
        self.part_lines(part).map(|lines| lines.join("\n"))
    }

    /// Whether the speech has no text at all (guidance and metadata aside).
    pub fn is_blank(&self) -> bool {
        let blank = |s: &String| s.trim().is_empty();
        blank(&self.title)
            && blank(&self.greeting)
            && self.opening.iter().all(blank)
            && self.closing.iter().all(blank)
            && self
                .sections
                .iter()
                .all(|s| blank(&s.heading) && s.paragraphs.iter().all(blank))
    }

    /// The time budget of the section at `index`, in minutes: the writer's own
    /// ([`Section::budget_minutes`]), or else an even share of the speech's target length.
    /// `None` when neither is set, or for a section that is not there.
    pub fn budget_minutes(&self, index: usize) -> Option<f64> {
        let section = self.sections.get(index)?;
        if let Some(minutes) = section.budget_minutes {
            return Some(minutes);
        }
        let target = self.meta.target_minutes?;
        let count = self.sections.len();
        (target > 0.0).then(|| target / count as f64)
    }

    /// Copies the speech with every section id replaced by a fresh one (for a new document made
    /// from a template, so two documents from one template don't share ids).
    pub fn with_fresh_ids(mut self) -> Self {
        for section in &mut self.sections {
            section.id = SectionId::new();
        }
        self
    }
}

/// Section numbers as Chinese numerals: 一, 二, … 十, 十一, … 九十九.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            };
            format!("{}十{}", DIGITS[n / 10], ones)
        }
        _ => n.to_string(),
    }
}

/// Section numbers as upper-case Roman numerals: I, II, … (Arabic past 3999).
pub fn roman_numeral(mut n: usize) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

/// How sections are numbered when shown or exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Numbering {
    /// 一、二、三、
    #[default]
    Chinese,
    /// I. II. III.
    Roman,
    /// No numbers.
    None,
}

impl Numbering {
    /// The numbering usual for a language.
    pub fn for_language(language: Language) -> Self {
        if language.is_chinese() {
            Numbering::Chinese
        } else {
            Numbering::Roman
        }
    }

    /// A numbered heading for the section at `index` (0-based): `一、提高站位`, `II. Purpose`, or
    /// the heading alone.
    pub fn heading(self, index: usize, heading: &str) -> String {
        let label = self.label(index);
        let heading = heading.trim();
        if self == Numbering::Roman && !heading.is_empty() {
            format!("{label} {heading}")
        } else {
            format!("{label}{heading}")
        }
    }

    /// The number alone for the section at `index` (0-based): `三`, `III`, or empty.
    pub fn numeral(self, index: usize) -> String {
        match self {
            Numbering::Chinese => chinese_numeral(index + 1),
            Numbering::Roman => roman_numeral(index + 1),
            Numbering::None => String::new(),
        }
    }

    /// The label for the section at `index` (0-based): `一、`, `II.` or empty.
    pub fn label(self, index: usize) -> String {
        match self {
            Numbering::Chinese => format!("{}、", chinese_numeral(index + 1)),
            Numbering::Roman => format!("{}.", roman_numeral(index + 1)),
            Numbering::None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 2, 3, 9, 10, 11, 19, 20, 21, 99]
            .into_iter()
            .map(chinese_numeral)
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "二",
                "三",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九"
            ]
        );
    }

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 9, 14, 40, 1994]
            .into_iter()
            .map(roman_numeral)
            .collect();
        assert_eq!(got, ["I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXCIV"]);
    }

    #[test]
    fn section_ids_are_distinct_and_round_trip() {
        let a = SectionId::new();
        let b = SectionId::new();
        assert_ne!(a, b);
        assert_eq!(a.to_string().parse::<SectionId>(), Ok(a));
    }

    #[test]
    fn part_text_joins_heading_and_paragraphs() {
        let speech = Speech {
            sections: vec![Section::new("标题", vec!["甲".into(), "乙".into()])],
            ..Speech::default()
        };
        assert_eq!(
            speech
                .part_text(Part::Section(speech.sections[0].id))
                .as_deref(),
            Some("标题\n甲\n乙")
        );
        assert_eq!(speech.part_text(Part::Section(SectionId(7))), None);
    }

    #[test]
    fn budgets_default_to_an_even_share_of_the_target() {
        let mut speech = Speech {
            sections: vec![Section::new("a", vec![]), Section::new("b", vec![])],
            ..Speech::default()
        };
        assert_eq!(speech.budget_minutes(0), None);
        speech.meta.target_minutes = Some(30.0);
        assert_eq!(speech.budget_minutes(0), Some(15.0));
        speech.sections[1].budget_minutes = Some(5.0);
        assert_eq!(speech.budget_minutes(1), Some(5.0));
        assert_eq!(speech.budget_minutes(2), None);
    }

    #[test]
    fn language_tags() {
        assert_eq!(Language::from_tag("zh_TW"), Some(Language::ZhHant));
        assert_eq!(Language::from_tag("zh-CN"), Some(Language::ZhHans));
        assert_eq!(Language::from_tag("en-GB"), Some(Language::En));
        assert_eq!(Language::from_tag("fr"), None);
    }
}
