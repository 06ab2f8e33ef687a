//! The timeline's geometry as plain numbers, free of the DOM (a canvas renderer can reuse it):
//! which days the view shows, where a day falls on the x axis, and which ticks to label.
//!
//! Days are fractional here: day `d` covers `[d, d + 1)`, so a whole-day event is a unit
//! interval and a month is thirty-odd of them, and zooming is continuous.

use crate::time::{civil, day_number, Day};

/// The span of days the view shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Domain {
    pub start: f64,
    pub end: f64,
}

/// How far the view may zoom and pan: never narrower than `min_span` days nor wider than
/// `max_span`, and its centre stays within `[lo, hi]` so the events cannot be lost off-screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub min_span: f64,
    pub max_span: f64,
    pub lo: f64,
    pub hi: f64,
}

impl Domain {
    /// The default view of events from `first` to `last` (inclusive days): all of them, with a
    /// margin so that the marks at either end are not cut by the edge.
    pub fn around(first: Day, last: Day) -> Domain {
        let span = f64::from(last - first + 1);
        let pad = (span * 0.04).max(10.0);
        Domain {
            start: f64::from(first) - pad,
            end: f64::from(last) + 1.0 + pad,
        }
    }

    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// The limits that keep this (default) domain reachable.
    pub fn limits(self) -> Limits {
        Limits {
            min_span: 10.0,
            max_span: (self.span() * 3.0).max(30.0),
            lo: self.start,
            hi: self.end,
        }
    }

    /// A domain `span` days wide with `day` at the fraction `at` (0 = left edge, 1 = right).
    pub fn placing(day: f64, at: f64, span: f64, limits: Limits) -> Domain {
        let span = span.clamp(limits.min_span, limits.max_span);
        let start = day - at * span;
        Domain {
            start,
            end: start + span,
        }
        .clamped(limits)
    }

    /// Zooms by `factor` (above 1 zooms in) keeping `day` where it is on screen.
    pub fn zoom_about(self, day: f64, factor: f64, limits: Limits) -> Domain {
        let at = (day - self.start) / self.span();
        Domain::placing(day, at, self.span() / factor, limits)
    }

    /// Moves the view `days` later (earlier when negative).
    pub fn pan(self, days: f64, limits: Limits) -> Domain {
        Domain {
            start: self.start + days,
            end: self.end + days,
        }
        .clamped(limits)
    }

    fn clamped(self, limits: Limits) -> Domain {
        let centre = (self.start + self.end) / 2.0;
        let shift = centre.clamp(limits.lo, limits.hi) - centre;
        Domain {
            start: self.start + shift,
            end: self.end + shift,
        }
    }
}

/// A domain laid over `width` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub domain: Domain,
    pub width: f64,
}

impl Scale {
    pub fn new(domain: Domain, width: f64) -> Scale {
        Scale {
            domain,
            width: width.max(1.0),
        }
    }

    pub fn x(&self, day: f64) -> f64 {
        (day - self.domain.start) * self.px_per_day()
    }

    pub fn day(&self, x: f64) -> f64 {
        self.domain.start + x / self.px_per_day()
    }

    pub fn px_per_day(&self) -> f64 {
        self.width / self.domain.span()
    }
}

/// What one tick step is: a number of days (within a month), months or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TickUnit {
    Days(u8),
    Months(u8),
    Years(i32),
}

impl TickUnit {
    const ALL: [TickUnit; 14] = [
        TickUnit::Days(1),
        TickUnit::Days(2),
        TickUnit::Days(7),
        TickUnit::Days(14),
        TickUnit::Months(1),
        TickUnit::Months(3),
        TickUnit::Months(6),
        TickUnit::Years(1),
        TickUnit::Years(2),
        TickUnit::Years(5),
        TickUnit::Years(10),
        TickUnit::Years(20),
        TickUnit::Years(50),
        TickUnit::Years(100),
    ];

    fn approx_days(self) -> f64 {
        match self {
            TickUnit::Days(n) => f64::from(n),
            TickUnit::Months(n) => 30.44 * f64::from(n),
            TickUnit::Years(n) => 365.25 * f64::from(n),
        }
    }
}

/// A labelled day on the axis. `major` ticks start a larger unit (a month among days, a year
/// among months) and are labelled with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub day: Day,
    pub year: i32,
    pub month: u8,
    pub day_of_month: u8,
    pub major: bool,
}

/// The finest tick unit whose labels are at least `min_px` apart, and its ticks in view.
pub fn ticks(scale: &Scale, min_px: f64) -> (TickUnit, Vec<Tick>) {
    let unit = TickUnit::ALL
        .into_iter()
        .find(|u| u.approx_days() * scale.px_per_day() >= min_px)
        .unwrap_or(TickUnit::Years(100));
    let (first, last) = (scale.domain.start.floor() as Day, scale.domain.end.ceil() as Day);
    let (y0, m0, _) = civil(first);
    let (y1, _, _) = civil(last);
    let tick = |year: i32, month: u8, day_of_month: u8, major: bool| Tick {
        day: day_number(year, month, day_of_month),
        year,
        month,
        day_of_month,
        major,
    };
    let mut out = Vec::new();
    match unit {
        TickUnit::Days(step) => {
            let (mut year, mut month) = (y0, m0);
            while day_number(year, month, 1) <= last {
                let length = days_in_month(year, month);
                // Steps restart each month (1, 8, 15, 22): a last short step beats odd dates.
                let fits = |d: u8| step == 1 || u16::from(d) + u16::from(step) / 2 <= u16::from(length);
                for d in (1..=length).step_by(usize::from(step)).filter(|&d| fits(d)) {
                    out.push(tick(year, month, d, d == 1));
                }
                (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            }
        }
        TickUnit::Months(step) => {
            for year in y0..=y1 {
                for month in (1..=12).step_by(usize::from(step)) {
                    out.push(tick(year, month, 1, month == 1));
                }
            }
        }
        TickUnit::Years(step) => {
            let mut year = y0.div_euclid(step) * step;
            while year <= y1 {
                out.push(tick(year, 1, 1, false));
                year += step;
            }
        }
    }
    out.retain(|t| t.day >= first && t.day <= last);
    (unit, out)
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    let next = if month == 12 {
        day_number(year + 1, 1, 1)
    } else {
        day_number(year, month + 1, 1)
    };
    // 28..=31 by construction.
    (next - day_number(year, month, 1)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Domain::around(day_number(2019, 1, 1), day_number(2025, 12, 31)).limits()
    }

    #[test]
    fn days_and_pixels_round_trip() {
        let scale = Scale::new(
            Domain {
                start: 18_000.0,
                end: 19_000.0,
            },
            800.0,
        );
        assert_eq!(scale.x(18_000.0), 0.0);
        assert_eq!(scale.x(19_000.0), 800.0);
        for x in [0.0, 13.5, 400.0, 799.0] {
            assert!((scale.x(scale.day(x)) - x).abs() < 1e-9);
        }
    }

    #[test]
    fn zooming_keeps_the_day_under_the_cursor() {
        let domain = Domain {
            start: 18_000.0,
            end: 19_000.0,
        };
        let scale = Scale::new(domain, 640.0);
        let x = 123.0;
        let day = scale.day(x);
        for factor in [1.5, 4.0, 0.8] {
            let zoomed = Scale::new(domain.zoom_about(day, factor, limits()), 640.0);
            assert!((zoomed.x(day) - x).abs() < 1e-6, "factor {factor}");
            assert!((zoomed.domain.span() - 1000.0 / factor).abs() < 1e-6);
        }
    }

    #[test]
    fn zoom_and_pan_stay_within_limits() {
        let limits = limits();
        let domain = Domain {
            start: 18_000.0,
            end: 19_000.0,
        };
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
        assert!(close(domain.zoom_about(18_500.0, 1e6, limits).span(), limits.min_span));
        assert!(close(domain.zoom_about(18_500.0, 1e-6, limits).span(), limits.max_span));
        let far = domain.pan(1e6, limits);
        assert!(close((far.start + far.end) / 2.0, limits.hi));
    }

    #[test]
    fn ticks_get_coarser_as_the_span_grows() {
        let unit = |days: f64| {
            let start = f64::from(day_number(2024, 3, 5));
            ticks(
                &Scale::new(
                    Domain {
                        start,
                        end: start + days,
                    },
                    1000.0,
                ),
                60.0,
            )
            .0
        };
        assert_eq!(unit(10.0), TickUnit::Days(1));
        assert_eq!(unit(60.0), TickUnit::Days(7));
        assert_eq!(unit(500.0), TickUnit::Months(1));
        assert!(matches!(unit(4000.0), TickUnit::Years(1)));
        assert!(matches!(unit(40_000.0), TickUnit::Years(n) if n >= 5));
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries_in_view() {
        let start = f64::from(day_number(2024, 11, 20));
        let scale = Scale::new(
            Domain {
                start,
                end: start + 120.0,
            },
            400.0,
        );
        let (unit, ticks) = ticks(&scale, 60.0);
        assert_eq!(unit, TickUnit::Months(1));
        let months: Vec<(i32, u8)> = ticks.iter().map(|t| (t.year, t.month)).collect();
        assert_eq!(months, [(2024, 12), (2025, 1), (2025, 2), (2025, 3)]);
        assert!(ticks.iter().all(|t| t.day_of_month == 1 && t.major == (t.month == 1)));
        assert_eq!(days_in_month(2024, 2), 29);
    }
}
