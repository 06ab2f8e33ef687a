use super::article_details::ArticleDetails;
use super::event_review::EventReview;
use crate::context::use_atlas;
use crate::mine::session::MineSession;
use crate::mine::NoEvents;
use leptos::prelude::*;

/// One added article: what the engine read of it, why it has no events if it has none, and
/// the events it proposes.
#[component]
pub fn ArticleReview(session: MineSession, file: String) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let key = file.clone();
    let summary = Memo::new(move |_| {
        session.with_article(&key, |article| {
            article.map(|article| {
                let document = article.document();
                let events: Vec<String> = article.extraction.events.iter().map(|e| e.id.clone()).collect();
                (
                    document.title.clone().unwrap_or_else(|| document.file.clone()),
                    document.lang,
                    document.published,
                    events,
                    article.no_events_reason(),
                )
            })
        })
    });
    let remove_file = file.clone();
    let file = StoredValue::new(file);
    view! {
        {move || summary.get().map(|(title, lang, published, events, no_events)| {
            view! {
                <li class="mine-article">
                    <div class="mine-article-head">
                        <h3>{title}</h3>
                        <button type="button" class="danger small" on:click={let f = remove_file.clone(); move |_| session.remove(&f)}>
                            {move || t().remove_article}
                        </button>
                    </div>
                    <p class="mine-article-meta">
                        <span class="file">{file.get_value()}</span>
                        " · "{move || ui.get().language(lang)}
                        {published.map(|d| format!(" · {}", crate::format::date(d)))}
                    </p>
                    <ArticleDetails session file=file.get_value() />
                    {match no_events {
                        Some(NoEvents::Language) => view! { <p class="mine-no-events">{move || t().no_events_language}</p> }.into_any(),
                        Some(NoEvents::NothingFound) => view! { <p class="mine-no-events">{move || t().no_events_found}</p> }.into_any(),
                        None => view! {
                            <p class="mine-proposed">{move || t().proposed}</p>
                            <ul class="mine-events">
                                {events.into_iter().map(|id| view! { <EventReview session file=file.get_value() id /> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                </li>
            }
        })}
    }
}
