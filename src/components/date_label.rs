use crate::context::use_atlas;
use atlas_extract::PartialDate;
use leptos::prelude::*;

/// A date only as precise as it is known, with its machine-readable value; "No date" when
/// there is none (never a guessed one).
#[component]
pub fn DateLabel(date: Option<PartialDate>) -> impl IntoView {
    let ui = use_atlas().ui;
    match date {
        Some(date) => view! { <time datetime=date.to_string()>{move || ui.get().date(date)}</time> }.into_any(),
        None => view! { <span class="no-date">{move || ui.get().strings().no_date}</span> }.into_any(),
    }
}
