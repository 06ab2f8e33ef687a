use super::model::{describe, Model};
use crate::state::kind_tag;
use leptos::prelude::*;

/// Chips shown at most: a dataset of 10,000 events has a thousand undated ones, and a button
/// each would cost more than the whole canvas. The rest are counted (the list has them all).
const MAX_CHIPS: usize = 24;

/// Events with no date, in a lane of their own below the axis: never placed at a made-up
/// date. A chip each (up to `MAX_CHIPS`), selectable like the marks.
#[component]
pub fn Undated(model: Model) -> impl IntoView {
    let context = model.context;
    let ui = context.ui;
    view! {
        <Show when=move || !model.undated.with(Vec::is_empty)>
            // With a time window applied, undated events are filtered out: dimmed here.
            <div class="tl-undated" class:outside=move || model.window.with(Option::is_some)>
                <span id="tl-undated-label" class="tl-undated-label">{move || ui.get().strings().undated}</span>
                <ul class="tl-chips" aria-labelledby="tl-undated-label">
                    <For each=move || model.undated.with(|u| u[..u.len().min(MAX_CHIPS)].to_vec()) key=|&n| n let:n>
                        <li>
                            <button
                                type="button"
                                class="tl-chip"
                                data-kind=kind_tag(context.atlas.events[n].kind)
                                class:hovered=move || context.hovered.get() == Some(n)
                                aria-pressed=move || (context.selected.get() == Some(n)).to_string()
                                aria-label=move || describe(context, n)
                                title=move || describe(context, n)
                                on:click=move |_| context.selected.set(Some(n))
                                on:mouseenter=move |_| context.hovered.set(Some(n))
                                on:mouseleave=move |_| context.hovered.set(None)
                                on:focus=move |_| context.hovered.set(Some(n))
                                on:blur=move |_| context.hovered.set(None)
                            >
                                {move || ui.get().kind(context.atlas.events[n].kind)}
                            </button>
                        </li>
                    </For>
                    {move || {
                        let more = model.undated.with(Vec::len).saturating_sub(MAX_CHIPS);
                        (more > 0).then(|| view! { <li class="tl-more">{move || ui.get().more_undated(more)}</li> })
                    }}
                </ul>
            </div>
        </Show>
    }
}
