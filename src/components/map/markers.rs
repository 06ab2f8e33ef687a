//! Place markers: a circle per place or cluster, sized by its events, coloured by its most
//! frequent kind, with the count inside. They sit at world units × the world's width in
//! pixels, so a pan moves only their layer and a zoom one attribute each; they are rebuilt
//! only when the filters or the settled zoom regroup them. Building one is O(1) beside its
//! label: its events are sorted by date only when it is hovered or clicked, and its rings
//! follow a flag of its own (see `rings`).

use super::cluster::{marker_radius, Cluster};
use super::layout::world_scale;
use super::rings::Rings;
use super::target::{activate, leave, show_tip, title_of};
use super::MapState;
use crate::context::use_atlas;
use crate::state::kind_tag;
use atlas_map::View;
use leptos::prelude::*;

#[component]
pub fn MarkerLayer(
    view: Signal<View>,
    clusters: Signal<Vec<Cluster<'static>>>,
    focusable: bool,
    zoom_into: Option<Callback<(f64, f64), bool>>,
) -> impl IntoView {
    let scale = Memo::new(move |_| world_scale(view.with(View::zoom)));
    let rings = Rings::new(use_atlas(), clusters);
    view! {
        <g class="markers">
            <For each=move || clusters.get() key=|c| c.key let:cluster>
                <Marker cluster scale focusable zoom_into rings />
            </For>
        </g>
    }
}

#[component]
fn Marker(
    cluster: Cluster<'static>,
    scale: Memo<f64>,
    focusable: bool,
    zoom_into: Option<Callback<(f64, f64), bool>>,
    rings: Rings,
) -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let state = expect_context::<MapState>();
    let ui = context.ui;
    let lit = rings.flag(&cluster);
    let Cluster {
        names,
        events,
        world,
        kind,
        ..
    } = cluster;
    let count = events.len();
    let radius = marker_radius(count);
    let title = title_of(&names);
    let several_places = names.len() > 1;
    let label = {
        let title = title.clone();
        move || format!("{title}: {}", ui.get().count_events(count))
    };
    // Sorted by date when first needed (a hover, a click): most markers never are.
    let events = StoredValue::new(events);
    let sorted = StoredValue::new(None::<Vec<usize>>);
    let with_sorted = move |f: &mut dyn FnMut(&[usize])| {
        if sorted.with_value(Option::is_none) {
            sorted.set_value(Some(events.with_value(|e| atlas.by_date(e))));
        }
        sorted.with_value(|s| f(s.as_deref().unwrap_or_default()));
    };
    let title = StoredValue::new(title);
    let hover = move |e: &web_sys::Event, at_pointer: bool| {
        with_sorted(&mut |events| {
            context.hovered.set(events.first().copied());
            title.with_value(|t| show_tip(state, e, t, events, at_pointer));
        });
    };
    let select = move || {
        let zoomed = several_places && zoom_into.is_some_and(|zoom| zoom.run(world));
        if !zoomed {
            with_sorted(&mut |events| activate(context, events));
        }
    };
    view! {
        <g
            class="marker"
            data-kind=kind_tag(kind)
            data-place=names.join("|")
            data-count=count
            class:selected=move || lit.get().selected
            class:hovered=move || lit.get().hovered
            transform=move || {
                let s = scale.get();
                format!("translate({:.1} {:.1})", world.0 * s, world.1 * s)
            }
            tabindex=if focusable { "0" } else { "-1" }
            role="button"
            aria-label=label
            on:pointerenter=move |e| hover(&e, false)
            on:focus=move |e| hover(&e, false)
            on:pointerleave=move |_| leave(context, state)
            on:blur=move |_| leave(context, state)
            on:click=move |_| select()
            on:keydown=move |e| if matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
                e.stop_propagation();
                select();
            }
        >
            // A finger is wider than a five-pixel dot.
            <circle class="hit" r=radius.max(12.0) />
            <circle class="ring" r=radius + 4.0 />
            <circle class="dot" r=radius />
            {(count > 1).then(|| view! { <text class="count" dy="0.35em">{count}</text> })}
        </g>
    }
}
