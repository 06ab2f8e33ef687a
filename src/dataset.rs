//! Opening the atlas on a dataset instead of the bundled corpus (`?dataset=events.json`): a
//! JSON file in the extraction schema (documents may carry their `text`), served from the same
//! site. A file that cannot be fetched or read is a clear error naming it; records that do not
//! fit are reported, and the rest opens.

use crate::extraction::{DocumentView, Extraction};
use std::collections::HashMap;

/// What is wrong with an extraction's records, one line each (at most `limit`, then a count).
pub fn problems(extraction: &Extraction, limit: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut by_file: HashMap<&str, &DocumentView> = HashMap::with_capacity(extraction.documents.len());
    for document in extraction.documents.iter().rev() {
        by_file.insert(&document.file, document);
    }
    for event in &extraction.events {
        let Some(document) = by_file.get(event.file.as_str()) else {
            found.push(format!(
                "event {:?}: its file {:?} is not among the documents",
                event.id, event.file
            ));
            continue;
        };
        if let Some(text) = &document.text {
            for evidence in &event.evidence {
                let fits = evidence.start <= evidence.end
                    && text
                        .get(evidence.start..evidence.end)
                        .is_some_and(|part| part == evidence.text);
                if !fits {
                    found.push(format!(
                        "event {:?}: evidence {}..{} does not match its article's text (it is shown without highlighting)",
                        event.id, evidence.start, evidence.end
                    ));
                }
            }
        }
    }
    let mut ids: Vec<&str> = extraction.events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    for pair in ids.windows(2).filter(|pair| pair[0] == pair[1]) {
        found.push(format!(
            "event id {:?} is used twice: links to it open the first",
            pair[0]
        ));
    }
    if found.len() > limit {
        let more = found.len() - limit;
        found.truncate(limit);
        found.push(format!("… and {more} more"));
    }
    found
}

/// Fetches and reads the dataset at `url` (relative to the page).
///
/// # Errors
/// A message naming the file: it could not be fetched (another site, the network, a status
/// other than 200), or it is not an extraction (the reader's message says where).
#[cfg(target_arch = "wasm32")]
pub async fn fetch(url: &str) -> Result<Extraction, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let not_fetched = |why: String| format!("the dataset {url:?} could not be fetched: {why}");
    let window = leptos::prelude::window();
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|error| {
        let message = js_sys::Error::from(error).message();
        not_fetched(format!(
            "{} (a dataset must be served from this site, beside the app)",
            String::from(message)
        ))
    })?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(not_fetched(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    // The browser parses the body as it decodes it: no 20 MB string is made first.
    let json = response.json().map_err(|_| not_fetched("no body".into()))?;
    let value = JsFuture::from(json).await.map_err(|error| {
        format!(
            "the dataset {url:?} is not an extraction: not JSON: {}",
            String::from(js_sys::Error::from(error).message())
        )
    })?;
    crate::json::from_value(value).map_err(|error| format!("the dataset {url:?} is not an extraction: {error}"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn records_that_do_not_fit_are_named() {
        let json = r#"{
          "documents": [{"file": "a.txt", "lang": "en", "text": "Hello world."}],
          "events": [
            {"id": "a#1", "file": "a.txt", "kind": "visit", "salience": "main",
             "evidence": [{"start": 0, "end": 5, "text": "Hello"}]},
            {"id": "a#1", "file": "a.txt", "kind": "visit", "salience": "main",
             "evidence": [{"start": 6, "end": 99, "text": "world"}]},
            {"id": "b#1", "file": "b.txt", "kind": "forum", "salience": "main"}
          ]
        }"#;
        let extraction = Extraction::from_json(json).unwrap();
        let found = problems(&extraction, 10);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0].contains("evidence 6..99"));
        assert!(found[1].contains(r#"file "b.txt""#));
        assert!(found[2].contains("used twice"));
        assert_eq!(problems(&extraction, 1).last().unwrap(), "… and 2 more");
    }

    #[test]
    fn a_synthetic_dataset_of_atlas_synth_opens_with_nothing_to_report() {
        // `atlas synth --events 60 --seed 1`; the CLI's tests keep it equal to the generator's
        // output, so the datasets the scale benchmark opens are read as this one is.
        let extraction = Extraction::from_json(include_str!("../tests/fixtures/synth/synth-60.json")).unwrap();
        assert_eq!(extraction.events.len(), 60);
        assert!(extraction.documents.iter().all(|d| d.text.is_some()));
        assert_eq!(problems(&extraction, 10), Vec::<String>::new());
    }
}
