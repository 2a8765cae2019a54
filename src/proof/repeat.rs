//! `repeated-char`: a character or word written twice by mistake — `的的`, `了了`, `是是`,
//! `the the`.
//!
//! Chinese doubles many characters on purpose (`看看` `常常` `层层` `方方面面`), so: a doubled
//! function character (`的` `了` `是` `在` …) is a slip and gets a fix (the second one goes);
//! any other doubled character is reported without a fix unless it is a known reduplication
//! (the allow-list below) or part of an `AABB` form (`方方面面`, `认认真真`).

use super::Hit;
use super::finding::{CheckId, FindingMessage};
use super::text::{Para, is_space};
use crate::stats::is_cjk;

/// Characters whose doubling is almost always a slip (Simplified and Traditional forms).
const SLIPS: &str = "的了是在和与與及对對把被将將从從为為以于於也都就而并並或其之这這那有要会會能很更最让讓使向给給跟同着著得地我你他她它们們此该該所";

/// Real reduplications (`AA` words), Simplified and Traditional.
const REDUPLICATIONS: &str = "\
看看 想想 说说 說說 听听 聽聽 问问 問問 谈谈 談談 试试 試試 走走 等等 学学 學學 练练 練練 \
查查 算算 比比 聊聊 找找 摸摸 谢谢 謝謝 好好 常常 天天 人人 家家 层层 層層 处处 處處 事事 \
时时 時時 个个 個個 刚刚 剛剛 渐渐 漸漸 慢慢 明明 久久 紧紧 緊緊 牢牢 默默 深深 多多 步步 \
年年 月月 日日 代代 户户 戶戶 村村 条条 條條 项项 項項 件件 样样 樣樣 种种 種種 句句 字字 \
点点 點點 滴滴 轻轻 輕輕 悄悄 静静 靜靜 稍稍 往往 仅仅 僅僅 偏偏 恰恰 早早 大大 小小 高高 \
短短 长长 長長 远远 遠遠 满满 滿滿 统统 統統 通通 纷纷 紛紛 频频 頻頻 屡屡 屢屢 连连 連連 \
声声 聲聲 节节 節節 级级 級級 环环 環環 关关 關關 一一 万万 萬萬 千千 哥哥 姐姐 爸爸 妈妈 \
媽媽 弟弟 妹妹 爷爷 爺爺 奶奶 叔叔 宝宝 寶寶 娃娃 星星 匆匆 冉冉 徐徐 熊熊 滔滔 洋洋 茫茫 \
累累 赫赫 堂堂 区区 區區 切切 济济 濟濟 勃勃 忡忡 旦旦 仆仆 僕僕 翼翼 鼎鼎 迢迢 非非 井井 \
津津 息息 欣欣 彬彬 振振 头头 頭頭 恋恋 戀戀 念念 夸夸 誇誇 楚楚 兢兢 孜孜 谆谆 諄諄 殷殷 \
循循 侃侃 耿耿 惶惶 历历 歷歷 栩栩 熙熙 攘攘 朗朗 琅琅 隆隆 浩浩 荡荡 蕩蕩 蒸蒸 人人 实实 \
扎扎 稳稳 穩穩 真真 切切 时时 事事 件件 桩桩 樁樁 分分 秒秒 色色 形形 林林 总总 總總 \
方方 面面 上上 下下 里里 裡裡 外外 前前 后后 後後 左左 右右 老老 少少 男男 女女 子子 孙孙 孫孫 \
生生 世世 祖祖 辈辈 輩輩 家家 户户 亲亲 親親 热热 熱熱 乐乐 樂樂 呵呵 哈哈 嘻嘻 轰轰 轟轟 \
烈烈 强强 強強 干干 乾乾 净净 淨淨 清清 楚楚 白白 漂漂 亮亮 舒舒 服服 平平 安安 踏踏 齐齐 齊齊 整整";

/// Four-character idioms with a doubled character inside that is not a slip.
const IDIOMS: [&str; 4] = ["不了了之", "一了百了", "是是非非", "的的确确"];

/// English words that are doubled on purpose (`had had`, `that that`).
const ENGLISH_DOUBLES: [&str; 6] = ["had", "that", "very", "bye", "ha", "no"];

fn is_reduplication(a: char) -> bool {
    let pair: String = [a, a].iter().collect();
    REDUPLICATIONS.split_whitespace().any(|w| w == pair)
}

/// Whether the pair at `i - 1, i` sits inside one of [`IDIOMS`].
fn in_idiom(p: &Para, i: usize) -> bool {
    IDIOMS.iter().any(|idiom| {
        let idiom: Vec<char> = idiom.chars().collect();
        (0..idiom.len()).any(|offset| {
            let Some(start) = (i - 1).checked_sub(offset) else {
                return false;
            };
            p.chars.get(start..start + idiom.len()) == Some(&idiom[..])
        })
    })
}

/// Whether the pair at `i - 1, i` is half of an `AABB` form (`方方面面`).
fn in_aabb(p: &Para, i: usize) -> bool {
    let c = |k: usize| p.at(k);
    let a = p.chars[i];
    let first_half = c(i + 1).is_some() && c(i + 1) == c(i + 2) && c(i + 1) != Some(a);
    let second_half = i >= 3 && c(i - 2) == c(i - 3) && c(i - 2) != Some(a);
    first_half || second_half
}

/// Doubled CJK characters and doubled English words.
pub(crate) fn check(p: &Para, out: &mut Vec<Hit>) {
    for i in 1..p.chars.len() {
        let c = p.chars[i];
        if c != p.chars[i - 1] || !is_cjk(c) || !p.is_free(i) || !p.is_free(i - 1) {
            continue;
        }
        if in_aabb(p, i) || in_idiom(p, i) {
            continue;
        }
        let slip = SLIPS.contains(c);
        if !slip && is_reduplication(c) {
            continue;
        }
        out.push(Hit {
            check: CheckId::RepeatedChar,
            start: i,
            end: i + 1,
            suggestion: slip.then(String::new),
            message: FindingMessage::Repeated {
                repeated: c.to_string(),
            },
        });
    }
    english_words(p, out);
}

/// `the the`: the same word twice with only spaces between (not across a comma or a line).
fn english_words(p: &Para, out: &mut Vec<Hit>) {
    let mut previous: Option<(usize, usize)> = None; // the last word: start, end
    let mut i = 0;
    while i < p.chars.len() {
        if !p.chars[i].is_ascii_alphabetic() {
            if !is_space(p.chars[i]) {
                previous = None;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < p.chars.len() && p.chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let end = i;
        if let Some((ps, pe)) = previous {
            let word = p.slice(start, end);
            let same = p.slice(ps, pe).eq_ignore_ascii_case(&word);
            let gap_is_spaces = (pe..start).all(|k| p.chars[k] == ' ');
            let allowed = ENGLISH_DOUBLES.contains(&word.to_ascii_lowercase().as_str());
            let free = (ps..end).all(|k| p.is_free(k));
            if same && gap_is_spaces && !allowed && free && pe < start {
                out.push(Hit {
                    check: CheckId::RepeatedChar,
                    start: pe,
                    end,
                    suggestion: Some(String::new()),
                    message: FindingMessage::Repeated { repeated: word },
                });
            }
        }
        previous = Some((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, bool)> {
        let p = Para::new(text);
        let mut hits = Vec::new();
        check(&p, &mut hits);
        hits.iter()
            .map(|h| (p.slice(h.start, h.end), h.suggestion.is_some()))
            .collect()
    }

    #[test]
    fn slips_are_found_with_a_fix() {
        assert_eq!(found("工作会上的的讲话"), [("的".to_string(), true)]);
        assert_eq!(found("完成了了任务，这是是关键"), [("了".into(), true), ("是".into(), true)]);
        assert_eq!(found("This is the the plan"), [(" the".to_string(), true)]);
    }

    #[test]
    fn reduplications_and_idioms_are_not_slips() {
        for text in [
            "看看 常常 天天 谢谢 好好 层层分解 环环相扣",
            "方方面面 认认真真 扎扎实实",
            "不了了之 的的确确 是是非非",
            "He had had enough; that that is",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn other_doubles_are_reported_without_a_fix() {
        assert_eq!(found("提提高管理"), [("提".to_string(), false)]);
    }
}
