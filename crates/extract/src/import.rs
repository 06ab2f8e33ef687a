//! Articles people bring themselves (dropped or picked files in the browser): plain text,
//! Markdown or a saved web page, each reduced to the corpus format — a `key: value` header,
//! a blank line, then the body's paragraphs separated by blank lines.
//!
//! The reduced text is what the engine reads and what evidence offsets point into, and it is
//! itself a valid corpus file: saved as `.txt` into `corpus/`, it gives the same events.
//! Nothing is ever rendered: markup is dropped (scripts and styles with their content),
//! entities are decoded, and what remains is plain text that the app shows as text.

mod html;
mod markdown;

use crate::date::PartialDate;
use crate::document::{checked_text, Document};
use crate::error::{Error, ErrorKind};
use crate::language::Language;

/// The file extensions [`article_from_file`] reads, lower case, without the dot.
pub const IMPORT_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// Reads a file someone dropped or picked: the format comes from the extension of
/// `file_name` (case-insensitive). `.txt` is read as it is ([`Document::from_bytes`]);
/// `.md`/`.markdown` and `.html`/`.htm` are first reduced to corpus-format text
/// ([`markdown_to_article`], [`html_to_article`]), which becomes the document's text.
///
/// # Errors
/// [`ErrorKind::UnsupportedFile`] for any other extension (or none);
/// [`ErrorKind::TooLarge`], [`ErrorKind::Binary`] and [`ErrorKind::InvalidUtf8`] as for
/// [`Document::from_bytes`]; [`ErrorKind::Empty`] when no body text remains (a page of
/// scripts only). Every error names `file_name`.
///
/// # Example
/// ```
/// use atlas_extract::{import::article_from_file, ErrorKind};
/// let page = b"<html lang=en><head><title>UK and China sign a deal</title>\
///   <meta property=\"article:published_time\" content=\"2025-05-16T08:00:00Z\"></head>\
///   <body><script>alert(1)</script><p>LONDON &mdash; Both sides <b>signed</b> it.</p></body></html>";
/// let doc = article_from_file("deal.HTML", page.to_vec()).unwrap();
/// assert_eq!(doc.title.as_deref(), Some("UK and China sign a deal"));
/// assert_eq!(doc.published.unwrap().to_string(), "2025-05-16");
/// assert_eq!(doc.body(), "LONDON — Both sides signed it.\n");
///
/// let error = article_from_file("report.pdf", b"%PDF-1.7".to_vec()).unwrap_err();
/// assert!(matches!(error.kind(), ErrorKind::UnsupportedFile { .. }));
/// assert!(error.to_string().starts_with("report.pdf: a .pdf file is not read"));
/// ```
pub fn article_from_file(file_name: &str, bytes: Vec<u8>) -> Result<Document, Error> {
    let extension = extension(file_name);
    let reduce: fn(&str) -> Reduced = match extension.to_ascii_lowercase().as_str() {
        "txt" => return Document::from_bytes(file_name, bytes),
        "md" | "markdown" => markdown::reduce,
        "html" | "htm" => html::reduce,
        _ => {
            let extension = extension.to_string();
            return Err(Error::new(ErrorKind::UnsupportedFile { extension }).in_file(file_name));
        }
    };
    let reduced = reduce(&checked_text(file_name, bytes)?);
    if reduced.paragraphs.is_empty() {
        return Err(Error::new(ErrorKind::Empty).in_file(file_name));
    }
    Ok(Document::from_text(file_name, reduced.into_article()))
}

/// Reduces an HTML page to corpus-format text: metadata (title, date, source, url, lang) as
/// the header, then the visible text, one paragraph per block element. Never fails, never
/// panics: any input gives some text (maybe only a header, or nothing).
///
/// # Example
/// ```
/// let text = atlas_extract::import::html_to_article(
///     "<h1>Visit to Hefei</h1><p>A delegation <a href=\"javascript:alert(1)\">visited</a>.<img src=x onerror=alert(1)></p>",
/// );
/// assert_eq!(text, "title: Visit to Hefei\n\nVisit to Hefei\n\nA delegation visited.\n");
/// ```
pub fn html_to_article(html: &str) -> String {
    html::reduce(html).into_article()
}

/// Reduces Markdown to corpus-format text: front matter (`---` … `---`) and the first
/// `# Heading` give the header; markers (headings, emphasis, links, lists, quotes) are
/// dropped, images too, code is kept as text. Never fails, never panics.
///
/// # Example
/// ```
/// let text = atlas_extract::import::markdown_to_article(
///     "---\ndate: 2025-05-16\n---\n# Deal signed\n\nThe **UK** and [China](https://example.org) signed.",
/// );
/// assert_eq!(text, "title: Deal signed\ndate: 2025-05-16\n\nDeal signed\n\nThe UK and China signed.\n");
/// ```
pub fn markdown_to_article(markdown: &str) -> String {
    markdown::reduce(markdown).into_article()
}

/// The extension of the last path component, without the dot (empty when there is none).
fn extension(file_name: &str) -> &str {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension,
        _ => "",
    }
}

/// What a page or a Markdown file says about itself, as header values.
#[derive(Debug, Default, Clone, PartialEq)]
struct Meta {
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

impl Meta {
    /// The values by key, in the header's order.
    fn into_pairs(self) -> [(&'static str, Option<String>); 5] {
        [
            ("title", self.title),
            ("date", self.date),
            ("source", self.source),
            ("url", self.url),
            ("lang", self.lang),
        ]
    }

    /// Keeps `value` for `key` (date, title, source, url, lang) when it is usable and the key
    /// has none yet: dates become `YYYY[-MM[-DD]]`, urls must be web addresses, languages
    /// ones the engine reads.
    fn offer(&mut self, key: &str, value: &str) {
        let (slot, value) = match key {
            "title" => (&mut self.title, single_line(value)),
            "source" => (&mut self.source, single_line(value)),
            "date" => (&mut self.date, iso_date(value)),
            "url" => (&mut self.url, web_url(value)),
            "lang" => (&mut self.lang, Language::from_tag(value).map(|l| l.tag().to_string())),
            _ => return,
        };
        if slot.is_none() {
            *slot = value;
        }
    }
}

/// A reduced article: its metadata and its paragraphs, each a single line of text.
#[derive(Debug, Default)]
struct Reduced {
    meta: Meta,
    paragraphs: Vec<String>,
}

impl Reduced {
    /// The corpus-format text: `key: value` lines, a blank line, paragraphs separated by blank
    /// lines, a final newline.
    fn into_article(self) -> String {
        let mut text = String::new();
        for (key, value) in self.meta.into_pairs() {
            if let Some(value) = value {
                text.push_str(key);
                text.push_str(": ");
                text.push_str(&value);
                text.push('\n');
            }
        }
        for paragraph in &self.paragraphs {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(paragraph);
            text.push('\n');
        }
        text
    }
}

/// Paragraphs built from text pieces: whitespace (and control characters) collapsed to single
/// spaces, zero-width characters dropped.
#[derive(Debug, Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() {
                self.space = true;
            } else if !matches!(c, '\u{feff}' | '\u{200b}') {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    /// Ends the current paragraph (if it has any text).
    fn end(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.space = false;
    }

    fn finish(mut self) -> Vec<String> {
        self.end();
        self.done
    }
}

/// One line, whitespace collapsed, or `None` when nothing is left.
fn single_line(value: &str) -> Option<String> {
    let mut paragraphs = Paragraphs::default();
    paragraphs.push_text(value);
    paragraphs.finish().pop()
}

/// `2025-05-16T08:00:00+01:00` → `2025-05-16`; also `YYYY-MM` and `YYYY`. `None` for
/// anything else (`16/05/2025`): never a guessed date.
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(value.len())
        .min(10);
    PartialDate::parse_iso(&value[..end]).map(|date| date.to_string())
}

/// An `http(s)://` address without whitespace; anything else (`javascript:`, relative paths)
/// is dropped, since the app may show the url as a link.
fn web_url(value: &str) -> Option<String> {
    let value = value.trim();
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    let is_web = lower.starts_with("http://") || lower.starts_with("https://");
    (is_web && value.len() > 8 && !value.contains(|c: char| c.is_whitespace() || c.is_control()))
        .then(|| value.to_string())
}

/// A deterministic stream of pseudo-random numbers (a 64-bit LCG) for the never-panics tests.
#[cfg(test)]
fn pseudo_random(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_chooses_the_reader() {
        let text = article_from_file("dir.v2/a.TXT", b"title: T\n\nBody.".to_vec()).unwrap();
        assert_eq!(text.title.as_deref(), Some("T"));
        assert_eq!(text.text, "title: T\n\nBody.", "a .txt file is read unchanged");
        let md = article_from_file("a.Markdown", b"# T\n\n*Body*.".to_vec()).unwrap();
        assert_eq!(md.text, "title: T\n\nT\n\nBody.\n");
        assert_eq!(md.file, "a.Markdown");
        let html = article_from_file("a.htm", b"<p>Body</p>".to_vec()).unwrap();
        assert_eq!(html.text, "Body\n");
    }

    #[test]
    fn other_files_are_refused_with_a_message_naming_them() {
        for (name, extension) in [("photo.JPG", "JPG"), ("README", ""), (".bashrc", ""), ("a/b.c/d", "")] {
            let error = article_from_file(name, b"x".to_vec()).unwrap_err();
            assert_eq!(
                error.kind(),
                &ErrorKind::UnsupportedFile {
                    extension: extension.into()
                }
            );
            assert_eq!(error.file(), Some(name));
            assert!(
                error.to_string().contains("articles are .txt, .md or .html files"),
                "{error}"
            );
        }
        let error = article_from_file("photo.JPG", vec![]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "photo.JPG: a .JPG file is not read as an article; articles are .txt, .md or .html files"
        );
    }

    #[test]
    fn the_byte_checks_apply_to_every_format_and_name_the_file() {
        for name in ["a.txt", "a.md", "a.html"] {
            let error = article_from_file(name, b"\x00\x01PNG".to_vec()).unwrap_err();
            assert_eq!((error.kind(), error.file()), (&ErrorKind::Binary, Some(name)));
            let error = article_from_file(name, b"Caf\xe9".to_vec()).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::InvalidUtf8 { byte_offset: 3 });
            let error = article_from_file(name, vec![b' '; crate::MAX_ARTICLE_BYTES + 1]).unwrap_err();
            assert!(matches!(error.kind(), ErrorKind::TooLarge { .. }));
            let error = article_from_file(name, b" \n ".to_vec()).unwrap_err();
            assert_eq!((error.kind(), error.file()), (&ErrorKind::Empty, Some(name)));
        }
        for page in [
            "<html><head><title>Only a title</title></head><body> </body></html>",
            "<script>document.write('hi')</script><!-- nothing --><style>p{}</style>",
        ] {
            let error = article_from_file("page.html", page.as_bytes().to_vec()).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::Empty, "{page}");
            assert_eq!(error.to_string(), "page.html: the file is empty");
        }
    }

    #[test]
    fn header_values_are_single_lines_and_safe() {
        let mut meta = Meta::default();
        meta.offer("title", " A\r\ntitle:\n\tsplit ");
        meta.offer("title", "second title is ignored");
        meta.offer("url", "javascript:alert(1)");
        meta.offer("url", "HTTPS://example.org/a b");
        meta.offer("url", "https://example.org/a");
        meta.offer("date", "16/05/2025");
        meta.offer("date", "2025-05-16T08:00:00Z");
        meta.offer("lang", "xx");
        meta.offer("lang", "en-GB");
        meta.offer("author", "ignored");
        assert_eq!(meta.title.as_deref(), Some("A title: split"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.date.as_deref(), Some("2025-05-16"));
        assert_eq!(meta.lang.as_deref(), Some("en"));
        assert_eq!(iso_date("2025-5-1"), None);
        assert_eq!(iso_date("2025-05"), Some("2025-05".into()));
    }

    #[test]
    fn the_reduced_text_is_a_corpus_file_that_reads_the_same() {
        let page = include_str!("../tests/fixtures/import/article.html");
        let doc = article_from_file("article.html", page.as_bytes().to_vec()).unwrap();
        assert!(doc.text.starts_with(
            "title: UK firms seek cooperation in Hefei\ndate: 2025-09-30\nsource: Example News\n\
             url: https://news.example.org/2025/09/30/hefei.html\nlang: en\n\nUK firms seek cooperation in Hefei\n\n"
        ));
        assert!(!doc.text.contains("tracking") && !doc.text.contains("Home") && !doc.text.contains("alert"));
        let events = crate::extract(&doc);
        let visit = events
            .iter()
            .find(|e| e.kind == crate::lexicon::EventKind::Visit)
            .unwrap();
        assert!(visit.places.iter().any(|p| p.canonical == "Hefei"), "{visit:?}");
        for evidence in &visit.evidence {
            assert_eq!(&doc.text[evidence.start..evidence.end], evidence.text);
        }
        let again = Document::from_bytes("article.txt", doc.text.clone().into_bytes()).unwrap();
        assert_eq!(
            (&again.title, again.published, &again.source),
            (&doc.title, doc.published, &doc.source)
        );
        assert_eq!(
            crate::extract(&again),
            crate::extract(&Document {
                file: "article.txt".into(),
                ..doc
            })
        );
    }
}
