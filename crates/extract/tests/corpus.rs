//! The engine on the bundled corpus (`corpus/`, copied from the project's seed articles).

use atlas_extract::{load_paths, Document, Language, Precision};
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn corpus() -> Vec<Document> {
    let loaded = load_paths(&[corpus_dir()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.documents
}

fn document(name: &str) -> Document {
    corpus()
        .into_iter()
        .find(|d| d.file.ends_with(name))
        .unwrap_or_else(|| panic!("{name} not in the corpus"))
}

#[test]
fn loads_the_five_articles_in_name_order_and_skips_the_readme() {
    let names: Vec<String> = corpus()
        .iter()
        .map(|d| d.file.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "000_c48207b33622d201.txt",
            "001_48830aa07a997378.txt",
            "002_01cc15b0259edb32.txt",
            "003_5eb7f95a5f7cd6be.txt",
            "004_164a5554560a1fca.txt"
        ]
    );
}

#[test]
fn metadata_of_each_article() {
    let cases = [
        (
            "000_c48207b33622d201.txt",
            Some("2025-09-30"),
            Language::English,
            Some("Xinhua"),
            "UK technology enterprises seek cooperation opportunities in China's innovation hub",
        ),
        (
            "001_48830aa07a997378.txt",
            Some("2019-04-01"),
            Language::English,
            None,
            "Sino-UK cooperation on innovation leads to a bright future",
        ),
        (
            "002_01cc15b0259edb32.txt",
            Some("2025-05-16"),
            Language::English,
            Some("Xinhua"),
            "Chinese Ambassador calls for more Sino-UK sci-tech cooperation",
        ),
        (
            "004_164a5554560a1fca.txt",
            Some("2025-05-15"),
            Language::German,
            Some("PRNewswire"),
            "Die Veranstaltung, an der Beamte",
        ),
    ];
    for (file, date, lang, source, title_start) in cases {
        let doc = document(file);
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), date, "{file} date");
        assert_eq!(doc.lang, lang, "{file} language");
        assert_eq!(doc.source.as_deref(), source, "{file} source");
        let title = doc.title.as_deref().unwrap_or_default();
        assert!(title.starts_with(title_start), "{file} title: {title}");
    }
}

#[test]
fn an_article_without_any_date_gets_none_not_a_guess() {
    let doc = document("003_5eb7f95a5f7cd6be.txt");
    assert_eq!(doc.published, None);
    assert_eq!(doc.lang, Language::English);
    assert!(doc.title.unwrap().starts_with("China and the UK will continue science"));
}

#[test]
fn month_only_header_keeps_its_precision_unless_a_dateline_agrees() {
    let doc = document("004_164a5554560a1fca.txt");
    assert_eq!(doc.published.unwrap().precision(), Precision::Day);
}

#[test]
fn body_offsets_point_into_the_unchanged_file() {
    for doc in corpus() {
        let on_disk = std::fs::read_to_string(&doc.file).unwrap();
        assert_eq!(doc.text, on_disk, "{}: text must be the file's bytes", doc.file);
        assert!(doc.text.is_char_boundary(doc.body_start));
        assert!(!doc.body().trim().is_empty(), "{}: empty body", doc.file);
    }
}

#[test]
fn json_field_names_are_the_documented_schema() {
    let json = serde_json::to_value(document("002_01cc15b0259edb32.txt")).unwrap();
    assert_eq!(json["published"], "2025-05-16");
    assert_eq!(json["lang"], "en");
    assert!(json["title"].is_string() && json["file"].is_string() && json["source"].is_string());
    assert!(
        json.get("text").is_none(),
        "the article text is not repeated in the JSON"
    );
}

#[test]
fn unreadable_files_are_reported_by_name_and_do_not_hide_the_rest() {
    let dir = std::env::temp_dir().join(format!("atlas-extract-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a_good.txt"),
        "date 2020-01-21\n\nLa coopération locale est un pilier des relations.",
    )
    .unwrap();
    std::fs::write(dir.join("b_latin1.txt"), b"Caf\xe9 du commerce").unwrap();
    std::fs::write(dir.join("c_empty.txt"), "").unwrap();
    std::fs::write(dir.join("ignored.png"), b"\x89PNG\x00\x00").unwrap();
    let loaded = load_paths(&[&dir, &dir.join("missing.txt")]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].lang, Language::French);
    let messages: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("b_latin1.txt") && messages[0].contains("not UTF-8"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("c_empty.txt") && messages[1].contains("empty"),
        "{messages:?}"
    );
    assert!(
        messages[2].contains("missing.txt") && messages[2].contains("cannot read"),
        "{messages:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_give_a_document_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(doc) = Document::from_bytes("fuzz.txt", bytes) {
            prop_assert!(doc.text.is_char_boundary(doc.body_start));
        }
    }

    #[test]
    fn any_text_gives_a_document(text in "\\PC{0,400}", header in "(date|source|title|lang|Updated)[: ]{0,2}[0-9a-zA-Z -]{0,20}\n{0,2}") {
        let doc = Document::from_text("fuzz.txt", format!("{header}{text}"));
        prop_assert!(doc.body_start <= doc.text.len());
    }
}

#[test]
fn every_article_states_at_least_one_event_with_exact_evidence() {
    for doc in corpus() {
        let events = atlas_extract::extract(&doc);
        assert!(!events.is_empty(), "{}: no event", doc.file);
        assert!(
            events
                .iter()
                .any(|e| e.salience == atlas_extract::event::Salience::Main),
            "{}: no main event",
            doc.file
        );
        for event in &events {
            for evidence in &event.evidence {
                assert_eq!(&doc.text[evidence.start..evidence.end], evidence.text);
            }
            assert_eq!(event.date.map(|d| d.precision()), event.date_precision);
        }
    }
}

#[test]
fn an_undated_article_gets_undated_events() {
    let doc = document("003_5eb7f95a5f7cd6be.txt");
    for event in atlas_extract::extract(&doc) {
        // Only dates the text states with their year may appear ("In 2017, …").
        if let Some(date) = event.date {
            let evidence: String = event.evidence.iter().map(|e| e.text.as_str()).collect();
            assert!(
                evidence.contains(&date.year_number().to_string()),
                "{date} in {evidence}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_never_panics_on_any_text(body in "\\PC{0,300}", cue in "(visit|signed|峰会|签署|£1.4bn|400亿英镑| -- |。|\\. )") {
        let doc = Document::from_text("fuzz.txt", format!("date 2025-05-16\n\nLONDON, May 15 (Xinhua) -- {body}{cue}{body}"));
        for event in atlas_extract::extract(&doc) {
            for evidence in &event.evidence {
                prop_assert_eq!(&doc.text[evidence.start..evidence.end], evidence.text.as_str());
            }
        }
    }
}

/// Real article text in every language the engine reads: the corpus and the devset fixtures.
fn real_texts() -> &'static [String] {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        let devset = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/devset/articles");
        let loaded = load_paths(&[corpus_dir(), devset]);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        loaded.documents.into_iter().map(|d| d.text).collect()
    })
}

/// The char boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random cuts of real articles glued with stray text: real structure (datelines, roles,
    /// quotations, Han names, figures) in positions no article has, so that byte arithmetic near
    /// multi-byte characters is exercised where it happens.
    #[test]
    fn extraction_never_panics_on_cut_and_spliced_real_articles(
        first in 0usize..64, second in 0usize..64,
        cuts in proptest::collection::vec(0usize..20_000, 4),
        glue in "(\\PC{0,12}|“|”|—|·|•| -- |\n\n|, said |驻|to the UK )",
    ) {
        let texts = real_texts();
        let (a, b) = (&texts[first % texts.len()], &texts[second % texts.len()]);
        let (a0, a1) = (boundary(a, cuts[0] % (a.len() + 1)), boundary(a, cuts[1] % (a.len() + 1)));
        let (b0, b1) = (boundary(b, cuts[2] % (b.len() + 1)), boundary(b, cuts[3] % (b.len() + 1)));
        let text = format!("{}{glue}{}", &a[a0.min(a1)..a0.max(a1)], &b[b0.min(b1)..b0.max(b1)]);
        let doc = Document::from_text("spliced.txt", text);
        for event in atlas_extract::extract(&doc) {
            for evidence in &event.evidence {
                prop_assert_eq!(&doc.text[evidence.start..evidence.end], evidence.text.as_str());
            }
        }
    }
}

/// The whole extraction of each corpus article, as JSON, against `tests/snapshots/`.
///
/// A change to the engine that changes what it finds shows up here as a diff to review. To
/// accept the new output: `INSTA_UPDATE=always cargo test -p atlas-extract --test corpus` (or
/// `cargo insta review`), then read the diff of `tests/snapshots/` before committing it. With
/// `CI=true` insta never writes a snapshot, so a stale one fails the run.
#[test]
fn extraction_of_each_article_matches_its_snapshot() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no corpus/*.txt");
    for path in paths {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        // The file name as a relative path: the snapshot must not depend on the checkout's location.
        let file = format!("corpus/{}", path.file_name().unwrap().to_str().unwrap());
        let doc = Document::from_bytes(&file, std::fs::read(&path).unwrap()).unwrap();
        let events: Vec<atlas_extract::Event> = atlas_extract::extract(&doc);
        insta::assert_json_snapshot!(format!("extraction@{name}"), events);
    }
}
