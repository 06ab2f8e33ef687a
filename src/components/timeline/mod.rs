//! The timeline: every event that passes the filters (but the time window) on a zoomable axis,
//! day-precise ones as points and month- or year-precise ones as bands of their whole extent,
//! undated ones in a lane of their own; a density strip, and a brush that sets the window.
//!
//! The geometry (`scale`, `layout`) is plain Rust; `model` holds the reactive state; each
//! visual part is a component of its own.

mod axis;
mod brush;
mod canvas;
mod controls;
mod density;
mod gestures;
mod highlight;
mod index;
mod keys;
mod layout;
mod marks;
mod model;
mod palette;
mod scale;
mod tooltip;
mod undated;

use crate::context::use_atlas;
use axis::Axis;
use brush::Brush;
use canvas::MarksCanvas;
use controls::Controls;
use density::Density;
use gestures::Gestures;
use highlight::Highlight;
use leptos::html::Div;
use leptos::prelude::*;
use marks::Marks;
use model::{Model, HEIGHT};
use tooltip::Tooltip;
use undated::Undated;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The timeline of events.
#[component]
pub fn Timeline() -> impl IntoView {
    let context = use_atlas();
    let model = Model::new(context);
    let gestures = Gestures::new(model);
    let plot = NodeRef::<Div>::new();
    follow_width(plot, model.width, model.measured);
    let t = move || context.ui.get().strings();
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <Controls model />
            <div
                class="tl-plot"
                node_ref=plot
                tabindex="0"
                role="group"
                aria-label=move || t().timeline
                aria-describedby="timeline-help"
                on:keydown=move |e| keys::on_key(model, e)
                on:blur=move |_| keys::on_blur(model)
            >
                // Under the SVG, which takes the pointer for it (see `gestures`).
                <Show when=move || model.canvas.get()>
                    <MarksCanvas model />
                </Show>
                <svg
                    class="tl-svg"
                    // A mark under the pointer on the canvas: the cursor says it can be clicked.
                    class:pointing=move || model.canvas.get() && model.tip.get().is_some()
                    width=move || model.width.get()
                    height=HEIGHT
                    on:pointerdown=move |e| gestures.down(e)
                    on:pointermove=move |e| gestures.moved(e)
                    on:pointerup=move |e| gestures.up(e)
                    on:pointercancel=move |e| gestures.up(e)
                    on:pointerleave=move |_| gestures.left()
                    on:wheel=move |e| gestures.wheel(e)
                >
                    <Density model />
                    <Axis model />
                    <Show when=move || !model.canvas.get()>
                        <Marks model />
                    </Show>
                    <Brush model />
                    <Highlight model event=context.hovered.into() class="tl-ring tl-ring-hover" />
                    <Highlight model event=context.selected.into() class="tl-ring tl-ring-selected" />
                </svg>
                <Tooltip model />
            </div>
            <Undated model />
            <p id="timeline-help" class="tl-help">{move || t().timeline_help}" "{move || t().timeline_keys}</p>
        </section>
    }
}

/// Keeps `width` equal to the element's width, from mount on (window resizes, a sidebar
/// opening, a phone turning).
fn follow_width(element: NodeRef<Div>, width: RwSignal<f64>, measured: RwSignal<bool>) {
    element.on_load(move |element| {
        let measure = {
            let element = element.clone();
            move || {
                let w = f64::from(element.client_width());
                if w > 0.0 && (w - width.get_untracked()).abs() >= 0.5 {
                    width.set(w);
                }
                if !measured.get_untracked() {
                    measured.set(true);
                }
            }
        };
        // No measuring now: reading a width mid-build forces the browser to lay out the page
        // before it is complete (44 ms of the first view in a profile). The observer reports
        // the first width right after the first layout, before anything is painted.
        let callback = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        // The observer holds the callback for the timeline's life, which is the page's.
        callback.forget();
    });
}
