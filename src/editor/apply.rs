//! [`Editor::apply`]'s body: the one place where actions change the editor.

use crate::diff::review::Reject;
use crate::model::Section;
use crate::project::DraftKind;

use super::Editor;
use super::action::{Action, Effect};
use super::dialog::{Dialog, DiskAnswer, PathTask, Pending, Resolution};
use super::doc::Edit;
use super::env::Env;
use super::notice::Notice;
use crate::part::{Field, Part};

impl Editor {
    /// Whether an action can run now. Actions that cannot do nothing.
    pub fn can_apply(&self, action: &Action) -> bool {
        let section_exists = |id| self.doc.speech.section_index(id).is_some();
        let compare_open = self.compare.is_some();
        let compare_editable = self.compare.as_ref().is_some_and(|c| c.can_edit());
        match action {
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            Action::FindNext | Action::FindPrev | Action::ReplaceAll => {
                self.find.open && !self.find.query.is_empty()
            }
            Action::ReplaceOne => self.find.open && self.find.current.is_some(),
            Action::MoveSectionUp(id) => self.doc.speech.section_index(*id).is_some_and(|i| i > 0),
            Action::MoveSectionDown(id) => self
                .doc
                .speech
                .section_index(*id)
                .is_some_and(|i| i + 1 < self.doc.speech.sections.len()),
            Action::Edit(Edit::RemoveSection(id) | Edit::SetBudget { id, .. }) => {
                section_exists(*id)
            }
            Action::RenameDraft(id)
            | Action::RenameDraftTo { id, .. }
            | Action::DeleteDraft(id)
            | Action::RestoreDraft(id) => self.doc.draft(*id).is_some(),
            Action::NextChange | Action::PrevChange | Action::GoToChange(_) => compare_open,
            Action::CloseCompare | Action::SetDiffSettings(_) => compare_open,
            Action::AcceptChange { .. }
            | Action::RejectChange { .. }
            | Action::AcceptPart(_)
            | Action::RejectPart(_) => compare_editable,
            Action::TakeChange { .. }
            | Action::KeepChange { .. }
            | Action::TakePart(_)
            | Action::KeepPart(_)
            | Action::TakeAll => self.compare.as_ref().is_some_and(|c| c.can_take()),
            Action::DismissMessage => !self.messages.is_empty(),
            Action::AcceptTypedPath => matches!(self.dialog, Some(Dialog::TypePath { .. })),
            Action::DismissNotice => self.notice.is_some(),
            Action::FixFinding(finding) => finding.is_fixable(),
            Action::FixAll(_) => self.proof.open,
            Action::GoToFinding(_) | Action::IgnoreFinding(_) => self.proof.open,
            Action::SelectImportLine(line) | Action::MarkImportLine { line, .. } => {
                self.import_preview_has_line(*line)
            }
            Action::StepImportLine { .. } | Action::AcceptImport => self.import_preview().is_some(),
            Action::SetMergeInput { .. } => self.merge_dialog().is_some(),
            Action::ChooseConflict { .. } => {
                self.merge_dialog().is_some() || self.resolve_dialog().is_some()
            }
            Action::ResolveConflicts => !self.doc.conflicts.is_empty(),
            Action::AcceptResolution => self.resolve_dialog().is_some(),
            Action::AcceptMerge { .. } => self
                .merge_dialog()
                .is_some_and(|m| m.outcome.is_some() && m.base.is_some()),
            Action::New
            | Action::NewFromTemplate(_)
            | Action::PreferTemplate(_)
            | Action::Open
            | Action::OpenPath(_)
            | Action::Save
            | Action::SaveAs
            | Action::ImportText
            | Action::Export
            | Action::ExportToFile(_)
            | Action::Print
            | Action::OpenFolder(_)
            | Action::Quit
            | Action::CloseRequested
            | Action::Edit(_)
            | Action::AddSection
            | Action::Find
            | Action::CloseFind
            | Action::SetFindQuery(_)
            | Action::SetReplacement(_)
            | Action::SetFindOptions(_)
            | Action::ToggleProofing
            | Action::SaveDraft
            | Action::SaveDraftNamed { .. }
            | Action::CompareDrafts
            | Action::ImportAsDraft
            | Action::MergeReviews
            | Action::SetCompare(_)
            | Action::ShowDialog(_)
            | Action::ResolveUnsaved(_)
            | Action::CloseDialog
            | Action::RestoreRecovery(_)
            | Action::DiscardRecovery(_)
            | Action::DecideRecoveryLater
            | Action::ResolveChangedOnDisk(_) => true,
        }
    }

    pub(super) fn run(&mut self, action: Action, env: &mut Env) {
        if !self.can_apply(&action) {
            return;
        }
        match action {
            // ---- File
            Action::New => self.guard(Pending::New, env),
            Action::NewFromTemplate(id) => self.new_from_template(&id),
            Action::PreferTemplate(id) => self.template = id,
            Action::Open => self.guard(Pending::Open, env),
            Action::OpenPath(path) => self.guard(Pending::OpenPath(path), env),
            Action::Save => {
                let _started: Result<(), Option<Pending>> = self.save(None, env);
            }
            Action::SaveAs => {
                let _started: Result<(), Option<Pending>> = self.save_as(None, env);
            }
            Action::ImportText => self.guard(Pending::ImportText, env),
            Action::Export => self.dialog = Some(Dialog::Export(self.export_choices())),
            Action::ExportToFile(choices) => self.export_to_file(choices, env),
            Action::Print => self.print(env),
            Action::OpenFolder(file) => self.open_folder(&file, env),
            Action::Quit => self.guard(Pending::Quit, env),
            Action::CloseRequested => {
                if self.is_modified() {
                    self.effects.push(Effect::CancelClose);
                    self.dialog = Some(Dialog::Unsaved {
                        then: Pending::Quit,
                    });
                }
            }

            // ---- Edit
            Action::Undo => {
                if let Some(previous) = self.history.undo(&self.doc) {
                    self.replace_doc(previous);
                    self.find.replaced = None;
                    self.drop_undo_notice();
                }
            }
            Action::Redo => {
                if let Some(next) = self.history.redo(&self.doc) {
                    self.replace_doc(next);
                    self.drop_undo_notice();
                }
            }
            Action::Edit(edit) => {
                if let Edit::DeleteDraft(id) = &edit {
                    self.forget_compared(*id);
                }
                let restored = matches!(edit, Edit::RestoreDraft { .. });
                let removed = match &edit {
                    Edit::RemoveSection(id) => self
                        .doc
                        .speech
                        .section_index(*id)
                        .map(|index| (index, self.doc.speech.sections[index].heading.clone())),
                    _ => None,
                };
                let moved = match &edit {
                    Edit::MoveSection { id, .. } => Some(*id),
                    _ => None,
                };
                let changed = self.change(edit);
                if restored {
                    self.effects.push(Effect::Reveal(Part::Title));
                }
                if changed && let Some((index, heading)) = removed {
                    self.show_notice(Notice::SectionDeleted { index, heading });
                }
                if changed && let Some(id) = moved {
                    self.effects.push(Effect::Reveal(Part::Section(id)));
                }
            }
            Action::AddSection => {
                let section = Section::new("", Vec::new());
                let id = section.id;
                if self.change(Edit::AddSection(Box::new(section))) {
                    self.effects.push(Effect::Reveal(Part::Section(id)));
                    self.effects.push(Effect::Focus(Field::Heading(id)));
                }
            }
            Action::MoveSectionUp(id) => {
                if let Some(index) = self.doc.speech.section_index(id)
                    && self.change(Edit::MoveSection {
                        id,
                        to: index.saturating_sub(1),
                    })
                {
                    self.effects.push(Effect::Reveal(Part::Section(id)));
                }
            }
            Action::MoveSectionDown(id) => {
                if let Some(index) = self.doc.speech.section_index(id)
                    && self.change(Edit::MoveSection { id, to: index + 1 })
                {
                    self.effects.push(Effect::Reveal(Part::Section(id)));
                }
            }

            // ---- Find
            Action::Find => self.find.open = true,
            Action::CloseFind => {
                self.find.open = false;
                self.find.current = None;
            }
            Action::SetFindQuery(query) => self.set_find_query(query),
            Action::SetReplacement(text) => self.find.replacement = text,
            Action::SetFindOptions(options) => self.set_find_options(options),
            Action::FindNext => self.find_step(true),
            Action::FindPrev => self.find_step(false),
            Action::ReplaceOne => self.replace_one(),
            Action::ReplaceAll => self.replace_all(),

            // ---- Proofing
            Action::ToggleProofing => self.toggle_proofing(),
            Action::GoToFinding(finding) => self.go_to_finding(&finding),
            Action::FixFinding(finding) => self.fix_finding(finding),
            Action::IgnoreFinding(finding) => self.ignore_finding(&finding),
            Action::FixAll(check) => self.fix_all(check),

            // ---- Drafts
            Action::SaveDraft => {
                let number = self.doc.with_project(|p| p.next_draft_number());
                self.dialog = Some(Dialog::SaveDraft {
                    name: String::new(),
                    note: String::new(),
                    number,
                });
            }
            Action::SaveDraftNamed { name, note } => {
                self.change(Edit::SaveDraft {
                    name: name.trim().to_string(),
                    note,
                    kind: DraftKind::Named,
                    origin: None,
                    now: self.wall,
                });
                self.dialog = None;
            }
            Action::RenameDraft(id) => {
                if let Some(draft) = self.doc.draft(id) {
                    self.dialog = Some(Dialog::RenameDraft {
                        id,
                        name: draft.name.clone(),
                    });
                }
            }
            Action::RenameDraftTo { id, name } => {
                self.change(Edit::RenameDraft { id, name });
                self.dialog = None;
            }
            Action::DeleteDraft(id) => {
                self.forget_compared(id);
                self.change(Edit::DeleteDraft(id));
            }
            Action::RestoreDraft(id) => {
                self.change(Edit::RestoreDraft { id, now: self.wall });
                self.effects.push(Effect::Reveal(Part::Title));
            }
            Action::CompareDrafts => self.compare_default(),
            Action::ImportAsDraft => self.import_as_draft(env),
            Action::MergeReviews => self.open_merge(),
            Action::SetMergeInput { slot, source } => self.set_merge_input(slot, source, env),
            Action::ChooseConflict { index, choice } => self.choose_conflict(index, choice),
            Action::AcceptMerge { base_name } => self.accept_merge(base_name),
            Action::ResolveConflicts => self.open_resolve_conflicts(),
            Action::AcceptResolution => self.accept_resolution(),

            // ---- Compare view
            Action::NextChange => self.compare_step(true),
            Action::PrevChange => self.compare_step(false),
            Action::GoToChange(stop) => self.go_to_change(stop),
            Action::AcceptChange { part, change } => self.accept_change(part, change),
            Action::AcceptPart(part) => self.accept_part(part),
            Action::RejectChange { part, change } => {
                self.reject(part, change.map_or(Reject::Structure, Reject::Change));
            }
            Action::RejectPart(part) => self.reject(part, Reject::All),
            Action::TakeChange { part, change } => self.take_changes(Some(part), Some(change)),
            Action::KeepChange { part, change } => self.keep_changes(part, Some(change)),
            Action::TakePart(part) => self.take_changes(Some(part), None),
            Action::KeepPart(part) => self.keep_changes(part, None),
            Action::TakeAll => self.take_changes(None, None),
            Action::SetCompare(sides) => self.set_compare(sides),
            Action::SetDiffSettings(settings) => self.set_diff_settings(settings),
            Action::CloseCompare => self.compare = None,

            // ---- Dialogs and messages
            Action::ShowDialog(dialog) => {
                if let Dialog::Export(choices) = &dialog {
                    // Print uses the layout last chosen here.
                    self.remember_export(choices);
                }
                self.dialog = Some(dialog);
            }
            Action::ResolveUnsaved(resolution) => self.resolve_unsaved(resolution, env),
            Action::CloseDialog => self.dialog = None,
            Action::AcceptTypedPath => self.accept_typed_path(env),
            Action::DismissMessage => {
                self.messages.remove(0);
            }
            Action::DismissNotice => self.notice = None,

            // ---- Import preview
            Action::SelectImportLine(line) => self.select_import_line(line),
            Action::StepImportLine { down } => self.step_import_line(down),
            Action::MarkImportLine { line, mark } => self.mark_import_line(line, mark),
            Action::AcceptImport => self.accept_import(),

            // ---- Recovery
            Action::RestoreRecovery(file) => self.guard(Pending::RestoreRecovery(file), env),
            Action::DiscardRecovery(file) => self.discard_offered_recovery(&file),
            Action::DecideRecoveryLater => self.decide_recovery_later(),
            Action::ResolveChangedOnDisk(answer) => self.resolve_changed_on_disk(answer, env),
        }
    }

    /// Runs `then` now, or first asks about unsaved changes.
    fn guard(&mut self, then: Pending, env: &mut Env) {
        if self.is_modified() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.run_pending(then, env);
        }
    }

    fn resolve_unsaved(&mut self, resolution: Resolution, env: &mut Env) {
        let Some(Dialog::Unsaved { then }) = self.dialog.take() else {
            return;
        };
        match resolution {
            Resolution::Save => {
                // `then` runs once the file is written; a save stopped at the changed-on-disk
                // question goes on once that is answered with a save.
                if let Err(Some(then)) = self.save(Some(then), env) {
                    self.carry_pending(then);
                }
            }
            Resolution::Discard => {
                self.discard_recovery();
                self.run_pending(then, env);
            }
            Resolution::Cancel => {}
        }
    }

    pub(super) fn run_pending(&mut self, pending: Pending, env: &mut Env) {
        match pending {
            Pending::New => {
                let selected = crate::template::templates()
                    .iter()
                    .position(|t| t.id == self.template)
                    .unwrap_or(0);
                self.dialog = Some(Dialog::NewDocument { selected });
            }
            Pending::Open => self.open_with_dialog(env),
            Pending::OpenPath(path) => self.open_path_now(&path),
            Pending::ImportText => self.import_with_dialog(env),
            Pending::Quit => self.effects.push(Effect::CloseWindow),
            Pending::RestoreRecovery(file) => self.restore_recovery(&file),
        }
    }

    /// A save stopped at the changed-on-disk question: do `then` once it is answered with a
    /// save.
    pub(super) fn carry_pending(&mut self, then: Pending) {
        match &mut self.dialog {
            Some(Dialog::ChangedOnDisk { then: slot, .. }) => *slot = Some(then),
            Some(Dialog::TypePath {
                task: PathTask::SaveAs { then: slot },
                ..
            }) => *slot = Some(then),
            _ => {}
        }
    }

    /// Carries out the answer to the changed-on-disk question.
    fn resolve_changed_on_disk(&mut self, answer: DiskAnswer, env: &mut Env) {
        let Some(Dialog::ChangedOnDisk { path, then }) = self.dialog.take() else {
            return;
        };
        let started = match answer {
            DiskAnswer::Overwrite => self.start_save(&path, false, then, env),
            DiskAnswer::SaveAs => self.save_as(then, env),
            DiskAnswer::Cancel => Err(then),
        };
        if let Err(Some(then)) = started {
            self.carry_pending(then);
        }
    }
}
