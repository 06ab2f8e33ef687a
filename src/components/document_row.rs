use crate::format;
use atlas_extract::Document;
use leptos::prelude::*;

/// One article: its headline, then date, language and source.
#[component]
pub fn DocumentRow(document: &'static Document) -> impl IntoView {
    let title = document.title.clone().unwrap_or_else(|| document.file.clone());
    // Long titles are clamped to three lines; the tooltip keeps the whole of it.
    let full_title = title.clone();
    let date = match document.published {
        Some(date) => view! { <time datetime=date.to_string()>{format::date(date)}</time> }.into_any(),
        None => view! { <span class="no-date">"No date"</span> }.into_any(),
    };
    view! {
        <li class="document">
            <h3 class="document-title" lang=document.lang.tag() title=full_title>{title}</h3>
            <p class="document-meta">
                {date}
                <span class="language">{format::language_name(document.lang)}</span>
                {document.source.clone().map(|source| view! { <span class="source">{source}</span> })}
                <span class="file">{document.file.clone()}</span>
            </p>
        </li>
    }
}
