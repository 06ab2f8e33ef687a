//! A long list drawn in part: only the rows near the scroll position are in the DOM, and the
//! list's padding stands in for the others, so a list of 100,000 events costs what 40 rows
//! do. Short lists are drawn whole (nothing to gain, and every row stays in the page).
//!
//! The padding goes on the list inside the scrolling box, never on the box itself: a box's
//! `max-height` does not hold its padding in, and a list of 100,000 rows would be as tall as
//! all of them.

use leptos::html::Div;
use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// Up to this many rows, all are drawn: a few screens' worth. Beyond, a filter that changes
/// the list redraws what is in view, not hundreds of rows (200 took ~100 ms of build and layout).
pub const ALL_ROWS_UP_TO: usize = 60;
/// Rows drawn beyond each edge of the viewport, so that a quick scroll shows no gap.
const OVERSCAN: usize = 10;
/// Distance between two rows' tops until one is measured (a two-line row and the gap).
const DEFAULT_PITCH_PX: f64 = 56.0;
/// The list's height until measured (its CSS `max-height`, 28rem).
const DEFAULT_VIEWPORT_PX: f64 = 448.0;

pub struct UseVirtualRowsOptions {
    /// The scrolling box around the list; the rows are `li` elements of equal heights.
    pub container: NodeRef<Div>,
    pub len: Signal<usize>,
}

pub struct UseVirtualRowsReturn {
    /// The rows to draw.
    pub range: Memo<Range<usize>>,
    /// Padding before and after the drawn rows, in pixels.
    pub space_before: Signal<f64>,
    pub space_after: Signal<f64>,
    /// For the list's `scroll` event.
    pub on_scroll: Callback<()>,
    /// For the list's `keydown` event: the arrows, Home and End move between rows.
    pub on_key: Callback<KeyboardEvent>,
}

/// The rows to draw for a list of `len` rows `pitch` pixels apart, scrolled by `scroll_top`
/// in a viewport `viewport` pixels high.
pub fn rows_in_view(len: usize, scroll_top: f64, viewport: f64, pitch: f64) -> Range<usize> {
    if len <= ALL_ROWS_UP_TO {
        return 0..len;
    }
    let pitch = pitch.max(1.0);
    let first = (scroll_top.max(0.0) / pitch).floor() as usize;
    let last = ((scroll_top.max(0.0) + viewport) / pitch).ceil() as usize;
    let end = last.saturating_add(OVERSCAN).min(len);
    first.saturating_sub(OVERSCAN).min(end)..end
}

pub fn use_virtual_rows(options: UseVirtualRowsOptions) -> UseVirtualRowsReturn {
    let UseVirtualRowsOptions { container, len } = options;
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(DEFAULT_VIEWPORT_PX);
    let pitch = RwSignal::new(DEFAULT_PITCH_PX);
    let range = Memo::new(move |_| rows_in_view(len.get(), scroll_top.get(), viewport.get(), pitch.get()));
    let space_before = Signal::derive(move || range.with(|r| r.start as f64) * pitch.get());
    let space_after = Signal::derive(move || (len.get() - range.with(|r| r.end)) as f64 * pitch.get());

    // Measured while scrolling, when the layout is fresh anyway, and once in the frame after a
    // long list is first drawn (so that its height is right before anyone scrolls): reading
    // it during a build would force a layout of a page not yet complete.
    let measure = move || {
        let Some(list) = container.get_untracked() else {
            return;
        };
        viewport.set(f64::from(list.client_height()));
        let first = list
            .query_selector("li")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let second = first
            .as_ref()
            .and_then(|e| e.next_element_sibling())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let (Some(a), Some(b)) = (first, second) {
            let measured = f64::from(b.offset_top() - a.offset_top());
            if measured > 0.0 && (measured - pitch.get_untracked()).abs() >= 0.5 {
                pitch.set(measured);
            }
        }
        scroll_top.set(f64::from(list.scroll_top()));
    };
    let on_scroll = Callback::new(move |()| measure());
    let measured_once = StoredValue::new(false);
    Effect::new(move |_| {
        if len.get() > ALL_ROWS_UP_TO && !measured_once.get_value() {
            measured_once.set_value(true);
            request_animation_frame(measure);
        }
    });

    // The row a key asked for that is not drawn yet. Keys pressed before it takes the focus
    // (a held arrow on a busy page) count from it, not from the row still focused: else each
    // of them asked for the same row and the presses were lost.
    let pending = StoredValue::new(None::<usize>);
    let on_key = Callback::new(move |event: KeyboardEvent| {
        let Some(list) = container.get_untracked() else {
            return;
        };
        let total = len.get_untracked();
        let focused = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("li[aria-posinset]").ok().flatten())
            .and_then(|li| li.get_attribute("aria-posinset"))
            .and_then(|p| p.parse::<usize>().ok())
            .map(|p| p - 1);
        let current = focused.map(|row| pending.get_value().filter(|&p| p < total).unwrap_or(row));
        let (Some(current), true) = (current, total > 0) else {
            return;
        };
        let target = match event.key().as_str() {
            "ArrowDown" => (current + 1).min(total - 1),
            "ArrowUp" => current.saturating_sub(1),
            "Home" => 0,
            "End" => total - 1,
            _ => return,
        };
        event.prevent_default();
        let selector = format!("li[aria-posinset=\"{}\"] button", target + 1);
        let rows = list.clone();
        let focus = move || {
            let row = rows.query_selector(&selector).ok().flatten();
            row.is_some_and(|row| row.unchecked_into::<HtmlElement>().focus().is_ok())
        };
        // A drawn row (the margin holds the neighbours) takes the focus at once, which scrolls
        // it in: a held arrow key moves row by row, never from a row not yet focused.
        if focus() {
            pending.set_value(None);
            return;
        }
        // Otherwise scroll to where it will be, and focus it once it is drawn.
        let row_top = target as f64 * pitch.get_untracked();
        let (top, height) = (f64::from(list.scroll_top()), f64::from(list.client_height()));
        let next_top = if row_top < top {
            row_top
        } else {
            (row_top + pitch.get_untracked() - height).max(top)
        };
        list.set_scroll_top(next_top as i32);
        scroll_top.set(next_top);
        pending.set_value(Some(target));
        request_animation_frame(move || {
            // A later key may have moved on since: its row, not this one, takes the focus.
            if pending.get_value() == Some(target) {
                pending.set_value(None);
                focus();
            }
        });
    });

    UseVirtualRowsReturn {
        range,
        space_before,
        space_after,
        on_scroll,
        on_key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_is_drawn_whole() {
        assert_eq!(rows_in_view(0, 0.0, 400.0, 50.0), 0..0);
        assert_eq!(rows_in_view(ALL_ROWS_UP_TO, 9_000.0, 400.0, 50.0), 0..ALL_ROWS_UP_TO);
    }

    #[test]
    fn a_long_list_draws_the_rows_in_view_and_a_margin() {
        // Rows 100..108 are in view (scrolled by 100 rows of 50 px, 400 px high).
        assert_eq!(rows_in_view(100_000, 5_000.0, 400.0, 50.0), 90..118);
        assert_eq!(rows_in_view(100_000, 0.0, 400.0, 50.0), 0..18);
        assert_eq!(rows_in_view(1_000, 49_900.0, 400.0, 50.0), 988..1_000);
    }

    #[test]
    fn a_scroll_past_the_end_or_a_broken_measure_draws_no_more_than_the_list() {
        assert_eq!(rows_in_view(1_000, 1e9, 400.0, 50.0), 1_000..1_000);
        assert_eq!(rows_in_view(1_000, -5.0, 400.0, 0.0), 0..410);
        assert_eq!(rows_in_view(1_000, f64::NAN, f64::NAN, f64::NAN), 0..10);
    }
}
