//! Days on a line: the timeline, the time window and the URL all count days since 1970-01-01,
//! and a date known only to the month or year covers every day of it (never a made-up day).

use atlas_extract::{civil_from_days, days_from_civil, PartialDate, Precision};

/// Days since 1970-01-01 (negative before).
pub type Day = i32;

/// The day number of a calendar day.
pub fn day_number(year: i32, month: u8, day: u8) -> Day {
    to_day(days_from_civil(year, month, day))
}

/// The calendar day of a day number: (year, month, day).
pub fn civil(day: Day) -> (i32, u8, u8) {
    let (year, month, day) = civil_from_days(i64::from(day));
    // Day numbers come from `Day`s, so their years fit an i32 with room to spare.
    (year as i32, month, day)
}

/// The first and the last day a date covers: one day, a whole month or a whole year.
pub fn extent(date: PartialDate) -> (Day, Day) {
    let (first, last) = date.day_span();
    (to_day(first), to_day(last))
}

/// A date's day number as a `Day`: years 1..=9999 are ±2.9 million days, far inside an i32.
fn to_day(days: i64) -> Day {
    days as Day
}

/// `2025-09-30`: a day as the URL and `<time datetime>` write it.
pub fn iso(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads `2025-09-30` (a whole day only).
pub fn parse_iso_day(text: &str) -> Option<Day> {
    let date = PartialDate::parse_iso(text)?;
    (date.precision() == Precision::Day).then(|| extent(date).0)
}

/// A span of days, both ends included; `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    pub start: Day,
    pub end: Day,
}

impl TimeWindow {
    /// The window between two days, in either order.
    pub fn between(a: Day, b: Day) -> TimeWindow {
        TimeWindow {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// Whether a date's extent meets the window (a month that overlaps it counts).
    pub fn meets(&self, (first, last): (Day, Day)) -> bool {
        first <= self.end && last >= self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(
            day_number(2000, 3, 1) - day_number(2000, 2, 28),
            2,
            "2000 is a leap year"
        );
        for day in [-800_000, -1, 0, 11_016, 20_000, 40_000] {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), day);
        }
    }

    #[test]
    fn a_month_or_a_year_covers_all_its_days() {
        assert_eq!(extent(date("2024-02")).1 - extent(date("2024-02")).0, 28);
        assert_eq!(iso(extent(date("2025-12")).1), "2025-12-31");
        let (first, last) = extent(date("2019"));
        assert_eq!((iso(first).as_str(), iso(last).as_str()), ("2019-01-01", "2019-12-31"));
        let day = extent(date("2025-09-30"));
        assert_eq!(day.0, day.1);
    }

    #[test]
    fn windows_meet_overlapping_extents_only() {
        let window = TimeWindow::between(day_number(2025, 6, 10), day_number(2025, 5, 1));
        assert_eq!(window.start, day_number(2025, 5, 1));
        assert!(window.meets(extent(date("2025-06"))));
        assert!(window.meets(extent(date("2025"))));
        assert!(!window.meets(extent(date("2025-07-01"))));
        assert_eq!(parse_iso_day("2025-05-01"), Some(window.start));
        assert_eq!(parse_iso_day("2025-05"), None);
    }
}
