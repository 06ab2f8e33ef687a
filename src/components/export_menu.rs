use crate::atlas::Atlas;
use crate::context::use_atlas;
use crate::download::{download, now_unix_seconds};
use crate::export;
use crate::lazy::split_off;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    GeoJson,
    Json,
    Calendar,
}

/// Downloads of the events in view (every filter applied): CSV, GeoJSON, the extraction JSON,
/// an ICS calendar. The exporters are a chunk of their own (`#[lazy]`), fetched on the first
/// export: the first view never needs them.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().mine();
    let note = RwSignal::new(None::<String>);
    let export = move |format: Format| {
        let atlas = context.atlas;
        let visible = context.visible.get_untracked();
        leptos::task::spawn_local(async move {
            let (name, result) = export_file(format, atlas, visible).await;
            let message = match result {
                Err(error) => Some(error),
                Ok(left_out) if left_out > 0 => Some(format!("{name}: {} {left_out}", t().export_left_out)),
                Ok(_) => None,
            };
            note.set(message);
        });
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

split_off! {
    /// Writes the `visible` events of `atlas` in `format` and offers the file: its name, and
    /// how many events it had to leave out (or why the browser refused the download). A chunk
    /// of its own: the writers are needed only when someone exports.
    fn export_file(format: Format, atlas: &'static Atlas, visible: Vec<usize>) -> (&'static str, Result<usize, String>) {
        write_file(format, atlas, visible)
    }
}

fn write_file(format: Format, atlas: &'static Atlas, visible: Vec<usize>) -> (&'static str, Result<usize, String>) {
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
    (name, download(name, mime, text.as_bytes()).map(|()| left_out))
}
