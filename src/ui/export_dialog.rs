//! The Export dialog: format (text, Markdown, Word, PDF); for Word and PDF the layout, its
//! options and the fonts; a live preview (the text, or the first page of the layout drawn from
//! the core's page layout); and the notice after an export or a print, with "Open folder".

use egui::{
    Align, Color32, Context, FontId, Id, Layout, Modal, Pos2, Rect, RichText, ScrollArea, Sense,
    Stroke, StrokeKind, Ui, Vec2, pos2, vec2,
};

use crate::editor::{Action, Dialog, ExportDialog, ExportKind, LayoutOption};
use crate::export::{
    ExportOptions, ExportStyle, FontLibrary, FontReport, LaidPage, LayoutName, PrintOptions,
    Profile, Role, layout,
};

use super::i18n::{Msg, UiLanguage, font_line, missing_chars_text, page_of, tr};
use super::view::View;

/// The dialog's size when it first opens (it keeps the size the writer gives it).
const DEFAULT_SIZE: Vec2 = vec2(880.0, 580.0);
/// The width of the choices column.
const CHOICES_WIDTH: f32 = 300.0;

/// What the preview shows, made again only when the document or the choices change.
#[derive(Debug)]
pub enum ExportPreview {
    /// The exported text.
    Text {
        /// The document revision.
        rev: u64,
        /// The options it was made with.
        options: ExportOptions,
        /// The text.
        text: String,
    },
    /// The first page of a printed copy.
    Page(Box<PagePreview>),
}

/// The first page of a printed copy, and what the dialog says about it.
#[derive(Debug)]
pub struct PagePreview {
    /// The document revision.
    pub rev: u64,
    /// The options it was laid out with.
    pub options: PrintOptions,
    /// The first page.
    pub page: Option<LaidPage>,
    /// How many pages the copy has.
    pub pages: usize,
    /// The fonts the PDF uses for each role.
    pub fonts: FontReport,
}

/// The text of a format choice.
pub fn kind_msg(kind: ExportKind) -> Msg {
    match kind {
        ExportKind::Text => Msg::PlainText,
        ExportKind::Markdown => Msg::Markdown,
        ExportKind::Docx => Msg::FormatDocx,
        ExportKind::Pdf => Msg::FormatPdf,
    }
}

/// The name of a layout.
pub fn layout_msg(layout: LayoutName) -> Msg {
    match layout {
        LayoutName::Gongwen => Msg::LayoutGongwen,
        LayoutName::Reading => Msg::LayoutReading,
        LayoutName::Manuscript => Msg::LayoutManuscript,
    }
}

/// The text of a layout option.
pub fn option_msg(option: LayoutOption) -> Msg {
    match option {
        LayoutOption::SectionBreaks => Msg::OptionSectionBreaks,
        LayoutOption::CheckAgainstDelivery => Msg::OptionCheckAgainstDelivery,
        LayoutOption::NextPageCue => Msg::OptionNextPageCue,
        LayoutOption::SpeakerAndDate => Msg::OptionSpeakerAndDate,
    }
}

impl View<'_> {
    /// The Export dialog as a modal of the size the writer last gave it; Escape or Close
    /// closes it.
    pub(crate) fn export_dialog_ui(&mut self, ctx: &Context, choices: &ExportDialog) {
        let screen = ctx.content_rect().size();
        let max = (screen - vec2(64.0, 64.0)).max(vec2(320.0, 240.0));
        let mut edited = choices.clone();
        let response = Modal::new(Id::unique("export_modal")).show(ctx, |ui| {
            let default = self.state.export_dialog_size.unwrap_or(DEFAULT_SIZE);
            egui::Resize::default()
                .id_salt("export_dialog_size")
                .default_size(default.min(max))
                .min_size(vec2(520.0, 360.0).min(max))
                .max_size(max)
                .show(ui, |ui| {
                    self.state.export_dialog_size = Some(ui.available_size());
                    self.export_body_ui(ui, &mut edited);
                });
        });
        if response.should_close() {
            self.tx.action(Action::CloseDialog);
        } else if edited != *choices {
            self.tx.action(Action::ShowDialog(Dialog::Export(edited)));
        }
    }

    fn export_body_ui(&mut self, ui: &mut Ui, choices: &mut ExportDialog) {
        let lang = self.lang();
        ui.heading(tr(lang, Msg::Export).trim_end_matches('…'));
        let buttons_height = ui.spacing().interact_size.y + 16.0;
        let body = vec2(
            ui.available_width(),
            (ui.available_height() - buttons_height).max(160.0),
        );
        self.refresh_export_preview(choices);
        ui.allocate_ui_with_layout(body, Layout::left_to_right(Align::Min), |ui| {
            ui.set_min_size(body);
            ui.allocate_ui_with_layout(
                vec2(CHOICES_WIDTH, body.y),
                Layout::top_down(Align::Min),
                |ui| {
                    ScrollArea::vertical()
                        .id_salt("export_choices")
                        .auto_shrink([false, false])
                        .show(ui, |ui| self.export_choices_ui(ui, choices));
                },
            );
            ui.separator();
            ui.allocate_ui_with_layout(
                vec2(ui.available_width(), body.y),
                Layout::top_down(Align::Center),
                |ui| self.export_preview_ui(ui),
            );
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr(lang, Msg::SaveFile)).clicked() {
                self.tx.action(Action::ExportToFile(choices.clone()));
            }
            if choices.kind.is_printed() && ui.button(tr(lang, Msg::Print)).clicked() {
                self.tx
                    .action(Action::ShowDialog(Dialog::Export(choices.clone())));
                self.tx.action(Action::Print);
            }
            if ui.button(tr(lang, Msg::Close)).clicked() {
                self.tx.action(Action::CloseDialog);
            }
        });
    }

    fn export_choices_ui(&mut self, ui: &mut Ui, choices: &mut ExportDialog) {
        let lang = self.lang();
        ui.label(RichText::new(tr(lang, Msg::Format)).strong());
        for kind in ExportKind::ALL {
            ui.radio_value(&mut choices.kind, kind, tr(lang, kind_msg(kind)));
        }
        ui.add_space(8.0);
        if !choices.kind.is_printed() {
            ui.label(RichText::new(tr(lang, Msg::Style)).strong());
            ui.radio_value(
                &mut choices.style,
                ExportStyle::Chinese,
                tr(lang, Msg::ChineseStyle),
            );
            ui.radio_value(
                &mut choices.style,
                ExportStyle::English,
                tr(lang, Msg::EnglishStyle),
            );
            return;
        }
        ui.label(RichText::new(tr(lang, Msg::Layout)).strong());
        for name in LayoutName::ALL {
            ui.radio_value(&mut choices.layout, name, tr(lang, layout_msg(name)));
        }
        ui.add_space(8.0);
        ui.label(RichText::new(tr(lang, Msg::LayoutOptions)).strong());
        for &option in LayoutOption::offered(choices.layout) {
            let mut on = choices.options.get(option);
            if ui.checkbox(&mut on, tr(lang, option_msg(option))).changed() {
                choices.options.set(option, on);
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new(tr(lang, Msg::Fonts)).strong());
        if choices.kind == ExportKind::Docx {
            let profile = choices.print_options(&self.ed.doc().settings).profile;
            ui.add(egui::Label::new(tr(lang, Msg::FontsInDocument)).wrap());
            for role in [Role::Title, Role::Heading1, Role::Heading2, Role::Body] {
                let font = &profile.styles.get(role).font;
                let name = super::i18n::role_name(lang, role);
                let sep = if lang == UiLanguage::En { ": " } else { "：" };
                ui.add(
                    egui::Label::new(format!(
                        "{name}{sep}{} / {}",
                        font.docx_east_asia, font.docx_latin
                    ))
                    .wrap(),
                );
            }
        } else if let Some(ExportPreview::Page(preview)) = &self.state.export_preview {
            ui.add(egui::Label::new(tr(lang, Msg::FontsInPdf)).wrap());
            for font in &preview.fonts.roles {
                let (text, substituted) = font_line(lang, font);
                let text = if substituted {
                    RichText::new(text).color(ui.visuals().warn_fg_color)
                } else {
                    RichText::new(text)
                };
                ui.add(egui::Label::new(text).wrap());
            }
            if !preview.fonts.missing_chars.is_empty() {
                let text = missing_chars_text(lang, &preview.fonts.missing_chars);
                ui.add(
                    egui::Label::new(RichText::new(text).color(ui.visuals().error_fg_color)).wrap(),
                );
            }
        }
    }

    /// Makes the preview again when the document or the choices changed.
    fn refresh_export_preview(&mut self, choices: &ExportDialog) {
        let rev = self.ed.revision();
        let settings = &self.ed.doc().settings;
        if let Some(options) = choices.text_options(settings) {
            let fresh = matches!(&self.state.export_preview,
                Some(ExportPreview::Text { rev: r, options: o, .. }) if *r == rev && *o == options);
            if !fresh {
                let text = self.ed.export_text(&options);
                self.state.export_preview = Some(ExportPreview::Text { rev, options, text });
            }
            return;
        }
        let options = choices.print_options(settings);
        let fresh = matches!(&self.state.export_preview,
            Some(ExportPreview::Page(p)) if p.rev == rev && p.options == options);
        if !fresh {
            let laid = layout(self.ed.speech(), &options, FontLibrary::system());
            let pages = laid.pages.len();
            let fonts = laid.font_report().clone();
            let page = laid.pages.into_iter().next();
            self.state.export_preview = Some(ExportPreview::Page(Box::new(PagePreview {
                rev,
                options,
                page,
                pages,
                fonts,
            })));
        }
    }

    fn export_preview_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        match &self.state.export_preview {
            Some(ExportPreview::Text { text, .. }) => {
                ui.label(RichText::new(tr(lang, Msg::Preview)).strong());
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ScrollArea::vertical()
                        .id_salt("export_preview")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                                ui.add(egui::Label::new(text.as_str()).wrap());
                            });
                        });
                });
            }
            Some(ExportPreview::Page(preview)) => {
                let caption_height = ui.spacing().interact_size.y + 4.0;
                let room = ui.available_size() - vec2(0.0, caption_height);
                if let Some(page) = &preview.page {
                    page_ui(ui, lang, page, &preview.options.profile, room);
                }
                ui.label(page_of(lang, 1, preview.pages.max(1)));
            }
            None => {}
        }
    }
}

/// Draws a laid-out page scaled into `room`: the paper, the text block's outline, and every run
/// at its place in the egui font at the scaled size. Its accessible name is the page's text.
fn page_ui(ui: &mut Ui, lang: UiLanguage, page: &LaidPage, profile: &Profile, room: Vec2) {
    let (width_pt, height_pt) = (profile.page_width_pt(), profile.page_height_pt());
    let scale = (room.x / width_pt).min(room.y / height_pt).max(0.05);
    let (rect, response) =
        ui.allocate_exact_size(vec2(width_pt * scale, height_pt * scale), Sense::hover());
    let name = format!(
        "{}\n{}",
        tr(lang, Msg::FirstPagePreview),
        page.body_lines.join("\n")
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name.as_str()));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect.expand(2.0));
    let ink = Color32::from_gray(20);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    painter.rect_stroke(
        rect,
        0.0,
        Stroke::new(1.0, Color32::from_gray(150)),
        StrokeKind::Outside,
    );
    let mm = crate::export::profile::PT_PER_MM * scale;
    let block = Rect::from_min_size(
        rect.min + vec2(profile.margin_left_mm * mm, profile.margin_top_mm * mm),
        vec2(
            profile.text_width_pt() * scale,
            profile.text_height_pt() * scale,
        ),
    );
    painter.rect_stroke(
        block,
        0.0,
        Stroke::new(0.5, Color32::from_gray(225)),
        StrokeKind::Outside,
    );
    for run in &page.runs {
        let font = FontId::proportional((run.size_pt * scale).max(1.0));
        for (glyph, x_pt) in run.glyphs.iter().zip(run.glyph_x_pt()) {
            let Some(text) = run.text.get(glyph.text_range.clone()) else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let galley = painter.layout_no_wrap(text.to_string(), font.clone(), ink);
            // The galley is placed by its top; the run by its baseline.
            let ascent = galley
                .rows
                .first()
                .and_then(|row| row.glyphs.first().map(|g| row.pos.y + g.pos.y))
                .unwrap_or(font.size * 0.8);
            let at = Pos2::new(
                rect.left() + x_pt * scale,
                rect.top() + run.baseline_pt * scale - ascent,
            );
            if run.faux_bold {
                painter.galley(at + vec2(0.4, 0.0), galley.clone(), ink);
            }
            painter.galley(pos2(at.x, at.y), galley, ink);
        }
    }
}
