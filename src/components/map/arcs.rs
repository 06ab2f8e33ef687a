//! Arcs between an event's Chinese place and its UK place: a Hunan delegation in London, a
//! UK delegation in Hefei. Faint, so that many overlap into a trace; the hovered or selected
//! event's stands out.

use super::layout::{arc_d, world_scale};
use super::MapState;
use crate::context::use_atlas;
use atlas_map::View;
use leptos::prelude::*;

#[component]
pub fn ArcLayer(view: Signal<View>) -> impl IntoView {
    let context = use_atlas();
    let state = expect_context::<MapState>();
    let scale = Memo::new(move |_| world_scale(view.with(View::zoom)));
    view! {
        <g class="arcs" aria-hidden="true">
            <For each=move || state.links.get() key=|l| l.event let:link>
                <path
                    class="arc"
                    data-event=link.event
                    class:active=move || {
                        context.selected.get() == Some(link.event) || context.hovered.get() == Some(link.event)
                    }
                    d=move || {
                        let s = scale.get();
                        arc_d((link.china.0 * s, link.china.1 * s), (link.uk.0 * s, link.uk.1 * s))
                    }
                />
            </For>
        </g>
    }
}
