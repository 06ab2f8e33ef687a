use super::later::{later, Later};
use crate::context::use_atlas;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A run of the article's text and whose evidence it is part of.
#[derive(Clone, PartialEq)]
struct Run {
    text: String,
    /// The event whose sentence this is, if any (the selected one wins where they overlap).
    event: Option<usize>,
    selected: bool,
}

/// Splits `text` at every evidence boundary of the document's events.
fn runs(text: &str, marks: &[(usize, usize, usize)], selected: Option<usize>) -> Vec<Run> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(start, end, _) in marks {
        cuts.extend([start.min(text.len()), end.min(text.len())]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| text.is_char_boundary(w[0]) && text.is_char_boundary(w[1]) && w[0] < w[1])
        .map(|w| {
            let covering = marks.iter().filter(|&&(s, e, _)| s <= w[0] && w[1] <= e);
            let mut event = None;
            let mut is_selected = false;
            for &(_, _, n) in covering {
                if Some(n) == selected {
                    is_selected = true;
                    event = Some(n);
                } else if event.is_none() {
                    event = Some(n);
                }
            }
            Run {
                text: text[w[0]..w[1]].to_string(),
                event,
                selected: is_selected,
            }
        })
        .collect()
}

/// The selected event's article: its text (always as text, never as HTML), the event's
/// sentences highlighted and scrolled into view, other events' sentences marked (a click
/// selects them).
#[component]
pub fn Reader() -> impl IntoView {
    let context = use_atlas();
    let ui = context.ui;
    let scroller = NodeRef::<Div>::new();
    let content = move || match context.selected.get() {
        Some(n) => Suspend::new(async move { later(Later::Article(n, scroller)).await }).into_any(),
        None => view! { <p class="reader-empty">{move || ui.get().strings().reader_empty}</p> }.into_any(),
    };
    view! {
        <section class="reader" aria-labelledby="reader-heading">
            <h2 id="reader-heading">{move || ui.get().strings().reader}</h2>
            <div class="reader-scroll" node_ref=scroller tabindex="0">
                // Keeps what it shows while the next article's code is fetched (the first time
                // only): an empty reader shortened the page, which scrolled it to the top.
                <Transition>{content}</Transition>
            </div>
        </section>
    }
}

/// The article of event `n` with the evidence marked (in the chunk of `later`: nothing is
/// selected in most first views).
pub(super) fn article_text(n: usize, scroller: NodeRef<Div>) -> AnyView {
    let context = use_atlas();
    let atlas = context.atlas;
    let Some(document) = atlas.document(n) else {
        return ().into_any();
    };
    let Some(text) = document.text.as_deref() else {
        return ().into_any();
    };
    let document_index = atlas.document_of[n];
    let marks: Vec<(usize, usize, usize)> = (0..atlas.events.len())
        .filter(|&m| atlas.document_of[m] == document_index)
        .flat_map(|m| atlas.events[m].evidence.iter().map(move |e| (e.start, e.end, m)))
        .collect();
    // The text is in place by the next frame (this view is mounted as soon as it is
    // returned): then bring the selected sentence into the reader's view (the reader
    // scrolls, not the page).
    request_animation_frame(move || scroll_to_selected(scroller));
    view! {
        <p class="reader-meta">
            <span class="language">{context.ui.get().language(document.lang)}</span>
            {document.source.clone().map(|s| view! { <span class="source">{s}</span> })}
        </p>
        <div class="reader-text" lang=document.lang.tag()>
            {runs(text, &marks, Some(n))
                .into_iter()
                .map(|run| match run.event {
                    Some(m) if run.selected => view! { <mark class="evidence evidence-selected" data-event=m>{run.text}</mark> }.into_any(),
                    Some(m) => view! {
                        <mark class="evidence evidence-other" data-event=m on:click=move |_| context.selected.set(Some(m))>{run.text}</mark>
                    }
                    .into_any(),
                    None => run.text.into_any(),
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

fn scroll_to_selected(scroller: NodeRef<Div>) {
    let Some(container) = scroller.get_untracked() else {
        return;
    };
    if let Ok(Some(mark)) = container.query_selector(".evidence-selected") {
        if let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>() {
            container.set_scroll_top(mark.offset_top() - container.client_height() / 3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_the_text_and_mark_the_selected_sentence() {
        let text = "One. Two 合作. Three.";
        let marks = [(5, 16, 7), (0, 4, 3)];
        let found = runs(text, &marks, Some(7));
        assert_eq!(found.iter().map(|r| r.text.as_str()).collect::<String>(), text);
        let selected: Vec<&str> = found.iter().filter(|r| r.selected).map(|r| r.text.as_str()).collect();
        assert_eq!(selected, ["Two 合作."]);
        assert_eq!(found[0].event, Some(3));
        assert!(!found[0].selected);
    }
}
