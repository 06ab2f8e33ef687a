//! The basemap shape an area place stands for. A dataset names the same provinces thousands
//! of times, and finding a region by name scans the basemap (by point, tests polygons), so
//! [`ShapeLookup`] answers each distinct place once. Pure, so tested natively.

use crate::extraction::{PlaceLevel, PlaceView};
use atlas_map::{Basemap, Level};
use std::collections::HashMap;

/// The basemap shape an area place stands for: a country by its ISO code, a region by its
/// gazetteer name (the basemap uses the gazetteer's names), else the region its point is in.
/// The reference for [`ShapeLookup`] (a scan of the basemap per call), kept for its tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn shape_of<'m>(place: &PlaceView, map: &'m Basemap) -> Option<&'m str> {
    match place.level {
        PlaceLevel::Country => map.get(&place.country).map(|s| s.id()),
        PlaceLevel::Region => {
            let prefix = format!("R-{}.", place.country);
            let regions = || map.shapes().iter().filter(|s| s.level() == Level::Region);
            regions()
                .find(|s| s.id().starts_with(&prefix) && s.name() == place.canonical)
                .or_else(|| regions().find(|s| s.contains(place.lon, place.lat)))
                .map(|s| s.id())
        }
        PlaceLevel::City | PlaceLevel::District => None,
    }
}

/// [`shape_of`] for many places: regions by (country, name) from an index made once, and the
/// point-in-polygon fallback remembered per (country, name, coordinates).
pub struct ShapeLookup<'m, 'p> {
    map: &'m Basemap,
    /// The first region shape of each (country code, name), as `shape_of` finds it.
    regions: HashMap<(&'m str, &'m str), &'m str>,
    /// Regions found by their point, for names the basemap does not know.
    by_point: HashMap<(&'p str, &'p str, u64, u64), Option<&'m str>>,
}

impl<'m, 'p> ShapeLookup<'m, 'p> {
    /// An index of `map`'s regions: one pass over its shapes.
    pub fn new(map: &'m Basemap) -> Self {
        let mut regions = HashMap::new();
        for shape in map.shapes().iter().filter(|s| s.level() == Level::Region) {
            // `R-CN.14`: the country code between the dash and the dot.
            let country = shape
                .id()
                .strip_prefix("R-")
                .and_then(|rest| rest.split_once('.'))
                .map(|(country, _)| country);
            if let Some(country) = country {
                regions.entry((country, shape.name())).or_insert(shape.id());
            }
        }
        ShapeLookup {
            map,
            regions,
            by_point: HashMap::new(),
        }
    }

    /// The same as `shape_of(place, map)`.
    pub fn shape(&mut self, place: &'p PlaceView) -> Option<&'m str> {
        match place.level {
            PlaceLevel::Country => self.map.get(&place.country).map(|s| s.id()),
            PlaceLevel::Region => {
                if let Some(&id) = self.regions.get(&(place.country.as_str(), place.canonical.as_str())) {
                    return Some(id);
                }
                let map = self.map;
                let key = (
                    place.country.as_str(),
                    place.canonical.as_str(),
                    place.lon.to_bits(),
                    place.lat.to_bits(),
                );
                *self.by_point.entry(key).or_insert_with(|| {
                    map.shapes()
                        .iter()
                        .find(|s| s.level() == Level::Region && s.contains(place.lon, place.lat))
                        .map(|s| s.id())
                })
            }
            PlaceLevel::City | PlaceLevel::District => None,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::places::tests::place;
    use super::*;
    use crate::corpus::bundled_corpus;
    use crate::extraction::PlaceRole;

    #[test]
    fn every_gazetteer_region_of_the_corpus_has_its_shape() {
        let corpus = &bundled_corpus().extraction;
        let map = Basemap::bundled();
        for place in corpus.events.iter().flat_map(|e| &e.places) {
            if place.level == PlaceLevel::Region {
                let shape = shape_of(place, map).unwrap_or_else(|| panic!("{}", place.canonical));
                assert_eq!(map.get(shape).unwrap().name(), place.canonical);
            }
        }
    }

    #[test]
    fn the_lookup_finds_what_the_scan_finds() {
        let map = Basemap::bundled();
        let corpus = &bundled_corpus().extraction;
        let region = |name: &str, country: &str, lat: f64, lon: f64| {
            place(name, country, PlaceLevel::Region, PlaceRole::Venue, lat, lon)
        };
        let odd = vec![
            // A name the basemap does not know: found by its point, twice (remembered).
            region("Greater Hefei", "CN", 31.86, 117.28),
            region("Greater Hefei", "CN", 31.86, 117.28),
            // A known name with the wrong country code: by point too.
            region("Hunan", "GB", 28.2, 112.97),
            // At sea: none.
            region("Nowhere", "CN", 0.0, -30.0),
            place("Atlantis", "XX", PlaceLevel::Country, PlaceRole::Venue, 0.0, -30.0),
            place(
                "United Kingdom",
                "GB",
                PlaceLevel::Country,
                PlaceRole::Venue,
                51.5,
                -0.13,
            ),
            place("London", "GB", PlaceLevel::City, PlaceRole::Venue, 51.5, -0.13),
        ];
        let places = corpus.events.iter().flat_map(|e| &e.places).chain(&odd);
        let mut lookup = ShapeLookup::new(map);
        let mut checked = 0;
        for place in places {
            assert_eq!(lookup.shape(place), shape_of(place, map), "{}", place.canonical);
            checked += 1;
        }
        assert!(checked > 50, "{checked} places");
        assert_eq!(
            lookup.shape(&odd[0]).and_then(|id| map.get(id)).map(|s| s.name()),
            Some("Anhui")
        );
        assert_eq!(lookup.shape(&odd[3]), None);
    }
}
