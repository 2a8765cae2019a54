//! The centre column: one pane per part of the speech, stacked like a page.
//!
//! Panes never change the document themselves: a text field edits its buffer (view state) and
//! sends [`Edit::SetField`] with the new text.

use egui::text::{CCursor, CCursorRange};
use egui::{Align, Id, Layout, RichText, TextBuffer, Ui};

use crate::stats::format_duration;

use crate::editor::{Action, Edit};
use crate::part::{Field, Part};

use super::find::highlighted_job;
use super::galleys::LayoutKey;
use super::i18n::{Msg, action_on, section_name, tr};
use super::icons::{Icon, icon_button};
use super::style::BODY_FONT_SIZE;
use super::view::{View, ViewAction};

/// The widest the page column gets, in points (at the normal body size; it grows with it).
const PAGE_WIDTH: f32 = 820.0;

/// The space between paragraphs in the panes, in ems of the body text.
const PARAGRAPH_GAP: f32 = 0.5;

/// The colours of a budget bar filled to `fraction` (above 1: over budget): its fill and its
/// figures' text, from the theme (red and amber as the theme draws errors and warnings).
pub fn budget_colours(visuals: &egui::Visuals, fraction: f32) -> (egui::Color32, egui::Color32) {
    if fraction > 1.0 {
        (visuals.error_fg_color, visuals.error_fg_color)
    } else if fraction > 0.9 {
        (visuals.warn_fg_color, visuals.text_color())
    } else {
        (visuals.selection.bg_fill, visuals.text_color())
    }
}

/// The id of a field's text edit.
pub fn field_id(field: Field) -> Id {
    Id::unique(("lectern_field", field))
}

impl View<'_> {
    /// The centre column.
    pub(crate) fn panes_ui(&mut self, ui: &mut Ui) {
        self.state.selection_scrolled = false;
        let mut scroll_to = self.state.scroll_to.take();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("panes_scroll")
            .auto_shrink([false, false]);
        if scroll_to == Some(Part::Title) {
            // The top of the page, so the details above the title show too.
            scroll = scroll.vertical_scroll_offset(0.0);
            scroll_to = None;
        }
        self.state.galleys.begin_pass(ui.ctx());
        scroll.show(ui, |ui| {
            let scale = self.state.prefs.body_size() / BODY_FONT_SIZE;
            let width = ui.available_width().min(PAGE_WIDTH * scale.max(1.0));
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    self.details_ui(ui);
                    // The part at the top of the view: the first whose pane reaches below the
                    // top edge (with a little margin).
                    let top = ui.clip_rect().top() + 24.0;
                    let mut in_view = None;
                    let panes = self.ed.speech().part_ids();
                    let drawn = self.panes_to_draw(ui, &panes, scroll_to);
                    for (pane, draw) in panes.into_iter().zip(drawn) {
                        let rect = if draw {
                            let rect = self.pane_ui(ui, pane, scroll_to == Some(pane));
                            let key = self.pane_key(ui, pane);
                            self.state.pane_heights.insert(pane, (key, rect.height()));
                            rect
                        } else {
                            self.skip_pane_ui(ui, pane)
                        };
                        if in_view.is_none() && rect.bottom() > top {
                            in_view = Some(pane);
                        }
                        ui.add_space(8.0);
                    }
                    self.state.in_view = in_view;
                    self.notes_ui(ui);
                });
            });
        });
    }

    /// One pane; returns where it is.
    fn pane_ui(&mut self, ui: &mut Ui, pane: Part, scroll_here: bool) -> egui::Rect {
        let lang = self.lang();
        let collapsed = self.state.collapsed.contains(&pane);
        let frame = egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .corner_radius(6.0)
            .fill(ui.visuals().window_fill);
        let response = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let header = ui.horizontal(|ui| {
                    let (icon, msg) = if collapsed {
                        (Icon::Right, Msg::Expand)
                    } else {
                        (Icon::Down, Msg::Collapse)
                    };
                    let toggle_name = action_on(lang, msg, &self.pane_accessible_name(pane));
                    if icon_button(ui, icon, &toggle_name, true).clicked() {
                        self.tx.view(ViewAction::TogglePane(pane));
                    }
                    let length = self.pane_length(pane);
                    match pane {
                        Part::Section(id) => {
                            let index = self.ed.speech().section_index(id)?;
                            ui.label(
                                RichText::new(self.numbering().label(index))
                                    .strong()
                                    .size(17.0),
                            );
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(RichText::new(length).weak());
                                ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                                    self.heading_field_ui(ui, id, index);
                                });
                            });
                        }
                        _ => {
                            let label =
                                ui.label(RichText::new(self.pane_title(pane)).strong().size(15.0));
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(RichText::new(length).weak());
                            });
                            return Some(label.id);
                        }
                    }
                    None
                });
                let label = header.inner;
                if let Part::Section(id) = pane {
                    self.budget_ui(ui, id);
                }
                if collapsed {
                    return;
                }
                match pane {
                    Part::Title => self.single_field_ui(ui, Field::Title, label),
                    Part::Greeting => self.single_field_ui(ui, Field::Greeting, label),
                    Part::Opening => self.text_field_ui(ui, Field::Opening, label),
                    Part::Closing => self.text_field_ui(ui, Field::Closing, label),
                    Part::Section(id) => self.text_field_ui(ui, Field::Body(id), None),
                }
            })
            .response;
        if scroll_here && !self.state.selection_scrolled {
            response.scroll_to_me(Some(Align::TOP));
        }
        self.state.pane_rects.insert(pane, response.rect);
        response.rect
    }

    /// How screen readers and tests name a pane: `Opening`, `Section 2`.
    pub(crate) fn pane_accessible_name(&self, pane: Part) -> String {
        match pane {
            Part::Section(id) => self
                .ed
                .speech()
                .section_index(id)
                .map(|i| section_name(self.lang(), i))
                .unwrap_or_default(),
            _ => self.pane_title(pane),
        }
    }

    fn guidance(&self, field: Field) -> String {
        let speech = self.ed.speech();
        match field {
            Field::Title => speech.guidance.title.clone(),
            Field::Greeting => speech.guidance.greeting.clone(),
            Field::Opening => speech.guidance.opening.clone(),
            Field::Closing => speech.guidance.closing.clone(),
            Field::Heading(id) => speech
                .section_index(id)
                .map(|i| section_name(self.lang(), i))
                .map(|name| format!("{} — {name}", tr(self.lang(), Msg::Heading)))
                .unwrap_or_default(),
            Field::Body(id) => speech
                .section_index(id)
                .map(|i| speech.sections[i].guidance.clone())
                .unwrap_or_default(),
        }
    }

    /// Applies pending focus and selection requests (find, proofing) to a field's text edit.
    /// Returns the first character of a selection made now.
    fn prepare_field(&mut self, ui: &Ui, field: Field, text: &str) -> Option<usize> {
        let mut selected_at = None;
        let id = field_id(field);
        if self.state.focus == Some(field) {
            ui.memory_mut(|m| m.request_focus(id));
            self.state.focus = None;
        }
        if let Some((_, range)) = self.state.select.as_ref().filter(|(f, _)| *f == field) {
            if let (Some(before), Some(selected)) =
                (text.get(..range.start), text.get(range.clone()))
            {
                let start = before.chars().count();
                let end = start + selected.chars().count();
                let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
                state.cursor.set_char_range(Some(CCursorRange::two(
                    CCursor::new(start),
                    CCursor::new(end),
                )));
                egui::TextEdit::store_state(ui.ctx(), id, state);
                selected_at = Some(start);
            }
            self.state.select = None;
        }
        selected_at
    }

    /// Scrolls the page to a selection made in this frame, in the middle of the view (a long
    /// section's text may run far below its pane's top).
    fn scroll_to_selection(
        &mut self,
        ui: &Ui,
        output: &egui::text_edit::TextEditOutput,
        at: usize,
    ) {
        let rect = output
            .galley
            .pos_from_cursor(CCursor::new(at))
            .translate(output.galley_pos.to_vec2());
        ui.scroll_to_rect(rect.expand(24.0), Some(Align::Center));
        self.state.selection_scrolled = true;
    }

    /// Sends the new text of a field that the writer changed.
    fn finish_field(&mut self, field: Field, text: String, changed: bool) {
        if changed {
            self.tx.action(Action::Edit(Edit::SetField {
                field,
                text: text.clone(),
            }));
        }
        self.state.buffers.insert(field, text);
    }

    fn single_field_ui(&mut self, ui: &mut Ui, field: Field, label: Option<Id>) {
        let mut text = self.state.buffers.remove(&field).unwrap_or_default();
        self.prepare_field(ui, field, &text);
        let hint = self.guidance(field);
        let body = self.state.prefs.body_size();
        let size = if field == Field::Title {
            body + 4.0
        } else {
            body
        };
        // Find matches in the title and greeting are painted like those in the text.
        let response = self.line_edit_ui(ui, field, &mut text, hint, size, f32::INFINITY);
        let response = match label {
            Some(label) => response.labelled_by(label),
            None => response.accessible_name(self.pane_title(field.part())),
        };
        self.finish_field(field, text, response.changed());
    }

    /// A one-line field (title, greeting, a heading) with the find matches painted in it.
    fn line_edit_ui(
        &self,
        ui: &mut Ui,
        field: Field,
        text: &mut String,
        hint: String,
        size: f32,
        width: f32,
    ) -> egui::Response {
        let font = egui::FontId::proportional(size);
        let highlights = self.ed.find().highlights(field);
        let mut layouter = |ui: &Ui, buf: &dyn TextBuffer, _wrap_width: f32| {
            let job = highlighted_job(ui, buf.as_str(), &font, &highlights, f32::INFINITY, 0.0);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let mut edit = egui::TextEdit::singleline(text)
            .id(field_id(field))
            .hint_text(hint)
            .font(egui::FontId::proportional(size))
            .desired_width(width);
        if !highlights.is_empty() {
            edit = edit.layouter(&mut layouter);
        }
        ui.add(edit)
    }

    fn heading_field_ui(&mut self, ui: &mut Ui, id: crate::model::SectionId, index: usize) {
        let field = Field::Heading(id);
        let mut text = self.state.buffers.remove(&field).unwrap_or_default();
        self.prepare_field(ui, field, &text);
        let hint = self.guidance(field);
        let size = self.state.prefs.body_size() + 1.0;
        let width = ui.available_width().max(80.0);
        let response = self.line_edit_ui(ui, field, &mut text, hint, size, width);
        let response = response.accessible_name(action_on(
            self.lang(),
            Msg::Heading,
            &section_name(self.lang(), index),
        ));
        if response.has_focus() || response.clicked() {
            self.state.last_section = Some(id);
        }
        self.finish_field(field, text, response.changed());
    }

    fn text_field_ui(&mut self, ui: &mut Ui, field: Field, label: Option<Id>) {
        let mut text = self.state.buffers.remove(&field).unwrap_or_default();
        let selected_at = self.prepare_field(ui, field, &text);
        let hint = self.guidance(field);
        let highlights = self.ed.find().highlights(field);
        let size = self.state.prefs.body_size();
        let font = egui::FontId::proportional(size);
        // Chinese paragraphs start two characters in, as on the printed page; English ones one em.
        let indent = if self.ed.chinese_speech() {
            2.0 * size
        } else {
            size
        };
        let gap = if self.state.prefs.paragraph_spacing {
            PARAGRAPH_GAP * size
        } else {
            0.0
        };
        let name = match field {
            Field::Body(id) => self
                .ed
                .speech()
                .section_index(id)
                .map(|i| action_on(self.lang(), Msg::Text, &section_name(self.lang(), i)))
                .unwrap_or_default(),
            _ => self.pane_title(field.part()),
        };
        let galleys = &mut self.state.galleys;
        let mut layouter = |ui: &Ui, buf: &dyn TextBuffer, wrap_width: f32| {
            let key = LayoutKey {
                wrap_width,
                font: font.clone(),
                first_line_indent: indent,
                paragraph_gap: gap,
                highlights: highlights.clone(),
                color: ui.visuals().text_color(),
            };
            galleys.galley(ui.ctx(), field, buf.as_str(), key, || {
                highlighted_job(ui, buf.as_str(), &font, &highlights, wrap_width, indent)
            })
        };
        let edit = egui::TextEdit::multiline(&mut text)
            .id(field_id(field))
            .font(egui::FontId::proportional(size))
            .hint_text(hint)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .lock_focus(true)
            .layouter(&mut layouter);
        let output = edit.show(ui);
        if let Some(at) = selected_at {
            self.scroll_to_selection(ui, &output, at);
        }
        let response = output.response.response;
        if let Field::Body(id) = field
            && (response.has_focus() || response.clicked())
        {
            self.state.last_section = Some(id);
        }
        let response = match label {
            Some(label) => response.labelled_by(label),
            None => response.accessible_name(name),
        };
        self.finish_field(field, text, response.changed());
    }

    /// A section's time budget: a bar that turns red when the section runs over, and the
    /// budget in minutes (an even share of the target unless the writer set one).
    fn budget_ui(&mut self, ui: &mut Ui, id: crate::model::SectionId) {
        let Some(index) = self.ed.speech().section_index(id) else {
            return;
        };
        let lang = self.lang();
        let seconds = self.ed.part_counts(Part::Section(id)).seconds;
        let budget = self.ed.doc().budget_minutes(index);
        ui.horizontal(|ui| {
            ui.add_space(22.0);
            ui.label(RichText::new(tr(lang, Msg::Budget)).small().weak());
            let mut minutes = budget.unwrap_or(0.0);
            let drag = ui
                .add(
                    egui::DragValue::new(&mut minutes)
                        .range(0.0..=600.0)
                        .speed(0.1)
                        .max_decimals(1),
                )
                .accessible_name(action_on(lang, Msg::Budget, &section_name(lang, index)));
            if drag.changed() {
                self.tx.action(Action::Edit(Edit::SetBudget {
                    id,
                    minutes: Some(minutes),
                }));
            }
            if self.ed.speech().sections[index].budget_minutes.is_some()
                && ui
                    .small_button(tr(lang, Msg::Reset))
                    .accessible_name(action_on(
                        lang,
                        Msg::ResetBudget,
                        &section_name(lang, index),
                    ))
                    .on_hover_text(tr(lang, Msg::ResetBudget))
                    .clicked()
            {
                self.tx
                    .action(Action::Edit(Edit::SetBudget { id, minutes: None }));
            }
            if let Some(budget) = budget.filter(|b| *b > 0.0) {
                let fraction = (seconds / (budget * 60.0)) as f32;
                let over = fraction > 1.0;
                // The theme's own colours, and the figures beside the bar rather than on it, so
                // they read in the light theme as in the dark one.
                let (fill, text) = budget_colours(ui.visuals(), fraction);
                let bar = ui.add(
                    egui::ProgressBar::new(fraction.min(1.0))
                        .desired_width(160.0)
                        .desired_height(8.0)
                        .fill(fill),
                );
                let figures = ui.label(
                    RichText::new(format!(
                        "{} / {}",
                        format_duration(seconds),
                        format_duration(budget * 60.0)
                    ))
                    .small()
                    .color(text),
                );
                if over {
                    bar.on_hover_text(tr(lang, Msg::OverBudget));
                    figures.on_hover_text(tr(lang, Msg::OverBudget));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG contrast ratio of two colours.
    fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
        let luminance = |c: egui::Color32| {
            let linear = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn budget_figures_read_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            for fraction in [0.3, 0.95, 1.4] {
                let (_, text) = budget_colours(&visuals, fraction);
                let ratio = contrast(text, visuals.panel_fill);
                assert!(
                    ratio >= 3.0,
                    "dark {}: fraction {fraction}: contrast {ratio}",
                    visuals.dark_mode
                );
            }
            assert_eq!(budget_colours(&visuals, 1.4).0, visuals.error_fg_color);
        }
        // The old fixed red on the light theme's bar was what could not be read: the check
        // tells such a pair apart.
        assert!(contrast(egui::Color32::WHITE, egui::Color32::from_rgb(255, 240, 150)) < 3.0);
    }
}
