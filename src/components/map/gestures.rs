//! Pan and zoom by pointer (drag, two-finger pinch), wheel and keyboard. A drag, pinch or wheel
//! moves the pane's picture as it was drawn, by a CSS transform the browser applies without
//! drawing again (with thousands of markers and arcs over the basemap, drawing the SVG anew on
//! every frame took two frames' time); when the gesture ends, the `View` in the signal takes
//! the gesture's view, the panes draw it, and the camera is written to the URL. Keys and
//! buttons change the `View` at once.

use super::layout::{gesture_transform, within_zooms};
use atlas_map::View;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A press becomes a drag past this many pixels: below, it stays a click on a marker.
const DRAG_THRESHOLD: f64 = 4.0;
/// A wheel gesture is over when no wheel event came for this long.
const WHEEL_END: Duration = Duration::from_millis(250);
/// Arrow keys move the map by this many pixels.
const KEY_STEP: f64 = 80.0;

#[derive(Default)]
struct Pointers {
    /// Pointers down on the map: id and position in the map's pixels.
    down: Vec<(i32, (f64, f64))>,
    start: (f64, f64),
    /// Past the drag threshold, or two fingers: no click at the end.
    dragging: bool,
}

/// The handlers of the main pane.
#[derive(Clone, Copy)]
pub struct Gestures {
    pub view: RwSignal<View>,
    commit: Callback<()>,
    reset: Callback<()>,
    pointers: StoredValue<Pointers>,
    wheel_end: StoredValue<Option<TimeoutHandle>>,
    /// During a drag, pinch or wheel: the view under the fingers, and the pane that shows it
    /// moved from `view`.
    live: StoredValue<Option<(View, web_sys::Element)>, LocalStorage>,
}

/// Where the event is in the pane's pixels, as the pane stands when no gesture moves it.
fn local(event: &web_sys::MouseEvent) -> Option<((f64, f64), web_sys::Element)> {
    let element: web_sys::Element = event.current_target()?.dyn_into().ok()?;
    // The pane fills its frame's padding box; its own box moves with the gesture's transform.
    let frame = element.parent_element()?;
    let rect = frame.get_bounding_client_rect();
    let at = (
        f64::from(event.client_x()) - rect.left() - f64::from(frame.client_left()),
        f64::from(event.client_y()) - rect.top() - f64::from(frame.client_top()),
    );
    Some((at, element))
}

fn set_transform(pane: &web_sys::Element, transform: &str) {
    if let Some(pane) = pane.dyn_ref::<web_sys::SvgElement>() {
        let _ = pane.style().set_property("transform", transform);
    }
}

impl Gestures {
    pub fn new(view: RwSignal<View>, commit: Callback<()>, reset: Callback<()>) -> Gestures {
        Gestures {
            view,
            commit,
            reset,
            pointers: StoredValue::new(Pointers::default()),
            wheel_end: StoredValue::new(None),
            live: StoredValue::new_local(None),
        }
    }

    /// Changes the view at once (keys, buttons), from where a gesture has taken it if one is
    /// under way.
    fn apply(&self, change: impl FnOnce(View) -> View) {
        let now = self.settle().unwrap_or_else(|| self.view.get_untracked());
        self.view.set(within_zooms(change(now)));
    }

    /// Moves `pane`'s picture to the changed view; the view is drawn when the gesture ends.
    fn apply_live(&self, pane: &web_sys::Element, change: impl FnOnce(View) -> View) {
        let drawn = self.view.get_untracked();
        let from = self
            .live
            .with_value(|live| live.as_ref().map_or(drawn, |(view, _)| *view));
        let to = within_zooms(change(from));
        set_transform(pane, &gesture_transform(&drawn, &to));
        self.live.set_value(Some((to, pane.clone())));
    }

    /// Ends the gesture's picture: returns its view (not yet drawn) and puts the pane back.
    fn settle(&self) -> Option<View> {
        let (view, pane) = self.live.try_update_value(Option::take).flatten()?;
        set_transform(&pane, "");
        Some(view)
    }

    /// Zooms about the centre by `factor` and writes the camera: the buttons and keys.
    pub fn zoom_by(&self, factor: f64) {
        self.apply(|v| {
            let (w, h) = v.size();
            v.zoom_about(factor, w / 2.0, h / 2.0)
        });
        self.end();
    }

    pub fn reset(&self) {
        self.cancel_wheel();
        self.settle();
        self.reset.run(());
    }

    fn end(&self) {
        self.cancel_wheel();
        // The pane is put back in the same task as its layers get the new view, so no frame
        // shows it moved twice.
        if let Some(view) = self.settle() {
            // The frame may have been resized under the gesture (a phone turned mid-pinch).
            let (width, height) = self.view.get_untracked().size();
            self.view.set(view.resize(width, height));
        }
        self.commit.run(());
    }

    fn cancel_wheel(&self) {
        if let Some(handle) = self.wheel_end.get_value() {
            handle.clear();
            self.wheel_end.set_value(None);
        }
    }

    pub fn pointer_down(&self, event: &web_sys::PointerEvent) {
        if event.pointer_type() == "mouse" && event.button() != 0 {
            return;
        }
        let Some((at, element)) = local(event) else {
            return;
        };
        let id = event.pointer_id();
        self.pointers.update_value(|p| {
            p.down.retain(|(i, _)| *i != id);
            p.down.push((id, at));
            if p.down.len() == 1 {
                p.start = at;
                p.dragging = false;
            } else {
                // A pinch: every finger belongs to the map until it lifts.
                p.dragging = true;
                for (i, _) in &p.down {
                    let _ = element.set_pointer_capture(*i);
                }
            }
        });
    }

    /// True when the pointer moved the map.
    pub fn pointer_move(&self, event: &web_sys::PointerEvent) -> bool {
        let id = event.pointer_id();
        if !self.pointers.with_value(|p| p.down.iter().any(|(i, _)| *i == id)) {
            return false;
        }
        let Some((at, element)) = local(event) else {
            return false;
        };
        let mut change: Option<Box<dyn FnOnce(View) -> View>> = None;
        self.pointers.update_value(|p| {
            if p.down.len() == 1 {
                let (sx, sy) = p.start;
                if !p.dragging {
                    if (at.0 - sx).hypot(at.1 - sy) < DRAG_THRESHOLD {
                        return;
                    }
                    // From here on the drag is the map's, wherever the pointer goes.
                    p.dragging = true;
                    let _ = element.set_pointer_capture(id);
                }
                let (lx, ly) = p.down[0].1;
                change = Some(Box::new(move |v: View| v.pan(at.0 - lx, at.1 - ly)));
                p.down[0].1 = at;
            } else if p.down.len() >= 2 {
                let before = (p.down[0].1, p.down[1].1);
                if let Some(entry) = p.down.iter_mut().find(|(i, _)| *i == id) {
                    entry.1 = at;
                }
                let after = (p.down[0].1, p.down[1].1);
                change = Some(Box::new(move |v: View| pinch(v, before, after)));
            }
        });
        let Some(change) = change else {
            return false;
        };
        event.prevent_default();
        self.apply_live(&element, change);
        true
    }

    pub fn pointer_up(&self, event: &web_sys::PointerEvent) {
        let id = event.pointer_id();
        let mut ended = false;
        self.pointers.update_value(|p| {
            let before = p.down.len();
            p.down.retain(|(i, _)| *i != id);
            ended = before > 0 && p.down.is_empty() && p.dragging;
        });
        if ended {
            self.end();
        }
    }

    pub fn wheel(&self, event: &web_sys::WheelEvent) {
        let Some((at, pane)) = local(event) else {
            return;
        };
        event.prevent_default();
        let pixels = match event.delta_mode() {
            web_sys::WheelEvent::DOM_DELTA_LINE => event.delta_y() * 16.0,
            web_sys::WheelEvent::DOM_DELTA_PAGE => event.delta_y() * 400.0,
            _ => event.delta_y(),
        };
        // A trackpad pinch arrives as a wheel with ctrl and small deltas: it needs more gain.
        let per_step = if event.ctrl_key() { 100.0 } else { 300.0 };
        let factor = (-pixels / per_step).clamp(-1.0, 1.0).exp2();
        self.apply_live(&pane, |v| v.zoom_about(factor, at.0, at.1));
        self.cancel_wheel();
        let this = *self;
        let handle = set_timeout_with_handle(move || this.end(), WHEEL_END).ok();
        self.wheel_end.set_value(handle);
    }

    pub fn key(&self, event: &web_sys::KeyboardEvent) {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let pan = |dx: f64, dy: f64| move |v: View| v.pan(dx, dy);
        match event.key().as_str() {
            "ArrowLeft" => self.apply(pan(KEY_STEP, 0.0)),
            "ArrowRight" => self.apply(pan(-KEY_STEP, 0.0)),
            "ArrowUp" => self.apply(pan(0.0, KEY_STEP)),
            "ArrowDown" => self.apply(pan(0.0, -KEY_STEP)),
            "+" | "=" => {
                self.zoom_by(2.0);
                event.prevent_default();
                return;
            }
            "-" | "_" => {
                self.zoom_by(0.5);
                event.prevent_default();
                return;
            }
            "0" => {
                self.reset();
                event.prevent_default();
                return;
            }
            _ => return,
        }
        event.prevent_default();
        self.end();
    }
}

/// Two fingers moved from `before` to `after`: scale by their spread, move by their midpoint.
fn pinch(view: View, before: ((f64, f64), (f64, f64)), after: ((f64, f64), (f64, f64))) -> View {
    let spread = |(a, b): ((f64, f64), (f64, f64))| (a.0 - b.0).hypot(a.1 - b.1);
    let mid = |(a, b): ((f64, f64), (f64, f64))| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let (m0, m1) = (mid(before), mid(after));
    let factor = if spread(before) > 1.0 {
        spread(after) / spread(before)
    } else {
        1.0
    };
    view.zoom_about(factor, m0.0, m0.1).pan(m1.0 - m0.0, m1.1 - m0.1)
}
