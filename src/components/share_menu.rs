use crate::context::use_atlas;
use crate::hooks::HEIGHT_MESSAGE;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Cite,
    Embed,
}

/// Copy link, cite this view, embed it: the three ways a view leaves the atlas.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().strings();
    let open = RwSignal::new(None::<Panel>);
    let copied = RwSignal::new(false);
    let href = move || {
        context.filters.track();
        context.selected.track();
        context.camera.track();
        window().location().href().unwrap_or_default()
    };
    let copy = move |text: String| {
        let _ = window().navigator().clipboard().write_text(&text);
        copied.set(true);
        set_timeout(move || copied.set(false), std::time::Duration::from_millis(2000));
    };
    let toggle = move |panel: Panel| open.update(|o| *o = if *o == Some(panel) { None } else { Some(panel) });
    view! {
        <div class="share">
            <button type="button" on:click=move |_| copy(href())>
                {move || if copied.get() { t().link_copied } else { t().copy_link }}
            </button>
            <button type="button" aria-expanded=move || (open.get() == Some(Panel::Cite)).to_string() on:click=move |_| toggle(Panel::Cite)>
                {move || t().cite}
            </button>
            <button type="button" aria-expanded=move || (open.get() == Some(Panel::Embed)).to_string() on:click=move |_| toggle(Panel::Embed)>
                {move || t().embed}
            </button>
            {move || open.get().map(|panel| {
                let text = match panel {
                    Panel::Cite => citation(&href()),
                    Panel::Embed => embed_snippet(&href()),
                };
                let label = match panel {
                    Panel::Cite => t().cite,
                    Panel::Embed => t().embed_intro,
                };
                let to_copy = text.clone();
                view! {
                    <div class="share-panel" role="dialog" aria-label=label>
                        <p>{label}</p>
                        <textarea readonly rows="8">{text}</textarea>
                        <button type="button" on:click=move |_| copy(to_copy.clone())>{move || t().copy_snippet}</button>
                        <button type="button" on:click=move |_| open.set(None)>{move || t().close}</button>
                    </div>
                }
            })}
        </div>
    }
}

/// "Cooperation Atlas, view … (accessed …)", then the sources of the events shown.
fn citation(href: &str) -> String {
    let context = use_atlas();
    let atlas = context.atlas;
    let today = js_sys::Date::new_0();
    let accessed = format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    );
    let mut documents: Vec<usize> = context.visible.get().iter().map(|&n| atlas.document_of[n]).collect();
    documents.sort_unstable();
    documents.dedup();
    let mut text = format!(
        "Cooperation Atlas. Events of China–UK cooperation, filtered view. {href} (accessed {accessed}).\n\nSources:\n"
    );
    for (i, d) in documents.iter().filter_map(|&d| atlas.documents.get(d)).enumerate() {
        let title = d.title.clone().unwrap_or_else(|| d.file.clone());
        let date = d.published.map(|p| format!(", {p}")).unwrap_or_default();
        let source = d.source.clone().map(|s| format!("{s}. ")).unwrap_or_default();
        let url = d.url.clone().map(|u| format!(" {u}")).unwrap_or_default();
        text.push_str(&format!("{}. {source}“{title}”{date}.{url}\n", i + 1));
    }
    text
}

/// An iframe of the current view in compact chrome that grows to its content's height.
fn embed_snippet(href: &str) -> String {
    let url = if href.contains('?') {
        format!("{href}&embed=1")
    } else {
        format!("{href}?embed=1")
    };
    let url = url.replace('"', "%22");
    format!(
        "<iframe src=\"{url}\" title=\"Cooperation Atlas\" style=\"width:100%;border:0\" height=\"640\" loading=\"lazy\"></iframe>\n\
         <script>addEventListener(\"message\",function(e){{if(e.data&&e.data.type===\"{HEIGHT_MESSAGE}\")\
         for(var f of document.querySelectorAll(\"iframe\"))if(f.contentWindow===e.source)f.height=e.data.height}})</script>"
    )
}
