use crate::atlas::Atlas;
use crate::components::{
    Credits, EventCard, EventList, FigureChart, FilterPanel, Header, LoadErrors, MapView, MinePanel, Reader, Timeline,
    UrlProblems,
};
use crate::context::AtlasContext;
use crate::corpus::bundled_corpus;
use crate::extraction::Extraction;
use crate::hooks::{after_first_frame, browser_ui_lang, current_query, use_embed_height, use_theme, use_url_sync};
use crate::mine::session::MineSession;
use crate::mine::{combined, Decision};
use crate::state::QueryProblem;
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The bundled corpus, indexed once for the page's life.
pub fn bundled_atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::new(bundled_corpus().extraction.clone()))
}

/// The whole page, its view read from the URL: the bundled corpus, or the dataset the URL
/// names (fetched first).
#[component]
pub fn App() -> impl IntoView {
    let (view, problems) = ViewState::from_query(&current_query());
    let Some(url) = view.dataset.clone() else {
        let errors = &bundled_corpus().errors;
        return view! { <OwnPage base=bundled_atlas() load_errors=errors view problems /> }.into_any();
    };
    let ui = view.ui.unwrap_or_else(browser_ui_lang);
    let progress = RwSignal::new(crate::dataset::Progress::default());
    let loaded = LocalResource::new(move || {
        let url = url.clone();
        async move { load_dataset(&url, progress.write_only()).await }
    });
    // A Transition, not a Suspense: the fallback shows while the dataset loads, and never again.
    // Under a Suspense, any chunk fetched later below it (the chart's, the panel's) put the
    // whole page back to "Loading the dataset…" until it arrived.
    let loading = move || {
        view! {
            <p class="loading" role="status">
                {ui.strings().loading_dataset}
                <br />
                <span class="loading-progress">
                    {move || progress.with(|p| ui.dataset_progress(p.read, p.total))}
                </span>
            </p>
        }
    };
    view! {
        <Transition fallback=loading>
            {move || {
                let (view, problems) = (view.clone(), problems.clone());
                loaded.get().map(|result| match result {
                    Ok((atlas, notes)) => {
                        view! { <OwnPage base=atlas load_errors=notes view problems /> }.into_any()
                    }
                    Err(message) => view! { <DatasetError message ui /> }.into_any(),
                })
            }}
        </Transition>
    }
    .into_any()
}

/// The atlas on its own page: `base` (the bundled corpus or a dataset) with the events the
/// person accepted from their own articles. When those change, the explorer is built anew
/// with the view the URL holds; the articles themselves live above it, in `MineSession`.
#[component]
fn OwnPage(
    base: &'static Atlas,
    load_errors: &'static [String],
    view: ViewState,
    problems: Vec<QueryProblem>,
) -> impl IntoView {
    let session = MineSession::provide(base.documents.iter().map(|d| d.file.clone()).collect());
    // What the atlas shows of the person's articles: a rebuild only when this changes.
    let shown = Memo::new(move |_| {
        session.shown.track();
        session.articles.with_untracked(|articles| {
            articles
                .iter()
                .map(|a| (a.file.clone(), a.decisions.values().cloned().collect::<Vec<Decision>>()))
                .collect::<Vec<_>>()
        })
    });
    let first_view = StoredValue::new(Some((view, problems)));
    move || {
        // Read, not only tracked: a memo that is never read never runs, and so never learns
        // of the changes it derives from.
        shown.with(|_| ());
        let articles = session.articles.get_untracked();
        let atlas = if articles.is_empty() {
            base
        } else {
            let all = combined(
                Extraction {
                    documents: base.documents.clone(),
                    events: base.events.clone(),
                },
                &articles,
            );
            // Each set of the person's events is indexed once and kept for the page's life:
            // the explorer's views borrow it. Sets change at the pace of a person's clicks.
            &*Box::leak(Box::new(Atlas::with_own(all, base.documents.len())))
        };
        let (view, problems) = first_view
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ViewState::from_query(&current_query()));
        view! { <Explorer atlas load_errors view problems own_url=true /> }
    }
}

/// A dataset, indexed, with what did not fit in it; both live for the page's life.
async fn load_dataset(
    url: &str,
    progress: WriteSignal<crate::dataset::Progress>,
) -> Result<(&'static Atlas, &'static [String]), String> {
    #[cfg(target_arch = "wasm32")]
    let extraction = crate::dataset::fetch(url, progress).await?;
    #[cfg(not(target_arch = "wasm32"))]
    let extraction: crate::extraction::Extraction = {
        let _ = progress;
        Err(format!("{url}: datasets are read in the browser"))?
    };
    let notes = crate::dataset::problems(&extraction, 20);
    Ok((Box::leak(Box::new(Atlas::new(extraction))), Vec::leak(notes)))
}

/// Marks `atlas:drawn` in the browser's performance timeline after the first frame that shows
/// the atlas (two animation frames after mounting): what the first-view benchmark measures.
fn mark_first_draw() {
    after_first_frame(|| {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("atlas:drawn");
        }
    });
}

/// Events indexed for search per slice: a few milliseconds of work, so that building the
/// index of a big dataset never holds up a frame or a keystroke for long.
const SEARCH_INDEX_SLICE: usize = 500;

/// Builds the search index in slices after the first draw, each in a task of its own, so the
/// first search finds it ready (a search before that finishes it at once). It starts once the
/// first frame is out (as `mark_first_draw` sees it): slices queued sooner ran ahead of that
/// frame, 100 ms of them at 10,000 events.
fn index_for_search(atlas: &'static Atlas) {
    fn step(atlas: &'static Atlas) {
        if !atlas.index_search_step(SEARCH_INDEX_SLICE) {
            set_timeout(move || step(atlas), std::time::Duration::ZERO);
        }
    }
    after_first_frame(move || set_timeout(move || step(atlas), std::time::Duration::ZERO));
}

/// Why the dataset did not open, and the way to the bundled atlas.
#[component]
fn DatasetError(message: String, ui: crate::state::UiLang) -> impl IntoView {
    view! {
        <div class="atlas">
            <div class="load-errors" role="alert">
                <h1>"Cooperation Atlas"</h1>
                <p>{message}</p>
                <p><a href="?">{ui.strings().open_bundled_atlas}</a></p>
            </div>
        </div>
    }
}

/// The explorer for a given view: the page's own (`App`) or one embedded by `mount_to`, which
/// leaves the host page's URL alone.
#[component]
pub fn Explorer(
    atlas: &'static Atlas,
    /// Articles or records that could not be read, shown above the atlas.
    load_errors: &'static [String],
    view: ViewState,
    problems: Vec<crate::state::QueryProblem>,
    own_url: bool,
) -> impl IntoView {
    let context = AtlasContext::provide(atlas, view, browser_ui_lang(), problems);
    use_url_sync(context, own_url);
    use_embed_height(context.embed.get_untracked());
    let theme = use_theme(own_url);
    let shown_theme = theme.theme;
    let ui = context.ui;
    let lang = move || match ui.get() {
        crate::state::UiLang::Zh => "zh-Hans",
        crate::state::UiLang::En => "en",
    };
    // On its own page the atlas is the document: its language is the page's.
    if own_url {
        Effect::new(move |_| {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang());
            }
        });
    }
    mark_first_draw();
    index_for_search(atlas);
    view! {
        <div class="atlas" class:embed=move || context.embed.get() data-theme=move || shown_theme.get().tag() lang=lang>
            <Header theme />
            <UrlProblems />
            <LoadErrors errors=load_errors />
            <div class="workspace">
                <FilterPanel />
                <div class="views">
                    <MapView />
                    <Timeline />
                </div>
                <aside class="details">
                    <EventCard />
                    <Reader />
                    <EventList />
                </aside>
            </div>
            <FigureChart />
            <Credits />
            <MinePanel />
        </div>
    }
}
