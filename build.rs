//! Bundles every article in `corpus/` into the app: the site needs no server and fetches no data.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    println!("cargo::rerun-if-changed={}", corpus.display());
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", corpus.display()))
        .map(|entry| entry.expect("corpus directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();

    let mut source = String::from("/// Every `corpus/*.txt` file: (file name, exact bytes).\n");
    source.push_str("pub static BUNDLED_ARTICLES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).expect("UTF-8 file name");
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            source,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    source.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_corpus.rs");
    std::fs::write(out, source).expect("write bundled_corpus.rs");
}
