//! The events the app shows, read once and indexed: which pass the filters, how many each
//! filter value would show, their days on the time line. Immutable data, not signals: the
//! signals hold only the filters (see `context.rs`).

use crate::extraction::{DocumentView, EventKind, EventView, Extraction, Sector, Side};
use crate::search::SearchIndex;
use crate::state::{Filters, Origin, ALL_KINDS, ALL_SECTORS};
use crate::time::{extent, Day};
use atlas_extract::Language;

/// Articles and events, with what filtering needs precomputed.
#[derive(Debug)]
pub struct Atlas {
    pub documents: Vec<DocumentView>,
    pub events: Vec<EventView>,
    /// The document of each event.
    pub document_of: Vec<usize>,
    /// First and last day of each event's date; `None` when undated.
    pub extents: Vec<Option<(Day, Day)>>,
    /// Documents from this index on are the person's own ("my articles").
    pub own_from: usize,
    /// The sides each event involves (an actor or a place of that side).
    sides: Vec<Vec<Side>>,
    search: SearchIndex,
}

/// One facet's values with how many events each would show, given the other filters.
pub type Counts<T> = Vec<(T, usize)>;

/// Every facet's counts, as a filter panel shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub kinds: Counts<EventKind>,
    pub sectors: Counts<Sector>,
    pub sides: Counts<Side>,
    pub languages: Counts<Language>,
    /// By document index.
    pub articles: Counts<usize>,
    /// Empty when every article has the same origin (nothing to choose).
    pub origins: Counts<Origin>,
}

/// Which facet a count leaves out of the filters.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Kind,
    Sector,
    Side,
    Language,
    Article,
    Origin,
    None,
}

impl Atlas {
    /// Indexes an extraction. Events whose `file` names no document keep `usize::MAX` as
    /// their document and are never shown.
    pub fn new(extraction: Extraction) -> Atlas {
        let own_from = extraction.documents.len();
        Atlas::with_own(extraction, own_from)
    }

    /// Indexes an extraction whose documents from `own_from` on are the person's own.
    pub fn with_own(extraction: Extraction, own_from: usize) -> Atlas {
        let Extraction { documents, events } = extraction;
        let document_of = events
            .iter()
            .map(|e| documents.iter().position(|d| d.file == e.file).unwrap_or(usize::MAX))
            .collect();
        let extents = events.iter().map(|e| e.date.map(extent)).collect();
        let sides = events.iter().map(event_sides).collect();
        let search = SearchIndex::new(
            events
                .iter()
                .map(searchable_text)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        Atlas {
            documents,
            events,
            document_of,
            extents,
            own_from,
            sides,
            search,
        }
    }

    /// Where a document comes from.
    pub fn origin(&self, document: usize) -> Origin {
        if document >= self.own_from {
            Origin::Mine
        } else {
            Origin::Atlas
        }
    }

    /// The events that pass every filter, in extraction order.
    pub fn matching(&self, filters: &Filters) -> Vec<usize> {
        self.passing(filters, Facet::None)
    }

    /// The events that pass every filter but the time window: what the timeline draws (the
    /// window is drawn over them).
    pub fn matching_any_time(&self, filters: &Filters) -> Vec<usize> {
        let filters = Filters {
            window: None,
            ..filters.clone()
        };
        self.passing(&filters, Facet::None)
    }

    fn passing(&self, filters: &Filters, ignore: Facet) -> Vec<usize> {
        let searched = self.search.matching(&filters.query);
        let mut out = Vec::new();
        for (n, event) in self.events.iter().enumerate() {
            let document = self.document_of[n];
            let Some(doc) = self.documents.get(document) else {
                continue;
            };
            let ok = (ignore == Facet::Kind || filters.kinds.is_empty() || filters.kinds.contains(&event.kind))
                && (ignore == Facet::Sector
                    || filters.sectors.is_empty()
                    || event.sectors.iter().any(|s| filters.sectors.contains(s)))
                && (ignore == Facet::Side
                    || filters.sides.is_empty()
                    || self.sides[n].iter().any(|s| filters.sides.contains(s)))
                && (ignore == Facet::Language || filters.languages.is_empty() || filters.languages.contains(&doc.lang))
                && (ignore == Facet::Article || filters.articles.is_empty() || filters.articles.contains(&doc.file))
                && (ignore == Facet::Origin
                    || filters.origins.is_empty()
                    || filters.origins.contains(&self.origin(document)))
                && filters
                    .window
                    .is_none_or(|window| self.extents[n].is_some_and(|e| window.meets(e)))
                && searched
                    .as_ref()
                    .is_none_or(|found| found.binary_search(&(n as u32)).is_ok());
            if ok {
                out.push(n);
            }
        }
        out
    }

    /// For each facet, each value's count among the events that pass the other filters (so a
    /// count says what ticking that value would show).
    pub fn facets(&self, filters: &Filters) -> Facets {
        let kinds_pool = self.passing(filters, Facet::Kind);
        let sectors_pool = self.passing(filters, Facet::Sector);
        let sides_pool = self.passing(filters, Facet::Side);
        let languages_pool = self.passing(filters, Facet::Language);
        let articles_pool = self.passing(filters, Facet::Article);
        let origins = if self.own_from > 0 && self.own_from < self.documents.len() {
            let pool = self.passing(filters, Facet::Origin);
            [Origin::Atlas, Origin::Mine]
                .into_iter()
                .map(|o| {
                    (
                        o,
                        pool.iter().filter(|&&n| self.origin(self.document_of[n]) == o).count(),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let languages: Vec<Language> = {
            let mut seen: Vec<Language> = Vec::new();
            for doc in &self.documents {
                if !seen.contains(&doc.lang) {
                    seen.push(doc.lang);
                }
            }
            seen
        };
        Facets {
            kinds: ALL_KINDS
                .iter()
                .map(|&k| (k, kinds_pool.iter().filter(|&&n| self.events[n].kind == k).count()))
                .filter(|&(k, c)| c > 0 || filters.kinds.contains(&k))
                .collect(),
            sectors: ALL_SECTORS
                .iter()
                .map(|&s| {
                    (
                        s,
                        sectors_pool
                            .iter()
                            .filter(|&&n| self.events[n].sectors.contains(&s))
                            .count(),
                    )
                })
                .filter(|&(s, c)| c > 0 || filters.sectors.contains(&s))
                .collect(),
            sides: [Side::China, Side::Uk]
                .iter()
                .map(|&s| (s, sides_pool.iter().filter(|&&n| self.sides[n].contains(&s)).count()))
                .collect(),
            languages: languages
                .iter()
                .map(|&l| {
                    let count = languages_pool
                        .iter()
                        .filter(|&&n| self.documents[self.document_of[n]].lang == l)
                        .count();
                    (l, count)
                })
                .collect(),
            articles: (0..self.documents.len())
                .map(|d| (d, articles_pool.iter().filter(|&&n| self.document_of[n] == d).count()))
                .collect(),
            origins,
        }
    }

    /// The first and last day of all dated events.
    pub fn time_bounds(&self) -> Option<(Day, Day)> {
        let first = self.extents.iter().flatten().map(|e| e.0).min()?;
        let last = self.extents.iter().flatten().map(|e| e.1).max()?;
        Some((first, last))
    }

    /// `events` sorted by date (undated last), then by their order in the extraction.
    pub fn by_date(&self, events: &[usize]) -> Vec<usize> {
        let mut sorted = events.to_vec();
        sorted.sort_by_key(|&n| (self.extents[n].is_none(), self.extents[n].map(|e| e.0), n));
        sorted
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }

    /// The sides an event involves.
    pub fn sides_of(&self, event: usize) -> &[Side] {
        &self.sides[event]
    }

    /// The document an event comes from.
    pub fn document(&self, event: usize) -> Option<&DocumentView> {
        self.documents.get(self.document_of[event])
    }
}

fn event_sides(event: &EventView) -> Vec<Side> {
    let mut sides = Vec::new();
    let found = event
        .actors
        .iter()
        .filter_map(|a| a.country)
        .chain(event.places.iter().map(|p| p.side()));
    for side in found.filter(|s| *s != Side::Other) {
        if !sides.contains(&side) {
            sides.push(side);
        }
    }
    sides
}

/// What a search looks through: the event's sentences, actors, places and figures.
fn searchable_text(event: &EventView) -> String {
    let mut text = String::new();
    for part in event
        .evidence
        .iter()
        .map(|e| e.text.as_str())
        .chain(event.actors.iter().map(|a| a.name.as_str()))
        .chain(
            event
                .places
                .iter()
                .flat_map(|p| [p.name.as_str(), p.canonical.as_str()]),
        )
        .chain(event.figures.iter().map(|f| f.text.as_str()))
    {
        text.push_str(part);
        text.push('\n');
    }
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus::bundled_corpus;
    use crate::time::{day_number, TimeWindow};

    fn atlas() -> Atlas {
        Atlas::new(bundled_corpus().extraction.clone())
    }

    #[test]
    fn the_persons_own_articles_are_an_origin_to_filter_by() {
        let corpus = &bundled_corpus().extraction;
        assert!(
            atlas().facets(&Filters::default()).origins.is_empty(),
            "nothing to choose without own articles"
        );
        // The last article stands in for one the person added.
        let own_from = corpus.documents.len() - 1;
        let atlas = Atlas::with_own(corpus.clone(), own_from);
        let own_file = &corpus.documents[own_from].file;
        let own_events = corpus.events.iter().filter(|e| &e.file == own_file).count();
        assert!(own_events > 0);
        let facets = atlas.facets(&Filters::default());
        assert_eq!(
            facets.origins,
            vec![
                (Origin::Atlas, corpus.events.len() - own_events),
                (Origin::Mine, own_events)
            ]
        );
        let mine = Filters {
            origins: vec![Origin::Mine],
            ..Filters::default()
        };
        let shown = atlas.matching(&mine);
        assert_eq!(shown.len(), own_events);
        assert!(shown
            .iter()
            .all(|&n| atlas.origin(atlas.document_of[n]) == Origin::Mine));
    }

    #[test]
    fn searching_astrazeneca_finds_the_one_event_that_names_it() {
        let atlas = atlas();
        let found = atlas.matching(&Filters {
            query: "AstraZeneca".into(),
            ..Filters::default()
        });
        assert_eq!(found.len(), 1);
        assert!(atlas.events[found[0]]
            .evidence
            .iter()
            .any(|e| e.text.contains("AstraZeneca")));
    }

    #[test]
    fn a_time_window_leaves_out_undated_events_and_those_outside_it() {
        let atlas = atlas();
        let all = atlas.matching(&Filters::default());
        assert_eq!(all.len(), atlas.events.len());
        let (first, last) = atlas.time_bounds().unwrap();
        let window = TimeWindow::between(first, first + (last - first) / 2);
        let inside = atlas.matching(&Filters {
            window: Some(window),
            ..Filters::default()
        });
        assert!(!inside.is_empty() && inside.len() < all.len());
        assert!(inside
            .iter()
            .all(|&n| atlas.extents[n].is_some_and(|e| window.meets(e))));
        assert_eq!(
            atlas.matching_any_time(&Filters {
                window: Some(window),
                ..Filters::default()
            }),
            all
        );
    }

    #[test]
    fn facet_counts_say_what_ticking_a_value_would_show() {
        let atlas = atlas();
        let filters = Filters {
            kinds: vec![EventKind::Visit],
            ..Filters::default()
        };
        let facets = atlas.facets(&filters);
        // Kind counts ignore the kind filter itself: ticking "agreement" too adds its count.
        for &(kind, count) in &facets.kinds {
            let alone = atlas.matching(&Filters {
                kinds: vec![kind],
                ..Filters::default()
            });
            assert_eq!(count, alone.len(), "{kind:?}");
        }
        // Other facets count within the visits.
        let visits = atlas.matching(&filters).len();
        let per_article: usize = facets.articles.iter().map(|(_, c)| c).sum();
        assert_eq!(per_article, visits);
    }

    #[test]
    fn events_sort_by_date_with_undated_ones_last() {
        let atlas = atlas();
        let sorted = atlas.by_date(&atlas.matching(&Filters::default()));
        let days: Vec<Option<Day>> = sorted.iter().map(|&n| atlas.extents[n].map(|e| e.0)).collect();
        let dated = days.iter().take_while(|d| d.is_some()).count();
        assert!(days[dated..].iter().all(Option::is_none));
        assert!(days[..dated].windows(2).all(|w| w[0] <= w[1]));
        assert!(day_number(2000, 1, 1) < days[0].unwrap());
    }
}
