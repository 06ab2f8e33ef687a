//! Decoding `basemap.bin`; the format is described in `crates/map/data/README.md` and written
//! by `crates/map/data/generate.mjs`.

use crate::error::{MapError, MapErrorKind};
use crate::{Level, Shape};

pub(crate) const MAGIC: &[u8; 4] = b"AMAP";
pub(crate) const VERSION: u8 = 1;

/// A decoded file: the grid and the shapes in file order.
pub(crate) struct Decoded {
    pub units_per_degree: u32,
    pub shapes: Vec<Shape>,
}

/// Where the reader is, so that an error can say which shape and ring is broken.
#[derive(Default)]
struct Context {
    shape: Option<(usize, String)>,
    ring: Option<usize>,
}

impl Context {
    fn describe(&self, what: &str) -> String {
        let mut s = what.to_string();
        if let Some(ring) = self.ring {
            s.push_str(&format!(" of ring {ring}"));
        }
        match &self.shape {
            Some((index, id)) if id.is_empty() => s.push_str(&format!(" of shape {index}")),
            Some((index, id)) => s.push_str(&format!(" of shape {index} ({id})")),
            None => {}
        }
        s
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    ctx: Context,
}

impl<'a> Reader<'a> {
    fn truncated(&self, what: &str) -> MapError {
        MapError::new(
            MapErrorKind::Truncated {
                what: self.ctx.describe(what),
            },
            self.bytes.len(),
        )
    }

    fn malformed(&self, at: usize, what: String) -> MapError {
        MapError::new(
            MapErrorKind::Malformed {
                what: self.ctx.describe(&what),
            },
            at,
        )
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn u8(&mut self, what: &str) -> Result<u8, MapError> {
        let b = *self.bytes.get(self.pos).ok_or_else(|| self.truncated(what))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], MapError> {
        if self.remaining() < n {
            return Err(self.truncated(what));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// LEB128, at most 32 bits.
    fn varint(&mut self, what: &str) -> Result<u32, MapError> {
        let start = self.pos;
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8(what)?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(value)
                    .map_err(|_| self.malformed(start, format!("{what} does not fit in 32 bits")));
            }
        }
        Err(self.malformed(start, format!("{what} is a varint longer than 5 bytes")))
    }

    fn zigzag(&mut self, what: &str) -> Result<i32, MapError> {
        let v = self.varint(what)?;
        Ok((v >> 1) as i32 ^ -((v & 1) as i32))
    }

    /// A count of items that each take at least `min_bytes`: capped by what is left, so that a
    /// corrupt count cannot make the reader allocate more than the input could hold.
    fn count(&mut self, what: &str, min_bytes: usize) -> Result<(usize, usize), MapError> {
        let n = self.varint(what)? as usize;
        Ok((n, n.min(self.remaining() / min_bytes)))
    }

    fn string(&mut self, what: &str) -> Result<String, MapError> {
        let len = self.varint(what)? as usize;
        let start = self.pos;
        let bytes = self.take(len, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|e| self.malformed(start, format!("{what} is not UTF-8 ({e})")))
    }
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, MapError> {
    let mut r = Reader {
        bytes,
        pos: 0,
        ctx: Context::default(),
    };
    let magic = r.take(MAGIC.len(), "the magic bytes");
    match magic {
        Ok(m) if m == MAGIC => {}
        Ok(m) => return Err(MapError::new(MapErrorKind::BadMagic { found: m.to_vec() }, 0)),
        // A short file that is not even a prefix of the magic is no basemap, not a cut one.
        Err(e) if MAGIC.starts_with(bytes) => return Err(e),
        Err(_) => return Err(MapError::new(MapErrorKind::BadMagic { found: bytes.to_vec() }, 0)),
    }
    let version = r.u8("the format version")?;
    if version != VERSION {
        return Err(MapError::new(
            MapErrorKind::UnsupportedVersion {
                found: version,
                supported: VERSION,
            },
            MAGIC.len(),
        ));
    }
    let at = r.pos;
    let units_per_degree = r.varint("the grid size")?;
    if !(1..=1_000_000).contains(&units_per_degree) {
        return Err(r.malformed(
            at,
            format!("grid of {units_per_degree} units per degree (want 1 to 1000000)"),
        ));
    }
    let max_x = 180 * units_per_degree as i32;
    let max_y = 90 * units_per_degree as i32;
    let scale = f64::from(units_per_degree);

    // Smallest encodings: a shape is a level byte, two string lengths, a ring count and one
    // ring of three points (2 bytes each): 11 bytes; a point is two 1-byte varints.
    let (shape_count, cap) = r.count("the shape count", 11)?;
    let mut shapes = Vec::with_capacity(cap);
    let (mut x, mut y) = (0i32, 0i32);
    for index in 0..shape_count {
        r.ctx = Context {
            shape: Some((index, String::new())),
            ring: None,
        };
        let at = r.pos;
        let level = match r.u8("the level")? {
            0 => Level::Country,
            1 => Level::Region,
            other => return Err(r.malformed(at, format!("level byte {other} (want 0 country or 1 region)"))),
        };
        let at = r.pos;
        let id = r.string("the id")?;
        if id.is_empty() {
            return Err(r.malformed(at, "an empty id".to_string()));
        }
        r.ctx.shape = Some((index, id.clone()));
        let name = r.string("the name")?;
        let at = r.pos;
        let (ring_count, cap) = r.count("the ring count", 7)?;
        if ring_count == 0 {
            return Err(r.malformed(at, "no rings".to_string()));
        }
        let mut points = Vec::new();
        let mut ring_ends = Vec::with_capacity(cap);
        for ring in 0..ring_count {
            r.ctx.ring = Some(ring);
            let at = r.pos;
            let (point_count, cap) = r.count("the point count", 2)?;
            if point_count < 3 {
                return Err(r.malformed(at, format!("{point_count} points (a ring needs 3)")));
            }
            points.reserve(cap);
            for _ in 0..point_count {
                let at = r.pos;
                let dx = r.zigzag("a point")?;
                let dy = r.zigzag("a point")?;
                x = x
                    .checked_add(dx)
                    .ok_or_else(|| r.malformed(at, "a longitude overflows".to_string()))?;
                y = y
                    .checked_add(dy)
                    .ok_or_else(|| r.malformed(at, "a latitude overflows".to_string()))?;
                if x.abs() > max_x || y.abs() > max_y {
                    let (lon, lat) = (f64::from(x) / scale, f64::from(y) / scale);
                    return Err(r.malformed(at, format!("point ({lon}, {lat}) is off the globe")));
                }
                points.push([(f64::from(x) / scale) as f32, (f64::from(y) / scale) as f32]);
            }
            ring_ends.push(points.len() as u32);
        }
        r.ctx.ring = None;
        shapes.push(Shape::new(id, name, level, points, ring_ends));
    }
    if r.remaining() > 0 {
        return Err(MapError::new(
            MapErrorKind::TrailingBytes { count: r.remaining() },
            r.pos,
        ));
    }
    Ok(Decoded {
        units_per_degree,
        shapes,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Rings in grid units (0.01°).
    pub(crate) type Rings<'a> = &'a [&'a [(i32, i32)]];

    /// Writes the format, for hand-made test maps.
    #[derive(Default)]
    pub(crate) struct Writer {
        pub bytes: Vec<u8>,
        x: i32,
        y: i32,
    }

    impl Writer {
        pub fn header(shapes: u32) -> Writer {
            let mut w = Writer::default();
            w.bytes.extend_from_slice(MAGIC);
            w.bytes.push(VERSION);
            w.varint(100);
            w.varint(shapes);
            w
        }

        pub fn varint(&mut self, mut v: u32) {
            while v >= 0x80 {
                self.bytes.push((v as u8 & 0x7f) | 0x80);
                v >>= 7;
            }
            self.bytes.push(v as u8);
        }

        fn string(&mut self, s: &str) {
            self.varint(s.len() as u32);
            self.bytes.extend_from_slice(s.as_bytes());
        }

        pub fn shape(&mut self, level: u8, id: &str, name: &str, rings: Rings) {
            self.bytes.push(level);
            self.string(id);
            self.string(name);
            self.varint(rings.len() as u32);
            for ring in rings {
                self.varint(ring.len() as u32);
                for &(px, py) in *ring {
                    for d in [px - self.x, py - self.y] {
                        self.varint(((d << 1) ^ (d >> 31)) as u32);
                    }
                    (self.x, self.y) = (px, py);
                }
            }
        }
    }

    /// Two shapes: a 10°×10° country with a 2°×2° hole, and a region inside the hole.
    pub(crate) fn sample() -> Vec<u8> {
        let mut w = Writer::header(2);
        w.shape(
            0,
            "AA",
            "Squareland",
            &[
                &[(0, 0), (1000, 0), (1000, 1000), (0, 1000)],
                &[(400, 400), (400, 600), (600, 600), (600, 400)],
            ],
        );
        w.shape(
            1,
            "R-AA.01",
            "Hole",
            &[&[(400, 400), (600, 400), (600, 600), (400, 600)]],
        );
        w.bytes
    }

    fn kind(bytes: &[u8]) -> MapErrorKind {
        match decode(bytes) {
            Ok(_) => panic!("decoded {} bytes that should not decode", bytes.len()),
            Err(e) => e.kind().clone(),
        }
    }

    #[test]
    fn decodes_the_sample() {
        let d = decode(&sample()).unwrap();
        assert_eq!(d.units_per_degree, 100);
        assert_eq!(d.shapes.len(), 2);
        let a = &d.shapes[0];
        assert_eq!((a.id(), a.name(), a.level()), ("AA", "Squareland", Level::Country));
        assert_eq!(a.ring_count(), 2);
        assert_eq!(
            a.rings().nth(1).unwrap(),
            &[[4.0, 4.0], [4.0, 6.0], [6.0, 6.0], [6.0, 4.0]]
        );
        // The delta cursor runs on from one shape to the next.
        assert_eq!(d.shapes[1].rings().next().unwrap()[1], [6.0, 4.0]);
    }

    #[test]
    fn every_cut_of_a_valid_file_is_truncated() {
        let bytes = sample();
        for len in 0..bytes.len() {
            assert!(
                matches!(kind(&bytes[..len]), MapErrorKind::Truncated { .. }),
                "cut at {len}: {:?}",
                decode(&bytes[..len]).err()
            );
        }
    }

    #[test]
    fn truncation_names_the_shape_and_ring() {
        let bytes = sample();
        let e = decode(&bytes[..bytes.len() - 1]).err().unwrap();
        assert_eq!(e.offset(), bytes.len() - 1);
        assert_eq!(
            e.to_string(),
            format!(
                "basemap byte {}: truncated: the data ends inside a point of ring 0 of shape 1 (R-AA.01)",
                bytes.len() - 1
            )
        );
    }

    #[test]
    fn other_files_are_bad_magic() {
        assert!(matches!(kind(b"PK\x03\x04 a zip"), MapErrorKind::BadMagic { .. }));
        assert!(matches!(kind(b"{}"), MapErrorKind::BadMagic { .. }));
        let e = decode(b"GIF89a").err().unwrap();
        assert_eq!(
            e.to_string(),
            "basemap byte 0: not a basemap: it starts with [47, 49, 46, 38], not the magic bytes \"AMAP\""
        );
    }

    #[test]
    fn other_versions_are_refused() {
        let mut bytes = sample();
        bytes[4] = 2;
        assert_eq!(
            kind(&bytes),
            MapErrorKind::UnsupportedVersion { found: 2, supported: 1 }
        );
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = sample();
        bytes.extend_from_slice(&[0, 0]);
        assert_eq!(kind(&bytes), MapErrorKind::TrailingBytes { count: 2 });
    }

    #[test]
    fn malformed_content_is_named() {
        let triangle: &[(i32, i32)] = &[(0, 0), (1, 0), (0, 1)];
        let cases: [(&str, u8, Rings); 4] = [
            ("level byte 7", 7, &[triangle]),
            ("2 points", 0, &[&[(0, 0), (1, 0)]]),
            ("off the globe", 0, &[&[(0, 0), (18001, 0), (0, 1)]]),
            ("no rings", 0, &[]),
        ];
        for (want, level, rings) in cases {
            let mut w = Writer::header(1);
            w.shape(level, "AA", "x", rings);
            let e = decode(&w.bytes).err().unwrap();
            assert!(matches!(e.kind(), MapErrorKind::Malformed { .. }), "{e}");
            assert!(e.to_string().contains(want), "{e} lacks {want}");
        }
    }

    #[test]
    fn a_huge_count_does_not_allocate_it() {
        let mut w = Writer::header(u32::MAX);
        w.shape(0, "AA", "x", &[&[(0, 0), (1, 0), (0, 1)]]);
        assert!(matches!(kind(&w.bytes), MapErrorKind::Truncated { .. }));
    }
}
