//! The drafts panel (right): named drafts with time and note, automatic drafts apart.

use chrono::{DateTime, Local, Utc};
use egui::{RichText, Ui};

use crate::editor::{Action, Version};
use crate::project::{Draft, DraftKind};

use super::commands::Command;
use super::i18n::{Msg, action_on, draft_label, tr};
use super::icons::{Icon, icon_button};
use super::view::View;

/// A draft's time for people, in local time: `2026-11-27 16:40`.
pub fn local_time(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl View<'_> {
    /// The drafts panel.
    pub(crate) fn drafts_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Drafts));
        ui.horizontal_wrapped(|ui| {
            self.command_button_ui(ui, Command::SaveDraft);
            self.command_button_ui(ui, Command::CompareDrafts);
            self.command_button_ui(ui, Command::ImportAsDraft);
        });
        ui.separator();
        let drafts = self.ed.drafts();
        let (named, automatic): (Vec<&Draft>, Vec<&Draft>) = drafts
            .iter()
            .rev()
            .partition(|d| d.kind == DraftKind::Named);
        let automatic_open_id = ui.scope_id().with("automatic_drafts_open");
        let automatic_open = ui.data(|d| d.get_temp::<bool>(automatic_open_id).unwrap_or(false));
        let mut rows: Vec<DraftRow<'_>> = Vec::with_capacity(drafts.len() + 2);
        if named.is_empty() {
            rows.push(DraftRow::NoneNamed);
        }
        rows.extend(named.into_iter().map(DraftRow::Draft));
        if !automatic.is_empty() {
            rows.push(DraftRow::AutomaticHeader(automatic.len()));
            if automatic_open {
                rows.extend(automatic.into_iter().map(DraftRow::Draft));
            }
        }
        egui::ScrollArea::vertical()
            .id_salt("drafts_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width();
                let mut heights = std::mem::take(&mut self.state.draft_rows);
                heights.forget_unless(width, rows.len());
                // Rows out of sight only take their place (a project can hold hundreds of
                // drafts; drawing every card made each frame slow).
                let mut skipped = 0.0;
                for row in &rows {
                    let key = row.key();
                    let height = heights.height(key).unwrap_or_else(|| row.estimate(ui));
                    let place = egui::Rect::from_min_size(
                        ui.cursor().min + egui::vec2(0.0, skipped),
                        egui::vec2(width, height),
                    );
                    // A margin beyond the view: Tab from the last card in sight reaches the next.
                    if !ui.is_rect_visible(place.expand2(egui::vec2(0.0, DRAWN_MARGIN))) {
                        skipped += height + ui.spacing().item_spacing.y;
                        continue;
                    }
                    if skipped > 0.0 {
                        ui.add_space(skipped);
                        skipped = 0.0;
                    }
                    let top = ui.cursor().top();
                    match row {
                        DraftRow::NoneNamed => {
                            ui.label(RichText::new(tr(lang, Msg::NoDrafts)).weak());
                        }
                        DraftRow::Draft(draft) => self.draft_row_ui(ui, draft),
                        DraftRow::AutomaticHeader(count) => {
                            ui.add_space(8.0);
                            let label = format!("{} ({count})", tr(lang, Msg::AutomaticDrafts));
                            let (icon, msg) = if automatic_open {
                                (Icon::Down, Msg::Collapse)
                            } else {
                                (Icon::Right, Msg::Expand)
                            };
                            let clicked = ui
                                .horizontal(|ui| {
                                    let name = action_on(lang, msg, &label);
                                    let arrow = icon_button(ui, icon, &name, true).clicked();
                                    let text = ui
                                        .add(egui::Label::new(&label).sense(egui::Sense::click()))
                                        .clicked();
                                    arrow || text
                                })
                                .inner;
                            if clicked {
                                ui.data_mut(|d| d.insert_temp(automatic_open_id, !automatic_open));
                            }
                        }
                    }
                    heights.remember(key, ui.min_rect().bottom().max(top) - top);
                }
                if skipped > 0.0 {
                    ui.add_space(skipped);
                }
                self.state.draft_rows = heights;
            });
    }

    fn draft_row_ui(&mut self, ui: &mut Ui, draft: &Draft) {
        let lang = self.lang();
        let label = draft_label(lang, draft);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&label).strong());
            ui.label(RichText::new(local_time(draft.created)).small().weak());
            if let Some(note) = &draft.note {
                ui.label(RichText::new(note).italics());
            }
            ui.horizontal_wrapped(|ui| {
                for (msg, action) in [
                    (Msg::Restore, Action::RestoreDraft(draft.id)),
                    (
                        Msg::CompareWithWorking,
                        Action::SetCompare(crate::editor::CompareSides {
                            a: Version::Draft(draft.id),
                            b: Version::Working,
                        }),
                    ),
                    (Msg::Rename, Action::RenameDraft(draft.id)),
                    (Msg::Delete, Action::DeleteDraft(draft.id)),
                ] {
                    let name = action_on(lang, msg, &label);
                    if ui
                        .small_button(tr(lang, msg))
                        .accessible_name(name)
                        .clicked()
                    {
                        self.tx.action(action);
                    }
                }
            });
        });
    }
}

/// How far above and below the view cards are still drawn, in points.
const DRAWN_MARGIN: f32 = 200.0;

/// One row of the drafts list.
enum DraftRow<'a> {
    /// "No drafts yet".
    NoneNamed,
    /// A draft's card.
    Draft(&'a Draft),
    /// The header that opens the automatic drafts, with their count.
    AutomaticHeader(usize),
}

impl DraftRow<'_> {
    /// What the row's remembered height is kept under.
    fn key(&self) -> u64 {
        match self {
            DraftRow::NoneNamed => u64::MAX,
            DraftRow::AutomaticHeader(_) => u64::MAX - 1,
            DraftRow::Draft(draft) => draft.id.0,
        }
    }

    /// Its height before it was ever drawn: a card is a name, a time, maybe a note and a row of
    /// buttons.
    fn estimate(&self, ui: &Ui) -> f32 {
        let line = ui.spacing().interact_size.y;
        match self {
            DraftRow::NoneNamed => line,
            DraftRow::AutomaticHeader(_) => line + 8.0,
            DraftRow::Draft(draft) => {
                let lines = if draft.note.is_some() { 4.0 } else { 3.0 };
                lines * line + 12.0
            }
        }
    }
}

/// The drafts list's memory between frames: each row's height as last drawn (by draft id), so
/// that rows out of sight take their place without being drawn.
#[derive(Debug, Default)]
pub struct DraftRowHeights {
    /// The width the heights were measured at.
    width: f32,
    heights: std::collections::HashMap<u64, f32>,
}

impl DraftRowHeights {
    /// Forgets the heights when the list is drawn at another width (cards wrap differently), or
    /// when it remembers many more rows than there are.
    fn forget_unless(&mut self, width: f32, rows: usize) {
        if (self.width - width).abs() > 0.5 || self.heights.len() > 2 * rows + 64 {
            self.heights.clear();
            self.width = width;
        }
    }

    fn height(&self, key: u64) -> Option<f32> {
        self.heights.get(&key).copied()
    }

    fn remember(&mut self, key: u64, height: f32) {
        self.heights.insert(key, height);
    }
}
