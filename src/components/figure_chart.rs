use crate::context::use_atlas;
use crate::extraction::EventKind;
use crate::time::extent;
use leptos::prelude::*;

/// A trade or investment figure of a dated event.
#[derive(Clone, PartialEq)]
struct Point {
    event: usize,
    kind: EventKind,
    year: i32,
    day: i32,
    usd: f64,
    text: String,
}

/// Figures for the same quantity (same kind, same year) that differ by more than a tenth.
fn conflicts(points: &[Point]) -> Vec<(Point, Point)> {
    let mut out = Vec::new();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            let differ = (a.usd - b.usd).abs() > 0.1 * a.usd.max(b.usd);
            if a.kind == b.kind && a.year == b.year && a.event != b.event && differ {
                out.push((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// Trade and investment figures over time (US dollars), and the figures that disagree, side
/// by side with their sources.
#[component]
pub fn FigureChart() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let ui = context.ui;
    let points = Memo::new(move |_| {
        let mut points: Vec<Point> = Vec::new();
        for n in context.visible.get() {
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
    move || {
        let points = points.get();
        if points.is_empty() {
            return None;
        }
        let t = ui.get().strings();
        let (first, last) = points
            .iter()
            .fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.day), b.max(p.day)));
        let max = points.iter().map(|p| p.usd).fold(0.0, f64::max).max(1.0);
        let (width, height) = (600.0, 160.0);
        let x = move |day: i32| 40.0 + (width - 60.0) * f64::from(day - first) / f64::from((last - first).max(1));
        let y = move |usd: f64| height - 20.0 - (height - 40.0) * (usd / max);
        let disagreements = conflicts(&points);
        Some(view! {
            <section class="figures" aria-labelledby="figures-heading">
                <h2 id="figures-heading">{t.money_chart}</h2>
                <svg viewBox=format!("0 0 {width} {height}") role="img" aria-label=t.money_chart class="figure-chart">
                    <line x1="40" x2=width - 20.0 y1=height - 20.0 y2=height - 20.0 class="axis" />
                    {points.iter().map(|p| {
                        let n = p.event;
                        view! {
                            <circle cx=x(p.day) cy=y(p.usd) r="5" data-kind=crate::state::kind_tag(p.kind) class="figure-dot" on:click=move |_| context.selected.set(Some(n))>
                                <title>{format!("{} — {}", p.text, crate::format::usd(p.usd))}</title>
                            </circle>
                        }
                    }).collect_view()}
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
                })}
            </section>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let found: Vec<(usize, usize)> = conflicts(&points).iter().map(|(a, b)| (a.event, b.event)).collect();
        assert_eq!(found, [(0, 1), (1, 2)]);
    }
}
