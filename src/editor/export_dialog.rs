//! The Export dialog's choices as data (format; for text the style, for Word and PDF the layout
//! and its options), and what the editor does with them: export to a file, print (a PDF in a
//! temporary folder opened in the system's viewer), open an exported file's folder.

use std::path::{Path, PathBuf};

use crate::export::docx::docx_bytes;
use crate::export::pdf::pdf_bytes;
use crate::export::{
    ExportFormat, ExportOptions, ExportStyle, FontLibrary, LayoutName, PrintError, PrintOptions,
    layout,
};
use crate::model::Speech;
use crate::project::Settings;

use super::Editor;
use super::dialog::PathTask;
use super::env::Env;
use super::files::with_extension;
use super::message::{Message, OpenWhat};
use super::notice::Notice;

/// What the Export dialog writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportKind {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`).
    Markdown,
    /// Word (`.docx`), in a layout.
    Docx,
    /// PDF, in a layout.
    Pdf,
}

impl ExportKind {
    /// Every kind, in the dialog's order.
    pub const ALL: [ExportKind; 4] = [
        ExportKind::Text,
        ExportKind::Markdown,
        ExportKind::Docx,
        ExportKind::Pdf,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Text => "txt",
            ExportKind::Markdown => "md",
            ExportKind::Docx => "docx",
            ExportKind::Pdf => "pdf",
        }
    }

    /// Whether this is a printed copy in a layout (Word, PDF) rather than text.
    pub fn is_printed(self) -> bool {
        matches!(self, ExportKind::Docx | ExportKind::Pdf)
    }
}

/// A layout's optional behaviour the dialog offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LayoutOption {
    /// Each section after the first starts on a new page.
    SectionBreaks,
    /// "Check against delivery" as the first line (English manuscript).
    CheckAgainstDelivery,
    /// The first words of the next page at the foot of each page (reading copy).
    NextPageCue,
    /// Speaker and date below the title.
    SpeakerAndDate,
}

impl LayoutOption {
    /// The options `layout` has, in the dialog's order.
    pub fn offered(layout: LayoutName) -> &'static [LayoutOption] {
        match layout {
            LayoutName::Gongwen => &[LayoutOption::SectionBreaks],
            LayoutName::Reading => &[
                LayoutOption::SectionBreaks,
                LayoutOption::NextPageCue,
                LayoutOption::SpeakerAndDate,
            ],
            LayoutName::Manuscript => &[
                LayoutOption::SectionBreaks,
                LayoutOption::CheckAgainstDelivery,
                LayoutOption::SpeakerAndDate,
            ],
        }
    }
}

/// The layout options as chosen (each applies only to the layouts that offer it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutOptions {
    /// [`LayoutOption::SectionBreaks`].
    pub section_breaks: bool,
    /// [`LayoutOption::CheckAgainstDelivery`].
    pub check_against_delivery: bool,
    /// [`LayoutOption::NextPageCue`].
    pub next_page_cue: bool,
    /// [`LayoutOption::SpeakerAndDate`].
    pub speaker_and_date: bool,
}

impl Default for LayoutOptions {
    /// The built-in profiles' defaults.
    fn default() -> Self {
        Self {
            section_breaks: false,
            check_against_delivery: true,
            next_page_cue: true,
            speaker_and_date: true,
        }
    }
}

impl LayoutOptions {
    /// Whether `option` is on.
    pub fn get(&self, option: LayoutOption) -> bool {
        match option {
            LayoutOption::SectionBreaks => self.section_breaks,
            LayoutOption::CheckAgainstDelivery => self.check_against_delivery,
            LayoutOption::NextPageCue => self.next_page_cue,
            LayoutOption::SpeakerAndDate => self.speaker_and_date,
        }
    }

    /// Turns `option` on or off.
    pub fn set(&mut self, option: LayoutOption, on: bool) {
        match option {
            LayoutOption::SectionBreaks => self.section_breaks = on,
            LayoutOption::CheckAgainstDelivery => self.check_against_delivery = on,
            LayoutOption::NextPageCue => self.next_page_cue = on,
            LayoutOption::SpeakerAndDate => self.speaker_and_date = on,
        }
    }
}

/// The Export dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// What to write.
    pub kind: ExportKind,
    /// The style of text and Markdown.
    pub style: ExportStyle,
    /// The layout of Word and PDF.
    pub layout: LayoutName,
    /// The layout's options.
    pub options: LayoutOptions,
}

impl ExportDialog {
    /// The first choices for a speech: text, in the speech's own style and layout (公文 for a
    /// Chinese speech, the English manuscript otherwise).
    pub fn for_language(chinese: bool) -> ExportDialog {
        ExportDialog {
            kind: ExportKind::Text,
            style: if chinese {
                ExportStyle::Chinese
            } else {
                ExportStyle::English
            },
            layout: default_layout(chinese),
            options: LayoutOptions::default(),
        }
    }

    /// The text export's options (text and Markdown; `None` for Word and PDF).
    pub fn text_options(&self, settings: &Settings) -> Option<ExportOptions> {
        let format = match self.kind {
            ExportKind::Text => ExportFormat::Text,
            ExportKind::Markdown => ExportFormat::Markdown,
            ExportKind::Docx | ExportKind::Pdf => return None,
        };
        let options = match self.style {
            ExportStyle::Chinese => ExportOptions::chinese(),
            ExportStyle::English => ExportOptions::english(settings),
        };
        Some(options.with_format(format))
    }

    /// The printed copy's options: the layout's profile with the options it offers applied.
    pub fn print_options(&self, settings: &Settings) -> PrintOptions {
        let mut print = PrintOptions::new(self.layout, settings);
        let profile = &mut print.profile;
        for option in LayoutOption::offered(self.layout) {
            let on = self.options.get(*option);
            match option {
                LayoutOption::SectionBreaks => profile.break_before_section = on,
                LayoutOption::CheckAgainstDelivery => profile.check_against_delivery = on,
                LayoutOption::NextPageCue => profile.next_page_cue = on,
                LayoutOption::SpeakerAndDate => profile.show_speaker_and_date = on,
            }
        }
        print
    }
}

/// The layout for a speech's language: 公文 for Chinese, the English manuscript otherwise.
pub fn default_layout(chinese: bool) -> LayoutName {
    if chinese {
        LayoutName::Gongwen
    } else {
        LayoutName::Manuscript
    }
}

/// The bytes of a printed copy.
pub fn printed_bytes(
    speech: &Speech,
    kind: ExportKind,
    options: &PrintOptions,
) -> Result<Vec<u8>, PrintError> {
    match kind {
        ExportKind::Pdf => pdf_bytes(&layout(speech, options, FontLibrary::system())),
        _ => docx_bytes(speech, options),
    }
}

/// The last Export dialog's choices, and whether they were made for a Chinese speech.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LastExport {
    pub dialog: ExportDialog,
    pub chinese: bool,
}

impl Editor {
    /// The Export dialog's first choices: the last ones (the style and layout only when they
    /// were for a speech in the same language), else the speech's language's.
    pub fn export_choices(&self) -> ExportDialog {
        let chinese = self.chinese_speech();
        match &self.last_export {
            Some(last) if last.chinese == chinese => last.dialog.clone(),
            Some(last) => ExportDialog {
                kind: last.dialog.kind,
                options: last.dialog.options,
                ..ExportDialog::for_language(chinese)
            },
            None => ExportDialog::for_language(chinese),
        }
    }

    /// The exported text of the dialog's choices (the live preview and the file are the same);
    /// `None` for Word and PDF.
    pub fn export_dialog_text(&self, choices: &ExportDialog) -> Option<String> {
        choices
            .text_options(&self.doc.settings)
            .map(|options| self.export_text(&options))
    }

    /// Asks for a file and writes the export there (atomically: a failed write leaves no
    /// half-written file); says where it went in a notice, or what failed.
    pub(super) fn export_to_file(&mut self, choices: ExportDialog, env: &mut Env) {
        let extension = choices.kind.extension();
        let suggested = format!("{}.{extension}", self.suggested_stem());
        let task = PathTask::Export(Box::new(choices.clone()));
        let Some(path) = self.pick_or_ask(task, &suggested, env) else {
            return;
        };
        self.export_to(choices, with_extension(path, extension));
    }

    /// Writes the export of `choices` to `path`.
    pub(super) fn export_to(&mut self, choices: ExportDialog, path: PathBuf) {
        self.remember_export(&choices);
        let written = match choices.text_options(&self.doc.settings) {
            Some(options) => {
                let text = self.export_text(&options);
                crate::storage::write_atomic(&path, text.as_bytes(), false)
                    .map_err(PrintError::File)
            }
            None => {
                let options = choices.print_options(&self.doc.settings);
                printed_bytes(&self.doc.speech, choices.kind, &options).and_then(|bytes| {
                    crate::storage::write_atomic(&path, &bytes, false).map_err(PrintError::File)
                })
            }
        };
        match written {
            Ok(()) => {
                self.dialog = None;
                self.show_notice(Notice::Exported { path });
            }
            Err(error) => self.report(Message::ExportFailed { path, error }),
        }
    }

    pub(super) fn remember_export(&mut self, choices: &ExportDialog) {
        self.last_export = Some(LastExport {
            dialog: choices.clone(),
            chinese: self.chinese_speech(),
        });
    }

    /// The layout Print uses: the last one exported or chosen, else the language's.
    pub fn print_choices(&self) -> ExportDialog {
        let mut choices = self.export_choices();
        choices.kind = ExportKind::Pdf;
        choices
    }

    /// Where Print writes its PDF: `folder/<speech>.pdf`.
    fn print_path(&self, layout: LayoutName) -> PathBuf {
        let folder = self
            .print_folder
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("lectern-print"));
        folder.join(format!("{} ({}).pdf", self.suggested_stem(), layout.id()))
    }

    /// Writes the speech as a PDF in the print layout to a temporary folder and opens it in the
    /// system's viewer (to print from there); if no viewer can be started, says where it is.
    pub(super) fn print(&mut self, env: &mut Env) {
        let choices = self.print_choices();
        let path = self.print_path(choices.layout);
        let options = choices.print_options(&self.doc.settings);
        let written = std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
            .map_err(|e| PrintError::File(crate::Error::io("writing", &path, e)))
            .and_then(|()| printed_bytes(&self.doc.speech, ExportKind::Pdf, &options))
            .and_then(|bytes| {
                crate::storage::write_atomic(&path, &bytes, false).map_err(PrintError::File)
            });
        if let Err(error) = written {
            self.report(Message::ExportFailed { path, error });
            return;
        }
        match env.opener.open(&path) {
            Ok(()) => self.show_notice(Notice::Printed { path }),
            Err(_) => self.report(Message::OpenFailed {
                what: OpenWhat::Viewer,
                path,
            }),
        }
    }

    /// Opens the folder of `file` in the system's file manager.
    pub(super) fn open_folder(&mut self, file: &Path, env: &mut Env) {
        let folder = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        self.notice = None;
        if env.opener.open(&folder).is_err() {
            self.report(Message::OpenFailed {
                what: OpenWhat::Folder,
                path: folder,
            });
        }
    }
}
