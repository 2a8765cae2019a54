//! One headless frame of the whole editor with a 45,000-character speech open: an idle frame,
//! a frame that types one character into a section, and frames of the compare view (the speech
//! as a draft against an edited working copy): idle, and stepping to the next change. Then an
//! idle and a keystroke frame with the sample speech from `../shared/samples` (when present).
//! With the Proofing panel open: an idle and a keystroke frame on the 45,000-character speech
//! with an ASCII comma in every paragraph (hundreds of findings), and a keystroke frame on the
//! sample speech.
//!
//! The first frame of `lectern speech.txt` (the import preview of the sample), cold and after the
//! start-up warm-up has drawn it once headless on the same context (`ui::warm_up`).
//!
//! Last, frames while a project of the sample speech with 500 drafts is saved in the background:
//! the frame that starts the save (the snapshot is taken there), and the slowest frame drawn
//! while the worker writes (printed).
//!
//! Run: `cargo bench --bench frame -- --warm-up-time 1 --measurement-time 3`.
//! Goals: idle ≤ 1 ms median, keystroke ≤ 2 ms median, compare view ≤ 16 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lectern::editor::{Action, DiffSettings, Edit, ScriptedDialogs};
use lectern::model::{Section, Speech};
use lectern::part::Field;
use lectern::project::Project;
use lectern::ui::commands::Command;
use lectern::ui::i18n::UiLanguage;
use lectern::ui::panes::field_id;
use lectern::ui::view::Intent;

#[path = "support/drafts.rs"]
mod drafts;
use lectern::ui::{AppOptions, LecternApp, UiPrefs};

/// A paragraph of about 120 characters of Chinese speech text.
const PARAGRAPH: &str = "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点和落脚点，\
    扎实推进各项重点任务落地见效，切实解决好群众急难愁盼问题，不断增强人民群众的获得感、幸福感、安全感。\
    各级各部门要强化责任担当，";

/// A speech of at least `chars` characters: title, greeting, opening, four sections, closing.
fn big_speech(chars: usize) -> Speech {
    let per_paragraph = PARAGRAPH.chars().count();
    let paragraphs = chars / per_paragraph + 1;
    let per_section = paragraphs / 4;
    let numbered =
        |n: usize| -> Vec<String> { (0..n).map(|i| format!("{}{PARAGRAPH}", i + 1)).collect() };
    Speech {
        title: "在全市经济工作会议上的讲话".into(),
        greeting: "同志们：".into(),
        opening: numbered(3),
        sections: (0..4)
            .map(|i| Section::new(format!("第{}项重点工作", i + 1), numbered(per_section)))
            .collect(),
        closing: numbered(2),
        ..Speech::default()
    }
}

/// The big speech with an ASCII comma between Chinese characters in every paragraph (a
/// `punct-halfwidth` finding each), for the frames with the Proofing panel open.
fn big_speech_with_slips(chars: usize) -> Speech {
    let mut speech = big_speech(chars);
    let slip = |p: &mut String| *p = p.replacen('，', ",", 1);
    speech.opening.iter_mut().for_each(slip);
    speech.closing.iter_mut().for_each(slip);
    for section in &mut speech.sections {
        section.paragraphs.iter_mut().for_each(slip);
    }
    speech
}

fn app_with_big_speech(dir: &std::path::Path) -> LecternApp {
    let app = app_with_speech(dir, "big.lectern", big_speech(45_000), UiLanguage::ZhHans);
    let text: String = lectern::export::export(
        app.editor().speech(),
        &lectern::export::ExportOptions::chinese(),
    );
    assert!(text.chars().count() >= 45_000, "{}", text.chars().count());
    app
}

struct Window {
    ctx: egui::Context,
    app: LecternApp,
    time: f64,
}

impl Window {
    fn new(app: LecternApp) -> Self {
        let ctx = egui::Context::default();
        lectern::ui::fonts::install(&ctx);
        let mut window = Self {
            ctx,
            app,
            time: 0.0,
        };
        // Settle: fonts, layout caches, the first frames' scrolling.
        for _ in 0..5 {
            window.frame(Vec::new());
        }
        window
    }

    /// Sends an action as a view would and runs the frame that applies it.
    fn apply(&mut self, action: Action) {
        self.app.send(Intent::Action(action));
        self.frame(Vec::new());
    }

    /// The compare view's current stop and number of stops.
    fn diff_position(&self) -> (Option<usize>, usize) {
        self.app
            .editor()
            .compare()
            .map_or((None, 0), |c| (c.current(), c.stops().len()))
    }

    /// Puts the keyboard focus in the body of section `index` (and runs the frame that takes it).
    fn focus_section_body(&mut self, index: usize) {
        let id = self.app.editor().speech().sections[index].id;
        self.ctx
            .memory_mut(|m| m.request_focus(field_id(Field::Body(id))));
        self.frame(Vec::new());
    }

    fn frame(&mut self, events: Vec<egui::Event>) {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        // A whole pass, as eframe runs it: the logic (actions, autosave), then the frame.
        let mut output = self.ctx.run_ui(input, |ui| app.pass_ui(ui));
        output.textures_delta.clear();
        black_box(&output.shapes);
    }
}

/// The input of a window's first frame.
fn first_frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        time: Some(0.0),
        ..Default::default()
    }
}

/// The events of one keystroke: a character, then (next time) Backspace taking it away again, so
/// the text being typed in keeps its length however many iterations the benchmark runs.
fn keystroke(typed: &mut bool) -> Vec<egui::Event> {
    *typed = !*typed;
    if *typed {
        vec![egui::Event::Text("字".into())]
    } else {
        vec![egui::Event::Key {
            key: egui::Key::Backspace,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }]
    }
}

fn frames(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temporary folder: {e}"),
    };
    let mut group = c.benchmark_group("frame_45k_chars");

    let mut idle = Window::new(app_with_big_speech(dir.path()));
    group.bench_function("idle", |b| b.iter(|| idle.frame(Vec::new())));

    let mut typing = Window::new(app_with_big_speech(dir.path()));
    typing.focus_section_body(1);
    let mut typed = false;
    // Whether the case ran (a name filter on the command line may skip it).
    let mut typing_ran = false;
    group.bench_function("keystroke", |b| {
        typing_ran = true;
        b.iter(|| typing.frame(keystroke(&mut typed)))
    });
    assert!(
        !typing_ran || typing.app.editor().revision() > 1,
        "the keystrokes reached the document"
    );
    // A keystroke after a pause: the frames in between (the cursor blinking) changed nothing.
    group.bench_function("keystroke_after_a_pause", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                typing.frame(Vec::new());
                typing.frame(Vec::new());
                let start = Instant::now();
                typing.frame(keystroke(&mut typed));
                total += start.elapsed();
            }
            total
        })
    });

    // The Proofing panel open on a speech with hundreds of findings: typing checks the
    // changed section again, and the panel draws only the rows in sight.
    let slips = app_with_speech(
        dir.path(),
        "slips.lectern",
        big_speech_with_slips(45_000),
        UiLanguage::ZhHans,
    );
    let mut proofing = Window::new(slips);
    proofing.apply(Action::ToggleProofing);
    assert!(
        proofing.app.editor().proofing().findings().len() > 300,
        "{}",
        proofing.app.editor().proofing().findings().len()
    );
    group.bench_function("idle_proofing_open", |b| {
        b.iter(|| proofing.frame(Vec::new()))
    });
    proofing.focus_section_body(1);
    let before = proofing.app.editor().revision();
    let mut typed = false;
    let mut proofing_ran = false;
    group.bench_function("keystroke_proofing_open", |b| {
        proofing_ran = true;
        b.iter(|| proofing.frame(keystroke(&mut typed)))
    });
    if proofing_ran {
        assert!(proofing.app.editor().revision() > before, "typed");
        assert_eq!(
            proofing.app.editor().proofing().rechecked_fields(),
            1,
            "a keystroke checks only its section again"
        );
    }

    let mut compare = window_with_edited_draft(dir.path());
    assert!(
        compare.diff_position().1 > 10,
        "{:?}",
        compare.diff_position()
    );
    group.bench_function("diff_view_idle", |b| b.iter(|| compare.frame(Vec::new())));
    let f8 = egui::Event::Key {
        key: egui::Key::F8,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    let mut f8_ran = false;
    group.bench_function("diff_view_next_change", |b| {
        f8_ran = true;
        b.iter(|| compare.frame(vec![f8.clone()]))
    });
    assert!(!f8_ran || compare.diff_position().0.is_some(), "F8 moved");
    // A frame that compares again: the cleanup switch flips, so the cached diff is stale.
    let mut cleanup = true;
    group.bench_function("diff_view_recompare", |b| {
        b.iter(|| {
            cleanup = !cleanup;
            compare.apply(Action::SetDiffSettings(DiffSettings {
                cleanup,
                ..DiffSettings::default()
            }));
        })
    });
    group.finish();

    // The same for the sample speech users paste (skipped when the sample is not there).
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples/work-conference-speech-zh-hant.txt");
    let Ok(text) = std::fs::read_to_string(&sample) else {
        return;
    };
    let speech = lectern::import::import_text(&text, lectern::import::TextFormat::Plain).speech;
    let mut group = c.benchmark_group("frame_sample_speech");
    // What `lectern speech.txt` shows first: a fresh window (fonts not yet loaded, no glyph
    // drawn yet) whose first frame opens the import preview of the sample.
    group.bench_function("first_frame_opening_the_txt", |b| {
        b.iter_batched(
            || {
                let ctx = egui::Context::default();
                lectern::ui::fonts::install(&ctx);
                let app = LecternApp::new(options(Some(sample.clone()), UiLanguage::ZhHant));
                (ctx, app)
            },
            |(ctx, mut app)| {
                let mut output = ctx.run_ui(first_frame_input(), |ui| app.pass_ui(ui));
                output.textures_delta.clear();
                black_box(&output.shapes);
                (ctx, app)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    // The same first frame as the window draws it: after the start-up warm-up has drawn it once
    // headless on the same context (on another thread, while eframe opens the window).
    group.bench_function("first_frame_after_the_warm_up", |b| {
        let input = egui::RawInput {
            max_texture_side: Some(lectern::ui::warm_up::ASSUMED_MAX_TEXTURE_SIDE),
            ..first_frame_input()
        };
        let size = input
            .screen_rect
            .map_or(egui::Vec2::ZERO, |rect| rect.size());
        b.iter_batched(
            || {
                let ctx = lectern::ui::warm_up::window_context();
                let warm_up = options(Some(sample.clone()), UiLanguage::ZhHant);
                lectern::ui::warm_up::draw_headless_first_frame(&ctx, size, warm_up);
                let app = LecternApp::new(options(Some(sample.clone()), UiLanguage::ZhHant));
                (ctx, app)
            },
            |(ctx, mut app)| {
                let mut output = ctx.run_ui(input.clone(), |ui| app.pass_ui(ui));
                output.textures_delta.clear();
                black_box(&output.shapes);
                (ctx, app)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    let mut idle = Window::new(app_with_speech(
        dir.path(),
        "sample.lectern",
        speech.clone(),
        UiLanguage::ZhHant,
    ));
    group.bench_function("idle", |b| b.iter(|| idle.frame(Vec::new())));
    let mut typing = Window::new(app_with_speech(
        dir.path(),
        "sample.lectern",
        speech,
        UiLanguage::ZhHant,
    ));
    typing.focus_section_body(1);
    let mut typed = false;
    group.bench_function("keystroke", |b| {
        b.iter(|| typing.frame(keystroke(&mut typed)))
    });
    typing.apply(Action::ToggleProofing);
    assert!(!typing.app.editor().proofing().findings().is_empty());
    typing.focus_section_body(1);
    group.bench_function("keystroke_proofing_open", |b| {
        b.iter(|| typing.frame(keystroke(&mut typed)))
    });
    group.finish();
}

/// The editor with `speech` saved as `file_name` in `dir` and opened, in `language`.
fn app_with_speech(
    dir: &std::path::Path,
    file_name: &str,
    speech: Speech,
    language: UiLanguage,
) -> LecternApp {
    let path = dir.join(file_name);
    if let Err(e) = lectern::storage::save_project(&Project::new(speech), &path) {
        panic!("cannot write the benchmark's speech: {e}");
    }
    LecternApp::new(options(Some(path), language))
}

/// The window's options for a benchmark: `path` opened, the drafts panel shown, no recovery.
fn options(path: Option<std::path::PathBuf>, language: UiLanguage) -> AppOptions {
    AppOptions {
        dialogs: Box::new(ScriptedDialogs::new()),
        opener: Box::new(lectern::editor::NoOpener),
        prefs: UiPrefs {
            language: Some(language),
            show_drafts: true,
            ..UiPrefs::default()
        },
        initial_path: path,
        system_locale: None,
        recovery: None,
        warn_without_recovery: false,
        background_saves: false,
        clock: lectern::ui::PassClock::Input,
    }
}

/// The big speech saved as a draft, then edited (a sentence changed in every fifth paragraph,
/// one section moved, the title changed), with the compare view open.
fn window_with_edited_draft(dir: &std::path::Path) -> Window {
    let mut window = Window::new(app_with_big_speech(dir));
    window.apply(Action::SaveDraftNamed {
        name: "初稿".into(),
        note: None,
    });
    let sections = window.app.editor().speech().sections.clone();
    for section in &sections {
        let text: Vec<String> = section
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i % 5 == 0 {
                    p.replace("扎实推进", "全力推进").replace("幸福感、", "")
                } else {
                    p.clone()
                }
            })
            .collect();
        window.apply(Action::Edit(Edit::SetField {
            field: Field::Body(section.id),
            text: text.join("\n"),
        }));
    }
    window.apply(Action::Edit(Edit::MoveSection {
        id: sections[3].id,
        to: 0,
    }));
    window.apply(Action::Edit(Edit::SetField {
        field: Field::Title,
        text: "在全市经济工作会议上的讲话（修改稿）".into(),
    }));
    window.apply(Action::CompareDrafts);
    window
}

/// Frames while the sample speech with 500 drafts is saved on the worker thread, typing on.
fn saving_frames(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("no temporary folder: {e}"),
    };
    let path = dir.path().join("500-drafts.lectern");
    // Named drafts: automatic ones older than a day would be thinned away by the first save.
    let mut project = drafts::project_with_drafts(500);
    for draft in &mut project.drafts {
        draft.kind = lectern::project::DraftKind::Named;
    }
    if let Err(e) = lectern::storage::save_project(&project, &path) {
        panic!("cannot write the benchmark's project: {e}");
    }
    let app = LecternApp::new(AppOptions {
        background_saves: true,
        ..options(Some(path), UiLanguage::ZhHant)
    });
    let mut window = Window::new(app);
    window.focus_section_body(1);
    let typed = || vec![egui::Event::Text("字".into())];
    let mut slowest_while_writing = Duration::ZERO;
    let mut saves = 0;
    let mut group = c.benchmark_group("frame_saving_500_drafts");
    group.sample_size(20);
    group.bench_function("frame_that_starts_the_save", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                window.frame(typed());
                let start = Instant::now();
                window.app.send(Intent::Command(Command::Save));
                window.frame(Vec::new());
                total += start.elapsed();
                saves += 1;
                // Typing goes on while the worker writes; each of these frames is timed too.
                while window.app.editor().is_saving() {
                    let start = Instant::now();
                    window.frame(typed());
                    slowest_while_writing = slowest_while_writing.max(start.elapsed());
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
            total
        })
    });
    group.finish();
    if saves == 0 {
        // A name filter on the command line skipped the case.
        return;
    }
    // Each save adds an automatic draft and thins the old ones: many drafts stay.
    assert!(
        window.app.editor().drafts().len() > 100,
        "saved with its drafts"
    );
    eprintln!(
        "saving 500 drafts: {saves} saves, slowest frame while the worker wrote: {:.2} ms",
        slowest_while_writing.as_secs_f64() * 1e3
    );
}

criterion_group!(benches, frames, saving_frames);
criterion_main!(benches);
