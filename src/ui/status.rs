//! The status bar: total length, speaking time against the target, save state, file name.

use egui::{Align, Layout, RichText, Ui};

use crate::stats::format_duration;

use crate::editor::{Action, Edit, Editor};

use super::i18n::{Msg, count_label, open_conflicts_label, tr};
use super::view::{View, ViewAction};
use crate::part::Part;

/// Whether the document is saved, for the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// The file has everything.
    Saved,
    /// There are changes the file does not have.
    Modified,
    /// The document has never been saved.
    UnsavedNew,
}

/// Whether the editor's document is saved.
pub fn save_state(ed: &Editor) -> SaveState {
    if ed.path().is_none() {
        SaveState::UnsavedNew
    } else if ed.is_modified() {
        SaveState::Modified
    } else {
        SaveState::Saved
    }
}

impl View<'_> {
    /// The status bar.
    pub(crate) fn status_bar_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let ed = self.ed;
        let total = ed.total_counts();
        let state = save_state(ed);
        ui.horizontal(|ui| {
            ui.label(count_label(lang, &total, ed.chinese_speech()));
            if ed.chinese_speech() && total.words > 0 {
                ui.label(RichText::new(count_label(lang, &total, false)).weak());
            }
            ui.separator();
            let target = ed.speech().meta.target_minutes;
            let over = target.is_some_and(|t| total.seconds > t * 60.0);
            let time = match target {
                Some(t) => format!(
                    "{}: {} / {}",
                    tr(lang, Msg::LengthOf),
                    format_duration(total.seconds),
                    format_duration(t * 60.0)
                ),
                None => format!(
                    "{}: {}",
                    tr(lang, Msg::LengthOf),
                    format_duration(total.seconds)
                ),
            };
            let time = RichText::new(time);
            ui.label(if over {
                time.color(ui.visuals().error_fg_color)
            } else {
                time
            });
            // A link: it opens the details, where the target is too.
            let label = ui
                .link(tr(lang, Msg::Target))
                .on_hover_text(tr(lang, Msg::TargetHelp));
            if label.clicked() {
                self.state.open_details = Some(true);
                self.tx.view(ViewAction::JumpTo(Part::Title));
            }
            let mut minutes = target.unwrap_or(0.0);
            let drag = ui
                .add(
                    egui::DragValue::new(&mut minutes)
                        .range(0.0..=600.0)
                        .speed(0.5)
                        .max_decimals(1),
                )
                .labelled_by(label.id)
                .on_hover_text(tr(lang, Msg::TargetHelp));
            if drag.changed() {
                self.tx.action(Action::Edit(Edit::SetTarget(Some(minutes))));
            }
            if !ed.conflicts().is_empty() {
                ui.separator();
                let text = RichText::new(open_conflicts_label(lang, ed.conflicts().len()))
                    .color(ui.visuals().warn_fg_color);
                if ui
                    .link(text)
                    .on_hover_text(tr(lang, Msg::ResolveConflicts))
                    .clicked()
                {
                    self.tx.action(Action::ResolveConflicts);
                }
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let name = ed
                    .path()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| tr(lang, Msg::Untitled).to_string());
                let full = ed
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| name.clone());
                ui.label(RichText::new(name).strong()).on_hover_text(full);
                ui.separator();
                let (msg, color) = match state {
                    SaveState::Saved => (Msg::Saved, ui.visuals().weak_text_color()),
                    SaveState::Modified => (Msg::Modified, ui.visuals().warn_fg_color),
                    SaveState::UnsavedNew => (Msg::UnsavedNew, ui.visuals().warn_fg_color),
                };
                let (msg, color) = if ed.is_saving() {
                    (Msg::Saving, ui.visuals().weak_text_color())
                } else {
                    (msg, color)
                };
                ui.label(RichText::new(tr(lang, msg)).color(color));
            });
        });
    }
}
