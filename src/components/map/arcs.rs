//! Arcs between the events' Chinese places and their UK places: a Hunan delegation in London,
//! a UK delegation in Hefei. One arc per route (see `routes`), heavier for more events, the
//! busiest few hundred only; the hovered and the selected event's own arcs stand out on top.
//!
//! The paths are drawn once, at the closest zoom, and the layer scales them: a zoom frame
//! rewrites one `transform`, not every path, and a hover redraws one path, not every arc.

use super::layout::{arc_d, world_scale, MAX_ZOOM};
use super::places::link_of;
use super::routes::{weight_class, Route};
use super::MapState;
use crate::context::use_atlas;
use atlas_map::View;
use leptos::prelude::*;

/// The `d` of an arc between two points in world units, in the arc layer's units: pixels at
/// [`MAX_ZOOM`], so that the layer only ever scales down and a tenth of a unit is sub-pixel.
fn arc_path(china: (f64, f64), uk: (f64, f64)) -> String {
    let s = world_scale(MAX_ZOOM);
    arc_d((china.0 * s, china.1 * s), (uk.0 * s, uk.1 * s))
}

fn route_key(route: &Route) -> ([u64; 4], usize) {
    let ends = [route.china.0, route.china.1, route.uk.0, route.uk.1].map(f64::to_bits);
    (ends, route.events)
}

#[component]
pub fn ArcLayer(view: Signal<View>) -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let transform = move || format!("scale({:.8})", (view.with(View::zoom) - MAX_ZOOM).exp2());
    // An event's own arc, when it is visible and has one; `None` draws nothing.
    let own = move |event: Option<usize>| {
        let n = event.filter(|&n| state.routes.with(|r| r.links(n)))?;
        let (china, uk) = link_of(&atlas.events[n])?;
        Some((atlas.events[n].id.clone(), arc_path(china, uk)))
    };
    let selected = Memo::new(move |_| own(context.selected.get()));
    // The hovered event's, unless it is the selected one.
    let hovered = Memo::new(move |_| own(context.hovered.get().filter(|&n| context.selected.get() != Some(n))));
    let id = |arc: Memo<Option<(String, String)>>| move || arc.with(|a| a.as_ref().map(|a| a.0.clone()));
    let d = |arc: Memo<Option<(String, String)>>| move || arc.with(|a| a.as_ref().map(|a| a.1.clone()));
    view! {
        <g class="arcs" aria-hidden="true" transform=transform>
            <For each=move || state.routes.with(|r| r.drawn.clone()) key=route_key let:route>
                <path class=weight_class(route.events) data-events=route.events d=arc_path(route.china, route.uk) />
            </For>
            <path class="arc active hovered" data-event-id=id(hovered) d=d(hovered) />
            <path class="arc active selected" data-event-id=id(selected) d=d(selected) />
        </g>
    }
}
