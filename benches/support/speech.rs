//! A generated speech of a given length, shaped like a work-conference speech, for benchmarks.

#![allow(dead_code)]

const PHRASES: [&str; 24] = [
    "坚持以人民为中心的发展思想",
    "切实增强责任感和紧迫感",
    "把各项任务落到实处",
    "不断提高工作质量和效率",
    "深入调查研究",
    "统筹推进各方面工作",
    "加强组织领导",
    "完善工作机制",
    "强化督促检查",
    "营造良好氛围",
    "抓好重点项目建设",
    "推动高质量发展",
    "守住安全底线",
    "健全长效机制",
    "发挥示范带头作用",
    "提升服务水平",
    "一是要统一思想",
    "二是要明确责任",
    "三是要狠抓落实",
    "一要提高站位",
    "二要突出重点",
    "广泛听取意见建议",
    "确保各项措施见到实效",
    "为全年目标任务的完成打下坚实基础",
];

const HEADINGS: [&str; 3] = [
    "提高思想认识,增强做好工作的责任感",
    "突出工作重点,全力推动任务落实",
    "加强组织领导,为完成任务提供坚强保障",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

/// A paragraph of roughly `chars` characters, with ASCII and full-width punctuation mixed.
fn paragraph(rng: &mut Lcg, chars: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < chars {
        out.push_str(PHRASES[rng.next() % PHRASES.len()]);
        out.push_str(match rng.next() % 4 {
            0 => ",",
            1 => "，",
            2 => "；",
            _ => "。",
        });
    }
    out.pop();
    out.push('。');
    out
}

/// Plain text of a speech with about `total_chars` characters: title, greeting, opening, three
/// sections of ~300-character paragraphs, closing — blank lines between paragraphs.
pub fn speech_text(total_chars: usize) -> String {
    let mut rng = Lcg(42);
    let mut blocks = vec![
        "在全市年度工作会议上的讲话".to_string(),
        "同志们:".to_string(),
        paragraph(&mut rng, 300),
    ];
    let per_section = total_chars.saturating_sub(700) / HEADINGS.len();
    for (i, heading) in HEADINGS.iter().enumerate() {
        blocks.push(format!("{}、{heading}", ["一", "二", "三"][i]));
        let mut written = 0;
        while written < per_section {
            let p = paragraph(&mut rng, 300);
            written += p.chars().count();
            blocks.push(p);
        }
    }
    blocks.push("同志们,任务艰巨,使命光荣,让我们团结一心,共同努力!".to_string());
    blocks.join("\n\n") + "\n"
}
