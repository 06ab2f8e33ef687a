//! The basemap: every shape's path, made once for the reference view and moved by one
//! `transform`. China and the UK are drawn by their provinces and nations (finer coasts than
//! the world's 1:110m outlines) and tinted by side.

use super::areas::AreaLayer;
use super::layout::{basemap_transform, reference_view, Detail};
use super::MapState;
use atlas_map::{path_d, BBox, Basemap, Level, Shape, View};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The path of the basemap's shape `index` in the reference view of `detail`, made on first
/// use: the inset draws a dozen shapes in its own detail, and the finer details wait for
/// someone to zoom in.
pub fn reference_path(detail: Detail, index: usize) -> &'static str {
    static PATHS: [OnceLock<Box<[OnceLock<String>]>>; Detail::COUNT] = [const { OnceLock::new() }; Detail::COUNT];
    let shapes = Basemap::bundled().shapes();
    let paths = PATHS[detail.index()].get_or_init(|| shapes.iter().map(|_| OnceLock::new()).collect());
    paths.get(index).map_or("", |path| {
        path.get_or_init(|| path_d(&shapes[index], &reference_view(detail)))
    })
}

/// The index of a shape in the basemap's order.
pub fn shape_index(id: &str) -> Option<usize> {
    Basemap::bundled().shapes().iter().position(|s| s.id() == id)
}

fn class_of(shape: &Shape) -> &'static str {
    let id = shape.id();
    match shape.level() {
        Level::Region if id.starts_with("R-CN.") => "land region side-china",
        Level::Region if id.starts_with("R-GB.") => "land region side-uk",
        Level::Region => "land region",
        Level::Country if matches!(id, "HK" | "MO") => "land side-china",
        Level::Country => "land",
    }
}

fn meets(a: &BBox, b: &BBox) -> bool {
    a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat
}

#[component]
pub fn BasemapLayer(view: Signal<View>, only: Option<BBox>, focusable: bool) -> impl IntoView {
    let state = expect_context::<MapState>();
    // Events naming only "China" or "the UK" tint the whole side (see `area_places`).
    let tinted = move |id: &str| state.areas.with(|a| a.iter().any(|a| a.shape == id));
    // Changes only when a zoom crosses from one detail to another: then each path's `d` is
    // replaced, once.
    let detail = Memo::new(move |_| view.with(|v| Detail::for_zoom(v.zoom())));
    let shapes = Basemap::bundled()
        .shapes()
        .iter()
        .enumerate()
        // Their provinces and nations draw China and the UK.
        .filter(|(_, s)| !matches!(s.id(), "CN" | "GB"))
        .filter(|(_, s)| only.as_ref().is_none_or(|b| meets(b, s.bbox())))
        .map(|(i, s)| view! { <path class=class_of(s) data-shape=s.id() d=move || reference_path(detail.get(), i) /> })
        .collect_view();
    view! {
        <g class="basemap" transform=move || view.with(basemap_transform)>
            <g class="shapes" class:tint-china=move || tinted("CN") class:tint-uk=move || tinted("GB")>
                {shapes}
            </g>
            <AreaLayer detail=detail.into() focusable />
        </g>
    }
}
