//! The offline basemap of Cooperation Atlas.
//!
//! World countries (Natural Earth 1:110m), China's provinces with Hong Kong, Macao and Taiwan,
//! and the UK's four nations (Natural Earth 1:10m admin-1), simplified and quantised at
//! generation time (`data/generate.mjs`) into `data/basemap.bin`, which this crate embeds.
//! Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
//!
//! Beside the shapes: a Web-Mercator projection and a [`View`] (centre and zoom) that keeps the
//! map math in one place, [`path_d`] for SVG paths, and point-in-shape tests. No web
//! dependencies: plain Rust, native and wasm32.
//!
//! # Example
//! ```
//! use atlas_map::{path_d, Basemap, Level, View};
//!
//! let map = Basemap::bundled();
//! let scotland = map.get("R-GB.SCT").unwrap();
//! assert_eq!(scotland.level(), Level::Region);
//!
//! // Which region is a click in? Edinburgh:
//! assert_eq!(map.shape_at(-3.19, 55.95).map(|s| s.name()), Some("Scotland"));
//!
//! // Draw the UK's nations in an 800×600 view around them.
//! let view = View::fit(map.get("GB").unwrap().bbox(), 800.0, 600.0, 10.0);
//! let d = path_d(scotland, &view);
//! assert!(d.starts_with('M'));
//! ```

mod error;
mod format;
mod projection;
mod svg;

use std::sync::OnceLock;

pub use error::{MapError, MapErrorKind};
pub use projection::{project, unproject, View, MAX_LATITUDE};
pub use svg::path_d;

/// A point: longitude then latitude, WGS84 degrees.
pub type LonLat = [f32; 2];

/// What a shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// A country: id is ISO 3166-1 alpha-2 (`CN`, `GB`, `HK`, `XK` for Kosovo); the two
    /// Natural Earth units without one keep Natural Earth's code (`CYN`, `SOL`).
    Country,
    /// A first-level division: id is the gazetteer's `R-` code (`R-CN.01` Anhui, `R-GB.SCT`).
    Region,
}

/// A lon/lat rectangle. Shapes cut at the antimeridian have boxes that stop at ±180.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// West edge, degrees.
    pub min_lon: f64,
    /// South edge, degrees.
    pub min_lat: f64,
    /// East edge, degrees.
    pub max_lon: f64,
    /// North edge, degrees.
    pub max_lat: f64,
}

impl BBox {
    /// Whether the point is inside or on the edge.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(&self, other: &BBox) -> BBox {
        BBox {
            min_lon: self.min_lon.min(other.min_lon),
            min_lat: self.min_lat.min(other.min_lat),
            max_lon: self.max_lon.max(other.max_lon),
            max_lat: self.max_lat.max(other.max_lat),
        }
    }

    /// Width times height in square degrees: a cheap measure of size for ranking shapes.
    pub fn area(&self) -> f64 {
        (self.max_lon - self.min_lon) * (self.max_lat - self.min_lat)
    }
}

/// One country or region: closed rings of lon/lat points.
///
/// Outer rings run counter-clockwise (east = x, north = y) and holes clockwise, so both the
/// even-odd and the non-zero fill rule draw holes as holes.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    id: String,
    name: String,
    level: Level,
    points: Vec<LonLat>,
    /// End index (exclusive) in `points` of each ring.
    ring_ends: Vec<u32>,
    bbox: BBox,
}

impl Shape {
    pub(crate) fn new(id: String, name: String, level: Level, points: Vec<LonLat>, ring_ends: Vec<u32>) -> Shape {
        let mut bbox = BBox {
            min_lon: f64::INFINITY,
            min_lat: f64::INFINITY,
            max_lon: f64::NEG_INFINITY,
            max_lat: f64::NEG_INFINITY,
        };
        for &[lon, lat] in &points {
            let (lon, lat) = (f64::from(lon), f64::from(lat));
            bbox.min_lon = bbox.min_lon.min(lon);
            bbox.min_lat = bbox.min_lat.min(lat);
            bbox.max_lon = bbox.max_lon.max(lon);
            bbox.max_lat = bbox.max_lat.max(lat);
        }
        Shape {
            id,
            name,
            level,
            points,
            ring_ends,
            bbox,
        }
    }

    /// `CN`, `R-CN.01`, … (see [`Level`]).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// English display name, as in the gazetteer (`Anhui`, `Scotland`, `United Kingdom`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Country or region.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The box around all rings (what [`View::fit`] takes).
    pub fn bbox(&self) -> &BBox {
        &self.bbox
    }

    /// The rings, each closed implicitly (the last point joins the first).
    pub fn rings(&self) -> impl ExactSizeIterator<Item = &[LonLat]> + '_ {
        (0..self.ring_ends.len()).map(move |i| {
            let start = if i == 0 { 0 } else { self.ring_ends[i - 1] as usize };
            &self.points[start..self.ring_ends[i] as usize]
        })
    }

    /// Number of rings (islands, holes and pieces cut at the antimeridian count one each).
    pub fn ring_count(&self) -> usize {
        self.ring_ends.len()
    }

    /// Number of points over all rings.
    pub fn point_count(&self) -> usize {
        self.points.len()
    }

    /// Whether the point lies inside the shape (even-odd over all rings, so holes are out).
    /// Points exactly on an edge may go either way.
    ///
    /// # Example
    /// ```
    /// let map = atlas_map::Basemap::bundled();
    /// let anhui = map.get("R-CN.01").unwrap();
    /// assert!(anhui.contains(117.28, 31.86)); // Hefei
    /// assert!(!anhui.contains(121.47, 31.23)); // Shanghai
    /// ```
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        if !self.bbox.contains(lon, lat) {
            return false;
        }
        let mut inside = false;
        for ring in self.rings() {
            let mut j = ring.len() - 1;
            for (i, &[xi, yi]) in ring.iter().enumerate() {
                let [xj, yj] = ring[j];
                let (xi, yi, xj, yj) = (f64::from(xi), f64::from(yi), f64::from(xj), f64::from(yj));
                if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }
}

/// All shapes of a basemap, in file order: countries, then regions, each sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    units_per_degree: u32,
    shapes: Vec<Shape>,
    /// Indices into `shapes`, sorted by id.
    by_id: Vec<usize>,
}

static BUNDLED_BYTES: &[u8] = include_bytes!("../data/basemap.bin");

impl Basemap {
    /// The basemap built into this crate (`data/basemap.bin`), decoded on first use.
    ///
    /// # Panics
    /// Never in practice: the bundled bytes are checked by this crate's tests.
    ///
    /// # Example
    /// ```
    /// let map = atlas_map::Basemap::bundled();
    /// assert_eq!(map.get("R-CN.01").unwrap().name(), "Anhui");
    /// ```
    pub fn bundled() -> &'static Basemap {
        static MAP: OnceLock<Basemap> = OnceLock::new();
        MAP.get_or_init(|| match Basemap::parse(BUNDLED_BYTES) {
            Ok(map) => map,
            Err(e) => panic!("the bundled basemap.bin does not decode: {e}"),
        })
    }

    /// Decodes a basemap file (the format of `data/basemap.bin`).
    ///
    /// # Errors
    /// A [`MapError`] whose [`kind`](MapError::kind) says what is wrong: the bytes end early
    /// ([`MapErrorKind::Truncated`]), are no basemap ([`MapErrorKind::BadMagic`]), are of
    /// another format version ([`MapErrorKind::UnsupportedVersion`]), hold something
    /// impossible ([`MapErrorKind::Malformed`], e.g. a point off the globe or two shapes with
    /// one id) or go on after the last shape ([`MapErrorKind::TrailingBytes`]).
    ///
    /// # Example
    /// ```
    /// use atlas_map::{Basemap, MapErrorKind};
    /// let err = Basemap::parse(b"AMAP").unwrap_err();
    /// assert!(matches!(err.kind(), MapErrorKind::Truncated { .. }));
    /// assert_eq!(err.to_string(), "basemap byte 4: truncated: the data ends inside the format version");
    /// ```
    pub fn parse(bytes: &[u8]) -> Result<Basemap, MapError> {
        let decoded = format::decode(bytes)?;
        let shapes = decoded.shapes;
        let mut by_id: Vec<usize> = (0..shapes.len()).collect();
        by_id.sort_by(|&a, &b| shapes[a].id.cmp(&shapes[b].id));
        if let Some(w) = by_id.windows(2).find(|w| shapes[w[0]].id == shapes[w[1]].id) {
            let what = format!(
                "two shapes have the id {} (shapes {} and {})",
                shapes[w[0]].id, w[0], w[1]
            );
            return Err(MapError::new(MapErrorKind::Malformed { what }, bytes.len()));
        }
        Ok(Basemap {
            units_per_degree: decoded.units_per_degree,
            shapes,
            by_id,
        })
    }

    /// All shapes: countries, then regions, each sorted by id.
    pub fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// The shape with this id (`CN`, `R-GB.SCT`, …).
    ///
    /// # Example
    /// ```
    /// let map = atlas_map::Basemap::bundled();
    /// assert_eq!(map.get("R-GB.SCT").unwrap().name(), "Scotland");
    /// assert!(map.get("R-GB.XYZ").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Shape> {
        let i = self
            .by_id
            .binary_search_by(|&i| self.shapes[i].id.as_str().cmp(id))
            .ok()?;
        Some(&self.shapes[self.by_id[i]])
    }

    /// The most specific shape containing the point: a region before a country, and of two
    /// countries the one with the smaller box (Hong Kong lies inside the 1:110m China
    /// outline). `None` at sea.
    ///
    /// # Example
    /// ```
    /// let map = atlas_map::Basemap::bundled();
    /// assert_eq!(map.shape_at(-0.1257, 51.5085).unwrap().id(), "R-GB.ENG"); // London
    /// assert_eq!(map.shape_at(114.17, 22.32).unwrap().id(), "HK"); // Kowloon
    /// assert_eq!(map.shape_at(2.35, 48.86).unwrap().id(), "FR"); // Paris
    /// assert!(map.shape_at(-30.0, 40.0).is_none()); // the Atlantic
    /// ```
    pub fn shape_at(&self, lon: f64, lat: f64) -> Option<&Shape> {
        self.shapes_at(lon, lat).min_by(|a, b| {
            let rank = |s: &Shape| s.level != Level::Region;
            rank(a).cmp(&rank(b)).then(a.bbox.area().total_cmp(&b.bbox.area()))
        })
    }

    /// Every shape containing the point, in file order.
    ///
    /// # Example
    /// ```
    /// let map = atlas_map::Basemap::bundled();
    /// let ids: Vec<&str> = map.shapes_at(116.40, 39.91).map(|s| s.id()).collect(); // Beijing
    /// assert_eq!(ids, ["CN", "R-CN.22"]);
    /// ```
    pub fn shapes_at(&self, lon: f64, lat: f64) -> impl Iterator<Item = &Shape> + '_ {
        self.shapes.iter().filter(move |s| s.contains(lon, lat))
    }

    /// Points over all shapes.
    pub fn point_count(&self) -> usize {
        self.shapes.iter().map(Shape::point_count).sum()
    }

    /// The grid the coordinates were quantised to (100: 0.01°).
    pub fn units_per_degree(&self) -> u32 {
        self.units_per_degree
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Basemap {
        Basemap::parse(&format::tests::sample()).unwrap()
    }

    #[test]
    fn holes_are_outside() {
        let map = sample();
        let square = map.get("AA").unwrap();
        assert!(square.contains(1.0, 1.0));
        assert!(!square.contains(5.0, 5.0), "inside the hole");
        assert!(!square.contains(11.0, 5.0));
        assert!(!square.contains(-0.5, 5.0));
    }

    #[test]
    fn shape_at_prefers_the_region() {
        let map = sample();
        assert_eq!(map.shape_at(5.0, 5.0).unwrap().id(), "R-AA.01");
        assert_eq!(map.shape_at(1.0, 1.0).unwrap().id(), "AA");
        assert!(map.shape_at(20.0, 20.0).is_none());
        assert_eq!(map.shapes_at(5.0, 5.0).count(), 1);
    }

    #[test]
    fn lookup_by_id() {
        let map = sample();
        assert_eq!(map.get("R-AA.01").unwrap().name(), "Hole");
        assert!(map.get("R-AA").is_none());
        assert_eq!(map.point_count(), 12);
        assert_eq!(
            map.get("AA").unwrap().bbox(),
            &BBox {
                min_lon: 0.0,
                min_lat: 0.0,
                max_lon: 10.0,
                max_lat: 10.0
            }
        );
    }

    #[test]
    fn duplicate_ids_are_malformed() {
        let mut w = format::tests::Writer::header(2);
        w.shape(0, "AA", "One", &[&[(0, 0), (100, 0), (0, 100)]]);
        w.shape(1, "AA", "Two", &[&[(0, 0), (100, 0), (0, 100)]]);
        let e = Basemap::parse(&w.bytes).unwrap_err();
        assert!(matches!(e.kind(), MapErrorKind::Malformed { .. }));
        assert!(e.to_string().contains("two shapes have the id AA"), "{e}");
    }

    #[test]
    fn the_bundled_map_decodes() {
        let map = Basemap::bundled();
        assert_eq!(map.units_per_degree(), 100);
        assert_eq!(Basemap::parse(BUNDLED_BYTES).as_ref(), Ok(map));
    }
}
