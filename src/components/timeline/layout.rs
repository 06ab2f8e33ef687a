//! Where marks go and how dense the events are: plain numbers in, plain numbers out, so a
//! canvas renderer for 100k events can reuse them. Both are O(n log n) or better.

use crate::time::Day;

/// Where a mark goes: its lane (0 = top), and whether it is crowded there, overlapping
/// another mark because every lane was taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lane {
    pub row: u16,
    pub crowded: bool,
}

/// Lanes for intervals `[start, end)` in days, in the input's order: an interval goes to the
/// first lane whose last interval ended at least `gap` before it starts. Beyond `max_lanes`
/// lanes, it joins the lane that frees up first and is `crowded` there: the canvas draws such
/// marks faintly, so that where thousands pile up the colour deepens instead of turning into
/// a wall of outlines, and the density strip tells how many there are. O(n log n + n ·
/// max_lanes), and O(n + n · max_lanes) for input already sorted by start (as the timeline's).
pub fn pack_lanes(intervals: &[(f64, f64)], gap: f64, max_lanes: usize) -> Vec<Lane> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by(|&a, &b| intervals[a].0.total_cmp(&intervals[b].0));
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut lanes = vec![Lane::default(); intervals.len()];
    for i in order {
        let (start, end) = intervals[i];
        let (lane, crowded) = match lane_ends.iter().position(|&e| e + gap <= start) {
            Some(free) => (free, false),
            None if lane_ends.len() < max_lanes.max(1) => {
                lane_ends.push(f64::NEG_INFINITY);
                (lane_ends.len() - 1, false)
            }
            None => {
                let earliest = (0..lane_ends.len()).min_by(|&a, &b| lane_ends[a].total_cmp(&lane_ends[b]));
                (earliest.unwrap_or(0), true)
            }
        };
        // A crowded mark does not hold its lane longer: the next free one still gets a lane
        // of its own, so that however dense the events, the lanes keep a readable sample.
        if !crowded {
            lane_ends[lane] = lane_ends[lane].max(end);
        }
        lanes[i] = Lane {
            row: u16::try_from(lane).unwrap_or(u16::MAX),
            crowded,
        };
    }
    lanes
}

/// How many events fall on each day, each event spread evenly over its extent (a month-precise
/// event adds 1/30 to each of its days): a cumulative count per day, so that the events in
/// any span cost two look-ups. O(n + days) to build, O(1) per query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Density {
    origin: Day,
    /// `cumulative[i]`: events on the days before `origin + i`.
    cumulative: Vec<f64>,
}

impl Density {
    /// The density of events with these extents (first and last day, inclusive).
    pub fn new(extents: &[(Day, Day)]) -> Density {
        let Some(origin) = extents.iter().map(|e| e.0).min() else {
            return Density::default();
        };
        let end = extents.iter().map(|e| e.1).max().unwrap_or(origin) + 1;
        // Rates per day, added where an extent starts and taken off after it ends.
        let mut change = vec![0.0; (end - origin) as usize + 1];
        for &(first, last) in extents {
            let rate = 1.0 / f64::from(last - first + 1);
            change[(first - origin) as usize] += rate;
            change[(last + 1 - origin) as usize] -= rate;
        }
        let mut cumulative = Vec::with_capacity(change.len());
        let (mut rate, mut total) = (0.0, 0.0);
        cumulative.push(0.0);
        for delta in &change[..change.len() - 1] {
            rate += delta;
            total += rate;
            cumulative.push(total);
        }
        Density { origin, cumulative }
    }

    /// Events before the (fractional) day `day`, a day's events spread across it.
    pub fn before(&self, day: f64) -> f64 {
        let Some(&total) = self.cumulative.last() else {
            return 0.0;
        };
        let at = day - f64::from(self.origin);
        if at <= 0.0 {
            return 0.0;
        }
        let whole = at.floor() as usize;
        if whole >= self.cumulative.len() - 1 {
            return total;
        }
        let (below, above) = (self.cumulative[whole], self.cumulative[whole + 1]);
        below + (above - below) * (at - at.floor())
    }

    /// Event counts in `count` equal bins from `start` to `end` (fractional days).
    pub fn bins(&self, start: f64, end: f64, count: usize) -> Vec<f64> {
        let width = (end - start) / count.max(1) as f64;
        let edges: Vec<f64> = (0..=count).map(|k| self.before(start + width * k as f64)).collect();
        edges.windows(2).map(|w| w[1] - w[0]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lanes: Vec<Lane>) -> Vec<u16> {
        lanes.iter().map(|l| l.row).collect()
    }

    #[test]
    fn overlapping_extents_go_to_different_lanes() {
        let intervals = [(0.0, 31.0), (10.0, 11.0), (40.0, 41.0), (5.0, 400.0), (35.0, 36.0)];
        let packed = pack_lanes(&intervals, 2.0, 8);
        assert!(packed.iter().all(|l| !l.crowded));
        let lanes = rows(packed);
        for (i, a) in intervals.iter().enumerate() {
            for (j, b) in intervals.iter().enumerate().skip(i + 1) {
                if a.0 < b.1 + 2.0 && b.0 < a.1 + 2.0 {
                    assert_ne!(lanes[i], lanes[j], "{a:?} and {b:?} overlap");
                }
            }
        }
        // Lanes are reused once free, the top one first.
        assert_eq!(lanes, [0, 2, 0, 1, 0]);
        assert_eq!(rows(pack_lanes(&[(0.0, 1.0), (3.0, 4.0)], 2.0, 8)), [0, 0]);
        assert_eq!(rows(pack_lanes(&[(0.0, 1.0), (2.5, 4.0)], 2.0, 8)), [0, 1]);
    }

    #[test]
    fn lanes_beyond_the_limit_reuse_the_earliest_freed() {
        let same = [(0.0, 1.0); 5];
        let packed = pack_lanes(&same, 0.0, 3);
        assert_eq!(rows(packed.clone()), [0, 1, 2, 0, 0]);
        let crowded: Vec<bool> = packed.iter().map(|l| l.crowded).collect();
        assert_eq!(crowded, [false, false, false, true, true]);
        let staggered = [(0.0, 10.0), (1.0, 5.0), (2.0, 3.0), (4.0, 6.0)];
        // The last one fits in lane 2 once day 3 ends: not crowded.
        let packed = pack_lanes(&staggered, 0.0, 3);
        assert_eq!(rows(packed.clone()), [0, 1, 2, 2]);
        assert!(packed.iter().all(|l| !l.crowded));
    }

    #[test]
    fn ten_thousand_marks_pack_quickly_and_fill_every_lane() {
        // A day each over 1,000 days, ten a day: far more than seven lanes hold.
        let intervals: Vec<(f64, f64)> = (0..10_000)
            .map(|k| (f64::from(k / 10), f64::from(k / 10) + 1.0))
            .collect();
        let packed = pack_lanes(&intervals, 4.0, 7);
        assert!(packed.iter().all(|l| l.row < 7));
        let clear = packed.iter().filter(|l| !l.crowded).count();
        // With a 4-day gap, the seven lanes take a mark every 5 days each.
        assert!(
            (1_300..=1_500).contains(&clear),
            "{clear} marks have a lane of their own"
        );
    }

    #[test]
    fn density_bins_sum_to_the_events() {
        let extents = [(100, 100), (100, 130), (120, 484), (300, 300), (90, 90)];
        let density = Density::new(&extents);
        assert!((density.before(f64::INFINITY) - 5.0).abs() < 1e-9);
        let bins = density.bins(80.0, 500.0, 60);
        assert_eq!(bins.len(), 60);
        assert!((bins.iter().sum::<f64>() - 5.0).abs() < 1e-9);
        assert!(bins.iter().all(|&b| b >= -1e-12));
        // A span covering half of a 31-day month holds about half of that event.
        assert!((density.before(116.0) - density.before(101.0) - 15.0 / 31.0).abs() < 1e-9);
        // Day 100 holds the day event and 1/31 of the month one.
        assert!((density.before(101.0) - density.before(100.0) - (1.0 + 1.0 / 31.0)).abs() < 1e-9);
        assert_eq!(Density::new(&[]).bins(0.0, 10.0, 4), [0.0; 4]);
    }
}
