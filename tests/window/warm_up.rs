//! The start-up warm-up: the first frame drawn headless on the window's context beforehand
//! leaves the real first frame the same on screen, with the whole glyph atlas for the painter and
//! no glyph left to rasterise.

use egui::{Pos2, RawInput, Rect, TextureId, vec2};
use lectern::ui::warm_up::{
    ASSUMED_MAX_TEXTURE_SIDE, draw_headless_first_frame, headless_options, window_context,
};
use lectern::ui::{LecternApp, UiPrefs};

const SIZE: egui::Vec2 = vec2(1200.0, 800.0);

/// A speech as a web page hands it over: site boilerplate, title, greeting, three sections with
/// their points, ASCII punctuation, and long paragraphs.
fn web_paste() -> String {
    let mut text = String::from(
        "首頁 > 講話稿 > 正文\n發佈時間:2026-03-01 瀏覽:1,024\n\
         在全市機關效能建設工作會議上的講話\n同志們:\n\
         今天召開會議,主要任務是總結去年工作,部署今年任務。下面,我講三點意見。\n",
    );
    for (number, heading) in [("一", "提高站位"), ("二", "突出重點"), ("三", "狠抓落實")]
    {
        text.push_str(&format!("{number}、{heading},推動工作邁上新台階\n"));
        for point in ["一要", "二要", "三要"] {
            text.push_str(&format!(
                "{point}堅持問題導向。{}\n",
                "要把調查研究貫穿工作始終,把群眾滿意作為檢驗標準,確保各項任務落地見效。".repeat(3)
            ));
        }
    }
    text.push_str("同志們,任務艱巨,使命光榮。讓我們攜手並進,再創佳績!\n");
    text
}

/// The first frame of a new editor on the paste, on `ctx`: the texts painted (with where) and the
/// font texture's updates handed to the painter (`true` for a whole image).
fn first_frame(ctx: &egui::Context, path: &std::path::Path) -> (Vec<(String, Pos2)>, Vec<bool>) {
    let mut app = LecternApp::new(options(path));
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
        max_texture_side: Some(ASSUMED_MAX_TEXTURE_SIDE),
        time: Some(0.0),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.pass_ui(ui));
    let font_updates = output
        .textures_delta
        .set
        .iter()
        .filter(|(id, _)| **id == TextureId::default())
        .flat_map(|(_, deltas)| deltas.iter().map(|delta| delta.is_whole()))
        .collect();
    output.textures_delta.clear();
    let mut texts = Vec::new();
    for clipped in &output.shapes {
        collect_texts(&clipped.shape, &mut texts);
    }
    (texts, font_updates)
}

fn options(path: &std::path::Path) -> lectern::ui::AppOptions {
    headless_options(
        Some(path.to_path_buf()),
        Some("zh-TW".into()),
        UiPrefs::default(),
    )
}

fn collect_texts(shape: &egui::Shape, texts: &mut Vec<(String, Pos2)>) {
    match shape {
        egui::Shape::Text(text) => texts.push((text.galley.text().to_owned(), text.pos)),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_texts(s, texts)),
        _ => {}
    }
}

#[test]
fn a_warmed_up_first_frame_looks_the_same_and_hands_the_painter_the_whole_atlas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("講話.txt");
    std::fs::write(&path, web_paste()).unwrap();

    let (cold_texts, cold_updates) = first_frame(&window_context(), &path);
    assert!(
        cold_texts.iter().any(|(text, _)| text.contains("同志們")),
        "the import preview shows the paste: {cold_texts:?}"
    );
    assert_eq!(
        cold_updates,
        [true],
        "a cold first frame sends the whole atlas"
    );

    let ctx = window_context();
    draw_headless_first_frame(&ctx, SIZE, options(&path));
    // Nothing of the headless editor's widgets is remembered: the real one starts fresh.
    assert!(ctx.memory(|memory| memory.data.is_empty() && memory.focused().is_none()));
    let (warm_texts, warm_updates) = first_frame(&ctx, &path);
    assert_eq!(warm_texts, cold_texts, "the same texts in the same places");
    // The atlas the headless frame filled reaches the painter whole, and nothing was added to
    // it: every glyph of the first frame was rasterised beforehand.
    assert_eq!(warm_updates, [true]);
}

#[test]
fn without_the_warm_up_on_its_context_the_first_frame_rasterises_glyphs_itself() {
    // The check above can fail: a headless frame on another context leaves this one cold, and
    // its first frame adds glyphs to the atlas it sends.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("講話.txt");
    std::fs::write(&path, web_paste()).unwrap();
    draw_headless_first_frame(&window_context(), SIZE, options(&path));
    let ctx = window_context();
    draw_headless_first_frame(
        &ctx,
        SIZE,
        options(dir.path().join("missing.txt").as_path()),
    );
    let (_, updates) = first_frame(&ctx, &path);
    assert_eq!(
        updates,
        [true, false],
        "the whole atlas, then the new glyphs"
    );
}
