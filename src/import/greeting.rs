//! The greeting line: a short line that addresses the audience (`同志们：`, `Ladies and
//! gentlemen,`), a long formal salutation, or a short colon-ended line under a title.

use super::headings::{parse_atx, parse_numbered};
use super::vocative::contains_known_vocative;
use crate::stats::is_cjk;

/// How many non-blank lines from the top a greeting without a known vocative may be.
const UNKNOWN_GREETING_WINDOW: usize = 30;

/// Words that make `xxx:` a label (a web page's `来源：`), not a greeting.
const LABEL_WORDS: &[&str] = &[
    "位置",
    "栏目",
    "欄目",
    "来源",
    "來源",
    "作者",
    "时间",
    "時間",
    "日期",
    "发布",
    "發佈",
    "發布",
    "发表",
    "發表",
    "编辑",
    "編輯",
    "标签",
    "標籤",
    "关键",
    "關鍵",
    "摘要",
    "阅读",
    "閱讀",
    "点击",
    "點擊",
    "浏览",
    "瀏覽",
    "人气",
    "人氣",
    "分类",
    "分類",
    "附件",
    "备注",
    "備註",
    "导航",
    "導航",
    "首页",
    "首頁",
    "上一篇",
    "下一篇",
    "相关",
    "相關",
    "推荐",
    "推薦",
    "评论",
    "評論",
    "分享",
    "主题",
    "主題",
    "source",
    "author",
    "date",
    "tags",
    "posted",
    "category",
    "subject",
    "title",
    "note",
    "updated",
    "published",
    "from",
    "to",
    "by",
    "移动端",
    "移動端",
];

/// Whether `line` has a greeting's shape: short (≤ 60 characters, ≤ 30 of them CJK), ending in
/// `:` `：` `,` `，`, no other colon, and not a heading; or a long formal salutation.
pub(crate) fn has_greeting_shape(line: &str) -> bool {
    is_short_greeting(line) || is_long_salutation(line) || super::vocative::is_whole_greeting(line)
}

/// Abbreviations whose period does not end a sentence inside a salutation.
const ABBREVIATIONS: [&str; 7] = ["Mr.", "Mrs.", "Ms.", "Dr.", "Jr.", "St.", "Sr."];

/// A salutation listing dignitaries on one line of up to 200 characters ending in `:` or `：`
/// (`Vice President …, Mr. Chief Justice, …, fellow citizens:`; `…总统夫人、…、各位女士：`):
/// at least three parts separated by `,` `，` `、` `;`, each at most 40 characters, no sentence
/// inside, and a known vocative among them.
fn is_long_salutation(line: &str) -> bool {
    if !line.ends_with([':', '：']) || line.chars().count() > 200 {
        return false;
    }
    let mut body = line.trim_end_matches([':', '：']).to_string();
    for abbreviation in ABBREVIATIONS {
        body = body.replace(abbreviation, "");
    }
    let parts: Vec<&str> = body.split([',', '，', '、', ';', '；']).collect();
    parts.len() >= 3
        && parts.iter().all(|p| p.trim().chars().count() <= 40)
        && !body.contains(['。', '.', '!', '?', '！', '？', ':', '：'])
        && contains_known_vocative(line)
        && parse_numbered(line).is_none()
}

fn is_short_greeting(line: &str) -> bool {
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if !matches!(last, ':' | '：' | ',' | '，') {
        return false;
    }
    let (all, cjk) = char_counts(line);
    let body = line.get(..line.len() - last.len_utf8()).unwrap_or_default();
    all <= 60
        && cjk <= 30
        && !body.contains([':', '：'])
        && parse_numbered(line).is_none()
        && parse_atx(line).is_none()
}

/// Whether `line` (with a greeting's shape) is a label such as `来源：` or `Posted by:`.
pub(crate) fn is_label(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    LABEL_WORDS.iter().any(|label| {
        if label.is_ascii() {
            words.contains(label)
        } else {
            lower.contains(label)
        }
    })
}

/// A greeting with no known vocative: a short colon-ended line near the top, right under a
/// title-like line (or first), that is no label and no sentence.
fn is_unknown_greeting(line: &str, line_above: Option<&str>) -> bool {
    line.ends_with([':', '：'])
        && line.chars().count() <= 20
        && !line.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, '/' | '>' | '|' | '@' | '。' | '.' | '?' | '？')
        })
        && !is_label(line)
        && line_above.is_none_or(super::title::is_title_like)
}

/// The index of the greeting line in `lines`, if any: the first line with a greeting's shape and
/// a known vocative; failing that, a short colon-ended line near the top under a title-like line.
pub(crate) fn find_greeting(lines: &[&str]) -> Option<usize> {
    find_greeting_where(lines, &|_| true)
}

/// [`find_greeting`] among the lines for which `allowed` holds.
pub(crate) fn find_greeting_where(
    lines: &[&str],
    allowed: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let shaped = || {
        lines
            .iter()
            .enumerate()
            .filter(|&(index, line)| allowed(index) && has_greeting_shape(line))
    };
    if let Some((index, _)) = shaped().find(|(_, line)| contains_known_vocative(line)) {
        return Some(index);
    }
    let mut line_above: Option<&str> = None;
    for (index, line) in lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .take(UNKNOWN_GREETING_WINDOW)
    {
        if allowed(index) && is_short_greeting(line) && is_unknown_greeting(line, line_above) {
            return Some(index);
        }
        line_above = Some(line);
    }
    None
}

pub(crate) fn char_counts(line: &str) -> (usize, usize) {
    line.chars().fold((0, 0), |(all, cjk), c| {
        (all + 1, cjk + usize::from(is_cjk(c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings_with_known_vocatives() {
        for line in [
            "同志们：",
            "同志們:",
            "各位代表，",
            "尊敬的各位领导、各位来宾，女士们、先生们：",
            "Ladies and gentlemen,",
            "Dear colleagues,",
            "Good evening, everyone,",
        ] {
            assert_eq!(find_greeting(&["标题", line, "正文。"]), Some(1), "{line}");
        }
    }

    #[test]
    fn labels_and_navigation_are_not_greetings() {
        let lines = [
            "當前位置:人人簡歷網 > 實用文 > 發言稿",
            "欄目: 發言稿 / 發佈於: / 人氣:1.19W",
            "来源：",
            "标题",
            "正文。",
        ];
        assert_eq!(find_greeting(&lines), None);
    }

    #[test]
    fn an_unknown_greeting_must_sit_under_a_title() {
        assert_eq!(find_greeting(&["致辞", "各位亲人："]), Some(1));
        assert_eq!(find_greeting(&["长长的一段话。", "主要任务是："]), None);
        assert_eq!(find_greeting(&["一、主要任务："]), None);
    }

    #[test]
    fn long_salutations_and_new_vocatives() {
        let long = "Vice President Biden, Mr. Chief Justice, Members of the United States \
                    Congress, President Carter, President Clinton, fellow citizens:";
        assert!(has_greeting_shape(long));
        assert!(has_greeting_shape(
            "尊敬的总统先生、总统夫人，尊敬的各位贵宾、各位来宾，女士们、先生们："
        ));
        for line in [
            "各位贵宾：",
            "各位女士：",
            "朋友们：",
            "各位同仁：",
            "老师们、同学们：",
            "Distinguished guests,",
            "Fellow citizens:",
            "Good evening, everybody,",
        ] {
            assert_eq!(find_greeting(&["题目", line]), Some(1), "{line}");
        }
        assert_eq!(
            find_greeting(&["题目", "We met, we talked, we agreed. Then we left, happy:"]),
            None
        );
    }
}
