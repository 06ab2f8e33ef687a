//! Web Mercator by hand, and the [`View`] that turns it into screen pixels.
//!
//! Mercator rather than an equirectangular projection: it keeps shapes true locally at every
//! latitude (the UK at 55°N and Hainan at 19°N both look right), and a pan or zoom is then only
//! a shift and a scale of one fixed plane, so that nothing but the [`View`] changes.

use std::f64::consts::PI;

use crate::BBox;

/// Web Mercator's latitude limit, where the square world ends: atan(sinh(π)).
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Projects a lon/lat point (degrees) to world units: `x` from 0 at 180°W to 1 at 180°E, `y`
/// from 0 at [`MAX_LATITUDE`] north to 1 as far south, growing downwards like screen `y`.
/// Latitudes beyond ±[`MAX_LATITUDE`] are clamped to it.
///
/// # Example
/// ```
/// let (x, y) = atlas_map::project(0.0, 0.0);
/// assert_eq!((x, y), (0.5, 0.5));
/// let (_, north) = atlas_map::project(0.0, 55.0);
/// assert!(north < 0.5);
/// ```
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let phi = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    ((lon + 180.0) / 360.0, 0.5 - phi.tan().asinh() / (2.0 * PI))
}

/// The inverse of [`project`]: world units back to lon/lat degrees.
///
/// # Example
/// ```
/// let (x, y) = atlas_map::project(116.4, 39.9);
/// let (lon, lat) = atlas_map::unproject(x, y);
/// assert!((lon - 116.4).abs() < 1e-9 && (lat - 39.9).abs() < 1e-9);
/// ```
pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    (x * 360.0 - 180.0, (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees())
}

/// What part of the world a screen area shows: a centre, a zoom and a size in pixels.
///
/// The zoom is that of web map tiles: at zoom 0 the whole world is 256 px wide, and each step
/// doubles it. Every method returns a new `View`, so a view can live in a signal and be
/// replaced. The zoom stays within [`View::MIN_ZOOM`]..=[`View::MAX_ZOOM`] and the centre on
/// the map, so a pan or zoom at the world's edge moves less than asked.
///
/// # Example
/// ```
/// use atlas_map::{Basemap, View};
/// let china = Basemap::bundled().get("CN").unwrap();
/// let view = View::fit(china.bbox(), 1200.0, 800.0, 20.0);
/// let (x, y) = view.to_screen(116.4, 39.9); // Beijing
/// assert!((0.0..1200.0).contains(&x) && (0.0..800.0).contains(&y));
///
/// // Scroll-wheel zoom about the mouse: the place under it stays put.
/// let closer = view.zoom_about(2.0, x, y);
/// let (x2, y2) = closer.to_screen(116.4, 39.9);
/// assert!((x2 - x).abs() < 1e-6 && (y2 - y).abs() < 1e-6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Centre in world units (see [`project`]).
    x: f64,
    y: f64,
    /// Pixels per world unit.
    scale: f64,
    width: f64,
    height: f64,
}

impl View {
    /// The whole world is then 64 px wide.
    pub const MIN_ZOOM: f64 = -2.0;
    /// About 2 m per pixel: far past the data's 0.01° grid, but no further.
    pub const MAX_ZOOM: f64 = 16.0;

    /// A view centred on a lon/lat point at a zoom, `width`×`height` pixels.
    ///
    /// # Example
    /// ```
    /// let world = atlas_map::View::new(0.0, 0.0, 0.0, 256.0, 256.0);
    /// assert_eq!(world.to_screen(-180.0, 0.0), (0.0, 128.0));
    /// ```
    pub fn new(lon: f64, lat: f64, zoom: f64, width: f64, height: f64) -> View {
        let (x, y) = project(lon, lat);
        View {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
            width: positive(width),
            height: positive(height),
        }
        .at_world(x, y)
        .at_scale(zoom_to_scale(zoom))
    }

    /// The view that shows `bbox` as large as it fits in `width`×`height` pixels with
    /// `padding` pixels to spare on every side, centred.
    ///
    /// # Example
    /// ```
    /// use atlas_map::{Basemap, View};
    /// let uk = Basemap::bundled().get("R-GB.ENG").unwrap().bbox();
    /// let view = View::fit(uk, 400.0, 600.0, 10.0);
    /// let (left, _) = view.to_screen(uk.min_lon, uk.min_lat);
    /// let (_, top) = view.to_screen(uk.min_lon, uk.max_lat);
    /// assert!(left >= 9.99 && top >= 9.99);
    /// ```
    pub fn fit(bbox: &BBox, width: f64, height: f64, padding: f64) -> View {
        let (width, height) = (positive(width), positive(height));
        let (x0, y1) = project(bbox.min_lon, bbox.min_lat);
        let (x1, y0) = project(bbox.max_lon, bbox.max_lat);
        let room_x = (width - 2.0 * padding).max(1.0);
        let room_y = (height - 2.0 * padding).max(1.0);
        // A point-sized box gives an infinite scale, which `at_scale` clamps to the maximum.
        let scale = (room_x / (x1 - x0).abs()).min(room_y / (y1 - y0).abs());
        View {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
            width,
            height,
        }
        .at_world((x0 + x1) / 2.0, (y0 + y1) / 2.0)
        .at_scale(if scale.is_nan() { f64::INFINITY } else { scale })
    }

    /// The same centre and zoom on a screen area of another size.
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(10.0, 50.0, 4.0, 800.0, 600.0).resize(400.0, 300.0);
    /// assert_eq!(v.size(), (400.0, 300.0));
    /// assert!((v.center().0 - 10.0).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn resize(self, width: f64, height: f64) -> View {
        View {
            width: positive(width),
            height: positive(height),
            ..self
        }
    }

    /// Moves the map by `dx`, `dy` pixels, as a drag does: the point under the pointer stays
    /// under it.
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(0.0, 0.0, 3.0, 800.0, 600.0);
    /// let before = v.to_screen(10.0, 5.0);
    /// let after = v.pan(30.0, -20.0).to_screen(10.0, 5.0);
    /// assert!((after.0 - before.0 - 30.0).abs() < 1e-9 && (after.1 - before.1 + 20.0).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn pan(self, dx: f64, dy: f64) -> View {
        self.at_world(self.x - dx / self.scale, self.y - dy / self.scale)
    }

    /// Zooms by `factor` (2.0 is one step in, 0.5 one step out) keeping the point under the
    /// screen position `x`, `y` where it is.
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(0.0, 50.0, 4.0, 800.0, 600.0);
    /// let under = v.to_lon_lat(100.0, 100.0);
    /// let z = v.zoom_about(2.0, 100.0, 100.0);
    /// assert!((z.zoom() - 5.0).abs() < 1e-12);
    /// let still = z.to_lon_lat(100.0, 100.0);
    /// assert!((still.0 - under.0).abs() < 1e-9 && (still.1 - under.1).abs() < 1e-9);
    /// ```
    #[must_use]
    pub fn zoom_about(self, factor: f64, x: f64, y: f64) -> View {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let (wx, wy) = self.screen_to_world(x, y);
        let zoomed = self.at_scale(self.scale * factor);
        // Put (wx, wy) back under (x, y).
        let (nx, ny) = zoomed.screen_to_world(x, y);
        zoomed.at_world(zoomed.x + wx - nx, zoomed.y + wy - ny)
    }

    /// Screen pixels (from the top-left corner) of a lon/lat point.
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(-2.0, 54.0, 5.0, 400.0, 600.0);
    /// let (x, y) = v.to_screen(-2.0, 54.0);
    /// assert!((x - 200.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
    /// ```
    pub fn to_screen(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = project(lon, lat);
        self.world_to_screen(x, y)
    }

    /// The lon/lat point at screen pixels `x`, `y`: where a click landed.
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(-2.0, 54.0, 5.0, 400.0, 600.0);
    /// let (lon, lat) = v.to_lon_lat(200.0, 300.0);
    /// assert!((lon + 2.0).abs() < 1e-9 && (lat - 54.0).abs() < 1e-9);
    /// ```
    pub fn to_lon_lat(&self, x: f64, y: f64) -> (f64, f64) {
        let (wx, wy) = self.screen_to_world(x, y);
        unproject(wx, wy)
    }

    /// The lon/lat box the screen area shows (longitudes may pass ±180 when zoomed out).
    ///
    /// # Example
    /// ```
    /// let v = atlas_map::View::new(0.0, 0.0, 0.0, 256.0, 256.0);
    /// let b = v.visible_bbox();
    /// assert!((b.min_lon + 180.0).abs() < 1e-9 && (b.max_lat - atlas_map::MAX_LATITUDE).abs() < 1e-9);
    /// ```
    pub fn visible_bbox(&self) -> BBox {
        let (min_lon, max_lat) = self.to_lon_lat(0.0, 0.0);
        let (max_lon, min_lat) = self.to_lon_lat(self.width, self.height);
        BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        }
    }

    /// Centre as lon/lat degrees.
    pub fn center(&self) -> (f64, f64) {
        unproject(self.x, self.y)
    }

    /// Web-map zoom: the world is 256 × 2^zoom pixels wide.
    pub fn zoom(&self) -> f64 {
        (self.scale / 256.0).log2()
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    pub(crate) fn world_to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.x) * self.scale + self.width / 2.0,
            (y - self.y) * self.scale + self.height / 2.0,
        )
    }

    fn screen_to_world(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.width / 2.0) / self.scale + self.x,
            (y - self.height / 2.0) / self.scale + self.y,
        )
    }

    fn at_world(self, x: f64, y: f64) -> View {
        let keep = |new: f64, old: f64| if new.is_finite() { new.clamp(0.0, 1.0) } else { old };
        View {
            x: keep(x, self.x),
            y: keep(y, self.y),
            ..self
        }
    }

    fn at_scale(self, scale: f64) -> View {
        if scale.is_nan() {
            return self;
        }
        View {
            scale: scale.clamp(zoom_to_scale(Self::MIN_ZOOM), zoom_to_scale(Self::MAX_ZOOM)),
            ..self
        }
    }
}

fn zoom_to_scale(zoom: f64) -> f64 {
    256.0 * zoom.exp2()
}

/// A screen size: anything but a positive finite number becomes one pixel.
fn positive(v: f64) -> f64 {
    if v.is_finite() && v >= 1.0 {
        v
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64), eps: f64) -> bool {
        (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() < eps
    }

    #[test]
    fn projection_round_trips() {
        for lon in [-180.0, -97.3, -0.1257, 0.0, 45.5, 116.4, 179.99] {
            for lat in [-85.0, -33.9, 0.0, 22.3, 51.5085, 60.9, 85.0] {
                let (x, y) = project(lon, lat);
                assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y), "{lon},{lat}");
                assert!(close(unproject(x, y), (lon, lat), 1e-9), "{lon},{lat}");
            }
        }
    }

    #[test]
    fn projection_is_mercator() {
        assert_eq!(project(-180.0, MAX_LATITUDE).0, 0.0);
        assert!(project(0.0, MAX_LATITUDE).1.abs() < 1e-12);
        assert!((project(0.0, -90.0).1 - 1.0).abs() < 1e-12, "clamped");
        // Conformal: near 60°N one degree of latitude is twice as tall as one of longitude is wide.
        let (x0, y0) = project(0.0, 59.995);
        let (x1, y1) = project(0.01, 60.005);
        assert!(((y0 - y1) / (x1 - x0) - 2.0).abs() < 1e-3);
    }

    #[test]
    fn fit_shows_the_whole_box_and_touches_one_side() {
        let b = BBox {
            min_lon: -8.0,
            min_lat: 49.9,
            max_lon: 1.8,
            max_lat: 60.9,
        };
        let v = View::fit(&b, 300.0, 600.0, 12.0);
        let (l, t) = v.to_screen(b.min_lon, b.max_lat);
        let (r, bt) = v.to_screen(b.max_lon, b.min_lat);
        assert!(l >= 12.0 - 1e-9 && t >= 12.0 - 1e-9 && r <= 288.0 + 1e-9 && bt <= 588.0 + 1e-9);
        assert!((l - 12.0).abs() < 1e-9 || (t - 12.0).abs() < 1e-9);
        assert!(
            ((l + r) / 2.0 - 150.0).abs() < 1e-9 && ((t + bt) / 2.0 - 300.0).abs() < 1e-9,
            "centred"
        );
    }

    #[test]
    fn fit_of_a_point_is_the_closest_zoom() {
        let b = BBox {
            min_lon: 1.0,
            min_lat: 2.0,
            max_lon: 1.0,
            max_lat: 2.0,
        };
        let v = View::fit(&b, 100.0, 100.0, 0.0);
        assert_eq!(v.zoom(), View::MAX_ZOOM);
        assert!(close(v.center(), (1.0, 2.0), 1e-9));
    }

    #[test]
    fn zoom_is_clamped_and_pan_stays_on_the_map() {
        let v = View::new(0.0, 0.0, 0.0, 100.0, 100.0);
        assert_eq!(v.zoom_about(1e9, 50.0, 50.0).zoom(), View::MAX_ZOOM);
        assert_eq!(v.zoom_about(1e-9, 50.0, 50.0).zoom(), View::MIN_ZOOM);
        assert_eq!(v.zoom_about(-1.0, 50.0, 50.0), v);
        assert_eq!(v.zoom_about(f64::NAN, 50.0, 50.0), v);
        let far = v.pan(-1e6, 1e6);
        assert!(
            close(far.center(), (180.0, MAX_LATITUDE), 1e-9),
            "dragged left and down: the centre goes east and north"
        );
    }

    #[test]
    fn screen_and_lon_lat_are_inverse() {
        let v = View::new(116.4, 39.9, 5.3, 1200.0, 800.0).pan(13.0, -7.0);
        for (x, y) in [(0.0, 0.0), (600.0, 400.0), (1199.0, 5.0), (31.5, 777.7)] {
            let (lon, lat) = v.to_lon_lat(x, y);
            assert!(close(v.to_screen(lon, lat), (x, y), 1e-6));
        }
    }

    #[test]
    fn bad_sizes_become_one_pixel() {
        let v = View::new(0.0, 0.0, 0.0, f64::NAN, -5.0);
        assert_eq!(v.size(), (1.0, 1.0));
    }
}
