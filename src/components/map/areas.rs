//! Regions (and bare countries) shaded by how many visible events name them: a province is a
//! place too, and a pin at its capital would claim a city the article never named.

use super::basemap_layer::path_of;
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
pub fn AreaLayer(focusable: bool) -> impl IntoView {
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
                    let mut areas = state.areas.get();
                    areas.retain(|a| !matches!(a.shape, "CN" | "GB"));
                    areas
                }
                key=|a| (a.shape, a.events.clone())
                let:area
            >
                {
                    let events = atlas.by_date(&area.events);
                    let count = events.len();
                    let (name, level) = (area.name, area.level);
                    let country = level == PlaceLevel::Country;
                    // Its events ascending (as visible events come): a hover is a binary search.
                    let mut members = area.events;
                    if !members.is_sorted() {
                        members.sort_unstable();
                    }
                    let members = StoredValue::new(members);
                    let has = move |n: Option<usize>| n.is_some_and(|n| members.with_value(|m| m.binary_search(&n).is_ok()));
                    let (enter, focus, click, key) = (events.clone(), events.clone(), events.clone(), events);
                    view! {
                        <path
                            class=if country { "area country" } else { "area region" }
                            data-area=area.shape
                            d=path_of(area.shape)
                            fill-opacity=move || format!("{:.2}", opacity(count, max.get(), level))
                            class:selected=move || has(context.selected.get())
                            class:hovered=move || has(context.hovered.get())
                            tabindex=(focusable && !country).then_some("0")
                            role=(!country).then_some("button")
                            aria-label=move || (!country).then(|| format!("{name}: {}", ui.get().count_events(count)))
                            on:pointerenter=move |e| if !country {
                                context.hovered.set(enter.first().copied());
                                show_tip(state, &e, name, &enter, true);
                            }
                            on:focus=move |e| {
                                context.hovered.set(focus.first().copied());
                                show_tip(state, &e, name, &focus, false);
                            }
                            on:pointerleave=move |_| leave(context, state)
                            on:blur=move |_| leave(context, state)
                            on:click=move |_| if !country { activate(context, &click) }
                            on:keydown=move |e| if matches!(e.key().as_str(), "Enter" | " ") {
                                e.prevent_default();
                                e.stop_propagation();
                                activate(context, &key);
                            }
                        />
                    }
                }
            </For>
        </g>
    }
}
