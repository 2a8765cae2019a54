//! The title block: the title (on one line or two), and under it a subtitle `——在…上的讲话`, a
//! date `（2022年10月16日）` and a speaker, which fill the speech's details; web page meta lines
//! (`10-28 | 移动端:…`) that are kept as notes.

use super::greeting::{char_counts, is_label};
use super::note::DetailField;

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

/// Words that make a line a speech's title when nothing else marks one.
const TITLE_WORDS: &[&str] = &[
    "讲话",
    "講話",
    "致辞",
    "致詞",
    "发言",
    "發言",
    "报告",
    "報告",
    "演讲",
    "演講",
    "演说",
    "演說",
    "贺词",
    "賀詞",
    "祝酒",
    "悼词",
    "悼詞",
    "主持词",
    "主持詞",
    "意见",
    "意見",
    "讲稿",
    "講稿",
    "致词",
    "答谢",
    "答謝",
    "remarks",
    "address",
    "speech",
    "talk",
    "keynote",
    "toast",
    "statement",
    "lecture",
    "eulogy",
];

/// Words of a web site's name or section (`總統府新聞`, `News`): such a line is no title.
const SITE_WORDS: &[&str] = &[
    "新闻", "新聞", "首页", "首頁", "频道", "頻道", "官网", "官網", "网站", "網站", "博客", "news",
    "blog", "home",
];

/// Whether `line` says what it is: a title word such as `讲话` or `Remarks`.
pub(crate) fn has_title_word(line: &str) -> bool {
    let lower = line.to_lowercase();
    TITLE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether `line` names a web site or its section rather than a speech (and has no title word).
pub(crate) fn is_site_label(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let site = SITE_WORDS.iter().any(|w| {
        if w.is_ascii() {
            words.contains(w)
        } else {
            lower.contains(w)
        }
    });
    (site || line.contains(['>', '|', '｜'])) && !has_title_word(line)
}

/// A web page's meta line: `10-28 | 移动端:…`, `来源：新华网`, `2024-04-26 04:41:06`.
pub(crate) fn is_meta_line(line: &str) -> bool {
    let starts_with_digit = line.chars().next().is_some_and(|c| c.is_ascii_digit());
    line.contains(['|', '｜'])
        || (starts_with_digit && line.contains(['-', '/', ':']) && !line.contains('年'))
        || (line.contains([':', '：']) && is_label(line))
}

/// A detail found under the title: the field, and the line cut into a leading marker, the value
/// and a trailing marker (`（`, `2022年10月16日`, `）`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Detail<'a> {
    /// Which detail.
    pub field: DetailField,
    /// What comes before the value (`——`, `（`), possibly empty.
    pub before: &'a str,
    /// The value.
    pub value: &'a str,
    /// What comes after the value (`）`), possibly empty.
    pub after: &'a str,
}

/// Whether `text` is a date: `2022年10月16日`, `2024-03-01`, `16 October 2022`, `October 16, 2022`.
fn is_date(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let count = text.chars().count();
    if count == 0 || count > 30 {
        return false;
    }
    let digits = text
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .count();
    let chinese_numerals = text
        .chars()
        .filter(|c| "〇零一二三四五六七八九十".contains(*c))
        .count();
    let chinese = text.contains('年') && (text.contains('月') || text.contains('日'));
    if chinese && digits + chinese_numerals >= 4 {
        return true;
    }
    let lower = text.to_lowercase();
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' '))
        && digits >= 6;
    numeric || (digits >= 4 && MONTHS.iter().any(|m| lower.contains(m)))
}

/// Whether `line` is a speaker's name: two to four Han characters, or `主讲人：…`-free short
/// name lines such as `习近平`.
fn is_name(line: &str) -> bool {
    let (all, cjk) = char_counts(line);
    (2..=4).contains(&all) && all == cjk && !has_title_word(line) && !is_label(line)
}

/// The detail on `line`, a line between the title and the greeting, if it is one.
pub(crate) fn detail_of(line: &str) -> Option<Detail<'_>> {
    for dash in ["——", "--", "—", "－－"] {
        if let Some(rest) = line.strip_prefix(dash) {
            let value = rest.trim();
            return (!value.is_empty()).then_some(Detail {
                field: DetailField::Occasion,
                before: dash,
                value,
                after: "",
            });
        }
    }
    let open = line.chars().next()?;
    let close = line.chars().next_back()?;
    if matches!(open, '(' | '（') && matches!(close, ')' | '）') && line.chars().count() > 2 {
        let inner = line.get(open.len_utf8()..line.len() - close.len_utf8())?;
        let value = inner.trim();
        let before = line.get(..open.len_utf8())?;
        let after = line.get(line.len() - close.len_utf8()..)?;
        return is_date(value).then_some(Detail {
            field: DetailField::Date,
            before,
            value,
            after,
        });
    }
    if is_date(line) {
        return Some(Detail {
            field: DetailField::Date,
            before: "",
            value: line,
            after: "",
        });
    }
    is_name(line).then_some(Detail {
        field: DetailField::Speaker,
        before: "",
        value: line,
        after: "",
    })
}

/// Whether `line` belongs to the title block under a title: a detail, a parenthesized line or a
/// meta line.
pub(crate) fn is_under_title(line: &str) -> bool {
    let parenthesized =
        line.starts_with(['(', '（']) && line.ends_with([')', '）']) && line.chars().count() > 2;
    detail_of(line).is_some() || parenthesized || is_meta_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_under_the_title() {
        let d = detail_of("——在中国共产党第二十次全国代表大会上的报告").unwrap();
        assert_eq!(
            (d.field, d.before, d.value),
            (
                DetailField::Occasion,
                "——",
                "在中国共产党第二十次全国代表大会上的报告"
            )
        );
        let d = detail_of("（2022年10月16日）").unwrap();
        assert_eq!(
            (d.field, d.before, d.value, d.after),
            (DetailField::Date, "（", "2022年10月16日", "）")
        );
        let d = detail_of("(二〇二四年三月一日)").unwrap();
        assert_eq!(d.value, "二〇二四年三月一日");
        assert_eq!(
            detail_of("张伟").map(|d| d.field),
            Some(DetailField::Speaker)
        );
        assert_eq!(
            detail_of("March 1, 2024").map(|d| d.field),
            Some(DetailField::Date)
        );
        assert_eq!(detail_of("（摘要）"), None);
        assert_eq!(detail_of("在会上的讲话"), None);
        assert!(is_under_title("（摘要）"));
        assert!(is_under_title("10-28 | 移动端:阅读"));
    }

    #[test]
    fn site_labels_are_no_titles() {
        assert!(is_site_label("總統府新聞"));
        assert!(is_site_label("Home | News"));
        assert!(!is_site_label("在全市会议上的讲话"));
        assert!(has_title_word("Remarks at the Opening Ceremony"));
        assert!(!has_title_word("Building the Next Decade Together"));
    }
}
