use crate::atlas::Atlas;
use crate::components::{
    Credits, EventCard, EventList, FigureChart, FilterPanel, Header, LoadErrors, MapView, Reader, Timeline, UrlProblems,
};
use crate::context::AtlasContext;
use crate::corpus::bundled_corpus;
use crate::hooks::{browser_ui_lang, current_query, use_embed_height, use_theme, use_url_sync};
use crate::state::ViewState;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The bundled corpus, indexed once for the page's life.
fn bundled_atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::new(bundled_corpus().extraction.clone()))
}

/// The whole page, its view read from the URL.
#[component]
pub fn App() -> impl IntoView {
    let (view, problems) = ViewState::from_query(&current_query());
    view! { <Explorer view problems own_url=true /> }
}

/// The explorer for a given view: the page's own (`App`) or one embedded by `mount_to`, which
/// leaves the host page's URL alone.
#[component]
pub fn Explorer(view: ViewState, problems: Vec<crate::state::QueryProblem>, own_url: bool) -> impl IntoView {
    let context = AtlasContext::provide(bundled_atlas(), view, browser_ui_lang(), problems);
    use_url_sync(context, own_url);
    use_embed_height(context.embed.get_untracked());
    let theme = use_theme();
    let ui = context.ui;
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(
                "lang",
                if ui.get() == crate::state::UiLang::Zh {
                    "zh-Hans"
                } else {
                    "en"
                },
            );
        }
    });
    let errors = &bundled_corpus().errors;
    view! {
        <div class="atlas" class:embed=move || context.embed.get()>
            <Header theme />
            <UrlProblems />
            <LoadErrors errors />
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
        </div>
    }
}
