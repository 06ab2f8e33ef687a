//! Exports of the events in view: CSV for spreadsheets, GeoJSON for maps (QGIS, kepler.gl),
//! the extraction JSON of `atlas extract`, an ICS calendar, and a bundle of the user's own
//! articles. Each takes the events and the documents they come from and returns the file's
//! text (or bytes); the page offers it as a download.
//!
//! Strings are built by hand rather than through serde's `Serialize`: the wasm people download
//! stays smaller. Everything written is data, never markup: the JSON and GeoJSON strings are
//! escaped, CSV cells that a spreadsheet would run as formulas are defused, and ICS text is
//! escaped and folded as RFC 5545 wants.

pub mod bundle;
pub mod csv;
pub mod geojson;
pub mod ics;
pub mod json;
mod zip;

use crate::extraction::{ActorType, DocumentView, EventView, PlaceLevel, PlaceRole};
use crate::state::{kind_tag, sector_tag, side_tag};
use crate::time::{extent, iso};
use atlas_extract::Precision;
use std::collections::HashMap;

/// An export's text and how many of the events given it left out (GeoJSON leaves out events
/// with no place, ICS events with no date).
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub text: String,
    pub left_out: usize,
}

/// The documents by file, for looking up each event's article.
pub struct Documents<'a>(HashMap<&'a str, &'a DocumentView>);

impl<'a> Documents<'a> {
    /// Indexes `documents` by `file` (the first of two with the same file wins).
    pub fn new(documents: &'a [DocumentView]) -> Self {
        let mut by_file = HashMap::with_capacity(documents.len());
        for document in documents {
            by_file.entry(document.file.as_str()).or_insert(document);
        }
        Documents(by_file)
    }

    /// The document an event comes from, if it is among them.
    pub fn of(&self, event: &EventView) -> Option<&'a DocumentView> {
        self.0.get(event.file.as_str()).copied()
    }
}

/// One value of the flat, one-row-per-event view that CSV and GeoJSON properties share.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    Text(String),
    /// `None` is an empty cell, `null` in JSON (also for NaN and infinities).
    Number(Option<f64>),
    Bool(bool),
}

/// The names of the flat fields, in order.
pub(crate) const FLAT_FIELDS: [&str; 21] = [
    "id",
    "kind",
    "salience",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "planned",
    "places",
    "countries",
    "lat",
    "lon",
    "actors",
    "sectors",
    "figures",
    "value_usd",
    "evidence",
    "title",
    "source",
    "url",
    "file",
];

/// An event as one flat row ([`FLAT_FIELDS`] order): lists joined with `; `, the date's true
/// extent (a month covers all its days), the first place's coordinates, the total of the
/// figures in US dollars, and its article's title, source and url.
pub(crate) fn flat_fields(event: &EventView, document: Option<&DocumentView>) -> [Field; 21] {
    use Field::{Bool, Number, Text};
    let (date, precision, start, end) = match event.date {
        Some(date) => {
            let (first, last) = extent(date);
            (date.to_string(), precision_tag(date.precision()), iso(first), iso(last))
        }
        None => Default::default(),
    };
    let first_place = event.places.first();
    let mut countries: Vec<&str> = Vec::new();
    for place in &event.places {
        if !countries.contains(&place.country.as_str()) {
            countries.push(&place.country);
        }
    }
    let document_text =
        |field: fn(&DocumentView) -> &Option<String>| Text(document.and_then(|d| field(d).clone()).unwrap_or_default());
    [
        Text(event.id.clone()),
        Text(kind_tag(event.kind).into()),
        Text(salience_tag(event).into()),
        Text(date),
        Text(precision.into()),
        Text(start),
        Text(end),
        Bool(event.planned),
        Text(event.place_names().join("; ")),
        Text(countries.join("; ")),
        Number(first_place.map(|p| p.lat).filter(|v| v.is_finite())),
        Number(first_place.map(|p| p.lon).filter(|v| v.is_finite())),
        Text(actors_text(event)),
        Text(join(event.sectors.iter().map(|s| sector_tag(*s)), "; ")),
        Text(join(event.figures.iter().map(|f| f.text.as_str()), "; ")),
        Number(usd_total(event)),
        Text(evidence_text(event, " ")),
        document_text(|d| &d.title),
        document_text(|d| &d.source),
        document_text(|d| &d.url),
        Text(event.file.clone()),
    ]
}

pub(crate) fn join<'s>(items: impl Iterator<Item = &'s str>, separator: &str) -> String {
    items.collect::<Vec<_>>().join(separator)
}

/// `Zheng Zeguang (CN); Lord Mayor (GB); Company`: names with their side when known.
pub(crate) fn actors_text(event: &EventView) -> String {
    let actors: Vec<String> = event
        .actors
        .iter()
        .map(|actor| match actor.country {
            Some(side) => format!("{} ({})", actor.name, side_tag(side)),
            None => actor.name.clone(),
        })
        .collect();
    actors.join("; ")
}

/// The evidence sentences, in order.
pub(crate) fn evidence_text(event: &EventView, separator: &str) -> String {
    join(event.evidence.iter().map(|e| e.text.as_str()), separator)
}

/// The sum of the figures' US-dollar values (those that have one); `None` when none has.
pub(crate) fn usd_total(event: &EventView) -> Option<f64> {
    let values: Vec<f64> = event.figures.iter().filter_map(|f| f.value_usd).collect();
    let total: f64 = values.iter().sum();
    (!values.is_empty() && total.is_finite()).then_some(total)
}

pub(crate) fn salience_tag(event: &EventView) -> &'static str {
    match event.salience {
        crate::extraction::Salience::Main => "main",
        crate::extraction::Salience::Secondary => "secondary",
    }
}

pub(crate) fn precision_tag(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

pub(crate) fn level_tag(level: PlaceLevel) -> &'static str {
    match level {
        PlaceLevel::Country => "country",
        PlaceLevel::Region => "region",
        PlaceLevel::City => "city",
        PlaceLevel::District => "district",
    }
}

/// The level a tag of [`level_tag`] names.
pub(crate) fn level_from_tag(tag: &str) -> Option<PlaceLevel> {
    [
        PlaceLevel::Country,
        PlaceLevel::Region,
        PlaceLevel::City,
        PlaceLevel::District,
    ]
    .into_iter()
    .find(|level| level_tag(*level) == tag)
}

pub(crate) fn role_tag(role: PlaceRole) -> &'static str {
    match role {
        PlaceRole::Venue => "venue",
        PlaceRole::Origin => "origin",
        PlaceRole::Mentioned => "mentioned",
    }
}

pub(crate) fn actor_type_tag(actor_type: ActorType) -> &'static str {
    match actor_type {
        ActorType::Org => "org",
        ActorType::Person => "person",
        ActorType::Gov => "gov",
    }
}

/// A small JSON writer: compact, or indented by two spaces as `atlas extract` prints. It
/// writes what it is told in order; keys and values are escaped, numbers that JSON cannot
/// hold (NaN, infinities) become `null`.
pub(crate) struct JsonWriter {
    out: String,
    pretty: bool,
    /// For each open object or array: how many members it has so far.
    open: Vec<usize>,
    after_key: bool,
}

impl JsonWriter {
    pub(crate) fn new(pretty: bool) -> Self {
        JsonWriter {
            out: String::new(),
            pretty,
            open: Vec::new(),
            after_key: false,
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Separates a new member from the one before it.
    fn member(&mut self) {
        if let Some(count) = self.open.last_mut() {
            *count += 1;
            if *count > 1 {
                self.out.push(',');
            }
            self.newline();
        }
    }

    fn before_value(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else {
            self.member();
        }
    }

    pub(crate) fn key(&mut self, key: &str) -> &mut Self {
        self.member();
        write_json_string(&mut self.out, key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
        self
    }

    fn open(&mut self, bracket: char) -> &mut Self {
        self.before_value();
        self.out.push(bracket);
        self.open.push(0);
        self
    }

    fn close(&mut self, bracket: char) -> &mut Self {
        if self.open.pop().is_some_and(|count| count > 0) {
            self.newline();
        }
        self.out.push(bracket);
        self
    }

    pub(crate) fn begin_object(&mut self) -> &mut Self {
        self.open('{')
    }

    pub(crate) fn end_object(&mut self) -> &mut Self {
        self.close('}')
    }

    pub(crate) fn begin_array(&mut self) -> &mut Self {
        self.open('[')
    }

    pub(crate) fn end_array(&mut self) -> &mut Self {
        self.close(']')
    }

    /// `"key": [{…}, {…}]`: an array with an object per item, whose members `write` writes.
    pub(crate) fn objects<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(&mut Self, T),
    ) -> &mut Self {
        self.key(key).begin_array();
        for item in items {
            self.begin_object();
            write(self, item);
            self.end_object();
        }
        self.end_array()
    }

    pub(crate) fn string(&mut self, value: &str) -> &mut Self {
        self.before_value();
        write_json_string(&mut self.out, value);
        self
    }

    pub(crate) fn optional_string(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.string(value),
            None => self.null(),
        }
    }

    pub(crate) fn number(&mut self, value: f64) -> &mut Self {
        self.before_value();
        if !value.is_finite() {
            self.out.push_str("null");
        } else if value.fract() != 0.0 {
            self.out.push_str(&value.to_string());
        } else if value.abs() < 1e16 {
            // As serde_json writes a whole float (`680000000.0`), so that readers keep it a float.
            self.out.push_str(&format!("{value:.1}"));
        } else {
            self.out.push_str(&format!("{value:e}"));
        }
        self
    }

    pub(crate) fn optional_number(&mut self, value: Option<f64>) -> &mut Self {
        match value {
            Some(value) => self.number(value),
            None => self.null(),
        }
    }

    pub(crate) fn integer(&mut self, value: usize) -> &mut Self {
        self.before_value();
        self.out.push_str(&value.to_string());
        self
    }

    pub(crate) fn bool(&mut self, value: bool) -> &mut Self {
        self.before_value();
        self.out.push_str(if value { "true" } else { "false" });
        self
    }

    pub(crate) fn null(&mut self) -> &mut Self {
        self.before_value();
        self.out.push_str("null");
        self
    }

    /// A flat field as a JSON value (an empty text is `null`).
    pub(crate) fn field(&mut self, field: &Field) -> &mut Self {
        match field {
            Field::Text(text) if text.is_empty() => self.null(),
            Field::Text(text) => self.string(text),
            Field::Number(number) => self.optional_number(*number),
            Field::Bool(value) => self.bool(*value),
        }
    }
}

/// `value` as a JSON string: quotes, backslashes and control characters escaped, and `<` too,
/// so that no `</script>` or `<!--` closes a page's script if someone pastes the JSON there.
pub(crate) fn write_json_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '<' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Events and documents for the exporters' tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::extraction::Extraction;

    /// Two articles; three events: a dated visit with two places, a month-dated investment
    /// with a figure and hostile evidence, an undated event with no place.
    pub(crate) fn extraction() -> Extraction {
        let json = r#"{
          "documents": [
            {"file": "corpus/a.txt", "title": "UK firms seek cooperation in Hefei", "lang": "en",
             "published": "2025-09-30", "source": "Xinhua", "url": "https://example.org/a?x=1&y=2",
             "text": "title: T\n\nA delegation visited Hefei and London."},
            {"file": "mine/b.md", "title": "Ein \"Titel\", mit Komma", "lang": "de", "published": null}
          ],
          "events": [
            {"id": "a.txt#1", "file": "corpus/a.txt", "kind": "visit", "salience": "main",
             "date": "2025-09-29", "planned": false,
             "places": [{"name": "Hefei", "canonical": "Hefei", "lat": 31.86, "lon": 117.28, "country": "CN",
                         "level": "city", "role": "venue", "inferred": false},
                        {"name": "London", "canonical": "London", "lat": 51.5, "lon": -0.12, "country": "GB",
                         "level": "city", "role": "origin", "inferred": true}],
             "actors": [{"name": "Zheng Zeguang", "type": "person", "country": "CN", "role": "Ambassador"},
                        {"name": "Acme, Ltd.", "type": "org", "country": null}],
             "sectors": ["ai", "transport"], "figures": [],
             "evidence": [{"start": 10, "end": 48, "text": "A delegation visited Hefei and London."}]},
            {"id": "b.md#1", "file": "mine/b.md", "kind": "investment", "salience": "secondary",
             "date": "2024-02", "planned": true,
             "places": [{"name": "Manchester", "canonical": "Manchester", "lat": 53.48, "lon": -2.24,
                         "country": "GB", "level": "city", "role": "venue"}],
             "actors": [], "sectors": [],
             "figures": [{"text": "£1 billion", "value": 1e9, "currency": "GBP", "value_usd": 1.27e9},
                         {"text": "$5 million", "value": 5e6, "currency": "USD", "value_usd": 5e6}],
             "evidence": [{"start": 0, "end": 5, "text": "=HYPERLINK(\"javascript:alert(1)\",\"x\") <script>alert(1)</script>\nline two; a, b\\c"}]},
            {"id": "b.md#2", "file": "mine/b.md", "kind": "other", "salience": "secondary",
             "evidence": [{"start": 0, "end": 1, "text": "-2 is not a formula, -x is"}]}
          ]
        }"#;
        Extraction::from_json(json).unwrap()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped_and_inert() {
        let mut out = String::new();
        write_json_string(&mut out, "a\"b\\c\nd\u{1}e</script>\u{2028}中");
        assert_eq!(out, r#""a\"b\\c\nd\u0001e\u003c/script>\u2028中""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a\"b\\c\nd\u{1}e</script>\u{2028}中");
    }

    #[test]
    fn the_writer_writes_valid_json_compact_and_pretty() {
        for pretty in [false, true] {
            let mut json = JsonWriter::new(pretty);
            json.begin_object();
            json.key("a")
                .begin_array()
                .number(1.5)
                .number(f64::NAN)
                .null()
                .end_array();
            json.key("empty").begin_array().end_array();
            json.key("n").integer(3);
            json.key("o")
                .begin_object()
                .key("b")
                .bool(true)
                .key("s")
                .string("x")
                .end_object();
            json.end_object();
            let text = json.finish();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                value,
                serde_json::json!({"a": [1.5, null, null], "empty": [], "o": {"b": true, "s": "x"}, "n": 3})
            );
            if pretty {
                // Keys in alphabetical order, as serde_json's map writes them.
                assert_eq!(
                    text,
                    serde_json::to_string_pretty(&value).unwrap(),
                    "the same layout as atlas extract"
                );
            } else {
                assert_eq!(text, r#"{"a":[1.5,null,null],"empty":[],"n":3,"o":{"b":true,"s":"x"}}"#);
            }
        }
    }

    #[test]
    fn flat_fields_give_the_extent_the_first_place_and_the_usd_total() {
        let extraction = fixtures::extraction();
        let documents = Documents::new(&extraction.documents);
        let event = &extraction.events[1];
        let fields = flat_fields(event, documents.of(event));
        let field = |name: &str| fields[FLAT_FIELDS.iter().position(|n| *n == name).unwrap()].clone();
        assert_eq!(field("date_start"), Field::Text("2024-02-01".into()));
        assert_eq!(field("date_end"), Field::Text("2024-02-29".into()));
        assert_eq!(field("date_precision"), Field::Text("month".into()));
        assert_eq!(field("lon"), Field::Number(Some(-2.24)));
        assert_eq!(field("value_usd"), Field::Number(Some(1.275e9)));
        assert_eq!(field("figures"), Field::Text("£1 billion; $5 million".into()));
        assert_eq!(field("title"), Field::Text("Ein \"Titel\", mit Komma".into()));
        assert_eq!(field("url"), Field::Text(String::new()));
        let fields = flat_fields(&extraction.events[0], None);
        assert_eq!(fields[12], Field::Text("Zheng Zeguang (CN); Acme, Ltd.".into()));
        assert_eq!(fields[17], Field::Text(String::new()), "no document: no title");
    }
}
