use super::index::{BAND_HEIGHT, POINT_RADIUS};
use super::model::{describe, Model};
use crate::state::kind_tag;
use leptos::prelude::*;

/// The dated events, by date: a point for a day, a band over a whole month or year. Each mark
/// is created once per event that passes the filters; pan and zoom only move it. Beyond
/// `CANVAS_THRESHOLD` events, `MarksCanvas` draws them instead.
#[component]
pub fn Marks(model: Model) -> impl IntoView {
    view! {
        <g class="tl-marks" role="group" aria-label=move || model.context.ui.get().strings().timeline_events>
            <For each=move || model.dated.get() key=|&n| n let:n>
                {mark(model, n)}
            </For>
        </g>
    }
}

fn mark(model: Model, n: usize) -> impl IntoView {
    let context = model.context;
    let event = &context.atlas.events[n];
    let extent = context.atlas.extents[n].unwrap_or_default();
    let outside = move || model.window.with(|w| w.is_some_and(|w| !w.meets(extent)));
    let label = move || describe(context, n);
    let enter = move || {
        context.hovered.set(Some(n));
        model.tip.set(Some(n));
    };
    let leave = move || {
        if context.hovered.get_untracked() == Some(n) {
            context.hovered.set(None);
        }
        model.tip.set(None);
    };
    // Tabbing to an event out of view brings it into view.
    let focus = move || {
        enter();
        model.bring_into_view(n);
    };
    // The shape only places itself; the group holds the event's identity, label and handlers.
    let shape = if extent.0 == extent.1 {
        view! {
            <circle
                class="tl-point"
                cx=move || {
                    let (a, b) = model.mark_x(n);
                    (a + b) / 2.0
                }
                cy=move || model.lane_y(n)
                r=POINT_RADIUS
            />
        }
        .into_any()
    } else {
        view! {
            <rect
                class="tl-band"
                x=move || model.mark_x(n).0
                width=move || {
                    let (a, b) = model.mark_x(n);
                    b - a
                }
                y=move || model.lane_y(n) - BAND_HEIGHT / 2.0
                height=BAND_HEIGHT
                rx="3"
            />
        }
        .into_any()
    };
    view! {
        <g
            class="tl-mark"
            class:outside=outside
            data-kind=kind_tag(event.kind)
            data-n=n
            role="button"
            tabindex="0"
            aria-label=label
            on:click=move |_| context.selected.set(Some(n))
            on:pointerenter=move |_| enter()
            on:pointerleave=move |_| leave()
            on:focus=move |_| focus()
            on:blur=move |_| leave()
        >
            {shape}
        </g>
    }
}
