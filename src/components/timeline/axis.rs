use super::model::{Model, AXIS_Y, LANES_TOP};
use super::scale::{ticks, Tick, TickUnit};
use crate::format::MONTHS;
use crate::state::UiLang;
use leptos::prelude::*;

/// Labels closer than this would collide (a Chinese "12月" and an English "2025" both fit).
const MIN_LABEL_PX: f64 = 56.0;

/// The time axis: a tick with a label per day, month or year, whichever fits, and faint grid
/// lines through the lanes. Ticks are keyed by unit and day: panning moves them, and only
/// the ticks that scroll in or out are created or removed.
#[component]
pub fn Axis(model: Model) -> impl IntoView {
    let ui = model.context.ui;
    let ticks = Memo::new(move |_| {
        model.scale.with(|s| {
            let (unit, ticks) = ticks(s, MIN_LABEL_PX);
            // A label at the right edge would be cut: its tick goes too.
            let room = s.width - MIN_LABEL_PX / 2.0;
            ticks
                .into_iter()
                .filter(|t| s.x(f64::from(t.day)) <= room)
                .map(|t| (unit, t))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <g class="tl-axis" aria-hidden="true">
            <line class="tl-axis-line" x1="0" x2=move || model.width.get() y1=AXIS_Y y2=AXIS_Y />
            <For each=move || ticks.get() key=|&(unit, tick)| (unit, tick.day) let((unit, tick))>
                <g
                    class="tl-tick"
                    class:major=tick.major
                    transform=move || format!("translate({:.1},0)", model.scale.with(|s| s.x(f64::from(tick.day))))
                >
                    <line class="tl-grid" y1={LANES_TOP - 6.0} y2={AXIS_Y + 5.0} />
                    <text class="tl-tick-label" x="3" y={AXIS_Y + 17.0}>{move || label(unit, tick, ui.get())}</text>
                </g>
            </For>
        </g>
    }
}

/// `2025`, `Mar`, `12` (`2025年`, `3月`, `12日`): a major tick names the larger unit.
fn label(unit: TickUnit, tick: Tick, ui: UiLang) -> String {
    let t = ui.strings();
    let year = || format!("{}{}", tick.year, t.year_suffix);
    let month = || match ui {
        UiLang::En => MONTHS[usize::from(tick.month - 1)].to_string(),
        UiLang::Zh => format!("{}月", tick.month),
    };
    match unit {
        TickUnit::Years(_) => year(),
        TickUnit::Months(_) if tick.month == 1 => year(),
        TickUnit::Months(_) => month(),
        TickUnit::Days(_) if tick.day_of_month == 1 && tick.month == 1 => year(),
        TickUnit::Days(_) if tick.day_of_month == 1 => month(),
        TickUnit::Days(_) => format!("{}{}", tick.day_of_month, t.day_suffix),
    }
}
