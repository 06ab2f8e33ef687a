//! Scores an extraction against hand-made gold events (`atlas eval`).
//!
//! The rules are those of the gold README (`shared/gold/README.md`):
//!
//! 1. **Matching.** An extracted event and a gold event of the same article overlap when the
//!    character positions covered by the extracted evidence spans intersect the positions of
//!    the gold `evidence` strings (every occurrence of each string in the file). The overlap
//!    is the number of characters in that intersection. The assignment is one-to-one and
//!    global: all (gold, extracted) pairs with a positive overlap are sorted by overlap,
//!    largest first (ties: gold order, then extraction order), and taken greedily while
//!    neither side is already matched. So each gold event is matched at most once, by the
//!    extracted event with the largest overlap still free, and an extracted event that merges
//!    two gold events gets credit for one of them only.
//! 2. **Event recall** = matched gold events / gold events (also for `salience: main`);
//!    **event precision** = matched extracted events / extracted events.
//! 3. Over matched pairs: date, place, actors and kind accuracy (see [`evaluate`]).
//!
//! Only the articles given on the command line are scored: gold and extracted events of
//! other files are left out, with a warning. Files are compared by path: the same string, else
//! one path ending with the other (`corpus/a.txt` and `a.txt`), else the same file name.

use atlas_extract::{PartialDate, Precision};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

/// Distance within which an extracted place counts for a gold city (or district, or a place
/// with no `level`).
pub const CITY_RADIUS_KM: f64 = 50.0;
/// Distance within which an extracted place counts for a gold `level: region`.
pub const REGION_RADIUS_KM: f64 = 300.0;
/// For a gold `level: country` place whose country cannot be compared by code (its name is
/// not in the table, or the extracted place has no `country`): distance to the gold point.
pub const COUNTRY_FALLBACK_RADIUS_KM: f64 = 1000.0;

// ---------------------------------------------------------------------------------------------
// Gold events
// ---------------------------------------------------------------------------------------------

/// One hand-made gold event. Unknown fields (`note`, `figures`, `sectors`…) are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GoldEvent {
    /// The article's file name.
    pub file: String,
    #[serde(deserialize_with = "id_string")]
    pub event_id: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// `main` or `secondary`.
    #[serde(default)]
    pub salience: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `null`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub date_precision: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub places: Vec<GoldPlace>,
    #[serde(default, deserialize_with = "nullable")]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub kind_alt: Vec<String>,
    /// Exact substrings of the file that state the event.
    #[serde(default, deserialize_with = "nullable")]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GoldPlace {
    #[serde(default)]
    pub name: Option<String>,
    /// `"City, Country"`, or just the country for `level: country`.
    #[serde(default)]
    pub canonical: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// `city` (also when absent), `district`, `region` or `country`.
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub inferred: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct GoldActor {
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// Parses a gold file: a JSON list of events, or an object `{"events": [...]}`.
///
/// # Errors
/// The `serde_json` error, which carries the line and column.
pub fn parse_gold(json: &str) -> Result<Vec<GoldEvent>, serde_json::Error> {
    #[derive(Deserialize)]
    struct Wrapped {
        events: Vec<GoldEvent>,
    }
    if json.trim_start().starts_with('{') {
        serde_json::from_str::<Wrapped>(json).map(|wrapped| wrapped.events)
    } else {
        serde_json::from_str(json)
    }
}

// ---------------------------------------------------------------------------------------------
// Extraction output
// ---------------------------------------------------------------------------------------------

/// What `atlas extract` prints. Unknown fields are ignored; optional ones may be missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    #[serde(default, deserialize_with = "nullable")]
    pub documents: Vec<ExtractedDocument>,
    pub events: Vec<ExtractedEvent>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractedDocument {
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractedEvent {
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    /// The article's path as given to the extractor.
    pub file: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub salience: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub date_precision: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub places: Vec<ExtractedPlace>,
    #[serde(default, deserialize_with = "nullable")]
    pub actors: Vec<ExtractedActor>,
    #[serde(default, deserialize_with = "nullable")]
    pub sectors: Vec<String>,
    #[serde(default, deserialize_with = "nullable")]
    pub figures: Vec<ExtractedFigure>,
    #[serde(default, deserialize_with = "nullable")]
    pub evidence: Vec<EvidenceSpan>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractedPlace {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// `city|district|region|country`.
    #[serde(default)]
    pub level: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractedActor {
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// `CN`, `GB`, `other` or `null`.
    #[serde(default)]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractedFigure {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub value_usd: Option<f64>,
}

/// A stretch of the article: byte offsets `start..end` into the file, and its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: Option<String>,
}

/// `null` reads as the default (an empty list).
fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// An id given as a string or a number (`null` reads as empty).
fn id_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(id) => Ok(id),
        serde_json::Value::Number(id) => Ok(id.to_string()),
        serde_json::Value::Null => Ok(String::new()),
        other => Err(serde::de::Error::custom(format!(
            "expected a string or number id, found {other}"
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// `numerator / denominator`; serialized with its `value` (`null` when the denominator is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub numerator: usize,
    pub denominator: usize,
}

impl Ratio {
    pub fn new(numerator: usize, denominator: usize) -> Self {
        Ratio { numerator, denominator }
    }

    /// The fraction; `None` when nothing was counted.
    pub fn value(&self) -> Option<f64> {
        (self.denominator > 0).then(|| self.numerator as f64 / self.denominator as f64)
    }

    fn count(&mut self, right: bool) {
        self.denominator += 1;
        self.numerator += usize::from(right);
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut ratio = serializer.serialize_struct("Ratio", 3)?;
        ratio.serialize_field("numerator", &self.numerator)?;
        ratio.serialize_field("denominator", &self.denominator)?;
        ratio.serialize_field("value", &self.value())?;
        ratio.end()
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = match self.value() {
            Some(value) => format!("{:.1}%", value * 100.0),
            None => "–".to_string(),
        };
        write!(f, "{:>5} / {:<5} {:>6}", self.numerator, self.denominator, value)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Articles scored (those given on the command line).
    pub files: usize,
    /// Gold events of those articles.
    pub gold_events: usize,
    /// Extracted events of those articles.
    pub extracted_events: usize,
    pub matched: usize,
    /// Matched gold events / gold events.
    pub event_recall: Ratio,
    /// The same over gold events with `salience: main`.
    pub event_recall_main: Ratio,
    /// Matched extracted events / extracted events.
    pub event_precision: Ratio,
    /// Matched pairs with the right date / matched pairs (whose gold date is valid).
    pub date: Ratio,
    /// Matched pairs with a right place / matched pairs whose gold event has places.
    pub place: Ratio,
    /// Gold actors found / gold actors, over matched pairs.
    pub actors: Ratio,
    /// Matched pairs with an acceptable kind / matched pairs whose gold event has a kind.
    pub kind: Ratio,
}

/// The fields compared on a matched pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Date,
    Place,
    Actors,
    Kind,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Field::Date => "date",
            Field::Place => "place",
            Field::Actors => "actors",
            Field::Kind => "kind",
        })
    }
}

/// A field that was wrong on a matched pair, with what gold and the extraction say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldMiss {
    pub field: Field,
    pub gold: String,
    pub extracted: String,
}

/// A gold event and the extracted event matched to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedPair {
    /// The article, as given on the command line.
    pub file: String,
    pub gold_id: String,
    pub extracted_id: String,
    /// Characters of the article covered by both evidences.
    pub overlap: usize,
    /// `None`: not scored (the gold date is malformed).
    pub date_right: Option<bool>,
    /// `None`: not scored (the gold event has no places).
    pub place_right: Option<bool>,
    pub actors_found: usize,
    pub actors_total: usize,
    /// `None`: not scored (the gold event has no kind).
    pub kind_right: Option<bool>,
    /// The fields that were wrong.
    pub misses: Vec<FieldMiss>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedGold {
    pub file: String,
    pub event_id: String,
    pub salience: Option<String>,
    pub summary: Option<String>,
    /// Extracted events that overlap it but were matched to another gold event.
    pub overlapped_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedExtracted {
    pub file: String,
    pub id: String,
    /// The text of its first evidence span.
    pub evidence: Option<String>,
    /// Gold events it overlaps that were matched to another extracted event.
    pub overlaps: Vec<String>,
}

/// The scores of an extraction, and every miss.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub metrics: Metrics,
    /// Every matched pair, by file then gold order.
    pub pairs: Vec<MatchedPair>,
    pub unmatched_gold: Vec<UnmatchedGold>,
    pub unmatched_extracted: Vec<UnmatchedExtracted>,
    /// Problems with the inputs (gold evidence not in its file, bad offsets, files not given…).
    pub warnings: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/// Scores `extraction` against `gold`. `texts` maps each article's path (as the extraction's
/// `file` gives it, i.e. `Document::file`) to its text; only those articles are scored.
///
/// On matched pairs:
/// - **date**: a `null` gold date is right only when the extraction gives none. Otherwise the
///   extracted date, cut to the gold precision, must equal the gold date, and the extracted
///   precision must not be coarser. A precision is that of the date string, or the declared
///   `date_precision` when that is coarser.
/// - **place** (gold events with places only): right when some extracted place satisfies some
///   gold place: within [`CITY_RADIUS_KM`] of a gold city (`level` absent, `city`, `district`
///   or unknown), within [`REGION_RADIUS_KM`] of a gold `region`, or for a gold `country` the
///   same ISO 3166 code (the gold country is read from `canonical` / `name` through a small
///   table of country names); when either code is unknown, within
///   [`COUNTRY_FALLBACK_RADIUS_KM`] of the gold point. Distances are great-circle (haversine).
/// - **actors**: a gold actor is found when an extracted actor's name, lower-cased and with all
///   white space removed, contains the gold name or is contained in it. Counted per gold
///   actor, summed over pairs.
/// - **kind**: equals `kind` or is listed in `kind_alt` (ASCII case-insensitive).
pub fn evaluate(gold: &[GoldEvent], extraction: &Extraction, texts: &HashMap<String, String>) -> Report {
    let mut warnings = Vec::new();
    let resolver = FileResolver::new(texts);
    let indexes: HashMap<&str, CharIndex> = texts
        .iter()
        .map(|(file, text)| (file.as_str(), CharIndex::new(text)))
        .collect();

    // Gold events of the given articles, with the character intervals of their evidence.
    let mut golds = Vec::new();
    let mut gold_events: Vec<&GoldEvent> = Vec::new();
    let mut skipped_gold: BTreeMap<&str, usize> = BTreeMap::new();
    for event in gold {
        let Some(file) = resolver.resolve(&event.file, &mut warnings) else {
            *skipped_gold.entry(&event.file).or_default() += 1;
            continue;
        };
        let index = &indexes[file];
        let mut spans = Vec::new();
        for evidence in &event.evidence {
            if evidence.is_empty() {
                warnings.push(format!(
                    "{}: gold event {}: empty evidence string",
                    event.file, event.event_id
                ));
                continue;
            }
            let before = spans.len();
            for (start, found) in index.text.match_indices(evidence.as_str()) {
                spans.push((index.char_pos(start), index.char_pos(start + found.len())));
            }
            if spans.len() == before {
                warnings.push(format!(
                    "{}: gold event {}: evidence not found in the file: \"{}\"",
                    event.file,
                    event.event_id,
                    shorten(evidence, 80)
                ));
            }
        }
        golds.push(Prepared {
            file,
            spans: merge(spans),
        });
        gold_events.push(event);
    }
    for (file, count) in &skipped_gold {
        warnings.push(format!(
            "{file}: not among the articles given; its {count} gold event(s) are not scored"
        ));
    }

    // Extracted events of the given articles, their evidence as character intervals.
    let mut extracted = Vec::new();
    let mut extracted_events = Vec::new();
    let mut skipped_extracted: BTreeMap<&str, usize> = BTreeMap::new();
    for (number, event) in extraction.events.iter().enumerate() {
        let id = if event.id.is_empty() {
            format!("#{}", number + 1)
        } else {
            event.id.clone()
        };
        let Some(file) = resolver.resolve(&event.file, &mut warnings) else {
            *skipped_extracted.entry(&event.file).or_default() += 1;
            continue;
        };
        let index = &indexes[file];
        let mut spans = Vec::new();
        for span in &event.evidence {
            if let Some(chars) = index.span(span, &id, file, &mut warnings) {
                spans.push(chars);
            }
        }
        extracted.push(Prepared {
            file,
            spans: merge(spans),
        });
        extracted_events.push((id, event));
    }
    for (file, count) in &skipped_extracted {
        warnings.push(format!(
            "{file}: not among the articles given; its {count} extracted event(s) are not scored"
        ));
    }

    // Every overlapping pair, then a greedy one-to-one assignment, largest overlap first.
    let mut overlaps = Vec::new();
    for (g, gold_prepared) in golds.iter().enumerate() {
        for (e, extracted_prepared) in extracted.iter().enumerate() {
            if gold_prepared.file == extracted_prepared.file {
                let overlap = intersection(&gold_prepared.spans, &extracted_prepared.spans);
                if overlap > 0 {
                    overlaps.push((overlap, g, e));
                }
            }
        }
    }
    overlaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_match: Vec<Option<(usize, usize)>> = vec![None; golds.len()];
    let mut extracted_match: Vec<Option<usize>> = vec![None; extracted.len()];
    for &(overlap, g, e) in &overlaps {
        if gold_match[g].is_none() && extracted_match[e].is_none() {
            gold_match[g] = Some((e, overlap));
            extracted_match[e] = Some(g);
        }
    }

    let mut metrics = Metrics {
        files: texts.len(),
        gold_events: golds.len(),
        extracted_events: extracted.len(),
        ..Metrics::default()
    };
    let mut pairs = Vec::new();
    let mut unmatched_gold = Vec::new();
    for (g, event) in gold_events.iter().enumerate() {
        let file = golds[g].file;
        let is_main = event
            .salience
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("main"));
        metrics.event_recall.count(gold_match[g].is_some());
        if is_main {
            metrics.event_recall_main.count(gold_match[g].is_some());
        }
        let Some((e, overlap)) = gold_match[g] else {
            let overlapped_by = overlaps
                .iter()
                .filter(|&&(_, og, _)| og == g)
                .map(|&(_, _, e)| extracted_events[e].0.clone())
                .collect();
            unmatched_gold.push(UnmatchedGold {
                file: file.to_string(),
                event_id: event.event_id.clone(),
                salience: event.salience.clone(),
                summary: event.summary.clone(),
                overlapped_by,
            });
            continue;
        };
        let (extracted_id, extracted_event) = &extracted_events[e];
        let pair = score_pair(file, event, extracted_id, extracted_event, overlap, &mut warnings);
        if let Some(right) = pair.date_right {
            metrics.date.count(right);
        }
        if let Some(right) = pair.place_right {
            metrics.place.count(right);
        }
        metrics.actors.numerator += pair.actors_found;
        metrics.actors.denominator += pair.actors_total;
        if let Some(right) = pair.kind_right {
            metrics.kind.count(right);
        }
        pairs.push(pair);
    }
    pairs.sort_by(|a, b| a.file.cmp(&b.file));
    metrics.matched = pairs.len();
    metrics.event_precision = Ratio::new(pairs.len(), extracted.len());

    let unmatched_extracted = extracted_events
        .iter()
        .enumerate()
        .filter(|&(e, _)| extracted_match[e].is_none())
        .map(|(e, (id, event))| UnmatchedExtracted {
            file: extracted[e].file.to_string(),
            id: id.clone(),
            evidence: event.evidence.first().and_then(|span| {
                span.text
                    .clone()
                    .or_else(|| texts[extracted[e].file].get(span.start..span.end).map(str::to_string))
            }),
            overlaps: overlaps
                .iter()
                .filter(|&&(_, _, oe)| oe == e)
                .map(|&(_, g, _)| gold_events[g].event_id.clone())
                .collect(),
        })
        .collect();

    Report {
        metrics,
        pairs,
        unmatched_gold,
        unmatched_extracted,
        warnings,
    }
}

/// An event's article (a key of `texts`) and its evidence as merged character intervals.
struct Prepared<'a> {
    file: &'a str,
    spans: Vec<(usize, usize)>,
}

fn score_pair(
    file: &str,
    gold: &GoldEvent,
    extracted_id: &str,
    extracted: &ExtractedEvent,
    overlap: usize,
    warnings: &mut Vec<String>,
) -> MatchedPair {
    let mut misses = Vec::new();

    let date_right = match date_right(gold, extracted) {
        Ok(right) => Some(right),
        Err(()) => {
            warnings.push(format!(
                "{}: gold event {}: malformed date {:?}; its date is not scored",
                gold.file,
                gold.event_id,
                gold.date.as_deref().unwrap_or_default()
            ));
            None
        }
    };
    if date_right == Some(false) {
        misses.push(FieldMiss {
            field: Field::Date,
            gold: describe_date(gold.date.as_deref(), gold.date_precision.as_deref()),
            extracted: describe_date(extracted.date.as_deref(), extracted.date_precision.as_deref()),
        });
    }

    let place_right = (!gold.places.is_empty()).then(|| {
        gold.places
            .iter()
            .any(|gold_place| extracted.places.iter().any(|place| place_right(gold_place, place)))
    });
    if place_right == Some(false) {
        misses.push(FieldMiss {
            field: Field::Place,
            gold: gold
                .places
                .iter()
                .map(describe_gold_place)
                .collect::<Vec<_>>()
                .join("; "),
            extracted: describe_extracted_places(&gold.places, &extracted.places),
        });
    }

    let missing: Vec<&str> = gold
        .actors
        .iter()
        .filter(|actor| {
            !extracted
                .actors
                .iter()
                .any(|found| same_actor(&actor.name, &found.name))
        })
        .map(|actor| actor.name.as_str())
        .collect();
    let actors_total = gold.actors.len();
    let actors_found = actors_total - missing.len();
    if !missing.is_empty() {
        misses.push(FieldMiss {
            field: Field::Actors,
            gold: format!(
                "{}/{} found; missing: {}",
                actors_found,
                actors_total,
                missing.join("; ")
            ),
            extracted: if extracted.actors.is_empty() {
                "(none)".to_string()
            } else {
                extracted
                    .actors
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        });
    }

    let kind_right = gold.kind.as_deref().map(|kind| {
        extracted.kind.as_deref().is_some_and(|found| {
            let found = found.trim();
            std::iter::once(kind)
                .chain(gold.kind_alt.iter().map(String::as_str))
                .any(|accepted| accepted.trim().eq_ignore_ascii_case(found))
        })
    });
    if kind_right == Some(false) {
        let mut accepted = gold.kind.clone().unwrap_or_default();
        if !gold.kind_alt.is_empty() {
            accepted.push_str(&format!(" (or {})", gold.kind_alt.join(", ")));
        }
        misses.push(FieldMiss {
            field: Field::Kind,
            gold: accepted,
            extracted: extracted.kind.clone().unwrap_or_else(|| "null".to_string()),
        });
    }

    MatchedPair {
        file: file.to_string(),
        gold_id: gold.event_id.clone(),
        extracted_id: extracted_id.to_string(),
        overlap,
        date_right,
        place_right,
        actors_found,
        actors_total,
        kind_right,
        misses,
    }
}

// --- dates -----------------------------------------------------------------------------------

fn parse_precision(text: &str) -> Option<Precision> {
    match text.trim().to_ascii_lowercase().as_str() {
        "day" => Some(Precision::Day),
        "month" => Some(Precision::Month),
        "year" => Some(Precision::Year),
        _ => None,
    }
}

/// The date and its effective precision: the string's, or the declared one when coarser.
fn effective_date(date: &str, declared: Option<&str>) -> Option<(PartialDate, Precision)> {
    let parsed = PartialDate::parse_iso(date.trim())?;
    let precision = match declared.and_then(parse_precision) {
        Some(declared) => declared.min(parsed.precision()),
        None => parsed.precision(),
    };
    Some((parsed, precision))
}

/// `Err` when the gold date itself is malformed.
fn date_right(gold: &GoldEvent, extracted: &ExtractedEvent) -> Result<bool, ()> {
    let extracted_date = extracted.date.as_deref().filter(|date| !date.trim().is_empty());
    let Some(gold_date) = gold.date.as_deref().filter(|date| !date.trim().is_empty()) else {
        return Ok(extracted_date.is_none());
    };
    let (gold_date, gold_precision) = effective_date(gold_date, gold.date_precision.as_deref()).ok_or(())?;
    let Some((date, precision)) =
        extracted_date.and_then(|date| effective_date(date, extracted.date_precision.as_deref()))
    else {
        return Ok(false);
    };
    Ok(precision >= gold_precision
        && date.year_number() == gold_date.year_number()
        && (gold_precision < Precision::Month || date.month_number() == gold_date.month_number())
        && (gold_precision < Precision::Day || date.day_number() == gold_date.day_number()))
}

fn describe_date(date: Option<&str>, precision: Option<&str>) -> String {
    match (date, precision) {
        (Some(date), Some(precision)) => format!("{date} ({precision})"),
        (Some(date), None) => date.to_string(),
        (None, _) => "null".to_string(),
    }
}

// --- places ----------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    City,
    Region,
    Country,
}

fn gold_level(place: &GoldPlace) -> Level {
    match place.level.as_deref().map(str::trim) {
        Some(level) if level.eq_ignore_ascii_case("region") => Level::Region,
        Some(level) if level.eq_ignore_ascii_case("country") => Level::Country,
        _ => Level::City,
    }
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

fn distance_km(gold: &GoldPlace, place: &ExtractedPlace) -> Option<f64> {
    match (place.lat, place.lon) {
        (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
            Some(haversine_km(gold.lat, gold.lon, lat, lon))
        }
        _ => None,
    }
}

/// ISO 3166 alpha-2 code of a country name (English, or as the gold articles' languages say
/// it), or of a code itself. `None` when unknown.
pub fn country_code(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    COUNTRY_NAMES
        .iter()
        .find(|(code, names)| code.eq_ignore_ascii_case(&name) || names.contains(&name.as_str()))
        .map(|&(code, _)| code)
}

/// Country names (lower case) in English and the languages of the articles, by ISO code.
const COUNTRY_NAMES: [(&str, &[&str]); 11] = [
    (
        "GB",
        &[
            "uk",
            "united kingdom",
            "the united kingdom",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
            "royaume-uni",
            "grande-bretagne",
            "angleterre",
            "vereinigtes königreich",
            "vereinigten königreich",
            "großbritannien",
            "grossbritannien",
            "英国",
            "英國",
        ],
    ),
    (
        "CN",
        &[
            "china",
            "people's republic of china",
            "prc",
            "mainland china",
            "chine",
            "volksrepublik china",
            "中国",
            "中國",
        ],
    ),
    ("HK", &["hong kong", "香港"]),
    ("MO", &["macau", "macao", "澳门", "澳門"]),
    ("DE", &["germany", "deutschland", "allemagne", "德国", "德國"]),
    ("FR", &["france", "frankreich", "法国", "法國"]),
    ("AT", &["austria", "österreich", "autriche"]),
    ("CH", &["switzerland", "schweiz", "suisse"]),
    (
        "US",
        &[
            "usa",
            "united states",
            "united states of america",
            "états-unis",
            "vereinigte staaten",
            "美国",
            "美國",
        ],
    ),
    ("IE", &["ireland", "irland", "irlande"]),
    ("JP", &["japan", "japon", "日本"]),
];

/// The country of a gold place: the last part of `canonical` ("City, Country"), else `name`.
fn gold_country(place: &GoldPlace) -> Option<&'static str> {
    let from_canonical = place
        .canonical
        .as_deref()
        .and_then(|canonical| canonical.rsplit(',').next())
        .and_then(country_code);
    from_canonical.or_else(|| place.name.as_deref().and_then(country_code))
}

fn place_right(gold: &GoldPlace, place: &ExtractedPlace) -> bool {
    let within = |radius: f64| distance_km(gold, place).is_some_and(|km| km <= radius);
    match gold_level(gold) {
        Level::City => within(CITY_RADIUS_KM),
        Level::Region => within(REGION_RADIUS_KM),
        Level::Country => match (gold_country(gold), place.country.as_deref().and_then(country_code)) {
            (Some(gold_code), Some(code)) => gold_code == code,
            _ => within(COUNTRY_FALLBACK_RADIUS_KM),
        },
    }
}

fn describe_gold_place(place: &GoldPlace) -> String {
    let name = place.canonical.as_deref().or(place.name.as_deref()).unwrap_or("?");
    match gold_level(place) {
        Level::City => format!("{name} (city, ≤{CITY_RADIUS_KM} km)"),
        Level::Region => format!("{name} (region, ≤{REGION_RADIUS_KM} km)"),
        Level::Country => format!("{name} (country {})", gold_country(place).unwrap_or("?")),
    }
}

/// Each extracted place with its country and its distance to the nearest gold place.
fn describe_extracted_places(gold: &[GoldPlace], places: &[ExtractedPlace]) -> String {
    if places.is_empty() {
        return "(none)".to_string();
    }
    places
        .iter()
        .map(|place| {
            let mut text = place.name.clone().unwrap_or_else(|| "?".to_string());
            if let Some(country) = &place.country {
                text.push_str(&format!(" [{country}]"));
            }
            let nearest = gold
                .iter()
                .filter_map(|gold_place| distance_km(gold_place, place))
                .min_by(f64::total_cmp);
            match nearest {
                Some(km) => text.push_str(&format!(" {km:.0} km away")),
                None => text.push_str(" (no coordinates)"),
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

// --- actors ----------------------------------------------------------------------------------

fn normalize_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Case- and space-insensitive containment, either way. Empty names never match.
fn same_actor(gold: &str, extracted: &str) -> bool {
    let (gold, extracted) = (normalize_name(gold), normalize_name(extracted));
    !gold.is_empty() && !extracted.is_empty() && (gold.contains(&extracted) || extracted.contains(&gold))
}

// --- files and positions ---------------------------------------------------------------------

/// Finds the article (a key of `texts`) a gold or extracted `file` refers to.
struct FileResolver<'a> {
    files: Vec<&'a str>,
}

impl<'a> FileResolver<'a> {
    fn new(texts: &'a HashMap<String, String>) -> Self {
        let mut files: Vec<&str> = texts.keys().map(String::as_str).collect();
        files.sort_unstable();
        FileResolver { files }
    }

    /// The same path; else one path ending with the other (by components); else the same
    /// file name. Several candidates: the first in path order, with a warning.
    fn resolve(&self, file: &str, warnings: &mut Vec<String>) -> Option<&'a str> {
        if let Some(&same) = self.files.iter().find(|&&known| known == file) {
            return Some(same);
        }
        let wanted = Path::new(file);
        let mut candidates: Vec<&str> = self
            .files
            .iter()
            .copied()
            .filter(|known| Path::new(known).ends_with(wanted) || wanted.ends_with(known))
            .collect();
        if candidates.is_empty() {
            candidates = self
                .files
                .iter()
                .copied()
                .filter(|known| wanted.file_name().is_some() && Path::new(known).file_name() == wanted.file_name())
                .collect();
        }
        if candidates.len() > 1 {
            let message = format!("{file}: ambiguous, could be {}; using the first", candidates.join(", "));
            if !warnings.contains(&message) {
                warnings.push(message);
            }
        }
        candidates.first().copied()
    }
}

/// Byte offset → character position in one text.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of each character.
    starts: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            starts: text.char_indices().map(|(offset, _)| offset).collect(),
        }
    }

    /// The number of characters that start before `byte`: the character position of a byte
    /// offset on a character boundary (a position inside a character rounds up).
    fn char_pos(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start < byte)
    }

    /// An extracted span as a character interval, or `None` (with a warning) when unusable.
    fn span(&self, span: &EvidenceSpan, id: &str, file: &str, warnings: &mut Vec<String>) -> Option<(usize, usize)> {
        let len = self.text.len();
        if span.start >= span.end || span.start >= len {
            warnings.push(format!(
                "{file}: extracted event {id}: evidence span {}..{} is empty or outside the file ({len} bytes); ignored",
                span.start, span.end
            ));
            return None;
        }
        let end = if span.end > len {
            warnings.push(format!(
                "{file}: extracted event {id}: evidence span {}..{} ends past the file ({len} bytes); cut to {len}",
                span.start, span.end
            ));
            len
        } else {
            span.end
        };
        match self.text.get(span.start..end) {
            None => warnings.push(format!(
                "{file}: extracted event {id}: evidence span {}..{} is not on character boundaries",
                span.start, span.end
            )),
            Some(slice) => {
                if let Some(text) = span.text.as_deref().filter(|text| !text.is_empty() && *text != slice) {
                    warnings.push(format!(
                        "{file}: extracted event {id}: evidence text \"{}\" differs from bytes {}..{} of the file: \"{}\"",
                        shorten(text, 60),
                        span.start,
                        span.end,
                        shorten(slice, 60)
                    ));
                }
            }
        }
        Some((self.char_pos(span.start), self.char_pos(end)))
    }
}

/// Sorts intervals and merges the overlapping or touching ones.
fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|&(start, end)| start < end);
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Total length of the intersection of two merged interval lists.
fn intersection(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut total) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let start = a[i].0.max(b[j].0);
        let end = a[i].1.min(b[j].1);
        total += end.saturating_sub(start);
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}

/// At most `max` characters, with "…" when cut; line breaks shown as spaces.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim().replace(['\n', '\r'], " ");
    if text.chars().count() <= max {
        text
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

// ---------------------------------------------------------------------------------------------
// Text report
// ---------------------------------------------------------------------------------------------

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = &self.metrics;
        writeln!(
            f,
            "{} article(s), {} gold event(s), {} extracted event(s), {} matched",
            m.files, m.gold_events, m.extracted_events, m.matched
        )?;
        writeln!(f)?;
        writeln!(f, "{:<22}{:>5} / {:<5} {:>6}", "metric", "right", "total", "score")?;
        for (name, ratio) in [
            ("event recall", m.event_recall),
            ("  main events", m.event_recall_main),
            ("event precision", m.event_precision),
            ("date", m.date),
            ("place", m.place),
            ("actors", m.actors),
            ("kind", m.kind),
        ] {
            writeln!(f, "{name:<22}{ratio}")?;
        }

        if !self.warnings.is_empty() {
            writeln!(f, "\nwarnings:")?;
            for warning in &self.warnings {
                writeln!(f, "  {warning}")?;
            }
        }

        #[derive(Default)]
        struct Section<'a> {
            gold: Vec<&'a UnmatchedGold>,
            extracted: Vec<&'a UnmatchedExtracted>,
            pairs: Vec<&'a MatchedPair>,
        }
        let mut sections: BTreeMap<&str, Section> = BTreeMap::new();
        for miss in &self.unmatched_gold {
            sections.entry(&miss.file).or_default().gold.push(miss);
        }
        for miss in &self.unmatched_extracted {
            sections.entry(&miss.file).or_default().extracted.push(miss);
        }
        for pair in self.pairs.iter().filter(|pair| !pair.misses.is_empty()) {
            sections.entry(&pair.file).or_default().pairs.push(pair);
        }
        if sections.is_empty() {
            return Ok(());
        }
        writeln!(f, "\nmisses:")?;
        for (file, section) in sections {
            writeln!(f, "\n== {file}")?;
            for miss in section.gold {
                let salience = miss.salience.as_deref().unwrap_or("?");
                let summary = miss.summary.as_deref().map(|s| shorten(s, 100)).unwrap_or_default();
                write!(f, "  gold not found     {} [{salience}] {summary}", miss.event_id)?;
                if !miss.overlapped_by.is_empty() {
                    write!(
                        f,
                        " (overlapped by {}, matched elsewhere)",
                        miss.overlapped_by.join(", ")
                    )?;
                }
                writeln!(f)?;
            }
            for miss in section.extracted {
                let evidence = miss.evidence.as_deref().map(|e| shorten(e, 100)).unwrap_or_default();
                write!(f, "  extracted, no gold {} \"{evidence}\"", miss.id)?;
                if !miss.overlaps.is_empty() {
                    write!(f, " (overlaps {}, matched elsewhere)", miss.overlaps.join(", "))?;
                }
                writeln!(f)?;
            }
            for pair in section.pairs {
                writeln!(f, "  {} ↔ {}", pair.gold_id, pair.extracted_id)?;
                for miss in &pair.misses {
                    writeln!(f, "      {:<7}gold: {}", miss.field, miss.gold)?;
                    writeln!(f, "      {:<7}got:  {}", "", miss.extracted)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FILE: &str = "articles/a.txt";
    // Multi-byte text: each Chinese character is 3 bytes in UTF-8.
    const TEXT: &str =
        "中英合作。HEFEI, Sept. 29 -- A UK delegation visited Hefei. 伦敦会议召开。The two sides signed a deal.";

    fn texts() -> HashMap<String, String> {
        HashMap::from([(FILE.to_string(), TEXT.to_string())])
    }

    fn gold_event(id: &str, evidence: &str) -> GoldEvent {
        GoldEvent {
            file: "a.txt".into(),
            event_id: id.into(),
            salience: Some("main".into()),
            evidence: vec![evidence.into()],
            kind: Some("visit".into()),
            ..GoldEvent::default()
        }
    }

    /// An extracted event whose evidence is the first occurrence of `evidence` (byte offsets).
    fn extracted_event(id: &str, evidence: &str) -> ExtractedEvent {
        let start = TEXT.find(evidence).expect("evidence in TEXT");
        ExtractedEvent {
            id: id.into(),
            file: FILE.into(),
            kind: Some("visit".into()),
            evidence: vec![EvidenceSpan {
                start,
                end: start + evidence.len(),
                text: Some(evidence.into()),
            }],
            ..ExtractedEvent::default()
        }
    }

    fn extraction(events: Vec<ExtractedEvent>) -> Extraction {
        Extraction {
            documents: vec![],
            events,
        }
    }

    fn one_pair(gold: GoldEvent, extracted: ExtractedEvent) -> MatchedPair {
        let report = evaluate(&[gold], &extraction(vec![extracted]), &texts());
        assert_eq!(report.pairs.len(), 1, "{report}");
        report.pairs.into_iter().next().unwrap()
    }

    #[test]
    fn byte_offsets_become_character_positions() {
        // "伦敦会议召开。" is 7 characters, 21 bytes; the overlap is counted in characters.
        let report = evaluate(
            &[gold_event("g1", "伦敦会议召开。")],
            &extraction(vec![extracted_event("e1", "伦敦会议召开。The two")]),
            &texts(),
        );
        assert_eq!(report.pairs.len(), 1, "{report}");
        assert_eq!(report.pairs[0].overlap, 7);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);

        let index = CharIndex::new(TEXT);
        assert_eq!(index.char_pos(0), 0);
        assert_eq!(index.char_pos(15), 5, "after 中英合作。");
        assert_eq!(index.char_pos(TEXT.len()), TEXT.chars().count());
    }

    #[test]
    fn bytes_read_as_characters_would_not_match() {
        // A span given as character positions instead of bytes lands elsewhere: no match, and
        // a warning that its text differs from the file.
        let evidence = "a deal.";
        let chars = TEXT.chars().count();
        let start = TEXT[..TEXT.find(evidence).unwrap()].chars().count();
        let mut event = extracted_event("e1", evidence);
        event.evidence[0].start = start;
        event.evidence[0].end = start + evidence.len();
        assert_eq!(start + evidence.len(), chars);
        let report = evaluate(&[gold_event("g1", evidence)], &extraction(vec![event]), &texts());
        assert_eq!(report.metrics.matched, 0, "{report}");
        assert!(
            report.warnings.iter().any(|w| w.contains("differs from bytes")),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn a_gold_event_is_matched_once_and_the_largest_overlap_wins() {
        let gold = [gold_event("g1", "A UK delegation visited Hefei.")];
        let events = vec![
            extracted_event("small", "visited Hefei."),
            extracted_event("large", "HEFEI, Sept. 29 -- A UK delegation visited Hefei."),
        ];
        let report = evaluate(&gold, &extraction(events), &texts());
        assert_eq!(report.pairs.len(), 1);
        assert_eq!(report.pairs[0].extracted_id, "large");
        assert_eq!(report.pairs[0].overlap, "A UK delegation visited Hefei.".len());
        assert_eq!(report.metrics.event_recall, Ratio::new(1, 1));
        assert_eq!(report.metrics.event_recall_main, Ratio::new(1, 1));
        assert_eq!(report.metrics.event_precision, Ratio::new(1, 2));
        assert_eq!(report.unmatched_extracted.len(), 1);
        assert_eq!(report.unmatched_extracted[0].id, "small");
        assert_eq!(report.unmatched_extracted[0].overlaps, ["g1"]);
        assert_eq!(
            report.unmatched_extracted[0].evidence.as_deref(),
            Some("visited Hefei.")
        );
    }

    #[test]
    fn the_assignment_is_global_not_first_come() {
        // e1 overlaps g1 by 30 characters and g2 by 35; e2 overlaps only g1, by 15. Taking the
        // gold events in order would give g1 to e1 and leave g2 unmatched; the global greedy
        // assignment gives e1→g2 first, then e2→g1: both gold events matched.
        let gold = [
            gold_event("g1", "HEFEI, Sept. 29 -- A UK delegation visited Hefei."),
            gold_event("g2", "伦敦会议召开。The two sides signed a deal."),
        ];
        let e1 = extracted_event(
            "e1",
            "A UK delegation visited Hefei. 伦敦会议召开。The two sides signed a deal.",
        );
        let e2 = extracted_event("e2", "HEFEI, Sept. 29");
        let report = evaluate(&gold, &extraction(vec![e1, e2]), &texts());
        let pairs: Vec<(&str, &str)> = report
            .pairs
            .iter()
            .map(|p| (p.gold_id.as_str(), p.extracted_id.as_str()))
            .collect();
        assert_eq!(pairs, [("g1", "e2"), ("g2", "e1")]);
        assert_eq!(report.metrics.event_precision, Ratio::new(2, 2));
    }

    #[test]
    fn unmatched_gold_lowers_recall_and_main_recall() {
        let mut secondary = gold_event("g2", "The two sides signed a deal.");
        secondary.salience = Some("secondary".into());
        secondary.summary = Some("A deal".into());
        let gold = [gold_event("g1", "A UK delegation visited Hefei."), secondary];
        let report = evaluate(&gold, &extraction(vec![]), &texts());
        assert_eq!(report.metrics.event_recall, Ratio::new(0, 2));
        assert_eq!(report.metrics.event_recall_main, Ratio::new(0, 1));
        assert_eq!(report.metrics.event_precision, Ratio::new(0, 0));
        assert_eq!(report.metrics.event_precision.value(), None);
        assert_eq!(report.unmatched_gold.len(), 2);
        assert_eq!(report.unmatched_gold[1].summary.as_deref(), Some("A deal"));
        assert_eq!(report.unmatched_gold[1].file, FILE);
    }

    #[test]
    fn gold_evidence_missing_from_the_file_is_a_warning() {
        let report = evaluate(
            &[gold_event("g1", "Not in the article.")],
            &extraction(vec![extracted_event("e1", "The two sides")]),
            &texts(),
        );
        assert_eq!(report.metrics.event_recall, Ratio::new(0, 1));
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w.contains("g1: evidence not found in the file")),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn a_gold_string_counts_at_every_occurrence() {
        let text = "Deal signed. Other news. Deal signed.";
        let texts = HashMap::from([(FILE.to_string(), text.to_string())]);
        let mut event = extracted_event("e1", "signed");
        event.evidence[0] = EvidenceSpan {
            start: 30,
            end: 36,
            text: None,
        };
        let report = evaluate(&[gold_event("g1", "Deal signed.")], &extraction(vec![event]), &texts);
        assert_eq!(report.metrics.matched, 1, "{report}");
    }

    #[test]
    fn events_of_files_not_given_are_left_out() {
        let mut other_gold = gold_event("x1", "anything");
        other_gold.file = "other.txt".into();
        let mut other_extracted = extracted_event("x", "The two");
        other_extracted.file = "elsewhere/other.txt".into();
        let report = evaluate(&[other_gold], &extraction(vec![other_extracted]), &texts());
        assert_eq!(report.metrics.gold_events, 0);
        assert_eq!(report.metrics.extracted_events, 0);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(report.warnings[0].starts_with("other.txt: not among the articles given"));
    }

    #[test]
    fn files_match_by_path_suffix_or_name() {
        let texts = HashMap::from([("./corpus/a.txt".to_string(), TEXT.to_string())]);
        let resolver = FileResolver::new(&texts);
        let mut warnings = vec![];
        assert_eq!(resolver.resolve("a.txt", &mut warnings), Some("./corpus/a.txt"));
        assert_eq!(resolver.resolve("corpus/a.txt", &mut warnings), Some("./corpus/a.txt"));
        assert_eq!(resolver.resolve("/data/a.txt", &mut warnings), Some("./corpus/a.txt"));
        assert_eq!(resolver.resolve("b.txt", &mut warnings), None);
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_offsets_are_warnings_not_crashes() {
        let mut event = extracted_event("e1", "The two");
        event.evidence.push(EvidenceSpan {
            start: 1,
            end: 2,
            text: None,
        });
        event.evidence.push(EvidenceSpan {
            start: 5000,
            end: 5010,
            text: None,
        });
        let report = evaluate(&[gold_event("g1", "The two sides")], &extraction(vec![event]), &texts());
        assert_eq!(report.metrics.matched, 1);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    }

    fn dated(date: Option<&str>, precision: Option<&str>) -> (Option<String>, Option<String>) {
        (date.map(str::to_string), precision.map(str::to_string))
    }

    fn date_score(gold: (Option<&str>, Option<&str>), extracted: (Option<&str>, Option<&str>)) -> Option<bool> {
        let mut g = gold_event("g1", "The two sides");
        (g.date, g.date_precision) = dated(gold.0, gold.1);
        let mut e = extracted_event("e1", "The two sides");
        (e.date, e.date_precision) = dated(extracted.0, extracted.1);
        one_pair(g, e).date_right
    }

    #[test]
    fn dates_are_cut_to_the_gold_precision() {
        let month = (Some("2025-05"), Some("month"));
        let day = (Some("2025-05-15"), Some("day"));
        assert_eq!(date_score(month, day), Some(true), "gold month, extracted day in it");
        assert_eq!(
            date_score(month, (Some("2025-05-15"), None)),
            Some(true),
            "precision from the string"
        );
        assert_eq!(date_score(day, month), Some(false), "extracted coarser than gold");
        assert_eq!(date_score(day, day), Some(true));
        assert_eq!(date_score(day, (Some("2025-05-16"), Some("day"))), Some(false));
        assert_eq!(date_score(month, (Some("2025-06-15"), Some("day"))), Some(false));
        assert_eq!(date_score((Some("2025"), Some("year")), day), Some(true));
        assert_eq!(
            date_score((Some("2025"), Some("year")), (Some("2024-05"), None)),
            Some(false)
        );
        assert_eq!(
            date_score(month, (Some("2025-05-15"), Some("year"))),
            Some(false),
            "declared precision coarser than the gold one"
        );
        assert_eq!(date_score(month, (None, None)), Some(false));
        assert_eq!(
            date_score(month, (Some("May 2025"), None)),
            Some(false),
            "malformed extracted date"
        );
    }

    #[test]
    fn a_null_gold_date_wants_no_date() {
        assert_eq!(date_score((None, None), (None, None)), Some(true));
        assert_eq!(date_score((None, None), (Some("2025-05-15"), Some("day"))), Some(false));
        let mut g = gold_event("g1", "The two sides");
        g.date = Some("2025-05-15".into());
        let mut e = extracted_event("e1", "The two sides");
        e.date = None;
        let pair = one_pair(g, e);
        assert_eq!(pair.misses[0].field, Field::Date);
        assert_eq!(pair.misses[0].gold, "2025-05-15");
        assert_eq!(pair.misses[0].extracted, "null");
    }

    #[test]
    fn a_malformed_gold_date_is_not_scored() {
        assert_eq!(date_score((Some("2025-13"), None), (Some("2025-05"), None)), None);
    }

    fn gold_place(canonical: &str, lat: f64, lon: f64, level: Option<&str>) -> GoldPlace {
        GoldPlace {
            name: Some(canonical.into()),
            canonical: Some(canonical.into()),
            lat,
            lon,
            level: level.map(str::to_string),
            inferred: None,
        }
    }

    fn place(name: &str, lat: f64, lon: f64, country: Option<&str>) -> ExtractedPlace {
        ExtractedPlace {
            name: Some(name.into()),
            lat: Some(lat),
            lon: Some(lon),
            country: country.map(str::to_string),
            level: None,
        }
    }

    fn place_score(gold: Vec<GoldPlace>, extracted: Vec<ExtractedPlace>) -> Option<bool> {
        let mut g = gold_event("g1", "The two sides");
        g.places = gold;
        let mut e = extracted_event("e1", "The two sides");
        e.places = extracted;
        one_pair(g, e).place_right
    }

    #[test]
    fn places_are_compared_by_distance_and_country() {
        let london = || gold_place("London, United Kingdom", 51.5074, -0.1278, None);
        let hunan = || gold_place("Hunan, China", 27.6104, 111.7088, Some("region"));
        let uk = || gold_place("United Kingdom", 54.0, -2.0, Some("country"));
        // Westminster is a few km from the London point; Oxford is about 80 km away.
        assert_eq!(
            place_score(vec![london()], vec![place("Westminster", 51.4975, -0.1357, Some("GB"))]),
            Some(true)
        );
        assert_eq!(
            place_score(vec![london()], vec![place("Oxford", 51.752, -1.2577, Some("GB"))]),
            Some(false)
        );
        // Changsha is about 120 km from the Hunan point, Guangzhou about 500 km.
        assert_eq!(
            place_score(vec![hunan()], vec![place("Changsha", 28.2282, 112.9388, Some("CN"))]),
            Some(true)
        );
        assert_eq!(
            place_score(vec![hunan()], vec![place("Guangzhou", 23.1291, 113.2644, Some("CN"))]),
            Some(false)
        );
        // Any place in the country, even far from its centre point; a wrong code is wrong.
        assert_eq!(
            place_score(vec![uk()], vec![place("Plymouth", 50.3755, -4.1427, Some("GB"))]),
            Some(true)
        );
        assert_eq!(
            place_score(vec![uk()], vec![place("Dublin", 53.3498, -6.2603, Some("IE"))]),
            Some(false)
        );
        // No country code on the extracted place: within 1000 km of the gold point.
        assert_eq!(
            place_score(vec![uk()], vec![place("Leeds", 53.8008, -1.5491, None)]),
            Some(true)
        );
        // One right place among several is enough; any gold place will do.
        assert_eq!(
            place_score(
                vec![hunan(), london()],
                vec![
                    place("Paris", 48.8566, 2.3522, Some("FR")),
                    place("London", 51.5074, -0.1278, Some("GB"))
                ]
            ),
            Some(true)
        );
        assert_eq!(place_score(vec![london()], vec![]), Some(false));
        assert_eq!(
            place_score(vec![], vec![place("London", 51.5, -0.12, Some("GB"))]),
            None,
            "not counted"
        );
    }

    #[test]
    fn gold_country_names_map_to_codes() {
        assert_eq!(
            gold_country(&gold_place("United Kingdom", 54.0, -2.0, Some("country"))),
            Some("GB")
        );
        assert_eq!(
            gold_country(&gold_place("Chine", 35.9, 104.2, Some("country"))),
            Some("CN")
        );
        assert_eq!(
            gold_country(&gold_place("Munich, Germany", 48.1, 11.6, None)),
            Some("DE")
        );
        assert_eq!(gold_country(&gold_place("Atlantis", 0.0, 0.0, Some("country"))), None);
        let km = haversine_km(51.5074, -0.1278, 48.8566, 2.3522);
        assert!((km - 343.5).abs() < 1.0, "London–Paris {km}");
    }

    #[test]
    fn actors_are_found_by_containment_either_way() {
        let mut g = gold_event("g1", "The two sides");
        g.actors = ["Li Keqiang", "David Cameron", "TDi Sustainability", "Harriet Radcliffe"]
            .map(|name| GoldActor {
                name: name.into(),
                kind: None,
                country: None,
            })
            .to_vec();
        let mut e = extracted_event("e1", "The two sides");
        e.actors = [
            "Premier LI  KEQIANG",
            "Cameron",
            "tdi sustainability",
            "Radcliffe Harriet",
        ]
        .map(|name| ExtractedActor {
            name: name.into(),
            kind: None,
            country: None,
        })
        .to_vec();
        let pair = one_pair(g, e);
        assert_eq!((pair.actors_found, pair.actors_total), (3, 4));
        assert_eq!(pair.misses[0].field, Field::Actors);
        assert!(
            pair.misses[0].gold.contains("missing: Harriet Radcliffe"),
            "{}",
            pair.misses[0].gold
        );
        assert!(!same_actor("Li", ""), "an empty name matches nothing");
    }

    #[test]
    fn kind_may_be_an_alternative() {
        let mut g = gold_event("g1", "The two sides");
        g.kind = Some("agreement".into());
        g.kind_alt = vec!["visit".into(), "summit".into()];
        let mut e = extracted_event("e1", "The two sides");
        e.kind = Some("summit".into());
        assert_eq!(one_pair(g.clone(), e.clone()).kind_right, Some(true));
        e.kind = Some("agreement".into());
        assert_eq!(one_pair(g.clone(), e.clone()).kind_right, Some(true));
        e.kind = Some("forum".into());
        let pair = one_pair(g, e);
        assert_eq!(pair.kind_right, Some(false));
        assert_eq!(pair.misses[0].gold, "agreement (or visit, summit)");
    }

    #[test]
    fn metrics_sum_over_pairs_and_display_as_a_table() {
        let mut g1 = gold_event("g1", "A UK delegation visited Hefei.");
        g1.date = Some("2025-09-29".into());
        g1.places = vec![gold_place("Hefei, China", 31.8206, 117.2272, None)];
        let mut g2 = gold_event("g2", "The two sides signed a deal.");
        g2.kind = Some("agreement".into());
        let mut e1 = extracted_event("e1", "A UK delegation visited Hefei.");
        e1.date = Some("2025-09-29".into());
        e1.places = vec![place("Hefei", 31.82, 117.23, Some("CN"))];
        let e2 = extracted_event("e2", "The two sides signed a deal.");
        let report = evaluate(&[g1, g2], &extraction(vec![e1, e2]), &texts());
        let m = &report.metrics;
        assert_eq!(m.date, Ratio::new(2, 2));
        assert_eq!(m.place, Ratio::new(1, 1));
        assert_eq!(m.kind, Ratio::new(1, 2));
        assert_eq!(m.actors, Ratio::new(0, 0));
        let text = report.to_string();
        assert!(text.contains("event recall              2 / 2     100.0%"), "{text}");
        assert!(text.contains("kind                      1 / 2      50.0%"), "{text}");
        assert!(
            text.contains("== articles/a.txt\n  g2 ↔ e2\n      kind   gold: agreement\n"),
            "{text}"
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(
            json["metrics"]["kind"],
            json!({"numerator": 1, "denominator": 2, "value": 0.5})
        );
        assert_eq!(json["pairs"][1]["misses"][0]["field"], "kind");
    }

    #[test]
    fn gold_and_extraction_files_parse_leniently() {
        let gold = parse_gold(
            r#"[{"file": "a.txt", "event_id": "1", "summary": "s", "date": null, "date_precision": null,
                "places": [{"name": "London", "canonical": "London, United Kingdom", "lat": 51.5, "lon": -0.1}],
                "actors": [{"name": "X", "type": "org", "country": "GB", "role": "r"}], "kind": "visit",
                "sectors": ["AI"], "figures": [], "evidence": ["e"], "salience": "main", "note": "n"}]"#,
        )
        .unwrap();
        assert_eq!(gold[0].places[0].lat, 51.5);
        assert!(gold[0].kind_alt.is_empty());
        assert_eq!(
            parse_gold(r#"{"events": [{"file": "a.txt", "event_id": 7}]}"#).unwrap()[0].event_id,
            "7"
        );
        let error = parse_gold("[\n {\"event_id\": \"1\"}\n]").unwrap_err();
        assert!(error.to_string().contains("missing field `file`"), "{error}");
        assert_eq!(error.line(), 2);

        let extraction: Extraction = serde_json::from_str(
            r#"{"documents": [{"file": "a.txt", "title": null, "lang": "en", "published": "2025", "source": null}],
                "events": [{"id": "e1", "file": "a.txt", "kind": "visit", "salience": "main", "date": null,
                "date_precision": null, "places": [{"name": "P", "lat": null, "lon": null, "country": null, "level": null}],
                "actors": [], "sectors": [], "figures": [{"text": "$1", "value": 1.0, "currency": "USD", "value_usd": 1.0}],
                "evidence": [{"start": 0, "end": 3, "text": "abc"}], "confidence": 0.9}], "version": 1}"#,
        )
        .unwrap();
        assert_eq!(extraction.events[0].places[0].lat, None);
        assert_eq!(extraction.events[0].evidence[0].end, 3);
    }
}
