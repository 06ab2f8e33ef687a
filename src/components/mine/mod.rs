//! "My articles": the panel where a person adds articles, reviews the events the engine
//! proposes, and keeps or removes them. Only on the atlas's own page (an embed shows a view).

mod add_form;
mod article_details;
mod article_review;
mod bundle_actions;
mod disclosure;
mod event_review;
mod notices;
mod place_picker;
mod text_field;

use crate::context::use_atlas;
use crate::lazy::split_off;
use crate::mine::session::{use_mine, Engine, MineSession};
use add_form::AddForm;
use article_review::ArticleReview;
use bundle_actions::BundleActions;
use leptos::prelude::*;
use notices::Notices;

/// The header's button that opens the panel; nothing when the page has no session.
#[component]
pub fn MineButton() -> impl IntoView {
    let ui = use_atlas().ui;
    use_mine().map(|session| {
        let count = move || session.articles.with(Vec::len);
        view! {
            <button
                type="button"
                class="mine-open"
                aria-expanded=move || session.panel_open.get().to_string()
                on:click=move |_| session.panel_open.update(|open| *open = !*open)
            >
                {move || ui.get().mine().open_panel}
                {move || (count() > 0).then(|| format!(" ({})", count()))}
            </button>
        }
    })
}

/// The panel, when open. Its code (the forms, the review, the engine's worker, the bundle's zip)
/// is a chunk of its own, fetched the first time the panel opens: the first view never needs it.
#[component]
pub fn MinePanel() -> impl IntoView {
    use_mine().map(|session| {
        view! {
            <Show when=move || session.panel_open.get()>
                <Transition>{move || Suspend::new(async move { panel(session).await })}</Transition>
            </Show>
        }
    })
}

split_off! {
    /// The open panel, a chunk of its own (see `MinePanel`).
    fn panel(session: MineSession) -> AnyView {
        panel_view(session)
    }
}

fn panel_view(session: MineSession) -> AnyView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    // Built each time the panel opens: the engine starts reading its gazetteer then.
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| session.warm_engine());
    let close = move |_| {
        session.panel_open.set(false);
        session.show();
    };
    view! {
        <section class="mine-panel" role="dialog" aria-labelledby="mine-title">
            <header class="mine-head">
                <h2 id="mine-title">{move || t().panel_title}</h2>
                <button type="button" class="close" on:click=close aria-label=move || ui.get().strings().close>"×"</button>
            </header>
            <p class="mine-intro">{move || t().intro}</p>
            <p class="mine-engine" role="status" data-state=move || format!("{:?}", session.engine.get()).to_lowercase()>
                {move || match session.engine.get() {
                    Engine::Ready => t().engine_ready,
                    Engine::Starting | Engine::Idle => t().engine_starting,
                }}
            </p>
            <AddForm session />
            <Notices session />
            <ArticleList session />
            <footer class="mine-actions">
                <button type="button" class="primary" on:click=close>{move || t().apply}</button>
                <BundleActions session />
                <ClearAll session />
            </footer>
        </section>
    }
    .into_any()
}

#[component]
fn ArticleList(session: MineSession) -> impl IntoView {
    let ui = use_atlas().ui;
    let files = move || {
        session
            .articles
            .with(|articles| articles.iter().map(|a| a.file.clone()).collect::<Vec<_>>())
    };
    view! {
        <Show when=move || session.articles.with(|a| !a.is_empty()) fallback=move || view! { <p class="mine-empty">{move || ui.get().mine().nothing_yet}</p> }>
            <ol class="mine-articles">
                <For each=files key=|file| file.clone() let:file>
                    <ArticleReview session file />
                </For>
            </ol>
        </Show>
    }
}

/// Removes everything the person added, after asking.
#[component]
fn ClearAll(session: MineSession) -> impl IntoView {
    let ui = use_atlas().ui;
    let clear = move |_| {
        if window()
            .confirm_with_message(ui.get_untracked().mine().clear_confirm)
            .unwrap_or(false)
        {
            session.clear();
        }
    };
    view! {
        <button type="button" class="danger" on:click=clear disabled=move || session.articles.with(Vec::is_empty)>
            {move || ui.get().mine().clear_all}
        </button>
    }
}
