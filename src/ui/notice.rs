//! The notice at the foot of the window, one at a time, timed by the editor
//! ([`Editor::notice`](crate::editor::Editor::notice)): "Section deleted — Undo" for a few
//! seconds after a section is deleted, and "Exported to … / Printed …" with the file, "Open
//! folder" and "Dismiss" after a file was written.

use egui::{Align2, Context, Id, RichText, vec2};

use crate::editor::{Action, Notice};
use crate::model::Numbering;

use super::i18n::{Msg, notice_text, section_name, tr};
use super::view::View;

impl View<'_> {
    /// The notice, if one is up.
    pub(crate) fn notice_ui(&mut self, ctx: &Context) {
        let ed = self.ed;
        let Some(notice) = ed.notice() else {
            return;
        };
        let lang = self.lang();
        egui::Area::new(Id::unique("notice"))
            .order(egui::Order::Foreground)
            .anchor(Align2::CENTER_BOTTOM, vec2(0.0, -40.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(560.0);
                    match notice {
                        Notice::SectionDeleted { index, heading } => {
                            let numbering = Numbering::for_language(ed.speech().meta.language);
                            let what = if heading.trim().is_empty() {
                                section_name(lang, *index)
                            } else {
                                numbering.heading(*index, heading)
                            };
                            ui.horizontal(|ui| {
                                ui.label(RichText::new(tr(lang, Msg::SectionDeleted)).strong());
                                ui.label(format!("— {what}"));
                                ui.add_space(12.0);
                                if ui.button(tr(lang, Msg::Undo)).clicked() {
                                    self.tx.action(Action::Undo);
                                }
                            });
                        }
                        Notice::Exported { path } | Notice::Printed { path } => {
                            ui.add(egui::Label::new(notice_text(lang, notice)).wrap());
                            ui.horizontal(|ui| {
                                if ui.button(tr(lang, Msg::OpenFolder)).clicked() {
                                    self.tx.action(Action::OpenFolder(path.clone()));
                                }
                                if ui.button(tr(lang, Msg::Dismiss)).clicked() {
                                    self.tx.action(Action::DismissNotice);
                                }
                            });
                        }
                    }
                });
            });
    }
}
