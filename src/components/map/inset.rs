//! The UK inset. At a scale that shows China, the UK is a few pixels: this pane shows it at
//! its own scale in a corner (bottom left, over the Atlantic and Africa, where the events' map
//! is empty; top left over the speck itself on a phone, see map.css), with its own markers.
//! It hides when the main map itself shows the UK closely; its caption moves the main map there.

use super::cluster::cluster;
use super::layout::{inset_size, world_scale, UK};
use super::pane::MapPane;
use super::MapState;
use crate::context::use_atlas;
use atlas_map::{BBox, View};
use leptos::prelude::*;

/// Basemap shapes the inset draws: the UK and its neighbours.
const AROUND_UK: BBox = BBox {
    min_lon: -12.0,
    min_lat: 48.0,
    max_lon: 5.0,
    max_lat: 61.5,
};

#[component]
pub fn Inset(main: RwSignal<View>, size: RwSignal<(f64, f64)>, commit: Callback<()>) -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let view = Memo::new(move |_| {
        let (w, h) = size.get();
        let (iw, ih) = inset_size(w, h);
        View::fit(&UK, iw, ih, 6.0)
    });
    let clusters = Memo::new(move |_| {
        let inset = view.get();
        let scale = world_scale(inset.zoom());
        let shown = inset.visible_bbox();
        state.markers.with(|m| {
            let mut all = cluster(m, scale, |n| atlas.events[n].kind);
            all.retain(|c| {
                let (lon, lat) = atlas_map::unproject(c.world.0, c.world.1);
                shown.contains(lon, lat)
            });
            all
        })
    });
    // When the main map already shows the UK at least this large, the inset only repeats it.
    let hidden = Memo::new(move |_| {
        let (w, _) = size.get();
        let main = main.get();
        let (lon, lat) = (-2.0, 54.0);
        w < 240.0 || (main.zoom() >= view.get().zoom() - 0.5 && main.visible_bbox().contains(lon, lat))
    });
    let ui = context.ui;
    let focus_uk = move |_| {
        let (w, h) = main.get_untracked().size();
        main.set(View::fit(&UK, w, h, 24.0));
        commit.run(());
    };
    view! {
        <div
            class="map-inset"
            class:hidden=hidden
            style:width=move || format!("{:.0}px", view.get().size().0)
            style:height=move || format!("{:.0}px", view.get().size().1)
        >
            <MapPane view=view.into() clusters=clusters.into() only=AROUND_UK />
            <button type="button" class="inset-caption" on:click=focus_uk>
                {move || ui.get().strings().uk_inset}
            </button>
        </div>
    }
}
