use crate::context::use_atlas;
use crate::mine::strings::MineStrings;
use leptos::prelude::*;

/// A labelled one-line text input bound to `value`; the label in the UI's language.
#[component]
pub fn TextField(
    label: fn(&'static MineStrings) -> &'static str,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let ui = use_atlas().ui;
    view! {
        <label class="mine-field">
            <span>{move || label(ui.get().mine())}</span>
            <input type="text" prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) placeholder=placeholder />
        </label>
    }
}
