//! "Section deleted — Undo": a notice at the foot of the page for a few seconds after a section
//! is deleted, with a button that brings it back. The editor times it
//! ([`Editor::undo_notice`](crate::editor::Editor::undo_notice)).

use egui::{Context, RichText};

use crate::editor::{Action, Undoable};
use crate::model::Numbering;

use super::i18n::{Msg, section_name, tr};
use super::view::View;

impl View<'_> {
    /// The undo notice, if one is up.
    pub(crate) fn undo_notice_ui(&mut self, ctx: &Context) {
        let Some(notice) = self.ed.undo_notice() else {
            return;
        };
        let lang = self.lang();
        let what = match &notice.what {
            Undoable::SectionDeleted { index, heading } => {
                let numbering = Numbering::for_language(self.ed.speech().meta.language);
                if heading.trim().is_empty() {
                    section_name(lang, *index)
                } else {
                    numbering.heading(*index, heading)
                }
            }
        };
        egui::Area::new(egui::Id::unique("undo_notice"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -40.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(tr(lang, Msg::SectionDeleted)).strong());
                        ui.label(format!("— {what}"));
                        ui.add_space(12.0);
                        if ui.button(tr(lang, Msg::Undo)).clicked() {
                            self.tx.action(Action::Undo);
                        }
                    });
                });
            });
    }
}
