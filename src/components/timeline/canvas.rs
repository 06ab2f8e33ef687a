//! The marks on a canvas, for more events than the SVG can hold as elements (see
//! `CANVAS_THRESHOLD`): no element, closure or signal per event. One effect redraws the whole
//! canvas from plain data (the `TimeIndex`, the lanes, the scale) when any of them changes.
//! Pointers find marks through the index (`Model::mark_at`), the keyboard steps through them
//! (`keys`), and the live region below says which one it reached.

use super::index::{mark_span, TimeIndex, BAND_HEIGHT, POINT_RADIUS};
use super::layout::Lane;
use super::model::{describe, lane_centre, Model, HEIGHT, MAX_LANES};
use super::palette::{kind_slot, Palette, ThemeWatch};
use crate::state::ALL_KINDS;
use crate::time::TimeWindow;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::f64::consts::TAU;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// How marks are drawn, bottom to top: outside the time window (dimmed), crowded (sharing a
/// lane: faint, without outline, so that they read as a haze behind the marks with lanes of
/// their own), and the rest.
const LAYERS: usize = 3;
const KINDS: usize = ALL_KINDS.len();
/// Layers times shapes (bands under points) times kinds: each group is one path, since a path
/// per mark would cost a fill call each.
const GROUPS: usize = LAYERS * 2 * KINDS;
/// Opacities: as in timeline.css for a band's fill and a mark outside the window. A group is
/// one path, filled once, so marks of one kind that overlap do not darken each other; crowded
/// marks of different kinds do, layer on layer.
const BAND_FILL_OPACITY: f64 = 0.8;
const OUTSIDE_OPACITY: f64 = 0.22;
const CROWDED_OPACITY: f64 = 0.35;

#[component]
pub fn MarksCanvas(model: Model) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Bumped on each theme switch: the effect then reads the colours again.
    let theme = RwSignal::new(0u32);
    // Owned by this component: dropped (and so disconnected) when the canvas goes.
    let watch = StoredValue::new_local(None::<ThemeWatch>);
    // The domain changes once per animation frame at most (`Model::set_domain`), and an effect
    // runs once for all the changes of a task: drawing here keeps the marks in step with the
    // SVG axis in the same frame, where another requestAnimationFrame would draw them a frame
    // late (the marks would trail the grid while panning).
    Effect::new(move |previous: Option<Option<(u32, Palette)>>| {
        let element = canvas.get()?;
        // Not before the first layout: drawing at the guessed width is work thrown away a
        // moment later, and reading the colours mid-build forced the browser to compute the
        // style of the unfinished page (20–40 ms at 10,000 events). Once measured (after
        // layout, before the first paint) the colours are there for the asking.
        if !model.measured.get() {
            return None;
        }
        model.scale.track();
        model.window.track();
        let version = theme.get();
        let palette = match previous.flatten() {
            Some((seen, palette)) if seen == version => palette,
            _ => {
                // Effects may run before the canvas is in the page, where its colours do not
                // apply yet (read then, every mark was the fallback grey until a theme switch):
                // again next frame.
                let Some(palette) = Palette::read(&element) else {
                    request_animation_frame(move || _ = theme.try_update(|v| *v += 1));
                    return None;
                };
                if watch.with_value(Option::is_none) {
                    watch.set_value(ThemeWatch::new(&element, move || theme.update(|v| *v += 1)));
                }
                palette
            }
        };
        model.index.with(|index| {
            model.lanes.with(|lanes| {
                draw(&element, model, index, lanes, &palette);
            });
        });
        Some((version, palette))
    });
    let announced = move || model.stepped.get().map(|n| describe(model.context, n));
    view! {
        <canvas class="tl-canvas" aria-hidden="true" node_ref=canvas></canvas>
        <p class="tl-live" aria-live="polite">{announced}</p>
    }
}

fn draw(element: &HtmlCanvasElement, model: Model, index: &TimeIndex, lanes: &[Lane], palette: &Palette) {
    let scale = model.scale.get_untracked();
    let Some(context) = fit(element, scale.width) else {
        return;
    };
    let window = model.window.get_untracked();
    let events = &model.context.atlas.events;
    // Each group's marks as (left, right, y). Within one path, a mark drawn again where one of
    // the same group already is (same lane, same half pixel) changes no pixel, since a path
    // fills and strokes as one shape: it is left out. Zoomed out over 100,000 events, that
    // leaves a few thousand to draw.
    let mut groups: Vec<Vec<(f64, f64, f64)>> = vec![Vec::new(); GROUPS];
    let mut last_drawn = vec![(i64::MIN, i64::MIN); GROUPS * (MAX_LANES + 1)];
    for i in index.around(&scale, 0.0, scale.width) {
        let (a, b) = mark_span(&scale, index.starts[i], index.ends[i]);
        if b < 0.0 || a > scale.width {
            continue;
        }
        let n = index.events[i];
        let lane = lanes.get(n).copied().unwrap_or_default();
        let layer = if window.is_some_and(|w| !meets(w, index.starts[i], index.ends[i])) {
            0
        } else if lane.crowded {
            1
        } else {
            2
        };
        let point = index.ends[i] - index.starts[i] <= 1.0;
        let group = (layer * 2 + usize::from(point)) * KINDS + kind_slot(events[n].kind);
        let at = (half_pixel(a), half_pixel(b));
        let seen = &mut last_drawn[group * (MAX_LANES + 1) + usize::from(lane.row).min(MAX_LANES)];
        if *seen == at {
            continue;
        }
        *seen = at;
        groups[group].push((a, b, lane_centre(lane)));
    }
    context.set_stroke_style_str(&palette.surface);
    context.set_line_width(1.5);
    for (group, marks) in groups.iter().enumerate().filter(|(_, m)| !m.is_empty()) {
        let (layer, point, slot) = (group / (2 * KINDS), group / KINDS % 2 == 1, group % KINDS);
        context.begin_path();
        for &(a, b, y) in marks {
            if point {
                let x = (a + b) / 2.0;
                context.move_to(x + POINT_RADIUS, y);
                let _ = context.arc(x, y, POINT_RADIUS, 0.0, TAU);
            } else {
                context.rect(a, y - BAND_HEIGHT / 2.0, b - a, BAND_HEIGHT);
            }
        }
        let opacity = [OUTSIDE_OPACITY, CROWDED_OPACITY, 1.0][layer];
        context.set_fill_style_str(palette.kind(slot));
        context.set_global_alpha(opacity * if point { 1.0 } else { BAND_FILL_OPACITY });
        context.fill();
        if layer != 1 {
            context.set_global_alpha(opacity);
            context.stroke();
        }
    }
}

/// `x` in half pixels: marks closer than that look the same.
fn half_pixel(x: f64) -> i64 {
    (x * 2.0).round() as i64
}

/// Whether the days `[start, end)` meet the window (both of its days included).
fn meets(window: TimeWindow, start: f64, end: f64) -> bool {
    start < f64::from(window.end) + 1.0 && end > f64::from(window.start)
}

/// Sizes the canvas to `width` CSS pixels at the screen's resolution (sharp on a phone's
/// dense screen), clears it, and returns its context drawing in CSS pixels.
fn fit(element: &HtmlCanvasElement, width: f64) -> Option<CanvasRenderingContext2d> {
    let ratio = window().device_pixel_ratio().max(1.0);
    let (pixels_wide, pixels_high) = ((width * ratio).round() as u32, (HEIGHT * ratio).round() as u32);
    if element.width() != pixels_wide || element.height() != pixels_high {
        element.set_width(pixels_wide);
        element.set_height(pixels_high);
        let style = web_sys::HtmlElement::style(element);
        let _ = style.set_property("width", &format!("{width}px"));
        let _ = style.set_property("height", &format!("{HEIGHT}px"));
    }
    let context: CanvasRenderingContext2d = element.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, width, HEIGHT);
    Some(context)
}
