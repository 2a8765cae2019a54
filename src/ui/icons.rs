//! Small icons painted as shapes: the fonts (egui's and the CJK fallback) have no arrows.

use egui::{Color32, Pos2, Response, Role, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo};

/// Which icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A triangle pointing up.
    Up,
    /// A triangle pointing down (also: an expanded pane).
    Down,
    /// A triangle pointing right (a collapsed pane).
    Right,
    /// Three lines: drag to reorder.
    Grip,
}

/// Paints `icon` in a square of `size` points at `center`.
fn paint_icon(ui: &Ui, icon: Icon, center: Pos2, size: f32, color: Color32) {
    let h = size * 0.3;
    let painter = ui.painter();
    let triangle = |points: Vec<Pos2>| Shape::convex_polygon(points, color, Stroke::NONE);
    match icon {
        Icon::Up => {
            painter.add(triangle(vec![
                center + Vec2::new(-h, h * 0.6),
                center + Vec2::new(h, h * 0.6),
                center + Vec2::new(0.0, -h * 0.8),
            ]));
        }
        Icon::Down => {
            painter.add(triangle(vec![
                center + Vec2::new(-h, -h * 0.6),
                center + Vec2::new(0.0, h * 0.8),
                center + Vec2::new(h, -h * 0.6),
            ]));
        }
        Icon::Right => {
            painter.add(triangle(vec![
                center + Vec2::new(-h * 0.6, -h),
                center + Vec2::new(h * 0.8, 0.0),
                center + Vec2::new(-h * 0.6, h),
            ]));
        }
        Icon::Grip => {
            for dy in [-h * 0.8, 0.0, h * 0.8] {
                painter.hline(
                    (center.x - h)..=(center.x + h),
                    center.y + dy,
                    Stroke::new(1.5, color),
                );
            }
        }
    }
}

/// A small clickable icon, named `name` for screen readers and tests. Greyed out and inert when
/// not `enabled`.
pub fn icon_button(ui: &mut Ui, icon: Icon, name: &str, enabled: bool) -> Response {
    let size = ui.spacing().interact_size.y;
    let sense = if enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), sense);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, name));
    if ui.is_rect_visible(rect) {
        let visuals = if enabled {
            ui.style().interact(&response)
        } else {
            &ui.visuals().widgets.noninteractive
        };
        if response.hovered() && enabled {
            ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
        }
        let color = if enabled {
            visuals.fg_stroke.color
        } else {
            ui.visuals().weak_text_color()
        };
        paint_icon(ui, icon, rect.center(), size, color);
    }
    response.on_hover_text(name)
}

/// A drag handle (three lines) that senses dragging, named `name`.
pub fn grip_ui(ui: &mut Ui, name: &str) -> Response {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(size * 0.8, size), Sense::drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, name));
    if ui.is_rect_visible(rect) {
        let color = if response.hovered() || response.dragged() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        paint_icon(ui, Icon::Grip, rect.center(), size, color);
    }
    response.on_hover_text(name)
}
