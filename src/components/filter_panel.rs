use super::FacetGroup;
use crate::atlas::Counts;
use crate::context::use_atlas;
use crate::state::{Filters, Origin};
use crate::time::iso;
use leptos::prelude::*;

/// Every facet with its counts; each filters map, timeline and list. Collapsible on small
/// screens (a `<details>`), open on wide ones.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let context = use_atlas();
    let atlas = context.atlas;
    let ui = context.ui;
    let t = move || ui.get().strings();
    let facets = Memo::new(move |_| context.filters.with(|f| atlas.facets(f)));
    let filters = context.filters;
    let shown_articles = Memo::new(move |_| {
        let facets = facets.get();
        filters.with(|f| biggest_articles(facets.articles, |d| f.articles.contains(&atlas.documents[d].file)))
    });
    // Folded where space is short (an embed, a phone): the map and the list come first.
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w > 720.0);
    let open_at_start = wide && !context.embed.get_untracked();
    let window_label = move || {
        filters.with(|f| f.window).map(|w| {
            view! {
                <p class="window-chip">
                    <span>{move || t().time_window}": "{iso(w.start)}" – "{iso(w.end)}</span>
                    <button type="button" on:click=move |_| filters.update(|f| f.window = None)>
                        {move || t().clear_window}
                    </button>
                </p>
            }
        })
    };
    view! {
        <details class="filters" open=open_at_start>
            <summary>
                <h2>{move || t().filters}</h2>
            </summary>
            {window_label}
            <Show when=move || facets.with(|f| !f.origins.is_empty())>
                <FacetGroup
                    title=Signal::derive(move || ui.get().mine().origin)
                    items=Signal::derive(move || {
                        facets.get().origins.into_iter().map(|(o, n)| {
                            let label = match o { Origin::Atlas => ui.get().mine().origin_atlas, Origin::Mine => ui.get().mine().origin_mine };
                            (o.tag().to_string(), label.to_string(), n, filters.with(|f| f.origins.contains(&o)))
                        }).collect()
                    })
                    on_toggle=Callback::new(move |tag: String| {
                        if let Some(o) = [Origin::Atlas, Origin::Mine].into_iter().find(|o| o.tag() == tag) {
                            filters.update(|f| Filters::toggle(&mut f.origins, o));
                        }
                    })
                />
            </Show>
            <FacetGroup
                title=Signal::derive(move || t().kind)
                items=Signal::derive(move || {
                    facets.get().kinds.into_iter().map(|(k, n)| (crate::state::kind_tag(k).to_string(), ui.get().kind(k).to_string(), n, filters.with(|f| f.kinds.contains(&k)))).collect()
                })
                on_toggle=Callback::new(move |tag: String| {
                    if let Some(k) = crate::state::ALL_KINDS.into_iter().find(|k| crate::state::kind_tag(*k) == tag) {
                        filters.update(|f| Filters::toggle(&mut f.kinds, k));
                    }
                })
            />
            <FacetGroup
                title=Signal::derive(move || t().side)
                items=Signal::derive(move || {
                    facets.get().sides.into_iter().map(|(s, n)| (crate::state::side_tag(s).to_string(), ui.get().side(s).to_string(), n, filters.with(|f| f.sides.contains(&s)))).collect()
                })
                on_toggle=Callback::new(move |tag: String| {
                    if let Some(s) = [crate::extraction::Side::China, crate::extraction::Side::Uk].into_iter().find(|s| crate::state::side_tag(*s) == tag) {
                        filters.update(|f| Filters::toggle(&mut f.sides, s));
                    }
                })
            />
            <FacetGroup
                title=Signal::derive(move || t().sector)
                items=Signal::derive(move || {
                    facets.get().sectors.into_iter().map(|(s, n)| (crate::state::sector_tag(s).to_string(), ui.get().sector(s).to_string(), n, filters.with(|f| f.sectors.contains(&s)))).collect()
                })
                on_toggle=Callback::new(move |tag: String| {
                    if let Some(s) = crate::state::ALL_SECTORS.into_iter().find(|s| crate::state::sector_tag(*s) == tag) {
                        filters.update(|f| Filters::toggle(&mut f.sectors, s));
                    }
                })
            />
            <FacetGroup
                title=Signal::derive(move || t().language)
                items=Signal::derive(move || {
                    facets.get().languages.into_iter().map(|(l, n)| (l.tag().to_string(), ui.get().language(l).to_string(), n, filters.with(|f| f.languages.contains(&l)))).collect()
                })
                on_toggle=Callback::new(move |tag: String| {
                    if let Some(l) = atlas_extract::Language::from_tag(&tag) {
                        filters.update(|f| Filters::toggle(&mut f.languages, l));
                    }
                })
            />
            <FacetGroup
                title=Signal::derive(move || t().article)
                items=Signal::derive(move || {
                    shown_articles.get().0.into_iter().map(|(d, n)| {
                        let doc = &atlas.documents[d];
                        let title = doc.title.clone().unwrap_or_else(|| doc.file.clone());
                        (doc.file.clone(), title, n, filters.with(|f| f.articles.contains(&doc.file)))
                    }).collect()
                })
                on_toggle=Callback::new(move |file: String| filters.update(|f| Filters::toggle(&mut f.articles, file)))
            />
            <Show when=move || shown_articles.with(|(_, more)| *more > 0)>
                <p class="facet-more">{move || ui.get().more_articles(shown_articles.with(|(_, more)| *more))}</p>
            </Show>
            <button
                type="button"
                class="clear-filters"
                disabled=move || filters.with(Filters::is_empty)
                on:click=move |_| filters.set(Filters::default())
            >
                {move || t().clear_filters}
            </button>
        </details>
    }
}

/// A corpus of thousands of articles would make thousands of checkboxes: the facet lists the
/// ticked articles and those with the most events, up to this many.
const ARTICLES_LISTED: usize = 12;

/// The articles the facet lists (in their order) and how many it leaves out. Articles with no
/// event left are left out once the list is long; ticked ones are always listed.
fn biggest_articles(counts: Counts<usize>, ticked: impl Fn(usize) -> bool) -> (Counts<usize>, usize) {
    if counts.len() <= ARTICLES_LISTED {
        return (counts, 0);
    }
    let mut ranked: Vec<usize> = (0..counts.len())
        .filter(|&i| counts[i].1 > 0 || ticked(counts[i].0))
        .collect();
    ranked.sort_by_key(|&i| (!ticked(counts[i].0), std::cmp::Reverse(counts[i].1), i));
    let more = ranked.len().saturating_sub(ARTICLES_LISTED);
    ranked.truncate(ARTICLES_LISTED);
    ranked.sort_unstable();
    (ranked.into_iter().map(|i| counts[i]).collect(), more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_article_list_is_listed_whole() {
        let counts: Counts<usize> = vec![(0, 3), (1, 0), (2, 1)];
        assert_eq!(biggest_articles(counts.clone(), |_| false), (counts, 0));
    }

    #[test]
    fn a_long_article_list_keeps_the_ticked_and_the_biggest_in_their_order() {
        let counts: Counts<usize> = (0..100).map(|d| (d, d % 17)).collect();
        let (listed, more) = biggest_articles(counts, |d| d == 0);
        assert_eq!(listed.len(), ARTICLES_LISTED);
        assert_eq!(listed[0], (0, 0), "ticked, though it has no event left");
        assert!(listed[1..].iter().all(|&(_, n)| n >= 14), "{listed:?}");
        assert!(listed.windows(2).all(|w| w[0].0 < w[1].0));
        let with_events = (0..100).filter(|d| d % 17 > 0).count();
        assert_eq!(more, with_events + 1 - ARTICLES_LISTED);
    }
}
