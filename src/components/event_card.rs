use super::later::{fetch_after_first_frame, later, Later};
use super::DateLabel;
use crate::context::use_atlas;
use crate::extraction::{EventView, Salience};
use crate::state::{kind_tag, side_tag, Origin};
use leptos::prelude::*;

/// The selected event: kind, date at its precision, places, actors with their side, figures
/// (as written and in US dollars), sectors and the article it comes from.
#[component]
pub fn EventCard() -> impl IntoView {
    let selected = use_atlas().selected;
    fetch_after_first_frame();
    let card = move || {
        selected
            .get()
            .map(|n| Suspend::new(async move { later(Later::Card(n)).await }))
    };
    // Keeps the card it shows while the next one's code is fetched (the first time only).
    view! { <Transition>{card}</Transition> }
}

/// The card of event `n` (in the chunk of `later`: nothing is selected in most first views).
pub(super) fn card(n: usize) -> AnyView {
    let context = use_atlas();
    let atlas = context.atlas;
    let ui = context.ui;
    let event: &'static EventView = &atlas.events[n];
    let t = ui.get().strings();
    let document = atlas.document(n);
    view! {
        <article class="event-card" data-kind=kind_tag(event.kind) aria-labelledby="event-card-title">
            <header>
                <h2 id="event-card-title">
                    <span class="kind-chip">{ui.get().kind(event.kind)}</span>
                    " "
                    <DateLabel date=event.date />
                </h2>
                {(event.salience == Salience::Main).then(|| view! { <span class="badge">{t.main_event}</span> })}
                {event.planned.then(|| view! { <span class="badge">{t.planned}</span> })}
                {(atlas.origin(atlas.document_of[n]) == Origin::Mine).then(|| view! { <span class="badge mine">{ui.get().mine().origin_mine}</span> })}
                <button type="button" class="close" on:click=move |_| context.selected.set(None) aria-label=t.close>"×"</button>
            </header>
            <dl>
                {(!event.places.is_empty()).then(|| view! {
                    <dt>{t.places}</dt>
                    <dd>{event.places.iter().map(|p| view! {
                        <span class="place" data-side=side_tag(p.side())>{p.canonical.clone()}" "<small>"("{ui.get().place_level(p.level)}")"</small></span>
                    }).collect_view()}</dd>
                })}
                {(!event.actors.is_empty()).then(|| view! {
                    <dt>{t.actors}</dt>
                    <dd><ul class="actors">{event.actors.iter().map(|a| view! {
                        <li>
                            <span class="actor-name">{a.name.clone()}</span>
                            {a.role.clone().map(|r| view! { <span class="actor-role">", "{r}</span> })}
                            " "<small>{ui.get().actor_type(a.actor_type)}</small>
                            {a.country.map(|s| view! { <span class="side" data-side=side_tag(s)>{ui.get().side(s)}</span> })}
                        </li>
                    }).collect_view()}</ul></dd>
                })}
                {(!event.figures.is_empty()).then(|| view! {
                    <dt>{t.figures}</dt>
                    <dd><ul>{event.figures.iter().map(|f| view! {
                        <li>{f.text.clone()}{f.value_usd.filter(|_| f.currency != "USD").map(|usd| format!(" ≈ {}", crate::format::usd(usd)))}</li>
                    }).collect_view()}</ul></dd>
                })}
                {(!event.sectors.is_empty()).then(|| view! {
                    <dt>{t.sectors}</dt>
                    <dd>{event.sectors.iter().map(|s| ui.get().sector(*s)).collect::<Vec<_>>().join(", ")}</dd>
                })}
                {document.map(|d| view! {
                    <dt>{t.source}</dt>
                    <dd lang=d.lang.tag()>
                        {d.title.clone().unwrap_or_else(|| d.file.clone())}
                        {d.source.clone().map(|s| format!(" — {s}"))}
                        " "<small>"("{ui.get().language(d.lang)}")"</small>
                    </dd>
                })}
            </dl>
        </article>
    }
    .into_any()
}
