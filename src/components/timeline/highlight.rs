use super::model::Model;
use leptos::prelude::*;

/// A ring around one event's mark (the hovered or the selected one, set here, in the list or
/// on the map): one element that follows it, instead of a class on every mark.
#[component]
pub fn Highlight(model: Model, event: Signal<Option<usize>>, class: &'static str) -> impl IntoView {
    let context = model.context;
    // Only an event the timeline draws (dated, passing the filters).
    let shown = Memo::new(move |_| {
        event.get().filter(|&n| {
            context.atlas.extents[n].is_some() && context.visible_any_time.with(|v| v.binary_search(&n).is_ok())
        })
    });
    move || {
        let n = shown.get()?;
        let point = context.atlas.extents[n].is_some_and(|(a, b)| a == b);
        Some(view! {
            <rect
                class=class
                aria-hidden="true"
                x=move || model.mark_x(n).0 - 4.0
                width=move || {
                    let (a, b) = model.mark_x(n);
                    b - a + 8.0
                }
                y=move || model.lane_y(n) - 9.0
                height="18"
                rx=if point { "9" } else { "5" }
            />
        })
    }
}
