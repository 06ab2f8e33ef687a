//! The keyboard: the plot pans, zooms and moves the time window; on a focused event the arrows
//! step to its neighbours in time and Enter selects it. On the canvas, where marks cannot
//! take the focus, `,` and `.` (the `<` and `>` keys) step through the events in date order
//! from the plot, and Enter selects the one reached.

use super::model::Model;
use super::scale::Scale;
use crate::time::TimeWindow;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Share of the view one arrow press pans.
const PAN_STEP: f64 = 0.1;
const ZOOM_STEP: f64 = 1.5;

pub fn on_key(model: Model, event: KeyboardEvent) {
    let target: Option<Element> = event.target().and_then(|t| t.dyn_into().ok());
    let mark = target
        .as_ref()
        .and_then(|t| t.get_attribute("data-n"))
        .and_then(|n| n.parse::<usize>().ok());
    let key = event.key();
    let canvas = model.canvas.get_untracked();
    let handled = match (key.as_str(), mark, event.shift_key()) {
        ("Enter" | " ", Some(n), _) => {
            model.context.selected.set(Some(n));
            true
        }
        ("," | "<", None, _) if canvas => step(model, false),
        ("." | ">", None, _) if canvas => step(model, true),
        ("Enter" | " ", None, _) if canvas && model.stepped.get_untracked().is_some() => {
            model.context.selected.set(model.stepped.get_untracked());
            true
        }
        ("ArrowLeft" | "ArrowRight", Some(_), false) => {
            let target = target.as_ref();
            let next = if key == "ArrowLeft" {
                target.and_then(Element::previous_element_sibling)
            } else {
                target.and_then(Element::next_element_sibling)
            };
            // SVG elements have `focus()` too; the binding only needs the method.
            next.is_some_and(|n| n.unchecked_into::<HtmlElement>().focus().is_ok())
        }
        ("ArrowLeft" | "ArrowRight", _, true) => move_window(model, if key == "ArrowLeft" { -1 } else { 1 }),
        ("ArrowLeft", _, false) => {
            model.pan_px(-PAN_STEP * model.width.get_untracked());
            true
        }
        ("ArrowRight", _, false) => {
            model.pan_px(PAN_STEP * model.width.get_untracked());
            true
        }
        ("+" | "=", _, _) => {
            model.zoom(ZOOM_STEP, None);
            true
        }
        ("-" | "_", _, _) => {
            model.zoom(1.0 / ZOOM_STEP, None);
            true
        }
        ("Home", _, _) => {
            model.reset();
            true
        }
        ("Escape", _, _) if model.draft.get_untracked().is_some() => {
            model.draft.set(None);
            true
        }
        _ => false,
    };
    if handled {
        event.prevent_default();
    }
}

/// Steps to the next (or previous) event on the canvas, shows it as hovered with its tooltip,
/// and pans it into view; the canvas' live region announces it.
fn step(model: Model, forward: bool) -> bool {
    let scale = Scale::new(model.current(), model.width.get_untracked());
    let Some(n) = model
        .index
        .with_untracked(|index| index.step(model.stepped.get_untracked(), forward, &scale))
    else {
        return false;
    };
    model.stepped.set(Some(n));
    model.context.hovered.set(Some(n));
    model.tip.set(Some(n));
    model.bring_into_view(n);
    true
}

/// The plot lost the focus: the event stepped to stops showing as hovered (the next step
/// continues from it).
pub fn on_blur(model: Model) {
    let Some(n) = model.stepped.get_untracked() else {
        return;
    };
    if model.context.hovered.get_untracked() == Some(n) {
        model.context.hovered.set(None);
    }
    if model.tip.get_untracked() == Some(n) {
        model.tip.set(None);
    }
}

/// Moves the applied window by a tenth of its length (at least a day) in `direction`.
fn move_window(model: Model, direction: i32) -> bool {
    let Some(window) = model.window.get_untracked() else {
        return false;
    };
    let step = ((window.end - window.start + 1) / 10).max(1) * direction;
    let moved = TimeWindow::between(window.start + step, window.end + step);
    model.context.filters.update(|f| f.window = Some(moved));
    true
}
