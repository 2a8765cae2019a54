//! `lectern export IN --format docx|pdf --layout gongwen|reading|manuscript -o OUT`: printed
//! copies. Binary output needs `-o` (or `-o -` to a pipe); it is never written to a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};

use lectern::export::{FontLibrary, LayoutName, PrintOptions, docx, layout, pdf};

use super::input::LoadedSpeech;

/// The printed formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintFormat {
    /// Word.
    Docx,
    /// PDF.
    Pdf,
}

/// The layout options of `export` (they apply to docx and pdf).
#[derive(Args, Debug)]
pub struct LayoutArgs {
    /// Layout of docx and pdf: gongwen (公文, GB/T 9704), reading (讲话稿大字版) or manuscript
    /// (English reading copy); defaults to gongwen for Chinese speeches, manuscript for English.
    #[arg(long, value_enum)]
    layout: Option<LayoutArg>,
    /// Start each section after the first on a new page.
    #[arg(long)]
    section_breaks: bool,
    /// Leave out "Check against delivery" (manuscript).
    #[arg(long)]
    no_notice: bool,
}

impl LayoutArgs {
    /// Whether any layout option was given (they make no sense for txt and md).
    pub fn given(&self) -> bool {
        self.layout.is_some() || self.section_breaks || self.no_notice
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LayoutArg {
    Gongwen,
    Reading,
    Manuscript,
}

impl From<LayoutArg> for LayoutName {
    fn from(arg: LayoutArg) -> Self {
        match arg {
            LayoutArg::Gongwen => LayoutName::Gongwen,
            LayoutArg::Reading => LayoutName::Reading,
            LayoutArg::Manuscript => LayoutName::Manuscript,
        }
    }
}

/// Writes a printed copy of `loaded` to `output` (`-` for standard output when it is not a
/// terminal).
pub fn run(
    loaded: &LoadedSpeech,
    format: PrintFormat,
    args: &LayoutArgs,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let Some(output) = output else {
        // A usage error, reported (and exiting with 2) like clap's own.
        clap::Error::raw(
            clap::error::ErrorKind::MissingRequiredArgument,
            "docx and pdf are binary: name the output file with -o FILE (or -o - for a pipe)\n",
        )
        .exit();
    };
    let to_stdout = output == Path::new("-");
    if to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("refusing to write a binary file to the terminal: use -o FILE, or a pipe");
    }
    let name = args.layout.map(LayoutName::from).unwrap_or({
        if loaded.speech.meta.language.is_chinese() {
            LayoutName::Gongwen
        } else {
            LayoutName::Manuscript
        }
    });
    let mut options = PrintOptions::new(name, &loaded.settings);
    options.profile.break_before_section |= args.section_breaks;
    if args.no_notice {
        options.profile.check_against_delivery = false;
    }
    let bytes = match format {
        PrintFormat::Docx => docx::docx_bytes(&loaded.speech, &options)?,
        PrintFormat::Pdf => {
            let laid = layout(&loaded.speech, &options, FontLibrary::system());
            for role in laid.font_report().roles.iter() {
                if role.substituted {
                    eprintln!("lectern: warning: font for {role}");
                } else {
                    eprintln!("lectern: font for {role}");
                }
            }
            let missing = &laid.font_report().missing_chars;
            if !missing.is_empty() {
                eprintln!(
                    "lectern: warning: no font has these characters (printed as boxes): {}",
                    missing.iter().collect::<String>()
                );
            }
            eprintln!(
                "lectern: {} ({name} layout)",
                super::plural(laid.pages.len(), "page", "pages")
            );
            pdf::pdf_bytes(&laid)?
        }
    };
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("writing to standard output"),
        };
    }
    lectern::storage::write_atomic(output, &bytes, false)?;
    eprintln!("wrote {}", PathBuf::from(output).display());
    Ok(())
}
