//! Zoom in, zoom out and back to the default view: buttons for those who cannot or do not
//! want to pinch or scroll.

use super::gestures::Gestures;
use crate::context::use_atlas;
use leptos::prelude::*;

#[component]
pub fn MapControls(gestures: Gestures) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().strings();
    view! {
        <div class="map-controls">
            <button type="button" class="zoom-in" aria-label=move || t().zoom_in title=move || t().zoom_in
                on:click=move |_| gestures.zoom_by(2.0)>"+"</button>
            <button type="button" class="zoom-out" aria-label=move || t().zoom_out title=move || t().zoom_out
                on:click=move |_| gestures.zoom_by(0.5)>"−"</button>
            <button type="button" class="reset" aria-label=move || t().reset_view title=move || t().reset_view
                on:click=move |_| gestures.reset()>"⌂"</button>
        </div>
    }
}
