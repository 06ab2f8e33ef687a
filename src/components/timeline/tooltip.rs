use super::model::{describe, Model};
use leptos::prelude::*;

/// What the hovered or focused mark is: kind, date at its precision, first place. Placed
/// above the mark, and it follows it if the view moves; near an edge it grows inwards, so
/// that it is never cut.
#[component]
pub fn Tooltip(model: Model) -> impl IntoView {
    move || {
        let n = model.tip.get()?;
        // Where the mark is, as a share of the plot's width.
        let at = move || {
            let (a, b) = model.mark_x(n);
            ((a + b) / 2.0, model.width.get())
        };
        let left = move || {
            let (x, width) = at();
            format!("{:.0}px", x.clamp(0.0, width))
        };
        let shift = move || {
            let (x, width) = at();
            let towards = if x < width / 3.0 {
                "-12px"
            } else if x > width * 2.0 / 3.0 {
                "calc(12px - 100%)"
            } else {
                "-50%"
            };
            format!("translate({towards}, -100%)")
        };
        let top = move || format!("{:.0}px", model.lane_y(n) - 10.0);
        Some(view! {
            <div class="tl-tip" aria-hidden="true" style:left=left style:top=top style:transform=shift>
                {move || describe(model.context, n)}
            </div>
        })
    }
}
