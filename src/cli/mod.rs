//! The command line: `lectern templates | new | import | show | export | stats | draft | diff |
//! check | merge`.
//!
//! Output goes to stdout, messages to stderr. Exit codes: 0 success, 2 bad input (a missing or
//! malformed file, a wrong name, a usage error), 1 any other failure.

mod check;
mod diff;
mod import;
mod input;
mod json;
mod merge;
mod print;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use lectern::export::{self, ExportFormat, ExportOptions};
use lectern::model::Numbering;
use lectern::project::{DraftKind, Project};
use lectern::stats::{self, format_duration};
use lectern::storage::{self, FileKind};
use lectern::template::{self, DEFAULT_TEMPLATE_ID};

/// Lectern: write speeches in sections, keep drafts, compare them, export the text.
#[derive(Parser, Debug)]
#[command(
    name = "lectern",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A .lectern, .txt or .md file to open in the editor.
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the built-in templates (id, name).
    Templates,
    /// Create a new .lectern file from a template.
    New {
        /// Template id (see `lectern templates`).
        #[arg(long, default_value = DEFAULT_TEMPLATE_ID)]
        template: String,
        /// The file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Import a .txt, .md or .docx file (or - for stdin) into a new .lectern file.
    Import {
        /// The file to import: .txt, .md, .docx, or - for standard input.
        input: PathBuf,
        /// The .lectern file to create.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show a speech's structure.
    Show {
        #[command(flatten)]
        source: Source,
        /// Print JSON: {"title", "greeting", "opening", "sections", "closing", "notes", "language"}.
        #[arg(long)]
        json: bool,
    },
    /// Export a speech as text or Markdown (to stdout without -o), or as docx or pdf (-o needed).
    Export {
        #[command(flatten)]
        source: Source,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Txt)]
        format: FormatArg,
        /// Text layout: zh (Chinese formal) or en (English); defaults to the speech's language.
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        #[command(flatten)]
        layout: print::LayoutArgs,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Count characters, words and speaking time, per part and in total.
    Stats {
        #[command(flatten)]
        source: Source,
        /// Print JSON: {"total": {...}, "parts": [...]}.
        #[arg(long)]
        json: bool,
    },
    /// Save or list the named drafts of a .lectern file.
    #[command(subcommand)]
    Draft(DraftCommand),
    /// Compare two speeches section by section (exit 0: same, 1: different, 2: bad input).
    ///
    /// OLD and NEW are .lectern files (their working copy), FILE.lectern@DRAFT, .txt or .md.
    Diff(diff::DiffArgs),
    /// Proofread a speech: punctuation, numbering, repeats, script mixing, spacing, time
    /// (exit 0: nothing found, 1: findings, 2: bad input).
    Check(check::CheckArgs),
    /// Merge two edited copies against the version both started from (exit 0: clean,
    /// 1: conflicts left, 2: bad input). As a git merge driver: `lectern merge %O %A %B -o %A --force`.
    Merge(merge::MergeArgs),
}

#[derive(Subcommand, Debug)]
enum DraftCommand {
    /// Save the working copy as a named draft.
    Save {
        /// The .lectern file.
        file: PathBuf,
        /// The draft's name.
        #[arg(long)]
        name: String,
        /// A note kept with the draft.
        #[arg(long)]
        note: Option<String>,
        /// Replace a draft that already has this name (otherwise a second draft of the same
        /// name is refused).
        #[arg(long)]
        replace: bool,
    },
    /// List the drafts: name, time, kind, note.
    List {
        /// The .lectern file.
        file: PathBuf,
    },
}

/// The input of `show`, `export` and `stats`.
#[derive(Args, Debug)]
struct Source {
    /// A .lectern, .txt, .md or .docx file.
    input: PathBuf,
    /// Use this named draft of a .lectern file instead of its working copy.
    #[arg(long)]
    draft: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Txt,
    Md,
    Docx,
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StyleArg {
    Zh,
    En,
}

/// What `main` should do after parsing.
pub enum Outcome {
    /// A command ran; exit with this code.
    Done(ExitCode),
    /// No command: open the editor on this file (or the default document).
    OpenEditor(Option<PathBuf>),
}

/// Parses the arguments and runs the command. Errors are printed here, once.
pub fn main_with_args() -> Outcome {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return Outcome::OpenEditor(cli.file);
    };
    let result = match command {
        Command::Diff(args) => diff::run(args),
        Command::Check(args) => check::run(args),
        Command::Merge(args) => merge::run(args),
        other => run(other).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => Outcome::Done(code),
        Err(err) => {
            eprintln!("lectern: {err:#}");
            Outcome::Done(exit_code_for(&err))
        }
    }
}

/// 2 for bad input, 1 for other failures.
fn exit_code_for(err: &anyhow::Error) -> ExitCode {
    let bad_input = err.chain().any(|cause| {
        cause
            .downcast_ref::<lectern::Error>()
            .is_some_and(lectern::Error::is_bad_input)
    });
    ExitCode::from(if bad_input { 2 } else { 1 })
}

fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Templates => {
            let mut out = String::new();
            for t in template::templates() {
                out.push_str(&format!("{}\t{}\t{}\n", t.id, t.name, t.description));
            }
            print_stdout(&out)
        }
        Command::New {
            template,
            output,
            force,
        } => {
            require_project_path(&output)?;
            storage::check_output_path(&output, force)?;
            let project = Project::new(template::new_speech(&template)?);
            storage::save_project(&project, &output)?;
            eprintln!("created {} from template {template}", output.display());
            Ok(())
        }
        Command::Import {
            input,
            output,
            force,
        } => import::run(&input, &output, force),
        Command::Show { source, json } => {
            let loaded = input::load_speech(&source.input, source.draft.as_deref())?;
            if json {
                print_stdout(&format!("{}\n", json::speech_json(&loaded.speech)))
            } else {
                print_stdout(&outline_text(&loaded))
            }
        }
        Command::Export {
            source,
            format,
            style,
            layout,
            output,
            force,
        } => {
            if let Some(path) = output.as_deref().filter(|p| *p != Path::new("-")) {
                storage::check_output_path(path, force)?;
            }
            let loaded = input::load_speech(&source.input, source.draft.as_deref())?;
            let printed = match format {
                FormatArg::Docx => Some(print::PrintFormat::Docx),
                FormatArg::Pdf => Some(print::PrintFormat::Pdf),
                FormatArg::Txt | FormatArg::Md => None,
            };
            if let Some(printed) = printed {
                return print::run(&loaded, printed, &layout, output.as_deref());
            }
            if layout.given() {
                anyhow::bail!("--layout, --section-breaks and --no-notice apply to docx and pdf");
            }
            let mut options = match style {
                Some(StyleArg::Zh) => ExportOptions::chinese(),
                Some(StyleArg::En) => ExportOptions::english(&loaded.settings),
                None => ExportOptions::for_speech(&loaded.speech, &loaded.settings),
            };
            if matches!(format, FormatArg::Md) {
                options.format = ExportFormat::Markdown;
            }
            let text = export::export(&loaded.speech, &options);
            match output {
                Some(path) => Ok(storage::write_atomic(&path, text.as_bytes(), false)?),
                None => print_stdout(&text),
            }
        }
        Command::Stats { source, json } => {
            let loaded = input::load_speech(&source.input, source.draft.as_deref())?;
            let stats = stats::speech_stats(&loaded.speech, &loaded.settings);
            if json {
                print_stdout(&format!("{}\n", json::stats_json(&stats)))
            } else {
                print_stdout(&stats_text(&loaded, &stats))
            }
        }
        Command::Draft(DraftCommand::Save {
            file,
            name,
            note,
            replace,
        }) => {
            let mut project = input::load_project_file(&file)?;
            let name = name.trim();
            if name.is_empty() {
                anyhow::bail!("a draft needs a name (--name)");
            }
            let same_name: Vec<_> = project
                .drafts
                .iter()
                .filter(|d| d.name == name)
                .map(|d| d.id)
                .collect();
            if !same_name.is_empty() && !replace {
                return Err(lectern::Error::DraftExists {
                    path: file,
                    name: name.to_string(),
                }
                .into());
            }
            for id in same_name {
                project.delete_draft(id);
            }
            project.save_draft(name, note, DraftKind::Named, chrono::Utc::now());
            storage::save_project(&project, &file)?;
            let verb = if replace { "replaced" } else { "saved" };
            eprintln!("{verb} draft {name:?} in {}", file.display());
            Ok(())
        }
        Command::Draft(DraftCommand::List { file }) => {
            let project = input::load_project_file(&file)?;
            let mut out = String::new();
            for draft in &project.drafts {
                let kind = match draft.kind {
                    DraftKind::Named => "named",
                    DraftKind::Automatic => "automatic",
                };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    draft.display_name(),
                    draft
                        .created
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    kind,
                    draft.note.as_deref().unwrap_or("")
                ));
            }
            print_stdout(&out)
        }
        // Dispatched in `main_with_args` (it has its own exit codes); kept here for completeness.
        Command::Diff(args) => diff::run(args).map(drop),
        Command::Check(args) => check::run(args).map(drop),
        Command::Merge(args) => merge::run(args).map(drop),
    }
}

pub(crate) fn require_project_path(path: &Path) -> anyhow::Result<()> {
    if FileKind::of(path) == FileKind::Project {
        Ok(())
    } else {
        Err(lectern::Error::UnsupportedType {
            path: path.to_path_buf(),
        })
        .context("the output must be a .lectern file")
    }
}

/// `1 paragraph`, `2 paragraphs`, `0 paragraphs`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Writes to stdout; a closed pipe (`lectern export x | head`) is not an error.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

fn outline_text(loaded: &input::LoadedSpeech) -> String {
    let speech = &loaded.speech;
    let numbering = Numbering::for_language(speech.meta.language);
    let mut out = String::new();
    out.push_str(&format!("title:    {}\n", speech.title));
    out.push_str(&format!("greeting: {}\n", speech.greeting));
    out.push_str(&format!("language: {}\n", speech.meta.language));
    let paragraphs = |n: usize| plural(n, "paragraph", "paragraphs");
    out.push_str(&format!("opening:  {}\n", paragraphs(speech.opening.len())));
    for (i, section) in speech.sections.iter().enumerate() {
        out.push_str(&format!(
            "{}  ({})\n",
            numbering.heading(i, &section.heading),
            paragraphs(section.paragraphs.len())
        ));
    }
    out.push_str(&format!("closing:  {}\n", paragraphs(speech.closing.len())));
    out.push_str(&format!("notes:    {}\n", paragraphs(speech.notes.len())));
    out
}

fn stats_text(loaded: &input::LoadedSpeech, stats: &stats::SpeechStats) -> String {
    let numbering = Numbering::for_language(loaded.speech.meta.language);
    let mut out = String::new();
    for part in &stats.parts {
        let name = match part.part {
            lectern::part::Part::Section(id) => {
                let index = loaded.speech.section_index(id).unwrap_or_default();
                numbering.heading(index, &part.heading)
            }
            other => other.kind().name().to_string(),
        };
        let c = part.counts;
        out.push_str(&format!(
            "{:>6} chars {:>6} words {:>8}  {}\n",
            c.cjk_chars,
            c.words,
            format_duration(c.seconds),
            name
        ));
    }
    let t = stats.total;
    out.push_str(&format!(
        "{:>6} chars {:>6} words {:>8}  total (at {} chars/min, {} words/min)\n",
        t.cjk_chars,
        t.words,
        format_duration(t.seconds),
        loaded.settings.cjk_chars_per_minute,
        loaded.settings.words_per_minute
    ));
    out
}
