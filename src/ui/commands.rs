//! Everything the writer can do, as one enum.
//!
//! Menus, keyboard shortcuts, buttons in the outline, the panes and the dialogs all *send*
//! [`Command`]s into a queue; [`LecternApp::apply`](super::LecternApp::apply) is the one place
//! that carries them out. Each command knows its label in every interface language
//! ([`Command::label`]), its keyboard shortcut ([`Command::shortcut`]) and whether it can run
//! now ([`Command::is_enabled`]), so menus, shortcuts and buttons never disagree.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::export::ExportOptions;
use crate::model::SectionId;
use crate::project::DraftId;

use super::LecternApp;
use super::app::CompareState;
use super::diff_view::DiffSettings;
use super::diff_view::review::PartKey;
use super::i18n::{Msg, UiLanguage, tr};
use super::recovery_prompt::DiskAnswer;
use super::state::{Field, Pane, ThemeChoice};

/// The answer to "save the changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// One thing the writer asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // ---- File
    /// Start a new speech: asks about unsaved changes, then shows the template picker.
    New,
    /// Replace the document with a new speech from the template with this id.
    NewFromTemplate(String),
    /// Pick a file to open (asks about unsaved changes first).
    Open,
    /// Open this file: a `.lectern` project, or a `.txt`/`.md` to import (asks about unsaved
    /// changes first).
    OpenPath(PathBuf),
    /// Save to the current file (or ask for one).
    Save,
    /// Save to a file picked now.
    SaveAs,
    /// Pick a text or Markdown file and import it as a new, unsaved speech.
    ImportText,
    /// Show the export dialog.
    Export,
    /// Export with these options to a file picked now.
    ExportToFile(ExportOptions),
    /// Close the window (asks about unsaved changes first).
    Quit,

    // ---- Edit
    /// Undo the last change to the document.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Set a field's text (sent by the panes as the writer types).
    SetText {
        /// Which field.
        field: Field,
        /// Its whole new text; paragraphs separated by `\n`.
        text: String,
    },
    /// Add an empty section at the end.
    AddSection,
    /// Remove a section.
    RemoveSection(SectionId),
    /// Move a section to a position (0-based, in the order before the move).
    MoveSection {
        /// The section.
        id: SectionId,
        /// Where it goes.
        to: usize,
    },
    /// Move a section one place up.
    MoveSectionUp(SectionId),
    /// Move a section one place down.
    MoveSectionDown(SectionId),
    /// Set (or, with `None`, clear) a section's time budget in minutes.
    SetBudget {
        /// The section.
        id: SectionId,
        /// Minutes, or `None` for an even share of the target.
        minutes: Option<f64>,
    },
    /// Set the speech's target length in minutes.
    SetTarget(Option<f64>),
    /// Change the speech's details (speaker, occasion, date, language) or its notes.
    SetDetail(super::details::Detail),
    /// Show the find and replace bar.
    Find,
    /// Go to the next match.
    FindNext,
    /// Go to the previous match.
    FindPrev,
    /// Replace the current match.
    ReplaceOne,
    /// Replace every match (one undo step).
    ReplaceAll,

    // ---- Draft
    /// Ask for a name and note, then save the working copy as a draft.
    SaveDraft,
    /// Save the working copy as a draft with this name and note.
    SaveDraftNamed {
        /// The draft's name.
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
    /// Open the compare view: the newest draft (left) against the working copy (right).
    CompareDrafts,
    /// Pick a text or Markdown file (a reviewer's copy), add it as a named draft and compare it
    /// with the working copy.
    ImportAsDraft,

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
        /// The change within the part; `None` for the part as a whole (a move, an added or
        /// removed section).
        change: Option<usize>,
    },
    /// Accept every change of a part.
    AcceptPart(PartKey),
    /// Reject every change of a part, its move too (one undo step).
    RejectPart(PartKey),
    /// Compare these two sides.
    SetCompare(CompareState),
    /// Change how the comparison is shown.
    SetDiffSettings(DiffSettings),
    /// Close the compare view.
    CloseCompare,

    // ---- View
    /// Show or hide the drafts panel.
    ToggleDrafts,
    /// Show or hide the outline panel.
    ToggleOutline,
    /// Scroll the centre column to a pane.
    JumpTo(Pane),
    /// Collapse or expand a pane.
    TogglePane(Pane),
    /// Switch the interface language.
    SetLanguage(UiLanguage),
    /// Switch the theme.
    SetTheme(ThemeChoice),

    // ---- Help
    /// Show the keyboard shortcuts.
    Shortcuts,
    /// Show what Lectern is.
    About,

    // ---- Dialog answers
    /// The answer to the unsaved-changes question.
    ResolveUnsaved(Resolution),
    /// Close the open dialog.
    CloseDialog,

    // ---- Recovery
    /// Make this offered recovery file the document (asks about unsaved changes first).
    RestoreRecovery(PathBuf),
    /// Delete this offered recovery file.
    DiscardRecovery(PathBuf),
    /// The answer to "the file changed on disk since you opened it".
    ResolveChangedOnDisk(DiskAnswer),
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Redo's second shortcut (Ctrl+Y), as on Windows.
pub const REDO_ALT_SHORTCUT: KeyboardShortcut = shortcut(CMD, Key::Y);

impl Command {
    /// The commands with a keyboard shortcut, those with more modifiers first (so Ctrl+Shift+S
    /// is not taken for Ctrl+S).
    pub fn with_shortcuts() -> Vec<Command> {
        let mut all = vec![
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::ImportText,
            Command::Export,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::Find,
            Command::FindNext,
            Command::FindPrev,
            Command::AddSection,
            Command::SaveDraft,
            Command::ToggleDrafts,
            Command::ToggleOutline,
            Command::Shortcuts,
            Command::NextChange,
            Command::PrevChange,
        ];
        all.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                usize::from(s.modifiers.shift)
                    + usize::from(s.modifiers.alt)
                    + usize::from(s.modifiers.command || s.modifiers.ctrl)
            }))
        });
        all
    }

    /// The message naming this command in menus and buttons.
    pub fn msg(&self) -> Msg {
        match self {
            Command::New | Command::NewFromTemplate(_) => Msg::New,
            Command::Open | Command::OpenPath(_) => Msg::Open,
            Command::Save => Msg::Save,
            Command::SaveAs => Msg::SaveAs,
            Command::ImportText => Msg::ImportText,
            Command::Export | Command::ExportToFile(_) => Msg::Export,
            Command::Quit => Msg::Quit,
            Command::Undo => Msg::Undo,
            Command::Redo => Msg::Redo,
            Command::SetText { .. } => Msg::Text,
            Command::AddSection => Msg::AddSection,
            Command::RemoveSection(_) => Msg::RemoveSection,
            Command::MoveSection { .. } => Msg::DragToReorder,
            Command::MoveSectionUp(_) => Msg::MoveSectionUp,
            Command::MoveSectionDown(_) => Msg::MoveSectionDown,
            Command::SetBudget { .. } => Msg::Budget,
            Command::SetTarget(_) => Msg::Target,
            Command::SetDetail(_) => Msg::Details,
            Command::Find => Msg::Find,
            Command::FindNext => Msg::FindNext,
            Command::FindPrev => Msg::FindPrev,
            Command::ReplaceOne => Msg::ReplaceOne,
            Command::ReplaceAll => Msg::ReplaceAll,
            Command::SaveDraft | Command::SaveDraftNamed { .. } => Msg::SaveDraft,
            Command::RenameDraft(_) | Command::RenameDraftTo { .. } => Msg::RenameDraft,
            Command::DeleteDraft(_) => Msg::DeleteDraft,
            Command::RestoreDraft(_) => Msg::RestoreDraft,
            Command::CompareDrafts => Msg::CompareDrafts,
            Command::ImportAsDraft => Msg::ImportAsDraft,
            Command::NextChange => Msg::NextChange,
            Command::PrevChange => Msg::PrevChange,
            Command::GoToChange(_) => Msg::GoTo,
            Command::AcceptChange { .. } => Msg::Accept,
            Command::RejectChange { .. } => Msg::Reject,
            Command::AcceptPart(_) => Msg::AcceptPart,
            Command::RejectPart(_) => Msg::RejectPart,
            Command::SetCompare(_) | Command::SetDiffSettings(_) => Msg::Compare,
            Command::CloseCompare => Msg::CloseCompare,
            Command::ToggleDrafts => Msg::ShowDrafts,
            Command::ToggleOutline => Msg::ShowOutline,
            Command::JumpTo(_) => Msg::Outline,
            Command::TogglePane(_) => Msg::Collapse,
            Command::SetLanguage(_) => Msg::InterfaceLanguage,
            Command::SetTheme(_) => Msg::Theme,
            Command::Shortcuts => Msg::Shortcuts,
            Command::About => Msg::About,
            Command::ResolveUnsaved(Resolution::Save) => Msg::Save,
            Command::ResolveUnsaved(Resolution::Discard) => Msg::Discard,
            Command::ResolveUnsaved(Resolution::Cancel) => Msg::Cancel,
            Command::CloseDialog => Msg::Close,
            Command::RestoreRecovery(_) => Msg::Restore,
            Command::DiscardRecovery(_) => Msg::DiscardRecovery,
            Command::ResolveChangedOnDisk(DiskAnswer::Overwrite) => Msg::Overwrite,
            Command::ResolveChangedOnDisk(DiskAnswer::SaveAs) => Msg::SaveAs,
            Command::ResolveChangedOnDisk(DiskAnswer::Cancel) => Msg::Cancel,
        }
    }

    /// The label in `lang`.
    pub fn label(&self, lang: UiLanguage) -> String {
        match self {
            Command::SetLanguage(language) => language.native_name().to_string(),
            Command::SetTheme(theme) => tr(
                lang,
                match theme {
                    ThemeChoice::System => Msg::ThemeSystem,
                    ThemeChoice::Light => Msg::ThemeLight,
                    ThemeChoice::Dark => Msg::ThemeDark,
                },
            )
            .to_string(),
            Command::OpenPath(path) => path.display().to_string(),
            _ => tr(lang, self.msg()).to_string(),
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            Command::New => shortcut(CMD, Key::N),
            Command::Open => shortcut(CMD, Key::O),
            Command::Save => shortcut(CMD, Key::S),
            Command::SaveAs => shortcut(CMD_SHIFT, Key::S),
            Command::ImportText => shortcut(CMD, Key::I),
            Command::Export => shortcut(CMD, Key::E),
            Command::Quit => shortcut(CMD, Key::Q),
            Command::Undo => shortcut(CMD, Key::Z),
            Command::Redo => shortcut(CMD_SHIFT, Key::Z),
            Command::Find => shortcut(CMD, Key::F),
            Command::FindNext => shortcut(Modifiers::NONE, Key::F3),
            Command::FindPrev => shortcut(Modifiers::SHIFT, Key::F3),
            Command::AddSection => shortcut(CMD_SHIFT, Key::N),
            Command::SaveDraft => shortcut(CMD, Key::D),
            Command::ToggleDrafts => shortcut(CMD_SHIFT, Key::D),
            Command::ToggleOutline => shortcut(CMD_SHIFT, Key::L),
            Command::Shortcuts => shortcut(Modifiers::NONE, Key::F1),
            Command::NextChange => shortcut(Modifiers::NONE, Key::F8),
            Command::PrevChange => shortcut(Modifiers::SHIFT, Key::F8),
            _ => return None,
        })
    }

    /// Whether the command can run now.
    pub fn is_enabled(&self, app: &LecternApp) -> bool {
        match self {
            Command::Undo => app.history.can_undo(),
            Command::Redo => app.history.can_redo(),
            Command::FindNext | Command::FindPrev | Command::ReplaceAll => {
                app.find.open && !app.find.query.is_empty()
            }
            Command::ReplaceOne => app.find.open && app.find.current.is_some(),
            Command::RemoveSection(id) | Command::SetBudget { id, .. } => {
                app.doc.speech.section_index(*id).is_some()
            }
            Command::MoveSectionUp(id) => app.doc.speech.section_index(*id).is_some_and(|i| i > 0),
            Command::MoveSectionDown(id) => app
                .doc
                .speech
                .section_index(*id)
                .is_some_and(|i| i + 1 < app.doc.speech.sections.len()),
            Command::RenameDraft(id)
            | Command::RenameDraftTo { id, .. }
            | Command::DeleteDraft(id)
            | Command::RestoreDraft(id) => app.doc.drafts.iter().any(|d| d.id == *id),
            Command::ImportAsDraft
            | Command::NextChange
            | Command::PrevChange
            | Command::GoToChange(_)
            | Command::AcceptChange { .. }
            | Command::RejectChange { .. }
            | Command::AcceptPart(_)
            | Command::RejectPart(_)
            | Command::SetCompare(_)
            | Command::SetDiffSettings(_)
            | Command::CloseCompare => app.diff_command_enabled(self),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique_and_longer_ones_come_first() {
        let commands = Command::with_shortcuts();
        let shortcuts: Vec<KeyboardShortcut> =
            commands.iter().filter_map(Command::shortcut).collect();
        assert_eq!(shortcuts.len(), commands.len());
        for (i, a) in shortcuts.iter().enumerate() {
            for b in &shortcuts[i + 1..] {
                assert_ne!(a, b);
            }
        }
        let save = commands.iter().position(|c| *c == Command::Save);
        let save_as = commands.iter().position(|c| *c == Command::SaveAs);
        assert!(save_as < save);
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(Command::Save.label(UiLanguage::En), "Save");
        assert_eq!(Command::Save.label(UiLanguage::ZhHans), "保存");
        assert_eq!(Command::Save.label(UiLanguage::ZhHant), "儲存");
        assert_eq!(Command::NextChange.label(UiLanguage::En), "Next change");
        assert_eq!(Command::NextChange.label(UiLanguage::ZhHans), "下一处修改");
        assert_eq!(Command::PrevChange.label(UiLanguage::ZhHant), "上一處修改");
    }
}
