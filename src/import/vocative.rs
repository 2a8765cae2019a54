//! Vocatives (同志们, Ladies and gentlemen …): greeting lines, and the closing that addresses the
//! audience again or thanks it.

/// Forms of address that make a short line ending in `:` or `,` a greeting. English entries are
/// lower case and matched without regard to case.
const KNOWN_VOCATIVES: &[&str] = &[
    "同志们",
    "同志們",
    "各位代表",
    "各位委员",
    "各位委員",
    "各位领导",
    "各位領導",
    "各位来宾",
    "各位來賓",
    "各位嘉宾",
    "各位嘉賓",
    "各位同事",
    "各位同仁",
    "尊敬的",
    "女士们",
    "女士們",
    "先生们",
    "先生們",
    "朋友们",
    "朋友們",
    "同学们",
    "同學們",
    "老师们",
    "老師們",
    "来宾",
    "來賓",
    "各位贵宾",
    "各位貴賓",
    "各位女士",
    "各位先生",
    "各位朋友",
    "各位家长",
    "各位家長",
    "各位校友",
    "各位老师",
    "各位老師",
    "各位专家",
    "各位專家",
    "各位运动员",
    "各位運動員",
    "亲爱的",
    "親愛的",
    "同胞们",
    "同胞們",
    "乡亲们",
    "鄉親們",
    "青年朋友们",
    "ladies and gentlemen",
    "ladies, gentlemen",
    "ladies",
    "gentlemen",
    "excellencies",
    "your excellency",
    "fellow citizens",
    "fellow americans",
    "everybody",
    "madam",
    "mr. president",
    "dear colleagues",
    "dear friends",
    "distinguished guests",
    "good morning",
    "good afternoon",
    "good evening",
    "colleagues",
    "friends",
    "everyone",
    "dear ",
    "fellow ",
    "members of the",
];

/// How the parts of a Chinese greeting end (`尊敬的各位嘉宾、运动员、观众`): a line glued to its
/// greeting is split only when everything before the colon is such forms of address.
const ADDRESS_ENDINGS: &[&str] = &[
    "们", "們", "观众", "觀眾", "来宾", "來賓", "嘉宾", "嘉賓", "贵宾", "貴賓", "朋友", "代表",
    "委员", "委員", "员", "員", "同事", "同仁", "女士", "先生", "领导", "領導", "同志", "家长",
    "家長", "校友", "老师", "老師", "同学", "同學", "亲人", "親人", "专家", "專家", "大家",
];

/// Punctuation that ends a greeting or follows a vocative at the start of a paragraph.
fn is_address_punctuation(c: char) -> bool {
    matches!(c, ':' | '：' | ',' | '，' | '!' | '！' | '、')
}

/// Whether `line` contains one of the known vocatives.
pub(crate) fn contains_known_vocative(line: &str) -> bool {
    let lower = line.to_lowercase();
    KNOWN_VOCATIVES.iter().any(|v| lower.contains(v))
}

/// The forms of address a closing may open with, for a speech greeted with `greeting`: the
/// greeting without its final punctuation, its first and last `、`/`,`-separated segments, and
/// the known vocatives.
pub(crate) fn vocatives_of_greeting(greeting: &str) -> Vec<String> {
    let mut vocatives: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        let text = text.trim();
        if text.chars().count() >= 2 && !vocatives.iter().any(|v| v == text) {
            vocatives.push(text.to_string());
        }
    };
    let bare = greeting.trim().trim_end_matches(is_address_punctuation);
    add(bare);
    let mut segments = bare
        .split(['、', ',', '，'])
        .filter(|s| !s.trim().is_empty());
    if let Some(first) = segments.next() {
        add(first);
    }
    if let Some(last) = segments.next_back() {
        add(last);
    }
    for known in KNOWN_VOCATIVES {
        add(known);
    }
    vocatives
}

/// Connectives that may come before a closing's vocative (`And so, my fellow Americans: …`).
const CONNECTIVES: &[&str] = &[
    "and so,", "and so", "so,", "and,", "and", "finally,", "now,",
];

/// Whether `paragraph` opens by addressing the audience: one of `vocatives` (matched without
/// regard to ASCII case) followed by `,` `，` `:` `！` or `、`, perhaps after a connective such
/// as `And so,` (the English `my` before a vocative is skipped too).
pub(crate) fn opens_with_vocative(paragraph: &str, vocatives: &[String]) -> bool {
    let mut starts = vec![paragraph];
    for connective in CONNECTIVES {
        if let Some(head) = paragraph.get(..connective.len())
            && head.eq_ignore_ascii_case(connective)
            && let Some(rest) = paragraph.get(connective.len()..)
            && rest.starts_with(char::is_whitespace)
        {
            starts.push(rest.trim_start());
        }
    }
    let with_my: Vec<&str> = starts
        .iter()
        .filter_map(|s| {
            s.get(..3)
                .filter(|h| h.eq_ignore_ascii_case("my "))
                .and_then(|_| s.get(3..))
        })
        .collect();
    starts.extend(with_my);
    starts
        .iter()
        .any(|start| opens_with_one_of(start, vocatives))
}

/// Toasts and calls to rise that open a closing: `让我们共同举杯`, `Please raise your glasses`.
pub(crate) fn opens_toast(paragraph: &str) -> bool {
    const TOASTS: &[&str] = &[
        "让我们共同举杯",
        "讓我們共同舉杯",
        "让我们举杯",
        "讓我們舉杯",
        "请大家举杯",
        "請大家舉杯",
        "现在，我提议",
        "現在，我提議",
        "我提议",
        "我提議",
        "please raise your glass",
        "please join me in raising",
        "let us raise our glasses",
        "let's raise our glasses",
        "i invite you to raise",
        "i ask you to raise",
    ];
    let lower = paragraph.to_lowercase();
    TOASTS.iter().any(|toast| lower.starts_with(toast))
}

fn opens_with_one_of(paragraph: &str, vocatives: &[String]) -> bool {
    vocatives.iter().any(|vocative| {
        paragraph
            .get(..vocative.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(vocative))
            && paragraph
                .get(vocative.len()..)
                .and_then(|rest| rest.trim_start().chars().next())
                .is_some_and(is_address_punctuation)
    })
}

#[cfg(test)]
/// Whether `paragraph` is a short thanks line: `谢谢大家！`, `Thank you.`, `Thanks!`.
pub(crate) fn is_thanks(paragraph: &str) -> bool {
    is_thanks_within(paragraph, 30)
}

/// Whether `paragraph` opens with thanks and has at most `max_chars` characters.
fn is_thanks_within(paragraph: &str, max_chars: usize) -> bool {
    const THANKS: [&str; 7] = [
        "谢谢",
        "謝謝",
        "感谢大家",
        "感謝大家",
        "thank you",
        "thanks",
        "many thanks",
    ];
    let text = paragraph.trim();
    text.chars().count() <= max_chars
        && THANKS.iter().any(|thanks| {
            text.get(..thanks.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(thanks))
        })
}

/// Where the closing starts among `paragraphs` (the last section's, or the opening's when there
/// are no sections): at the first paragraph that opens with a vocative or a toast and leaves a
/// closing of at most three paragraphs or half of them (so a speech whose first paragraph
/// addresses the audience is not all closing); failing that, at the run of thanks lines at the
/// end (a last thanks line may be long: `Thank you. God bless you, and may God bless …`);
/// `None` when neither is there.
pub(crate) fn closing_start(paragraphs: &[String], vocatives: &[String]) -> Option<usize> {
    let longest = (paragraphs.len() / 2).max(3);
    let from = paragraphs.len().saturating_sub(longest);
    if let Some(offset) = paragraphs
        .get(from..)?
        .iter()
        .position(|p| opens_with_vocative(p, vocatives) || opens_toast(p))
    {
        return Some(from + offset);
    }
    // A toast closes the speech wherever it comes (but not as its first paragraph).
    if let Some(index) = paragraphs.iter().skip(1).position(|p| opens_toast(p)) {
        return Some(index + 1);
    }
    let mut run = 0;
    for (from_end, paragraph) in paragraphs.iter().rev().enumerate() {
        let limit = if from_end == 0 { 160 } else { 30 };
        if !is_thanks_within(paragraph, limit) {
            break;
        }
        run += 1;
    }
    (run > 0).then(|| paragraphs.len() - run)
}

/// Where a greeting glued to the text after it ends in `line` (a byte offset), when the line
/// opens with a known vocative: `同志们：今天…`, `尊敬的各位嘉宾、运动员、观众: 大家好! 今天…`,
/// `Good evening, everybody. On behalf of…`. A Chinese `大家好！` right after the greeting goes
/// with it.
pub(crate) fn inline_greeting_end(line: &str) -> Option<usize> {
    let end = greeting_prefix_end(line)?;
    let rest = line.get(end..)?.trim();
    (!rest.is_empty()).then_some(end)
}

/// Whether all of `line` is a greeting of the forms [`inline_greeting_end`] splits off
/// (`Good evening, everybody.`, `尊敬的各位嘉宾、观众: 大家好!`): such a line on its own is a
/// greeting even without a final colon or comma.
pub(crate) fn is_whole_greeting(line: &str) -> bool {
    greeting_prefix_end(line)
        .is_some_and(|end| line.get(end..).is_some_and(|r| r.trim().is_empty()))
}

/// Where the greeting at the start of `line` ends (see [`inline_greeting_end`]).
fn greeting_prefix_end(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if !KNOWN_VOCATIVES.iter().any(|v| lower.starts_with(v)) || lower.len() != line.len() {
        return None;
    }
    // The first colon, or an English sentence end, closes the greeting.
    let mut end = None;
    for (index, c) in line.char_indices() {
        match c {
            '：' | ':' | '！' | '!' => {
                end = Some(index + c.len_utf8());
                break;
            }
            '.' if line.is_ascii() || !crate::stats::is_cjk(line.chars().next()?) => {
                end = Some(index + 1);
                break;
            }
            '。' | '？' | '?' => return None,
            _ => {}
        }
    }
    let mut end = end?;
    let greeting = line.get(..end)?;
    let limit = if greeting.is_ascii() { 120 } else { 60 };
    let bare = greeting
        .trim_end_matches(is_address_punctuation)
        .trim_end_matches('.');
    let mut segments = bare.split([',', '，', '、']).map(str::trim);
    let addresses_only = if greeting.is_ascii() {
        segments.all(|segment| segment.split_whitespace().count() <= 6)
    } else {
        segments.all(|segment| ADDRESS_ENDINGS.iter().any(|e| segment.ends_with(e)))
    };
    if greeting.chars().count() > limit || !addresses_only {
        return None;
    }
    let rest = line.get(end..)?;
    for hello in [
        "大家好！",
        "大家好!",
        "大家好。",
        "你们好！",
        "你們好！",
        "大家好",
    ] {
        if let Some(after) = rest.trim_start().strip_prefix(hello) {
            end = line.len() - after.len();
            break;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocatives_come_from_the_greeting_and_its_segments() {
        let vocatives = vocatives_of_greeting("尊敬的各位领导、各位来宾：");
        assert_eq!(
            vocatives[..3],
            ["尊敬的各位领导、各位来宾", "尊敬的各位领导", "各位来宾"]
        );
        assert!(opens_with_vocative("各位来宾，祝大家健康！", &vocatives));
        assert!(opens_with_vocative("同志们，谢谢！", &vocatives));
        assert!(!opens_with_vocative(
            "各位来宾的到来让我们高兴。",
            &vocatives
        ));
    }

    #[test]
    fn english_vocatives_ignore_case() {
        let vocatives = vocatives_of_greeting("Ladies and gentlemen,");
        assert!(opens_with_vocative(
            "Ladies and gentlemen, thank you.",
            &vocatives
        ));
        assert!(opens_with_vocative("Colleagues, let us begin.", &vocatives));
        assert!(!opens_with_vocative("Friendship matters.", &vocatives));
        assert!(contains_known_vocative("DEAR COLLEAGUES,"));
    }

    #[test]
    fn thanks_lines() {
        assert!(is_thanks("谢谢大家！"));
        assert!(is_thanks("謝謝。"));
        assert!(is_thanks("Thank you."));
        assert!(is_thanks("thanks!"));
        assert!(!is_thanks(
            "Thank you to everyone who organised this year's meeting with such care and patience."
        ));
        assert!(!is_thanks("谢"));
    }

    #[test]
    fn the_closing_starts_at_the_last_vocative_paragraph() {
        let vocatives = vocatives_of_greeting("同志们：");
        let paragraphs: Vec<String> = ["同志们，第一。", "中间。", "同志们，最后。", "谢谢！"]
            .map(String::from)
            .to_vec();
        assert_eq!(closing_start(&paragraphs, &vocatives), Some(2));
        let thanks_only: Vec<String> = ["正文。", "谢谢大家！"].map(String::from).to_vec();
        assert_eq!(closing_start(&thanks_only, &vocatives), Some(1));
        assert_eq!(closing_start(&thanks_only[..1], &vocatives), None);
        // A speech that starts with a vocative is not all closing.
        let all: Vec<String> = ["同志们，今天开会。", "正文。", "正文。", "正文。"]
            .map(String::from)
            .to_vec();
        assert_eq!(closing_start(&all, &vocatives), None);
        let toast: Vec<String> = ["正文。", "正文。", "让我们共同举杯，祝愿大家！", "干杯！"]
            .map(String::from)
            .to_vec();
        assert_eq!(closing_start(&toast, &vocatives), Some(2));
        let english = vocatives_of_greeting("Fellow citizens:");
        let tail: Vec<String> = [
            "Text.",
            "More.",
            "And so, my fellow Americans: ask not.",
            "Thank you. God bless you, and may God bless the United States of America.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(closing_start(&tail, &english), Some(2));
        assert_eq!(
            closing_start(
                &tail[..2]
                    .iter()
                    .chain(&tail[3..])
                    .cloned()
                    .collect::<Vec<_>>(),
                &english
            ),
            Some(2)
        );
    }
}
