//! The window's shell: [`LecternApp`] owns the [`Editor`], the view state and the sender. Each
//! pass, `App::logic` turns shortcuts and what the views sent into editor actions, applies
//! them, and ticks the editor's timed work (also while the window is minimised and nothing is
//! drawn); `App::ui` draws the views, which only read the editor and send.

use std::path::PathBuf;
use std::time::Duration;

use egui::{Context, Ui, ViewportCommand};

use crate::editor::{Action, Editor, EditorOptions, Effect, Env, RecoveryOptions, SystemOpener};
use crate::part::Part;

use super::commands::Command;
use super::file_dialogs::WindowDialogs;
use super::i18n::{Msg, UiLanguage, tr};
use super::prefs::{ThemeChoice, UiPrefs};
use super::view::{Intent, Sender, View, ViewAction, ViewState, WindowDialog};

/// How to build a [`LecternApp`].
pub struct AppOptions {
    /// The file pickers.
    pub dialogs: Box<dyn WindowDialogs>,
    /// Opens a printed PDF in the system's viewer and a folder in the file manager.
    pub opener: Box<dyn SystemOpener>,
    /// What the window remembered from the last run.
    pub prefs: UiPrefs,
    /// A file to open at start (`lectern FILE`). Without one, the most recent file is opened, or
    /// a new speech from the default template.
    pub initial_path: Option<PathBuf>,
    /// The system locale (e.g. `zh-CN`), for the default interface language.
    pub system_locale: Option<String>,
    /// Where the working copy is autosaved for recovery; `None` turns autosave and the recovery
    /// prompt off.
    pub recovery: Option<RecoveryOptions>,
    /// Say at start that autosave is off when `recovery` is `None` (the real window).
    pub warn_without_recovery: bool,
    /// Where the editor's clock comes from.
    pub clock: PassClock,
    /// Write saves on a worker thread (the real window), so no frame waits for the disk.
    pub background_saves: bool,
}

/// The clock the editor's timed work (autosave) runs by.
///
/// egui's input time only moves in passes that draw: while the window is minimised, eframe runs
/// `App::logic` alone and leaves the input (and its time) as it was. A clock read from it would
/// stand still, and no autosave would ever come due. The real window therefore uses
/// [`PassClock::Monotonic`].
#[derive(Clone, Copy, Debug)]
pub enum PassClock {
    /// Seconds since this instant, read from the system's monotonic clock on every pass.
    Monotonic(std::time::Instant),
    /// egui's input time: what tests and benchmarks that simulate time use.
    Input,
}

impl PassClock {
    /// A monotonic clock starting now.
    pub fn monotonic() -> Self {
        Self::Monotonic(std::time::Instant::now())
    }

    /// The time of this pass, in seconds.
    fn now_secs(self, ctx: &Context) -> f64 {
        match self {
            Self::Monotonic(start) => start.elapsed().as_secs_f64(),
            Self::Input => ctx.input(|i| i.time),
        }
    }
}

/// The editor window: the editor, the views' state, and what the views sent.
pub struct LecternApp {
    editor: Editor,
    view: ViewState,
    tx: Sender,
    dialogs: Box<dyn WindowDialogs>,
    opener: Box<dyn SystemOpener>,
    /// The time of the current pass, in seconds (by `clock`).
    now_secs: f64,
    clock: PassClock,
    allow_close: bool,
    title_sent: Option<String>,
    theme_applied: Option<ThemeChoice>,
    zoom_applied: Option<f32>,
    /// Whether the window was fitted to the monitor (once, when its size is known).
    fitted: bool,
    /// The start-up benchmark's first-frame times (`LECTERN_FIRST_FRAME_FILE`).
    first_frame: super::startup::FirstFrameReport,
    /// The system locale, for the template of a new speech under an English interface.
    system_locale: Option<String>,
}

/// The largest share of the monitor a window opens at.
const FIT_SHARE: f32 = 0.85;

/// The size the window should take so that it fits `monitor` (at most 85% of it each way, and
/// never larger than it was), or `None` when `inner` fits already.
pub fn fit_window(inner: egui::Vec2, monitor: egui::Vec2) -> Option<egui::Vec2> {
    if monitor.x <= 0.0 || monitor.y <= 0.0 {
        return None;
    }
    let limit = monitor * FIT_SHARE;
    let fitted = inner.min(limit).max(egui::vec2(640.0, 400.0).min(monitor));
    (fitted != inner).then_some(fitted)
}

/// The template a new speech starts from for this interface language: Traditional script for a
/// 繁體 interface, Simplified for 简体, and for English whatever the system locale reads.
pub fn template_for(lang: UiLanguage, system_locale: Option<&str>) -> String {
    let traditional = match lang {
        UiLanguage::ZhHant => true,
        UiLanguage::ZhHans => false,
        UiLanguage::En => UiLanguage::from_locale(system_locale) == UiLanguage::ZhHant,
    };
    crate::template::default_template_id(traditional)
}

impl LecternApp {
    /// The editor with `options`: opens the initial file, the most recent one, or a new speech.
    pub fn new(options: AppOptions) -> Self {
        let lang = options
            .prefs
            .language
            .unwrap_or_else(|| UiLanguage::from_locale(options.system_locale.as_deref()));
        let mut dialogs = options.dialogs;
        let mut opener = options.opener;
        dialogs.set_language(lang);
        let initial_path = options.initial_path.or_else(|| {
            options
                .prefs
                .recent
                .first()
                .filter(|path| path.is_file())
                .cloned()
        });
        let editor = Editor::new(
            EditorOptions {
                initial_path,
                recovery: options.recovery,
                recent: options.prefs.recent.clone(),
                warn_without_recovery: options.warn_without_recovery,
                background_saves: options.background_saves,
                template: Some(template_for(lang, options.system_locale.as_deref())),
                print_folder: None,
            },
            &mut Env::new(0.0, dialogs.as_mut()).with_opener(opener.as_mut()),
        );
        let view = ViewState {
            lang,
            prefs: options.prefs,
            scroll_to: Some(Part::Title),
            ..ViewState::default()
        };
        Self {
            editor,
            view,
            tx: Sender::default(),
            dialogs,
            opener,
            now_secs: 0.0,
            clock: options.clock,
            allow_close: false,
            title_sent: None,
            theme_applied: None,
            zoom_applied: None,
            fitted: false,
            first_frame: Default::default(),
            system_locale: options.system_locale,
        }
    }

    /// The same editor, but its first frame writes no start-up time (`LECTERN_FIRST_FRAME_FILE`):
    /// the headless frame of the start-up warm-up is not the window's.
    pub(super) fn without_first_frame_report(mut self) -> Self {
        self.first_frame = super::startup::FirstFrameReport::done();
        self
    }

    /// The editor.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The window's own state.
    pub fn view_state(&self) -> &ViewState {
        &self.view
    }

    /// The interface language.
    pub fn language(&self) -> UiLanguage {
        self.view.lang
    }

    /// The remembered preferences (the recent files are the editor's).
    pub fn prefs(&self) -> UiPrefs {
        UiPrefs {
            recent: self.editor.recent().to_vec(),
            language: Some(self.view.lang),
            ..self.view.prefs.clone()
        }
    }

    /// Queues an intent as a view would; it is applied in the next logic pass.
    pub fn send(&self, intent: Intent) {
        self.tx.send(intent);
    }

    /// The window title: the file name (or "Untitled"), with a `●` in front while modified.
    pub fn window_title(&self) -> String {
        let name = self
            .editor
            .path()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| tr(self.view.lang, Msg::Untitled).to_string());
        let marker = if self.editor.is_modified() {
            "● "
        } else {
            ""
        };
        format!("{marker}{name} — Lectern")
    }

    /// One logic pass: shortcuts, dropped files and the close button become intents; every
    /// intent is applied; the editor's timed work runs. Called on every pass, drawn or not.
    pub fn logic_pass(&mut self, ctx: &Context) {
        self.now_secs = self.clock.now_secs(ctx);
        self.shortcuts(ctx);
        self.dropped_files(ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.tx.action(Action::CloseRequested);
        }
        let mut viewport = Vec::new();
        self.apply_sent(&mut viewport);
        let mut env =
            Env::new(self.now_secs, self.dialogs.as_mut()).with_opener(self.opener.as_mut());
        if let Some(secs) = self.editor.tick(&mut env) {
            ctx.request_repaint_after(Duration::from_secs_f64(secs.max(0.0)));
        }
        let effects = self.editor.take_effects();
        self.handle_effects(effects, &mut viewport);
        self.window_hooks(ctx, viewport);
    }

    /// Applies everything the views sent, in order (an action's effects may send more).
    fn apply_sent(&mut self, viewport: &mut Vec<ViewportCommand>) {
        loop {
            let intents = self.tx.take();
            if intents.is_empty() {
                break;
            }
            for intent in intents {
                match intent {
                    Intent::Command(command) => self.run_command(command, viewport),
                    Intent::Action(action) => self.apply_action(action, viewport),
                    Intent::View(action) => self.apply_view_action(action),
                }
            }
        }
    }

    /// Runs a command of the table: an editor action, or a change of the window.
    fn run_command(&mut self, command: Command, viewport: &mut Vec<ViewportCommand>) {
        if !command.is_enabled(&self.editor, &self.view) {
            return;
        }
        if let Some(action) = command.action() {
            if command == Command::Find {
                self.view.focus_find = true;
            }
            self.apply_action(action, viewport);
            return;
        }
        match command {
            Command::ToggleOutline if self.editor.compare().is_some() => {
                self.view.compare_panels.outline = !self.view.compare_panels.outline;
            }
            Command::ToggleDrafts if self.editor.compare().is_some() => {
                self.view.compare_panels.drafts = !self.view.compare_panels.drafts;
            }
            Command::ToggleOutline => self.view.prefs.show_outline = !self.view.prefs.show_outline,
            Command::ToggleDrafts => self.view.prefs.show_drafts = !self.view.prefs.show_drafts,
            Command::Language(lang) => {
                self.view.lang = lang;
                self.view.prefs.language = Some(lang);
                let template = template_for(lang, self.system_locale.as_deref());
                self.apply_action(Action::PreferTemplate(template), viewport);
            }
            Command::Theme(theme) => self.view.prefs.theme = theme,
            Command::ZoomIn | Command::ZoomOut => {
                let larger = command == Command::ZoomIn;
                self.view.prefs.zoom =
                    super::prefs::zoom_step(self.view.prefs.zoom_factor(), larger);
            }
            Command::ZoomReset => self.view.prefs.zoom = 1.0,
            Command::ToggleParagraphSpacing => {
                self.view.prefs.paragraph_spacing = !self.view.prefs.paragraph_spacing;
            }
            Command::CommandPalette => {
                self.view.palette = Default::default();
                self.view.window_dialog = Some(WindowDialog::Palette);
            }
            Command::Shortcuts => self.view.window_dialog = Some(WindowDialog::Shortcuts),
            Command::About => self.view.window_dialog = Some(WindowDialog::About),
            Command::New
            | Command::Open
            | Command::Save
            | Command::SaveAs
            | Command::ImportText
            | Command::Export
            | Command::Print
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::Find
            | Command::FindNext
            | Command::FindPrev
            | Command::ReplaceOne
            | Command::ReplaceAll
            | Command::AddSection
            | Command::SaveDraft
            | Command::CompareDrafts
            | Command::ImportAsDraft
            | Command::MergeReviews
            | Command::ResolveConflicts
            | Command::NextChange
            | Command::PrevChange
            | Command::CloseCompare
            | Command::ToggleProofing => {}
        }
    }

    fn apply_action(&mut self, action: Action, viewport: &mut Vec<ViewportCommand>) {
        self.dialogs.set_language(self.view.lang);
        let mut env =
            Env::new(self.now_secs, self.dialogs.as_mut()).with_opener(self.opener.as_mut());
        let effects = self.editor.apply(action, &mut env);
        self.handle_effects(effects, viewport);
    }

    /// Does what the editor asked of the views.
    fn handle_effects(&mut self, effects: Vec<Effect>, viewport: &mut Vec<ViewportCommand>) {
        for effect in effects {
            match effect {
                Effect::DocumentReplaced => {
                    self.view.collapsed.clear();
                    self.view.buffers_rev = None;
                    self.view.scroll_to = Some(Part::Title);
                }
                Effect::Reveal(part) => {
                    self.view.collapsed.remove(&part);
                    self.view.scroll_to = Some(part);
                }
                Effect::Focus(field) => self.view.focus = Some(field),
                Effect::Select { field, range } => self.view.select = Some((field, range)),
                Effect::RevealChange => self.view.diff.scroll_to_current = true,
                Effect::PickCompareSide => self.view.diff.open_picker = true,
                Effect::CloseWindow => {
                    self.allow_close = true;
                    viewport.push(ViewportCommand::Close);
                }
                Effect::CancelClose => viewport.push(ViewportCommand::CancelClose),
            }
        }
    }

    fn apply_view_action(&mut self, action: ViewAction) {
        match action {
            ViewAction::JumpTo(part) => {
                self.view.collapsed.remove(&part);
                self.view.scroll_to = Some(part);
            }
            ViewAction::JumpToNotes => self.view.scroll_to_notes = true,
            ViewAction::TogglePane(part) => {
                if !self.view.collapsed.remove(&part) {
                    self.view.collapsed.insert(part);
                }
            }
            ViewAction::CloseWindowDialog => self.view.window_dialog = None,
            ViewAction::SetPaletteQuery(query) => {
                if self.view.palette.query != query {
                    self.view.palette.query = query;
                    self.view.palette.selected = 0;
                }
            }
            ViewAction::MovePaletteSelection(by) => {
                let count = super::palette::matching(&self.view.palette.query, self.view.lang)
                    .len()
                    .max(1);
                let selected = self.view.palette.selected as isize + by;
                self.view.palette.selected = selected.rem_euclid(count as isize) as usize;
            }
        }
    }

    /// Turns shortcuts into commands before any text field sees the keys. The editor owns
    /// Ctrl+Z (and Ctrl+Shift+Z, Ctrl+Y): they undo the whole document, even while a text
    /// field has focus, and the field's own undo never sees them.
    fn shortcuts(&mut self, ctx: &Context) {
        let modal = self.editor.dialog().is_some() || self.view.window_dialog.is_some();
        let table = Command::shortcut_table();
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for (shortcut, command) in &table {
                if i.consume_shortcut(shortcut) {
                    fired.push(*command);
                }
            }
        });
        if modal {
            // A dialog is open: only its own buttons act (the keys are taken from its fields).
            return;
        }
        for command in fired {
            self.tx.command(command);
        }
    }

    fn dropped_files(&mut self, ctx: &Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.tx.action(Action::OpenPath(path));
        }
    }

    fn window_hooks(&mut self, ctx: &Context, viewport: Vec<ViewportCommand>) {
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        if self.theme_applied != Some(self.view.prefs.theme) {
            ctx.set_theme(match self.view.prefs.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.theme_applied = Some(self.view.prefs.theme);
        }
        let zoom = self.view.prefs.zoom_factor();
        if self.zoom_applied != Some(zoom) {
            // The command table owns Ctrl+= / Ctrl+- / Ctrl+0 (and remembers the zoom).
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_zoom_factor(zoom);
            self.zoom_applied = Some(zoom);
        }
        if !self.fitted {
            let (inner, monitor, maximized) = ctx.input(|i| {
                let viewport = i.viewport();
                (
                    viewport.inner_rect.map(|r| r.size()),
                    viewport.monitor_size,
                    viewport.maximized == Some(true) || viewport.fullscreen == Some(true),
                )
            });
            if let (Some(inner), Some(monitor)) = (inner, monitor) {
                self.fitted = true;
                if !maximized && let Some(size) = fit_window(inner, monitor) {
                    ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
                }
            }
        }
        for command in viewport {
            ctx.send_viewport_cmd(command);
        }
    }

    /// One frame of the whole window: menus, outline, panes, drafts, status bar and dialogs.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        self.view.sync_buffers(&self.editor);
        let mut view = View {
            ed: &self.editor,
            state: &mut self.view,
            tx: &self.tx,
        };
        view.window_ui(ui);
        if !self.tx.is_empty() {
            ui.ctx().request_repaint();
        }
        self.first_frame.frame_drawn(ui.ctx());
    }

    /// A logic pass and a frame, as eframe runs them (for tests and benchmarks).
    pub fn pass_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.logic_pass(&ctx);
        self.frame_ui(ui);
    }
}

impl View<'_> {
    /// The whole window.
    fn window_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_part_labels();
        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if self.ed.find().open {
            egui::Panel::top("find_bar").show(ui, |ui| self.find_bar_ui(ui));
        }
        let comparing = self.ed.compare().is_some();
        if !comparing {
            // Opening the compare view again starts with the panels closed.
            self.state.compare_panels = Default::default();
        }
        let (show_outline, show_drafts) = self.state.panels_shown(comparing);
        if show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| self.outline_ui(ui));
        }
        if self.ed.proofing().open {
            egui::Panel::right("proofing")
                .resizable(true)
                .default_size(300.0)
                .min_size(220.0)
                .show(ui, |ui| self.proofing_ui(ui));
        }
        if show_drafts {
            egui::Panel::right("drafts")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| self.drafts_ui(ui));
        }
        if comparing {
            egui::CentralPanel::default().show(ui, |ui| self.diff_view_ui(ui));
        } else {
            egui::CentralPanel::default().show(ui, |ui| self.panes_ui(ui));
        }
        self.dialogs_ui(&ctx);
        self.notice_ui(&ctx);
        self.drop_overlay_ui(&ctx);
    }

    fn drop_overlay_ui(&self, ctx: &Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        egui::Area::new(egui::Id::unique("drop_overlay"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.heading(tr(self.lang(), Msg::DropToOpen));
                });
            });
    }
}

impl eframe::App for LecternApp {
    fn logic(&mut self, ctx: &Context, _frame: &mut eframe::Frame) {
        self.first_frame.pass_begins(ctx);
        self.logic_pass(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let first = !self.first_frame.first_frame_drawn();
        self.frame_ui(ui);
        if first {
            // With the first frame drawn, the system's fonts can be looked through in the
            // background (for a rare character later), no longer competing with the start.
            super::fonts::start_system_font_search();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UiPrefs::STORAGE_KEY, &self.prefs());
    }

    fn persist_egui_memory(&self) -> bool {
        // Only window geometry and the preferences are remembered, never text-field contents.
        false
    }
}
