//! The head of a speech: notes, title (with its title block) and greeting — everything before
//! the body.

use super::greeting::find_greeting_where;
use super::headings::{parse_atx, parse_numbered};
use super::lines::{join_wrapped, uses_blank_lines};
use super::note::{DetailField, ImportNote};
use super::roles::LineMark;
use super::title::{
    Detail, detail_of, has_title_word, is_meta_line, is_site_label, is_title_like, is_under_title,
};

/// An applause acknowledgement before the greeting: `Thank you. Thank you so much.`, `谢谢！`.
fn is_applause(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.chars().count() <= 40
        && ["thank you", "thanks", "谢谢", "謝謝"]
            .iter()
            .any(|t| lower.starts_with(t))
}

/// A line between the title and the greeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnderTitle<'a> {
    /// Kept as a note.
    Note,
    /// A detail of the speech.
    Detail(Detail<'a>),
}

/// What the importer found before the body. Line numbers index the importer's lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Head<'a> {
    /// Non-blank lines above the title (or above the greeting when there is no title).
    pub notes_before_title: Vec<usize>,
    /// The Markdown `#` removed from the title.
    pub title_marker: Option<&'a str>,
    /// The lines of the title (one, or two joined).
    pub title_lines: Vec<usize>,
    /// The title's text, lines joined, without its Markdown marker.
    pub title: Option<String>,
    /// Non-blank lines between the title and the greeting (or the body), in order.
    pub under_title: Vec<(usize, UnderTitle<'a>)>,
    /// The greeting line.
    pub greeting: Option<usize>,
    /// The index of the first line of the body.
    pub body_start: usize,
    /// What had to be guessed.
    pub notes: Vec<ImportNote>,
}

fn non_blank(lines: &[&str], range: std::ops::Range<usize>) -> Vec<usize> {
    range
        .filter(|&i| lines.get(i).is_some_and(|l| !l.is_empty()))
        .collect()
}

/// The title's line indexes, looking up from the greeting at `greeting`: past up to four
/// title-block lines (details, meta lines), a title-like line; a title-like line right above it
/// (no blank line between) joins it when both are short.
fn find_title_above(
    lines: &[&str],
    greeting: usize,
    markdown: bool,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let above = lines.get(..greeting)?;
    if markdown
        && let Some(index) = above
            .iter()
            .rposition(|line| parse_atx(line).is_some_and(|h| h.level == 1))
    {
        return Some(vec![index]);
    }
    let mut candidates = non_blank(lines, 0..greeting)
        .into_iter()
        .rev()
        .filter(|&i| allowed(i));
    let mut index = candidates.next()?;
    // A short name right above the greeting is the speaker under a title, or else the title.
    let name_above = |i: usize| {
        let line = lines.get(i).copied().unwrap_or_default();
        detail_of(line).is_some_and(|d| d.field == DetailField::Speaker) && !is_site_label(line)
    };
    let mut skipped: Vec<usize> = Vec::new();
    for _ in 0..4 {
        let line = lines.get(index).copied().unwrap_or_default();
        if !is_under_title(line) && !is_applause(line) {
            break;
        }
        skipped.push(index);
        match candidates.next() {
            Some(i) => index = i,
            None => break,
        }
    }
    let line = lines.get(index).copied().unwrap_or_default();
    if skipped.contains(&index)
        || !is_title_like(line)
        || is_under_title(line)
        || is_site_label(line)
    {
        // Nothing above the title block is a title: the top of its title-like lines is the
        // title, unless it is a date, an occasion or a meta line.
        let usable = |i: &usize| {
            let line = lines.get(*i).copied().unwrap_or_default();
            is_title_like(line) && !is_meta_line(line)
        };
        let top = skipped.iter().take_while(|i| usable(i)).last().copied()?;
        let top_line = lines.get(top).copied().unwrap_or_default();
        let plain = detail_of(top_line).is_none_or(|d| d.field == DetailField::Speaker);
        return plain.then(|| vec![top]);
    }
    // Header lines stand apart above a greeting (`Keynote Address` / `Annual Meeting …` /
    // `Riverside Hall`): the one that says it is a title is the title.
    if !has_title_word(line) {
        let above = non_blank(lines, index.saturating_sub(6)..index);
        if let Some(&better) = above.iter().rev().take(3).find(|&&i| {
            let l = lines.get(i).copied().unwrap_or_default();
            allowed(i) && has_title_word(l) && is_title_like(l) && !is_under_title(l)
        }) {
            index = better;
        }
    }
    let line = lines.get(index).copied().unwrap_or_default();
    let mut title = vec![index];
    if let Some(upper_index) = index.checked_sub(1)
        && allowed(upper_index)
        && let Some(&upper) = lines.get(upper_index)
        && !upper.is_empty()
        && upper != line
        && is_title_like(upper)
        && (!is_under_title(upper) || name_above(upper_index))
        && !is_site_label(upper)
        && parse_atx(upper).is_none()
        && upper.chars().count() + line.chars().count() <= 80
    {
        title.insert(0, upper_index);
    }
    Some(title)
}

/// The title text of `title_lines`, joined, and the Markdown marker of the first.
fn title_text<'a>(
    lines: &[&'a str],
    title_lines: &[usize],
    markdown: bool,
) -> (String, Option<&'a str>) {
    let mut text = String::new();
    let mut marker = None;
    for (n, &index) in title_lines.iter().enumerate() {
        let mut line = lines.get(index).copied().unwrap_or_default();
        if n == 0
            && markdown
            && let Some(heading) = parse_atx(line)
        {
            marker = Some(heading.marker);
            line = heading.rest;
        }
        if text.is_empty() {
            text.push_str(line);
        } else {
            join_wrapped(&mut text, line);
        }
    }
    (text, marker)
}

/// Classifies the lines in `range` (under the title): details (each field once) and notes.
fn under_title<'a>(
    lines: &[&'a str],
    range: std::ops::Range<usize>,
    marks: &[Option<LineMark>],
    notes: &mut Vec<ImportNote>,
) -> Vec<(usize, UnderTitle<'a>)> {
    let mut seen: Vec<DetailField> = Vec::new();
    let mut out = Vec::new();
    for index in non_blank(lines, range) {
        let line = lines.get(index).copied().unwrap_or_default();
        let marked_note = matches!(marks.get(index), Some(Some(LineMark::Notes)));
        match detail_of(line) {
            Some(detail) if !marked_note && !seen.contains(&detail.field) => {
                seen.push(detail.field);
                notes.push(ImportNote::DetailFromTitleBlock {
                    field: detail.field,
                    value: detail.value.to_string(),
                });
                out.push((index, UnderTitle::Detail(detail)));
            }
            _ => out.push((index, UnderTitle::Note)),
        }
    }
    let kept = out.iter().filter(|(_, u)| *u == UnderTitle::Note).count();
    if kept > 0 {
        notes.push(ImportNote::LinesAfterTitleKeptAsNotes { count: kept });
    }
    out
}

/// The run of title-block lines right under a title at `title` (for a speech without greeting).
fn title_block_end(lines: &[&str], title: usize, limit: usize) -> usize {
    let mut end = title + 1;
    let mut index = title + 1;
    while index < limit {
        let line = lines.get(index).copied().unwrap_or_default();
        if line.is_empty() {
            index += 1;
            continue;
        }
        if detail_of(line).is_none() {
            break;
        }
        index += 1;
        end = index;
    }
    end
}

/// Finds notes, title and greeting at the top of `lines`, following the user's `marks` (one
/// slot per line): a marked greeting or title is taken as such; a line marked as body text
/// (plain, heading, closing) ends the head; a line marked as notes is never title or greeting.
pub(crate) fn find_head<'a>(
    lines: &[&'a str],
    markdown: bool,
    marks: &[Option<LineMark>],
) -> Head<'a> {
    let mark = |i: usize| marks.get(i).copied().flatten();
    let limit = (0..lines.len())
        .find(|&i| mark(i).is_some_and(LineMark::is_body))
        .unwrap_or(lines.len());
    // Lines marked as the title join into it when only blank lines stand between them: the
    // first such run is the title.
    let mut marked_titles: Vec<usize> = Vec::new();
    for i in (0..limit).filter(|&i| mark(i) == Some(LineMark::Title)) {
        let joins = marked_titles
            .last()
            .is_none_or(|&last| (last + 1..i).all(|j| lines.get(j).is_none_or(|l| l.is_empty())));
        if !joins {
            break;
        }
        marked_titles.push(i);
    }
    let search_from = marked_titles.last().map_or(0, |&t| t + 1);
    let allowed = |i: usize| mark(i).is_none();
    let greeting = (search_from..limit)
        .find(|&i| mark(i) == Some(LineMark::Greeting))
        .or_else(|| {
            let region = lines.get(search_from..limit).unwrap_or_default();
            find_greeting_where(region, &|i| allowed(search_from + i)).map(|i| i + search_from)
        });
    let mut head = Head::default();
    match greeting {
        Some(greeting) => {
            head.greeting = Some(greeting);
            head.body_start = greeting + 1;
            let title_lines = if marked_titles.is_empty() {
                find_title_above(lines, greeting, markdown, &allowed)
            } else {
                Some(marked_titles)
            };
            match title_lines {
                Some(title_lines) => {
                    let first = title_lines.first().copied().unwrap_or(0);
                    let last = title_lines.last().copied().unwrap_or(0);
                    head.set_title(lines, title_lines, markdown);
                    head.notes_before_title = non_blank(lines, 0..first);
                    head.under_title =
                        under_title(lines, last + 1..greeting, marks, &mut head.notes);
                }
                None => {
                    head.notes_before_title = non_blank(lines, 0..greeting);
                    head.notes.push(if head.notes_before_title.is_empty() {
                        ImportNote::NoTitleAboveGreeting
                    } else {
                        ImportNote::LineAboveGreetingNotTitle
                    });
                }
            }
        }
        None => head.without_greeting(lines, markdown, limit, marked_titles, marks),
    }
    if !head.notes_before_title.is_empty() {
        head.notes.push(ImportNote::LinesAboveTitleKeptAsNotes {
            count: head.notes_before_title.len(),
        });
    }
    head
}

impl<'a> Head<'a> {
    fn set_title(&mut self, lines: &[&'a str], title_lines: Vec<usize>, markdown: bool) {
        let (text, marker) = title_text(lines, &title_lines, markdown);
        if title_lines.len() > 1 {
            self.notes.push(ImportNote::TitleLinesJoined {
                count: title_lines.len(),
            });
        }
        self.title = Some(text);
        self.title_marker = marker;
        self.title_lines = title_lines;
    }

    /// No greeting: a marked title, a lone Markdown `#` heading, or a first paragraph that says
    /// it is a title (`…的讲话`, `Remarks …`) or has a title block under it. Site labels above
    /// it are notes.
    fn without_greeting(
        &mut self,
        lines: &[&'a str],
        markdown: bool,
        limit: usize,
        marked_titles: Vec<usize>,
        marks: &[Option<LineMark>],
    ) {
        self.notes.push(ImportNote::NoGreeting);
        if let (Some(&first), Some(&last)) = (marked_titles.first(), marked_titles.last()) {
            self.notes_before_title = non_blank(lines, 0..first);
            self.set_title(lines, marked_titles, markdown);
            let end = title_block_end(lines, last, limit);
            self.under_title = under_title(lines, last + 1..end, marks, &mut self.notes);
            self.body_start = end;
            return;
        }
        let mut starts = non_blank(lines, 0..limit)
            .into_iter()
            .filter(|&i| marks.get(i).copied().flatten().is_none());
        let Some(mut first) = starts.next() else {
            return;
        };
        let mut labels = Vec::new();
        while labels.len() < 3
            && let Some(&line) = lines.get(first)
            && is_site_label(line)
            && let Some(next) = starts.next()
        {
            labels.push(first);
            first = next;
        }
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
                self.notes_before_title = non_blank(lines, 0..first);
                self.title_marker = Some(heading.marker);
                self.title = Some(heading.rest.to_string());
                self.title_lines = vec![first];
                self.body_start = first + 1;
                self.notes.push(ImportNote::MarkdownHeadingTakenAsTitle);
            }
            return;
        }
        let standalone = rest.first().is_some_and(|l| l.is_empty()) || !uses_blank_lines(rest);
        let block_end = title_block_end(lines, first, limit);
        let has_block = block_end > first + 1;
        let marked_as_title = has_title_word(line) || has_block;
        if more_text
            && (standalone || has_block)
            && marked_as_title
            && is_title_like(line)
            && parse_numbered(line).is_none()
        {
            self.notes_before_title = non_blank(lines, 0..first);
            self.title = Some(line.to_string());
            self.title_lines = vec![first];
            self.under_title = under_title(lines, first + 1..block_end, marks, &mut self.notes);
            self.body_start = block_end;
            self.notes.push(ImportNote::FirstParagraphTakenAsTitle);
        } else {
            if let Some(&last_label) = labels.last() {
                self.notes_before_title = non_blank(lines, 0..last_label + 1);
                self.body_start = last_label + 1;
            }
            self.notes.push(ImportNote::NoTitleFound);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head<'a>(lines: &[&'a str], markdown: bool) -> Head<'a> {
        find_head(lines, markdown, &[])
    }

    fn title<'h>(head: &'h Head<'_>) -> Option<&'h str> {
        head.title.as_deref()
    }

    #[test]
    fn the_title_is_the_line_above_the_greeting() {
        let lines = ["导航 首页", "", "在会议上的讲话", "", "同志们：", "正文。"];
        let found = head(&lines, false);
        assert_eq!(title(&found), Some("在会议上的讲话"));
        assert_eq!(found.notes_before_title, [0]);
        assert_eq!(found.greeting, Some(4));
        assert_eq!(found.body_start, 5);
    }

    #[test]
    fn the_title_block_fills_the_details() {
        let lines = [
            "高举旗帜",
            "为全面建设现代化国家而团结奋斗",
            "——在全市工作会议上的报告",
            "（2024年3月1日）",
            "张伟",
            "10-28 | 移动端:阅读",
            "同志们：",
        ];
        let found = head(&lines, false);
        assert_eq!(
            title(&found),
            Some("高举旗帜为全面建设现代化国家而团结奋斗")
        );
        assert_eq!(found.title_lines, [0, 1]);
        let fields: Vec<Option<DetailField>> = found
            .under_title
            .iter()
            .map(|(_, u)| match u {
                UnderTitle::Detail(d) => Some(d.field),
                UnderTitle::Note => None,
            })
            .collect();
        use DetailField::*;
        assert_eq!(fields, [Some(Occasion), Some(Date), Some(Speaker), None]);
    }

    #[test]
    fn a_sentence_above_the_greeting_is_no_title() {
        let found = head(&["这是一句话。", "同志们：", "正文。"], false);
        assert_eq!(title(&found), None);
        assert_eq!(found.notes_before_title, [0]);
    }

    #[test]
    fn without_greeting_only_a_marked_title_is_taken() {
        assert_eq!(
            title(&head(&["My Talk", "", "Some text."], false)),
            Some("My Talk")
        );
        assert_eq!(title(&head(&["Some text.", "", "More text."], false)), None);
        assert_eq!(title(&head(&["Only a title"], false)), None);
        // A site label is no title, and nothing else marks one: no title, the label is a note.
        let found = head(
            &["總統府新聞", "", "今天天氣很好。", "", "我們開會。"],
            false,
        );
        assert_eq!(title(&found), None);
        assert_eq!(found.notes_before_title, [0]);
        let found = head(&["總統府新聞", "", "就職演說", "", "今天天氣很好。"], false);
        assert_eq!(title(&found), Some("就職演說"));
        let found = head(
            &["Building Together", "March 1, 2024", "", "We met."],
            false,
        );
        assert_eq!(title(&found), Some("Building Together"));
        assert_eq!(found.body_start, 2);
    }

    #[test]
    fn marks_override_the_guess() {
        let lines = ["网站导航", "标题", "同志们：", "正文。"];
        let marks = [Some(LineMark::Title), None, None, None];
        let found = find_head(&lines, false, &marks);
        assert_eq!(title(&found), Some("网站导航"));
        assert_eq!(found.under_title.len(), 1);
        let marks = [None, None, Some(LineMark::Plain), None];
        let found = find_head(&lines, false, &marks);
        assert_eq!(found.greeting, None);
        assert!(found.body_start <= 2);
        let marks = [None, None, None, Some(LineMark::Greeting)];
        assert_eq!(find_head(&lines, false, &marks).greeting, Some(3));
    }

    #[test]
    fn markdown_titles() {
        let found = head(&["# 标题", "", "作者", "", "同志们：", "正文。"], true);
        assert_eq!(
            (found.title_marker, title(&found)),
            (Some("#"), Some("标题"))
        );
        assert_eq!(found.under_title, [(2, UnderTitle::Note)]);
        let found = head(&["# 标题", "", "## 一、甲", "正文。"], true);
        assert_eq!(title(&found), Some("标题"));
        let found = head(&["# 甲", "", "# 乙"], true);
        assert_eq!(title(&found), None);
        let found = head(&["## 标题", "同志们："], true);
        assert_eq!(
            (found.title_marker, title(&found)),
            (Some("##"), Some("标题"))
        );
    }
}
