//! What a check reports: [`CheckId`], [`Finding`] and its typed [`FindingMessage`].

use std::fmt;

use crate::part::Field;

/// A proofing check, by stable id (`punct-halfwidth`, `repeated-char`, …). The ids are part of
/// the command line's interface (`--only`, JSON output): never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckId {
    /// Half-width `, . : ; ? ! ( )` or straight quotes in Chinese text (GB/T 15834).
    PunctHalfwidth,
    /// Doubled or conflicting Chinese marks: `，，`, `。，`.
    PunctDoubled,
    /// An ellipsis written `...`, `。。。` or a single `…` in Chinese text (should be `……`).
    PunctEllipsis,
    /// A dash written `--` or a single `—` in Chinese text (should be `——`).
    PunctDash,
    /// An opening or closing `“”` `‘’` `（）` `《》` `【】` without its partner in the paragraph.
    PairsUnbalanced,
    /// A numbered run that skips a number or goes back: `一是…二是…四是`, `（一）（三）`.
    NumberingGap,
    /// A numbered run that repeats a number: `一要…一要`, `首先…首先`.
    NumberingRepeat,
    /// A heading or paragraph that still carries its own section number (`一、`): headings are
    /// numbered by position.
    HeadingNumberLeft,
    /// A character or word written twice by mistake: `的的`, `the the`.
    RepeatedChar,
    /// Simplified characters in a Traditional-Chinese speech, or the reverse.
    ScriptMixing,
    /// Spaces between CJK characters, full-width spaces inside a paragraph, trailing spaces,
    /// double spaces in English.
    Spacing,
    /// Straight quotes in English text (should be curly).
    EnQuotes,
    /// A section that takes longer to speak than its time budget.
    SectionOverBudget,
    /// The whole speech takes longer than its target length.
    SpeechOverTarget,
    /// A section with no text under its heading.
    SectionEmpty,
    /// A closing that does not end with `！`, `。` or a thanks line.
    ClosingEnd,
}

impl CheckId {
    /// Every check, in the order they are listed to the user.
    pub const ALL: [CheckId; 16] = [
        CheckId::PunctHalfwidth,
        CheckId::PunctDoubled,
        CheckId::PunctEllipsis,
        CheckId::PunctDash,
        CheckId::PairsUnbalanced,
        CheckId::NumberingGap,
        CheckId::NumberingRepeat,
        CheckId::HeadingNumberLeft,
        CheckId::RepeatedChar,
        CheckId::ScriptMixing,
        CheckId::Spacing,
        CheckId::EnQuotes,
        CheckId::SectionOverBudget,
        CheckId::SpeechOverTarget,
        CheckId::SectionEmpty,
        CheckId::ClosingEnd,
    ];

    /// The stable id: `punct-halfwidth`, `numbering-gap`, ….
    pub fn id(self) -> &'static str {
        match self {
            CheckId::PunctHalfwidth => "punct-halfwidth",
            CheckId::PunctDoubled => "punct-doubled",
            CheckId::PunctEllipsis => "punct-ellipsis",
            CheckId::PunctDash => "punct-dash",
            CheckId::PairsUnbalanced => "pairs-unbalanced",
            CheckId::NumberingGap => "numbering-gap",
            CheckId::NumberingRepeat => "numbering-repeat",
            CheckId::HeadingNumberLeft => "heading-number-left",
            CheckId::RepeatedChar => "repeated-char",
            CheckId::ScriptMixing => "script-mixing",
            CheckId::Spacing => "spacing",
            CheckId::EnQuotes => "en-quotes",
            CheckId::SectionOverBudget => "section-over-budget",
            CheckId::SpeechOverTarget => "speech-over-target",
            CheckId::SectionEmpty => "section-empty",
            CheckId::ClosingEnd => "closing-end",
        }
    }

    /// The check with this id.
    pub fn from_id(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Whether the check looks at the speech as a whole (time budgets, empty sections) rather
    /// than at the text of one field: see [`super::check_structure`].
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            CheckId::SectionOverBudget | CheckId::SpeechOverTarget | CheckId::SectionEmpty
        )
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What kind of numbered run a numbering finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// Points inside the text: `一是` `二是`.
    PointShi,
    /// Points inside the text: `一要` `二要`.
    PointYao,
    /// `第一，` `第二，`.
    Ordinal,
    /// `首先` `其次` `再次` `最后`.
    Sequence,
    /// Sub-headings `（一）` `（二）` at the start of a paragraph.
    Parenthesized,
    /// `1.` `2.` or `1、` at the start of a paragraph.
    Arabic,
}

/// Why a space was reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpaceKind {
    /// A space between two CJK characters (or CJK punctuation).
    BetweenCjk,
    /// A full-width space (U+3000) inside a paragraph, not its leading indent.
    Fullwidth,
    /// Spaces at the end of a paragraph.
    Trailing,
    /// Two or more spaces where one belongs.
    Double,
}

/// Which script a script-mixing finding found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// Simplified characters (in a Traditional-Chinese speech).
    Simplified,
    /// Traditional characters (in a Simplified-Chinese speech).
    Traditional,
}

/// What a finding says, as data: the window words it in the interface language, the command line
/// uses the English [`Display`](fmt::Display).
#[derive(Clone, Debug, PartialEq)]
pub enum FindingMessage {
    /// A half-width mark in Chinese text; `suggestion` of the finding is the full-width one.
    HalfwidthPunct {
        /// The mark found.
        found: char,
    },
    /// Two or more Chinese marks in a row.
    DoubledPunct {
        /// The marks found.
        found: String,
    },
    /// An ellipsis not written `……`.
    Ellipsis,
    /// A dash not written `——`.
    Dash,
    /// A paired mark without its partner.
    Unbalanced {
        /// The mark without a partner.
        mark: char,
        /// The partner that is missing.
        missing: char,
    },
    /// A numbered run skips or goes back.
    NumberingGap {
        /// Which kind of run.
        style: NumberStyle,
        /// The position expected here (1-based).
        expected: usize,
        /// The position written (1-based).
        found: usize,
    },
    /// A numbered run repeats a number.
    NumberingRepeat {
        /// Which kind of run.
        style: NumberStyle,
        /// The position expected here (1-based).
        expected: usize,
        /// The repeated position (1-based).
        found: usize,
    },
    /// A heading or paragraph begins with a section number of its own.
    HeadingNumberLeft {
        /// The number found, e.g. `二、`.
        label: String,
        /// Whether it is in a section heading (else in a paragraph).
        in_heading: bool,
    },
    /// A character or word repeated.
    Repeated {
        /// The character or word that is doubled.
        repeated: String,
    },
    /// Characters of the other script.
    ScriptMixing {
        /// Which script they are in.
        found: Script,
    },
    /// A space where none belongs, or too many.
    Spacing {
        /// What is wrong with it.
        kind: SpaceKind,
    },
    /// A straight quote in English text.
    StraightQuote {
        /// `"` or `'`.
        found: char,
    },
    /// A section over its time budget.
    SectionOverBudget {
        /// The section's speaking time, in seconds.
        seconds: f64,
        /// Its budget, in seconds.
        budget_seconds: f64,
    },
    /// The speech over its target length.
    SpeechOverTarget {
        /// The speech's speaking time, in seconds.
        seconds: f64,
        /// The target, in seconds.
        target_seconds: f64,
    },
    /// A section with nothing under its heading.
    SectionEmpty,
    /// The closing does not end as a speech ends (with `！`, `。` or thanks); `None` when there
    /// is no closing at all.
    ClosingEnd {
        /// The last character of the closing.
        last: Option<char>,
    },
}

impl fmt::Display for FindingMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::stats::format_duration;
        match self {
            FindingMessage::HalfwidthPunct { found } => {
                write!(f, "half-width {found:?} in Chinese text")
            }
            FindingMessage::DoubledPunct { found } => write!(f, "doubled punctuation {found:?}"),
            FindingMessage::Ellipsis => f.write_str("an ellipsis in Chinese is written ……"),
            FindingMessage::Dash => f.write_str("a dash in Chinese is written ——"),
            FindingMessage::Unbalanced { mark, missing } => {
                write!(f, "{mark:?} without a matching {missing:?}")
            }
            FindingMessage::NumberingGap {
                expected, found, ..
            } => write!(
                f,
                "numbering out of sequence: #{found} where #{expected} is expected"
            ),
            FindingMessage::NumberingRepeat {
                expected, found, ..
            } => write!(
                f,
                "numbering repeats #{found} where #{expected} is expected"
            ),
            FindingMessage::HeadingNumberLeft { label, in_heading } => write!(
                f,
                "{} starts with its own number {label:?} (sections are numbered by position)",
                if *in_heading { "heading" } else { "paragraph" }
            ),
            FindingMessage::Repeated { repeated } => write!(f, "{repeated:?} written twice"),
            FindingMessage::ScriptMixing { found } => f.write_str(match found {
                Script::Simplified => "Simplified characters in a Traditional-Chinese speech",
                Script::Traditional => "Traditional characters in a Simplified-Chinese speech",
            }),
            FindingMessage::Spacing { kind } => f.write_str(match kind {
                SpaceKind::BetweenCjk => "space between Chinese characters",
                SpaceKind::Fullwidth => "full-width space inside a paragraph",
                SpaceKind::Trailing => "trailing space",
                SpaceKind::Double => "double space",
            }),
            FindingMessage::StraightQuote { found } => {
                write!(f, "straight quote {found:?} in English text")
            }
            FindingMessage::SectionOverBudget {
                seconds,
                budget_seconds,
            } => write!(
                f,
                "section takes {} to speak, over its budget of {}",
                format_duration(*seconds),
                format_duration(*budget_seconds)
            ),
            FindingMessage::SpeechOverTarget {
                seconds,
                target_seconds,
            } => write!(
                f,
                "speech takes {} to speak, over its target of {}",
                format_duration(*seconds),
                format_duration(*target_seconds)
            ),
            FindingMessage::SectionEmpty => f.write_str("section has no text"),
            FindingMessage::ClosingEnd { last: None } => f.write_str("the speech has no closing"),
            FindingMessage::ClosingEnd { last: Some(c) } => write!(
                f,
                "closing ends with {c:?}, not with ！, 。 or a thanks line"
            ),
        }
    }
}

/// One thing a check found, and how to fix it when a fix is safe.
///
/// Where: `field` and `paragraph` (its index among the field's paragraphs; 0 for the title,
/// greeting and a heading), then `start..end` in characters (not bytes) of that paragraph. A
/// finding about a text that is missing altogether (an empty closing) names paragraph 0 with an
/// empty span, though the field has no paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Which check found it.
    pub check: CheckId,
    /// The field it is in.
    pub field: Field,
    /// The paragraph of the field (0 for single-line fields).
    pub paragraph: usize,
    /// First character, counted in characters from the start of the paragraph.
    pub start: usize,
    /// One past the last character (`start == end` for a place, not a span).
    pub end: usize,
    /// The text of `start..end` as it is now.
    pub text: String,
    /// What `start..end` becomes when fixed; `None` when no fix is safe.
    pub suggestion: Option<String>,
    /// What is wrong, as data.
    pub message: FindingMessage,
}

impl Finding {
    /// Whether the finding can be fixed with [`super::apply_fix`].
    pub fn is_fixable(&self) -> bool {
        self.suggestion.is_some()
    }
}
