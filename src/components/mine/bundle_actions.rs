use crate::context::use_atlas;
use crate::mine::session::{MineSession, Notice};
use leptos::prelude::*;

/// Export the person's articles and reviews as a zip whose text files can go into `corpus/`;
/// import such a zip (here or in another browser).
#[component]
pub fn BundleActions(session: MineSession) -> impl IntoView {
    let ui = use_atlas().ui;
    let t = move || ui.get().mine();
    let export = move |_| {
        let bundle = session
            .articles
            .with_untracked(|articles| crate::mine::to_bundle(articles));
        let written = bundle
            .to_zip(crate::download::now_unix_seconds())
            .and_then(|zip| crate::download::download("my-cooperation-articles.zip", "application/zip", &zip));
        if let Err(error) = written {
            session.notify(Notice::Storage(crate::mine::store::StoreError::Other(error)));
        }
    };
    view! {
        <button type="button" on:click=export disabled=move || session.articles.with(Vec::is_empty)>
            {move || t().export_mine}
        </button>
        <label class="mine-files">
            <span class="button">{move || t().import_mine}</span>
            <input type="file" accept=".zip,application/zip" on:change=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    import(session, file);
                }
                input.set_value("");
            } />
        </label>
    }
}

#[cfg(target_arch = "wasm32")]
fn import(session: MineSession, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
            Ok(bytes) => session.import_bundle(name, bytes),
            Err(error) => session.notify(Notice::NotRead(format!("{name}: {error}"))),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn import(_: MineSession, _: web_sys::File) {}
