//! Cooperation Atlas: the web app. A thin Leptos shell over the `atlas-extract` engine.

mod app;
pub mod atlas;
pub mod components;
pub mod context;
pub mod corpus;
pub mod dataset;
pub mod download;
pub mod export;
pub mod extraction;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod json;
mod lazy;
pub mod mine;
pub mod search;
pub mod state;
pub mod time;

pub use app::{App, Explorer};

/// Mounts the atlas into `element` of a host page, with the view its `data-` attributes give
/// (`data-query="kind=visit&q=Hefei"`; `data-embed="0"` for the full chrome), and leaves the
/// rest of the page alone: the atlas lives in the element's shadow root, with `stylesheets`
/// linked there only, and never writes the host's URL or root element. `embed.js` calls it for
/// every `[data-cooperation-atlas]` element.
///
/// # Errors
/// When the element cannot host a shadow root (it already has one, or it is not a container
/// element such as `<div>`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_to(element: web_sys::HtmlElement, stylesheets: Vec<String>) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let shadow = element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    for href in stylesheets {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", &href)?;
        shadow.append_child(&link)?;
    }
    let root: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
    shadow.append_child(&root)?;
    let query = element.get_attribute("data-query").unwrap_or_default();
    let compact = element.get_attribute("data-embed").is_none_or(|v| v != "0");
    let handle = leptos::mount::mount_to(root, move || {
        use leptos::prelude::*;
        let (mut view, problems) = state::ViewState::from_query(&query);
        view.embed |= compact;
        view! { <app::Explorer atlas=app::bundled_atlas() load_errors=&[] view problems own_url=false /> }
    });
    // The atlas stays for the page's life.
    handle.forget();
    Ok(())
}
