use crate::context::use_atlas;
use crate::mine::PickedPlace;
use leptos::prelude::*;

/// A search over the gazetteer's place names (answered by the engine's worker); picking one
/// hands it to `on_pick`.
#[component]
pub fn PlacePicker(on_pick: Callback<PickedPlace>) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<PickedPlace>>);
    let search = move || {
        let text = query.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        find_places(text, found);
    };
    view! {
        <div class="place-picker">
            <input
                type="search"
                placeholder=move || t().find_place
                aria-label=move || t().find_place
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); search(); }
            />
            <button type="button" class="small" on:click=move |_| search()>{move || t().find_place}</button>
            {move || found.get().map(|places| {
                if places.is_empty() {
                    return view! { <p class="place-none">{move || t().no_place_found}</p> }.into_any();
                }
                view! {
                    <ul class="place-choices">
                        {places.into_iter().map(|place| {
                            let label = format!("{} ({})", place.name, place.country);
                            view! {
                                <li><button type="button" class="small" on:click=move |_| {
                                    on_pick.run(place.clone());
                                    found.set(None);
                                    query.set(String::new());
                                }>{label}</button></li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn find_places(query: String, found: RwSignal<Option<Vec<PickedPlace>>>) {
    leptos::task::spawn_local(async move {
        if let Ok(worker) = crate::mine::worker::EngineWorker::get() {
            found.set(Some(worker.places(&query).await));
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn find_places(_: String, _: RwSignal<Option<Vec<PickedPlace>>>) {}
