use crate::context::use_atlas;
use leptos::prelude::*;

/// Credits for the map, the gazetteer and every article's source.
#[component]
pub fn Credits() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().strings();
    let sources = context
        .atlas
        .documents
        .iter()
        .map(|d| {
            let title = d.title.clone().unwrap_or_else(|| d.file.clone());
            let source = d.source.clone().unwrap_or_default();
            // Only web links: a `javascript:` URL in a dataset must not become a link.
            let href = d
                .url
                .clone()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            view! {
                <li lang=d.lang.tag()>
                    {match href {
                        Some(href) => view! { <a href=href rel="noopener noreferrer">{title}</a> }.into_any(),
                        None => view! { <span>{title}</span> }.into_any(),
                    }}
                    {(!source.is_empty()).then(|| view! { <span class="credit-source">" — "{source}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <h2>{move || t().credits}</h2>
            <p>{move || t().credits_text}</p>
            <details>
                <summary>{move || t().source}</summary>
                <ul class="credit-list">{sources}</ul>
            </details>
        </footer>
    }
}
