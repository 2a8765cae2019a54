//! The editor without a window: the document, its history, its file, find, the comparison,
//! recovery, the open dialog and the messages to show.
//!
//! The flow is one way round:
//!
//! 1. views (in `ui`, or a test) read `&Editor` and **send** [`Action`]s;
//! 2. [`Editor::apply`] carries each out — the only place the editor changes — and returns
//!    [`Effect`]s for the views (scroll here, focus there);
//! 3. [`Editor::tick`] does timed work (autosave) and is called on every pass of the window,
//!    drawn or not (minimised), so a crash never loses more than a few seconds of typing.
//!
//! The clock and the file pickers come in through [`Env`], so all of it runs in tests.

mod action;
mod apply;
pub mod compare;
mod dialog;
mod doc;
mod env;
#[cfg(test)]
mod everyday_tests;
mod export_dialog;
#[cfg(test)]
mod export_tests;
mod files;
mod find;
mod import_preview;
#[cfg(test)]
mod import_preview_tests;
mod merging;
#[cfg(test)]
mod merging_tests;
mod message;
mod notice;
mod proofing;
#[cfg(test)]
mod proofing_tests;
mod recovery;
#[cfg(test)]
mod review_tests;
mod saving;
#[cfg(test)]
mod saving_tests;
#[cfg(test)]
mod tests;

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::history::History;
use crate::model::Speech;
use crate::part::Part;
use crate::project::{Draft, Project};
use crate::stats::{Counts, part_counts, speech_stats};
use crate::template::{DEFAULT_TEMPLATE_ID, new_speech};

pub use action::{Action, Effect};
pub use compare::{CompareSides, CompareState, DiffMode, DiffSettings, Version};
pub use dialog::{Dialog, DiskAnswer, PathTask, Pending, Resolution};
pub use doc::{Detail, DetailKind, Doc, Edit, EditGroup, Taken};
pub use env::{
    DesktopOpener, DialogCall, Env, FileDialogs, FilePurpose, NoOpener, RecordingOpener,
    ScriptedDialogs, SystemOpener,
};
pub use export_dialog::{
    ExportDialog, ExportKind, LayoutOption, LayoutOptions, default_layout, printed_bytes,
};
pub use find::{FindOptions, FindState, Match, find_in, find_with};
pub use import_preview::{ImportPreviewDialog, REVIEWER_DRAFT};
pub use merging::{MergeDialog, MergeInput, MergeOutcome, MergeSlot, MergeSource, ResolveDialog};
pub use message::{Message, OpenWhat};
pub use notice::{NOTICE_SECS, Notice, UNDO_NOTICE_SECS};
pub use proofing::{ProofState, finding_range};
pub use recovery::{RecoveryOffer, RecoveryOptions};

/// Counts per part, kept up to date as the document changes.
#[derive(Debug, Default)]
struct StatsCache {
    rev: Option<u64>,
    parts: HashMap<Part, Counts>,
    total: Counts,
}

/// The revision at which each part last changed, as far as edits of one field's text tell.
#[derive(Debug, Default)]
struct PartRevisions {
    /// The editor revision these are complete up to (behind it: every part may have changed).
    at: u64,
    /// The revision of the last change that was not to one field's text.
    all: u64,
    /// The revision of each part's last edit of one field's text, since `all`.
    typed: HashMap<Part, u64>,
}

/// How to start an [`Editor`].
#[derive(Default)]
pub struct EditorOptions {
    /// A file to open at start; without one, a new speech from the default template.
    pub initial_path: Option<PathBuf>,
    /// Where the working copy is autosaved for recovery; `None` turns autosave off.
    pub recovery: Option<RecoveryOptions>,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Say at start that autosave is off when there is no recovery folder (the real window;
    /// tests run without one and without the notice).
    pub warn_without_recovery: bool,
    /// The template new speeches start from (the window's choice for its interface language);
    /// `None`: [`DEFAULT_TEMPLATE_ID`].
    pub template: Option<String>,
    /// Write saves on a worker thread, collected by [`Editor::tick`] (the window). Without it
    /// each save is written before [`Editor::apply`] returns (tests, scripts).
    pub background_saves: bool,
    /// Where Print writes its PDF; `None`: `lectern-print` in the system's temporary folder.
    pub print_folder: Option<PathBuf>,
}

/// The whole editor's state, without a window.
pub struct Editor {
    doc: Doc,
    history: History<Doc, EditGroup>,
    /// Bumped on every change to `doc`.
    rev: u64,
    path: Option<PathBuf>,
    /// The document as last opened or saved; `None` when it was never saved (an import).
    saved: Option<Doc>,
    modified_cache: Cell<Option<(u64, bool)>>,
    recent: Vec<PathBuf>,
    stats: StatsCache,
    part_revs: PartRevisions,
    find: FindState,
    proof: ProofState,
    compare: Option<CompareState>,
    /// Compare settings kept between comparisons.
    diff_settings: DiffSettings,
    dialog: Option<Dialog>,
    messages: Vec<Message>,
    /// The notice shown, and when it was shown.
    notice: Option<notice::ShownNotice>,
    /// The Export dialog's last choices.
    last_export: Option<export_dialog::LastExport>,
    print_folder: Option<PathBuf>,
    recovery: recovery::RecoveryState,
    /// Saves being written or waiting.
    saving: saving::SaveQueue,
    /// The effects of the action being applied.
    effects: Vec<Effect>,
    /// The time of the current call, in seconds.
    now_secs: f64,
    wall: chrono::DateTime<chrono::Utc>,
    /// The template new speeches start from, and the one the template picker selects first.
    template: String,
}

/// How often a running save is looked at, in seconds.
const SAVE_POLL_SECS: f64 = 0.02;

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

impl Editor {
    /// The editor with `options`: opens the initial file or a new speech, then scans the
    /// recovery folder (offering what a crash left). Errors become messages.
    pub fn new(options: EditorOptions, env: &mut Env) -> Self {
        let template = options
            .template
            .clone()
            .unwrap_or_else(|| DEFAULT_TEMPLATE_ID.to_string());
        let speech = new_speech(&template)
            .or_else(|_| new_speech(DEFAULT_TEMPLATE_ID))
            .unwrap_or_default();
        let doc = Doc::from_project(Project::new(speech));
        let mut editor = Self {
            saved: Some(doc.clone()),
            doc,
            history: History::new(),
            rev: 0,
            path: None,
            modified_cache: Cell::new(None),
            recent: options.recent,
            stats: StatsCache::default(),
            part_revs: PartRevisions::default(),
            find: FindState::default(),
            proof: ProofState::default(),
            compare: None,
            diff_settings: DiffSettings::default(),
            dialog: None,
            messages: Vec::new(),
            notice: None,
            last_export: None,
            print_folder: options.print_folder,
            recovery: recovery::RecoveryState::new(options.recovery.clone()),
            saving: saving::SaveQueue::new(options.background_saves),
            effects: Vec::new(),
            now_secs: env.now_secs,
            wall: env.wall,
            template,
        };
        if let Some(path) = options.initial_path {
            editor.open_path_now(&path);
        }
        if options.warn_without_recovery && !editor.autosave_on() {
            editor.report(Message::AutosaveOff);
        }
        editor.startup_recovery();
        editor.refresh();
        editor.effects.clear();
        editor
    }

    /// The template new speeches start from.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// The document (working copy, drafts, settings).
    pub fn doc(&self) -> &Doc {
        &self.doc
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
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Recently opened or saved files, newest first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The revision of the document: changes whenever the document does.
    pub fn revision(&self) -> u64 {
        self.rev
    }

    /// The revision at which a part may last have changed: it stays the same while the writer
    /// types elsewhere, and is the document's [`revision`](Self::revision) after any other
    /// change (undo, a moved section…). A view can keep what it made of a part while it stays.
    pub fn part_revision(&self, part: Part) -> u64 {
        let revs = &self.part_revs;
        if revs.at != self.rev {
            return self.rev;
        }
        revs.typed.get(&part).copied().unwrap_or(0).max(revs.all)
    }

    /// How many undo steps there are.
    pub fn undo_steps(&self) -> usize {
        self.history.undo_len()
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The dialog that is up.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The messages waiting to be shown, oldest first.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The find bar's state.
    pub fn find(&self) -> &FindState {
        &self.find
    }

    /// The comparison, while the compare view is open.
    pub fn compare(&self) -> Option<&CompareState> {
        self.compare.as_ref()
    }

    /// The recovery files on offer.
    pub fn offers(&self) -> &[RecoveryOffer] {
        &self.recovery.offers
    }

    /// Whether the document differs from its file (always true for a never-saved import).
    pub fn is_modified(&self) -> bool {
        if let Some((rev, modified)) = self.modified_cache.get()
            && rev == self.rev
        {
            return modified;
        }
        let modified = self
            .saved
            .as_ref()
            .is_none_or(|saved| !saved.same_file(&self.doc));
        self.modified_cache.set(Some((self.rev, modified)));
        modified
    }

    /// Whether the speech is in Chinese (counts in characters) rather than English (in words).
    pub fn chinese_speech(&self) -> bool {
        self.doc.speech.meta.language.is_chinese()
    }

    /// The counts of a part (zero for an unknown one).
    pub fn part_counts(&self, part: Part) -> Counts {
        self.stats.parts.get(&part).copied().unwrap_or_default()
    }

    /// The counts of the whole speech.
    pub fn total_counts(&self) -> Counts {
        self.stats.total
    }

    /// Does timed work: collects a save written in the background (then does what waited for
    /// it), writes the recovery file when it is due, and takes down a notice whose time
    /// is up. Returns how many seconds until it should
    /// be called again (`None`: nothing is waiting). Effects it caused are in
    /// [`Editor::take_effects`].
    pub fn tick(&mut self, env: &mut Env) -> Option<f64> {
        self.now_secs = env.now_secs;
        self.wall = env.wall;
        let saving = self.finish_saves(false, env);
        let autosave = self.autosave_tick();
        let next = [autosave, self.notice_tick()]
            .into_iter()
            .flatten()
            .reduce(f64::min);
        if saving {
            // Look again soon for the save's result.
            Some(next.map_or(SAVE_POLL_SECS, |secs| secs.min(SAVE_POLL_SECS)))
        } else {
            next
        }
    }

    /// What the views should do after timed work: a save that finished and let the window
    /// close, or opened what waited for it. Taken by the window after each [`Editor::tick`].
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Carries out one action and returns what the views should do about it.
    pub fn apply(&mut self, action: Action, env: &mut Env) -> Vec<Effect> {
        self.now_secs = env.now_secs;
        self.wall = env.wall;
        self.run(action, env);
        self.refresh();
        std::mem::take(&mut self.effects)
    }

    /// Brings what is derived from the document up to date: counts, find matches, proofing,
    /// the comparison.
    fn refresh(&mut self) {
        self.sync_stats();
        self.find.refresh(&self.doc.speech, self.rev);
        self.refresh_proofing();
        if let Some(compare) = &mut self.compare {
            compare.refresh(&self.doc, self.rev);
        }
    }

    /// Changes the document with one edit and records it for undo (grouped with a burst of the
    /// same kind of edit). Returns whether the document changed.
    fn change(&mut self, edit: Edit) -> bool {
        let group = edit.group();
        let field = match &edit {
            Edit::SetField { field, .. } => Some(*field),
            _ => None,
        };
        let before = self.doc.clone();
        if !self.doc.apply(edit) {
            return false;
        }
        // An undo would now undo this change, not what the notice offers to bring back.
        self.drop_undo_notice();
        let stats_in_sync = self.stats.rev == Some(self.rev);
        self.history
            .record(&before, &self.doc, group, self.now_secs);
        self.rev += 1;
        if field.is_none()
            && before.speech == self.doc.speech
            && before.settings == self.doc.settings
        {
            // Only the drafts (or what is kept of a comparison) changed: what was made of the
            // speech — panes laid out, counts, proofing — stays good. (A save adds an automatic
            // draft; the frame after it must not lay the whole speech out again.)
            self.keep_speech_caches(stats_in_sync);
            return true;
        }
        self.proof.note_change(self.rev - 1, self.rev, field);
        let revs = &mut self.part_revs;
        match field {
            Some(field) if revs.at + 1 == self.rev => {
                revs.typed.insert(field.part(), self.rev);
            }
            _ => {
                revs.typed.clear();
                revs.all = self.rev;
            }
        }
        revs.at = self.rev;
        // Typing changes one part: count only that one again.
        if let Some(field) = field
            && stats_in_sync
        {
            self.recount(field.part());
        }
        true
    }

    /// After a change that left the speech and the settings as they were: carries what was up
    /// to date with the revision before it over to this one.
    fn keep_speech_caches(&mut self, stats_in_sync: bool) {
        let (from, to) = (self.rev - 1, self.rev);
        self.proof.note_unchanged(from, to);
        if self.part_revs.at == from {
            self.part_revs.at = to;
        }
        if stats_in_sync {
            self.stats.rev = Some(to);
        }
    }

    /// Puts a whole other document state in place (undo, redo).
    fn replace_doc(&mut self, doc: Doc) {
        self.doc = doc;
        self.rev += 1;
        self.find.current = None;
    }

    fn sync_stats(&mut self) {
        if self.stats.rev == Some(self.rev) {
            return;
        }
        let stats = speech_stats(&self.doc.speech, &self.doc.settings);
        self.stats.parts.clear();
        for part in stats.parts {
            self.stats.parts.insert(part.part, part.counts);
        }
        self.stats.total = stats.total;
        self.stats.rev = Some(self.rev);
    }

    fn recount(&mut self, part: Part) {
        let counts = part_counts(&self.doc.speech, part, &self.doc.settings);
        self.stats.parts.insert(part, counts);
        let mut total = Counts::default();
        for counts in self.stats.parts.values() {
            total.add(*counts);
        }
        self.stats.total = total;
        self.stats.rev = Some(self.rev);
    }

    fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    fn report(&mut self, message: Message) {
        self.messages.push(message);
    }
}
