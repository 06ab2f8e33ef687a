//! Extracts every article of `corpus/` and `tests/fixtures/devset/articles/` `ROUNDS` times
//! (default 200), for profilers: `perf record`, or `valgrind --tool=callgrind` with `ROUNDS=5`
//! minus `ROUNDS=0` divided by 5 for the cost of one round without the one-time setup.
//!
//! `LANGS=zh-Hans,zh-Hant` keeps only the articles in those languages (tags as in the output).
//!
//! `cargo build --profile native -p atlas-extract --example rounds`

use atlas_extract::{extract, load_paths};
use std::hint::black_box;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let loaded = load_paths(&[root.join("corpus"), root.join("tests/fixtures/devset/articles")]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let langs = std::env::var("LANGS").unwrap_or_default();
    let documents: Vec<_> = loaded
        .documents
        .into_iter()
        .filter(|doc| langs.is_empty() || langs.split(',').any(|tag| tag == doc.lang.tag()))
        .collect();
    assert!(!documents.is_empty(), "no article in {langs:?}");
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(200);
    // The one-time setup (gazetteer, cue automata, the Han ones at the first Chinese article)
    // happens here, in a round of its own before the counted ones.
    for doc in &documents {
        drop(black_box(extract(black_box(doc))));
    }
    for _ in 0..rounds {
        for doc in &documents {
            drop(black_box(extract(black_box(doc))));
        }
    }
}
