//! The head of a speech: notes, title and greeting — everything before the body.

use super::headings::{parse_atx, parse_numbered};
use super::lines::uses_blank_lines;
use super::vocative::contains_known_vocative;
use crate::stats::is_cjk;

/// What the importer found before the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Head<'a> {
    /// Non-blank lines above the title (or above the greeting when there is no title).
    pub notes_before_title: Vec<&'a str>,
    /// The Markdown `#` removed from the title.
    pub title_marker: Option<&'a str>,
    /// The title line, without its Markdown marker.
    pub title: Option<&'a str>,
    /// Non-blank lines between the title and the greeting (a date, a subtitle …).
    pub notes_after_title: Vec<&'a str>,
    /// The greeting line.
    pub greeting: Option<&'a str>,
    /// The index of the first line of the body.
    pub body_start: usize,
    /// What had to be guessed.
    pub warnings: Vec<String>,
}

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
];

fn char_counts(line: &str) -> (usize, usize) {
    line.chars().fold((0, 0), |(all, cjk), c| {
        (all + 1, cjk + usize::from(is_cjk(c)))
    })
}

/// Whether `line` has a greeting's shape: short (≤ 60 characters, ≤ 30 of them CJK), ending in
/// `:` `：` `,` `，`, no other colon, and not a heading.
fn has_greeting_shape(line: &str) -> bool {
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
fn is_label(line: &str) -> bool {
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
        && line_above.is_none_or(is_title_like)
}

/// The index of the greeting line in `lines`, if any: the first line with a greeting's shape and
/// a known vocative; failing that, a short colon-ended line near the top under a title-like line.
pub(crate) fn find_greeting(lines: &[&str]) -> Option<usize> {
    let shaped = || {
        lines
            .iter()
            .enumerate()
            .filter(|(_, line)| has_greeting_shape(line))
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
        if has_greeting_shape(line) && is_unknown_greeting(line, line_above) {
            return Some(index);
        }
        line_above = Some(line);
    }
    None
}

/// Whether `line` can be a title: not blank, at most 80 characters, not ending like a sentence
/// (`。.!?…;`) or like a greeting or label (`:` `,`).
pub(crate) fn is_title_like(line: &str) -> bool {
    line.chars().next_back().is_some_and(|last| {
        !matches!(
            last,
            '。' | '.' | '!' | '?' | '！' | '？' | '…' | '；' | ';' | ':' | '：' | ',' | '，'
        )
    }) && line.chars().count() <= 80
}

/// A line between a title and its greeting that is not the title: `（2024年3月1日）`, a
/// `——在…上的讲话` subtitle, or a speaker's name of up to four Han characters.
fn is_byline(line: &str) -> bool {
    let parenthesized =
        line.starts_with(['(', '（']) && line.ends_with([')', '）']) && line.chars().count() > 2;
    let subtitle = line.starts_with("——") || line.starts_with("--") || line.starts_with('—');
    let (all, cjk) = char_counts(line);
    let name = all <= 4 && all == cjk;
    parenthesized || subtitle || name
}

/// The title's line index and Markdown marker, looking up from the greeting at `greeting`.
fn find_title_above<'a>(
    lines: &[&'a str],
    greeting: usize,
    markdown: bool,
) -> Option<(usize, Option<&'a str>)> {
    let above = lines.get(..greeting)?;
    if markdown
        && let Some(index) = above
            .iter()
            .rposition(|line| parse_atx(line).is_some_and(|h| h.level == 1))
    {
        return Some((index, parse_atx(above.get(index)?).map(|h| h.marker)));
    }
    let mut non_blank = above
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, line)| !line.is_empty());
    let (mut index, mut line) = non_blank.next()?;
    for _ in 0..3 {
        if !is_byline(line) {
            break;
        }
        match non_blank.next() {
            Some((i, l)) if is_title_like(l) => (index, line) = (i, l),
            _ => break,
        }
    }
    if !is_title_like(line) {
        return None;
    }
    let marker = if markdown {
        parse_atx(line).map(|h| h.marker)
    } else {
        None
    };
    Some((index, marker))
}

fn non_blank<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines.iter().copied().filter(|l| !l.is_empty()).collect()
}

/// Finds notes, title and greeting at the top of `lines`.
pub(crate) fn find_head<'a>(lines: &[&'a str], markdown: bool) -> Head<'a> {
    let mut head = Head::default();
    if let Some(greeting) = find_greeting(lines) {
        head.greeting = lines.get(greeting).copied();
        head.body_start = greeting + 1;
        match find_title_above(lines, greeting, markdown) {
            Some((title, marker)) => {
                let line = lines.get(title).copied().unwrap_or_default();
                head.title_marker = marker;
                head.title = Some(match marker {
                    Some(marker) => line.get(marker.len()..).unwrap_or_default().trim(),
                    None => line,
                });
                head.notes_before_title = non_blank(lines.get(..title).unwrap_or_default());
                head.notes_after_title =
                    non_blank(lines.get(title + 1..greeting).unwrap_or_default());
            }
            None => {
                head.notes_before_title = non_blank(lines.get(..greeting).unwrap_or_default());
                if lines
                    .get(..greeting)
                    .is_some_and(|l| !non_blank(l).is_empty())
                {
                    head.warnings.push(
                        "the line above the greeting does not look like a title; no title was \
                         taken, and the lines above the greeting were kept as notes"
                            .to_string(),
                    );
                } else {
                    head.warnings
                        .push("no title found above the greeting".to_string());
                }
            }
        }
        if !head.notes_before_title.is_empty() {
            head.warnings.push(format!(
                "{} line(s) above the title were kept as notes",
                head.notes_before_title.len()
            ));
        }
        return head;
    }
    head.warnings.push("no greeting found".to_string());
    let Some(first) = lines.iter().position(|l| !l.is_empty()) else {
        return head;
    };
    let line = lines.get(first).copied().unwrap_or_default();
    let rest = lines.get(first + 1..).unwrap_or_default();
    let more_text = rest.iter().any(|l| !l.is_empty());
    if markdown && let Some(heading) = parse_atx(line) {
        let single_h1 = lines
            .iter()
            .filter(|l| parse_atx(l).is_some_and(|h| h.level == 1))
            .count()
            == 1;
        if heading.level == 1 && single_h1 {
            head.title_marker = Some(heading.marker);
            head.title = Some(heading.rest);
            head.body_start = first + 1;
            head.warnings
                .push("no greeting found; the Markdown `#` heading was taken as the title".into());
        }
        return head;
    }
    let standalone = rest.first().is_some_and(|l| l.is_empty()) || !uses_blank_lines(rest);
    if more_text && standalone && is_title_like(line) && parse_numbered(line).is_none() {
        head.title = Some(line);
        head.body_start = first + 1;
        head.warnings
            .push("no greeting found; the first paragraph was taken as the title".to_string());
    } else {
        head.warnings
            .push("no greeting found and the first paragraph is no title; no title".to_string());
    }
    head
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
    fn the_title_is_the_line_above_the_greeting() {
        let lines = ["导航 首页", "", "在会议上的讲话", "", "同志们：", "正文。"];
        let head = find_head(&lines, false);
        assert_eq!(head.title, Some("在会议上的讲话"));
        assert_eq!(head.notes_before_title, ["导航 首页"]);
        assert_eq!(head.greeting, Some("同志们："));
        assert_eq!(head.body_start, 5);
    }

    #[test]
    fn bylines_between_title_and_greeting_become_notes() {
        let lines = [
            "凝心聚力",
            "——在全市工作会议上的讲话",
            "（2024年3月1日）",
            "同志们：",
        ];
        let head = find_head(&lines, false);
        assert_eq!(head.title, Some("凝心聚力"));
        assert_eq!(
            head.notes_after_title,
            ["——在全市工作会议上的讲话", "（2024年3月1日）"]
        );
    }

    #[test]
    fn a_sentence_above_the_greeting_is_no_title() {
        let head = find_head(&["这是一句话。", "同志们：", "正文。"], false);
        assert_eq!(head.title, None);
        assert_eq!(head.notes_before_title, ["这是一句话。"]);
    }

    #[test]
    fn without_greeting_the_first_paragraph_may_be_the_title() {
        let head = find_head(&["My Talk", "", "Some text."], false);
        assert_eq!(head.title, Some("My Talk"));
        let head = find_head(&["Some text.", "", "More text."], false);
        assert_eq!(head.title, None);
        let head = find_head(&["Only a title"], false);
        assert_eq!(head.title, None);
    }

    #[test]
    fn markdown_titles() {
        let head = find_head(&["# 标题", "", "作者", "", "同志们：", "正文。"], true);
        assert_eq!((head.title_marker, head.title), (Some("#"), Some("标题")));
        assert_eq!(head.notes_after_title, ["作者"]);
        let head = find_head(&["# 标题", "", "## 一、甲", "正文。"], true);
        assert_eq!(head.title, Some("标题"));
        let head = find_head(&["# 甲", "", "# 乙"], true);
        assert_eq!(head.title, None);
        let head = find_head(&["## 标题", "同志们："], true);
        assert_eq!((head.title_marker, head.title), (Some("##"), Some("标题")));
    }
}
