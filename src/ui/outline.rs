//! The outline (left panel): every part with its length and speaking time; click to jump,
//! drag or use the arrows to reorder sections.

use egui::{Align, Layout, RichText, Ui};

use crate::model::{Numbering, SectionId};
use crate::stats::format_duration;

use crate::editor::{Action, Edit};
use crate::part::Part;

use super::commands::Command;
use super::i18n::{Msg, action_on, count_label, section_name, tr};
use super::icons::{Icon, grip_ui, icon_button};
use super::view::{View, ViewAction};

/// A part's title and length as shown.
#[derive(Debug, Clone)]
pub struct PartLabels {
    /// `二、提高站位`.
    pub title: String,
    /// `1,234 字 · 6:51`.
    pub length: String,
}

/// The parts' [`PartLabels`], made once per revision of the document and interface language.
#[derive(Debug, Default)]
pub struct PartLabelCache {
    made_for: Option<(u64, super::i18n::UiLanguage)>,
    parts: std::collections::HashMap<Part, PartLabels>,
}

impl PartLabelCache {
    /// The labels of `part`, when they were made for this revision and language.
    pub fn get(
        &self,
        ed: &crate::editor::Editor,
        lang: super::i18n::UiLanguage,
        part: Part,
    ) -> Option<&PartLabels> {
        if self.made_for != Some((ed.revision(), lang)) {
            return None;
        }
        self.parts.get(&part)
    }
}

/// The space between a section's × and its move arrows, in points.
pub const REMOVE_GAP: f32 = 18.0;

impl View<'_> {
    /// The name of a pane as the outline and the pane headers show it: `Opening`, `二、提高站位`,
    /// `II. Know` (a space after the English number's period).
    pub(crate) fn pane_title(&self, pane: Part) -> String {
        if let Some(labels) = self.state.part_labels.get(self.ed, self.lang(), pane) {
            return labels.title.clone();
        }
        self.make_pane_title(pane)
    }

    fn make_pane_title(&self, pane: Part) -> String {
        match pane {
            Part::Title => tr(self.lang(), Msg::Title).to_string(),
            Part::Greeting => tr(self.lang(), Msg::Greeting).to_string(),
            Part::Opening => tr(self.lang(), Msg::Opening).to_string(),
            Part::Closing => tr(self.lang(), Msg::Closing).to_string(),
            Part::Section(id) => {
                let Some(index) = self.ed.speech().section_index(id) else {
                    return String::new();
                };
                let heading = &self.ed.speech().sections[index].heading;
                self.numbering().heading(index, heading)
            }
        }
    }

    /// How sections are numbered on screen: 一、 for Chinese speeches, I. for English ones.
    pub(crate) fn numbering(&self) -> Numbering {
        Numbering::for_language(self.ed.speech().meta.language)
    }

    /// `1,234 字 · 6:51` for a pane.
    pub(crate) fn pane_length(&self, pane: Part) -> String {
        if let Some(labels) = self.state.part_labels.get(self.ed, self.lang(), pane) {
            return labels.length.clone();
        }
        self.make_pane_length(pane)
    }

    fn make_pane_length(&self, pane: Part) -> String {
        let counts = self.ed.part_counts(pane);
        format!(
            "{} · {}",
            count_label(self.lang(), &counts, self.ed.chinese_speech()),
            format_duration(counts.seconds)
        )
    }

    /// Makes the parts' titles and lengths again when the document or the language changed
    /// (they are shown in the outline and the panes' headers on every frame).
    pub(crate) fn refresh_part_labels(&mut self) {
        let made_for = (self.ed.revision(), self.lang());
        if self.state.part_labels.made_for == Some(made_for) {
            return;
        }
        let parts = self
            .ed
            .speech()
            .part_ids()
            .into_iter()
            .map(|part| {
                let labels = PartLabels {
                    title: self.make_pane_title(part),
                    length: self.make_pane_length(part),
                };
                (part, labels)
            })
            .collect();
        self.state.part_labels = PartLabelCache {
            made_for: Some(made_for),
            parts,
        };
    }

    /// The outline panel.
    pub(crate) fn outline_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Outline));
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("outline_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for pane in self.ed.speech().part_ids() {
                    match pane {
                        Part::Section(id) => self.outline_section_ui(ui, id),
                        _ => self.outline_row_ui(ui, pane),
                    }
                }
                self.outline_notes_ui(ui);
                ui.add_space(6.0);
                self.command_button_ui(ui, Command::AddSection);
            });
    }

    /// The notes' row: how many there are; a click opens them.
    fn outline_notes_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let count = self.ed.speech().notes.len();
        let title = if count == 0 {
            tr(lang, Msg::Notes).to_string()
        } else {
            format!("{} ({count})", tr(lang, Msg::Notes))
        };
        let in_view = self.state.in_view.is_none();
        ui.horizontal(|ui| {
            ui.add_space(22.0);
            let button = egui::Button::new(RichText::new(title.as_str()).italics())
                .frame(false)
                .selected(in_view);
            if ui
                .add(button)
                .accessible_name(action_on(lang, Msg::GoTo, tr(lang, Msg::Notes)))
                .clicked()
            {
                self.tx.view(ViewAction::JumpToNotes);
            }
        });
    }

    fn outline_row_ui(&mut self, ui: &mut Ui, pane: Part) {
        let title = self.pane_title(pane);
        let length = self.pane_length(pane);
        ui.horizontal(|ui| {
            ui.add_space(22.0);
            let in_view = self.state.in_view == Some(pane);
            if ui
                .add(
                    egui::Button::new(title.as_str())
                        .frame(false)
                        .selected(in_view),
                )
                .accessible_name(action_on(self.lang(), Msg::GoTo, &title))
                .on_hover_text(&length)
                .clicked()
            {
                self.tx.view(ViewAction::JumpTo(pane));
            }
            self.finding_badge_ui(ui, pane);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(RichText::new(length).small().weak());
            });
        });
    }

    fn outline_section_ui(&mut self, ui: &mut Ui, id: SectionId) {
        let Some(index) = self.ed.speech().section_index(id) else {
            return;
        };
        let lang = self.lang();
        let pane = Part::Section(id);
        let name = section_name(lang, index);
        let mut title = self.pane_title(pane);
        if self.ed.speech().sections[index].heading.trim().is_empty() {
            title = format!("{title} ({name})");
        }
        let length = self.pane_length(pane);
        // Two lines, each its own row (the panel is a vertical layout already).
        let first = ui
            .horizontal(|ui| {
                let handle = grip_ui(ui, &action_on(lang, Msg::DragToReorder, &name));
                handle.dnd_set_drag_payload(id);
                let title_button = egui::Button::new(RichText::new(title.as_str()).strong())
                    .frame(false)
                    .selected(self.state.in_view == Some(pane))
                    .truncate();
                if ui
                    .add(title_button)
                    .accessible_name(action_on(lang, Msg::GoTo, &title))
                    .clicked()
                {
                    self.tx.view(ViewAction::JumpTo(pane));
                }
            })
            .response;
        let actions = self.row_actions_shown(ui, id);
        let second = ui
            .horizontal(|ui| {
                // As tall with the buttons as without them: the rows do not move on hover.
                ui.set_min_height(ui.spacing().interact_size.y);
                ui.add_space(22.0);
                ui.label(RichText::new(&length).small().weak());
                self.finding_badge_ui(ui, pane);
                if !actions {
                    return;
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    self.section_action_ui(
                        ui,
                        None,
                        Msg::Remove,
                        &name,
                        Action::Edit(Edit::RemoveSection(id)),
                    );
                    // Well apart from the arrows, so a missed click on them never deletes.
                    ui.add_space(REMOVE_GAP);
                    ui.separator();
                    self.section_action_ui(
                        ui,
                        Some(Icon::Down),
                        Msg::MoveDown,
                        &name,
                        Action::MoveSectionDown(id),
                    );
                    self.section_action_ui(
                        ui,
                        Some(Icon::Up),
                        Msg::MoveUp,
                        &name,
                        Action::MoveSectionUp(id),
                    );
                });
            })
            .response;
        let row = first.union(second);
        self.state.outline_rows.insert(id, row.rect);
        // Dropping a dragged section on this row moves it before or after the row.
        let ctx = ui.ctx().clone();
        if ui.rect_contains_pointer(row.rect)
            && let Some(dragged) = egui::DragAndDrop::payload::<SectionId>(&ctx)
            && *dragged != id
        {
            let pointer_y = ctx.pointer_interact_pos().map_or(row.rect.top(), |p| p.y);
            let after = pointer_y > row.rect.center().y;
            let y = if after {
                row.rect.bottom()
            } else {
                row.rect.top()
            };
            ui.painter().hline(
                row.rect.x_range(),
                y,
                egui::Stroke::new(2.0, ui.visuals().selection.bg_fill),
            );
            if ctx.input(|i| i.pointer.any_released())
                && let Some(dragged) = egui::DragAndDrop::take_payload::<SectionId>(&ctx)
                && let Some(from) = self.ed.speech().section_index(*dragged)
            {
                let to = match (after, from < index) {
                    (false, true) => index - 1,
                    (false, false) | (true, true) => index,
                    (true, false) => index + 1,
                };
                self.tx
                    .action(Action::Edit(Edit::MoveSection { id: *dragged, to }));
            }
        }
        ui.add_space(2.0);
    }

    /// Whether a section's row shows its move and remove buttons: while the pointer is over
    /// it or the keyboard focus is in it (then Tab reaches them), or a drag is under way; and
    /// always with a screen reader (AccessKit) on. The other rows leave them out: a dozen
    /// buttons fewer to lay out on every frame.
    fn row_actions_shown(&self, ui: &Ui, id: SectionId) -> bool {
        if ui.ctx().has_accesskit_node(ui.unique_id()) {
            return true;
        }
        let Some(rect) = self.state.outline_rows.get(&id) else {
            return true;
        };
        let focused = ui
            .memory(|m| m.focused())
            .and_then(|focused| ui.ctx().read_response(focused))
            .is_some_and(|r| rect.contains(r.rect.center()));
        focused || ui.rect_contains_pointer(*rect) || egui::DragAndDrop::has_any_payload(ui.ctx())
    }

    /// A small icon button (without an icon: "×") on a section's row, named for screen readers and tests
    /// (`Move up: Section 2`).
    fn section_action_ui(
        &mut self,
        ui: &mut Ui,
        icon: Option<Icon>,
        msg: Msg,
        name: &str,
        action: Action,
    ) {
        let accessible = action_on(self.lang(), msg, name);
        let enabled = self.ed.can_apply(&action);
        let response = match icon {
            Some(icon) => icon_button(ui, icon, &accessible, enabled),
            None => ui
                .add_enabled(enabled, egui::Button::new("×").small())
                .accessible_name(accessible.clone())
                .on_hover_text(accessible),
        };
        if response.clicked() {
            self.tx.action(action);
        }
    }
}
