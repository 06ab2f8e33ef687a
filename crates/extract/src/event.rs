//! What the engine reports: events, with the places, actors, figures and sentences behind them.
//! The JSON shape is documented in the crate README.

use crate::date::{PartialDate, Precision};
use crate::date_expr::Resolution;
use crate::gazetteer::{Place, PlaceLevel};
use crate::lexicon::{EventKind, Sector, Side};
use crate::money::MoneyFigure;
use serde::Serialize;

/// Whether an event is what the article is about, or background to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Salience {
    Main,
    Secondary,
}

/// How an event's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A date expression in the event's own sentences, resolved as `resolution` says.
    Stated(Resolution),
    /// The wire-story dateline (`HEFEI, Sept. 29 (Xinhua) --`) of the paragraph stating it.
    Dateline,
    /// The date of the event this one took place at (a signing at a summit).
    Occasion,
    /// The month the article was published: the news it leads with, when no date is stated.
    Published,
}

/// What part a place plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// Where it happened.
    Venue,
    /// Where a participant comes from (a Hunan delegation).
    Origin,
    /// Named in the sentence without a clear role.
    Mentioned,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventPlace {
    /// As written in the text.
    pub name: String,
    /// The gazetteer's English name.
    pub canonical: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub level: PlaceLevel,
    pub role: PlaceRole,
    /// Taken from context (the dateline, the occasion), not from the event's own sentences.
    pub inferred: bool,
    /// Gazetteer id, for joining with map geometry.
    pub gazetteer_id: String,
}

impl EventPlace {
    /// The gazetteer's `place`, written `name` in the text.
    ///
    /// # Example
    /// ```
    /// use atlas_extract::event::{EventPlace, PlaceRole};
    /// use atlas_extract::gazetteer::Gazetteer;
    /// let gazetteer = Gazetteer::bundled();
    /// let london = gazetteer.place(gazetteer.lookup("London")[0]);
    /// let place = EventPlace::of("Londres", london, PlaceRole::Venue, false);
    /// assert_eq!((place.name.as_str(), place.country.as_str()), ("Londres", "GB"));
    /// ```
    pub fn of(name: &str, place: &Place, role: PlaceRole, inferred: bool) -> EventPlace {
        EventPlace {
            name: name.to_string(),
            canonical: place.name.clone(),
            lat: place.lat,
            lon: place.lon,
            country: place.country.clone(),
            level: place.level,
            role,
            inferred,
            gazetteer_id: place.id.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    Org,
    Person,
    Gov,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub name: String,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    /// The side the actor represents, when the text tells.
    pub country: Option<Side>,
    /// A person's role, as written (`Chinese Ambassador to the UK`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A sentence stating the event: `text` is exactly the file's bytes `start..end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// `<file>#<n>`, stable for the same file content.
    pub id: String,
    pub file: String,
    pub kind: EventKind,
    pub salience: Salience,
    pub date: Option<PartialDate>,
    pub date_precision: Option<Precision>,
    /// Where the date came from; `None` with no date.
    pub date_source: Option<DateSource>,
    /// The event lies after the article's date: announced, not yet happened.
    pub planned: bool,
    pub places: Vec<EventPlace>,
    pub actors: Vec<Actor>,
    pub sectors: Vec<Sector>,
    pub figures: Vec<MoneyFigure>,
    pub evidence: Vec<Evidence>,
}
