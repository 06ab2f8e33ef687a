use super::disclosure::Disclosure;
use super::place_picker::PlacePicker;
use crate::context::use_atlas;
use crate::mine::session::MineSession;
use crate::mine::{corrected, Decision};
use crate::state::{kind_tag, ALL_KINDS};
use leptos::prelude::*;

/// One proposed event: its evidence, whether it goes in the atlas, and its kind, date and
/// place as they will show there; the form to correct them is built when first opened.
#[component]
pub fn EventReview(session: MineSession, file: String, id: String) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let (lookup_file, lookup_id) = (file.clone(), id.clone());
    // The event as it would join the atlas, with the decision's corrections.
    let state = Memo::new(move |_| {
        session.with_article(&lookup_file, |article| {
            let article = article?;
            let event = article.extraction.events.iter().find(|e| e.id == lookup_id)?;
            let decision = article.decisions.get(&lookup_id).cloned().unwrap_or_default();
            Some((corrected(event, &decision), decision))
        })
    });
    let target = StoredValue::new((file, id));
    let decide = move |change: Box<dyn FnOnce(&mut Decision)>| {
        target.with_value(|(file, id)| session.decide(file, id, change));
    };
    let evidence = move || {
        state.with(|s| {
            s.as_ref()
                .and_then(|(event, _)| event.evidence.first().map(|e| e.text.clone()))
                .unwrap_or_default()
        })
    };
    let accepted = move || state.with(|s| s.as_ref().is_some_and(|(_, d)| d.accepted));
    let kind = move || state.with(|s| s.as_ref().map(|(e, _)| kind_tag(e.kind)).unwrap_or_default());
    let date = move || {
        state.with(|s| {
            s.as_ref()
                .and_then(|(e, _)| e.date)
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    };
    let places = move || state.with(|s| s.as_ref().map(|(e, _)| e.place_names().join(", ")).unwrap_or_default());
    // What the atlas will show, in one line a person can check at a glance.
    let reading = move || {
        let ui = ui.get();
        state.with(|s| {
            s.as_ref().map(|(event, _)| {
                let date = event
                    .date
                    .map_or_else(|| ui.strings().no_date.to_string(), |d| ui.date(d));
                let places = places();
                let mut parts = vec![ui.kind(event.kind), &date];
                if !places.is_empty() {
                    parts.push(&places);
                }
                parts.join(" · ")
            })
        })
    };
    view! {
        <li class="mine-event" class:rejected=move || !accepted()>
            <label class="mine-accept">
                <input type="checkbox" prop:checked=accepted on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    decide(Box::new(move |d| d.accepted = on));
                } />
                <span>{move || t().accept}</span>
            </label>
            <blockquote class="mine-evidence">{evidence}</blockquote>
            <p class="mine-reading">{reading}</p>
            <Disclosure class="mine-details mine-correct" summary=Signal::derive(move || t().correct)>
                <div class="mine-corrections">
                    <label>
                        <span>{move || t().kind}</span>
                        <select prop:value=kind on:change=move |ev| {
                            let tag = event_target_value(&ev);
                            let kind = ALL_KINDS.into_iter().find(|k| kind_tag(*k) == tag);
                            decide(Box::new(move |d| d.kind = kind));
                        }>
                            {ALL_KINDS.into_iter().map(|k| view! { <option value=kind_tag(k)>{move || ui.get().kind(k)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{move || t().correct_date}</span>
                        <input type="text" inputmode="numeric" placeholder=move || t().date_hint prop:value=date on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let date = atlas_extract::PartialDate::parse_iso(value.trim()).map(|d| d.to_string());
                            let valid = date.is_some() || value.trim().is_empty();
                            if valid {
                                decide(Box::new(move |d| d.date = date));
                            }
                        } />
                    </label>
                    <div class="mine-place">
                        <span>{move || t().correct_place}": "{places}</span>
                        <PlacePicker on_pick=Callback::new(move |place| decide(Box::new(move |d| d.place = Some(place)))) />
                    </div>
                </div>
            </Disclosure>
        </li>
    }
}
