//! Drawing the compared text.
//!
//! Every row is a [`LayoutJob`] with one format per run (deleted: struck through on red,
//! inserted: on green, the current change: underlined on a stronger colour, an accepted change:
//! muted). The galleys are laid out once per comparison, width, theme and mode
//! ([`GalleyCache`]); moving to another change lays out only the parts whose highlight changed.
//! Each frame paints only the rows inside the visible rectangle, so a long speech costs no more
//! per frame than a short one.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Galley, Rect, RichText, Stroke, TextFormat, Ui, vec2};

use crate::diff::review::Stop;
use crate::diff::rows::Run;
use crate::diff::{Op, PartStatus};
use crate::editor::compare::AcceptedKey;
use crate::editor::{Action, CompareState, DiffMode};

use super::super::i18n::{Msg, action_on, tr};
use super::super::style::BODY_FONT_SIZE;
use super::super::view::View;
use super::model::{PartView, ViewModel, status_name};

const HEADER_HEIGHT: f32 = 34.0;
const PART_GAP: f32 = 14.0;
const ROW_GAP: f32 = 6.0;
const GUTTER: f32 = 16.0;
const SCROLL_BAR: f32 = 16.0;

/// Laid-out rows of the current comparison.
#[derive(Default)]
pub struct GalleyCache {
    model: Option<Arc<ViewModel>>,
    width: f32,
    dark: bool,
    mode: DiffMode,
    parts: Vec<PartGalleys>,
    total_height: f32,
}

struct PartGalleys {
    /// The highlighted change (`Some(None)`: the part as a whole), as laid out.
    highlight: Option<Option<usize>>,
    accepted: Vec<bool>,
    top: f32,
    height: f32,
    rows: Vec<RowGalleys>,
}

struct RowGalleys {
    /// From the top of the part's text (below its header).
    top: f32,
    height: f32,
    left: Option<Arc<Galley>>,
    right: Option<Arc<Galley>>,
    changes: Vec<usize>,
}

struct Style {
    font: FontId,
    text: Color32,
    deleted: Color32,
    deleted_bg: Color32,
    inserted: Color32,
    inserted_bg: Color32,
    current_bg: Color32,
    accepted_bg: Color32,
    accent: Color32,
}

impl Style {
    fn new(dark: bool, text: Color32, accent: Color32) -> Self {
        let font = FontId::proportional(BODY_FONT_SIZE);
        if dark {
            Style {
                font,
                text,
                deleted: Color32::from_rgb(255, 150, 150),
                deleted_bg: Color32::from_rgb(90, 30, 34),
                inserted: Color32::from_rgb(150, 230, 160),
                inserted_bg: Color32::from_rgb(28, 78, 40),
                current_bg: Color32::from_rgb(110, 90, 20),
                accepted_bg: Color32::from_rgb(55, 55, 60),
                accent,
            }
        } else {
            Style {
                font,
                text,
                deleted: Color32::from_rgb(170, 20, 30),
                deleted_bg: Color32::from_rgb(255, 218, 220),
                inserted: Color32::from_rgb(20, 110, 40),
                inserted_bg: Color32::from_rgb(205, 245, 210),
                current_bg: Color32::from_rgb(255, 230, 140),
                accepted_bg: Color32::from_rgb(228, 228, 232),
                accent,
            }
        }
    }

    fn format(&self, run: &Run, highlight: Option<usize>, accepted: &[bool]) -> TextFormat {
        let mut format = TextFormat::simple(self.font.clone(), self.text);
        let Some(change) = run.change else {
            return format;
        };
        let (color, background) = match run.op {
            Op::Equal => return format,
            Op::Delete => (self.deleted, self.deleted_bg),
            Op::Insert => (self.inserted, self.inserted_bg),
        };
        format.color = color;
        format.background = background;
        if run.op == Op::Delete {
            format.strikethrough = Stroke::new(1.0, color);
        }
        if accepted.get(change).copied().unwrap_or(false) {
            format.background = self.accepted_bg;
        }
        if highlight == Some(change) {
            format.background = self.current_bg;
            format.underline = Stroke::new(2.0, self.accent);
        }
        format
    }

    fn job(
        &self,
        runs: &[Run],
        wrap: f32,
        highlight: Option<usize>,
        accepted: &[bool],
    ) -> LayoutJob {
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap.max(40.0);
        for run in runs {
            job.append(&run.text, 0.0, self.format(run, highlight, accepted));
        }
        if job.text.is_empty() {
            job.append(" ", 0.0, TextFormat::simple(self.font.clone(), self.text));
        }
        job
    }
}

fn changes_of(runs: Option<&Vec<Run>>, out: &mut Vec<usize>) {
    for change in runs.into_iter().flatten().filter_map(|r| r.change) {
        if !out.contains(&change) {
            out.push(change);
        }
    }
}

fn layout_part(
    ui: &Ui,
    style: &Style,
    part: &PartView,
    mode: DiffMode,
    width: f32,
    highlight: Option<Option<usize>>,
    accepted: Vec<bool>,
) -> PartGalleys {
    let painter = ui.painter();
    let change = highlight.flatten();
    let mut rows = Vec::new();
    let mut top = 0.0;
    let mut push = |left: Option<Arc<Galley>>, right: Option<Arc<Galley>>, changes: Vec<usize>| {
        let height = left
            .iter()
            .chain(right.iter())
            .map(|g| g.size().y)
            .fold(0.0, f32::max);
        rows.push(RowGalleys {
            top,
            height,
            left,
            right,
            changes,
        });
        top += height + ROW_GAP;
    };
    match mode {
        DiffMode::SideBySide => {
            let column = (width - GUTTER) / 2.0;
            for row in &part.rows {
                let lay = |runs: &Option<Vec<Run>>| {
                    runs.as_ref()
                        .map(|r| painter.layout_job(style.job(r, column, change, &accepted)))
                };
                let mut changes = Vec::new();
                changes_of(row.old.as_ref(), &mut changes);
                changes_of(row.new.as_ref(), &mut changes);
                push(lay(&row.old), lay(&row.new), changes);
            }
        }
        DiffMode::Inline => {
            for line in &part.inline {
                let mut changes = Vec::new();
                changes_of(Some(line), &mut changes);
                let galley = painter.layout_job(style.job(line, width, change, &accepted));
                push(Some(galley), None, changes);
            }
        }
    }
    PartGalleys {
        highlight,
        accepted,
        top: 0.0,
        height: HEADER_HEIGHT + top + PART_GAP,
        rows,
    }
}

impl GalleyCache {
    /// Lays out what changed since the last frame.
    fn update(
        &mut self,
        ui: &Ui,
        model: &Arc<ViewModel>,
        mode: DiffMode,
        width: f32,
        current: Option<Stop>,
        accepted: &std::collections::HashSet<AcceptedKey>,
    ) {
        let dark = ui.visuals().dark_mode;
        let all = self.model.as_ref().is_none_or(|m| !Arc::ptr_eq(m, model))
            || (self.width - width).abs() > 0.5
            || self.dark != dark
            || self.mode != mode
            || self.parts.len() != model.parts.len();
        let style = Style::new(
            dark,
            ui.visuals().text_color(),
            ui.visuals().selection.stroke.color,
        );
        let mut moved = false;
        if all {
            self.parts.clear();
        }
        for (index, part) in model.parts.iter().enumerate() {
            let highlight = current.filter(|s| s.part == index).map(|s| s.change);
            let marks: Vec<bool> = if part.status == PartStatus::Unchanged {
                Vec::new()
            } else {
                part.change_keys
                    .iter()
                    .map(|k| accepted.contains(k))
                    .collect()
            };
            let stale = self
                .parts
                .get(index)
                .is_none_or(|p| p.highlight != highlight || p.accepted != marks);
            if stale {
                let laid = layout_part(ui, &style, part, mode, width, highlight, marks);
                match self.parts.get_mut(index) {
                    Some(slot) => *slot = laid,
                    None => self.parts.push(laid),
                }
                moved = true;
            }
        }
        if moved {
            let mut top = 0.0;
            for part in &mut self.parts {
                part.top = top;
                top += part.height;
            }
            self.total_height = top;
        }
        self.model = Some(model.clone());
        self.width = width;
        self.dark = dark;
        self.mode = mode;
    }
}

impl View<'_> {
    /// The compared text, in a scroll area that paints only what is visible.
    pub(crate) fn diff_body_ui(
        &mut self,
        ui: &mut Ui,
        compare: &CompareState,
        model: &Arc<ViewModel>,
    ) {
        let lang = self.lang();
        let width = (ui.available_width() - SCROLL_BAR).max(120.0);
        let current = compare.current_stop();
        let mut cache = std::mem::take(&mut self.state.diff.galleys);
        let mode = compare.settings().mode;
        cache.update(ui, model, mode, width, current, compare.accepted());
        let scroll = std::mem::take(&mut self.state.diff.scroll_to_current);
        let can_review = compare.can_edit();
        let part_msgs = if compare.settings().review {
            (Msg::KeepMinePart, Msg::TakeTheirsPart)
        } else {
            (Msg::AcceptPart, Msg::RejectPart)
        };
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("diff_scroll")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_size(vec2(width, cache.total_height));
                let origin = ui.max_rect().min;
                let visible = viewport.translate(origin.to_vec2());
                let column = (width - GUTTER) / 2.0;
                for (index, (part, laid)) in model.parts.iter().zip(&cache.parts).enumerate() {
                    let part_rect =
                        Rect::from_min_size(origin + vec2(0.0, laid.top), vec2(width, laid.height));
                    let is_current = current.is_some_and(|s| s.part == index);
                    if scroll && is_current {
                        let target = current
                            .and_then(|s| s.change)
                            .and_then(|c| laid.rows.iter().find(|r| r.changes.contains(&c)))
                            .map_or(part_rect.with_max_y(part_rect.top() + HEADER_HEIGHT), |r| {
                                let top = part_rect.top() + HEADER_HEIGHT + r.top;
                                Rect::from_min_size(
                                    egui::pos2(part_rect.left(), top),
                                    vec2(width, r.height),
                                )
                            });
                        ui.scroll_to_rect(target, Some(Align::Center));
                    }
                    if !part_rect.intersects(visible) {
                        continue;
                    }
                    let header =
                        Rect::from_min_size(part_rect.min, vec2(width, HEADER_HEIGHT - 4.0));
                    let whole_current = is_current && current.is_some_and(|s| s.change.is_none());
                    ui.painter().rect_filled(
                        header,
                        4.0,
                        if whole_current {
                            ui.visuals().selection.bg_fill
                        } else {
                            ui.visuals().faint_bg_color
                        },
                    );
                    let builder = egui::UiBuilder::new()
                        .max_rect(header.shrink2(vec2(6.0, 2.0)))
                        .layout(egui::Layout::left_to_right(Align::Center));
                    ui.scope_builder(builder, |ui| {
                        ui.label(RichText::new(&part.name).strong());
                        if part.status != PartStatus::Unchanged {
                            ui.label(RichText::new(status_name(lang, part.status)).weak());
                            if can_review {
                                for (msg, command) in [
                                    (part_msgs.1, Action::RejectPart(part.key)),
                                    (part_msgs.0, Action::AcceptPart(part.key)),
                                ] {
                                    let name = action_on(lang, msg, &part.name);
                                    if ui
                                        .small_button(tr(lang, msg))
                                        .accessible_name(name)
                                        .clicked()
                                    {
                                        commands.push(command);
                                    }
                                }
                            }
                        }
                    });
                    let text_top = part_rect.top() + HEADER_HEIGHT;
                    for row in &laid.rows {
                        let top = text_top + row.top;
                        if top > visible.bottom() || top + row.height < visible.top() {
                            continue;
                        }
                        let painter = ui.painter();
                        let fallback = ui.visuals().text_color();
                        match mode {
                            DiffMode::SideBySide => {
                                let right_x = part_rect.left() + column + GUTTER;
                                for (galley, x) in
                                    [(&row.left, part_rect.left()), (&row.right, right_x)]
                                {
                                    match galley {
                                        Some(g) => {
                                            painter.galley(egui::pos2(x, top), g.clone(), fallback)
                                        }
                                        None => {
                                            painter.rect_filled(
                                                Rect::from_min_size(
                                                    egui::pos2(x, top),
                                                    vec2(column, row.height.max(4.0)),
                                                ),
                                                2.0,
                                                ui.visuals().faint_bg_color,
                                            );
                                        }
                                    }
                                }
                            }
                            DiffMode::Inline => {
                                if let Some(g) = &row.left {
                                    painter.galley(
                                        egui::pos2(part_rect.left(), top),
                                        g.clone(),
                                        fallback,
                                    );
                                }
                            }
                        }
                    }
                }
            });
        self.state.diff.galleys = cache;
        for action in commands {
            self.tx.action(action);
        }
    }
}
