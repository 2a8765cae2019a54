//! The importer's notes ([`ImportNote`]) worded in the interface language.

use crate::import::{DetailField, ImportNote};
use crate::storage::TextEncoding;

use super::UiLanguage;

fn encoding_name(encoding: TextEncoding, chinese: bool) -> String {
    let mark = |bom: bool| match (bom, chinese) {
        (true, true) => "（带字节序标记）",
        (true, false) => " with a byte-order mark",
        (false, _) => "",
    };
    match encoding {
        TextEncoding::Utf8 => "UTF-8".to_string(),
        TextEncoding::Utf8WithBom => format!("UTF-8{}", mark(true)),
        TextEncoding::Utf16Le { bom } => format!("UTF-16 LE{}", mark(bom)),
        TextEncoding::Utf16Be { bom } => format!("UTF-16 BE{}", mark(bom)),
        TextEncoding::Gb18030 => "GB18030 (GBK)".to_string(),
        TextEncoding::Big5 => "Big5".to_string(),
    }
}

/// The name of a text file's encoding in `lang` ("GB18030 (GBK)", "Big5", "UTF-16 LE"…).
pub fn encoding_label(lang: UiLanguage, encoding: TextEncoding) -> String {
    let name = encoding_name(encoding, lang.is_chinese());
    if lang == UiLanguage::ZhHant {
        to_traditional(&name)
    } else {
        name
    }
}

/// One importer note in `lang`.
pub fn import_note_text(lang: UiLanguage, note: &ImportNote) -> String {
    if lang == UiLanguage::En {
        return note.to_string();
    }
    let hant = lang == UiLanguage::ZhHant;
    // Simplified text; the few characters that differ are swapped for a Traditional interface.
    let text = match note {
        ImportNote::Encoding { encoding } => {
            format!("按 {} 编码读取", encoding_name(*encoding, true))
        }
        ImportNote::NoGreeting => "没有找到称呼".to_string(),
        ImportNote::NoTitleAboveGreeting => "称呼上方没有标题".to_string(),
        ImportNote::LineAboveGreetingNotTitle => "称呼上方的一行不像标题，未作为标题".to_string(),
        ImportNote::LinesAboveTitleKeptAsNotes { count } => {
            format!("标题上方的 {count} 行已保留为备注")
        }
        ImportNote::LinesAfterTitleKeptAsNotes { count } => {
            format!("标题与称呼之间的 {count} 行已保留为备注")
        }
        ImportNote::TitleLinesJoined { count } => format!("标题分 {count} 行书写，已合为一行"),
        ImportNote::DetailFromTitleBlock { field, value } => {
            let what = match field {
                DetailField::Occasion => "场合",
                DetailField::Date => "日期",
                DetailField::Speaker => "讲话人",
            };
            format!("从标题下方取得{what}：{value}")
        }
        ImportNote::MarkdownHeadingTakenAsTitle => "没有称呼，以 Markdown 标题为标题".to_string(),
        ImportNote::FirstParagraphTakenAsTitle => "没有称呼，以第一段为标题".to_string(),
        ImportNote::NoTitleFound => "没有可作为标题的一行，标题留空".to_string(),
        ImportNote::GreetingSplitOff { greeting } => {
            format!("称呼“{greeting}”与正文在同一行，已拆开")
        }
        ImportNote::GluedHeadingSplit { marker } => {
            format!("小标题“{marker}”粘在上一行末尾，已拆开")
        }
        ImportNote::TimestampSplitFromTitle => "标题行末尾的时间已移入备注".to_string(),
        ImportNote::BoilerplateMovedToNotes { count } => {
            format!("文末的 {count} 行网页附加文字已移入备注")
        }
        ImportNote::WrappedLinesJoined { count } => format!("{count} 处硬换行已合并为段落"),
        ImportNote::HeadingsOutOfSequence { numbers } => {
            let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
            format!("小标题序号不连续（{}），仍按小标题处理", numbers.join("、"))
        }
        ImportNote::LongHeadingsSplit { count } => {
            format!("{count} 个过长的小标题在第一句后拆开，其余归入正文")
        }
        ImportNote::NoSections => "没有找到小标题，全部段落归入开场".to_string(),
        ImportNote::ClosingFound { paragraphs } => format!("结尾共 {paragraphs} 段"),
        ImportNote::WordHeadingStyles { count } => {
            format!("按 Word 标题样式找到 {count} 个小标题")
        }
        ImportNote::TrackedChanges {
            insertions,
            deletions,
        } => format!(
            "文档含修订（{insertions} 处插入、{deletions} 处删除）：已读取审阅稿与原稿两个版本"
        ),
        ImportNote::CommentsKeptAsNotes { count } => {
            format!("{count} 条批注已连同所在段落保留为备注")
        }
    };
    if hant { to_traditional(&text) } else { text }
}

/// The Simplified characters of the notes above, in Traditional form.
fn to_traditional(text: &str) -> String {
    const PAIRS: &[(char, char)] = &[
        ('没', '沒'),
        ('称', '稱'),
        ('呼', '呼'),
        ('题', '題'),
        ('标', '標'),
        ('为', '為'),
        ('备', '備'),
        ('注', '註'),
        ('书', '書'),
        ('写', '寫'),
        ('场', '場'),
        ('讲', '講'),
        ('话', '話'),
        ('从', '從'),
        ('处', '處'),
        ('开', '開'),
        ('与', '與'),
        ('间', '間'),
        ('时', '時'),
        ('尾', '尾'),
        ('页', '頁'),
        ('网', '網'),
        ('并', '併'),
        ('硬', '硬'),
        ('换', '換'),
        ('续', '續'),
        ('过', '過'),
        ('长', '長'),
        ('个', '個'),
        ('归', '歸'),
        ('结', '結'),
        ('档', '檔'),
        ('订', '訂'),
        ('删', '刪'),
        ('读', '讀'),
        ('审', '審'),
        ('阅', '閱'),
        ('稿', '稿'),
        ('两', '兩'),
        ('条', '條'),
        ('批', '批'),
        ('连', '連'),
        ('样', '樣'),
        ('编', '編'),
        ('码', '碼'),
        ('带', '帶'),
        ('节', '節'),
        ('记', '記'),
        ('号', '號'),
        ('这', '這'),
        ('取', '取'),
        ('得', '得'),
        ('仍', '仍'),
        ('按', '按'),
        ('处', '處'),
        ('拆', '拆'),
        ('移', '移'),
        ('入', '入'),
        ('附', '附'),
        ('加', '加'),
        ('样', '樣'),
        ('种', '種'),
        ('录', '錄'),
        ('据', '據'),
        ('后', '後'),
        ('则', '則'),
        ('余', '餘'),
        ('内', '內'),
        ('术', '術'),
        ('简', '簡'),
        ('门', '門'),
        ('们', '們'),
    ];
    text.chars()
        .map(|c| PAIRS.iter().find(|(s, _)| *s == c).map_or(c, |(_, t)| *t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_worded_in_each_language() {
        let note = ImportNote::LinesAboveTitleKeptAsNotes { count: 6 };
        assert_eq!(
            import_note_text(UiLanguage::ZhHans, &note),
            "标题上方的 6 行已保留为备注"
        );
        assert_eq!(
            import_note_text(UiLanguage::ZhHant, &note),
            "標題上方的 6 行已保留為備註"
        );
        assert!(import_note_text(UiLanguage::En, &note).contains('6'));
    }
}
