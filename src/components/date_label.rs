use crate::format;
use atlas_extract::PartialDate;
use leptos::prelude::*;

/// A date only as precise as it is known, with its machine-readable value; "No date" when
/// there is none (never a guessed one).
#[component]
pub fn DateLabel(date: Option<PartialDate>) -> impl IntoView {
    match date {
        Some(date) => view! { <time datetime=date.to_string()>{format::date(date)}</time> }.into_any(),
        None => view! { <span class="no-date">"No date"</span> }.into_any(),
    }
}
