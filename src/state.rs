//! What a view is: filters, search, selection, time window, map camera, UI language, embed
//! mode. All of it lives in the URL query, so that a view can be cited, shared and embedded;
//! this module reads and writes that query (plain Rust, tested natively).

use crate::extraction::{EventKind, Sector, Side};
use crate::time::{iso, parse_iso_day, TimeWindow};
use atlas_extract::Language;

/// Which events are shown. An empty list means "all" for that facet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub kinds: Vec<EventKind>,
    pub sectors: Vec<Sector>,
    /// Events with an actor or a place of one of these sides.
    pub sides: Vec<Side>,
    /// Languages of the articles.
    pub languages: Vec<Language>,
    /// Articles, by file name.
    pub articles: Vec<String>,
    /// The bundled (or loaded) articles, the person's own, or both when empty.
    pub origins: Vec<Origin>,
    /// Full-text search (see `search.rs`).
    pub query: String,
    /// Only events whose date meets this window; undated events are then left out.
    pub window: Option<TimeWindow>,
}

impl Filters {
    /// Adds `value` to a facet's list, or removes it if there: what a checkbox does.
    pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if let Some(at) = list.iter().position(|v| *v == value) {
            list.remove(at);
        } else {
            list.push(value);
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Where the map looks: its centre and zoom (web-map zoom levels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// The UI's language (not the articles').
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Zh,
}

impl UiLang {
    pub fn tag(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Zh => "zh",
        }
    }

    pub fn from_tag(tag: &str) -> Option<UiLang> {
        match tag.to_ascii_lowercase().as_str() {
            "en" => Some(UiLang::En),
            "zh" | "zh-hans" | "zh-cn" => Some(UiLang::Zh),
            _ => None,
        }
    }

    /// The UI language for a browser's preferred languages (`navigator.languages`).
    pub fn for_browser<'a>(languages: impl IntoIterator<Item = &'a str>) -> UiLang {
        languages
            .into_iter()
            .find_map(|tag| match tag.split('-').next().unwrap_or("") {
                "zh" => Some(UiLang::Zh),
                "en" => Some(UiLang::En),
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// Everything a URL says about the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    pub filters: Filters,
    /// The selected event, by id.
    pub selected: Option<String>,
    /// `None`: the default view, fitted to the events.
    pub camera: Option<Camera>,
    /// `None`: follow the browser.
    pub ui: Option<UiLang>,
    /// Compact chrome for an iframe.
    pub embed: bool,
    /// A dataset to open instead of the bundled corpus: the URL of a JSON file in the
    /// extraction schema, served from the same site.
    pub dataset: Option<String>,
}

/// What could not be read from a query, by parameter: the rest of the view still opens.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryProblem {
    pub parameter: String,
    pub value: String,
}

impl ViewState {
    /// The query string (without `?`) for this view, parameters in a fixed order; empty for the
    /// default view.
    ///
    /// # Example
    /// ```
    /// use cooperation_atlas::state::ViewState;
    /// let (view, problems) = ViewState::from_query("q=AstraZeneca&kind=agreement");
    /// assert!(problems.is_empty());
    /// assert_eq!(view.to_query(), "kind=agreement&q=AstraZeneca");
    /// ```
    pub fn to_query(&self) -> String {
        let f = &self.filters;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(dataset) = &self.dataset {
            pairs.push(("dataset", dataset.clone()));
        }
        let list = |values: Vec<String>| {
            let mut values = values;
            values.sort();
            values.join(",")
        };
        if !f.kinds.is_empty() {
            pairs.push(("kind", list(f.kinds.iter().map(|k| kind_tag(*k).to_string()).collect())));
        }
        if !f.sectors.is_empty() {
            pairs.push((
                "sector",
                list(f.sectors.iter().map(|s| sector_tag(*s).to_string()).collect()),
            ));
        }
        if !f.sides.is_empty() {
            pairs.push(("side", list(f.sides.iter().map(|s| side_tag(*s).to_string()).collect())));
        }
        if !f.languages.is_empty() {
            pairs.push(("lang", list(f.languages.iter().map(|l| l.tag().to_string()).collect())));
        }
        if !f.articles.is_empty() {
            pairs.push(("article", list(f.articles.clone())));
        }
        if !f.origins.is_empty() {
            pairs.push(("origin", list(f.origins.iter().map(|o| o.tag().to_string()).collect())));
        }
        if !f.query.trim().is_empty() {
            pairs.push(("q", f.query.trim().to_string()));
        }
        if let Some(window) = f.window {
            pairs.push(("from", iso(window.start)));
            pairs.push(("to", iso(window.end)));
        }
        if let Some(id) = &self.selected {
            pairs.push(("event", id.clone()));
        }
        if let Some(camera) = self.camera {
            pairs.push(("map", format!("{:.3},{:.3},{:.2}", camera.lon, camera.lat, camera.zoom)));
        }
        if let Some(ui) = self.ui {
            pairs.push(("ui", ui.tag().to_string()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_string()));
        }
        pairs
            .iter()
            .map(|(key, value)| format!("{key}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string (with or without `?`). Values it cannot read are left out of the
    /// view and reported, one problem each; unknown parameters are ignored (they may belong
    /// to the page that embeds the atlas).
    pub fn from_query(query: &str) -> (ViewState, Vec<QueryProblem>) {
        let mut view = ViewState::default();
        let mut problems = Vec::new();
        let mut from = None;
        let mut to = None;
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(raw);
            let mut problem = || {
                problems.push(QueryProblem {
                    parameter: decode(key),
                    value: value.clone(),
                })
            };
            let items = || value.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key {
                "kind" => read_list(items(), kind_from_tag, &mut view.filters.kinds, &mut problem),
                "sector" => read_list(items(), sector_from_tag, &mut view.filters.sectors, &mut problem),
                "side" => read_list(items(), side_from_tag, &mut view.filters.sides, &mut problem),
                "lang" => read_list(items(), Language::from_tag, &mut view.filters.languages, &mut problem),
                "article" => view.filters.articles.extend(items().map(str::to_string)),
                "origin" => read_list(items(), Origin::from_tag, &mut view.filters.origins, &mut problem),
                "q" => view.filters.query = value.clone(),
                "from" => {
                    from = parse_iso_day(&value).or_else(|| {
                        problem();
                        None
                    })
                }
                "to" => {
                    to = parse_iso_day(&value).or_else(|| {
                        problem();
                        None
                    })
                }
                "event" => view.selected = Some(value.clone()).filter(|v| !v.is_empty()),
                "map" => match parse_camera(&value) {
                    Some(camera) => view.camera = Some(camera),
                    None => problem(),
                },
                "ui" => match UiLang::from_tag(&value) {
                    Some(ui) => view.ui = Some(ui),
                    None => problem(),
                },
                "embed" => view.embed = matches!(value.as_str(), "1" | "true" | ""),
                "dataset" => view.dataset = Some(value.clone()).filter(|v| !v.trim().is_empty()),
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            view.filters.window = Some(TimeWindow::between(from, to));
        }
        (view, problems)
    }
}

fn read_list<T: PartialEq>(
    items: impl Iterator<Item = impl AsRef<str>>,
    parse: impl Fn(&str) -> Option<T>,
    into: &mut Vec<T>,
    problem: &mut impl FnMut(),
) {
    for item in items {
        match parse(item.as_ref()) {
            Some(value) if !into.contains(&value) => into.push(value),
            Some(_) => {}
            None => problem(),
        }
    }
}

fn parse_camera(value: &str) -> Option<Camera> {
    let mut parts = value
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|v| v.is_finite()));
    let (lon, lat, zoom) = (parts.next()??, parts.next()??, parts.next()??);
    ((-180.0..=180.0).contains(&lon) && (-85.0..=85.0).contains(&lat) && (-2.0..=16.0).contains(&zoom))
        .then_some(Camera { lon, lat, zoom })
}

/// The kinds' URL and CSS names (the engine's JSON names).
pub fn kind_tag(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Summit => "summit",
        EventKind::Visit => "visit",
        EventKind::Forum => "forum",
        EventKind::Agreement => "agreement",
        EventKind::Investment => "investment",
        EventKind::TradeFigure => "trade_figure",
        EventKind::JointVenture => "joint_venture",
        EventKind::Education => "education",
        EventKind::Other => "other",
    }
}

pub const ALL_KINDS: [EventKind; 9] = [
    EventKind::Summit,
    EventKind::Visit,
    EventKind::Forum,
    EventKind::Agreement,
    EventKind::Investment,
    EventKind::TradeFigure,
    EventKind::JointVenture,
    EventKind::Education,
    EventKind::Other,
];

fn kind_from_tag(tag: &str) -> Option<EventKind> {
    ALL_KINDS.into_iter().find(|k| kind_tag(*k) == tag)
}

pub const ALL_SECTORS: [Sector; 12] = Sector::ALL;

/// The sectors' URL names (the engine's JSON names).
pub fn sector_tag(sector: Sector) -> &'static str {
    match sector {
        Sector::Ai => "ai",
        Sector::Health => "health",
        Sector::Finance => "finance",
        Sector::Education => "education",
        Sector::Energy => "energy",
        Sector::Technology => "technology",
        Sector::Manufacturing => "manufacturing",
        Sector::Transport => "transport",
        Sector::Trade => "trade",
        Sector::Culture => "culture",
        Sector::Environment => "environment",
        Sector::Food => "food",
    }
}

fn sector_from_tag(tag: &str) -> Option<Sector> {
    ALL_SECTORS.into_iter().find(|s| sector_tag(*s) == tag)
}

/// Where an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The atlas's own articles: the bundled corpus, or the dataset the URL names.
    Atlas,
    /// Articles the person added in this browser.
    Mine,
}

impl Origin {
    pub fn tag(self) -> &'static str {
        match self {
            Origin::Atlas => "atlas",
            Origin::Mine => "mine",
        }
    }

    fn from_tag(tag: &str) -> Option<Origin> {
        [Origin::Atlas, Origin::Mine]
            .into_iter()
            .find(|o| o.tag().eq_ignore_ascii_case(tag))
    }
}

pub fn side_tag(side: Side) -> &'static str {
    match side {
        Side::China => "CN",
        Side::Uk => "GB",
        Side::Other => "other",
    }
}

fn side_from_tag(tag: &str) -> Option<Side> {
    [Side::China, Side::Uk, Side::Other]
        .into_iter()
        .find(|s| side_tag(*s).eq_ignore_ascii_case(tag))
}

/// Percent-encodes a query value: unreserved characters stay, everything else is UTF-8 bytes
/// as `%XX` (so `&`, `=`, `#` and `+` in a search are safe).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reads a percent-encoded query value (`+` is a space, as forms write it); a malformed escape
/// stays as written, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    out.push(byte);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::day_number;

    #[test]
    fn a_full_view_survives_the_round_trip_through_its_url() {
        let view = ViewState {
            filters: Filters {
                kinds: vec![EventKind::Visit, EventKind::Agreement],
                sectors: vec![Sector::Health],
                sides: vec![Side::Uk],
                languages: vec![Language::ChineseSimplified],
                articles: vec!["corpus/001.txt".into()],
                origins: vec![Origin::Mine],
                query: "伦敦 & AstraZeneca #1+".into(),
                window: Some(TimeWindow::between(day_number(2025, 1, 1), day_number(2025, 9, 30))),
            },
            selected: Some("001.txt#2".into()),
            camera: Some(Camera {
                lon: 105.5,
                lat: 35.25,
                zoom: 3.5,
            }),
            ui: Some(UiLang::Zh),
            embed: true,
            dataset: Some("data/big corpus.json".into()),
        };
        let query = view.to_query();
        let (read, problems) = ViewState::from_query(&query);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(read.to_query(), query);
        assert_eq!(read.filters.query, view.filters.query);
        assert_eq!(read.filters.window, view.filters.window);
        assert_eq!(read.selected, view.selected);
        assert!(
            query.starts_with(
                "dataset=data%2Fbig%20corpus.json&kind=agreement,visit&sector=health&side=GB&lang=zh-Hans"
            ),
            "{query}"
        );
        assert_eq!(read.dataset, view.dataset);
    }

    #[test]
    fn the_default_view_has_an_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query("").0, ViewState::default());
    }

    #[test]
    fn unreadable_values_are_reported_and_the_rest_still_opens() {
        let (view, problems) =
            ViewState::from_query("?kind=visit,parade&from=2025-13-01&to=2025-02-01&map=1,2&utm_source=x");
        assert_eq!(view.filters.kinds, [EventKind::Visit]);
        assert_eq!(view.filters.window, None, "half a window is no window");
        assert_eq!(view.camera, None);
        let named: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.parameter.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            named,
            [("kind", "visit,parade"), ("from", "2025-13-01"), ("map", "1,2")]
        );
    }

    #[test]
    fn encoding_keeps_separators_out_of_values() {
        assert_eq!(encode("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(decode("a+b%26c%3Dd%E4%BC%A6"), "a b&c=d伦");
        assert_eq!(decode("100%"), "100%");
    }

    #[test]
    fn the_browser_language_picks_the_ui_language() {
        assert_eq!(UiLang::for_browser(["zh-CN", "en"]), UiLang::Zh);
        assert_eq!(UiLang::for_browser(["de-DE", "en-GB"]), UiLang::En);
        assert_eq!(UiLang::for_browser([]), UiLang::En);
    }
}
