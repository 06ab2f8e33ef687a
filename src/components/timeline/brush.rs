use super::model::{Model, AXIS_Y, STRIP_HEIGHT};
use leptos::prelude::*;

const HANDLE_WIDTH: f64 = 10.0;

/// The time window over the plot: shaded, with a body and two handles in the brush strip
/// that drag it and its ends (see `gestures`). While a drag lasts, it shows the draft.
#[component]
pub fn Brush(model: Model) -> impl IntoView {
    let span = Memo::new(move |_| {
        model
            .shown_window()
            .map(|(a, b)| model.scale.with(|s| (s.x(a), s.x(b))))
    });
    let left = move || span.get().map_or(0.0, |s| s.0);
    let right = move || span.get().map_or(0.0, |s| s.1);
    let width = move || right() - left();
    view! {
        <Show when=move || span.with(Option::is_some)>
            <g class="tl-brush">
                <rect class="tl-window" x=left width=width y="0" height=AXIS_Y />
                <rect class="tl-window-body" data-zone="window" x=left width=width y="0" height=STRIP_HEIGHT />
                {handle("start", left)}
                {handle("end", right)}
            </g>
        </Show>
    }
}

/// A grip at one end of the window (`zone` says which to `gestures`).
fn handle(zone: &'static str, x: impl Fn() -> f64 + Send + Sync + 'static) -> impl IntoView {
    view! {
        <rect
            class="tl-handle"
            data-zone=zone
            x=move || x() - HANDLE_WIDTH / 2.0
            width=HANDLE_WIDTH
            y="3"
            height={STRIP_HEIGHT - 6.0}
            rx="3"
        />
    }
}
