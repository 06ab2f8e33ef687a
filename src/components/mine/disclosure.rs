use leptos::prelude::*;

/// A `<details>` whose content is built the first time it opens, and kept from then on.
///
/// The review of a batch shows every article and event at once; with each one's forms built
/// up front, fifty dropped articles held the page for up to a quarter of a second per article
/// on a slow machine, for forms most people never open.
#[component]
pub fn Disclosure(
    /// The summary's words, in the UI's language.
    #[prop(into)]
    summary: Signal<&'static str>,
    #[prop(optional)] class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class=class on:toggle=move |_| opened.set(true)>
            <summary>{summary}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}
