use super::DateLabel;
use crate::context::use_atlas;
use crate::hooks::{use_virtual_rows, UseVirtualRowsOptions};
use crate::state::kind_tag;
use leptos::html::Div;
use leptos::prelude::*;

/// The events that pass the filters, by date (undated last). The accessible alternative to the
/// map and the timeline: every event, selectable by keyboard. A long list draws only the rows
/// near its scroll position (see `use_virtual_rows`); the arrow keys move between rows,
/// scrolling the next one in.
#[component]
pub fn EventList() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let ui = context.ui;
    let sorted = Memo::new(move |_| atlas.by_date(&context.visible.get()));
    let list = NodeRef::<Div>::new();
    let rows = use_virtual_rows(UseVirtualRowsOptions {
        container: list,
        len: Signal::derive(move || sorted.with(Vec::len)),
    });
    let shown = move || {
        let range = rows.range.get();
        sorted
            .with(|s| s.get(range.clone()).map(<[usize]>::to_vec).unwrap_or_default())
            .into_iter()
            .zip(range)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="event-list-section" aria-labelledby="event-list-heading">
            <h2 id="event-list-heading">
                {move || ui.get().strings().events}" "
                <span class="count">{move || ui.get().count_events(sorted.with(Vec::len))}</span>
            </h2>
            <Show when=move || sorted.with(Vec::is_empty)>
                <p class="no-events">{move || ui.get().strings().no_events}</p>
            </Show>
            <div class="event-list" node_ref=list on:scroll=move |_| rows.on_scroll.run(()) on:keydown=move |e| rows.on_key.run(e)>
            <ol
                style:padding-top=move || format!("{}px", rows.space_before.get())
                style:padding-bottom=move || format!("{}px", rows.space_after.get())
            >
                <For each=shown key=|&(n, _)| n let:item>
                    {
                        let (n, position) = item;
                        let event = &atlas.events[n];
                        let places = event.place_names().join(", ");
                        let actors: Vec<&str> = event.actors.iter().take(3).map(|a| a.name.as_str()).collect();
                        let actors = actors.join(", ");
                        view! {
                            <li aria-posinset=position + 1 aria-setsize=move || sorted.with(Vec::len)>
                                <button
                                    type="button"
                                    class="event-row"
                                    data-event-id=event.id.clone()
                                    data-kind=kind_tag(event.kind)
                                    aria-current=move || (context.selected.get() == Some(n)).then_some("true")
                                    class:hovered=move || context.hovered.get() == Some(n)
                                    on:click=move |_| context.selected.set(Some(n))
                                    on:mouseenter=move |_| context.hovered.set(Some(n))
                                    on:mouseleave=move |_| context.hovered.set(None)
                                    on:focus=move |_| context.hovered.set(Some(n))
                                    on:blur=move |_| context.hovered.set(None)
                                >
                                    <span class="event-head">
                                        <span class="kind-chip">{move || ui.get().kind(event.kind)}</span>
                                        <DateLabel date=event.date />
                                        {(!places.is_empty()).then(|| view! { <span class="event-places">{places.clone()}</span> })}
                                    </span>
                                    {(!actors.is_empty()).then(|| view! { <span class="event-actors">{actors.clone()}</span> })}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            </div>
        </section>
    }
}
