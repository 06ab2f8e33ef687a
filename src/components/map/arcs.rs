//! Arcs between the events' Chinese places and their UK places: a Hunan delegation in London,
//! a UK delegation in Hefei. One arc per route (see `routes`), heavier for more events, the
//! busiest few hundred only; the hovered and the selected event's own arcs stand out on top.
//!
//! The routes of a weight share one path (a subpath each): a filter rewrites six `d`s instead
//! of rebuilding hundreds of elements, which took ~100 ms at 10,000 events (arcs take no
//! pointer, so nothing needs them apart). The paths are drawn once, at the closest zoom, and
//! the layer scales them: a zoom frame rewrites one `transform`, and a hover redraws one path.

use super::layout::{arc_d, world_scale, MAX_ZOOM};
use super::places::link_of;
use super::routes::{weight, Routes, WEIGHT_CLASSES};
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

/// Per weight, lightest first: how many routes have it, and their arcs as one path.
fn by_weight(routes: &Routes) -> Vec<(usize, String)> {
    let mut layers = vec![(0, String::new()); WEIGHT_CLASSES.len()];
    for route in &routes.drawn {
        let layer = &mut layers[weight(route.events)];
        layer.0 += 1;
        layer.1.push_str(&arc_path(route.china, route.uk));
    }
    layers
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
    let layers = Memo::new(move |_| state.routes.with(by_weight));
    let selected = Memo::new(move |_| own(context.selected.get()));
    // The hovered event's, unless it is the selected one.
    let hovered = Memo::new(move |_| own(context.hovered.get().filter(|&n| context.selected.get() != Some(n))));
    let id = |arc: Memo<Option<(String, String)>>| move || arc.with(|a| a.as_ref().map(|a| a.0.clone()));
    let d = |arc: Memo<Option<(String, String)>>| move || arc.with(|a| a.as_ref().map(|a| a.1.clone()));
    view! {
        <g class="arcs" aria-hidden="true" transform=transform>
            {(0..WEIGHT_CLASSES.len())
                .map(|level| {
                    let routes = move || layers.with(|l| l[level].0);
                    let d = move || layers.with(|l| l[level].1.clone());
                    view! { <path class=WEIGHT_CLASSES[level] data-routes=routes d=d /> }
                })
                .collect_view()}
            <path class="arc active hovered" data-event-id=id(hovered) d=d(hovered) />
            <path class="arc active selected" data-event-id=id(selected) d=d(selected) />
        </g>
    }
}
