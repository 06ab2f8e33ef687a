//! GeoJSON (RFC 7946): a FeatureCollection with one Feature per event that has a place — a
//! Point for one place, a MultiPoint for several, positions `[lon, lat]` — and the event's
//! flat fields ([`super::FLAT_FIELDS`]) as properties: strings, numbers, booleans and `null`,
//! lists joined with `; `, which QGIS and kepler.gl read as columns.
//!
//! Events without a place are left out rather than written with `"geometry": null` (which
//! RFC 7946 allows but kepler.gl and some QGIS layers do not take); [`Exported::left_out`]
//! counts them so the page can say so. Places with coordinates that are not finite numbers
//! are skipped the same way.

use super::{flat_fields, Documents, Exported, JsonWriter, FLAT_FIELDS};
use crate::extraction::{DocumentView, EventView};

/// The events with places as a GeoJSON FeatureCollection (compact), and how many were left out
/// for having none.
///
/// # Example
/// ```
/// use cooperation_atlas::export::geojson;
/// let exported = geojson::events(&[], &[]);
/// assert_eq!(exported.text, r#"{"type":"FeatureCollection","features":[]}"#);
/// assert_eq!(exported.left_out, 0);
/// ```
pub fn events(events: &[&EventView], documents: &[DocumentView]) -> Exported {
    let documents = Documents::new(documents);
    let mut json = JsonWriter::new(false);
    let mut left_out = 0;
    json.begin_object();
    json.key("type").string("FeatureCollection");
    json.key("features").begin_array();
    for event in events {
        let positions = positions(event);
        if positions.is_empty() {
            left_out += 1;
            continue;
        }
        json.begin_object();
        json.key("type").string("Feature");
        json.key("id").string(&event.id);
        json.key("geometry").begin_object();
        if let [(lon, lat)] = positions[..] {
            json.key("type").string("Point");
            json.key("coordinates")
                .begin_array()
                .number(lon)
                .number(lat)
                .end_array();
        } else {
            json.key("type").string("MultiPoint");
            json.key("coordinates").begin_array();
            for (lon, lat) in positions {
                json.begin_array().number(lon).number(lat).end_array();
            }
            json.end_array();
        }
        json.end_object();
        json.key("properties").begin_object();
        for (name, field) in FLAT_FIELDS.iter().zip(&flat_fields(event, documents.of(event))) {
            json.key(name).field(field);
        }
        json.end_object();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    Exported {
        text: json.finish(),
        left_out,
    }
}

/// `[lon, lat]` of each place, each place once (by canonical name), finite ones only.
fn positions(event: &EventView) -> Vec<(f64, f64)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut positions = Vec::new();
    for place in &event.places {
        let valid = place.lon.is_finite()
            && place.lat.is_finite()
            && (-180.0..=180.0).contains(&place.lon)
            && (-90.0..=90.0).contains(&place.lat);
        if valid && !seen.contains(&place.canonical.as_str()) {
            seen.push(&place.canonical);
            positions.push((place.lon, place.lat));
        }
    }
    positions
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::fixtures;
    use serde_json::{json, Value};

    fn exported() -> (Value, usize) {
        let extraction = fixtures::extraction();
        let all: Vec<_> = extraction.events.iter().collect();
        let exported = events(&all, &extraction.documents);
        (serde_json::from_str(&exported.text).unwrap(), exported.left_out)
    }

    #[test]
    fn a_feature_per_event_with_places_in_lon_lat_order() {
        let (collection, left_out) = exported();
        assert_eq!(collection["type"], "FeatureCollection");
        let features = collection["features"].as_array().unwrap();
        assert_eq!(
            (features.len(), left_out),
            (2, 1),
            "the event with no place is left out"
        );
        assert_eq!(features[0]["type"], "Feature");
        assert_eq!(
            features[0]["geometry"],
            json!({"type": "MultiPoint", "coordinates": [[117.28, 31.86], [-0.12, 51.5]]})
        );
        assert_eq!(
            features[1]["geometry"],
            json!({"type": "Point", "coordinates": [-2.24, 53.48]})
        );
        let properties = features[1]["properties"].as_object().unwrap();
        assert_eq!(properties.len(), FLAT_FIELDS.len());
        assert!(properties.values().all(|v| !v.is_array() && !v.is_object()), "flat");
        assert_eq!(properties["id"], "b.md#1");
        assert_eq!(properties["planned"], true);
        assert_eq!(properties["value_usd"], 1.275e9);
        assert_eq!(properties["date_end"], "2024-02-29");
        assert_eq!(properties["url"], Value::Null);
        assert_eq!(properties["title"], "Ein \"Titel\", mit Komma");
    }

    #[test]
    fn markup_in_texts_stays_an_escaped_string() {
        let extraction = fixtures::extraction();
        let exported = events(&[&extraction.events[1]], &extraction.documents);
        assert!(!exported.text.contains("<script>"), "`<` is escaped");
        let collection: Value = serde_json::from_str(&exported.text).unwrap();
        assert_eq!(
            collection["features"][0]["properties"]["evidence"],
            extraction.events[1].evidence[0].text.as_str()
        );
    }

    #[test]
    fn numbers_json_cannot_hold_are_never_written() {
        let mut extraction = fixtures::extraction();
        extraction.events[0].places[0].lat = f64::NAN;
        extraction.events[1].places[0].lon = f64::INFINITY;
        extraction.events[1].figures[0].value_usd = Some(f64::INFINITY);
        let all: Vec<_> = extraction.events.iter().collect();
        let exported = events(&all, &extraction.documents);
        let collection: Value = serde_json::from_str(&exported.text).unwrap();
        assert_eq!(exported.left_out, 2);
        let feature = &collection["features"][0];
        assert_eq!(
            feature["geometry"],
            json!({"type": "Point", "coordinates": [-0.12, 51.5]})
        );
        assert_eq!(
            feature["properties"]["lat"],
            Value::Null,
            "the first place's NaN is null"
        );
    }
}
