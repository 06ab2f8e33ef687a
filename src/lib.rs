//! Cooperation Atlas: the web app. A thin Leptos shell over the `atlas-extract` engine.

mod app;
pub mod components;
pub mod corpus;
pub mod extraction;
pub mod format;

pub use app::App;
