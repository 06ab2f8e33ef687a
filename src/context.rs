//! The app's reactive state, handed to every component through context: the immutable atlas,
//! and signals for what a person changes (filters, selection, camera, UI language). Derived
//! lists are memos, computed once per change however many components read them.

use crate::atlas::Atlas;
use crate::state::{Camera, Filters, QueryProblem, UiLang, ViewState};
use leptos::prelude::*;

/// What every component may read and write.
#[derive(Clone, Copy)]
pub struct AtlasContext {
    pub atlas: &'static Atlas,
    pub filters: RwSignal<Filters>,
    /// The selected event (index into `atlas.events`).
    pub selected: RwSignal<Option<usize>>,
    /// The event under the pointer or keyboard focus, on any view: the others echo it.
    pub hovered: RwSignal<Option<usize>>,
    /// `None`: the default view, fitted to the events.
    pub camera: RwSignal<Option<Camera>>,
    pub ui: RwSignal<UiLang>,
    /// Whether the UI language was chosen (and so belongs in the URL) or follows the browser.
    pub ui_chosen: RwSignal<bool>,
    /// Compact chrome for an iframe (`?embed=1`).
    pub embed: RwSignal<bool>,
    /// Events passing every filter, in extraction order.
    pub visible: Memo<Vec<usize>>,
    /// Events passing every filter but the time window: what the timeline draws.
    pub visible_any_time: Memo<Vec<usize>>,
    /// Parts of the URL that could not be read.
    pub problems: RwSignal<Vec<QueryProblem>>,
    /// The dataset shown, when not the bundled corpus (fixed for the page's life).
    pub dataset: Option<&'static str>,
}

impl AtlasContext {
    /// Creates the signals for `view` (read from the URL) and provides the context.
    pub fn provide(atlas: &'static Atlas, view: ViewState, browser_ui: UiLang, problems: Vec<QueryProblem>) -> Self {
        let dataset: Option<&'static str> = view.dataset.map(|d| &*Box::leak(d.into_boxed_str()));
        let filters = RwSignal::new(view.filters);
        let selected = view.selected.as_deref().and_then(|id| atlas.event_by_id(id));
        let context = AtlasContext {
            atlas,
            filters,
            selected: RwSignal::new(selected),
            hovered: RwSignal::new(None),
            camera: RwSignal::new(view.camera),
            ui: RwSignal::new(view.ui.unwrap_or(browser_ui)),
            ui_chosen: RwSignal::new(view.ui.is_some()),
            embed: RwSignal::new(view.embed),
            visible: Memo::new(move |_| filters.with(|f| atlas.matching(f))),
            visible_any_time: Memo::new(move |_| filters.with(|f| atlas.matching_any_time(f))),
            problems: RwSignal::new(problems),
            dataset,
        };
        provide_context(context);
        context
    }

    /// The view as the URL writes it.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            filters: self.filters.get(),
            selected: self.selected.get().map(|n| self.atlas.events[n].id.clone()),
            camera: self.camera.get(),
            ui: self.ui_chosen.get().then(|| self.ui.get()),
            embed: self.embed.get(),
            dataset: self.dataset.map(str::to_string),
        }
    }

    /// Applies a view read from the URL (back/forward), leaving signals that did not change
    /// untouched so that nothing redraws for nothing.
    pub fn apply(&self, view: ViewState, browser_ui: UiLang) {
        let selected = view.selected.as_deref().and_then(|id| self.atlas.event_by_id(id));
        set_if_changed(self.filters, view.filters);
        set_if_changed(self.selected, selected);
        set_if_changed(self.camera, view.camera);
        set_if_changed(self.ui_chosen, view.ui.is_some());
        set_if_changed(self.ui, view.ui.unwrap_or(browser_ui));
        set_if_changed(self.embed, view.embed);
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// The app's context; panics outside the app (a component used without `App` is a bug).
pub fn use_atlas() -> AtlasContext {
    expect_context::<AtlasContext>()
}
