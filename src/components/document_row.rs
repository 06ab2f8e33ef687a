use super::{DateLabel, EventList};
use crate::extraction::{DocumentView, EventView};
use crate::format;
use leptos::prelude::*;

/// One article: its headline, then date, language and source, then the events it states.
#[component]
pub fn DocumentRow(document: &'static DocumentView, events: Vec<&'static EventView>) -> impl IntoView {
    let title = document.title.clone().unwrap_or_else(|| document.file.clone());
    // Long titles are clamped to three lines; the tooltip keeps the whole of it.
    let full_title = title.clone();
    view! {
        <li class="document">
            <h3 class="document-title" lang=document.lang.tag() title=full_title>{title}</h3>
            <p class="document-meta">
                <DateLabel date=document.published />
                <span class="language">{format::language_name(document.lang)}</span>
                {document.source.clone().map(|source| view! { <span class="source">{source}</span> })}
                <span class="file">{document.file.clone()}</span>
            </p>
            <EventList events />
        </li>
    }
}
