//! Places the engine recognises: the generated GeoNames gazetteer (`data/gazetteer/`), with a
//! multi-pattern matcher over every name in every script.

use crate::error::{Error, ErrorKind};
use crate::fxhash::FxHashMap;
use crate::language::is_han;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Serialize;
use std::sync::OnceLock;

/// How large a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
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
    /// Anchored only: [`Gazetteer::find`] runs it where [`Starts`] lets a name begin.
    matcher: AhoCorasick,
    starts: Starts,
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
        let starts = Starts::new(&names);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
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
            starts,
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
        // Leftmost-longest, one name after the other, as an unanchored scan would find them:
        // the longest name at the first position where any begins, then on from its end. Most
        // positions cannot begin a name (names are capitalised, or Han), so the automaton only
        // runs from those that can; a name that is then dropped for not standing alone still
        // hides the names overlapping it, as it would in a scan.
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(start) = self.starts.next(text, at) {
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            let Some(m) = self.matcher.find(input) else {
                at = start + 1;
                continue;
            };
            if stands_alone(text, m.start(), m.end()) {
                found.push(NameMatch {
                    start: m.start(),
                    end: m.end(),
                    candidates: &self.places_by_pattern[m.pattern().as_usize()],
                });
            }
            at = m.end();
        }
        found
    }

    /// The places called exactly `name` (no surrounding text), e.g. a dateline's city.
    pub fn lookup(&self, name: &str) -> &[PlaceIndex] {
        self.pattern_by_name
            .get(name)
            .map_or(&[], |&pattern| &self.places_by_pattern[pattern])
    }
}

/// Where a name may begin, to rule out most positions without running the automaton (whose
/// states, for tens of thousands of names, are mostly cache misses): the characters names begin
/// with, a byte table for ASCII and a bit per character of the Basic Multilingual Plane (8 KB);
/// then their first bytes, hashed into a bit set (32 KB) that lets through every prefix of a
/// name and few others.
struct Starts {
    /// Per byte: 0 never begins a name (continuation bytes among them), 1 an ASCII first
    /// character, 2 the lead byte of some first character (look the character up).
    by_byte: [u8; 256],
    bmp: Box<[u64; 1024]>,
    /// Some name begins beyond the BMP: every such character is a candidate.
    astral: bool,
    /// The first [`Starts::prefix_len`] bytes of every name, or all of a shorter one, hashed.
    prefixes: Box<[u64; PREFIX_WORDS]>,
    /// Bit `n`: some name shorter than the prefix is `n` bytes long (ASCII first character,
    /// other).
    short_lengths: [u8; 2],
    /// The ASCII bytes that begin a name outside `0x40..=0x5F` (capitals), when there are two
    /// at most (`d` of `d'Abidjan`, say): then [`Starts::first_candidate`] can pass over eight
    /// bytes at a time.
    other_ascii_starts: Option<[u8; 2]>,
}

const PREFIX_BITS: u32 = 18;
const PREFIX_WORDS: usize = 1 << (PREFIX_BITS - 6);

impl Starts {
    fn new(names: &[&str]) -> Starts {
        let mut starts = Starts {
            by_byte: [0; 256],
            bmp: Box::new([0; 1024]),
            astral: false,
            prefixes: Box::new([0; PREFIX_WORDS]),
            short_lengths: [0; 2],
            other_ascii_starts: None,
        };
        for name in names {
            let Some(c) = name.chars().next() else {
                continue;
            };
            let bytes = name.as_bytes();
            let lead = bytes[0];
            let wanted = Starts::prefix_len(lead);
            if bytes.len() < wanted {
                starts.short_lengths[usize::from(!c.is_ascii())] |= 1 << bytes.len();
            }
            let hash = prefix_hash(&bytes[..bytes.len().min(wanted)]);
            starts.prefixes[hash / 64] |= 1 << (hash % 64);
            if c.is_ascii() {
                starts.by_byte[usize::from(lead)] = 1;
                continue;
            }
            starts.by_byte[usize::from(lead)] = 2;
            match usize::try_from(u32::from(c)) {
                Ok(code) if code < 0x10000 => starts.bmp[code / 64] |= 1 << (code % 64),
                _ => starts.astral = true,
            }
        }
        let others: Vec<u8> = (0..0x80u8)
            .filter(|&b| starts.by_byte[usize::from(b)] != 0 && b & 0xE0 != 0x40)
            .collect();
        starts.other_ascii_starts = match others[..] {
            // A capital stands in for a missing one: capitals are candidates anyway.
            [] => Some([b'A'; 2]),
            [one] => Some([one; 2]),
            [one, two] => Some([one, two]),
            _ => None,
        };
        starts
    }

    /// A position from `i` on, and no later than the first byte there that may begin a name:
    /// every byte passed over begins none. Eight bytes at a time, a byte being a candidate
    /// when it is not ASCII, is in `0x40..=0x5F` (capitals) or is one of
    /// [`Starts::other_ascii_starts`]; most text is lower case, spaces and punctuation.
    fn first_candidate(&self, bytes: &[u8], mut i: usize) -> usize {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = ONES * 0x80;
        let Some(others) = self.other_ascii_starts else {
            return i;
        };
        // The high bit of each zero byte of `x` (and maybe of bytes above one: only the lowest
        // is used).
        let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let candidates = (word & HIGHS)
                | zero_bytes((word ^ (ONES * 0x40)) & (ONES * 0xE0))
                | zero_bytes(word ^ (ONES * u64::from(others[0])))
                | zero_bytes(word ^ (ONES * u64::from(others[1])));
            if candidates != 0 {
                return i + (candidates.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        i
    }

    /// How many first bytes are hashed: a Han name is two characters at least.
    fn prefix_len(lead: u8) -> usize {
        if lead < 0x80 {
            4
        } else {
            6
        }
    }

    /// The first position at or after `at` where a name may begin.
    fn next(&self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = at;
        while i < bytes.len() {
            match self.by_byte[usize::from(bytes[i])] {
                // Past ASCII that begins no name, on to the next candidate at once. (Not past
                // other bytes: in Han text, nearly every character is one.)
                0 if bytes[i] < 0x80 => i = self.first_candidate(bytes, i + 1),
                0 => i += 1,
                1 => {
                    if self.prefix_known(bytes, i) {
                        return Some(i);
                    }
                    i += 1;
                }
                _ => {
                    let c = text[i..].chars().next()?;
                    let code = u32::from(c) as usize;
                    let starts = if code < 0x10000 {
                        self.bmp[code / 64] & (1 << (code % 64)) != 0
                    } else {
                        self.astral
                    };
                    if starts && self.prefix_known(bytes, i) {
                        return Some(i);
                    }
                    i += c.len_utf8();
                }
            }
        }
        None
    }

    /// Some name may begin with the bytes at `i`.
    fn prefix_known(&self, bytes: &[u8], i: usize) -> bool {
        let rest = &bytes[i..];
        // Away from the end of the text, every prefix tried is cut from one load of eight bytes.
        let head = rest
            .get(..8)
            .map(|eight| u64::from_le_bytes(eight.try_into().unwrap_or_default()));
        let known = |len: usize| {
            let packed = match head {
                Some(head) => head & ((1 << (8 * len)) - 1) | (len as u64) << 56,
                None => packed_prefix(&rest[..len]),
            };
            let hash = prefix_hash_of(packed);
            self.prefixes[hash / 64] & (1 << (hash % 64)) != 0
        };
        let wanted = Starts::prefix_len(rest[0]);
        if rest.len() >= wanted && known(wanted) {
            return true;
        }
        let mut lengths = self.short_lengths[usize::from(rest[0] >= 0x80)];
        while lengths != 0 {
            let len = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            if len <= rest.len() && known(len) {
                return true;
            }
        }
        false
    }
}

/// A hash of up to seven bytes, in `0..1 << PREFIX_BITS`.
fn prefix_hash(prefix: &[u8]) -> usize {
    prefix_hash_of(packed_prefix(prefix))
}

/// Up to seven bytes in one word: the bytes in order from the lowest, the length in the top byte.
fn packed_prefix(prefix: &[u8]) -> u64 {
    // Byte by byte: a copy of a variable length would be a call to `memcpy`.
    let mut word = (prefix.len() as u64) << 56;
    for (k, &b) in prefix.iter().enumerate() {
        word |= u64::from(b) << (8 * k);
    }
    word
}

fn prefix_hash_of(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PREFIX_BITS)) as usize
}

fn is_matchable(name: &str) -> bool {
    !name.is_empty() && !NOT_PLACE_NAMES.contains(&name) && !crate::date::is_calendar_word(name)
}

fn is_word_char(c: char) -> bool {
    // Han text first (and ASCII before it): the Unicode table is asked only of other letters.
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_han(c) && c.is_alphanumeric())
}

/// A match of an alphabetic name must not continue a word on either side.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    // The characters just before and from a position: ASCII told from its byte, the others
    // decoded; each only when it is asked about.
    let bytes = text.as_bytes();
    let char_before = |at: usize| match at.checked_sub(1).map(|i| bytes[i]) {
        Some(b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[..at].chars().next_back(),
        None => None,
    };
    let char_from = |at: usize| match bytes.get(at) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[at..].chars().next(),
        None => None,
    };
    let (first, last) = if start < end {
        (char_from(start), char_before(end))
    } else {
        (None, None)
    };
    let open_start = first.is_some_and(is_han) || !char_before(start).is_some_and(is_word_char);
    let open_end = last.is_some_and(is_han) || !char_from(end).is_some_and(is_word_char);
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
    fn only_bytes_that_begin_no_name_are_passed_over() {
        let starts = &Gazetteer::bundled().starts;
        assert!(
            starts.other_ascii_starts.is_some(),
            "the bundled names are read eight bytes at a time"
        );
        // Every byte at every place of a text longer than two steps, from every place before it.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"the delegation met a".to_vec();
                bytes[at] = b;
                for from in 0..=at {
                    let to = starts.first_candidate(&bytes, from);
                    assert!(to >= from && to <= bytes.len(), "{b:#x} at {at} from {from}");
                    assert!(
                        bytes[from..to].iter().all(|&b| starts.by_byte[usize::from(b)] == 0),
                        "{b:#x} at {at} from {from} to {to}"
                    );
                }
            }
        }
        // More ASCII bytes that begin names than can be looked for eight bytes at a time.
        let names = ["London", "d'Abidjan", "xian", "eindhoven"];
        assert!(Starts::new(&names).other_ascii_starts.is_none());
        assert_eq!(Starts::new(&names).first_candidate(b"the delegation", 3), 3);
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
    fn british_cities_by_the_short_names_chinese_papers_give_them() {
        let gazetteer = Gazetteer::bundled();
        for (name, city) in [
            ("纽卡斯尔", "Newcastle upon Tyne"),
            ("紐卡斯爾", "Newcastle upon Tyne"),
            ("布里斯托", "Bristol"),
            ("朴茨茅斯", "Portsmouth"),
            ("布莱顿", "Brighton"),
            ("米德尔斯堡", "Middlesbrough"),
            ("因弗内斯", "Inverness"),
            ("杜伦", "Durham"),
        ] {
            let places: Vec<&str> = gazetteer
                .lookup(name)
                .iter()
                .map(|&i| gazetteer.place(i).name.as_str())
                .collect();
            assert_eq!(places, [city], "{name}");
        }
    }

    #[test]
    fn whole_words_only_and_case_matters() {
        assert_eq!(names_in("Londoners in Hefei"), ["Hefei"]);
        assert_eq!(names_in("a bath and a reading"), Vec::<&str>::new());
        assert_eq!(names_in("On March 17 Xinhua reported"), Vec::<&str>::new());
    }

    #[test]
    fn skipping_positions_finds_what_a_full_scan_finds() {
        let gazetteer = Gazetteer::bundled();
        let mut names: Vec<(&str, usize)> = gazetteer.pattern_by_name.iter().map(|(n, &p)| (&**n, p)).collect();
        names.sort_by_key(|&(_, p)| p);
        let scan = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|&(n, _)| n))
            .unwrap();
        let texts = [
            "Londoners in Hefei met in Newcastle upon Tyne and xLondon, UK.",
            "le delta du Yangtsé, de Paris à Évry; Sé and US, USA; Ufa",
            "英国驻华大使吴百纳抵达重庆,上海和北京,伦敦。UK伦敦",
            "ÉvryMünchen Zürich São Paulo, A B C D, Rio",
            BUNDLED_GAZETTEER_TSV,
        ];
        for text in texts {
            let expected: Vec<(usize, usize)> = scan
                .find_iter(text)
                .filter(|m| stands_alone(text, m.start(), m.end()))
                .map(|m| (m.start(), m.end()))
                .collect();
            let found: Vec<(usize, usize)> = gazetteer.find(text).iter().map(|m| (m.start, m.end)).collect();
            assert_eq!(found, expected);
        }
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
