//! `lectern check IN`: proofread a speech (punctuation, numbering, repeats, script mixing,
//! spacing, time budgets) and, with `--fix -o OUT`, write it with the fixes applied.
//!
//! Exit status: 0 when nothing is found, 1 when something is (after `--fix`: when something is
//! left), 2 on bad input.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use serde_json::{Map, Value, json};

use lectern::export::{self, ExportFormat, ExportOptions};
use lectern::model::Speech;
use lectern::part::Field;
use lectern::project::Project;
use lectern::proof::{self, CheckId, Finding};
use lectern::storage::{self, FileKind};

use super::input;

/// Arguments of `lectern check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// A .lectern, .txt or .md file, or - for standard input.
    input: PathBuf,
    /// Check this named draft of a .lectern file instead of its working copy.
    #[arg(long)]
    draft: Option<String>,
    /// Print JSON: {"findings": [...], "summary": {"<id>": count}}.
    #[arg(long)]
    json: bool,
    /// Apply every safe fix and write the result to -o; then report what is left.
    #[arg(long, requires = "output")]
    fix: bool,
    /// With --fix: apply only the fixes of these checks (comma-separated ids).
    #[arg(long, requires = "fix", value_delimiter = ',', value_name = "ID,…")]
    only: Vec<String>,
    /// With --fix: the file to write (.lectern, .txt or .md).
    #[arg(short, long, requires = "fix")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists (it may be the input).
    #[arg(long, requires = "output")]
    force: bool,
}

/// Runs `lectern check`: 0 clean, 1 findings, 2 bad input (as an error, or an unknown id).
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let checks = match parse_ids(&args.only) {
        Ok(checks) => checks,
        Err(unknown) => {
            let known: Vec<&str> = CheckId::ALL.iter().map(|c| c.id()).collect();
            eprintln!(
                "lectern: unknown check id {unknown:?} in --only (ids: {})",
                known.join(", ")
            );
            return Ok(ExitCode::from(2));
        }
    };
    if let Some(output) = &args.output {
        storage::check_output_path(output, args.force)?;
        if FileKind::of(output) == FileKind::Project && args.draft.is_some() {
            return Err(lectern::Error::UnsupportedType {
                path: output.clone(),
            })
            .context("--fix with --draft writes .txt or .md: a draft is kept as it was saved");
        }
    }
    let loaded = input::load_speech(&args.input, args.draft.as_deref())?;
    let mut speech = loaded.speech;
    if let Some(output) = &args.output {
        let applied = proof::fix_checks(&mut speech, &checks);
        write_fixed(&args, output, &speech, &loaded.settings)?;
        eprintln!(
            "applied {}; wrote {}",
            super::plural(applied, "fix", "fixes"),
            output.display()
        );
    }
    let findings = proof::check_speech(&speech, &loaded.settings);
    let out = if args.json {
        format!("{}\n", findings_json(&speech, &findings))
    } else {
        findings_text(&speech, &findings)
    };
    super::print_stdout(&out)?;
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The checks named in `--only` (all of them when none is named), or the first unknown id.
fn parse_ids(only: &[String]) -> Result<Vec<CheckId>, String> {
    if only.is_empty() {
        return Ok(CheckId::ALL.to_vec());
    }
    only.iter()
        .map(|id| CheckId::from_id(id.trim()).ok_or_else(|| id.clone()))
        .collect()
}

/// Writes the fixed speech: a .lectern output keeps the input project's drafts and settings
/// (a text input becomes a new project); a .txt or .md output is the speech exported.
fn write_fixed(
    args: &CheckArgs,
    output: &std::path::Path,
    speech: &Speech,
    settings: &lectern::project::Settings,
) -> anyhow::Result<()> {
    match FileKind::of(output) {
        FileKind::Project => {
            let mut project = if FileKind::of(&args.input) == FileKind::Project {
                input::load_project_file(&args.input)?
            } else {
                Project::new(Speech::default())
            };
            project.speech = speech.clone();
            storage::save_project(&project, output)?;
        }
        kind => {
            let mut options = ExportOptions::for_speech(speech, settings);
            if kind == FileKind::Markdown {
                options.format = ExportFormat::Markdown;
            }
            let text = export::export(speech, &options);
            storage::write_atomic(output, text.as_bytes(), false)?;
        }
    }
    Ok(())
}

/// Where a finding is, as the JSON names it: the part's kind, the section's index, and the
/// paragraph among the part's lines (for a section, 0 is the heading and 1… its paragraphs).
fn place(speech: &Speech, finding: &Finding) -> (&'static str, Option<usize>, usize) {
    let part = finding.field.part();
    let section = speech.part_section_index(part);
    let paragraph = match finding.field {
        Field::Body(_) => finding.paragraph + 1,
        _ => finding.paragraph,
    };
    (part.kind().name(), section, paragraph)
}

/// `{"findings": [{"id", "part", "section_index", "paragraph", "start", "end", "text",
/// "suggestion", "message"}], "summary": {"<id>": count}}`.
fn findings_json(speech: &Speech, findings: &[Finding]) -> Value {
    let list: Vec<Value> = findings
        .iter()
        .map(|f| {
            let (part, section_index, paragraph) = place(speech, f);
            json!({
                "id": f.check.id(),
                "part": part,
                "section_index": section_index,
                "paragraph": paragraph,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "suggestion": f.suggestion,
                "message": f.message.to_string(),
            })
        })
        .collect();
    let mut summary = Map::new();
    for (check, count) in counts(findings) {
        summary.insert(check.id().to_string(), json!(count));
    }
    json!({ "findings": list, "summary": Value::Object(summary) })
}

/// How many findings each check made, in the order of [`CheckId::ALL`], leaving out zeros.
fn counts(findings: &[Finding]) -> Vec<(CheckId, usize)> {
    CheckId::ALL
        .iter()
        .map(|&c| (c, findings.iter().filter(|f| f.check == c).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// One line a finding — `section 2:3:15: punct-halfwidth: half-width ',' …: "," → "，"` (the
/// paragraph and column count from 1) — then a summary line.
fn findings_text(speech: &Speech, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let (part, section, paragraph) = place(speech, f);
        let name = match section {
            Some(i) => format!("section {}", i + 1),
            None => part.to_string(),
        };
        let fix = match &f.suggestion {
            Some(s) => format!(": {:?} → {s:?}", f.text),
            None if f.text.is_empty() => String::new(),
            None => format!(": {:?}", f.text),
        };
        out.push_str(&format!(
            "{name}:{}:{}: {}: {}{fix}\n",
            paragraph + 1,
            f.start + 1,
            f.check.id(),
            f.message
        ));
    }
    if findings.is_empty() {
        out.push_str("no findings\n");
    } else {
        let fixable = findings.iter().filter(|f| f.is_fixable()).count();
        let per_check: Vec<String> = counts(findings)
            .into_iter()
            .map(|(c, n)| format!("{} {n}", c.id()))
            .collect();
        out.push_str(&format!(
            "{} ({fixable} fixable): {}\n",
            super::plural(findings.len(), "finding", "findings"),
            per_check.join(", ")
        ));
    }
    out
}
