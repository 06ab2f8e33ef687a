//! Light or dark: follows the system until the person chooses, and remembers the choice.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "cooperation-atlas.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The `data-theme` value.
    pub fn tag(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

pub struct UseThemeReturn {
    /// The theme shown: the person's choice, else the system's.
    pub theme: Signal<Theme>,
    /// Switches to the other theme and remembers it.
    pub toggle: Callback<()>,
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// The theme. The caller puts it on the atlas element as `data-theme` (the stylesheet's
/// switch); on the atlas's own page (`own_page`) it also goes on the root element, for the
/// page's background. A host page's root is left alone.
pub fn use_theme(own_page: bool) -> UseThemeReturn {
    // The raw storage, not gloo's JSON helpers: a word needs no serde_json in the wasm.
    // Private modes may refuse storage: the choice then lasts for the page only.
    let stored = LocalStorage::raw().get_item(KEY).ok().flatten();
    let chosen = RwSignal::new(match stored.as_deref() {
        Some("dark") => Some(Theme::Dark),
        Some("light") => Some(Theme::Light),
        _ => None,
    });
    let system_dark = system_prefers_dark();
    let theme = Signal::derive(move || {
        chosen
            .get()
            .unwrap_or(if system_dark { Theme::Dark } else { Theme::Light })
    });
    Effect::new(move |_| {
        if !own_page {
            return;
        }
        let value = theme.get().tag();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", value);
        }
    });
    let toggle = Callback::new(move |()| {
        let next = match theme.get_untracked() {
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Dark,
        };
        chosen.set(Some(next));
        let _ = LocalStorage::raw().set_item(KEY, next.tag());
    });
    UseThemeReturn { theme, toggle }
}
