//! Cutting a part's spans into rows for display, without any drawing.
//!
//! **Side by side**: a newline inside an `Equal` span, and the start of an `Equal` span where
//! both texts are at the start of a line (after a whole paragraph was deleted or inserted), are
//! points where both texts are at the start of a line; between two such points the old lines
//! and the new lines are paired by position (the first old line with the first new line, …), and a side that runs out of lines
//! leaves its cell empty. So parts are aligned part by part and, within a part, line by line
//! where both sides have a line.
//!
//! **Inline**: one column, every newline (in any span) starts a row.
//!
//! A newline that was deleted or inserted is shown as a `¶` run, so a merged or split paragraph
//! is visible.

use crate::diff::part::numbered_spans as numbered;
use crate::diff::{Moved, Op, Span};

/// The mark shown for a deleted or inserted paragraph break.
pub const BREAK_MARK: &str = "¶";

/// A run of text in one row, with its change number within the part (`None` for equal text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Equal, deleted or inserted.
    pub op: Op,
    /// The text (no newline).
    pub text: String,
    /// The change it belongs to (see [`crate::diff::PartDiff::changes`]).
    pub change: Option<usize>,
    /// Set when the text moved to (a deleted run) or from (an inserted run) another place.
    pub moved: Option<Moved>,
}

/// A row of the side-by-side view: the old line and the new line (`None`: that side has no line
/// here).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// The old (left) line.
    pub old: Option<Vec<Run>>,
    /// The new (right) line.
    pub new: Option<Vec<Run>>,
}

fn push_run(line: &mut Vec<Run>, op: Op, text: &str, change: Option<usize>, moved: Option<Moved>) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = line.last_mut()
        && last.op == op
        && last.change == change
        && last.moved == moved
    {
        last.text.push_str(text);
        return;
    }
    line.push(Run {
        op,
        text: text.to_string(),
        change,
        moved,
    });
}

fn current(lines: &mut Vec<Vec<Run>>) -> &mut Vec<Run> {
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    let last = lines.len() - 1;
    &mut lines[last]
}

/// The side-by-side rows of a part.
pub fn side_by_side_rows(spans: &[Span]) -> Vec<Row> {
    let has_old = spans.iter().any(|s| s.op != Op::Insert);
    let has_new = spans.iter().any(|s| s.op != Op::Delete);
    let mut rows = Vec::new();
    let mut old: Vec<Vec<Run>> = vec![Vec::new()];
    let mut new: Vec<Vec<Run>> = vec![Vec::new()];
    let flush = |rows: &mut Vec<Row>, old: &mut Vec<Vec<Run>>, new: &mut Vec<Vec<Run>>| {
        let count = old.len().max(new.len());
        let mut old_lines = std::mem::take(old).into_iter();
        let mut new_lines = std::mem::take(new).into_iter();
        for _ in 0..count {
            rows.push(Row {
                old: old_lines.next().filter(|_| has_old),
                new: new_lines.next().filter(|_| has_new),
            });
        }
        old.push(Vec::new());
        new.push(Vec::new());
    };
    for (span, change) in numbered(spans) {
        // Equal text after whole deleted or inserted lines: the lines before it are complete on
        // both sides, so they are paired now and the equal text starts a row on both sides.
        let at_line_starts = |lines: &Vec<Vec<Run>>| lines.last().is_none_or(Vec::is_empty);
        if span.op == Op::Equal
            && at_line_starts(&old)
            && at_line_starts(&new)
            && old.len() + new.len() > 2
        {
            old.pop();
            new.pop();
            flush(&mut rows, &mut old, &mut new);
        }
        // An equal span's new side has its line breaks in the same places (only what a
        // comparison may ignore differs, never a line break).
        let mut new_pieces = span.new_side().split('\n');
        for (i, piece) in span.text.split('\n').enumerate() {
            let new_piece = if span.op == Op::Equal {
                new_pieces.next().unwrap_or(piece)
            } else {
                piece
            };
            if i > 0 {
                match span.op {
                    Op::Equal => flush(&mut rows, &mut old, &mut new),
                    Op::Delete => {
                        push_run(
                            current(&mut old),
                            Op::Delete,
                            BREAK_MARK,
                            change,
                            span.moved,
                        );
                        old.push(Vec::new());
                    }
                    Op::Insert => {
                        push_run(
                            current(&mut new),
                            Op::Insert,
                            BREAK_MARK,
                            change,
                            span.moved,
                        );
                        new.push(Vec::new());
                    }
                }
            }
            match span.op {
                Op::Equal => {
                    push_run(current(&mut old), Op::Equal, piece, None, None);
                    push_run(current(&mut new), Op::Equal, new_piece, None, None);
                }
                Op::Delete => push_run(current(&mut old), Op::Delete, piece, change, span.moved),
                Op::Insert => push_run(current(&mut new), Op::Insert, piece, change, span.moved),
            }
        }
    }
    flush(&mut rows, &mut old, &mut new);
    rows
}

/// The inline rows of a part: one line each, deleted and inserted runs interleaved (equal text
/// as the new side writes it).
pub fn inline_rows(spans: &[Span]) -> Vec<Vec<Run>> {
    let mut lines: Vec<Vec<Run>> = vec![Vec::new()];
    for (span, change) in numbered(spans) {
        let text = if span.op == Op::Equal {
            span.new_side()
        } else {
            &span.text
        };
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                if span.op != Op::Equal {
                    push_run(current(&mut lines), span.op, BREAK_MARK, change, span.moved);
                }
                lines.push(Vec::new());
            }
            push_run(current(&mut lines), span.op, piece, change, span.moved);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Option<Vec<Run>>) -> Option<String> {
        line.as_ref()
            .map(|runs| runs.iter().map(|r| r.text.as_str()).collect())
    }

    #[test]
    fn lines_pair_up_between_equal_breaks() {
        let spans = vec![
            Span::new(Op::Equal, "标题\n一要"),
            Span::new(Op::Delete, "学习"),
            Span::new(Op::Insert, "落实\n新段"),
            Span::new(Op::Equal, "。\n尾"),
        ];
        let rows = side_by_side_rows(&spans);
        let pairs: Vec<_> = rows.iter().map(|r| (text(&r.old), text(&r.new))).collect();
        assert_eq!(
            pairs,
            [
                (Some("标题".into()), Some("标题".into())),
                (Some("一要学习。".into()), Some("一要落实¶".into())),
                (None, Some("新段。".into())),
                (Some("尾".into()), Some("尾".into())),
            ]
        );
        assert_eq!(rows[1].new.as_ref().map(|r| r[1].change), Some(Some(0)));
    }

    #[test]
    fn equal_text_after_a_whole_deleted_or_inserted_paragraph_stays_aligned() {
        let spans = vec![
            Span::new(Op::Equal, "一是学习。\n"),
            Span::new(Op::Delete, "删去的一段。\n"),
            Span::new(Op::Equal, "二是落实。\n"),
            Span::new(Op::Insert, "新加的一段。\n"),
            Span::new(Op::Equal, "三是检查。"),
        ];
        let rows = side_by_side_rows(&spans);
        let pairs: Vec<_> = rows.iter().map(|r| (text(&r.old), text(&r.new))).collect();
        assert_eq!(
            pairs,
            [
                (Some("一是学习。".into()), Some("一是学习。".into())),
                (Some("删去的一段。¶".into()), None),
                (Some("二是落实。".into()), Some("二是落实。".into())),
                (None, Some("新加的一段。¶".into())),
                (Some("三是检查。".into()), Some("三是检查。".into())),
            ]
        );
    }

    #[test]
    fn an_added_part_has_no_left_side() {
        let rows = side_by_side_rows(&[Span::new(Op::Insert, "a\nb")]);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.old.is_none()));
    }

    #[test]
    fn inline_breaks_at_every_newline_and_numbers_changes() {
        let spans = vec![
            Span::new(Op::Equal, "a"),
            Span::new(Op::Delete, "b\nc"),
            Span::new(Op::Equal, "d"),
            Span::new(Op::Insert, "e"),
        ];
        let lines = inline_rows(&spans);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0][1].text, "b¶");
        assert_eq!(lines[1].last().map(|r| r.change), Some(Some(1)));
    }

    #[test]
    fn moved_runs_keep_their_move_on_both_layouts() {
        let moved = Moved {
            id: 0,
            part: 2,
            paragraphs: 1,
        };
        let mut away = Span::new(Op::Delete, "移走的一段。\n");
        away.moved = Some(moved);
        let spans = vec![
            Span::new(Op::Equal, "一是学习。\n"),
            away,
            Span::new(Op::Delete, "删去"),
            Span::new(Op::Equal, "二是落实。"),
        ];
        let rows = side_by_side_rows(&spans);
        let left = rows[1].old.as_ref().expect("a left line");
        assert_eq!(left[0].moved, Some(moved));
        let next = rows[2].old.as_ref().expect("a left line");
        assert_eq!(next[0].text, "删去");
        assert_eq!(next[0].moved, None, "a plain deletion is not moved");
        let inline = inline_rows(&spans);
        assert_eq!(inline[1][0].moved, Some(moved));
        assert!(
            inline
                .iter()
                .flatten()
                .filter(|r| r.op == Op::Equal)
                .all(|r| r.moved.is_none())
        );
    }
}
