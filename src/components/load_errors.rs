use leptos::prelude::*;

/// Files that could not be read, each with its reason. Shows nothing when all is well.
#[component]
pub fn LoadErrors(errors: &'static [String]) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="load-errors" role="alert">
                <p>"Some articles could not be read:"</p>
                <ul>{errors.iter().map(|error| view! { <li>{error.clone()}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
