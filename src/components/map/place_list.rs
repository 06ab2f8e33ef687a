//! The map as a list, for screen readers: the busiest places with their number of events; a
//! place's button selects its first event, as a click on its marker does.

use super::target::activate;
use super::MapState;
use crate::context::use_atlas;
use leptos::prelude::*;

/// Places listed at most, the busiest first. A dataset can name thousands of places: nobody
/// steps through thousands of buttons, and each costs the page nodes. The rest are counted
/// in a last line; the filters narrow them down.
const MAX_LISTED: usize = 200;

#[component]
pub fn PlaceList() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let ui = context.ui;
    // Points and areas together, the busiest first, and how many more there are. Events are
    // sorted by date only on a click.
    let places = Memo::new(move |_| {
        state.markers.with(|markers| {
            state.areas.with(|areas| {
                let mut all: Vec<(&'static str, &[usize])> = markers
                    .iter()
                    .map(|p| (p.name, p.events.as_slice()))
                    .chain(areas.iter().map(|p| (p.name, p.events.as_slice())))
                    .collect();
                let busier = |a: &(&str, &[usize]), b: &(&str, &[usize])| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0));
                let shown = all.len().min(MAX_LISTED);
                if shown < all.len() {
                    all.select_nth_unstable_by(shown, busier);
                }
                all[..shown].sort_by(busier);
                let listed: Vec<(&'static str, Vec<usize>)> = all[..shown]
                    .iter()
                    .map(|&(name, events)| (name, events.to_vec()))
                    .collect();
                (listed, all.len() - shown)
            })
        })
    });
    view! {
        <div class="visually-hidden">
            <h3 id="map-places-heading">{move || ui.get().strings().map_list_alternative}</h3>
            <ul class="map-places" aria-labelledby="map-places-heading">
                <For each=move || places.with(|p| p.0.clone()) key=|p| p.clone() let:place>
                    {
                        let (name, events) = place;
                        let count = events.len();
                        view! {
                            <li>
                                <button type="button" on:click=move |_| activate(context, &atlas.by_date(&events))>
                                    {name}": "{move || ui.get().count_events(count)}
                                </button>
                            </li>
                        }
                    }
                </For>
                {move || {
                    let more = places.with(|p| p.1);
                    (more > 0).then(|| view! { <li class="more">{move || ui.get().more_places(more)}</li> })
                }}
            </ul>
        </div>
    }
}
