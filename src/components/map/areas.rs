//! Regions (and bare countries) shaded by how many visible events name them: a province is a
//! place too, and a pin at its capital would claim a city the article never named.

use super::basemap_layer::{reference_path, shape_index};
use super::layout::Detail;
use super::target::{activate, leave, show_tip};
use super::MapState;
use crate::context::use_atlas;
use crate::extraction::PlaceLevel;
use leptos::prelude::*;

/// Opacity of an area with `count` events when the busiest has `max`: visible for one event,
/// never hiding the borders under it.
fn opacity(count: usize, max: usize, level: PlaceLevel) -> f64 {
    let share = (count as f64 / max.max(1) as f64).sqrt();
    let (low, high) = if level == PlaceLevel::Country {
        (0.08, 0.18)
    } else {
        (0.25, 0.6)
    };
    low + (high - low) * share
}

#[component]
pub fn AreaLayer(detail: Signal<Detail>, focusable: bool) -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let ui = context.ui;
    let max = Memo::new(move |_| {
        state
            .areas
            .with(|a| a.iter().map(|a| a.events.len()).max().unwrap_or(1))
    });
    view! {
        <g class="areas">
            <For
                // China and the UK are drawn by their regions: the basemap layer tints those.
                each=move || {
                    state.areas.with(|areas| {
                        areas
                            .iter()
                            .filter(|a| !matches!(a.shape, "CN" | "GB"))
                            .map(|a| (a.shape, a.name, a.level))
                            .collect::<Vec<_>>()
                    })
                }
                // By shape alone: a filter that changes an area's events updates its shade and
                // label, and never sends its outline (kilobytes of path) to the browser again.
                key=|area| area.0
                let:area
            >
                {
                    let (shape, name, level) = area;
                    let country = level == PlaceLevel::Country;
                    let index = shape_index(shape);
                    // Its events ascending (as visible events come): a hover is a binary search.
                    let members = Memo::new(move |_| {
                        state.areas.with(|areas| {
                            let mut members = areas
                                .iter()
                                .find(|a| a.shape == shape)
                                .map(|a| a.events.clone())
                                .unwrap_or_default();
                            if !members.is_sorted() {
                                members.sort_unstable();
                            }
                            members
                        })
                    });
                    let count = move || members.with(Vec::len);
                    let by_date = move || members.with(|m| atlas.by_date(m));
                    let has = move |n: Option<usize>| n.is_some_and(|n| members.with(|m| m.binary_search(&n).is_ok()));
                    view! {
                        <path
                            class=if country { "area country" } else { "area region" }
                            data-area=shape
                            d=move || index.map_or("", |i| reference_path(detail.get(), i))
                            fill-opacity=move || format!("{:.2}", opacity(count(), max.get(), level))
                            class:selected=move || has(context.selected.get())
                            class:hovered=move || has(context.hovered.get())
                            tabindex=(focusable && !country).then_some("0")
                            role=(!country).then_some("button")
                            aria-label=move || (!country).then(|| format!("{name}: {}", ui.get().count_events(count())))
                            on:pointerenter=move |e| if !country {
                                let events = by_date();
                                context.hovered.set(events.first().copied());
                                show_tip(state, &e, name, &events, true);
                            }
                            on:focus=move |e| {
                                let events = by_date();
                                context.hovered.set(events.first().copied());
                                show_tip(state, &e, name, &events, false);
                            }
                            on:pointerleave=move |_| leave(context, state)
                            on:blur=move |_| leave(context, state)
                            on:click=move |_| if !country { activate(context, &by_date()) }
                            on:keydown=move |e| if matches!(e.key().as_str(), "Enter" | " ") {
                                e.prevent_default();
                                e.stop_propagation();
                                activate(context, &by_date());
                            }
                        />
                    }
                }
            </For>
        </g>
    }
}
