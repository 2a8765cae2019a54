//! The Proofing panel (规范检查, right side): the findings of the whole speech grouped by part,
//! each with its message in the interface language, the text around it and the fix; a click goes
//! to the finding (the pane scrolls to it and the text is selected); Fix, Ignore, and "Fix all"
//! for each check.
//!
//! The panel only reads [`ProofState`](crate::editor::ProofState) and sends actions. A long list
//! is cheap to draw: rows out of sight are not laid out, only their remembered height is
//! skipped (see [`ProofingViewCache`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, CursorIcon, FontId, RichText, Sense, Ui};

use crate::editor::Action;
use crate::part::Part;
use crate::proof::{CheckId, Finding};

use super::i18n::{
    Msg, UiLanguage, action_on, check_name, deletion_label, finding_text, findings_count_label,
    fix_all_label, tr,
};
use super::view::View;

/// How many characters of the paragraph are shown on each side of a finding.
const CONTEXT_CHARS: usize = 8;

/// The longest stretch of a finding's own text that is shown (a whole title, a heading).
const SHOWN_CHARS: usize = 24;

/// A row's height before it was ever drawn, in points.
const ESTIMATED_ROW: f32 = 72.0;

/// The panel's memory between frames: the height of each row as last drawn, so rows out of
/// sight take their place without being laid out (or even looked at: the rows above and below
/// the view are skipped in one step each).
#[derive(Debug, Default)]
pub struct ProofingViewCache {
    /// The width the heights were measured at.
    width: f32,
    /// Row key ([`row_key`]) → height in points.
    heights: HashMap<u64, f32>,
    /// What `rows` was made for: the findings' generation and the interface language.
    made_for: Option<(u64, UiLanguage)>,
    /// The key and height of each row of the list, in order.
    rows: Vec<(u64, f32)>,
    /// What the rows drawn say, by row key (made again when the findings change).
    texts: HashMap<u64, RowTexts>,
}

/// What a finding's row says (see `View::row_texts`).
#[derive(Clone, Debug)]
struct RowTexts {
    message: String,
    context: (String, String, String),
    fix: Option<String>,
    go_name: String,
    fix_name: String,
    ignore_name: String,
}

/// One row of the list.
enum Row<'a> {
    /// A part's name and how many findings it has.
    Header(Part, usize),
    /// A finding.
    Finding(&'a Finding),
}

/// What makes a row look the way it does (its height depends on nothing else).
fn row_key(row: &Row<'_>, lang: UiLanguage) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    lang.hash(&mut h);
    match row {
        Row::Header(part, count) => {
            0u8.hash(&mut h);
            part.hash(&mut h);
            count.hash(&mut h);
        }
        Row::Finding(f) => {
            1u8.hash(&mut h);
            f.check.hash(&mut h);
            f.field.hash(&mut h);
            f.paragraph.hash(&mut h);
            f.start.hash(&mut h);
            f.end.hash(&mut h);
            f.text.hash(&mut h);
            f.suggestion.hash(&mut h);
        }
    }
    h.finish()
}

/// At most `max` characters of `text`, with `…` where it was cut.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max).collect();
    out.push('…');
    out
}

impl View<'_> {
    /// The Proofing panel.
    pub(crate) fn proofing_ui(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.add_space(4.0);
        ui.heading(tr(lang, Msg::Proofing));
        let ed = self.ed;
        let proof = ed.proofing();
        let findings = proof.findings();
        let ignored = proof.ignored_count();
        let mut summary = findings_count_label(lang, findings.len());
        if ignored > 0 {
            summary = format!(
                "{summary} · {}",
                action_on(lang, Msg::IgnoredFindings, &ignored.to_string())
            );
        }
        if findings.is_empty() {
            ui.separator();
            ui.label(tr(lang, Msg::NoFindings));
            if ignored > 0 {
                ui.label(RichText::new(summary).small().weak());
            }
            return;
        }
        ui.label(RichText::new(summary).small().weak());
        ui.separator();
        self.fix_all_ui(ui, findings);
        ui.separator();
        self.findings_list_ui(ui, findings);
    }

    /// One line per check that found something: its name, its count, and "Fix all" when some
    /// of its findings can be fixed.
    fn fix_all_ui(&mut self, ui: &mut Ui, findings: &[Finding]) {
        let lang = self.lang();
        let mut counts = [(0usize, 0usize); CheckId::ALL.len()];
        for finding in findings {
            if let Some(i) = CheckId::ALL.iter().position(|c| *c == finding.check) {
                counts[i].0 += 1;
                if finding.is_fixable() {
                    counts[i].1 += 1;
                }
            }
        }
        for (check, (total, fixable)) in CheckId::ALL.into_iter().zip(counts) {
            if total == 0 {
                continue;
            }
            let name = check_name(lang, check);
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{name}  {total}"));
                if fixable > 0 {
                    let button = ui
                        .small_button(fix_all_label(lang, fixable))
                        .accessible_name(action_on(lang, Msg::FixAllOf, name));
                    if button.clicked() {
                        self.tx.action(Action::FixAll(check));
                    }
                }
            });
        }
    }

    /// The findings grouped by part; rows out of sight are skipped by their remembered height.
    fn findings_list_ui(&mut self, ui: &mut Ui, findings: &[Finding]) {
        let lang = self.lang();
        let mut rows = Vec::with_capacity(findings.len() + 8);
        let mut i = 0;
        while i < findings.len() {
            let part = findings[i].field.part();
            let count = findings[i..]
                .iter()
                .take_while(|f| f.field.part() == part)
                .count();
            rows.push(Row::Header(part, count));
            rows.extend(findings[i..i + count].iter().map(Row::Finding));
            i += count;
        }
        let generation = self.ed.proofing().generation();
        egui::ScrollArea::vertical()
            .id_salt("proofing_scroll")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let width = ui.available_width();
                let cache = &mut self.state.proofing;
                if (cache.width - width).abs() > 0.5 || cache.heights.len() > 4 * rows.len() + 64 {
                    cache.heights.clear();
                    cache.made_for = None;
                    cache.width = width;
                }
                if cache.made_for != Some((generation, lang)) || cache.rows.len() != rows.len() {
                    // The text around a finding may have changed with the findings.
                    cache.texts.clear();
                    let heights = &cache.heights;
                    cache.rows = rows
                        .iter()
                        .map(|row| {
                            let key = row_key(row, lang);
                            let estimate = heights.get(&key).copied().unwrap_or(match row {
                                Row::Header(..) => 24.0,
                                Row::Finding(_) => ESTIMATED_ROW,
                            });
                            (key, estimate)
                        })
                        .collect();
                    cache.made_for = Some((generation, lang));
                }
                // Each row takes its height and the spacing after it.
                let gap = ui.spacing().item_spacing.y;
                let mut top = 0.0;
                let mut first = cache.rows.len();
                let mut skipped = 0.0;
                for (i, (_, height)) in cache.rows.iter().enumerate() {
                    if top + height >= viewport.min.y {
                        first = i;
                        skipped = top;
                        break;
                    }
                    top += height + gap;
                }
                if skipped > 0.0 {
                    ui.allocate_space([width, skipped - gap].into());
                }
                let mut end = first;
                let mut top = skipped;
                while end < rows.len() && top <= viewport.max.y {
                    let start = ui.cursor().top();
                    match &rows[end] {
                        Row::Header(part, count) => self.finding_header_ui(ui, *part, *count),
                        Row::Finding(finding) => {
                            let key = self.state.proofing.rows.get(end).map_or(0, |r| r.0);
                            self.finding_row_ui(ui, finding, key);
                        }
                    }
                    let height = ui.min_rect().bottom().max(start) - start;
                    let cache = &mut self.state.proofing;
                    if let Some(row) = cache.rows.get_mut(end) {
                        row.1 = height;
                        cache.heights.insert(row.0, height);
                    }
                    top += height + gap;
                    end += 1;
                }
                let below: f32 = self.state.proofing.rows[end..]
                    .iter()
                    .map(|(_, height)| height + gap)
                    .sum();
                if below > gap {
                    ui.allocate_space([width, below - gap].into());
                }
            });
    }

    fn finding_header_ui(&mut self, ui: &mut Ui, part: Part, count: usize) {
        ui.vertical(|ui| {
            ui.add_space(4.0);
            let title = shortened(&self.pane_title(part), 40);
            ui.add(egui::Label::new(RichText::new(format!("{title}  ({count})")).strong()).wrap());
        });
    }

    /// What a finding's row says: its message, the text around it, the fix, the buttons' names.
    fn row_texts(&self, finding: &Finding) -> RowTexts {
        let lang = self.lang();
        let message = finding_text(lang, &finding.message);
        let context = self.finding_context(finding);
        let name = if context.0.is_empty() && context.1.is_empty() && context.2.is_empty() {
            // Nothing to quote (an empty section): the part names it.
            format!(
                "{message} — {}",
                self.pane_accessible_name(finding.field.part())
            )
        } else {
            format!("{message} — {}{}{}", context.0, context.1, context.2)
        };
        let fix = finding.suggestion.as_ref().map(|suggestion| {
            let to = if suggestion.is_empty() {
                deletion_label(lang).to_string()
            } else {
                format!("“{}”", shortened(suggestion, SHOWN_CHARS))
            };
            format!("“{}” » {to}", shortened(&finding.text, SHOWN_CHARS))
        });
        RowTexts {
            go_name: action_on(lang, Msg::GoTo, &name),
            fix_name: action_on(lang, Msg::Fix, &name),
            ignore_name: action_on(lang, Msg::Ignore, &name),
            message,
            context,
            fix,
        }
    }

    /// One finding: its message and the text around it (click to go there), the fix, and the
    /// Fix and Ignore buttons.
    fn finding_row_ui(&mut self, ui: &mut Ui, finding: &Finding, key: u64) {
        let lang = self.lang();
        let texts = match self.state.proofing.texts.remove(&key) {
            Some(texts) => texts,
            None => self.row_texts(finding),
        };
        ui.vertical(|ui| {
            ui.add_space(2.0);
            let job = self.finding_job(ui, &texts.message, &texts.context);
            // A label that wraps, but a button to screen readers (and tests).
            let go = ui
                .add(egui::Label::new(job).wrap().sense(Sense::click()))
                .on_hover_cursor(CursorIcon::PointingHand);
            go.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &texts.go_name));
            if go.clicked() {
                self.tx.action(Action::GoToFinding(finding.clone()));
            }
            ui.horizontal_wrapped(|ui| {
                if let Some(fix) = &texts.fix {
                    ui.label(RichText::new(fix.as_str()).strong());
                    if ui
                        .small_button(tr(lang, Msg::Fix))
                        .accessible_name(texts.fix_name.as_str())
                        .clicked()
                    {
                        self.tx.action(Action::FixFinding(finding.clone()));
                    }
                }
                if ui
                    .small_button(tr(lang, Msg::Ignore))
                    .accessible_name(texts.ignore_name.as_str())
                    .clicked()
                {
                    self.tx.action(Action::IgnoreFinding(finding.clone()));
                }
            });
            ui.add_space(2.0);
        });
        self.state.proofing.texts.insert(key, texts);
    }

    /// The text before a finding, the finding's own text, and the text after it (a few
    /// characters each, `…` where the paragraph goes on).
    fn finding_context(&self, finding: &Finding) -> (String, String, String) {
        let lines = self
            .ed
            .speech()
            .field_lines(finding.field)
            .unwrap_or_default();
        let Some(paragraph) = lines.get(finding.paragraph) else {
            return Default::default();
        };
        let chars: Vec<char> = paragraph.chars().collect();
        let start = finding.start.min(chars.len());
        let end = finding.end.clamp(start, chars.len());
        let from = start.saturating_sub(CONTEXT_CHARS);
        let to = (end + CONTEXT_CHARS).min(chars.len());
        let mut before: String = chars[from..start].iter().collect();
        if from > 0 {
            before.insert(0, '…');
        }
        let mut after: String = chars[end..to].iter().collect();
        if to < chars.len() {
            after.push('…');
        }
        let own: String = chars[start..end].iter().collect();
        (before, shortened(&own, SHOWN_CHARS), after)
    }

    /// The message above, the text around the finding below with the finding marked.
    fn finding_job(&self, ui: &Ui, message: &str, context: &(String, String, String)) -> LayoutJob {
        let visuals = ui.visuals();
        let body = FontId::proportional(14.0);
        let small = FontId::proportional(12.5);
        let mut job = LayoutJob::default();
        job.append(
            message,
            0.0,
            TextFormat::simple(body, visuals.strong_text_color()),
        );
        let (before, own, after) = context;
        if before.is_empty() && own.is_empty() && after.is_empty() {
            return job;
        }
        let weak = visuals.weak_text_color();
        job.append("\n", 0.0, TextFormat::simple(small.clone(), weak));
        job.append(before, 0.0, TextFormat::simple(small.clone(), weak));
        let mut marked = TextFormat::simple(small.clone(), visuals.strong_text_color());
        marked.background = if visuals.dark_mode {
            Color32::from_rgb(120, 70, 20)
        } else {
            Color32::from_rgb(255, 214, 150)
        };
        // A mark where the finding is a place, not a span (an empty closing).
        let shown = if own.is_empty() { " " } else { own.as_str() };
        job.append(shown, 0.0, marked);
        job.append(after, 0.0, TextFormat::simple(small, weak));
        job
    }

    /// A part's count of findings as a badge in the outline (nothing when it has none).
    pub(crate) fn finding_badge_ui(&self, ui: &mut Ui, part: Part) {
        let count = self.ed.proofing().count_in(part);
        if count == 0 {
            return;
        }
        let lang = self.lang();
        let fill = if ui.visuals().dark_mode {
            Color32::from_rgb(170, 95, 20)
        } else {
            Color32::from_rgb(215, 120, 30)
        };
        let title = self.pane_title(part);
        egui::Frame::new()
            .fill(fill)
            .corner_radius(7.0)
            .inner_margin(egui::Margin::symmetric(5, 0))
            .show(ui, |ui| {
                // Read as "Findings: Opening (2)", not as a bare number.
                let name = action_on(lang, Msg::FindingsIn, &format!("{title} ({count})"));
                let badge = ui.label(
                    RichText::new(count.to_string())
                        .small()
                        .color(Color32::WHITE),
                );
                badge.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                badge.on_hover_text(findings_count_label(lang, count));
            });
    }
}
