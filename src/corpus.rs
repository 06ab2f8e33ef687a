//! The bundled corpus: build.rs runs the engine on `corpus/*.txt` and the app embeds its
//! output (the JSON of `atlas extract`). Immutable, so plain data rather than signals.

use crate::extraction::{DocumentView, EventView, Extraction};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled articles and their events, read once.
#[derive(Debug)]
pub struct BundledCorpus {
    pub extraction: Extraction,
    /// Files in `corpus/` that are not readable articles; shown, never silently dropped.
    pub errors: Vec<String>,
}

impl BundledCorpus {
    pub fn documents(&self) -> &[DocumentView] {
        &self.extraction.documents
    }

    pub fn events_of(&self, document: &DocumentView) -> Vec<&EventView> {
        self.extraction.events_of(document)
    }
}

/// Reads the bundled extraction on first use.
pub fn bundled_corpus() -> &'static BundledCorpus {
    static CORPUS: OnceLock<BundledCorpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut errors: Vec<String> = BUNDLED_LOAD_ERRORS.iter().map(|error| error.to_string()).collect();
        let mut extraction = Extraction::from_json(BUNDLED_EXTRACTION_JSON).unwrap_or_else(|error| {
            errors.push(format!("the bundled events cannot be read: {error}"));
            Extraction::default()
        });
        for (document, text) in extraction.documents.iter_mut().zip(BUNDLED_TEXTS) {
            document.text = Some((*text).to_string());
        }
        BundledCorpus { extraction, errors }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_extract::{load_paths, output};

    fn corpus_files() -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|path| path.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_corpus_file_is_bundled_and_readable() {
        let corpus = bundled_corpus();
        assert_eq!(corpus.documents().len(), corpus_files().len());
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        // Every evidence offset points at its sentence in the embedded text.
        for event in &corpus.extraction.events {
            let document = corpus.documents().iter().find(|d| d.file == event.file).unwrap();
            let text = document.text.as_deref().unwrap();
            for evidence in &event.evidence {
                assert_eq!(&text[evidence.start..evidence.end], evidence.text, "{}", event.id);
            }
        }
    }

    /// The embedded JSON is the document `atlas extract corpus/*.txt` prints (run from the
    /// repository root, with this build's engine), written compact.
    #[test]
    fn the_bundled_events_are_the_output_of_atlas_extract() {
        let relative: Vec<_> = corpus_files()
            .iter()
            .map(|path| std::path::Path::new("corpus").join(path.file_name().unwrap()))
            .collect();
        // `cargo test` runs in the package directory, as build scripts do.
        let loaded = load_paths(&relative);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let expected = serde_json::to_string(&output::Extraction::of(&loaded.documents)).unwrap();
        assert!(
            BUNDLED_EXTRACTION_JSON == expected,
            "the bundled events differ from the engine's output"
        );
        assert!(expected.contains(r#""file":"corpus/000_c48207b33622d201.txt""#));
    }
}
