//! The Export dialog's state, export to Word and PDF, Print and the notice, without a window.

use super::*;
use crate::export::{ExportStyle, LayoutName};
use crate::part::Field;

fn editor(dialogs: &mut ScriptedDialogs, print_folder: Option<PathBuf>) -> Editor {
    Editor::new(
        EditorOptions {
            print_folder,
            ..EditorOptions::default()
        },
        &mut Env::new(0.0, dialogs),
    )
}

fn apply(ed: &mut Editor, d: &mut ScriptedDialogs, o: &mut RecordingOpener, action: Action) {
    ed.apply(action, &mut Env::new(1.0, d).with_opener(o));
}

fn export_dialog(ed: &Editor) -> ExportDialog {
    match ed.dialog() {
        Some(Dialog::Export(choices)) => choices.clone(),
        other => panic!("no export dialog: {other:?}"),
    }
}

fn english_speech(ed: &mut Editor, d: &mut ScriptedDialogs, o: &mut RecordingOpener) {
    apply(ed, d, o, Action::NewFromTemplate("en-keynote".into()));
    assert!(!ed.chinese_speech());
}

#[test]
fn the_dialog_defaults_by_language_and_remembers_the_last_choice() {
    let (mut d, mut o) = (ScriptedDialogs::new(), RecordingOpener::new());
    let mut ed = editor(&mut d, None);
    apply(&mut ed, &mut d, &mut o, Action::Export);
    let first = export_dialog(&ed);
    assert_eq!(first.kind, ExportKind::Text);
    assert_eq!(first.layout, LayoutName::Gongwen);
    assert_eq!(first.style, ExportStyle::Chinese);

    // Choosing PDF and the reading copy in the dialog is remembered for the next opening and
    // for Print.
    let chosen = ExportDialog {
        kind: ExportKind::Pdf,
        layout: LayoutName::Reading,
        ..first
    };
    apply(
        &mut ed,
        &mut d,
        &mut o,
        Action::ShowDialog(Dialog::Export(chosen.clone())),
    );
    apply(&mut ed, &mut d, &mut o, Action::CloseDialog);
    apply(&mut ed, &mut d, &mut o, Action::Export);
    assert_eq!(export_dialog(&ed), chosen);
    assert_eq!(ed.print_choices().layout, LayoutName::Reading);

    // An English speech gets the manuscript layout and the English style, but keeps PDF.
    english_speech(&mut ed, &mut d, &mut o);
    apply(&mut ed, &mut d, &mut o, Action::Export);
    let english = export_dialog(&ed);
    assert_eq!(english.kind, ExportKind::Pdf);
    assert_eq!(english.layout, LayoutName::Manuscript);
    assert_eq!(english.style, ExportStyle::English);
}

#[test]
fn layout_options_reach_the_profile_only_where_offered() {
    let settings = crate::project::Settings::default();
    let mut choices = ExportDialog::for_language(false);
    assert!(
        choices
            .print_options(&settings)
            .profile
            .check_against_delivery
    );
    choices
        .options
        .set(LayoutOption::CheckAgainstDelivery, false);
    choices.options.set(LayoutOption::SectionBreaks, true);
    let profile = choices.print_options(&settings).profile;
    assert!(!profile.check_against_delivery);
    assert!(profile.break_before_section);
    // 公文 has no notice, whatever the option says.
    choices.layout = LayoutName::Gongwen;
    choices
        .options
        .set(LayoutOption::CheckAgainstDelivery, true);
    assert!(
        !choices
            .print_options(&settings)
            .profile
            .check_against_delivery
    );
    assert!(LayoutOption::offered(LayoutName::Reading).contains(&LayoutOption::NextPageCue));
    assert!(!LayoutOption::offered(LayoutName::Gongwen).contains(&LayoutOption::NextPageCue));
}

#[test]
fn export_to_docx_and_pdf_writes_the_files_and_shows_a_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut d, mut o) = (ScriptedDialogs::new(), RecordingOpener::new());
    let mut ed = editor(&mut d, None);
    apply(
        &mut ed,
        &mut d,
        &mut o,
        Action::Edit(Edit::SetField {
            field: Field::Title,
            text: "在工作会议上的讲话".into(),
        }),
    );
    for (kind, magic) in [(ExportKind::Pdf, &b"%PDF"[..]), (ExportKind::Docx, b"PK")] {
        // No extension typed: the kind's is added.
        let path = dir.path().join(format!("out-{}", kind.extension()));
        d.push(Some(path.clone()));
        apply(&mut ed, &mut d, &mut o, Action::Export);
        let choices = ExportDialog {
            kind,
            layout: LayoutName::Reading,
            ..export_dialog(&ed)
        };
        apply(&mut ed, &mut d, &mut o, Action::ExportToFile(choices));
        let written = path.with_extension(kind.extension());
        let bytes = std::fs::read(&written).expect("written");
        assert!(bytes.starts_with(magic), "{kind:?}");
        assert!(ed.messages().is_empty(), "{:?}", ed.messages());
        assert!(ed.dialog().is_none());
        assert_eq!(
            ed.notice(),
            Some(&Notice::Exported {
                path: written.clone()
            })
        );
        let call = d.calls().last().cloned().expect("a picker");
        assert_eq!(
            call.suggested_name,
            format!("在工作会议上的讲话.{}", kind.extension())
        );
    }

    // The notice's button opens the folder; the notice goes away by itself after a while.
    let exported = ed
        .notice()
        .and_then(Notice::path)
        .map(std::path::Path::to_path_buf)
        .expect("notice");
    apply(&mut ed, &mut d, &mut o, Action::OpenFolder(exported));
    assert_eq!(o.opened(), [dir.path().to_path_buf()]);
    assert!(ed.notice().is_none());
    d.push(Some(dir.path().join("again.txt")));
    apply(&mut ed, &mut d, &mut o, Action::Export);
    let text = export_dialog(&ed);
    apply(&mut ed, &mut d, &mut o, Action::ExportToFile(text));
    assert!(ed.notice().is_some());
    // Unlike "Section deleted — Undo", a notice about a file stays up through typing.
    let edit = Edit::SetField {
        field: Field::Title,
        text: "另一个标题".into(),
    };
    apply(&mut ed, &mut d, &mut o, Action::Edit(edit));
    assert!(ed.notice().is_some_and(|n| !n.offers_undo()));
    let left = ed.tick(&mut Env::new(2.0, &mut d));
    assert!(
        left.is_some_and(|s| s > 0.0 && s <= NOTICE_SECS),
        "{left:?}"
    );
    ed.tick(&mut Env::new(1.0 + NOTICE_SECS + 0.1, &mut d));
    assert!(ed.notice().is_none());
}

#[test]
fn a_failed_export_names_the_file_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut d, mut o) = (ScriptedDialogs::new(), RecordingOpener::new());
    let mut ed = editor(&mut d, None);
    let path = dir.path().join("no-such-folder").join("x.pdf");
    d.push(Some(path.clone()));
    apply(&mut ed, &mut d, &mut o, Action::Export);
    let choices = ExportDialog {
        kind: ExportKind::Pdf,
        ..export_dialog(&ed)
    };
    apply(&mut ed, &mut d, &mut o, Action::ExportToFile(choices));
    match ed.messages() {
        [Message::ExportFailed { path: p, .. }] => assert_eq!(p, &path),
        other => panic!("{other:?}"),
    }
    assert!(ed.notice().is_none());
    assert!(ed.dialog().is_some(), "the dialog stays for another try");
    assert_eq!(
        std::fs::read_dir(dir.path()).map(|r| r.count()).ok(),
        Some(0)
    );
}

#[test]
fn print_writes_a_pdf_and_opens_it_or_says_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut d, mut o) = (ScriptedDialogs::new(), RecordingOpener::new());
    let mut ed = editor(&mut d, Some(dir.path().join("print")));
    english_speech(&mut ed, &mut d, &mut o);
    apply(&mut ed, &mut d, &mut o, Action::Print);
    let opened = o.opened();
    assert_eq!(opened.len(), 1);
    let pdf = &opened[0];
    assert!(pdf.starts_with(dir.path()));
    assert!(
        pdf.to_string_lossy().ends_with("(manuscript).pdf"),
        "{pdf:?}"
    );
    assert!(std::fs::read(pdf).expect("pdf").starts_with(b"%PDF"));
    assert_eq!(ed.notice(), Some(&Notice::Printed { path: pdf.clone() }));
    assert!(d.calls().is_empty(), "Print asks for no file");

    // No viewer: an error that says where the PDF is.
    o.set_failing(true);
    apply(&mut ed, &mut d, &mut o, Action::Print);
    match ed.messages() {
        [
            Message::OpenFailed {
                what: OpenWhat::Viewer,
                path,
            },
        ] => assert_eq!(path, pdf),
        other => panic!("{other:?}"),
    }
}
