use super::disclosure::Disclosure;
use super::text_field::TextField;
use crate::context::use_atlas;
use crate::mine::session::MineSession;
use leptos::prelude::*;

/// An article's title, date and source as the engine read them, to correct: the article is
/// then read again with them as its header (a date changes what "on Thursday" means).
#[component]
pub fn ArticleDetails(session: MineSession, file: String) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let lookup = StoredValue::new(file.clone());
    let document = move || {
        lookup.with_value(|lookup| {
            session.articles.with_untracked(|articles| {
                articles
                    .iter()
                    .find(|a| &a.file == lookup)
                    .map(|a| a.document().clone())
            })
        })
    };
    let initial = document();
    let title = RwSignal::new(initial.as_ref().and_then(|d| d.title.clone()).unwrap_or_default());
    let date = RwSignal::new(
        initial
            .as_ref()
            .and_then(|d| d.published)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let source = RwSignal::new(initial.as_ref().and_then(|d| d.source.clone()).unwrap_or_default());
    let date_ok =
        move || date.with(|d| d.trim().is_empty() || atlas_extract::PartialDate::parse_iso(d.trim()).is_some());
    let file = StoredValue::new(file);
    let reread = move |_| {
        if let Some(document) = document() {
            let text = crate::mine::with_details(
                &document,
                &title.get_untracked(),
                date.get_untracked().trim(),
                &source.get_untracked(),
            );
            read_again(session, file.get_value(), text);
        }
    };
    view! {
        <Disclosure class="mine-details" summary=Signal::derive(move || t().edit_details)>
            <TextField label=|t| t.title value=title />
            <TextField label=|t| t.date value=date />
            <Show when=move || !date_ok()>
                <p class="mine-invalid" role="alert">{move || t().date_hint}</p>
            </Show>
            <TextField label=|t| t.source value=source />
            <button type="button" class="small" on:click=reread disabled=move || !date_ok()>{move || t().read_again}</button>
        </Disclosure>
    }
}

#[cfg(target_arch = "wasm32")]
fn read_again(session: MineSession, file: String, text: String) {
    session.reread(file, text);
}

#[cfg(not(target_arch = "wasm32"))]
fn read_again(_: MineSession, _: String, _: String) {}
