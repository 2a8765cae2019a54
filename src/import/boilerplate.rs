//! Web page boilerplate after the speech (`阅读全文`, `上一篇：…`, `分享：`, `Share this` …): it
//! goes to the notes, not into the last section or the closing.

/// Phrases that mark a line as page furniture rather than speech. Matched anywhere in a line of
/// at most [`MAX_BOILERPLATE_CHARS`] characters, English ones without regard to case.
const MARKERS: &[&str] = &[
    "阅读全文",
    "閱讀全文",
    "请下载后阅读",
    "請下載後閱讀",
    "下载后阅读",
    "下載後閱讀",
    "您需要先登录",
    "您需要先登錄",
    "阅读全部内容",
    "閱讀全部內容",
    "此处隐藏",
    "此處隱藏",
    "上一篇",
    "下一篇",
    "分享：",
    "分享:",
    "分享到",
    "扫码",
    "掃碼",
    "扫一扫",
    "掃一掃",
    "打赏",
    "打賞",
    "留言与评论",
    "留言與評論",
    "发表评论",
    "發表評論",
    "相关阅读",
    "相關閱讀",
    "相关推荐",
    "相關推薦",
    "责任编辑",
    "責任編輯",
    "版权所有",
    "版權所有",
    "免责声明",
    "免責聲明",
    "返回顶部",
    "返回頂部",
    "print this",
    "share this",
    "share on",
    "related articles",
    "read more",
    "copyright",
    "all rights reserved",
    "©",
];

/// After one of these, everything to the end is page furniture (readers' comments …).
const TAIL_MARKERS: &[&str] = &[
    "留言与评论",
    "留言與評論",
    "发表评论",
    "發表評論",
    "相关阅读",
    "相關閱讀",
];

/// Lines longer than this are speech, whatever they contain.
const MAX_BOILERPLATE_CHARS: usize = 60;

/// How many non-blank lines from the end are looked at.
const WINDOW: usize = 20;

/// Whether `line` is page furniture: a marker phrase, a lone `赏`, or a price (`¥5`, `￥10.00`).
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let count = line.chars().count();
    if count == 0 || count > MAX_BOILERPLATE_CHARS {
        return false;
    }
    let lower = line.to_lowercase();
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    if matches!(line, "赏" | "賞") {
        return true;
    }
    let is_price = line.starts_with(['¥', '￥', '$'])
        && line.chars().skip(1).all(|c| c.is_ascii_digit() || c == '.')
        && count > 1;
    let words_count = line.starts_with("全文约") || line.starts_with("全文約");
    is_price || (words_count && line.contains('字'))
}

/// The index in `lines` where trailing boilerplate starts, or `lines.len()` when there is none.
///
/// Walking up from the end over the last 20 non-blank lines: the earliest boilerplate line such
/// that every non-blank line after it is boilerplate too, or short (at most 30 characters, a
/// link's text) and not ending a sentence; after `留言与评论` and the like, anything goes. A line
/// for which `keep` holds (the user marked it) stops the walk.
pub(crate) fn trailing_boilerplate_start(lines: &[&str], keep: &dyn Fn(usize) -> bool) -> usize {
    let window_start = lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.is_empty())
        .take(WINDOW)
        .last()
        .map_or(lines.len(), |(i, _)| i);
    let mut start = lines.len();
    // After a comments marker everything is furniture, unless the user keeps a line there.
    if let Some(marker) = (window_start..lines.len()).find(|&i| {
        lines.get(i).is_some_and(|line| {
            line.chars().count() <= 30 && TAIL_MARKERS.iter().any(|m| line.contains(m))
        })
    }) && !(marker..lines.len()).any(keep)
    {
        start = marker;
    }
    let mut index = start;
    while index > window_start {
        index -= 1;
        let Some(&line) = lines.get(index) else { break };
        if line.is_empty() {
            continue;
        }
        if keep(index) {
            break;
        }
        if is_boilerplate(line) {
            start = index;
            continue;
        }
        let link_like = line.chars().count() <= 30
            && !super::lines::ends_with_paragraph_end(line)
            && start < lines.len();
        if !link_like {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture() {
        for line in [
            "阅读全文",
            "全文约3200字，请下载后阅读",
            "（阅读全部内容，您需要先登录！）",
            "此处隐藏1520个字",
            "上一篇：在全市会议上的讲话",
            "分享：",
            "扫码下载",
            "赏",
            "￥5.00",
            "留言与评论（0）",
            "Print this document",
            "Share this",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in ["谢谢大家！", "同志们，让我们分享成功的喜悦。", "Thank you."]
        {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn only_the_tail_is_boilerplate() {
        let lines = [
            "上一篇：不算，上面还有正文",
            "正文。",
            "谢谢大家！",
            "",
            "阅读全文",
            "上一篇：甲",
            "下一篇：乙",
            "相关链接",
            "分享：",
        ];
        assert_eq!(trailing_boilerplate_start(&lines, &|_| false), 4);
        assert_eq!(trailing_boilerplate_start(&lines[..3], &|_| false), 3);
        let comments = ["正文。", "留言与评论", "写得真好。", "学习了！"];
        assert_eq!(trailing_boilerplate_start(&comments, &|_| false), 1);
        // A line the user keeps stops the walk.
        assert_eq!(trailing_boilerplate_start(&lines, &|i| i == 6), 8);
    }
}
