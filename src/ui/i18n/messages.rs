//! What the editor reports as data, worded in the interface language: messages, the core's
//! errors (with the file's path last), draft names and times.

use std::io::ErrorKind;

use chrono::{DateTime, Local, Utc};

use std::path::Path;

use crate::editor::{Message, Notice, OpenWhat};
use crate::error::{Error, ProjectProblem};
use crate::export::fonts::FontSource;
use crate::export::{PrintError, Role, RoleFont};
use crate::project::{Draft, DraftOrigin};

use super::{Msg, UiLanguage, tr};

/// A time for people, in local time: `2026-11-27 16:40`.
pub fn local_time(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The default name of the `number`th named draft: `Draft 3 — 2026-11-27 16:40`, `草稿 3 — …`.
pub fn default_draft_name(lang: UiLanguage, number: usize, now: DateTime<Utc>) -> String {
    format!(
        "{} {number} — {}",
        tr(lang, Msg::DraftNumbered),
        local_time(now)
    )
}

/// How a draft is named in lists: the writer's name, or for an automatic draft its origin and
/// time (`保存时 2026-11-27 16:40`, `还原前“初稿” …`).
pub fn draft_label(lang: UiLanguage, draft: &Draft) -> String {
    if !draft.name.is_empty() {
        return draft.name.clone();
    }
    let time = local_time(draft.created);
    match &draft.origin {
        Some(DraftOrigin::BeforeRestoring { restored }) => match lang {
            UiLanguage::En => format!("Before restoring “{restored}” {time}"),
            _ => format!("{}“{restored}” {time}", tr(lang, Msg::DraftBeforeRestoring)),
        },
        Some(DraftOrigin::Saved) | None => format!("{} {time}", tr(lang, Msg::DraftSaved)),
    }
}

/// A message's title and text.
pub fn message_text(lang: UiLanguage, message: &Message) -> (String, String) {
    let title = |msg| tr(lang, msg).to_string();
    match message {
        Message::Failed(error) => (title(Msg::Error), error_text(lang, error)),
        Message::AutosaveFailed(error) => (
            title(Msg::Error),
            format!(
                "{}\n\n{}",
                tr(lang, Msg::AutosaveFailed),
                error_text(lang, error)
            ),
        ),
        Message::AutosaveOff => (title(Msg::Notice), title(Msg::AutosaveOff)),
        Message::RecoveryUnreadable(errors) => {
            let lines: Vec<String> = errors.iter().map(|e| error_text(lang, e)).collect();
            (
                title(Msg::Error),
                format!(
                    "{}\n\n{}",
                    tr(lang, Msg::RecoveryUnreadable),
                    lines.join("\n")
                ),
            )
        }
        Message::ExportFailed { path, error } => {
            (title(Msg::Error), print_error_text(lang, error, path))
        }
        Message::OpenFailed { what, path } => (
            title(Msg::Error),
            format!(
                "{}\n{}",
                tr(
                    lang,
                    match what {
                        OpenWhat::Viewer => Msg::OpenViewerFailed,
                        OpenWhat::Folder => Msg::OpenFolderFailed,
                    }
                ),
                path.display()
            ),
        ),
    }
}

/// A notice about a written file: what happened, and the file (the section-deleted notice is
/// drawn with its Undo button instead).
pub fn notice_text(lang: UiLanguage, notice: &Notice) -> String {
    match notice {
        Notice::Exported { path } => format!("{}\n{}", tr(lang, Msg::ExportedTo), path.display()),
        Notice::Printed { path } => format!("{}\n{}", tr(lang, Msg::PrintedTo), path.display()),
        Notice::SectionDeleted { .. } => tr(lang, Msg::SectionDeleted).to_string(),
    }
}

/// Why a Word or PDF copy of `path` could not be made or written, in `lang`, naming the file
/// last.
pub fn print_error_text(lang: UiLanguage, error: &PrintError, path: &Path) -> String {
    let p = path.display();
    let pick = |en: String, hans: String, hant: String| match lang {
        UiLanguage::En => en,
        UiLanguage::ZhHans => hans,
        UiLanguage::ZhHant => hant,
    };
    match error {
        PrintError::File(error) => error_text(lang, error),
        PrintError::Pdf(_) | PrintError::PageSize => pick(
            format!("the PDF could not be made ({error}): {p}"),
            format!("无法生成 PDF：{p}"),
            format!("無法產生 PDF：{p}"),
        ),
        PrintError::Docx(_) => pick(
            format!("the Word document could not be made ({error}): {p}"),
            format!("无法生成 Word 文档：{p}"),
            format!("無法產生 Word 文件：{p}"),
        ),
        PrintError::UnreadableFont { family } => pick(
            format!("the font “{family}” could not be read: {p}"),
            format!("无法读取字体“{family}”：{p}"),
            format!("無法讀取字型「{family}」：{p}"),
        ),
    }
}

/// The name of a printed text's role, for the list of fonts.
pub fn role_name(lang: UiLanguage, role: Role) -> &'static str {
    tr(
        lang,
        match role {
            Role::Title => Msg::Title,
            Role::Meta => Msg::FontRoleMeta,
            Role::Greeting => Msg::Greeting,
            Role::Heading1 => Msg::FontRoleHeading1,
            Role::Heading2 => Msg::FontRoleHeading2,
            Role::Body => Msg::Text,
            Role::Notice => Msg::FontRoleNotice,
            Role::Header => Msg::FontRoleHeader,
            Role::PageNumber => Msg::FontRolePageNumber,
            Role::Cue => Msg::FontRoleCue,
        },
    )
}

/// One role's font for people: `Text: FangSong`, or with a stand-in
/// `正文：未安装 FangSong，改用 Droid Sans Fallback（随附）`. The second value says whether it
/// is a substitution (shown as a warning).
pub fn font_line(lang: UiLanguage, font: &RoleFont) -> (String, bool) {
    let role = role_name(lang, font.role);
    let bundled = matches!(font.source, FontSource::Bundled);
    let used = if bundled {
        match lang {
            UiLanguage::En => format!("{} ({})", font.used, tr(lang, Msg::FontBundled)),
            _ => format!("{}（{}）", font.used, tr(lang, Msg::FontBundled)),
        }
    } else {
        font.used.clone()
    };
    let text = match (lang, font.substituted) {
        (UiLanguage::En, false) => format!("{role}: {used}"),
        (UiLanguage::En, true) => format!("{role}: {} not installed, using {used}", font.wanted),
        (UiLanguage::ZhHans, false) | (UiLanguage::ZhHant, false) => format!("{role}：{used}"),
        (UiLanguage::ZhHans, true) => format!("{role}：未安装 {}，改用 {used}", font.wanted),
        (UiLanguage::ZhHant, true) => format!("{role}：未安裝 {}，改用 {used}", font.wanted),
    };
    (text, font.substituted)
}

/// The characters no font has, for the font list.
pub fn missing_chars_text(lang: UiLanguage, chars: &[char]) -> String {
    let chars: String = chars.iter().collect();
    match lang {
        UiLanguage::En => format!("No font has these characters (they print as boxes): {chars}"),
        UiLanguage::ZhHans => format!("以下字符没有字体可用（将印成方框）：{chars}"),
        UiLanguage::ZhHant => format!("以下字元沒有字型可用（將印成方框）：{chars}"),
    }
}

/// `Page 1 of 5`, `第 1 页，共 5 页`.
pub fn page_of(lang: UiLanguage, page: usize, pages: usize) -> String {
    match lang {
        UiLanguage::En => format!("Page {page} of {pages}"),
        UiLanguage::ZhHans => format!("第 {page} 页，共 {pages} 页"),
        UiLanguage::ZhHant => format!("第 {page} 頁，共 {pages} 頁"),
    }
}

/// What went wrong with an I/O call, in `lang`.
fn io_reason(lang: UiLanguage, error: &std::io::Error) -> String {
    let (en, hans, hant) = match error.kind() {
        ErrorKind::PermissionDenied => ("permission denied", "没有权限", "沒有權限"),
        ErrorKind::StorageFull => ("the disk is full", "磁盘已满", "磁碟已滿"),
        ErrorKind::ReadOnlyFilesystem => ("the disk is read-only", "磁盘为只读", "磁碟為唯讀"),
        ErrorKind::AlreadyExists => ("the file already exists", "文件已存在", "檔案已存在"),
        ErrorKind::InvalidData => ("the data is damaged", "数据已损坏", "資料已損毀"),
        ErrorKind::TimedOut => ("it took too long", "操作超时", "操作逾時"),
        ErrorKind::Interrupted => ("it was interrupted", "操作被中断", "操作被中斷"),
        _ => ("a system error", "系统错误", "系統錯誤"),
    };
    let code = error
        .raw_os_error()
        .map(|c| format!(" (os error {c})"))
        .unwrap_or_default();
    let reason = match lang {
        UiLanguage::En => en,
        UiLanguage::ZhHans => hans,
        UiLanguage::ZhHant => hant,
    };
    format!("{reason}{code}")
}

/// What is wrong with a `.lectern` file, in English, Simplified and Traditional Chinese.
fn project_problem_text(problem: &ProjectProblem) -> (String, String, String) {
    match problem {
        ProjectProblem::NotLectern => (
            problem.to_string(),
            "文件中没有 Lectern 格式的讲话稿".into(),
            "檔案中沒有 Lectern 格式的講稿".into(),
        ),
        ProjectProblem::Damaged { line, column } => (
            problem.to_string(),
            format!("第 {line} 行第 {column} 列处内容已损坏"),
            format!("第 {line} 行第 {column} 欄處內容已損毀"),
        ),
        ProjectProblem::UnexpectedValue { line, column } => (
            problem.to_string(),
            format!("第 {line} 行第 {column} 列处有不应出现的内容"),
            format!("第 {line} 行第 {column} 欄處有不應出現的內容"),
        ),
        ProjectProblem::TooDeep => (
            problem.to_string(),
            "括号嵌套过深".into(),
            "括號巢狀過深".into(),
        ),
        ProjectProblem::MissingText { draft, .. } => (
            problem.to_string(),
            format!("草稿 {draft} 引用的文字缺失"),
            format!("草稿 {draft} 引用的文字缺失"),
        ),
        ProjectProblem::RepeatedText { .. } => (
            problem.to_string(),
            "文字表中有重复的条目".into(),
            "文字表中有重複的條目".into(),
        ),
        ProjectProblem::RecoveryHeader => (
            problem.to_string(),
            "恢复文件的首行已缺失或损坏".into(),
            "復原檔案的首行已缺失或損毀".into(),
        ),
    }
}

/// One of the core's errors in `lang`, naming the file last.
pub fn error_text(lang: UiLanguage, error: &Error) -> String {
    let pick = |en: String, hans: String, hant: String| match lang {
        UiLanguage::En => en,
        UiLanguage::ZhHans => hans,
        UiLanguage::ZhHant => hant,
    };
    match error {
        Error::Io {
            action,
            path,
            cause,
        } => {
            let doing = match *action {
                "reading" => tr(lang, Msg::ErrorReading),
                "writing" => tr(lang, Msg::ErrorWriting),
                _ => tr(lang, Msg::ErrorOther),
            };
            let reason = io_reason(lang, cause);
            let path = path.display();
            pick(
                format!("{doing} failed: {reason}: {path}"),
                format!("{doing}失败：{reason}：{path}"),
                format!("{doing}失敗：{reason}：{path}"),
            )
        }
        Error::NotFound { path } => {
            let p = path.display();
            pick(
                format!("no such file: {p}"),
                format!("找不到文件：{p}"),
                format!("找不到檔案：{p}"),
            )
        }
        Error::IsDirectory { path } => {
            let p = path.display();
            pick(
                format!("this is a folder, not a file: {p}"),
                format!("这是文件夹，不是文件：{p}"),
                format!("這是資料夾，不是檔案：{p}"),
            )
        }
        Error::NoSuchFolder { path } => {
            let p = path.display();
            pick(
                format!("the folder does not exist: {p}"),
                format!("文件夹不存在：{p}"),
                format!("資料夾不存在：{p}"),
            )
        }
        Error::TooLarge {
            path,
            size_bytes,
            limit_bytes,
        } => {
            let p = path.display();
            let (mib, limit) = (
                *size_bytes as f64 / 1_048_576.0,
                *limit_bytes as f64 / 1_048_576.0,
            );
            pick(
                format!("the file is too large ({mib:.1} MiB; the limit is {limit:.0} MiB): {p}"),
                format!("文件过大（{mib:.1} MiB，上限 {limit:.0} MiB）：{p}"),
                format!("檔案過大（{mib:.1} MiB，上限 {limit:.0} MiB）：{p}"),
            )
        }
        Error::Empty { path } => {
            let p = path.display();
            pick(
                format!("the file is empty: {p}"),
                format!("文件是空的：{p}"),
                format!("檔案是空的：{p}"),
            )
        }
        Error::Binary { path } => {
            let p = path.display();
            pick(
                format!("not a text file (it holds binary data): {p}"),
                format!("不是文本文件（含有二进制数据）：{p}"),
                format!("不是文字檔（含有二進位資料）：{p}"),
            )
        }
        Error::UnknownEncoding {
            path,
            offset,
            candidates,
        } => {
            let p = path.display();
            pick(
                format!(
                    "cannot tell the text's encoding (not UTF-8 from byte {offset}; it may be {candidates}); save it as UTF-8: {p}"
                ),
                format!(
                    "无法判断文本的编码（第 {offset} 字节起不是 UTF-8，可能是 {candidates}），请另存为 UTF-8：{p}"
                ),
                format!(
                    "無法判斷文字的編碼（第 {offset} 位元組起不是 UTF-8，可能是 {candidates}），請另存為 UTF-8：{p}"
                ),
            )
        }
        Error::BadDocx { path, problem } => {
            let p = path.display();
            pick(
                format!("cannot read the Word document ({problem}): {p}"),
                format!("无法读取该 Word 文档（文件已损坏或不是 .docx）：{p}"),
                format!("無法讀取該 Word 文件（檔案已損毀或不是 .docx）：{p}"),
            )
        }
        Error::BadProject { path, problem } => {
            let p = path.display();
            let (en, hans, hant) = project_problem_text(problem);
            pick(
                format!("not a valid .lectern file ({en}): {p}"),
                format!("不是有效的 .lectern 文件（{hans}）：{p}"),
                format!("不是有效的 .lectern 檔案（{hant}）：{p}"),
            )
        }
        Error::NewerVersion {
            path,
            found,
            supported,
        } => {
            let p = path.display();
            pick(
                format!(
                    "written by a newer Lectern (file format {found}; this version reads up to {supported}); please update Lectern: {p}"
                ),
                format!(
                    "该文件由更新版本的 Lectern 写入（格式 {found}，本版本最高支持 {supported}），请升级 Lectern：{p}"
                ),
                format!(
                    "該檔案由較新版本的 Lectern 寫入（格式 {found}，本版本最高支援 {supported}），請升級 Lectern：{p}"
                ),
            )
        }
        Error::OutputExists { path } => {
            let p = path.display();
            pick(
                format!("the file already exists: {p}"),
                format!("文件已存在：{p}"),
                format!("檔案已存在：{p}"),
            )
        }
        Error::NoSuchDraft {
            path,
            name,
            available,
        } => {
            let p = path.display();
            pick(
                format!("no draft named “{name}” (drafts: {available}): {p}"),
                format!("没有名为“{name}”的草稿（现有草稿：{available}）：{p}"),
                format!("沒有名為「{name}」的草稿（現有草稿：{available}）：{p}"),
            )
        }
        Error::DraftExists { path, name } => {
            let p = path.display();
            pick(
                format!("a draft named “{name}” already exists: {p}"),
                format!("已有名为“{name}”的草稿：{p}"),
                format!("已有名為「{name}」的草稿：{p}"),
            )
        }
        Error::DraftsNeedProject { path } => {
            let p = path.display();
            pick(
                format!("drafts exist only in .lectern files: {p}"),
                format!("只有 .lectern 文件中才有草稿：{p}"),
                format!("只有 .lectern 檔案中才有草稿：{p}"),
            )
        }
        Error::NoSuchTemplate { id, available } => pick(
            format!("no template “{id}” (templates: {available})"),
            format!("没有模板“{id}”（现有模板：{available}）"),
            format!("沒有範本「{id}」（現有範本：{available}）"),
        ),
        Error::UnsupportedType { path } => {
            let p = path.display();
            pick(
                format!(
                    "Lectern does not read this kind of file (it reads .lectern, .txt, .md and .docx): {p}"
                ),
                format!("Lectern 不能读取这种文件（可读取 .lectern、.txt、.md 和 .docx）：{p}"),
                format!("Lectern 無法讀取這種檔案（可讀取 .lectern、.txt、.md 與 .docx）：{p}"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn has_latin_word(text: &str) -> bool {
        // Paths, file extensions and "os error N" aside, a Chinese message has no English words.
        let cleaned = text
            .replace("/tmp/x.lectern", "")
            .replace(".lectern", "")
            .replace(".txt", "")
            .replace(".md", "")
            .replace("Lectern", "")
            .replace("UTF-8", "")
            .replace("GB18030", "")
            .replace("Big5", "")
            .replace("Word", "")
            .replace(".docx", "")
            .replace("MiB", "")
            .replace("os error", "");
        cleaned
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() > 2)
    }

    #[test]
    fn chinese_errors_have_no_english_words() {
        let path = PathBuf::from("/tmp/x.lectern");
        let errors = [
            Error::io("writing", &path, std::io::Error::from_raw_os_error(28)),
            Error::NotFound { path: path.clone() },
            Error::BadProject {
                path: path.clone(),
                problem: ProjectProblem::NotLectern,
            },
            Error::BadProject {
                path: path.clone(),
                problem: ProjectProblem::Damaged { line: 3, column: 7 },
            },
            Error::UnknownEncoding {
                path: path.clone(),
                offset: 3,
                candidates: "GB18030, Big5".into(),
            },
            Error::TooLarge {
                path: path.clone(),
                size_bytes: 9_000_000,
                limit_bytes: 8 << 20,
            },
        ];
        for error in &errors {
            for lang in [UiLanguage::ZhHans, UiLanguage::ZhHant] {
                let text = error_text(lang, error);
                assert!(!has_latin_word(&text), "{lang:?}: {text}");
                assert!(text.ends_with("/tmp/x.lectern"), "{text}");
            }
        }
        let en = error_text(UiLanguage::En, &errors[0]);
        assert_eq!(
            en,
            "writing failed: the disk is full (os error 28): /tmp/x.lectern"
        );
    }

    #[test]
    fn chinese_findings_have_no_english_words() {
        use crate::proof::CheckId;
        use crate::ui::i18n::{
            check_name, deletion_label, finding_text, findings_count_label, fix_all_label,
        };
        let messages = super::super::proof_messages::tests::every_message();
        assert!(messages.len() > 20);
        // A positive first: the English wording has English words.
        assert!(has_latin_word(&finding_text(UiLanguage::En, &messages[0])));
        for lang in [UiLanguage::ZhHans, UiLanguage::ZhHant] {
            for message in &messages {
                let text = finding_text(lang, message);
                assert!(!has_latin_word(&text), "{lang:?}: {text}");
            }
            for check in CheckId::ALL {
                let name = check_name(lang, check);
                assert!(!has_latin_word(name), "{lang:?}: {name}");
            }
            for msg in [
                Msg::Proofing,
                Msg::ShowProofing,
                Msg::ProofingHelp,
                Msg::NoFindings,
                Msg::Fix,
                Msg::Ignore,
                Msg::FixAllOf,
                Msg::FindingsIn,
                Msg::IgnoredFindings,
            ] {
                assert!(!has_latin_word(tr(lang, msg)), "{lang:?}: {msg:?}");
            }
            for text in [
                fix_all_label(lang, 12),
                findings_count_label(lang, 1),
                deletion_label(lang).to_string(),
            ] {
                assert!(!has_latin_word(&text), "{lang:?}: {text}");
            }
        }
    }

    #[test]
    fn automatic_drafts_are_named_in_the_interface_language() {
        let mut draft = Draft {
            id: crate::project::DraftId(1),
            name: String::new(),
            created: Utc::now(),
            note: None,
            kind: crate::project::DraftKind::Automatic,
            origin: Some(DraftOrigin::Saved),
            speech: Default::default(),
        };
        assert!(draft_label(UiLanguage::ZhHans, &draft).starts_with("保存时 "));
        draft.origin = Some(DraftOrigin::BeforeRestoring {
            restored: "初稿".into(),
        });
        assert!(draft_label(UiLanguage::ZhHant, &draft).starts_with("還原前“初稿”"));
        draft.name = "二稿".into();
        assert_eq!(draft_label(UiLanguage::En, &draft), "二稿");
    }
}
