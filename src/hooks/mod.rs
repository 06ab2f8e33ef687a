//! Reusable reactive logic (`use_*`), each in its own file.

mod use_after_first_frame;
mod use_deferred;
mod use_embed_height;
mod use_theme;
mod use_url_sync;
mod use_virtual_rows;

pub use use_after_first_frame::{after_first_frame, use_after_first_frame};
pub use use_deferred::use_deferred;
pub use use_embed_height::{use_embed_height, HEIGHT_MESSAGE};
pub use use_theme::{use_theme, Theme, UseThemeReturn};
pub use use_url_sync::{browser_ui_lang, current_query, use_url_sync};
pub use use_virtual_rows::{use_virtual_rows, UseVirtualRowsOptions, UseVirtualRowsReturn};
