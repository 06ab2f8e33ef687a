use super::model::{Model, STRIP_HEIGHT};
use leptos::prelude::*;
use std::fmt::Write;

/// The brush strip: where events cluster in the view, as a histogram of event counts (an
/// event known to the month spread over its month). It is what shows clusters when marks
/// crowd, zoomed out; a drag across it chooses a time window (see `gestures`).
#[component]
pub fn Density(model: Model) -> impl IntoView {
    let ui = model.context.ui;
    let bins = Memo::new(move |_| {
        let scale = model.scale.get();
        let count = (scale.width / 8.0).clamp(24.0, 120.0) as usize;
        model
            .density
            .with(|d| d.bins(scale.domain.start, scale.domain.end, count))
    });
    // One path for all bins: panning rewrites one attribute, not a hundred bars.
    let path = move || {
        bins.with(|bins| {
            let width = model.width.get() / bins.len().max(1) as f64;
            // At least one event high, so that a lone event reads as one, not as a peak; a
            // square root so that a small cluster next to a big one still shows.
            let top = bins.iter().copied().fold(1.0, f64::max).sqrt();
            let base = STRIP_HEIGHT - 1.0;
            let mut d = format!("M0,{base}");
            for (k, count) in bins.iter().enumerate() {
                let y = base - (STRIP_HEIGHT - 6.0) * count.max(0.0).sqrt() / top;
                let _ = write!(d, "V{y:.1}H{:.1}", width * (k + 1) as f64);
            }
            d.push_str(&format!("V{base}Z"));
            d
        })
    };
    view! {
        <g class="tl-density">
            <rect class="tl-strip" x="0" y="0" width=move || model.width.get() height=STRIP_HEIGHT>
                <title>{move || ui.get().strings().brush_strip}</title>
            </rect>
            <path class="tl-density-area" d=path aria-hidden="true" />
        </g>
    }
}
