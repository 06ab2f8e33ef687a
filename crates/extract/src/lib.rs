//! The extraction engine of Cooperation Atlas.
//!
//! Reads news articles about China–UK cooperation (English, German, French, Chinese) and
//! finds what they say. Plain Rust with no web dependencies: the same code runs in the CLI, at
//! build time and, compiled to wasm32, in the browser.
//!
//! # Example
//! ```
//! use atlas_extract::{Document, Language};
//! let article = "date 2025-05-16\nsource: Xinhua - Chinese Ambassador calls for more Sino-UK sci-tech cooperation\n\nLONDON, May 15 (Xinhua) -- The ambassador spoke at the forum in London on Wednesday.";
//! let doc = Document::from_text("002.txt", article.to_string());
//! assert_eq!(doc.title.as_deref(), Some("Chinese Ambassador calls for more Sino-UK sci-tech cooperation"));
//! assert_eq!(doc.lang, Language::English);
//! ```

mod actors;
mod corpus;
mod date;
pub mod date_expr;
mod date_scan;
mod document;
mod error;
pub mod event;
mod extract;
mod fxhash;
pub mod gazetteer;
pub mod import;
mod language;
pub mod lexicon;
pub mod money;
pub mod output;
mod phrase_dfa;
mod phrases;
pub mod segment;

pub use corpus::{load_paths, Loaded, ARTICLE_EXTENSIONS};
pub use date::{civil_from_days, days_from_civil, PartialDate, Precision};
pub use document::{Document, MAX_ARTICLE_BYTES};
pub use error::{Error, ErrorKind};
pub use event::Event;
pub use extract::{extract, extract_with};
pub use import::article_from_file;
pub use language::{detect_language, is_in_unread_language, Language};

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
