//! Calendar dates that may be known only to the month or the year.

use serde::{Serialize, Serializer};
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the day, the month or only the year. Always a real calendar date.
///
/// Orders chronologically, a coarser date before the finer dates it contains.
///
/// # Example
/// ```
/// use atlas_extract::{PartialDate, Precision};
/// let may = PartialDate::parse_iso("2025-05").unwrap();
/// assert_eq!(may.precision(), Precision::Month);
/// assert_eq!(may.to_string(), "2025-05");
/// assert!(PartialDate::parse_iso("2025-02-30").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// The first and the last day the date covers, as [`days_from_civil`] numbers: one day,
    /// a whole month or a whole year (never a made-up day).
    ///
    /// # Example
    /// ```
    /// use atlas_extract::{days_from_civil, PartialDate};
    /// let may = PartialDate::parse_iso("2025-05").unwrap();
    /// assert_eq!(may.day_span(), (days_from_civil(2025, 5, 1), days_from_civil(2025, 5, 31)));
    /// ```
    pub fn day_span(self) -> (i64, i64) {
        let year = self.year;
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let n = days_from_civil(year, m, d);
                (n, n)
            }
            (Some(m), None) => (
                days_from_civil(year, m, 1),
                days_from_civil(year, m, days_in_month(year, m)),
            ),
            _ => (days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)),
        }
    }

    /// A whole year; `None` outside 1..=9999.
    pub fn year(year: i32) -> Option<Self> {
        (1..=9999).contains(&year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A month of a year; `None` unless the month is 1..=12.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        let date = Self::year(year)?;
        (1..=12).contains(&month).then_some(PartialDate {
            month: Some(month),
            ..date
        })
    }

    /// A day; `None` unless it exists in the calendar (leap years included).
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        let date = Self::month(year, month)?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(PartialDate { day: Some(day), ..date })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the whole string, nothing around it).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(parse_digits(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let year = i32::try_from(year).ok()?;
        match (month, day) {
            (None, _) => Self::year(year),
            (Some(m), None) => Self::month(year, u8::try_from(m).ok()?),
            (Some(m), Some(d)) => Self::day(year, u8::try_from(m).ok()?, u8::try_from(d).ok()?),
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    pub fn day_number(&self) -> Option<u8> {
        self.day
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

pub(crate) fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days since 1970-01-01 (negative before) of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`): the one day arithmetic of the engine and the app.
///
/// # Example
/// ```
/// use atlas_extract::{civil_from_days, days_from_civil};
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2025, 9, 30), 20361);
/// assert_eq!(civil_from_days(20361), (2025, 9, 30));
/// ```
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day (year, month, day) of a day number: the inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    // In range by construction: 1..=31 and 1..=12.
    (yoe + era * 400 + i64::from(month <= 2), month as u8, day as u8)
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Exactly `len` ASCII digits.
fn parse_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Month and weekday names with their usual abbreviations in English, German and French, lower
/// case: a month's number, or [`WEEKDAY`] plus the weekday's index (Monday 0).
#[rustfmt::skip]
const CALENDAR_WORDS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("jänner", 1), ("janvier", 1), ("janv", 1),
    ("february", 2), ("feb", 2), ("februar", 2), ("feber", 2), ("février", 2), ("févr", 2), ("fevrier", 2),
    ("march", 3), ("mar", 3), ("märz", 3), ("mars", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("avr", 4),
    ("may", 5), ("mai", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("juil", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("aout", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9),
    ("october", 10), ("oct", 10), ("oktober", 10), ("okt", 10), ("octobre", 10),
    ("november", 11), ("nov", 11), ("novembre", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("dez", 12), ("décembre", 12), ("déc", 12), ("decembre", 12),
    ("monday", WEEKDAY), ("montag", WEEKDAY), ("lundi", WEEKDAY),
    ("tuesday", WEEKDAY + 1), ("dienstag", WEEKDAY + 1), ("mardi", WEEKDAY + 1),
    ("wednesday", WEEKDAY + 2), ("mittwoch", WEEKDAY + 2), ("mercredi", WEEKDAY + 2),
    ("thursday", WEEKDAY + 3), ("donnerstag", WEEKDAY + 3), ("jeudi", WEEKDAY + 3),
    ("friday", WEEKDAY + 4), ("freitag", WEEKDAY + 4), ("vendredi", WEEKDAY + 4),
    ("saturday", WEEKDAY + 5), ("samstag", WEEKDAY + 5), ("samedi", WEEKDAY + 5),
    ("sunday", WEEKDAY + 6), ("sonntag", WEEKDAY + 6), ("dimanche", WEEKDAY + 6),
];

/// Where weekdays start among the values of [`CALENDAR_WORDS`].
const WEEKDAY: u8 = 100;

/// [`CALENDAR_WORDS`] as packed keys (see [`packed_lowercase`]), sorted at compile time: asked
/// of every capitalised word, a lookup is a binary search over integers, not string compares.
static CALENDAR_KEYS: [(u128, u8); CALENDAR_WORDS.len()] = sorted_calendar_keys();

const fn sorted_calendar_keys() -> [(u128, u8); CALENDAR_WORDS.len()] {
    let mut keys = [(0u128, 0u8); CALENDAR_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        let word = CALENDAR_WORDS[i].0.as_bytes();
        assert!(word.len() <= 16, "calendar words fit in 16 bytes");
        let mut key = 0u128;
        let mut k = 0;
        while k < word.len() {
            key = (key << 8) | word[k] as u128;
            k += 1;
        }
        // Insertion sort: a few dozen entries, once, at compile time.
        let mut j = i;
        while j > 0 && keys[j - 1].0 > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = (key, CALENDAR_WORDS[i].1);
        i += 1;
    }
    keys
}

/// For each first byte of a word of [`CALENDAR_WORDS`], bit `n` set when such a word is `n`
/// bytes long (all are shorter than 31): a word whose first byte, ASCII lower-cased, and length
/// match none is none of them.
static CALENDAR_LENGTHS_BY_FIRST_BYTE: [u32; 256] = calendar_lengths_by_first_byte();

const fn calendar_lengths_by_first_byte() -> [u32; 256] {
    let mut lengths = [0u32; 256];
    let mut i = 0;
    while i < CALENDAR_WORDS.len() {
        let word = CALENDAR_WORDS[i].0.as_bytes();
        assert!(word.len() < 31, "calendar words are shorter than 31 bytes");
        lengths[word[0] as usize] |= 1 << word.len();
        i += 1;
    }
    lengths
}

/// `word`'s bytes, ASCII letters lower-cased, as one big-endian integer; `None` past 16 bytes.
/// Distinct words give distinct keys: no word holds a zero byte.
fn packed_lowercase(word: &str) -> Option<u128> {
    (word.len() <= 16).then(|| {
        word.bytes()
            .fold(0u128, |key, b| (key << 8) | u128::from(b.to_ascii_lowercase()))
    })
}

/// What [`CALENDAR_WORDS`] says of `word` (case-insensitive; capitals outside ASCII, as in
/// `MÄRZ`, through a real lowercase copy).
fn calendar_value(word: &str) -> Option<u8> {
    let find = |word: &str| {
        // Most words asked about are names: their first letter and length rule them out.
        let first = word.as_bytes().first()?.to_ascii_lowercase();
        if CALENDAR_LENGTHS_BY_FIRST_BYTE[usize::from(first)] & (1 << word.len().min(31)) == 0 {
            return None;
        }
        let key = packed_lowercase(word)?;
        let at = CALENDAR_KEYS.binary_search_by(|&(k, _)| k.cmp(&key)).ok()?;
        Some(CALENDAR_KEYS[at].1)
    };
    find(word).or_else(|| {
        let has_wide_capital =
            word.len() <= 10 && !word.is_ascii() && word.chars().any(|c| !c.is_ascii() && c.is_uppercase());
        has_wide_capital.then(|| find(&word.to_lowercase()))?
    })
}

/// Month numbers for month names and their usual abbreviations in English, German and French.
///
/// `word` is compared case-insensitively; a trailing period (`Sept.`) is ignored.
pub(crate) fn month_from_name(word: &str) -> Option<u8> {
    calendar_value(word.trim_end_matches('.')).filter(|&value| value < WEEKDAY)
}

/// Month and weekday names: capitalised words that look like names but never name an actor
/// or a place in news text (a town called March, a company called Friday).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    // One lookup: a weekday name never ends with a period, a month's abbreviation may.
    let trimmed = word.trim_end_matches('.');
    calendar_value(trimmed).is_some_and(|value| value < WEEKDAY || trimmed.len() == word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_give_their_precision() {
        assert_eq!(PartialDate::parse_iso("2025").unwrap().precision(), Precision::Year);
        assert_eq!(PartialDate::parse_iso("2025-09").unwrap().precision(), Precision::Month);
        assert_eq!(
            PartialDate::parse_iso("2025-09-30").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn impossible_or_malformed_dates_are_rejected() {
        for text in [
            "2025-13",
            "2025-00-10",
            "2023-02-29",
            "25-01-01",
            "2025-1-1",
            "2025-01-01-01",
            "",
            "abcd",
        ] {
            assert!(PartialDate::parse_iso(text).is_none(), "{text:?} should not parse");
        }
        assert!(PartialDate::parse_iso("2024-02-29").is_some(), "2024 is a leap year");
        assert!(
            PartialDate::parse_iso("1900-02-29").is_none(),
            "1900 is not a leap year"
        );
    }

    #[test]
    fn display_round_trips() {
        for text in ["2019", "2019-04", "2019-04-01"] {
            assert_eq!(PartialDate::parse_iso(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn coarser_date_sorts_before_the_days_it_contains() {
        let month = PartialDate::month(2025, 5).unwrap();
        let day = PartialDate::day(2025, 5, 1).unwrap();
        assert!(month < day);
        assert!(day < PartialDate::month(2025, 6).unwrap());
    }

    #[test]
    fn calendar_values_are_those_of_a_search_of_the_table() {
        // Every entry in three cases, cut and lengthened, and words that are none.
        let slow = |word: &str| {
            let lower = word.to_lowercase();
            CALENDAR_WORDS
                .iter()
                .find(|(w, _)| word.len() <= 16 && (lower == *w || word.to_ascii_lowercase() == *w))
                .map(|&(_, value)| value)
        };
        let mut words: Vec<String> = [
            "",
            "M",
            "China",
            "Marchers",
            "MÄRZ",
            "DÉCEMBRE",
            "Shenzhen",
            "Saturdays",
        ]
        .map(String::from)
        .to_vec();
        for (word, _) in CALENDAR_WORDS {
            let mut chars = word.chars();
            let capital: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            words.extend([
                word.to_string(),
                word.to_uppercase(),
                capital.clone(),
                format!("{capital}s"),
            ]);
            words.push(word[..word.len() - 1].to_string());
        }
        for word in &words {
            assert_eq!(calendar_value(word), slow(word), "{word:?}");
        }
    }

    #[test]
    fn calendar_words_in_any_case_and_only_months_take_a_period() {
        assert!(is_calendar_word("THURSDAY") && is_calendar_word("mercredi") && is_calendar_word("Sept."));
        assert!(
            !is_calendar_word("Monday."),
            "no weekday abbreviation ends with a period"
        );
        assert!(is_calendar_word("Donnerstag") && is_calendar_word("Mai"));
        assert_eq!(month_from_name("Monday"), None);
        assert_eq!(month_from_name("DÉCEMBRE"), Some(12));
        assert!(!is_calendar_word("Marchers") && !is_calendar_word(""));
    }

    #[test]
    fn month_names_in_three_languages() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("Mai"), Some(5));
        assert_eq!(month_from_name("octobre"), Some(10));
        assert_eq!(month_from_name("MÄRZ"), Some(3));
        assert_eq!(month_from_name("Mayday"), None);
    }
}
