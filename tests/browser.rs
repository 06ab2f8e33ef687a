//! The app rendered by a real browser (headless Chromium via chromedriver).
//! Run with `cargo test --target wasm32-unknown-unknown`; a host `cargo test` compiles none of it.
#![cfg(target_arch = "wasm32")]

use cooperation_atlas::extraction::{kind_label, Salience};
use cooperation_atlas::{corpus::bundled_corpus, format, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element of the test page and returns that element.
fn mount_app() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

#[wasm_bindgen_test]
fn lists_every_bundled_article_with_its_title() {
    let host = mount_app();
    let corpus = bundled_corpus();
    let items = host.query_selector_all("li.document").unwrap();
    assert_eq!(items.length() as usize, corpus.documents().len());
    assert_eq!(corpus.documents().len(), 5);

    let text = host.text_content().unwrap();
    assert!(
        text.contains("Sino-UK cooperation on innovation leads to a bright future"),
        "{text}"
    );
    assert!(text.contains("5 articles"));
    assert!(
        host.query_selector(".load-errors").unwrap().is_none(),
        "no load errors for the bundled corpus"
    );
}

#[wasm_bindgen_test]
fn dates_carry_machine_readable_values_at_their_precision() {
    let host = mount_app();
    let times = host.query_selector_all("li.document .document-meta time").unwrap();
    let datetimes: Vec<String> = (0..times.length())
        .map(|i| {
            times
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("datetime")
                .unwrap()
        })
        .collect();
    // 004 says only "2025-05" in its header but its dateline gives the day.
    assert!(datetimes.contains(&"2025-09-30".to_string()), "{datetimes:?}");
    assert!(datetimes.contains(&"2025-05-15".to_string()), "{datetimes:?}");
    // 003 has no date anywhere: four dated articles, one "No date".
    assert_eq!(datetimes.len(), 4, "{datetimes:?}");
    assert_eq!(host.query_selector_all(".document-meta .no-date").unwrap().length(), 1);
}

/// The elements matching `selector` inside `element`, in document order.
fn all(element: &Element, selector: &str) -> Vec<Element> {
    let list = element.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(element: &Element, selector: &str) -> Option<String> {
    element
        .query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap())
}

#[wasm_bindgen_test]
fn each_article_shows_the_events_extracted_from_it() {
    let host = mount_app();
    let corpus = bundled_corpus();
    let rows = all(&host, "li.document");
    assert_eq!(rows.len(), corpus.documents().len());
    let mut shown = 0;
    for (row, document) in rows.iter().zip(corpus.documents()) {
        let events = corpus.events_of(document);
        let items = all(row, "li.event");
        assert_eq!(items.len(), events.len(), "{}", document.file);
        assert_eq!(row.query_selector(".no-events").unwrap().is_some(), events.is_empty());
        for (item, event) in items.iter().zip(&events) {
            assert_eq!(
                text(item, ".event-kind").as_deref(),
                Some(kind_label(event.kind)),
                "{}",
                event.id
            );
            // The date at its precision, or "No date": never both, never a guess.
            let times = all(item, "time");
            match event.date {
                Some(date) => {
                    assert_eq!(times.len(), 1, "{}", event.id);
                    assert_eq!(times[0].get_attribute("datetime"), Some(date.to_string()));
                    assert_eq!(times[0].text_content(), Some(format::date(date)));
                    assert!(item.query_selector(".no-date").unwrap().is_none());
                }
                None => {
                    assert!(times.is_empty(), "{}", event.id);
                    assert_eq!(text(item, ".no-date").as_deref(), Some("No date"), "{}", event.id);
                }
            }
            let main = event.salience == Salience::Main;
            assert_eq!(item.class_list().contains("event-main"), main, "{}", event.id);
            assert_eq!(text(item, ".event-main-mark").is_some(), main, "{}", event.id);
            let places = event.place_names();
            assert_eq!(text(item, ".event-places").unwrap_or_default(), places.join(", "));
            let actors = text(item, ".event-actors").unwrap();
            let expected = match event.actors.len() {
                0 => "No actor named".to_string(),
                1 => "1 actor".to_string(),
                n => format!("{n} actors"),
            };
            assert_eq!(actors, expected, "{}", event.id);
            shown += 1;
        }
    }
    assert!(shown > 0, "the bundled corpus states events");
    let text = host.text_content().unwrap();
    for bad in ["undefined", "null", "NaN"] {
        assert!(!text.contains(bad), "{bad:?} on the page: {text}");
    }
}

/// The extraction reader on its browser path (`JSON.parse`, then serde over the JS values).
#[wasm_bindgen_test]
fn extraction_json_is_read_with_the_browsers_own_parser() {
    use atlas_extract::{Language, PartialDate};
    use cooperation_atlas::extraction::{EventKind, Extraction};
    let json = r#"{
      "documents": [{"file": "corpus/a.txt", "title": null, "lang": "zh-Hant", "published": "2025-05",
                     "source": "Xinhua", "url": null, "body_start": 0}],
      "events": [{"id": "a.txt#1", "file": "corpus/a.txt", "kind": "joint_venture", "salience": "main",
                  "date": "2025-05-15", "date_precision": "day", "date_source": {"stated": "absolute"},
                  "planned": true, "places": [{"name": "伦敦", "canonical": "London", "lat": 51.5, "lon": -0.12,
                  "country": "GB", "level": "city", "role": "venue", "inferred": false, "gazetteer_id": "1"}],
                  "actors": [{"name": "X", "type": "org", "country": "CN"}], "sectors": ["ai"],
                  "figures": [], "evidence": [{"start": 0, "end": 2, "text": "ab"}]},
                 {"id": "a.txt#2", "file": "corpus/a.txt", "kind": "a_kind_from_the_future",
                  "salience": "secondary", "date": null}]
    }"#;
    let extraction = Extraction::from_json(json).unwrap();
    let document = &extraction.documents[0];
    assert_eq!(document.title, None);
    assert_eq!(document.lang, Language::ChineseTraditional);
    assert_eq!(document.published, PartialDate::parse_iso("2025-05"));
    let events = extraction.events_of(document);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].kind, EventKind::JointVenture);
    assert_eq!(events[0].date, PartialDate::parse_iso("2025-05-15"));
    assert!(events[0].planned);
    assert_eq!(events[0].place_names(), ["London"]);
    assert_eq!(events[0].actors.len(), 1);
    assert_eq!(events[1].kind, EventKind::Other);
    assert_eq!(events[1].date, None);
    assert!(events[1].places.is_empty() && !events[1].planned);

    let bad_date = r#"{"documents": [{"file": "a", "lang": "en", "published": "30.09.2025"}], "events": []}"#;
    let error = Extraction::from_json(bad_date).unwrap_err();
    assert!(error.contains("invalid date \"30.09.2025\""), "{error}");
    let error = Extraction::from_json("{\"documents\": [").unwrap_err();
    assert!(error.starts_with("not JSON: "), "{error}");
    assert!(Extraction::from_json(r#"{"documents": []}"#)
        .unwrap_err()
        .contains("events"));
}

/// A corpus file build.rs could not read is named on the page with its reason.
#[wasm_bindgen_test]
fn unreadable_files_are_listed_with_their_reason() {
    use cooperation_atlas::components::LoadErrors;
    use leptos::prelude::*;
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let errors: &'static [String] = Vec::leak(vec![
        "corpus/scan.txt: looks like a binary file, not article text".to_string()
    ]);
    leptos::mount::mount_to(host.clone(), move || view! { <LoadErrors errors /> }).forget();
    let alert = host.query_selector("[role=alert]").unwrap().expect("an alert");
    assert_eq!(all(&alert, "li").len(), 1);
    assert!(alert
        .text_content()
        .unwrap()
        .contains("corpus/scan.txt: looks like a binary file"));
}
