//! Opening the atlas on a dataset instead of the bundled corpus (`?dataset=events.json`): a
//! JSON file in the extraction schema (documents may carry their `text`), served from the same
//! site. A file that cannot be fetched or read is a clear error naming it; records that do not
//! fit are reported, and the rest opens.

pub mod records;

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

/// Reads a dataset's bytes: what is wrong, when it cannot, begins with "not JSON" or "not an
/// extraction" and says where (line and column). The browser reads a dataset as it arrives
/// (`fetch`) with the same `Records`.
///
/// serde_json over the bytes, not the browser's `JSON.parse` and serde over the JS values that
/// the bundled corpus uses: the dataset's strings then never cross from JavaScript one by one,
/// which made a 10 MB dataset take 0.5 s to read. serde_json is a chunk fetched with the dataset
/// (see `read_body`), so the first view does not carry it.
///
/// # Errors
/// As above.
///
/// # Example
/// ```
/// let error = cooperation_atlas::dataset::read(b"{\"documents\": [").unwrap_err();
/// assert!(error.starts_with("not JSON"), "{error}");
/// ```
pub fn read(bytes: &[u8]) -> Result<Extraction, String> {
    let mut records = records::Records::default();
    records.push(bytes)?;
    records.finish()
}

/// How much of a dataset has been read, and its size when the server said (`Content-Length`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub read: u64,
    pub total: Option<u64>,
}

/// Bytes read between two reports of `Progress`: a piece of a download is often 64 KB, and a
/// report per piece would redraw the message hundreds of times for nobody to read.
pub const PROGRESS_STEP: u64 = 1 << 20;

/// Fetches and reads the dataset at `url` (relative to the page), reporting in `progress`
/// as its bytes are read.
///
/// # Errors
/// A message naming the file: it could not be fetched (another site, the network, a status
/// other than 200), or it is not an extraction (the reader's message says where).
#[cfg(target_arch = "wasm32")]
pub async fn fetch(url: &str, progress: leptos::prelude::WriteSignal<Progress>) -> Result<Extraction, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let not_fetched = |why: String| format!("the dataset {url:?} could not be fetched: {why}");
    let window = leptos::prelude::window();
    // The chunk that reads it loads while the dataset downloads.
    leptos::task::spawn_local(__preload_read_body());
    let request = early_request(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let response = JsFuture::from(request).await.map_err(|error| {
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
    let body = response.body().ok_or_else(|| not_fetched("no body".into()))?;
    // The encoded size: with a compressed response it is not what is read, so none is shown.
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.parse().ok())
        .filter(|_| response.headers().get("content-encoding").ok().flatten().is_none());
    leptos::prelude::Set::set(&progress, Progress { read: 0, total });
    read_body(url.to_string(), body, progress).await
}

/// The request for `url` that the site's start script made before the wasm loaded (see
/// `.ci/finish-site.mjs`), taken once.
#[cfg(target_arch = "wasm32")]
fn early_request(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    let key = wasm_bindgen::JsValue::from_str("__atlasDataset");
    let early = Reflect::get(window, &key).ok().filter(|early| early.is_object())?;
    let _ = Reflect::delete_property(window, &key);
    let asked = Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if asked != url {
        return None;
    }
    Reflect::get(&early, &"response".into()).ok()?.dyn_into().ok()
}

/// `read_stream`, in the site's build (feature `split`) a chunk of its own, which
/// `.ci/split-wasm.mjs` cuts from the module; elsewhere (tests) a plain call.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(feature = "split", leptos::prelude::lazy)]
async fn read_body(
    url: String,
    body: web_sys::ReadableStream,
    progress: leptos::prelude::WriteSignal<Progress>,
) -> Result<Extraction, String> {
    read_stream(&url, body, progress).await
}

/// What `#[lazy]` generates to fetch `read_body`'s chunk ahead of the call: nothing to fetch
/// without the split.
#[cfg(all(target_arch = "wasm32", not(feature = "split")))]
async fn __preload_read_body() {}

/// Reads the dataset at `url` from its `body` as the pieces arrive.
#[cfg(target_arch = "wasm32")]
async fn read_stream(
    url: &str,
    body: web_sys::ReadableStream,
    progress: leptos::prelude::WriteSignal<Progress>,
) -> Result<Extraction, String> {
    use js_sys::Reflect;
    use leptos::prelude::Update;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut records = records::Records::default();
    let (mut read, mut reported) = (0u64, 0u64);
    loop {
        let next = JsFuture::from(reader.read()).await.map_err(|error| {
            let message = js_sys::Error::from(error).message();
            format!("the dataset {url:?} could not be fetched: {}", String::from(message))
        })?;
        if Reflect::get(&next, &"done".into()).ok().and_then(|done| done.as_bool()) != Some(false) {
            break;
        }
        let bytes: js_sys::Uint8Array = Reflect::get(&next, &"value".into())
            .map_err(|_| format!("the dataset {url:?} could not be fetched: a piece without bytes"))?
            .unchecked_into();
        let len = bytes.length() as usize;
        records
            .push_with(len, |room| bytes.copy_to(room))
            .map_err(|error| format!("the dataset {url:?} is {error}"))?;
        read += len as u64;
        if read - reported >= PROGRESS_STEP {
            reported = read;
            progress.update(|p| p.read = read);
        }
    }
    records
        .finish()
        .map_err(|error| format!("the dataset {url:?} is {error}"))
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
        let extraction = Extraction::from_json(include_str!("../../tests/fixtures/synth/synth-60.json")).unwrap();
        assert_eq!(extraction.events.len(), 60);
        assert!(extraction.documents.iter().all(|d| d.text.is_some()));
        assert_eq!(problems(&extraction, 10), Vec::<String>::new());
    }

    #[test]
    fn a_dataset_that_cannot_be_read_says_what_and_where() {
        let error = read(b"{\"documents\": [}").unwrap_err();
        assert!(error.starts_with("not JSON: "), "{error}");
        assert!(error.contains("line 1 column 16"), "{error}");
        let error = read("{\n  \"documents\": [],\n  \"events\": [{\"id\": 3}]\n}".as_bytes()).unwrap_err();
        assert!(error.starts_with("not an extraction: "), "{error}");
        assert!(error.contains("line 3"), "{error}");
        let extraction = read(include_bytes!("../../tests/fixtures/synth/synth-60.json")).unwrap();
        assert_eq!(extraction.events.len(), 60);
    }
}
