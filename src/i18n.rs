//! Every string of the UI, in English and Simplified Chinese. A struct, not a lookup by key:
//! a string missing in one language does not compile.

use crate::extraction::{ActorType, EventKind, PlaceLevel, Sector, Side};
use crate::state::UiLang;
use atlas_extract::{Language, PartialDate, Precision};

/// The UI's words in one language.
pub struct Strings {
    pub title: &'static str,
    pub tagline: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filters: &'static str,
    pub kind: &'static str,
    pub sector: &'static str,
    pub side: &'static str,
    pub language: &'static str,
    pub article: &'static str,
    pub clear_filters: &'static str,
    pub events: &'static str,
    pub no_events: &'static str,
    pub no_date: &'static str,
    pub planned: &'static str,
    pub main_event: &'static str,
    pub places: &'static str,
    pub actors: &'static str,
    pub figures: &'static str,
    pub sectors: &'static str,
    pub source: &'static str,
    pub evidence: &'static str,
    pub reader: &'static str,
    pub reader_empty: &'static str,
    pub close: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub cite: &'static str,
    pub embed: &'static str,
    pub embed_intro: &'static str,
    pub copy_snippet: &'static str,
    pub theme_toggle: &'static str,
    pub ui_language: &'static str,
    pub map: &'static str,
    pub map_list_alternative: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_view: &'static str,
    pub uk_inset: &'static str,
    pub timeline: &'static str,
    pub undated: &'static str,
    pub time_window: &'static str,
    pub clear_window: &'static str,
    pub timeline_help: &'static str,
    pub money_chart: &'static str,
    pub conflicting_figures: &'static str,
    pub credits: &'static str,
    pub credits_text: &'static str,
    pub url_problems: &'static str,
    pub open_full_atlas: &'static str,
    pub loading_dataset: &'static str,
    pub open_bundled_atlas: &'static str,
    // Timeline
    pub timeline_keys: &'static str,
    pub window_from_view: &'static str,
    pub brush_strip: &'static str,
    pub timeline_events: &'static str,
    /// After a year on the axis (`2025年`) and a day of the month (`12日`).
    pub year_suffix: &'static str,
    pub day_suffix: &'static str,
    /// The timeline's own zoom buttons: named apart from the map's.
    pub timeline_zoom_in: &'static str,
    pub timeline_zoom_out: &'static str,
    pub timeline_reset: &'static str,
}

pub const EN: Strings = Strings {
    title: "Cooperation Atlas",
    tagline: "News about China–UK cooperation, on a map and a timeline.",
    search_label: "Search events",
    search_placeholder: "Search: AstraZeneca, 伦敦, Hefei…",
    filters: "Filters",
    kind: "Kind",
    sector: "Sector",
    side: "Side",
    language: "Language",
    article: "Article",
    clear_filters: "Clear all filters",
    events: "Events",
    no_events: "No event matches these filters.",
    no_date: "No date",
    planned: "Planned",
    main_event: "Main event",
    places: "Places",
    actors: "Actors",
    figures: "Figures",
    sectors: "Sectors",
    source: "Source",
    evidence: "Evidence",
    reader: "Article",
    reader_empty: "Select an event to read the sentences that state it.",
    close: "Close",
    copy_link: "Copy link",
    link_copied: "Link copied",
    cite: "Cite this view",
    embed: "Embed",
    embed_intro: "Paste this into your page to show the current view:",
    copy_snippet: "Copy snippet",
    theme_toggle: "Dark mode",
    ui_language: "中文",
    map: "Map of events",
    map_list_alternative: "Places on the map",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Reset view",
    uk_inset: "United Kingdom",
    timeline: "Timeline",
    undated: "Undated",
    time_window: "Time window",
    clear_window: "Clear time window",
    timeline_help: "Drag to select a time window; arrow keys move it, + and − zoom.",
    money_chart: "Trade and investment figures",
    conflicting_figures: "Figures that disagree",
    credits: "Credits",
    credits_text:
        "Map: Natural Earth. Places: GeoNames (CC BY 4.0). Articles belong to their publishers; each names its source.",
    url_problems: "Some parts of this link could not be read and were left out:",
    open_full_atlas: "Open the full atlas",
    loading_dataset: "Loading the dataset…",
    open_bundled_atlas: "Open the bundled atlas",
    // Timeline
    timeline_keys: "Keys: ← and → pan, + and − zoom, Home resets the view, Shift+← and Shift+→ move the time window. Tab reaches each event (with many events, , and . step through them); Enter selects it.",
    window_from_view: "Filter to this span",
    brush_strip: "Drag across this strip to choose a time window",
    timeline_events: "Events by date",
    year_suffix: "",
    day_suffix: "",
    timeline_zoom_in: "Zoom the timeline in",
    timeline_zoom_out: "Zoom the timeline out",
    timeline_reset: "Show the whole timeline",
};

pub const ZH: Strings = Strings {
    title: "合作地图集",
    tagline: "中英合作新闻，尽在地图与时间轴。",
    search_label: "搜索事件",
    search_placeholder: "搜索：AstraZeneca、伦敦、合肥……",
    filters: "筛选",
    kind: "类型",
    sector: "领域",
    side: "参与方",
    language: "语言",
    article: "文章",
    clear_filters: "清除全部筛选",
    events: "事件",
    no_events: "没有符合这些条件的事件。",
    no_date: "无日期",
    planned: "计划中",
    main_event: "主要事件",
    places: "地点",
    actors: "参与者",
    figures: "金额",
    sectors: "领域",
    source: "来源",
    evidence: "依据",
    reader: "文章",
    reader_empty: "选择一个事件，即可阅读陈述该事件的句子。",
    close: "关闭",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    cite: "引用此视图",
    embed: "嵌入",
    embed_intro: "将以下代码粘贴到您的网页中，即可显示当前视图：",
    copy_snippet: "复制代码",
    theme_toggle: "深色模式",
    ui_language: "English",
    map: "事件地图",
    map_list_alternative: "地图上的地点",
    zoom_in: "放大",
    zoom_out: "缩小",
    reset_view: "重置视图",
    uk_inset: "英国",
    timeline: "时间轴",
    undated: "无日期",
    time_window: "时间范围",
    clear_window: "清除时间范围",
    timeline_help: "拖动以选择时间范围；方向键移动，+ 和 − 缩放。",
    money_chart: "贸易与投资金额",
    conflicting_figures: "相互矛盾的数字",
    credits: "致谢",
    credits_text: "地图：Natural Earth。地名：GeoNames（CC BY 4.0）。文章版权归原出版方所有，均注明来源。",
    url_problems: "此链接的部分内容无法读取，已忽略：",
    open_full_atlas: "打开完整地图集",
    loading_dataset: "正在载入数据集…",
    open_bundled_atlas: "打开内置地图集",
    // Timeline
    timeline_keys: "按键：← 和 → 平移，+ 和 − 缩放，Home 重置视图，Shift+← 和 Shift+→ 移动时间范围。按 Tab 可逐个访问事件（事件较多时按 , 和 . 逐个切换），按 Enter 选中。",
    window_from_view: "筛选到当前时段",
    brush_strip: "在此条上拖动以选择时间范围",
    timeline_events: "按日期排列的事件",
    year_suffix: "年",
    day_suffix: "日",
    timeline_zoom_in: "放大时间轴",
    timeline_zoom_out: "缩小时间轴",
    timeline_reset: "显示完整时间轴",
};

impl UiLang {
    pub fn strings(self) -> &'static Strings {
        match self {
            UiLang::En => &EN,
            UiLang::Zh => &ZH,
        }
    }

    pub fn kind(self, kind: EventKind) -> &'static str {
        let (en, zh) = match kind {
            EventKind::Summit => ("Summit", "峰会"),
            EventKind::Visit => ("Visit", "访问"),
            EventKind::Forum => ("Forum", "论坛"),
            EventKind::Agreement => ("Agreement", "协议"),
            EventKind::Investment => ("Investment", "投资"),
            EventKind::TradeFigure => ("Trade figure", "贸易数据"),
            EventKind::JointVenture => ("Joint venture", "合作项目"),
            EventKind::Education => ("Education", "教育"),
            EventKind::Other => ("Other event", "其他事件"),
        };
        self.pick(en, zh)
    }

    pub fn sector(self, sector: Sector) -> &'static str {
        let (en, zh) = match sector {
            Sector::Ai => ("AI", "人工智能"),
            Sector::Health => ("Health", "医疗健康"),
            Sector::Finance => ("Finance", "金融"),
            Sector::Education => ("Education", "教育"),
            Sector::Energy => ("Energy", "能源"),
            Sector::Technology => ("Technology", "科技"),
            Sector::Manufacturing => ("Manufacturing", "制造业"),
            Sector::Transport => ("Transport", "交通"),
            Sector::Trade => ("Trade", "贸易"),
            Sector::Culture => ("Culture", "文化"),
            Sector::Environment => ("Environment", "环境"),
            Sector::Food => ("Food", "食品农业"),
        };
        self.pick(en, zh)
    }

    pub fn side(self, side: Side) -> &'static str {
        let (en, zh) = match side {
            Side::China => ("China", "中方"),
            Side::Uk => ("UK", "英方"),
            Side::Other => ("Other", "其他"),
        };
        self.pick(en, zh)
    }

    pub fn actor_type(self, actor_type: ActorType) -> &'static str {
        let (en, zh) = match actor_type {
            ActorType::Org => ("organisation", "机构"),
            ActorType::Person => ("person", "人物"),
            ActorType::Gov => ("government", "政府"),
        };
        self.pick(en, zh)
    }

    pub fn place_level(self, level: PlaceLevel) -> &'static str {
        let (en, zh) = match level {
            PlaceLevel::Country => ("country", "国家"),
            PlaceLevel::Region => ("region", "地区"),
            PlaceLevel::City => ("city", "城市"),
            PlaceLevel::District => ("district", "区"),
        };
        self.pick(en, zh)
    }

    /// The articles' language, in its own name (readers recognise their language).
    pub fn language(self, language: Language) -> &'static str {
        crate::format::language_name(language)
    }

    /// `30 Sep 2025` / `2025年9月30日`: only as precise as the date is known.
    pub fn date(self, date: PartialDate) -> String {
        match self {
            UiLang::En => crate::format::date(date),
            UiLang::Zh => match (date.precision(), date.month_number(), date.day_number()) {
                (Precision::Day, Some(m), Some(d)) => format!("{}年{m}月{d}日", date.year_number()),
                (Precision::Month, Some(m), _) => format!("{}年{m}月", date.year_number()),
                _ => format!("{}年", date.year_number()),
            },
        }
    }

    /// How much of a dataset has arrived and been read, in megabytes (10^6 bytes, as the
    /// browser's download list counts), of how much when the server said.
    pub fn dataset_progress(self, read: u64, total: Option<u64>) -> String {
        // Integer tenths: float formatting would add its code to the first view's module.
        let megabytes = |bytes: u64| {
            let tenths = (bytes + 50_000) / 100_000;
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        match (self, total) {
            (UiLang::En, Some(total)) => format!("{} of {} MB read", megabytes(read), megabytes(total)),
            (UiLang::En, None) => format!("{} MB read", megabytes(read)),
            (UiLang::Zh, Some(total)) => format!("已读取 {} MB，共 {} MB", megabytes(read), megabytes(total)),
            (UiLang::Zh, None) => format!("已读取 {} MB", megabytes(read)),
        }
    }

    /// Under a facet that lists only its biggest values.
    pub fn more_articles(self, n: usize) -> String {
        match self {
            UiLang::En => format!(
                "and {}: search to narrow",
                crate::format::count(n, "more article", "more articles")
            ),
            UiLang::Zh => format!("另有 {n} 篇文章：可用搜索缩小范围"),
        }
    }

    /// Under a list of conflicting figures cut short.
    pub fn more_conflicts(self, n: usize) -> String {
        match self {
            UiLang::En => format!("and {} more", crate::format::count(n, "conflict", "conflicts")),
            UiLang::Zh => format!("另有 {n} 处不一致"),
        }
    }

    /// `3 events` / `3 个事件`.
    pub fn count_events(self, n: usize) -> String {
        match self {
            UiLang::En => crate::format::count(n, "event", "events"),
            UiLang::Zh => format!("{n} 个事件"),
        }
    }

    /// `3 articles` / `3 篇文章`: an outlet's share of the corpus, in the credits.
    pub fn count_articles(self, n: usize) -> String {
        match self {
            UiLang::En => crate::format::count(n, "article", "articles"),
            UiLang::Zh => format!("{n} 篇文章"),
        }
    }

    /// Under the credits' outlets cut short.
    pub fn more_sources(self, n: usize) -> String {
        match self {
            UiLang::En => format!("and {}", crate::format::count(n, "more source", "more sources")),
            UiLang::Zh => format!("另有 {n} 个来源"),
        }
    }

    /// After the undated events' chips cut short: the list has them all.
    pub fn more_undated(self, n: usize) -> String {
        match self {
            UiLang::En => format!("and {n} more (in the list)"),
            UiLang::Zh => format!("另有 {n} 个（见列表）"),
        }
    }

    /// `and 3 more places` / `另有 3 个地点`: what a shortened list of places leaves out.
    pub fn more_places(self, n: usize) -> String {
        match self {
            UiLang::En => format!("and {}", crate::format::count(n, "more place", "more places")),
            UiLang::Zh => format!("另有 {n} 个地点"),
        }
    }

    fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            UiLang::En => en,
            UiLang::Zh => zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_each_language_at_their_precision() {
        let day = PartialDate::parse_iso("2025-09-30").unwrap();
        assert_eq!(UiLang::Zh.date(day), "2025年9月30日");
        assert_eq!(UiLang::En.date(day), "30 Sep 2025");
        assert_eq!(UiLang::Zh.date(PartialDate::parse_iso("2019").unwrap()), "2019年");
    }

    #[test]
    fn a_dataset_loading_says_how_much_is_read_of_how_much() {
        assert_eq!(
            UiLang::En.dataset_progress(12_345_678, Some(102_900_000)),
            "12.3 of 102.9 MB read"
        );
        assert_eq!(UiLang::En.dataset_progress(0, None), "0.0 MB read");
        assert_eq!(
            UiLang::Zh.dataset_progress(12_345_678, Some(102_900_000)),
            "已读取 12.3 MB，共 102.9 MB"
        );
    }

    #[test]
    fn no_chinese_string_is_left_in_english() {
        let (en, zh) = (UiLang::En.strings(), UiLang::Zh.strings());
        // Spot checks across the struct: the Chinese table is not a copy of the English one.
        for (e, z) in [
            (en.filters, zh.filters),
            (en.timeline, zh.timeline),
            (en.credits_text, zh.credits_text),
        ] {
            assert_ne!(e, z);
            assert!(z.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{z}");
        }
    }
}
