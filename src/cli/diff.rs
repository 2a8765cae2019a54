//! `lectern diff OLD NEW`: compare two speeches section by section.
//!
//! Exit status like `diff`: 0 when the two are the same, 1 when they differ, 2 on bad input.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use lectern::diff::{DiffOptions, Granularity, Op, PartDiff, Span, SpeechDiff, present};
use lectern::model::{Language, Numbering, PartKind};
use lectern::storage::FileKind;

use super::input;

/// Arguments of `lectern diff`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old version: a .lectern file (its working copy), FILE.lectern@DRAFT, .txt or .md.
    old: PathBuf,
    /// The new version, given the same way.
    new: PathBuf,
    /// How finely to compare.
    #[arg(long, value_enum, default_value_t = GranularityArg::Word)]
    granularity: GranularityArg,
    /// Show the raw token diff, without merging small pieces into phrases.
    #[arg(long)]
    no_cleanup: bool,
    /// Output: text (changed parts, inline changes, summary) or JSON (all parts).
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Colour the text output (auto: only on a terminal, and not when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Treat half- and full-width forms of the same mark (, ，  : ：  ( （ …) and curly and
    /// straight quotes as equal; the differences ignored are counted in the summary.
    #[arg(long)]
    ignore_width: bool,
    /// Treat runs of spaces of any length as equal (line breaks still count).
    #[arg(short = 'w', long)]
    ignore_space: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum GranularityArg {
    Char,
    Word,
    Sentence,
    Paragraph,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Runs `lectern diff`: prints the comparison; exit code 0 when the same, 1 when different.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    // One thread throughout: on a short-lived process a second thread costs more (its start, its
    // own allocator heap and fresh pages) than it saves.
    let old = load(&args.old)?;
    let new = load(&args.new)?;
    let granularity = match args.granularity {
        GranularityArg::Char => Granularity::Char,
        GranularityArg::Word => Granularity::Word,
        GranularityArg::Sentence => Granularity::Sentence,
        GranularityArg::Paragraph => Granularity::Paragraph,
    };
    let options = DiffOptions::new()
        .granularity(granularity)
        .cleanup(!args.no_cleanup)
        .ignore_width(args.ignore_width)
        .ignore_space(args.ignore_space)
        .settings(new.settings.clone());
    let diff = SpeechDiff::new(&old.speech, &new.speech, &options);
    let out = match args.format {
        OutputFormat::Json => format!("{}\n", diff_json(&diff)),
        OutputFormat::Text => {
            let color = match args.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            diff_text(&diff, new.speech.meta.language, color)
        }
    };
    super::print_stdout(&out)?;
    // Like `diff`, nothing on stdout for identical inputs; a person at a terminal is told so.
    if diff.is_identical()
        && matches!(args.format, OutputFormat::Text)
        && std::io::stdout().is_terminal()
    {
        eprintln!("no differences");
    }
    let code = if diff.is_identical() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    // The process ends here: freeing the two speeches and the comparison piece by piece (tens of
    // thousands of allocations) would only delay the exit the system does at once.
    std::mem::forget((old, new, diff, out));
    Ok(code)
}

/// Splits `FILE.lectern@DRAFT` at the last `@`, but only when the part before it is an existing
/// `.lectern` file; anything else is a plain path.
pub(super) fn split_draft(arg: &Path) -> (PathBuf, Option<String>) {
    if let Some(text) = arg.to_str()
        && let Some((file, draft)) = text.rsplit_once('@')
        && FileKind::of(Path::new(file)) == FileKind::Project
        && Path::new(file).is_file()
    {
        return (PathBuf::from(file), Some(draft.to_string()));
    }
    (arg.to_path_buf(), None)
}

fn load(arg: &Path) -> anyhow::Result<input::LoadedSpeech> {
    let (path, draft) = split_draft(arg);
    input::load_speech(&path, draft.as_deref())
}

fn round_tenths(seconds: f64) -> f64 {
    (seconds * 10.0).round() / 10.0
}

/// A span in JSON: `op` and `text`, plus `new_text` for equal text the new side writes
/// differently and `moved_to` / `moved_from` (`move`: the move's number, `part`: the other end's
/// position in `parts`) for moved text.
fn span_json(span: &Span) -> Value {
    let mut value = json!({"op": span.op.name(), "text": span.text});
    if let Some(object) = value.as_object_mut() {
        if let Some(new_text) = &span.new_text {
            object.insert("new_text".into(), json!(new_text));
        }
        if let Some(moved) = span.moved {
            let key = if span.op == Op::Delete {
                "moved_to"
            } else {
                "moved_from"
            };
            object.insert(
                key.into(),
                json!({"move": moved.id, "part": moved.part, "paragraphs": moved.paragraphs}),
            );
        }
    }
    value
}

/// The JSON form: every part, then the summary.
fn diff_json(diff: &SpeechDiff) -> Value {
    let parts: Vec<Value> = diff
        .parts
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind.name(),
                "old_index": p.old_index,
                "new_index": p.new_index,
                "old_heading": p.old_heading,
                "new_heading": p.new_heading,
                "status": p.status.name(),
                "spans": p.spans.iter().map(span_json).collect::<Vec<_>>(),
                "inserted_chars": p.inserted_chars,
                "deleted_chars": p.deleted_chars,
                "moved_chars": p.moved_chars,
                "ignored": p.ignored,
                "seconds_delta": round_tenths(p.seconds_delta),
            })
        })
        .collect();
    let s = &diff.summary;
    json!({
        "parts": parts,
        "summary": {
            "inserted_chars": s.inserted_chars,
            "deleted_chars": s.deleted_chars,
            "moved_chars": s.moved_chars,
            "paragraph_moves": s.paragraph_moves,
            "ignored": s.ignored,
            "seconds_delta": round_tenths(s.seconds_delta),
            "moved": s.moved,
            "added": s.added,
            "removed": s.removed,
            "modified": s.modified,
        }
    })
}

fn part_title(part: &PartDiff, language: Language) -> String {
    if part.kind != PartKind::Section {
        return part.kind.name().to_string();
    }
    let numbering = Numbering::for_language(language);
    format!(
        "{} {}",
        present::section_numbers(part, numbering, "→"),
        present::section_heading(part)
    )
}

/// The text form: for each changed part a header and its changed lines, then a summary line.
/// Nothing is printed when the two speeches are the same (but for a line counting the
/// differences ignored, if any).
fn diff_text(diff: &SpeechDiff, language: Language, color: bool) -> String {
    let mut out = String::new();
    let numbering = Numbering::for_language(language);
    for part in diff.changed_parts() {
        let moves = present::part_moves(diff, part, numbering);
        let mut header = format!(
            "=== {} ({}, {}",
            part_title(part, language),
            part.status.name(),
            present::signed_duration(part.seconds_delta)
        );
        if !moves.is_empty() {
            let notes: Vec<String> = moves.iter().map(ToString::to_string).collect();
            header.push_str("; ");
            header.push_str(&notes.join(", "));
        }
        header.push(')');
        if color {
            out.push_str(&format!("\x1b[1m{header}\x1b[0m\n"));
        } else {
            out.push_str(&header);
            out.push('\n');
        }
        out.push_str(&changed_lines(&part.spans, color, |span| {
            present::MoveNote::of(diff, span, numbering)
        }));
    }
    let s = &diff.summary;
    let ignored = if s.ignored > 0 {
        format!(
            "; ignored: {} width/space difference{}",
            s.ignored,
            if s.ignored == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    if diff.is_identical() {
        if s.ignored > 0 {
            out.push_str(&format!("no differences{ignored}\n"));
        }
        return out;
    }
    let moved = if s.paragraph_moves > 0 {
        format!(
            ", {} moved in {} paragraph move{}",
            s.moved_chars,
            s.paragraph_moves,
            if s.paragraph_moves == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    out.push_str(&format!(
        "{} modified, {} moved, {} added, {} removed; {} chars inserted, {} deleted{moved}; speaking time {}{ignored}\n",
        s.modified,
        s.moved,
        s.added,
        s.removed,
        s.inserted_chars,
        s.deleted_chars,
        present::signed_duration(s.seconds_delta)
    ));
    out
}

/// How much of a moved paragraph the text output shows before `…`.
const MOVED_EXCERPT_CHARS: usize = 16;

/// The lines of a part that hold a change, with the change marked inline (`[-old-]{+new+}` or
/// red/green); a `⋯` line stands for unchanged lines left out between them. Moved text is one
/// line of its own: the start of it and where it went or came from (`note`).
fn changed_lines(
    spans: &[Span],
    color: bool,
    note: impl Fn(&Span) -> Option<present::MoveNote>,
) -> String {
    struct Lines {
        out: String,
        line: String,
        changed: bool,
        printed_any: bool,
        skipped: bool,
    }
    impl Lines {
        fn end_line(&mut self) {
            if self.changed {
                if self.printed_any && self.skipped {
                    self.out.push_str("⋯\n");
                }
                self.out.push_str(&self.line);
                self.out.push('\n');
                self.printed_any = true;
                self.skipped = false;
            } else {
                self.skipped = true;
            }
            self.line.clear();
            self.changed = false;
        }
    }
    let mut lines = Lines {
        out: String::new(),
        line: String::new(),
        changed: false,
        printed_any: false,
        skipped: false,
    };
    let mark = |op: Op| match (op, color) {
        (Op::Delete, true) => ("\x1b[31m", "\x1b[0m"),
        (_, true) => ("\x1b[32m", "\x1b[0m"),
        (Op::Delete, false) => ("[-", "-]"),
        (_, false) => ("{+", "+}"),
    };
    for span in spans {
        if let Some(note) = note(span) {
            if !lines.line.is_empty() || lines.changed {
                lines.end_line();
            }
            let first = span
                .text
                .trim_matches('\n')
                .split('\n')
                .next()
                .unwrap_or("");
            let mut excerpt: String = first.chars().take(MOVED_EXCERPT_CHARS).collect();
            if excerpt.len() < span.text.trim_matches('\n').len() {
                excerpt.push('…');
            }
            let (open, close) = mark(span.op);
            lines.line = format!("{open}{excerpt}{close} {note}");
            lines.changed = true;
            lines.end_line();
            continue;
        }
        if span.op == Op::Equal {
            // Whole unchanged lines inside an equal span are never printed: skip them. Equal
            // text is shown as the new side writes it.
            let text = span.new_side();
            if let (Some(first), Some(last)) = (text.find('\n'), text.rfind('\n')) {
                lines.line.push_str(&text[..first]);
                lines.end_line();
                if first != last {
                    lines.skipped = true;
                }
                lines.line.push_str(&text[last + 1..]);
            } else {
                lines.line.push_str(text);
            }
            continue;
        }
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.changed = true;
                lines.end_line();
            }
            if piece.is_empty() {
                continue;
            }
            lines.changed = true;
            let (open, close) = mark(span.op);
            lines.line.push_str(open);
            lines.line.push_str(piece);
            lines.line.push_str(close);
        }
    }
    lines.end_line();
    lines.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_lines_are_printed() {
        let spans = [
            Span::new(Op::Equal, "标题\n第一段。\n"),
            Span::new(Op::Delete, "第二段。\n"),
            Span::new(Op::Equal, "第三段。\n第四"),
            Span::new(Op::Delete, "段"),
            Span::new(Op::Insert, "节"),
            Span::new(Op::Equal, "。"),
        ];
        assert_eq!(
            changed_lines(&spans, false, |_| None),
            "[-第二段。-]\n⋯\n第四[-段-]{+节+}。\n"
        );
    }

    #[test]
    fn draft_suffix_needs_an_existing_project() {
        let (path, draft) = split_draft(Path::new("notes@home.txt"));
        assert_eq!((path, draft), (PathBuf::from("notes@home.txt"), None));
        let (path, draft) = split_draft(Path::new("/nonexistent/x.lectern@v1"));
        assert_eq!(draft, None);
        assert_eq!(path, PathBuf::from("/nonexistent/x.lectern@v1"));
    }
}
