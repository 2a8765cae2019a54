//! The import preview dialog: the file's lines with the role each got in a margin, the
//! importer's guesses, the encoding, and buttons (and keys) to mark the selected line.

use egui::{Context, Id, Key, Modal, Modifiers, RichText, ScrollArea, Ui};

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
        let response = Modal::new(Id::unique("import_preview_modal")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().min(960.0) - 48.0);
            self.import_preview_body_ui(ui, state, keyed);
        });
        if response.should_close() {
            self.tx.action(Action::CloseDialog);
        }
    }

    /// Up/Down and the mark keys. Returns whether the selection moved (to scroll to it).
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

    fn import_preview_body_ui(&mut self, ui: &mut Ui, state: &ImportPreviewDialog, keyed: bool) {
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
            .show(ui, |ui| self.import_lines_ui(ui, state, keyed));
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

    fn import_lines_ui(&mut self, ui: &mut Ui, state: &ImportPreviewDialog, keyed: bool) {
        let lang = self.lang();
        let margin = 150.0;
        for (i, line) in state.preview.lines.iter().enumerate() {
            if line.role == LineRole::Blank {
                ui.add_space(4.0);
                continue;
            }
            ui.horizontal(|ui| {
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
                let mut body = RichText::new(&line.text);
                if strong {
                    body = body.strong();
                }
                if weak {
                    body = body.weak();
                }
                let selected = i == state.selected;
                // One row per line, cut to the dialog's width (the whole line on hover), so a
                // long paragraph never pushes the dialog past the window.
                let response = ui
                    .add(egui::Button::selectable(selected, body).truncate())
                    .on_hover_text(&line.text);
                if response.clicked() {
                    self.tx.action(Action::SelectImportLine(i));
                }
                if selected && keyed {
                    response.scroll_to_me(None);
                }
            });
        }
    }
}
