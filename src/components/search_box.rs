use crate::context::use_atlas;
use leptos::prelude::*;

/// Full-text search over the events; every keystroke filters map, timeline and list.
#[component]
pub fn SearchBox() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().strings();
    let query = move || context.filters.with(|f| f.query.clone());
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">{move || t().search_label}</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || t().search_placeholder
                prop:value=query
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    context.filters.update(|f| f.query = value);
                }
            />
        </form>
    }
}
