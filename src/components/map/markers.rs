//! Place markers: a circle per place or cluster, sized by its events, coloured by its most
//! frequent kind, with the count inside. They sit at world units × the world's width in
//! pixels, so a pan moves only their layer and a zoom one attribute each. A marker is built
//! once for its places and kept while the same places are drawn as one: a filter that changes
//! only their events updates its size, colour and count in place, and only a regrouping (the
//! settled zoom, or counts that make circles meet) builds new ones. Its events are sorted by
//! date only when it is hovered or clicked, and its rings follow a flag of its own (see
//! `rings`).

use super::cluster::{marker_radius, Cluster};
use super::layout::world_scale;
use super::rings::Rings;
use super::target::{activate, leave, show_tip, title_of};
use super::MapState;
use crate::context::use_atlas;
use crate::extraction::EventKind;
use crate::state::kind_tag;
use atlas_map::View;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn MarkerLayer(
    view: Signal<View>,
    clusters: Signal<Vec<Cluster<'static>>>,
    focusable: bool,
    zoom_into: Option<Callback<(f64, f64), bool>>,
) -> impl IntoView {
    let scale = Memo::new(move |_| world_scale(view.with(View::zoom)));
    let rings = Rings::new(use_atlas(), clusters);
    // Where each cluster stands in the list, by key: each marker finds its own there.
    let position = Memo::new(move |_| {
        clusters.with(|all| {
            all.iter()
                .enumerate()
                .map(|(i, c)| (c.key, i))
                .collect::<HashMap<u64, usize>>()
        })
    });
    view! {
        <g class="markers">
            <For each=move || clusters.get() key=|c| c.key let:cluster>
                <Marker cluster clusters position scale focusable zoom_into rings />
            </For>
        </g>
    }
}

/// What a filter may change of a marker whose places stay.
#[derive(Debug, Clone, PartialEq)]
struct Drawn {
    events: Vec<usize>,
    kind: EventKind,
    world: (f64, f64),
}

impl Drawn {
    fn of(cluster: &Cluster) -> Drawn {
        Drawn {
            events: cluster.events.clone(),
            kind: cluster.kind,
            world: cluster.world,
        }
    }
}

#[component]
fn Marker(
    cluster: Cluster<'static>,
    clusters: Signal<Vec<Cluster<'static>>>,
    position: Memo<HashMap<u64, usize>>,
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
    let key = cluster.key;
    let first = Drawn::of(&cluster);
    let drawn = Memo::new(move |before: Option<&Drawn>| {
        let found = position
            .with(|p| p.get(&key).copied())
            .and_then(|i| clusters.with(|all| all.get(i).map(Drawn::of)));
        // Gone from the list: the marker is about to be removed; it keeps what it drew.
        found.or_else(|| before.cloned()).unwrap_or_else(|| first.clone())
    });
    let count = move || drawn.with(|d| d.events.len());
    let radius = move || marker_radius(count());
    let names = cluster.names;
    let title = title_of(&names);
    let several_places = names.len() > 1;
    let label = {
        let title = title.clone();
        move || format!("{title}: {}", ui.get().count_events(count()))
    };
    // Sorted by date when first needed (a hover, a click): most markers never are. Sorted
    // again after the filters change the marker's events.
    let sorted = StoredValue::new(None::<Vec<usize>>);
    Effect::new(move |_| {
        drawn.track();
        sorted.set_value(None);
    });
    let with_sorted = move |f: &mut dyn FnMut(&[usize])| {
        if sorted.with_value(Option::is_none) {
            sorted.set_value(Some(drawn.with_untracked(|d| atlas.by_date(&d.events))));
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
        let world = drawn.with_untracked(|d| d.world);
        let zoomed = several_places && zoom_into.is_some_and(|zoom| zoom.run(world));
        if !zoomed {
            with_sorted(&mut |events| activate(context, events));
        }
    };
    view! {
        <g
            class="marker"
            data-kind=move || kind_tag(drawn.with(|d| d.kind))
            data-place=names.join("|")
            data-count=count
            class:selected=move || lit.get().selected
            class:hovered=move || lit.get().hovered
            transform=move || {
                let s = scale.get();
                let (x, y) = drawn.with(|d| d.world);
                format!("translate({:.1} {:.1})", x * s, y * s)
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
            <circle class="hit" r=move || radius().max(12.0) />
            <circle class="ring" r=move || radius() + 4.0 />
            <circle class="dot" r=radius />
            {move || {
                let n = count();
                (n > 1).then(|| view! { <text class="count" dy="0.35em">{n}</text> })
            }}
        </g>
    }
}
