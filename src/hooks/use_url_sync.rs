//! The view lives in the URL: every change writes the query (a new history entry for a
//! deliberate change, a replaced one while typing or moving the map), and back/forward read it
//! back.

use crate::context::AtlasContext;
use crate::state::{UiLang, ViewState};
use leptos::prelude::*;

/// The page's query string, without `?` (empty outside a browser).
pub fn current_query() -> String {
    window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// The UI language the browser asks for (`navigator.languages`).
pub fn browser_ui_lang() -> UiLang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|tag| tag.as_string()).collect();
    UiLang::for_browser(tags.iter().map(String::as_str))
}

/// Keeps the URL and `context` in step, both ways. In a mounted embed (`mount_to`) the host
/// page owns the URL: `own_url` is then false and nothing is written.
pub fn use_url_sync(context: AtlasContext, own_url: bool) {
    if !own_url {
        return;
    }
    let last_written = StoredValue::new(ViewState::from_query(&current_query()).0);
    let write_pending = StoredValue::new(false);
    Effect::new(move |_| {
        // Subscribes to every part of the view; the URL is written later, once.
        let view = context.view_state();
        if view == last_written.get_value() || write_pending.get_value() {
            return;
        }
        // `pushState` costs this browser 6–10 ms (it waits on the browser process): written
        // in the frame's own task, it held up the frame that answers a click or a brush. In a
        // task after that frame, nobody waits for it, and a burst of changes writes once.
        write_pending.set_value(true);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Not if the view was unmounted meanwhile (its stored values are gone).
                    if write_pending.try_set_value(false).is_none() {
                        write_url(context, last_written);
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (view, problems) = ViewState::from_query(&current_query());
        last_written.set_value(view.clone());
        context.apply(view, browser_ui_lang());
        context.problems.set(problems);
    });
    on_cleanup(move || handle.remove());
}

/// Writes the current view into the URL, if it differs from `last_written`.
fn write_url(context: AtlasContext, last_written: StoredValue<ViewState>) {
    let view = untrack(|| context.view_state());
    let previous = last_written.get_value();
    if view == previous {
        return;
    }
    // Typing a search or moving the map would flood the history: those replace the
    // entry; everything else adds one, so that back undoes it.
    let continuous = ViewState {
        camera: previous.camera,
        filters: crate::state::Filters {
            query: previous.filters.query.clone(),
            ..view.filters.clone()
        },
        ..view.clone()
    } == previous;
    let query = view.to_query();
    let url = if query.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        format!("?{query}")
    };
    let history = window().history().expect("history");
    let _ = if continuous {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    last_written.set_value(view);
}
