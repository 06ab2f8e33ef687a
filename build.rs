//! Runs the extraction engine on every article in `corpus/` at build time: the app embeds the
//! output (the JSON of `atlas extract`), so the site needs no server, fetches no data and
//! always shows what the engine of this very build finds.
//!
//! Writes, in `OUT_DIR`:
//! - `bundled_events.json`: `{"documents": [...], "events": [...]}` for every readable
//!   `corpus/*.txt` (schema: `crates/extract/README.md`);
//! - `bundled_corpus.rs`: that JSON as a `&str`, each article's text as the engine read it
//!   (evidence offsets point into it), and the files that could not be read, each with its
//!   reason. Those are not a build failure: the app lists them (and the build warns).

use atlas_extract::output::Extraction;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    // The site's build (feature `split`): `.ci/split-wasm.mjs` cuts the app's wasm at its
    // `#[lazy]` functions (the "Your articles" panel, the exporters) after linking, and needs
    // the linker's relocations to do so.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo::rustc-link-arg-bin=cooperation-atlas=--emit-relocs");
    }
    // Build scripts run in the package directory: `corpus/…` paths name the files as
    // `atlas extract corpus/*.txt` run from the repository root does.
    let corpus = Path::new("corpus");
    println!("cargo::rerun-if-changed=corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap_or_else(|error| panic!("cannot read the corpus directory corpus/: {error}"))
        .map(|entry| entry.expect("corpus directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
    }

    let loaded = atlas_extract::load_paths(&files);
    let json = serde_json::to_string(&Extraction::of(&loaded.documents)).expect("an extraction serialises");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let json_path = out.join("bundled_events.json");
    std::fs::write(&json_path, json).expect("write bundled_events.json");

    let mut source =
        String::from("/// The extraction of every readable `corpus/*.txt` file: the JSON of `atlas extract`.\n");
    writeln!(
        source,
        "pub static BUNDLED_EXTRACTION_JSON: &str = include_str!({:?});",
        json_path.display().to_string()
    )
    .unwrap();
    source.push_str("/// The text of each document of the extraction, in its order.\n");
    source.push_str("pub static BUNDLED_TEXTS: &[&str] = &[\n");
    for (n, document) in loaded.documents.iter().enumerate() {
        let text_path = out.join(format!("article_{n}.txt"));
        std::fs::write(&text_path, &document.text).expect("write an article's text");
        writeln!(source, "    include_str!({:?}),", text_path.display().to_string()).unwrap();
    }
    source.push_str("];\n");
    source.push_str("/// The `corpus/*.txt` files that could not be read, each with its reason.\n");
    source.push_str("pub static BUNDLED_LOAD_ERRORS: &[&str] = &[\n");
    for error in &loaded.errors {
        println!("cargo::warning=left out of the app: {error}");
        writeln!(source, "    {:?},", error.to_string()).unwrap();
    }
    source.push_str("];\n");
    std::fs::write(out.join("bundled_corpus.rs"), source).expect("write bundled_corpus.rs");
}
