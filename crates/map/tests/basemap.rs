//! Facts about the bundled basemap: places are in the shapes they are in, every region the
//! gazetteer knows has a shape, and the projection and paths behave on real shapes.

use atlas_map::{path_d, Basemap, Level, MapErrorKind, Shape, View};

const GAZETTEER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/data/gazetteer/gazetteer.tsv");
const BYTES: &[u8] = include_bytes!("../data/basemap.bin");

fn map() -> &'static Basemap {
    Basemap::bundled()
}

fn shape(id: &str) -> &'static Shape {
    map().get(id).unwrap_or_else(|| panic!("no shape {id}"))
}

/// A gazetteer row (crates/extract/data/gazetteer/README.md).
struct Row {
    id: String,
    name: String,
    level: String,
    country: String,
    admin1: String,
    lon: f64,
    lat: f64,
}

fn gazetteer() -> Vec<Row> {
    let text = std::fs::read_to_string(GAZETTEER).expect("the gazetteer is in the repository");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                id: c[0].into(),
                name: c[1].into(),
                level: c[2].into(),
                country: c[3].into(),
                admin1: c[4].into(),
                lat: c[5].parse().unwrap(),
                lon: c[6].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn london_is_in_england_and_not_in_scotland() {
    let (lon, lat) = (-0.1257, 51.5085);
    assert!(shape("R-GB.ENG").contains(lon, lat));
    assert!(!shape("R-GB.SCT").contains(lon, lat));
    assert!(shape("GB").contains(lon, lat));
    assert_eq!(map().shape_at(lon, lat).unwrap().id(), "R-GB.ENG");
}

#[test]
fn edinburgh_cardiff_and_belfast_are_in_their_nations() {
    for (lon, lat, id) in [
        (-3.1883, 55.9533, "R-GB.SCT"),
        (-3.18, 51.48, "R-GB.WLS"),
        (-5.9254, 54.5968, "R-GB.NIR"),
    ] {
        assert_eq!(map().shape_at(lon, lat).map(Shape::id), Some(id), "{lon},{lat}");
    }
}

#[test]
fn hefei_is_in_anhui() {
    let anhui = shape("R-CN.01");
    assert_eq!(anhui.name(), "Anhui");
    assert!(anhui.contains(117.2808, 31.8639));
    assert_eq!(map().shape_at(117.2808, 31.8639).unwrap().id(), "R-CN.01");
}

#[test]
fn beijing_is_in_china_and_in_the_beijing_region() {
    let (lon, lat) = (116.3972, 39.9075);
    assert!(shape("CN").contains(lon, lat));
    assert_eq!(shape("CN").name(), "China");
    assert_eq!(map().shape_at(lon, lat).unwrap().id(), "R-CN.22");
    // Tianjin is its own region, not Beijing's or Hebei's.
    assert_eq!(map().shape_at(117.1767, 39.1422).unwrap().id(), "R-CN.28");
}

#[test]
fn hong_kong_macao_and_taiwan_are_their_own_shapes() {
    for (lon, lat, id) in [(114.17, 22.32, "HK"), (113.5461, 22.2006, "MO"), (121.53, 25.05, "TW")] {
        let s = map().shape_at(lon, lat).unwrap();
        assert_eq!((s.id(), s.level()), (id, Level::Country), "{lon},{lat}");
    }
    // Shenzhen, across the river from Hong Kong, is in Guangdong.
    assert_eq!(map().shape_at(114.0683, 22.5455).unwrap().id(), "R-CN.30");
}

#[test]
fn every_gazetteer_region_of_china_and_the_uk_has_a_shape_with_its_name() {
    let regions: Vec<_> = gazetteer()
        .into_iter()
        .filter(|r| r.level == "region" && (r.id.starts_with("R-CN.") || r.id.starts_with("R-GB.")))
        .collect();
    assert_eq!(regions.len(), 31 + 4, "the gazetteer's provinces and nations");
    for r in &regions {
        let s = shape(&r.id);
        assert_eq!((s.name(), s.level()), (r.name.as_str(), Level::Region));
    }
    let shaped = map().shapes().iter().filter(|s| s.level() == Level::Region).count();
    assert_eq!(shaped, regions.len(), "no region shape the gazetteer does not know");
}

#[test]
fn gazetteer_cities_fall_in_their_own_region() {
    // Coastal and island cities can fall just outside a simplified coast, so not every one
    // lands in a shape, but nearly all must land in their own region.
    let (mut right, mut outside, mut wrong) = (0, 0, Vec::new());
    for r in gazetteer() {
        if r.level != "city" || !(r.country == "CN" || r.country == "GB") || r.admin1.is_empty() {
            continue;
        }
        let want = format!("R-{}.{}", r.country, r.admin1);
        match map().shape_at(r.lon, r.lat) {
            Some(s) if s.id() == want => right += 1,
            Some(s) if s.level() == Level::Region => {
                wrong.push(format!("{} {} in {} not {want}", r.id, r.name, s.id()))
            }
            _ => outside += 1,
        }
    }
    assert!(right > 500, "{right} cities checked");
    // GeoNames puts a few towns in a neighbouring province (Daocheng, in Sichuan, under
    // Jiangsu's code) or they sit on a border the simplification moved.
    assert!(
        wrong.len() * 100 < right,
        "{} of {right} cities in another region: {wrong:#?}",
        wrong.len()
    );
    assert!(
        outside * 50 < right,
        "{outside} of {} cities outside every region",
        right + outside
    );
}

#[test]
fn countries_have_iso_ids_and_names() {
    for s in map().shapes().iter().filter(|s| s.level() == Level::Country) {
        let id = s.id();
        let iso = id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase());
        assert!(iso || id == "CYN" || id == "SOL", "{id}");
        assert!(!s.name().is_empty(), "{id}");
    }
    assert_eq!(shape("GB").name(), "United Kingdom");
    assert_eq!(shape("XK").name(), "Kosovo");
    assert_eq!(map().shape_at(2.35, 48.86).unwrap().id(), "FR");
    assert!(map().shape_at(-30.0, 40.0).is_none(), "mid-Atlantic");
}

#[test]
fn outer_rings_run_counter_clockwise() {
    for s in map().shapes() {
        let area: f64 = s
            .rings()
            .map(|r| {
                let mut a = 0.0;
                for (i, p) in r.iter().enumerate() {
                    let q = r[(i + 1) % r.len()];
                    a += f64::from(p[0]) * f64::from(q[1]) - f64::from(q[0]) * f64::from(p[1]);
                }
                a
            })
            .sum();
        assert!(area > 0.0, "{}", s.id());
    }
}

#[test]
fn antimeridian_countries_are_cut_not_smeared() {
    // Uncut, Russia's and Fiji's rings would run across the whole map at their latitudes.
    for id in ["RU", "FJ", "US"] {
        for ring in shape(id).rings() {
            for (i, p) in ring.iter().enumerate() {
                let q = ring[(i + 1) % ring.len()];
                assert!((p[0] - q[0]).abs() < 180.0, "{id}: an edge from {p:?} to {q:?}");
            }
        }
    }
    assert!(
        map().shape_at(0.0, -16.5).is_none(),
        "Fiji's latitude in Africa's longitude"
    );
}

#[test]
fn truncated_bytes_are_a_truncated_error() {
    for len in [3, 5, BYTES.len() / 2, BYTES.len() - 1] {
        let err = Basemap::parse(&BYTES[..len]).unwrap_err();
        assert!(matches!(err.kind(), MapErrorKind::Truncated { .. }), "{len}: {err}");
        assert!(err.to_string().contains("truncated"), "{err}");
    }
    let mut bytes = BYTES.to_vec();
    bytes[0] = b'X';
    assert!(matches!(
        Basemap::parse(&bytes).unwrap_err().kind(),
        MapErrorKind::BadMagic { .. }
    ));
}

#[test]
fn projection_round_trips_on_every_point_of_the_uk() {
    let nations = ["R-GB.ENG", "R-GB.SCT", "R-GB.WLS", "R-GB.NIR"].map(shape);
    let uk = nations.iter().fold(*nations[0].bbox(), |b, s| b.union(s.bbox()));
    let view = View::fit(&uk, 420.0, 640.0, 8.0);
    for id in ["R-GB.ENG", "R-GB.SCT", "R-GB.WLS", "R-GB.NIR"] {
        for &[lon, lat] in shape(id).rings().flatten() {
            let (x, y) = view.to_screen(f64::from(lon), f64::from(lat));
            assert!(
                (0.0..=420.0).contains(&x) && (0.0..=640.0).contains(&y),
                "{id} {lon},{lat} at {x},{y}"
            );
            let (lon2, lat2) = view.to_lon_lat(x, y);
            assert!((lon2 - f64::from(lon)).abs() < 1e-9 && (lat2 - f64::from(lat)).abs() < 1e-9);
        }
    }
}

#[test]
fn focus_on_the_uk_draws_only_what_is_near() {
    let view = View::fit(shape("GB").bbox(), 420.0, 640.0, 8.0);
    let drawn: Vec<&str> = map()
        .shapes()
        .iter()
        .filter(|s| !path_d(s, &view).is_empty())
        .map(Shape::id)
        .collect();
    for id in ["GB", "IE", "FR", "R-GB.ENG", "R-GB.SCT", "R-GB.WLS", "R-GB.NIR"] {
        assert!(drawn.contains(&id), "{id} not drawn: {drawn:?}");
    }
    assert!(!drawn.contains(&"CN") && !drawn.contains(&"US"), "{drawn:?}");
}

/// Bytes of path data, points written and points in the shapes drawn, over all shapes.
fn drawn(view: &View, ids: impl Fn(&str) -> bool) -> (usize, usize, usize) {
    let (mut bytes, mut written, mut points) = (0, 0, 0);
    for s in map().shapes().iter().filter(|s| ids(s.id())) {
        let d = path_d(s, view);
        if !d.is_empty() {
            bytes += d.len();
            written += d.matches(['M', 'l']).count();
            points += s.point_count();
        }
    }
    (bytes, written, points)
}

#[test]
fn paths_stay_small() {
    // The world on a desktop screen: China's provinces are then ~200 px wide and most of their
    // points fall within half a pixel of the last one drawn.
    let world = View::new(60.0, 30.0, (1280.0f64 / 256.0).log2(), 1280.0, 720.0);
    let (bytes, written, points) = drawn(&world, |_| true);
    assert!(
        written * 10 < points * 8,
        "{written} of {points} points written at world scale"
    );
    assert!(bytes < 150_000, "{bytes} bytes of path data for the world view");
    let (bytes, written, points) = drawn(&world, |id| id.starts_with("R-CN."));
    assert!(
        written * 10 < points * 7,
        "{written} of {points} points of China's provinces written at world scale"
    );
    assert!(bytes < 55_000, "{bytes} bytes");

    // China's provinces filling the screen: simplified for this scale, so nearly all are drawn.
    let china = View::fit(shape("CN").bbox(), 1280.0, 720.0, 10.0);
    let (bytes, ..) = drawn(&china, |id| id.starts_with("R-CN."));
    assert!(bytes < 100_000, "{bytes} bytes of path data for China's provinces");
}

#[test]
fn point_budget() {
    // About 40 KB compressed (data/README.md); a regeneration that blows it should be a choice.
    let points = map().point_count();
    assert!((15_000..25_000).contains(&points), "{points} points");
    assert!(BYTES.len() < 64 * 1024, "{} bytes", BYTES.len());
}
