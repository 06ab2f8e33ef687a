use super::model::{describe, Model};
use leptos::prelude::*;

/// What the hovered or focused mark is: kind, date at its precision, first place. Placed
/// above the mark; it follows it if the view moves.
#[component]
pub fn Tooltip(model: Model) -> impl IntoView {
    move || {
        let n = model.tip.get()?;
        let left = move || {
            let (a, b) = model.mark_x(n);
            let width = model.width.get();
            format!("{:.0}px", ((a + b) / 2.0).clamp(70.0, (width - 70.0).max(70.0)))
        };
        let top = move || format!("{:.0}px", model.lane_y(n) - 12.0);
        Some(view! {
            <div class="tl-tip" aria-hidden="true" style:left=left style:top=top>
                {move || describe(model.context, n)}
            </div>
        })
    }
}
