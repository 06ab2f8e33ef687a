//! The output document of an extraction: what `atlas extract` prints and what the app embeds
//! for its bundled corpus. One definition, so that the two cannot drift apart. The schema is
//! in the crate README.

use crate::document::Document;
use crate::event::Event;
use crate::extract::extract;
use serde::Serialize;

/// `{"documents": [...], "events": [...]}`: the articles read, then every event found in them,
/// in document order.
///
/// # Example
/// ```
/// use atlas_extract::{output::Extraction, Document};
/// let documents = [Document::from_text("a.txt", "date 2025-05-16\n\nLONDON, May 15 -- A Chinese delegation visited London on Thursday.".into())];
/// let extraction = Extraction::of(&documents);
/// assert_eq!(extraction.documents.len(), 1);
/// assert!(extraction.events.iter().all(|event| event.file == "a.txt"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction<'a> {
    pub documents: &'a [Document],
    pub events: Vec<Event>,
}

impl<'a> Extraction<'a> {
    /// The output for `documents` and the `events` already extracted from them.
    pub fn new(documents: &'a [Document], events: Vec<Event>) -> Self {
        Extraction { documents, events }
    }

    /// Runs the engine on every document, in order.
    pub fn of(documents: &'a [Document]) -> Self {
        Extraction::new(documents, documents.iter().flat_map(extract).collect())
    }
}
