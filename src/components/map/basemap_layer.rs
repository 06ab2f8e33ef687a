//! The basemap: every shape's path, made once for the reference view and moved by one
//! `transform`. China and the UK are drawn by their provinces and nations (finer coasts than
//! the world's 1:110m outlines) and tinted by side.

use super::areas::AreaLayer;
use super::layout::{basemap_transform, reference_view};
use super::MapState;
use atlas_map::{path_d, BBox, Basemap, Level, Shape, View};
use leptos::prelude::*;
use std::sync::OnceLock;

/// Each shape's path in the reference view, in the basemap's order; made on first use.
pub fn reference_paths() -> &'static [String] {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let view = reference_view();
        Basemap::bundled().shapes().iter().map(|s| path_d(s, &view)).collect()
    })
}

/// The reference path of a shape by id (empty if none).
pub fn path_of(id: &str) -> &'static str {
    let map = Basemap::bundled();
    map.shapes()
        .iter()
        .position(|s| s.id() == id)
        .map_or("", |i| reference_paths()[i].as_str())
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
    let map = Basemap::bundled();
    let paths = reference_paths();
    let shapes = map
        .shapes()
        .iter()
        .zip(paths)
        // Their provinces and nations draw China and the UK.
        .filter(|(s, _)| !matches!(s.id(), "CN" | "GB"))
        .filter(|(s, d)| !d.is_empty() && only.as_ref().is_none_or(|b| meets(b, s.bbox())))
        .map(|(s, d)| view! { <path class=class_of(s) data-shape=s.id() d=d.as_str() /> })
        .collect_view();
    view! {
        <g class="basemap" transform=move || view.with(basemap_transform)>
            <g class="shapes" class:tint-china=move || tinted("CN") class:tint-uk=move || tinted("GB")>
                {shapes}
            </g>
            <AreaLayer focusable />
        </g>
    }
}
