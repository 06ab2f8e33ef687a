//! Views the first view does not show: the selected event's card and article, the figures
//! chart below the fold, the credited sources.
//!
//! They are one chunk (`split_off!`), fetched once the first frame is out (or at a selection
//! made before that), so that the first selection finds it. One entry point rather than one per
//! view: the splitter makes a chunk of every set of entry points that share code, and an entry
//! point per view made twenty chunks, most of a few hundred bytes.

use super::{credits, event_card, figure_chart, reader};
use crate::hooks::after_first_frame;
use crate::lazy::split_off;
use leptos::html::Div;
use leptos::prelude::*;

/// Which view to build.
pub enum Later {
    /// The card of an event.
    Card(usize),
    /// The article of an event, its evidence marked, scrolled in its reader.
    Article(usize, NodeRef<Div>),
    /// Trade and investment figures.
    Chart(Vec<figure_chart::Point>),
    /// Every article's source.
    Sources,
}

/// Fetches the chunk once the first frame is out, so that the first selection finds it.
pub fn fetch_after_first_frame() {
    after_first_frame(|| leptos::task::spawn_local(__preload_later()));
}

/// What `split_off!` generates to fetch the chunk ahead of a call: nothing to fetch without
/// the split.
#[cfg(not(feature = "split"))]
async fn __preload_later() {}

split_off! {
    /// Builds `view`, fetching the chunk first if it has not been.
    pub fn later(view: Later) -> AnyView {
        match view {
            Later::Card(n) => event_card::card(n),
            Later::Article(n, scroller) => reader::article_text(n, scroller),
            Later::Chart(points) => figure_chart::chart(points),
            Later::Sources => credits::sources(),
        }
    }
}
