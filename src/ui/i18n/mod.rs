//! The interface's words in English, Simplified and Traditional Chinese.
//!
//! Every piece of interface text is a [`Msg`]; [`tr`] looks it up. Texts with numbers in them
//! have small functions of their own ([`count_label`], [`matches_label`], …); what the editor
//! reports as data (messages, errors, automatic draft names) is worded in `messages` (re-exported here).

mod import_notes;
mod messages;
mod proof_messages;

pub use import_notes::{encoding_label, import_note_text};
pub use messages::{
    default_draft_name, draft_label, error_text, font_line, local_time, message_text,
    missing_chars_text, notice_text, page_of, print_error_text, role_name,
};
pub use proof_messages::{
    check_name, deletion_label, finding_text, findings_count_label, fix_all_label,
};

use serde::{Deserialize, Serialize};

use crate::model::chinese_numeral;
use crate::stats::Counts;

/// The language of the interface (not of the speech).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UiLanguage {
    /// English.
    #[default]
    En,
    /// 简体中文.
    ZhHans,
    /// 繁體中文.
    ZhHant,
}

impl UiLanguage {
    /// All interface languages, in menu order.
    pub const ALL: [UiLanguage; 3] = [UiLanguage::En, UiLanguage::ZhHans, UiLanguage::ZhHant];

    /// The language's own name, as shown in the View menu.
    pub fn native_name(self) -> &'static str {
        match self {
            UiLanguage::En => "English",
            UiLanguage::ZhHans => "简体中文",
            UiLanguage::ZhHant => "繁體中文",
        }
    }

    /// The interface language for a system locale such as `zh-CN`, `zh_TW.UTF-8` or `en-US`;
    /// English for anything else.
    pub fn from_locale(locale: Option<&str>) -> UiLanguage {
        let Some(locale) = locale else {
            return UiLanguage::En;
        };
        let lower = locale.trim().to_ascii_lowercase().replace('_', "-");
        if lower.starts_with("zh-hant")
            || lower.starts_with("zh-tw")
            || lower.starts_with("zh-hk")
            || lower.starts_with("zh-mo")
        {
            UiLanguage::ZhHant
        } else if lower.starts_with("zh") {
            UiLanguage::ZhHans
        } else {
            UiLanguage::En
        }
    }

    /// Whether this is a Chinese interface.
    pub fn is_chinese(self) -> bool {
        !matches!(self, UiLanguage::En)
    }
}

macro_rules! messages {
    ($($name:ident => $en:literal, $hans:literal, $hant:literal;)*) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Msg { $($name,)* }

        /// The text of `msg` in `lang`.
        pub fn tr(lang: UiLanguage, msg: Msg) -> &'static str {
            match (msg, lang) {
                $(
                    (Msg::$name, UiLanguage::En) => $en,
                    (Msg::$name, UiLanguage::ZhHans) => $hans,
                    (Msg::$name, UiLanguage::ZhHant) => $hant,
                )*
            }
        }

        #[cfg(test)]
        const ALL_MESSAGES: &[Msg] = &[$(Msg::$name,)*];
    };
}

messages! {
    MenuFile => "File", "文件", "檔案";
    MenuEdit => "Edit", "编辑", "編輯";
    MenuDraft => "Draft", "草稿", "草稿";
    MenuView => "View", "视图", "檢視";
    MenuHelp => "Help", "帮助", "說明";
    New => "New…", "新建…", "新增…";
    Open => "Open…", "打开…", "開啟…";
    Save => "Save", "保存", "儲存";
    SaveAs => "Save As…", "另存为…", "另存新檔…";
    ImportText => "Import text…", "导入文本…", "匯入文字…";
    Export => "Export…", "导出…", "匯出…";
    RecentFiles => "Recent files", "最近的文件", "最近的檔案";
    NoRecentFiles => "No recent files", "没有最近的文件", "沒有最近的檔案";
    Quit => "Quit", "退出", "結束";
    Undo => "Undo", "撤销", "復原";
    Redo => "Redo", "重做", "重做";
    Find => "Find and replace…", "查找和替换…", "尋找與取代…";
    FindNext => "Find next", "查找下一个", "尋找下一個";
    FindPrev => "Find previous", "查找上一个", "尋找上一個";
    ReplaceOne => "Replace", "替换", "取代";
    ReplaceAll => "Replace all", "全部替换", "全部取代";
    AddSection => "Add section", "添加部分", "新增部分";
    RemoveSection => "Remove section", "删除部分", "刪除部分";
    MoveSectionUp => "Move section up", "上移部分", "上移部分";
    MoveSectionDown => "Move section down", "下移部分", "下移部分";
    SaveDraft => "Save draft…", "保存草稿…", "儲存草稿…";
    RenameDraft => "Rename draft…", "重命名草稿…", "重新命名草稿…";
    DeleteDraft => "Delete draft", "删除草稿", "刪除草稿";
    RestoreDraft => "Restore draft", "恢复草稿", "還原草稿";
    CompareDrafts => "Compare drafts…", "比较草稿…", "比較草稿…";
    ShowDrafts => "Drafts panel", "草稿面板", "草稿面板";
    ShowOutline => "Outline panel", "大纲面板", "大綱面板";
    InterfaceLanguage => "Interface language", "界面语言", "介面語言";
    Theme => "Theme", "主题", "主題";
    ThemeSystem => "System", "跟随系统", "跟隨系統";
    ThemeLight => "Light", "浅色", "淺色";
    ThemeDark => "Dark", "深色", "深色";
    ZoomIn => "Zoom in", "放大", "放大";
    ZoomOut => "Zoom out", "缩小", "縮小";
    ZoomReset => "Actual size", "实际大小", "實際大小";
    BodyTextSize => "Text size in panes", "正文字号", "正文字級";
    ParagraphSpacing => "Space between paragraphs", "段落之间留空", "段落之間留空";
    MatchCase => "Match case", "区分大小写", "區分大小寫";
    WholeWord => "Whole words", "全词匹配", "全詞匹配";
    ThisSection => "Only this section", "仅限本部分", "僅限本部分";
    ThisSectionHelp => "Search only the section you were last writing in", "只在上次编辑的部分中查找", "只在上次編輯的部分中尋找";
    SectionDeleted => "Section deleted", "已删除部分", "已刪除部分";
    NoFilePicker => "No file picker can be shown: this desktop has neither the file-chooser portal (xdg-desktop-portal) nor zenity. Type the file's full path below, or install one of the two.", "无法显示选择文件的窗口：此桌面既没有文件选择门户（xdg-desktop-portal），也没有 zenity。请在下面输入文件的完整路径，或安装二者之一。", "無法顯示選擇檔案的視窗：此桌面既沒有檔案選擇入口（xdg-desktop-portal），也沒有 zenity。請在下方輸入檔案的完整路徑，或安裝兩者之一。";
    TypePath => "Path of the file", "文件路径", "檔案路徑";
    Shortcuts => "Keyboard shortcuts", "快捷键", "快速鍵";
    About => "About Lectern", "关于 Lectern", "關於 Lectern";
    AboutText => "Lectern — a desktop editor for writing speeches.\nChinese text uses the bundled Droid Sans Fallback font (Apache-2.0).",
        "Lectern——撰写讲话稿的桌面编辑器。\n中文使用随附的 Droid Sans Fallback 字体（Apache-2.0 许可）。",
        "Lectern——撰寫講話稿的桌面編輯器。\n中文使用隨附的 Droid Sans Fallback 字型（Apache-2.0 授權）。";
    Title => "Title", "标题", "標題";
    Greeting => "Greeting", "称呼", "稱呼";
    Opening => "Opening", "开场", "開場";
    Closing => "Closing", "结尾", "結尾";
    Heading => "Heading", "小标题", "小標題";
    Text => "Text", "正文", "正文";
    Outline => "Outline", "大纲", "大綱";
    Drafts => "Drafts", "草稿", "草稿";
    AutomaticDrafts => "Automatic drafts", "自动草稿", "自動草稿";
    NoDrafts => "No drafts yet. Save one to keep this version.", "还没有草稿。保存草稿可留存当前版本。", "還沒有草稿。儲存草稿可保留目前版本。";
    Restore => "Restore", "恢复", "還原";
    Rename => "Rename…", "重命名…", "重新命名…";
    Delete => "Delete", "删除", "刪除";
    GoTo => "Go to", "转到", "跳至";
    MoveUp => "Move up", "上移", "上移";
    MoveDown => "Move down", "下移", "下移";
    Remove => "Remove", "删除", "刪除";
    DragToReorder => "Drag to reorder", "拖动以调整顺序", "拖曳以調整順序";
    Collapse => "Collapse", "折叠", "摺疊";
    Expand => "Expand", "展开", "展開";
    Budget => "Budget (min)", "时长预算（分钟）", "時長預算（分鐘）";
    Reset => "Reset", "重置", "重設";
    ResetBudget => "Reset to an even share of the target", "恢复为按目标时长平均分配", "恢復為按目標時長平均分配";
    OverBudget => "Over budget", "超出预算", "超出預算";
    Target => "Target (min)", "目标时长（分钟）", "目標時長（分鐘）";
    TargetLength => "Target length (min)", "目标讲话时长（分钟）", "目標講話時長（分鐘）";
    TargetHelp => "How long the speech should take: drag, or double-click to type. Each section's budget is an even share of it. Click the label to open the details.", "讲话应有的时长：拖动，或双击后输入。各部分的时长预算按它平均分配。点击标签打开基本信息。", "講話應有的時長：拖曳，或按兩下後輸入。各部分的時長預算按它平均分配。點擊標籤開啟基本資訊。";
    Details => "Details", "基本信息", "基本資訊";
    Speaker => "Speaker", "讲话人", "講話人";
    Occasion => "Occasion", "场合", "場合";
    Date => "Date", "日期", "日期";
    SpeechLanguage => "Language of the speech", "讲话稿语言", "講話稿語言";
    Notes => "Notes", "备注", "備註";
    NotesHelp => "Kept with the speech, never exported (an import puts here what it found above the title).", "随稿保存，不会导出（导入时标题上方的内容放在这里）。", "隨稿保存，不會匯出（匯入時標題上方的內容放在這裡）。";
    Saved => "Saved", "已保存", "已儲存";
    Modified => "Modified", "已修改", "已修改";
    UnsavedNew => "Unsaved new file", "未保存的新文件", "未儲存的新檔案";
    Saving => "Saving…", "正在保存…", "正在儲存…";
    Untitled => "Untitled", "未命名", "未命名";
    UnsavedChanges => "Unsaved changes", "有未保存的更改", "有未儲存的變更";
    SaveChangesQuestion => "Save the changes to this speech first?", "是否先保存对本讲话稿的更改？", "是否先儲存對本講話稿的變更？";
    Discard => "Don't save", "不保存", "不儲存";
    ImportPreviewTitle => "Import preview", "导入预览", "匯入預覽";
    ImportEncoding => "Encoding:", "编码：", "編碼：";
    ImportWordDocument => "Word document (.docx)", "Word 文档（.docx）", "Word 文件（.docx）";
    ImportGuesses => "What the importer guessed", "导入时的推测", "匯入時的推測";
    ImportNothingGuessed => "Nothing to note.", "没有需要说明的。", "沒有需要說明的。";
    ImportHelp => "Click a line or move with Up/Down, then mark it:", "点击一行或用上下方向键选择，然后标记：", "點擊一行或用上下方向鍵選擇，然後標記：";
    ImportLines => "Lines of the file", "文件的各行", "檔案的各行";
    ImportAccept => "Import", "导入", "匯入";
    ImportMarkedByYou => "marked by you", "由你标记", "由你標記";
    RoleNotes => "Notes", "备注", "備註";
    RoleBoilerplate => "Ignored (web page)", "忽略（网页杂项）", "忽略（網頁雜項）";
    RoleTitle => "Title", "标题", "標題";
    RoleOccasion => "Occasion", "场合", "場合";
    RoleDate => "Date", "日期", "日期";
    RoleSpeaker => "Speaker", "讲话人", "講話人";
    RoleGreeting => "Greeting", "称呼", "稱呼";
    RoleOpening => "Opening", "开头", "開頭";
    RoleHeading => "Section heading", "部分标题", "部分標題";
    RoleSectionText => "Section text", "部分正文", "部分正文";
    RoleClosing => "Closing", "结尾", "結尾";
    MarkTitle => "Title (T)", "标题 (T)", "標題 (T)";
    MarkGreeting => "Greeting (G)", "称呼 (G)", "稱呼 (G)";
    MarkHeading => "Section heading (H)", "部分标题 (H)", "部分標題 (H)";
    MarkClosing => "Closing starts here (C)", "从此处开始结尾 (C)", "從此處開始結尾 (C)";
    MarkNotes => "Notes (N)", "备注 (N)", "備註 (N)";
    MarkPlain => "Plain paragraph (P)", "普通段落 (P)", "普通段落 (P)";
    MarkAuto => "Importer's guess (A)", "恢复自动判断 (A)", "恢復自動判斷 (A)";
    Cancel => "Cancel", "取消", "取消";
    Ok => "OK", "确定", "確定";
    Error => "Error", "错误", "錯誤";
    Notice => "Notice", "提示", "提示";
    Name => "Name", "名称", "名稱";
    Note => "Note (optional)", "备注（可选）", "備註（選填）";
    ChooseTemplate => "Choose a template", "选择模板", "選擇範本";
    Create => "Create", "创建", "建立";
    Format => "Format", "格式", "格式";
    PlainText => "Plain text", "纯文本", "純文字";
    Markdown => "Markdown", "Markdown", "Markdown";
    Style => "Style", "样式", "樣式";
    ChineseStyle => "Chinese (一、 headings, indented)", "中文公文（一、标题，首行缩进）", "中文公文（一、標題，首行縮排）";
    EnglishStyle => "English (I. headings, blank lines)", "英文（I. 标题，空行分段）", "英文（I. 標題，空行分段）";
    Preview => "Preview", "预览", "預覽";
    SaveFile => "Save to file…", "保存到文件…", "儲存至檔案…";
    WorkingCopy => "Working copy", "当前稿", "目前稿件";
    Compare => "Compare", "比较", "比較";
    Part => "Part", "部分", "部分";
    Difference => "Difference", "差异", "差異";
    Total => "Total", "合计", "合計";
    FindLabel => "Find", "查找", "尋找";
    ReplaceWith => "Replace with", "替换为", "取代為";
    NoMatches => "No matches", "无匹配", "無符合";
    Close => "Close", "关闭", "關閉";
    DropToOpen => "Drop the file to open it", "松开鼠标以打开文件", "放開滑鼠以開啟檔案";
    SpeechFiles => "Lectern speech", "Lectern 讲话稿", "Lectern 講話稿";
    TextFiles => "Text or Markdown", "文本或 Markdown", "文字或 Markdown";
    LengthOf => "Speaking time", "讲话时长", "講話時長";
    ImportAsDraft => "Import text as draft…", "导入文本为草稿…", "匯入文字為草稿…";
    ImportedFrom => "Imported from", "导入自", "匯入自";
    NextChange => "Next change", "下一处修改", "下一處修改";
    PrevChange => "Previous change", "上一处修改", "上一處修改";
    Accept => "Accept", "接受", "接受";
    Reject => "Reject", "拒绝", "拒絕";
    KeepMine => "Keep mine", "保留我的", "保留我的";
    Take => "Take", "采用", "採用";
    TakeAll => "Take all", "全部采用", "全部採用";
    AcceptPart => "Accept all in this part", "接受本部分全部修改", "接受本部分全部修改";
    RejectPart => "Reject all in this part", "拒绝本部分全部修改", "拒絕本部分全部修改";
    KeepMinePart => "Keep mine in this part", "本部分保留我的", "本部分保留我的";
    TakeTheirsPart => "Take all in this part", "本部分全部采用", "本部分全部採用";
    CloseCompare => "Close comparison", "关闭比较", "關閉比較";
    OldSide => "Left (old)", "左（旧）", "左（舊）";
    NewSide => "Right (new)", "右（新）", "右（新）";
    SideBySide => "Side by side", "并排", "並排";
    Inline => "Inline", "单栏", "單欄";
    Granularity => "Compare by", "比较单位", "比較單位";
    GranularityChar => "Characters", "字", "字";
    GranularityWord => "Words", "词", "詞";
    GranularitySentence => "Sentences", "句", "句";
    GranularityParagraph => "Paragraphs", "段", "段";
    Cleanup => "Merge small changes", "合并零碎修改", "合併零碎修改";
    IgnoreWidth => "Ignore punctuation width and spacing", "忽略标点全半角和空格", "忽略標點全半形和空白";
    IgnoreWidthHelp => "Full-width and half-width forms of the same mark (，and , ：and :), curly and straight quotes, and runs of spaces of any length count as the same. The differences ignored are counted, not hidden.",
        "同一标点的全角和半角（，与 , ：与 :）、弯引号和直引号、长短不同的空格都视为相同。被忽略的差异会计数显示，不会悄悄隐去。",
        "同一標點的全形和半形（，與 , ：與 :）、彎引號和直引號、長短不同的空白都視為相同。被忽略的差異會計數顯示，不會悄悄隱去。";
    IgnoredDifferences => "Width and spacing differences ignored", "已忽略的全半角和空格差异", "已忽略的全半形和空白差異";
    MovedFrom => "moved from", "移自", "移自";
    MovedTo => "moved to", "移至", "移至";
    ReviewCopy => "Right is a reviewer's copy", "右侧为审阅稿", "右側為審閱稿";
    ReviewHelp => "The reviewer's copy is on the right, your working copy on the left: green is what the reviewer added, red what they deleted. “Take” puts the reviewer's change into your working copy; “Keep mine” leaves yours. Either one marks the change done.",
        "右侧是审阅稿，左侧是你的当前稿：绿色是审阅人增加的，红色是审阅人删去的。“采用”把审阅人的修改写入当前稿；“保留我的”保持你的文本不变。两者都会把这处修改标为已处理。",
        "右側是審閱稿，左側是你的目前稿件：綠色是審閱人增加的，紅色是審閱人刪去的。「採用」把審閱人的修改寫入目前稿件；「保留我的」保持你的文字不變。兩者都會把這處修改標為已處理。";
    MergeReviews => "Merge reviews…", "合并审阅稿…", "合併審閱稿…";
    MergeHelp => "Merge two reviewers' copies of one version: changes in different places are all taken; where both changed the same phrase you choose.",
        "合并两位审阅人对同一稿的修改：改在不同地方的都采用；两人改了同一处时由你选择。",
        "合併兩位審閱人對同一稿的修改：改在不同地方的都採用；兩人改了同一處時由你選擇。";
    MergeBase => "Both started from", "共同底稿", "共同底稿";
    MergeOurs => "First reviewer's copy", "第一份审阅稿", "第一份審閱稿";
    MergeTheirs => "Second reviewer's copy", "第二份审阅稿", "第二份審閱稿";
    MergeFromFile => "From a file…", "从文件…", "從檔案…";
    MergeChoose => "Choose…", "请选择…", "請選擇…";
    MergeClean => "No conflicts: every change of both copies is in the merge.",
        "没有冲突：两份审阅稿的修改都已合并。",
        "沒有衝突：兩份審閱稿的修改都已合併。";
    MergePickAll => "Choose the version both started from and the two returned copies.",
        "请选择共同底稿和两份退回的审阅稿。",
        "請選擇共同底稿和兩份退回的審閱稿。";
    UseFirst => "Use the first", "用第一份", "用第一份";
    UseSecond => "Use the second", "用第二份", "用第二份";
    EditedText => "Your text", "自己改写", "自己改寫";
    Reopen => "Undecided", "暂不决定", "暫不決定";
    RemovedSection => "(section removed)", "（删去本部分）", "（刪去本部分）";
    AcceptMerge => "Make it the working copy", "设为当前稿", "設為目前稿件";
    MergeBaseDraft => "Merge base", "合并底稿", "合併底稿";
    Conflicts => "Conflicts", "冲突", "衝突";
    ResolveConflicts => "Resolve merge conflicts…", "解决合并冲突…", "解決合併衝突…";
    ResolveConflictsHelp => "A merge left these places where both reviewers changed the same text. Choose the first reviewer's version, the second's, or your own text; undecided ones stay in the file.",
        "合并后留下了这些冲突：两位审阅人改了同一处文字。请为每处选择第一份、第二份或自己改写；暂不决定的会保留在文件中。",
        "合併後留下了這些衝突：兩位審閱人改了同一處文字。請為每處選擇第一份、第二份或自己改寫；暫不決定的會保留在檔案中。";
    ApplyResolution => "Apply choices", "应用所选", "套用所選";
    ConflictStale => "This text was edited after the merge, so neither version can be put in; you can only keep the text as it is now.",
        "合并后这里的文字已被修改，无法再填入任一版本，只能保持现有文字。",
        "合併後這裡的文字已被修改，無法再填入任一版本，只能保持現有文字。";
    KeepAsItIs => "Keep the text as it is", "保持现有文字", "保持現有文字";
    ReviewerCopy => "reviewer's copy", "审阅稿", "審閱稿";
    ChangesOnly => "Changes only", "只看修改", "只看修改";
    ChangesOnlyHelp => "Fold the paragraphs that are the same on both sides; click a folded line to open it.",
        "把两边相同的段落折叠起来；点击折叠行可以展开。",
        "把兩邊相同的段落摺疊起來；點擊摺疊行可以展開。";
    UnfoldHelp => "Show these paragraphs", "展开这些段落", "展開這些段落";
    ChangeList => "Change list", "修改列表", "修改列表";
    NothingDiffers => "No draft differs from the working copy: pick what to compare.",
        "没有与当前稿不同的草稿：请选择要比较的版本。",
        "沒有與目前稿件不同的草稿：請選擇要比較的版本。";
    Changes => "Changes", "修改", "修改";
    NoDifferences => "No differences", "没有差异", "沒有差異";
    StatusUnchanged => "unchanged", "未变", "未變";
    StatusModified => "modified", "修改", "修改";
    StatusMoved => "moved", "移动", "移動";
    StatusAdded => "added", "新增", "新增";
    StatusRemoved => "removed", "删除", "刪除";
    RecoveryTitle => "Recover unsaved work", "恢复未保存的内容", "恢復未儲存的內容";
    RecoveryIntro => "Lectern kept these speeches when it last stopped before they were saved. Restore one to go on working on it, or discard it.",
        "Lectern 上次退出时，以下讲话稿尚未保存，已为您保留。可恢复后继续编辑，或将其丢弃。",
        "Lectern 上次結束時，以下講話稿尚未儲存，已為您保留。可還原後繼續編輯，或將其捨棄。";
    UnsavedSpeech => "Unsaved speech", "未保存的讲话稿", "未儲存的講話稿";
    RecoveryWritten => "Kept at", "保留于", "保留於";
    RecoveryChangedElsewhere => "The file has also changed on disk since: compare before saving over it.",
        "此后该文件在磁盘上也被改动过，保存覆盖前请先比较。",
        "此後該檔案在磁碟上也被改動過，儲存覆寫前請先比較。";
    RecoveryDocumentMissing => "The file is no longer there.", "原文件已不存在。", "原檔案已不存在。";
    RecoveryDocumentUnreadable => "The file cannot be read.", "原文件无法读取。", "原檔案無法讀取。";
    DiscardRecovery => "Discard", "丢弃", "捨棄";
    DecideLater => "Decide later", "稍后再说", "稍後再說";
    RecoveryUnreadable => "These recovery files could not be read; they were left where they are:",
        "以下恢复文件无法读取，已原样保留：",
        "以下恢復檔案無法讀取，已原樣保留：";
    AutosaveFailed => "Autosave could not write the recovery file. Your text is still here: save it to be safe.",
        "自动保存无法写入恢复文件。文字仍在编辑器中，请及时保存。",
        "自動儲存無法寫入恢復檔案。文字仍在編輯器中，請及時儲存。";
    AutosaveOff => "Autosave for recovery is off: there is no data folder. Set LECTERN_DATA_DIR to turn it on.",
        "没有数据文件夹，用于恢复的自动保存已关闭。设置 LECTERN_DATA_DIR 可开启。",
        "沒有資料夾可用，用於恢復的自動儲存已關閉。設定 LECTERN_DATA_DIR 可開啟。";
    ChangedOnDisk => "The file changed on disk", "文件已在磁盘上被改动", "檔案已在磁碟上被改動";
    ChangedOnDiskText => "The file changed on disk since you opened it (another program or a sync tool wrote it, or removed it). Overwrite it with this speech?",
        "自您打开以来，该文件已在磁盘上被改动（可能是其他程序或同步工具写入或删除了它）。是否用本讲话稿覆盖？",
        "自您開啟以來，該檔案已在磁碟上被改動（可能是其他程式或同步工具寫入或刪除了它）。是否以本講話稿覆寫？";
    Overwrite => "Overwrite", "覆盖", "覆寫";
    MenuCompare => "Compare", "比较", "比較";
    CommandPalette => "Command palette…", "命令面板…", "命令面板…";
    PaletteQuery => "Command to run", "要执行的命令", "要執行的命令";
    CommandPaletteHelp => "Type to find a command; Enter runs it", "输入以查找命令，回车执行", "輸入以尋找命令，按 Enter 執行";
    UndoHelp => "Undo and redo work on the whole speech, also while typing in a field", "撤销和重做作用于整篇讲话稿，输入时亦然", "復原與重做作用於整篇講話稿，輸入時亦然";
    CompareWithWorking => "Compare with working copy", "与当前稿比较", "與目前稿件比較";
    DraftNumbered => "Draft", "草稿", "草稿";
    DraftSaved => "Saved", "保存时", "儲存時";
    DraftBeforeRestoring => "Before restoring", "恢复前", "還原前";
    Exported => "Exported", "已导出", "已匯出";
    ExportedTo => "The speech was exported to:", "讲话稿已导出到：", "講話稿已匯出至：";
    ErrorReading => "reading", "读取", "讀取";
    ErrorWriting => "writing", "写入", "寫入";
    ErrorOther => "working on", "处理", "處理";
    Proofing => "Proofing", "规范检查", "規範檢查";
    ShowProofing => "Proofing panel", "规范检查面板", "規範檢查面板";
    ProofingHelp => "Checks punctuation, numbering, repeated characters, script and spacing; fixes only what you ask", "检查标点、序号、重复字词、繁简和空格；只在你要求时修正", "檢查標點、序號、重複字詞、繁簡和空格；只在你要求時修正";
    NoFindings => "No findings.", "未发现问题。", "未發現問題。";
    Fix => "Fix", "修正", "修正";
    Ignore => "Ignore", "忽略", "忽略";
    FixAllOf => "Fix all", "全部修正", "全部修正";
    FindingsIn => "Findings", "问题", "問題";
    IgnoredFindings => "Ignored", "已忽略", "已忽略";
    Print => "Print…", "打印…", "列印…";
    FormatDocx => "Word (.docx)", "Word 文档（.docx）", "Word 文件（.docx）";
    FormatPdf => "PDF", "PDF", "PDF";
    Layout => "Layout", "版式", "版式";
    LayoutGongwen => "Official layout (公文, GB/T 9704)", "公文（GB/T 9704）", "公文（GB/T 9704）";
    LayoutReading => "Reading copy in large type (大字版)", "讲话稿大字版", "講話稿大字版";
    LayoutManuscript => "English manuscript", "英文讲稿", "英文講稿";
    LayoutOptions => "Options", "选项", "選項";
    OptionSectionBreaks => "Start each section on a new page", "每个部分另起一页", "每個部分另起一頁";
    OptionCheckAgainstDelivery => "“Check against delivery” as the first line", "首行注明以实际讲话为准", "首行註明以實際講話為準";
    OptionNextPageCue => "The next page's first words at the foot (接下页)", "页脚提示下页开头（接下页）", "頁腳提示下頁開頭（接下頁）";
    OptionSpeakerAndDate => "Speaker and date below the title", "标题下方显示讲话人和日期", "標題下方顯示講話人和日期";
    Fonts => "Fonts", "字体", "字型";
    FontsInDocument => "Fonts named in the document (used where the reader has them):", "文档中指定的字体（对方电脑装有时使用）：", "文件中指定的字型（對方電腦裝有時使用）：";
    FontsInPdf => "Fonts embedded in the PDF:", "PDF 中嵌入的字体：", "PDF 中嵌入的字型：";
    FontBundled => "bundled", "随附", "隨附";
    FontRoleMeta => "Speaker and date", "讲话人和日期", "講話人和日期";
    FontRoleHeading1 => "Headings", "一级标题", "一級標題";
    FontRoleHeading2 => "Second-level headings", "二级标题", "二級標題";
    FontRoleNotice => "Delivery note", "提示语", "提示語";
    FontRoleHeader => "Running header", "页眉", "頁首";
    FontRolePageNumber => "Page numbers", "页码", "頁碼";
    FontRoleCue => "Next-page cue", "接下页提示", "接下頁提示";
    FirstPagePreview => "Preview of the first page", "第一页预览", "第一頁預覽";
    OpenFolder => "Open folder", "打开文件夹", "開啟資料夾";
    PrintedTo => "The PDF is open in the viewer; print it from there. It is at:", "PDF 已在阅读器中打开，请从阅读器打印。文件位于：", "PDF 已在閱讀器中開啟，請從閱讀器列印。檔案位於：";
    OpenViewerFailed => "No program to show the PDF could be started. Open this file yourself to print it:", "无法启动显示 PDF 的程序。请自行打开以下文件进行打印：", "無法啟動顯示 PDF 的程式。請自行開啟以下檔案進行列印：";
    OpenFolderFailed => "The folder could not be opened:", "无法打开该文件夹：", "無法開啟該資料夾：";
    Dismiss => "Dismiss", "关闭提示", "關閉提示";
}

/// The text of a command's menu entry or button.
pub fn label(lang: UiLanguage, msg: Msg) -> String {
    tr(lang, msg).to_string()
}

/// `Section 2` / `第二部分`: how the interface names the section at `index` (0-based).
pub fn section_name(lang: UiLanguage, index: usize) -> String {
    match lang {
        UiLanguage::En => format!("Section {}", index + 1),
        UiLanguage::ZhHans | UiLanguage::ZhHant => {
            format!("第{}部分", chinese_numeral(index + 1))
        }
    }
}

/// An accessible name for an action on a target: `Move up: Section 2`.
pub fn action_on(lang: UiLanguage, msg: Msg, target: &str) -> String {
    match lang {
        UiLanguage::En => format!("{}: {target}", tr(lang, msg)),
        UiLanguage::ZhHans | UiLanguage::ZhHant => format!("{}：{target}", tr(lang, msg)),
    }
}

/// The length of a text for people: characters for Chinese speeches, words for English ones.
pub fn count_label(lang: UiLanguage, counts: &Counts, chinese_speech: bool) -> String {
    let (n, unit) = if chinese_speech || counts.words == 0 && counts.cjk_chars > 0 {
        (
            counts.cjk_chars,
            match lang {
                UiLanguage::En => "chars",
                _ => "字",
            },
        )
    } else {
        (
            counts.words,
            match lang {
                UiLanguage::En => "words",
                UiLanguage::ZhHans => "词",
                UiLanguage::ZhHant => "詞",
            },
        )
    };
    match lang {
        UiLanguage::En => format!("{n} {unit}"),
        _ => format!("{n}{unit}"),
    }
}

/// `3 matches`, `2 of 5`, or `No matches`.
pub fn matches_label(lang: UiLanguage, current: Option<usize>, total: usize) -> String {
    if total == 0 {
        return tr(lang, Msg::NoMatches).to_string();
    }
    match (lang, current) {
        (UiLanguage::En, Some(i)) => format!("{} of {total}", i + 1),
        (UiLanguage::En, None) if total == 1 => "1 match".to_string(),
        (UiLanguage::En, None) => format!("{total} matches"),
        (UiLanguage::ZhHans, Some(i)) => format!("第 {} 处，共 {total} 处", i + 1),
        (UiLanguage::ZhHant, Some(i)) => format!("第 {} 處，共 {total} 處", i + 1),
        (UiLanguage::ZhHans, None) => format!("{total} 处匹配"),
        (UiLanguage::ZhHant, None) => format!("{total} 處符合"),
    }
}

/// `Change 2 of 7`, `7 changes`, or `No differences`.
pub fn changes_label(lang: UiLanguage, current: Option<usize>, total: usize) -> String {
    if total == 0 {
        return tr(lang, Msg::NoDifferences).to_string();
    }
    match (lang, current) {
        (UiLanguage::En, Some(i)) => format!("Change {} of {total}", i + 1),
        (UiLanguage::En, None) if total == 1 => "1 change".to_string(),
        (UiLanguage::En, None) => format!("{total} changes"),
        (UiLanguage::ZhHans, Some(i)) => format!("第 {} 处修改，共 {total} 处", i + 1),
        (UiLanguage::ZhHant, Some(i)) => format!("第 {} 處修改，共 {total} 處", i + 1),
        (UiLanguage::ZhHans, None) => format!("共 {total} 处修改"),
        (UiLanguage::ZhHant, None) => format!("共 {total} 處修改"),
    }
}

/// The folded line of unchanged paragraphs: `… 12 unchanged paragraphs …`.
pub fn unchanged_paragraphs_label(lang: UiLanguage, count: usize) -> String {
    match lang {
        UiLanguage::En if count == 1 => "… 1 unchanged paragraph …".to_string(),
        UiLanguage::En => format!("… {count} unchanged paragraphs …"),
        UiLanguage::ZhHans => format!("…… {count} 段未修改 ……"),
        UiLanguage::ZhHant => format!("…… {count} 段未修改 ……"),
    }
}

/// The position in a review with what is left to do: `Change 3 of 12 · 9 left`.
pub fn review_label(lang: UiLanguage, current: Option<usize>, total: usize, open: usize) -> String {
    if total == 0 {
        return tr(lang, Msg::NoDifferences).to_string();
    }
    let position = changes_label(lang, current, total);
    match lang {
        UiLanguage::En => format!("{position} · {open} left"),
        UiLanguage::ZhHans => format!("{position} · 剩 {open} 处"),
        UiLanguage::ZhHant => format!("{position} · 剩 {open} 處"),
    }
}

/// A length of time in words of the interface: `8 s`, `1 min 51 s`; `8 秒`, `1 分 51 秒`.
pub fn duration_words(lang: UiLanguage, seconds: f64) -> String {
    let total = seconds.abs().round() as u64;
    let (minutes, secs) = (total / 60, total % 60);
    match (lang, minutes) {
        (UiLanguage::En, 0) => format!("{secs} s"),
        (UiLanguage::En, _) => format!("{minutes} min {secs} s"),
        (_, 0) => format!("{secs} 秒"),
        (_, _) => format!("{minutes} 分 {secs} 秒"),
    }
}

/// What taking a reviewer's change does to the length: `Taking this change makes the speech 8 s
/// longer`.
pub fn take_effect_label(lang: UiLanguage, seconds: f64) -> String {
    let amount = duration_words(lang, seconds);
    match (lang, seconds) {
        (UiLanguage::En, s) if s.abs() < 0.5 => {
            "Taking this change leaves the speech as long as it is".to_string()
        }
        (UiLanguage::En, s) if s > 0.0 => {
            format!("Taking this change makes the speech {amount} longer")
        }
        (UiLanguage::En, _) => format!("Taking this change makes the speech {amount} shorter"),
        (UiLanguage::ZhHans, s) if s.abs() < 0.5 => "采用这处修改，讲话时长不变".to_string(),
        (UiLanguage::ZhHans, s) if s > 0.0 => format!("采用这处修改，讲话会长 {amount}"),
        (UiLanguage::ZhHans, _) => format!("采用这处修改，讲话会短 {amount}"),
        (UiLanguage::ZhHant, s) if s.abs() < 0.5 => "採用這處修改，講話時長不變".to_string(),
        (UiLanguage::ZhHant, s) if s > 0.0 => format!("採用這處修改，講話會長 {amount}"),
        (UiLanguage::ZhHant, _) => format!("採用這處修改，講話會短 {amount}"),
    }
}

/// `2 of 5 conflicts open`.
pub fn conflicts_label(lang: UiLanguage, open: usize, total: usize) -> String {
    match lang {
        UiLanguage::En => format!("{open} of {total} conflicts open"),
        UiLanguage::ZhHans => format!("共 {total} 处冲突，未决定 {open} 处"),
        UiLanguage::ZhHant => format!("共 {total} 處衝突，未決定 {open} 處"),
    }
}

/// The label over moved text in the compare view: `moved from 二` where it arrived, `moved
/// to 三` where it left (`place`: a section's number or a part's name).
pub fn move_label(lang: UiLanguage, arrived: bool, place: &str) -> String {
    let direction = tr(
        lang,
        if arrived {
            Msg::MovedFrom
        } else {
            Msg::MovedTo
        },
    );
    if lang.is_chinese() {
        format!("{direction}{place}")
    } else {
        format!("{direction} {place}")
    }
}

/// `2 merge conflicts`, in the status bar while a merge's conflicts are open.
pub fn open_conflicts_label(lang: UiLanguage, count: usize) -> String {
    match lang {
        UiLanguage::En if count == 1 => "1 merge conflict".to_string(),
        UiLanguage::En => format!("{count} merge conflicts"),
        UiLanguage::ZhHans => format!("{count} 处合并冲突"),
        UiLanguage::ZhHant => format!("{count} 處合併衝突"),
    }
}

/// `Replaced 4` after a replace-all.
pub fn replaced_label(lang: UiLanguage, count: usize) -> String {
    match lang {
        UiLanguage::En => format!("Replaced {count}"),
        UiLanguage::ZhHans => format!("已替换 {count} 处"),
        UiLanguage::ZhHant => format!("已取代 {count} 處"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_every_language() {
        for &msg in ALL_MESSAGES {
            for lang in UiLanguage::ALL {
                assert!(!tr(lang, msg).trim().is_empty(), "{msg:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn locales() {
        assert_eq!(UiLanguage::from_locale(Some("zh-CN")), UiLanguage::ZhHans);
        assert_eq!(
            UiLanguage::from_locale(Some("zh_TW.UTF-8")),
            UiLanguage::ZhHant
        );
        assert_eq!(
            UiLanguage::from_locale(Some("zh-Hant-HK")),
            UiLanguage::ZhHant
        );
        assert_eq!(UiLanguage::from_locale(Some("de-DE")), UiLanguage::En);
        assert_eq!(UiLanguage::from_locale(None), UiLanguage::En);
    }

    #[test]
    fn numbers_in_text() {
        assert_eq!(section_name(UiLanguage::ZhHans, 1), "第二部分");
        assert_eq!(matches_label(UiLanguage::En, None, 3), "3 matches");
        assert_eq!(matches_label(UiLanguage::En, Some(1), 3), "2 of 3");
        let counts = Counts {
            cjk_chars: 12,
            words: 0,
            seconds: 4.0,
        };
        assert_eq!(count_label(UiLanguage::ZhHans, &counts, true), "12字");
        assert_eq!(count_label(UiLanguage::En, &counts, false), "12 chars");
        assert_eq!(
            take_effect_label(UiLanguage::En, 8.2),
            "Taking this change makes the speech 8 s longer"
        );
        assert_eq!(
            take_effect_label(UiLanguage::ZhHans, -111.0),
            "采用这处修改，讲话会短 1 分 51 秒"
        );
        assert_eq!(
            unchanged_paragraphs_label(UiLanguage::En, 12),
            "… 12 unchanged paragraphs …"
        );
        assert_eq!(
            review_label(UiLanguage::En, Some(2), 12, 9),
            "Change 3 of 12 · 9 left"
        );
    }
}
