//! Proofing findings ([`FindingMessage`]) and the names of the checks ([`CheckId`]) worded in
//! the interface language, for the Proofing panel.

use crate::proof::{CheckId, FindingMessage, NumberStyle, Script, SpaceKind};
use crate::stats::format_duration;

use super::UiLanguage;

/// Picks the text of `lang` among three.
fn pick(lang: UiLanguage, en: String, hans: String, hant: String) -> String {
    match lang {
        UiLanguage::En => en,
        UiLanguage::ZhHans => hans,
        UiLanguage::ZhHant => hant,
    }
}

/// The short name of a check, as the panel's "Fix all" list shows it.
pub fn check_name(lang: UiLanguage, check: CheckId) -> &'static str {
    let (en, hans, hant) = match check {
        CheckId::PunctHalfwidth => ("Half-width punctuation", "半角标点", "半形標點"),
        CheckId::PunctDoubled => ("Doubled punctuation", "标点重复", "標點重複"),
        CheckId::PunctEllipsis => ("Ellipsis", "省略号", "刪節號"),
        CheckId::PunctDash => ("Dash", "破折号", "破折號"),
        CheckId::PairsUnbalanced => ("Unpaired marks", "成对标点不配对", "成對標點不配對"),
        CheckId::NumberingGap => ("Numbering gaps", "序号不连续", "序號不連續"),
        CheckId::NumberingRepeat => ("Numbering repeats", "序号重复", "序號重複"),
        CheckId::HeadingNumberLeft => ("Numbers left in text", "残留的部分序号", "殘留的部分序號"),
        CheckId::RepeatedChar => ("Repeated characters", "字词重复", "字詞重複"),
        CheckId::ScriptMixing => ("Simplified/Traditional mixing", "繁简混用", "繁簡混用"),
        CheckId::Spacing => ("Spacing", "空格", "空格"),
        CheckId::EnQuotes => ("Straight quotes", "直引号", "直引號"),
        CheckId::SectionOverBudget => ("Section over budget", "部分超时", "部分超時"),
        CheckId::SpeechOverTarget => ("Speech over target", "全文超时", "全文超時"),
        CheckId::SectionEmpty => ("Empty section", "部分无正文", "部分無正文"),
        CheckId::ClosingEnd => ("Closing's last mark", "结尾收束", "結尾收束"),
    };
    match lang {
        UiLanguage::En => en,
        UiLanguage::ZhHans => hans,
        UiLanguage::ZhHant => hant,
    }
}

/// An example of a numbered run, quoted (`一是、二是`): the same in every language.
fn style_example(style: NumberStyle) -> &'static str {
    match style {
        NumberStyle::PointShi => "一是、二是",
        NumberStyle::PointYao => "一要、二要",
        NumberStyle::Ordinal => "第一、第二",
        NumberStyle::Sequence => "首先、其次",
        NumberStyle::Parenthesized => "（一）（二）",
        NumberStyle::Arabic => "1. 2.",
    }
}

/// What a finding says, in `lang`.
pub fn finding_text(lang: UiLanguage, message: &FindingMessage) -> String {
    let same = |en: &str, hans: &str, hant: &str| {
        pick(lang, en.to_string(), hans.to_string(), hant.to_string())
    };
    match message {
        FindingMessage::HalfwidthPunct { found } => pick(
            lang,
            format!("half-width “{found}” in Chinese text"),
            format!("中文里用了半角标点“{found}”"),
            format!("中文裡用了半形標點「{found}」"),
        ),
        FindingMessage::DoubledPunct { found } => pick(
            lang,
            format!("doubled punctuation “{found}”"),
            format!("标点重复或冲突“{found}”"),
            format!("標點重複或衝突「{found}」"),
        ),
        FindingMessage::Ellipsis => same(
            "an ellipsis in Chinese is written ……",
            "中文省略号应写作“……”",
            "中文刪節號應寫作「……」",
        ),
        FindingMessage::Dash => same(
            "a dash in Chinese is written ——",
            "中文破折号应写作“——”",
            "中文破折號應寫作「——」",
        ),
        FindingMessage::Unbalanced { mark, missing } => pick(
            lang,
            format!("“{mark}” without a matching “{missing}”"),
            format!("“{mark}”没有对应的“{missing}”"),
            format!("「{mark}」沒有對應的「{missing}」"),
        ),
        FindingMessage::NumberingGap {
            style,
            expected,
            found,
        } => {
            let example = style_example(*style);
            pick(
                lang,
                format!(
                    "numbering ({example}) out of sequence: #{found} where #{expected} is expected"
                ),
                format!("序号（{example}）不连续：此处应为第 {expected} 项，写成了第 {found} 项"),
                format!("序號（{example}）不連續：此處應為第 {expected} 項，寫成了第 {found} 項"),
            )
        }
        FindingMessage::NumberingRepeat {
            style,
            expected,
            found,
        } => {
            let example = style_example(*style);
            pick(
                lang,
                format!("numbering ({example}) repeats #{found} where #{expected} is expected"),
                format!("序号（{example}）重复：此处应为第 {expected} 项，又写了第 {found} 项"),
                format!("序號（{example}）重複：此處應為第 {expected} 項，又寫了第 {found} 項"),
            )
        }
        FindingMessage::HeadingNumberLeft { label, in_heading } => match (lang, in_heading) {
            (UiLanguage::En, true) => format!(
                "heading starts with its own number “{label}” (sections are numbered by position)"
            ),
            (UiLanguage::En, false) => format!(
                "paragraph starts with a section number “{label}” (sections are numbered by position)"
            ),
            (UiLanguage::ZhHans, true) => {
                format!("小标题自带序号“{label}”（部分序号按位置自动编排）")
            }
            (UiLanguage::ZhHans, false) => {
                format!("段落以部分序号“{label}”开头（部分序号按位置自动编排）")
            }
            (UiLanguage::ZhHant, true) => {
                format!("小標題自帶序號「{label}」（部分序號按位置自動編排）")
            }
            (UiLanguage::ZhHant, false) => {
                format!("段落以部分序號「{label}」開頭（部分序號按位置自動編排）")
            }
        },
        FindingMessage::Repeated { repeated } => pick(
            lang,
            format!("“{repeated}” written twice"),
            format!("“{repeated}”重复了"),
            format!("「{repeated}」重複了"),
        ),
        FindingMessage::ScriptMixing { found } => match found {
            Script::Simplified => same(
                "Simplified characters in a Traditional-Chinese speech",
                "繁体讲话稿中有简体字",
                "繁體講話稿中有簡體字",
            ),
            Script::Traditional => same(
                "Traditional characters in a Simplified-Chinese speech",
                "简体讲话稿中有繁体字",
                "簡體講話稿中有繁體字",
            ),
        },
        FindingMessage::Spacing { kind } => match kind {
            SpaceKind::BetweenCjk => same(
                "space between Chinese characters",
                "汉字之间有空格",
                "漢字之間有空格",
            ),
            SpaceKind::Fullwidth => same(
                "full-width space inside a paragraph",
                "段落中间有全角空格",
                "段落中間有全形空格",
            ),
            SpaceKind::Trailing => same("trailing space", "段末有空格", "段末有空格"),
            SpaceKind::Double => same("double space", "连续空格", "連續空格"),
        },
        FindingMessage::StraightQuote { found } => pick(
            lang,
            format!("straight quote {found} in English text"),
            format!("英文里用了直引号 {found}"),
            format!("英文裡用了直引號 {found}"),
        ),
        FindingMessage::SectionOverBudget {
            seconds,
            budget_seconds,
        } => {
            let (took, budget) = (format_duration(*seconds), format_duration(*budget_seconds));
            pick(
                lang,
                format!("section takes {took} to speak, over its budget of {budget}"),
                format!("本部分讲话需 {took}，超出预算 {budget}"),
                format!("本部分講話需 {took}，超出預算 {budget}"),
            )
        }
        FindingMessage::SpeechOverTarget {
            seconds,
            target_seconds,
        } => {
            let (took, target) = (format_duration(*seconds), format_duration(*target_seconds));
            pick(
                lang,
                format!("speech takes {took} to speak, over its target of {target}"),
                format!("全文讲话需 {took}，超出目标时长 {target}"),
                format!("全文講話需 {took}，超出目標時長 {target}"),
            )
        }
        FindingMessage::SectionEmpty => {
            same("section has no text", "本部分没有正文", "本部分沒有正文")
        }
        FindingMessage::ClosingEnd { last: None } => same(
            "the speech has no closing",
            "讲话稿没有结尾",
            "講話稿沒有結尾",
        ),
        FindingMessage::ClosingEnd { last: Some(c) } => pick(
            lang,
            format!("closing ends with “{c}”, not with ！, 。 or a thanks line"),
            format!("结尾以“{c}”收束，而非“！”“。”或致谢语"),
            format!("結尾以「{c}」收束，而非「！」「。」或致謝語"),
        ),
    }
}

/// `Fix all (12)`: the "Fix all" button of one check.
pub fn fix_all_label(lang: UiLanguage, count: usize) -> String {
    pick(
        lang,
        format!("Fix all ({count})"),
        format!("全部修正（{count}）"),
        format!("全部修正（{count}）"),
    )
}

/// `12 findings`, `1 finding`.
pub fn findings_count_label(lang: UiLanguage, count: usize) -> String {
    pick(
        lang,
        if count == 1 {
            "1 finding".to_string()
        } else {
            format!("{count} findings")
        },
        format!("发现 {count} 处问题"),
        format!("發現 {count} 處問題"),
    )
}

/// How the panel shows a fix that deletes its text.
pub fn deletion_label(lang: UiLanguage) -> &'static str {
    match lang {
        UiLanguage::En => "(delete)",
        UiLanguage::ZhHans => "（删除）",
        UiLanguage::ZhHant => "（刪除）",
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// One message of every kind (and every variant of its data that changes the wording).
    pub(crate) fn every_message() -> Vec<FindingMessage> {
        let styles = [
            NumberStyle::PointShi,
            NumberStyle::PointYao,
            NumberStyle::Ordinal,
            NumberStyle::Sequence,
            NumberStyle::Parenthesized,
            NumberStyle::Arabic,
        ];
        let mut all = vec![
            FindingMessage::HalfwidthPunct { found: ',' },
            FindingMessage::DoubledPunct {
                found: "，，".into(),
            },
            FindingMessage::Ellipsis,
            FindingMessage::Dash,
            FindingMessage::Unbalanced {
                mark: '“',
                missing: '”',
            },
            FindingMessage::HeadingNumberLeft {
                label: "二、".into(),
                in_heading: true,
            },
            FindingMessage::HeadingNumberLeft {
                label: "二、".into(),
                in_heading: false,
            },
            FindingMessage::Repeated {
                repeated: "的".into(),
            },
            FindingMessage::ScriptMixing {
                found: Script::Simplified,
            },
            FindingMessage::ScriptMixing {
                found: Script::Traditional,
            },
            FindingMessage::StraightQuote { found: '"' },
            FindingMessage::SectionOverBudget {
                seconds: 400.0,
                budget_seconds: 300.0,
            },
            FindingMessage::SpeechOverTarget {
                seconds: 1900.0,
                target_seconds: 1800.0,
            },
            FindingMessage::SectionEmpty,
            FindingMessage::ClosingEnd { last: None },
            FindingMessage::ClosingEnd { last: Some('，') },
        ];
        for kind in [
            SpaceKind::BetweenCjk,
            SpaceKind::Fullwidth,
            SpaceKind::Trailing,
            SpaceKind::Double,
        ] {
            all.push(FindingMessage::Spacing { kind });
        }
        for style in styles {
            all.push(FindingMessage::NumberingGap {
                style,
                expected: 3,
                found: 4,
            });
            all.push(FindingMessage::NumberingRepeat {
                style,
                expected: 3,
                found: 2,
            });
        }
        all
    }

    #[test]
    fn every_message_is_worded_in_every_language() {
        let all = every_message();
        for message in &all {
            let texts: Vec<String> = UiLanguage::ALL
                .iter()
                .map(|lang| finding_text(*lang, message))
                .collect();
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{message:?}");
            assert_ne!(texts[0], texts[1], "{message:?}");
            assert_ne!(texts[0], texts[2], "{message:?}");
        }
        assert_eq!(finding_text(UiLanguage::ZhHans, &all[7]), "“的”重复了");
        assert_eq!(
            finding_text(UiLanguage::ZhHant, &all[0]),
            "中文裡用了半形標點「,」"
        );
        assert_eq!(
            finding_text(UiLanguage::En, &all[0]),
            "half-width “,” in Chinese text"
        );
        for check in CheckId::ALL {
            for lang in UiLanguage::ALL {
                assert!(!check_name(lang, check).is_empty());
            }
        }
    }
}
