//! What markers, shaded regions and the place list do alike: select an event, echo the hover
//! to the other views, and show the tooltip.

use super::MapState;
use crate::context::AtlasContext;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The tooltip's content and where it points, in the map frame's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    pub x: f64,
    pub y: f64,
    /// Too close to the top: the tooltip hangs below `y` instead of standing above it.
    pub below: bool,
    pub title: String,
    /// By date, undated last.
    pub events: Vec<usize>,
}

/// Selects the first of `events` (by date), or, when one of them is already selected, the
/// next: clicking a place again steps through its events.
pub fn activate(context: AtlasContext, events: &[usize]) {
    if events.is_empty() {
        return;
    }
    let next = match context.selected.get_untracked() {
        Some(n) => events
            .iter()
            .position(|&e| e == n)
            .map_or(0, |at| (at + 1) % events.len()),
        None => 0,
    };
    context.selected.set(Some(events[next]));
}

/// `London` or `London, Cambridge +2`: a cluster's title.
pub fn title_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [a, b] => format!("{a}, {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} +{}", rest.len()),
    }
}

/// Room a tooltip needs above its place, and half its widest (see map.css), in pixels.
const TIP_HEIGHT: f64 = 80.0;
const TIP_HALF_WIDTH: f64 = 128.0;

/// Shows the tooltip for `events` over the element the event came from: above its top
/// centre, or at the pointer for large shapes.
pub fn show_tip(state: MapState, event: &web_sys::Event, title: &str, events: &[usize], at_pointer: bool) {
    let Some(frame) = state.frame.get_untracked() else {
        return;
    };
    let Some(target) = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let frame = frame.get_bounding_client_rect();
    let pointer = event
        .dyn_ref::<web_sys::MouseEvent>()
        .filter(|_| at_pointer)
        .map(|m| (f64::from(m.client_x()), f64::from(m.client_y()) - 6.0));
    let rect = target.get_bounding_client_rect();
    let (x, top) = pointer.unwrap_or((rect.left() + rect.width() / 2.0, rect.top()));
    let below = top - frame.top() < TIP_HEIGHT;
    let y = if below {
        pointer.map_or(rect.bottom(), |p| p.1 + 12.0)
    } else {
        top
    };
    // Kept whole inside the frame, which clips.
    let half = TIP_HALF_WIDTH.min(frame.width() / 2.0);
    state.tip.set(Some(Tip {
        x: (x - frame.left()).clamp(half, frame.width() - half),
        y: y - frame.top(),
        below,
        title: title.to_string(),
        events: events.to_vec(),
    }));
}

/// Hides the tooltip and the hover echo.
pub fn leave(context: AtlasContext, state: MapState) {
    state.tip.set(None);
    context.hovered.set(None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_two_places_and_count_the_rest() {
        assert_eq!(title_of(&["London"]), "London");
        assert_eq!(
            title_of(&["London", "Cambridge", "Oxford", "Bath"]),
            "London, Cambridge +2"
        );
    }
}
