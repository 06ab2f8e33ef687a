//! The extraction JSON (`{"documents": […], "events": […]}`, schema in
//! `crates/extract/README.md`), indented as `atlas extract` prints it: the events given and
//! the documents they come from, in the documents' order. The app reads it back
//! ([`crate::extraction::Extraction::from_json`]) and opens it as a dataset.
//!
//! It holds every field the app keeps; the engine's other fields (`date_source`, `gazetteer_id`, figure offsets) are not kept by the app and are left out
//! rather than guessed. `date_precision` is written from the date. A document's `text` is
//! written when the app has it, so that evidence offsets can be checked against it.

use super::{actor_type_tag, level_tag, precision_tag, role_tag, salience_tag, JsonWriter};
use crate::extraction::{DocumentView, EventView};
use crate::state::{kind_tag, sector_tag, side_tag};

/// The events and their documents in the extraction schema.
///
/// # Example
/// ```
/// use cooperation_atlas::export::json;
/// assert_eq!(json::extraction(&[], &[]), "{\n  \"documents\": [],\n  \"events\": []\n}");
/// ```
pub fn extraction(events: &[&EventView], documents: &[DocumentView]) -> String {
    let mut json = JsonWriter::new(true);
    json.begin_object();
    json.key("documents").begin_array();
    for document in documents
        .iter()
        .filter(|document| events.iter().any(|event| event.file == document.file))
    {
        write_document(&mut json, document);
    }
    json.end_array();
    json.key("events").begin_array();
    for event in events {
        write_event(&mut json, event);
    }
    json.end_array();
    json.end_object();
    json.finish()
}

pub(crate) fn write_document(json: &mut JsonWriter, document: &DocumentView) {
    json.begin_object();
    json.key("file").string(&document.file);
    json.key("title").optional_string(document.title.as_deref());
    json.key("lang").string(document.lang.tag());
    let published = document.published.map(|date| date.to_string());
    json.key("published").optional_string(published.as_deref());
    json.key("source").optional_string(document.source.as_deref());
    json.key("url").optional_string(document.url.as_deref());
    json.key("body_start").integer(document.body_start);
    if let Some(text) = &document.text {
        json.key("text").string(text);
    }
    json.end_object();
}

fn write_event(json: &mut JsonWriter, event: &EventView) {
    json.begin_object();
    json.key("id").string(&event.id);
    json.key("file").string(&event.file);
    json.key("kind").string(kind_tag(event.kind));
    json.key("salience").string(salience_tag(event));
    let date = event.date.map(|date| date.to_string());
    json.key("date").optional_string(date.as_deref());
    json.key("date_precision")
        .optional_string(event.date.map(|date| precision_tag(date.precision())));
    json.key("planned").bool(event.planned);
    json.objects("places", &event.places, |json, place| {
        json.key("name").string(&place.name);
        json.key("canonical").string(&place.canonical);
        json.key("lat").number(place.lat);
        json.key("lon").number(place.lon);
        json.key("country").string(&place.country);
        json.key("level").string(level_tag(place.level));
        json.key("role").string(role_tag(place.role));
        json.key("inferred").bool(place.inferred);
    });
    json.objects("actors", &event.actors, |json, actor| {
        json.key("name").string(&actor.name);
        json.key("type").string(actor_type_tag(actor.actor_type));
        json.key("country").optional_string(actor.country.map(side_tag));
        if let Some(role) = &actor.role {
            json.key("role").string(role);
        }
    });
    json.key("sectors").begin_array();
    for sector in &event.sectors {
        json.string(sector_tag(*sector));
    }
    json.end_array();
    json.objects("figures", &event.figures, |json, figure| {
        json.key("text").string(&figure.text);
        json.key("value").number(figure.value);
        json.key("currency").string(&figure.currency);
        json.key("value_usd").optional_number(figure.value_usd);
    });
    json.objects("evidence", &event.evidence, |json, evidence| {
        json.key("start").integer(evidence.start);
        json.key("end").integer(evidence.end);
        json.key("text").string(&evidence.text);
    });
    json.end_object();
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::fixtures;
    use crate::extraction::Extraction;

    #[test]
    fn the_app_reads_back_what_it_wrote() {
        let data = fixtures::extraction();
        let all: Vec<_> = data.events.iter().collect();
        let text = extraction(&all, &data.documents);
        assert_eq!(Extraction::from_json(&text).unwrap(), data);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(text.starts_with("{\n  \"documents\": [\n    {\n      \"file\": \"corpus/a.txt\",\n"));
        assert_eq!(value["events"][1]["date_precision"], "month");
        assert_eq!(value["events"][2]["date_precision"], serde_json::Value::Null);
        assert_eq!(value["events"][0]["places"][1]["lon"], -0.12);
        assert_eq!(value["events"][0]["actors"][0]["role"], "Ambassador");
        assert!(value["events"][0]["actors"][1].get("role").is_none());
        assert!(value["documents"][1].get("text").is_none());
    }

    #[test]
    fn only_the_documents_of_the_events_given_are_written() {
        let data = fixtures::extraction();
        let text = extraction(&[&data.events[2]], &data.documents);
        let read = Extraction::from_json(&text).unwrap();
        assert_eq!(read.documents, [data.documents[1].clone()]);
        assert_eq!(read.events, [data.events[2].clone()]);
    }

    #[test]
    fn the_schema_matches_what_atlas_extract_prints_for_the_fields_the_app_keeps() {
        let corpus = crate::corpus::bundled_corpus();
        let all: Vec<_> = corpus.extraction.events.iter().collect();
        let text = extraction(&all, corpus.documents());
        let ours: serde_json::Value = serde_json::from_str(&text).unwrap();
        let engine: serde_json::Value = serde_json::from_str(crate::corpus::BUNDLED_EXTRACTION_JSON).unwrap();
        let (ours, engine) = (ours["events"].as_array().unwrap(), engine["events"].as_array().unwrap());
        assert_eq!(ours.len(), engine.len());
        for (ours, engine) in ours.iter().zip(engine) {
            for (key, value) in ours.as_object().unwrap() {
                let expected = &engine[key];
                if key == "places" || key == "figures" {
                    for (ours, engine) in value.as_array().unwrap().iter().zip(expected.as_array().unwrap()) {
                        for (key, value) in ours.as_object().unwrap() {
                            assert_eq!(value, &engine[key], "{key}");
                        }
                    }
                } else {
                    assert_eq!(value, expected, "{key}");
                }
            }
        }
        // The (markup-free) texts come back as they were.
        assert_eq!(Extraction::from_json(&text).unwrap(), corpus.extraction);
    }

    #[test]
    fn markup_in_texts_stays_an_escaped_string() {
        let data = fixtures::extraction();
        let text = extraction(&[&data.events[1]], &data.documents);
        assert!(!text.contains("<script>"));
        let read = Extraction::from_json(&text).unwrap();
        assert!(read.events[0].evidence[0].text.contains("<script>alert(1)</script>"));
    }
}
