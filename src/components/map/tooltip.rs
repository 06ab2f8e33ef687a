//! The tooltip of the place under the pointer or focus: its name, how many events, of which
//! kinds, and the first event's date. Screen readers get the same from the marker's label.

use super::MapState;
use crate::context::use_atlas;
use crate::state::ALL_KINDS;
use leptos::prelude::*;

#[component]
pub fn Tooltip() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    move || {
        let tip = state.tip.get()?;
        let ui = context.ui.get();
        let kinds: Vec<String> = ALL_KINDS
            .iter()
            .filter_map(|&kind| {
                let n = tip.events.iter().filter(|&&e| atlas.events[e].kind == kind).count();
                (n > 0).then(|| format!("{} {n}", ui.kind(kind)))
            })
            .collect();
        let first = tip
            .events
            .first()
            .and_then(|&e| atlas.events[e].date)
            .map(|d| ui.date(d));
        Some(view! {
            <div class="map-tip" class:below=tip.below aria-hidden="true" style:left=format!("{:.0}px", tip.x) style:top=format!("{:.0}px", tip.y)>
                <strong>{tip.title}</strong>
                <span>{ui.count_events(tip.events.len())}</span>
                <span class="kinds">{kinds.join(" · ")}</span>
                {first.map(|d| view! { <span class="date">{d}</span> })}
            </div>
        })
    }
}
