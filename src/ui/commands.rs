//! The command table: every user command, with its label, tooltip, all its shortcuts, its group
//! and whether it can run now. Menus, shortcuts, buttons, the F1 list and the command palette
//! are all generated from it, so they never disagree.
//!
//! A [`Command`] carries no document data (it is `Copy` and [`Command::ALL`] lists every one);
//! what a command does is decided in one place, [`LecternApp`](super::LecternApp)'s
//! `run_command`: most become an [`Action`] of the editor, a few change the
//! window alone.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::editor::{Action, Editor};

use super::i18n::{Msg, UiLanguage, tr};
use super::prefs::ThemeChoice;
use super::view::ViewState;

/// One thing the writer can ask for from a menu, a shortcut, a button or the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new speech from a template.
    New,
    /// Open a file.
    Open,
    /// Save.
    Save,
    /// Save under another name.
    SaveAs,
    /// Import a text or Markdown file.
    ImportText,
    /// Export with a preview.
    Export,
    /// Print: a PDF in the last used layout, opened in the system's viewer.
    Print,
    /// Close the window.
    Quit,
    /// Undo the last change of the document.
    Undo,
    /// Redo it.
    Redo,
    /// Open the find and replace bar.
    Find,
    /// Next match.
    FindNext,
    /// Previous match.
    FindPrev,
    /// Replace the current match.
    ReplaceOne,
    /// Replace every match.
    ReplaceAll,
    /// Add a section at the end.
    AddSection,
    /// Save the working copy as a draft.
    SaveDraft,
    /// Compare drafts.
    CompareDrafts,
    /// Import a reviewer's copy as a draft and compare it.
    ImportAsDraft,
    /// Merge two reviewers' copies of one version.
    MergeReviews,
    /// Resolve the conflicts a merge left in the document.
    ResolveConflicts,
    /// Next change in the compare view.
    NextChange,
    /// Previous change in the compare view.
    PrevChange,
    /// Close the compare view.
    CloseCompare,
    /// Show or hide the outline.
    ToggleOutline,
    /// Show or hide the drafts panel.
    ToggleDrafts,
    /// Make everything in the window larger.
    ZoomIn,
    /// Make everything in the window smaller.
    ZoomOut,
    /// Back to the normal size.
    ZoomReset,
    /// A little space between paragraphs in the panes, or none.
    ToggleParagraphSpacing,
    /// Show or hide the Proofing panel (规范检查).
    ToggleProofing,
    /// Switch the interface language.
    Language(UiLanguage),
    /// Switch the theme.
    Theme(ThemeChoice),
    /// Type to find and run any command.
    CommandPalette,
    /// The keyboard shortcuts.
    Shortcuts,
    /// About Lectern.
    About,
}

/// Which task a command belongs to (menus and the F1 list are grouped by it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandGroup {
    /// Files.
    File,
    /// Editing and finding.
    Edit,
    /// Drafts.
    Drafts,
    /// The compare view.
    Compare,
    /// The window.
    View,
    /// Help.
    Help,
}

impl CommandGroup {
    /// Every group, in menu order.
    pub const ALL: [CommandGroup; 6] = [
        CommandGroup::File,
        CommandGroup::Edit,
        CommandGroup::Drafts,
        CommandGroup::Compare,
        CommandGroup::View,
        CommandGroup::Help,
    ];

    /// The group's name.
    pub fn msg(self) -> Msg {
        match self {
            CommandGroup::File => Msg::MenuFile,
            CommandGroup::Edit => Msg::MenuEdit,
            CommandGroup::Drafts => Msg::MenuDraft,
            CommandGroup::Compare => Msg::MenuCompare,
            CommandGroup::View => Msg::MenuView,
            CommandGroup::Help => Msg::MenuHelp,
        }
    }
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

impl Command {
    /// Every command, in menu order.
    pub const ALL: &'static [Command] = &[
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ImportText,
        Command::Export,
        Command::Print,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::FindNext,
        Command::FindPrev,
        Command::ReplaceOne,
        Command::ReplaceAll,
        Command::AddSection,
        Command::SaveDraft,
        Command::CompareDrafts,
        Command::ImportAsDraft,
        Command::MergeReviews,
        Command::ResolveConflicts,
        Command::NextChange,
        Command::PrevChange,
        Command::CloseCompare,
        Command::ToggleOutline,
        Command::ToggleDrafts,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleParagraphSpacing,
        Command::ToggleProofing,
        Command::Language(UiLanguage::En),
        Command::Language(UiLanguage::ZhHans),
        Command::Language(UiLanguage::ZhHant),
        Command::Theme(ThemeChoice::System),
        Command::Theme(ThemeChoice::Light),
        Command::Theme(ThemeChoice::Dark),
        Command::CommandPalette,
        Command::Shortcuts,
        Command::About,
    ];

    /// The task the command belongs to.
    pub fn group(self) -> CommandGroup {
        match self {
            Command::New
            | Command::Open
            | Command::Save
            | Command::SaveAs
            | Command::ImportText
            | Command::Export
            | Command::Print
            | Command::Quit => CommandGroup::File,
            Command::Undo
            | Command::Redo
            | Command::Find
            | Command::FindNext
            | Command::FindPrev
            | Command::ReplaceOne
            | Command::ReplaceAll
            | Command::AddSection => CommandGroup::Edit,
            Command::SaveDraft
            | Command::CompareDrafts
            | Command::ImportAsDraft
            | Command::MergeReviews
            | Command::ResolveConflicts => CommandGroup::Drafts,
            Command::NextChange | Command::PrevChange | Command::CloseCompare => {
                CommandGroup::Compare
            }
            Command::ToggleOutline
            | Command::ToggleDrafts
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ToggleParagraphSpacing
            | Command::ToggleProofing
            | Command::Language(_)
            | Command::Theme(_)
            | Command::CommandPalette => CommandGroup::View,
            Command::Shortcuts | Command::About => CommandGroup::Help,
        }
    }

    /// The message naming the command.
    pub fn msg(self) -> Msg {
        match self {
            Command::New => Msg::New,
            Command::Open => Msg::Open,
            Command::Save => Msg::Save,
            Command::SaveAs => Msg::SaveAs,
            Command::ImportText => Msg::ImportText,
            Command::Export => Msg::Export,
            Command::Print => Msg::Print,
            Command::Quit => Msg::Quit,
            Command::Undo => Msg::Undo,
            Command::Redo => Msg::Redo,
            Command::Find => Msg::Find,
            Command::FindNext => Msg::FindNext,
            Command::FindPrev => Msg::FindPrev,
            Command::ReplaceOne => Msg::ReplaceOne,
            Command::ReplaceAll => Msg::ReplaceAll,
            Command::AddSection => Msg::AddSection,
            Command::SaveDraft => Msg::SaveDraft,
            Command::CompareDrafts => Msg::CompareDrafts,
            Command::ImportAsDraft => Msg::ImportAsDraft,
            Command::MergeReviews => Msg::MergeReviews,
            Command::ResolveConflicts => Msg::ResolveConflicts,
            Command::NextChange => Msg::NextChange,
            Command::PrevChange => Msg::PrevChange,
            Command::CloseCompare => Msg::CloseCompare,
            Command::ToggleOutline => Msg::ShowOutline,
            Command::ToggleDrafts => Msg::ShowDrafts,
            Command::ZoomIn => Msg::ZoomIn,
            Command::ZoomOut => Msg::ZoomOut,
            Command::ZoomReset => Msg::ZoomReset,
            Command::ToggleParagraphSpacing => Msg::ParagraphSpacing,
            Command::ToggleProofing => Msg::ShowProofing,
            Command::Language(_) => Msg::InterfaceLanguage,
            Command::Theme(ThemeChoice::System) => Msg::ThemeSystem,
            Command::Theme(ThemeChoice::Light) => Msg::ThemeLight,
            Command::Theme(ThemeChoice::Dark) => Msg::ThemeDark,
            Command::CommandPalette => Msg::CommandPalette,
            Command::Shortcuts => Msg::Shortcuts,
            Command::About => Msg::About,
        }
    }

    /// A longer explanation for a tooltip, where the label is not enough.
    pub fn tooltip(self) -> Option<Msg> {
        match self {
            Command::ImportAsDraft => Some(Msg::ReviewHelp),
            Command::MergeReviews => Some(Msg::MergeHelp),
            Command::ResolveConflicts => Some(Msg::ResolveConflictsHelp),
            Command::Undo | Command::Redo => Some(Msg::UndoHelp),
            Command::CommandPalette => Some(Msg::CommandPaletteHelp),
            Command::ToggleProofing => Some(Msg::ProofingHelp),
            _ => None,
        }
    }

    /// The label in `lang` (`Undo`, `撤销`; a language by its own name).
    pub fn label(self, lang: UiLanguage) -> String {
        match self {
            Command::Language(language) => language.native_name().to_string(),
            _ => tr(lang, self.msg()).to_string(),
        }
    }

    /// The label as the palette lists it: with its group for the language and theme entries
    /// (`Theme: Dark`).
    pub fn palette_label(self, lang: UiLanguage) -> String {
        match self {
            Command::Language(_) | Command::Theme(_) => {
                let what = match self {
                    Command::Language(_) => Msg::InterfaceLanguage,
                    _ => Msg::Theme,
                };
                super::i18n::action_on(lang, what, &self.label(lang))
            }
            _ => self.label(lang),
        }
    }

    /// Every keyboard shortcut of the command (the first is the one menus show).
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::New => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::N)];
                KEYS
            }
            Command::Open => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::O)];
                KEYS
            }
            Command::Save => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::S)];
                KEYS
            }
            Command::SaveAs => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD_SHIFT, Key::S)];
                KEYS
            }
            Command::ImportText => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::I)];
                KEYS
            }
            Command::Export => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::E)];
                KEYS
            }
            Command::Print => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::P)];
                KEYS
            }
            Command::Quit => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::Q)];
                KEYS
            }
            Command::Undo => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::Z)];
                KEYS
            }
            Command::Redo => {
                const KEYS: &[KeyboardShortcut] =
                    &[shortcut(CMD_SHIFT, Key::Z), shortcut(CMD, Key::Y)];
                KEYS
            }
            Command::Find => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::F)];
                KEYS
            }
            Command::FindNext => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(NONE, Key::F3)];
                KEYS
            }
            Command::FindPrev => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(SHIFT, Key::F3)];
                KEYS
            }
            Command::AddSection => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD_SHIFT, Key::N)];
                KEYS
            }
            Command::SaveDraft => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::D)];
                KEYS
            }
            Command::ToggleDrafts => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD_SHIFT, Key::D)];
                KEYS
            }
            Command::ToggleOutline => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD_SHIFT, Key::L)];
                KEYS
            }
            Command::ToggleProofing => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(NONE, Key::F7)];
                KEYS
            }
            Command::NextChange => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(NONE, Key::F8)];
                KEYS
            }
            Command::PrevChange => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(SHIFT, Key::F8)];
                KEYS
            }
            Command::CommandPalette => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD_SHIFT, Key::P)];
                KEYS
            }
            Command::ZoomIn => {
                const KEYS: &[KeyboardShortcut] =
                    &[shortcut(CMD, Key::Equals), shortcut(CMD, Key::Plus)];
                KEYS
            }
            Command::ZoomOut => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::Minus)];
                KEYS
            }
            Command::ZoomReset => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(CMD, Key::Num0)];
                KEYS
            }
            Command::Shortcuts => {
                const KEYS: &[KeyboardShortcut] = &[shortcut(NONE, Key::F1)];
                KEYS
            }
            Command::ReplaceOne
            | Command::ReplaceAll
            | Command::CompareDrafts
            | Command::ImportAsDraft
            | Command::MergeReviews
            | Command::ResolveConflicts
            | Command::CloseCompare
            | Command::ToggleParagraphSpacing
            | Command::Language(_)
            | Command::Theme(_)
            | Command::About => &[],
        }
    }

    /// Every (shortcut, command) pair, those with more modifiers first (so Ctrl+Shift+S is not
    /// taken for Ctrl+S).
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut all: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, *c)))
            .collect();
        all.sort_by_key(|(s, _)| {
            std::cmp::Reverse(
                usize::from(s.modifiers.shift)
                    + usize::from(s.modifiers.alt)
                    + usize::from(s.modifiers.command || s.modifiers.ctrl),
            )
        });
        all
    }

    /// The editor action the command stands for; `None` for commands of the window alone.
    pub fn action(self) -> Option<Action> {
        Some(match self {
            Command::New => Action::New,
            Command::Open => Action::Open,
            Command::Save => Action::Save,
            Command::SaveAs => Action::SaveAs,
            Command::ImportText => Action::ImportText,
            Command::Export => Action::Export,
            Command::Print => Action::Print,
            Command::Quit => Action::Quit,
            Command::Undo => Action::Undo,
            Command::Redo => Action::Redo,
            Command::Find => Action::Find,
            Command::FindNext => Action::FindNext,
            Command::FindPrev => Action::FindPrev,
            Command::ReplaceOne => Action::ReplaceOne,
            Command::ReplaceAll => Action::ReplaceAll,
            Command::AddSection => Action::AddSection,
            Command::SaveDraft => Action::SaveDraft,
            Command::CompareDrafts => Action::CompareDrafts,
            Command::ImportAsDraft => Action::ImportAsDraft,
            Command::MergeReviews => Action::MergeReviews,
            Command::ResolveConflicts => Action::ResolveConflicts,
            Command::NextChange => Action::NextChange,
            Command::PrevChange => Action::PrevChange,
            Command::CloseCompare => Action::CloseCompare,
            Command::ToggleProofing => Action::ToggleProofing,
            Command::ToggleOutline
            | Command::ToggleDrafts
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ToggleParagraphSpacing
            | Command::Language(_)
            | Command::Theme(_)
            | Command::CommandPalette
            | Command::Shortcuts
            | Command::About => return None,
        })
    }

    /// Whether the command can run now.
    pub fn is_enabled(self, ed: &Editor, view: &ViewState) -> bool {
        match self {
            Command::ZoomIn => view.prefs.zoom < super::prefs::MAX_ZOOM,
            Command::ZoomOut => view.prefs.zoom > super::prefs::MIN_ZOOM,
            _ => match self.action() {
                Some(action) => ed.can_apply(&action),
                None => true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique_and_longer_ones_come_first() {
        let table = Command::shortcut_table();
        for (i, (a, _)) in table.iter().enumerate() {
            for (b, _) in &table[i + 1..] {
                assert_ne!(a, b);
            }
        }
        let position = |s: KeyboardShortcut| table.iter().position(|(t, _)| *t == s);
        assert!(position(shortcut(CMD_SHIFT, Key::S)) < position(shortcut(CMD, Key::S)));
        assert!(table.contains(&(shortcut(CMD, Key::Y), Command::Redo)));
        assert!(table.contains(&(shortcut(CMD, Key::Equals), Command::ZoomIn)));
        assert!(table.contains(&(shortcut(CMD, Key::Minus), Command::ZoomOut)));
        assert!(table.contains(&(shortcut(CMD, Key::Num0), Command::ZoomReset)));
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(Command::Save.label(UiLanguage::En), "Save");
        assert_eq!(Command::Save.label(UiLanguage::ZhHans), "保存");
        assert_eq!(Command::Save.label(UiLanguage::ZhHant), "儲存");
        assert_eq!(Command::NextChange.label(UiLanguage::ZhHans), "下一处修改");
        assert_eq!(
            Command::Language(UiLanguage::ZhHant).label(UiLanguage::En),
            "繁體中文"
        );
    }

    #[test]
    fn every_group_has_commands() {
        for group in CommandGroup::ALL {
            assert!(Command::ALL.iter().any(|c| c.group() == group), "{group:?}");
        }
    }
}
