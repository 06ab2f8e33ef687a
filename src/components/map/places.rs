//! What the map draws for a set of events, before any screen: point places (cities and
//! districts) with their events, areas to shade (regions, and countries of events that name
//! nothing finer), and an event's China–UK link. Pure, so tested natively.
//!
//! The atlas's point places and links are interned once (`PlaceIndex`); then each is one pass
//! over the visible events with an array lookup per place: a filter change at 100,000 events
//! must cost milliseconds.

use super::layout::bbox_of;
use super::shapes::ShapeLookup;
use crate::extraction::{EventView, PlaceLevel, PlaceRole, PlaceView, Side};
use atlas_map::{project, BBox, Basemap};
use std::collections::HashMap;

/// A city or district with the events that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMarker<'a> {
    /// The gazetteer's English name.
    pub name: &'a str,
    pub lon: f64,
    pub lat: f64,
    /// Web Mercator world units (see `atlas_map::project`): what clustering and drawing use.
    pub world: (f64, f64),
    /// Distinct events, in the order given.
    pub events: Vec<usize>,
}

/// A region, or a country, shaded by how many events it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaShade<'a> {
    pub name: &'a str,
    /// The basemap shape (`R-CN.14`, `GB`).
    pub shape: &'a str,
    pub level: PlaceLevel,
    pub events: Vec<usize>,
}

fn is_point(place: &PlaceView) -> bool {
    matches!(place.level, PlaceLevel::City | PlaceLevel::District)
}

/// Not an id: an event without a link, a place not yet met.
const NONE: u32 = u32::MAX;

/// A link's two ends in world units, China's first (see `link_of`).
type Link = ((f64, f64), (f64, f64));

/// Every event's point places and link, interned once for the atlas: what a filter change
/// regroups by integer ids. Hashing the places' names and projecting both ends of every link
/// on each change took 35–40 ms each at 100,000 events.
pub struct PlaceIndex<'a> {
    /// Distinct cities and districts (same name and coordinates), with no events.
    points: Vec<PlaceMarker<'a>>,
    /// Each event's point places, as ids into `points`: event `n`'s are
    /// `point_ids[point_starts[n]..point_starts[n + 1]]`.
    point_ids: Vec<u32>,
    point_starts: Vec<u32>,
    /// Distinct links (see `link_of`) by their ends' bits, and each event's id into them.
    links: Vec<Link>,
    link_of_event: Vec<u32>,
    /// Basemap shapes events shade (see `area_places`), and each event's as (shape id, the
    /// place's position in the event), laid out as the points are.
    shapes: Vec<&'a str>,
    shaded: Vec<(u32, u32)>,
    shaded_starts: Vec<u32>,
}

impl<'a> PlaceIndex<'a> {
    pub fn new(events: &'a [EventView], map: &'a Basemap) -> PlaceIndex<'a> {
        let mut point_at: HashMap<(&str, u64, u64), u32> = HashMap::new();
        let mut link_at: HashMap<[u64; 4], u32> = HashMap::new();
        let mut shape_at: HashMap<&str, u32> = HashMap::new();
        let mut lookup = ShapeLookup::new(map);
        let mut index = PlaceIndex {
            points: Vec::new(),
            point_ids: Vec::new(),
            point_starts: Vec::with_capacity(events.len() + 1),
            links: Vec::new(),
            link_of_event: Vec::with_capacity(events.len()),
            shapes: Vec::new(),
            shaded: Vec::new(),
            shaded_starts: Vec::with_capacity(events.len() + 1),
        };
        index.point_starts.push(0);
        index.shaded_starts.push(0);
        for event in events {
            // Regions, and countries when the event names nothing finer.
            let only_countries = event.places.iter().all(|p| p.level == PlaceLevel::Country);
            for (at, place) in event.places.iter().enumerate() {
                if !(place.level == PlaceLevel::Region || (only_countries && place.level == PlaceLevel::Country)) {
                    continue;
                }
                let Some(shape) = lookup.shape(place) else {
                    continue;
                };
                let id = *shape_at.entry(shape).or_insert_with(|| {
                    index.shapes.push(shape);
                    (index.shapes.len() - 1) as u32
                });
                index.shaded.push((id, at as u32));
            }
            index.shaded_starts.push(index.shaded.len() as u32);
            for place in event.places.iter().filter(|p| is_point(p)) {
                let key = (place.canonical.as_str(), place.lat.to_bits(), place.lon.to_bits());
                let id = *point_at.entry(key).or_insert_with(|| {
                    index.points.push(PlaceMarker {
                        name: &place.canonical,
                        lon: place.lon,
                        lat: place.lat,
                        world: project(place.lon, place.lat),
                        events: Vec::new(),
                    });
                    (index.points.len() - 1) as u32
                });
                index.point_ids.push(id);
            }
            index.point_starts.push(index.point_ids.len() as u32);
            let link = link_of(event).map_or(NONE, |ends @ (china, uk)| {
                let bits = [china.0, china.1, uk.0, uk.1].map(f64::to_bits);
                *link_at.entry(bits).or_insert_with(|| {
                    index.links.push(ends);
                    (index.links.len() - 1) as u32
                })
            });
            index.link_of_event.push(link);
        }
        index
    }

    fn points_of(&self, event: usize) -> &[u32] {
        let (start, end) = (self.point_starts[event], self.point_starts[event + 1]);
        &self.point_ids[start as usize..end as usize]
    }

    fn shaded_by(&self, event: usize) -> &[(u32, u32)] {
        let (start, end) = (self.shaded_starts[event], self.shaded_starts[event + 1]);
        &self.shaded[start as usize..end as usize]
    }

    /// How many distinct links there are, and event `event`'s, if it has one.
    pub(super) fn link(&self, event: usize) -> Option<(usize, Link)> {
        let id = *self.link_of_event.get(event)?;
        (id != NONE).then(|| (id as usize, self.links[id as usize]))
    }

    pub(super) fn link_count(&self) -> usize {
        self.links.len()
    }
}

/// Cities and districts of the `visible` events, one marker per place (same name and
/// coordinates), in order of first appearance. Any role counts: a delegation's home city is
/// as much part of the story as the venue.
pub fn point_places<'a>(index: &PlaceIndex<'a>, visible: &[usize]) -> Vec<PlaceMarker<'a>> {
    let mut marker_of = vec![NONE; index.points.len()];
    let mut markers: Vec<PlaceMarker<'a>> = Vec::new();
    for &n in visible {
        for &id in index.points_of(n) {
            let slot = &mut marker_of[id as usize];
            if *slot == NONE {
                *slot = markers.len() as u32;
                markers.push(index.points[id as usize].clone());
            }
            let marker = &mut markers[*slot as usize];
            if marker.events.last() != Some(&n) {
                marker.events.push(n);
            }
        }
    }
    markers
}

/// Regions of the `visible` events, and the countries of those that name no finer place, by
/// shape, in order of first appearance.
pub fn area_places<'a>(index: &PlaceIndex<'a>, events: &'a [EventView], visible: &[usize]) -> Vec<AreaShade<'a>> {
    let mut area_of = vec![NONE; index.shapes.len()];
    let mut areas: Vec<AreaShade<'a>> = Vec::new();
    for &n in visible {
        for &(shape, at) in index.shaded_by(n) {
            let slot = &mut area_of[shape as usize];
            if *slot == NONE {
                *slot = areas.len() as u32;
                let place = &events[n].places[at as usize];
                areas.push(AreaShade {
                    name: &place.canonical,
                    shape: index.shapes[shape as usize],
                    level: place.level,
                    events: Vec::new(),
                });
            }
            let area = &mut areas[*slot as usize];
            if area.events.last() != Some(&n) {
                area.events.push(n);
            }
        }
    }
    areas
}

/// How well a place locates its side of an event: finer levels first, then venue before
/// origin before a mere mention.
fn rank(place: &PlaceView) -> (u8, u8) {
    let level = match place.level {
        PlaceLevel::City | PlaceLevel::District => 0,
        PlaceLevel::Region => 1,
        PlaceLevel::Country => 2,
    };
    let role = match place.role {
        PlaceRole::Venue => 0,
        PlaceRole::Origin => 1,
        PlaceRole::Mentioned => 2,
    };
    (level, role)
}

/// What the default view frames: every place of `events`, and the whole of China and of the
/// UK when a place lies there (a view of Hefei and London alone would cut both countries).
pub fn home_bbox(events: &[EventView], map: &Basemap) -> Option<BBox> {
    let places = || events.iter().flat_map(|e| &e.places);
    let points = places().map(|p| (p.lon, p.lat));
    let whole = |side: Side, id: &str| {
        places()
            .any(|p| p.side() == side)
            .then(|| map.get(id).map(|s| *s.bbox()))
            .flatten()
    };
    let sides = [whole(Side::China, "CN"), whole(Side::Uk, "GB")];
    let corners = sides
        .into_iter()
        .flatten()
        .flat_map(|b| [(b.min_lon, b.min_lat), (b.max_lon, b.max_lat)]);
    bbox_of(points.chain(corners))
}

/// The best-located place of `side` among an event's places.
pub fn best_place(places: &[PlaceView], side: Side) -> Option<&PlaceView> {
    places.iter().filter(|p| p.side() == side).min_by_key(|p| rank(p))
}

/// An event's line between its best Chinese and UK places, in world units (China's end
/// first), when it has both and one of them is finer than a country: "China" and "the UK"
/// alone say nothing a line could show.
pub fn link_of(event: &EventView) -> Option<Link> {
    let china = best_place(&event.places, Side::China)?;
    let uk = best_place(&event.places, Side::Uk)?;
    let finer = china.level != PlaceLevel::Country || uk.level != PlaceLevel::Country;
    finer.then(|| (project(china.lon, china.lat), project(uk.lon, uk.lat)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::bundled_corpus;
    use crate::extraction::{EventKind, Salience};

    pub fn place(name: &str, country: &str, level: PlaceLevel, role: PlaceRole, lat: f64, lon: f64) -> PlaceView {
        PlaceView {
            name: name.into(),
            canonical: name.into(),
            lat,
            lon,
            country: country.into(),
            level,
            role,
            inferred: false,
        }
    }

    pub fn event(kind: EventKind, places: Vec<PlaceView>) -> EventView {
        EventView {
            id: String::new(),
            file: String::new(),
            kind,
            salience: Salience::Main,
            date: None,
            planned: false,
            places,
            actors: vec![],
            sectors: vec![],
            figures: vec![],
            evidence: vec![],
        }
    }

    fn london(role: PlaceRole) -> PlaceView {
        place("London", "GB", PlaceLevel::City, role, 51.5085, -0.1257)
    }

    fn hefei() -> PlaceView {
        place("Hefei", "CN", PlaceLevel::City, PlaceRole::Origin, 31.86, 117.28)
    }

    fn hunan() -> PlaceView {
        place("Hunan", "CN", PlaceLevel::Region, PlaceRole::Origin, 28.2, 112.97)
    }

    fn china() -> PlaceView {
        place("China", "CN", PlaceLevel::Country, PlaceRole::Mentioned, 39.9, 116.4)
    }

    fn united_kingdom() -> PlaceView {
        place(
            "United Kingdom",
            "GB",
            PlaceLevel::Country,
            PlaceRole::Mentioned,
            51.5,
            -0.13,
        )
    }

    #[test]
    fn events_group_by_place_and_count_once_each() {
        let events = vec![
            event(
                EventKind::Visit,
                vec![london(PlaceRole::Venue), london(PlaceRole::Mentioned)],
            ),
            event(EventKind::Forum, vec![london(PlaceRole::Venue), hefei(), china()]),
            event(EventKind::Visit, vec![london(PlaceRole::Venue)]),
        ];
        let markers = point_places(&PlaceIndex::new(&events, Basemap::bundled()), &[0, 1]);
        let names: Vec<&str> = markers.iter().map(|m| m.name).collect();
        assert_eq!(names, ["London", "Hefei"], "countries are no markers");
        assert_eq!(markers[0].events, [0, 1], "an event naming London twice counts once");
        assert_eq!(markers[1].events, [1]);
        assert_eq!(
            point_places(&PlaceIndex::new(&events, Basemap::bundled()), &[2])[0].events,
            [2],
            "only the visible events"
        );
    }

    #[test]
    fn regions_shade_their_shape_and_bare_countries_shade_lightly() {
        let map = Basemap::bundled();
        let scotland = place("Scotland", "GB", PlaceLevel::Region, PlaceRole::Venue, 55.86, -4.25);
        let events = vec![
            event(EventKind::Summit, vec![london(PlaceRole::Venue), hunan(), china()]),
            event(EventKind::Other, vec![united_kingdom()]),
            event(EventKind::Other, vec![scotland]),
        ];
        let areas = area_places(&PlaceIndex::new(&events, map), &events, &[0, 1, 2]);
        let shapes: Vec<(&str, &str)> = areas.iter().map(|a| (a.name, a.shape)).collect();
        let hunan = map.get(shapes[0].1).unwrap();
        assert_eq!(hunan.name(), "Hunan");
        assert_eq!(&shapes[1..], [("United Kingdom", "GB"), ("Scotland", "R-GB.SCT")]);
        let china_shaded = shapes.iter().any(|s| s.1 == "CN");
        assert!(!china_shaded, "China is shaded only for events naming nothing finer");
    }

    #[test]
    fn links_join_the_best_chinese_and_uk_places() {
        let zhuzhou = place("Zhuzhou", "CN", PlaceLevel::City, PlaceRole::Origin, 27.83, 113.15);
        let events = [
            event(
                EventKind::Agreement,
                vec![china(), london(PlaceRole::Venue), hunan(), zhuzhou],
            ),
            event(EventKind::Other, vec![china(), united_kingdom()]),
            event(EventKind::Visit, vec![london(PlaceRole::Venue)]),
        ];
        let links: Vec<_> = events.iter().map(link_of).collect();
        assert_eq!(
            links[1..],
            [None, None],
            "two bare countries, or one side only, make no link"
        );
        let (china, uk) = links[0].unwrap();
        assert_eq!(china, project(113.15, 27.83), "the city, finer than its region");
        assert_eq!(uk, project(-0.1257, 51.5085));
    }

    #[test]
    fn home_frames_both_countries_whole() {
        let map = Basemap::bundled();
        let events = vec![event(EventKind::Visit, vec![london(PlaceRole::Venue), hefei()])];
        let home = home_bbox(&events, map).unwrap();
        let china = map.get("CN").unwrap().bbox();
        assert!(home.min_lon <= -7.5 && home.max_lat >= 58.5, "the UK whole: {home:?}");
        assert!(
            home.min_lon <= china.min_lon && home.max_lon >= china.max_lon,
            "China whole"
        );
        assert_eq!(home_bbox(&[], map), None);
    }

    #[test]
    fn the_corpus_links_hefei_and_london_to_the_other_side() {
        let corpus = &bundled_corpus().extraction;
        let all: Vec<usize> = (0..corpus.events.len()).collect();
        let links: Vec<_> = corpus.events.iter().filter_map(link_of).collect();
        let hefei = corpus
            .events
            .iter()
            .flat_map(|e| &e.places)
            .find(|p| p.canonical == "Hefei")
            .unwrap();
        assert!(links.iter().any(|l| l.0 == project(hefei.lon, hefei.lat)));
        let markers = point_places(&PlaceIndex::new(&corpus.events, Basemap::bundled()), &all);
        assert!(markers.iter().any(|m| m.name == "London" && m.events.len() > 3));
    }

    #[test]
    fn a_filter_narrows_each_marker_to_its_visible_events() {
        let corpus = &bundled_corpus().extraction;
        let index = PlaceIndex::new(&corpus.events, Basemap::bundled());
        let all: Vec<usize> = (0..corpus.events.len()).collect();
        for keep in [|n: usize| n % 2 == 0, |n: usize| n % 3 == 1] {
            let some: Vec<usize> = all.iter().copied().filter(|&n| keep(n)).collect();
            let mut want: Vec<(&str, Vec<usize>)> = point_places(&index, &all)
                .into_iter()
                .map(|m| (m.name, m.events.into_iter().filter(|&n| keep(n)).collect::<Vec<_>>()))
                .filter(|(_, events)| !events.is_empty())
                .collect();
            let mut got: Vec<(&str, Vec<usize>)> = point_places(&index, &some)
                .into_iter()
                .map(|m| (m.name, m.events))
                .collect();
            want.sort();
            got.sort();
            assert_eq!(got, want);
            let shade = |visible: &[usize]| -> Vec<(&str, Vec<usize>)> {
                let mut areas: Vec<_> = area_places(&index, &corpus.events, visible)
                    .into_iter()
                    .map(|a| (a.shape, a.events.into_iter().filter(|&n| keep(n)).collect::<Vec<_>>()))
                    .filter(|(_, events)| !events.is_empty())
                    .collect();
                areas.sort();
                areas
            };
            assert!(!shade(&all).is_empty());
            assert_eq!(shade(&some), shade(&all));
        }
    }
}
