use crate::context::use_atlas;
use leptos::prelude::*;

/// Says which parts of the link could not be read (the rest of the view opened).
#[component]
pub fn UrlProblems() -> impl IntoView {
    let context = use_atlas();
    move || {
        let problems = context.problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="notice" role="status">
                    <p>{context.ui.get().strings().url_problems}</p>
                    <ul>
                        {problems
                            .into_iter()
                            .map(|p| view! { <li><code>{format!("{}={}", p.parameter, p.value)}</code></li> })
                            .collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| context.problems.set(Vec::new())>
                        {context.ui.get().strings().close}
                    </button>
                </div>
            }
        })
    }
}
