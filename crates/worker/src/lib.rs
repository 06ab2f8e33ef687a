//! What the atlas's Web Worker does, as plain functions: read an article someone added and run
//! the engine on it, or look up places by name for a correction. `main.rs` only carries
//! messages between the page and these, so everything here is tested natively.

use atlas_extract::gazetteer::{Gazetteer, PlaceLevel};
use atlas_extract::output::Extraction;
use atlas_extract::Document;

/// Reads an article's bytes (its file name tells the format: `.txt`, `.md`, `.html`; HTML and
/// Markdown are reduced to text first) and extracts its events.
///
/// Returns the JSON of `atlas extract` for this one article, with the article's text in
/// `documents[0].text` (evidence offsets point into it), so the page can show, keep and
/// export it without the worker.
///
/// # Errors
/// The engine's message, naming `file_name`, when the file is not an article the atlas can
/// read: over 5 MB, binary, not UTF-8, empty, or of a format it does not know.
///
/// # Example
/// ```
/// let json = atlas_worker::extract_article("visit.txt", b"date 2025-05-16\n\nLONDON, May 15 -- A Chinese delegation from Hunan visited London on Thursday.".to_vec()).unwrap();
/// assert!(json.contains(r#""file":"visit.txt""#));
/// assert!(atlas_worker::extract_article("empty.txt", Vec::new()).unwrap_err().starts_with("empty.txt"));
/// ```
pub fn extract_article(file_name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let document = atlas_extract::article_from_file(file_name, bytes).map_err(|error| error.to_string())?;
    Ok(extraction_json(document))
}

/// As [`extract_article`], reading the bytes as a corpus text file whatever `file_name` says:
/// an article coming back from a bundle is already text, under its original name (`deal.html`).
///
/// # Errors
/// As [`extract_article`], but for the format.
pub fn extract_text(file_name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let document = Document::from_bytes(file_name, bytes).map_err(|error| error.to_string())?;
    Ok(extraction_json(document))
}

fn extraction_json(document: Document) -> String {
    let documents = [document];
    let mut output = serde_json::to_value(Extraction::of(&documents)).expect("an extraction is JSON");
    if let Some(first) = output["documents"].get_mut(0) {
        first["text"] = serde_json::Value::String(documents[0].text.clone());
    }
    output.to_string()
}

/// A place someone may pick to correct an event's place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceChoice<'g> {
    pub name: &'g str,
    pub country: &'g str,
    pub level: PlaceLevel,
    pub lat: f64,
    pub lon: f64,
}

/// Places whose English name starts with `query` (any case), the most populous first, then
/// countries and regions before cities of the same size; at most `limit`.
///
/// # Example
/// ```
/// let found = atlas_worker::find_places("edinb", 5);
/// assert_eq!(found[0].name, "Edinburgh");
/// assert_eq!(found[0].country, "GB");
/// ```
pub fn find_places(query: &str, limit: usize) -> Vec<PlaceChoice<'static>> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<_> = Gazetteer::bundled()
        .places()
        .iter()
        .filter(|place| starts_with_ignore_case(&place.name, query))
        .collect();
    found.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.level.cmp(&b.level))
            .then(a.name.cmp(&b.name))
    });
    // The gazetteer lists a place once per name it is known by: show each place once.
    found.dedup_by(|a, b| a.name == b.name && a.country == b.country && a.level == b.level);
    found
        .into_iter()
        .take(limit)
        .map(|place| PlaceChoice {
            name: &place.name,
            country: &place.country,
            level: place.level,
            lat: place.lat,
            lon: place.lon,
        })
        .collect()
}

fn starts_with_ignore_case(name: &str, prefix: &str) -> bool {
    let mut name = name.chars().flat_map(char::to_lowercase);
    prefix
        .chars()
        .flat_map(char::to_lowercase)
        .all(|p| name.next() == Some(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_comes_back_with_its_events_and_its_text() {
        let text = "date 2025-05-16\n\nLONDON, May 15 -- A delegation from Hunan Province visited London on Thursday to sign a memorandum of understanding on trade.";
        let json: serde_json::Value =
            serde_json::from_str(&extract_article("hunan.txt", text.into()).unwrap()).unwrap();
        assert_eq!(json["documents"][0]["text"], text);
        assert_eq!(json["documents"][0]["file"], "hunan.txt");
        let events = json["events"].as_array().unwrap();
        assert!(!events.is_empty());
        assert!(events.iter().all(|event| event["file"] == "hunan.txt"));
    }

    #[test]
    fn html_is_read_as_text_and_its_markup_is_gone() {
        let html = "<html lang=en><head><title>Visit</title><script>alert(1)</script></head><body><p>LONDON, May 15, 2025 -- A delegation from Hunan Province visited London.<img src=x onerror=alert(1)></p></body></html>";
        let json: serde_json::Value =
            serde_json::from_str(&extract_article("visit.html", html.into()).unwrap()).unwrap();
        let text = json["documents"][0]["text"].as_str().unwrap();
        assert!(text.contains("A delegation from Hunan Province visited London."));
        assert!(!text.contains('<') && !text.contains("alert"), "{text}");
    }

    #[test]
    fn text_from_a_bundle_is_read_as_text_under_its_original_name() {
        let text = "title: Visit\n\nLONDON, May 15, 2025 -- A delegation from <b>Hunan</b> visited London.";
        let json: serde_json::Value = serde_json::from_str(&extract_text("visit.html", text.into()).unwrap()).unwrap();
        assert_eq!(json["documents"][0]["text"], text);
        assert_eq!(json["documents"][0]["file"], "visit.html");
    }

    #[test]
    fn bad_files_are_named_in_the_error() {
        for (name, bytes) in [
            ("nul.txt", vec![0u8, 1, 2, 3]),
            ("empty.txt", b"  \n".to_vec()),
            ("latin1.txt", vec![0x41, 0xe9, 0x42]),
            ("a.pdf", b"%PDF".to_vec()),
        ] {
            let error = extract_article(name, bytes).unwrap_err();
            assert!(error.starts_with(name), "{error}");
        }
    }

    #[test]
    fn places_are_found_by_the_start_of_their_name_in_any_case() {
        let found = find_places("MANCH", 10);
        assert_eq!(found.first().map(|p| p.name), Some("Manchester"));
        assert!(found.iter().all(|p| p.name.to_lowercase().starts_with("manch")));
        assert!(find_places("  ", 10).is_empty());
        assert!(find_places("zzzzqx", 10).is_empty());
        assert!(find_places("a", 3).len() <= 3);
    }
}
