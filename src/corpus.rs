//! The articles compiled into the app. Immutable, so plain data rather than signals.

use atlas_extract::{Document, Error};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled articles, read once.
#[derive(Debug)]
pub struct BundledCorpus {
    pub documents: Vec<Document>,
    /// Files in `corpus/` that are not readable articles; shown, never silently dropped.
    pub errors: Vec<Error>,
}

/// Reads the bundled articles on first use.
pub fn bundled_corpus() -> &'static BundledCorpus {
    static CORPUS: OnceLock<BundledCorpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut corpus = BundledCorpus {
            documents: Vec::with_capacity(BUNDLED_ARTICLES.len()),
            errors: Vec::new(),
        };
        for &(file, bytes) in BUNDLED_ARTICLES {
            match Document::from_bytes(file, bytes.to_vec()) {
                Ok(document) => corpus.documents.push(document),
                Err(error) => corpus.errors.push(error),
            }
        }
        corpus
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_corpus_file_is_bundled_and_readable() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
            .count();
        let corpus = bundled_corpus();
        assert_eq!(corpus.documents.len(), on_disk);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    }
}
