//! Everything that can change the editor, as values ([`Action`]), and what the window should do
//! after one was applied ([`Effect`]).

use std::ops::Range;
use std::path::PathBuf;

use crate::import::LineMark;
use crate::model::SectionId;
use crate::part::{Field, Part};
use crate::project::DraftId;
use crate::proof::{CheckId, Finding};

use super::compare::{CompareSides, DiffSettings};
use super::dialog::{Dialog, DiskAnswer, Resolution};
use super::doc::Edit;
use super::export_dialog::ExportDialog;
use super::merging::{MergeSlot, MergeSource};
use crate::diff::review::PartKey;
use crate::merge::ConflictChoice;

/// One thing the writer (or the window on the writer's behalf) asks of the editor. Applied by
/// [`Editor::apply`](super::Editor::apply), the one place the editor changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // ---- File
    /// Start a new speech: asks about unsaved changes, then shows the template picker.
    New,
    /// Replace the document with a new speech from the template with this id.
    NewFromTemplate(String),
    /// Start new speeches from this template (the window's choice for its interface language:
    /// the picker selects it first).
    PreferTemplate(String),
    /// Pick a file to open (asks about unsaved changes first).
    Open,
    /// Open this file (asks about unsaved changes first).
    OpenPath(PathBuf),
    /// Save to the current file (or ask for one).
    Save,
    /// Save to a file picked now.
    SaveAs,
    /// Pick a text or Markdown file and import it as a new, unsaved speech.
    ImportText,
    /// Show the export dialog.
    Export,
    /// Export with these choices to a file picked now.
    ExportToFile(ExportDialog),
    /// Write a PDF in the last used layout (or the language's) to a temporary folder and open
    /// it in the system's viewer.
    Print,
    /// Open the folder of this file in the system's file manager.
    OpenFolder(PathBuf),
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// The window's close button was pressed.
    CloseRequested,

    // ---- Edit
    /// Undo the last change to the document.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Change the document (one undo step, or part of a burst of typing).
    Edit(Edit),
    /// Add an empty section at the end (and put the cursor in its heading).
    AddSection,
    /// Move a section one place up.
    MoveSectionUp(SectionId),
    /// Move a section one place down.
    MoveSectionDown(SectionId),

    // ---- Find
    /// Open the find bar.
    Find,
    /// Close the find bar.
    CloseFind,
    /// Set what to look for.
    SetFindQuery(String),
    /// Set what to put instead.
    SetReplacement(String),
    /// Set how to match (case, whole words, one section).
    SetFindOptions(super::find::FindOptions),
    /// Go to the next match.
    FindNext,
    /// Go to the previous match.
    FindPrev,
    /// Replace the current match (one undo step) and go to the next.
    ReplaceOne,
    /// Replace every match (one undo step).
    ReplaceAll,

    // ---- Proofing
    /// Open or close the Proofing panel.
    ToggleProofing,
    /// Show a finding: reveal its part and select its text.
    GoToFinding(Finding),
    /// Apply a finding's fix (one undo step).
    FixFinding(Finding),
    /// Hide a finding while the text around it stays the same.
    IgnoreFinding(Finding),
    /// Fix every shown finding of one check (one undo step).
    FixAll(CheckId),

    // ---- Drafts
    /// Ask for a name and note, then save the working copy as a draft.
    SaveDraft,
    /// Save the working copy as a draft with this name and note.
    SaveDraftNamed {
        /// The draft's name (the window sends its default name for an empty field).
        name: String,
        /// An optional note.
        note: Option<String>,
    },
    /// Ask for a new name for a draft.
    RenameDraft(DraftId),
    /// Give a draft a new name.
    RenameDraftTo {
        /// The draft.
        id: DraftId,
        /// Its new name.
        name: String,
    },
    /// Delete a draft (undoable).
    DeleteDraft(DraftId),
    /// Make a draft the working copy (the working copy is kept as an automatic draft first).
    RestoreDraft(DraftId),
    /// Open the compare view: the most recent draft that differs from the working copy (named
    /// drafts first) against the working copy.
    CompareDrafts,
    /// Pick a reviewer's copy (text or Markdown), add it as a draft and compare it.
    ImportAsDraft,
    /// Open the Merge reviews dialog (the working copy as the base).
    MergeReviews,
    /// Put a version in a slot of the Merge reviews dialog (a file with an empty path: pick one
    /// now) and merge again.
    SetMergeInput {
        /// Which version.
        slot: MergeSlot,
        /// Where it comes from.
        source: MergeSource,
    },
    /// Resolve one conflict of the merge (or reopen it).
    ChooseConflict {
        /// Its position in the merge's conflicts.
        index: usize,
        /// How.
        choice: ConflictChoice,
    },
    /// The merge becomes the working copy (one undo step), the base kept as a draft.
    AcceptMerge {
        /// The name of the draft that keeps the base (in the interface language).
        base_name: String,
    },
    /// Open the Resolve merge conflicts dialog on the conflicts a merge left in the document.
    ResolveConflicts,
    /// Apply the Resolve merge conflicts dialog's choices (one undo step); undecided conflicts
    /// stay in the document.
    AcceptResolution,

    // ---- Compare view
    /// Go to the next change (wraps around).
    NextChange,
    /// Go to the previous change (wraps around).
    PrevChange,
    /// Go to the change at this position of the list of changes.
    GoToChange(usize),
    /// Keep a change of the working copy (marks it accepted).
    AcceptChange {
        /// The part.
        part: PartKey,
        /// The change within the part; `None` for the part as a whole (a move).
        change: Option<usize>,
    },
    /// Undo a change in the working copy: put the left side's text back (one undo step).
    RejectChange {
        /// The part.
        part: PartKey,
        /// The change within the part; `None` for the part as a whole.
        change: Option<usize>,
    },
    /// Review: take the reviewer's change into the working copy (one undo step; it is done).
    TakeChange {
        /// The part.
        part: PartKey,
        /// The change within the part; `None` for the part as a whole (a move).
        change: Option<usize>,
    },
    /// Review: keep the working copy's text for this change (one undo step; it is done).
    KeepChange {
        /// The part.
        part: PartKey,
        /// The change within the part; `None` for the part as a whole (a move).
        change: Option<usize>,
    },
    /// Review: take every open change of a part (one undo step).
    TakePart(PartKey),
    /// Review: keep the working copy's text for every change of a part (one undo step).
    KeepPart(PartKey),
    /// Review: take every open change of the reviewer's copy (one undo step).
    TakeAll,
    /// Accept every change of a part.
    AcceptPart(PartKey),
    /// Reject every change of a part, its move too (one undo step).
    RejectPart(PartKey),
    /// Compare these two sides.
    SetCompare(CompareSides),
    /// Change how the comparison is made and shown.
    SetDiffSettings(DiffSettings),
    /// Close the compare view.
    CloseCompare,

    // ---- Dialogs and messages
    /// Put this dialog up (or update the one that is up with what was typed into it).
    ShowDialog(Dialog),
    /// The answer to the unsaved-changes question.
    ResolveUnsaved(Resolution),
    /// Close the open dialog.
    CloseDialog,
    /// The oldest message was read.
    DismissMessage,
    /// Do what the path typed in place of a file picker is for.
    AcceptTypedPath,
    /// Take the notice away.
    DismissNotice,

    // ---- Import preview
    /// Select this line of the import preview.
    SelectImportLine(usize),
    /// Select the next (`down`) or previous non-blank line of the import preview.
    StepImportLine {
        /// Towards the end.
        down: bool,
    },
    /// Mark a line of the import preview (`None`: the importer guesses its role again).
    MarkImportLine {
        /// The line (an index into the preview's lines).
        line: usize,
        /// Its role as the writer says.
        mark: Option<LineMark>,
    },
    /// Make the previewed import a new, unsaved speech.
    AcceptImport,

    // ---- Recovery
    /// Make this offered recovery file the document (asks about unsaved changes first).
    RestoreRecovery(PathBuf),
    /// Delete this offered recovery file.
    DiscardRecovery(PathBuf),
    /// Keep the offered recovery files for the next start and close the prompt.
    DecideRecoveryLater,
    /// The answer to "the file changed on disk since you opened it".
    ResolveChangedOnDisk(DiskAnswer),
}

/// What the window should do after an action (scrolling, focus: things only views know how to
/// do). The editor's own state is already changed when these are returned.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A new document is in place: drop text buffers, expand every pane, scroll to the top.
    DocumentReplaced,
    /// Show this part (expand and scroll to it).
    Reveal(Part),
    /// Put the keyboard focus into this field.
    Focus(Field),
    /// Select this byte range of a field's text (a find match).
    Select {
        /// The field.
        field: Field,
        /// Bytes of its text.
        range: Range<usize>,
    },
    /// Scroll the compare view to its current change.
    RevealChange,
    /// Open the picker of the compare view's left side (no draft differs from the working copy).
    PickCompareSide,
    /// Close the window now (the writer agreed).
    CloseWindow,
    /// Keep the window open (a close was requested while there are unsaved changes).
    CancelClose,
}
