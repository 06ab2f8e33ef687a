//! "My articles": the articles a person adds in the browser, what the engine found in them, and
//! their review of each proposed event. Plain data and pure functions (tested natively); the
//! browser parts are `store` (keeping them) and `worker` (the engine, off the page's thread).

pub mod session;
pub mod store;
pub mod strings;
#[cfg(target_arch = "wasm32")]
pub mod worker;

use crate::export::bundle::{Bundle, Decision as BundleDecision, Verdict};
use crate::extraction::{DocumentView, EventKind, EventView, Extraction, PlaceLevel, PlaceRole, PlaceView};
use atlas_extract::{Language, PartialDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An article someone added, as the engine read it, with their review of its events.
#[derive(Debug, Clone, PartialEq)]
pub struct MyArticle {
    /// The name it goes by in the atlas (unique among the atlas's articles).
    pub file: String,
    /// The engine's output for it, exactly as the worker sent it: what is kept and exported.
    pub json: String,
    /// `json`, read: one document (with its text) and the events proposed.
    pub extraction: Extraction,
    /// The review, by event id; an event without one is still proposed.
    pub decisions: BTreeMap<String, Decision>,
}

/// What the person decided about one proposed event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub accepted: bool,
    /// Corrections, applied when the event joins the atlas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PickedPlace>,
}

/// A place picked from the gazetteer to correct an event's place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickedPlace {
    pub name: String,
    pub country: String,
    pub level: PlaceLevel,
    pub lat: f64,
    pub lon: f64,
}

impl MyArticle {
    /// Reads the worker's output for one article.
    ///
    /// # Errors
    /// When `json` is not an extraction of exactly one document (a corrupt stored record).
    pub fn from_json(json: String, decisions: BTreeMap<String, Decision>) -> Result<MyArticle, String> {
        let extraction = Extraction::from_json(&json)?;
        let [document] = extraction.documents.as_slice() else {
            return Err(format!("expected one article, found {}", extraction.documents.len()));
        };
        if document.text.is_none() {
            return Err(format!("{}: the article's text is missing", document.file));
        }
        Ok(MyArticle {
            file: document.file.clone(),
            json,
            extraction,
            decisions,
        })
    }

    pub fn document(&self) -> &DocumentView {
        &self.extraction.documents[0]
    }

    /// Why no event was found, when none was: the person should not have to guess.
    pub fn no_events_reason(&self) -> Option<NoEvents> {
        if !self.extraction.events.is_empty() {
            return None;
        }
        let document = self.document();
        let text = document.text.as_deref().unwrap_or_default();
        Some(
            if document.lang == Language::Undetermined && atlas_extract::is_in_unread_language(text) {
                NoEvents::Language
            } else {
                NoEvents::NothingFound
            },
        )
    }

    pub fn accepted_count(&self) -> usize {
        self.decisions.values().filter(|d| d.accepted).count()
    }

    /// The events that join the atlas: the accepted ones, with their corrections applied.
    pub fn accepted_events(&self) -> impl Iterator<Item = EventView> + '_ {
        self.extraction.events.iter().filter_map(|event| {
            let decision = self.decisions.get(&event.id).filter(|d| d.accepted)?;
            Some(corrected(event, decision))
        })
    }
}

/// Why an article gave no events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoEvents {
    /// Its language is not one the engine reads (English, German, French, Chinese).
    Language,
    /// The engine read it and found no cooperation event in it.
    NothingFound,
}

/// `event` with a decision's corrections: another kind, another date (its precision is the
/// one written), or the picked place as its only place.
pub fn corrected(event: &EventView, decision: &Decision) -> EventView {
    let mut event = event.clone();
    if let Some(kind) = decision.kind {
        event.kind = kind;
    }
    if let Some(date) = decision.date.as_deref().and_then(PartialDate::parse_iso) {
        event.date = Some(date);
    }
    if let Some(place) = &decision.place {
        event.places = vec![PlaceView {
            name: place.name.clone(),
            canonical: place.name.clone(),
            lat: place.lat,
            lon: place.lon,
            country: place.country.clone(),
            level: place.level,
            role: PlaceRole::Venue,
            inferred: false,
        }];
    }
    event
}

/// The person's articles and reviews as a bundle (`export::bundle`): the text files as the
/// engine read them, and each decision (accepted, rejected, or accepted with corrections).
pub fn to_bundle(articles: &[MyArticle]) -> Bundle {
    let documents: Vec<DocumentView> = articles.iter().map(|a| a.document().clone()).collect();
    let decisions = articles
        .iter()
        .flat_map(|article| article.decisions.iter())
        .map(|(id, decision)| {
            let mut fields = BTreeMap::new();
            if let Some(kind) = decision.kind {
                fields.insert("kind".to_string(), crate::state::kind_tag(kind).to_string());
            }
            if let Some(date) = &decision.date {
                fields.insert("date".to_string(), date.clone());
            }
            if let Some(place) = &decision.place {
                let level = crate::export::level_tag(place.level);
                let value = format!("{}|{}|{level}|{}|{}", place.name, place.country, place.lat, place.lon);
                fields.insert("place".to_string(), value);
            }
            let verdict = match (decision.accepted, fields.is_empty()) {
                (false, _) => Verdict::Rejected,
                (true, true) => Verdict::Accepted,
                (true, false) => Verdict::Corrected,
            };
            BundleDecision {
                event: id.clone(),
                verdict,
                fields,
            }
        })
        .collect();
    Bundle::from_documents(&documents, decisions)
}

/// A bundle's decisions about the events of `file`, keyed by event number (`3` for
/// `deal.html#3`), so they still apply when the article comes back under another name.
pub fn decisions_from_bundle(bundle: &Bundle, file: &str) -> BTreeMap<String, Decision> {
    let prefix = format!("{}#", file.rsplit('/').next().unwrap_or(file));
    bundle
        .decisions
        .iter()
        .filter_map(|d| {
            let number = d.event.strip_prefix(&prefix)?;
            let field = |name: &str| d.fields.get(name).cloned();
            let place = field("place").and_then(|value| {
                let parts: Vec<&str> = value.split('|').collect();
                let [name, country, level, lat, lon] = parts.as_slice() else {
                    return None;
                };
                Some(PickedPlace {
                    name: name.to_string(),
                    country: country.to_string(),
                    level: crate::export::level_from_tag(level)?,
                    lat: lat.parse().ok()?,
                    lon: lon.parse().ok()?,
                })
            });
            let decision = Decision {
                accepted: d.verdict != Verdict::Rejected,
                kind: field("kind").and_then(|tag| {
                    crate::state::ALL_KINDS
                        .into_iter()
                        .find(|k| crate::state::kind_tag(*k) == tag)
                }),
                date: field("date").filter(|date| PartialDate::parse_iso(date).is_some()),
                place,
            };
            Some((number.to_string(), decision))
        })
        .collect()
}

/// An event's number within its article: `3` for `deal.html#3`. Reviews travel by it, so they
/// still apply when the article is read again or comes back under another name.
pub fn event_number(id: &str) -> &str {
    id.rsplit('#').next().unwrap_or_default()
}

/// The atlas's extraction with the person's articles: the base documents and events first
/// (so their indices never move), then each added article and its accepted events.
pub fn combined(mut extraction: Extraction, mine: &[MyArticle]) -> Extraction {
    for article in mine {
        extraction.documents.push(article.document().clone());
        extraction.events.extend(article.accepted_events());
    }
    extraction
}

/// A name for a new article that no article of the atlas already has: `name` itself, or
/// `name-2.txt`, `name-3.txt`… Event ids are built from it, so it must be unique.
pub fn unique_name(name: &str, taken: &[&str]) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    let name = if name.is_empty() { "article.txt" } else { name };
    let is_taken = |candidate: &str| {
        taken.iter().any(|t| {
            t.rsplit(['/', '\\'])
                .next()
                .unwrap_or(t)
                .eq_ignore_ascii_case(candidate)
        })
    };
    if !is_taken(name) {
        return name.to_string();
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, "txt"));
    (2..)
        .map(|n| format!("{stem}-{n}.{extension}"))
        .find(|candidate| !is_taken(candidate))
        .expect("some number is free")
}

/// The article's text with new details: the header rewritten from `title`, `date` and
/// `source` (the engine reads them as it reads any corpus file's header), the body unchanged.
pub fn with_details(document: &DocumentView, title: &str, date: &str, source: &str) -> String {
    let text = document.text.as_deref().unwrap_or_default();
    let body = text.get(document.body_start..).unwrap_or(text);
    pasted_article(body, title, date, source)
}

/// The text of a pasted article in the corpus format: the details given (title, date,
/// source) as a header the engine reads, then the text. Details left empty are left out, and
/// the engine reads them from the text as it does for any article.
pub fn pasted_article(text: &str, title: &str, date: &str, source: &str) -> String {
    let mut header = String::new();
    for (key, value) in [("title", title), ("date", date), ("source", source)] {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty() {
            header.push_str(&format!("{key}: {value}\n"));
        }
    }
    if header.is_empty() {
        text.to_string()
    } else {
        format!("{header}\n{}", text.trim_start_matches(['\n', '\r']))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const ONE_ARTICLE: &str = r#"{"documents":[{"file":"visit.txt","title":"A visit","lang":"en","published":"2025-05-16","source":null,"url":null,"body_start":17,"text":"date 2025-05-16\n\nLONDON, May 15 -- A Hunan delegation visited London."}],
        "events":[{"id":"visit.txt#1","file":"visit.txt","kind":"visit","salience":"main","date":"2025-05-15","places":[{"name":"LONDON","canonical":"London","lat":51.5,"lon":-0.12,"country":"GB","level":"city","role":"venue","inferred":false}],"actors":[],"sectors":[],"figures":[],"evidence":[{"start":17,"end":70,"text":"LONDON, May 15 -- A Hunan delegation visited London."}]},
                  {"id":"visit.txt#2","file":"visit.txt","kind":"forum","salience":"secondary","date":null,"places":[],"actors":[],"sectors":[],"figures":[],"evidence":[]}]}"#;

    fn article(decisions: &[(&str, Decision)]) -> MyArticle {
        let decisions = decisions.iter().map(|(id, d)| (id.to_string(), d.clone())).collect();
        MyArticle::from_json(ONE_ARTICLE.to_string(), decisions).unwrap()
    }

    #[test]
    fn only_accepted_events_join_the_atlas_after_the_base_ones() {
        let base = crate::corpus::bundled_corpus().extraction.clone();
        let accepted = Decision {
            accepted: true,
            ..Decision::default()
        };
        let rejected = Decision::default();
        let mine = [article(&[("visit.txt#1", accepted), ("visit.txt#2", rejected)])];
        let all = combined(base.clone(), &mine);
        assert_eq!(all.documents.len(), base.documents.len() + 1);
        assert_eq!(all.events.len(), base.events.len() + 1);
        assert_eq!(all.events[..base.events.len()], base.events[..]);
        assert_eq!(all.events.last().unwrap().id, "visit.txt#1");
        assert!(combined(base.clone(), &[article(&[])]).events.len() == base.events.len());
    }

    /// Accepted as an agreement of June 2025 in Changsha.
    fn changsha_agreement() -> Decision {
        Decision {
            accepted: true,
            kind: Some(EventKind::Agreement),
            date: Some("2025-06".into()),
            place: Some(PickedPlace {
                name: "Changsha".into(),
                country: "CN".into(),
                level: PlaceLevel::City,
                lat: 28.2,
                lon: 112.9,
            }),
        }
    }

    #[test]
    fn corrections_change_kind_date_and_place() {
        let decision = changsha_agreement();
        let event = article(&[("visit.txt#1", decision)]).accepted_events().next().unwrap();
        assert_eq!(event.kind, EventKind::Agreement);
        assert_eq!(event.date.unwrap().to_string(), "2025-06");
        assert_eq!(event.places.len(), 1);
        assert_eq!(
            (event.places[0].canonical.as_str(), event.places[0].country.as_str()),
            ("Changsha", "CN")
        );
        // A date that is not a date changes nothing.
        let bad = Decision {
            accepted: true,
            date: Some("June".into()),
            ..Decision::default()
        };
        assert_eq!(
            article(&[("visit.txt#1", bad)])
                .accepted_events()
                .next()
                .unwrap()
                .date
                .unwrap()
                .to_string(),
            "2025-05-15"
        );
    }

    #[test]
    fn a_stored_record_that_is_not_one_article_is_refused() {
        assert!(MyArticle::from_json("{".into(), BTreeMap::new()).is_err());
        assert!(MyArticle::from_json(r#"{"documents":[],"events":[]}"#.into(), BTreeMap::new()).is_err());
        let without_text = ONE_ARTICLE.replace(
            r#","text":"date 2025-05-16\n\nLONDON, May 15 -- A Hunan delegation visited London.""#,
            "",
        );
        assert!(MyArticle::from_json(without_text, BTreeMap::new())
            .unwrap_err()
            .contains("text is missing"));
    }

    #[test]
    fn why_no_events_were_found_is_told() {
        let mut none = article(&[]);
        none.extraction.events.clear();
        assert_eq!(none.no_events_reason(), Some(NoEvents::NothingFound));
        none.extraction.documents[0].lang = Language::Undetermined;
        // Too short to tell its language: nothing found, not a language the atlas cannot read.
        assert_eq!(none.no_events_reason(), Some(NoEvents::NothingFound));
        none.extraction.documents[0].text =
            Some("La delegación visitó la ciudad y firmó un acuerdo de cooperación con la universidad.".into());
        assert_eq!(none.no_events_reason(), Some(NoEvents::Language));
        assert_eq!(article(&[]).no_events_reason(), None);
    }

    #[test]
    fn reviews_survive_a_bundle_round_trip() {
        let corrected = changsha_agreement();
        let rejected = Decision::default();
        let mine = article(&[("visit.txt#1", corrected.clone()), ("visit.txt#2", rejected.clone())]);
        let zip = to_bundle(std::slice::from_ref(&mine)).to_zip(0).unwrap();
        let bundle = Bundle::from_zip("mine.zip", &zip).unwrap();
        assert_eq!(bundle.articles.len(), 1);
        assert_eq!(Some(bundle.articles[0].text.as_str()), mine.document().text.as_deref());
        let back = decisions_from_bundle(&bundle, "visit.txt");
        assert_eq!(back.get("1"), Some(&corrected));
        assert_eq!(back.get("2"), Some(&rejected));
        assert!(decisions_from_bundle(&bundle, "other.txt").is_empty());
    }

    #[test]
    fn new_details_replace_the_header_and_keep_the_body() {
        let mine = article(&[]);
        let text = with_details(mine.document(), "Hunan in London", "2025-05-14", "Xinhua");
        assert_eq!(text, "title: Hunan in London\ndate: 2025-05-14\nsource: Xinhua\n\nLONDON, May 15 -- A Hunan delegation visited London.");
        let document = atlas_extract::Document::from_text("visit.txt", text);
        assert_eq!(document.published.unwrap().to_string(), "2025-05-14");
        assert_eq!(document.source.as_deref(), Some("Xinhua"));
        assert_eq!(document.body(), "LONDON, May 15 -- A Hunan delegation visited London.");
    }

    #[test]
    fn new_names_never_clash() {
        assert_eq!(unique_name("a.txt", &[]), "a.txt");
        assert_eq!(unique_name("dir/a.txt", &["corpus/A.TXT", "a-2.txt"]), "a-3.txt");
        assert_eq!(unique_name("  ", &[]), "article.txt");
        assert_eq!(unique_name("notes", &["notes"]), "notes-2.txt");
    }

    #[test]
    fn pasted_details_become_a_header_the_engine_reads() {
        let text = pasted_article("\nLONDON -- A visit.", " A  visit ", "2025-05-16", "");
        assert_eq!(text, "title: A visit\ndate: 2025-05-16\n\nLONDON -- A visit.");
        let document = atlas_extract::Document::from_text("p.txt", text);
        assert_eq!(document.title.as_deref(), Some("A visit"));
        assert_eq!(document.published.unwrap().to_string(), "2025-05-16");
        assert_eq!(pasted_article("Just text.", "", " ", ""), "Just text.");
    }
}
