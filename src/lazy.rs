//! Code the first view does not need, cut into chunks fetched the first time they are used.
//!
//! In the site's build (feature `split`) a function declared with [`split_off!`] is a Leptos
//! `#[lazy]` function: `.ci/split-wasm.mjs` moves it, and whatever only it uses, into a chunk of
//! its own after linking. Everywhere else (native and browser tests, which run the module as the
//! linker wrote it) it is a plain `async fn`, so both builds call it the same way: `f(x).await`.

/// Declares `async fn $name(...) -> $ret`, a chunk of its own in the site's build.
///
/// Each function names its chunk (`lazy-<name>-<hash>.wasm`): `#[lazy]` would otherwise take
/// its unique name from where it is written, which for every use of this macro is here.
///
/// # Example
/// ```ignore
/// split_off! {
///     /// The selected event's card.
///     fn card_view(n: usize) -> AnyView { view! { <p>{n}</p> }.into_any() }
/// }
/// // In a component: `move || Suspend::new(async move { card_view(n).await })`.
/// ```
macro_rules! split_off {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[leptos::prelude::lazy($name)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

pub(crate) use split_off;
