//! The dated marks as plain numbers, in date order: what the canvas draws and what a pointer
//! or a key finds among thousands of events without a DOM element each. Marks sort by their
//! first day, so the marks near a day are a binary search away; a mark reaches at most
//! `longest` days past its start, which bounds how far back the search must look.

use super::scale::Scale;
use crate::time::Day;

/// Radius of a point (a day-precise event); a band (a month or a year) is at least as wide.
pub const POINT_RADIUS: f64 = 5.0;
/// Height of a band.
pub const BAND_HEIGHT: f64 = 8.0;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeIndex {
    /// Event numbers (into `atlas.events`), by first day then number.
    pub events: Vec<usize>,
    /// Each mark's days as a half-open interval `[start, end)`, like `events`.
    pub starts: Vec<f64>,
    pub ends: Vec<f64>,
    /// The longest interval, in days.
    longest: f64,
}

/// The x span of a mark from `start` to `end` (days): its extent, at least a point wide, so
/// that a day stays clickable and visible however far out the view is zoomed.
pub fn mark_span(scale: &Scale, start: f64, end: f64) -> (f64, f64) {
    let (a, b) = (scale.x(start), scale.x(end));
    let middle = (a + b) / 2.0;
    if end - start <= 1.0 {
        (middle - POINT_RADIUS, middle + POINT_RADIUS)
    } else {
        (a.min(middle - 3.0), b.max(middle + 3.0))
    }
}

impl TimeIndex {
    /// The index of marks given as `(event, (first day, last day))`, already in date order.
    pub fn new(marks: impl Iterator<Item = (usize, (Day, Day))>) -> TimeIndex {
        let mut index = TimeIndex::default();
        for (n, (first, last)) in marks {
            let (start, end) = (f64::from(first), f64::from(last) + 1.0);
            index.events.push(n);
            index.starts.push(start);
            index.ends.push(end);
            index.longest = index.longest.max(end - start);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Positions of the marks that may show between the x `left` and `right` (pixels): those
    /// starting before `right` and not too long before `left`. A superset: callers check
    /// each mark's span.
    pub fn around(&self, scale: &Scale, left: f64, right: f64) -> std::ops::Range<usize> {
        let reach = POINT_RADIUS / scale.px_per_day();
        let (from, to) = (scale.day(left) - reach - self.longest, scale.day(right) + reach);
        self.starts.partition_point(|&s| s < from)..self.starts.partition_point(|&s| s <= to)
    }

    /// The mark at the point (`x`, `y`), given each event's lane centre `lane_y`: the one
    /// whose centre is nearest, the later one on a tie (it is drawn on top).
    pub fn hit(&self, scale: &Scale, x: f64, y: f64, lane_y: impl Fn(usize) -> f64) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for i in self.around(scale, x, x) {
            let (a, b) = mark_span(scale, self.starts[i], self.ends[i]);
            let dy = (y - lane_y(self.events[i])).abs();
            if x < a || x > b || dy > POINT_RADIUS + 1.0 {
                continue;
            }
            let distance = ((a + b) / 2.0 - x).abs().hypot(dy);
            if best.is_none_or(|(d, _)| distance <= d) {
                best = Some((distance, i));
            }
        }
        best.map(|(_, i)| self.events[i])
    }

    /// The event a step `forward` (or back) from `current` reaches, in date order. From none,
    /// the first mark starting in view (or the last, stepping back).
    pub fn step(&self, current: Option<usize>, forward: bool, scale: &Scale) -> Option<usize> {
        let last = self.len().checked_sub(1)?;
        // Once per key press: a linear search is well under a millisecond even at 100k marks,
        // and saves keeping a map from event to position.
        let at = match current.and_then(|n| self.events.iter().position(|&m| m == n)) {
            Some(i) if forward => (i + 1).min(last),
            Some(i) => i.saturating_sub(1),
            None if forward => self.starts.partition_point(|&s| s < scale.domain.start).min(last),
            None => self.starts.partition_point(|&s| s < scale.domain.end).saturating_sub(1),
        };
        Some(self.events[at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::timeline::scale::Domain;

    /// Days 0..100 over 1000 px: ten pixels a day.
    fn scale() -> Scale {
        Scale::new(Domain { start: 0.0, end: 100.0 }, 1000.0)
    }

    /// Day 10 (a point), days 10..40 (a month), day 12, day 60, days 0..365 (a year).
    fn index() -> TimeIndex {
        TimeIndex::new(
            [
                (0, (0, 364)),
                (1, (10, 10)),
                (2, (10, 39)),
                (3, (12, 12)),
                (4, (60, 60)),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn marks_are_found_where_they_are_drawn() {
        let index = index();
        // Every event in its own lane: event n's lane centre is at y = 10 n.
        let lane_y = |n: usize| 10.0 * n as f64;
        let scale = scale();
        // Day 10 is x 100..110: its point is centred on 105.
        assert_eq!(index.hit(&scale, 105.0, 10.0, lane_y), Some(1));
        assert_eq!(index.hit(&scale, 101.0, 12.0, lane_y), Some(1));
        assert_eq!(index.hit(&scale, 112.0, 10.0, lane_y), None, "beyond the radius");
        // The month band spans x 100..400; the year reaches past the view's right edge.
        assert_eq!(index.hit(&scale, 350.0, 20.0, lane_y), Some(2));
        assert_eq!(index.hit(&scale, 990.0, 0.0, lane_y), Some(0));
        assert_eq!(index.hit(&scale, 605.0, 40.0, lane_y), Some(4));
        assert_eq!(index.hit(&scale, 605.0, 30.0, lane_y), None, "another lane");
    }

    #[test]
    fn overlapping_marks_resolve_to_the_nearest() {
        let index = index();
        let scale = scale();
        // All in one lane: at x 125 (day 12's centre), the point wins over the month band.
        assert_eq!(index.hit(&scale, 125.0, 0.0, |_| 0.0), Some(3));
        assert_eq!(index.hit(&scale, 300.0, 0.0, |_| 0.0), Some(2));
    }

    #[test]
    fn a_point_far_zoomed_out_keeps_its_width() {
        // Ten years over 100 px: a day is a hundredth of a pixel, its point still 10 px wide.
        let wide = Scale::new(
            Domain {
                start: 0.0,
                end: 3650.0,
            },
            100.0,
        );
        let (a, b) = mark_span(&wide, 60.0, 61.0);
        assert!((b - a - 2.0 * POINT_RADIUS).abs() < 1e-9);
        assert_eq!(
            index().hit(&wide, (a + b) / 2.0 + 4.0, 40.0, |n| 10.0 * n as f64),
            Some(4)
        );
    }

    #[test]
    fn the_range_around_a_span_holds_every_mark_that_reaches_it() {
        let index = index();
        let scale = scale();
        // x 500..700 is days 50..70: the year (from day 0) and day 60 reach it; the month
        // (to day 40) is in the superset too, since the year makes the look-back 365 days.
        let range = index.around(&scale, 500.0, 700.0);
        assert_eq!(range, 0..5);
        let later = Scale::new(
            Domain {
                start: 500.0,
                end: 600.0,
            },
            1000.0,
        );
        assert!(index.around(&later, 0.0, 1000.0).is_empty());
    }

    #[test]
    fn steps_go_through_marks_in_date_order() {
        let index = index();
        let scale = Scale::new(Domain { start: 11.0, end: 50.0 }, 1000.0);
        // From none: the first mark starting in view, or the last one, stepping back.
        assert_eq!(index.step(None, true, &scale), Some(3));
        assert_eq!(index.step(None, false, &scale), Some(3));
        assert_eq!(index.step(Some(3), true, &scale), Some(4));
        assert_eq!(index.step(Some(4), true, &scale), Some(4), "the last stays");
        assert_eq!(index.step(Some(1), false, &scale), Some(0));
        assert_eq!(index.step(Some(0), false, &scale), Some(0), "the first stays");
        assert_eq!(TimeIndex::default().step(None, true, &scale), None);
    }
}
