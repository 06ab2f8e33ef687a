use super::DocumentRow;
use atlas_extract::Document;
use leptos::prelude::*;

/// Every article of the corpus, in file order.
#[component]
pub fn DocumentList(documents: &'static [Document]) -> impl IntoView {
    let heading = match documents.len() {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    };
    view! {
        <section class="documents" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{heading}</h2>
            <ul class="document-list">
                {documents.iter().map(|document| view! { <DocumentRow document /> }).collect_view()}
            </ul>
        </section>
    }
}
