//! The find and replace bar, and find matches painted behind a field's text. Finding and
//! replacing themselves are the editor's ([`crate::editor::FindState`]).

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Key, Ui};

use crate::editor::Action;

use super::commands::Command;
use super::i18n::{Msg, action_on, matches_label, replaced_label, tr};
use super::view::View;

impl View<'_> {
    /// The find and replace bar.
    pub(crate) fn find_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let ed = self.ed;
        let find = ed.find();
        let total = find.matches().len();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr(lang, Msg::FindLabel));
            let query = ui.add(
                egui::TextEdit::singleline(&mut self.state.find_query)
                    .desired_width(180.0)
                    .id_salt("find_query"),
            );
            let query = query.labelled_by(label.id);
            if self.state.focus_find {
                query.request_focus();
                self.state.focus_find = false;
            }
            if query.changed() {
                self.tx
                    .action(Action::SetFindQuery(self.state.find_query.clone()));
            }
            if query.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.tx.command(Command::FindNext);
                self.state.focus_find = true;
            }
            ui.label(match find.replaced {
                Some(count) => replaced_label(lang, count),
                None => matches_label(lang, find.current, total),
            });
            for command in [Command::FindPrev, Command::FindNext] {
                self.command_button_ui(ui, command);
            }
            ui.separator();
            let label = ui.label(tr(lang, Msg::ReplaceWith));
            let replacement = ui
                .add(
                    egui::TextEdit::singleline(&mut self.state.find_replacement)
                        .desired_width(180.0)
                        .id_salt("find_replacement"),
                )
                .labelled_by(label.id);
            if replacement.changed() {
                self.tx
                    .action(Action::SetReplacement(self.state.find_replacement.clone()));
            }
            for command in [Command::ReplaceOne, Command::ReplaceAll] {
                self.command_button_ui(ui, command);
            }
            ui.separator();
            if ui
                .button("×")
                .accessible_name(action_on(lang, Msg::Close, tr(lang, Msg::FindLabel)))
                .clicked()
            {
                self.tx.action(Action::CloseFind);
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
