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

/// Month numbers for month names and their usual abbreviations in English, German and French.
///
/// `word` is compared case-insensitively; a trailing period (`Sept.`) is ignored.
pub(crate) fn month_from_name(word: &str) -> Option<u8> {
    // Called for every capitalised word: one `match` on a lowercase copy on the stack (the
    // accented letters of these names are lowercase in running text).
    let find = |word: &str| {
        let mut buf = [0u8; 9];
        Some(match crate::language::ascii_lowercase(word, &mut buf)? {
            "january" | "jan" | "januar" | "jänner" | "janvier" | "janv" => 1,
            "february" | "feb" | "februar" | "feber" | "février" | "févr" | "fevrier" => 2,
            "march" | "mar" | "märz" | "mars" => 3,
            "april" | "apr" | "avril" | "avr" => 4,
            "may" | "mai" => 5,
            "june" | "jun" | "juni" | "juin" => 6,
            "july" | "jul" | "juli" | "juillet" | "juil" => 7,
            "august" | "aug" | "août" | "aout" => 8,
            "september" | "sep" | "sept" | "septembre" => 9,
            "october" | "oct" | "oktober" | "okt" | "octobre" => 10,
            "november" | "nov" | "novembre" => 11,
            "december" | "dec" | "dezember" | "dez" | "décembre" | "déc" | "decembre" => 12,
            _ => return None,
        })
    };
    let word = word.trim_end_matches('.');
    // `MÄRZ`: capitals outside ASCII need a real lowercase copy.
    find(word).or_else(|| {
        let has_wide_capital = word.len() <= 10 && word.chars().any(|c| !c.is_ascii() && c.is_uppercase());
        has_wide_capital.then(|| find(&word.to_lowercase()))?
    })
}

/// Whether `word` names a weekday in English, German or French (case-insensitive).
pub(crate) fn is_weekday_name(word: &str) -> bool {
    // Called for every capitalised word: compare a lowercase copy on the stack.
    let mut buf = [0u8; 10];
    matches!(
        crate::language::ascii_lowercase(word, &mut buf),
        Some(
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "montag"
                | "dienstag"
                | "mittwoch"
                | "donnerstag"
                | "freitag"
                | "samstag"
                | "sonntag"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
        )
    )
}

/// Month and weekday names: capitalised words that look like names but never name an actor
/// or a place in news text (a town called March, a company called Friday).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    month_from_name(word).is_some() || is_weekday_name(word)
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
    fn month_names_in_three_languages() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("Mai"), Some(5));
        assert_eq!(month_from_name("octobre"), Some(10));
        assert_eq!(month_from_name("MÄRZ"), Some(3));
        assert_eq!(month_from_name("Mayday"), None);
    }
}
