//! Markers that would overlap at a zoom become one: greedy clustering on a grid of screen
//! pixels, biggest markers first, so that a busy city absorbs its small neighbours rather
//! than the other way round. Pure, so tested natively.

use super::places::PlaceMarker;
use crate::extraction::EventKind;
use crate::state::ALL_KINDS;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Screen radius of a marker for `count` events: area grows with the count, within bounds
/// that keep one event visible and tappable and a hundred from covering a country.
pub fn marker_radius(count: usize) -> f64 {
    (4.0 + 3.0 * (count as f64).sqrt()).min(28.0)
}

/// Extra pixels between two markers below which they merge: room for a ring and an outline.
const GAP: f64 = 4.0;

/// One drawn marker: one place or several that overlap at this zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<'a> {
    /// Stable while the same places are drawn as one marker: a hash of their names and
    /// positions. A filter that changes only their events keeps it, so the marker is updated,
    /// not built again.
    pub key: u64,
    /// Its places' names, biggest first.
    pub names: Vec<&'a str>,
    /// Indices into the markers, in the same order.
    pub places: Vec<usize>,
    /// Distinct events of all its places, ascending (so membership is a binary search).
    pub events: Vec<usize>,
    /// Event-weighted centre, world units.
    pub world: (f64, f64),
    /// The most frequent kind (ties: the kinds' usual order).
    pub kind: EventKind,
}

/// Groups `markers` whose circles come within [`GAP`] of each other when the world is
/// `scale` pixels wide. `kind_of` gives an event's kind.
pub fn cluster<'a>(markers: &[PlaceMarker<'a>], scale: f64, kind_of: impl Fn(usize) -> EventKind) -> Vec<Cluster<'a>> {
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(markers[i].events.len()));
    let screen = |i: usize| (markers[i].world.0 * scale, markers[i].world.1 * scale);
    // A seed's cell size is the farthest any two markers can merge, so neighbours are found in
    // the 3×3 cells around.
    let cell = 2.0 * marker_radius(usize::MAX) + GAP;
    let cell_of = |(x, y): (f64, f64)| ((x / cell).floor() as i64, (y / cell).floor() as i64);
    let mut seeds_in: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    // Members per seed (seed first).
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        let (x, y) = screen(i);
        let (cx, cy) = cell_of((x, y));
        let reach = marker_radius(markers[i].events.len()) + GAP;
        let near = (cx - 1..=cx + 1)
            .flat_map(|gx| (cy - 1..=cy + 1).map(move |gy| (gx, gy)))
            .filter_map(|c| seeds_in.get(&c))
            .flatten()
            .copied()
            .filter(|&g| {
                let seed = groups[g][0];
                let (sx, sy) = screen(seed);
                let limit = reach + marker_radius(markers[seed].events.len());
                (sx - x).hypot(sy - y) < limit
            })
            .min_by(|&a, &b| {
                let d = |g: usize| {
                    let (sx, sy) = screen(groups[g][0]);
                    (sx - x).hypot(sy - y)
                };
                d(a).total_cmp(&d(b))
            });
        match near {
            Some(g) => groups[g].push(i),
            None => {
                seeds_in.entry((cx, cy)).or_default().push(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
        .into_iter()
        .map(|places| summarise(markers, places, &kind_of))
        .collect()
}

fn summarise<'a>(
    markers: &[PlaceMarker<'a>],
    places: Vec<usize>,
    kind_of: &impl Fn(usize) -> EventKind,
) -> Cluster<'a> {
    let mut events: Vec<usize> = Vec::new();
    let (mut wx, mut wy, mut weight) = (0.0, 0.0, 0.0);
    for &p in &places {
        let marker = &markers[p];
        let w = marker.events.len() as f64;
        (wx, wy, weight) = (wx + marker.world.0 * w, wy + marker.world.1 * w, weight + w);
        events.extend(&marker.events);
    }
    events.sort_unstable();
    events.dedup();
    let mut counts = [0usize; ALL_KINDS.len()];
    for &n in &events {
        let kind = kind_of(n);
        if let Some(k) = ALL_KINDS.iter().position(|&x| x == kind) {
            counts[k] += 1;
        }
    }
    // The first of the most frequent: `max_by_key` would take the last.
    let best = counts.iter().max().copied().unwrap_or(0);
    let kind = ALL_KINDS[counts.iter().position(|&c| c == best).unwrap_or(0)];
    let names: Vec<&'a str> = places.iter().map(|&p| markers[p].name).collect();
    // In a fixed order: which place leads (the busiest) may change with a filter.
    let mut identities: Vec<(&str, u64, u64)> = places
        .iter()
        .map(|&p| {
            (
                markers[p].name,
                markers[p].world.0.to_bits(),
                markers[p].world.1.to_bits(),
            )
        })
        .collect();
    identities.sort_unstable();
    let mut hasher = DefaultHasher::new();
    identities.hash(&mut hasher);
    let key = hasher.finish();
    let world = if weight > 0.0 {
        (wx / weight, wy / weight)
    } else {
        markers[places[0]].world
    };
    Cluster {
        key,
        names,
        places,
        events,
        world,
        kind,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_map::project;

    fn marker(name: &'static str, lon: f64, lat: f64, events: Vec<usize>) -> PlaceMarker<'static> {
        PlaceMarker {
            name,
            lon,
            lat,
            world: project(lon, lat),
            events,
        }
    }

    fn kinds(n: usize) -> EventKind {
        [
            EventKind::Visit,
            EventKind::Forum,
            EventKind::Forum,
            EventKind::Agreement,
        ][n % 4]
    }

    /// The world's width in pixels at a web-map zoom.
    fn at_zoom(zoom: f64) -> f64 {
        256.0 * zoom.exp2()
    }

    #[test]
    fn close_markers_merge_and_their_counts_add() {
        // London and the City of London are 3 km apart: one marker at any country-wide zoom.
        let markers = [
            marker("City of London", -0.09, 51.51, vec![3]),
            marker("London", -0.1257, 51.5085, vec![0, 1, 2]),
        ];
        let clusters = cluster(&markers, at_zoom(5.0), kinds);
        assert_eq!(clusters.len(), 1);
        let c = &clusters[0];
        assert_eq!(c.places, [1, 0], "the bigger marker seeds the cluster");
        assert_eq!(c.events, [0, 1, 2, 3]);
        assert_eq!(c.kind, EventKind::Forum, "two forums, one visit, one agreement");
        assert!(c.world.0 > markers[1].world.0 && c.world.0 < markers[0].world.0);
        // Close enough in, they part.
        assert_eq!(cluster(&markers, at_zoom(14.0), kinds).len(), 2);
    }

    #[test]
    fn a_marker_keeps_its_key_while_it_draws_the_same_places() {
        let markers = [
            marker("City of London", -0.09, 51.51, vec![3]),
            marker("London", -0.1257, 51.5085, vec![0, 1, 2]),
            marker("Hefei", 117.28, 31.86, vec![4, 5]),
        ];
        let keys = |markers: &[PlaceMarker<'static>], zoom: f64| -> Vec<u64> {
            cluster(markers, at_zoom(zoom), kinds).iter().map(|c| c.key).collect()
        };
        let before = keys(&markers, 5.0);
        // A filter leaves fewer events in each place: the same two markers, updated in place.
        let filtered = [
            marker("City of London", -0.09, 51.51, vec![3]),
            marker("London", -0.1257, 51.5085, vec![1]),
            marker("Hefei", 117.28, 31.86, vec![5]),
        ];
        assert_eq!(keys(&filtered, 5.0), before);
        // Regrouped (London and the City part close in): new markers, new keys.
        let closer = keys(&markers, 14.0);
        assert_eq!(closer.len(), 3);
        assert!(!closer.contains(&before[0]), "the London cluster is gone");
    }

    #[test]
    fn far_markers_stay_apart() {
        let markers = [
            marker("London", -0.1257, 51.5085, vec![0]),
            marker("Hefei", 117.28, 31.86, vec![1]),
            marker("Cambridge", 0.12, 52.2, vec![2]),
        ];
        let clusters = cluster(&markers, at_zoom(3.0), kinds);
        assert_eq!(
            clusters.len(),
            2,
            "London and Cambridge merge at zoom 3, Hefei does not"
        );
        assert_eq!(cluster(&markers, at_zoom(9.0), kinds).len(), 3);
    }

    #[test]
    fn shared_events_count_once() {
        let markers = [
            marker("Cambridge", 0.12, 52.2, vec![0, 1]),
            marker("Newcastle upon Tyne", -1.61, 54.97, vec![1]),
        ];
        let clusters = cluster(&markers, at_zoom(1.0), kinds);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].events, [0, 1]);
    }

    #[test]
    fn the_radius_grows_with_the_count_within_bounds() {
        assert!(marker_radius(1) >= 5.0);
        assert!(marker_radius(4) > marker_radius(2));
        assert_eq!(marker_radius(10_000), 28.0);
    }
}
