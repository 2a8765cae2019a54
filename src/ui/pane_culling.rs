//! Panes out of sight: a pane far from the view takes the height it had when it was last drawn,
//! without creating its widgets or laying out its text (a long speech's idle frame would
//! otherwise build every pane). The panes in sight, the one with the keyboard focus, the one
//! scrolled to and any whose height is not known for what it shows now are drawn; with a screen
//! reader (AccessKit) on, all of them are.

use egui::Ui;

use crate::part::Part;

use super::panes::field_id;
use super::view::View;

/// What a pane's height was measured for: its part's revision, the width, whether it is collapsed,
/// the text's size and spacing, the language and the zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct PaneKey {
    revision: u64,
    width: f32,
    collapsed: bool,
    body_size: f32,
    paragraph_spacing: bool,
    lang: super::i18n::UiLanguage,
    pixels_per_point: f32,
}

impl View<'_> {
    /// What a pane's height depends on: its part's revision, the width, whether it is
    /// collapsed, the text's size and spacing, the language (the labels), the zoom.
    pub(crate) fn pane_key(&self, ui: &Ui, pane: Part) -> PaneKey {
        PaneKey {
            revision: self.ed.part_revision(pane),
            width: ui.available_width(),
            collapsed: self.state.collapsed.contains(&pane),
            body_size: self.state.prefs.body_size(),
            paragraph_spacing: self.state.prefs.paragraph_spacing,
            lang: self.lang(),
            pixels_per_point: ui.ctx().pixels_per_point(),
        }
    }

    /// Which panes to lay out in this frame (the others only take their height): those in
    /// sight, the one with the keyboard focus (and, unless the focus is in a text that keeps
    /// Tab, the panes next to it, so Tab reaches them), the one scrolled to, focused or
    /// selected in, and any whose height is not known for what it shows now. With a screen
    /// reader (AccessKit) on, every pane: it reads them all.
    pub(crate) fn panes_to_draw(
        &self,
        ui: &Ui,
        panes: &[Part],
        scroll_to: Option<Part>,
    ) -> Vec<bool> {
        let accessibility = ui.ctx().has_accesskit_node(ui.unique_id());
        if accessibility {
            return vec![true; panes.len()];
        }
        let focused = ui.memory(|m| m.focused());
        let focused_at = focused
            .and_then(|id| ui.ctx().read_response(id))
            .map(|r| r.rect.center());
        // A multi-line text keeps Tab (it is typed into the text): focus cannot leave by it.
        let keeps_tab = panes
            .iter()
            .flat_map(|pane| pane.fields())
            .any(|f| f.is_multiline() && focused == Some(field_id(f)));
        let holds_focus = |pane: Part| {
            pane.fields()
                .into_iter()
                .any(|f| focused == Some(field_id(f)))
                || self
                    .state
                    .pane_rects
                    .get(&pane)
                    .zip(focused_at)
                    .is_some_and(|(r, at)| r.contains(at))
        };
        let requested = |pane: Part| {
            scroll_to == Some(pane)
                || self.state.focus.is_some_and(|f| f.part() == pane)
                || self
                    .state
                    .select
                    .as_ref()
                    .is_some_and(|(f, _)| f.part() == pane)
        };
        let clip = ui.clip_rect().expand2(egui::vec2(0.0, 200.0));
        let gap = ui.spacing().item_spacing.y + 8.0;
        let mut y = ui.cursor().top();
        let mut needed = Vec::with_capacity(panes.len());
        let mut focus = Vec::with_capacity(panes.len());
        for &pane in panes {
            let known = self
                .state
                .pane_heights
                .get(&pane)
                .filter(|(key, _)| *key == self.pane_key(ui, pane))
                .map(|(_, height)| *height);
            let in_sight = known.is_none_or(|height| {
                let rect = egui::Rect::from_min_size(
                    egui::pos2(clip.left(), y),
                    egui::vec2(clip.width().max(1.0), height),
                );
                y += height + gap;
                rect.intersects(clip)
            });
            needed.push(in_sight || requested(pane));
            focus.push(holds_focus(pane));
        }
        let focus_next_to = |i: usize| {
            !keeps_tab && ((i > 0 && focus[i - 1]) || focus.get(i + 1).copied().unwrap_or(false))
        };
        (0..panes.len())
            .map(|i| needed[i] || focus[i] || focus_next_to(i))
            .collect()
    }

    /// A pane out of sight: its place, from its height when it was last drawn, without laying
    /// anything out. Its galleys are kept for when it comes into sight.
    pub(crate) fn skip_pane_ui(&mut self, ui: &mut Ui, pane: Part) -> egui::Rect {
        let height = self
            .state
            .pane_heights
            .get(&pane)
            .map_or(0.0, |(_, height)| *height);
        for field in pane.fields() {
            self.state.galleys.keep(field);
        }
        let (_, rect) = ui.allocate_space(egui::vec2(ui.available_width(), height));
        self.state.pane_rects.insert(pane, rect);
        rect
    }
}
