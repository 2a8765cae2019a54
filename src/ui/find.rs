//! The find and replace bar, and find matches painted behind a field's text. Finding and
//! replacing themselves are the editor's ([`crate::editor::FindState`]).

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Key, Ui};

use crate::editor::Action;

use super::commands::Command;
use super::i18n::{Msg, action_on, matches_label, replaced_label, tr};
use super::view::View;

/// The width of the match count, so the buttons after it stay put as it changes.
const COUNT_WIDTH: f32 = 120.0;

impl View<'_> {
    /// The find and replace bar: the query, the match count, previous/next, the options (match
    /// case, whole words, only this section), the replacement and its buttons. Escape closes it
    /// from any of its widgets.
    pub(crate) fn find_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let ed = self.ed;
        let find = ed.find();
        let total = find.matches().len();
        let mut widgets: Vec<egui::Response> = Vec::new();
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
            widgets.push(query);
            let count = match find.replaced {
                Some(count) => replaced_label(lang, count),
                None => matches_label(lang, find.current, total),
            };
            ui.add_sized(
                [COUNT_WIDTH, ui.spacing().interact_size.y],
                egui::Label::new(count).truncate(),
            );
            for command in [Command::FindPrev, Command::FindNext] {
                widgets.push(self.command_button_ui(ui, command));
            }
            ui.separator();
            widgets.extend(self.find_options_ui(ui));
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
            widgets.push(replacement);
            for command in [Command::ReplaceOne, Command::ReplaceAll] {
                widgets.push(self.command_button_ui(ui, command));
            }
            ui.separator();
            let close = ui.button("×").accessible_name(action_on(
                lang,
                Msg::Close,
                tr(lang, Msg::FindLabel),
            ));
            if close.clicked() {
                self.tx.action(Action::CloseFind);
            }
            widgets.push(close);
        });
        // A text field gives up its focus on Escape in the same frame: count that as the bar's.
        let bar_has_focus = widgets.iter().any(|w| w.has_focus() || w.lost_focus());
        if bar_has_focus && ui.input(|i| i.key_pressed(Key::Escape)) {
            self.tx.action(Action::CloseFind);
        }
    }

    /// The find options: match case, whole words, only the section last written in.
    fn find_options_ui(&mut self, ui: &mut Ui) -> Vec<egui::Response> {
        let lang = self.lang();
        let current = self.ed.find().options.clone();
        let mut options = current.clone();
        let case = ui.checkbox(&mut options.match_case, tr(lang, Msg::MatchCase));
        let word = ui.checkbox(&mut options.whole_word, tr(lang, Msg::WholeWord));
        let section = self
            .state
            .last_section
            .filter(|id| self.ed.speech().section_index(*id).is_some());
        let mut only = options.section.is_some();
        let limit = ui
            .add_enabled(
                section.is_some() || only,
                egui::Checkbox::new(&mut only, tr(lang, Msg::ThisSection)),
            )
            .on_hover_text(tr(lang, Msg::ThisSectionHelp));
        options.section = if only {
            options.section.or(section)
        } else {
            None
        };
        if options != current {
            self.tx.action(Action::SetFindOptions(options));
        }
        vec![case, word, limit]
    }
}

/// A layout of `text` in `font_id` with the find matches painted behind it (the current one
/// stronger). Each paragraph (line) starts `first_line_indent` in. (Space between paragraphs is
/// opened after layout, by moving rows: see [`super::galleys::open_paragraph_gaps`].)
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
