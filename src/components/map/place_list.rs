//! The map as a list, for screen readers: every place with its number of events; a place's
//! button selects its first event, as a click on its marker does.

use super::target::activate;
use super::MapState;
use crate::context::use_atlas;
use leptos::prelude::*;

#[component]
pub fn PlaceList() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let ui = context.ui;
    // Points and areas together, the busiest first.
    let places = Memo::new(move |_| {
        let mut all: Vec<(&'static str, Vec<usize>)> = state
            .markers
            .with(|m| m.iter().map(|p| (p.name, atlas.by_date(&p.events))).collect());
        state
            .areas
            .with(|a| all.extend(a.iter().map(|p| (p.name, atlas.by_date(&p.events)))));
        all.sort_by_key(|(name, events)| (std::cmp::Reverse(events.len()), *name));
        all
    });
    view! {
        <div class="visually-hidden">
            <h3 id="map-places-heading">{move || ui.get().strings().map_list_alternative}</h3>
            <ul class="map-places" aria-labelledby="map-places-heading">
                <For each=move || places.get() key=|p| p.clone() let:place>
                    {
                        let (name, events) = place;
                        let count = events.len();
                        view! {
                            <li>
                                <button type="button" on:click=move |_| activate(context, &events)>
                                    {name}": "{move || ui.get().count_events(count)}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
