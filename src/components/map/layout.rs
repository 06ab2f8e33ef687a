//! The map's geometry between the URL's camera and the screen: the reference plane the
//! basemap is drawn in once, the transforms that move it, the default and inset views, and
//! arcs. Pure, so tested natively.

use crate::state::Camera;
use atlas_map::{project, BBox, View};

/// How finely the basemap is drawn: its paths are drawn once per detail, in the whole world at
/// that detail's zoom, and every view is a translate and a scale of the paths of its detail.
/// A view is drawn with the coarsest detail it magnifies at most 2×, so what `path_d` drops
/// (half a pixel) stays under a pixel: the first view of both countries (about zoom 2) draws
/// 7,605 of the world's 18,140 finest points, and every one is parsed, laid out and rasterised
/// by the browser on each frame of a pan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail(usize);

/// The zooms the details are drawn at. At zoom 6, half a pixel is about the data's 0.01° grid:
/// zooming further in shows all the detail there is.
const DETAIL_ZOOMS: [f64; 3] = [2.0, 4.0, 6.0];

impl Detail {
    /// How many there are; `index` is below it.
    pub const COUNT: usize = DETAIL_ZOOMS.len();

    /// The detail a view at `zoom` is drawn with.
    pub fn for_zoom(zoom: f64) -> Detail {
        Detail(
            DETAIL_ZOOMS
                .iter()
                .position(|&drawn| zoom - drawn <= 1.0)
                .unwrap_or(Detail::COUNT - 1),
        )
    }

    /// The zoom its paths are drawn at.
    pub fn zoom(self) -> f64 {
        DETAIL_ZOOMS[self.0]
    }

    /// Its place among the details, coarsest first.
    pub fn index(self) -> usize {
        self.0
    }
}

/// Closest zoom: a city's districts. Further in, the 0.01° data shows its grid and SVG's
/// single-precision coordinates start to wobble.
pub const MAX_ZOOM: f64 = 11.0;
/// The whole world, small.
pub const MIN_ZOOM: f64 = 0.0;

/// The UK's box for the inset (Shetland's tip left out: it would shrink the rest).
pub const UK: BBox = BBox {
    min_lon: -8.5,
    min_lat: 49.8,
    max_lon: 2.0,
    max_lat: 59.0,
};

/// Pixels per world unit at a web-map zoom.
pub fn world_scale(zoom: f64) -> f64 {
    256.0 * zoom.exp2()
}

/// The view the basemap paths of a detail are drawn in: the whole world at its zoom, world
/// units times [`world_scale`] of it.
pub fn reference_view(detail: Detail) -> View {
    let size = world_scale(detail.zoom());
    View::new(0.0, 0.0, detail.zoom(), size, size)
}

/// Screen pixels of the world's origin (180°W, the top of the Mercator square): with
/// [`world_scale`], where anything is on screen.
pub fn origin(view: &View) -> (f64, f64) {
    let (lon, lat) = view.center();
    let (cx, cy) = project(lon, lat);
    let (w, h) = view.size();
    let scale = world_scale(view.zoom());
    (w / 2.0 - cx * scale, h / 2.0 - cy * scale)
}

/// The `transform` that puts the reference paths of `view`'s detail where `view` shows them.
pub fn basemap_transform(view: &View) -> String {
    let (x, y) = origin(view);
    let k = (view.zoom() - Detail::for_zoom(view.zoom()).zoom()).exp2();
    format!("translate({x:.2} {y:.2}) scale({k:.6})")
}

/// The `transform` of the layer whose children sit at world units × [`world_scale`]: a pan
/// moves it alone.
pub fn layer_transform(view: &View) -> String {
    let (x, y) = origin(view);
    format!("translate({x:.2} {y:.2})")
}

/// The CSS `transform` (origin at the top left) that moves a pane drawn at `drawn` to where
/// `live` shows it: during a gesture the browser moves the pane's picture instead of
/// drawing the map again on every frame.
pub fn gesture_transform(drawn: &View, live: &View) -> String {
    let k = (live.zoom() - drawn.zoom()).exp2();
    let ((dx, dy), (lx, ly)) = (origin(drawn), origin(live));
    format!("translate({:.2}px, {:.2}px) scale({k:.6})", lx - dx * k, ly - dy * k)
}

/// The camera a view writes to the URL, rounded as the URL writes it.
pub fn camera_of(view: &View) -> Camera {
    let (lon, lat) = view.center();
    let round = |v: f64, digits: i32| {
        let f = 10f64.powi(digits);
        (v * f).round() / f
    };
    Camera {
        lon: round(lon, 3),
        lat: round(lat, 3),
        zoom: round(view.zoom(), 2),
    }
}

/// The view a camera gives on a `width`×`height` screen.
pub fn view_of(camera: Camera, width: f64, height: f64) -> View {
    View::new(
        camera.lon,
        camera.lat,
        camera.zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        width,
        height,
    )
}

/// Whether two cameras are one place at the URL's precision (so a camera read back from the
/// URL does not move the map it came from).
pub fn same_camera(a: Camera, b: Camera) -> bool {
    (a.lon - b.lon).abs() < 2e-3 && (a.lat - b.lat).abs() < 2e-3 && (a.zoom - b.zoom).abs() < 2e-2
}

/// `view` with its zoom brought within [`MIN_ZOOM`]..=[`MAX_ZOOM`], about its centre.
pub fn within_zooms(view: View) -> View {
    zoom_between(view, MIN_ZOOM, MAX_ZOOM)
}

fn zoom_between(view: View, min: f64, max: f64) -> View {
    let zoom = view.zoom();
    let wanted = zoom.clamp(min, max);
    if wanted == zoom {
        return view;
    }
    let (w, h) = view.size();
    view.zoom_about((wanted - zoom).exp2(), w / 2.0, h / 2.0)
}

/// The view when the URL names none: the events' places (`places`, a box around them) as
/// large as fits, but no closer than a country; the UK and China when there is no place.
pub fn default_view(places: Option<BBox>, width: f64, height: f64) -> View {
    let china = BBox {
        min_lon: 73.5,
        min_lat: 18.0,
        max_lon: 135.0,
        max_lat: 53.5,
    };
    let bbox = places.unwrap_or_else(|| UK.union(&china));
    let padding = (width.min(height) * 0.08).clamp(12.0, 48.0);
    zoom_between(View::fit(&bbox, width, height, padding), MIN_ZOOM, 5.0)
}

/// The box around points given as lon/lat; `None` for none.
pub fn bbox_of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
    points.into_iter().fold(None, |acc: Option<BBox>, (lon, lat)| {
        let point = BBox {
            min_lon: lon,
            min_lat: lat,
            max_lon: lon,
            max_lat: lat,
        };
        Some(acc.map_or(point, |b| b.union(&point)))
    })
}

/// The inset's size on a `width`×`height` map: half the map's height, as wide as the UK's
/// shape needs, and never more than a third of the width.
pub fn inset_size(width: f64, height: f64) -> (f64, f64) {
    let (x0, y1) = project(UK.min_lon, UK.min_lat);
    let (x1, y0) = project(UK.max_lon, UK.max_lat);
    let aspect = (x1 - x0) / (y1 - y0);
    let h = (height * 0.5).max(1.0);
    let w = (h * aspect).min(width / 3.0).max(1.0);
    (w, (w / aspect).min(h))
}

/// A quadratic Bézier `d` from `a` to `b` (screen pixels) bowed to the north, as routes on a
/// flat map are drawn: a fifth of the distance off the straight line.
pub fn arc_d(a: (f64, f64), b: (f64, f64)) -> String {
    let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    // Of the two normals, the one pointing up the screen.
    let (mut nx, mut ny) = (-dy * 0.2, dx * 0.2);
    if ny > 0.0 {
        (nx, ny) = (-nx, -ny);
    }
    format!(
        "M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}",
        a.0,
        a.1,
        mx + nx,
        my + ny,
        b.0,
        b.1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_and_view_convert_both_ways() {
        let camera = Camera {
            lon: 117.28,
            lat: 31.86,
            zoom: 6.5,
        };
        let view = view_of(camera, 800.0, 500.0);
        assert_eq!(camera_of(&view), camera);
        let (x, y) = view.to_screen(117.28, 31.86);
        assert!((x - 400.0).abs() < 1e-6 && (y - 250.0).abs() < 1e-6);
        assert!(
            same_camera(camera_of(&view.pan(0.1, 0.0)), camera),
            "a tenth of a pixel is the same camera"
        );
        assert!(!same_camera(camera_of(&view.pan(30.0, 0.0)), camera));
        assert_eq!(view_of(Camera { zoom: 15.5, ..camera }, 800.0, 500.0).zoom(), MAX_ZOOM);
    }

    #[test]
    fn a_gesture_transform_moves_the_drawn_pane_onto_the_live_view() {
        let drawn = View::new(110.0, 35.0, 3.0, 900.0, 600.0);
        let live = drawn.pan(-120.0, 45.0).zoom_about(1.5, 300.0, 200.0);
        let numbers: Vec<f64> = gesture_transform(&drawn, &live)
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|n| n.parse().ok())
            .collect();
        let [tx, ty, k] = numbers[..] else {
            panic!("translate and scale: {numbers:?}")
        };
        for (lon, lat) in [(116.4, 39.9), (-0.1, 51.5), (121.5, 31.2)] {
            let (x, y) = drawn.to_screen(lon, lat);
            let (want_x, want_y) = live.to_screen(lon, lat);
            assert!((tx + k * x - want_x).abs() < 0.02 && (ty + k * y - want_y).abs() < 0.02);
        }
        assert_eq!(
            gesture_transform(&drawn, &drawn),
            "translate(0.00px, 0.00px) scale(1.000000)"
        );
    }

    #[test]
    fn transforms_put_the_reference_paths_where_the_view_shows_them() {
        for (zoom, detail) in [(0.0, 0), (2.1, 0), (3.0, 0), (3.1, 1), (5.0, 1), (5.2, 2), (9.5, 2)] {
            let detail = Detail(detail);
            let view = View::new(10.0, 50.0, zoom, 900.0, 600.0);
            assert_eq!(Detail::for_zoom(zoom), detail);
            let reference = reference_view(detail);
            let (ox, oy) = origin(&view);
            let k = (view.zoom() - detail.zoom()).exp2();
            assert!(
                k <= 2.0 || detail.index() == Detail::COUNT - 1,
                "{zoom}: the paths are magnified {k}×"
            );
            let expected = format!("translate({ox:.2} {oy:.2}) scale({k:.6})");
            assert_eq!(basemap_transform(&view), expected);
            for (lon, lat) in [(-0.13, 51.5), (117.28, 31.86)] {
                let (rx, ry) = reference.to_screen(lon, lat);
                let (sx, sy) = view.to_screen(lon, lat);
                assert!((ox + rx * k - sx).abs() < 1e-6 && (oy + ry * k - sy).abs() < 1e-6);
                let (wx, wy) = project(lon, lat);
                let scale = world_scale(view.zoom());
                assert!((ox + wx * scale - sx).abs() < 1e-6 && (oy + wy * scale - sy).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn the_default_view_shows_both_ends() {
        let places = bbox_of([(-0.13, 51.5), (117.28, 31.86), (114.1, 22.5)]);
        let view = default_view(places, 1000.0, 560.0);
        for (lon, lat) in [(-0.13, 51.5), (117.28, 31.86), (114.1, 22.5)] {
            let (x, y) = view.to_screen(lon, lat);
            assert!((0.0..1000.0).contains(&x) && (0.0..560.0).contains(&y), "{lon},{lat}");
        }
        // One city alone is not shown at street level.
        assert!(default_view(bbox_of([(-0.13, 51.5)]), 1000.0, 560.0).zoom() <= 5.0);
        assert!(default_view(None, 400.0, 300.0).zoom() >= MIN_ZOOM);
    }

    #[test]
    fn the_inset_fits_the_map() {
        for (w, h) in [(1000.0, 560.0), (360.0, 300.0)] {
            let (iw, ih) = inset_size(w, h);
            assert!(
                iw <= w / 3.0 + 1e-9 && ih <= h / 2.0 + 1e-9 && iw > 0.0 && ih > iw,
                "{iw}×{ih}"
            );
        }
    }

    #[test]
    fn arcs_bow_north() {
        let d = arc_d((0.0, 100.0), (200.0, 100.0));
        assert_eq!(d, "M0.0 100.0Q100.0 60.0 200.0 100.0");
        assert_eq!(arc_d((200.0, 100.0), (0.0, 100.0)), "M200.0 100.0Q100.0 60.0 0.0 100.0");
    }
}
