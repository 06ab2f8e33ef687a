//! Extraction throughput: how many bytes of article text `extract` reads per second on one core.
//!
//! `cargo bench -p atlas-extract --bench throughput` (profile `bench`: opt-level 3). Loads every
//! article of `corpus/` and `tests/fixtures/devset/articles/`, extracts all of them round after
//! round for a few seconds, and prints the median round (and the fastest) as a Markdown table
//! (1 MB = 10^6 bytes), per language too; then the one-time costs (parsing the bundled
//! gazetteer, the first call) and the median time for one article of about 5 KB. Documents are
//! read before timing: only `extract(&doc)` is timed, including dropping its result.

use atlas_extract::gazetteer::{Gazetteer, BUNDLED_GAZETTEER_TSV};
use atlas_extract::{extract, load_paths, Document, Language};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Wall time spent on the rounds over the whole set, and on the single article.
const WALL: Duration = Duration::from_secs(4);
const SINGLE_WALL: Duration = Duration::from_secs(2);
const MIN_ROUNDS: usize = 20;
/// Size of the single article whose extraction time is reported on its own.
const SINGLE_BYTES: usize = 5_000;

/// Benches are native-only, so the clock the browser lacks (`.clippy.toml`) is fine here.
#[allow(clippy::disallowed_methods)]
fn now() -> Instant {
    Instant::now()
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let loaded = load_paths(&[root.join("corpus"), root.join("tests/fixtures/devset/articles")]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let docs = loaded.documents;
    assert!(!docs.is_empty(), "no articles");

    // One-time costs, before anything else touches the lazily built statics.
    let start = now();
    black_box(Gazetteer::bundled());
    let bundled = start.elapsed();
    let start = now();
    black_box(extract(&docs[0]));
    let first_extract = start.elapsed();
    let parse = median(
        (0..5)
            .map(|_| {
                let start = now();
                black_box(Gazetteer::parse(black_box(BUNDLED_GAZETTEER_TSV)).unwrap());
                start.elapsed()
            })
            .collect(),
    );

    // Rounds over the whole set; each article timed on its own so languages can be told apart.
    let languages: Vec<Language> = {
        let mut seen: Vec<Language> = Vec::new();
        for doc in &docs {
            if !seen.contains(&doc.lang) {
                seen.push(doc.lang);
            }
        }
        seen.sort_by_key(|lang| lang.tag());
        seen
    };
    let lang_index: Vec<usize> = docs
        .iter()
        .map(|d| languages.iter().position(|&l| l == d.lang).unwrap())
        .collect();
    let mut rounds: Vec<Duration> = Vec::new();
    let mut per_language: Vec<Vec<Duration>> = vec![Vec::new(); languages.len()];
    let started = now();
    while rounds.len() < MIN_ROUNDS || started.elapsed() < WALL {
        let mut sums = vec![Duration::ZERO; languages.len()];
        for (doc, &lang) in docs.iter().zip(&lang_index) {
            let start = now();
            drop(black_box(extract(black_box(doc))));
            sums[lang] += start.elapsed();
        }
        rounds.push(sums.iter().sum());
        for (times, sum) in per_language.iter_mut().zip(sums) {
            times.push(sum);
        }
    }

    println!("| articles | count | bytes | rounds | median per round | MB/s | fastest round, MB/s |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let all_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    row("all", docs.len(), all_bytes, &rounds);
    for (i, (lang, times)) in languages.iter().zip(per_language).enumerate() {
        let of_lang = || docs.iter().zip(&lang_index).filter(|(_, &l)| l == i).map(|(d, _)| d);
        let bytes = of_lang().map(|d| d.text.len()).sum();
        row(lang.tag(), of_lang().count(), bytes, &times);
    }

    // One article of about 5 KB: the English articles joined paragraph by paragraph.
    let single = five_kb_article(&docs);
    let mut times = Vec::new();
    let started = now();
    while times.len() < MIN_ROUNDS || started.elapsed() < SINGLE_WALL {
        let start = now();
        drop(black_box(extract(black_box(&single))));
        times.push(start.elapsed());
    }
    println!();
    println!("| one-time and single-article costs | median |");
    println!("| --- | ---: |");
    println!(
        "| `Gazetteer::bundled()`, first call (parses {:.0} KB of TSV, builds the matcher) | {:.1} ms |",
        BUNDLED_GAZETTEER_TSV.len() as f64 / 1e3,
        ms(bundled)
    );
    println!(
        "| `Gazetteer::parse(BUNDLED_GAZETTEER_TSV)`, median of 5 | {:.1} ms |",
        ms(parse)
    );
    println!(
        "| first `extract()` after that (lazy cue matchers, one {:.1} KB article) | {:.2} ms |",
        docs[0].text.len() as f64 / 1e3,
        ms(first_extract)
    );
    let fastest = times.iter().min().copied().unwrap_or_default();
    println!(
        "| `extract()` of one {:.1} KB article ({}), median of {} (fastest) | {:.0} µs ({:.0} µs) |",
        single.text.len() as f64 / 1e3,
        single.lang.tag(),
        times.len(),
        median(times).as_secs_f64() * 1e6,
        fastest.as_secs_f64() * 1e6
    );
}

/// One line of the table: the median round, and the fastest one (the figure least disturbed by
/// whatever else the machine runs).
fn row(label: &str, count: usize, bytes: usize, rounds: &[Duration]) {
    let median = median(rounds.to_vec());
    let fastest = rounds.iter().min().copied().unwrap_or_default();
    let mb_per_s = |time: Duration| bytes as f64 / time.as_secs_f64() / 1e6;
    println!(
        "| {label} | {count} | {bytes} | {} | {:.3} ms | {:.1} | {:.1} |",
        rounds.len(),
        ms(median),
        mb_per_s(median),
        mb_per_s(fastest)
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// The first English article, with paragraphs of the next ones appended until it is at least
/// [`SINGLE_BYTES`] long: a realistic article of that size, header and dateline included.
fn five_kb_article(docs: &[Document]) -> Document {
    let mut english = docs.iter().filter(|d| d.lang == Language::English);
    let first = english.next().expect("an English article");
    let mut text = first.text.trim_end().to_string();
    for paragraph in english.flat_map(|d| d.body().split("\n\n")) {
        if text.len() >= SINGLE_BYTES {
            break;
        }
        if !paragraph.trim().is_empty() {
            text.push_str("\n\n");
            text.push_str(paragraph.trim());
        }
    }
    text.push('\n');
    Document::from_text("five_kb.txt", text)
}
