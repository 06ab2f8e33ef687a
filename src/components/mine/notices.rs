use crate::context::use_atlas;
use crate::mine::session::{MineSession, Notice};
use crate::mine::store::StoreError;
use leptos::prelude::*;

/// What went wrong while adding or keeping articles, each with a way to dismiss it.
#[component]
pub fn Notices(session: MineSession) -> impl IntoView {
    let ui = use_atlas().ui;
    let text = move |notice: &Notice| {
        let t = ui.get().mine();
        match notice {
            Notice::NotRead(error) => format!("{}: {error}", t.not_read),
            Notice::Engine(error) => format!("{}: {error}", t.engine_failed),
            Notice::Storage(StoreError::Full) => t.storage_full.to_string(),
            Notice::Storage(StoreError::Unavailable) => t.storage_unavailable.to_string(),
            Notice::Storage(StoreError::Other(error)) => format!("{}: {error}", t.storage_failed),
            Notice::Quarantined(q) => format!("{} {} ({}) → {}", t.quarantined, q.key, q.reason, q.moved_to),
        }
    };
    view! {
        <Show when=move || session.notices.with(|n| !n.is_empty())>
            <ul class="mine-notices" role="alert">
                {move || {
                    session.notices.get().into_iter().enumerate().map(|(n, notice)| {
                        view! {
                            <li>
                                <span>{text(&notice)}</span>
                                <button type="button" class="dismiss" on:click=move |_| session.notices.update(|all| { if n < all.len() { all.remove(n); } })>
                                    {move || ui.get().mine().dismiss}
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </Show>
    }
}
