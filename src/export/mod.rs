//! Speech → the final text: plain text or Markdown (this module), and printed copies — Word
//! (.docx) and PDF — in a layout profile ([`profile`]: 公文, reading copy, English manuscript).
//!
//! Section numbers come from position. Under the title go the speech's details as the importer
//! reads them back ([`title_details`]): the occasion as a subtitle (`——在…上的讲话`), the speaker
//! and the date (`（2022年10月16日）` in Chinese text). Guidance, notes, the language and the target are never
//! exported; blank paragraphs are skipped.
//!
//! A printed copy goes: [`blocks`] (paragraphs with roles) → [`mod@layout`] (lines and pages of
//! positioned glyph runs, fonts from [`fonts`]) → [`pdf`]; or blocks → [`docx`].

pub mod blocks;
pub mod docx;
pub mod fonts;
pub mod layout;
pub mod linebreak;
mod paginate;
pub mod pdf;
pub mod profile;

pub use fonts::{FontLibrary, FontReport, RoleFont};
pub use layout::{GlyphRun, LaidPage, PageLayout, PrintOptions, first_page, layout};
pub use profile::{LayoutName, Profile, Role};

/// Why a printed copy could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The PDF writer failed.
    #[error("the PDF could not be made: {0}")]
    Pdf(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The .docx writer failed.
    #[error("the .docx could not be made: {0}")]
    Docx(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The profile's page size is not a valid page.
    #[error("the page size is not valid")]
    PageSize,
    /// A chosen font could not be read by the PDF writer.
    #[error("the font {family:?} could not be read")]
    UnreadableFont {
        /// Its family.
        family: String,
    },
    /// Writing the file failed.
    #[error(transparent)]
    File(#[from] crate::Error),
}

use crate::model::{Numbering, Speech};
use crate::project::Settings;

/// Plain text or Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown: `# title`, `## 一、heading`.
    Markdown,
}

/// Chinese formal layout or English layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportStyle {
    /// Title, blank line, greeting, then every paragraph on its own line indented with two
    /// full-width spaces; headings 一、二、三、.
    #[default]
    Chinese,
    /// Blank lines between paragraphs, no indentation; headings I. II. III. or unnumbered.
    English,
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Text or Markdown.
    pub format: ExportFormat,
    /// Chinese or English layout.
    pub style: ExportStyle,
    /// How headings are numbered.
    pub numbering: Numbering,
}

impl ExportOptions {
    /// Chinese formal plain text.
    pub fn chinese() -> Self {
        Self {
            format: ExportFormat::Text,
            style: ExportStyle::Chinese,
            numbering: Numbering::Chinese,
        }
    }

    /// English plain text, numbered as the project's settings say.
    pub fn english(settings: &Settings) -> Self {
        Self {
            format: ExportFormat::Text,
            style: ExportStyle::English,
            numbering: settings.english_numbering(),
        }
    }

    /// The options usual for a speech's language.
    pub fn for_speech(speech: &Speech, settings: &Settings) -> Self {
        if speech.meta.language.is_chinese() {
            Self::chinese()
        } else {
            Self::english(settings)
        }
    }

    /// The same options with another format.
    pub fn with_format(mut self, format: ExportFormat) -> Self {
        self.format = format;
        self
    }
}

/// Two ideographic spaces: the paragraph indent of Chinese formal text.
pub const CHINESE_INDENT: &str = "\u{3000}\u{3000}";

fn non_blank(paragraphs: &[String]) -> impl Iterator<Item = &str> {
    paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
}

/// Renders the speech as text.
pub fn export(speech: &Speech, options: &ExportOptions) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let markdown = options.format == ExportFormat::Markdown;
    let title = speech.title.trim();
    let details = title_details(speech, options.style == ExportStyle::Chinese);
    let title_block = !title.is_empty() || !details.is_empty();
    if title_block {
        let mut block = if markdown && !title.is_empty() {
            format!("# {title}")
        } else {
            title.to_string()
        };
        for line in &details {
            if !block.is_empty() {
                // Markdown joins lines of one paragraph: keep each detail on its own.
                block.push_str(if markdown { "\n\n" } else { "\n" });
            }
            block.push_str(line);
        }
        blocks.push(block);
    }
    let greeting = speech.greeting.trim();
    if !greeting.is_empty() {
        blocks.push(greeting.to_string());
    }
    let paragraph = |text: &str| -> String {
        if options.style == ExportStyle::Chinese && !markdown {
            format!("{CHINESE_INDENT}{text}")
        } else {
            text.to_string()
        }
    };
    blocks.extend(non_blank(&speech.opening).map(paragraph));
    for (index, section) in speech.sections.iter().enumerate() {
        let heading = options.numbering.heading(index, &section.heading);
        blocks.push(if markdown {
            format!("## {heading}").trim_end().to_string()
        } else {
            paragraph(&heading)
        });
        blocks.extend(non_blank(&section.paragraphs).map(paragraph));
    }
    blocks.extend(non_blank(&speech.closing).map(paragraph));

    let compact = options.style == ExportStyle::Chinese && !markdown;
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            // Chinese formal text: a blank line only after the title.
            let after_title = i == 1 && title_block;
            out.push_str(if compact && !after_title {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(block);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The lines under the title, each when set: the occasion as a subtitle (`——在…上的讲话`), the
/// speaker, and the date (`（2022年10月16日）` in Chinese), written the way the importer reads
/// them back. Text exports and printed copies show the same lines.
pub fn title_details(speech: &Speech, chinese: bool) -> Vec<String> {
    let meta = &speech.meta;
    let mut lines = Vec::new();
    let occasion = meta.occasion.trim();
    if !occasion.is_empty() {
        let bare = occasion.trim_start_matches(['—', '-', '－']).trim_start();
        lines.push(if chinese {
            format!("——{bare}")
        } else {
            format!("— {bare}")
        });
    }
    let speaker = meta.speaker.trim();
    if !speaker.is_empty() {
        lines.push(speaker.to_string());
    }
    let date = meta.date.trim();
    if !date.is_empty() {
        let bare = date
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）'])
            .trim();
        lines.push(if chinese {
            format!("（{bare}）")
        } else {
            bare.to_string()
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn speech() -> Speech {
        Speech {
            title: "在工作会议上的讲话".into(),
            greeting: "同志们：".into(),
            opening: vec!["今天开会。".into(), "  ".into()],
            sections: vec![
                Section::new("提高站位", vec!["一要学习。".into()]),
                Section::new("狠抓落实", vec!["一是抓。二是干。".into()]),
            ],
            closing: vec!["同志们，谢谢！".into()],
            notes: vec!["不导出".into()],
            ..Speech::default()
        }
    }

    #[test]
    fn chinese_formal_style() {
        let out = export(&speech(), &ExportOptions::chinese());
        assert_eq!(
            out,
            concat!(
                "在工作会议上的讲话\n\n同志们：\n　　今天开会。\n　　一、提高站位\n",
                "　　一要学习。\n　　二、狠抓落实\n　　一是抓。二是干。\n　　同志们，谢谢！\n"
            )
        );
    }

    #[test]
    fn english_style_numbers_or_not() {
        let mut s = speech();
        s.sections[0].heading = "Purpose".into();
        let out = export(&s, &ExportOptions::english(&Settings::default()));
        assert!(
            out.contains("\n\nI. Purpose\n\n一要学习。\n\nII. 狠抓落实"),
            "{out}"
        );
        let unnumbered = Settings {
            number_english_headings: false,
            ..Settings::default()
        };
        let out = export(&s, &ExportOptions::english(&unnumbered));
        assert!(out.contains("\n\nPurpose\n\n"), "{out}");
    }

    #[test]
    fn markdown() {
        let out = export(
            &speech(),
            &ExportOptions::chinese().with_format(ExportFormat::Markdown),
        );
        assert!(
            out.starts_with(
                "# 在工作会议上的讲话\n\n同志们：\n\n今天开会。\n\n## 一、提高站位\n\n"
            )
        );
        assert!(!out.contains("不导出"));
    }

    #[test]
    fn details_go_under_the_title() {
        let mut s = speech();
        s.meta.occasion = "在全市工作会议上的讲话".into();
        s.meta.date = "2022年10月16日".into();
        s.meta.speaker = "张伟".into();
        let out = export(&s, &ExportOptions::chinese());
        assert!(
            out.starts_with(concat!(
                "在工作会议上的讲话\n——在全市工作会议上的讲话\n张伟\n（2022年10月16日）\n\n",
                "同志们：\n"
            )),
            "{out}"
        );
        let md = export(
            &s,
            &ExportOptions::chinese().with_format(ExportFormat::Markdown),
        );
        assert!(
            md.starts_with("# 在工作会议上的讲话\n\n——在全市工作会议上的讲话\n\n张伟\n\n（2022年10月16日）\n\n同志们："),
            "{md}"
        );
        s.meta.language = crate::model::Language::En;
        s.meta.occasion = "Remarks at the Opening".into();
        s.meta.date = "16 October 2022".into();
        let en = export(&s, &ExportOptions::english(&Settings::default()));
        assert!(
            en.starts_with(
                "在工作会议上的讲话\n— Remarks at the Opening\n张伟\n16 October 2022\n\n"
            ),
            "{en}"
        );
    }

    #[test]
    fn guidance_is_never_exported() {
        let mut s = Speech::default();
        s.guidance.opening = "写开场白".into();
        s.sections.push(Section {
            guidance: "本部分写什么".into(),
            ..Section::default()
        });
        let out = export(&s, &ExportOptions::chinese());
        assert_eq!(out, "　　一、\n");
    }
}
