//! The map (placeholder until the map lands).

use crate::context::use_atlas;
use leptos::prelude::*;

/// The map of events.
#[component]
pub fn MapView() -> impl IntoView {
    let context = use_atlas();
    view! {
        <section class="map" aria-label=move || context.ui.get().strings().map>
            <p>{move || context.visible.with(Vec::len)}</p>
        </section>
    }
}
