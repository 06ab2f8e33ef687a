//! China–UK routes: the visible events' links grouped by their two ends, so that a thousand
//! delegations between Beijing and London draw one heavy arc instead of a thousand faint
//! ones. Pure, so tested natively.

use super::places::PlaceIndex;

/// Routes drawn at most, the busiest first. Each is an SVG path the browser strokes again on
/// every frame a gesture moves the map; past a couple of hundred overlapping arcs the trace
/// between the two countries looks the same (the busiest routes carry it), while every more
/// arc adds paint and DOM. With 200, 10,000 events draw as many arcs as 300 do.
pub const MAX_ROUTES: usize = 200;

/// Events between one Chinese place and one UK place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route {
    /// World units of the Chinese end, then of the UK end.
    pub china: (f64, f64),
    pub uk: (f64, f64),
    /// How many visible events it stands for.
    pub events: usize,
}

/// What the arc layer draws for the visible events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Routes {
    /// The busiest routes, at most the limit asked for, busiest first (ties: first seen first).
    pub drawn: Vec<Route>,
    /// Distinct routes of the visible events, drawn or not.
    pub total: usize,
    /// Visible events with a link, ascending: whether a selected event's own arc may show.
    linked: Vec<usize>,
}

impl Routes {
    /// Whether `event` is visible and has a link, in O(log n).
    pub fn links(&self, event: usize) -> bool {
        self.linked.binary_search(&event).is_ok()
    }
}

/// The routes of the `visible` events, at most `limit` of them: one pass over the events and
/// a partial selection of the busiest, so O(events) for any limit. Places of the same
/// coordinates are one end (see `PlaceIndex`).
pub fn routes(index: &PlaceIndex, visible: &[usize], limit: usize) -> Routes {
    let mut route_of = vec![usize::MAX; index.link_count()];
    let mut all: Vec<Route> = Vec::new();
    let mut linked = Vec::new();
    for &n in visible {
        let Some((id, (china, uk))) = index.link(n) else {
            continue;
        };
        linked.push(n);
        if route_of[id] == usize::MAX {
            route_of[id] = all.len();
            all.push(Route { china, uk, events: 0 });
        }
        all[route_of[id]].events += 1;
    }
    // Visible events come in index order; sorting keeps `links` right if they ever do not.
    if !linked.is_sorted() {
        linked.sort_unstable();
    }
    let total = all.len();
    let mut order: Vec<usize> = (0..total).collect();
    let busier = |&a: &usize, &b: &usize| all[b].events.cmp(&all[a].events).then(a.cmp(&b));
    if limit < total {
        order.select_nth_unstable_by(limit, busier);
        order.truncate(limit);
    }
    order.sort_unstable_by(busier);
    Routes {
        drawn: order.into_iter().map(|i| all[i]).collect(),
        total,
        linked,
    }
}

/// The classes of the six weights, lightest first: `w0`–`w5` in map.css (a style attribute
/// would break the page's policy).
pub const WEIGHT_CLASSES: [&str; 6] = ["arc w0", "arc w1", "arc w2", "arc w3", "arc w4", "arc w5"];

/// How heavy a route's arc is drawn, 0 (one event) to 5 (32 or more): a step per doubling.
pub fn weight(events: usize) -> usize {
    (events.max(1).ilog2() as usize).min(WEIGHT_CLASSES.len() - 1)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::places::tests::{event, place};
    use super::*;
    use crate::extraction::{EventKind, EventView, PlaceLevel, PlaceRole};
    use atlas_map::project;

    fn city(name: &str, country: &str, lat: f64, lon: f64) -> crate::extraction::PlaceView {
        place(name, country, PlaceLevel::City, PlaceRole::Venue, lat, lon)
    }

    fn between(china: (&str, f64, f64), uk: (&str, f64, f64)) -> EventView {
        event(
            EventKind::Visit,
            vec![city(china.0, "CN", china.1, china.2), city(uk.0, "GB", uk.1, uk.2)],
        )
    }

    const BEIJING: (&str, f64, f64) = ("Beijing", 39.9, 116.4);
    const HEFEI: (&str, f64, f64) = ("Hefei", 31.86, 117.28);
    const LONDON: (&str, f64, f64) = ("London", 51.5085, -0.1257);
    const LEEDS: (&str, f64, f64) = ("Leeds", 53.8, -1.55);

    #[test]
    fn events_between_the_same_places_make_one_route_weighted_by_their_count() {
        let events = vec![
            between(HEFEI, LONDON),
            between(BEIJING, LONDON),
            between(BEIJING, LONDON),
            event(EventKind::Other, vec![city("London", "GB", 51.5085, -0.1257)]),
            between(BEIJING, LEEDS),
            between(BEIJING, LONDON),
        ];
        let all: Vec<usize> = (0..events.len()).collect();
        let found = routes(
            &PlaceIndex::new(&events, atlas_map::Basemap::bundled()),
            &all,
            MAX_ROUTES,
        );
        let ends: Vec<((f64, f64), usize)> = found.drawn.iter().map(|r| (r.china, r.events)).collect();
        assert_eq!(
            ends,
            [
                (project(116.4, 39.9), 3),
                (project(117.28, 31.86), 1),
                (project(116.4, 39.9), 1)
            ],
            "busiest first, then in order of first appearance"
        );
        assert_eq!(found.drawn[2].uk, project(-1.55, 53.8));
        assert_eq!(found.total, 3);
        assert!(found.links(0) && found.links(5));
        assert!(!found.links(3), "one side only: no link");
        // Only the visible events count.
        let some = routes(
            &PlaceIndex::new(&events, atlas_map::Basemap::bundled()),
            &[1, 4],
            MAX_ROUTES,
        );
        assert_eq!(some.drawn.iter().map(|r| r.events).collect::<Vec<_>>(), [1, 1]);
        assert!(!some.links(2));
    }

    #[test]
    fn only_the_busiest_routes_are_drawn() {
        // Route i has i + 1 events: each Chinese end its own place.
        let mut events = Vec::new();
        for i in 0..50 {
            for _ in 0..=i {
                events.push(between(("Somewhere", 30.0 + f64::from(i) * 0.1, 110.0), LONDON));
            }
        }
        let all: Vec<usize> = (0..events.len()).collect();
        let found = routes(&PlaceIndex::new(&events, atlas_map::Basemap::bundled()), &all, 10);
        assert_eq!(found.total, 50);
        let counts: Vec<usize> = found.drawn.iter().map(|r| r.events).collect();
        assert_eq!(counts, (41..=50).rev().collect::<Vec<_>>());
        assert!(
            all.iter().all(|&n| found.links(n)),
            "an undrawn route's events keep their link"
        );
        assert_eq!(
            routes(&PlaceIndex::new(&events, atlas_map::Basemap::bundled()), &all, 0).drawn,
            []
        );
    }

    #[test]
    fn weights_step_per_doubling() {
        let class = |events| WEIGHT_CLASSES[weight(events)];
        assert_eq!(class(0), "arc w0");
        assert_eq!(class(1), "arc w0");
        assert_eq!(class(3), "arc w1");
        assert_eq!(class(4), "arc w2");
        assert_eq!(class(31), "arc w4");
        assert_eq!(class(10_000), "arc w5");
    }
}
