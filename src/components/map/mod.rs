//! The map: an offline vector basemap (see `atlas-map`) in SVG, markers for places, shaded
//! regions, China–UK arcs, and an inset that keeps the UK readable beside China.
//!
//! The DOM is built once. During a drag, pinch or wheel the browser moves the main pane's
//! picture (a CSS transform, see `gestures`); when the gesture ends, a pan rewrites one
//! `transform` per pane layer, a zoom also moves each marker (one attribute each), and the
//! markers are rebuilt only when the filters or the settled zoom regroup them. The camera goes
//! to the URL when a gesture ends.

mod arcs;
mod areas;
mod basemap_layer;
pub mod cluster;
mod controls;
mod gestures;
mod inset;
pub mod layout;
mod markers;
mod pane;
mod place_list;
pub mod places;
mod rings;
pub mod routes;
pub mod shapes;
mod target;
mod tooltip;

use crate::context::use_atlas;
use atlas_map::{Basemap, View};
use cluster::{cluster, Cluster};
use controls::MapControls;
use gestures::Gestures;
use inset::Inset;
use layout::{camera_of, default_view, same_camera, view_of, world_scale};
use leptos::prelude::*;
use pane::MapPane;
use place_list::PlaceList;
use places::{area_places, home_bbox, point_places, AreaShade, PlaceIndex, PlaceMarker};
use routes::{routes, Routes, MAX_ROUTES};
use std::sync::Arc;
use target::Tip;
use tooltip::Tooltip;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What the map's parts share, beside the app's context.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The frame the panes, controls and tooltip are placed in.
    pub frame: NodeRef<leptos::html::Div>,
    pub tip: RwSignal<Option<Tip>>,
    pub markers: Memo<Vec<PlaceMarker<'static>>>,
    pub areas: Memo<Vec<AreaShade<'static>>>,
    pub routes: Memo<Routes>,
}

/// The map of events.
#[component]
pub fn MapView() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let basemap: &'static Basemap = Basemap::bundled();
    let frame = NodeRef::<leptos::html::Div>::new();
    // Built once, for the map's life: each filter change regroups by its ids.
    let places = Arc::new(PlaceIndex::new(&atlas.events, basemap));
    let state = MapState {
        frame,
        tip: RwSignal::new(None),
        markers: {
            let places = Arc::clone(&places);
            Memo::new(move |_| context.visible.with(|v| point_places(&places, v)))
        },
        areas: {
            let places = Arc::clone(&places);
            Memo::new(move |_| context.visible.with(|v| area_places(&places, &atlas.events, v)))
        },
        routes: Memo::new(move |_| context.visible.with(|v| routes(&places, v, MAX_ROUTES))),
    };
    provide_context(state);

    let size = RwSignal::new((0.0f64, 0.0f64));
    observe_size(frame, size);
    // Fitted to every event's places, not only the visible ones: filtering never moves the map.
    let home = home_bbox(&atlas.events, basemap);
    let view = RwSignal::new(View::new(0.0, 0.0, 1.0, 1.0, 1.0));
    // The zoom the markers are grouped at: it changes when a gesture ends, not every frame.
    let settled_zoom = RwSignal::new(1.0);

    // The URL's camera (on start, back and forward, reset) and the frame's size move the view.
    Effect::new(move |_| {
        let (width, height) = size.get();
        if width < 1.0 || height < 1.0 {
            return;
        }
        let camera = context.camera.get();
        let current = view.get_untracked();
        let resized = current.size() != (width, height);
        let target = match camera {
            Some(camera) if resized || !same_camera(camera_of(&current), camera) => view_of(camera, width, height),
            Some(_) => return,
            None => default_view(home, width, height),
        };
        view.set(target);
        settled_zoom.set(target.zoom());
    });

    let commit = Callback::new(move |()| {
        let now = view.get_untracked();
        let camera = camera_of(&now);
        if context
            .camera
            .with_untracked(|c| c.is_none_or(|c| !same_camera(c, camera)))
        {
            context.camera.set(Some(camera));
        }
        settled_zoom.set(now.zoom());
    });
    let reset = Callback::new(move |()| {
        let (width, height) = size.get_untracked();
        let home_view = default_view(home, width, height);
        view.set(home_view);
        settled_zoom.set(home_view.zoom());
        context.camera.set(None);
    });
    let gestures = Gestures::new(view, commit, reset);

    let kind_of = move |n: usize| atlas.events[n].kind;
    let clusters: Memo<Vec<Cluster<'static>>> = Memo::new(move |_| {
        let scale = world_scale(settled_zoom.get());
        state.markers.with(|m| cluster(m, scale, kind_of))
    });
    // False at the closest zoom: places that still overlap there are selected instead.
    let zoom_into = Callback::new(move |(x, y): (f64, f64)| {
        let now = view.get_untracked();
        if now.zoom() >= layout::MAX_ZOOM - 1e-6 {
            return false;
        }
        let (width, height) = now.size();
        let (lon, lat) = atlas_map::unproject(x, y);
        let closer = View::new(lon, lat, now.zoom() + 2.0, width, height);
        view.set(layout::within_zooms(closer));
        commit.run(());
        true
    });

    let ui = context.ui;
    view! {
        <section class="map" aria-label=move || ui.get().strings().map>
            <div class="map-frame" node_ref=frame>
                <MapPane view=view.into() clusters=clusters.into() gestures zoom_into />
                <Inset main=view size commit />
                <MapControls gestures />
                <Tooltip />
            </div>
            <PlaceList />
        </section>
    }
}

/// Keeps `size` at the frame's size in CSS pixels.
fn observe_size(frame: NodeRef<leptos::html::Div>, size: RwSignal<(f64, f64)>) {
    Effect::new(move |_| {
        let Some(element) = frame.get() else {
            return;
        };
        let measured = element.clone();
        let report = Closure::<dyn FnMut()>::new(move || {
            let measured = (f64::from(measured.client_width()), f64::from(measured.client_height()));
            if size.get_untracked() != measured {
                size.set(measured);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        // The observer calls it for the frame's life, which is the page's.
        report.forget();
    });
}
