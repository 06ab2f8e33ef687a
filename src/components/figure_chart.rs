use super::later::{later, Later};
use crate::context::use_atlas;
use crate::extraction::EventKind;
use crate::hooks::{use_after_first_frame, use_deferred};
use crate::time::extent;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A trade or investment figure of a dated event.
#[derive(Clone, PartialEq)]
pub(super) struct Point {
    event: usize,
    kind: EventKind,
    year: i32,
    day: i32,
    usd: f64,
    text: String,
}

/// Whether two figures for the same quantity disagree: by more than a tenth.
fn differ(a: &Point, b: &Point) -> bool {
    differ_values(a.usd, b.usd)
}

/// Conflicts listed at most: past a few, a list of disagreements says less than its count.
const CONFLICTS_LISTED: usize = 12;

/// Comparisons spent looking for the pairs to list: the count stays exact beyond it.
const LISTING_BUDGET: usize = 2_000_000;

/// Figures for the same quantity (same kind, same year, different events) that differ by more
/// than a tenth: the first [`CONFLICTS_LISTED`] pairs in the points' order, and how many there
/// are in all. Counted per (kind, year) on sorted values, so 20,000 figures stay cheap.
fn conflicts(points: &[Point]) -> (Vec<(Point, Point)>, usize) {
    let mut groups: BTreeMap<(EventKind, i32), Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        groups.entry((p.kind, p.year)).or_default().push(i);
    }
    let mut total = 0;
    for members in groups.values() {
        // Sorted, `b` differs from the smaller values up to some point: a binary search.
        let mut values: Vec<f64> = members.iter().map(|&i| points[i].usd).collect();
        values.sort_unstable_by(f64::total_cmp);
        total += values
            .iter()
            .enumerate()
            .map(|(k, &b)| values[..k].partition_point(|&a| differ_values(a, b)))
            .sum::<usize>();
        // Pairs within one event are no conflict: take them back out.
        let mut by_event: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in members {
            by_event.entry(points[i].event).or_default().push(i);
        }
        for same in by_event.values() {
            for (k, &i) in same.iter().enumerate() {
                total -= same[k + 1..]
                    .iter()
                    .filter(|&&j| differ(&points[i], &points[j]))
                    .count();
            }
        }
    }
    let mut listed = Vec::new();
    let mut budget = LISTING_BUDGET;
    'scan: for (i, a) in points.iter().enumerate() {
        for &j in groups[&(a.kind, a.year)].iter().filter(|&&j| j > i) {
            if budget == 0 || listed.len() == CONFLICTS_LISTED {
                break 'scan;
            }
            budget -= 1;
            if a.event != points[j].event && differ(a, &points[j]) {
                listed.push((a.clone(), points[j].clone()));
            }
        }
    }
    (listed, total)
}

fn differ_values(a: f64, b: f64) -> bool {
    (a - b).abs() > 0.1 * a.max(b)
}

/// Dots drawn one per figure up to this many; past it, one per kind and year (the median, with
/// a line from the smallest to the largest figure), which reads better than a smear of dots
/// and keeps the chart to a few hundred elements.
const DOTS_UP_TO: usize = 400;

/// The figures of one kind in one year.
struct YearSummary {
    /// The median figure (the lower of the two middle ones).
    median: Point,
    low: f64,
    high: f64,
    count: usize,
    /// Middle of the year.
    day: i32,
}

fn yearly(points: &[Point]) -> Vec<YearSummary> {
    let mut groups: BTreeMap<(EventKind, i32), Vec<&Point>> = BTreeMap::new();
    for p in points {
        groups.entry((p.kind, p.year)).or_default().push(p);
    }
    groups
        .into_values()
        .map(|mut group| {
            group.sort_unstable_by(|a, b| a.usd.total_cmp(&b.usd));
            let median = group[(group.len() - 1) / 2].clone();
            YearSummary {
                day: crate::time::day_number(median.year, 7, 1),
                low: group[0].usd,
                high: group[group.len() - 1].usd,
                count: group.len(),
                median,
            }
        })
        .collect()
}

/// Trade and investment figures over time (US dollars), and the figures that disagree, side
/// by side with their sources.
#[component]
pub fn FigureChart() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    // Below the fold: it follows the filters a frame after the views above it.
    let visible = use_deferred(context.visible);
    let points = Memo::new(move |_| {
        let mut points: Vec<Point> = Vec::new();
        for n in visible.get() {
            let event = &atlas.events[n];
            let (Some(date), true) = (
                event.date,
                matches!(event.kind, EventKind::TradeFigure | EventKind::Investment),
            ) else {
                continue;
            };
            for figure in &event.figures {
                if let Some(usd) = figure.value_usd {
                    points.push(Point {
                        event: n,
                        kind: event.kind,
                        year: date.year_number(),
                        day: extent(date).0,
                        usd,
                        text: figure.text.clone(),
                    });
                }
            }
        }
        points
    });
    // Below the map, the timeline and the list: drawn once they are.
    let after_first_frame = use_after_first_frame();
    // The memo is read (and so first computed) only after the first frame too.
    let chart = move || {
        let points = after_first_frame.get().then(|| points.get())?;
        (!points.is_empty()).then(|| Suspend::new(async move { later(Later::Chart(points)).await }))
    };
    // A boundary of its own: the chunk's fetch holds up nothing else on the page.
    view! { <Transition>{chart}</Transition> }
}

/// The chart of `points` and the figures that disagree (in the chunk of `later`).
pub(super) fn chart(points: Vec<Point>) -> AnyView {
    let context = use_atlas();
    let atlas = context.atlas;
    let ui = context.ui;
    let t = ui.get().strings();
    let (first, last) = points
        .iter()
        .fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.day), b.max(p.day)));
    let max = points.iter().map(|p| p.usd).fold(0.0, f64::max).max(1.0);
    let (width, height) = (600.0, 160.0);
    let x = move |day: i32| 40.0 + (width - 60.0) * f64::from(day - first) / f64::from((last - first).max(1));
    let y = move |usd: f64| height - 20.0 - (height - 40.0) * (usd / max);
    let (disagreements, disagreeing) = conflicts(&points);
    let dots = if points.len() <= DOTS_UP_TO {
        points
            .iter()
            .map(|p| {
                let n = p.event;
                let title = format!("{} — {}", p.text, crate::format::usd(p.usd));
                view! {
                    <circle cx=x(p.day) cy=y(p.usd) r="5" data-kind=crate::state::kind_tag(p.kind) class="figure-dot" on:click=move |_| context.selected.set(Some(n))>
                        <title>{title}</title>
                    </circle>
                }
                .into_any()
            })
            .collect_view()
    } else {
        yearly(&points)
            .into_iter()
            .map(|summary| {
                let (cx, n) = (x(summary.day), summary.median.event);
                let title = format!(
                    "{} figures, {}: median {} ({} – {})",
                    summary.count,
                    summary.median.year,
                    crate::format::usd(summary.median.usd),
                    crate::format::usd(summary.low),
                    crate::format::usd(summary.high)
                );
                view! {
                    <g data-kind=crate::state::kind_tag(summary.median.kind) class="figure-year">
                        <line x1=cx x2=cx y1=y(summary.low) y2=y(summary.high) class="figure-range" />
                        <circle cx=cx cy=y(summary.median.usd) r="5" class="figure-dot" on:click=move |_| context.selected.set(Some(n))>
                            <title>{title}</title>
                        </circle>
                    </g>
                }
                .into_any()
            })
            .collect_view()
    };
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t.money_chart}</h2>
            <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=t.money_chart class="figure-chart">
                <line x1="40" x2=width - 20.0 y1=height - 20.0 y2=height - 20.0 class="axis" />
                {dots}
            </svg>
            {(!disagreements.is_empty()).then(|| view! {
                <h3>{t.conflicting_figures}</h3>
                <ul class="conflicts">
                    {disagreements.into_iter().map(|(a, b)| {
                        let source = |p: &Point| atlas.document(p.event).and_then(|d| d.source.clone().or(d.title.clone())).unwrap_or_default();
                        view! {
                            <li>
                                <span class="conflict-side">{format!("{} ({})", a.text, crate::format::usd(a.usd))}<small>{source(&a)}</small></span>
                                <span class="versus">"≠"</span>
                                <span class="conflict-side">{format!("{} ({})", b.text, crate::format::usd(b.usd))}<small>{source(&b)}</small></span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(disagreeing > CONFLICTS_LISTED).then(|| view! {
                    <p class="facet-more">{ui.get().more_conflicts(disagreeing - CONFLICTS_LISTED)}</p>
                })}
            })}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair, compared: what `conflicts` must count.
    fn all_pairs(points: &[Point]) -> usize {
        let mut total = 0;
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                total += usize::from(a.kind == b.kind && a.year == b.year && a.event != b.event && differ(a, b));
            }
        }
        total
    }

    #[test]
    fn thousands_of_figures_are_counted_as_every_pair_compared_would_be() {
        // A spread of values, some events with two figures, two kinds, a few years.
        let points: Vec<Point> = (0..3_000u32)
            .map(|i| Point {
                event: (i / 2) as usize,
                kind: if i % 5 == 0 {
                    EventKind::Investment
                } else {
                    EventKind::TradeFigure
                },
                year: 2015 + (i % 4) as i32,
                day: 0,
                usd: f64::from((i * 7_919) % 1_000 + 1) * 1e6,
                text: String::new(),
            })
            .collect();
        let (listed, total) = conflicts(&points);
        assert_eq!(total, all_pairs(&points));
        assert_eq!(listed.len(), CONFLICTS_LISTED);
        let summaries = yearly(&points);
        assert_eq!(summaries.len(), 8);
        assert_eq!(summaries.iter().map(|s| s.count).sum::<usize>(), points.len());
        assert!(summaries
            .iter()
            .all(|s| s.low <= s.median.usd && s.median.usd <= s.high));
    }

    fn point(event: usize, year: i32, usd: f64) -> Point {
        Point {
            event,
            kind: EventKind::TradeFigure,
            year,
            day: 0,
            usd,
            text: String::new(),
        }
    }

    #[test]
    fn figures_for_the_same_year_that_differ_are_conflicts() {
        let points = [
            point(0, 2024, 130e9),
            point(1, 2024, 98.4e9),
            point(2, 2024, 131e9),
            point(3, 2023, 98e9),
        ];
        let (listed, total) = conflicts(&points);
        let found: Vec<(usize, usize)> = listed.iter().map(|(a, b)| (a.event, b.event)).collect();
        assert_eq!(found, [(0, 1), (1, 2)]);
        assert_eq!(total, 2);
    }
}
