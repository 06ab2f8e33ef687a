use super::DocumentRow;
use crate::extraction::Extraction;
use crate::format;
use leptos::prelude::*;

/// Every article of an extraction, in its order, each with its events.
#[component]
pub fn DocumentList(extraction: &'static Extraction) -> impl IntoView {
    let heading = format::count(extraction.documents.len(), "article", "articles");
    view! {
        <section class="documents" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{heading}</h2>
            <ul class="document-list">
                {extraction
                    .documents
                    .iter()
                    .map(|document| view! { <DocumentRow document events=extraction.events_of(document) /> })
                    .collect_view()}
            </ul>
        </section>
    }
}
