//! The map as a list, for screen readers: the busiest places with their number of events; a
//! place's button selects its first event, as a click on its marker does.

use super::target::activate;
use super::MapState;
use crate::context::use_atlas;
use crate::hooks::use_deferred;
use leptos::prelude::*;

/// Places listed at most, the busiest first. A dataset can name thousands of places: nobody
/// steps through thousands of buttons, and each costs the page nodes and every filter a
/// rebuild (the busiest places change with the filters). The rest are counted in a last line;
/// the filters narrow them down.
const MAX_LISTED: usize = 100;

#[component]
pub fn PlaceList() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let ui = context.ui;
    // Points and areas together, the busiest first, and how many more there are. Events are
    // sorted by date only on a click.
    let busiest = Memo::new(move |_| {
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
                // Keyed by name and how many listed before it share the name (two Richmonds).
                let mut listed: Vec<((&'static str, usize), Vec<usize>)> = Vec::with_capacity(shown);
                for &(name, events) in &all[..shown] {
                    let same = listed.iter().filter(|(key, _)| key.0 == name).count();
                    listed.push(((name, same), events.to_vec()));
                }
                (listed, all.len() - shown)
            })
        })
    });
    // Nobody sees it change: it follows the filters a frame after the map does.
    let places = use_deferred(busiest);
    view! {
        <div class="visually-hidden">
            <h3 id="map-places-heading">{move || ui.get().strings().map_list_alternative}</h3>
            <ul class="map-places" aria-labelledby="map-places-heading">
                // By place: a filter that changes a place's count updates its line in place.
                <For each=move || places.with(|p| p.0.iter().map(|e| e.0).collect::<Vec<_>>()) key=|key| *key let:key>
                    {
                        let events = move || places.with(|p| p.0.iter().find(|e| e.0 == key).map(|e| e.1.clone()).unwrap_or_default());
                        let count = move || places.with(|p| p.0.iter().find(|e| e.0 == key).map_or(0, |e| e.1.len()));
                        view! {
                            <li>
                                <button type="button" on:click=move |_| activate(context, &atlas.by_date(&events()))>
                                    {key.0}": "{move || ui.get().count_events(count())}
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
