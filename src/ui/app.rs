//! The editor: its state, one frame of its window, and eframe's hooks.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use egui::{Context, Ui, ViewportCommand};

use crate::export::{ExportFormat, ExportStyle};
use crate::history::History;
use crate::model::{PartRef, Speech};
use crate::project::{Draft, DraftId, Project};
use crate::stats::{Counts, part_counts, speech_stats};
use crate::template::{DEFAULT_TEMPLATE_ID, new_speech};

use super::autosave::{RecoveryOptions, RecoveryState};
use super::commands::{Command, REDO_ALT_SHORTCUT};
use super::file_dialogs::FileDialogs;
use super::find::FindState;
use super::i18n::{Msg, UiLanguage, tr};
use super::state::{Doc, Field, Pane, ThemeChoice, UiPrefs, field_text, fields};

/// What a change to the document is grouped with for undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditGroup {
    /// Typing in one field.
    Text(Field),
    /// Dragging one section's budget.
    Budget(crate::model::SectionId),
    /// Dragging the target length.
    Target,
    /// Typing in one of the details or the notes.
    Detail(super::details::DetailKind),
}

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Show the template picker.
    New,
    /// Pick a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Pick a text file and import it.
    ImportText,
    /// Close the window.
    Quit,
    /// Restore this offered recovery file.
    RestoreRecovery(PathBuf),
}

/// The dialog on top of the window, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Pick a template for a new speech.
    NewDocument {
        /// The selected template's position in `templates()`.
        selected: usize,
    },
    /// Save the working copy as a draft.
    SaveDraft {
        /// The name typed so far.
        name: String,
        /// The note typed so far.
        note: String,
    },
    /// Rename a draft.
    RenameDraft {
        /// The draft.
        id: DraftId,
        /// The name typed so far.
        name: String,
    },
    /// Export with a live preview.
    Export {
        /// Text or Markdown.
        format: ExportFormat,
        /// Chinese or English layout.
        style: ExportStyle,
    },
    /// Save the changes first?
    Unsaved {
        /// What to do afterwards.
        then: Pending,
    },
    /// The keyboard shortcuts.
    Shortcuts,
    /// About Lectern.
    About,
    /// Recovery files to restore or discard (the offers are in the recovery state).
    Recovery,
    /// The file changed on disk since it was opened: overwrite it?
    ChangedOnDisk {
        /// The document's file.
        path: PathBuf,
        /// What to do once it is saved.
        then: Option<Pending>,
    },
}

/// Which version a side of the comparison shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Version {
    /// The working copy.
    Working,
    /// A draft.
    Draft(DraftId),
}

/// The compare view's two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CompareState {
    /// The left side.
    pub a: Version,
    /// The right side.
    pub b: Version,
}

/// Counts per pane, computed once per document revision.
#[derive(Debug, Default)]
pub(crate) struct StatsCache {
    pub rev: Option<u64>,
    pub panes: HashMap<Pane, Counts>,
    pub total: Counts,
}

/// How to build a [`LecternApp`].
pub struct AppOptions {
    /// The file pickers.
    pub dialogs: Box<dyn FileDialogs>,
    /// What the window remembered from the last run.
    pub prefs: UiPrefs,
    /// A file to open at start (`lectern FILE`). Without one, the most recent file is opened, or
    /// a new speech from the default template.
    pub initial_path: Option<PathBuf>,
    /// The system locale (e.g. `zh-CN`), for the default interface language.
    pub system_locale: Option<String>,
    /// Where the working copy is autosaved for recovery; `None` turns autosave and the
    /// recovery prompt off.
    pub recovery: Option<RecoveryOptions>,
}

/// The editor window's whole state. Builds without a window (for tests and benchmarks).
pub struct LecternApp {
    pub(crate) doc: Doc,
    pub(crate) history: History<Doc, EditGroup>,
    /// Bumped on every change to `doc`.
    pub(crate) rev: u64,
    pub(crate) path: Option<PathBuf>,
    /// The document as last opened or saved; `None` when it was never saved (an import).
    pub(crate) saved: Option<Doc>,
    pub(crate) modified_cache: Option<(u64, bool)>,
    pub(crate) prefs: UiPrefs,
    pub(crate) lang: UiLanguage,
    pub(crate) file_dialogs: Box<dyn FileDialogs>,
    pub(crate) queue: Vec<Command>,
    /// The time of the current frame, in seconds (from egui's input).
    pub(crate) now_secs: f64,
    /// The text of each field as the panes edit it, in sync with `doc` at `buffers_rev`.
    pub(crate) buffers: HashMap<Field, String>,
    pub(crate) buffers_rev: Option<u64>,
    pub(crate) stats: StatsCache,
    pub(crate) collapsed: HashSet<Pane>,
    pub(crate) scroll_to: Option<Pane>,
    pub(crate) focus: Option<Field>,
    pub(crate) find: FindState,
    pub(crate) dialog: Option<Dialog>,
    pub(crate) compare: Option<CompareState>,
    pub(crate) diff_view: super::diff_view::DiffViewState,
    pub(crate) errors: Vec<String>,
    pub(crate) notices: Vec<String>,
    pub(crate) export_preview: Option<(u64, ExportFormat, ExportStyle, String)>,
    pub(crate) viewport_commands: Vec<ViewportCommand>,
    pub(crate) allow_close: bool,
    /// Autosave, recovery offers and the document's disk stamp.
    pub(crate) recovery: RecoveryState,
    title_sent: Option<String>,
    theme_applied: Option<ThemeChoice>,
}

impl LecternApp {
    /// The editor with `options`: opens the initial file, the most recent one, or a new speech.
    /// Errors while opening are shown in the window; the editor then starts with a new speech.
    pub fn new(options: AppOptions) -> Self {
        let lang = options
            .prefs
            .language
            .unwrap_or_else(|| UiLanguage::from_locale(options.system_locale.as_deref()));
        let speech = new_speech(DEFAULT_TEMPLATE_ID).unwrap_or_default();
        let doc = Doc::from_project(Project::new(speech));
        let mut app = Self {
            saved: Some(doc.clone()),
            doc,
            history: History::new(),
            rev: 0,
            path: None,
            modified_cache: None,
            prefs: options.prefs,
            lang,
            file_dialogs: options.dialogs,
            queue: Vec::new(),
            now_secs: 0.0,
            buffers: HashMap::new(),
            buffers_rev: None,
            stats: StatsCache::default(),
            collapsed: HashSet::new(),
            scroll_to: None,
            focus: None,
            find: FindState::default(),
            dialog: None,
            compare: None,
            diff_view: Default::default(),
            errors: Vec::new(),
            notices: Vec::new(),
            export_preview: None,
            viewport_commands: Vec::new(),
            allow_close: false,
            recovery: RecoveryState::new(options.recovery),
            title_sent: None,
            theme_applied: None,
        };
        let start = options.initial_path.or_else(|| {
            app.prefs
                .recent
                .first()
                .filter(|path| path.is_file())
                .cloned()
        });
        if let Some(path) = start {
            app.open_path_now(&path);
        }
        app.startup_recovery();
        app
    }

    /// The working copy.
    pub fn speech(&self) -> &Speech {
        &self.doc.speech
    }

    /// The drafts, oldest first.
    pub fn drafts(&self) -> &[Draft] {
        &self.doc.drafts
    }

    /// The document as a project (what Save writes).
    pub fn project(&self) -> Project {
        self.doc.to_project()
    }

    /// The file the document was opened from or saved to.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The interface language.
    pub fn language(&self) -> UiLanguage {
        self.lang
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &UiPrefs {
        &self.prefs
    }

    /// The errors waiting to be shown, oldest first.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// How many undo steps there are.
    pub fn undo_steps(&self) -> usize {
        self.history.undo_len()
    }

    /// The revision of the document: changes whenever the document does.
    pub fn revision(&self) -> u64 {
        self.rev
    }

    /// Whether the document differs from the file (always true for a never-saved import).
    pub fn is_modified(&mut self) -> bool {
        if let Some((rev, modified)) = self.modified_cache
            && rev == self.rev
        {
            return modified;
        }
        let modified = self
            .saved
            .as_ref()
            .is_none_or(|saved| !saved.same_content(&self.doc));
        self.modified_cache = Some((self.rev, modified));
        modified
    }

    /// Queues a command; it is applied in the next frame (or by [`Self::apply_queued`]).
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Applies every queued command, in order.
    pub fn apply_queued(&mut self) {
        while !self.queue.is_empty() {
            let queued = std::mem::take(&mut self.queue);
            for command in queued {
                self.apply(command);
            }
        }
    }

    /// Brings the text buffers in line with the document (after undo, replace, open…).
    pub(crate) fn sync_buffers(&mut self) {
        if self.buffers_rev == Some(self.rev) {
            return;
        }
        self.buffers.clear();
        for field in fields(&self.doc.speech) {
            if let Some(text) = field_text(&self.doc.speech, field) {
                self.buffers.insert(field, text);
            }
        }
        self.buffers_rev = Some(self.rev);
    }

    /// Recounts the speech if it changed since the last count.
    pub(crate) fn sync_stats(&mut self) {
        if self.stats.rev == Some(self.rev) {
            return;
        }
        let stats = speech_stats(&self.doc.speech, &self.doc.settings);
        self.stats.panes.clear();
        for part in stats.parts {
            let pane = match part.part {
                PartRef::Title => Pane::Title,
                PartRef::Greeting => Pane::Greeting,
                PartRef::Opening => Pane::Opening,
                PartRef::Closing => Pane::Closing,
                PartRef::Section(i) => match self.doc.speech.sections.get(i) {
                    Some(section) => Pane::Section(section.id),
                    None => continue,
                },
            };
            self.stats.panes.insert(pane, part.counts);
        }
        self.stats.total = stats.total;
        self.stats.rev = Some(self.rev);
    }

    /// Counts one pane again after a change to it alone, keeping the other panes' counts.
    pub(crate) fn recount_pane(&mut self, pane: Pane) {
        let part = match pane {
            Pane::Title => PartRef::Title,
            Pane::Greeting => PartRef::Greeting,
            Pane::Opening => PartRef::Opening,
            Pane::Closing => PartRef::Closing,
            Pane::Section(id) => match self.doc.speech.section_index(id) {
                Some(index) => PartRef::Section(index),
                None => return,
            },
        };
        let counts = part_counts(&self.doc.speech, part, &self.doc.settings);
        self.stats.panes.insert(pane, counts);
        let mut total = Counts::default();
        for counts in self.stats.panes.values() {
            total.add(*counts);
        }
        self.stats.total = total;
        self.stats.rev = Some(self.rev);
    }

    /// The counts of a pane (zero for an unknown one).
    pub(crate) fn pane_counts(&self, pane: Pane) -> Counts {
        self.stats.panes.get(&pane).copied().unwrap_or_default()
    }

    /// Whether the speech is in Chinese (counts in characters) rather than English (in words).
    pub(crate) fn chinese_speech(&self) -> bool {
        self.doc.speech.meta.language.is_chinese()
    }

    /// The window title: the file name (or "Untitled"), with a `●` in front while modified.
    pub fn window_title(&mut self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| tr(self.lang, Msg::Untitled).to_string());
        let marker = if self.is_modified() { "● " } else { "" };
        format!("{marker}{name} — Lectern")
    }

    /// Turns shortcuts into commands before any text field sees the keys. The app owns Ctrl+Z
    /// (and Ctrl+Shift+Z, Ctrl+Y): they undo the whole document, even while a text field has
    /// focus, and the field's own undo never sees them.
    fn shortcuts(&mut self, ctx: &Context) {
        if self.dialog.is_some() {
            // A dialog is open: only its own buttons act. Keep undo keys away from its fields.
            ctx.input_mut(|i| {
                i.consume_shortcut(&REDO_ALT_SHORTCUT);
                for command in [Command::Redo, Command::Undo] {
                    if let Some(shortcut) = command.shortcut() {
                        i.consume_shortcut(&shortcut);
                    }
                }
            });
            return;
        }
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&REDO_ALT_SHORTCUT) {
                fired.push(Command::Redo);
            }
            for command in Command::with_shortcuts() {
                if let Some(shortcut) = command.shortcut()
                    && i.consume_shortcut(&shortcut)
                {
                    fired.push(command);
                }
            }
        });
        for command in fired {
            if command.is_enabled(self) {
                self.send(command);
            }
        }
    }

    fn dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.send(Command::OpenPath(path));
        }
    }

    fn window_hooks(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.is_modified()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Pending::Quit,
            });
        }
        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
        if self.theme_applied != Some(self.prefs.theme) {
            ctx.set_theme(match self.prefs.theme {
                ThemeChoice::System => egui::ThemePreference::System,
                ThemeChoice::Light => egui::ThemePreference::Light,
                ThemeChoice::Dark => egui::ThemePreference::Dark,
            });
            self.theme_applied = Some(self.prefs.theme);
        }
        for command in self.viewport_commands.drain(..) {
            ctx.send_viewport_cmd(command);
        }
    }

    /// One frame of the whole window: menus, outline, panes, drafts, status bar and dialogs.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.now_secs = ctx.input(|i| i.time);
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        self.apply_queued();
        self.sync_buffers();
        self.sync_stats();

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if self.find.open {
            egui::Panel::top("find_bar").show(ui, |ui| self.find_bar_ui(ui));
        }
        if self.prefs.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| self.outline_ui(ui));
        }
        if self.prefs.show_drafts {
            egui::Panel::right("drafts")
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| self.drafts_ui(ui));
        }
        if self.compare.is_some() {
            egui::CentralPanel::default().show(ui, |ui| self.diff_view_ui(ui));
        } else {
            egui::CentralPanel::default().show(ui, |ui| self.panes_ui(ui));
        }
        self.dialogs(&ctx);
        self.drop_overlay(&ctx);

        self.apply_queued();
        self.autosave_tick(&ctx);
        self.window_hooks(&ctx);
    }

    fn drop_overlay(&self, ctx: &Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        egui::Area::new(egui::Id::unique("drop_overlay"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.heading(tr(self.lang, Msg::DropToOpen));
                });
            });
    }
}

impl eframe::App for LecternApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UiPrefs::STORAGE_KEY, &self.prefs);
    }

    fn persist_egui_memory(&self) -> bool {
        // Only window geometry and the preferences are remembered, never text-field contents.
        false
    }
}
