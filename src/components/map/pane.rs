//! One map pane: an SVG whose layers follow a `View`. The main pane takes gestures; the
//! inset shows a fixed view with the same layers.

use super::arcs::ArcLayer;
use super::basemap_layer::BasemapLayer;
use super::cluster::Cluster;
use super::gestures::Gestures;
use super::layout::layer_transform;
use super::markers::MarkerLayer;
use super::MapState;
use crate::context::use_atlas;
use atlas_map::{BBox, View};
use leptos::prelude::*;

#[component]
pub fn MapPane(
    view: Signal<View>,
    clusters: Signal<Vec<Cluster<'static>>>,
    /// Pan and zoom; `None` for a fixed pane (the inset), whose markers then take no focus.
    #[prop(optional)]
    gestures: Option<Gestures>,
    /// Only basemap shapes meeting this box (the inset needs a few countries, not the world).
    #[prop(optional)]
    only: Option<BBox>,
    /// What a click on a marker of several places does: zoom in there (world units); false
    /// when it cannot.
    #[prop(optional)]
    zoom_into: Option<Callback<(f64, f64), bool>>,
) -> impl IntoView {
    let context = use_atlas();
    let state = expect_context::<MapState>();
    // A tooltip would stay behind when the map moves under it.
    let hide_tip = move || {
        if state.tip.with_untracked(Option::is_some) {
            state.tip.set(None);
        }
    };
    Effect::new(move |_| {
        view.track();
        hide_tip();
    });
    let main = gestures.is_some();
    let g = move || gestures;
    view! {
        <svg
            class="map-pane"
            width=move || view.with(|v| v.size().0)
            height=move || view.with(|v| v.size().1)
            role=main.then_some("application")
            aria-label=move || main.then(|| context.ui.get().strings().map)
            aria-hidden=(!main).then_some("true")
            tabindex=main.then_some("0")
            on:pointerdown=move |e| if let Some(g) = g() { g.pointer_down(&e) }
            on:pointermove=move |e| if let Some(g) = g() { if g.pointer_move(&e) { hide_tip() } }
            on:pointerup=move |e| if let Some(g) = g() { g.pointer_up(&e) }
            on:pointercancel=move |e| if let Some(g) = g() { g.pointer_up(&e) }
            on:wheel=move |e| if let Some(g) = g() { g.wheel(&e); hide_tip() }
            on:keydown=move |e| if let Some(g) = g() { g.key(&e) }
        >
            <BasemapLayer view only focusable=main />
            <g class="overlay" transform=move || view.with(layer_transform)>
                <ArcLayer view />
                <MarkerLayer view clusters focusable=main zoom_into />
            </g>
        </svg>
    }
}
