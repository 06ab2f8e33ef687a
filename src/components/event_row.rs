use super::DateLabel;
use crate::extraction::{kind_label, EventView, Salience};
use crate::format;
use leptos::prelude::*;

/// One event: its kind, whether it is what the article is about, its date at the precision the
/// text gives, its places and how many actors take part.
#[component]
pub fn EventRow(event: &'static EventView) -> impl IntoView {
    let main = event.salience == Salience::Main;
    let places = event.place_names().join(", ");
    let actors = match event.actors.len() {
        0 => "No actor named".to_string(),
        n => format::count(n, "actor", "actors"),
    };
    view! {
        <li class="event" class:event-main=main data-event-id=event.id.clone()>
            <span class="event-kind">{kind_label(event.kind)}</span>
            {main.then(|| view! { <span class="event-main-mark">"Main event"</span> })}
            <DateLabel date=event.date />
            {event.planned.then(|| view! { <span class="event-planned">"Planned"</span> })}
            {(!places.is_empty()).then(|| view! { <span class="event-places">{places}</span> })}
            <span class="event-actors">{actors}</span>
        </li>
    }
}
