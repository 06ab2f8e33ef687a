//! The timeline (placeholder until the timeline lands).

use crate::context::use_atlas;
use leptos::prelude::*;

/// The timeline of events.
#[component]
pub fn Timeline() -> impl IntoView {
    let context = use_atlas();
    view! {
        <section class="timeline" aria-label=move || context.ui.get().strings().timeline>
            <p>{move || context.visible_any_time.with(Vec::len)}</p>
        </section>
    }
}
