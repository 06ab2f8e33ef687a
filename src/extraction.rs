//! What the app reads of an extraction: the JSON of `atlas extract`
//! (`{"documents": [...], "events": [...]}`, schema in `crates/extract/README.md`). Only the
//! fields the app shows; the others are skipped. The bundled corpus comes in this form, and so
//! will datasets people load.

pub use atlas_extract::event::{ActorType, PlaceRole};
pub use atlas_extract::gazetteer::PlaceLevel;
pub use atlas_extract::lexicon::{EventKind, Sector, Side};
use atlas_extract::{Language, PartialDate};
use serde::{Deserialize, Deserializer};

/// An extraction: articles, and the events found in them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Extraction {
    pub documents: Vec<DocumentView>,
    pub events: Vec<EventView>,
}

impl Extraction {
    /// Reads the JSON of `atlas extract`. In the browser the browser's own `JSON.parse` does
    /// the parsing; natively (host tests) serde_json does.
    ///
    /// # Errors
    /// A message saying what is wrong: not JSON, a field missing, a date that is not
    /// `YYYY[-MM[-DD]]`…
    pub fn from_json(json: &str) -> Result<Extraction, String> {
        crate::json::from_json(json)
    }

    /// The events of `document`, in extraction order.
    pub fn events_of<'a>(&'a self, document: &DocumentView) -> Vec<&'a EventView> {
        self.events.iter().filter(|event| event.file == document.file).collect()
    }
}

/// An article, as the extraction describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DocumentView {
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(deserialize_with = "language")]
    pub lang: Language,
    #[serde(default, deserialize_with = "optional_date")]
    pub published: Option<PartialDate>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Where the text's body starts, after its metadata header (0 when it has none).
    #[serde(default)]
    pub body_start: usize,
    /// The article's text, which evidence offsets point into; the bundled corpus adds it after
    /// reading (see `corpus.rs`), a dataset may carry it.
    #[serde(default)]
    pub text: Option<String>,
}

/// An event an article states.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EventView {
    pub id: String,
    /// The `file` of its document.
    pub file: String,
    pub kind: EventKind,
    pub salience: Salience,
    /// `None` when the text gives no date: never a guess.
    #[serde(default, deserialize_with = "optional_date")]
    pub date: Option<PartialDate>,
    /// Announced, after the article's date.
    #[serde(default)]
    pub planned: bool,
    #[serde(default)]
    pub places: Vec<PlaceView>,
    #[serde(default)]
    pub actors: Vec<ActorView>,
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub figures: Vec<FigureView>,
    #[serde(default)]
    pub evidence: Vec<EvidenceView>,
}

impl EventView {
    /// The places' canonical names, each once, venue first (the engine's order).
    pub fn place_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::with_capacity(self.places.len());
        for place in &self.places {
            if !names.contains(&place.canonical.as_str()) {
                names.push(&place.canonical);
            }
        }
        names
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlaceView {
    /// As written in the article.
    pub name: String,
    /// The gazetteer's English name.
    pub canonical: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub level: PlaceLevel,
    pub role: PlaceRole,
    /// Not named in the event's sentences: from the dateline or the story.
    #[serde(default)]
    pub inferred: bool,
}

impl PlaceView {
    /// The side a place stands for on the map: China (with Hong Kong and Macao), the UK, or
    /// elsewhere.
    pub fn side(&self) -> Side {
        match self.country.as_str() {
            "CN" | "HK" | "MO" => Side::China,
            "GB" => Side::Uk,
            _ => Side::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ActorView {
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    #[serde(default)]
    pub country: Option<Side>,
    #[serde(default)]
    pub role: Option<String>,
}

/// A money amount as written, with its value and its value in US dollars.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FigureView {
    pub text: String,
    pub value: f64,
    /// ISO 4217.
    pub currency: String,
    #[serde(default)]
    pub value_usd: Option<f64>,
}

/// A sentence that states the event: byte offsets into the article's text, and the text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EvidenceView {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How an event kind reads to people. The match has no wildcard: a kind added to the engine
/// does not compile here until it has a label.
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Summit => "Summit",
        EventKind::Visit => "Visit",
        EventKind::Forum => "Forum",
        EventKind::Agreement => "Agreement",
        EventKind::Investment => "Investment",
        EventKind::TradeFigure => "Trade figure",
        EventKind::JointVenture => "Joint venture",
        EventKind::Education => "Education",
        EventKind::Other => "Other event",
    }
}

/// Whether an event is what the article is about, or background to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Salience {
    Main,
    Secondary,
}

/// `"en"`, `"zh-Hant"`…; a tag the engine does not read is `Undetermined`.
fn language<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Language, D::Error> {
    let tag = String::deserialize(deserializer)?;
    Ok(Language::from_tag(&tag).unwrap_or(Language::Undetermined))
}

/// `"2025-09-30"`, `"2025-05"`, `"2019"` or `null`.
fn optional_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<PartialDate>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) => PartialDate::parse_iso(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"))
        }),
    }
}

/// Natively, through serde_json; `tests/browser.rs` reads the same shapes through the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_the_schema_of_atlas_extract_and_skips_what_it_does_not_show() {
        let json = r#"{
          "documents": [{"file": "corpus/a.txt", "title": "T", "lang": "zh-Hant", "published": "2025-05",
                         "source": null, "url": null, "body_start": 3}],
          "events": [{"id": "a.txt#1", "file": "corpus/a.txt", "kind": "trade_figure", "salience": "main",
                      "date": null, "date_precision": null, "date_source": null, "planned": false,
                      "places": [{"name": "伦敦", "canonical": "London", "lat": 51.5, "lon": -0.12, "country": "GB",
                                  "level": "city", "role": "venue", "inferred": false, "gazetteer_id": "1"},
                                 {"name": "London", "canonical": "London", "lat": 51.5, "lon": -0.12, "country": "GB",
                                  "level": "city", "role": "mentioned", "inferred": false, "gazetteer_id": "1"}],
                      "actors": [{"name": "X", "type": "org", "country": null}],
                      "sectors": [], "figures": [], "evidence": [{"start": 3, "end": 5, "text": "ab"}]},
                     {"id": "a.txt#2", "file": "corpus/a.txt", "kind": "a_kind_from_the_future",
                      "salience": "secondary", "date": "2019", "places": [], "actors": []}]
        }"#;
        let extraction = Extraction::from_json(json).unwrap();
        let document = &extraction.documents[0];
        assert_eq!(document.lang, Language::ChineseTraditional);
        assert_eq!(document.published, PartialDate::parse_iso("2025-05"));
        let events = extraction.events_of(document);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].kind, EventKind::TradeFigure);
        assert_eq!(events[0].date, None);
        assert_eq!(events[0].place_names(), ["London"]);
        assert_eq!(events[1].kind, EventKind::Other);
        assert_eq!(events[1].date, PartialDate::parse_iso("2019"));
    }

    #[test]
    fn a_bad_date_is_an_error_not_a_guess() {
        let json = r#"{"documents": [{"file": "a", "lang": "en", "published": "30.09.2025"}], "events": []}"#;
        let error = Extraction::from_json(json).unwrap_err();
        assert!(error.contains("invalid date \"30.09.2025\""), "{error}");
    }
}
