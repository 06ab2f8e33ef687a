use crate::components::{DocumentList, LoadErrors};
use crate::corpus::bundled_corpus;
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let corpus = bundled_corpus();
    view! {
        <header class="site-header">
            <h1>"Cooperation Atlas"</h1>
            <p class="tagline">"News about China–UK cooperation, on a map and a timeline."</p>
        </header>
        <main class="site-main">
            <LoadErrors errors=&corpus.errors />
            <DocumentList extraction=&corpus.extraction />
        </main>
        <footer class="site-footer">
            <p>"Articles belong to their publishers; each one names its source."</p>
        </footer>
    }
}
