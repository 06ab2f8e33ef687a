//! Pointer and wheel input on the plot: drag to pan, pinch or wheel to zoom, drag over the
//! brush strip (or Shift+drag anywhere) to choose a time window, drag its handles or body to
//! adjust it. Mouse, pen and touch alike, through pointer events. On the canvas, where marks
//! are no elements, hovering and clicking find them here too (`Model::mark_at`).

use super::model::{Model, STRIP_HEIGHT};
use super::scale::Domain;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};

/// Pixels a pointer moves before a press becomes a drag (below it, it is a click).
const DRAG_THRESHOLD: f64 = 3.0;

#[derive(Clone, Copy)]
enum Drag {
    Pan {
        from: f64,
        last: f64,
        moved: bool,
    },
    /// A new window from `anchor` (fractional day) to the pointer.
    Brush {
        anchor: f64,
    },
    /// One edge held at `fixed`, the other follows the pointer.
    Resize {
        fixed: f64,
    },
    Move {
        grab: f64,
        start: f64,
        end: f64,
    },
    /// Two fingers: the span and finger distance when they landed, and the day between them.
    Pinch {
        span: f64,
        distance: f64,
        day: f64,
    },
}

#[derive(Clone, Copy)]
pub struct Gestures {
    model: Model,
    drag: StoredValue<Option<Drag>, LocalStorage>,
    /// Pointers down, with their x: two make a pinch.
    pointers: StoredValue<Vec<(i32, f64)>, LocalStorage>,
}

/// The pointer's x and y in the plot (the element the handler sits on).
fn local(event: &PointerEvent) -> Option<(f64, f64, Element)> {
    let plot: Element = event.current_target()?.dyn_into().ok()?;
    let rect = plot.get_bounding_client_rect();
    Some((
        f64::from(event.client_x()) - rect.left(),
        f64::from(event.client_y()) - rect.top(),
        plot,
    ))
}

impl Gestures {
    pub fn new(model: Model) -> Gestures {
        Gestures {
            model,
            drag: StoredValue::new_local(None),
            pointers: StoredValue::new_local(Vec::new()),
        }
    }

    pub fn down(&self, event: PointerEvent) {
        let Some((x, y, plot)) = local(&event) else {
            return;
        };
        if event.pointer_type() == "mouse" && event.button() != 0 {
            return;
        }
        let model = self.model;
        self.pointers.update_value(|p| p.push((event.pointer_id(), x)));
        let day = model.scale.with_untracked(|s| s.day(x));
        let pointers = self.pointers.get_value();
        let drag = if let [(_, a), (_, b)] = pointers[..] {
            model.draft.set(None);
            let scale = model.scale.get_untracked();
            Drag::Pinch {
                span: model.current().span(),
                distance: (a - b).abs().max(1.0),
                day: scale.day((a + b) / 2.0),
            }
        } else {
            let zone = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-zone]").ok().flatten())
                .and_then(|t| t.get_attribute("data-zone"));
            let window = model.shown_window();
            match (zone.as_deref(), window) {
                (Some("start"), Some((_, end))) => Drag::Resize { fixed: end },
                (Some("end"), Some((start, _))) => Drag::Resize { fixed: start },
                (Some("window"), Some((start, end))) => Drag::Move { grab: day, start, end },
                _ if y < STRIP_HEIGHT || event.shift_key() => Drag::Brush { anchor: day },
                _ => Drag::Pan {
                    from: x,
                    last: x,
                    moved: false,
                },
            }
        };
        // A pan captures the pointer only once it moves, so that a click still reaches a mark.
        if !matches!(drag, Drag::Pan { .. }) {
            let _ = plot.set_pointer_capture(event.pointer_id());
            event.prevent_default();
        }
        self.drag.set_value(Some(drag));
    }

    pub fn moved(&self, event: PointerEvent) {
        let Some((x, y, plot)) = local(&event) else {
            return;
        };
        let Some(drag) = self.drag.get_value() else {
            self.hover(Some((x, y)));
            return;
        };
        // A mouse released outside the plot before its pan captured it: the drag is over.
        if event.pointer_type() == "mouse" && event.buttons() == 0 {
            self.drag.set_value(None);
            self.pointers.set_value(Vec::new());
            return;
        }
        let id = event.pointer_id();
        self.pointers
            .update_value(|p| p.iter_mut().filter(|p| p.0 == id).for_each(|p| p.1 = x));
        let model = self.model;
        let scale = model.scale.get_untracked();
        let day = scale.day(x);
        let sorted = |a: f64, b: f64| Some((a.min(b), a.max(b)));
        match drag {
            Drag::Pinch { span, distance, day } => {
                if let [(_, a), (_, b)] = self.pointers.get_value()[..] {
                    let factor = (a - b).abs().max(1.0) / distance;
                    let at = (a + b) / 2.0 / scale.width;
                    model.set_domain(Domain::placing(day, at, span / factor, model.limits));
                }
            }
            Drag::Pan { from, last, moved } => {
                let moved = moved || (x - from).abs() > DRAG_THRESHOLD;
                if moved {
                    let _ = plot.set_pointer_capture(id);
                    model.pan_px(last - x);
                }
                self.drag.set_value(Some(Drag::Pan { from, last: x, moved }));
            }
            Drag::Brush { anchor } => model.draft.set(sorted(anchor, day)),
            Drag::Resize { fixed } => model.draft.set(sorted(fixed, day)),
            Drag::Move { grab, start, end } => model.draft.set(Some((start + day - grab, end + day - grab))),
        }
    }

    pub fn up(&self, event: PointerEvent) {
        let id = event.pointer_id();
        self.pointers.update_value(|p| p.retain(|p| p.0 != id));
        let model = self.model;
        match self.drag.get_value() {
            // A press that did not move is a click: on the canvas, it selects the mark there.
            Some(Drag::Pan { moved: false, .. }) if event.type_() == "pointerup" && model.canvas.get_untracked() => {
                if let Some(n) = local(&event).and_then(|(x, y, _)| model.mark_at(x, y)) {
                    model.context.selected.set(Some(n));
                }
            }
            Some(Drag::Brush { .. } | Drag::Resize { .. } | Drag::Move { .. }) => {
                let wide_enough =
                    |(a, b): (f64, f64)| (b - a) * model.scale.with_untracked(|s| s.px_per_day()) >= DRAG_THRESHOLD;
                match model.draft.get_untracked() {
                    Some(draft) if wide_enough(draft) => model.apply_window(draft.0, draft.1),
                    _ => model.draft.set(None),
                }
            }
            // The finger left on a pinch does not start a pan (the view would jump).
            Some(Drag::Pinch { .. }) if !self.pointers.get_value().is_empty() => return,
            _ => {}
        }
        self.drag.set_value(None);
        self.pointers.set_value(Vec::new());
    }

    /// The pointer left the plot.
    pub fn left(&self) {
        self.hover(None);
    }

    /// On the canvas, the mark under the pointer at (`x`, `y`) is the hovered one, with its
    /// tooltip (SVG marks have handlers of their own).
    fn hover(&self, at: Option<(f64, f64)>) {
        let model = self.model;
        if !model.canvas.get_untracked() {
            return;
        }
        let shown = model.tip.get_untracked();
        let found = at.and_then(|(x, y)| model.mark_at(x, y));
        if found == shown {
            return;
        }
        let hovered = model.context.hovered;
        if found.is_some() || hovered.get_untracked() == shown {
            hovered.set(found);
        }
        model.tip.set(found);
    }

    pub fn wheel(&self, event: WheelEvent) {
        event.prevent_default();
        let unit = match event.delta_mode() {
            WheelEvent::DOM_DELTA_LINE => 16.0,
            WheelEvent::DOM_DELTA_PAGE => self.model.width.get_untracked(),
            _ => 1.0,
        };
        let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
        // Ctrl+wheel is a trackpad pinch; a sideways scroll pans.
        if event.ctrl_key() || dy.abs() >= dx.abs() {
            let plot: Option<Element> = event.current_target().and_then(|t| t.dyn_into().ok());
            let x = plot.map(|p| f64::from(event.client_x()) - p.get_bounding_client_rect().left());
            self.model.zoom((-dy * 0.002).exp(), x);
        } else {
            self.model.pan_px(dx);
        }
    }
}
