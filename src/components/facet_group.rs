use leptos::prelude::*;

/// One facet: a checkbox per value with the number of events it would show. Items are (value,
/// label, count, checked).
#[component]
pub fn FacetGroup(
    title: Signal<&'static str>,
    items: Signal<Vec<(String, String, usize, bool)>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <ul>
                <For each=move || items.get() key=|item| item.clone() let:item>
                    {
                        let (value, label, count, checked) = item;
                        let toggle_value = value.clone();
                        view! {
                            <li class:empty=count == 0>
                                <label>
                                    <input
                                        type="checkbox"
                                        value=value
                                        checked=checked
                                        on:change=move |_| on_toggle.run(toggle_value.clone())
                                    />
                                    <span class="facet-label">{label}</span>
                                    <span class="facet-count">{count}</span>
                                </label>
                            </li>
                        }
                    }
                </For>
            </ul>
        </fieldset>
    }
}
