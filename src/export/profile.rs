//! Layout profiles: the page, the fonts and the rules of one kind of printed speech, as data.
//!
//! Three are built in ([`Profile::gongwen`], [`Profile::reading`], [`Profile::manuscript`]); every
//! field is public, so a caller can change fonts, sizes or the optional behaviours before export.

use std::fmt;
use std::str::FromStr;

/// Points per millimetre (72 pt = 25.4 mm).
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// The built-in layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LayoutName {
    /// 公文: the official layout of GB/T 9704-2012.
    Gongwen,
    /// 讲话稿大字版: the leader's large-type reading copy.
    Reading,
    /// An English reading copy: large serif type, double spaced.
    Manuscript,
}

impl LayoutName {
    /// All layouts, in menu order.
    pub const ALL: [LayoutName; 3] = [
        LayoutName::Gongwen,
        LayoutName::Reading,
        LayoutName::Manuscript,
    ];

    /// The name used on the command line: `gongwen`, `reading`, `manuscript`.
    pub fn id(self) -> &'static str {
        match self {
            LayoutName::Gongwen => "gongwen",
            LayoutName::Reading => "reading",
            LayoutName::Manuscript => "manuscript",
        }
    }

    /// The profile of this layout with its default settings.
    pub fn profile(self) -> Profile {
        match self {
            LayoutName::Gongwen => Profile::gongwen(),
            LayoutName::Reading => Profile::reading(),
            LayoutName::Manuscript => Profile::manuscript(),
        }
    }
}

impl fmt::Display for LayoutName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A layout name that is not one of [`LayoutName::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown layout {0:?} (layouts: gongwen, reading, manuscript)")]
pub struct UnknownLayout(pub String);

impl FromStr for LayoutName {
    type Err = UnknownLayout;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LayoutName::ALL
            .into_iter()
            .find(|l| l.id() == s.trim())
            .ok_or_else(|| UnknownLayout(s.to_string()))
    }
}

/// What a piece of text is, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The title.
    Title,
    /// Speaker and date below the title.
    Meta,
    /// The greeting line (同志们：).
    Greeting,
    /// A section heading (一、).
    Heading1,
    /// A second-level heading (（一）) at the start of a paragraph.
    Heading2,
    /// Body text.
    Body,
    /// The "Check against delivery" line.
    Notice,
    /// The running header (the speech's title).
    Header,
    /// Page numbers.
    PageNumber,
    /// The cue at the foot of a page: the first words of the next one.
    Cue,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 10] = [
        Role::Title,
        Role::Meta,
        Role::Greeting,
        Role::Heading1,
        Role::Heading2,
        Role::Body,
        Role::Notice,
        Role::Header,
        Role::PageNumber,
        Role::Cue,
    ];

    /// A short English name, also the .docx style id.
    pub fn id(self) -> &'static str {
        match self {
            Role::Title => "Title",
            Role::Meta => "Meta",
            Role::Greeting => "Greeting",
            Role::Heading1 => "Heading1",
            Role::Heading2 => "Heading2",
            Role::Body => "Body",
            Role::Notice => "Notice",
            Role::Header => "Header",
            Role::PageNumber => "PageNumber",
            Role::Cue => "Cue",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Title => "title",
            Role::Meta => "speaker and date",
            Role::Greeting => "greeting",
            Role::Heading1 => "heading 1",
            Role::Heading2 => "heading 2",
            Role::Body => "body",
            Role::Notice => "notice",
            Role::Header => "header",
            Role::PageNumber => "page numbers",
            Role::Cue => "next-page cue",
        })
    }
}

/// Horizontal alignment of a paragraph's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Flush left, ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush left and right (the last line of a paragraph flush left).
    Justify,
}

/// The fonts for one role: names written into a .docx, families looked for when making a PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct FontChoice {
    /// The East Asian font named in a .docx (`w:rFonts w:eastAsia`), e.g. `仿宋_GB2312`.
    pub docx_east_asia: String,
    /// The Latin font named in a .docx (`w:ascii`, `w:hAnsi`), e.g. `Times New Roman`.
    pub docx_latin: String,
    /// Installed families that are this face, best first (using one is no substitution).
    pub families: Vec<String>,
    /// Installed families acceptable in its place (using one is reported as a substitution).
    pub fallback_families: Vec<String>,
}

/// The style of one role.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleStyle {
    /// Type size in points.
    pub size_pt: f32,
    /// Bold.
    pub bold: bool,
    /// Alignment.
    pub align: Align,
    /// First-line indent in characters of the role's size.
    pub indent_chars: f32,
    /// The fonts.
    pub font: FontChoice,
}

/// How page numbers are written and placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageNumberStyle {
    /// `— 1 —` (em dashes), odd pages right and even pages left, one character in (公文).
    OutsideEmDash,
    /// `— 1 —` centred.
    CenteredEmDash,
    /// `– 3 –` (en dashes) centred.
    CenteredEnDash,
}

impl PageNumberStyle {
    /// The text of page `number`'s number.
    pub fn text(self, number: usize) -> String {
        match self {
            PageNumberStyle::OutsideEmDash | PageNumberStyle::CenteredEmDash => {
                format!("\u{2014} {number} \u{2014}")
            }
            PageNumberStyle::CenteredEnDash => format!("\u{2013} {number} \u{2013}"),
        }
    }

    /// The dash around the number.
    pub fn dash(self) -> char {
        match self {
            PageNumberStyle::CenteredEnDash => '\u{2013}',
            _ => '\u{2014}',
        }
    }
}

/// The styles of all roles.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleStyles {
    /// The title.
    pub title: RoleStyle,
    /// Speaker and date.
    pub meta: RoleStyle,
    /// The greeting.
    pub greeting: RoleStyle,
    /// Section headings.
    pub heading1: RoleStyle,
    /// Second-level headings.
    pub heading2: RoleStyle,
    /// Body text.
    pub body: RoleStyle,
    /// "Check against delivery".
    pub notice: RoleStyle,
    /// The running header.
    pub header: RoleStyle,
    /// Page numbers.
    pub page_number: RoleStyle,
    /// The next-page cue.
    pub cue: RoleStyle,
}

impl RoleStyles {
    /// The style of `role`.
    pub fn get(&self, role: Role) -> &RoleStyle {
        match role {
            Role::Title => &self.title,
            Role::Meta => &self.meta,
            Role::Greeting => &self.greeting,
            Role::Heading1 => &self.heading1,
            Role::Heading2 => &self.heading2,
            Role::Body => &self.body,
            Role::Notice => &self.notice,
            Role::Header => &self.header,
            Role::PageNumber => &self.page_number,
            Role::Cue => &self.cue,
        }
    }
}

/// A printed layout: page, grid, styles and rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Which layout this is.
    pub name: LayoutName,
    /// Page width in millimetres.
    pub page_width_mm: f32,
    /// Page height in millimetres.
    pub page_height_mm: f32,
    /// Top margin in millimetres (page edge to text block).
    pub margin_top_mm: f32,
    /// Bottom margin in millimetres.
    pub margin_bottom_mm: f32,
    /// Left margin in millimetres.
    pub margin_left_mm: f32,
    /// Right margin in millimetres.
    pub margin_right_mm: f32,
    /// Exact line spacing (baseline to baseline) in points.
    pub line_pitch_pt: f32,
    /// Characters per line on a character grid (every full-width character takes one cell);
    /// `None`: characters take their own widths.
    pub chars_per_line: Option<u32>,
    /// The styles per role.
    pub styles: RoleStyles,
    /// Page numbers.
    pub page_numbers: PageNumberStyle,
    /// Distance from the bottom of the text block to the top of the page number, in millimetres.
    pub page_number_gap_mm: f32,
    /// Chinese text (full-width punctuation rules, grid) rather than English.
    pub chinese: bool,
    /// Pages end only at the end of a sentence (or paragraph).
    pub keep_sentences_on_page: bool,
    /// At the foot of every page but the last, the first words of the next page.
    pub next_page_cue: bool,
    /// How many characters (Chinese) or words (English) the cue shows.
    pub cue_length: usize,
    /// Each section after the first starts on a new page.
    pub break_before_section: bool,
    /// The occasion, speaker and date below the title, when the speech has them
    /// ([`title_details`](super::title_details)).
    pub show_speaker_and_date: bool,
    /// "Check against delivery" as the first line.
    pub check_against_delivery: bool,
    /// The speech's title in the header of every page.
    pub title_in_header: bool,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Serif CJK faces: the fallback of 仿宋, 楷体 and 小标宋.
const SERIF_CJK: [&str; 9] = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "SimSun",
    "宋体",
    "STSong",
    "Songti SC",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
];

fn fangsong() -> FontChoice {
    FontChoice {
        docx_east_asia: "仿宋_GB2312".into(),
        docx_latin: "Times New Roman".into(),
        families: names(&[
            "FangSong",
            "仿宋",
            "FangSong_GB2312",
            "仿宋_GB2312",
            "STFangsong",
            "华文仿宋",
        ]),
        fallback_families: names(&SERIF_CJK),
    }
}

fn heiti() -> FontChoice {
    // No serif stand-in for a sans face: the bundled sans font is closer.
    let fallback = names(&[
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Microsoft YaHei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
    ]);
    FontChoice {
        docx_east_asia: "黑体".into(),
        docx_latin: "Times New Roman".into(),
        families: names(&["SimHei", "黑体", "STHeiti", "Heiti SC"]),
        fallback_families: fallback,
    }
}

fn kaiti() -> FontChoice {
    FontChoice {
        docx_east_asia: "楷体_GB2312".into(),
        docx_latin: "Times New Roman".into(),
        families: names(&[
            "KaiTi",
            "楷体",
            "KaiTi_GB2312",
            "楷体_GB2312",
            "STKaiti",
            "华文楷体",
            "AR PL UKai CN",
        ]),
        fallback_families: names(&SERIF_CJK),
    }
}

fn xiaobiaosong() -> FontChoice {
    FontChoice {
        docx_east_asia: "方正小标宋简体".into(),
        docx_latin: "Times New Roman".into(),
        families: names(&[
            "FZXiaoBiaoSong-B05S",
            "方正小标宋简体",
            "FZXiaoBiaoSong-B05",
            "方正小标宋_GBK",
        ]),
        fallback_families: names(&SERIF_CJK),
    }
}

fn songti() -> FontChoice {
    let mut fallback = names(&SERIF_CJK[..3]);
    fallback.extend(names(&SERIF_CJK[5..]));
    fallback.extend(names(&[
        "Times New Roman",
        "Liberation Serif",
        "DejaVu Serif",
    ]));
    FontChoice {
        docx_east_asia: "宋体".into(),
        docx_latin: "宋体".into(),
        families: names(&["SimSun", "宋体"]),
        fallback_families: fallback,
    }
}

fn serif_latin() -> FontChoice {
    FontChoice {
        docx_east_asia: "宋体".into(),
        docx_latin: "Times New Roman".into(),
        families: names(&[
            "Times New Roman",
            "Tinos",
            "Liberation Serif",
            "TeX Gyre Termes",
        ]),
        fallback_families: names(&[
            "Nimbus Roman",
            "DejaVu Serif",
            "Noto Serif",
            "Georgia",
            "Cambria",
        ]),
    }
}

fn style(size_pt: f32, align: Align, indent_chars: f32, font: FontChoice) -> RoleStyle {
    RoleStyle {
        size_pt,
        bold: false,
        align,
        indent_chars,
        font,
    }
}

impl Profile {
    /// 公文 (GB/T 9704-2012): A4, margins 37/35/28/26 mm (text block 156 × 225 mm), 3号 仿宋
    /// body on a grid of 22 lines of 28 characters, 2号 小标宋 title, 黑体 and 楷体 headings,
    /// page numbers `— 1 —` in 4号 宋体 7 mm below the text block, outside; the occasion, speaker
    /// and date under the title in 楷体.
    pub fn gongwen() -> Profile {
        let body = style(16.0, Align::Justify, 2.0, fangsong());
        Profile {
            name: LayoutName::Gongwen,
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 37.0,
            margin_bottom_mm: 35.0,
            margin_left_mm: 28.0,
            margin_right_mm: 26.0,
            line_pitch_pt: 28.95,
            chars_per_line: Some(28),
            styles: RoleStyles {
                title: style(22.0, Align::Center, 0.0, xiaobiaosong()),
                meta: style(16.0, Align::Center, 0.0, kaiti()),
                greeting: style(16.0, Align::Left, 0.0, fangsong()),
                heading1: style(16.0, Align::Justify, 2.0, heiti()),
                heading2: style(16.0, Align::Justify, 2.0, kaiti()),
                notice: style(16.0, Align::Left, 0.0, fangsong()),
                header: style(10.5, Align::Center, 0.0, songti()),
                page_number: style(14.0, Align::Left, 0.0, songti()),
                cue: style(14.0, Align::Left, 0.0, kaiti()),
                body,
            },
            page_numbers: PageNumberStyle::OutsideEmDash,
            page_number_gap_mm: 7.0,
            chinese: true,
            keep_sentences_on_page: false,
            next_page_cue: false,
            cue_length: 8,
            break_before_section: false,
            show_speaker_and_date: true,
            check_against_delivery: false,
            title_in_header: false,
        }
    }

    /// 讲话稿大字版: title 小一 (24 pt), body 小二 (18 pt) 仿宋 at exactly 30 pt, headings 黑体 and
    /// 楷体 18 pt, speaker and date in 楷体 below the title, pages ending at a sentence end, a
    /// cue of the next page's first words (接下页), page numbers centred.
    pub fn reading() -> Profile {
        let mut title = style(24.0, Align::Center, 0.0, xiaobiaosong());
        title.bold = false;
        Profile {
            name: LayoutName::Reading,
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 30.0,
            margin_bottom_mm: 30.0,
            margin_left_mm: 25.0,
            margin_right_mm: 25.0,
            line_pitch_pt: 30.0,
            chars_per_line: Some(25),
            styles: RoleStyles {
                title,
                meta: style(18.0, Align::Center, 0.0, kaiti()),
                greeting: style(18.0, Align::Left, 0.0, fangsong()),
                heading1: style(18.0, Align::Justify, 2.0, heiti()),
                heading2: style(18.0, Align::Justify, 2.0, kaiti()),
                body: style(18.0, Align::Justify, 2.0, fangsong()),
                notice: style(18.0, Align::Left, 0.0, fangsong()),
                header: style(10.5, Align::Center, 0.0, songti()),
                page_number: style(14.0, Align::Center, 0.0, songti()),
                cue: style(14.0, Align::Left, 0.0, kaiti()),
            },
            page_numbers: PageNumberStyle::CenteredEmDash,
            page_number_gap_mm: 10.0,
            chinese: true,
            keep_sentences_on_page: true,
            next_page_cue: true,
            cue_length: 8,
            break_before_section: false,
            show_speaker_and_date: true,
            check_against_delivery: false,
            title_in_header: false,
        }
    }

    /// An English reading copy: A4, 18 pt serif, double spaced, bold headings, no sentence split
    /// across pages, the title in the header, page numbers `– 3 –`, "Check against delivery".
    pub fn manuscript() -> Profile {
        let mut heading = style(18.0, Align::Left, 0.0, serif_latin());
        heading.bold = true;
        let mut title = style(22.0, Align::Center, 0.0, serif_latin());
        title.bold = true;
        Profile {
            name: LayoutName::Manuscript,
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 30.0,
            margin_bottom_mm: 30.0,
            margin_left_mm: 30.0,
            margin_right_mm: 25.0,
            line_pitch_pt: 43.2,
            chars_per_line: None,
            styles: RoleStyles {
                title,
                meta: style(18.0, Align::Center, 0.0, serif_latin()),
                greeting: style(18.0, Align::Left, 0.0, serif_latin()),
                heading1: heading.clone(),
                heading2: heading,
                body: style(18.0, Align::Left, 0.0, serif_latin()),
                notice: style(14.0, Align::Left, 0.0, serif_latin()),
                header: style(11.0, Align::Center, 0.0, serif_latin()),
                page_number: style(14.0, Align::Center, 0.0, serif_latin()),
                cue: style(14.0, Align::Left, 0.0, serif_latin()),
            },
            page_numbers: PageNumberStyle::CenteredEnDash,
            page_number_gap_mm: 8.0,
            chinese: false,
            keep_sentences_on_page: true,
            next_page_cue: false,
            cue_length: 4,
            break_before_section: false,
            show_speaker_and_date: true,
            check_against_delivery: true,
            title_in_header: true,
        }
    }

    /// Page width in points.
    pub fn page_width_pt(&self) -> f32 {
        self.page_width_mm * PT_PER_MM
    }

    /// Page height in points.
    pub fn page_height_pt(&self) -> f32 {
        self.page_height_mm * PT_PER_MM
    }

    /// Width of the text block in points.
    pub fn text_width_pt(&self) -> f32 {
        (self.page_width_mm - self.margin_left_mm - self.margin_right_mm) * PT_PER_MM
    }

    /// Height of the text block in points.
    pub fn text_height_pt(&self) -> f32 {
        (self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm) * PT_PER_MM
    }

    /// How many lines fit in the text block.
    pub fn lines_per_page(&self) -> usize {
        // A hair of tolerance: 22 × 28.95 pt must fit 225 mm even after rounding.
        ((self.text_height_pt() + 0.01) / self.line_pitch_pt)
            .floor()
            .max(1.0) as usize
    }

    /// The width of one cell of the character grid (full-width characters), in points; without
    /// a grid, the body's type size.
    pub fn char_pitch_pt(&self) -> f32 {
        match self.chars_per_line {
            Some(n) if n > 0 => self.text_width_pt() / n as f32,
            _ => self.styles.body.size_pt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gongwen_numbers_are_gb_t_9704() {
        let p = Profile::gongwen();
        assert!((p.text_width_pt() - 156.0 * PT_PER_MM).abs() < 0.01);
        assert!((p.text_height_pt() - 225.0 * PT_PER_MM).abs() < 0.01);
        assert_eq!(p.lines_per_page(), 22);
        assert_eq!(p.chars_per_line, Some(28));
        assert!((p.char_pitch_pt() - 15.79).abs() < 0.01);
        assert_eq!(p.page_numbers.text(1), "— 1 —");
    }

    #[test]
    fn layout_names_round_trip() {
        for name in LayoutName::ALL {
            assert_eq!(name.id().parse::<LayoutName>(), Ok(name));
            assert_eq!(name.profile().name, name);
        }
        assert!("word".parse::<LayoutName>().is_err());
    }
}
