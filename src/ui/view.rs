//! What every view gets: the editor to read ([`View::ed`]), its own state to keep
//! ([`ViewState`]), and a [`Sender`] for what the writer asks. Views never change the editor;
//! [`LecternApp`](super::LecternApp) applies what they send, in `App::logic`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::editor::{Action, Editor};
use crate::part::{Field, Part};

use super::commands::Command;
use super::i18n::UiLanguage;
use super::prefs::UiPrefs;

/// Something a view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    /// A user command from the command table (menus, shortcuts, buttons, the palette).
    Command(Command),
    /// An editor action with its data (typing, a section's arrows, a dialog's answer…).
    Action(Action),
    /// A change of the window alone.
    View(ViewAction),
}

/// A change of the window alone (nothing of the document).
#[derive(Clone, Debug, PartialEq)]
pub enum ViewAction {
    /// Expand a part and scroll to it.
    JumpTo(Part),
    /// Open the notes pane and scroll to it.
    JumpToNotes,
    /// Collapse or expand a part's pane.
    TogglePane(Part),
    /// Close the window's own dialog (shortcuts, about, the command palette).
    CloseWindowDialog,
    /// Set what the command palette filters by.
    SetPaletteQuery(String),
    /// Move the palette's selection by this many rows.
    MovePaletteSelection(isize),
}

/// A dialog of the window alone (the editor's dialogs are in [`Editor::dialog`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowDialog {
    /// The keyboard shortcuts, grouped by task.
    Shortcuts,
    /// About Lectern.
    About,
    /// Type to filter every command; Enter runs the selected one.
    Palette,
}

/// Where views put what the writer asks for; applied in the next logic pass.
#[derive(Debug, Default)]
pub struct Sender {
    queue: RefCell<Vec<Intent>>,
}

impl Sender {
    /// Sends an intent.
    pub fn send(&self, intent: Intent) {
        self.queue.borrow_mut().push(intent);
    }

    /// Sends an editor action.
    pub fn action(&self, action: Action) {
        self.send(Intent::Action(action));
    }

    /// Sends a command of the command table.
    pub fn command(&self, command: Command) {
        self.send(Intent::Command(command));
    }

    /// Sends a change of the window alone.
    pub fn view(&self, action: ViewAction) {
        self.send(Intent::View(action));
    }

    /// Takes everything sent so far.
    pub fn take(&self) -> Vec<Intent> {
        std::mem::take(&mut *self.queue.borrow_mut())
    }

    /// Whether something waits to be applied.
    pub fn is_empty(&self) -> bool {
        self.queue.borrow().is_empty()
    }
}

/// The command palette's state.
#[derive(Debug, Default)]
pub struct PaletteState {
    /// What the writer typed.
    pub query: String,
    /// The selected row among the filtered commands.
    pub selected: usize,
}

/// The window's own state: what it shows and how, never the document.
#[derive(Debug, Default)]
pub struct ViewState {
    /// The interface language.
    pub lang: UiLanguage,
    /// What is remembered between runs.
    pub prefs: UiPrefs,
    /// The text of each field as the panes edit it, in sync with the editor at `buffers_rev`.
    pub buffers: HashMap<Field, String>,
    /// The editor revision the buffers were filled from.
    pub buffers_rev: Option<u64>,
    /// Collapsed panes.
    pub collapsed: HashSet<Part>,
    /// Scroll the centre column to this part in the next frame.
    pub scroll_to: Option<Part>,
    /// Put the keyboard focus into this field in the next frame.
    pub focus: Option<Field>,
    /// Select this range (bytes) of a field's text in the next frame.
    pub select: Option<(Field, Range<usize>)>,
    /// Give the find bar's query field the focus in the next frame.
    pub focus_find: bool,
    /// The find bar's fields as typed.
    pub find_query: String,
    /// The replacement as typed.
    pub find_replacement: String,
    /// The window's own dialog.
    pub window_dialog: Option<WindowDialog>,
    /// The command palette.
    pub palette: PaletteState,
    /// Open (or close) the details pane in the next frame (the status bar's target link).
    pub open_details: Option<bool>,
    /// Open the notes pane and scroll to it in the next frame (the outline's Notes row).
    pub scroll_to_notes: bool,
    /// The part at the top of the panes' view (the outline marks it); `None` when the notes are.
    pub in_view: Option<Part>,
    /// The section the writer last typed or clicked in (find's "only this section").
    pub last_section: Option<crate::model::SectionId>,
    /// The export preview.
    pub export_preview: Option<super::export_dialog::ExportPreview>,
    /// The Export dialog's size as the writer left it.
    pub export_dialog_size: Option<egui::Vec2>,
    /// The compare view's laid-out text and model.
    pub diff: super::diff_view::DiffViewCache,
    /// The panes' laid-out text, kept between frames.
    pub galleys: super::galleys::FieldGalleys,
    /// Each pane's height when it was last drawn, and what it was drawn for: a pane out of
    /// sight takes that height without being laid out.
    pub pane_heights: HashMap<Part, (super::pane_culling::PaneKey, f32)>,
    /// Where each pane was in the last frame (on screen).
    pub pane_rects: HashMap<Part, egui::Rect>,
    /// Where each section's outline row was in the last frame (its buttons show while the
    /// pointer or the focus is in it).
    pub outline_rows: HashMap<crate::model::SectionId, egui::Rect>,
    /// The parts' titles and lengths as shown.
    pub part_labels: super::outline::PartLabelCache,
    /// The Proofing panel's row heights.
    pub proofing: super::proofing::ProofingViewCache,
    /// The drafts panel's row heights.
    pub draft_rows: super::drafts::DraftRowHeights,
    /// A selection was scrolled to in this frame: the pane does not scroll to its top.
    pub selection_scrolled: bool,
    /// The outline and drafts panels while the compare view is open (both closed when it
    /// opens, so the columns get the width; the panels of [`ViewState::prefs`] are back when it
    /// closes).
    pub compare_panels: ComparePanels,
    /// The Merge reviews dialog's typed texts.
    pub merge: super::merge_dialog::MergeViewState,
}

/// Which side panels show while the compare view is open (none unless the writer opens them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ComparePanels {
    /// The outline.
    pub outline: bool,
    /// The drafts panel.
    pub drafts: bool,
}

impl ViewState {
    /// Whether the outline and the drafts panels show now: while comparing, the compare view's
    /// own choice (closed at first); otherwise the preferences.
    pub fn panels_shown(&self, comparing: bool) -> (bool, bool) {
        if comparing {
            (self.compare_panels.outline, self.compare_panels.drafts)
        } else {
            (self.prefs.show_outline, self.prefs.show_drafts)
        }
    }

    /// Brings the text buffers in line with the editor (after undo, replace, open…).
    pub fn sync_buffers(&mut self, ed: &Editor) {
        if self.buffers_rev == Some(ed.revision()) {
            return;
        }
        self.buffers.clear();
        for field in ed.speech().field_ids() {
            if let Some(text) = ed.speech().field_text(field) {
                self.buffers.insert(field, text);
            }
        }
        self.buffers_rev = Some(ed.revision());
    }
}

/// A view's access: the editor to read, the view's own state, the sender.
pub struct View<'a> {
    /// The editor, read-only.
    pub ed: &'a Editor,
    /// The window's own state.
    pub state: &'a mut ViewState,
    /// Where to send what the writer asks.
    pub tx: &'a Sender,
}

impl View<'_> {
    /// The interface language.
    pub fn lang(&self) -> UiLanguage {
        self.state.lang
    }
}
