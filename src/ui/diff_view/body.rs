//! Drawing the compared text.
//!
//! Every row is a [`LayoutJob`] with one format per run (deleted: struck through on red,
//! inserted: on green, moved: on blue — in italics where it left — under a `moved from 二` /
//! `moved to 三` label, the current change: underlined on a stronger colour, an accepted change:
//! muted). The galleys are laid out once per comparison, width, theme and mode
//! ([`GalleyCache`]); moving to another change lays out only the parts whose highlight changed.
//! Each frame paints only the rows inside the visible rectangle, so a long speech costs no more
//! per frame than a short one.

use std::collections::HashSet;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Galley, Rect, RichText, TextFormat, Ui, vec2};

use crate::diff::review::Stop;
use crate::diff::rows::Run;
use crate::diff::{Op, PartStatus};
use crate::editor::compare::AcceptedKey;
use crate::editor::{Action, CompareState, DiffMode};

use super::super::i18n::{Msg, UiLanguage, action_on, tr, unchanged_paragraphs_label};
use super::super::style::BODY_FONT_SIZE;
use super::super::view::View;
use super::model::{PartView, ViewModel, status_name};
use super::style::{MOVED_DARK, MOVED_LIGHT, Style};

const PART_GAP: f32 = 14.0;
const ROW_GAP: f32 = 6.0;
const GUTTER: f32 = 16.0;
const SCROLL_BAR: f32 = 16.0;
/// Space above and below a part's heading line.
const HEADER_PAD: f32 = 6.0;
/// The height of a folded run of unchanged paragraphs.
const FOLD_HEIGHT: f32 = 24.0;
/// The size of a move's label (`moved from 二`).
const TAG_FONT_SIZE: f32 = 12.0;
/// The height of the line a move's label takes above its first row.
const TAG_HEIGHT: f32 = TAG_FONT_SIZE + 6.0;
/// Each column aims at this many CJK characters per line: the text is set smaller (down to
/// [`MIN_FONT_SIZE`]) where the window is narrow, never larger than the panes' text.
pub const TARGET_CHARS_PER_LINE: f32 = 30.0;
/// The smallest size the compared text is set in.
pub const MIN_FONT_SIZE: f32 = 12.0;

/// The size the compared text is set in for a column `column` points wide.
pub fn font_size_for(column: f32) -> f32 {
    (column / TARGET_CHARS_PER_LINE)
        .floor()
        .clamp(MIN_FONT_SIZE, BODY_FONT_SIZE)
}

/// What decides how the rows are laid out, besides the model: when any of it changes, every
/// part is laid out again.
#[derive(Clone, Debug, PartialEq)]
struct LayoutKey {
    width: f32,
    dark: bool,
    mode: DiffMode,
    changes_only: bool,
    /// Room kept on the right of a part's heading for its buttons.
    buttons: f32,
}

/// Laid-out rows of the current comparison.
#[derive(Default)]
pub struct GalleyCache {
    model: Option<Arc<ViewModel>>,
    key: Option<LayoutKey>,
    parts: Vec<PartGalleys>,
    total_height: f32,
    /// Folded runs the writer opened: (part, first row).
    unfolded: HashSet<(usize, usize)>,
}

impl GalleyCache {
    /// The fewest characters on a full line of a wrapped paragraph laid out so far (`None`:
    /// no paragraph wraps). What a reader of a column gets per line.
    pub fn chars_per_line(&self) -> Option<usize> {
        self.parts
            .iter()
            .flat_map(|p| &p.rows)
            .flat_map(|r| [&r.left, &r.right])
            .flatten()
            .filter(|g| g.rows.len() > 1)
            .map(|g| g.rows[0].char_count_excluding_newline())
            .map(|n| n.0)
            .min()
    }

    /// The size the text was set in.
    pub fn font_size(&self) -> Option<f32> {
        self.key
            .as_ref()
            .map(|k| font_size_for(column_width(k.width, k.mode)))
    }
}

fn column_width(width: f32, mode: DiffMode) -> f32 {
    match mode {
        DiffMode::SideBySide => (width - GUTTER) / 2.0,
        DiffMode::Inline => width,
    }
}

struct PartGalleys {
    /// The highlighted change (`Some(None)`: the part as a whole), as laid out.
    highlight: Option<Option<usize>>,
    accepted: Vec<bool>,
    top: f32,
    height: f32,
    /// The part's name and status, wrapped to the room left of its buttons.
    header: Arc<Galley>,
    header_height: f32,
    rows: Vec<RowGalleys>,
}

struct RowGalleys {
    /// From the top of the part's text (below its header).
    top: f32,
    height: f32,
    left: Option<Arc<Galley>>,
    right: Option<Arc<Galley>>,
    changes: Vec<usize>,
    /// A folded run of unchanged rows: the first row's index and how many.
    fold: Option<(usize, usize)>,
    /// The move labels over the left and right text (inline: the left one only).
    tags: [Option<String>; 2],
    /// The height of the label line (0 without labels); the text is below it.
    tag_height: f32,
}

fn changes_of(runs: Option<&Vec<Run>>, out: &mut Vec<usize>) {
    for change in runs.into_iter().flatten().filter_map(|r| r.change) {
        if !out.contains(&change) {
            out.push(change);
        }
    }
}

/// Whether a row shows the same text on both sides.
fn unchanged_row(part: &PartView, mode: DiffMode, index: usize) -> bool {
    let equal = |runs: &Vec<Run>| runs.iter().all(|r| r.op == Op::Equal);
    match mode {
        DiffMode::SideBySide => part.rows.get(index).is_some_and(
            |row| matches!((&row.old, &row.new), (Some(a), Some(b)) if equal(a) && equal(b)),
        ),
        DiffMode::Inline => part.inline.get(index).is_some_and(equal),
    }
}

/// The folded runs of a part in changes-only mode: runs of at least two unchanged rows, less one
/// row of context next to a change. Each is (first row, count).
pub fn folds(part: &PartView, mode: DiffMode) -> Vec<(usize, usize)> {
    let count = match mode {
        DiffMode::SideBySide => part.rows.len(),
        DiffMode::Inline => part.inline.len(),
    };
    let mut out = Vec::new();
    let mut index = 0;
    while index < count {
        if !unchanged_row(part, mode, index) {
            index += 1;
            continue;
        }
        let start = index;
        while index < count && unchanged_row(part, mode, index) {
            index += 1;
        }
        let first = if start > 0 { start + 1 } else { start };
        let end = if index < count { index - 1 } else { index };
        if end > first + 1 {
            out.push((first, end - first));
        }
    }
    out
}

struct PartLayout<'a> {
    style: &'a Style,
    mode: DiffMode,
    width: f32,
    buttons: f32,
    changes_only: bool,
    status: &'a str,
}

fn layout_part(
    ui: &Ui,
    how: &PartLayout<'_>,
    part: &PartView,
    index: usize,
    unfolded: &HashSet<(usize, usize)>,
    highlight: Option<Option<usize>>,
    accepted: Vec<bool>,
) -> PartGalleys {
    let style = how.style;
    let painter = ui.painter();
    let change = highlight.flatten();
    let mut header_job = LayoutJob::default();
    header_job.wrap.max_width = (how.width - how.buttons).max(80.0);
    let strong = TextFormat::simple(FontId::proportional(BODY_FONT_SIZE), style.text);
    header_job.append(&part.name, 0.0, strong);
    if part.status != PartStatus::Unchanged {
        header_job.append(
            &format!("  {}", how.status),
            0.0,
            TextFormat::simple(FontId::proportional(BODY_FONT_SIZE - 2.0), style.weak),
        );
    }
    let header = painter.layout_job(header_job);
    let header_height = header.size().y.max(BODY_FONT_SIZE + 6.0) + 2.0 * HEADER_PAD;
    let folded: Vec<(usize, usize)> = if how.changes_only {
        folds(part, how.mode)
            .into_iter()
            .filter(|f| !unfolded.contains(&(index, f.0)))
            .collect()
    } else {
        Vec::new()
    };
    let mut rows = Vec::new();
    let mut top = 0.0;
    let mut push = |left: Option<Arc<Galley>>,
                    right: Option<Arc<Galley>>,
                    changes: Vec<usize>,
                    fold: Option<(usize, usize)>,
                    tags: [Option<String>; 2]| {
        let tag_height = if tags.iter().any(Option::is_some) {
            TAG_HEIGHT
        } else {
            0.0
        };
        let height = if fold.is_some() {
            FOLD_HEIGHT
        } else {
            tag_height
                + left
                    .iter()
                    .chain(right.iter())
                    .map(|g| g.size().y)
                    .fold(0.0, f32::max)
        };
        rows.push(RowGalleys {
            top,
            height,
            left,
            right,
            changes,
            fold,
            tags,
            tag_height,
        });
        top += height + ROW_GAP;
    };
    let count = match how.mode {
        DiffMode::SideBySide => part.rows.len(),
        DiffMode::Inline => part.inline.len(),
    };
    let column = column_width(how.width, how.mode);
    let mut row_index = 0;
    while row_index < count {
        if let Some(&(first, n)) = folded.iter().find(|f| f.0 == row_index) {
            push(None, None, Vec::new(), Some((first, n)), [None, None]);
            row_index += n;
            continue;
        }
        match how.mode {
            DiffMode::SideBySide => {
                let row = &part.rows[row_index];
                let lay = |runs: &Option<Vec<Run>>| {
                    runs.as_ref()
                        .map(|r| painter.layout_job(style.job(r, column, change, &accepted)))
                };
                let mut changes = Vec::new();
                changes_of(row.old.as_ref(), &mut changes);
                changes_of(row.new.as_ref(), &mut changes);
                let tags = part.row_tags.get(row_index).cloned().unwrap_or_default();
                push(lay(&row.old), lay(&row.new), changes, None, tags);
            }
            DiffMode::Inline => {
                let line = &part.inline[row_index];
                let mut changes = Vec::new();
                changes_of(Some(line), &mut changes);
                let galley = painter.layout_job(style.job(line, column, change, &accepted));
                let tag = part.inline_tags.get(row_index).cloned().flatten();
                push(Some(galley), None, changes, None, [tag, None]);
            }
        }
        row_index += 1;
    }
    PartGalleys {
        highlight,
        accepted,
        top: 0.0,
        height: header_height + top + PART_GAP,
        header,
        header_height,
        rows,
    }
}

impl GalleyCache {
    /// Lays out what changed since the last frame.
    #[allow(clippy::too_many_arguments)]
    fn update(
        &mut self,
        ui: &Ui,
        lang: UiLanguage,
        model: &Arc<ViewModel>,
        key: LayoutKey,
        current: Option<Stop>,
        accepted: &dyn Fn(&AcceptedKey) -> bool,
    ) {
        let new_model = self.model.as_ref().is_none_or(|m| !Arc::ptr_eq(m, model));
        if new_model {
            self.unfolded.clear();
        }
        let all =
            new_model || self.key.as_ref() != Some(&key) || self.parts.len() != model.parts.len();
        let column = column_width(key.width, key.mode);
        let style = Style::new(
            key.dark,
            ui.visuals().text_color(),
            ui.visuals().weak_text_color(),
            ui.visuals().selection.stroke.color,
            font_size_for(column),
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
                part.change_keys.iter().map(accepted).collect()
            };
            let stale = self
                .parts
                .get(index)
                .is_none_or(|p| p.highlight != highlight || p.accepted != marks);
            if stale {
                let how = PartLayout {
                    style: &style,
                    mode: key.mode,
                    width: key.width,
                    buttons: key.buttons,
                    changes_only: key.changes_only,
                    status: status_name(lang, part.status),
                };
                let laid = layout_part(ui, &how, part, index, &self.unfolded, highlight, marks);
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
        self.key = Some(key);
    }

    /// Opens a folded run: lays out again.
    fn unfold(&mut self, part: usize, first: usize) {
        self.unfolded.insert((part, first));
        self.key = None;
    }
}

/// The buttons on a part's heading line: (message, action, what the action is).
fn part_buttons(review: bool, key: crate::diff::review::PartKey) -> [(Msg, Action); 2] {
    if review {
        [
            (Msg::TakeTheirsPart, Action::TakePart(key)),
            (Msg::KeepMinePart, Action::KeepPart(key)),
        ]
    } else {
        [
            (Msg::RejectPart, Action::RejectPart(key)),
            (Msg::AcceptPart, Action::AcceptPart(key)),
        ]
    }
}

impl View<'_> {
    /// The compared text, in a scroll area that paints only what is visible.
    pub(crate) fn diff_body_ui(
        &mut self,
        ui: &mut Ui,
        compare: &CompareState,
        model: &Arc<ViewModel>,
        changes_only: bool,
    ) {
        let lang = self.lang();
        let width = (ui.available_width() - SCROLL_BAR).max(120.0);
        let current = compare.current_stop();
        let mut cache = std::mem::take(&mut self.state.diff.galleys);
        let mode = compare.settings().mode;
        let review = compare.settings().review;
        let can_review = compare.can_edit();
        // Room for the heading's buttons, measured in the interface's font.
        let buttons = if can_review {
            let font = egui::TextStyle::Button.resolve(ui.style());
            let padding = ui.spacing().button_padding.x * 2.0 + ui.spacing().item_spacing.x;
            part_buttons(
                review,
                crate::diff::review::PartKey {
                    old: None,
                    new: None,
                },
            )
            .iter()
            .map(|(msg, _)| {
                ui.painter()
                    .layout_no_wrap(tr(lang, *msg).to_string(), font.clone(), Color32::WHITE)
                    .size()
                    .x
                    + padding
            })
            .sum::<f32>()
                + 16.0
        } else {
            0.0
        };
        let key = LayoutKey {
            width,
            dark: ui.visuals().dark_mode,
            mode,
            changes_only,
            buttons,
        };
        let marked = |k: &AcceptedKey| compare.is_resolved(k);
        cache.update(ui, lang, model, key, current, &marked);
        let scroll = std::mem::take(&mut self.state.diff.scroll_to_current);
        let mut commands = Vec::new();
        let mut unfold = None;
        egui::ScrollArea::vertical()
            .id_salt("diff_scroll")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                ui.set_min_size(vec2(width, cache.total_height));
                let origin = ui.max_rect().min;
                let visible = viewport.translate(origin.to_vec2());
                let column = column_width(width, mode);
                for (index, (part, laid)) in model.parts.iter().zip(&cache.parts).enumerate() {
                    let part_rect =
                        Rect::from_min_size(origin + vec2(0.0, laid.top), vec2(width, laid.height));
                    let is_current = current.is_some_and(|s| s.part == index);
                    if scroll && is_current {
                        let header_rect =
                            part_rect.with_max_y(part_rect.top() + laid.header_height);
                        let target = current
                            .and_then(|s| s.change)
                            .and_then(|c| laid.rows.iter().find(|r| r.changes.contains(&c)))
                            .map_or(header_rect, |r| {
                                let top = part_rect.top() + laid.header_height + r.top;
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
                        Rect::from_min_size(part_rect.min, vec2(width, laid.header_height - 4.0));
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
                    let name_rect = Rect::from_min_size(
                        header.min + vec2(6.0, HEADER_PAD - 2.0),
                        laid.header.size(),
                    );
                    ui.put(
                        name_rect,
                        egui::Label::new(laid.header.clone()).selectable(false),
                    );
                    if can_review && part.status != PartStatus::Unchanged {
                        let builder = egui::UiBuilder::new()
                            .max_rect(
                                Rect::from_min_max(
                                    egui::pos2(header.right() - buttons, header.top()),
                                    egui::pos2(
                                        header.right(),
                                        header.top() + BODY_FONT_SIZE + 16.0,
                                    ),
                                )
                                .shrink2(vec2(6.0, 2.0)),
                            )
                            .layout(egui::Layout::right_to_left(Align::Center));
                        ui.scope_builder(builder, |ui| {
                            for (msg, action) in part_buttons(review, part.key).into_iter().rev() {
                                let name = action_on(lang, msg, &part.name);
                                if ui
                                    .small_button(tr(lang, msg))
                                    .accessible_name(name)
                                    .clicked()
                                {
                                    commands.push(action);
                                }
                            }
                        });
                    }
                    let text_top = part_rect.top() + laid.header_height;
                    for row in &laid.rows {
                        let top = text_top + row.top;
                        if top > visible.bottom() || top + row.height < visible.top() {
                            continue;
                        }
                        if let Some((first, count)) = row.fold {
                            let rect = Rect::from_min_size(
                                egui::pos2(part_rect.left(), top),
                                vec2(width, row.height),
                            );
                            ui.painter()
                                .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
                            let label = unchanged_paragraphs_label(lang, count);
                            if ui
                                .put(
                                    rect,
                                    egui::Button::new(RichText::new(label).weak()).frame(false),
                                )
                                .on_hover_text(tr(lang, Msg::UnfoldHelp))
                                .clicked()
                            {
                                unfold = Some((index, first));
                            }
                            continue;
                        }
                        let column_x = [part_rect.left(), part_rect.left() + column + GUTTER];
                        for (tag, x) in row.tags.iter().zip(column_x) {
                            if let Some(tag) = tag {
                                let rect = Rect::from_min_size(
                                    egui::pos2(x, top),
                                    vec2(column, row.tag_height),
                                );
                                let color = if ui.visuals().dark_mode {
                                    MOVED_DARK
                                } else {
                                    MOVED_LIGHT
                                };
                                let text =
                                    RichText::new(tag.as_str()).size(TAG_FONT_SIZE).color(color);
                                let builder = egui::UiBuilder::new()
                                    .max_rect(rect)
                                    .layout(egui::Layout::left_to_right(Align::Center));
                                ui.scope_builder(builder, |ui| {
                                    ui.add(egui::Label::new(text).selectable(false).truncate());
                                });
                            }
                        }
                        let top = top + row.tag_height;
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
                                                    vec2(
                                                        column,
                                                        (row.height - row.tag_height).max(4.0),
                                                    ),
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
        if let Some((part, first)) = unfold {
            cache.unfold(part, first);
        }
        self.state.diff.galleys = cache;
        for action in commands {
            self.tx.action(action);
        }
    }
}
