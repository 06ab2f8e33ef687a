use crate::context::use_atlas;
use crate::download::{download, now_unix_seconds};
use crate::export;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    GeoJson,
    Json,
    Calendar,
}

/// Downloads of the events in view (every filter applied): CSV, GeoJSON, the extraction JSON,
/// an ICS calendar.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().mine();
    let note = RwSignal::new(None::<String>);
    let export = move |format: Format| {
        let atlas = context.atlas;
        let visible = context.visible.get_untracked();
        let events: Vec<_> = visible.iter().map(|&n| &atlas.events[n]).collect();
        let documents = &atlas.documents;
        let (name, mime, text, left_out) = match format {
            Format::Csv => (
                "cooperation-atlas.csv",
                "text/csv;charset=utf-8",
                export::csv::events(&events, documents),
                0,
            ),
            Format::GeoJson => {
                let out = export::geojson::events(&events, documents);
                (
                    "cooperation-atlas.geojson",
                    "application/geo+json",
                    out.text,
                    out.left_out,
                )
            }
            Format::Json => (
                "cooperation-atlas.json",
                "application/json",
                export::json::extraction(&events, documents),
                0,
            ),
            Format::Calendar => {
                let out = export::ics::events(&events, documents, now_unix_seconds());
                (
                    "cooperation-atlas.ics",
                    "text/calendar;charset=utf-8",
                    out.text,
                    out.left_out,
                )
            }
        };
        let message = match download(name, mime, text.as_bytes()) {
            Err(error) => Some(error),
            Ok(()) if left_out > 0 => Some(format!("{name}: {} {left_out}", t().export_left_out)),
            Ok(()) => None,
        };
        note.set(message);
    };
    let item = move |format: Format, label: fn(&'static crate::mine::strings::MineStrings) -> &'static str| {
        view! { <button type="button" on:click=move |_| export(format)>{move || label(t())}</button> }
    };
    view! {
        <details class="export-menu">
            <summary>{move || t().export}</summary>
            <div class="export-items">
                <p>{move || t().export_intro}</p>
                {item(Format::Csv, |t| t.export_csv)}
                {item(Format::GeoJson, |t| t.export_geojson)}
                {item(Format::Json, |t| t.export_json)}
                {item(Format::Calendar, |t| t.export_ics)}
                {move || note.get().map(|n| view! { <p class="export-note" role="status">{n}</p> })}
            </div>
        </details>
    }
}
