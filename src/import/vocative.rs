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
    "ladies and gentlemen",
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

/// Whether `paragraph` opens by addressing the audience: one of `vocatives` (matched without
/// regard to ASCII case) followed by `,` `，` `:` `！` or `、`.
pub(crate) fn opens_with_vocative(paragraph: &str, vocatives: &[String]) -> bool {
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

/// Whether `paragraph` is a short thanks line: `谢谢大家！`, `Thank you.`, `Thanks!`.
pub(crate) fn is_thanks(paragraph: &str) -> bool {
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
    text.chars().count() <= 30
        && THANKS.iter().any(|thanks| {
            text.get(..thanks.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(thanks))
        })
}

/// Where the closing starts among `paragraphs` (the last section's, or the opening's when there
/// are no sections): at the last paragraph that opens with a vocative; failing that, at the run
/// of thanks lines at the end; `None` when neither is there.
pub(crate) fn closing_start(paragraphs: &[String], vocatives: &[String]) -> Option<usize> {
    if let Some(index) = paragraphs
        .iter()
        .rposition(|p| opens_with_vocative(p, vocatives))
    {
        return Some(index);
    }
    let thanks_run = paragraphs.iter().rev().take_while(|p| is_thanks(p)).count();
    (thanks_run > 0).then(|| paragraphs.len() - thanks_run)
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
    }
}
