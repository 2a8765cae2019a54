//! Fixtures for every check and its exceptions, through the public functions.

use super::*;
use crate::model::Section;

/// A small clean speech: in Traditional characters for `ZhHant`, else in Simplified ones.
fn speech(language: Language) -> Speech {
    let pick = |simplified: &str, traditional: &str| {
        if language == Language::ZhHant {
            traditional.to_string()
        } else {
            simplified.to_string()
        }
    };
    let mut speech = Speech {
        title: pick("在全县工作会议上的讲话", "在全縣工作會議上的講話"),
        greeting: pick("同志们：", "同志們："),
        opening: vec![pick("今天召开会议，部署工作。", "今天召開會議，部署工作。")],
        sections: vec![Section::new(
            pick("提高认识", "提高認識"),
            vec![pick(
                "一是统一思想。二是明确责任。",
                "一是統一思想。二是明確責任。",
            )],
        )],
        closing: vec![pick("同志们，让我们共同努力！", "同志們，讓我們共同努力！")],
        ..Speech::default()
    };
    speech.meta.language = language;
    speech
}

/// The findings of the speech whose opening is `paragraph`, as (check, text, suggestion).
fn opening(paragraph: &str, language: Language) -> Vec<(&'static str, String, Option<String>)> {
    let mut s = speech(language);
    s.opening = vec![paragraph.to_string()];
    check_field(&s, Field::Opening)
        .into_iter()
        .map(|f| (f.check.id(), f.text, f.suggestion))
        .collect()
}

fn ids(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.check.id()).collect()
}

/// The opening paragraph after fixing everything.
fn fixed_opening(paragraph: &str) -> String {
    let mut s = speech(Language::ZhHans);
    s.opening = vec![paragraph.to_string()];
    fix_everything(&mut s);
    s.opening.concat()
}

#[test]
fn a_clean_speech_has_no_findings() {
    let s = speech(Language::ZhHans);
    assert_eq!(check_speech(&s, &Settings::default()), []);
    assert_eq!(
        check_speech(&speech(Language::ZhHant), &Settings::default()),
        []
    );
}

#[test]
fn every_check_id_round_trips() {
    for check in CheckId::ALL {
        assert_eq!(CheckId::from_id(check.id()), Some(check));
    }
    assert_eq!(CheckId::from_id("no-such-check"), None);
}

#[test]
fn punctuation_in_chinese_text() {
    assert_eq!(
        fixed_opening("同志们:今天开会,研究工作;会议开得好吗?很好!(掌声)散会."),
        "同志们：今天开会，研究工作；会议开得好吗？很好！（掌声）散会。"
    );
    assert_eq!(
        fixed_opening("坚持\"四个意识\",做到'两个维护'"),
        "坚持“四个意识”，做到‘两个维护’"
    );
}

#[test]
fn punctuation_exceptions_stay() {
    for text in [
        "同比增长1.19个百分点，共3,000人。",
        "会议于10:30开始。",
        "系统升级到2.4.1版本。",
        "详见https://www.example.gov.cn/a,b?c=1。",
        "来信请寄zhang.san@example.org。",
        "抗击COVID-19疫情，参加G20峰会。",
        "外文缩写如e.g.和i.e.不改。",
        "他用英语说 Thank you, everyone 之后鞠躬。",
        "我们要……坚持下去。",
    ] {
        assert_eq!(opening(text, Language::ZhHans), [], "{text}");
    }
}

#[test]
fn doubled_marks_ellipses_and_dashes() {
    assert_eq!(
        fixed_opening("今天，，开会。，研究工作、。"),
        "今天，开会。研究工作。"
    );
    assert_eq!(fixed_opening("真的吗？！"), "真的吗？！");
    assert_eq!(
        fixed_opening("我们...坚持。。。下去…"),
        "我们……坚持……下去……"
    );
    assert_eq!(
        fixed_opening("发展--这是第一要务—必须坚持"),
        "发展——这是第一要务——必须坚持"
    );
    assert_eq!(fixed_opening("这个——很好"), "这个——很好");
    // A half-width pair of commas becomes one full-width comma (two rounds of fixing).
    assert_eq!(fixed_opening("今天,,开会。"), "今天，开会。");
}

#[test]
fn unbalanced_pairs_are_found_without_a_fix() {
    let found = opening("坚持“四个意识，学习《条例。", Language::ZhHans);
    assert_eq!(
        found,
        [
            ("pairs-unbalanced", "“".to_string(), None),
            ("pairs-unbalanced", "《".to_string(), None)
        ]
    );
}

#[test]
fn numbering_runs() {
    let mut s = speech(Language::ZhHans);
    let id = s.sections[0].id;
    s.sections[0].paragraphs = vec![
        "一是统一思想，二是明确责任，四是狠抓落实。".into(),
        "一要提高站位。".into(),
        "一要突出重点。".into(),
        "（一）加强领导".into(),
        "（二）完善机制".into(),
        "（四）强化督查".into(),
        "第一，学习；第三，落实。".into(),
        "首先，要学习。首先，要落实。最后，要总结。".into(),
        "1. 学习".into(),
        "2. 落实".into(),
        "4. 总结".into(),
    ];
    let found: Vec<(usize, &str, String, Option<String>)> = check_field(&s, Field::Body(id))
        .into_iter()
        .map(|f| (f.paragraph, f.check.id(), f.text, f.suggestion))
        .collect();
    let gap = "numbering-gap";
    let repeat = "numbering-repeat";
    assert_eq!(
        found,
        [
            (0, gap, "四".into(), Some("三".into())),
            (2, repeat, "一".into(), Some("二".into())),
            (5, gap, "四".into(), Some("三".into())),
            (6, gap, "三".into(), Some("二".into())),
            (7, repeat, "首先".into(), Some("其次".into())),
            (10, gap, "4".into(), Some("3".into())),
        ]
    );
    fix_everything(&mut s);
    assert_eq!(
        s.sections[0].paragraphs[0],
        "一是统一思想，二是明确责任，三是狠抓落实。"
    );
    assert_eq!(s.sections[0].paragraphs[2], "二要突出重点。");
    assert_eq!(check_field(&s, Field::Body(id)), []);
}

#[test]
fn numbering_restarts_and_ordinary_words_are_not_runs() {
    let mut s = speech(Language::ZhHans);
    let id = s.sections[0].id;
    s.sections[0].paragraphs = vec![
        "问题：一是思想不统一，二是责任不明确。".into(),
        "措施：一是统一思想，二是明确责任，三是狠抓落实。".into(),
        "这是第一位的工作，我省位居全国第二，统一是前提，唯一要求是落实。".into(),
        "最后，我再强调一点。".into(),
    ];
    assert_eq!(check_field(&s, Field::Body(id)), []);
}

#[test]
fn section_numbers_left_in_headings_and_paragraphs() {
    let mut s = speech(Language::ZhHans);
    let id = s.sections[0].id;
    s.sections[0].heading = "二、 提高认识".into();
    s.sections[0].paragraphs.push("三、加强领导".into());
    let found = check_speech(&s, &Settings::default());
    // The space after the number is a spacing finding too; the number's fix takes it along.
    assert_eq!(
        ids(&found),
        ["heading-number-left", "spacing", "heading-number-left"]
    );
    assert_eq!(found[0].field, Field::Heading(id));
    assert_eq!(found[0].text, "二、 ");
    assert_eq!(found[2].suggestion, None);
    fix_everything(&mut s);
    assert_eq!(s.sections[0].heading, "提高认识");
    // A heading that is only a number keeps it; an English heading loses its Roman numeral.
    s.sections[0].heading = "一、".into();
    assert_eq!(check_field(&s, Field::Heading(id)), []);
    s.sections[0].heading = "II. Our purpose".into();
    fix_everything(&mut s);
    assert_eq!(s.sections[0].heading, "Our purpose");
}

#[test]
fn repeated_characters_and_words() {
    assert_eq!(
        fixed_opening("在会上的的讲话，完成了了任务。"),
        "在会上的讲话，完成了任务。"
    );
    assert_eq!(
        opening(
            "看看，常常，天天，谢谢，好好，方方面面，不了了之。",
            Language::ZhHans
        ),
        []
    );
    let mut s = speech(Language::En);
    s.opening = vec!["This is the the plan.".into()];
    fix_everything(&mut s);
    assert_eq!(s.opening[0], "This is the plan.");
}

#[test]
fn script_mixing_in_a_traditional_speech() {
    let found = opening("我們要堅持这个方向，加强領導。", Language::ZhHant);
    assert_eq!(
        found,
        [
            (
                "script-mixing",
                "这个".to_string(),
                Some("這個".to_string())
            ),
            ("script-mixing", "强".to_string(), Some("強".to_string())),
        ]
    );
    // Traditional characters in a Simplified speech.
    let found = opening("我们要坚持這個方向。", Language::ZhHans);
    assert_eq!(
        found,
        [(
            "script-mixing",
            "這個".to_string(),
            Some("这个".to_string())
        )]
    );
    // The right script, and an English speech, pass.
    assert_eq!(opening("我們要堅持這個方向。", Language::ZhHant), []);
    assert_eq!(opening("我们要坚持这个方向。", Language::En), []);
}

#[test]
fn spacing() {
    assert_eq!(
        fixed_opening("　　今天 开会，研究　工作。  "),
        "　　今天开会，研究工作。"
    );
    assert_eq!(opening("在 2026 年的 G20 峰会上。", Language::ZhHans), []);
    let mut s = speech(Language::En);
    s.opening = vec!["Thank  you all.".into()];
    fix_everything(&mut s);
    assert_eq!(s.opening[0], "Thank you all.");
}

#[test]
fn english_quotes() {
    let mut s = speech(Language::En);
    s.opening = vec!["We say \"yes\" and we don't look back.".into()];
    assert_eq!(ids(&check_field(&s, Field::Opening)), ["en-quotes"; 3]);
    fix_everything(&mut s);
    assert_eq!(s.opening[0], "We say “yes” and we don’t look back.");
}

#[test]
fn time_budgets_and_empty_sections() {
    let mut s = speech(Language::ZhHans);
    s.sections
        .push(Section::new("加强领导", vec![String::new()]));
    s.sections[0].paragraphs = vec!["字".repeat(400)];
    // 400 characters at 180 a minute: 2 min 13 s for a budget of 1 minute.
    s.sections[0].budget_minutes = Some(1.0);
    s.meta.target_minutes = Some(2.0);
    let found = check_structure(&s, &Settings::default());
    assert_eq!(
        ids(&found),
        ["speech-over-target", "section-over-budget", "section-empty"]
    );
    assert_eq!(found[1].field, Field::Heading(s.sections[0].id));
    assert_eq!(found[2].field, Field::Heading(s.sections[1].id));
    assert!(matches!(
        found[1].message,
        FindingMessage::SectionOverBudget { budget_seconds, .. } if budget_seconds == 60.0
    ));
    // Within budget: an even share of a longer target.
    s.sections[0].budget_minutes = None;
    s.meta.target_minutes = Some(10.0);
    assert_eq!(
        ids(&check_structure(&s, &Settings::default())),
        ["section-empty"]
    );
}

#[test]
fn closing_end() {
    let mut s = speech(Language::ZhHans);
    for ok in [
        "同志们，让我们共同努力！",
        "谢谢大家",
        "他说：“我们一定能完成任务。”",
        "Thank you",
    ] {
        s.closing = vec![ok.into(), String::new()];
        assert_eq!(check_field(&s, Field::Closing), [], "{ok}");
    }
    s.closing = vec!["同志们，让我们共同努力".into()];
    let found = check_field(&s, Field::Closing);
    assert_eq!(ids(&found), ["closing-end"]);
    assert_eq!(
        (found[0].start, found[0].end, found[0].text.as_str()),
        (10, 11, "力")
    );
    s.closing = vec!["让我们共同努力...".into()];
    assert_eq!(
        ids(&check_field(&s, Field::Closing)),
        ["punct-ellipsis", "closing-end"]
    );
    s.closing.clear();
    let found = check_field(&s, Field::Closing);
    assert_eq!(found[0].message, FindingMessage::ClosingEnd { last: None });
}

#[test]
fn fixes_are_refused_when_stale_or_missing() {
    let mut s = speech(Language::ZhHans);
    s.opening = vec!["今天,开会。".into()];
    let finding = check_field(&s, Field::Opening).remove(0);
    let mut changed = s.clone();
    changed.opening[0] = "今天开会。".into();
    assert_eq!(apply_fix(&mut changed, &finding), Err(FixError::Stale));
    let gone = Finding {
        field: Field::Body(crate::model::SectionId(1)),
        ..finding.clone()
    };
    assert_eq!(apply_fix(&mut s, &gone), Err(FixError::NoSuchPlace));
    let unfixable = Finding {
        suggestion: None,
        ..finding.clone()
    };
    assert_eq!(apply_fix(&mut s, &unfixable), Err(FixError::NoFix));
    assert_eq!(apply_fix(&mut s, &finding), Ok(()));
    assert_eq!(s.opening[0], "今天，开会。");
}

#[test]
fn fix_check_fixes_only_that_check() {
    let mut s = speech(Language::ZhHans);
    s.opening = vec!["今天,开会的的时候。".into()];
    assert_eq!(fix_check(&mut s, CheckId::RepeatedChar), 1);
    assert_eq!(s.opening[0], "今天,开会的时候。");
}

#[test]
fn messages_read_in_english_for_the_command_line() {
    let mut s = speech(Language::ZhHans);
    s.opening = vec!["今天,开会。".into()];
    let finding = check_field(&s, Field::Opening).remove(0);
    assert_eq!(
        finding.message.to_string(),
        "half-width ',' in Chinese text"
    );
}

#[test]
fn ignore_keys_survive_edits_elsewhere() {
    let mut s = speech(Language::ZhHans);
    s.opening = vec!["今天,开会。".into(), "明天,休息。".into()];
    let key = |s: &Speech| IgnoreKey::new(s, &check_field(s, Field::Opening)[0]);
    let before = key(&s);
    assert_eq!(
        (before.before.as_str(), before.after.as_str()),
        ("今天", "开会。")
    );
    s.opening.insert(0, "同志们好。".into());
    s.title.push('！');
    assert_eq!(key(&s), before);
    s.opening[1] = "今天,开大会。".into();
    assert_ne!(key(&s), before);
}
