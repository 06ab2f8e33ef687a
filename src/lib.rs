//! Cooperation Atlas: the web app. A thin Leptos shell over the `atlas-extract` engine.

mod app;
pub mod atlas;
pub mod components;
pub mod context;
pub mod corpus;
pub mod extraction;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod search;
pub mod state;
pub mod time;

pub use app::{App, Explorer};

/// Mounts the atlas into `element` of a host page, with the view its `data-` attributes give
/// (`data-query="kind=visit&q=Hefei"`, `data-embed="1"`), and leaves the rest of the page and
/// its URL alone. `embed.js` calls it for every `[data-cooperation-atlas]` element.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_to(element: web_sys::HtmlElement) {
    let query = element.get_attribute("data-query").unwrap_or_default();
    let compact = element.get_attribute("data-embed").is_none_or(|v| v != "0");
    let handle = leptos::mount::mount_to(element, move || {
        use leptos::prelude::*;
        let (mut view, problems) = state::ViewState::from_query(&query);
        view.embed |= compact;
        view! { <app::Explorer view problems own_url=false /> }
    });
    // The atlas stays for the page's life.
    handle.forget();
}
