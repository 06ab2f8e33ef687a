use super::EventRow;
use crate::extraction::EventView;
use crate::format;
use leptos::prelude::*;

/// The events an article states, in the engine's order; says so when it found none.
#[component]
pub fn EventList(events: Vec<&'static EventView>) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="no-events">"No cooperation event found in this article."</p> }.into_any();
    }
    let label = format::count(events.len(), "event", "events");
    view! {
        <ul class="event-list" aria-label=label>
            {events.into_iter().map(|event| view! { <EventRow event /> }).collect_view()}
        </ul>
    }
    .into_any()
}
