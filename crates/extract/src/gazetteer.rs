//! Places the engine recognises: the generated GeoNames gazetteer (`data/gazetteer/`), with a
//! multi-pattern matcher over every name in every script.

use crate::error::{Error, ErrorKind};
use crate::fxhash::FxHashMap;
use crate::language::is_han;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Serialize;
use std::sync::OnceLock;

/// How large a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    Country,
    Region,
    City,
    District,
}

impl PlaceLevel {
    fn parse(text: &str) -> Option<PlaceLevel> {
        Some(match text {
            "country" => PlaceLevel::Country,
            "region" => PlaceLevel::Region,
            "city" => PlaceLevel::City,
            "district" => PlaceLevel::District,
            _ => return None,
        })
    }
}

/// One row of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// GeoNames id, `C-XX` (country), `R-XX.NN` (admin-1 region) or `A<n>` (reviewed alias).
    pub id: String,
    /// English display name.
    pub name: String,
    pub level: PlaceLevel,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// GeoNames admin-1 code within the country (`ENG`, `SCT`, `01` for Anhui…), or empty.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// Index of a place in [`Gazetteer::places`].
pub type PlaceIndex = u32;

/// A place name found in text: where, and every place that bears that name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch<'g> {
    pub start: usize,
    pub end: usize,
    pub candidates: &'g [PlaceIndex],
}

/// The places, and a matcher over all their names.
pub struct Gazetteer {
    places: Vec<Place>,
    /// Pattern `i` of `matcher` is a name of the places `places_by_pattern[i]`.
    places_by_pattern: Vec<Vec<PlaceIndex>>,
    matcher: AhoCorasick,
    /// Exact names, for [`Gazetteer::lookup`]: a hash probe instead of a scan.
    pattern_by_name: FxHashMap<Box<str>, usize>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.places_by_pattern.len())
            .finish()
    }
}

/// The gazetteer compiled into the engine.
pub const BUNDLED_GAZETTEER_TSV: &str = include_str!("../data/gazetteer/gazetteer.tsv");

/// Capitalised words that are place names somewhere but, in news text, are almost always
/// something else: common words, and an agency that shares its name with several Chinese
/// towns. Month and weekday names (a town called March) are left out too
/// ([`crate::date::is_calendar_word`]).
const NOT_PLACE_NAMES: &[&str] = &[
    "Xinhua", "Deal", "Sale", "Reading", "Hook", "Ware", "Male", "Street", "Split", "Nice", "Born", "Essen", "Bad",
    "Hier", "Sud", "Nord", "Est", "Ouest", "Central", "Mobile", "Union", "Victoria", "Phoenix", "Orange", "Marathon",
    "Chili", "Island", "US",
];

impl Gazetteer {
    /// Reads a gazetteer in the format of `data/gazetteer/README.md`.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidData`] naming the line of the first malformed row.
    ///
    /// # Example
    /// ```
    /// use atlas_extract::gazetteer::{Gazetteer, PlaceLevel};
    /// let tsv = "#id\tname\tlevel\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\n\
    ///            2643743\tLondon\tcity\tGB\tENG\t51.5085\t-0.1257\t8961989\tLondon|Londres|伦敦\n";
    /// let gazetteer = Gazetteer::parse(tsv).unwrap();
    /// let found = gazetteer.find("Un forum à Londres et à 伦敦.");
    /// assert_eq!(found.len(), 2);
    /// assert_eq!(gazetteer.place(found[1].candidates[0]).level, PlaceLevel::City);
    /// ```
    pub fn parse(tsv: &str) -> Result<Gazetteer, Error> {
        let mut places = Vec::new();
        let mut pattern_of_name: FxHashMap<&str, usize> = FxHashMap::default();
        let mut names: Vec<&str> = Vec::new();
        let mut places_by_pattern: Vec<Vec<PlaceIndex>> = Vec::new();
        for (line_index, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| {
                Error::new(ErrorKind::InvalidData {
                    line: line_index + 1,
                    message: message.to_string(),
                })
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, name, level, country, admin1, lat, lon, population, row_names] = fields[..] else {
                return Err(bad(&format!(
                    "expected 9 tab-separated columns, found {}",
                    fields.len()
                )));
            };
            let place = Place {
                id: id.to_string(),
                name: name.to_string(),
                level: PlaceLevel::parse(level).ok_or_else(|| bad(&format!("unknown level {level:?}")))?,
                country: country.to_string(),
                admin1: admin1.to_string(),
                lat: lat
                    .parse()
                    .map_err(|_| bad(&format!("latitude {lat:?} is not a number")))?,
                lon: lon
                    .parse()
                    .map_err(|_| bad(&format!("longitude {lon:?} is not a number")))?,
                population: population
                    .parse()
                    .map_err(|_| bad(&format!("population {population:?} is not a whole number")))?,
            };
            let index = PlaceIndex::try_from(places.len()).map_err(|_| bad("too many places"))?;
            places.push(place);
            for row_name in row_names.split('|').filter(|n| is_matchable(n)) {
                let pattern = *pattern_of_name.entry(row_name).or_insert_with(|| {
                    names.push(row_name);
                    places_by_pattern.push(Vec::new());
                    names.len() - 1
                });
                places_by_pattern[pattern].push(index);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&names)
            .map_err(|error| {
                Error::new(ErrorKind::InvalidData {
                    line: 0,
                    message: error.to_string(),
                })
            })?;
        let pattern_by_name = pattern_of_name
            .into_iter()
            .map(|(name, pattern)| (Box::from(name), pattern))
            .collect();
        Ok(Gazetteer {
            places,
            places_by_pattern,
            matcher,
            pattern_by_name,
        })
    }

    /// The gazetteer compiled into the engine, parsed on first use.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| Gazetteer::parse(BUNDLED_GAZETTEER_TSV).expect("the bundled gazetteer is valid"))
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn place(&self, index: PlaceIndex) -> &Place {
        &self.places[index as usize]
    }

    /// Every place name in `text`, longest first where names overlap (`Newcastle upon Tyne`
    /// over `Newcastle`). Names in alphabetic scripts must stand as whole words, with the case
    /// the gazetteer gives them; Han names match anywhere.
    pub fn find<'g>(&'g self, text: &str) -> Vec<NameMatch<'g>> {
        self.matcher
            .find_iter(text)
            .filter(|m| stands_alone(text, m.start(), m.end()))
            .map(|m| NameMatch {
                start: m.start(),
                end: m.end(),
                candidates: &self.places_by_pattern[m.pattern().as_usize()],
            })
            .collect()
    }

    /// The places called exactly `name` (no surrounding text), e.g. a dateline's city.
    pub fn lookup(&self, name: &str) -> &[PlaceIndex] {
        self.pattern_by_name
            .get(name)
            .map_or(&[], |&pattern| &self.places_by_pattern[pattern])
    }
}

fn is_matchable(name: &str) -> bool {
    !name.is_empty() && !NOT_PLACE_NAMES.contains(&name) && !crate::date::is_calendar_word(name)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// A match of an alphabetic name must not continue a word on either side.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open_start = first.is_some_and(is_han) || !before.is_some_and(is_word_char);
    let open_end = last.is_some_and(is_han) || !after.is_some_and(is_word_char);
    open_start && open_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(text: &str) -> Vec<&str> {
        Gazetteer::bundled()
            .find(text)
            .into_iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn bundled_gazetteer_parses_and_holds_both_sides() {
        let gazetteer = Gazetteer::bundled();
        assert!(gazetteer.places().len() > 1000);
        for country in ["CN", "GB"] {
            assert!(gazetteer
                .places()
                .iter()
                .any(|p| p.country == country && p.level == PlaceLevel::Country));
        }
    }

    #[test]
    fn names_in_every_script_and_language() {
        assert_eq!(names_in("伦敦和倫敦"), ["伦敦", "倫敦"]);
        assert_eq!(names_in("un sommet à Londres"), ["Londres"]);
        assert_eq!(names_in("im Vereinigten Königreich und in China"), ["China"]);
        assert_eq!(
            names_in("das Vereinigte Königreich"),
            Vec::<&str>::new(),
            "inflected forms are the matcher's job"
        );
    }

    #[test]
    fn whole_words_only_and_case_matters() {
        assert_eq!(names_in("Londoners in Hefei"), ["Hefei"]);
        assert_eq!(names_in("a bath and a reading"), Vec::<&str>::new());
        assert_eq!(names_in("On March 17 Xinhua reported"), Vec::<&str>::new());
    }

    #[test]
    fn longest_name_wins() {
        assert_eq!(names_in("Newcastle upon Tyne"), ["Newcastle upon Tyne"]);
    }

    #[test]
    fn same_name_on_both_sides_of_the_atlantic() {
        let gazetteer = Gazetteer::bundled();
        let countries: Vec<&str> = gazetteer
            .lookup("Cambridge")
            .iter()
            .map(|&i| gazetteer.place(i).country.as_str())
            .collect();
        assert!(countries.contains(&"GB") && countries.contains(&"US"), "{countries:?}");
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let error = Gazetteer::parse("#header\n1\tX\tcity\tGB\t\tnorth\t0\t0\tX\n").unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::InvalidData {
                line: 2,
                message: "latitude \"north\" is not a number".into()
            }
        );
        let error = Gazetteer::parse("1\tX\tcity\n").unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
    }
}
