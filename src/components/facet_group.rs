use leptos::prelude::*;

/// One facet: a checkbox per value with the number of events it would show. Items are (value,
/// label, count, checked).
///
/// Rows are keyed by value alone: a filter changes their counts and ticks in place, so the box
/// just clicked keeps the keyboard focus and the page is not rebuilt row by row.
#[component]
pub fn FacetGroup(
    title: Signal<&'static str>,
    items: Signal<Vec<(String, String, usize, bool)>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let items = Memo::new(move |_| items.get());
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <ul>
                <For each=move || items.with(|items| items.iter().map(|i| i.0.clone()).collect::<Vec<_>>()) key=|value| value.clone() let:value>
                    {
                        let row = {
                            let value = value.clone();
                            move || items.with(|items| items.iter().find(|i| i.0 == value).cloned().unwrap_or_default())
                        };
                        let (label, count, checked) = (row.clone(), row.clone(), row.clone());
                        let empty = row;
                        let toggle_value = value.clone();
                        view! {
                            <li class:empty=move || empty().2 == 0>
                                <label>
                                    <input
                                        type="checkbox"
                                        value=value
                                        prop:checked=move || checked().3
                                        on:change=move |_| on_toggle.run(toggle_value.clone())
                                    />
                                    <span class="facet-label">{move || label().1}</span>
                                    <span class="facet-count">{move || count().2}</span>
                                </label>
                            </li>
                        }
                    }
                </For>
            </ul>
        </fieldset>
    }
}
