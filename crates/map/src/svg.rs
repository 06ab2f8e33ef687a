//! SVG path data for a shape in a view.

use crate::projection::project;
use crate::{Shape, View};

/// Points closer than this to the last one kept are dropped, in tenths of a pixel (0.5 px).
const MIN_STEP_TENTHS: i64 = 5;
/// Points this close to the outline without them are dropped too, in tenths of a pixel.
const TOLERANCE_TENTHS: f64 = 5.0;

/// The SVG path `d` of a shape in a view: screen pixels rounded to 0.1, one `M…z` subpath per
/// ring (an absolute move, then relative `l` steps).
///
/// To keep the DOM small it leaves out what would not show: points within 0.5 px of the last
/// point kept or of the outline drawn without them (Douglas–Peucker), rings that shrink below
/// three points, and rings entirely outside the view. A shape that shows nothing gives an empty string. Draw with either fill rule (see
/// [`Shape`] for the ring orientation).
///
/// # Example
/// ```
/// use atlas_map::{path_d, Basemap, View};
/// let map = Basemap::bundled();
/// let view = View::fit(map.get("CN").unwrap().bbox(), 1200.0, 800.0, 0.0);
/// let anhui = path_d(map.get("R-CN.01").unwrap(), &view);
/// assert!(anhui.starts_with('M') && anhui.ends_with('z'));
/// // France is not in a view of China.
/// assert_eq!(path_d(map.get("FR").unwrap(), &view), "");
/// ```
pub fn path_d(shape: &Shape, view: &View) -> String {
    let (width, height) = view.size();
    let mut d = String::new();
    let mut ring_px: Vec<(i64, i64)> = Vec::new();
    let mut simplifier = Simplifier::default();
    for ring in shape.rings() {
        ring_px.clear();
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &[lon, lat] in ring {
            let (wx, wy) = project(f64::from(lon), f64::from(lat));
            let (x, y) = view.world_to_screen(wx, wy);
            (min_x, min_y, max_x, max_y) = (min_x.min(x), min_y.min(y), max_x.max(x), max_y.max(y));
            let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if let Some(&(lx, ly)) = ring_px.last() {
                let (dx, dy) = (p.0 - lx, p.1 - ly);
                if dx * dx + dy * dy < MIN_STEP_TENTHS * MIN_STEP_TENTHS {
                    continue;
                }
            }
            ring_px.push(p);
        }
        if max_x < 0.0 || max_y < 0.0 || min_x > width || min_y > height {
            continue;
        }
        simplifier.simplify(&mut ring_px, TOLERANCE_TENTHS);
        if ring_px.len() < 3 {
            continue;
        }
        let (mut px, mut py) = ring_px[0];
        d.push('M');
        push_tenths(&mut d, px);
        d.push(' ');
        push_tenths(&mut d, py);
        for &(x, y) in &ring_px[1..] {
            d.push('l');
            push_tenths(&mut d, x - px);
            d.push(' ');
            push_tenths(&mut d, y - py);
            (px, py) = (x, y);
        }
        d.push('z');
    }
    d
}

/// Douglas–Peucker for closed rings, its work lists kept between rings.
#[derive(Default)]
struct Simplifier {
    keep: Vec<bool>,
    spans: Vec<(usize, usize)>,
}

impl Simplifier {
    /// Leaves the points of `ring` (closed: its last point joins its first) without which the
    /// outline would move by more than `tolerance`.
    fn simplify(&mut self, ring: &mut Vec<(i64, i64)>, tolerance: f64) {
        let n = ring.len();
        if n < 4 {
            return;
        }
        // A closed ring has no ends: its first point and the one farthest from it are kept,
        // and each half between them is simplified as an open line.
        let far = (1..n)
            .max_by_key(|&i| {
                let (dx, dy) = (ring[i].0 - ring[0].0, ring[i].1 - ring[0].1);
                dx * dx + dy * dy
            })
            .unwrap_or(1);
        self.keep.clear();
        self.keep.resize(n, false);
        self.keep[0] = true;
        self.keep[far] = true;
        // Index `n` is the first point again.
        let at = |i: usize| ring[i % n];
        self.spans.clear();
        self.spans.extend([(0, far), (far, n)]);
        while let Some((start, end)) = self.spans.pop() {
            let (a, b) = (at(start), at(end));
            let farthest = (start + 1..end)
                .map(|i| (i, distance_to_segment(at(i), a, b)))
                .max_by(|x, y| x.1.total_cmp(&y.1));
            if let Some((i, _)) = farthest.filter(|&(_, d)| d > tolerance) {
                self.keep[i] = true;
                self.spans.extend([(start, i), (i, end)]);
            }
        }
        let mut index = 0;
        ring.retain(|_| {
            index += 1;
            self.keep[index - 1]
        });
    }
}

/// The distance from `p` to the segment from `a` to `b`.
fn distance_to_segment(p: (i64, i64), a: (i64, i64), b: (i64, i64)) -> f64 {
    let (px, py) = ((p.0 - a.0) as f64, (p.1 - a.1) as f64);
    let (bx, by) = ((b.0 - a.0) as f64, (b.1 - a.1) as f64);
    let length2 = bx * bx + by * by;
    let t = if length2 > 0.0 {
        ((px * bx + py * by) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (px - t * bx).hypot(py - t * by)
}

/// Writes tenths as a decimal without a needless `.0`: 15 → `1.5`, -20 → `-2`, -3 → `-0.3`.
fn push_tenths(out: &mut String, tenths: i64) {
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    push_digits(out, t / 10);
    if t % 10 != 0 {
        out.push('.');
        push_digits(out, t % 10);
    }
}

/// Writes `n` in decimal. The basemap writes some 38,000 numbers on the first view, and
/// `write!` costs several times this through the formatting machinery.
fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::tests::Writer;
    use crate::Basemap;

    fn tenths(t: i64) -> String {
        let mut s = String::new();
        push_tenths(&mut s, t);
        s
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(
            [0, 5, -3, 10, -20, 15, -1234].map(tenths),
            ["0", "0.5", "-0.3", "1", "-2", "1.5", "-123.4"]
        );
        assert_eq!(tenths(i64::MIN), format!("-{}.8", i64::MIN.unsigned_abs() / 10));
    }

    /// A map with one shape whose rings are given in grid units (0.01°).
    fn one_shape(rings: &[&[(i32, i32)]]) -> Basemap {
        let mut w = Writer::header(1);
        w.shape(0, "AA", "Test", rings);
        Basemap::parse(&w.bytes).unwrap()
    }

    /// Absolute points of a path made of `M x y` and `l dx dy` commands.
    fn points(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut rings = Vec::new();
        for sub in d.split('z').filter(|s| !s.is_empty()) {
            let mut ring: Vec<(f64, f64)> = Vec::new();
            for cmd in sub.split(['M', 'l']).filter(|s| !s.is_empty()) {
                let (a, b) = cmd.split_once(' ').unwrap();
                let (a, b): (f64, f64) = (a.parse().unwrap(), b.parse().unwrap());
                let p = match ring.last() {
                    Some(&(x, y)) => (x + a, y + b),
                    None => (a, b),
                };
                ring.push(p);
            }
            rings.push(ring);
        }
        rings
    }

    #[test]
    fn path_follows_the_projection() {
        let map = one_shape(&[&[(0, 0), (1000, 0), (1000, 1000), (0, 1000)]]);
        let view = View::new(5.0, 5.0, 4.0, 800.0, 600.0);
        let d = path_d(&map.shapes()[0], &view);
        let got = points(&d);
        assert_eq!(got.len(), 1);
        for ((x, y), (lon, lat)) in got[0].iter().zip([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]) {
            let (ex, ey) = view.to_screen(lon, lat);
            assert!(
                (x - ex).abs() <= 0.051 && (y - ey).abs() <= 0.051,
                "({x},{y}) vs ({ex},{ey}) in {d}"
            );
        }
    }

    #[test]
    fn close_points_are_dropped() {
        // At zoom 0 one pixel is about 1.4°: the points 0.2° apart collapse into one.
        let map = one_shape(&[&[(0, 0), (20, 5), (40, 0), (3000, 0), (3000, 3000), (0, 3000)]]);
        let view = View::new(0.0, 0.0, 0.0, 256.0, 256.0);
        let got = points(&path_d(&map.shapes()[0], &view));
        assert_eq!(got[0].len(), 4);
        // Zoomed in (a pixel is 0.04°) the bump of 0.05° shows, and they are kept.
        let view = View::new(15.0, 15.0, 5.0, 2000.0, 2000.0);
        assert_eq!(points(&path_d(&map.shapes()[0], &view))[0].len(), 6);
    }

    #[test]
    fn points_on_the_outline_without_them_are_dropped() {
        // A square whose sides are drawn in steps of 0.3°, a point off by 0.1° on one of them.
        let mut ring: Vec<(i32, i32)> = Vec::new();
        ring.extend((0..10).map(|i| (i * 30, 0)));
        ring.extend((0..10).map(|i| (300, i * 30)));
        ring.extend((0..10).map(|i| (300 - i * 30, if i == 5 { 310 } else { 300 })));
        ring.extend((0..10).map(|i| (0, 300 - i * 30)));
        let map = one_shape(&[&ring]);
        // At zoom 6 (a pixel is 0.02°) the corners and the point off the side are left.
        let view = View::new(1.5, 1.5, 6.0, 2000.0, 2000.0);
        let kept = &points(&path_d(&map.shapes()[0], &view))[0];
        assert_eq!(kept.len(), 7, "{kept:?}");
        for (lon, lat) in [(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (1.5, 3.1), (0.0, 3.0)] {
            let (x, y) = view.to_screen(lon, lat);
            assert!(
                kept.iter()
                    .any(|&(kx, ky)| (kx - x).abs() < 0.06 && (ky - y).abs() < 0.06),
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn simplified_outlines_stay_within_the_tolerance() {
        // A wiggly ring: every dropped point is within half a pixel of what is drawn.
        let ring: Vec<(i64, i64)> = (0..400)
            .map(|i| {
                let angle = f64::from(i) / 400.0 * std::f64::consts::TAU;
                let radius = 1000.0 + 7.0 * (angle * 37.0).sin() + 3.0 * (angle * 91.0).cos();
                (
                    (radius * angle.cos()).round() as i64,
                    (radius * angle.sin()).round() as i64,
                )
            })
            .collect();
        let mut kept = ring.clone();
        Simplifier::default().simplify(&mut kept, TOLERANCE_TENTHS);
        assert!(
            kept.len() < ring.len() / 2 && kept.len() > 8,
            "{} of {}",
            kept.len(),
            ring.len()
        );
        for &p in &ring {
            let nearest = (0..kept.len())
                .map(|i| distance_to_segment(p, kept[i], kept[(i + 1) % kept.len()]))
                .fold(f64::MAX, f64::min);
            assert!(nearest <= TOLERANCE_TENTHS, "{p:?} is {nearest} tenths away");
        }
    }

    #[test]
    fn rings_off_screen_or_too_small_are_left_out() {
        let map = one_shape(&[
            &[(0, 0), (1000, 0), (1000, 1000), (0, 1000)],
            &[(10000, 0), (11000, 0), (11000, 1000), (10000, 1000)],
            &[(-5000, 0), (-4999, 0), (-4999, 1), (-5000, 1)],
        ]);
        let near = View::new(5.0, 5.0, 6.0, 400.0, 400.0);
        assert_eq!(
            points(&path_d(&map.shapes()[0], &near)).len(),
            1,
            "only the first ring is in view"
        );
        let world = View::new(0.0, 0.0, 1.0, 512.0, 512.0);
        assert_eq!(
            points(&path_d(&map.shapes()[0], &world)).len(),
            2,
            "the third ring is a speck"
        );
        let elsewhere = View::new(-120.0, 40.0, 6.0, 400.0, 400.0);
        assert_eq!(path_d(&map.shapes()[0], &elsewhere), "");
    }
}
