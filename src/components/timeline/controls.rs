use super::model::Model;
use crate::time::{iso, Day};
use atlas_extract::PartialDate;
use leptos::prelude::*;

/// The timeline's heading and buttons: zoom, reset, the window from the view, and the applied
/// window with a button to clear it.
#[component]
pub fn Controls(model: Model) -> impl IntoView {
    let context = model.context;
    let ui = context.ui;
    let t = move || ui.get().strings();
    let date = move |day: Day| {
        PartialDate::parse_iso(&iso(day))
            .map(|d| ui.get().date(d))
            .unwrap_or_default()
    };
    let from_view = move |_| {
        let domain = model.domain.get_untracked();
        // Not past the events: the padding around them holds no day worth filtering to.
        let (lo, hi) = context
            .atlas
            .time_bounds()
            .map_or((domain.start, domain.end), |(a, b)| (f64::from(a), f64::from(b) + 1.0));
        model.apply_window(domain.start.max(lo), domain.end.min(hi));
    };
    let view_span = move || {
        let domain = model.domain.get();
        format!(
            "{} – {}",
            date(domain.start.floor() as Day),
            date((domain.end - 1e-6).floor() as Day)
        )
    };
    view! {
        <div class="tl-toolbar">
            <h2 id="timeline-heading">{move || t().timeline}</h2>
            <div class="tl-buttons">
                <button type="button" class="tl-zoom-out" on:click=move |_| model.zoom(1.0 / 1.5, None) aria-label=move || t().timeline_zoom_out title=move || t().timeline_zoom_out>"−"</button>
                <button type="button" class="tl-zoom-in" on:click=move |_| model.zoom(1.5, None) aria-label=move || t().timeline_zoom_in title=move || t().timeline_zoom_in>"+"</button>
                <button type="button" class="tl-reset" on:click=move |_| model.reset() aria-label=move || t().timeline_reset title=move || t().timeline_reset>"↺"</button>
                <button type="button" class="tl-from-view" on:click=from_view>{move || t().window_from_view}</button>
            </div>
            // What the view spans, for people who zoom by keyboard and for the axis' missing year.
            <span class="tl-span" aria-live="polite">{view_span}</span>
            {move || model.window.get().map(|w| view! {
                <p class="tl-window-readout">
                    <span class="tl-window-label">{t().time_window}": "</span>
                    <time datetime=iso(w.start)>{date(w.start)}</time>
                    " – "
                    <time datetime=iso(w.end)>{date(w.end)}</time>
                    " "
                    <button type="button" class="tl-clear" on:click=move |_| model.clear_window()>{t().clear_window}</button>
                </p>
            })}
        </div>
    }
}
