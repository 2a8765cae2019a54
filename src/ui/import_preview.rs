//! The import preview dialog: the file's lines with the role each got in a margin, the
//! importer's guesses, the encoding, and buttons (and keys) to mark the selected line.

use std::borrow::Cow;

use egui::{Context, Id, Key, Modal, Modifiers, RichText, ScrollArea, TextStyle, Ui};

use crate::editor::{Action, ImportPreviewDialog};
use crate::import::{DetailField, LineMark, LineRole};

use super::i18n::{Msg, UiLanguage, encoding_label, import_note_text, tr};
use super::view::View;

/// The marks the writer can give a line: button text and key.
const MARKS: [(Option<LineMark>, Msg, Key); 7] = [
    (Some(LineMark::Title), Msg::MarkTitle, Key::T),
    (Some(LineMark::Greeting), Msg::MarkGreeting, Key::G),
    (Some(LineMark::SectionHeading), Msg::MarkHeading, Key::H),
    (Some(LineMark::ClosingStart), Msg::MarkClosing, Key::C),
    (Some(LineMark::Notes), Msg::MarkNotes, Key::N),
    (Some(LineMark::Plain), Msg::MarkPlain, Key::P),
    (None, Msg::MarkAuto, Key::A),
];

/// The margin's word for a line's role (empty for a blank line).
pub fn role_label(lang: UiLanguage, role: LineRole) -> &'static str {
    let msg = match role {
        LineRole::Blank => return "",
        LineRole::Notes => Msg::RoleNotes,
        LineRole::Boilerplate => Msg::RoleBoilerplate,
        LineRole::Title => Msg::RoleTitle,
        LineRole::Detail(DetailField::Occasion) => Msg::RoleOccasion,
        LineRole::Detail(DetailField::Date) => Msg::RoleDate,
        LineRole::Detail(DetailField::Speaker) => Msg::RoleSpeaker,
        LineRole::Greeting => Msg::RoleGreeting,
        LineRole::Opening => Msg::RoleOpening,
        LineRole::SectionHeading => Msg::RoleHeading,
        LineRole::SectionText => Msg::RoleSectionText,
        LineRole::Closing => Msg::RoleClosing,
    };
    tr(lang, msg)
}

impl View<'_> {
    /// The import preview as a modal; Escape or Cancel closes it and nothing changes.
    pub(crate) fn import_preview_ui(&mut self, ctx: &Context, state: &ImportPreviewDialog) {
        let keyed = self.import_preview_keys(ctx, state);
        // A key's step is applied before the next pass: the row to scroll to is selected then.
        let follow_id = Id::unique("import_preview_follow_selection");
        let follow =
            ctx.data_mut(|d| std::mem::replace(d.get_temp_mut_or_default(follow_id), keyed));
        let response = Modal::new(Id::unique("import_preview_modal")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().min(960.0) - 48.0);
            self.import_preview_body_ui(ui, state, follow);
        });
        if response.should_close() {
            self.tx.action(Action::CloseDialog);
        }
    }

    /// Up/Down and the mark keys. Returns whether the selection moves (to scroll to it in the
    /// next pass, when it has moved).
    fn import_preview_keys(&mut self, ctx: &Context, state: &ImportPreviewDialog) -> bool {
        let (up, down, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if enter {
            // Enter accepts, so the whole preview works by keyboard.
            self.tx.action(Action::AcceptImport);
            return false;
        }
        if up {
            self.tx.action(Action::StepImportLine { down: false });
        }
        if down {
            self.tx.action(Action::StepImportLine { down: true });
        }
        for (mark, _, key) in MARKS {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                self.tx.action(Action::MarkImportLine {
                    line: state.selected,
                    mark,
                });
            }
        }
        up || down
    }

    fn import_preview_body_ui(&mut self, ui: &mut Ui, state: &ImportPreviewDialog, follow: bool) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::ImportPreviewTitle));
        let file_name = state
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = match state.file.encoding {
            Some(encoding) => format!(
                "{} {}",
                tr(lang, Msg::ImportEncoding),
                encoding_label(lang, encoding)
            ),
            None => tr(lang, Msg::ImportWordDocument).to_string(),
        };
        ui.label(format!("{file_name}  |  {kind}"));
        ui.separator();
        ui.label(RichText::new(tr(lang, Msg::ImportLines)).strong());
        let height = (ui.ctx().content_rect().height() - 330.0).max(160.0);
        ScrollArea::vertical()
            .id_salt("import_preview_lines")
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| self.import_lines_ui(ui, state, follow));
        ui.separator();
        ui.label(tr(lang, Msg::ImportHelp));
        ui.horizontal_wrapped(|ui| {
            for (mark, msg, _) in MARKS {
                if ui.button(tr(lang, msg)).clicked() {
                    self.tx.action(Action::MarkImportLine {
                        line: state.selected,
                        mark,
                    });
                }
            }
        });
        ui.separator();
        ui.label(RichText::new(tr(lang, Msg::ImportGuesses)).strong());
        let notes = &state.preview.imported.notes;
        ScrollArea::vertical()
            .id_salt("import_preview_notes")
            .max_height(72.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if notes.is_empty() {
                    ui.label(tr(lang, Msg::ImportNothingGuessed));
                }
                for note in notes {
                    ui.label(format!("- {}", import_note_text(lang, note)));
                }
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(tr(lang, Msg::ImportAccept))
                .on_hover_text("Enter")
                .clicked()
            {
                self.tx.action(Action::AcceptImport);
            }
            if ui.button(tr(lang, Msg::Cancel)).clicked() {
                self.tx.action(Action::CloseDialog);
            }
        });
    }

    /// The file's lines, one row each. Only the rows in sight are laid out (the others take the
    /// height a row had), and a long line is cut well past the dialog's edge before it is laid
    /// out, so a long file opens without shaping every character of it. With a screen reader
    /// (AccessKit) on, every row is drawn whole: it reads them all.
    fn import_lines_ui(&mut self, ui: &mut Ui, state: &ImportPreviewDialog, follow: bool) {
        let lang = self.lang();
        let margin = 150.0;
        let everything = ui.ctx().has_accesskit_node(ui.unique_id());
        let row_height_id = ui.scope_id().with("row_height");
        let estimate = (ui.text_style_height(&TextStyle::Body)
            + 2.0 * ui.spacing().button_padding.y)
            .max(ui.spacing().interact_size.y)
            .max(18.0);
        let row_height = ui
            .data(|d| d.get_temp::<f32>(row_height_id))
            .unwrap_or(estimate);
        let mut measured: Option<f32> = None;
        let sight = ui.clip_rect().expand2(egui::vec2(0.0, 4.0 * row_height));
        let row_width = ui.available_width();
        let body_size = TextStyle::Body.resolve(ui.style()).size;
        for (i, line) in state.preview.lines.iter().enumerate() {
            if line.role == LineRole::Blank {
                ui.add_space(4.0);
                continue;
            }
            let selected = i == state.selected;
            let top = ui.cursor().top();
            let in_sight = top <= sight.bottom() && top + row_height >= sight.top();
            if !(everything || in_sight || (selected && follow)) {
                ui.allocate_space(egui::vec2(row_width, row_height));
                continue;
            }
            let row = ui.horizontal(|ui| {
                let mut role = role_label(lang, line.role).to_string();
                if line.mark.is_some() {
                    role = format!("{role} *");
                }
                let strong = matches!(
                    line.role,
                    LineRole::Title | LineRole::Greeting | LineRole::SectionHeading
                );
                let weak = matches!(line.role, LineRole::Notes | LineRole::Boilerplate);
                let mut text = RichText::new(role).small();
                if weak {
                    text = text.weak();
                }
                let margin_label = ui.add_sized([margin, 18.0], egui::Label::new(text).truncate());
                if line.mark.is_some() {
                    margin_label.on_hover_text(tr(lang, Msg::ImportMarkedByYou));
                }
                let shown = if everything {
                    Cow::Borrowed(line.text.as_str())
                } else {
                    // The line's button has the row less the margin and a gap.
                    let width = row_width - margin - ui.spacing().item_spacing.x;
                    cut_past_width(&line.text, width, body_size)
                };
                let mut body = RichText::new(shown);
                if strong {
                    body = body.strong();
                }
                if weak {
                    body = body.weak();
                }
                // One row per line, cut to the dialog's width (the whole line on hover), so a
                // long paragraph never pushes the dialog past the window.
                let response = ui
                    .add(egui::Button::selectable(selected, body).truncate())
                    .on_hover_text(&line.text);
                if response.clicked() {
                    self.tx.action(Action::SelectImportLine(i));
                }
                if selected && follow {
                    response.scroll_to_me(None);
                }
            });
            let height = row.response.rect.height();
            measured = Some(measured.map_or(height, |m| m.max(height)));
        }
        if let Some(height) = measured
            && height != row_height
        {
            ui.data_mut(|d| d.insert_temp(row_height_id, height));
        }
    }
}

/// `text` cut, with "…", where it is sure to run past `width_pt` at `font_size_pt` (a row cut
/// to the dialog's width by egui then looks as if it had been laid out whole); `text` itself
/// when it may fit. Sure: Han characters, kana and full-width punctuation are counted at 0.9 em,
/// hangul at 0.8 em and printable ASCII at 0.15 em, less than any font draws them, and every other
/// character at nothing. (Laying out fewer characters is the point: egui shapes and rasterises a
/// row's every glyph before it elides the row.)
fn cut_past_width(text: &str, width_pt: f32, font_size_pt: f32) -> Cow<'_, str> {
    let mut least_width_pt = 0.0;
    for (at, c) in text.char_indices() {
        least_width_pt += font_size_pt * least_advance_em(c);
        if least_width_pt > width_pt {
            let kept = &text[..at + c.len_utf8()];
            return Cow::Owned(format!("{kept}…"));
        }
    }
    Cow::Borrowed(text)
}

/// A width no font draws `c` narrower than, in em: Han characters, kana and full-width
/// punctuation are one em wide in CJK fonts, hangul syllables more than 0.8 em; ASCII letters,
/// digits and punctuation more than a seventh of one.
fn least_advance_em(c: char) -> f32 {
    match c as u32 {
        0x3001..=0x3003
        | 0x3008..=0x3011
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF01..=0xFF5E => 0.9,
        0xAC00..=0xD7A3 => 0.8,
        0x21..=0x7E => 0.15,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::cut_past_width;

    #[test]
    fn a_line_that_may_fit_is_kept_whole() {
        // 30 Han characters at 14 pt are at least 378 pt wide: they may fit in 380.
        let line = "同志们".repeat(10);
        assert_eq!(cut_past_width(&line, 380.0, 14.0), line.as_str());
        // Spaces, marks and letters beyond ASCII count as nothing.
        let spaces = " \u{301}é".repeat(1000);
        assert_eq!(cut_past_width(&spaces, 10.0, 14.0), spaces.as_str());
    }

    #[test]
    fn a_line_sure_to_run_past_the_width_is_cut_past_it() {
        let line = "一要提高政治站位，".repeat(40);
        let cut = cut_past_width(&line, 340.0, 14.0);
        let kept = cut.strip_suffix('…').unwrap();
        assert!(line.starts_with(kept));
        // Cut after the first character whose least width (12.6 pt each) passes 340 pt: the 27th.
        assert_eq!(kept.chars().count(), 27, "{kept}");
        let ascii = "word ".repeat(200);
        let cut = cut_past_width(&ascii, 300.0, 14.0);
        // 300 / (0.15 × 14) = 142.9: the 143rd printable character passes it.
        let kept = cut.strip_suffix('…').unwrap();
        assert_eq!(kept.chars().filter(|c| *c != ' ').count(), 143);
    }
}
