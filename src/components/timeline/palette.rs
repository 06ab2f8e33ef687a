//! The canvas's colours: the same custom properties the SVG marks use (`--kind-*` from
//! style.css, `--tl-surface` from timeline.css), read from the stylesheet once, and again
//! whenever the theme switches, so that the canvas never hard-codes a colour of its own.

use crate::extraction::EventKind;
use crate::state::{kind_tag, ALL_KINDS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Palette {
    /// A fill per kind, in `ALL_KINDS` order.
    pub kinds: Vec<String>,
    /// The outline that separates touching marks (the plot's background).
    pub surface: String,
}

impl Palette {
    /// The colours as they apply to `element` now; `None` while it is not in the page, where
    /// no stylesheet applies to it.
    pub fn read(element: &Element) -> Option<Palette> {
        if !element.is_connected() {
            return None;
        }
        let style = leptos::prelude::window().get_computed_style(element).ok().flatten();
        let value = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        Some(Palette {
            kinds: ALL_KINDS
                .iter()
                .map(|&kind| value(&format!("--kind-{}", kind_tag(kind)), "#5f6770"))
                .collect(),
            surface: value("--tl-surface", "#ffffff"),
        })
    }

    pub fn kind(&self, slot: usize) -> &str {
        self.kinds.get(slot).map_or("#5f6770", String::as_str)
    }
}

/// Where a kind's colour is in the palette.
pub fn kind_slot(kind: EventKind) -> usize {
    ALL_KINDS.iter().position(|&k| k == kind).unwrap_or(ALL_KINDS.len() - 1)
}

/// Calls `changed` whenever the atlas around an element switches theme (its `data-theme`,
/// set by `use_theme`), until dropped.
pub struct ThemeWatch {
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn Fn()>,
}

impl ThemeWatch {
    pub fn new(element: &Element, changed: impl Fn() + 'static) -> Option<ThemeWatch> {
        let atlas = element.closest(".atlas").ok().flatten()?;
        let callback = Closure::<dyn Fn()>::new(changed);
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
        observer.observe_with_options(&atlas, &options).ok()?;
        Some(ThemeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ThemeWatch {
    // Disconnected before the callback is freed: a later switch must not call a dropped closure.
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
