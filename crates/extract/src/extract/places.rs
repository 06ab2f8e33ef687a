//! Choosing among places of one name, and the part a place plays in an event.

use super::*;
/// Countries the article is about, to choose between places of the same name.
/// The codes are the gazetteer's own, borrowed: the context lives no longer than the extraction.
pub(super) struct DocumentContext<'g> {
    pub(super) countries: Vec<&'g str>,
    /// Countries the article names (by a place in them), China and the UK only if it does.
    pub(super) named_countries: Vec<&'g str>,
}

impl<'g> DocumentContext<'g> {
    pub(super) fn new(readings: &[Reading], gazetteer: &'g Gazetteer) -> DocumentContext<'g> {
        let mut countries = vec!["CN", "GB"];
        let mut named_countries: Vec<&str> = Vec::new();
        for reading in readings {
            for m in &reading.places {
                if let [only] = m.candidates {
                    let country = gazetteer.place(*only).country.as_str();
                    if !countries.contains(&country) {
                        countries.push(country);
                    }
                    if !named_countries.contains(&country) {
                        named_countries.push(country);
                    }
                }
            }
        }
        DocumentContext {
            countries,
            named_countries,
        }
    }
}

/// Of the places that bear one name, the one the article most likely means: in a country the
/// article is about (China and the UK first), the larger level for a region or country
/// name, else the most populous.
pub(super) fn best_candidate(
    candidates: &[PlaceIndex],
    gazetteer: &Gazetteer,
    countries: &[&str],
) -> Option<PlaceIndex> {
    let preferred = |p: &Place| {
        let rank = match p.country.as_str() {
            "CN" | "GB" | "HK" | "MO" | "TW" => 0,
            c if countries.contains(&c) => 1,
            _ => 2,
        };
        (rank, p.level != PlaceLevel::Country, std::cmp::Reverse(p.population))
    };
    candidates
        .iter()
        .copied()
        .min_by_key(|&i| preferred(gazetteer.place(i)))
}

/// Words just before a place that make it the venue (`in London`, `à Londres`, `在伦敦`).
pub(super) const VENUE_MARKERS: &[&str] = &[
    " in ",
    " at ",
    " to ",
    " visited ",
    // "will visit Chengdu next spring", "is scheduled to visit Shanghai".
    " visit ",
    " visits ",
    " toured ",
    " à ",
    " en ",
    " au ",
    " im ",
    " nach ",
    " in der ",
    "在",
    "于",
    "於",
    "赴",
    "到",
    "抵达",
    "抵達",
    "前往",
    "到访",
    "到訪",
    "访问",
    "訪問",
    "考察",
    " visiting ",
];

pub(super) fn role_of(text: &str, m: &NameMatch, place: &Place, actors_spans: &[(usize, usize)]) -> PlaceRole {
    if let Some(&(s, e)) = actors_spans.iter().find(|&&(s, e)| s <= m.start && m.end <= e) {
        // `visited Cardiff University`, `访问卡迪夫大学`: a university named after its city is
        // in that city, so a visit to it is a visit there.
        let named_after_city = place.level == PlaceLevel::City && {
            let (before, after) = (&text[s..m.start], &text[m.end..e]);
            (before.is_empty() && [" University", "大学", "大學"].contains(&after))
                || (after.is_empty() && ["University of ", "Universität ", "Université de "].contains(&before))
        };
        // `Bristol City Council welcomed a delegation …`: a host named after its place receives
        // its guests there.
        let hosts = || {
            ["welcomed ", "welcomes ", "hosted ", "hosts ", "received "]
                .iter()
                .any(|verb| text[e..].strip_prefix(' ').is_some_and(|rest| rest.starts_with(verb)))
        };
        if (named_after_city && venue_marker_before(text, s)) || (place.level != PlaceLevel::Country && hosts()) {
            return PlaceRole::Venue;
        }
        return PlaceRole::Origin;
    }
    // A country is never the venue: the words before it (the most often named places) are not
    // read.
    if place.level == PlaceLevel::Country {
        return PlaceRole::Mentioned;
    }
    if is_home(text, m.start) {
        PlaceRole::Origin
    } else if venue_marker_before(text, m.start) {
        PlaceRole::Venue
    } else {
        PlaceRole::Mentioned
    }
}

/// Whether the place at `at` is where a party is based (`a drugmaker based in Suzhou`, `basé à
/// Newcastle`, `mit Sitz in Hamburg`, `总部位于深圳`): its home, not where the event is.
fn is_home(text: &str, at: usize) -> bool {
    const HOME_MARKERS: &[&str] = &[
        "based in ",
        "headquartered in ",
        "basé à ",
        "basée à ",
        "établi à ",
        "mit Sitz in ",
        "ansässig in ",
        "总部位于",
        "總部位於",
        "总部设在",
        "總部設在",
    ];
    let before = &text[..at];
    HOME_MARKERS.iter().any(|marker| before.ends_with(marker))
}

/// Whether the words just before `at` make what starts there the venue: a [`VENUE_MARKERS`]
/// word, or a country between it and its city (`访问英国伦敦`).
fn venue_marker_before(text: &str, at: usize) -> bool {
    let window_start = text[..at].char_indices().rev().take(12).last().map_or(at, |(i, _)| i);
    let before = &text[window_start..at];
    let lead = before.rsplit_once(['.', ',']).map_or(before, |(_, b)| b);
    // "访问英国伦敦", "前往英國愛丁堡": the country named before its city stands between the
    // verb and the venue.
    let lead = ["英国", "英國", "中国", "中國"]
        .iter()
        .find_map(|country| lead.strip_suffix(country))
        .unwrap_or(lead);
    // Whether `lead`, read as if a space came before it (it starts a clause), ends with `marker`.
    let lead_ends_with = |marker: &str| lead.ends_with(marker) || marker.strip_prefix(' ') == Some(lead);
    VENUE_MARKERS
        .iter()
        .any(|marker| lead_ends_with(marker) || marker.strip_prefix(' ').is_some_and(lead_ends_with))
}
