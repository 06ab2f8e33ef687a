use super::later::{later, Later};
use crate::context::use_atlas;
use crate::extraction::DocumentView;
use leptos::prelude::*;
use std::collections::HashMap;

/// Up to this many articles, each is credited by title and link; beyond, each outlet with its
/// count of articles (a dataset of 10,000 articles made 8,500 elements nobody would read).
const ARTICLES_LISTED: usize = 100;
/// Outlets listed at most; the rest are counted.
const OUTLETS_LISTED: usize = 50;

/// Credits for the map, the gazetteer and every article's source. The sources are built when
/// first opened: they are hidden until then.
#[component]
pub fn Credits() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().strings();
    let opened = RwSignal::new(false);
    let list = move || {
        opened
            .get()
            .then(|| Suspend::new(async move { later(Later::Sources).await }))
    };
    view! {
        <footer class="site-footer">
            <h2>{move || t().credits}</h2>
            <p>{move || t().credits_text}</p>
            <details on:toggle=move |_| opened.set(true)>
                <summary>{move || t().source}</summary>
                <ul class="credit-list"><Transition>{list}</Transition></ul>
            </details>
        </footer>
    }
}

/// Every article's source, or past `ARTICLES_LISTED` each outlet's (in the chunk of `later`).
pub(super) fn sources() -> AnyView {
    let context = use_atlas();
    let documents = &context.atlas.documents;
    if documents.len() <= ARTICLES_LISTED {
        documents.iter().map(article).collect_view().into_any()
    } else {
        let ui = context.ui.get();
        let (outlets, rest) = outlets(documents);
        view! {
            {outlets
                .into_iter()
                .map(|(outlet, n)| view! { <li>{outlet}" — "{ui.count_articles(n)}</li> })
                .collect_view()}
            {(rest > 0).then(|| view! { <li class="credit-more">{ui.more_sources(rest)}</li> })}
        }
        .into_any()
    }
}

fn article(document: &DocumentView) -> impl IntoView {
    let title = document.title.clone().unwrap_or_else(|| document.file.clone());
    let source = document.source.clone().unwrap_or_default();
    // Only web links: a `javascript:` URL in a dataset must not become a link.
    let href = document
        .url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    view! {
        <li lang=document.lang.tag()>
            {match href {
                Some(href) => view! { <a href=href rel="noopener noreferrer">{title}</a> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            }}
            {(!source.is_empty()).then(|| view! { <span class="credit-source">" — "{source}</span> })}
        </li>
    }
}

/// The outlets with their counts of articles, most first (then by name), at most
/// `OUTLETS_LISTED`, and how many outlets were left out. Articles with no source count under
/// their file's name, so that every article is accounted for.
fn outlets(documents: &[DocumentView]) -> (Vec<(String, usize)>, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for document in documents {
        let outlet = document
            .source
            .as_deref()
            .filter(|s| !s.is_empty())
            .unwrap_or(&document.file);
        *counts.entry(outlet).or_default() += 1;
    }
    let mut sorted: Vec<(String, usize)> = counts.into_iter().map(|(o, n)| (o.to_string(), n)).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let rest = sorted.len().saturating_sub(OUTLETS_LISTED);
    sorted.truncate(OUTLETS_LISTED);
    (sorted, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_extract::Language;

    fn document(file: &str, source: Option<&str>) -> DocumentView {
        DocumentView {
            file: file.to_string(),
            title: None,
            lang: Language::English,
            published: None,
            source: source.map(str::to_string),
            url: None,
            body_start: 0,
            text: None,
        }
    }

    #[test]
    fn outlets_are_counted_most_first_and_cut_short() {
        let mut documents = vec![
            document("a.txt", Some("Xinhua")),
            document("b.txt", Some("BBC")),
            document("c.txt", Some("Xinhua")),
            document("d.txt", None),
        ];
        let (listed, rest) = outlets(&documents);
        assert_eq!(
            listed,
            [
                ("Xinhua".to_string(), 2),
                ("BBC".to_string(), 1),
                ("d.txt".to_string(), 1)
            ]
        );
        assert_eq!(rest, 0);
        documents.extend((0..60).map(|k| document("x.txt", Some(&format!("Outlet {k:02}")))));
        let (listed, rest) = outlets(&documents);
        assert_eq!((listed.len(), rest), (OUTLETS_LISTED, 63 - OUTLETS_LISTED));
        assert_eq!(listed[0], ("Xinhua".to_string(), 2));
    }
}
