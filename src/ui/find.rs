//! Find and replace across every part of the speech.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Key, Ui};

use super::app::LecternApp;
use super::commands::Command;
use super::i18n::{Msg, action_on, matches_label, replaced_label, tr};
use super::state::{Field, field_text, fields, set_field_text};

/// One occurrence of the search text: a field and a byte range in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The field.
    pub field: Field,
    /// Where, in bytes of the field's text.
    pub range: Range<usize>,
}

/// The find bar's state.
#[derive(Debug, Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// What to look for (exact, case-sensitive).
    pub query: String,
    /// What to put instead.
    pub replacement: String,
    /// The match the writer is at, as an index into the matches.
    pub current: Option<usize>,
    /// Give the query field keyboard focus in the next frame.
    pub focus_query: bool,
    /// Select the current match in its field in the next frame.
    pub select: Option<Match>,
    /// A short message after replace-all.
    pub status: Option<String>,
    /// Matches for (revision, query).
    cache: Option<(u64, String, Vec<Match>)>,
}

/// Every occurrence of `query` in `text`, as byte ranges, left to right, not overlapping.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    text.match_indices(query)
        .map(|(start, m)| start..start + m.len())
        .collect()
}

impl LecternApp {
    /// The matches of the find bar's query in the current document.
    pub fn find_matches(&mut self) -> &[Match] {
        let fresh = matches!(&self.find.cache, Some((rev, query, _)) if *rev == self.rev && *query == self.find.query);
        if !fresh {
            let mut found = Vec::new();
            if !self.find.query.is_empty() {
                for field in fields(&self.doc.speech) {
                    let Some(text) = field_text(&self.doc.speech, field) else {
                        continue;
                    };
                    found.extend(
                        find_in(&text, &self.find.query)
                            .into_iter()
                            .map(|range| Match { field, range }),
                    );
                }
            }
            self.find.cache = Some((self.rev, self.find.query.clone(), found));
        }
        match &self.find.cache {
            Some((_, _, found)) => found,
            None => &[],
        }
    }

    /// Moves to the next (or previous) match, scrolls to its pane and selects it.
    pub(crate) fn find_step(&mut self, forward: bool) {
        let current = self.find.current;
        let found = self.find_matches().to_vec();
        if found.is_empty() {
            self.find.current = None;
            return;
        }
        let count = found.len();
        let next = match current.filter(|i| *i < count) {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None if forward => 0,
            None => count - 1,
        };
        self.go_to_match(next, &found);
    }

    fn go_to_match(&mut self, index: usize, found: &[Match]) {
        let Some(m) = found.get(index) else {
            self.find.current = None;
            return;
        };
        self.find.current = Some(index);
        self.find.select = Some(m.clone());
        self.collapsed.remove(&m.field.pane());
        self.scroll_to = Some(m.field.pane());
        self.find.status = None;
    }

    /// Replaces the current match (one undo step) and moves to the next one.
    pub(crate) fn replace_one(&mut self) {
        let Some(index) = self.find.current else {
            return;
        };
        let Some(m) = self.find_matches().get(index).cloned() else {
            self.find.current = None;
            return;
        };
        let replacement = self.find.replacement.clone();
        let query = self.find.query.clone();
        self.change_text(|speech| {
            let Some(mut text) = field_text(speech, m.field) else {
                return false;
            };
            if text.get(m.range.clone()) != Some(query.as_str()) {
                return false;
            }
            text.replace_range(m.range.clone(), &replacement);
            set_field_text(speech, m.field, &text)
        });
        let found = self.find_matches().to_vec();
        // The match after the replaced one now has the replaced one's position.
        let next = found
            .iter()
            .position(|n| (n.field, n.range.start) >= (m.field, m.range.start + replacement.len()))
            .or(if found.is_empty() { None } else { Some(0) });
        match next {
            Some(i) => self.go_to_match(i, &found),
            None => self.find.current = None,
        }
    }

    /// Replaces every match in every field, as one undo step.
    pub(crate) fn replace_all(&mut self) {
        let query = self.find.query.clone();
        let replacement = self.find.replacement.clone();
        let count = self.find_matches().len();
        if count == 0 {
            return;
        }
        self.change_text(|speech| {
            let mut changed = false;
            for field in fields(speech) {
                let Some(text) = field_text(speech, field) else {
                    continue;
                };
                if text.contains(&query) {
                    changed |= set_field_text(speech, field, &text.replace(&query, &replacement));
                }
            }
            changed
        });
        self.find.current = None;
        self.find.status = Some(replaced_label(self.lang, count));
    }

    /// The ranges to highlight in a field's text: every match, and whether it is the current one.
    pub(crate) fn highlights(&self, field: Field) -> Vec<(Range<usize>, bool)> {
        if !self.find.open || self.find.query.is_empty() {
            return Vec::new();
        }
        let Some((rev, query, found)) = &self.find.cache else {
            return Vec::new();
        };
        if *rev != self.rev || *query != self.find.query {
            return Vec::new();
        }
        found
            .iter()
            .enumerate()
            .filter(|(_, m)| m.field == field)
            .map(|(i, m)| (m.range.clone(), self.find.current == Some(i)))
            .collect()
    }

    /// The find and replace bar.
    pub(crate) fn find_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang;
        let total = self.find_matches().len();
        if self.find.current.is_some_and(|i| i >= total) {
            self.find.current = None;
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, Msg::FindLabel));
            let query = ui.add(
                egui::TextEdit::singleline(&mut self.find.query)
                    .desired_width(180.0)
                    .id_salt("find_query"),
            );
            let query = query.labelled_by(label.id);
            if self.find.focus_query {
                query.request_focus();
                self.find.focus_query = false;
            }
            if query.changed() {
                self.find.current = None;
                self.find.status = None;
            }
            if query.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.queue.push(Command::FindNext);
                self.find.focus_query = true;
            }
            ui.label(
                self.find
                    .status
                    .clone()
                    .unwrap_or_else(|| matches_label(lang, self.find.current, total)),
            );
            for command in [Command::FindPrev, Command::FindNext] {
                self.command_button_ui(ui, command);
            }
            ui.separator();
            let label = ui.label(tr(lang, Msg::ReplaceWith));
            ui.add(
                egui::TextEdit::singleline(&mut self.find.replacement)
                    .desired_width(180.0)
                    .id_salt("find_replacement"),
            )
            .labelled_by(label.id);
            for command in [Command::ReplaceOne, Command::ReplaceAll] {
                self.command_button_ui(ui, command);
            }
            ui.separator();
            if ui
                .button("×")
                .accessible_name(action_on(lang, Msg::Close, tr(lang, Msg::FindLabel)))
                .clicked()
            {
                self.find.open = false;
                self.find.current = None;
            }
        });
    }
}

/// A layout of `text` in `font_id` with the find matches painted behind it (the current one
/// stronger).
pub fn highlighted_job(
    ui: &Ui,
    text: &str,
    font_id: &egui::FontId,
    highlights: &[(Range<usize>, bool)],
    wrap_width: f32,
    first_line_indent: f32,
) -> LayoutJob {
    let color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let (all, current) = if dark {
        (
            Color32::from_rgb(90, 80, 20),
            Color32::from_rgb(170, 110, 20),
        )
    } else {
        (
            Color32::from_rgb(255, 240, 150),
            Color32::from_rgb(255, 170, 60),
        )
    };
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: wrap_width,
            ..Default::default()
        },
        keep_trailing_whitespace: true,
        ..Default::default()
    };
    let plain = TextFormat::simple(font_id.clone(), color);
    let mut paragraph_start = true;
    let mut append = |job: &mut LayoutJob, piece: &str, format: &TextFormat| {
        // Each paragraph (line) starts indented, so paragraphs stay apart when they wrap.
        for line in piece.split_inclusive('\n') {
            let leading = if paragraph_start {
                first_line_indent
            } else {
                0.0
            };
            job.append(line, leading, format.clone());
            paragraph_start = line.ends_with('\n');
        }
    };
    let mut at = 0;
    for (range, is_current) in highlights {
        let valid = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        append(&mut job, &text[at..range.start], &plain);
        let mut marked = plain.clone();
        marked.background = if *is_current { current } else { all };
        append(&mut job, &text[range.clone()], &marked);
        at = range.end;
    }
    append(&mut job, &text[at..], &plain);
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_overlapping_matches() {
        assert_eq!(find_in("aaaa", "aa"), [0..2, 2..4]);
        assert_eq!(find_in("同志们，同志们", "同志"), [0..6, 12..18]);
        assert!(find_in("abc", "").is_empty());
    }
}
