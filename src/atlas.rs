//! The events the app shows, read once and indexed: which pass the filters, how many each
//! filter value would show, their days on the time line. Immutable data, not signals: the
//! signals hold only the filters (see `context.rs`).

use crate::extraction::{DocumentView, EventKind, EventView, Extraction, Sector, Side};
use crate::search::{SearchIndex, SearchIndexBuilder};
use crate::state::{Filters, Origin, ALL_KINDS, ALL_SECTORS};
use crate::time::{extent, Day};
use atlas_extract::Language;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

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
    /// What the filters test of each event, packed: filtering and counting read these
    /// 12 bytes an event, not the events themselves (100,000 of those do not fit a cache).
    facts: Vec<Facts>,
    /// The articles' languages, in order of first appearance (`Facts::language` indexes it).
    languages: Vec<Language>,
    /// Event indices sorted by id, for finding an event from a link.
    by_id: Vec<u32>,
    /// Event indices by date (undated last), then extraction order; and each event's place
    /// in that order. Sorting a filtered set is then a pass, not a sort.
    date_order: Vec<u32>,
    date_rank: Vec<u32>,
    /// Built on the first search, not with the page: most views never search, and on a big
    /// dataset the index costs more than drawing everything.
    search: OnceLock<SearchIndex>,
    /// The search index while it is built in slices (see `index_search_step`).
    search_builder: Mutex<SearchIndexBuilder>,
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

/// The facets an event can fail, as bits: a facet's counts ignore its own filter, so an event
/// failing exactly one facet still counts for that one.
mod facet {
    pub const KIND: u8 = 1;
    pub const SECTOR: u8 = 1 << 1;
    pub const SIDE: u8 = 1 << 2;
    pub const LANGUAGE: u8 = 1 << 3;
    pub const ARTICLE: u8 = 1 << 4;
    pub const ORIGIN: u8 = 1 << 5;
}

/// An event as the filters see it.
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// Index into `ALL_KINDS`.
    kind: u8,
    /// Bit `i` for `ALL_SECTORS[i]`.
    sectors: u16,
    /// Bit 0: China, bit 1: the UK.
    sides: u8,
    /// Index into `Atlas::languages`.
    language: u8,
    /// `u32::MAX` when the event's file names no document.
    document: u32,
}

/// Filters as bit masks over `Facts` (`None`: that facet does not filter), the search answered
/// once as a membership table, and the article files as a table by document.
struct Prepared {
    kinds: Option<u16>,
    sectors: Option<u16>,
    sides: Option<u8>,
    languages: Option<u32>,
    articles: Option<Vec<bool>>,
    origins: Option<u8>,
    window: Option<crate::time::TimeWindow>,
    searched: Option<Vec<bool>>,
}

/// The bits of the `values` found in `all`; `None` when `values` is empty (no filter).
fn mask<T: PartialEq>(values: &[T], all: &[T]) -> Option<u32> {
    (!values.is_empty()).then(|| {
        all.iter()
            .enumerate()
            .filter(|(_, v)| values.contains(v))
            .fold(0, |mask, (i, _)| mask | (1 << i))
    })
}

const SIDES: [Side; 2] = [Side::China, Side::Uk];

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
        let mut document_by_file: HashMap<&str, usize> = HashMap::with_capacity(documents.len());
        for (n, document) in documents.iter().enumerate().rev() {
            // Reversed so that, as before, a file named twice resolves to its first document.
            document_by_file.insert(document.file.as_str(), n);
        }
        let document_of = events
            .iter()
            .map(|e| document_by_file.get(e.file.as_str()).copied().unwrap_or(usize::MAX))
            .collect();
        let extents: Vec<Option<(Day, Day)>> = events.iter().map(|e| e.date.map(extent)).collect();
        let mut languages: Vec<Language> = Vec::new();
        for document in &documents {
            if !languages.contains(&document.lang) {
                languages.push(document.lang);
            }
        }
        let facts = events
            .iter()
            .zip(&document_of)
            .map(|(event, &document)| Facts {
                kind: ALL_KINDS.iter().position(|&k| k == event.kind).unwrap_or(0) as u8,
                sectors: mask(&event.sectors, &ALL_SECTORS).unwrap_or(0) as u16,
                sides: mask(&event_sides(event), &SIDES).unwrap_or(0) as u8,
                language: documents
                    .get(document)
                    .and_then(|d: &DocumentView| languages.iter().position(|&l| l == d.lang))
                    .unwrap_or(0) as u8,
                document: u32::try_from(document).unwrap_or(u32::MAX),
            })
            .collect();
        let mut by_id: Vec<u32> = (0..events.len() as u32).collect();
        // Stable: with an id used twice, the first event stays first and links open it.
        by_id.sort_by(|&a, &b| events[a as usize].id.cmp(&events[b as usize].id));
        let mut date_order: Vec<u32> = (0..events.len() as u32).collect();
        // Each key is unique (it ends with the index), so an unstable sort gives the one order.
        date_order.sort_unstable_by_key(|&n| {
            let extent = extents[n as usize];
            (extent.is_none(), extent.map(|e| e.0), n)
        });
        let mut date_rank = vec![0; events.len()];
        for (rank, &n) in date_order.iter().enumerate() {
            date_rank[n as usize] = rank as u32;
        }
        Atlas {
            documents,
            events,
            document_of,
            extents,
            own_from,
            facts,
            languages,
            by_id,
            date_order,
            date_rank,
            search: OnceLock::new(),
            search_builder: Mutex::new(SearchIndexBuilder::default()),
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
        let prepared = self.prepare(filters, true);
        (0..self.events.len())
            .filter(|&n| self.failed_facets(n, &prepared) == Some(0))
            .collect()
    }

    /// The events that pass every filter but the time window: what the timeline draws (the
    /// window is drawn over them).
    pub fn matching_any_time(&self, filters: &Filters) -> Vec<usize> {
        let prepared = self.prepare(filters, false);
        (0..self.events.len())
            .filter(|&n| self.failed_facets(n, &prepared) == Some(0))
            .collect()
    }

    /// Indexes up to `events` more events for search; `true` once the index is complete.
    /// The page calls it between frames after the first draw, so that the first search
    /// finds the index built.
    pub fn index_search_step(&self, events: usize) -> bool {
        if self.search.get().is_some() {
            return true;
        }
        let mut builder = self.search_builder.lock().unwrap_or_else(PoisonError::into_inner);
        let start = builder.len();
        let end = start.saturating_add(events).min(self.events.len());
        for event in &self.events[start..end] {
            builder.add(searchable_parts(event));
        }
        if end < self.events.len() {
            return false;
        }
        let index = std::mem::take(&mut *builder).finish();
        let _ = self.search.set(index);
        true
    }

    fn search_index(&self) -> &SearchIndex {
        self.index_search_step(usize::MAX);
        self.search.get().expect("a complete index after the last step")
    }

    fn prepare(&self, filters: &Filters, use_window: bool) -> Prepared {
        let searched = (!filters.query.trim().is_empty())
            .then(|| self.search_index().matching(&filters.query))
            .flatten()
            .map(|found| {
                let mut member = vec![false; self.events.len()];
                for n in found {
                    if let Some(slot) = member.get_mut(n as usize) {
                        *slot = true;
                    }
                }
                member
            });
        let articles = (!filters.articles.is_empty()).then(|| {
            self.documents
                .iter()
                .map(|d| filters.articles.contains(&d.file))
                .collect()
        });
        Prepared {
            kinds: mask(&filters.kinds, &ALL_KINDS).map(|m| m as u16),
            sectors: mask(&filters.sectors, &ALL_SECTORS).map(|m| m as u16),
            sides: mask(&filters.sides, &SIDES).map(|m| m as u8),
            languages: mask(&filters.languages, &self.languages),
            articles,
            origins: mask(&filters.origins, &[Origin::Atlas, Origin::Mine]).map(|m| m as u8),
            window: filters.window.filter(|_| use_window),
            searched,
        }
    }

    /// The facets event `n` fails, or `None` when it fails what no count ignores (its article
    /// is missing, the time window, the search).
    fn failed_facets(&self, n: usize, prepared: &Prepared) -> Option<u8> {
        let facts = self.facts[n];
        if facts.document == u32::MAX {
            return None;
        }
        if let Some(window) = prepared.window {
            if !self.extents[n].is_some_and(|e| window.meets(e)) {
                return None;
            }
        }
        if prepared.searched.as_ref().is_some_and(|member| !member[n]) {
            return None;
        }
        let misses = |filter: Option<u32>, bits: u32| filter.is_some_and(|mask| mask & bits == 0);
        let mut failed = 0;
        if misses(prepared.kinds.map(u32::from), 1 << facts.kind) {
            failed |= facet::KIND;
        }
        if misses(prepared.sectors.map(u32::from), u32::from(facts.sectors)) {
            failed |= facet::SECTOR;
        }
        if misses(prepared.sides.map(u32::from), u32::from(facts.sides)) {
            failed |= facet::SIDE;
        }
        if misses(prepared.languages, 1 << facts.language) {
            failed |= facet::LANGUAGE;
        }
        if prepared.articles.as_ref().is_some_and(|a| !a[facts.document as usize]) {
            failed |= facet::ARTICLE;
        }
        let origin = self.origin(facts.document as usize);
        if misses(prepared.origins.map(u32::from), 1 << (origin == Origin::Mine) as u32) {
            failed |= facet::ORIGIN;
        }
        Some(failed)
    }

    /// For each facet, each value's count among the events that pass the other filters (so a
    /// count says what ticking that value would show). One pass over the events: one that
    /// fails no facet counts everywhere, one that fails a single facet counts for that facet.
    pub fn facets(&self, filters: &Filters) -> Facets {
        let prepared = self.prepare(filters, true);
        let mut kinds = [0usize; ALL_KINDS.len()];
        let mut sectors = [0usize; ALL_SECTORS.len()];
        let mut sides = [0usize; SIDES.len()];
        let mut languages = vec![0usize; self.languages.len()];
        let mut articles = vec![0usize; self.documents.len()];
        let mut origins = [0usize; 2];
        let counts_for = |failed: u8, facet: u8| failed == 0 || failed == facet;
        for n in 0..self.events.len() {
            let Some(failed) = self.failed_facets(n, &prepared) else {
                continue;
            };
            if failed.count_ones() > 1 {
                continue;
            }
            let facts = self.facts[n];
            if counts_for(failed, facet::KIND) {
                kinds[usize::from(facts.kind)] += 1;
            }
            if counts_for(failed, facet::SECTOR) {
                add_bits(&mut sectors, u32::from(facts.sectors));
            }
            if counts_for(failed, facet::SIDE) {
                add_bits(&mut sides, u32::from(facts.sides));
            }
            if counts_for(failed, facet::LANGUAGE) {
                languages[usize::from(facts.language)] += 1;
            }
            if counts_for(failed, facet::ARTICLE) {
                articles[facts.document as usize] += 1;
            }
            if counts_for(failed, facet::ORIGIN) {
                origins[usize::from(self.origin(facts.document as usize) == Origin::Mine)] += 1;
            }
        }
        let has_own = self.own_from > 0 && self.own_from < self.documents.len();
        Facets {
            kinds: ALL_KINDS
                .into_iter()
                .zip(kinds)
                .filter(|&(k, c)| c > 0 || filters.kinds.contains(&k))
                .collect(),
            sectors: ALL_SECTORS
                .into_iter()
                .zip(sectors)
                .filter(|&(s, c)| c > 0 || filters.sectors.contains(&s))
                .collect(),
            sides: SIDES.into_iter().zip(sides).collect(),
            languages: self.languages.iter().copied().zip(languages).collect(),
            articles: articles.into_iter().enumerate().collect(),
            origins: if has_own {
                vec![(Origin::Atlas, origins[0]), (Origin::Mine, origins[1])]
            } else {
                Vec::new()
            },
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
        // A large share of all events: walk the date order once. A few: sort them by rank.
        if events.len() > self.events.len() / 16 {
            let mut member = vec![false; self.events.len()];
            for &n in events {
                member[n] = true;
            }
            self.date_order
                .iter()
                .map(|&n| n as usize)
                .filter(|&n| member[n])
                .collect()
        } else {
            let mut sorted = events.to_vec();
            sorted.sort_unstable_by_key(|&n| self.date_rank[n]);
            sorted.dedup();
            sorted
        }
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<usize> {
        let at = self
            .by_id
            .partition_point(|&n| self.events[n as usize].id.as_str() < id);
        let &n = self.by_id.get(at)?;
        (self.events[n as usize].id == id).then_some(n as usize)
    }

    /// The sides an event involves.
    pub fn sides_of(&self, event: usize) -> Vec<Side> {
        let bits = self.facts[event].sides;
        SIDES
            .into_iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, side)| side)
            .collect()
    }

    /// The document an event comes from.
    pub fn document(&self, event: usize) -> Option<&DocumentView> {
        self.documents.get(self.document_of[event])
    }
}

/// Adds one to the count of each bit set in `bits`.
fn add_bits(counts: &mut [usize], bits: u32) {
    for (i, count) in counts.iter_mut().enumerate() {
        *count += ((bits >> i) & 1) as usize;
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
fn searchable_parts(event: &EventView) -> impl Iterator<Item = &str> {
    event
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
    fn a_search_index_built_in_slices_finds_what_one_built_at_once_does() {
        let sliced = atlas();
        let mut steps = 1;
        while !sliced.index_search_step(3) {
            steps += 1;
        }
        assert!(steps > 2, "the corpus took {steps} slices of 3 events");
        let at_once = atlas();
        for query in ["AstraZeneca", "lon", "cooperation forum", "伦敦", "合作", "zzz"] {
            let filters = Filters {
                query: query.into(),
                ..Filters::default()
            };
            assert_eq!(sliced.matching(&filters), at_once.matching(&filters), "{query}");
        }
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
    fn one_pass_facet_counts_equal_counting_with_that_facet_cleared() {
        let corpus = &bundled_corpus().extraction;
        let atlas = Atlas::with_own(corpus.clone(), corpus.documents.len() - 1);
        let (first, last) = atlas.time_bounds().unwrap();
        let some_filters = [
            Filters::default(),
            Filters {
                kinds: vec![EventKind::Visit, EventKind::Agreement],
                sides: vec![Side::Uk],
                ..Filters::default()
            },
            Filters {
                sectors: vec![ALL_SECTORS[0], ALL_SECTORS[3]],
                languages: vec![Language::English],
                origins: vec![Origin::Atlas],
                window: Some(TimeWindow::between(first, first + (last - first) / 3)),
                ..Filters::default()
            },
            Filters {
                articles: vec![corpus.documents[1].file.clone()],
                query: "cooperation".into(),
                kinds: vec![EventKind::Forum],
                ..Filters::default()
            },
        ];
        for filters in &some_filters {
            let facets = atlas.facets(filters);
            let count_without = |clear: &dyn Fn(&mut Filters), keep: &dyn Fn(usize) -> bool| {
                let mut cleared = filters.clone();
                clear(&mut cleared);
                atlas.matching(&cleared).into_iter().filter(|&n| keep(n)).count()
            };
            for &(kind, count) in &facets.kinds {
                let expected = count_without(&|f| f.kinds.clear(), &|n| atlas.events[n].kind == kind);
                assert_eq!(count, expected, "{kind:?} with {filters:?}");
            }
            for &(sector, count) in &facets.sectors {
                let expected = count_without(&|f| f.sectors.clear(), &|n| atlas.events[n].sectors.contains(&sector));
                assert_eq!(count, expected, "{sector:?} with {filters:?}");
            }
            for &(side, count) in &facets.sides {
                let expected = count_without(&|f| f.sides.clear(), &|n| atlas.sides_of(n).contains(&side));
                assert_eq!(count, expected, "{side:?} with {filters:?}");
            }
            for &(lang, count) in &facets.languages {
                let expected = count_without(&|f| f.languages.clear(), &|n| atlas.document(n).unwrap().lang == lang);
                assert_eq!(count, expected, "{lang:?} with {filters:?}");
            }
            for &(document, count) in &facets.articles {
                let expected = count_without(&|f| f.articles.clear(), &|n| atlas.document_of[n] == document);
                assert_eq!(count, expected, "article {document} with {filters:?}");
            }
            for &(origin, count) in &facets.origins {
                let expected = count_without(&|f| f.origins.clear(), &|n| {
                    atlas.origin(atlas.document_of[n]) == origin
                });
                assert_eq!(count, expected, "{origin:?} with {filters:?}");
            }
        }
    }

    #[test]
    fn an_event_is_found_by_its_id_and_a_repeated_id_opens_the_first() {
        let mut extraction = bundled_corpus().extraction.clone();
        let atlas = Atlas::new(extraction.clone());
        for (n, event) in atlas.events.iter().enumerate() {
            assert_eq!(atlas.event_by_id(&event.id), Some(n));
        }
        assert_eq!(atlas.event_by_id("no such event"), None);
        let last = extraction.events.len() - 1;
        extraction.events[last].id = extraction.events[0].id.clone();
        let atlas = Atlas::new(extraction);
        assert_eq!(atlas.event_by_id(&atlas.events[0].id), Some(0));
    }

    #[test]
    fn sorting_by_date_a_few_events_or_most_gives_the_same_order() {
        let atlas = atlas();
        let naive = |events: &[usize]| {
            let mut sorted = events.to_vec();
            sorted.sort_by_key(|&n| (atlas.extents[n].is_none(), atlas.extents[n].map(|e| e.0), n));
            sorted
        };
        let all: Vec<usize> = (0..atlas.events.len()).rev().collect();
        let every_third: Vec<usize> = all.iter().copied().step_by(3).collect();
        let one = vec![all[all.len() / 2]];
        for events in [&all, &every_third, &one, &Vec::new()] {
            assert_eq!(atlas.by_date(events), naive(events));
        }
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
