//! A bundle of "my articles": the articles someone brought, and what they decided about the
//! events found in them, as one `.zip` to keep, share or load again.
//!
//! - One `<name>.txt` per article, in the corpus format: exactly the text the engine read
//!   (header and body), so that evidence offsets stay valid. Dropped into `corpus/`, the files
//!   rebuild the site with these articles.
//! - `atlas-bundle.json`, the manifest: the format version, each article's entry and the file
//!   name the app knows it by (event ids are made from it: `deal.html#2`), and the review
//!   decisions per event id.
//!
//! ```json
//! {
//!   "format": "cooperation-atlas-bundle",
//!   "version": 1,
//!   "articles": [{"entry": "deal.txt", "file": "deal.html"}],
//!   "decisions": [
//!     {"event": "deal.html#1", "verdict": "accepted"},
//!     {"event": "deal.html#2", "verdict": "corrected", "fields": {"date": "2025-05-16"}}
//!   ]
//! }
//! ```
//!
//! The manifest is written by hand and read as the app reads extractions (the browser's
//! `JSON.parse` in wasm, serde_json natively). Entries are stored, not compressed (see
//! `zip.rs`). A zip of `.txt` files without a manifest reads too: each file is an article.

use super::zip;
use super::JsonWriter;
use crate::extraction::DocumentView;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The manifest's entry name.
pub const MANIFEST: &str = "atlas-bundle.json";
/// The `format` the manifest names.
pub const FORMAT: &str = "cooperation-atlas-bundle";
/// The manifest version written, and the newest read.
pub const FORMAT_VERSION: u32 = 1;
/// The most articles a bundle holds (its zip holds at most 1,000 entries, the manifest one).
pub const MAX_ARTICLES: usize = zip::MAX_ENTRIES - 1;

/// An article of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file name the app knows it by (its document's `file`), as dropped: `deal.html`.
    pub file: String,
    /// The text the engine read: the corpus-format file.
    pub text: String,
}

/// What someone decided about an event found in their articles.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Decision {
    /// The event's id (`deal.html#2`).
    pub event: String,
    pub verdict: Verdict,
    /// Corrected values by field name (`date` → `2025-05-16`, `places` → `Hefei; London`);
    /// empty unless the verdict is [`Verdict::Corrected`].
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accepted,
    Rejected,
    Corrected,
}

impl Verdict {
    fn tag(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::Rejected => "rejected",
            Verdict::Corrected => "corrected",
        }
    }
}

/// Articles and decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bundle {
    pub articles: Vec<Article>,
    pub decisions: Vec<Decision>,
}

/// Why a bundle could not be read: the bundle's file name, the entry (when the problem is in
/// one), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    pub bundle: String,
    pub entry: Option<String>,
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}: entry {entry:?}: {}", self.bundle, self.message),
            None => write!(f, "{}: {}", self.bundle, self.message),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// The bundle of `documents` (those that hold their text; others are skipped) and the
    /// decisions about their events.
    pub fn from_documents(documents: &[DocumentView], decisions: Vec<Decision>) -> Bundle {
        let articles = documents
            .iter()
            .filter_map(|document| {
                Some(Article {
                    file: document.file.clone(),
                    text: document.text.clone()?,
                })
            })
            .collect();
        Bundle { articles, decisions }
    }

    /// The bundle as zip bytes; its entries are dated `now_unix_seconds` (the caller passes the
    /// clock's time, tests a fixed one).
    ///
    /// # Errors
    /// A message when the bundle could not be read back: more than [`MAX_ARTICLES`] articles,
    /// or an article over the engine's 5 MB limit.
    ///
    /// # Example
    /// ```
    /// use cooperation_atlas::export::bundle::{Article, Bundle, Decision, Verdict};
    /// let bundle = Bundle {
    ///     articles: vec![Article { file: "deal.html".into(), text: "title: Deal\n\nSigned.\n".into() }],
    ///     decisions: vec![Decision { event: "deal.html#1".into(), verdict: Verdict::Accepted, fields: Default::default() }],
    /// };
    /// let zip = bundle.to_zip(1_750_000_000).unwrap();
    /// assert_eq!(Bundle::from_zip("mine.zip", &zip), Ok(bundle));
    /// ```
    pub fn to_zip(&self, now_unix_seconds: i64) -> Result<Vec<u8>, String> {
        if self.articles.len() > MAX_ARTICLES {
            return Err(format!(
                "a bundle holds at most {MAX_ARTICLES} articles; these are {}",
                self.articles.len()
            ));
        }
        if let Some(article) = self.articles.iter().find(|a| a.text.len() > zip::MAX_ENTRY_BYTES) {
            return Err(format!(
                "{}: {} bytes, more than the {}-byte limit for one article",
                article.file,
                article.text.len(),
                zip::MAX_ENTRY_BYTES
            ));
        }
        let names = entry_names(&self.articles);
        let mut entries: Vec<(String, Vec<u8>)> = names
            .iter()
            .zip(&self.articles)
            .map(|(name, article)| (name.clone(), article.text.as_bytes().to_vec()))
            .collect();
        entries.push((MANIFEST.to_string(), self.manifest(&names).into_bytes()));
        Ok(zip::write(&entries, zip::dos_date_time(now_unix_seconds)))
    }

    fn manifest(&self, names: &[String]) -> String {
        let mut json = JsonWriter::new(true);
        json.begin_object();
        json.key("format").string(FORMAT);
        json.key("version").integer(FORMAT_VERSION as usize);
        json.objects("articles", names.iter().zip(&self.articles), |json, (name, article)| {
            json.key("entry").string(name);
            json.key("file").string(&article.file);
        });
        json.objects("decisions", &self.decisions, |json, decision| {
            json.key("event").string(&decision.event);
            json.key("verdict").string(decision.verdict.tag());
            if !decision.fields.is_empty() {
                json.key("fields").begin_object();
                for (field, value) in &decision.fields {
                    json.key(field).string(value);
                }
                json.end_object();
            }
        });
        json.end_object();
        json.finish()
    }

    /// Reads a bundle from the bytes of the zip named `bundle_name`: the articles the manifest
    /// lists, in its order, then any other `.txt` entry (named by its entry), and the
    /// decisions.
    ///
    /// # Errors
    /// A [`BundleError`] naming the bundle, and the entry when the problem is in one: not a
    /// zip (or cut short, or damaged), more than 1,000 entries, an entry over 5 MB or
    /// compressed, a manifest that is not one or is of a newer version, an article it lists
    /// that is missing or is not UTF-8 text, two articles with the same file name, no article
    /// at all.
    pub fn from_zip(bundle_name: &str, bytes: &[u8]) -> Result<Bundle, BundleError> {
        let fail = |entry: Option<&str>, message: String| BundleError {
            bundle: bundle_name.to_string(),
            entry: entry.map(str::to_string),
            message,
        };
        let mut entries = zip::read(bytes).map_err(|error| fail(error.entry.as_deref(), error.message))?;
        let mut bundle = Bundle::default();
        let mut listed: Vec<(String, String)> = Vec::new();
        if let Some(at) = entries.iter().position(|(name, _)| name == MANIFEST) {
            let (_, manifest) = entries.remove(at);
            let manifest = String::from_utf8(manifest).map_err(|_| fail(Some(MANIFEST), "not UTF-8 text".into()))?;
            let manifest: Manifest = parse_json(&manifest)
                .map_err(|error| fail(Some(MANIFEST), format!("not a bundle manifest: {error}")))?;
            if manifest.format != FORMAT {
                return Err(fail(
                    Some(MANIFEST),
                    format!("its format is {:?}, not {FORMAT:?}", manifest.format),
                ));
            }
            if manifest.version > FORMAT_VERSION {
                return Err(fail(
                    Some(MANIFEST),
                    format!(
                        "it is format version {}, newer than this atlas reads ({FORMAT_VERSION}): update the atlas",
                        manifest.version
                    ),
                ));
            }
            listed = manifest.articles.into_iter().map(|a| (a.entry, a.file)).collect();
            bundle.decisions = manifest.decisions;
        }
        // The entries the manifest does not list: plain `.txt` files, not folders or the
        // `__MACOSX/` and dot files that archivers add.
        let unlisted = entries.iter().filter(|(name, _)| {
            let base = name.rsplit('/').next().unwrap_or(name);
            !listed.iter().any(|(entry, _)| entry == name)
                && !name.starts_with("__MACOSX/")
                && !base.starts_with('.')
                && base.to_ascii_lowercase().ends_with(".txt")
        });
        let unlisted: Vec<(String, String)> = unlisted.map(|(name, _)| (name.clone(), name.clone())).collect();
        for (entry, file) in listed.into_iter().chain(unlisted) {
            let Some((_, bytes)) = entries.iter_mut().find(|(name, _)| *name == entry) else {
                return Err(fail(
                    Some(&entry),
                    "the manifest lists it but the bundle does not hold it".into(),
                ));
            };
            if bundle.articles.iter().any(|article| article.file == file) {
                return Err(fail(Some(&entry), format!("a second article named {file:?}")));
            }
            let document = atlas_extract::Document::from_bytes(file.clone(), std::mem::take(bytes))
                .map_err(|error| fail(Some(&entry), error.kind().to_string()))?;
            bundle.articles.push(Article {
                file,
                text: document.text,
            });
        }
        if bundle.articles.is_empty() {
            return Err(fail(None, "it holds no article (.txt file)".into()));
        }
        Ok(bundle)
    }
}

/// `deal.html` → `deal.txt`: each article's entry name, from its file name's stem (letters,
/// digits, `-`, `_` and `.` kept, others `_`), made unique with `-2`, `-3`….
fn entry_names(articles: &[Article]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(articles.len());
    for article in articles {
        let base = article.file.rsplit(['/', '\\']).next().unwrap_or(&article.file);
        let stem = match base.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem,
            _ => base,
        };
        let mut stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .take(100)
            .collect();
        if stem.trim_matches(['.', '_']).is_empty() {
            stem = "article".into();
        }
        let mut name = format!("{stem}.txt");
        let mut n = 1;
        while names.iter().any(|taken| taken.eq_ignore_ascii_case(&name)) {
            n += 1;
            name = format!("{stem}-{n}.txt");
        }
        names.push(name);
    }
    names
}

#[derive(Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    #[serde(default)]
    articles: Vec<ManifestArticle>,
    #[serde(default)]
    decisions: Vec<Decision>,
}

#[derive(Deserialize)]
struct ManifestArticle {
    entry: String,
    file: String,
}

/// Reads JSON as [`crate::extraction::Extraction::from_json`] does: the browser's
/// `JSON.parse` in wasm, serde_json natively.
fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(json)
            .map_err(|error| format!("not JSON: {}", String::from(js_sys::Error::from(error).message())))?;
        serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000;

    fn bundle() -> Bundle {
        let html = "<title>Deal, signed</title><p>LONDON -- The UK and China signed a deal on May 15, 2025.</p>";
        let document = atlas_extract::article_from_file("My deal.html", html.as_bytes().to_vec()).unwrap();
        Bundle {
            articles: vec![
                Article {
                    file: document.file,
                    text: document.text,
                },
                Article {
                    file: "notes/my deal.md".into(),
                    text: "title: Notes\n\n中文正文。\n".into(),
                },
                Article {
                    file: "../../etc/passwd".into(),
                    text: "Plain text.".into(),
                },
            ],
            decisions: vec![
                Decision {
                    event: "My deal.html#1".into(),
                    verdict: Verdict::Corrected,
                    fields: BTreeMap::from([
                        ("date".into(), "2025-05-15".into()),
                        ("places".into(), "London; \"Beijing\"\n<b>".into()),
                    ]),
                },
                Decision {
                    event: "my deal.md#1".into(),
                    verdict: Verdict::Rejected,
                    fields: BTreeMap::new(),
                },
            ],
        }
    }

    #[test]
    fn export_then_import_gives_the_same_articles_and_decisions() {
        let bundle = bundle();
        let zip = bundle.to_zip(NOW).unwrap();
        assert_eq!(Bundle::from_zip("mine.zip", &zip).unwrap(), bundle);
        assert_eq!(bundle.to_zip(NOW).unwrap(), zip, "the same bundle, the same bytes");
    }

    #[test]
    fn a_bundle_that_could_not_be_read_back_is_not_written() {
        let article = |file: String, size: usize| Article {
            file,
            text: "a".repeat(size),
        };
        let many = Bundle {
            articles: (0..=MAX_ARTICLES).map(|i| article(format!("{i}.txt"), 1)).collect(),
            decisions: vec![],
        };
        assert_eq!(
            many.to_zip(NOW).unwrap_err(),
            "a bundle holds at most 999 articles; these are 1000"
        );
        let mut fewer = many;
        fewer.articles.pop();
        assert_eq!(Bundle::from_zip("b.zip", &fewer.to_zip(NOW).unwrap()).unwrap(), fewer);
        let large = Bundle {
            articles: vec![article("big.txt".into(), zip::MAX_ENTRY_BYTES + 1)],
            decisions: vec![],
        };
        assert!(large.to_zip(NOW).unwrap_err().starts_with("big.txt: 5242881 bytes"));
    }

    #[test]
    fn the_entries_are_corpus_files_and_a_manifest() {
        let bundle = bundle();
        let entries = zip::read(&bundle.to_zip(NOW).unwrap()).unwrap();
        let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["My_deal.txt", "my_deal-2.txt", "passwd.txt", MANIFEST]);
        for ((_, bytes), article) in entries.iter().zip(&bundle.articles) {
            assert_eq!(bytes, article.text.as_bytes(), "exactly the text the engine read");
            // Dropped into corpus/, the file reads as the same article.
            let again = atlas_extract::article_from_file("corpus/x.txt", bytes.clone()).unwrap();
            assert_eq!(again.text, article.text);
        }
        let manifest: serde_json::Value = serde_json::from_slice(&entries[3].1).unwrap();
        assert_eq!(manifest["format"], FORMAT);
        assert_eq!(manifest["version"], 1);
        assert_eq!(
            manifest["articles"][1],
            serde_json::json!({"entry": "my_deal-2.txt", "file": "notes/my deal.md"})
        );
        assert_eq!(
            manifest["decisions"][1],
            serde_json::json!({"event": "my deal.md#1", "verdict": "rejected"})
        );
    }

    #[test]
    fn a_zip_of_text_files_without_a_manifest_reads_too() {
        let zip = zip::write(
            &[
                ("a.txt".into(), b"Text A.".to_vec()),
                ("dir/".into(), vec![]),
                ("__MACOSX/._a.txt".into(), vec![0, 1]),
                ("readme.md".into(), b"# not read".to_vec()),
            ],
            (0, 33),
        );
        let bundle = Bundle::from_zip("plain.zip", &zip).unwrap();
        assert_eq!(
            bundle.articles,
            [Article {
                file: "a.txt".into(),
                text: "Text A.".into()
            }]
        );
        assert!(bundle.decisions.is_empty());
    }

    fn error(entries: &[(&str, &[u8])]) -> String {
        let entries: Vec<(String, Vec<u8>)> = entries.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
        Bundle::from_zip("b.zip", &zip::write(&entries, (0, 33)))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn what_is_wrong_is_said_with_the_bundle_and_the_entry() {
        let manifest = |version: u32, entry: &str| {
            format!(
                r#"{{"format": "{FORMAT}", "version": {version}, "articles": [{{"entry": "{entry}", "file": "a.html"}}]}}"#
            )
        };
        assert_eq!(
            error(&[(MANIFEST, manifest(2, "a.txt").as_bytes()), ("a.txt", b"x")]),
            "b.zip: entry \"atlas-bundle.json\": it is format version 2, newer than this atlas reads (1): update the atlas"
        );
        assert_eq!(
            error(&[(MANIFEST, manifest(1, "gone.txt").as_bytes())]),
            "b.zip: entry \"gone.txt\": the manifest lists it but the bundle does not hold it"
        );
        assert!(error(&[(MANIFEST, b"{\"format\": 1")])
            .starts_with("b.zip: entry \"atlas-bundle.json\": not a bundle manifest"));
        assert_eq!(
            error(&[("a.txt", b"Caf\xe9")]),
            "b.zip: entry \"a.txt\": not UTF-8 text (first invalid byte at offset 3); save the article as UTF-8"
        );
        let twice = format!(
            r#"{{"format": "{FORMAT}", "version": 1, "articles": [{{"entry": "a.txt", "file": "a.html"}}, {{"entry": "b.txt", "file": "a.html"}}]}}"#
        );
        assert_eq!(
            error(&[(MANIFEST, twice.as_bytes()), ("a.txt", b"x"), ("b.txt", b"y")]),
            "b.zip: entry \"b.txt\": a second article named \"a.html\""
        );
        assert_eq!(error(&[("notes.md", b"# x")]), "b.zip: it holds no article (.txt file)");
        let garbled = Bundle::from_zip("cut.zip", &bundle().to_zip(NOW).unwrap()[..100]).unwrap_err();
        assert_eq!(
            garbled.to_string(),
            "cut.zip: not a zip file (or cut short): its directory is missing"
        );
    }
}
