//! [`LecternApp::apply`]: the one place where commands change the editor.

use chrono::Utc;

use crate::model::Section;
use crate::project::DraftKind;

use super::app::{Dialog, EditGroup, LecternApp, Pending, Version};
use super::commands::{Command, Resolution};
use super::state::{Doc, Field, Pane, field_text, set_field_text};

impl LecternApp {
    /// Carries out one command. Commands that are not enabled now (see
    /// [`Command::is_enabled`]) do nothing.
    pub fn apply(&mut self, command: Command) {
        if !command.is_enabled(self) {
            return;
        }
        match command {
            // ---- File
            Command::New => self.guard(Pending::New),
            Command::NewFromTemplate(id) => self.new_from_template(&id),
            Command::Open => self.guard(Pending::Open),
            Command::OpenPath(path) => self.guard(Pending::OpenPath(path)),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::ImportText => self.guard(Pending::ImportText),
            Command::Export => {
                let style = if self.chinese_speech() {
                    crate::export::ExportStyle::Chinese
                } else {
                    crate::export::ExportStyle::English
                };
                self.dialog = Some(Dialog::Export {
                    format: crate::export::ExportFormat::Text,
                    style,
                });
            }
            Command::ExportToFile(options) => self.export_to_file(&options),
            Command::Quit => self.guard(Pending::Quit),

            // ---- Edit
            Command::Undo => {
                if let Some(previous) = self.history.undo(&self.doc) {
                    self.replace_doc(previous);
                }
            }
            Command::Redo => {
                if let Some(next) = self.history.redo(&self.doc) {
                    self.replace_doc(next);
                }
            }
            Command::SetText { field, text } => self.set_text(field, &text),
            Command::AddSection => {
                let section = Section::new("", Vec::new());
                let id = section.id;
                self.change(None, |doc| {
                    doc.speech.sections.push(section);
                    true
                });
                self.scroll_to = Some(Pane::Section(id));
                self.focus = Some(Field::Heading(id));
            }
            Command::RemoveSection(id) => {
                self.change(None, |doc| match doc.speech.section_index(id) {
                    Some(index) => {
                        doc.speech.sections.remove(index);
                        true
                    }
                    None => false,
                });
            }
            Command::MoveSection { id, to } => self.move_section(id, to),
            Command::MoveSectionUp(id) => {
                if let Some(index) = self.doc.speech.section_index(id) {
                    self.move_section(id, index.saturating_sub(1));
                }
            }
            Command::MoveSectionDown(id) => {
                if let Some(index) = self.doc.speech.section_index(id) {
                    self.move_section(id, index + 1);
                }
            }
            Command::SetBudget { id, minutes } => {
                // Dragging the value is one step; resetting it is a step of its own.
                let group = minutes.map(|_| EditGroup::Budget(id));
                let minutes = minutes.filter(|m| m.is_finite() && *m >= 0.0);
                self.change(group, |doc| {
                    let Some(index) = doc.speech.section_index(id) else {
                        return false;
                    };
                    let section = &mut doc.speech.sections[index];
                    let changed = section.budget_minutes != minutes;
                    section.budget_minutes = minutes;
                    changed
                });
            }
            Command::SetTarget(minutes) => {
                let minutes = minutes.filter(|m| m.is_finite() && *m > 0.0);
                self.change(Some(EditGroup::Target), |doc| {
                    let changed = doc.speech.meta.target_minutes != minutes;
                    doc.speech.meta.target_minutes = minutes;
                    changed
                });
            }
            Command::SetDetail(detail) => {
                self.change(Some(EditGroup::Detail(detail.kind())), |doc| {
                    detail.apply_to(&mut doc.speech)
                });
            }
            Command::Find => {
                self.find.open = true;
                self.find.focus_query = true;
            }
            Command::FindNext => self.find_step(true),
            Command::FindPrev => self.find_step(false),
            Command::ReplaceOne => self.replace_one(),
            Command::ReplaceAll => self.replace_all(),

            // ---- Draft
            Command::SaveDraft => {
                let name = self.doc.with_project(|p| p.default_draft_name(Utc::now()));
                self.dialog = Some(Dialog::SaveDraft {
                    name,
                    note: String::new(),
                });
            }
            Command::SaveDraftNamed { name, note } => {
                let now = Utc::now();
                self.change(None, |doc| {
                    doc.with_project(|p| {
                        let name = if name.trim().is_empty() {
                            p.default_draft_name(now)
                        } else {
                            name.trim().to_string()
                        };
                        p.save_draft(name, note, DraftKind::Named, now);
                    });
                    true
                });
                self.dialog = None;
            }
            Command::RenameDraft(id) => {
                if let Some(draft) = self.doc.drafts.iter().find(|d| d.id == id) {
                    self.dialog = Some(Dialog::RenameDraft {
                        id,
                        name: draft.name.clone(),
                    });
                }
            }
            Command::RenameDraftTo { id, name } => {
                let name = name.trim().to_string();
                if !name.is_empty() {
                    self.change(None, |doc| {
                        let unchanged = doc.drafts.iter().any(|d| d.id == id && d.name == name);
                        !unchanged && doc.with_project(|p| p.rename_draft(id, name))
                    });
                }
                self.dialog = None;
            }
            Command::DeleteDraft(id) => {
                self.change(None, |doc| {
                    doc.with_project(|p| p.delete_draft(id)).is_some()
                });
                self.forget_compared(id);
            }
            Command::RestoreDraft(id) => {
                let now = Utc::now();
                self.change(None, |doc| {
                    doc.with_project(|p| p.restore_draft(id, now)).is_some()
                });
                self.scroll_to = Some(Pane::Title);
            }
            Command::CompareDrafts => {
                let mut newest = self.doc.drafts.iter().rev().map(|d| Version::Draft(d.id));
                let a = newest.next().unwrap_or(Version::Working);
                self.open_compare(a, Version::Working, false);
            }
            command @ (Command::ImportAsDraft
            | Command::NextChange
            | Command::PrevChange
            | Command::GoToChange(_)
            | Command::AcceptChange { .. }
            | Command::RejectChange { .. }
            | Command::AcceptPart(_)
            | Command::RejectPart(_)
            | Command::SetCompare(_)
            | Command::SetDiffSettings(_)
            | Command::CloseCompare) => self.apply_diff_command(command),

            // ---- View
            Command::ToggleDrafts => self.prefs.show_drafts = !self.prefs.show_drafts,
            Command::ToggleOutline => self.prefs.show_outline = !self.prefs.show_outline,
            Command::JumpTo(pane) => {
                self.collapsed.remove(&pane);
                self.scroll_to = Some(pane);
            }
            Command::TogglePane(pane) => {
                if !self.collapsed.remove(&pane) {
                    self.collapsed.insert(pane);
                }
            }
            Command::SetLanguage(lang) => {
                self.lang = lang;
                self.prefs.language = Some(lang);
            }
            Command::SetTheme(theme) => self.prefs.theme = theme,

            // ---- Help
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::About => self.dialog = Some(Dialog::About),

            // ---- Dialog answers
            Command::ResolveUnsaved(resolution) => self.resolve_unsaved(resolution),
            Command::CloseDialog => self.dialog = None,

            // ---- Recovery
            Command::RestoreRecovery(file) => self.guard(Pending::RestoreRecovery(file)),
            Command::DiscardRecovery(file) => self.discard_offered_recovery(&file),
            Command::ResolveChangedOnDisk(answer) => self.resolve_changed_on_disk(answer),
        }
    }

    /// Changes the document with `f` (which says whether it changed anything) and records the
    /// change for undo: with a group, it joins a burst of the same kind of edit.
    pub(crate) fn change(&mut self, group: Option<EditGroup>, f: impl FnOnce(&mut Doc) -> bool) {
        let before = self.doc.clone();
        if f(&mut self.doc) {
            self.history
                .record(&before, &self.doc, group, self.now_secs);
            self.rev += 1;
        }
    }

    /// Changes the speech's text with `f` as one undo step of its own (replace, replace all).
    pub(crate) fn change_text(&mut self, f: impl FnOnce(&mut crate::model::Speech) -> bool) {
        self.change(None, |doc| f(&mut doc.speech));
    }

    /// Puts a whole other document state in place (undo, redo).
    fn replace_doc(&mut self, doc: Doc) {
        self.doc = doc;
        self.rev += 1;
        self.find.current = None;
    }

    fn set_text(&mut self, field: Field, text: &str) {
        let in_sync = self.buffers_rev == Some(self.rev);
        let stats_in_sync = self.stats.rev == Some(self.rev);
        self.change(Some(EditGroup::Text(field)), |doc| {
            field_text(&doc.speech, field).as_deref() != Some(text)
                && set_field_text(&mut doc.speech, field, text)
        });
        // The other buffers still match the document: refresh only this one.
        if in_sync {
            if let Some(text) = field_text(&self.doc.speech, field) {
                self.buffers.insert(field, text);
            }
            self.buffers_rev = Some(self.rev);
        }
        // Only this field's pane needs counting again.
        if stats_in_sync {
            self.recount_pane(field.pane());
        }
    }

    fn move_section(&mut self, id: crate::model::SectionId, to: usize) {
        self.change(None, |doc| {
            let sections = &mut doc.speech.sections;
            let Some(from) = sections.iter().position(|s| s.id == id) else {
                return false;
            };
            let to = to.min(sections.len().saturating_sub(1));
            if from == to {
                return false;
            }
            let section = sections.remove(from);
            sections.insert(to, section);
            true
        });
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn guard(&mut self, then: Pending) {
        if self.is_modified() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.run_pending(then);
        }
    }

    fn resolve_unsaved(&mut self, resolution: Resolution) {
        let Some(Dialog::Unsaved { then }) = self.dialog.take() else {
            return;
        };
        match resolution {
            Resolution::Save => {
                if self.save() {
                    self.run_pending(then);
                } else {
                    // Stopped at the changed-on-disk question: go on once it is saved.
                    self.carry_pending(then);
                }
            }
            Resolution::Discard => {
                self.discard_recovery();
                self.run_pending(then);
            }
            Resolution::Cancel => {}
        }
    }

    pub(crate) fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::New => self.dialog = Some(Dialog::NewDocument { selected: 0 }),
            Pending::Open => self.open_with_dialog(),
            Pending::OpenPath(path) => self.open_path_now(&path),
            Pending::ImportText => self.import_with_dialog(),
            Pending::Quit => {
                self.allow_close = true;
                self.viewport_commands.push(egui::ViewportCommand::Close);
            }
            Pending::RestoreRecovery(file) => self.restore_recovery(&file),
        }
    }

    fn forget_compared(&mut self, id: crate::project::DraftId) {
        if let Some(compare) = &mut self.compare {
            for side in [&mut compare.a, &mut compare.b] {
                if *side == Version::Draft(id) {
                    *side = Version::Working;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::speech_stats;
    use crate::ui::app::AppOptions;
    use crate::ui::file_dialogs::ScriptedDialogs;
    use crate::ui::state::UiPrefs;

    fn app() -> LecternApp {
        LecternApp::new(AppOptions {
            dialogs: Box::new(ScriptedDialogs::new()),
            prefs: UiPrefs::default(),
            initial_path: None,
            system_locale: Some("en-US".into()),
            recovery: None,
        })
    }

    fn type_at(app: &mut LecternApp, secs: f64, field: Field, text: &str) {
        app.now_secs = secs;
        app.apply(Command::SetText {
            field,
            text: text.into(),
        });
    }

    #[test]
    fn typing_is_grouped_by_pause_and_by_field() {
        let mut app = app();
        let first = Field::Body(app.speech().sections[0].id);
        let second = Field::Body(app.speech().sections[1].id);
        type_at(&mut app, 0.0, first, "一");
        type_at(&mut app, 0.4, first, "一要");
        type_at(&mut app, 0.8, first, "一要学");
        assert_eq!(app.undo_steps(), 1);
        type_at(&mut app, 2.5, first, "一要学习");
        assert_eq!(
            app.undo_steps(),
            2,
            "a pause of over a second starts a step"
        );
        type_at(&mut app, 2.6, second, "二");
        assert_eq!(app.undo_steps(), 3, "another field starts a step");
        app.apply(Command::Undo);
        app.apply(Command::Undo);
        assert_eq!(app.speech().sections[0].paragraphs, ["一要学"]);
        assert!(app.speech().sections[1].paragraphs.is_empty());
    }

    #[test]
    fn counts_after_typing_match_a_full_count() {
        let mut app = app();
        app.sync_stats();
        let field = Field::Body(app.speech().sections[2].id);
        type_at(&mut app, 0.0, field, "同志们，要抓落实。\nWe must deliver.");
        type_at(&mut app, 0.1, Field::Title, "讲话");
        let full = speech_stats(&app.doc.speech, &app.doc.settings);
        assert_eq!(app.stats.rev, Some(app.rev));
        assert_eq!(app.stats.total.cjk_chars, full.total.cjk_chars);
        assert_eq!(app.stats.total.words, full.total.words);
        assert!((app.stats.total.seconds - full.total.seconds).abs() < 1e-9);
    }

    #[test]
    fn disabled_commands_do_nothing() {
        let mut app = app();
        let last = app.speech().sections[2].id;
        app.apply(Command::MoveSectionDown(last));
        app.apply(Command::Undo);
        app.apply(Command::RestoreDraft(crate::project::DraftId(99)));
        assert_eq!(app.undo_steps(), 0);
        assert_eq!(app.speech().sections[2].id, last);
    }

    #[test]
    fn draft_commands_change_the_drafts_list_undoably() {
        let mut app = app();
        app.apply(Command::SaveDraftNamed {
            name: "  ".into(),
            note: None,
        });
        let id = app.drafts()[0].id;
        assert!(app.drafts()[0].name.starts_with("Draft 1"));
        app.apply(Command::RenameDraftTo {
            id,
            name: "初稿".into(),
        });
        assert_eq!(app.drafts()[0].name, "初稿");
        app.apply(Command::DeleteDraft(id));
        assert!(app.drafts().is_empty());
        app.apply(Command::Undo);
        assert_eq!(app.drafts()[0].name, "初稿");
        app.apply(Command::Undo);
        app.apply(Command::Undo);
        assert!(app.drafts().is_empty());
    }

    #[test]
    fn budgets_are_set_cleared_and_undone() {
        let mut app = app();
        let id = app.speech().sections[0].id;
        assert_eq!(app.doc.budget_minutes(0), Some(10.0));
        app.apply(Command::SetBudget {
            id,
            minutes: Some(4.0),
        });
        assert_eq!(app.doc.budget_minutes(0), Some(4.0));
        app.apply(Command::SetBudget { id, minutes: None });
        assert_eq!(app.doc.budget_minutes(0), Some(10.0));
        app.apply(Command::Undo);
        assert_eq!(app.doc.budget_minutes(0), Some(4.0));
    }
}
