use super::{ExportMenu, MineButton, SearchBox, ShareMenu};
use crate::context::use_atlas;
use crate::hooks::{Theme, UseThemeReturn};
use crate::state::UiLang;
use leptos::prelude::*;

/// Title, search, and the page's switches: UI language, theme, sharing. In an embed, a compact
/// bar whose title opens the full atlas.
#[component]
pub fn Header(theme: UseThemeReturn) -> impl IntoView {
    let context = use_atlas();
    let t = move || context.ui.get().strings();
    let UseThemeReturn { theme, toggle } = theme;
    let switch_language = move |_| {
        context.ui.update(|ui| {
            *ui = match ui {
                UiLang::En => UiLang::Zh,
                UiLang::Zh => UiLang::En,
            }
        });
        context.ui_chosen.set(true);
    };
    let full_atlas_href = move || {
        let mut view = context.view_state();
        view.embed = false;
        format!("?{}", view.to_query())
    };
    view! {
        <header class="site-header">
            <div class="brand">
                {move || {
                    if context.embed.get() {
                        view! {
                            <a class="brand-title" href=full_atlas_href target="_blank" rel="noopener" title=move || t().open_full_atlas>
                                {move || t().title}
                            </a>
                        }
                            .into_any()
                    } else {
                        view! {
                            <h1 class="brand-title">{move || t().title}</h1>
                            <p class="tagline">{move || t().tagline}</p>
                        }
                            .into_any()
                    }
                }}
            </div>
            <SearchBox />
            <div class="header-actions">
                <Show when=move || !context.embed.get()>
                    <MineButton />
                </Show>
                <button type="button" class="lang-switch" on:click=switch_language lang=move || if context.ui.get() == UiLang::En { "zh-Hans" } else { "en" }>
                    {move || t().ui_language}
                </button>
                <button
                    type="button"
                    class="theme-switch"
                    aria-pressed=move || (theme.get() == Theme::Dark).to_string()
                    on:click=move |_| toggle.run(())
                    title=move || t().theme_toggle
                >
                    <span aria-hidden="true">{move || if theme.get() == Theme::Dark { "☾" } else { "☀" }}</span>
                    <span class="visually-hidden">{move || t().theme_toggle}</span>
                </button>
                <ShareMenu />
                <ExportMenu />
            </div>
        </header>
    }
}
