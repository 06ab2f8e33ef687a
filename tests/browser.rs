//! The app rendered by a real browser (headless Chromium via chromedriver).
//! Run with `cargo test --target wasm32-unknown-unknown`; a host `cargo test` compiles none of it.
#![cfg(target_arch = "wasm32")]

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

/// The elements matching `selector` inside `element`, in document order.
fn all(element: &Element, selector: &str) -> Vec<Element> {
    let list = element.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
fn lists_every_event_with_its_date_at_its_precision_or_no_date() {
    let host = mount_app();
    let corpus = bundled_corpus();
    let rows = all(&host, ".event-row");
    assert_eq!(rows.len(), corpus.extraction.events.len());
    for row in &rows {
        let id = row.get_attribute("data-event-id").unwrap();
        let event = corpus.extraction.events.iter().find(|e| e.id == id).unwrap();
        let times = all(row, "time");
        match event.date {
            Some(date) => {
                assert_eq!(times.len(), 1, "{id}");
                assert_eq!(times[0].get_attribute("datetime"), Some(date.to_string()));
                assert_eq!(times[0].text_content(), Some(format::date(date)));
            }
            None => {
                assert!(times.is_empty(), "{id}");
                assert!(row.query_selector(".no-date").unwrap().is_some(), "{id}");
            }
        }
    }
    let text = host.text_content().unwrap();
    for bad in ["undefined", "NaN"] {
        assert!(!text.contains(bad), "{bad:?} on the page: {text}");
    }
}

/// An article's text is text: markup in it is shown, never parsed or run.
#[wasm_bindgen_test]
fn markup_in_an_article_is_shown_as_text_and_runs_nothing() {
    use cooperation_atlas::atlas::Atlas;
    use cooperation_atlas::extraction::Extraction;
    use cooperation_atlas::state::ViewState;
    use cooperation_atlas::Explorer;
    let text = "A delegation visited London <img src=x onerror=\"window.__atlas_xss=1\"> and <script>window.__atlas_xss=2</script> signed.";
    let json = extraction_json_of(text);
    let extraction = Extraction::from_json(&json).unwrap();
    let atlas: &'static Atlas = Box::leak(Box::new(Atlas::new(extraction)));
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let view = ViewState::from_query("event=x.txt%231").0;
    leptos::mount::mount_to(host.clone(), move || {
        use leptos::prelude::*;
        view! { <Explorer atlas load_errors=&[] view problems=Vec::new() own_url=false /> }
    })
    .forget();
    let reader = host
        .query_selector(".reader-text")
        .unwrap()
        .expect("the reader shows the article");
    assert_eq!(reader.text_content().unwrap(), text);
    assert!(all(&host, "img").is_empty() && all(&host, "script").is_empty());
    let flag = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__atlas_xss".into()).unwrap();
    assert!(flag.is_undefined(), "the article's markup ran");
    let selected = host.query_selector("mark.evidence-selected").unwrap().unwrap();
    assert!(selected.text_content().unwrap().contains("<script>"));
}

/// An extraction with one article, `text`, and one event whose evidence is all of it.
fn extraction_json_of(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"{{"documents": [{{"file": "x.txt", "lang": "en", "text": "{escaped}"}}],
            "events": [{{"id": "x.txt#1", "file": "x.txt", "kind": "visit", "salience": "main",
                         "evidence": [{{"start": 0, "end": {len}, "text": "{escaped}"}}]}}]}}"#,
        len = text.len()
    )
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
