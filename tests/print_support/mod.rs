//! Shared by the printed-copy tests: generated speeches with the genre's traits, and the outside
//! tools (poppler, LibreOffice) that read what Lectern wrote.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use lectern::model::{Language, Section, Speech};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const CLAUSES: [&str; 20] = [
    "坚持以人民为中心的发展思想",
    "切实增强责任感和紧迫感",
    "把各项任务落到实处",
    "不断提高工作质量和效率",
    "深入开展“大调研、大走访”活动",
    "统筹推进稳增长、促改革、调结构",
    "全年地区生产总值增长5.2%",
    "完成固定资产投资1280亿元",
    "引进GDP贡献大的项目36个",
    "营造风清气正的良好氛围",
    "抓好重点项目建设",
    "守住安全生产底线——这是不可逾越的红线",
    "健全长效机制",
    "发挥党员干部示范带头作用",
    "提升政务服务水平",
    "认真落实《关于进一步加强基层治理的意见》",
    "做到“马上就办、办就办好”",
    "广泛听取企业和群众的意见建议",
    "确保各项措施见到实效",
    "为全年目标任务的完成打下坚实基础",
];

/// A paragraph of at least `chars` characters, in sentences of two to four clauses.
fn paragraph(rng: &mut Lcg, chars: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < chars {
        let clauses = 2 + rng.next(3);
        for i in 0..clauses {
            out.push_str(CLAUSES[rng.next(CLAUSES.len())]);
            if i + 1 < clauses {
                out.push_str(["，", "，", "；", "、"][rng.next(4)]);
            }
        }
        out.push_str(["。", "。", "。", "！", "……。"][rng.next(5)]);
    }
    out
}

/// A 讲话稿 of about `chars` characters: long title, greeting, opening, three sections with
/// run-in `（一）` headings and points, closing; speaker and date set.
pub fn chinese_speech(chars: usize) -> Speech {
    let mut rng = Lcg(7);
    let per_paragraph = 160;
    let paragraphs = (chars / per_paragraph).max(6);
    let per_section = (paragraphs - 2) / 3;
    let headings = [
        "提高思想认识，增强做好工作的责任感和使命感",
        "突出工作重点，全力推动各项任务落地见效",
        "加强组织领导，为完成全年任务提供坚强保障",
    ];
    let sections = headings
        .iter()
        .map(|heading| {
            let list = (0..per_section)
                .map(|i| {
                    let body = paragraph(&mut rng, per_paragraph);
                    if i < 3 {
                        let label = ["（一）", "（二）", "（三）"][i];
                        format!("{label}要{}。{body}", &CLAUSES[i * 3])
                    } else {
                        body
                    }
                })
                .collect();
            Section::new(*heading, list)
        })
        .collect();
    let mut speech = Speech {
        title: "在全市2026年经济工作会议暨优化营商环境推进大会上的讲话".into(),
        greeting: "同志们：".into(),
        opening: vec![paragraph(&mut rng, per_paragraph)],
        sections,
        closing: vec![format!(
            "同志们，{}让我们以更加饱满的热情，奋力开创各项工作新局面！",
            paragraph(&mut rng, 60)
        )],
        ..Speech::default()
    };
    speech.meta.speaker = "张明".into();
    speech.meta.date = "2026年11月27日".into();
    speech
}

const WORDS: [&str; 24] = [
    "our",
    "community",
    "has",
    "shown",
    "remarkable",
    "resilience",
    "in",
    "the",
    "face",
    "of",
    "every",
    "challenge",
    "and",
    "together",
    "we",
    "will",
    "build",
    "a",
    "stronger",
    "future",
    "for",
    "all",
    "our",
    "children",
];

/// An English keynote of about `words` words.
pub fn english_speech(words: usize) -> Speech {
    let mut rng = Lcg(11);
    let mut sentence = |n: usize| {
        let mut s: Vec<String> = (0..n)
            .map(|_| WORDS[rng.next(WORDS.len())].to_string())
            .collect();
        if let Some(first) = s.first_mut() {
            *first = first[..1].to_uppercase() + &first[1..];
        }
        format!("{}{}", s.join(" "), [".", ".", "!", "?"][rng.next(4)])
    };
    let mut paragraph = |sentences: usize| {
        (0..sentences)
            .map(|i| sentence(8 + (i * 5) % 9))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let paragraphs = (words / 60).max(6);
    let per_section = (paragraphs - 2) / 3;
    let sections = ["Where we stand", "What we will do", "How we will get there"]
        .iter()
        .map(|h| Section::new(*h, (0..per_section).map(|_| paragraph(5)).collect()))
        .collect();
    let mut speech = Speech {
        title: "Building Tomorrow Together".into(),
        greeting: "Ladies and gentlemen,".into(),
        opening: vec![paragraph(4)],
        sections,
        closing: vec!["Thank you.".into()],
        ..Speech::default()
    };
    speech.meta.language = Language::En;
    speech.meta.speaker = "Jane Doe".into();
    speech.meta.date = "27 November 2026".into();
    speech
}

/// Whether `tool` can run. When it can't: outside CI the test is skipped with a message; in CI
/// (`CI` set) that is a failure, since CI installs the tools.
pub fn have_tool(tool: &str, package: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .or_else(|_| Command::new(tool).arg("-v").output())
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing in CI: .ci/run must install {package}"
        );
        eprintln!("SKIPPED: {tool} is not installed (apt-get install {package})");
    }
    found
}

/// Runs a command and returns its standard output, failing the test on an error.
pub fn run(command: &mut Command) -> String {
    let output = command.output().expect("the tool runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The text of a PDF as `pdftotext` reads it, one string per page (form feeds split pages).
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let text = run(Command::new("pdftotext").arg(pdf).arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The page count `pdfinfo` reports.
pub fn pdf_page_count(pdf: &Path) -> usize {
    let info = run(Command::new("pdfinfo").arg(pdf));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the pages")
}

/// The rows of `pdffonts` (name, type, encoding, emb, sub, uni) without the two header lines.
pub fn pdf_fonts(pdf: &Path) -> Vec<String> {
    run(Command::new("pdffonts").arg(pdf))
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect()
}

/// Text without any whitespace (line breaks and justification gaps don't count).
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Whether a line is a page number: `— 3 —` or `– 3 –`.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let inner = t
        .strip_prefix('—')
        .and_then(|s| s.strip_suffix('—'))
        .or_else(|| t.strip_prefix('–').and_then(|s| s.strip_suffix('–')));
    inner.is_some_and(|n| !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
}

/// Where to keep renderings for people to look at: `LECTERN_ARTIFACTS` when set.
pub fn artifacts_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("LECTERN_ARTIFACTS")?);
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// Renders pages 1 and 2 of `pdf` at 60 dpi as `<name>-1.png`, `<name>-2.png` into `dir`.
pub fn render_pngs(pdf: &Path, dir: &Path, name: &str) {
    run(Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "2"])
        .arg(pdf)
        .arg(dir.join(name)));
}

/// Width of a line in grid cells: full-width characters 1, others ½.
pub fn cells(line: &str) -> f32 {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if (c as u32) >= 0x2E80 || "“”‘’—…·".contains(c) {
                1.0
            } else {
                0.5
            }
        })
        .sum()
}
